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

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.results import FAMILIES, VERDICTS, CheckResult
from ..errors import UnknownNameError, known_names
from ..vocabulary import (
    CONSISTENT,
    DEPENDS_ON_SOURCE,
    DISCREPANCY,
    NOT_CHECKABLE,
    PROSE,
    WITHIN_ROUNDING,
)


class UnknownFamilyError(UnknownNameError):
    """A family of checks that does not exist."""

    kind = "family of checks"
    hint = f"families are {', '.join(FAMILIES)}"


class UnknownVerdictError(UnknownNameError):
    """A verdict outside the verdict vocabulary."""

    kind = "verdict"
    hint = f"verdicts are {', '.join(VERDICTS)}"

if TYPE_CHECKING:
    from ..core.record import Record


def check(
    overlay: str | Path | None = None,
    family: str | Iterable[str] | None = None,
    verdict: str | Iterable[str] | None = None,
    *,
    record: Record | None = None,
) -> list[CheckResult]:
    """Run the consistency checks.

    Parameters
    ----------
    overlay : path, optional
        A filled template (see :func:`gulagstats.template`): its values replace
        the cells they name (status ``user``) before the checks run (a
        convenience: the same as ``record=Record(overlay)``).
    family : str or list of str, optional
        Only these families: ``prose``, ``identities``, ``sources``,
        ``plausibility`` (default: all).
    verdict : str or list of str, optional
        Keep only results with these verdicts.
    record : gulagstats.Record, optional
        The record to check (default: the published data); not together with ``overlay``.

    Returns
    -------
    list of CheckResult
        In the order of the families, then of the rules.

    Raises
    ------
    UnknownFamilyError, UnknownVerdictError
        For a family or verdict that does not exist (the message suggests the nearest).
    OverlayAndRecordError
        If both ``overlay`` and ``record`` are given.

    Examples
    --------
    >>> import gulagstats
    >>> results = gulagstats.check(family="prose")
    >>> r = next(r for r in results if r.id == "prose.L061.1")
    >>> r.expected, r.observed, r.verdict
    (175487.0, 175486.0, 'discrepancy')
    """
    from ..core.record import (
        resolve,  # not at the top: the record imports this package (checks.cells)
    )

    record = resolve(record, overlay)
    families = set(FAMILIES if family is None else known_names(family, FAMILIES, UnknownFamilyError))
    verdicts = set(VERDICTS if verdict is None else known_names(verdict, VERDICTS, UnknownVerdictError))
    from .identities import identity_checks
    from .plausibility import plausibility_checks
    from .prose import prose_checks
    from .sources import source_checks

    runners = {
        PROSE: prose_checks,
        "identities": identity_checks,
        "sources": source_checks,
        "plausibility": plausibility_checks,
    }
    cells = record.cell_index()
    results = [r for name in FAMILIES if name in families for r in runners[name](cells)]
    from .internal import internal_checks  # the lower-bound rule and GRZ against GRZ

    results = internal_checks(results, record)
    return [r for r in results if r.verdict in verdicts]


def summary(results: Iterable[CheckResult]) -> dict[str, int]:
    """Count results by verdict (every verdict present, in the order of :data:`VERDICTS`), with the total.

    Examples
    --------
    >>> import gulagstats
    >>> counts = gulagstats.summary(gulagstats.check(family="sources"))
    >>> counts["total"] == sum(counts[v] for v in gulagstats.VERDICTS)
    True
    """
    counts: Counter[str] = Counter(r.verdict for r in results)
    return {**{v: counts.get(v, 0) for v in VERDICTS}, "total": sum(counts.values())}


def summary_line(counts: dict[str, int]) -> str:
    """The summary in words: ``N checks: a consistent, b within rounding, ...``.

    Examples
    --------
    >>> counts = {"consistent": 3, "within_rounding": 1, "discrepancy": 1, "depends_on_source": 0,
    ...           "not_checkable": 2, "total": 7}
    >>> summary_line(counts)
    '7 checks: 3 consistent, 1 within rounding, 1 discrepancies, 0 depend on source, 2 not checkable'
    """
    return (
        f"{counts['total']} checks: {counts[CONSISTENT]} consistent, {counts[WITHIN_ROUNDING]} within rounding, "
        f"{counts[DISCREPANCY]} discrepancies, {counts[DEPENDS_ON_SOURCE]} depend on source, "
        f"{counts[NOT_CHECKABLE]} not checkable"
    )


__all__ = [
    "FAMILIES",
    "VERDICTS",
    "CheckResult",
    "UnknownFamilyError",
    "UnknownVerdictError",
    "check",
    "summary",
    "summary_line",
]
