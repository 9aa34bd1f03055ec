"""GRZ Figures A-D, redrawn from the data.

The article printed its four figures as images that are lost; these are drawn
from the same series (tables ``appendix`` and ``appendix_rates``) with the
captions GRZ gave them, each value in the style of its status.
"""

from __future__ import annotations

import textwrap
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..core.record import Record
from ..periods import period_bounds
from ..rules.reader import load_figures
from ..vocabulary import DERIVED, PERCENT, PERSONS
from .select import (
    SERIES_YEARS,
    Series,
    composition_flags,
    derive,
    figure_data,
    preferred_rows,
    yearly,
)
from .style import OKABE_ITO as C
from .style import (
    _below_axis,
    axes,
    bar_style,
    draw_bars,
    draw_line,
    finish,
    mark_composition,
    plotted,
    pyplot,
    thousands,
    year_axis,
)
from .style import (
    record as remember_series,
)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

YEARS_A = range(1935, 1941)

#: Notes that report a figure of the prose, filled in from its row of grz_text_figures (no number written twice).
PROSE_NOTES = {
    "L216.1": "1938 colonies include prison inmates ({value} on {day}): GRZ appendix note, prose line {line}.",
    "L216.2": "1946 colonies include {value} sentenced to corrective work without detention (prose line {line}).",
}
NOTE_1950 = "The 1950 count of 'politicals' includes detainees in labour colonies (GRZ appendix note, prose line 216)."


#: How the titles say what the figures are: reconstructions of GRZ's figures from reprints of the same series.
RECONSTRUCTED = "GRZ Figure {}, reconstructed from reprints of the same series"


def plot_a(record: Record, data: pd.DataFrame | None = None, ax: Axes | None = None) -> Figure:
    """GRZ Figure A: camp, colony and "kulak" exile populations, USSR, 1935-1940.

    Bars give the population of each on 1 January; the diamonds their total
    (derived: a sum, as unsure as its weakest part); the dashed line is GRZ's
    reading of the figure, the upper bound the prose states for it (table
    ``grz_text_figures``: the total "does not seem to have exceeded 3.5
    million before the war", prose line 47).

    Parameters
    ----------
    record : Record
        The record to draw from (its tables, with its overlay).
    data : pandas.DataFrame, optional
        Long table ``appendix`` as returned by :func:`gulagstats.load` (default: loaded).
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: a new figure).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> fig = plot_a(default_record())
    >>> fig.axes[0].get_title(loc="left")[:12]
    'GRZ Figure A'
    """
    data = figure_data(data, ("appendix",), record)
    years = list(YEARS_A)
    camps = yearly(data, "camps", "GULAG camps (ITL)", "gulag_camps", "inmates", years, stock=True)
    colonies = yearly(data, "colonies", "labour colonies (ITK)", "labor_colonies", "inmates", years, stock=True)
    exile = yearly(
        data, "special_settlements", "'kulak' exile (special settlements)", "special_settlements", "inmates",
        years, stock=True,
    )
    total = derive(
        "total", "total of the three (derived)", PERSONS, [camps, colonies, exile],
        lambda a, b, c: a + b + c, "camps + colonies + special settlements",
    )
    fig, ax = axes(ax)
    for s, color, offset in ((camps, C["blue"], -0.27), (colonies, C["vermillion"], 0.0), (exile, C["green"], 0.27)):
        draw_bars(ax, s, color, width=0.26, offset=offset)
    draw_line(ax, total, C["black"], "D", linestyle=":")
    flags = composition_flags(data, "labor_colonies", "inmates", years, stock=True)
    mark_composition(ax, "colonies", flags, C["vermillion"])
    for f in flags:  # the total carries the difference of its part
        f.x, f.y, f.adjusted = f.x, float(total.y[years.index(int(f.x))]), None
    mark_composition(ax, "total", [f for f in flags if f.y == f.y], C["black"])
    for ceiling in readings(years, record):
        (line,) = ax.plot(ceiling.x, ceiling.y, color=C["black"], linestyle="--", linewidth=1.3, label=ceiling.label)
        line.set_gid(ceiling.key)
        remember_series(ax, ceiling)
    year_axis(ax, years, "1 January of each year")
    ax.set_ylabel(PERSONS)
    ax.set_ylim(0, max(v for s in plotted(fig) for v in s.y if v == v) * 1.12)
    thousands(ax)
    return finish(fig, ax, RECONSTRUCTED.format("A") + ":\nCamp, Colony, and \u201cKulak\u201d Exile Populations, USSR, 1935-1940",
                  notes=[*prose_notes(record, "L216.1"), "Special settlers are printed as of 31 December of the prior year."])


