"""The visual grammar of gulagstats figures: how a point shows where it comes from.

One place decides how every status looks, so that all figures read alike:

=============  ==============================  ==========================================
status         points (markers)                bars
=============  ==============================  ==========================================
prose          filled                          filled
confirmed      filled                          filled
derived        half-filled                     pale fill, hatched ``////``
unconfirmed    hollow                          hollow, dashed outline
user           star                            filled, cross-hatched ``xx``
missing        a gap in the line, ``×`` on     no bar, ``×`` on the axis
               the axis
=============  ==============================  ==========================================

Series are told apart by colour (the Okabe-Ito palette, readable by
colour-blind readers) and also by marker and line style, so figures survive
greyscale printing.  Every figure gets a title, axis labels with units,
thousands separators, a legend of the series, a legend of the statuses it
shows, and a footer naming the source keys of the plotted values
(``gulagstats sources`` gives the citations).
"""

from __future__ import annotations

import os
import sys
import textwrap
import warnings
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..vocabulary import CONFIRMED, CORRECTED, DERIVED, MISSING, PROSE, UNCONFIRMED, USER
from .select import Series

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: The Okabe-Ito palette (Okabe & Ito 2008), distinguishable with any colour vision.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}

#: Neutral colour of the status legend and of missing-value marks.
NEUTRAL = "#555555"

#: What each status means, as the status legend says it.
STATUS_LABEL: dict[str, str] = {
    "seen": "prose or confirmed: filled",
    DERIVED: "derived (arithmetic): half-filled, hatched",
    UNCONFIRMED: "unconfirmed (no copy seen): hollow",
    USER: "user (your overlay): star, cross-hatched",
    MISSING: "missing: gap in the line, × at the foot",
}

PREFERRED_ONLY = "Each cell's preferred value (the table's value) is drawn; values are never interpolated."
DERIVED_HATCH = "////"
USER_HATCH = "xx"
FIGURE_SIZE = (11.0, 6.2)


def pyplot() -> Any:
    """Import and return ``matplotlib.pyplot``, choosing Agg if no backend is set.

    A backend chosen by the user (``MPLBACKEND``, a matplotlibrc, or an earlier
    ``matplotlib.use``) is kept; only the automatic choice is replaced, so that
    figures can be drawn without a display.

    Examples
    --------
    >>> plt = pyplot()
    >>> plt.__name__
    'matplotlib.pyplot'
    """
    matplotlib = import_matplotlib()
    if (
        "matplotlib.pyplot" not in sys.modules
        and not os.environ.get("MPLBACKEND")
        and matplotlib.rcParams._get_backend_or_none() is None  # no backend chosen yet
    ):
        matplotlib.use("Agg")
    try:
        import matplotlib.pyplot as plt  # matplotlib: only when drawing
    except (ImportError, ValueError) as exc:  # a backend whose toolkit is absent: draw with Agg
        _fall_back(str(exc))
        matplotlib.use("Agg", force=True)
        import matplotlib.pyplot as plt  # matplotlib: only when drawing

    return plt


def _fall_back(reason: str) -> None:
    warnings.warn(f"matplotlib backend unusable ({reason.splitlines()[0][:120]}); drawing with Agg", stacklevel=3)


def import_matplotlib() -> Any:
    """Import matplotlib; if ``MPLBACKEND`` names a backend it cannot use, fall back to Agg (with a warning).

    A Jupyter kernel passes ``MPLBACKEND=module://matplotlib_inline.backend_inline``
    to ``!gulagstats figures``, which fails when matplotlib_inline is not installed.

    Examples
    --------
    >>> import_matplotlib().__name__
    'matplotlib'
    """
    try:
        import matplotlib  # matplotlib: only when drawing
    except ValueError as exc:
        if not os.environ.get("MPLBACKEND"):
            raise
        os.environ.pop("MPLBACKEND")
        for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
            del sys.modules[name]
        import matplotlib  # matplotlib: only when drawing

        matplotlib.use("Agg")
        _fall_back(str(exc))
    return matplotlib


def axes(ax: Axes | None, figsize: tuple[float, float] = FIGURE_SIZE) -> tuple[Figure, Axes]:
    """The figure and axes to draw on: the given axes, or a new figure of ``figsize`` inches.

    Examples
    --------
    >>> fig, ax = axes(None)
    >>> tuple(fig.get_size_inches()) == FIGURE_SIZE, axes(ax)[1] is ax
    (True, True)
    """
    if ax is not None:
        return ax.figure, ax
    return pyplot().subplots(figsize=figsize)


