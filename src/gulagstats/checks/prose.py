"""Prose: every figure GRZ state, set against what the tables compute.

Each row of ``grz_text_figures`` (quantity, period, population, value, unit,
relation, quote, line) is checked by the rule the registry gives its quantity:

- a quantity that is a measure of the tables (``inmates``, ``deaths``,
  ``sentenced_to_death`` ...) is the amount the tables give (the cell, or a
  sum the tables support: components, kinds, the years of a span); a count on
  a day stated for a span of years with a bound ("did not exceed 3.5 million
  before the war") is checked on every 1 January of the span;
- ``<measure>_change`` is the change from 1 January to 1 January;
- ``<measure>_ratio`` is the last year's amount over the first year's;
- the quantities of :func:`~gulagstats.rules.prose_rules.quantities` have their
  own formula: shares with their whole, counts of rising and falling years,
  sums GRZ add up;
- statements with no number of their own
  (:func:`~gulagstats.rules.prose_rules.statements`: "in any year before 1938
  more fled than died") are checked as counts of the years that break them.

The article's own statements are never used as evidence for it: a cell whose
table value is GRZ's prose does not confirm the prose, so the check falls back
on the cells that make the number up, or is ``not_checkable``.  Only a whole
that the prose alone states (the 786,098 death sentences of the KGB press
release) may serve as the denominator of a share GRZ compute from it; the
result lists it among its cells (table ``grz_text_figures``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..core.cells import CellIndex, MissingCell, View
from ..core.derive import amount, change, year_span
from ..core.results import CheckResult
from ..rules.prose_rules import (
    HUNDRED,
    Change,
    Exceeds,
    Formula,
    Rule,
    Statement,
    Trend,
    YearCount,
    rules_by_quantity,
    statements,
)
from ..rules.reader import ProseFigure, Reader, index_figures, load_figures
from ..rules.terms import Term
from ..vocabulary import COUNT_UNITS, FRACTION, PERCENT, PROSE, YEARS
from .engine import (
    Reading,
    Tolerance,
    last_digit_unit,
    not_checkable,
    printed_decimals,
    run_check,
    tolerance_for,
)


def _formula(reader: Reader, rule: Formula, period: str) -> float:
    """A rule's ``scale × sum(numerator) [/ sum(denominator)]`` for a period."""
    if not rule.denominator:
        return rule.scale * reader.sum(rule.numerator, period)
    return reader.ratio(rule.numerator, rule.denominator, period, rule.scale)


# --- computing a figure -------------------------------------------------------------------------


def _years(period: str) -> list[int]:
    span = year_span(period)
    if span is None:
        raise MissingCell([f"{period!r} is not a year or a span of years"])
    return list(range(span[0], span[1] + 1))


def _bounded_reading(values: list[float], unknown: int, relation: str) -> Reading:
    """The reading of 'in every year' under a bound: the least value for a lower bound, else the largest."""
    if relation in ("lower_bound", "range_low"):
        least = min(values)
        return Reading(0.0 if unknown else least, least, shown=least)
    largest = max(values)
    return Reading(largest, None if unknown else largest)


def _each(values_of, years: list[str], relation: str) -> Reading:
    values, missing = [], []
    for when in years:
        try:
            values.append(values_of(when))
        except MissingCell as exc:
            missing += exc.missing
    if not values:
        raise MissingCell(missing)
    which = "least" if relation in ("lower_bound", "range_low") else "largest"
    note = (f"checked in each of {len(years)} periods: {len(values)} have the values needed; the {which} value is "
            f"reported")
    reading = _bounded_reading(values, len(years) - len(values), relation)
    return Reading(reading.low, reading.high, note, reading.shown, tuple(missing))


@dataclass
class _Steps:
    """How a count moved from each 1 January to the next."""

    rising: list[int]
    falling: list[int]
    flat: list[int]
    unknown: list[int]  # a 1 January count is missing
    missing: list[str]


def _steps(view: View, population: str, term: Term, years: list[int]) -> _Steps:
    steps = _Steps([], [], [], [], [])
    for year in years:
        try:
            before, after = (
                amount(view, term.population or population, term.measure, f"{y}-01-01", term.category, term.unit)
                for y in (year, year + 1)
            )
        except MissingCell as exc:
            steps.unknown.append(year)
            steps.missing += [m for m in exc.missing if m not in steps.missing]
            continue
        (steps.rising if after > before else steps.falling if after < before else steps.flat).append(year)
    return steps


def _listed(years: list[int]) -> str:
    return ", ".join(map(str, years)) or "none"


