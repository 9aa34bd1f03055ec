"""Identities: totals against their parts, shares against counts, breakdowns against 100.

Every rule is applied to every cell it fits, in every table of cells:

- a total population against its components on the same day
  (``components`` of :func:`~gulagstats.core.relations.relations`: camps + colonies + prisons =
  all custodial; camps + colonies = camps and colonies);
- a total measure against its kinds (its ``parts``:
  the kinds of sentence against the persons sentenced);
- a value over a span against the finer periods that tile it (executions
  1937 + 1938 against 681,692; the years of the 1953 report against its
  1921-1953 total; the camp deaths of 1934-1953);
- a printed share against the count it is a share of (counterrevolutionaries
  among camp inmates);
- the percentages of one breakdown against the counts of the same breakdown,
  and against 100.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..core.cells import Cell, CellIndex, MissingCell, View, add_up, reason_of
from ..core.derive import amount, span_sum
from ..core.results import CheckResult
from ..periods import period_bounds
from ..vocabulary import (
    COUNT_UNITS,
    DERIVED,
    NO_FINER_PERIODS,
    NOT_A_SPAN,
    OVERLAPPING_PERIODS,
    PERCENT,
)
from .engine import Reading, Tolerance, printed_decimals, run_check

#: Why a span has no identity to check: nothing finer inside it that could be added up.
_NOTHING_TO_ADD = (NO_FINER_PERIODS, OVERLAPPING_PERIODS, NOT_A_SPAN)

EXACT = Tolerance(0.0, "exact counts must match exactly")

#: Categories that are the two ends of a printed range, not parts of a breakdown.
RANGE_ENDS = ("low", "high")


def _read_cell(row: Cell):
    """A compute function that reads one cell (so that its alternatives are evaluated)."""
    return lambda view: view.value(*row.key)


def _span_sum_of(key: tuple[str, str, str, str, str]) -> Callable[[View], float]:
    """A compute function that sums the finer periods of a cell's span."""
    period, population, measure, category, unit = key
    return lambda view: span_sum(view, population, measure, period, category, unit)


def _whole_checks(cells: CellIndex) -> list[CheckResult]:
    results = []
    for key in cells.keys():
        period, population, measure, category, unit = key
        row = cells.preferred(key)
        if row is None or row.value is None or unit not in COUNT_UNITS:
            continue
        known = cells.relations
        if population in known.components:
            parts, kind = [(p, measure) for p in known.components[population]], "components"
            words = " + ".join(known.components[population])
            statement = f"{population} {measure}, {period} = {words}"
        elif measure in known.parts:
            parts, kind = [(population, m) for m in known.parts[measure]], "parts"
            words = " + ".join(known.parts[measure])
            statement = f"{measure} of {population}, {period} = {words}"
        else:
            continue
        if not any(cells.rows_of((period, p, m, category, unit)) for p, m in parts):
            continue  # no part in the tables: nothing to set against the total

        def compute(view: View, parts=parts, period=period, category=category, unit=unit) -> float:
            return add_up(parts, lambda part: view.value(period, part[0], part[1], category, unit))

        results.append(
            run_check(
                cells,
                id=f"identities.{kind}.{row.table}.{population}.{measure}.{period}",
                title=f"{words} against {population} {measure}, {period}",
                family="identities",
                expectation=statement,
                location=f"identity: a total equals the sum of its {kind} ({row.table})",
                expected=_read_cell(row),
                relation="exact",
                tolerance=EXACT,
                compute=compute,
                note=_derived_from_total(cells, row, parts),
            )
        )
    return results


def _derived_from_total(cells: CellIndex, total: Cell, parts: list[tuple[str, str]]) -> str:
    elsewhere = sorted({r.table for p, m in parts for r in cells.rows_of((total.period, p, m, total.category,
                                                                          total.unit)) if r.table != total.table})
    if elsewhere:
        return (f"the parts come from {', '.join(elsewhere)}, the total from {total.table}: different reporting "
                "streams may count differently")
    derived = [
        r
        for p, m in parts
        if (r := cells.preferred((total.period, p, m, total.category, total.unit))) is not None
        and r.status == DERIVED
        and r.source == total.source
    ]
    if derived:
        named = ", ".join(f"{r.population} {r.measure}" for r in derived)
        return (f"{named} was derived from this very total (same source, see its note), so the identity tests "
                "only the other components")
    return f"the total's note: {total.note}" if total.note else ""