def plot_b(record: Record, data: pd.DataFrame | None = None, ax: Axes | None = None) -> Figure:
    """GRZ Figure B: "political" crimes as a proportion of the GULAG camp population, 1934-1953.

    Bars: camp inmates on 1 January and, inside them, the
    "counterrevolutionaries" among them (left scale).  Lines (right scale):
    the share as printed (table ``appendix_rates``) and the share recomputed
    from the counts (derived: count / camp inmates), so that the years where
    the printed share is not the quotient (1941-1950) show.

    Parameters
    ----------
    record : Record
        The record to draw from (its tables, with its overlay).
    data : pandas.DataFrame, optional
        Long tables ``appendix`` and ``appendix_rates`` together (default: loaded).
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: a new figure); a twin axes is added for the shares.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> fig = plot_b(default_record())
    >>> fig.axes[1].get_ylabel()
    'share of camp inmates (percent)'
    """
    data = figure_data(data, ("appendix", "appendix_rates"), record)
    years = list(SERIES_YEARS)
    inmates = yearly(data, "camp_inmates", "camp inmates", "gulag_camps", "inmates", years, stock=True)
    counter = yearly(
        data, "counterrevolutionaries", "\u201ccounterrevolutionaries\u201d among them", "gulag_camps",
        "counterrevolutionaries", years, stock=True,
    )
    printed = yearly(
        data, "printed_share", "share as printed", "gulag_camps", "counterrevolutionaries_share", years,
        stock=True, unit=PERCENT,
    )
    recomputed = derive(
        "recomputed_share", "share recomputed: count / inmates (derived)", PERCENT, [counter, inmates],
        lambda c, i: 100.0 * c / i, "100 * counterrevolutionaries / camp inmates",
    )
    fig, ax = axes(ax)
    draw_bars(ax, inmates, C["sky_blue"], width=0.8)
    draw_bars(ax, counter, C["vermillion"], width=0.45)
    mark_composition(
        ax, "counterrevolutionaries",
        composition_flags(data, "gulag_camps", "counterrevolutionaries", years, stock=True), C["vermillion"],
    )
    right = ax.twinx()
    draw_line(right, printed, C["black"], "o")
    draw_line(right, recomputed, C["orange"], "s", linestyle="--")
    year_axis(ax, years, "1 January of each year", every=2)
    ax.set_ylabel(PERSONS)
    thousands(ax)
    right.set_ylabel("share of camp inmates (percent)")
    top = max([v for s in (printed, recomputed) for v in s.y if v == v] or [50.0])
    right.set_ylim(0, top * 1.25)
    return finish(fig, ax, RECONSTRUCTED.format("B") + ":\n\u201cPolitical\u201d Crimes as Proportion of GULAG Population, 1934-1953",
                  notes=[NOTE_1950], twins=[right])


def plot_c(record: Record, data: pd.DataFrame | None = None, ax: Axes | None = None) -> Figure:
    """GRZ Figure C: GULAG camp and labour colony populations on 1 January, 1934-1953.

    Parameters
    ----------
    record : Record
        The record to draw from (its tables, with its overlay).
    data : pandas.DataFrame, optional
        Long table ``appendix`` (default: loaded).
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: a new figure).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> line = next(l for l in plot_c(default_record()).axes[0].lines if l.get_gid() == "camps")
    >>> int(line.get_ydata()[5])   # 1 January 1939
    1317195
    """
    data = figure_data(data, ("appendix",), record)
    years = list(SERIES_YEARS)
    camps = yearly(data, "camps", "GULAG camps (ITL)", "gulag_camps", "inmates", years, stock=True)
    colonies = yearly(data, "colonies", "labour colonies (ITK)", "labor_colonies", "inmates", years, stock=True)
    fig, ax = axes(ax)
    draw_line(ax, camps, C["blue"], "o")
    draw_line(ax, colonies, C["vermillion"], "s", linestyle="--")
    mark_composition(ax, "camps", composition_flags(data, "gulag_camps", "inmates", years, stock=True), C["blue"])
    mark_composition(
        ax, "colonies", composition_flags(data, "labor_colonies", "inmates", years, stock=True), C["vermillion"]
    )
    year_axis(ax, years, "1 January of each year", every=2)
    ax.set_ylabel(PERSONS)
    ax.set_ylim(0, None)
    thousands(ax)
    return finish(fig, ax, RECONSTRUCTED.format("C") + ":\nGULAG and Colony Populations, 1934-1953", notes=prose_notes(record, "L216.1", "L216.2"))


