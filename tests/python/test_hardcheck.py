"""The Python package over the C ABI: results as dataclasses, errors as
exceptions with the library's location, reports, check selection, threads.
Run from the source directory with bindings/python on sys.path (ctest does)."""

import dataclasses
import os
import subprocess
import sys
import tempfile
import threading
import unittest

import hardcheck

SCHANNEL = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\"

TWO_CHECKS = f"""id: memory-tls
title: From memory
version: "1.2"
checks:
  - id: SRV
    title: TLS 1.0 server off
    severity: high
    test:
      registry:
        key: {SCHANNEL}Server
        value: Enabled
      equals: 0
  - id: CLI
    title: TLS 1.0 client off
    severity: low
    test:
      registry:
        key: {SCHANNEL}Client
        value: Enabled
      equals: 0
"""


# The tests' own copy of TLS-02, unaffected by checks added to exchange-tls.
TEST_BASELINE = "tests/c/data/tls-02.yaml"


def audit(bundle_dir, baseline=TEST_BASELINE, checks=None):
    with hardcheck.Baseline.load(baseline) as b, hardcheck.Bundle.load(bundle_dir, b) as bundle:
        with hardcheck.run(b, bundle, checks) as run:
            return list(run)


class Results(unittest.TestCase):
    def test_version_is_the_project_version(self):
        self.assertEqual(hardcheck.version(), "0.1.0")
        self.assertEqual(hardcheck.__version__, "0.1.0")

    def test_passing_host_gives_pass_with_evidence_file_and_line(self):
        [r] = audit("examples/bundles/exch01")
        self.assertEqual((r.host, r.check_id, r.severity, r.status), ("EXCH01", "TLS-02", "high", hardcheck.Status.PASS))
        self.assertEqual(str(r.status), "pass")
        self.assertFalse(r.default_assumed)
        self.assertEqual(r.evidence[0], hardcheck.Evidence("examples/bundles/exch01/schannel.reg", 16, 1,
                                                           SCHANNEL + "Server\\Enabled", "REG_DWORD 0 (0x0)", False))
        self.assertEqual((r.evidence[1].file, r.evidence[1].line), ("examples/bundles/exch01/schannel.reg", 12))

    def test_absent_value_fails_on_assumed_os_default(self):
        [r] = audit("examples/bundles/exch02")
        self.assertEqual((r.host, r.status), ("EXCH02", hardcheck.Status.FAIL))
        self.assertTrue(r.default_assumed)
        self.assertEqual(r.evidence[0].observed, "absent (OS default 1 assumed)")
        self.assertEqual((r.evidence[0].line, r.evidence[0].default_assumed), (3, True))
        self.assertIn("Not met:", r.message)

    def test_profile_waiver_turns_the_failure_into_waived(self):
        with hardcheck.Profile.load("tests/data/profiles/waive-exch02.yaml") as profile, \
                hardcheck.Baseline.load(TEST_BASELINE) as b, hardcheck.Bundle.load("examples/bundles/exch02", b) as bundle:
            [r] = list(hardcheck.run(b, bundle, profile=profile))
            [plain] = list(hardcheck.run(b, bundle))
        self.assertEqual((r.check_id, r.status, r.waiver_state), ("TLS-02", hardcheck.Status.WAIVED, "applied"))
        self.assertEqual((r.waiver_owner, r.waiver_expires), ("jane.doe@contoso.example", "2099-03-31"))
        self.assertEqual(r.waiver_reason, "Legacy scanner needs TLS 1.0 until its March 2099 replacement.")
        self.assertEqual((plain.status, plain.waiver_state, plain.waiver_owner), (hardcheck.Status.FAIL, "none", ""))

    def test_version_data_older_than_the_collection_gives_a_note(self):
        [r] = audit("tests/c/data/notes/host", baseline="tests/c/data/notes/baseline.yaml")
        self.assertEqual(r.status, hardcheck.Status.PASS)
        self.assertEqual(r.notes, ("Version data versions/builds.yaml is as of 2026-01-01, 120 days before the "
                                   "collection (2026-05-01): builds and updates released since are unknown to this "
                                   "check; update the data.",))
        [plain] = audit("examples/bundles/exch01")
        self.assertEqual(plain.notes, ())

    def test_bad_profile_raises_input_error_with_location(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "p.yaml")
            with open(path, "w") as f:
                f.write("profile: p\ncolour: red\n")
            with self.assertRaises(hardcheck.InputError) as caught:
                hardcheck.Profile.load(path)
        self.assertEqual((caught.exception.file, caught.exception.line, caught.exception.column), (path, 2, 1))
        self.assertIn("unknown key 'colour' in the profile", str(caught.exception))

    def test_results_are_frozen_dataclasses(self):
        [r] = audit("examples/bundles/exch02")
        self.assertTrue(dataclasses.is_dataclass(r))
        with self.assertRaises(dataclasses.FrozenInstanceError):
            r.status = hardcheck.Status.PASS

    def test_results_outlive_their_handles(self):
        [r] = audit("examples/bundles/exch01")  # every handle is closed by now
        self.assertEqual(r.title, "TLS 1.0 disabled for server and client")

    def test_builtin_baseline_by_id(self):
        with hardcheck.Baseline.load("exchange-tls") as b:
            self.assertEqual(b.id, "exchange-tls")
            self.assertGreaterEqual(len(b), 1)


