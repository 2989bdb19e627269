#!/usr/bin/env bash
# Registry export reader benchmark (issue 5), compared with peer tools in one run.
#
#   bench/reg.sh [MEGABYTES=200]
#
# Generates (once, deterministically) a UTF-16LE export shaped like
# `reg export HKLM\SYSTEM`, then times on the same file, best of 3:
#   - hardcheck dump --summary          full decode of every value
#   - reg_filtered_load                 the ~20 keys a TLS baseline reads
#   - iconv -f UTF-16LE -t UTF-8        transcoding alone
# and, when hivexregedit is installed (Debian libwin-hivex-perl), the hivex route
# `iconv | hivexregedit --merge` into an empty hive, on a smaller export of
# HIVEX_MB megabytes (default 20; hivexregedit cannot read the strings spanning
# lines that regedit writes, so that export has none), with hardcheck on the
# same smaller file for the ratio.
# Columns: wall seconds, CPU seconds (user+sys), peak resident memory (hivex: one run).
# Never part of ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-200}
hivex_mb=${HIVEX_MB:-20}
build=${BENCH_BUILD:-build-bench}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/hardcheck-bench}
mkdir -p "$work"

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DHARDCHECK_BENCH=ON -DHARDCHECK_TESTS=OFF >/dev/null
cmake --build "$build" -j2 >/dev/null
hc=$build/cli/hardcheck
file=$work/system-$mb.reg
[[ -s $file ]] || "$build/bench/gen_reg_export" "$file" "$mb"
cat "$file" >/dev/null  # into the page cache, as for every tool below

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "file: $file ($(stat -c %s "$file") bytes, sha256 $(sha256sum "$file" | cut -c1-16))"
printf '%-44s %8s %8s %10s\n' "command" "wall s" "cpu s" "peak MB"

timing=$work/timing
best() {  # best RUNS LABEL COMMAND...: the fastest of RUNS runs by wall time
  local runs=$1 label=$2; shift 2
  local best_wall= best_line=
  for ((run = 0; run < runs; run++)); do
    if ! /usr/bin/time -o "$timing" -f '%e %U %S %M' "$@" >/dev/null 2>"$work/stderr"; then
      echo "$label: failed"; cat "$work/stderr"; return 0
    fi
    read -r wall user sys rss <"$timing"
    if [[ -z $best_wall ]] || awk "BEGIN{exit !($wall < $best_wall)}"; then
      best_wall=$wall
      best_line=$(awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" \
        'BEGIN{printf "%-44s %8.2f %8.2f %10.0f\n", l, w, u + s, m / 1024}')
    fi
  done
  echo "$best_line"
}

best 3 "hardcheck dump --summary (full decode)" "$hc" dump --summary "$file"
best 3 "reg_filtered_load (20 TLS keys)" "$build/bench/reg_filtered_load" "$file"
best 3 "iconv -f UTF-16LE -t UTF-8" iconv -f UTF-16LE -t UTF-8 "$file"

if ! command -v hivexregedit >/dev/null && [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  apt-get install -y libwin-hivex-perl >/dev/null 2>&1 || true
fi
if command -v hivexregedit >/dev/null; then
  small=$work/system-$hivex_mb-plain.reg
  [[ -s $small ]] || "$build/bench/gen_reg_export" "$small" "$hivex_mb" --no-multiline-strings
  python3 bench/empty_hive.py "$work/empty.hive"
  hivex_route() {
    cp "$work/empty.hive" "$work/merged.hive"
    iconv -f UTF-16LE -t UTF-8 "$small" | hivexregedit --merge --prefix 'HKEY_LOCAL_MACHINE\SYSTEM' "$work/merged.hive"
  }
  export -f hivex_route; export work small
  best 3 "hardcheck dump --summary ($hivex_mb MB)" "$hc" dump --summary "$small"
  best 3 "reg_filtered_load ($hivex_mb MB)" "$build/bench/reg_filtered_load" "$small"
  best 1 "iconv | hivexregedit --merge ($hivex_mb MB)" bash -c hivex_route
else
  echo "hivexregedit not installed (Debian libwin-hivex-perl): hivex route skipped"
fi
