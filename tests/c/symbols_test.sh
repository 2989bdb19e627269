#!/usr/bin/env bash
# The C library exports exactly the functions listed in bindings/c/hardcheck-c.symbols,
# and that list is exactly the HC_API functions declared in hardcheck.h: no
# accidental exports, no declared function missing.
# Usage: symbols_test.sh LIBRARY SYMBOLS_LIST HEADER
set -euo pipefail
library=$1 list=$2 header=$3

exported=$(nm -D --defined-only "$library" | awk '{ sub(/@.*/, "", $3); print $3 }' | LC_ALL=C sort)
declared=$(grep -oE 'HC_API[^(]*\bhc_[a-z0-9_]+\(' "$header" | grep -oE 'hc_[a-z0-9_]+\($' | tr -d '(' | LC_ALL=C sort)
listed=$(grep -v '^#' "$list" | LC_ALL=C sort)

status=0
if ! diff <(echo "$listed") <(echo "$exported") >/dev/null; then
    echo "exported symbols differ from $list (< listed, > exported):" >&2
    diff <(echo "$listed") <(echo "$exported") >&2 || true
    status=1
fi
if ! diff <(echo "$listed") <(echo "$declared") >/dev/null; then
    echo "HC_API declarations in $header differ from $list (< listed, > declared):" >&2
    diff <(echo "$listed") <(echo "$declared") >&2 || true
    status=1
fi
soname=$(readelf -d "$library" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
if [[ ! "$soname" =~ ^libhardcheck-c\.so\.[0-9]+$ ]]; then
    echo "SONAME is '$soname', expected libhardcheck-c.so.<major>" >&2
    status=1
fi
[[ $status -eq 0 ]] && echo "$(echo "$exported" | wc -l) symbols exported, as listed; SONAME $soname"
exit $status