def _seen(status: str) -> str:
    if status == CORRECTED:  # an erratum: arithmetic on a seen printing, drawn as derived
        return DERIVED
    return "seen" if status in (PROSE, CONFIRMED) else status


def marker_style(status: str, color: str, marker: str) -> dict[str, Any]:
    """Line2D keyword arguments for the markers of points with ``status``.

    Examples
    --------
    >>> marker_style("unconfirmed", "#0072B2", "o")["fillstyle"], marker_style("user", "#0072B2", "o")["marker"]
    ('none', '*')
    """
    kind = _seen(status)
    style: dict[str, Any] = {"color": color, "marker": marker, "markersize": 7, "markeredgecolor": color}
    if kind == DERIVED:
        style.update(fillstyle="bottom", markerfacecoloralt="white", markerfacecolor=color)
    elif kind == UNCONFIRMED:
        style.update(fillstyle="none", markeredgewidth=1.5)
    elif kind == USER:
        style.update(marker="*", markersize=13, markerfacecolor=color, markeredgecolor="black")
    else:
        style.update(fillstyle="full", markerfacecolor=color)
    return style


def bar_style(status: str, color: str) -> dict[str, Any]:
    """Rectangle keyword arguments for a bar whose value has ``status``.

    Examples
    --------
    >>> bar_style("derived", "#0072B2")["hatch"], bar_style("unconfirmed", "#0072B2")["linestyle"]
    ('////', '--')
    """
    kind = _seen(status)
    if kind == DERIVED:
        return {"facecolor": _pale(color), "edgecolor": color, "hatch": DERIVED_HATCH, "linewidth": 1.0}
    if kind == UNCONFIRMED:
        return {"facecolor": "white", "edgecolor": color, "linestyle": "--", "linewidth": 1.4}
    if kind == USER:
        return {"facecolor": color, "edgecolor": "black", "hatch": USER_HATCH, "linewidth": 1.0}
    return {"facecolor": color, "edgecolor": color, "linewidth": 1.0}


def _pale(color: str) -> tuple[float, float, float]:
    from matplotlib.colors import to_rgb  # matplotlib: only when drawing

    return tuple(1 - 0.55 * (1 - c) for c in to_rgb(color))  # type: ignore[return-value]


def record(ax: Axes, *series: Series) -> None:
    """Remember the series drawn on ``ax`` (for the footer and the manifest).

    Examples
    --------
    >>> from gulagstats.figures.select import Series
    >>> s = Series("camps", "camps", "persons", [1939, 1940], [1317195.0, float("nan")], ["confirmed", "missing"],
    ...            ["grz1993", ""])
    >>> fig, ax = axes(None)
    >>> record(ax, s)
    >>> [p.key for p in plotted(fig)]
    ['camps']
    """
    plotted = ax.figure.__dict__.setdefault("gulagstats_series", [])
    plotted.extend(series)


def plotted(fig: Figure) -> list[Series]:
    """The series drawn on a figure by gulagstats, in drawing order.

    Examples
    --------
    >>> import gulagstats
    >>> [s.key for s in plotted(gulagstats.figure_c())]
    ['camps', 'colonies']
    """
    return list(getattr(fig, "gulagstats_series", []))


def draw_line(
    ax: Axes, s: Series, color: str, marker: str, linestyle: str = "-", zorder: float = 3, markersize: float = 7
) -> None:
    """Draw a series as a line that breaks at gaps, with one marker style per status.

    The line is one artist with ``gid`` = ``s.key`` (its y data hold ``nan`` at
    gaps; it shows its marker only in the legend); the markers of each status
    are another artist with ``gid`` = ``key:status``.

    Examples
    --------
    >>> from gulagstats.figures.select import Series
    >>> s = Series("camps", "camps", "persons", [1939, 1940], [1317195.0, float("nan")], ["confirmed", "missing"],
    ...            ["grz1993", ""])
    >>> fig, ax = axes(None)
    >>> draw_line(ax, s, OKABE_ITO["blue"], "o")
    >>> [line.get_gid() for line in ax.lines]
    ['camps', 'camps:confirmed', 'camps:missing']
    """
    (line,) = ax.plot(
        s.x, s.y, color=color, linestyle=linestyle, linewidth=1.8, label=s.label, zorder=zorder,
        marker=marker, markersize=markersize, markevery=[],
    )
    line.set_gid(s.key)
    known = s.known()
    draw_points(
        ax, s.key, [s.x[i] for i in known], [s.y[i] for i in known], [s.status[i] for i in known], color, marker,
        zorder=zorder + 0.1, markersize=markersize,
    )
    mark_missing(ax, s, color)
    record(ax, s)


