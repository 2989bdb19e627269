#!/usr/bin/env bash
# `cmake --install` into a scratch prefix gives a tree other tools can build
# against: a C consumer through pkg-config and through find_package(hardcheck),
# a C++ consumer through find_package, the installed CLI with its built-in
# baselines, and the installed Python package.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR [EXTRA_FLAGS]
# EXTRA_FLAGS are added to every compile and link (the sanitizer flags, when the
# library was built with them); HARDCHECK_PYTHON_PRELOAD, when set, is the
# LD_PRELOAD for python3 (the ASan runtime and libstdc++ in a sanitizer build);
# HARDCHECK_PYTHON3 names the interpreter.
set -euo pipefail
build=$1 source=$2 flags=${3:-}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
prefix=$scratch/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(dirname "$(find "$prefix" -name 'libhardcheck-c.so.0' | head -n1)")
for f in bin/hardcheck include/hardcheck.h include/hardcheck/evaluate.hpp \
         share/hardcheck/baselines/exchange-tls.yaml; do
    [[ -e $prefix/$f ]] || { echo "not installed: $f" >&2; exit 1; }
done
for f in libhardcheck.so.0 libhardcheck-c.so.0 pkgconfig/hardcheck.pc cmake/hardcheck/hardcheck-config.cmake; do
    [[ -e $libdir/$f ]] || { echo "not installed: $libdir/$f" >&2; exit 1; }
done

bundle=$source/examples/bundles/exch02
expected="EXCH02 TLS-02 fail $bundle/schannel.reg:3"

echo "== pkg-config"
export PKG_CONFIG_PATH=$libdir/pkgconfig
[[ $(pkg-config --modversion hardcheck) == 0.1.0 ]]
# shellcheck disable=SC2046,SC2086
cc -std=c11 -Wall -Wextra -Wpedantic -Werror $flags $(pkg-config --cflags hardcheck) \
    "$source/tests/c/consumer/consumer.c" -o "$scratch/consumer_pc" $(pkg-config --libs hardcheck) \
    -Wl,-rpath,"$libdir"
# Built-in ids are found relative to the running program, which is not installed
# here: the consumers load the installed baseline by path.
out=$("$scratch/consumer_pc" "$prefix/share/hardcheck/baselines/exchange-tls.yaml" "$bundle")
grep -qxF "$expected" <<<"$out" || { echo "pkg-config consumer printed: $out" >&2; exit 1; }

echo "== find_package(hardcheck)"
cmake -S "$source/tests/c/consumer" -B "$scratch/consumer-build" -G Ninja \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_RPATH="$libdir" \
    -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" >/dev/null
cmake --build "$scratch/consumer-build" >/dev/null
baseline=$prefix/share/hardcheck/baselines/exchange-tls.yaml
out=$("$scratch/consumer-build/consumer_c" "$baseline" "$bundle")
grep -qxF "$expected" <<<"$out" || { echo "CMake C consumer printed: $out" >&2; exit 1; }
out=$("$scratch/consumer-build/consumer_cxx" "$baseline" "$bundle")
grep -qxF "EXCH02 TLS-02 fail" <<<"$out" || { echo "CMake C++ consumer printed: $out" >&2; exit 1; }

echo "== installed CLI, built-in baseline by id"
[[ $("$prefix/bin/hardcheck" version) == "hardcheck 0.1.0" ]]
status=0
"$prefix/bin/hardcheck" run -b exchange-tls -e "$source/examples/bundles" >/dev/null || status=$?
[[ $status -eq 1 ]] || { echo "installed CLI exited $status, expected 1 (one host fails)" >&2; exit 1; }

echo "== installed Python package"
pydir=$(dirname "$(find "$prefix" -name _installed.py -path '*hardcheck*' | head -n1)")
python_env=()
[[ -n ${HARDCHECK_PYTHON_PRELOAD:-} ]] && python_env=("LD_PRELOAD=$HARDCHECK_PYTHON_PRELOAD" PYTHONMALLOC=malloc)
env -u HARDCHECK_LIBRARY "${python_env[@]}" PYTHONPATH="$(dirname "$pydir")" PYTHONDONTWRITEBYTECODE=1 "${HARDCHECK_PYTHON3:-python3}" -c "
import hardcheck
b = hardcheck.Baseline.load('$baseline')
r = list(hardcheck.run(b, hardcheck.Bundle.load('$bundle', b)))
assert ('EXCH02', 'TLS-02', 'fail') in [(x.host, x.check_id, str(x.status)) for x in r], r
assert hardcheck._native.lib._name.startswith('$libdir'), hardcheck._native.lib._name
"
echo "install test passed"