def _year_count(rule: YearCount, view: View, population: str, period: str) -> Reading:
    years = [y for y in _years(period) if rule.within is None or rule.within[0] <= y <= rule.within[1]]
    steps = _steps(view, population, Term(rule.measure), years)
    counted = len(steps.rising if rule.direction > 0 else steps.falling)
    note = (f"counted over the {len(years) - len(steps.unknown)} changes from 1 January to 1 January the data "
            f"give: rising in {_listed(steps.rising)}; falling in {_listed(steps.falling)}")
    if steps.unknown:
        note += (f"; the change {', '.join(f'{y}→{y + 1}' for y in steps.unknown)} cannot be computed (a 1 January "
                 f"count is missing), so the count lies between {counted} and {counted + len(steps.unknown)}")
    return Reading(float(counted), float(counted + len(steps.unknown)), note, missing=tuple(steps.missing))


def _trend(rule: Trend, view: View, population: str, period: str) -> Reading:
    steps = _steps(view, population, rule.term, _years(period))
    broken = sorted((steps.falling if rule.direction > 0 else steps.rising) + steps.flat)
    verb = "rise" if rule.direction > 0 else "fall"
    note = f"years in which the count did not {verb} (1 January to 1 January): {_listed(broken)}"
    if steps.unknown:
        note += f"; the change cannot be computed for {_listed(steps.unknown)}"
    return Reading(float(len(broken)), float(len(broken) + len(steps.unknown)), note, missing=tuple(steps.missing))


def _exceeds(rule: Exceeds, reader: Reader, period: str) -> Reading:
    years = _years(period)
    broken, unknown, pairs, missing = [], 0, [], []
    for year in years:
        try:
            larger = reader.term(rule.larger, str(year))
            smaller = reader.term(rule.smaller, str(year))
        except MissingCell as exc:
            unknown += 1
            missing += exc.missing
            continue
        pairs.append(f"{year}: {larger:,.0f} against {smaller:,.0f}")
        if not larger > smaller:
            broken.append(year)
    if unknown == len(years):
        raise MissingCell([f"{rule.larger.measure} and {rule.smaller.measure} in {period}"])
    note = (f"{rule.larger.measure} against {rule.smaller.measure}: " + "; ".join(pairs)
            + (f"; {unknown} year(s) without both values" if unknown else ""))
    return Reading(float(len(broken)), float(len(broken) + unknown), note, missing=tuple(missing))


def _rules_for(figure: ProseFigure, cells: CellIndex, registry: Mapping[str, Rule | tuple[Rule, ...] | str]
               ) -> tuple[Rule, ...] | str:
    """The rules that compute a figure (tried in turn), or the reason none does."""
    for key in (f"{figure.quantity}@{figure.period}", figure.quantity):
        if key in registry:
            found = registry[key]
            return found if isinstance(found, (str, tuple)) else (found,)
    measures = cells.measures
    quantity = figure.quantity
    if quantity in measures:
        return (Formula((Term(quantity, unit=_cell_unit(figure)),),
                        why=f"{quantity} as the tables give it (the cell, or the cells that add up to it)"),)
    if quantity.endswith("_change") and quantity[: -len("_change")] in measures:
        base = quantity[: -len("_change")]
        return (Change(base, why=f"the change of {base} from 1 January to 1 January"),)
    if quantity.endswith("_ratio") and quantity[: -len("_ratio")] in measures:
        base = quantity[: -len("_ratio")]
        return (Formula((Term(base, period="last"),), (Term(base, period="first"),),
                        why=f"{base} of the last year over that of the first"),)
    return f"no table holds the quantity {quantity!r}"


def _cell_unit(figure: ProseFigure) -> str:
    return PERCENT if figure.unit == FRACTION else figure.unit


def _expected(figure: ProseFigure) -> tuple[float, str]:
    """The expected value in the unit the tables use (a fraction becomes a percentage)."""
    if figure.unit == FRACTION:
        return figure.value * HUNDRED, PERCENT
    return figure.value, figure.unit


def _tolerance(figure: ProseFigure, expected: float, unit: str) -> Tolerance:
    decimals = 0 if figure.unit == FRACTION else printed_decimals(figure.value, figure.quote)
    if figure.relation == "exact" and unit in COUNT_UNITS and last_digit_unit(expected) >= 1000:
        half = last_digit_unit(expected) / 2
        return Tolerance(half, f"a round number ({expected:,.0f}) is taken as rounded to its last significant "
                               f"digit (±{half:,.0f})")
    return tolerance_for(expected, unit, figure.relation, decimals)


def _compute(rules: tuple[Rule, ...], figure: ProseFigure, figures: dict, cells: CellIndex):
    """Compute a figure by the first of its rules that the cells allow."""

    def compute(view: View) -> Any:
        failure = None
        for rule in rules:
            try:
                with view.attempt():
                    value = _apply(rule, view, figure, figures, cells)
                view.notes.insert(0, rule.why)
                return value
            except MissingCell as exc:
                failure = exc if failure is None else exc.after(failure)
        assert failure is not None  # rules is never empty
        raise view.fail(failure)

    return compute


