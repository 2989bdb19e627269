#!/usr/bin/env bash
# CPack's Debian package, unpacked into a scratch root (dpkg-deb -x, no root
# needed): it holds the libraries, headers, pkg-config and CMake files, the
# built-in baselines and the Python package, and the CLI runs from there.
# Usage: deb_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 source=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/pkg" >"$scratch/cpack.log" 2>&1 \
    || { cat "$scratch/cpack.log" >&2; exit 1; }
deb=$(find "$scratch/pkg" -maxdepth 1 -name 'hardcheck_*.deb')
[[ -n $deb ]] || { echo "no .deb produced" >&2; cat "$scratch/cpack.log" >&2; exit 1; }

[[ $(dpkg-deb -f "$deb" Package) == hardcheck ]]
[[ $(dpkg-deb -f "$deb" Version) == 0.1.0 ]]
depends=$(dpkg-deb -f "$deb" Depends)
[[ $depends == *libc6* && $depends == *libyaml-cpp* ]] || { echo "Depends: $depends" >&2; exit 1; }
contents=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
for f in ./usr/bin/hardcheck ./usr/include/hardcheck.h ./usr/share/hardcheck/baselines/exchange-tls.yaml \
         ./usr/lib/libhardcheck-c.so.0.1.0 ./usr/lib/pkgconfig/hardcheck.pc \
         ./usr/lib/cmake/hardcheck/hardcheck-config.cmake ./usr/lib/python3/dist-packages/hardcheck/__init__.py; do
    grep -qxF "$f" <<<"$contents" || { echo "not in the package: $f" >&2; exit 1; }
done

root=$scratch/root
dpkg-deb -x "$deb" "$root"
[[ $("$root/usr/bin/hardcheck" version) == "hardcheck 0.1.0" ]]
status=0
out=$("$root/usr/bin/hardcheck" run -b exchange-tls -e "$source/examples/bundles" --verbose) || status=$?
[[ $status -eq 1 ]] || { echo "packaged CLI exited $status, expected 1 (one host fails)" >&2; exit 1; }
grep -Eq "^ +PASS +high +TLS-02 " <<<"$out" && grep -Eq "^ +FAIL +high +TLS-02 " <<<"$out" \
    || { echo "$out" >&2; exit 1; }
echo "$(basename "$deb"): $(wc -l <<<"$contents") entries; Depends: $depends"
