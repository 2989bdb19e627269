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
# XML seeds by root element, whatever the file is called; tests/hostile adds the
# hostile inputs (entities, cycles, bad numbers) to every corpus.
mapfile -t clixml_seeds < <(grep -rlE --include='*.xml' 'schemas.microsoft.com/powershell/2004/04' "$root/tests/data" "$root/tests/hostile/cases")
mapfile -t config_seeds < <(grep -rl '<configuration' "$root/tests/data" "$root/tests/hostile/cases")
mapfile -t event_seeds < <(grep -rl 'schemas.microsoft.com/win/2004/08/events/event' "$root/tests/data" "$root/tests/hostile/cases")
mapfile -t hostile_reg < <(find "$root/tests/hostile/cases" -name '*.reg' -type f)
mapfile -t hostile_yaml < <(find "$root/tests/hostile/cases" -name '*.yaml' -type f)

run() {  # run TARGET CORPUS_DIR
  echo "fuzz: $1 for ${seconds}s"
  "$build/fuzz/$1" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 "$2" 2>&1 | tail -n 12
  # libFuzzer exits non-zero (and pipefail propagates) on crash, leak, timeout or OOM.
}

run fuzz_reg "$(seed fuzz_reg "${reg_seeds[@]}" "${hostile_reg[@]}")"
run fuzz_baseline "$(seed fuzz_baseline "${yaml_seeds[@]}" "${hostile_yaml[@]}")"
run fuzz_clixml "$(seed fuzz_clixml "${clixml_seeds[@]}")"
run fuzz_config "$(seed fuzz_config "${config_seeds[@]}")"
run fuzz_events "$(seed fuzz_events "${event_seeds[@]}")"
mapfile -t profile_seeds < <(grep -rlE '^(profile|select|deselect|waivers):' "$root/tests" --include='*.yaml')
run fuzz_profile "$(seed fuzz_profile "${profile_seeds[@]}")"
# Whole bundles: each seed is one evidence file (its first byte picks the name).
run fuzz_bundle "$(seed fuzz_bundle "${reg_seeds[@]:0:8}" "${clixml_seeds[@]:0:8}" "${config_seeds[@]:0:4}" "${event_seeds[@]:0:4}")"
