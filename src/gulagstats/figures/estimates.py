"""The estimates figure: every published claim the record can judge, against its archival benchmark."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from ..errors import DataFormatError
from ..estimates.tally import Counts, counts
from ..vocabulary import (
    CONSISTENT,
    DEPENDS_ON_READING,
    DEPENDS_ON_SOURCE,
    NOT_COMPARABLE,
    NOT_CONTRADICTED,
    OVERSTATES,
    PERSONS,
    UNDERSTATES,
)
from .select import Series
from .style import NEUTRAL, axes, draw_points, finish, plotted, thousands
from .style import OKABE_ITO as C
from .style import record as remember_series

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

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
    """Every published claim the record can judge, against its archival benchmark, grouped by what it counts.

    A claim is drawn once (restatements of one claim are a group, its first
    row drawn), and only if the record judges it: context rows and claims
    the record cannot be set against are counted in the notes, not drawn
    beside counts they have nothing to do with.  Each claim is a point (a
    single number) or a bar from its low to its high end, in the style of its
    status, on a logarithmic scale; the grey band behind it runs from the low
    to the high end of the archival benchmark it is compared with, and a grey
    arrow marks a benchmark that is only a floor (pointing up) or a ceiling
    (pointing down).  The verdict and factor are written beside it; a verdict
    that depends on the reading or the source says so.

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
    absent = [c for c in ESTIMATE_COLUMNS if c not in data.columns]
    if absent:
        raise DataFormatError(
            f"estimates data lack column(s) {', '.join(absent)}; pass the frame gulagstats.compare() returns"
        )
    judged = _judged_claims(data)
    low, high = (pd.to_numeric(judged[c], errors="coerce").astype(float) for c in ("low", "high"))
    persons = judged["unit"] == PERSONS if "unit" in judged.columns else pd.Series(True, index=judged.index)
    usable = ((low > 0) | (high > 0)) & persons
    frame = judged[usable].assign(low=low[usable], high=high[usable], _order=low[usable].fillna(high[usable]))
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
    _axes_of_claims(fig, ax, (ticks, labels, headers), row, frame)
    counted = counts(data) if {"role", "group"} <= set(data.columns) else None
    told = (f"{counted.comparable} of {counted.claims} distinct claims in {counted.estimates} published estimates"
            if counted else f"{len(frame)} estimates")
    return finish(
        fig, ax, f"Published estimates against the archival record: {told}",
        closing="Every estimate is drawn with the status of its source; a benchmark is what the archival data "
        "document.",
        notes=[
            "Grey band: the archival benchmark each claim is compared with (low to high); a grey arrow up: the "
            "record documents only a floor (at least), down: only a ceiling (at most). Colour: the verdict. "
            "Beside each claim: the verdict and the factor by which it exceeds (or falls short of) the benchmark, "
            "as a range from the conservative reading to the highest; 'depends on reading' or 'on source' where "
            "the readings or the published values disagree.",
            "Within each quantity, claims are ordered by year of publication; n.d.: year not recorded.",
            "Benchmark sources: " + (", ".join(sorted(benchmark_sources - {""})) or "none") + ".",
            *([_left_out(counted, len(frame))] if counted else []),
        ],
        grid="both",
    )


def _axes_of_claims(fig: Figure, ax: Axes, rows: tuple[list[int], list[str], list[int]], last: int,
                    frame: pd.DataFrame) -> None:
    """The claims' axes: one labelled row a claim (quantities in bold), persons on a log scale in whole decades."""
    from matplotlib.ticker import NullFormatter  # matplotlib: only when drawing

    ticks, labels, headers = rows
    ax.set_xscale("log")
    ax.set_yticks(ticks)
    ax.set_yticklabels(labels, fontsize=8)
    for tick, header in zip(ax.get_yticklabels(), [t in headers for t in ticks]):
        if header:
            tick.set_fontweight("bold")
    ax.set_ylim(max(last, 1) - 0.5, -0.5)
    ax.set_xlabel("persons (logarithmic scale)")
    values = [v for s in plotted(fig) for v in [*s.y, *(s.high or []), *s.extra.get("benchmark_low", []),
                                                  *s.extra.get("benchmark_high", [])] if v and v == v]
    values += [v * OPEN_END for v in frame["low"][frame["high"].isna()]]
    if values:  # whole decades, so that the ends are labelled, and a decade more for the verdicts
        ax.set_xlim(10 ** math.floor(math.log10(min(values))), 10 ** (math.ceil(math.log10(max(values))) + 1))
    thousands(ax, "x")
    ax.xaxis.set_minor_formatter(NullFormatter())


def _judged_claims(data: pd.DataFrame) -> pd.DataFrame:
    """The rows the figure draws: one a claim (the first of a group), judged by the record (not context)."""
    if "verdict" not in data.columns:
        return data
    judged = data[~data["verdict"].fillna("").isin(["", NOT_COMPARABLE])]
    if "group" in judged.columns:
        judged = judged[~judged["group"].fillna(judged.get("id", "")).duplicated()]
    return judged


def _left_out(counted: Counts, drawn: int) -> str:
    """What the figure does not draw, counted as the report and compare count it."""
    refused = counted.claims - counted.comparable
    other = counted.comparable - drawn
    return (f"Not drawn: {refused} claims the record cannot be set against (no series, another place or unit, "
            f"no date), {counted.context} context rows"
            + (f", {other} claims in other units (percent)" if other else "")
            + "; restatements of one claim are drawn once.")


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
            "bound": [str(v) if pd.notna(v) else "" for v in group.get("bound", pd.Series("", index=group.index))],
        },
    )


#: Colour of each verdict of the comparison (Okabe-Ito; not comparable in grey).
VERDICT_COLOR = {
    OVERSTATES: C["vermillion"],
    UNDERSTATES: C["blue"],
    CONSISTENT: C["green"],
    NOT_CONTRADICTED: C["sky_blue"],
    NOT_COMPARABLE: "#9a9a9a",
    DEPENDS_ON_READING: C["orange"],
    DEPENDS_ON_SOURCE: C["yellow"],
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
    if verdict in (DEPENDS_ON_READING, DEPENDS_ON_SOURCE):
        return text
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
        bound = s.extra.get("bound", [""] * len(rows))[rows.index(pos)]
        if bound in ("floor", "ceiling"):  # the record documents one side only: an arrow into the open side
            start, end = (low, low * OPEN_END) if bound == "floor" else (high, high / OPEN_END)
            arrow = ax.annotate("", xy=(end, pos - 0.3), xytext=(start, pos - 0.3), zorder=1.5,
                                arrowprops={"arrowstyle": "->", "color": NEUTRAL, "linewidth": 1.0})
            arrow.set_gid(f"benchmark:{s.label}:{bound}")
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
