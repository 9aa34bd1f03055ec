"""Sources: every cell for which more than one value was published, side by side.

A cell may carry several published rows (two reprints of the same table,
another reporting stream, the article itself); they are all kept.  For each
such cell the values are compared with the table's preferred value: equal
values are *consistent*, percentages that differ by no more than the rounding
of the coarser print are *within rounding*, anything else is a *discrepancy*
(counts must match exactly).  Values supplied through an overlay are not
published values and are left out.
"""

from __future__ import annotations

from collections import defaultdict

from ..core.cells import Cell, CellIndex, Key, describe_key
from ..core.results import Alternative, CheckResult
from ..vocabulary import CONSISTENT, DISCREPANCY, MISSING, PERCENT, PERSONS, USER, WITHIN_ROUNDING
from .engine import EPSILON, printed_decimals


def _verdict(value: float, preferred: float, tolerance: float) -> str:
    difference = abs(value - preferred)
    if difference <= EPSILON * max(1.0, abs(preferred)):
        return CONSISTENT
    return WITHIN_ROUNDING if difference <= tolerance + EPSILON else DISCREPANCY


def source_checks(cells: CellIndex) -> list[CheckResult]:
    """Compare the published values of every cell that has more than one.

    Examples
    --------
    >>> from gulagstats.core.cells import CellIndex
    >>> results = {r.id: r for r in source_checks(CellIndex.load())}
    >>> results["sources.gulag_camps.inmates.1945-01-01"].verdict
    'discrepancy'
    """
    published: dict[tuple, list[Cell]] = defaultdict(list)
    for row in cells.rows:
        if row.value is None or row.status in (MISSING, USER):
            continue
        if any(r.source == row.source and r.value == row.value for r in published[row.key]):
            continue  # the same publication, copied into a second table
        published[row.key].append(row)
    return [_source_check(key, rows) for key, rows in published.items() if len(rows) >= 2]


def _printing_tolerance(key: Key, rows: list[Cell]) -> tuple[float, str]:
    """How far two printings of a cell may differ: half the last printed decimal of a percentage."""
    if key[4] != PERCENT:
        return 0.0, "exact counts must match exactly"
    decimals = min(printed_decimals(r.value, r.locator) for r in rows if r.value is not None)
    tolerance = 10.0**-decimals / 2
    return tolerance, f"percentages printed with {decimals} decimal(s): ±{tolerance:g} pp"


def _source_check(key: Key, rows: list[Cell]) -> CheckResult:
    """One cell's published values against the table's value (the preferred row)."""
    chosen = next((r for r in rows if r.preferred), rows[0])
    others = [r for r in rows if r is not chosen]
    assert chosen.value is not None
    tolerance, reason = _printing_tolerance(key, rows)
    alternatives = [
        Alternative(
            cell=r.ref(),
            observed=r.value,
            difference=r.value - chosen.value,
            verdict=_verdict(r.value, chosen.value, tolerance),
        )
        for r in others
        if r.value is not None
    ]
    farthest = max(alternatives, key=lambda a: abs(a.difference or 0.0))
    verdicts = {a.verdict for a in alternatives}
    verdict = DISCREPANCY if DISCREPANCY in verdicts else (
        WITHIN_ROUNDING if WITHIN_ROUNDING in verdicts else CONSISTENT)
    period, population, measure, category, unit = key
    values = ", ".join(f"{r.value:,.10g} ({r.source}, {r.status}{', preferred' if r is chosen else ''})"
                       for r in rows)
    notes = "; ".join(f"{r.source}: {r.note}" for r in rows if r.note)
    return CheckResult(
        id=f"sources.{population}.{measure}" + (f".{category}" if category else "") + f".{period}"
        + ("" if unit == PERSONS else f".{unit}"),
        title=f"{describe_key(key)}: {len(rows)} published values",
        family="sources",
        expectation=f"every published value of {describe_key(key)} equals the table's value: {values}",
        location=", ".join(sorted({r.table for r in rows})),
        expected=chosen.value,
        relation="exact",
        observed=farthest.observed,
        cells=[r.ref() for r in rows],
        difference=farthest.difference,
        relative_difference=(farthest.difference or 0.0) / chosen.value if chosen.value else None,
        tolerance=tolerance,
        tolerance_reason=reason,
        verdict=verdict,
        preferred_verdict=verdict,
        alternatives=alternatives,
        note=notes,
    )
