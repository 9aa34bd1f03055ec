"""One benchmark rule read at one period, through the one evaluator of the rule language.

:func:`evaluate_rule` reads a rule of ``data/benchmark_rules.csv`` with a
:class:`~gulagstats.rules.reader.Reader` over a
:class:`~gulagstats.core.cells.View`, which lists every cell it used:

- a rule of a fixed period: its ``low`` and ``high`` terms at that period;
- a series of a flow: the cell printed for the period asked, or the sum of the
  finer periods that tile it (:func:`gulagstats.core.derive.span_sum`); where
  they tile only part of it, the sum of the part held is a *partial* answer
  (a floor: ``partial`` says what is missing);
- a series of a stock: the count on a day, or for a year or span the lowest and
  highest of the counts from its first day to the 1 January after it (every
  1 January within must be there).

:func:`variants_of` reads the rule again with each other published value of
each cell it used, one cell at a time (the cells' alternatives, as the checks
use them).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from ..core.cells import Cell, CellIndex, MissingCell, View, describe_key
from ..core.derive import span_sum
from ..periods import period_bounds
from ..vocabulary import CORRECTED, DERIVED, MISSING, QUANTITIES, UNCONFIRMED, WEAKNESS
from .reader import FigureIndex, Reader, term_period
from .terms import Term, parse_terms

#: Separates the quotes of the values a benchmark used.
LOCATOR_SEP = " // "
_STATUS_OF = {v: k for k, v in WEAKNESS.items()}
_WHOLE_YEAR = re.compile(r"^\d{4}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PROSE_LINE_NUMBER = re.compile(r"GRZ prose line (\d+)")


@dataclass(frozen=True)
class RuleRow:
    """One rule of ``data/benchmark_rules.csv``, with its terms parsed and its place among the rules."""

    order: int
    rule: str
    quantity: str
    period: str
    scope: str
    low: str
    high: str
    phrase: str
    caveats: str
    bound: str
    lacks: str
    reading: str
    low_terms: tuple[Term, ...]
    high_terms: tuple[Term, ...]

    @classmethod
    def of(cls, order: int, row: Mapping[str, Any]) -> RuleRow:
        """The rule of a row of the rules table (missing columns read as empty)."""
        text = {k: str(row.get(k, "") or "") for k in ("rule", "quantity", "period", "scope", "low", "high",
                                                       "phrase", "caveats", "bound", "lacks", "reading")}
        return cls(order=order, **text, low_terms=parse_terms(text["low"]),
                   high_terms=parse_terms(text["high"] or text["low"]))

    @property
    def tables(self) -> str:
        """The tables of cells its terms are pinned to, '; '-joined."""
        return _join_unique([t.table for t in self.low_terms + self.high_terms if t.table], "; ")


@dataclass(frozen=True)
class Variant:
    """A benchmark recomputed with another published value of one cell it used."""

    cell: Cell
    low: float
    high: float

    @property
    def label(self) -> str:
        """The cell and the value, in words: ``appendix gulag_camps inmates 1946-01-01 = 746,871 (zemskov1991)``."""
        return f"{self.cell.table} {describe_key(self.cell.key)} = {self.cell.value:,.0f} ({self.cell.source})"


@dataclass(frozen=True)
class Answer:
    """What one rule answers for one period: a benchmark with its provenance and the cells it used."""

    id: str
    rule: str
    quantity: str
    request: str
    period: str
    scope: str
    low: float
    high: float
    basis: str
    caveats: str
    source: str
    locator: str
    status: str
    method: str
    phrase: str
    citation: str
    order: int
    reading: str = ""
    days: tuple[str, ...] = ()
    partial: str = ""
    cells: tuple[Cell, ...] = field(default=(), compare=False, repr=False)

    def fields(self) -> dict[str, object]:
        """The columns of a candidate (:data:`gulagstats.rules.benchmarks.CANDIDATE_FIELDS` but ``preferred``)."""
        return {k: getattr(self, k) for k in ("request", "id", "rule", "quantity", "period", "scope", "low", "high",
                                              "basis", "caveats", "source", "locator", "status", "method", "phrase",
                                              "citation", "order")}


@dataclass
class _Side:
    """One side (low or high) of a rule read at a period."""

    value: float
    rows: list[Cell]
    labels: list[str]
    method: str
    days: tuple[str, ...] = ()
    high: float | None = None  # a stock over a span: the highest count (value is the lowest)
    added: bool = False  # the value adds up more than one number (then it is derived at best)


def _join_unique(texts: list[str] | tuple[str, ...], sep: str) -> str:
    parts = [p for text in texts for p in str(text).split(sep) if p]
    return sep.join(dict.fromkeys(parts))


def _read_terms(reader: Reader, terms: tuple[Term, ...], period: str) -> _Side:
    """The sum of the terms at ``period`` (a flow over a span: the finer periods summed)."""
    values, labels, methods, numbers = [], [], set(), 0
    for term in terms:
        used = len(reader.view.used)
        value = reader.term(term, period)
        rows = reader.view.used[used:]
        when = term_period(term, period, reader.quote)
        if term.prose:
            line = reader.figure(term, when, term.population or reader.population).line
            labels.append(f"GRZ prose line {line} ({value:,.0f})")
            methods.add("stated")
            numbers += 1
        else:
            how = _how_read(rows, when)
            labels.append(f"{term.label()}, {how} ({value:,.0f})")
            methods.add("printed" if how.endswith("as printed") else "sum")
            numbers += len(rows)
        values.append(value)
    method = "sum" if "sum" in methods else "printed" if methods == {"printed"} else "stated"
    return _Side(float(sum(values)), list(reader.view.used), labels, method, added=numbers > 1)


def _how_read(rows: list[Cell], when: str) -> str:
    """How a pinned term was read at a period: the printed cell, or the sum of the periods inside it."""
    if len(rows) == 1 and rows[0].period == when:
        return f"{when} as printed"
    years = [r.period for r in rows]
    if all(_WHOLE_YEAR.match(y) for y in years):
        return f"sum of the years {years[0]}-{years[-1]}"
    return f"sum of {len(rows)} periods of {when}"


def series_periods(row: RuleRow, cells: CellIndex) -> list[str]:
    """The periods for which every term of a series rule has a cell with a count.

    A cell nobody could source (status ``missing``: an appendix printed as a lost image) is a gap,
    never a count nor a zero: a period where any term's cell is missing is not one the series answers
    (round 17; before, the coverage text "counts from ... to ..." spanned years the record cannot read).
    """
    common: set[str] | None = None
    for t in row.low_terms:
        table = cells.of_table(t.table)
        periods = {
            p
            for p in table.periods(t.population, t.measure, t.category, t.unit)
            if cell_counted(table, (p, t.population, t.measure, t.category, t.unit))
        }
        common = periods if common is None else common & periods
    return sorted(common or ())


def cell_counted(cells: CellIndex, key: tuple[str, str, str, str, str]) -> bool:
    """Whether the cell ``key`` stands for a count: its preferred row has a value and is not ``missing``.

    >>> from gulagstats.core.cells import Cell
    >>> rows = [Cell("t", "1939-01-01", "p", "inmates", "", "persons", None, "s", "missing", True, "", "")]
    >>> cell_counted(CellIndex(rows), ("1939-01-01", "p", "inmates", "", "persons"))
    False
    """
    row = cells.preferred(key)
    return row is not None and row.value is not None and row.status != MISSING


def _stock_days(cells: CellIndex, terms: tuple[Term, ...], period: str) -> list[str]:
    """The days from the first day of ``period`` to the 1 January after it on which every term has a cell."""
    start, end = period_bounds(period)
    if start is None or end is None:
        return []
    last = end + timedelta(days=1)
    common: set[str] | None = None
    for t in terms:
        days = {p for p in cells.of_table(t.table).periods(t.population, t.measure, t.category, t.unit)
                if _DAY.match(p) and start.isoformat() <= p <= last.isoformat()}
        common = days if common is None else common & days
    return sorted(common or ())


def _read_stock_span(reader: Reader, terms: tuple[Term, ...], period: str) -> _Side:
    """The lowest and highest count of a series over a year or span (every 1 January within required)."""
    start, end = period_bounds(period)
    assert start is not None and end is not None
    first = start.year + (1 if (start.month, start.day) != (1, 1) else 0)
    januaries = [f"{y}-01-01" for y in range(first, end.year + 1)]
    found: list[tuple[str, float]] = []
    added = False
    for day in _stock_days(reader.view.cells, terms, period):
        try:
            with reader.view.attempt():
                side = _read_terms(reader, terms, day)
        except MissingCell:
            continue
        found.append((day, side.value))
        added = added or side.added
    have = {d for d, _ in found}
    lacking = [d for d in januaries if d not in have]
    if lacking or not found:
        raise MissingCell([f"{' + '.join(t.label() for t in terms)} on {d}" for d in lacking or januaries])
    values = [v for _, v in found]
    label = " + ".join(t.label() for t in terms)
    text = f"{label}, lowest and highest of {len(found)} counts from {start.isoformat()} to {(end + timedelta(days=1)).isoformat()}"
    return _Side(min(values), list(reader.view.used), [text], "range", tuple(d for d, _ in found), max(values), added)


def _read_sum(reader: Reader, terms: tuple[Term, ...], period: str) -> _Side:
    """The sum of the finer periods each term's table prints inside ``period`` (never the printed total)."""
    values, labels = [], []
    for term in terms:
        used = len(reader.view.used)
        view = reader.view.narrowed(term.table)
        value = span_sum(view, term.population or reader.population, term.measure, period, term.category, term.unit)
        labels.append(f"{term.label()}, {_how_read(reader.view.used[used:], period)} ({value:,.0f})")
        values.append(term.sign * value)
    return _Side(float(sum(values)), list(reader.view.used), labels, "sum", added=True)


