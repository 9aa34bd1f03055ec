"""The figures of the public face: each figure as a function, and every figure to files.

Part of :mod:`gulagstats.api` (which re-exports every name here); split from it
to keep each module small.  Each figure takes ``data`` (the long tables it
draws, default: the record's), ``ax`` (default: a new figure), and
``overlay``/``record`` as in :func:`~gulagstats.api.load`; it returns a
matplotlib Figure.  The layers that draw import pandas and matplotlib, so they
are imported inside the functions (each marked ``# pandas``), as in ``api``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .core.record import Record, resolve

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "draw_figures", "figure_a", "figure_b", "figure_c", "figure_d", "figure_estimates",
    "figure_mortality_rate", "figure_nkvd_sentences", "figure_source_disagreement",
]

Overlay = str | Path | None
# Each figure takes ``data`` (the long tables it draws, default: the record's), ``ax`` (default: a
# new figure), and ``overlay``/``record`` as in load(); it returns a matplotlib Figure.


def figure_a(data: pd.DataFrame | None = None, ax: Axes | None = None, overlay: Overlay = None, *,
             record: Record | None = None) -> Figure:
    """GRZ Figure A: camp, colony and "kulak" exile populations, 1935-1940 (:func:`~gulagstats.figures.article.plot_a`).

    >>> figure_a().axes[0].get_title(loc="left")[:12]
    'GRZ Figure A'
    """
    from .figures.article import plot_a  # pandas

    return plot_a(resolve(record, overlay), data, ax)


def figure_b(data: pd.DataFrame | None = None, ax: Axes | None = None, overlay: Overlay = None, *,
             record: Record | None = None) -> Figure:
    """GRZ Figure B: "political" crimes as a share of the camp population, 1934-1953 (:func:`~gulagstats.figures.article.plot_b`).

    >>> figure_b().axes[1].get_ylabel()
    'share of camp inmates (percent)'
    """
    from .figures.article import plot_b  # pandas

    return plot_b(resolve(record, overlay), data, ax)


def figure_c(data: pd.DataFrame | None = None, ax: Axes | None = None, overlay: Overlay = None, *,
             record: Record | None = None) -> Figure:
    """GRZ Figure C: camp and colony populations, 1934-1953 (:func:`~gulagstats.figures.article.plot_c`).

    >>> line = next(l for l in figure_c().axes[0].lines if l.get_gid() == "camps")
    >>> int(line.get_ydata()[5])   # 1 January 1939
    1317195
    """
    from .figures.article import plot_c  # pandas

    return plot_c(resolve(record, overlay), data, ax)


def figure_d(data: pd.DataFrame | None = None, ax: Axes | None = None, overlay: Overlay = None, *,
             record: Record | None = None) -> Figure:
    """GRZ Figure D: the camp population and its yearly flows, 1934-1953 (:func:`~gulagstats.figures.article.plot_d`).

    >>> figure_d().axes[0].get_yscale()
    'log'
    """
    from .figures.article import plot_d  # pandas

    return plot_d(resolve(record, overlay), data, ax)


def figure_mortality_rate(data: pd.DataFrame | None = None, ax: Axes | None = None, overlay: Overlay = None, *,
                          record: Record | None = None) -> Figure:
    """Camp mortality per 1,000 inmates a year, 1934-1953 (:func:`~gulagstats.figures.extra.plot_mortality_rate`).

    >>> figure_mortality_rate().axes[0].get_ylabel()
    'deaths per 1,000 inmates'
    """
    from .figures.extra import plot_mortality_rate  # pandas

    return plot_mortality_rate(resolve(record, overlay), data, ax)


def figure_nkvd_sentences(data: pd.DataFrame | None = None, ax: Axes | None = None, overlay: Overlay = None, *,
                          record: Record | None = None) -> Figure:
    """Sentences on cases of the secret police, 1921-1953 (:func:`~gulagstats.figures.extra.plot_nkvd_sentences`).

    >>> figure_nkvd_sentences().axes[1].get_ylabel()
    'sentenced to death (percent of all sentenced)'
    """
    from .figures.extra import plot_nkvd_sentences  # pandas

    return plot_nkvd_sentences(resolve(record, overlay), data, ax)


def figure_source_disagreement(data: pd.DataFrame | None = None, ax: Axes | None = None, overlay: Overlay = None,
                               *, record: Record | None = None) -> Figure:
    """Every cell whose sources print different values (:func:`~gulagstats.figures.extra.plot_source_disagreement`).

    ``overlay``/``record`` are read only when ``data`` is not given.

    >>> figure_source_disagreement().axes[0].get_xscale()
    'symlog'
    """
    from .figures.extra import plot_source_disagreement  # pandas
    from .figures.select import load_cells  # pandas

    if data is None:
        chosen = resolve(record, overlay)
        data = load_cells(chosen.cell_tables(), chosen)
    return plot_source_disagreement(data, ax)


def figure_estimates(data: pd.DataFrame | None = None, ax: Axes | None = None, overlay: Overlay = None, *,
                     record: Record | None = None) -> Figure:
    """Every published estimate against its benchmark (:func:`~gulagstats.figures.estimates.plot_estimates`).

    ``data`` is the frame :func:`compare` returns (default: computed on the
    record of ``overlay``/``record``).

    >>> figure_estimates().axes[0].get_xscale()
    'log'
    """
    from .estimates.verdicts import compare_estimates  # pandas
    from .figures.estimates import plot_estimates  # pandas

    return plot_estimates(compare_estimates(resolve(record, overlay)) if data is None else data, ax)


def draw_figures(
    out: str | Path = "figures",
    formats: str | Sequence[str] = ("png", "svg"),
    only: str | Iterable[str] | None = None,
    overlay: Overlay = None,
    *,
    record: Record | None = None,
) -> list[Path]:
    """Draw figures to files in ``out`` and update its manifest ``figures.json`` (:func:`~gulagstats.figures.export.write_figures`).

    ``formats``: ``png``, ``svg`` and/or ``pdf``; ``only``: the figures to draw
    (``"A,B"``, ``["mortality"]``; default all); ``overlay``/``record`` as in
    :func:`load`.  Returns the files written, the manifest last.

    Raises
    ------
    UnknownFigureError, UnknownFigureFormatError
        For a figure or format that does not exist (checked before anything is drawn).

    Examples
    --------
    >>> import tempfile
    >>> [p.name for p in draw_figures(tempfile.mkdtemp(), "svg", only="C")]
    ['figure_c.svg', 'figures.json']
    """
    from .figures.export import write_figures  # pandas

    return write_figures(resolve(record, overlay), out, formats, only)
