"""Consistency checks: the tables against their totals, each other and the prose.

:func:`check` runs four families of checks and returns one
:class:`~gulagstats.core.results.CheckResult` per check:

- ``prose``: every figure of the GRZ prose (``grz_text_figures``) that the
  tables can compute, and the ones they cannot, with the reason;
- ``identities``: totals against their parts, printed shares against counts,
  breakdowns against 100;
- ``sources``: every cell with more than one published value;
- ``plausibility``: no negative counts, shares within 0-100, dates within the
  years covered, deaths within the population.

Each result carries the expectation (the quote and its line, or the identity),
the observed value, the cells used (with source and status), the difference,
the tolerance and why, and a verdict: consistent, within_rounding,
discrepancy, depends_on_source or not_checkable.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..core.record import Record
from ..core.results import FAMILIES, VERDICTS, CheckResult
from ..errors import UnknownNameError, known_names
from ..vocabulary import PROSE
from .identities import identity_checks
from .internal import internal_checks
from .plausibility import plausibility_checks
from .prose import prose_checks
from .sources import source_checks
from .text import summary, summary_line


class UnknownFamilyError(UnknownNameError):
    """A family of checks that does not exist."""

    kind = "family of checks"
    hint = f"families are {', '.join(FAMILIES)}"


class UnknownVerdictError(UnknownNameError):
    """A verdict outside the verdict vocabulary."""

    kind = "verdict"
    hint = f"verdicts are {', '.join(VERDICTS)}"

def check_record(
    record: Record, family: str | Iterable[str] | None = None, verdict: str | Iterable[str] | None = None
) -> list[CheckResult]:
    """Run the consistency checks on a record (:func:`gulagstats.check`).

    Parameters
    ----------
    record : Record
        The record to check.
    family : str or list of str, optional
        Only these families: ``prose``, ``identities``, ``sources``,
        ``plausibility`` (default: all).
    verdict : str or list of str, optional
        Keep only results with these verdicts.

    Returns
    -------
    list of CheckResult
        In the order of the families, then of the rules.

    Raises
    ------
    UnknownFamilyError, UnknownVerdictError
        For a family or verdict that does not exist (the message suggests the nearest).

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> results = check_record(default_record(), family="prose")
    >>> r = next(r for r in results if r.id == "prose.L061.1")
    >>> r.expected, r.observed, r.verdict
    (175487.0, 175486.0, 'discrepancy')
    """
    families = set(FAMILIES if family is None else known_names(family, FAMILIES, UnknownFamilyError))
    verdicts = set(VERDICTS if verdict is None else known_names(verdict, VERDICTS, UnknownVerdictError))
    runners = {
        PROSE: prose_checks,
        "identities": identity_checks,
        "sources": source_checks,
        "plausibility": plausibility_checks,
    }
    cells = record.cell_index()
    results = [r for name in FAMILIES if name in families for r in runners[name](cells)]
    results = internal_checks(results, cells)  # the lower-bound rule and GRZ against GRZ
    return [r for r in results if r.verdict in verdicts]


__all__ = [
    "FAMILIES",
    "VERDICTS",
    "CheckResult",
    "UnknownFamilyError",
    "UnknownVerdictError",
    "check_record",
    "summary",
    "summary_line",
]