def _read_series(reader: Reader, row: RuleRow, period: str, how: str = "") -> _Side:
    if how == "sum":
        return _read_sum(reader, row.low_terms, period)
    if QUANTITIES[row.quantity].kind == "stock" and not _DAY.match(period):
        return _read_stock_span(reader, row.low_terms, period)
    side = _read_terms(reader, row.low_terms, period)
    if QUANTITIES[row.quantity].kind == "stock":
        side.days = (period,)
    return side


def _status(rows: list[Cell], added: bool) -> str:
    """The weakest status of the values used; ``derived`` at best if values were added up."""
    weakest = max([WEAKNESS.get(r.status, WEAKNESS[UNCONFIRMED]) for r in rows] or [WEAKNESS[DERIVED]])
    if added:
        weakest = max(weakest, WEAKNESS[DERIVED])
    return _STATUS_OF[weakest]


def _citation(tables: str, sources: str, locators: str) -> str:
    """Where a benchmark comes from, short: ``nkvd_sentences: grz1993, GRZ prose line 63``."""
    lines = [str(n) for n in sorted({int(n) for n in _PROSE_LINE_NUMBER.findall(locators)})]
    prose = f"GRZ prose line{'s' if len(lines) > 1 else ''} {' and '.join(lines)}" if lines else ""
    return (f"{tables}: " if tables else "") + sources + (f", {prose}" if prose else "")


