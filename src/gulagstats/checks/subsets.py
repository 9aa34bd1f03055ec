"""A part's flow never above its whole's: the plausibility rule ``part_not_above_whole`` of ``data/relations.csv``.

The parts and wholes are the record's own ``components`` relations (camps and
colonies are a part of camps and colonies, which is a part of the custodial
population), closed under inclusion: a population is a part of another if it is
one of its components, or if its own components are all components of the other
(or of a part of it).  For every preferred cell of a flow the rule names
(arrivals, departures, deaths ...) of a part, over a period, the whole's flow
over the same period is read from the whole's cells of the same measure:

- a cell of the whole over a period that contains the part's is a ceiling of it
  (a flow over a shorter period is no larger);
- cells of the whole that lie inside the part's period and do not overlap add up
  to a floor of it (the days between them could only add).

The part's flow above the ceiling is a discrepancy (graded as any finding); at
most the floor holds; between the two the check says what the missing days of
the whole would have to hold; a part below a ceiling alone, with no cell of
the whole inside its period, gives no result (nothing is learned).  A part and a whole over the very same period,
the part a direct component, is left to the identities family (it is the
identity of the whole and its components, the other parts missing).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..core.cells import Cell, CellIndex, View
from ..core.relations import Relations
from ..core.results import CheckResult
from ..periods import period_bounds
from ..vocabulary import NOT_CHECKABLE
from .engine import Reading, Tolerance, run_check

Days = tuple[date, date]


def wholes_of(relations: Relations) -> dict[str, set[str]]:
    """Every population's wholes: those it is a component of, or whose components include all of its own.

    Examples
    --------
    >>> from gulagstats.core.relations import relations
    >>> sorted(wholes_of(relations())["gulag_camps"])[:2]
    ['all_custodial', 'camps_and_colonies']
    >>> sorted(wholes_of(relations())["camps_and_colonies"])
    ['all_custodial', 'camps_colonies_and_special_settlements']
    """
    components = {whole: set(parts) for whole, parts in relations.components.items()}
    wholes: dict[str, set[str]] = {}
    for whole, parts in components.items():
        for part in parts:
            wholes.setdefault(part, set()).add(whole)
        for other, others in components.items():
            if other != whole and parts < others:
                wholes.setdefault(whole, set()).add(other)
    return wholes


def _days_of(row: Cell) -> Days | None:
    start, end = period_bounds(row.period)
    return (start, end) if start is not None and end is not None else None


def _within_days(inner: Days, outer: Days) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _tiles(part: Days, rows: list[tuple[Days, Cell]]) -> list[Cell]:
    """Cells of the whole inside the part's period that do not overlap, earliest (then longest) first."""
    chosen: list[Cell] = []
    last: date | None = None
    for span, row in sorted(rows, key=lambda sr: (sr[0][0], sr[0][0] - sr[0][1])):
        if _within_days(span, part) and (last is None or span[0] > last):
            chosen.append(row)
            last = span[1]
    return chosen


def _reading(part_span: Days, ceiling: Cell | None, tiles: list[Cell]) -> Callable[[View], Reading]:
    def compute(view: View) -> Reading:
        low = sum(view.value(*row.key) for row in tiles)
        high = view.value(*ceiling.key) if ceiling is not None else None
        exact = ceiling is not None and period_bounds(ceiling.period) == part_span
        if exact:
            return Reading(float(high or 0.0), high, "the whole over the same period")
        shown = low if tiles else high
        notes = []
        if ceiling is not None:
            notes.append(f"at most {high:,.0f} ({ceiling.period}, a period that contains the part's)")
        if tiles:
            notes.append(f"at least {low:,.0f} ({' + '.join(r.period for r in tiles)}, inside the part's period)")
        return Reading(float(low), high, "the whole over the part's period: " + "; ".join(notes), shown=shown)

    return compute


def _pair_check(cells: CellIndex, row: Cell, whole: str, whole_rows: list[tuple[Days, Cell]], why: str
                ) -> CheckResult | None:
    span = _days_of(row)
    if span is None:
        return None
    containing = [(s, r) for s, r in whole_rows if _within_days(span, s)]
    ceiling = min(containing, key=lambda sr: sr[1].value or 0.0)[1] if containing else None
    tiles = _tiles(span, whole_rows)
    if ceiling is None and not tiles:
        return None
    same_period = any(r.period == row.period for _, r in whole_rows)
    if same_period and row.population in cells.relations.components.get(whole, ()):
        return None  # the identity of the whole and its components (identities family) checks it
    check = run_check(
        cells,
        id=f"plausibility.part_not_above_whole.{row.table}.{row.measure}.{row.population}.{whole}.{row.period}",
        title=f"{row.measure} of {row.population} ({row.period}) not above those of {whole}",
        family="plausibility",
        expectation=f"{whole} {row.measure} over {row.period} >= {row.population} {row.measure} "
                    f"({row.value:,.0f}, {row.source})",
        location=f"rule: {why}",
        expected=lambda view: view.value(*row.key),
        relation="lower_bound",
        tolerance=Tolerance(0.0, "a part's count cannot exceed its whole's: it holds or fails"),
        compute=_reading(span, ceiling, tiles),
    )
    if not tiles and check.verdict == NOT_CHECKABLE:
        return None  # below a ceiling over a longer period: nothing learned either way
    if check.verdict == NOT_CHECKABLE and check.observed is not None and check.expected is not None:
        gap = check.expected - check.observed
        check = check.model_copy(update={"note": check.note + f"; the whole's days not counted would have to hold at "
                                                              f"least {gap:,.0f} for the rule to hold"})
    return check


def part_not_above_whole(cells: CellIndex, measures: tuple[str, ...], why: str) -> list[CheckResult]:
    """A result for every cell of a part's flow that a cell of its whole bounds (see the module docstring).

    Examples
    --------
    >>> from gulagstats.core.cells import CellIndex
    >>> results = part_not_above_whole(CellIndex.load(), ("arrivals",), "a part is not above its whole")
    >>> [r.verdict for r in results if ".gulag_camps.camps_and_colonies.1941-06-22" in r.id]
    ['not_checkable']
    """
    wholes = wholes_of(cells.relations)
    by_whole: dict[tuple[str, str, str, str], list[tuple[Days, Cell]]] = {}
    for row in cells.rows:
        span = _days_of(row)
        if row.preferred and row.value is not None and span is not None and row.measure in measures:
            by_whole.setdefault((row.population, row.measure, row.category, row.unit), []).append((span, row))
    out = []
    for (population, measure, category, unit), rows in sorted(by_whole.items()):
        for whole in sorted(wholes.get(population, ())):
            whole_rows = by_whole.get((whole, measure, category, unit), [])
            out += [c for _, row in rows if whole_rows and (c := _pair_check(cells, row, whole, whole_rows, why))]
    return out
