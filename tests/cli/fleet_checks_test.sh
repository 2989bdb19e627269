#!/usr/bin/env bash
# Fleet checks from the command line: `hardcheck run` on a directory of host bundles
# gives one TLS-08 result for the run (host "(fleet)") in every report format, the
# same with -j1 and -j4, and the sharding recipe of docs/scaling.md merges.
# Usage: fleet_checks_test.sh PATH_TO_HARDCHECK   (run from the source tree)
set -u
source "$(dirname "$0")/common.sh"

data=tests/data/checks/TLS-08
mkdir -p "$tmp/fleet" "$tmp/same"
cp -r "$data/exa" "$data/exb" "$data/exc" "$tmp/fleet/"
cp -r "$data/exa" "$data/exb" "$tmp/same/"
printf 'profile: fleet-only\nselect: {tags: [fleet]}\n' >"$tmp/fleet-only.yaml"
printf 'profile: shard\ndeselect: {tags: [fleet]}\n' >"$tmp/shard.yaml"

# A difference: exit 1 (TLS-08 is high), the host and the line named.
expect fleet_differs 1 "$hc" run -b exchange-tls-net -p "$tmp/fleet-only.yaml" -e "$tmp/fleet" --color never -v
contains fleet_differs_host "$tmp/out" "(fleet)"
contains fleet_differs_message "$tmp/out" "EXC differs from EXA: "
contains fleet_differs_line "$tmp/out" "exc/schannel.reg:11:1) where EXA has REG_DWORD 0 (0x0)"
contains fleet_differs_summary "$tmp/out" "summary: 1 results: 0 pass, 1 fail"

# The same settings: exit 0.
expect fleet_same 0 "$hc" run -b exchange-tls-net -p "$tmp/fleet-only.yaml" -e "$tmp/same" --color never
contains fleet_same_summary "$tmp/out" "summary: 1 results: 1 pass"

# Host results first, then the fleet result; the same bytes with 1 and 4 workers.
expect fleet_j1 1 "$hc" run -b exchange-tls-net -e "$tmp/fleet" -f json -o "$tmp/j1.json" -j 1
expect fleet_j4 1 "$hc" run -b exchange-tls-net -e "$tmp/fleet" -f json -o "$tmp/j4.json" -j 4
cmp -s "$tmp/j1.json" "$tmp/j4.json" || { echo "FAIL fleet -j1 and -j4 reports differ"; failures=$((failures+1)); }

# Every report format stays valid with the pseudo-host.
expect fleet_formats 1 "$hc" run -b exchange-tls-net -e "$tmp/fleet" \
  -f json -o "$tmp/r.json" -f sarif -o "$tmp/r.sarif" -f junit -o "$tmp/r.xml" -f csv -o "$tmp/r.csv" \
  -f html -o "$tmp/r.html" -f oscal -o "$tmp/r.oscal.json" -f text -o "$tmp/r.txt"
for f in r.json r.sarif r.xml r.csv r.html r.oscal.json r.txt; do contains "fleet_in_$f" "$tmp/$f" "(fleet)"; done
# Debian's python3 first: one earlier on PATH may be a pyenv shim.
py=$(command -v /usr/bin/python3 || command -v python3 || true)
if [[ -n $py ]]; then
  "$py" - "$tmp" <<'PY' || { echo "FAIL fleet reports do not parse"; failures=$((failures+1)); }
import csv, json, sys, xml.dom.minidom
t = sys.argv[1]
report = json.load(open(f"{t}/r.json"))
last = report["results"][-1]
assert last["host"] == "(fleet)" and last["check_id"] == "TLS-08" and last["status"] == "fail", last
assert all(r["host"] != "(fleet)" for r in report["results"][:-1])
assert report["hosts"][-1]["name"] == "(fleet)", report["hosts"]
json.load(open(f"{t}/r.sarif")); json.load(open(f"{t}/r.oscal.json"))
xml.dom.minidom.parse(f"{t}/r.xml")
rows = list(csv.reader(open(f"{t}/r.csv", newline="")))
assert sum(1 for r in rows if r and r[0] == "(fleet)") == 1, rows[-1]
PY
fi

# docs/scaling.md: shards without fleet checks, one fleet-only run, then merge.
mkdir -p "$tmp/s1" "$tmp/s2"
cp -r "$data/exa" "$tmp/s1/"; cp -r "$data/exb" "$data/exc" "$tmp/s2/"
if "$hc" --help | grep -q "^  merge "; then
  expect shard1 0 "$hc" run -b exchange-tls-net -p "$tmp/shard.yaml" -e "$tmp/s1" -f json -o "$tmp/shard-1.json"
  expect shard2 1 "$hc" run -b exchange-tls-net -p "$tmp/shard.yaml" -e "$tmp/s2" -f json -o "$tmp/shard-2.json"
  expect shard_fleet 1 "$hc" run -b exchange-tls-net -p "$tmp/fleet-only.yaml" -e "$tmp/s1" -e "$tmp/s2" -f json -o "$tmp/shard-fleet.json"
  expect shard_merge 1 "$hc" merge "$tmp/shard-1.json" "$tmp/shard-2.json" "$tmp/shard-fleet.json" -f text
  contains shard_merge_fleet "$tmp/out" "EXC differs from EXA"
fi

# KRB-02's export in the collection script: the cmdlet, this server, the ASA switch.
expect collect_krb02 0 "$hc" collect-script -b exchange-auth-objects
contains collect_krb02_cmdlet "$tmp/out" "-Cmdlet 'Get-ClientAccessService' -Arguments @{Identity = \$env:COMPUTERNAME; IncludeAlternateServiceAccountCredentialStatus = \$true}"

finish fleet-checks
