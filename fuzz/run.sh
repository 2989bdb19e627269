#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each, seeded from the test fixtures; fails on
# any crash, leak, timeout or out-of-memory.  Usage: fuzz/run.sh BUILD_DIR [SECONDS]
set -euo pipefail
build=${1:?usage: fuzz/run.sh BUILD_DIR [SECONDS]}
seconds=${2:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seed() {  # seed TARGET FILES...
  local dir="$work/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do [[ -f $f ]] && cp "$f" "$dir/" 2>/dev/null || true; done
  echo "$dir"
}

mapfile -t reg_seeds < <(find "$root/examples" "$root/tests/data" -name '*.reg' -type f)
mapfile -t yaml_seeds < <(find "$root/baselines" "$root/tests/data" -name '*.yaml' -type f)

run() {  # run TARGET CORPUS_DIR
  echo "fuzz: $1 for ${seconds}s"
  "$build/fuzz/$1" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 "$2" 2>&1 | tail -n 12
  # libFuzzer exits non-zero (and pipefail propagates) on crash, leak, timeout or OOM.
}

run fuzz_reg "$(seed fuzz_reg "${reg_seeds[@]}")"
run fuzz_baseline "$(seed fuzz_baseline "${yaml_seeds[@]}")"