def draw_points(
    ax: Axes,
    key: str,
    x: Sequence[Any],
    y: Sequence[float],
    status: Sequence[str],
    color: str,
    marker: str,
    zorder: float = 3,
    markersize: float | None = None,
    label: str | None = None,
) -> None:
    """Draw points in the marker style of their status: one artist a status, ``gid`` = ``key:status``.

    ``markersize`` replaces the size of the status style's marker when that is
    ``marker`` (a ``user`` star keeps its own); ``label`` goes to the first
    artist only.

    Examples
    --------
    >>> fig, ax = axes(None)
    >>> draw_points(ax, "cell", [0.0, 1.5], [0, 0], ["confirmed", "unconfirmed"], OKABE_ITO["blue"], "o")
    >>> [line.get_gid() for line in ax.lines]
    ['cell:confirmed', 'cell:unconfirmed']
    """
    for kind in dict.fromkeys(status):
        idx = [i for i, st in enumerate(status) if st == kind]
        style = marker_style(kind, color, marker)
        if markersize is not None and style["marker"] == marker:
            style["markersize"] = markersize
        (points,) = ax.plot(
            [x[i] for i in idx], [y[i] for i in idx], linestyle="none", zorder=zorder, label=label, **style
        )
        points.set_gid(f"{key}:{kind}")
        label = None


def draw_bars(
    ax: Axes, s: Series, color: str, width: float = 0.8, offset: float = 0.0, bottom: Sequence[float] | None = None
) -> None:
    """Draw a series as bars, each styled by its status; a missing value has no bar.

    Each bar has ``gid`` = ``key:status``; the first carries the legend label.

    Examples
    --------
    >>> from gulagstats.figures.select import Series
    >>> s = Series("camps", "camps", "persons", [1939, 1940], [1317195.0, float("nan")], ["confirmed", "missing"],
    ...            ["grz1993", ""])
    >>> fig, ax = axes(None)
    >>> draw_bars(ax, s, OKABE_ITO["blue"])
    >>> [bar.get_gid() for bar in ax.patches], [line.get_gid() for line in ax.lines]
    (['camps:confirmed'], ['camps:missing'])
    """
    labelled = False
    for i in s.known():
        base = 0.0 if bottom is None else bottom[i]
        (bar,) = ax.bar(
            s.x[i] + offset, s.y[i], width=width, bottom=base, zorder=2,
            label=None if labelled else s.label, **bar_style(s.status[i], color),
        )
        bar.set_gid(f"{s.key}:{s.status[i]}")
        labelled = True
    mark_missing(ax, s, color, offset)
    record(ax, s)


def mark_missing(ax: Axes, s: Series, color: str, offset: float = 0.0) -> None:
    """Put a ``×`` just above the horizontal axis under each missing value of ``s``.

    The marks of successive series on the same axes are staggered upwards, so
    that two series missing the same year stay distinguishable.

    Examples
    --------
    >>> from gulagstats.figures.select import Series
    >>> s = Series("camps", "camps", "persons", [1939, 1940], [1317195.0, float("nan")], ["confirmed", "missing"],
    ...            ["grz1993", ""])
    >>> fig, ax = axes(None)
    >>> mark_missing(ax, s, OKABE_ITO["blue"])
    >>> ax.lines[0].get_gid(), [int(x) for x in ax.lines[0].get_xdata()]
    ('camps:missing', [1940])
    """
    idx = [i for i, status in enumerate(s.status) if status == MISSING]
    if not idx:
        return
    row = ax.figure.__dict__.get("gulagstats_missing_rows", 0)  # per figure: twin axes share the foot
    ax.figure.__dict__["gulagstats_missing_rows"] = row + 1
    (marks,) = ax.plot(
        [s.x[i] + offset for i in idx], [0.02 + 0.035 * row] * len(idx), linestyle="none", marker="x",
        markersize=6, color=color, markeredgewidth=1.5, transform=ax.get_xaxis_transform(), zorder=4,
    )
    marks.set_gid(f"{s.key}:missing")


