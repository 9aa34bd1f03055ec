"""The report's figures: drawn in worker processes while the checks run, each once, right-sized."""

from __future__ import annotations

import csv
import io
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..core.record import Record, resolve
from ..figures.estimates import plot_estimates
from ..figures.export import FIGURES, MANIFEST, compact_json, manifest_entry
from ..figures.style import pyplot
from ..outputs import atomic_path, write_text
from .model import Block, FigureBlock, Section, source_marks

#: Resolution of the report's PNGs: about 1,300-1,700 px wide for a 1,200 px column.
REPORT_DPI = 110

#: Room (inches: left, right, top, bottom) added around a figure so that one draw holds everything.
_MARGINS = (4.0, 7.0, 2.0, 5.0)

#: Figures taller than this (inches) are written with ``savefig(bbox_inches="tight")`` instead.
_TALL = 10.0


def render_png(fig: Any, path: Path, dpi: int = REPORT_DPI) -> tuple[int, int]:
    """Draw a figure once and write it cropped to its content, as a 256-colour PNG.

    ``savefig(bbox_inches="tight")`` lays a figure out twice (once to measure,
    once to draw). Here the canvas is first enlarged around the axes (which keep
    their size in inches), the figure is drawn once, and the image is cropped to
    the tight bounding box measured on that same drawing; a 256-colour palette
    makes the file a fraction of the size (line art loses nothing visible).
    Falls back to ``savefig`` if anything lies outside the enlarged canvas.

    Returns
    -------
    tuple of int
        The width and height of the image in pixels.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # matplotlib: only when drawing
    from PIL import Image  # PIL: only when drawing

    width, height = fig.get_size_inches()
    if height > _TALL:  # a tall figure: the room around it would cost more than a second layout
        return _savefig_small(fig, path, dpi)
    left, right, top, bottom = _MARGINS
    wide, tall = width + left + right, height + top + bottom
    boxes = [(ax, ax.get_position(original=False)) for ax in fig.axes]  # twins share a position
    for ax, box in boxes:
        ax.set_position(
            [
                (box.x0 * width + left) / wide,
                (box.y0 * height + bottom) / tall,
                box.width * width / wide,
                box.height * height / tall,
            ]
        )
    fig.set_size_inches(wide, tall)
    fig.set_dpi(dpi)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    bbox = fig.get_tightbbox(canvas.get_renderer()).padded(0.1)
    pixels = np.asarray(canvas.buffer_rgba())
    rows, columns = pixels.shape[:2]
    x0, x1 = int(np.floor(bbox.x0 * dpi)), int(np.ceil(bbox.x1 * dpi))
    y0, y1 = rows - int(np.ceil(bbox.y1 * dpi)), rows - int(np.floor(bbox.y0 * dpi))
    if x0 <= 0 or y0 <= 0 or x1 >= columns or y1 >= rows:  # pragma: no cover - content off the room
        return _savefig_small(fig, path, dpi)
    crop = Image.fromarray(np.ascontiguousarray(pixels[y0:y1, x0:x1, :3]))
    small = crop.quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    small.save(path, format="png", optimize=True)
    return small.size


def _savefig_small(fig: Any, path: Path, dpi: int) -> tuple[int, int]:
    from PIL import Image  # PIL: only when drawing

    fig.savefig(path, format="png", dpi=dpi, bbox_inches="tight")
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    small.save(path, format="png", optimize=True)
    return small.size


def draw_report_figure(
    name: str,
    out: str,
    overlay: str | None,
    dpi: int = REPORT_DPI,
    data: pd.DataFrame | None = None,
    record: Record | None = None,
) -> dict[str, Any]:
    """Draw one figure to ``out`` as a right-sized PNG (worker process of the report).

    ``data`` is passed to the drawing function when given (the report passes the
    estimates figure the comparison it has already computed).  In a worker
    process the record is made there from ``overlay`` (a path crosses the
    process boundary; the worker's default record serves every figure it
    draws); in the report's own process ``record`` is the report's.

    Returns
    -------
    dict
        ``path`` of the PNG, its ``width`` and ``height`` in pixels and its manifest ``entry``.
    """
    stem, draw = FIGURES[name]
    fig = plot_estimates(data) if data is not None else draw(resolve(record, overlay))
    path = Path(out) / f"{stem}.png"
    entry = manifest_entry(fig, stem)
    with atomic_path(path, "the report") as temporary:  # never through a link, never half-written
        width, height = render_png(fig, temporary, dpi)
    pyplot().close(fig)
    return {"name": name, "path": str(path), "width": width, "height": height, "entry": entry}


def _figure_csv(entry: dict[str, Any], path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["figure", "series", "label", "unit", "x", "value", "status", "source"])
    for key, s in entry["series"].items():
        for x, y, status, source in zip(s["x"], s["y"], s["status"], s["source"], strict=True):
            writer.writerow(
                [
                    entry["file"],
                    key,
                    s["label"],
                    s.get("unit", ""),
                    x,
                    "" if y is None else y,
                    status,
                    source,
                ]
            )
    write_text(path, buffer.getvalue(), "the report")


def _pool(workers: int) -> Executor | None:
    if workers <= 1:
        return None
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else methods[0])
    try:
        return ProcessPoolExecutor(max_workers=workers, mp_context=context)
    except (OSError, NotImplementedError):  # pragma: no cover - no processes allowed here
        return None


def start_figures(out: Path, record: Record, workers: int) -> tuple[Executor | None, list[Any]]:
    """Start drawing every figure but the estimates (in ``workers`` processes, or later in this one)."""
    target = out / "figures"
    target.mkdir(parents=True, exist_ok=True)
    # the heaviest first, so that the pool's last task is short; the estimates wait for compare()
    names = sorted(
        (n for n in FIGURES if n != "estimates"), key=lambda n: n not in ("disagreement", "D", "A")
    )
    pool = _pool(workers)
    return pool, [submit_figure(pool, n, target, record) for n in names]


def submit_figure(
    pool: Executor | None,
    name: str,
    target: Path,
    record: Record,
    data: pd.DataFrame | None = None,
) -> Any:
    """A figure to draw: a future in the pool (given the overlay's path), or the arguments to draw it later."""
    if pool is None:
        return (name, (str(target), None, REPORT_DPI, data, record))
    over = None if record.overlay is None else str(record.overlay)
    return pool.submit(draw_report_figure, name, str(target), over, REPORT_DPI, data)


def finish_figures(
    pool: Executor | None,
    jobs: list[Any],
    captions: dict[str, str],
    say: Callable[[str], None] = lambda line: None,
) -> tuple[Section, list[Path]]:
    """Wait for the figures, write each one's data as CSV and the manifest, and make the Figures section.

    ``captions`` are the report's captions by file stem (``data/report_texts.csv``);
    ``say`` is told of each figure as it is done (the command line's progress).
    """
    done: dict[str, dict[str, Any]] = {}
    try:
        for number, job in enumerate(jobs, start=1):
            if isinstance(job, Future):
                result = job.result()
            else:
                name, arguments = job
                result = draw_report_figure(name, *arguments)
            done[result["name"]] = result
            say(f"figures: {Path(result['path']).stem} drawn ({number} of {len(jobs)})")
    finally:
        if pool is not None:
            pool.shutdown()
    paths: list[Path] = []
    blocks: list[Block] = [
        "Drawn from the data: solid marks are confirmed or prose values, half-filled ones "
        "derived, hollow ones "
        "unconfirmed; a gap is a missing value, never interpolated. Each figure's footer names "
        "its sources; "
        "the data behind each figure is linked under it as CSV. Figures A-D are reconstructions "
        "of GRZ's "
        "figures from reprints of the same archival series, not GRZ's drawings."
    ]
    manifest = {}
    for name in FIGURES:
        if name not in done:
            continue
        result = done[name]
        png = Path(result["path"])
        entry = result["entry"]
        manifest[name] = entry
        data = png.with_suffix(".csv")
        _figure_csv(entry, data)
        paths += [png, data]
        title = " ".join(str(entry["title"]).split())
        keys = source_marks("; ".join(entry["sources"]))
        caption = f"{captions.get(png.stem, title + '.')} Sources: {keys}."
        alt = f"Chart: {title}"
        blocks.append(FigureBlock(png, caption, alt, data, result["width"], result["height"]))
    body = {
        "about": "The data each figure of the report plots (see gulagstats figures).",
        "figures": manifest,
    }
    if paths:
        write_text(paths[0].parent / MANIFEST, compact_json(body) + "\n", "the report")
    return Section("Figures", "figures", blocks), paths


