#!/usr/bin/env bash
# The HTML report in a real browser: headless Chromium loads the report of the
# example bundles, runs its script, and we check the DOM it renders.
# Usage: html_browser_test.sh PATH_TO_HARDCHECK   (run from the source tree)
# Without Chromium the test is skipped (exit 77), unless HARDCHECK_REQUIRE_BROWSER=1
# (CI sets it), when it fails.
set -u
hc=$1
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" ]]; then
  if [[ "${HARDCHECK_REQUIRE_BROWSER:-0}" == 1 ]]; then echo "FAIL chromium not installed"; exit 1; fi
  echo "SKIP chromium not installed (scripts/bootstrap chromium)"; exit 77
fi
failures=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

dump() {  # dump URL OUT: the DOM after the page's scripts ran
  local profile
  profile=$(mktemp -d "$tmp/profile.XXXX")
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --dump-dom "$1" >"$2" 2>"$tmp/browser.err"
  local rc=$?
  if [[ $rc -ne 0 ]]; then echo "FAIL browser exit $rc for $1"; cat "$tmp/browser.err"; failures=$((failures+1)); fi
}
has() {  # has NAME FILE LINE: a line of the DOM equals LINE exactly
  if ! grep -qxF -- "$3" "$2"; then echo "FAIL $1: no line: $3"; failures=$((failures+1)); fi
}
lacks() {  # lacks NAME FILE TEXT
  if grep -qF -- "$3" "$2"; then echo "FAIL $1: found: $3"; grep -nF -- "$3" "$2"; failures=$((failures+1)); fi
}

"$hc" run -b exchange-tls -e examples/bundles -f html -o "$tmp/report.html"
[[ -s "$tmp/report.html" ]] || { echo "FAIL no report written"; exit 1; }

# All results shown by default; the script ran.
dump "file://$tmp/report.html" "$tmp/all.html"
has script_ran "$tmp/all.html" '<body data-ready="true">'
has all_shown "$tmp/all.html" '<p id="shown">Showing 2 of 2 results</p>'
has pass_visible "$tmp/all.html" '<details class="result" data-status="pass" data-severity="high" data-host="EXCH01" data-check="TLS-02">'
has host_summary "$tmp/all.html" '<tr><th scope="row">EXCH02</th><td class="n">1</td><td class="n">0</td><td class="n">0</td><td class="n">0</td><td class="n">0</td><td class="n">0</td><td class="n">0</td><td class="n">1</td></tr>'
has section_summary "$tmp/all.html" '<tr><th scope="row">cisa-exchange-2025:G8</th><td class="n">1</td><td class="n">0</td><td class="n">0</td><td class="n">0</td><td class="n">0</td><td class="n">0</td><td class="n">1</td><td class="n">2</td></tr>'
has evidence_row "$tmp/all.html" '<tr><td>examples/bundles/exch02/schannel.reg:3:1</td><td>HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server\Enabled</td><td>absent (OS default 1 assumed) <em>(default assumed)</em></td></tr>'

# The status filter, preselected from the address, hides the pass.
dump "file://$tmp/report.html#status=fail" "$tmp/fail.html"
has filtered_count "$tmp/fail.html" '<p id="shown">Showing 1 of 2 results</p>'
has pass_hidden "$tmp/fail.html" '<details class="result" data-status="pass" data-severity="high" data-host="EXCH01" data-check="TLS-02" hidden="">'
has fail_visible "$tmp/fail.html" '<details class="result" data-status="fail" data-severity="high" data-host="EXCH02" data-check="TLS-02">'

# The severity filter: nothing is low, so nothing shows.
dump "file://$tmp/report.html#severity=low" "$tmp/low.html"
has severity_filter "$tmp/low.html" '<p id="shown">Showing 0 of 2 results</p>'

# Printing works: Chromium makes a PDF of it (the page opens every result first).
profile=$(mktemp -d "$tmp/profile.XXXX")
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --no-pdf-header-footer \
  --print-to-pdf="$tmp/report.pdf" "file://$tmp/report.html" 2>"$tmp/browser.err"
if [[ "$(head -c 5 "$tmp/report.pdf" 2>/dev/null)" != "%PDF-" ]]; then
  echo "FAIL print: no PDF written"; cat "$tmp/browser.err"; failures=$((failures+1))
elif [[ $(grep -a -c '/Type */Page\b' "$tmp/report.pdf") -lt 1 ]]; then
  echo "FAIL print: PDF has no page"; failures=$((failures+1))
fi

# A hostile host name is rendered as text: its script never ran, no element made.
"$hc" run -b exchange-tls -e tests/data/report/hostile -f html -o "$tmp/hostile.html"
dump "file://$tmp/hostile.html" "$tmp/hostile_dom.html"
has hostile_script_ran "$tmp/hostile_dom.html" '<body data-ready="true">'
has hostile_as_text "$tmp/hostile_dom.html" "<h3>&lt;script&gt;document.body.setAttribute('data-pwned','1')&lt;/script&gt;&amp;amp;\"q'&lt;img src=x onerror=alert(1)&gt;</h3>"
lacks hostile_no_pwned "$tmp/hostile_dom.html" 'data-pwned="1"'
lacks hostile_no_img "$tmp/hostile_dom.html" '<img'

if [[ $failures -ne 0 ]]; then echo "$failures browser expectation(s) failed"; exit 1; fi
echo "all browser expectations met"
