#!/usr/bin/env bash
# `hardcheck dump` as a user meets it: JSON lines, summaries, errors and exit codes.
# Usage: dump_test.sh PATH_TO_HARDCHECK   (run from the source tree)
set -u
source "$(dirname "$0")/common.sh"
corpus=tests/data/corpus/reg

lines() {  # lines NAME FILE COUNT
  local n; n=$(wc -l <"$2")
  if [[ $n -ne $3 ]]; then echo "FAIL $1: $2 has $n lines, wanted $3"; failures=$((failures+1)); fi
}

expect dump_values 0 "$hc" dump "$corpus/flare-vm__tls_mod_x64.reg"
lines dump_one_line_per_value "$tmp/out" 16
has_line dump_dword "$tmp/out" '{"file":"tests/data/corpus/reg/flare-vm__tls_mod_x64.reg","line":22,"key":"HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings","name":"SecureProtocols","type":"REG_DWORD","data":2688}'
[[ -s "$tmp/err" ]] && { echo "FAIL dump_values: unexpected stderr"; cat "$tmp/err"; failures=$((failures+1)); }

expect dump_utf16_multi_sz 0 "$hc" dump "$corpus/ini4j__dwarfs.reg"
has_line dump_multi_sz "$tmp/out" '{"file":"tests/data/corpus/reg/ini4j__dwarfs.reg","line":82,"key":"HKEY_CURRENT_USER\\Software\\ini4j-test\\dwarfs\\dopey","name":"fortuneNumber","type":"REG_MULTI_SZ","data":["11","22","55"]}'

expect dump_binary 0 "$hc" dump "$corpus/Win11Debloat__new_regfile_Edge_Disable_Auto_Startup.reg"
has_line dump_hex "$tmp/out" '{"file":"tests/data/corpus/reg/Win11Debloat__new_regfile_Edge_Disable_Auto_Startup.reg","line":4,"key":"HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\StartupApproved\\Run","name":"MicrosoftEdgeAutoLaunch_CA00F531A3CE41346622EA40860419C1","type":"REG_BINARY","data":"0300000036d418676572db01"}'

expect summary_two_files 0 "$hc" dump --summary "$corpus/PsSsl__schannel.reg" "$corpus/PSNartacIISCrypto__RegBackupHOTH.reg"
lines summary_one_line_per_file "$tmp/out" 2
has_line summary_utf16 "$tmp/out" '{"file":"tests/data/corpus/reg/PsSsl__schannel.reg","format":"reg","encoding":"utf-16le","keys":8,"values":2,"deletions":0,"errors":0}'
has_line summary_deletions "$tmp/out" '{"file":"tests/data/corpus/reg/PSNartacIISCrypto__RegBackupHOTH.reg","format":"reg","encoding":"utf-8","keys":4,"values":2,"deletions":49,"errors":0}'

expect rejected_line_exits_2_and_keeps_the_rest 2 "$hc" dump "$corpus/ScoopInstaller-Extras__listary_install.reg"
has_line rejected_line_message "$tmp/err" "tests/data/corpus/reg/ScoopInstaller-Extras__listary_install.reg:10:2: error: unknown registry root 'HKCU_DONOT_REPLACE'"
lines rejected_line_values_kept "$tmp/out" 3

expect summary_counts_errors 2 "$hc" dump --summary "$corpus/ScoopInstaller-Extras__listary_install.reg"
has_line summary_errors "$tmp/out" '{"file":"tests/data/corpus/reg/ScoopInstaller-Extras__listary_install.reg","format":"reg","encoding":"utf-8","keys":4,"values":3,"deletions":4,"errors":1}'

expect regedit3_rejected 2 "$hc" dump "$corpus/Windows-classic-samples__sserver.reg" "$corpus/PsSsl__schannel.reg"
has_line regedit3_message "$tmp/err" "tests/data/corpus/reg/Windows-classic-samples__sserver.reg:1:1: error: Windows 3.x REGEDIT format is not supported (export with regedit 5 or reg export)"
lines regedit3_other_file_still_dumped "$tmp/out" 2

expect missing_file_exits_2 2 "$hc" dump no/such/file.reg
has_line missing_file_message "$tmp/err" "no/such/file.reg: error: cannot read file: No such file or directory"

printf 'just text\n' >"$tmp/notes.txt"
expect unrecognised_file_exits_2 2 "$hc" dump "$tmp/notes.txt"
has_line unrecognised_message "$tmp/err" "$tmp/notes.txt:1:1: error: not a recognised evidence file (expected a registry export, CLIXML, IIS/.NET config or event XML)"

printf 'REGEDIT4\n[HKLM\\K]\n"V"=dword:123456789\n' >"$tmp/bad.reg"
expect bad_value_exits_2 2 "$hc" dump "$tmp/bad.reg"
has_line bad_value_message "$tmp/err" "$tmp/bad.reg:3:11: error: dword has more than 8 hex digits"

expect no_files_is_usage_error 2 "$hc" dump

# CLIXML, recognised by content; --bundle shows how each file of a host was taken.
ex=tests/data/corpus/exchange/E16/Exchange
expect clixml_summary 0 "$hc" dump --summary "$ex/GetExchangeServer.xml"
has_line clixml_summary_line "$tmp/out" '{"file":"tests/data/corpus/exchange/E16/Exchange/GetExchangeServer.xml","format":"clixml","objects":1,"errors":0}'
expect clixml_objects 0 "$hc" dump "$ex/GetExchangeServer.xml"
lines clixml_one_line_per_object "$tmp/out" 1
grep -qF '"MitigationsEnabled":true' "$tmp/out" || { echo "FAIL clixml_objects: MitigationsEnabled missing"; failures=$((failures+1)); }
expect bundle_listing 0 "$hc" dump --bundle examples/bundles/exch01
has_line bundle_reg_file "$tmp/out" '{"file":"examples/bundles/exch01/schannel.reg","format":"reg","read":true}'
expect bundle_missing 2 "$hc" dump --bundle no/such/dir

if [[ $failures -ne 0 ]]; then echo "$failures dump expectation(s) failed"; exit 1; fi
echo "all dump expectations met"
