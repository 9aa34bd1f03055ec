"""Rates per 1,000 inhabitants: arrests, executions, deaths in camps and colonies, persons in custody, 1921-1953."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.record import Record
from ..estimates.judge import planner_of
from ..estimates.rates import RATE_QUANTITIES, RATE_YEARS, rate_rows
from ..vocabulary import PER_1000_INHABITANTS
from .select import Series
from .style import OKABE_ITO as C
from .style import axes, draw_points, finish, year_axis
from .style import record as remember_series

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: How each quantity is drawn: label, colour, marker.
RATE_STYLE: dict[str, tuple[str, str, str]] = {
    "arrests": ("arrests by the security police (a floor for all arrests)", C["orange"], "^"),
    "executions": ("death sentences on its cases (all executions in 1937-1938; a floor otherwise)", C["vermillion"], "o"),
    "gulag_deaths": ("deaths in GULAG camps and colonies (OURZ certificate)", C["black"], "s"),
    "custodial_population": ("persons in camps, colonies and prisons on 1 January", C["blue"], "D"),
}


def _series(quantity: str, rows: list[dict[str, object]]) -> Series:
    mine = [r for r in rows if r["quantity"] == quantity]
    label = RATE_STYLE[quantity][0]
    return Series(
        key=f"rates:{quantity}", label=label, unit=PER_1000_INHABITANTS,
        x=[int(str(r["period"])[:4]) for r in mine], y=[float(str(r["rate_low"])) for r in mine],
        status=[str(r["status"]) for r in mine], source=[str(r["sources"]).replace("; ", "+") for r in mine],
        high=[float(str(r["rate_high"])) if r["rate_high"] is not None else float("nan") for r in mine],
        extra={"bound": [str(r["bound"]) for r in mine], "benchmark": [str(r["benchmark"]) for r in mine]},
    )


def plot_per_capita_rates(record: Record, ax: Axes | None = None) -> Figure:
    """Rates per 1,000 inhabitants by year, each from the record's count and the population counts of its time.

    A point is the count's low end over the largest population count around
    the year; a bar runs up to its high end over the smallest.  A count that
    is only a floor (the security police's arrests, their death sentences
    outside 1937-1938) has an arrow up instead: the rate is at least that.
    A year without a count, or without a population count within five years,
    is a gap; nothing is interpolated.

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> fig = plot_per_capita_rates(default_record())
    >>> fig.axes[0].get_yscale(), fig.axes[0].get_ylabel()
    ('log', 'per 1,000 inhabitants')
    """
    planner = planner_of(record)
    rows = rate_rows(planner.evaluator, planner.bounds, planner.population) if planner.population else []
    fig, ax = axes(ax)
    for quantity in RATE_QUANTITIES:
        s = _series(quantity, rows)
        label, color, marker = RATE_STYLE[quantity]
        draw_points(ax, s.key, s.x, s.y, s.status, color, marker, label=label)
        for x, low, high, bound in zip(s.x, s.y, s.high or [], s.extra["bound"]):
            if high == high and high > low:
                ax.vlines([x], [low], [high], colors=color, linewidth=1.5, zorder=2)
            elif bound == "floor" and low > 0:
                arrow = ax.annotate("", xy=(x, low * 1.8), xytext=(x, low), zorder=2,
                                    arrowprops={"arrowstyle": "->", "color": color, "linewidth": 1.0})
                arrow.set_gid(f"{s.key}:floor")
        remember_series(ax, s)
    ax.set_yscale("log")
    year_axis(ax, list(RATE_YEARS), "year (1 January for persons in custody)", every=4)
    ax.set_ylabel(PER_1000_INHABITANTS)
    return finish(
        fig, ax, "Rates per 1,000 inhabitants, 1921-1953: the record's counts over the population of their time",
        notes=[
            "Each point: the count's low end over the largest population count of the census or estimate within "
            "five years before and after (ussr_population); a bar up to the high end over the smallest. An arrow "
            "up: the count is a floor (arrests and death sentences on cases of the security police, except "
            "executions in 1937-1938), so the rate is at least that. The territory grew in 1939-1940: the "
            "censuses of 1926-1939 count the old borders, the estimates of 1940 and 1950 the new ones.",
            "The same values: gulagstats.load('per_capita_rates'); a claimed rate is judged by gulagstats assess "
            "with --unit 'per 1,000 inhabitants' (or 'per 1,000 adults').",
        ],
    )
