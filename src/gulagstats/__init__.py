"""gulagstats: the archival statistics of Soviet repression as sourced, checked data.

The core source is Getty, Rittersporn & Zemskov, "Victims of the Soviet Penal
System in the Pre-war Years", American Historical Review 98:4 (1993) (GRZ).
Every value carries its source, locator and status (prose, confirmed, derived,
unconfirmed, missing, user).

Importing the package is cheap: functions are loaded on first use, and
matplotlib only when a figure is drawn.

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

from .errors import (
    DataFormatError,
    DataIntegrityError,
    GulagstatsError,
    InvalidEstimateError,
    OutputPathError,
    OverlayAndRecordError,
    OverlayError,
    UnknownNameError,
    UnknownQuantityError,
    UnknownStatusError,
    UnknownTableError,
)

__version__ = "0.1.0"

# public name -> module that defines it (imported on first use)
_LAZY: dict[str, str] = {
    "tables": "loaders",
    "load": "loaders",
    "describe": "loaders",
    "sources": "loaders",
    "source": "loaders",
    "coverage": "tally",
    "template": "loaders",
    "read_overlay": "overlay",
    "build_report": "report",
    "figure_a": "figures.article",
    "figure_b": "figures.article",
    "figure_c": "figures.article",
    "figure_d": "figures.article",
    "figure_mortality_rate": "figures.extra",
    "figure_nkvd_sentences": "figures.extra",
    "figure_source_disagreement": "figures.extra",
    "figure_estimates": "figures.extra",
    "draw_figures": "figures.export",
    "check": "checks",
    "summary": "checks",
    "VERDICTS": "checks",
    "CheckResult": "checks",
    "compare": "estimates.verdicts",
    "assess": "estimates.verdicts",
    "assess_claims": "estimates.verdicts",
    "benchmarks": "estimates.record",
    "quantities": "estimates.vocabulary",
    "Assessment": "models",
    "Benchmark": "models",
    "STATUSES": "models",
    "TableMeta": "models",
    "Source": "models",
    "Record": "record",
    "default_record": "record",
}

__all__ = sorted(
    [
        *_LAZY,
        "__version__",
        "GulagstatsError",
        "DataFormatError",
        "DataIntegrityError",
        "InvalidEstimateError",
        "OutputPathError",
        "OverlayError",
        "OverlayAndRecordError",
        "UnknownNameError",
        "UnknownQuantityError",
        "UnknownStatusError",
        "UnknownTableError",
    ]
)


#: One thread at a time imports a module on first use: two threads importing modules that import
#: each other would otherwise see a partially initialised module (an ImportError).
_IMPORTING = threading.RLock()


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gulagstats' has no attribute {name!r}")
    with _IMPORTING:
        value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .checks import VERDICTS, CheckResult, check, summary
    from .estimates.record import benchmarks
    from .estimates.verdicts import assess, assess_claims, compare
    from .estimates.vocabulary import quantities
    from .figures.article import figure_a, figure_b, figure_c, figure_d
    from .figures.export import draw_figures
    from .figures.extra import (
        figure_estimates,
        figure_mortality_rate,
        figure_nkvd_sentences,
        figure_source_disagreement,
    )
    from .loaders import describe, load, source, sources, tables, template
    from .models import STATUSES, Assessment, Benchmark, Source, TableMeta
    from .overlay import read_overlay
    from .record import Record, default_record
    from .report import build_report
    from .tally import coverage
