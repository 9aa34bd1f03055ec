"""Quantities computed from cells: a cell, a sum of parts, a sum over a span, a change.

:func:`amount` is how every family reads "the number of X for population P
in period T": the cell itself if a table holds it, else a sum the tables
support (the components of a total population, the kinds of a total, the
years of a span), else the 1 January count of a year for a count on a day.
Nothing is interpolated: a sum with a part missing raises
:class:`~gulagstats.core.cells.MissingCell` naming the part.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..periods import period_bounds
from ..vocabulary import (
    COUNT_UNITS,
    NO_CELL,
    NO_FINER_PERIODS,
    NOT_A_SPAN,
    OVERLAPPING_PERIODS,
    PERSONS,
)
from .cells import Gap, MissingCell, View, add_up

ONE_DAY = timedelta(days=1)


def amount(view: View, population: str, measure: str, period: str, category: str = "", unit: str = PERSONS) -> float:
    """The amount of a measure for a population and period, from the cells.

    Tried in order: the cell itself; for a flow over a span, the sum of the
    finer periods that tile it; for a count on a day given a year, the count
    on 1 January of that year; the sum of the component populations
    (``components`` of :func:`~gulagstats.core.relations.relations`); the sum of the parts of the measure (its ``parts``).

    Raises
    ------
    MissingCell
        Naming the cells missing on the most specific route tried.

    Examples
    --------
    >>> from gulagstats.core.cells import CellIndex, View
    >>> amount(View(CellIndex.load()), "gulag_camps", "escapes", "1934/1953")
    378375.0
    """
    try:
        with view.attempt():
            return view.value(period, population, measure, category, unit)
    except MissingCell as exc:
        direct = exc
    routes = []
    counts = unit in COUNT_UNITS
    if counts and "/" in period and not view.cells.is_stock(measure):
        routes.append(lambda: span_sum(view, population, measure, period, category, unit))
    if len(period) == 4 and view.cells.is_stock(measure):
        routes.append(lambda: _on_first_january(view, population, measure, period, category, unit))
    known = view.cells.relations
    if counts and population in known.components:
        members = known.components[population]
        routes.append(lambda: _sum(view, [(p, measure) for p in members], period, category, unit))
    if counts and measure in known.parts:
        kinds = known.parts[measure]
        routes.append(lambda: _sum(view, [(population, m) for m in kinds], period, category, unit))
    failure = direct
    for route in routes:
        try:
            with view.attempt():
                return route()
        except MissingCell as exc:
            failure = exc.after(direct)
    raise view.fail(failure)


def _sum(view: View, parts: list[tuple[str, str]], period: str, category: str, unit: str) -> float:
    return add_up(parts, lambda part: amount(view, *part, period, category, unit))


def _on_first_january(view: View, population: str, measure: str, year: str, category: str, unit: str) -> float:
    value = view.value(f"{year}-01-01", population, measure, category, unit)
    view.notes.append(f"{measure} of {population} in {year} read as the count on 1 January {year}")
    return value


def span_text(start: date, end: date) -> str:
    """A span as the data write it: ``1948`` for a whole year, else ``start/end``.

    Examples
    --------
    >>> span_text(date(1948, 1, 1), date(1948, 12, 31)), span_text(date(1941, 6, 22), date(1941, 12, 31))
    ('1948', '1941-06-22/1941-12-31')
    """
    if start.year == end.year and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year)
    return f"{start.isoformat()}/{end.isoformat()}"


def _gap_text(start: date, end: date) -> list[str]:
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return [str(y) for y in range(start.year, end.year + 1)]
    return [span_text(start, end)]


def span_sum(
    view: View, population: str, measure: str, period: str, category: str = "", unit: str = PERSONS
) -> float:
    """Sum a flow over the finer periods the tables hold inside a span.

    The pieces are the cells of the same population, measure, category and
    unit whose periods lie inside the span, keeping the finest (a piece that
    contains another is left out, as 1941/1943 inside 1934/1953).  They must
    tile the span; a gap or a piece without a value raises
    :class:`MissingCell` with the sum of the pieces that have values.

    Examples
    --------
    >>> from gulagstats.core.cells import CellIndex, View
    >>> span_sum(View(CellIndex.load()), "gulag_camps", "escapes", "1934/1953")
    378375.0
    """
    start, end = period_bounds(period)
    if start is None or end is None:
        raise MissingCell([Gap(f"{population} {measure} {period} (not a span of dates)", NOT_A_SPAN)])
    pieces = []
    for piece in view.cells.periods(population, measure, category, unit):
        s, e = period_bounds(piece)
        if s is None or e is None or (s, e) == (start, end) or s < start or e > end:
            continue
        pieces.append((s, e, piece))
    pieces = [
        p for p in pieces if not any(q is not p and p[0] <= q[0] and q[1] <= p[1] and q[:2] != p[:2] for q in pieces)
    ]
    if not pieces:
        raise MissingCell([Gap(f"{population} {measure} for the parts of {period} (no such cells)", NO_FINER_PERIODS)])
    pieces.sort()
    missing: list[str] = []
    cursor = start
    for s, e, piece in pieces:
        if s < cursor:
            raise MissingCell([Gap(f"{population} {measure}: periods overlap at {piece}, so they cannot be added",
                                   OVERLAPPING_PERIODS)])
        if s > cursor:
            missing += [Gap(f"{population} {measure} {g} (no such cell)", NO_CELL) for g in _gap_text(cursor, s - ONE_DAY)]
        cursor = e + ONE_DAY
    if cursor <= end:
        missing += [Gap(f"{population} {measure} {g} (no such cell)", NO_CELL) for g in _gap_text(cursor, end)]
    total: float | None
    try:
        total = add_up(pieces, lambda piece: view.value(piece[2], population, measure, category, unit))
    except MissingCell as exc:
        missing += exc.missing
        total = exc.partial  # None if no piece has a value
    if missing:
        raise MissingCell(missing, partial=total)
    view.notes.append(f"{measure} of {population} {period}: the sum of {len(pieces)} periods")
    assert total is not None  # no part missing, so the sum was taken
    return total


def year_span(period: str) -> tuple[int, int] | None:
    """First and last year of a period written as a year or a span of years (else ``None``).

    Examples
    --------
    >>> year_span("1937/1938"), year_span("1939"), year_span("1939-01-01")
    ((1937, 1938), (1939, 1939), None)
    """
    first, _, last = period.partition("/")
    last = last or first
    if len(first) == 4 and len(last) == 4 and first.isdigit() and last.isdigit():
        return int(first), int(last)
    return None


def change(view: View, population: str, measure: str, period: str, unit: str = PERSONS) -> float:
    """The change of a count from 1 January of the first year to 1 January after the last.

    ``1937`` is the change from 1 January 1937 to 1 January 1938; ``1937/1938``
    from 1 January 1937 to 1 January 1939.

    Raises
    ------
    MissingCell
        Naming the counts that are missing, or a period that is not a year or a span of years.

    Examples
    --------
    >>> from gulagstats.core.cells import CellIndex, View
    >>> change(View(CellIndex.load()), "gulag_camps", "inmates", "1938")   # 1,317,195 - 996,367
    320828.0
    """
    years = year_span(period)
    if years is None:
        raise MissingCell([f"{population} {measure} change over {period} (a change needs a year or a span of years)"])
    values, missing = [], []
    for day in (f"{years[0]}-01-01", f"{years[1] + 1}-01-01"):
        try:
            values.append(amount(view, population, measure, day, unit=unit))
        except MissingCell as exc:
            missing += exc.missing
    if missing:
        raise MissingCell(missing)
    return values[1] - values[0]
