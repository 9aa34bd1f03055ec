"""Every figure to files, with a manifest of the data each one plots.

:func:`write_figures` writes ``figure_a.png`` and the rest, and ``figures.json``:
for each figure its title, the source keys, every plotted series (positions,
values, status and source of each point) and a sha256 of those series.  The
manifest lets a test, or a reader, check that the images in a directory show
the current data without comparing pixels.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.record import Record
from ..errors import UnknownNameError
from ..estimates.verdicts import compare_estimates
from ..outputs import atomic_path, check_target, locked, write_text
from ..store import refuse_inside_data_dir
from .article import plot_a, plot_b, plot_c, plot_d
from .estimates import plot_estimates
from .extra import plot_mortality_rate, plot_nkvd_sentences, plot_source_disagreement
from .rates import plot_per_capita_rates
from .select import load_cells
from .style import import_matplotlib, plotted, pyplot, source_keys

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

def plot_source_disagreement_of(record: Record) -> Figure:
    """The disagreement figure of a record: every table of cells it holds, drawn."""
    return plot_source_disagreement(load_cells(record.cell_tables(), record))


def plot_estimates_of(record: Record) -> Figure:
    """The estimates figure of a record: its comparison (:func:`~gulagstats.estimates.verdicts.compare_estimates`), drawn."""
    return plot_estimates(compare_estimates(record))


#: Short name -> (file stem, drawing function of a record), in the order they are drawn.
FIGURES: dict[str, tuple[str, Callable[[Record], Figure]]] = {
    "A": ("figure_a", plot_a),
    "B": ("figure_b", plot_b),
    "C": ("figure_c", plot_c),
    "D": ("figure_d", plot_d),
    "mortality": ("mortality_rate", plot_mortality_rate),
    "sentences": ("nkvd_sentences", plot_nkvd_sentences),
    "disagreement": ("source_disagreement", plot_source_disagreement_of),
    "estimates": ("estimates", plot_estimates_of),
    "rates": ("per_capita_rates", plot_per_capita_rates),
}

#: File formats a figure can be written in.
FIGURE_FORMATS = ("png", "svg", "pdf")

MANIFEST = "figures.json"

#: Metadata that would change at every run (dates, versions) is left out, so reruns give the same files.
_METADATA = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}


class UnknownFigureError(UnknownNameError):
    """A figure name that ``gulagstats figures --only`` does not know."""

    kind = "figure"
    hint = "figures are " + ", ".join(FIGURES)


class UnknownFigureFormatError(UnknownNameError):
    """A file format figures cannot be written in."""

    kind = "figure format"
    hint = "formats are " + ", ".join(FIGURE_FORMATS)


def _figure_words(text: str | Iterable[str] | None) -> list[str]:
    if text is None:
        return []
    items = text.split(",") if isinstance(text, str) else list(text)
    return [i.strip() for i in items if i.strip()]


def figure_names(only: str | Iterable[str] | None = None) -> list[str]:
    """The short names of the figures asked for (all if ``only`` is empty), in drawing order.

    A name may be given as its short name (``A``, ``mortality``; any case) or
    its file stem (``figure_a``, ``mortality_rate``).

    Raises
    ------
    UnknownFigureError
        For a name that is neither (the message suggests the nearest).

    Examples
    --------
    >>> figure_names("b,a")
    ['A', 'B']
    """
    wanted = _figure_words(only)
    if not wanted:
        return list(FIGURES)
    lookup = {name.lower(): name for name in FIGURES} | {stem: name for name, (stem, _) in FIGURES.items()}
    chosen = set()
    for item in wanted:
        if item.lower() not in lookup:
            raise UnknownFigureError(item, [*FIGURES, *(stem for stem, _ in FIGURES.values())])
        chosen.add(lookup[item.lower()])
    return [name for name in FIGURES if name in chosen]


def figure_formats(formats: str | Iterable[str]) -> list[str]:
    """The file formats asked for, checked (``"png,svg"`` or a list).

    Examples
    --------
    >>> figure_formats("PNG, svg")
    ['png', 'svg']
    """
    chosen = [f.lower().lstrip(".") for f in _figure_words(formats)]
    for fmt in chosen:
        if fmt not in FIGURE_FORMATS:
            raise UnknownFigureFormatError(fmt, FIGURE_FORMATS)
    if not chosen:
        raise UnknownFigureFormatError("", FIGURE_FORMATS)
    return list(dict.fromkeys(chosen))


def manifest_entry(fig: Figure, stem: str) -> dict:
    """What a figure plots, as JSON-ready data with a sha256 of its series.

    Examples
    --------
    >>> import gulagstats
    >>> entry = manifest_entry(gulagstats.figure_c(), "figure_c")
    >>> entry["series"]["camps"]["y"][5]
    1317195
    """
    series = {s.key: s.to_dict() for s in plotted(fig)}
    text = json.dumps(series, sort_keys=True, ensure_ascii=False)
    return {
        "file": stem,
        "title": fig.axes[0].get_title(loc="left"),
        "sources": source_keys(plotted(fig)),
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "series": series,
    }


def _read_manifest(path: Path) -> dict:
    """The entries of an existing manifest; none if it is absent, unreadable or of another shape."""
    if path.is_symlink() or not path.is_file():
        return {}  # never read through a link (it is replaced, not followed, when written)
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    entries = old.get("figures", {}) if isinstance(old, dict) else {}
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if k in FIGURES and isinstance(v, dict)}


def compact_json(body: dict) -> str:
    """JSON indented by level, with each list of numbers or strings on one line (legible diffs)."""
    text = json.dumps(body, indent=1, ensure_ascii=False, allow_nan=False)
    return _FLAT_LIST.sub(lambda m: "[" + ", ".join(i.strip() for i in m[1].split(",\n")) + "]", text)


_FLAT_LIST = re.compile(r"\[\n([^\[\]{}]*?)\n\s*\]")


def write_figures(
    record: Record,
    out: str | Path = "figures",
    formats: str | Sequence[str] = ("png", "svg"),
    only: str | Iterable[str] | None = None,
) -> list[Path]:
    """Draw a record's figures to files, and update the manifest ``figures.json`` in ``out`` (:func:`gulagstats.draw_figures`).

    Parameters
    ----------
    record : Record
        The record to draw from.
    out : path
        Directory to write to (created if needed; never the data directory).
    formats : str or sequence of str
        ``png``, ``svg`` and/or ``pdf`` (``"png,svg"`` or a list).
    only : str or iterable of str, optional
        Figures to draw (``"A,B"``, ``["mortality"]``); default all.  See :data:`FIGURES`.

    Returns
    -------
    list of pathlib.Path
        The files written: each figure in each format, then the manifest.
        Entries of the manifest for other figures not drawn this time are kept.

    Raises
    ------
    UnknownFigureError, UnknownFigureFormatError
        For a figure or format that does not exist (checked before anything is drawn).

    Examples
    --------
    >>> import tempfile
    >>> from gulagstats.core.record import default_record
    >>> paths = write_figures(default_record(), tempfile.mkdtemp(), "svg", only="C")
    >>> [p.name for p in paths]
    ['figure_c.svg', 'figures.json']
    """
    matplotlib = import_matplotlib()
    names = figure_names(only)
    kinds = figure_formats(formats)
    target = Path(out)
    refuse_inside_data_dir(target, "figures")
    target.mkdir(parents=True, exist_ok=True)
    for name in names:  # refuse a link into data/ before drawing anything
        for kind in kinds:
            check_target(target / f"{FIGURES[name][0]}.{kind}", "figures")
    check_target(target / MANIFEST, "figures")
    written: list[Path] = []
    drawn: dict[str, dict] = {}
    plt = pyplot()
    with matplotlib.rc_context({"svg.hashsalt": "gulagstats", "svg.fonttype": "none"}):
        for name in names:
            stem, draw = FIGURES[name]
            fig = draw(record)
            for kind in kinds:
                path = target / f"{stem}.{kind}"
                with atomic_path(path, "figures") as temp:
                    fig.savefig(temp, format=kind, dpi=150, bbox_inches="tight", metadata=_METADATA[kind])
                written.append(path)
            drawn[name] = manifest_entry(fig, stem)
            plt.close(fig)
    path = target / MANIFEST
    with locked(path):  # another run may have updated the manifest meanwhile: merge under the lock
        manifest = {**_read_manifest(path), **drawn}
        body = {
            "about": "The data each figure plots (gulagstats figures): series of positions, values, status and "
            "source of each point; sha256 of the series. Regenerate with 'gulagstats figures'.",
            "figures": {name: manifest[name] for name in FIGURES if name in manifest},
        }
        write_text(path, compact_json(body) + "\n", "the figures manifest")
    written.append(path)
    return written
