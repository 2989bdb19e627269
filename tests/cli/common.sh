# Shared by the CLI test scripts: source it after `set -u`, with the hardcheck
# binary as $1.  Each script counts failures and ends with `finish NAME`.
hc=$1
failures=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

expect() {  # expect NAME WANT_EXIT COMMAND...: stdout to $tmp/out, stderr to $tmp/err
  local name=$1 want=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [[ $got -ne $want ]]; then
    echo "FAIL $name: exit $got, wanted $want"; cat "$tmp/out" "$tmp/err"; failures=$((failures+1))
  fi
}
contains() {  # contains NAME FILE TEXT: FILE contains TEXT somewhere
  if ! grep -qF -- "$3" "$2"; then
    echo "FAIL $1: $2 lacks: $3"; head -50 "$2"; failures=$((failures+1))
  fi
}
has_line() {  # has_line NAME FILE LINE: FILE has a line equal to LINE
  if ! grep -qxF -- "$3" "$2"; then
    echo "FAIL $1: $2 lacks the line: $3"; head -50 "$2"; failures=$((failures+1))
  fi
}
finish() {  # finish WHAT
  if [[ $failures -ne 0 ]]; then echo "$failures $1 expectation(s) failed"; exit 1; fi
  echo "all $1 expectations met"
}