def plot_d(record: Record, data: pd.DataFrame | None = None, ax: Axes | None = None) -> Figure:
    """GRZ Figure D: GULAG camp population shifts, 1934-1953.

    The camp population on 1 January against the flows of each year (drawn
    mid-year): deaths, escapes, and releases and arrivals where known.  Flows
    known only over a span (the war years) are drawn as a level segment over
    that span, marked as a span total.  Logarithmic scale, so that escapes
    (hundreds) and the population (millions) share the axes.

    Parameters
    ----------
    record : Record
        The record to draw from (its tables, with its overlay).
    data : pandas.DataFrame, optional
        Long tables ``appendix`` and ``appendix_rates`` together (default: loaded).
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: a new figure).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> fig = plot_d(default_record())
    >>> fig.axes[0].get_yscale()
    'log'
    """
    data = figure_data(data, ("appendix", "appendix_rates"), record)
    years = list(SERIES_YEARS)
    population = yearly(data, "camp_inmates", "camp inmates on 1 January", "gulag_camps", "inmates", years, stock=True)
    flows = [
        (yearly(data, m, f"{m} during the year", "gulag_camps", m, years, stock=False, offset=0.5), color, marker, ls)
        for m, color, marker, ls in (
            ("deaths", C["vermillion"], "s", "-"),
            ("escapes", C["orange"], "^", "--"),
            ("releases", C["green"], "v", "-."),
            ("arrivals", C["purple"], "P", ":"),
        )
    ]
    spans = [(s, color) for m, color in (("arrivals", C["purple"]), ("departures", C["black"]))
             for s in span_totals(data, m, years)]
    panel = None
    if ax is None and spans:  # the totals over several years get their own panel, annualised
        fig = pyplot().figure(figsize=(11.0, 6.2 + 0.9 + 0.45 * len(spans)))
        grid = fig.add_gridspec(2, 1, height_ratios=[6.2, 0.5 + 0.45 * len(spans)], hspace=0.55)
        ax, panel = fig.add_subplot(grid[0]), fig.add_subplot(grid[1])
    else:
        fig, ax = axes(ax)
    ax.set_yscale("log")
    draw_line(ax, population, C["blue"], "o")
    for s, color, marker, ls in flows:
        draw_line(ax, s, color, marker, linestyle=ls)
    if panel is not None:
        _draw_annualised(panel, spans)
    else:
        for s, color in spans:
            draw_line(ax, s, color, "|", linestyle="-")
    freed = preferred_rows(data, "gulag_camps", "releases_share_of_jan1", PERCENT)
    notes = []
    for period, row in freed.iterrows():
        if pd.notna(row["value"]):
            notes.append(
                f"{period}: {row['value']:g} percent of the 1 January camp population was freed during the year "
                f"({row['source']}: {row['locator']})."
            )
    year_axis(ax, years, "year (population on 1 January; flows during the year, drawn mid-year)", every=2)
    ax.set_ylabel("persons (logarithmic scale)")
    drawn = [v for s in plotted(fig) for v in s.y if v == v and v > 0]
    ax.set_ylim(min(drawn) / 4, max(drawn) * 2.5)  # room at the foot for the marks of missing values
    thousands(ax)
    if panel is not None:
        notes.append("Lower panel: flows printed only as totals over several years, divided by the years they span "
                      "(derived), so that they compare with the yearly flows above; they are not drawn on the yearly "
                      "axis.")
    fig = finish(fig, ax, RECONSTRUCTED.format("D") + ":\nGULAG Population Shifts, 1934-1953", notes=notes)
    if panel is not None:  # the footer goes under the lower panel
        footer: Any = ax.texts[-1]  # an Annotation, placed in axes coordinates
        footer.xycoords = panel.transAxes
        footer.set_position((0, -_below_axis(panel)))
    return fig


