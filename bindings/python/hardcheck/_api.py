"""The Pythonic layer over the C ABI: handles as objects, results as dataclasses,
failures as exceptions carrying the library's error (message, file, line, column).
"""

import ctypes
import enum
import os
from dataclasses import dataclass
from typing import Iterator, Optional, Sequence, Tuple, Union

from . import _native
from ._native import lib

PathLike = Union[str, "os.PathLike[str]"]

OK, EINVAL, EINPUT, ENOMEM, EINTERNAL, EBUFSIZE, EVERSION = 0, -1, -2, -3, -4, -5, -6


class HardcheckError(Exception):
    """A failed call into the library. `code` is the negative HC_E* code;
    `file`, `line` and `column` say where in an input the problem is (None and
    0 when it did not come from a file)."""

    def __init__(self, code: int, message: str, file: Optional[str] = None, line: int = 0, column: int = 0):
        super().__init__(message)
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column


class InputError(HardcheckError):
    """A baseline or evidence file missing, unreadable or malformed."""


class InvalidArgumentError(HardcheckError, ValueError):
    """An argument the library rejected (unknown check id or report format, ...)."""


class OutOfMemoryError(HardcheckError, MemoryError):
    """The library ran out of memory."""


_ERROR_CLASSES = {EINPUT: InputError, EINVAL: InvalidArgumentError, ENOMEM: OutOfMemoryError}


def _text(value: Optional[bytes]) -> Optional[str]:
    return None if value is None else value.decode("utf-8", errors="replace")


def _check(code: int) -> None:
    """Raises the thread's last error when `code` is not HC_OK."""
    if code == OK:
        return
    err = lib.hc_error_last().contents
    cls = _ERROR_CLASSES.get(code, HardcheckError)
    raise cls(code, _text(err.message) or f"hardcheck error {code}", _text(err.file), err.line, err.column)


def _path(value: PathLike) -> bytes:
    return os.fsencode(value)


class Status(enum.IntEnum):
    """The seven statuses of a result; values are the C ABI's hc_status."""

    PASS = 0
    FAIL = 1
    NOT_APPLICABLE = 2
    NOT_COLLECTED = 3
    ERROR = 4
    WAIVED = 5
    MANUAL = 6

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Evidence:
    file: Optional[str]
    line: int
    column: int
    locator: str
    observed: str
    default_assumed: bool


@dataclass(frozen=True)
class Result:
    host: str
    check_id: str
    title: str
    severity: str
    status: Status
    observed: str
    expected: str
    message: str
    default_assumed: bool
    evidence: Tuple[Evidence, ...]
    # The waiver naming this check and host, from the run's profile: "none",
    # "applied", "unused" or "expired"; reason, owner and expiry "" without one.
    waiver_state: str = "none"
    waiver_reason: str = ""
    waiver_owner: str = ""
    waiver_expires: str = ""
    # Warnings about the result, e.g. that the version data is older than the collection.
    notes: Tuple[str, ...] = ()


class _Handle:
    """Owns one C handle; freed by close(), by leaving a `with` block, or when
    garbage collected."""

    _free = None  # the hc_*_free function, set by subclasses

    def __init__(self, handle: ctypes.c_void_p):
        self._handle = handle

    def close(self) -> None:
        if self._handle is not None and self._handle.value:
            type(self)._free(self._handle)
        self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:
        self.close()

    @property
    def _ptr(self) -> ctypes.c_void_p:
        if self._handle is None:
            raise ValueError(f"{type(self).__name__} is closed")
        return self._handle


class Baseline(_Handle):
    """A compiled baseline; may be shared by runs in several threads."""

    _free = lib.hc_baseline_free

    @classmethod
    def load(cls, path_or_id: PathLike) -> "Baseline":
        """Loads a baseline file, or a built-in baseline by id ("exchange-tls")."""
        handle = ctypes.c_void_p()
        _check(lib.hc_baseline_load(ctypes.byref(handle), _path(path_or_id)))
        return cls(handle)

    @classmethod
    def from_text(cls, yaml: Union[str, bytes], name: str = "<memory>") -> "Baseline":
        """Compiles a baseline from YAML text; errors name `name` as the file."""
        data = yaml.encode("utf-8") if isinstance(yaml, str) else bytes(yaml)
        handle = ctypes.c_void_p()
        _check(lib.hc_baseline_load_buffer(ctypes.byref(handle), data, len(data), name.encode("utf-8")))
        return cls(handle)

    def _info(self) -> _native.BaselineInfo:
        info = ctypes.POINTER(_native.BaselineInfo)()
        _check(lib.hc_baseline_info_get(ctypes.byref(info), self._ptr))
        return info.contents

    @property
    def id(self) -> str:
        return _text(self._info().id)

    @property
    def title(self) -> str:
        return _text(self._info().title)

    @property
    def version(self) -> str:
        return _text(self._info().version)

    @property
    def file(self) -> str:
        return _text(self._info().file)

    def __len__(self) -> int:
        return self._info().check_count

    def __repr__(self) -> str:
        return f"<hardcheck.Baseline {self.id} {self.version}>" if self._handle else "<hardcheck.Baseline closed>"


class Profile(_Handle):
    """Tailoring: check selection, severities, parameters and waivers (a profile
    YAML file); may be shared by runs."""

    _free = lib.hc_profile_free

    @classmethod
    def load(cls, path: PathLike) -> "Profile":
        handle = ctypes.c_void_p()
        _check(lib.hc_profile_load(ctypes.byref(handle), _path(path)))
        return cls(handle)

    def __repr__(self) -> str:
        return "<hardcheck.Profile>" if self._handle else "<hardcheck.Profile closed>"


