#!/usr/bin/env bash
# A fleet audit against the cost of just reading the same files:
#   hardcheck run -b cisa-exchange-2025 -j2 over N host bundles (bench/fleet_gen.py:
#     a UTF-16 registry export of about 3 MB, the Exchange and OS CLIXML exports and
#     the IIS configs of tests/data/corpus/exchange, varied per host)
#   xmllint --noout --stream over the same bundles' XML files (CLIXML and configs)
#   iconv -f UTF-16 -t UTF-8 over their .reg files
# Not part of ctest: timings on a shared machine vary.  Run twice; the first run also
# warms the page cache for all three (the bundles must fit in memory to compare CPU).
#
# Usage: bench/fleet.sh [DIR]   HOSTS=N (default 1000)  HARDCHECK=path (default build/cli/hardcheck)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
hardcheck=${HARDCHECK:-build/cli/hardcheck}
dir=${1:-${TMPDIR:-/tmp}/hardcheck-fleet}
hosts=${HOSTS:-1000}

command -v xmllint >/dev/null || { echo "xmllint not found (Debian package libxml2-utils)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (Debian package time)" >&2; exit 2; }

if [ ! -d "$dir" ] || [ "$(ls "$dir" | wc -l)" -ne "$hosts" ]; then
  rm -rf "$dir"
  echo "generating $hosts bundles in $dir" >&2
  python3 "$here/fleet_gen.py" "$here/.." "$dir" "$hosts"
fi
echo "bundles: $dir ($hosts hosts, $(du -sh "$dir" | cut -f1)), $(nproc) CPUs, $(uname -sr)"
# Warm the page cache so that no tool pays for the disk.
cat "$dir"/*/* >/dev/null

measure() {  # measure LABEL COMMAND...: elapsed, user+sys CPU, peak RSS
  local label=$1; shift
  /usr/bin/time -v "$@" >/dev/null 2>"$dir.time" || true
  awk -v label="$label" -v hosts="$hosts" '
    /Elapsed \(wall clock\)/ { n = split($NF, t, ":"); wall = (n == 3 ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2]) }
    /User time/ { user = $NF } /System time/ { sys = $NF }
    /Maximum resident set size/ { rss = $NF }
    END { printf "%-40s %8.2f s wall %8.2f s cpu %8.1f hosts/s %8.1f MB peak RSS\n", label, wall, user + sys, hosts / wall, rss / 1024 }' "$dir.time"
}

measure "hardcheck run cisa-exchange-2025 -j2" "$hardcheck" run -b cisa-exchange-2025 -e "$dir" -j 2 -o "$dir.report.txt"
measure "xmllint --noout --stream (XML files)" sh -c "find '$dir' \\( -name '*.xml' -o -name '*.config' \\) -print0 | xargs -0 xmllint --noout --stream"
measure "iconv UTF-16 to UTF-8 (.reg files)" sh -c "find '$dir' -name '*.reg' -print0 | xargs -0 iconv -f UTF-16 -t UTF-8"
tail -1 "$dir.report.txt"