def _draw_annualised(panel: Axes, spans: list[tuple[Series, str]]) -> None:
    """Totals over several years as bars of their yearly average (derived), labelled with the total."""
    for row, (s, color) in enumerate(spans):
        years = s.x[1] - s.x[0]
        per_year = s.y[0] / years
        status = DERIVED
        bar = panel.barh(row, per_year, height=0.6, **bar_style(status, color))
        bar.patches[0].set_gid(s.key)
        panel.annotate(
            f"{s.note}: {s.y[0]:,.0f} in {years:.1f} years = {per_year:,.0f} a year", xy=(per_year, row),
            xytext=(6, 0), textcoords="offset points", va="center", fontsize=8.5, color="#333333",
        )
        remember_series(panel, Series(
            key=s.key, label=f"{s.label}, a year (derived)", unit="persons a year", x=[s.x[0], s.x[1]],
            y=[per_year, per_year], status=[status, status], source=s.source,
            note=f"{s.note}: total {s.y[0]:,.0f} over {years:.2f} years",
            extra={"total": s.y[0], "years": round(years, 4)},
        ))
    panel.set_yticks(range(len(spans)))
    panel.set_yticklabels([s.note.split(" ")[0] for s, _ in spans])
    panel.set_ylim(len(spans) - 0.4, -0.6)
    panel.set_xlim(0, max(s.y[0] / (s.x[1] - s.x[0]) for s, _ in spans) * 2.2)
    panel.set_xlabel("persons a year (a total over several years, divided by its length)")
    panel.set_title("Totals printed only over several years, annualised", loc="left", fontsize=10)
    thousands(panel, "x")
    panel.grid(True, axis="x", color="#dddddd", linewidth=0.6)
    panel.set_axisbelow(True)


def prose_notes(record: Record, *figure_ids: str) -> list[str]:
    """The notes of :data:`PROSE_NOTES` for prose figures of the record, with their value, day and line.

    A figure the record's prose figures lack gives no note (a figure is drawn from any data package).

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> prose_notes(default_record(), "L216.1", "L0.0")
    ['1938 colonies include prison inmates (548,417 on 10 Feb 1938): GRZ appendix note, prose line 216.']
    """
    figures = {f.id: f for f in load_figures(record.frame("grz_text_figures"))}
    notes = []
    for figure in (figures[i] for i in figure_ids if i in figures):
        when = date.fromisoformat(figure.period) if len(figure.period) == 10 else None
        day = f"{when.day} {when:%b %Y}" if when else figure.period
        notes.append(PROSE_NOTES[figure.id].format(value=f"{figure.value:,.0f}", day=day, line=figure.line))
    return notes


def readings(years: list[int], record: Record) -> list[Series]:
    """GRZ's upper bounds for Figure A, from the prose figures (``grz_text_figures``), as level lines.

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> [(s.key, s.y[0]) for s in readings([1935, 1940], default_record())]
    [('grz_L047.1', 3500000.0)]
    """
    text = record.frame("grz_text_figures")
    bounds = text[(text["refers_to"] == "Figure A") & (text["relation"] == "upper_bound")]
    return [
        Series(
            key=f"grz_{row.id}", unit=str(row.unit),
            label=textwrap.fill(f"GRZ: \u201c{row.quote}\u201d (prose line {row.line})", 52),
            x=[years[0] - 0.5, years[-1] + 0.5], y=[float(row.value)] * 2, status=[str(row.status)] * 2,
            source=[str(row.source)] * 2, note=f"{row.id}: {row.note}",
        )
        for row in bounds.itertuples()
    ]


def span_totals(data: pd.DataFrame, measure: str, years: list[int]) -> list[Series]:
    """Camp flows printed for a span longer than a year inside ``years``, one series each.

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> from gulagstats.figures.select import load_cells
    >>> [s.note for s in span_totals(load_cells(["appendix"], default_record()), "arrivals", list(SERIES_YEARS))]
    ['arrivals 22 Jun 1941 to 31 Dec 1944']
    """
    rows = preferred_rows(data, "gulag_camps", measure, PERSONS)
    out = []
    for period, row in rows.iterrows():
        start, end = period_bounds(period)
        if "/" not in period or pd.isna(row["value"]) or start is None or end is None:
            continue
        if start.year < years[0] or end.year > years[-1] or end.year == start.year:
            continue
        out.append(
            Series(
                key=f"{measure}_{period}", label=f"{measure} over a span (total)", unit=PERSONS,
                x=[_decimal_year(start), _decimal_year(end + timedelta(days=1))], y=[float(row["value"])] * 2,
                status=[str(row["status"])] * 2, source=[str(row["source"])] * 2,
                note=f"{measure} {start:%d %b %Y} to {end:%d %b %Y}",
            )
        )
    return out


def _decimal_year(day: date) -> float:
    first = date(day.year, 1, 1)
    length = (date(day.year + 1, 1, 1) - first).days
    return day.year + (day - first).days / length
