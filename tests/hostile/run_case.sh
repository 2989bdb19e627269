#!/usr/bin/env bash
# Runs one hostile-input case as a user meets it: the CLI under a memory limit and
# a time limit, then compares exit code and stderr exactly, and checks that no
# report file was left behind.
# Usage: run_case.sh HARDCHECK CASE.expect [MEMORY_LIMIT_KB]   (from the source tree)
#
# CASE.expect, one directive a line (# starts a comment):
#   setup: COMMAND     bash, run in the scratch directory @WORK@ first (repeatable)
#   args: ARGS...      the hardcheck arguments (word-split; no quoting)
#   exit: N            the exit code wanted
#   stderr: LINE       one exact stderr line, in order (repeatable; none: empty)
#   absent: PATH       a file that must not exist afterwards (no partial output)
#   has: PATH TEXT     the output file PATH holds the fixed string TEXT (repeatable)
#   lacks: PATH TEXT   the output file PATH does not hold TEXT anywhere (repeatable)
#   seconds: N         time limit (default 20)
#   unprivileged: yes  run as user nobody when run as root (root reads any file)
# In every directive @CASE@ is the input beside the .expect file (same stem, any
# other extension), @DIR@ the cases directory, @WORK@ the scratch directory and
# @ROOT@ the source tree.
set -u
hc=$1
spec=$2
memory_kb=${3:-1048576}
dir=$(dirname "$spec")
stem=$(basename "$spec" .expect)
work=$(mktemp -d)
root=$PWD
trap 'rm -rf "$work"' EXIT

input=""
for f in "$dir/$stem".* "$dir/$stem"; do
  [[ -e $f && $f != "$spec" ]] && { input=$f; break; }
done

subst() {
  local s=$1
  s=${s//@CASE@/$input}
  s=${s//@DIR@/$dir}
  s=${s//@WORK@/$work}
  s=${s//@ROOT@/$root}
  printf '%s' "$s"
}

args=() want_exit="" seconds=20 wrap=()
want_err=() absent=() has=() lacks=()
while IFS= read -r line || [[ -n $line ]]; do
  [[ -z $line || $line == \#* ]] && continue
  key=${line%%:*}
  value=${line#*: }
  [[ $value == "$line" ]] && value=""
  case $key in
    setup) (cd "$work" && bash -euo pipefail -c "$(subst "$value")") || { echo "FAIL $stem: setup failed: $value"; exit 1; } ;;
    args) read -r -a args <<<"$(subst "$value")" ;;
    exit) want_exit=$value ;;
    stderr) want_err+=("$(subst "$value")") ;;
    absent) absent+=("$(subst "$value")") ;;
    has) has+=("$(subst "$value")") ;;
    lacks) lacks+=("$(subst "$value")") ;;
    seconds) seconds=$value ;;
    unprivileged)
      if [[ $EUID -eq 0 ]]; then
        chmod 755 "$work"
        # nobody may not be able to reach the build tree (a clone in a private
        # directory): run a copy of the binary and its library from the work dir.
        mkdir -p "$work/bin"
        cp "$hc" "$(dirname "$hc")"/../libaudit/libhardcheck.so* "$work/bin/"
        chmod -R a+rX "$work/bin"
        hc="$work/bin/$(basename "$hc")"
        wrap=(setpriv --reuid=65534 --regid=65534 --clear-groups env "LD_LIBRARY_PATH=$work/bin")
      fi ;;
    *) echo "FAIL $stem: unknown directive '$key'"; exit 1 ;;
  esac
done <"$spec"
[[ -n $want_exit && ${#args[@]} -gt 0 ]] || { echo "FAIL $stem: needs args and exit"; exit 1; }

# The memory limit is skipped under the sanitizers, which reserve terabytes of
# address space for their shadow memory.
limit=""
[[ $memory_kb != 0 ]] && limit="ulimit -v $memory_kb;"
start=$(date +%s%N)
bash -c "$limit exec ${wrap[*]} timeout -s KILL $seconds \"\$@\"" hardcheck "$hc" "${args[@]}" >"$work/stdout" 2>"$work/stderr"
got=$?
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))

failed=0
if [[ $got != "$want_exit" ]]; then
  echo "FAIL $stem: exit $got, wanted $want_exit (137: killed by the time limit)"
  failed=1
fi
printf '%s\n' "${want_err[@]+"${want_err[@]}"}" >"$work/want_err"
[[ ${#want_err[@]} -eq 0 ]] && : >"$work/want_err"
if ! diff -u --label wanted --label got "$work/want_err" "$work/stderr"; then
  echo "FAIL $stem: stderr differs"
  failed=1
fi
for f in "${absent[@]+"${absent[@]}"}"; do
  if compgen -G "$f*" >/dev/null; then
    echo "FAIL $stem: $f was left behind"
    failed=1
  fi
done
# "PATH TEXT": the path is the first word, the text all the rest, matched as is.
for entry in "${has[@]+"${has[@]}"}"; do
  if ! grep -qF -- "${entry#* }" "${entry%% *}" 2>/dev/null; then
    echo "FAIL $stem: ${entry%% *} does not hold: ${entry#* }"
    failed=1
  fi
done
for entry in "${lacks[@]+"${lacks[@]}"}"; do
  if [[ ! -f ${entry%% *} ]] || grep -qF -- "${entry#* }" "${entry%% *}"; then
    echo "FAIL $stem: ${entry%% *} is missing or holds: ${entry#* }"
    failed=1
  fi
done
echo "$stem: exit $got in ${elapsed_ms} ms"
exit $failed
