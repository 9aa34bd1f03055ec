"""The evaluator of the rule language: what a term (or a sum of terms) amounts to, and from which cells.

One :class:`Reader` reads the terms of :mod:`gulagstats.rules.terms` for the prose
checks (``data/check_rules.csv``) and for the benchmarks of fixed periods
(``data/benchmark_rules.csv``), through a :class:`~gulagstats.core.cells.View`
that remembers every cell it returned:

- a term without a table is the amount the tables give
  (:func:`gulagstats.core.derive.amount`: the cell, or a sum the tables
  support);
- a term pinned to a table (``in:TABLE``) is that table's printed cell, or for
  a flow over a span the sum of the finer periods that table prints;
- a ``prose`` term is a figure of ``grz_text_figures`` (listed among the cells
  used, as table ``grz_text_figures``).

A missing cell raises :class:`~gulagstats.core.cells.MissingCell` naming it;
nothing is interpolated.

Examples
--------
>>> from gulagstats.core.cells import CellIndex, View
>>> from gulagstats.rules.terms import parse_terms
>>> reader = Reader(View(CellIndex.load()), load_figures(), population="gulag_camps")
>>> reader.sum(parse_terms("deaths in:appendix"), "1937/1938")    # 25,376 + 90,546
115922.0
>>> [row.period for row in reader.view.used]
['1937', '1938']
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import store
from ..core.cells import ARTICLE_SOURCE, Cell, MissingCell, View, add_up
from ..core.derive import amount, span_sum, year_span
from ..vocabulary import PROSE
from .terms import Term

if TYPE_CHECKING:
    import pandas as pd

#: The table of the figures GRZ state in their prose.
FIGURES_TABLE = "grz_text_figures"

_SPAN_IN_QUOTE = re.compile(r"\b(1[89]\d\d)\s*[-–]\s*(1[89]\d\d)\b")


@dataclass(frozen=True)
class ProseFigure:
    """A number stated in the prose (one row of grz_text_figures)."""

    id: str
    quantity: str
    period: str
    population: str
    value: float
    unit: str
    relation: str
    quote: str
    line: int
    note: str = ""

    def row(self) -> Cell:
        """The figure as a cell, to be listed among the cells a result used."""
        return Cell(FIGURES_TABLE, self.period, self.population, self.quantity, "", self.unit, self.value,
                   ARTICLE_SOURCE, PROSE, True, f"{self.quote} [GRZ prose line {self.line}, {self.id}]")


def load_figures(frame: pd.DataFrame | None = None) -> list[ProseFigure]:
    """The figures of the prose: the rows of ``grz_text_figures`` with a value (or of the frame given).

    Without a frame the hash-checked file is read as text (the checks need no typed frame).

    Examples
    --------
    >>> figures = load_figures()
    >>> all(f.quote and f.line > 0 for f in figures)
    True
    """
    columns = ["id", "quantity", "period", "population", "value", "unit", "relation", "quote", "line", "note"]
    if frame is None:
        return [_figure(row) for row in _stored_rows(FIGURES_TABLE) if row["value"]]
    frame = frame.dropna(subset=["value"])  # every figure has a value; never crash on one without
    return [_figure(dict(zip(columns, values))) for values in frame[columns].itertuples(index=False, name=None)]


def _figure(row: Mapping[str, object]) -> ProseFigure:
    return ProseFigure(str(row["id"]), str(row["quantity"]), str(row["period"]), str(row["population"]),
                  float(str(row["value"])), str(row["unit"]), str(row["relation"]), str(row["quote"]),
                  int(str(row["line"])), str(row["note"]))


def _stored_rows(table_id: str) -> list[dict[str, str]]:
    with open(store.verified_path(store.resources()[table_id]), newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


FigureIndex = Mapping[tuple[str, str, str], list[ProseFigure]]


def index_figures(figures: Iterable[ProseFigure]) -> dict[tuple[str, str, str], list[ProseFigure]]:
    """The figures by quantity, period and population, in the order of the prose."""
    index: dict[tuple[str, str, str], list[ProseFigure]] = {}
    for f in figures:
        index.setdefault((f.quantity, f.period, f.population), []).append(f)
    return index


def term_period(term: Term, period: str, quote: str = "") -> str:
    """The period a term is read for, when the rule is evaluated for ``period``.

    Examples
    --------
    >>> term_period(Term("inmates", period="jan1"), "1937/1938"), term_period(Term("deaths"), "1939")
    ('1937-01-01', '1939')
    """
    if not term.period:
        return period
    years = year_span(period)
    if term.period in ("first", "last", "jan1"):
        if years is None:
            raise MissingCell([f"{term.measure}: '{term.period}' of {period!r}, which is not a year or span of years"])
        year = years[0] if term.period in ("first", "jan1") else years[1]
        return f"{year}-01-01" if term.period == "jan1" else str(year)
    if term.period == "quoted":
        spans = [f"{a}/{b}" for a, b in _SPAN_IN_QUOTE.findall(quote) if f"{a}/{b}" != period]
        if not spans:
            raise MissingCell([f"{term.measure}: the quote names no other span than {period}"])
        return spans[0]
    return term.period


class Reader:
    """Reads terms, for one rule, through a view of the cells.

    Parameters
    ----------
    view : View
        The cells (and the record of those used).
    figures : mapping or list of ProseFigure
        The prose figures ``prose`` terms look up (see :func:`index_figures`).
    population : str, optional
        The population of a term that names none.
    quote : str, optional
        The quote a ``@quoted`` period is read from.
    """

    def __init__(self, view: View, figures: FigureIndex | Iterable[ProseFigure], population: str = "", quote: str = ""):
        self.view = view
        self.figures = figures if isinstance(figures, Mapping) else index_figures(figures)
        self.population, self.quote = population, quote

    def term(self, term: Term, period: str) -> float:
        """The signed value of one term for the rule's ``period`` (raises :class:`MissingCell`)."""
        population = term.population or self.population
        when = term_period(term, period, self.quote)
        if term.prose:
            return term.sign * self.figure(term, when, population).value
        if term.table:
            return term.sign * self._pinned(term, population, when)
        return term.sign * amount(self.view, population, term.measure, when, term.category, term.unit)

    def figure(self, term: Term, when: str, population: str) -> ProseFigure:
        """The prose figure a ``prose`` term names (the first, or the one on its line), listed among the cells used."""
        found = [f for f in self.figures.get((term.measure, when, population), []) if f.line == term.line or not term.line]
        if not found:
            on = f" on line {term.line}" if term.line else ""
            raise MissingCell([f"{population} {term.measure} {when} (no such figure in the prose{on})"])
        figure = found[0]
        row = figure.row()
        if row not in self.view.used:
            self.view.used.append(row)
        return figure

    def _pinned(self, term: Term, population: str, when: str) -> float:
        """The table's printed cell, or for a flow over a span the sum of the finer periods it prints."""
        view = self.view.narrowed(term.table)
        try:
            with view.attempt():
                return view.value(when, population, term.measure, term.category, term.unit)
        except MissingCell as direct:
            if "/" not in when or view.cells.is_stock(term.measure):
                raise
            try:
                with view.attempt():
                    return span_sum(view, population, term.measure, when, term.category, term.unit)
            except MissingCell as exc:
                raise view.fail(exc.after(direct)) from None

    def sum(self, terms: Iterable[Term], period: str) -> float:
        """The sum of the terms; if some are missing, the sum of the others bounds it (counts are >= 0)."""
        terms = tuple(terms)
        return add_up(terms, lambda term: self.term(term, period), bounded=all(t.sign > 0 for t in terms))

    def ratio(self, numerator: Iterable[Term], denominator: Iterable[Term], period: str, scale: float = 1.0) -> float:
        """``scale × sum(numerator) / sum(denominator)`` (a missing part bounds nothing here)."""
        try:
            top = self.sum(numerator, period)
            bottom = self.sum(denominator, period)
        except MissingCell as exc:
            raise MissingCell(exc.missing) from None
        if bottom == 0:
            raise MissingCell([f"the whole of the share is 0 in {period}"])
        return scale * top / bottom
