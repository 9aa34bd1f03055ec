"""Rates per 1,000 inhabitants (or adults): a count of the record divided by the population of its time.

The denominators are the population counts of ``ussr_population`` (the
censuses of 1926, 1937, 1939 and 1959, the estimates of 1940, 1941 and 1950,
and the adults of the electoral roll of December 1937), never interpolated:
the counts inside a period, and the nearest before and after it (within
:data:`NEAREST_YEARS` years).  Their spread widens the rate's range: the low
end is the count's low end over the largest population, the high end its high
end over the smallest, so a verdict on a rate holds whichever count of the
population one prefers (the territory grew in 1939-1940: the censuses before
count the old borders, the estimates of 1940 and 1950 the new ones).

A claim such as "1 in 20 Soviet adults was arrested in 1937-1938" is a rate of
50 per 1,000 adults; :func:`per_capita` turns the record's counts into rates
so that the one classifier judges it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from ..core.cells import Cell, CellIndex
from ..periods import period_bounds, period_text
from ..rules.benchmarks import BenchmarkEvaluator
from ..rules.bounds import BoundRules
from ..vocabulary import PER_1000_ADULTS, PER_1000_INHABITANTS, PERSONS, QUANTITIES, combine
from .basis import Basis, PerCapita

#: The table of the population counts, its populations and measure.
POPULATION_TABLE = "ussr_population"
POPULATIONS = ("ussr", "ussr_postwar_territory")
#: The units of a rate per head, and the category of the population each is a rate of ("": all residents).
PER_CAPITA_UNITS: dict[str, str] = {PER_1000_INHABITANTS: "", PER_1000_ADULTS: "aged_18_and_over"}
#: How far from a period a population count may lie to serve as its denominator.
NEAREST_YEARS = 5


@dataclass(frozen=True)
class Denominator:
    """The population counts a rate over a period divides by: the smallest and largest, and which."""

    low: float
    high: float
    cells: tuple[Cell, ...]

    def text(self) -> str:
        """The counts in words: ``the 162,039,470 counted on 6 January 1937 and the 170,467,186 on ...``."""
        parts = [f"{c.value:,.0f} on {period_text(c.period)} ({c.source})" for c in self.cells]
        return "the population counts " + ", ".join(parts)


def denominator(cells: CellIndex, period: str, unit: str) -> Denominator | None:
    """The population counts a rate in ``unit`` over ``period`` divides by (None: none near enough).

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> d = denominator(default_record().cell_index(), "1937/1938", "per 1,000 inhabitants")
    >>> int(d.low), int(d.high), [c.period for c in d.cells]
    (162039470, 170467186, ['1937-01-06', '1939-01-17'])
    """
    start, end = period_bounds(period)
    category = PER_CAPITA_UNITS.get(unit)
    if start is None or end is None or category is None:
        return None
    counts = []
    for population in POPULATIONS:
        for day in cells.periods(population, "residents", category):
            cell = cells.preferred((day, population, "residents", category, PERSONS))
            if cell is not None and cell.value is not None and cell.table == POPULATION_TABLE:
                counts.append(cell)
    counts.sort(key=lambda c: c.period)
    inside = [c for c in counts if start.isoformat() <= c.period <= end.isoformat()]
    reach = timedelta(days=round(365.25 * NEAREST_YEARS))
    before = [c for c in counts if (start - reach).isoformat() <= c.period < start.isoformat()]
    after = [c for c in counts if end.isoformat() < c.period <= (end + reach).isoformat()]
    chosen = ([before[-1]] if before else []) + inside + ([after[0]] if after else [])
    if not chosen:
        return None
    values = [float(c.value) for c in chosen if c.value is not None]
    return Denominator(min(values), max(values), tuple(chosen))


def per_capita(basis: Basis, population: Denominator, unit: str) -> Basis:
    """A basis in counts as a basis in rates per 1,000 of the population.

    The low end is divided by the largest population and the high end by the
    smallest, so the range holds for every count of the population.

    Examples
    --------
    >>> d = Denominator(162e6, 170e6, ())
    >>> b = per_capita(Basis("", 1575259.0, 3141444.0, "between", None, None), d, "per 1,000 inhabitants")
    >>> round(b.low, 2), round(b.high, 2), b.per.unit
    (9.27, 19.39, 'per 1,000 inhabitants')
    """

    def low_rate(x: float | None) -> float | None:
        return None if x is None else 1000 * x / population.high

    def high_rate(x: float | None) -> float | None:
        return None if x is None else 1000 * x / population.low

    return replace(
        basis,
        low=low_rate(basis.low),
        high=high_rate(basis.high),
        variants=tuple((label, low_rate(a), high_rate(b)) for label, a, b in basis.variants),
        per=PerCapita(unit, population.text(), basis, tuple(c.source for c in population.cells),
                      tuple(c.status for c in population.cells)),
    )


#: The quantities of the table of rates: each read from its preferred rule, by year or on 1 January.
RATE_QUANTITIES = ("arrests", "executions", "gulag_deaths", "custodial_population")
#: The years of the table (the 1953 report's span).
RATE_YEARS = range(1921, 1954)
#: Columns of data/tables/per_capita_rates.csv.
RATE_FIELDS = [
    "quantity", "period", "bound", "count_low", "count_high", "population_low", "population_high",
    "population_days", "rate_low", "rate_high", "unit", "benchmark", "sources", "status",
]


def _rate(count: float, population: float) -> float:
    """A count per 1,000 of a population, to four significant digits (the tables' rates are derived, not printed)."""
    return float(f"{1000 * count / population:.4g}")


def rate_rows(evaluator: BenchmarkEvaluator, bounds: BoundRules, population: CellIndex) -> list[dict[str, object]]:
    """Rates per 1,000 inhabitants of arrests, executions, deaths in camps and colonies and persons in custody.

    Flows by year, the custodial population on 1 January; each count is the
    record's preferred benchmark with its kind (a floor gives no high end:
    the security police's arrests and death sentences are floors for all
    arrests and executions outside 1937-1938), divided by the population
    counts around the year (:func:`denominator`).  Nothing is interpolated: a
    year without a count, or without a population count within
    :data:`NEAREST_YEARS` years, has no row.

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> from gulagstats.estimates.judge import planner_of
    >>> p = planner_of(default_record())
    >>> rows = {(r["quantity"], r["period"]): r for r in rate_rows(p.evaluator, p.bounds, p.population)}
    >>> r = rows[("executions", "1937")]
    >>> r["bound"], r["rate_low"], r["rate_high"]
    ('point', 2.071, 2.179)
    """
    rows = []
    for quantity in RATE_QUANTITIES:
        stock = QUANTITIES[quantity].kind == "stock"
        for year in RATE_YEARS:
            period = f"{year}-01-01" if stock else str(year)
            found = [a for a in evaluator.answers(quantity, period) if not a.reading]
            counts = denominator(population, period, PER_1000_INHABITANTS)
            if not found or counts is None:
                continue
            answer = found[0]
            bound = bounds.of(answer, evaluator.rule(answer.rule), "")
            high = answer.high if bound.has_ceiling else None
            rows.append({
                "quantity": quantity, "period": period, "bound": bound.kind, "count_low": answer.low,
                "count_high": high, "population_low": counts.low, "population_high": counts.high,
                "population_days": " ".join(c.period for c in counts.cells),
                "rate_low": _rate(answer.low, counts.high),
                "rate_high": None if high is None else _rate(high, counts.low),
                "unit": PER_1000_INHABITANTS, "benchmark": answer.id,
                "sources": "; ".join(dict.fromkeys([*answer.source.split("; "), *(c.source for c in counts.cells)])),
                "status": combine([answer.status, *(c.status for c in counts.cells)]),
            })
    return rows
