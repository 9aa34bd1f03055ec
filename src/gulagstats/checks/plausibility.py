"""Plausibility: values that cannot be right whatever the source.

The rules are rows of ``data/relations.csv`` (:mod:`gulagstats.core.relations`);
one result per rule (every row of every table examined, alternatives included):

- ``non_negative``: no count is negative;
- ``percent_range``: no percentage lies outside 0-100 (a percentage of growth
  may: its measure holds one of the row's growth words);
- ``date_span``: every dated period lies in the years the table covers: 1930-1956
  (the GULAG years of the article and of the mortality certificate), except the
  tables with a span of their own (the secret-police series runs 1921-1953);
- ``within_population MEASURE``: the deaths (or escapes ...) of a year do not
  exceed the population on 1 January of that year, a result for each table and
  population;
- ``part_not_above_whole``: a part's flow (the camps' arrivals) does not exceed
  its whole's (the camps' and colonies') over the same period, a result for
  each cell a cell of the whole bounds (:mod:`gulagstats.checks.subsets`).

Each result counts the rows (or years) that break the rule: 0 is consistent.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.cells import Cell, CellIndex, MissingCell, View
from ..core.derive import amount
from ..core.relations import ANY_TABLE
from ..core.results import CheckResult
from ..periods import period_bounds
from ..vocabulary import CONSISTENT, COUNT_UNITS, DISCREPANCY, NOT_CHECKABLE, PERCENT, PERSONS
from .subsets import part_not_above_whole

#: The note of a rule that no row breaks.
NONE_BROKEN = "none of the rows examined breaks the rule"


def _result(rule: str, title: str, statement: str, examined: int, broken: list[Cell], reason: str,
            note: str = "", cells: list[Cell] | None = None, scope: str = "") -> CheckResult:
    verdict = DISCREPANCY if broken else CONSISTENT
    return CheckResult(
        id=f"plausibility.{rule}" + (f".{scope}" if scope else ""),
        title=title + (f" ({scope})" if scope else ""),
        family="plausibility",
        expectation=statement,
        location=f"rule: {reason}",
        expected=0.0,
        relation="exact",
        observed=float(len(broken)),
        cells=[r.ref() for r in (cells if cells is not None else broken)],
        difference=float(len(broken)),
        relative_difference=None,
        tolerance=0.0,
        tolerance_reason="a rule holds or fails: the count of rows breaking it must be 0",
        verdict=verdict,
        preferred_verdict=verdict,
        note="; ".join(n for n in (f"{examined} rows examined", note or (NONE_BROKEN if not broken else "")) if n),
    )


def _scan_rows(cells: CellIndex, rule: str, title: str, statement: str, reason: str, applies: Callable[[Cell], bool],
          breaks: Callable[[Cell], bool]) -> CheckResult:
    rows = [r for r in cells.rows if r.value is not None and applies(r)]
    tables = sorted({r.table for r in rows})
    return _result(rule, title, statement, len(rows), [r for r in rows if breaks(r)], reason,
                   note=f"tables: {', '.join(tables)}")


def _date_check(cells: CellIndex) -> CheckResult:
    broken, undated, examined = [], set(), 0
    known = cells.relations
    for row in cells.rows:
        first, last, _ = known.span(row.table)
        start, end = period_bounds(row.period)
        if start is None or end is None:
            undated.add(f"{row.table}: {row.period or '(empty)'}")
            continue
        examined += 1
        if start < first or end > last:
            broken.append(row)
    spans = "; ".join(f"{t}: {a.year}-{b.year} ({why})" for t, (a, b, why) in known.special_spans.items())
    every = known.span(ANY_TABLE)
    note = f"periods that are not dates, not checked: {', '.join(sorted(undated))}" if undated else ""
    return _result(
        "dates", "periods within the years the tables cover",
        f"every dated period lies within {every[0].year}-{every[1].year}, except {spans}",
        examined, broken, every[2], note,
    )


def _within_population(cells: CellIndex, measure: str, why: str) -> list[CheckResult]:
    """The ``measure`` of each year against the population on 1 January, for each table and population."""
    groups: dict[tuple[str, str], list[Cell]] = {}
    for row in cells.rows:
        if row.measure == measure and row.value is not None and len(row.period) == 4 and row.unit == PERSONS:
            groups.setdefault((row.table, row.population), []).append(row)
    return [_within(cells, measure, why, table, population, rows) for (table, population), rows in groups.items()]


def _within(cells: CellIndex, measure: str, why: str, table: str, population: str, flows: list[Cell]) -> CheckResult:
    broken, compared, lacking, highest = [], 0, [], None
    for row in flows:
        view = View(cells)
        try:
            whole = amount(view, population, "inmates", f"{row.period}-01-01")
        except MissingCell:
            lacking.append(row.period)
            continue
        compared += 1
        share = 100.0 * (row.value or 0.0) / whole if whole else float("inf")
        if highest is None or share > highest[0]:
            highest = (share, row, view.used)
        if row.value is not None and row.value > whole:
            broken.append(row)
    statement = f"the {measure} of {population} in a year do not exceed its population on 1 January of that year"
    rule = f"{measure}_within_population"
    if highest is None:
        return CheckResult(
            id=f"plausibility.{rule}.{table}.{population}",
            title=f"{measure} within the population ({table}, {population})",
            family="plausibility", expectation=statement, location=f"rule: {why}",
            expected=0.0, relation="exact", observed=None, difference=None, relative_difference=None,
            tolerance=None, verdict=NOT_CHECKABLE, preferred_verdict=NOT_CHECKABLE,
            missing=[f"{population} inmates on 1 January of {', '.join(sorted(set(lacking)))}"],
        )
    share, row, used = highest
    note = (f"highest: {row.period}, {row.value:,.0f} {measure} = {share:.1f}% of the "
            f"population on 1 January ({row.source})")
    if lacking:
        note += f"; no population on 1 January for {', '.join(sorted(set(lacking)))}"
    return _result(rule, f"{measure} within the population", statement, compared, broken, why, note,
                   cells=list(dict.fromkeys([row, *used, *broken])), scope=f"{table}.{population}")


def _share_of_a_whole(growth: tuple[str, ...]) -> Callable[[Cell], bool]:
    """A percentage that is a share of a whole: not of a measure named with a growth word."""
    return lambda row: row.unit == PERCENT and not any(w in row.measure for w in growth)


def plausibility_checks(cells: CellIndex) -> list[CheckResult]:
    """Apply the plausibility rules of ``data/relations.csv`` to every table of cells.

    Examples
    --------
    >>> from gulagstats.core.cells import CellIndex
    >>> results = plausibility_checks(CellIndex.load())
    >>> next(r for r in results if r.id == "plausibility.non_negative").verdict
    'consistent'
    """
    rules = cells.relations.plausibility
    out = [
        _scan_rows(cells, "non_negative", "no negative counts", "no count is negative", why,
              lambda r: r.unit in COUNT_UNITS, lambda r: (r.value or 0.0) < 0)
        for _parts, why in rules.get("non_negative", {}).values()
    ]
    for growth, why in rules.get("percent_range", {}).values():
        out.append(_scan_rows(cells, "percent_range", "percentages within 0-100", "every percentage lies between 0 and 100",
                         why, _share_of_a_whole(growth), lambda r: not 0.0 <= (r.value or 0.0) <= 100.0))
    out.append(_date_check(cells))
    for measure, (_parts, why) in rules.get("within_population", {}).items():
        out += _within_population(cells, measure, why)
    for measures, why in rules.get("part_not_above_whole", {}).values():
        out += part_not_above_whole(cells, measures, why)
    return out
