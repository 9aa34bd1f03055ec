"""Figures the article lacked: mortality, secret-police sentences, source disagreement, estimates."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

import pandas as pd

from ..core.record import Record
from ..errors import DataFormatError
from ..periods import period_bounds, period_label
from ..vocabulary import (
    CONSISTENT,
    CORRECTED,
    NOT_COMPARABLE,
    NOT_CONTRADICTED,
    OVERSTATES,
    PERCENT,
    PERSONS,
    UNDERSTATES,
)
from .select import (
    SERIES_YEARS,
    Series,
    by_period,
    derive,
    figure_data,
    moved,
    preferred_rows,
    yearly,
)
from .style import (
    NEUTRAL,
    axes,
    draw_bars,
    draw_line,
    draw_points,
    finish,
    plotted,
    thousands,
    year_axis,
)
from .style import OKABE_ITO as C
from .style import (
    record as remember_series,
)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

DISAGREEMENT_KEY = ["table", "period", "population", "measure", "category", "unit"]


def plot_mortality_rate(record: Record, data: pd.DataFrame | None = None, ax: Axes | None = None) -> Figure:
    """Camp mortality per 1,000 inmates a year, 1934-1953, beside the mortality certificate's rate.

    The camp rate is derived: deaths in the GULAG camps during the year
    (``appendix``) per 1,000 of the mean of the camp populations on 1 January
    of that year and of the next; a year without either population is a gap
    (1953: GRZ give 1 April 1954, not 1 January).  The certificate's rate
    (``mortality_certificate``, camps and colonies together) is its printed
    percent of the average list strength, times 10.

    Parameters
    ----------
    record : Record
        The record to draw from (its tables, with its overlay).
    data : pandas.DataFrame, optional
        Long tables ``appendix`` and ``mortality_certificate`` together (default: loaded).
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: a new figure).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> fig = plot_mortality_rate(default_record())
    >>> fig.axes[0].get_ylabel()
    'deaths per 1,000 inmates'
    """
    data = figure_data(data, ("appendix", "mortality_certificate"), record)
    years = list(SERIES_YEARS)
    # the certificate's 1934 row is camps only (colonies joined the GULAG in late 1934): the camp
    # series are the appendix's, so that the two streams never mix in one line
    appendix = data[data["table"] != "mortality_certificate"] if "table" in data.columns else data
    deaths = yearly(appendix, "camp_deaths", "camp deaths", "gulag_camps", "deaths", years, stock=False)
    january = yearly(appendix, "camps_jan", "camps on 1 January", "gulag_camps", "inmates", years, stock=True)
    following = moved(
        yearly(appendix, "camps_next_jan", "camps on 1 January next", "gulag_camps", "inmates",
               [y + 1 for y in years], stock=True),
        years,
    )
    camps = derive(
        "camp_rate", "GULAG camps: deaths / mean of 1 January populations (derived)", "per 1,000",
        [deaths, january, following], lambda d, a, b: 1000.0 * d / ((a + b) / 2),
        "1000 * deaths(year) / ((inmates 1 Jan year + inmates 1 Jan year+1) / 2)",
    )
    printed = yearly(
        data, "certificate_rate", "camps and colonies: mortality certificate (printed % x 10)",
        "camps_and_colonies", "death_rate_pct_of_average", years, stock=False, unit=PERCENT,
    )
    certificate = replace(
        printed, unit="per 1,000", y=[10.0 * v for v in printed.y],
        note="printed percent of the average list strength, times 10",
    )
    fig, ax = axes(ax)
    draw_line(ax, certificate, C["green"], "s", linestyle="--")
    draw_line(ax, camps, C["vermillion"], "o")
    year_axis(ax, years, "year", every=2)
    ax.set_ylabel("deaths per 1,000 inmates")
    ax.set_ylim(0, None)
    thousands(ax)
    return finish(
        fig, ax, "Deaths in the GULAG per 1,000 inmates, 1934-1953",
        notes=[
            "Camp rate: deaths during the year / mean of the camp populations on 1 January of the year and of the "
            "next, x 1,000 (a derived value, as unsure as its weakest input). Certificate: the OURZ GULAG "
            "'spravka o smertnosti' (camps and colonies together), printed percent of the average list strength x 10; "
            "its 1934 row counts the camps only and is not drawn.",
        ],
    )


def plot_nkvd_sentences(record: Record, data: pd.DataFrame | None = None, ax: Axes | None = None) -> Figure:
    """Sentences on cases of the secret police (VChK-OGPU-NKVD-MGB), 1921 to mid-1953, and the share shot.

    Stacked bars: persons sentenced each year to death, to camps, colonies and
    prisons, to exile, and to other measures (a kind of sentence without a
    value in a year has no segment there); the printed yearly total as a dash;
    on the right scale, the share sentenced to death (derived: death sentences
    / total).

    Parameters
    ----------
    record : Record
        The record to draw from (its tables, with its overlay).
    data : pandas.DataFrame, optional
        Long table ``nkvd_sentences`` (default: loaded).
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: a new figure); a twin axes is added for the share.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> fig = plot_nkvd_sentences(default_record())
    >>> fig.axes[1].get_ylabel()
    'sentenced to death (percent of all sentenced)'
    """
    data = figure_data(data, ("nkvd_sentences",), record)
    population = "cases_of_secret_police"
    totals = preferred_rows(data, population, "sentenced_total", PERSONS)
    periods = sorted(
        (p for p in totals.index if _within_one_year(p)), key=lambda p: period_bounds(p)[0]
    )
    x = [period_bounds(p)[0].year for p in periods]
    parts = [
        (by_period(data, m, label, population, m, periods, x), color)
        for m, label, color in (
            ("sentenced_to_death", "to death", C["vermillion"]),
            ("sentenced_to_camps_colonies_prisons", "to camps, colonies, prisons", C["blue"]),
            ("sentenced_to_exile", "to exile", C["green"]),
            ("sentenced_other", "other measures", C["sky_blue"]),
        )
    ]
    total = by_period(
        data, "sentenced_total", "all sentenced (printed total)", population, "sentenced_total", periods, x
    )
    shot = derive(
        "share_shot", "share sentenced to death (derived)", PERCENT, [parts[0][0], total],
        lambda d, t: 100.0 * d / t, "100 * sentenced_to_death / sentenced_total",
    )
    fig, ax = axes(ax)
    bottom = [0.0] * len(x)
    for s, color in parts:
        draw_bars(ax, s, color, width=0.75, bottom=bottom)
        bottom = [b + (v if v == v else 0.0) for b, v in zip(bottom, s.y)]
    draw_line(ax, total, C["black"], "_", linestyle="none", markersize=16)
    right = ax.twinx()
    draw_line(right, shot, C["black"], "D", linestyle=":")
    right.set_ylim(0, 100)
    right.set_ylabel("sentenced to death (percent of all sentenced)")
    ticks = [y for y in x if y % 4 == 1]
    ax.set_xticks([*ticks, x[-1]])
    ax.set_xticklabels([str(y) for y in ticks] + [_short_label(periods[-1])])
    ax.set_xlim(x[0] - 0.7, x[-1] + 0.7)
    ax.set_xlabel("year of sentence")
    ax.set_ylabel("persons sentenced")
    thousands(ax)
    notes = []
    for measure, what in (("sentenced_total", "sentenced"), ("sentenced_to_death", "sentenced to death")):
        for period, row in preferred_rows(data, population, measure, PERSONS).iterrows():
            start, end = period_bounds(period)
            if start and end and end.year - start.year > 10 and pd.notna(row["value"]):
                span = period.replace("/", " to ")
                notes.append(f"Printed total {span}: {row['value']:,.0f} {what} ({row['source']}).")
    return finish(
        fig, ax, "Sentences on cases of the secret police (VChK-OGPU-NKVD-MGB), 1921 to mid-1953",
        notes=notes, twins=[right],
    )


def _within_one_year(period: str) -> bool:
    start, end = period_bounds(period)
    return start is not None and end is not None and start.year == end.year


def _short_label(period: str) -> str:
    start, end = period_bounds(period)
    if start is None or end is None or (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return period_label(period)
    return f"{start.year}\n({start:%b}-{end:%b})"


def disagreements(data: pd.DataFrame) -> list[pd.DataFrame]:
    """The cells with more than one distinct published value, each as its rows (preferred first).

    Examples
    --------
    >>> import gulagstats
    >>> from gulagstats.figures.extra import disagreements
    >>> cells = disagreements(gulagstats.load("appendix").assign(table="appendix"))
    >>> any(c["period"].iloc[0] == "1946-01-01" and c["measure"].iloc[0] == "inmates" for c in cells)
    True
    """
    frame = data.assign(category=data["category"].fillna("")) if "category" in data else data.assign(category="")
    if "table" not in frame:
        frame = frame.assign(table=str(data.attrs.get("table", "")))
    frame = frame[frame["value"].notna()]
    cells = frame.groupby(DISAGREEMENT_KEY, sort=True, observed=True)
    preferred = frame["preferred"].fillna(False).astype(bool)
    several = (cells["value"].transform("nunique") >= 2) & (preferred.groupby([frame[k] for k in DISAGREEMENT_KEY]).transform("sum") == 1)
    out = []
    for _key, rows in frame[several].groupby(DISAGREEMENT_KEY, sort=True, observed=True):  # the rest cannot disagree
        preferred = rows[rows["preferred"].fillna(False).astype(bool)]
        if rows["value"].nunique() < 2 or len(preferred) != 1 or float(preferred["value"].iloc[0]) == 0:
            continue
        out.append(pd.concat([preferred, rows.drop(preferred.index)]))
    return out


def plot_source_disagreement(data: pd.DataFrame, ax: Axes | None = None) -> Figure:
    """Every cell whose sources print different values: the values side by side, with their sources.

    One row a cell (the table's value and its alternatives written under the
    cell's name); the points place each value by its difference from the
    table's value, in percent, on a symmetric logarithmic scale (so that a
    transposed digit and a different series both show).  Cells whose sources
    agree are left out.

    Parameters
    ----------
    data : pandas.DataFrame
        Long tables of cells with a ``table`` column (:func:`~gulagstats.figures.select.load_cells`).
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: a new figure sized to the number of cells).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> from gulagstats.figures.select import load_cells
    >>> record = default_record()
    >>> fig = plot_source_disagreement(load_cells(record.cell_tables(), record))
    >>> fig.axes[0].get_xscale()
    'symlog'
    """
    cells = disagreements(data)
    fig, ax = axes(ax, figsize=(11.0, 1.6 + 0.62 * max(len(cells), 1)))
    labels = []
    biggest = 0.0
    for row, rows in enumerate(cells):
        preferred = float(rows["value"].iloc[0])
        s = Series(
            key=":".join(str(rows[k].iloc[0]) for k in DISAGREEMENT_KEY), label=_cell_name(rows), unit=str(rows["unit"].iloc[0]),
            x=[round(100.0 * (float(v) / preferred - 1), 6) for v in rows["value"]],
            y=[float(v) for v in rows["value"]], status=[str(v) for v in rows["status"]],
            source=[str(v) for v in rows["source"]], note="x: difference from the table's value, percent",
            extra={"preferred": [True] + [False] * (len(rows) - 1)},
        )
        for i in range(len(s.x)):  # each mark sized by the weight of its disagreement: persons apart
            draw_points(ax, s.key, [s.x[i]], [row], [s.status[i]], C["blue"], "o",
                        markersize=_weight_size(abs(s.y[i] - preferred), s.unit))
        (ring,) = ax.plot(
            [0.0], [row], linestyle="none", marker="o", markersize=14, fillstyle="none", color=C["black"],
            markeredgewidth=1.2, zorder=2, label="the table's value (preferred)" if row == 0 else None,
        )
        ring.set_gid(f"{s.key}:preferred")
        remember_series(ax, s)
        biggest = max(biggest, *(abs(v) for v in s.x))
        values = "   ".join(
            f"{_estimate_text(v)} {src}" + (" corrected" if st == CORRECTED else "") + (" (table)" if i == 0 else "")
            for i, (v, src, st) in enumerate(zip(s.y, s.source, s.status, strict=True))
        )
        labels.append(f"{s.label}\n{values}")
    ax.set_yticks(range(len(cells)))
    ax.set_yticklabels(labels, fontsize=8)
    ax.set_ylim(len(cells) - 0.5, -0.5)
    nonzero = [abs(v) for s in plotted(fig) for v in s.x if v != 0] or [1.0]
    smallest = 10.0 ** math.floor(math.log10(min(nonzero)))
    ax.set_xscale("symlog", linthresh=smallest, linscale=1.0)
    ticks = [10.0**e for e in range(round(math.log10(smallest)), 3) if 10.0**e <= biggest * 1.5]
    ax.set_xticks([-t for t in reversed(ticks)] + [0] + ticks)
    keep = {t for i, t in enumerate(reversed(ticks)) if i % 2 == 0}  # every other decade: labels never collide
    ax.set_xticklabels([f"{-t:g}%" if t in keep else "" for t in reversed(ticks)] + ["0"]
                       + [f"+{t:g}%" if t in keep else "" for t in ticks], fontsize=8.5)
    ax.set_xlim(-max(biggest, smallest) * 2, max(biggest, smallest) * 2)
    ax.axvline(0, color=NEUTRAL, linewidth=0.8, zorder=1)
    ax.set_xlabel("difference from the table's value (percent; symmetric logarithmic scale)")
    return finish(
        fig, ax, f"Where sources disagree: {len(cells)} cells with more than one published value",
        notes=["Each row is one cell: its table, what is counted, the period; under it every value printed for "
               "it, with its source. Cells whose sources agree are left out.",
               "The size of a mark grows with the number of persons between the value and the table's value "
               "(a one-person typo is small, a dispute over 146,000 prisoners large); percentages are drawn small."],
        grid="both",
    )


def _weight_size(apart: float, unit: str) -> float:
    """Marker size of a disagreement: 4 points, growing with the log of the persons apart.

    Examples
    --------
    >>> _weight_size(0, "persons"), round(_weight_size(146_000, "persons"), 1), _weight_size(0.2, "percent")
    (4.0, 15.4, 4.0)
    """
    if unit != PERSONS or math.isnan(apart):
        return 4.0
    return 4.0 + 2.2 * math.log10(1.0 + apart)


def _cell_name(rows: pd.DataFrame) -> str:
    first = rows.iloc[0]
    what = " ".join(str(first[k]) for k in ("population", "measure", "category") if str(first[k]))
    return f"{first['table']}: {what}, {first['period']}"


def _estimate_text(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


#: Columns of :func:`gulagstats.compare` the estimates figure reads.
ESTIMATE_COLUMNS = (
    "author", "year", "quantity", "period", "low", "high", "source", "status",
    "benchmark_low", "benchmark_high", "benchmark_source", "verdict", "factor",
)
BAND = "#d9d9d9"
BENCHMARK_LABEL = "archival benchmark (low to high)"
ESTIMATE_LABEL = "estimate: a number, low to high, or an arrow from a bound"  # kept for callers
#: How far (a factor, on the log scale) the arrow of an open-ended estimate ("at least 5 million") reaches.
OPEN_END = 2.5


def plot_estimates(data: pd.DataFrame, ax: Axes | None = None) -> Figure:
    """Every published estimate against the archival benchmark, grouped by what it counts.

    Each estimate is a point (a single number) or a bar from its low to its
    high end, in the style of its status, on a logarithmic scale; the grey
    band behind it runs from the low to the high end of the archival
    benchmark it is compared with (a single line when the benchmark is one
    number).  The verdict and factor of the comparison are written beside it.

    Parameters
    ----------
    data : pandas.DataFrame
        The comparison as returned by :func:`gulagstats.compare`,
        with at least the columns of :data:`ESTIMATE_COLUMNS`.
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: a new figure sized to the number of estimates).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import gulagstats
    >>> fig = plot_estimates(gulagstats.compare())
    >>> fig.axes[0].get_xscale()
    'log'
    """
    from matplotlib.ticker import NullFormatter  # matplotlib: only when drawing

    absent = [c for c in ESTIMATE_COLUMNS if c not in data.columns]
    if absent:
        raise DataFormatError(
            f"estimates data lack column(s) {', '.join(absent)}; pass the frame gulagstats.compare() returns"
        )
    low, high = (pd.to_numeric(data[c], errors="coerce").astype(float) for c in ("low", "high"))
    persons = data["unit"] == PERSONS if "unit" in data.columns else pd.Series(True, index=data.index)
    usable = ((low > 0) | (high > 0)) & persons
    frame = data[usable].assign(low=low[usable], high=high[usable], _order=low[usable].fillna(high[usable]))
    groups = list(frame.groupby("quantity", sort=True))
    fig, ax = axes(ax, figsize=(11.0, 1.8 + 0.24 * (len(frame) + len(groups))))
    ticks, labels, headers, benchmark_sources = [], [], [], set()
    row = 0
    for quantity, group in groups:
        ticks.append(row)
        labels.append(str(quantity).replace("_", " "))
        headers.append(row)
        group = group.assign(_year=pd.to_numeric(group["year"], errors="coerce")).sort_values(
            ["_year", "_order", "high"], kind="stable", na_position="last"
        )  # by year of publication: the historiography reads down each group
        rows = list(range(row + 1, row + 1 + len(group)))
        row = rows[-1] + 1
        s = _estimate_series(str(quantity), group)
        _draw_benchmarks(ax, s, rows)
        _draw_estimates(ax, s, rows)
        remember_series(ax, s)
        benchmark_sources |= {k.strip() for keys in group["benchmark_source"].dropna() for k in str(keys).split(";")}
        ticks += rows
        labels += [f"{a} ({_year(y)}), {p}" if str(p) else f"{a} ({_year(y)})"
                   for a, y, p in zip(group["author"], group["year"], group["period"].fillna(""))]
    _estimate_axes(fig, ax, ticks, labels, headers, row, frame)
    thousands(ax, "x")
    ax.xaxis.set_minor_formatter(NullFormatter())
    return finish(
        fig, ax, f"Published estimates against the archival record: {len(frame)} estimates",
        closing="Every estimate is drawn with the status of its source; a benchmark is what the archival data "
        "document.",
        notes=[
            "Grey band: the archival benchmark each estimate is compared with (low to high). Colour: the verdict. "
            "Beside each estimate: the verdict and the factor by which it exceeds (or falls short of) the benchmark, "
            "as a range from the conservative reading (its low end over the benchmark's high end) to the highest.",
            "Within each quantity, estimates are ordered by year of publication; n.d.: year not recorded.",
            "Benchmark sources: " + (", ".join(sorted(benchmark_sources - {""})) or "none") + ".",
            *([f"{len(data) - len(frame)} estimates in other units (percent, persons a year...) are not drawn."]
              if len(frame) < len(data) else []),
        ],
        grid="both",
    )


def _estimate_axes(fig: Figure, ax: Axes, ticks: list[int], labels: list[str], headers: list[int], rows: int,
                   frame: pd.DataFrame) -> None:
    """The rows of the estimates figure labelled (quantities in bold), and a log scale of whole decades."""
    ax.set_xscale("log")
    ax.set_yticks(ticks)
    ax.set_yticklabels(labels, fontsize=8)
    for tick, header in zip(ax.get_yticklabels(), [t in headers for t in ticks]):
        if header:
            tick.set_fontweight("bold")
    ax.set_ylim(max(rows, 1) - 0.5, -0.5)
    ax.set_xlabel("persons (logarithmic scale)")
    values = [v for s in plotted(fig) for v in [*s.y, *(s.high or []), *s.extra.get("benchmark_low", []),
                                                  *s.extra.get("benchmark_high", [])] if v and v == v]
    values += [v * OPEN_END for v in frame["low"][frame["high"].isna()]]
    if values:  # whole decades, so that the ends are labelled, and a decade more for the verdicts
        ax.set_xlim(10 ** math.floor(math.log10(min(values))), 10 ** (math.ceil(math.log10(max(values))) + 1))


def _year(value: object) -> str:
    number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
    return str(int(number)) if pd.notna(number) else "n.d."


def _estimate_series(quantity: str, group: pd.DataFrame) -> Series:
    def numbers(column: str) -> list[float]:
        return [float(v) if pd.notna(v) else math.nan for v in pd.to_numeric(group[column], errors="coerce")]

    factor_low, factor_high = _factor_range(group)
    return Series(
        key=f"estimates:{quantity}", label=quantity, unit=PERSONS,
        x=[f"{a} ({_year(y)})" for a, y in zip(group["author"], group["year"])],
        y=numbers("low"), high=numbers("high"),
        status=[str(v) for v in group["status"]], source=[str(v) for v in group["source"]],
        extra={
            "benchmark_low": [None if math.isnan(v) else v for v in numbers("benchmark_low")],
            "benchmark_high": [None if math.isnan(v) else v for v in numbers("benchmark_high")],
            "verdict": [str(v) if pd.notna(v) else None for v in group["verdict"]],
            "factor": [None if math.isnan(v) else round(v, 6) for v in numbers("factor")],
            "factor_low": [None if math.isnan(v) else round(v, 6) for v in factor_low],
            "factor_high": [None if math.isnan(v) else round(v, 6) for v in factor_high],
        },
    )


#: Colour of each verdict of the comparison (Okabe-Ito; not comparable in grey).
VERDICT_COLOR = {
    OVERSTATES: C["vermillion"],
    UNDERSTATES: C["blue"],
    CONSISTENT: C["green"],
    NOT_CONTRADICTED: C["sky_blue"],
    NOT_COMPARABLE: "#9a9a9a",
    "": C["purple"],  # context: GRZ's spread of other authors' estimates, shown but not scored
}

def _verdict_words(verdict: str | None) -> str:
    """The words for a verdict in the legend and beside a row ("" is a context row, not scored)."""
    return "context, not scored" if not verdict else str(verdict).replace("_", " ")


def _verdict_color(verdict: str | None) -> str:
    return VERDICT_COLOR.get(str(verdict), C["vermillion"])


def _factor_range(group: pd.DataFrame) -> tuple[list[float], list[float]]:
    """Each estimate's factor range: the compare() columns when present, else low/benchmark high to high/low.

    Examples
    --------
    >>> rows = pd.DataFrame({"low": [7e6], "high": [8e6], "benchmark_low": [1.5e6], "benchmark_high": [2.5e6]})
    >>> [round(v[0], 2) for v in _factor_range(rows)]
    [2.8, 5.33]
    """
    if {"factor_low", "factor_high"} <= set(group.columns):
        pair = [pd.to_numeric(group[c], errors="coerce").astype(float) for c in ("factor_low", "factor_high")]
        return pair[0].tolist(), pair[1].tolist()
    low = pd.to_numeric(group["low"], errors="coerce").astype(float)
    high = pd.to_numeric(group["high"], errors="coerce").astype(float).fillna(low)
    b_low = pd.to_numeric(group["benchmark_low"], errors="coerce").astype(float)
    b_high = pd.to_numeric(group["benchmark_high"], errors="coerce").astype(float).fillna(b_low)
    return (low / b_high).tolist(), (high / b_low).tolist()


def _verdict_text(verdict: str | None, factor: float | None, low: float | None, high: float | None) -> str:
    """The verdict with its factor, as a range when the estimate or the benchmark is one.

    Examples
    --------
    >>> _verdict_text("overstates", 4.44, 2.8, 4.44), _verdict_text("overstates", 6.1, 6.1, 6.1)
    ('overstates (x2.8 to x4.4)', 'overstates (x6.1)')
    >>> _verdict_text("not_comparable", None, None, None)
    'not comparable'
    """
    text = _verdict_words(verdict)
    if factor is None or not verdict:
        return text
    if low is None or high is None or f"{low:.2g}" == f"{high:.2g}":
        return f"{text} (x{factor:.3g})"
    return f"{text} (x{low:.2g} to x{high:.2g})"


def _draw_benchmarks(ax: Axes, s: Series, rows: list[int]) -> None:
    from matplotlib.patches import Rectangle  # matplotlib: only when drawing

    named = any(p.get_label() == BENCHMARK_LABEL for p in ax.patches)
    edges = []
    for pos, low, high in zip(rows, s.extra["benchmark_low"], s.extra["benchmark_high"]):
        if low is None:
            continue
        high = low if high is None else high
        band = Rectangle((low, pos - 0.5), high - low, 1.0, facecolor=BAND, edgecolor="none", zorder=1,
                         label=None if named else BENCHMARK_LABEL)
        band.set_gid(f"benchmark:{s.label}")
        ax.add_patch(band)
        named = True
        edges += [(low, pos), (high, pos)]
    if edges:  # the ends of every band of the group, as one collection
        ax.vlines([x for x, _ in edges], [y - 0.5 for _, y in edges], [y + 0.5 for _, y in edges],
                  colors=NEUTRAL, linewidth=1.0, zorder=1.5)


def _draw_estimates(ax: Axes, s: Series, rows: list[int]) -> None:
    """Points at the known ends, a bar between two ends, an arrow from a lone lower or upper bound."""
    high = s.high or [math.nan] * len(rows)
    ranged = [i for i in range(len(rows)) if high[i] > s.y[i]]
    if ranged:
        lines = ax.hlines([rows[i] for i in ranged], [s.y[i] for i in ranged], [high[i] for i in ranged],
                          colors=[_verdict_color(s.extra["verdict"][i]) for i in ranged], linewidth=2.5, zorder=2)
        lines.set_gid(f"{s.key}:range")
    for verdict in dict.fromkeys(s.extra["verdict"]):
        ends = [(v, rows[i], s.status[i]) for i in range(len(rows)) if s.extra["verdict"][i] == verdict
                for v in {s.y[i], high[i]} if v == v]
        label = f"verdict: {_verdict_words(verdict)}"
        named = any(line.get_label() == label for line in ax.lines)
        draw_points(ax, s.key, [e[0] for e in ends], [e[1] for e in ends], [e[2] for e in ends],
                    _verdict_color(verdict), "o", label=None if named else label)
    for i, pos in enumerate(rows):
        right = high[i] if high[i] == high[i] else s.y[i] * OPEN_END
        if (s.y[i] == s.y[i]) != (high[i] == high[i]):  # only one end: "at least" or "at most"
            start, end = (s.y[i], right) if high[i] != high[i] else (high[i], high[i] / OPEN_END)
            arrow = ax.annotate("", xy=(end, pos), xytext=(start, pos), zorder=2,
                                arrowprops={"arrowstyle": "->", "color": _verdict_color(s.extra["verdict"][i]),
                                            "linewidth": 1.5})
            arrow.set_gid(f"{s.key}:open")
        verdict, factor = s.extra["verdict"][i], s.extra["factor"][i]
        text = _verdict_text(verdict, factor, s.extra["factor_low"][i], s.extra["factor_high"][i])
        if text:
            ax.annotate(text, xy=(right, pos), xytext=(8, 0), textcoords="offset points", va="center",
                        fontsize=8, color=_verdict_color(verdict) if verdict != NOT_COMPARABLE else "#666666")