class Baselines(unittest.TestCase):
    def test_baseline_from_text_runs_all_or_selected_checks(self):
        with hardcheck.Baseline.from_text(TWO_CHECKS, "mem.yaml") as b, \
                hardcheck.Bundle.load("examples/bundles/exch02") as bundle:
            self.assertEqual((b.id, b.file, len(b)), ("memory-tls", "mem.yaml", 2))
            self.assertEqual([(r.check_id, r.status) for r in hardcheck.run(b, bundle)],
                             [("SRV", hardcheck.Status.FAIL), ("CLI", hardcheck.Status.PASS)])
            self.assertEqual([r.check_id for r in hardcheck.run(b, bundle, checks=["CLI"])], ["CLI"])

    def test_unknown_check_id_raises_invalid_argument(self):
        with hardcheck.Baseline.from_text(TWO_CHECKS) as b, hardcheck.Bundle.load("examples/bundles/exch02") as bundle:
            with self.assertRaises(hardcheck.InvalidArgumentError) as cm:
                hardcheck.run(b, bundle, checks=["NOPE"])
        self.assertEqual(str(cm.exception), "unknown check id 'NOPE'")
        self.assertIsInstance(cm.exception, ValueError)

    def test_bad_baseline_file_raises_input_error_with_location(self):
        with self.assertRaises(hardcheck.InputError) as cm:
            hardcheck.Baseline.load("tests/data/baselines/bad_severity.yaml")
        e = cm.exception
        self.assertEqual((e.code, e.file, e.line, e.column),
                         (-2, "tests/data/baselines/bad_severity.yaml", 8, 15))
        self.assertTrue(str(e).startswith("tests/data/baselines/bad_severity.yaml:8:15: error: "))

    def test_bad_baseline_text_names_the_given_file(self):
        with self.assertRaises(hardcheck.InputError) as cm:
            hardcheck.Baseline.from_text(TWO_CHECKS.replace("severity: low", "severity: lowest"), "mine.yaml")
        self.assertEqual((cm.exception.file, cm.exception.line, cm.exception.column), ("mine.yaml", 15, 15))

    def test_missing_bundle_raises_input_error(self):
        with self.assertRaises(hardcheck.InputError) as cm:
            hardcheck.Bundle.load("no/such/dir")
        self.assertEqual(str(cm.exception), "no/such/dir: error: not a directory")
        self.assertEqual((cm.exception.file, cm.exception.line), ("no/such/dir", 0))

    def test_closed_handle_is_rejected(self):
        b = hardcheck.Baseline.load(TEST_BASELINE)
        b.close()
        b.close()  # closing twice is harmless
        with self.assertRaises(ValueError):
            b.id


class Reports(unittest.TestCase):
    def setUp(self):
        self.baseline = hardcheck.Baseline.load(TEST_BASELINE)
        self.bundle = hardcheck.Bundle.load("examples/bundles/exch02", self.baseline)
        self.run_ = hardcheck.run(self.baseline, self.bundle)

    def tearDown(self):
        self.run_.close()
        self.bundle.close()
        self.baseline.close()

    def test_text_report_as_string(self):
        self.assertIn("text", hardcheck.report_formats())
        text = self.run_.report("text")
        self.assertTrue(text.startswith("baseline c-abi-tls 0.1.0"))
        self.assertIn("FAIL", text)
        self.assertNotIn("evidence:", text)
        self.assertIn("evidence:", self.run_.report("text", verbose=True))

    def test_unknown_format_raises_invalid_argument(self):
        with self.assertRaises(hardcheck.InvalidArgumentError) as cm:
            self.run_.report("no-such-format")
        self.assertTrue(str(cm.exception).startswith("unknown report format 'no-such-format' (known: "))
        self.assertIn("text", str(cm.exception))

    def test_report_file_is_written(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "report.txt")
            self.run_.write_report(path)
            with open(path, encoding="utf-8") as f:
                self.assertEqual(f.read(), self.run_.report())

    def test_unwritable_report_path_raises_input_error(self):
        with self.assertRaises(hardcheck.InputError) as cm:
            self.run_.write_report("no/such/dir/report.txt")
        self.assertEqual(cm.exception.file, "no/such/dir/report.txt")


class Threads(unittest.TestCase):
    def test_one_baseline_serves_concurrent_runs(self):
        baseline = hardcheck.Baseline.load(TEST_BASELINE)
        outcomes = {}

        def work(directory):
            statuses = set()
            for _ in range(20):
                with hardcheck.Bundle.load(directory, baseline) as bundle, hardcheck.run(baseline, bundle) as run:
                    statuses.update((r.host, r.status) for r in run)
            outcomes[directory] = statuses

        threads = [threading.Thread(target=work, args=(d,))
                   for d in ("examples/bundles/exch01", "examples/bundles/exch02")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        baseline.close()
        self.assertEqual(outcomes, {"examples/bundles/exch01": {("EXCH01", hardcheck.Status.PASS)},
                                    "examples/bundles/exch02": {("EXCH02", hardcheck.Status.FAIL)}})


class Loading(unittest.TestCase):
    def test_missing_library_named_by_env_is_an_error(self):
        env = dict(os.environ, HARDCHECK_LIBRARY="/nonexistent/libhardcheck-c.so.0")
        proc = subprocess.run([sys.executable, "-c", "import hardcheck"], env=env, capture_output=True, text=True)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("HARDCHECK_LIBRARY=/nonexistent/libhardcheck-c.so.0: no such file", proc.stderr)


if __name__ == "__main__":
    unittest.main()
