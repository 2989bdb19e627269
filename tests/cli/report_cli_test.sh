#!/usr/bin/env bash
# Report formats and `hardcheck diff` from the command line: -f/-o pairs, atomic
# files, exit codes.  Usage: report_cli_test.sh PATH_TO_HARDCHECK (from the source tree)
set -u
source "$(dirname "$0")/common.sh"

same() {  # same NAME FILE1 FILE2
  if ! cmp -s "$2" "$3"; then echo "FAIL $1: $2 and $3 differ"; failures=$((failures+1)); fi
}
absent() {  # absent NAME FILE
  if [[ -e "$2" ]]; then echo "FAIL $1: $2 exists"; failures=$((failures+1)); fi
}

run=("$hc" run -b exchange-tls -e examples/bundles)

# Several formats at once, each to its file; stdout stays empty.
expect pairs_written 1 "${run[@]}" -f json -o "$tmp/r.json" -f html -o "$tmp/r.html" -f sarif -o "$tmp/r.sarif" \
  -f junit -o "$tmp/r.xml" -f csv -o "$tmp/r.csv" -f oscal -o "$tmp/r.oscal.json"
[[ -s "$tmp/out" ]] && { echo "FAIL pairs_written: stdout not empty"; failures=$((failures+1)); }
has_line json_schema "$tmp/r.json" '  "schema_version": 1,'
has_line html_doctype "$tmp/r.html" '<!DOCTYPE html>'
has_line sarif_version "$tmp/r.sarif" '  "version": "2.1.0",'
has_line junit_root "$tmp/r.xml" '<testsuites name="hardcheck" tests="2" failures="1" errors="0" skipped="0">'
has_line csv_row "$tmp/r.csv" "$(printf 'EXCH02,TLS-02,TLS 1.0 disabled for server and client,high,fail,%s\r' \
  'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server\Enabled = absent (OS default 1 assumed); HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client\Enabled = REG_DWORD 0 (0x0),HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server\Enabled equals 0 and HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client\Enabled equals 0,Not met: HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server\Enabled equals 0 (found absent (OS default 1 assumed)).,examples/bundles/exch02/schannel.reg:3:1; examples/bundles/exch02/schannel.reg:12:1,HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server\Enabled = absent (OS default 1 assumed); HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client\Enabled = REG_DWORD 0 (0x0),https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration; https://learn.microsoft.com/windows-server/security/tls/tls-registry-settings; https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/TLSConfigurationCheck/,cisa-exchange-2025:G8,,,,,')"
has_line oscal_version "$tmp/r.oscal.json" '      "oscal-version": "1.1.2",'

# One format to stdout gives the same bytes as the file, every time.
expect json_to_stdout 1 "${run[@]}" -f json
same json_stdout_equals_file "$tmp/out" "$tmp/r.json"
expect json_again 1 "${run[@]}" -f json -o "$tmp/r2.json"
same json_deterministic "$tmp/r.json" "$tmp/r2.json"

# The run time only when asked for.
expect timestamp_on_request 1 "${run[@]}" -f json --timestamp
grep -qE '^  "run_time": "20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z",$' "$tmp/out" ||
  { echo "FAIL timestamp_on_request: no run_time line"; failures=$((failures+1)); }
grep -q '"run_time"' "$tmp/r.json" && { echo "FAIL run_time written unasked"; failures=$((failures+1)); }

# Unpaired -f/-o is bad usage, and nothing is written.
expect unpaired_formats_exit_2 2 "${run[@]}" -f json -f html -o "$tmp/x.json"
has_line unpaired_message "$tmp/err" 'hardcheck: error: 2 formats but 1 output files: give -f FORMAT -o FILE in pairs'
absent unpaired_nothing_written "$tmp/x.json"
expect unknown_format_exit_2 2 "${run[@]}" -f pdf
# A second target that cannot be written: the first is not left behind either.
expect unwritable_exit_2 2 "${run[@]}" -f json -o "$tmp/y.json" -f html -o "$tmp/no/such/dir/y.html"
absent unwritable_first_not_written "$tmp/y.json"
[[ -z $(ls "$tmp" | grep '\.tmp\.') ]] || { echo "FAIL temporary report file left behind"; failures=$((failures+1)); }

# diff: the fixed host compared with itself, then the run that adds a failing host.
"$hc" run -b exchange-tls -e examples/bundles/exch01 -f json -o "$tmp/old.json"
expect diff_same_exit_0 0 "$hc" diff "$tmp/r.json" "$tmp/r.json"
has_line diff_same_text "$tmp/out" 'no changes'
expect diff_regression_exit_1 1 "$hc" diff "$tmp/old.json" "$tmp/r.json"
has_line diff_host "$tmp/out" 'host EXCH02'
has_line diff_regression "$tmp/out" '  regression high     TLS-02   (none) -> fail  TLS 1.0 disabled for server and client'
has_line diff_summary "$tmp/out" 'summary: 1 regressions, 0 fixed, 0 changed, 0 added, 0 removed'
expect diff_backwards_exit_0 0 "$hc" diff "$tmp/r.json" "$tmp/old.json"
has_line diff_removed "$tmp/out" '  removed    high     TLS-02   fail -> (none)  TLS 1.0 disabled for server and client'
printf '{\n  "schema": ]\n}\n' > "$tmp/bad.json"
expect diff_bad_json_exit_2 2 "$hc" diff "$tmp/bad.json" "$tmp/r.json"
has_line diff_bad_json_message "$tmp/err" "$tmp/bad.json:2:13: error: invalid JSON: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal"
expect diff_missing_file_exit_2 2 "$hc" diff "$tmp/none.json" "$tmp/r.json"
expect diff_needs_two_files 2 "$hc" diff "$tmp/r.json"

if [[ $failures -ne 0 ]]; then echo "$failures report CLI expectation(s) failed"; exit 1; fi
echo "all report CLI expectations met"