def thousands(ax: Axes, axis: str = "y") -> None:
    """Format the ticks of an axis with thousands separators (1,317,195).

    Examples
    --------
    >>> fig, ax = axes(None)
    >>> thousands(ax)
    >>> ax.yaxis.get_major_formatter()(1317195, 0)
    '1,317,195'
    """
    from matplotlib.ticker import FuncFormatter  # matplotlib: only when drawing

    fmt = FuncFormatter(lambda v, _pos: f"{v:,.0f}" if abs(v) >= 1 or v == 0 else f"{v:g}")
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(fmt)


def year_axis(ax: Axes, years: Iterable[int], label: str, every: int = 1) -> None:
    """Year ticks (every ``every`` years) and the x label.

    Examples
    --------
    >>> fig, ax = axes(None)
    >>> year_axis(ax, range(1934, 1954), "1 January of each year", every=5)
    >>> [int(t) for t in ax.get_xticks()]
    [1934, 1939, 1944, 1949]
    """
    years = list(years)
    ax.set_xticks(years[::every])
    ax.set_xticklabels([str(y) for y in years[::every]])
    ax.set_xlim(years[0] - 0.7, years[-1] + 0.7)
    ax.set_xlabel(label)


def status_handles(statuses: Iterable[str]) -> tuple[list[Any], list[str]]:
    """Legend handles (marker and bar) for the status styles among ``statuses``.

    Examples
    --------
    >>> handles, labels = status_handles(["prose", "confirmed", "missing"])
    >>> labels
    ['prose or confirmed: filled', 'missing: gap in the line, × at the foot']
    """
    from matplotlib.lines import Line2D  # matplotlib: only when drawing
    from matplotlib.patches import Patch  # matplotlib: only when drawing

    kinds = list(dict.fromkeys(_seen(s) for s in statuses))
    order = [k for k in STATUS_LABEL if k in kinds]
    handles = []
    for kind in order:
        if kind == MISSING:
            handles.append(Line2D([], [], linestyle="none", marker="x", color=NEUTRAL, markeredgewidth=1.5))
            continue
        status = CONFIRMED if kind == "seen" else kind
        handles.append(
            (
                Patch(**bar_style(status, NEUTRAL)),
                Line2D([], [], linestyle="none", **marker_style(status, NEUTRAL, "o")),
            )
        )
    return handles, [STATUS_LABEL[k] for k in order]


def source_keys(series: Iterable[Series]) -> list[str]:
    """The distinct source keys of the plotted points, sorted (a derived point's ``a+b`` counts as both).

    Examples
    --------
    >>> from gulagstats.figures.select import Series
    >>> s = Series("t", "t", "persons", [1939, 1940], [1.0, 2.0], ["derived", "prose"], ["b+a", "a"])
    >>> source_keys([s])
    ['a', 'b']
    """
    keys = {k for s in series for i in s.known() for k in s.source[i].split("+") if k}
    return sorted(keys)


