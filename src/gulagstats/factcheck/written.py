"""The fact-check's files: ``claims.csv``, ``verdicts.csv``, ``contradictions.csv`` and ``factcheck.html``.

A bad ``--out`` (a file, a place inside ``data/``, a link, a device or a folder where a file
goes) is refused before anything is created, and the four files are written all or none.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import OutputPathError, printable
from ..outputs import check_target, write_files
from ..render import render
from ..store import refuse_inside_data_dir
from .page import render_page
from .run import Factcheck

#: The files written into the output directory.
OUTPUTS = ("claims.csv", "verdicts.csv", "contradictions.csv", "factcheck.html")


def check_out(out: str | Path) -> Path:
    """Refuse an output folder before anything is created: a file, a place in data/, a bad name inside it."""
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise OutputPathError(f"--out {printable(out)} exists and is not a directory")
    refuse_inside_data_dir(folder, "the fact-check")
    for name in OUTPUTS:
        check_target(
            folder / name, "the fact-check"
        )  # a link, a device, a FIFO or a folder is refused
    return folder


def write_outputs(result: Factcheck, out: str | Path) -> list[Path]:
    """Write claims.csv, verdicts.csv, contradictions.csv and factcheck.html into ``out``, all or none.

    Raises
    ------
    OutputPathError
        If ``out`` or a file in it may not be written (checked before anything is created).
    """
    folder = check_out(out)
    contents = {
        "claims.csv": render(result.claims, "csv") + "\n",
        "verdicts.csv": render(result.verdicts, "csv") + "\n",
        "contradictions.csv": render(result.contradictions, "csv") + "\n",
        "factcheck.html": render_page(result),
    }
    folder.mkdir(parents=True, exist_ok=True)
    return write_files(
        {folder / name: contents[name].encode("utf-8") for name in OUTPUTS}, "the fact-check"
    )
