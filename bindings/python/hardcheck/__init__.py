"""hardcheck: offline hardening audits of Exchange Server and WSUS exports.

A thin ctypes wrapper over the C ABI (libhardcheck-c); no third-party
dependencies. Example::

    import hardcheck
    with hardcheck.Baseline.load("exchange-tls") as baseline, \\
         hardcheck.Bundle.load("examples/bundles/exch02", baseline) as bundle:
        for result in hardcheck.run(baseline, bundle):
            print(result.host, result.check_id, result.status, result.evidence[0].file)
"""

from ._api import (
    Baseline,
    Bundle,
    Evidence,
    HardcheckError,
    InputError,
    InvalidArgumentError,
    OutOfMemoryError,
    Profile,
    Result,
    Run,
    Status,
    report_formats,
    run,
    version,
)

__all__ = [
    "Baseline",
    "Bundle",
    "Evidence",
    "HardcheckError",
    "InputError",
    "InvalidArgumentError",
    "OutOfMemoryError",
    "Profile",
    "Result",
    "Run",
    "Status",
    "report_formats",
    "run",
    "version",
]
__version__ = version()