def _span_checks(cells: CellIndex) -> list[CheckResult]:
    results = []
    for key in cells.keys():
        period, population, measure, category, unit = key
        row = cells.preferred(key)
        if row is None or row.value is None or "/" not in period or unit not in COUNT_UNITS:
            continue
        try:
            span_sum(View(cells), population, measure, period, category, unit)
        except MissingCell as exc:
            if any(reason_of(m) in _NOTHING_TO_ADD for m in exc.missing):
                continue  # nothing finer in the tables: no identity to check
        label = f"{population} {measure}" + (f" {category}" if category else "")
        results.append(
            run_check(
                cells,
                id=f"identities.span.{row.table}.{population}.{measure}.{period}",
                title=f"{label}: the periods within {period} against the total",
                family="identities",
                expectation=f"{label} over {period} ({row.value:,.10g}) = the sum of the finer periods",
                location=f"identity: a total over a span equals the sum of its periods ({row.table})",
                expected=_read_cell(row),
                relation="exact",
                tolerance=EXACT,
                compute=_span_sum_of(key),
            )
        )
    return results


def _column_decimals(cells: CellIndex, table: str, measure: str) -> int:
    """The printed precision of a column of percentages: the most decimals any of its values shows."""
    return max(
        (printed_decimals(r.value, r.locator) for r in cells.rows
         if r.table == table and r.measure == measure and r.unit == PERCENT and r.value is not None),
        default=0,
    )


def _share_checks(cells: CellIndex) -> list[CheckResult]:
    results = []
    for key in cells.keys():
        period, population, measure, _category, unit = key
        shares = cells.relations.shares
        suffix = next((s for s in sorted(shares, key=len, reverse=True) if measure.endswith(s)), None)
        row = cells.preferred(key)
        if suffix is None or unit != PERCENT or row is None or row.value is None:
            continue
        base = measure[: -len(suffix)]
        if not cells.has(population, base):
            continue
        start, _ = period_bounds(period)
        if start is None:
            continue
        day = start.isoformat()
        decimals = _column_decimals(cells, row.table, measure)
        half = 10.0**-decimals / 2

        def compute(view: View, base=base, population=population, period=period, day=day) -> float:
            part = amount(view, population, base, period)
            whole = amount(view, population, "inmates", day)
            return 100.0 * part / whole

        results.append(
            run_check(
                cells,
                id=f"identities.share.{row.table}.{population}.{measure}.{period}",
                title=f"printed {measure} of {population}, {period}, against the counts",
                family="identities",
                expectation=f"{measure} {period} ({row.value:g}%) = 100 × {base} / {shares[suffix]}",
                location=f"identity: a printed share equals its count over the whole ({row.table})",
                expected=_read_cell(row),
                relation="exact",
                tolerance=Tolerance(half, f"the share is printed with {decimals} decimal(s): ±{half:g} pp"),
                compute=compute,
            )
        )
    return results


@dataclass
class _Group:
    table: str
    period: str
    population: str
    measure: str
    part: str  # the category prefix of a split breakdown, else ""
    rows: list[Cell]


def _breakdowns(cells: CellIndex) -> list[_Group]:
    groups: dict[tuple, _Group] = {}
    for row in cells.rows:
        if not row.preferred or not row.category or row.category.split(":")[-1] in RANGE_ENDS:
            continue
        part = next((p for p in cells.relations.splits.get(row.measure, ()) if row.category.startswith(p)), "")
        gkey = (row.table, row.period, row.population, row.measure, part)
        groups.setdefault(gkey, _Group(*gkey, rows=[])).rows.append(row)
    return list(groups.values())