def _locator(row: Cell) -> str:
    """The quote of a cell, or for a prose figure its line (``GRZ prose line 59``)."""
    line = _PROSE_LINE_NUMBER.findall(row.locator) if row.table == "grz_text_figures" else []
    return f"GRZ prose line {line[-1]}" if line else row.locator


def _read(
    row: RuleRow, period: str, view: View, figures: FigureIndex, how: str = ""
) -> tuple[_Side, _Side | None, str]:
    """Both sides of a rule at ``period``, and what is missing if only part of it could be read.

    ``how`` is ``"sum"`` to read a flow over a span as the sum of its finer
    periods even where a total is printed (the evaluator offers both).
    """
    reader = Reader(view, figures)
    if row.period:
        low = _read_terms(reader, row.low_terms, period)
        if not row.high:
            return low, None, ""
        other = View(view.cells, view.overrides)  # the high side lists its own cells (they may be the low's)
        high = _read_terms(Reader(other, figures), row.high_terms, period)
        view.used += [r for r in other.used if all(r is not u for u in view.used)]
        return low, high, ""
    try:
        with view.attempt():
            return _read_series(reader, row, period, how), None, ""
    except MissingCell as exc:
        if how or exc.partial is None or QUANTITIES[row.quantity].kind != "flow" or len(row.low_terms) > 1:
            raise
        label = " + ".join(t.label() for t in row.low_terms)
        piece = _largest_inside(view, row.low_terms[0], period)
        if piece is not None and piece.value is not None and piece.value > exc.partial:
            view.used.append(piece)
            labels = [f"{label}, {piece.period} as printed, inside {period} ({piece.value:,.0f})"]
            missing = f"{row.low_terms[0].population} {row.low_terms[0].measure} outside {piece.period}"
            return _Side(piece.value, [piece], labels, "partial"), None, missing
        view.used += [r for r in exc.rows if r not in view.used]
        labels = [f"{label}, the periods held inside {period}"]
        return _Side(float(exc.partial), list(view.used), labels, "partial", added=True), None, "; ".join(exc.missing)


