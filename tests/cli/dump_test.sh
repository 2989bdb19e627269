#!/usr/bin/env bash
# `hardcheck dump` as a user meets it: JSON lines, summaries, errors and exit codes.
# Usage: dump_test.sh PATH_TO_HARDCHECK   (run from the source tree)
set -u
hc=$1
failures=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
corpus=tests/data/corpus/reg

expect() {  # expect NAME WANT_EXIT COMMAND...
  local name=$1 want=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [[ $got -ne $want ]]; then
    echo "FAIL $name: exit $got, wanted $want"; cat "$tmp/out" "$tmp/err"; failures=$((failures+1))
  fi
}
contains() {  # contains NAME FILE TEXT
  if ! grep -qxF -- "$3" "$2"; then
    echo "FAIL $1: $2 lacks the line: $3"; cat "$2"; failures=$((failures+1))
  fi
}
lines() {  # lines NAME FILE COUNT
  local n; n=$(wc -l <"$2")
  if [[ $n -ne $3 ]]; then echo "FAIL $1: $2 has $n lines, wanted $3"; failures=$((failures+1)); fi
}

expect dump_values 0 "$hc" dump "$corpus/flare-vm__tls_mod_x64.reg"
lines dump_one_line_per_value "$tmp/out" 16
contains dump_dword "$tmp/out" '{"file":"tests/data/corpus/reg/flare-vm__tls_mod_x64.reg","line":22,"key":"HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings","name":"SecureProtocols","type":"REG_DWORD","data":2688}'
[[ -s "$tmp/err" ]] && { echo "FAIL dump_values: unexpected stderr"; cat "$tmp/err"; failures=$((failures+1)); }

expect dump_utf16_multi_sz 0 "$hc" dump "$corpus/ini4j__dwarfs.reg"
contains dump_multi_sz "$tmp/out" '{"file":"tests/data/corpus/reg/ini4j__dwarfs.reg","line":82,"key":"HKEY_CURRENT_USER\\Software\\ini4j-test\\dwarfs\\dopey","name":"fortuneNumber","type":"REG_MULTI_SZ","data":["11","22","55"]}'

expect dump_binary 0 "$hc" dump "$corpus/Win11Debloat__new_regfile_Edge_Disable_Auto_Startup.reg"
contains dump_hex "$tmp/out" '{"file":"tests/data/corpus/reg/Win11Debloat__new_regfile_Edge_Disable_Auto_Startup.reg","line":4,"key":"HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\StartupApproved\\Run","name":"MicrosoftEdgeAutoLaunch_CA00F531A3CE41346622EA40860419C1","type":"REG_BINARY","data":"0300000036d418676572db01"}'

expect summary_two_files 0 "$hc" dump --summary "$corpus/PsSsl__schannel.reg" "$corpus/PSNartacIISCrypto__RegBackupHOTH.reg"
lines summary_one_line_per_file "$tmp/out" 2
contains summary_utf16 "$tmp/out" '{"file":"tests/data/corpus/reg/PsSsl__schannel.reg","format":"reg","encoding":"utf-16le","keys":8,"values":2,"deletions":0,"errors":0}'
contains summary_deletions "$tmp/out" '{"file":"tests/data/corpus/reg/PSNartacIISCrypto__RegBackupHOTH.reg","format":"reg","encoding":"utf-8","keys":4,"values":2,"deletions":49,"errors":0}'

expect rejected_line_exits_2_and_keeps_the_rest 2 "$hc" dump "$corpus/ScoopInstaller-Extras__listary_install.reg"
contains rejected_line_message "$tmp/err" "tests/data/corpus/reg/ScoopInstaller-Extras__listary_install.reg:10:2: error: unknown registry root 'HKCU_DONOT_REPLACE'"
lines rejected_line_values_kept "$tmp/out" 3

expect summary_counts_errors 2 "$hc" dump --summary "$corpus/ScoopInstaller-Extras__listary_install.reg"
contains summary_errors "$tmp/out" '{"file":"tests/data/corpus/reg/ScoopInstaller-Extras__listary_install.reg","format":"reg","encoding":"utf-8","keys":4,"values":3,"deletions":4,"errors":1}'

expect regedit3_rejected 2 "$hc" dump "$corpus/Windows-classic-samples__sserver.reg" "$corpus/PsSsl__schannel.reg"
contains regedit3_message "$tmp/err" "tests/data/corpus/reg/Windows-classic-samples__sserver.reg:1:1: error: Windows 3.x REGEDIT format is not supported (export with regedit 5 or reg export)"
lines regedit3_other_file_still_dumped "$tmp/out" 2

expect missing_file_exits_2 2 "$hc" dump no/such/file.reg
contains missing_file_message "$tmp/err" "no/such/file.reg: error: cannot read file: No such file or directory"

printf 'just text\n' >"$tmp/notes.txt"
expect unrecognised_file_exits_2 2 "$hc" dump "$tmp/notes.txt"
contains unrecognised_message "$tmp/err" "$tmp/notes.txt:1:1: error: not a recognised evidence file (expected a registry export, CLIXML, configuration or event export)"

printf 'REGEDIT4\n[HKLM\\K]\n"V"=dword:123456789\n' >"$tmp/bad.reg"
expect bad_value_exits_2 2 "$hc" dump "$tmp/bad.reg"
contains bad_value_message "$tmp/err" "$tmp/bad.reg:3:11: error: dword has more than 8 hex digits"

expect no_files_is_usage_error 2 "$hc" dump

expect dump_clixml 0 "$hc" dump tests/data/clixml/dump_sample.xml
contains dump_clixml_string "$tmp/out" '{"file":"tests/data/clixml/dump_sample.xml","line":14,"type_names":["System.String"],"to_string":"loose","value":"loose","properties":{}}'

expect summary_events 0 "$hc" dump --summary tests/data/events/sysmon_and_4688.xml
contains summary_events_counts "$tmp/out" '{"file":"tests/data/events/sysmon_and_4688.xml","format":"events","objects":3,"errors":0}'

expect dump_bundle 0 "$hc" dump --bundle examples/bundles/exch01
contains dump_bundle_host "$tmp/out" '{"host":"EXCH01","directory":"examples/bundles/exch01","collections":{},"configs":0,"events":0,"problems":0}'
contains dump_bundle_file "$tmp/out" '{"file":"examples/bundles/exch01/schannel.reg","format":"reg","read":true}'

if [[ $failures -ne 0 ]]; then echo "$failures dump expectation(s) failed"; exit 1; fi
echo "all dump expectations met"
