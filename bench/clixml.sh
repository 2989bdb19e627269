#!/usr/bin/env bash
# CLIXML reading, compared in the same run with libxml2's xmllint on the same file:
#   hardcheck dump --summary FILE   (every object fully decoded, one at a time)
#   xmllint --noout --stream FILE   (a streaming parse, nothing decoded)
#   xmllint --noout FILE            (a whole tree in memory)
# The file is a generated Export-Clixml of `Get-User -ResultSize Unlimited` shape
# (bench/clixml_gen.py, about 200 MB).  Not part of ctest: timings on a shared
# machine vary; compare rows of one run, and prefer user+sys over elapsed time.
#
# Usage: bench/clixml.sh [FILE]
#   HARDCHECK=path/to/hardcheck (default build/cli/hardcheck)
#   USERS=N (default 121000, about 200 MB)   SKIP_TREE=1 skips xmllint's tree mode
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
hardcheck=${HARDCHECK:-build/cli/hardcheck}
file=${1:-${TMPDIR:-/tmp}/hardcheck-bench-users.xml}
users=${USERS:-121000}

command -v xmllint >/dev/null || { echo "xmllint not found (Debian package libxml2-utils)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (Debian package time)" >&2; exit 2; }
"$hardcheck" dump --help >/dev/null 2>&1 || { echo "$hardcheck has no 'dump' command" >&2; exit 2; }

if [ ! -f "$file" ]; then
  echo "generating $file ($users users)" >&2
  python3 "$here/clixml_gen.py" "$file" "$users"
fi

size_mb=$(( $(stat -c %s "$file") / 1000000 ))
echo "file: $file (${size_mb} MB), $(nproc) CPUs, $(uname -sr)"
printf '%-34s %9s %8s %8s %12s\n' tool elapsed_s user_s sys_s peak_rss_MB

times=$(mktemp)
trap 'rm -f "$times"' EXIT
run() {
  local label=$1; shift
  /usr/bin/time -o "$times" -f '%e %U %S %M' "$@" >/dev/null 2>&1 || true
  read -r elapsed user sys rss <"$times"
  printf '%-34s %9s %8s %8s %12d\n' "$label" "$elapsed" "$user" "$sys" $(( rss / 1024 ))
}

run "hardcheck dump --summary" "$hardcheck" dump --summary "$file"
run "xmllint --noout --stream" xmllint --noout --stream "$file"
if [ -z "${SKIP_TREE:-}" ]; then
  run "xmllint --noout (tree)" xmllint --noout "$file"
fi