def _largest_inside(view: View, term: Term, period: str) -> Cell | None:
    """The preferred printed cell of a term's series with the largest value among those inside ``period``."""
    start, end = period_bounds(period)
    cells = view.cells.of_table(term.table)
    best = None
    for piece in cells.periods(term.population, term.measure, term.category, term.unit):
        s, e = period_bounds(piece)
        if s is None or e is None or start is None or end is None or s < start or e > end or piece == period:
            continue
        cell = cells.preferred((piece, term.population, term.measure, term.category, term.unit))
        if cell is not None and cell.value is not None and (best is None or cell.value > (best.value or 0)):
            best = cell
    return best


def evaluate_rule(row: RuleRow, period: str, cells: CellIndex, figures: FigureIndex, how: str = "") -> Answer | None:
    """What ``row`` answers for ``period`` (None: it cannot be read there); ``how="sum"``: the finer periods added.

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> from gulagstats.rules.benchmarks import benchmark_evaluator
    >>> e = benchmark_evaluator(default_record())
    >>> a = evaluate_rule(e.rule("executions_nkvd"), "1930/1953", e.cells(), e.figures())
    >>> int(a.low), a.partial[:32]
    (776064, 'cases_of_secret_police sentenced')
    """
    view = View(cells)
    try:
        low, high, missing = _read(row, period, view, figures, how)
    except MissingCell:
        return None
    rows = view.used
    top = high.value if high is not None else low.high if low.high is not None else low.value
    labels = low.labels if high is None else [f"low: {' + '.join(low.labels)}; high: {' + '.join(high.labels)}"]
    method = "stated" if row.period else low.method
    sources = _join_unique([r.source for r in rows], "; ")
    locators = _join_unique([_locator(r) for r in rows], LOCATOR_SEP)
    summed = method == "sum" and not row.period
    return Answer(
        id=f"{row.rule}:{period}" + (":sum" if summed else ":part" if missing else ""),
        rule=row.rule, quantity=row.quantity, request=period, period=_held(rows) if missing else period,
        scope=row.scope,
        low=low.value, high=top, basis=" + ".join(labels), caveats=row.caveats, source=sources, locator=locators,
        status=_status(rows, low.added or (high is not None and high.added)), method=method, phrase=row.phrase,
        citation=_citation(row.tables, sources, locators), order=row.order, reading=row.reading,
        days=low.days, partial=missing, cells=tuple(rows),
    )


def _held(rows: list[Cell]) -> str:
    """The span the cells of a partial answer cover, as the data write it (``1930/1956``)."""
    bounds = [period_bounds(r.period) for r in rows]
    starts = [s for s, _ in bounds if s is not None]
    ends = [e for _, e in bounds if e is not None]
    first, last = min(starts).isoformat(), max(ends).isoformat()
    first = first[:4] if first.endswith("-01-01") else first
    last = last[:4] if last.endswith("-12-31") else last
    return first if first == last else f"{first}/{last}"


def variants_of(row: RuleRow, answer: Answer, cells: CellIndex, figures: FigureIndex) -> tuple[Variant, ...]:
    """``answer`` read again with each other published value of each cell it used, one cell at a time.

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> from gulagstats.rules.benchmarks import benchmark_evaluator
    >>> e = benchmark_evaluator(default_record())
    >>> a = e.answers("camp_population", "1946-01-01")[0]
    >>> [(int(v.low), v.cell.source) for v in e.variants(a)]
    [(746871, 'plwiki_lagier')]
    """
    out = []
    for used in answer.cells:
        if used.table == "grz_text_figures" or used.status == CORRECTED:  # a misprint proved is no alternative
            continue
        for alternative in cells.alternatives(used.key):
            if alternative.table != used.table:
                continue
            view = View(cells, {used.key: alternative})
            try:
                low, high, _ = _read(row, answer.request, view, figures, "sum" if answer.method == "sum" else "")
            except MissingCell:
                continue
            top = high.value if high is not None else low.high if low.high is not None else low.value
            out.append(Variant(alternative, low.value, top))
    return tuple(out)