class Bundle(_Handle):
    """The evidence of one host (a bundle directory)."""

    _free = lib.hc_bundle_free

    @classmethod
    def load(cls, directory: PathLike, baseline: Optional[Baseline] = None) -> "Bundle":
        """Loads a host bundle; with `baseline`, only what it reads is decoded."""
        handle = ctypes.c_void_p()
        _check(lib.hc_bundle_load(ctypes.byref(handle), _path(directory), baseline._ptr if baseline else None))
        return cls(handle)

    @property
    def host(self) -> str:
        out = ctypes.c_char_p()
        _check(lib.hc_bundle_host(ctypes.byref(out), self._ptr))
        return _text(out.value)

    def __repr__(self) -> str:
        return f"<hardcheck.Bundle {self.host}>" if self._handle else "<hardcheck.Bundle closed>"


class Run(_Handle):
    """The results of one baseline over one host, and its report."""

    _free = lib.hc_run_free

    def __init__(self, handle: ctypes.c_void_p):
        super().__init__(handle)
        self.results: Tuple[Result, ...] = tuple(self._read_results())

    def _read_results(self) -> Iterator[Result]:
        count = ctypes.c_size_t()
        _check(lib.hc_run_result_count(ctypes.byref(count), self._ptr))
        for i in range(count.value):
            view = ctypes.POINTER(_native.ResultView)()
            _check(lib.hc_run_result(ctypes.byref(view), self._ptr, i))
            r = view.contents
            evidence = []
            for j in range(r.evidence_count):
                ev = ctypes.POINTER(_native.EvidenceView)()
                _check(lib.hc_run_evidence(ctypes.byref(ev), self._ptr, i, j))
                e = ev.contents
                evidence.append(Evidence(_text(e.file), e.line, e.column, _text(e.locator), _text(e.observed),
                                         bool(e.default_assumed)))
            notes = []
            for j in range(r.notes_count):
                note = ctypes.c_char_p()
                _check(lib.hc_run_note(ctypes.byref(note), self._ptr, i, j))
                notes.append(_text(note.value))
            yield Result(_text(r.host), _text(r.check_id), _text(r.title), _text(r.severity), Status(r.status),
                         _text(r.observed), _text(r.expected), _text(r.message), bool(r.default_assumed),
                         tuple(evidence), _text(r.waiver_state), _text(r.waiver_reason), _text(r.waiver_owner),
                         _text(r.waiver_expires), tuple(notes))

    def __iter__(self) -> Iterator[Result]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    def __getitem__(self, index: int) -> Result:
        return self.results[index]

    @staticmethod
    def _report_options(verbose: bool, colour: bool) -> _native.ReportOptions:
        opts = _native.ReportOptions()
        _check(lib.hc_report_options_init(ctypes.byref(opts), _native.REPORT_OPTIONS_VERSION))
        opts.verbose = int(verbose)
        opts.colour = int(colour)
        return opts

    def report(self, format: str = "text", verbose: bool = False, colour: bool = False) -> str:
        """The report as a string."""
        opts = self._report_options(verbose, colour)
        size = ctypes.c_size_t()
        code = lib.hc_report_write_buffer(None, 0, ctypes.byref(size), self._ptr, format.encode(), ctypes.byref(opts))
        if code != EBUFSIZE:
            _check(code)
        buffer = ctypes.create_string_buffer(size.value + 1)
        _check(lib.hc_report_write_buffer(buffer, len(buffer), ctypes.byref(size), self._ptr, format.encode(),
                                          ctypes.byref(opts)))
        return buffer.raw[: size.value].decode("utf-8")

    def write_report(self, path: PathLike, format: str = "text", verbose: bool = False, colour: bool = False) -> None:
        """Writes the report to `path` atomically (no partial file on failure)."""
        opts = self._report_options(verbose, colour)
        _check(lib.hc_report_write_file(self._ptr, format.encode(), _path(path), ctypes.byref(opts)))


def run(baseline: Baseline, bundle: Bundle, checks: Optional[Sequence[str]] = None,
        profile: Optional[Profile] = None) -> Run:
    """Evaluates `baseline` against `bundle`; `checks` restricts it to those ids,
    `profile` tailors it (selection, severities, parameters, waivers)."""
    opts = _native.RunOptions()
    _check(lib.hc_run_options_init(ctypes.byref(opts), _native.RUN_OPTIONS_VERSION))
    if checks is not None:
        ids = (ctypes.c_char_p * len(checks))(*[c.encode("utf-8") for c in checks])
        opts.check_ids = ids
        opts.check_id_count = len(checks)
    if profile is not None:
        opts.profile = profile._ptr
    handle = ctypes.c_void_p()
    _check(lib.hc_run_evaluate(ctypes.byref(handle), baseline._ptr, bundle._ptr, ctypes.byref(opts)))
    return Run(handle)


def version() -> str:
    """The library's version, "major.minor.patch"."""
    return _text(lib.hc_version())


def report_formats() -> Tuple[str, ...]:
    count = ctypes.c_size_t()
    _check(lib.hc_report_format_count(ctypes.byref(count)))
    names = []
    for i in range(count.value):
        name = ctypes.c_char_p()
        _check(lib.hc_report_format_name(ctypes.byref(name), i))
        names.append(_text(name.value))
    return tuple(names)
