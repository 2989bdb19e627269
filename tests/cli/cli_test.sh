#!/usr/bin/env bash
# The CLI as a user meets it: exit codes, report content, errors.
# Usage: cli_test.sh PATH_TO_HARDCHECK   (run from the source tree)
set -u
source "$(dirname "$0")/common.sh"

expect demo_fails_with_exit_1 1 "$hc" run -b exchange-tls -e examples/bundles --verbose --color never
contains demo_pass "$tmp/out" "PASS           high     TLS-02   TLS 1.0 disabled for server and client"
contains demo_fail "$tmp/out" "FAIL           high     TLS-02   TLS 1.0 disabled for server and client"
contains demo_default "$tmp/out" "TLS 1.0\\Server\\Enabled = absent (OS default 1 assumed)  [examples/bundles/exch02/schannel.reg:3:1]"
contains demo_summary "$tmp/out" "summary: 2 results: 1 pass, 1 fail, 0 error"

expect passing_host_exits_0 0 "$hc" run -b exchange-tls -e examples/bundles/exch01
expect fail_on_critical_ignores_high 0 "$hc" run -b exchange-tls -e examples/bundles --fail-on critical

expect bad_baseline_exits_2 2 "$hc" run -b tests/data/baselines/bad_severity.yaml -e examples/bundles
contains bad_baseline_message "$tmp/err" "tests/data/baselines/bad_severity.yaml:8:15: error: unknown severity 'severe'"

expect missing_bundle_exits_2 2 "$hc" run -b exchange-tls -e no/such/dir
contains missing_bundle_message "$tmp/err" "no/such/dir: error: bundle is not a directory"

expect unknown_option_exits_2 2 "$hc" run --frobnicate
expect report_file_written 1 "$hc" run -b exchange-tls -e examples/bundles -o "$tmp/report.txt"
contains report_file "$tmp/report.txt" "summary: 2 results"
expect no_partial_report_on_bad_input 2 "$hc" run -b tests/data/baselines/bad_severity.yaml -e examples/bundles -o "$tmp/bad.txt"
[[ -e "$tmp/bad.txt" ]] && { echo "FAIL no_partial_report: $tmp/bad.txt exists"; failures=$((failures+1)); }
[[ -z $(ls "$tmp" | grep '\.tmp\.') ]] || { echo "FAIL temporary report file left behind"; failures=$((failures+1)); }

expect waiver_accepts_the_failure 0 "$hc" run -b exchange-tls -p tests/data/profiles/waive-exch02.yaml -e examples/bundles --color never
contains waiver_status "$tmp/out" "WAIVED"
expect expired_waiver_still_fails 1 "$hc" run -b exchange-tls -p tests/data/profiles/expired-waiver.yaml -e examples/bundles --color never
expect bad_profile_exits_2 2 "$hc" run -b exchange-tls -p tests/data/profiles/bad.yaml -e examples/bundles
contains bad_profile_message "$tmp/err" "tests/data/profiles/bad.yaml:3:11: error: unknown severity 'severe'"

expect validate_good_files 0 "$hc" validate baselines/exchange-tls.yaml tests/data/profiles/waive-exch02.yaml
contains validate_ok "$tmp/out" "baselines/exchange-tls.yaml: ok (baseline exchange-tls, 1 checks)"
expect validate_reports_every_file 2 "$hc" validate tests/data/baselines/bad_severity.yaml tests/data/profiles/bad.yaml tests/data/baselines/include/cycle-a.yaml
contains validate_baseline_error "$tmp/err" "tests/data/baselines/bad_severity.yaml:8:15: error: unknown severity 'severe'"
contains validate_profile_error "$tmp/err" "tests/data/profiles/bad.yaml:5:5: error: a waiver is missing required field 'owner'"
contains validate_cycle_error "$tmp/err" "include cycle: cycle-a.yaml -> cycle-b.yaml -> cycle-a.yaml"

expect version 0 "$hc" version
contains version_text "$tmp/out" "hardcheck 0.1.0"

expect list_builtin 0 "$hc" list
contains list_tls02 "$tmp/out" "TLS-02	high	TLS 1.0 disabled for server and client	cisa-exchange-2025:G8"
expect list_json 0 "$hc" list -b exchange-tls --format json
contains list_json_id "$tmp/out" '"id": "TLS-02"'
expect explain_known 0 "$hc" explain TLS-02
contains explain_fix "$tmp/out" "How to fix:"
contains explain_condition "$tmp/out" "TLS 1.0\Server\Enabled equals 0 and"
expect explain_unknown 2 "$hc" explain NO-SUCH-CHECK
expect help_lists_commands 0 "$hc" --help
contains help_run "$tmp/out" "run"

# A fleet where one host's bundle is broken: that host gets errors, the run goes on,
# and the order of results does not depend on -j.
expect fleet_with_broken_host 1 "$hc" run -b exchange-tls -e tests/data/fleet -j 2 --color never
contains fleet_broken_error "$tmp/out" "ERROR"
contains fleet_broken_message "$tmp/out" "The host bundle could not be read: tests/data/fleet/broken/host.yaml:2:1: error:"
contains fleet_good_pass "$tmp/out" "host GOOD01: 1 pass, 0 fail"
contains fleet_stderr "$tmp/err" "tests/data/fleet/broken/host.yaml:2:1: error:"
"$hc" run -b exchange-tls -e tests/data/fleet -j 1 --color never >"$tmp/j1" 2>/dev/null
cmp -s "$tmp/out" "$tmp/j1" || { echo "FAIL fleet order differs between -j 1 and -j 2"; failures=$((failures+1)); }

if [[ $failures -ne 0 ]]; then echo "$failures CLI expectation(s) failed"; exit 1; fi
echo "all CLI expectations met"