def _breakdown_checks(cells: CellIndex) -> list[CheckResult]:
    results = []
    for group in _breakdowns(cells):
        percents = [r for r in group.rows if r.unit == PERCENT]
        counts = {r.category: r for r in group.rows if r.unit in COUNT_UNITS}
        where = f"{group.table} {group.population} {group.measure}" + (f" ({group.part}…)" if group.part else "")
        if len({r.category for r in percents}) >= 2 and any(r.value is not None for r in percents):
            results.append(_hundred(cells, group, percents, where))
        if len(counts) >= 2:
            results += [_percent_of_counts(cells, group, r, list(counts.values()), where)
                        for r in percents if r.category in counts]
    return results


def _hundred(cells: CellIndex, group: _Group, percents: list[Cell], where: str) -> CheckResult:
    decimals = _column_decimals(cells, group.table, group.measure)
    half = 10.0**-decimals / 2
    complete = cells.relations.complete.get((group.table, group.measure))
    keys = [r.key for r in percents]

    def compute(view: View) -> Reading:
        total, missing, known = 0.0, [], False
        for key in keys:
            try:
                total += view.value(*key)
                known = True
            except MissingCell as exc:
                missing += exc.missing
        if missing:
            raise MissingCell(missing, partial=total if known else None)
        if complete:
            return Reading(total, total, f"the breakdown is complete: {complete}")
        if total >= 100 - len(keys) * half:
            return Reading(total, total)
        return Reading(total, None, "the shares in the data do not claim to cover the whole: a category may be absent")

    return run_check(
        cells,
        id=f"identities.hundred.{group.table}.{group.population}.{group.measure}.{group.period}"
        + (f".{group.part.rstrip('_')}" if group.part else ""),
        title=f"{where}, {group.period}: the percentages add up to 100",
        family="identities",
        expectation=f"the {len(keys)} shares of {where} on {group.period} sum to 100 percent",
        location=f"identity: the parts of a breakdown add up to the whole ({group.table})",
        expected=100.0,
        relation="exact",
        tolerance=Tolerance(
            len(keys) * half,
            f"{len(keys)} shares printed with {decimals} decimal(s), each within ±{half:g} pp: "
            f"the sum within ±{len(keys) * half:g} pp",
        ),
        compute=compute,
    )


def _percent_of_counts(cells: CellIndex, group: _Group, percent: Cell, counts: list[Cell], where: str) -> CheckResult:
    decimals = _column_decimals(cells, group.table, group.measure)
    half = 10.0**-decimals / 2
    mine = next(r for r in counts if r.category == percent.category)
    keys = [r.key for r in counts]

    def compute(view: View) -> float:
        values, missing = [], []
        for key in keys:
            try:
                values.append(view.value(*key))
            except MissingCell as exc:
                missing += exc.missing
        if missing:
            raise MissingCell(missing)
        return 100.0 * view.value(*mine.key) / sum(values)

    return run_check(
        cells,
        id=f"identities.percent.{group.table}.{group.population}.{group.measure}.{percent.category}.{group.period}",
        title=f"{where} {percent.category}, {group.period}: the percentage against the counts",
        family="identities",
        expectation=f"{percent.category} percent = 100 × {percent.category} / the sum of {len(keys)} categories",
        location=f"identity: a percentage of a breakdown equals its count over the counts' sum ({group.table})",
        expected=_read_cell(percent) if percent.value is not None else None,
        relation="exact",
        tolerance=Tolerance(half, f"the percentage is printed with {decimals} decimal(s): ±{half:g} pp"),
        compute=compute,
    )


def identity_checks(cells: CellIndex) -> list[CheckResult]:
    """Every identity the tables allow (see the module docstring).

    Examples
    --------
    >>> from gulagstats.core.cells import CellIndex
    >>> results = identity_checks(CellIndex.load())
    >>> any(r.id.startswith("identities.components") for r in results)
    True
    """
    return _whole_checks(cells) + _span_checks(cells) + _share_checks(cells) + _breakdown_checks(cells)

