#!/usr/bin/env python3
"""Which built-in checks have a pass, a fail and a not_collected test (issues 8, 9).

Reads the check ids of baselines/*.yaml and the tests in tests/baselines/*.cpp, and
prints one line per check with the statuses its tests assert. Exits 1 when a check
lacks one of them (a `manual: true` check needs only a `manual` test), unless the
check is in ALLOWED_GAPS below with the reason.

A test "asserts status S for check C" when one unit of test source names C as a
string literal ("EEMS-01") and asserts S. A unit is either one BOOST_*_TEST_CASE body
(`== "pass"`, or `expect_manual(` for manual; a call of a one-check helper
such as `wsus01(...)` names its check), or one row of a fixture table (`{"exchange-eems", "EEMS-01", ...,
Status::pass, ...}`, see check_fixture.hpp), a row running until the next row.

Usage: coverage_test.py SOURCE_DIR [--table]
"""
import pathlib
import re
import sys

STATUSES = ("pass", "fail", "not_collected", "manual")
# Checks whose missing tests are known; each says why.  Empty is the goal.
ALLOWED_GAPS = {
}

ID = r"[A-Z]{2,5}-\d{2}"
CASE_START = re.compile(r"^BOOST_(?:AUTO|DATA|FIXTURE)_TEST_CASE\b", re.M)
ROW_START = re.compile(r'^\s*\{"[a-z0-9-]+",\s*"(' + ID + r')"', re.M)


def checks(source):
    """{check id: manual?} over every built-in baseline."""
    found = {}
    for path in sorted((source / "baselines").glob("*.yaml")):
        current = None
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"^  - id: (" + ID + r")\s*$", line)
            if m:
                current = m.group(1)
                found.setdefault(current, False)
            elif current and re.match(r"^    manual:\s*true\b", line):
                found[current] = True
    return found


def units(text):
    """Test case bodies and table rows, as text."""
    cuts = sorted({m.start() for m in CASE_START.finditer(text)} | {m.start() for m in ROW_START.finditer(text)})
    for i, start in enumerate(cuts):
        end = cuts[i + 1] if i + 1 < len(cuts) else len(text)
        yield text[start:end]


# A one-check helper: `Result wsus01(std::string_view c) { return run_check("b", "WSUS-01", c); }`;
# a unit calling it names that check.
HELPER = re.compile(r'Result (\w+)\([^)]*\)\s*\{\s*return run_check\(\s*"[^"]+",\s*"(' + ID + r')"')


def coverage(source, ids):
    seen = {i: set() for i in ids}
    for path in sorted((source / "tests" / "baselines").glob("*.cpp")):
        text = path.read_text(encoding="utf-8")
        helpers = dict(HELPER.findall(text))
        for unit in units(text):
            for name, cid in helpers.items():
                if re.search(r"\b" + name + r"\(", unit):
                    unit += ' "' + cid + '"'
            asserted = {s for s in STATUSES if f'== "{s}"' in unit or f"Status::{s}" in unit}
            if "expect_manual(" in unit:  # check_fixture.hpp: asserts manual and the guidance
                asserted.add("manual")
            for cid in set(re.findall(r'"(' + ID + r')"', unit)):
                if cid in seen:
                    seen[cid] |= asserted
    return seen


def main():
    source = pathlib.Path(sys.argv[1])
    ids = checks(source)
    seen = coverage(source, ids)
    missing = 0
    complete = 0
    for cid in sorted(ids):
        need = {"manual"} if ids[cid] else {"pass", "fail", "not_collected"}
        lacking = sorted(need - seen[cid])
        marks = " ".join(s if s in seen[cid] else "-" * len(s) for s in STATUSES)
        note = ""
        if lacking and cid in ALLOWED_GAPS:
            note = "  allowed: " + ALLOWED_GAPS[cid]
        elif lacking:
            note = "  MISSING " + ",".join(lacking)
            missing += 1
        if not lacking:
            complete += 1
        print(f"{cid:8} {marks}{note}")
    print(f"{complete} of {len(ids)} checks have every test they need; {missing} lack some")
    return 1 if missing and "--table" not in sys.argv else 0


if __name__ == "__main__":
    sys.exit(main())