def finish(
    fig: Figure,
    ax: Axes,
    title: str,
    notes: Sequence[str] = (),
    twins: Sequence[Axes] = (),
    closing: str = PREFERRED_ONLY,
    grid: str = "y",
) -> Figure:
    """Add the title, the series legend, the status legend and the sourced footer.

    Both legends stand to the right of the axes (series above, statuses
    below); the footer, under the x axis, names the source keys of every
    plotted value.

    Parameters
    ----------
    fig, ax : Figure, Axes
        What was drawn on.
    title : str
        The figure's title.
    notes : sequence of str
        Caveats printed in the footer (e.g. an appendix note of GRZ).
    twins : sequence of Axes
        Twin axes (a right-hand scale) whose labelled artists join the series legend.
    closing : str
        The footer's last line (by default: only preferred values are drawn).
    grid : str
        The axis whose ticks get light grid lines: ``y``, ``x`` or ``both``.

    Returns
    -------
    Figure
        ``fig``, for chaining.

    Examples
    --------
    >>> from gulagstats.figures.select import Series
    >>> s = Series("camps", "camps", "persons", [1939, 1940], [1317195.0, float("nan")], ["confirmed", "missing"],
    ...            ["grz1993", ""])
    >>> fig, ax = axes(None)
    >>> draw_line(ax, s, OKABE_ITO["blue"], "o")
    >>> fig = finish(fig, ax, "Camp inmates on 1 January")
    >>> ax.get_title(loc="left"), "grz1993" in ax.texts[-1].get_text()
    ('Camp inmates on 1 January', True)
    """
    from matplotlib.legend_handler import HandlerTuple  # matplotlib: only when drawing
    from matplotlib.transforms import offset_copy  # matplotlib: only when drawing

    ax.set_title(title, fontsize=13, loc="left", pad=12)
    right = offset_copy(ax.transAxes, fig=fig, x=70 if twins else 12, units="points")
    handles, labels = [], []
    for a in (ax, *twins):
        h, lab = a.get_legend_handles_labels()
        handles += h
        labels += lab
    if handles:
        legend = ax.legend(
            handles, labels, loc="upper left", bbox_to_anchor=(1, 1), bbox_transform=right, fontsize=9,
            title="series", title_fontsize=9, alignment="left", frameon=False,
        )
        ax.add_artist(legend)
        legend.set_clip_on(False)  # add_artist clips to the axes, which would cut it from a tight bbox
    series = plotted(fig)
    marks, names = status_handles(st for s in series for st in s.status)
    ax.legend(
        marks, names, loc="lower left", bbox_to_anchor=(1, 0), bbox_transform=right, fontsize=8.5,
        title="status of each value", title_fontsize=9, alignment="left", frameon=False,
        handler_map={tuple: HandlerTuple(ndivide=None, pad=0.6)}, handlelength=3.2,
    )
    lines = [f"Sources (citations: `gulagstats sources`): {', '.join(source_keys(series))}."]
    lines += list(notes)
    lines.append(closing)
    footer = "\n".join(textwrap.fill(line, 160) for line in lines)
    ax.annotate(
        footer, xy=(0, 0), xycoords="axes fraction", xytext=(0, -_below_axis(ax)), textcoords="offset points",
        va="top", ha="left", fontsize=7.5, color="#333333",
    )
    ax.grid(True, axis=grid, color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    return fig


def _below_axis(ax: Axes) -> float:
    """Points taken under the axes by the tick labels and the x label (where the footer starts)."""
    tick_lines = max((t.get_text().count("\n") + 1 for t in ax.get_xticklabels()), default=1)
    label_lines = ax.get_xlabel().count("\n") + 1 if ax.get_xlabel() else 0
    return 14 + 11 * tick_lines + 12 * label_lines


#: Legend labels of the composition marks.
COMPOSITION_MARK = "composition differs from the series (see note)"
ADJUSTED_MARK = "adjusted value, composition of the series (derived)"


def mark_composition(ax: Axes, key: str, flags: Sequence[Any], color: str, dx: float = 0.0) -> None:
    """Ring each value whose composition differs and name what it includes; draw its adjusted value, if any.

    The rings have ``gid`` = ``composition:key``, the adjusted values ``adjusted:key``.

    Examples
    --------
    >>> from gulagstats.figures.select import Flag
    >>> fig, ax = axes(None)
    >>> mark_composition(ax, "colonies", [Flag(1938.0, 885203.0, "includes_prisons")], OKABE_ITO["vermillion"])
    >>> [line.get_gid() for line in ax.lines], ax.texts[0].get_text()
    (['composition:colonies'], 'incl. prisons')
    """
    if not flags:
        return
    named = {line.get_label() for line in ax.lines}
    (ring,) = ax.plot(
        [f.x + dx for f in flags], [f.y for f in flags], linestyle="none", marker="o", markersize=17,
        fillstyle="none", markeredgecolor="#000000", markeredgewidth=1.6, zorder=5,
        label=None if COMPOSITION_MARK in named else COMPOSITION_MARK,
    )
    ring.set_gid(f"composition:{key}")
    for f in flags:
        ax.annotate(f.label, xy=(f.x + dx, f.y), xytext=(10, 10), textcoords="offset points", fontsize=8,
                    color="#000000", ha="left", va="bottom", zorder=6)
    adjusted = [f for f in flags if f.adjusted is not None]
    if adjusted:
        for f in adjusted:
            ax.plot([f.x + dx] * 2, [f.y, f.adjusted], color=color, linestyle=":", linewidth=1.2, zorder=4)
        (points,) = ax.plot(
            [f.x + dx for f in adjusted], [f.adjusted for f in adjusted], linestyle="none", marker="D",
            markersize=8, color=color, markerfacecolor="white", markeredgewidth=1.6, zorder=5,
            label=None if ADJUSTED_MARK in named else ADJUSTED_MARK,
        )
        points.set_gid(f"adjusted:{key}")