def _apply(rule: Rule, view: View, figure: ProseFigure, figures: dict, cells: CellIndex) -> Any:
    """Compute a figure by one rule."""
    population, period = figure.population, figure.period
    reader = Reader(view, figures, population, figure.quote)
    if isinstance(rule, YearCount):
        return _year_count(rule, view, population, period)
    if isinstance(rule, Trend):
        return _trend(rule, view, population, period)
    if isinstance(rule, Exceeds):
        return _exceeds(rule, reader, period)
    if isinstance(rule, Change):
        return change(view, population, rule.measure, period)
    stock = any(not t.period and not t.prose and cells.is_stock(t.measure) for t in rule.numerator)
    spans_years = "/" in period and year_span(period) is not None
    if spans_years and (rule.each_year or stock) and figure.relation not in ("exact", "approx"):
        years = _years(period)
        slots = [f"{y}-01-01" for y in years] if stock else [str(y) for y in years]
        return _each(lambda when: _direct_or(view, reader, rule, figure, when), slots, figure.relation)
    if spans_years and stock:
        raise MissingCell([f"{figure.quantity} over {period}: a count on a day over a span needs a bound"])
    return _direct_or(view, reader, rule, figure, period)


def _direct_or(view: View, reader: Reader, rule: Formula, figure: ProseFigure, period: str) -> float:
    """The cell named by the figure's quantity itself, if a table holds it; else the rule's formula."""
    try:
        with view.attempt():
            return view.value(period, reader.population, figure.quantity, "", _cell_unit(figure))
    except MissingCell as direct:
        try:
            with view.attempt():
                return _formula(reader, rule, period)
        except MissingCell as derived:
            raise view.fail(derived.after(direct)) from None


def _needs_population(rules: tuple[Rule, ...]) -> bool:
    """True unless every term of every rule names its own population."""
    return not all(
        isinstance(rule, Formula) and all(t.population for t in rule.numerator + rule.denominator) for rule in rules
    )


def _check(figure_like: ProseFigure | Statement, rules: tuple[Rule, ...] | str, cells: CellIndex, figures: dict) -> CheckResult:
    if isinstance(figure_like, Statement):
        statement = figure_like
        figure = ProseFigure(statement.id, "statement", statement.period, statement.population, 0.0, YEARS, "exact",
                        statement.quote, statement.line)
        expected, unit = 0.0, YEARS
        title = f"statement: {statement.rule.why}"
        tolerance = Tolerance(0.0, "a statement about every year holds or fails: no year may break it")
    else:
        figure = figure_like
        expected, unit = _expected(figure)
        title = " ".join(x for x in (figure.quantity, figure.population, figure.period) if x)
        tolerance = _tolerance(figure, expected, unit)
    common: dict[str, Any] = {
        "id": f"prose.{figure.id}",
        "title": title,
        "family": PROSE,
        "expectation": f"“{figure.quote}”" + (f" ({figure.note})" if figure.note else ""),
        "location": f"GRZ prose line {figure.line} ({figure.id})",
        "expected": expected,
        "relation": figure.relation,
    }
    if isinstance(rules, str):
        return not_checkable(**common, reason=rules)
    if not figure.period:
        return not_checkable(**common, reason=f"the figure names no period to look {figure.quantity} up for")
    if not figure.population and _needs_population(rules):
        return not_checkable(**common, reason=f"the figure names no population to look {figure.quantity} up for")
    if figure.population and _needs_population(rules) and not _population_known(cells, figure.population):
        return not_checkable(**common, reason=f"no table holds the population {figure.population!r}")
    return run_check(
        cells, **common, tolerance=tolerance, compute=_compute(rules, figure, figures, cells), independent=True
    )


def _population_known(cells: CellIndex, population: str) -> bool:
    return population in cells.relations.components or any(k[1] == population for k in cells.keys())


def prose_checks(cells: CellIndex, figures: list[ProseFigure] | None = None) -> list[CheckResult]:
    """Check every figure of the prose, and the statements of the registry.

    Parameters
    ----------
    cells : CellIndex
        The rows of all tables.
    figures : list of ProseFigure, optional
        The figures to check (default: every row of ``grz_text_figures``).

    Examples
    --------
    >>> from gulagstats.core.cells import CellIndex
    >>> results = {r.id: r for r in prose_checks(CellIndex.load())}
    >>> results["prose.L061.1"].observed - results["prose.L061.1"].expected
    -1.0
    """
    figures = load_figures() if figures is None else figures
    index = index_figures(figures)
    registry = rules_by_quantity()
    results = [_check(f, _rules_for(f, cells, registry), cells, index) for f in figures]
    return results + [_check(s, (s.rule,), cells, index) for s in statements()]
