"""gulagstats: the archival statistics of Soviet repression as sourced, checked data.

The core source is Getty, Rittersporn & Zemskov, "Victims of the Soviet Penal
System in the Pre-war Years", American Historical Review 98:4 (1993) (GRZ).
Every value carries its source, locator and status (prose, confirmed, derived,
unconfirmed, missing, user).

Every public name is defined in :mod:`gulagstats.api` and re-exported here.
Importing the package is cheap: the API is loaded on first use, pandas when a
function needs it, and matplotlib only when a figure is drawn.

Examples
--------
>>> import gulagstats
>>> wide = gulagstats.load("appendix", wide=True)
>>> int(wide.loc["1939", "gulag_camps inmates"])   # camp inmates on 1 January 1939
1317195
"""

from __future__ import annotations

import threading
from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import (
    DataFormatError,
    DataIntegrityError,
    GulagstatsError,
    InvalidEstimateError,
    NumberFormatError,
    OutputPathError,
    OverlayAndRecordError,
    OverlayError,
    UnknownNameError,
    UnknownQuantityError,
    UnknownSourceError,
    UnknownStatusError,
    UnknownTableError,
)

#: The names of :mod:`gulagstats.api` re-exported here (loaded on first use).
_API: frozenset[str] = frozenset(
    [
        "STATUSES", "VERDICTS", "Assessment", "Benchmark", "CheckResult", "Record", "Source", "TableMeta",
        "assess", "assess_claims", "benchmarks", "build_report", "check", "check_results", "compare", "coverage",
        "default_record", "describe", "draw_figures", "figure_a", "figure_b", "figure_c", "figure_d",
        "figure_estimates", "figure_mortality_rate", "figure_nkvd_sentences", "figure_source_disagreement",
        "load", "quantities", "read_overlay", "source", "sources", "summary", "tables", "template",
    ]
)

#: Names defined by the layer that raises or returns them (the errors, the table of checks),
#: re-exported here and loaded on first use: every public error is a name of the package
#: (tests/test_api_types.py finds them all).
_ELSEWHERE: dict[str, str] = {
    "UnknownFamilyError": ".checks",
    "UnknownVerdictError": ".checks",
    "CheckTable": ".checks.table",
    "UnknownFigureError": ".figures.export",
    "UnknownFigureFormatError": ".figures.export",
    "MissingExtraError": ".publish.export",
    "UnknownFormatError": ".publish.export",
    "ServeError": ".publish.serve",
    "OutputWriteError": ".outputs",
    "FactcheckInputError": ".factcheck.read",
    "CorpusInputError": ".archive.sources",
    "CorpusSettingsError": ".archive.run",
    "CorpusWorkerError": ".archive.work",
    "EngineError": ".archive.engines",
    "MissingArchiveExtraError": ".archive.task",
}

# A literal list, so that type checkers see what the package exports (mypy --strict on a user
# script: tests/test_api_types.py); a test checks it against _API and the errors.
__all__ = [
    "STATUSES",
    "VERDICTS",
    "Assessment",
    "Benchmark",
    "CheckResult",
    "CheckTable",
    "CorpusInputError",
    "CorpusSettingsError",
    "CorpusWorkerError",
    "DataFormatError",
    "DataIntegrityError",
    "EngineError",
    "FactcheckInputError",
    "GulagstatsError",
    "InvalidEstimateError",
    "MissingArchiveExtraError",
    "MissingExtraError",
    "NumberFormatError",
    "OutputPathError",
    "OutputWriteError",
    "OverlayAndRecordError",
    "OverlayError",
    "Record",
    "ServeError",
    "Source",
    "TableMeta",
    "UnknownFamilyError",
    "UnknownFigureError",
    "UnknownFigureFormatError",
    "UnknownFormatError",
    "UnknownNameError",
    "UnknownQuantityError",
    "UnknownSourceError",
    "UnknownStatusError",
    "UnknownTableError",
    "UnknownVerdictError",
    "__version__",
    "assess",
    "assess_claims",
    "benchmarks",
    "build_report",
    "check",
    "check_results",
    "compare",
    "coverage",
    "default_record",
    "describe",
    "draw_figures",
    "figure_a",
    "figure_b",
    "figure_c",
    "figure_d",
    "figure_estimates",
    "figure_mortality_rate",
    "figure_nkvd_sentences",
    "figure_source_disagreement",
    "load",
    "quantities",
    "read_overlay",
    "source",
    "sources",
    "summary",
    "tables",
    "template",
]


#: One thread at a time imports a module on first use: two threads importing modules that import
#: each other would otherwise see a partially initialised module (an ImportError).
_IMPORTING = threading.RLock()


def __getattr__(name: str) -> Any:
    if name not in _API and name not in _ELSEWHERE:
        raise AttributeError(f"module 'gulagstats' has no attribute {name!r}")
    with _IMPORTING:
        value = getattr(import_module(_ELSEWHERE.get(name, ".api"), __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .api import (
        STATUSES,
        VERDICTS,
        Assessment,
        Benchmark,
        CheckResult,
        Record,
        Source,
        TableMeta,
        assess,
        assess_claims,
        benchmarks,
        build_report,
        check,
        check_results,
        compare,
        coverage,
        default_record,
        describe,
        draw_figures,
        figure_a,
        figure_b,
        figure_c,
        figure_d,
        figure_estimates,
        figure_mortality_rate,
        figure_nkvd_sentences,
        figure_source_disagreement,
        load,
        quantities,
        read_overlay,
        source,
        sources,
        summary,
        tables,
        template,
    )
    from .archive.engines import EngineError
    from .archive.run import CorpusSettingsError
    from .archive.sources import CorpusInputError
    from .archive.task import MissingArchiveExtraError
    from .archive.work import CorpusWorkerError
    from .checks import UnknownFamilyError, UnknownVerdictError
    from .checks.table import CheckTable
    from .factcheck.read import FactcheckInputError
    from .figures.export import UnknownFigureError, UnknownFigureFormatError
    from .outputs import OutputWriteError
    from .publish.export import MissingExtraError, UnknownFormatError
    from .publish.serve import ServeError
