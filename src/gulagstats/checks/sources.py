"""Sources: every cell for which more than one value was published, side by side.

A cell may carry several published rows (two reprints of the same table,
another reporting stream, the article itself); they are all kept.  For each
such cell the values are compared with the table's preferred value: equal
values are *consistent*, percentages that differ by no more than the rounding
of the coarser print are *within rounding*, anything else is a *discrepancy*
(counts must match exactly).  Values supplied through an overlay are not
published values and are left out.

A rule ``reprint_difference`` of ``data/relations.csv`` names a cell whose two
published values differ by a part one of them leaves out (the camps of 1
January 1946, with and without the inmates whose nationality was not
recorded): a check of its own sets the difference against that part's count,
and the disagreement's note names the explanation when it holds.
"""

from __future__ import annotations

from collections import defaultdict

from ..core.cells import Cell, CellIndex, Key, describe_key
from ..core.results import Alternative, CheckResult
from ..vocabulary import (
    CONSISTENT,
    DISCREPANCY,
    MISSING,
    NOT_CHECKABLE,
    PERCENT,
    PERSONS,
    USER,
    WITHIN_ROUNDING,
)
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
    results = [_source_check(key, rows) for key, rows in published.items() if len(rows) >= 2]
    differences = cells.relations.plausibility.get("reprint_difference", {})
    explained = [_reprint_difference(cells, subject, parts, why, published) for subject, (parts, why)
                 in differences.items()]
    by_id = {r.id: r for r in explained}
    return [_explained(r, by_id.get(r.id.replace("sources.", "sources.reprint_difference.", 1))) for r in results] \
        + explained


def _reprint_difference(cells: CellIndex, subject: str, parts: tuple[str, ...], why: str,
                        published: dict[tuple, list[Cell]]) -> CheckResult:
    """The two published values of a cell against the count that would explain their difference.

    The rule (``reprint_difference`` of ``data/relations.csv``) names the cell
    (``POPULATION MEASURE DAY``) and the measure of the part one reprint left
    out; the check holds if the values differ by exactly that part's count.
    """
    population, measure, day = subject.split()
    key = (day, population, measure, "", PERSONS)
    rows = published.get(key, [])
    part = cells.preferred((day, population, parts[0], "", PERSONS))
    common = {
        "id": f"sources.reprint_difference.{population}.{measure}.{day}",
        "title": f"{describe_key(key)}: the published values differ by the {parts[0]}",
        "family": "sources", "expectation": why, "location": f"rule: {why}", "relation": "exact",
    }
    values = sorted(r.value for r in rows if r.value is not None)
    if len(values) != 2 or part is None or part.value is None:
        reason = (f"needs two published values of {describe_key(key)} (found {len(values)}) and "
                  f"{population} {parts[0]} on {day}")
        return CheckResult(**common, expected=None, observed=None, difference=None, relative_difference=None,
                           tolerance=None, verdict=NOT_CHECKABLE, preferred_verdict=NOT_CHECKABLE, note=reason)
    observed = values[1] - values[0]
    verdict = CONSISTENT if abs(observed - part.value) <= EPSILON * part.value else DISCREPANCY
    return CheckResult(
        **common, expected=part.value, observed=observed, cells=[r.ref() for r in rows] + [part.ref()],
        difference=observed - part.value, relative_difference=(observed - part.value) / part.value if part.value
        else None, tolerance=0.0, tolerance_reason="exact counts must match exactly", verdict=verdict,
        preferred_verdict=verdict,
        note=f"{values[1]:,.0f} - {values[0]:,.0f} = {observed:,.0f}; {population} {parts[0]} on {day}: "
             f"{part.value:,.0f} ({part.table}, {part.source})",
    )


def _explained(result: CheckResult, explanation: CheckResult | None) -> CheckResult:
    """A disagreement of published values, with the count that explains it when a rule shows it does."""
    if explanation is None or explanation.verdict != CONSISTENT:
        return result
    said = f"the difference is explained: {explanation.note} ({explanation.id})"
    return result.model_copy(update={"note": "; ".join(n for n in (result.note, said) if n)})


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
