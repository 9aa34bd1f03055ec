"""What the build stages share: the repository's paths, CSV reading and writing, the prose.

A stage module (``build_data``, ``build_estimates``) imports this one and nothing
of the other stage, so the build has no import cycle; ``build_data.build`` is
the pipeline that runs the stages in order.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "tools"
CURATED = TOOLS / "curated"
REFERENCE = TOOLS / "reference"
DATA = ROOT / "data"
#: The GRZ article's prose, one numbered line a line; read only through :func:`read_prose`.
PROSE = REFERENCE / "grz1993_article_prose.txt"


def read_prose(path: Path | None = None) -> list[str]:
    """The lines of the GRZ prose (line N is ``read_prose()[N - 1]``)."""
    return (path or PROSE).read_text(encoding="utf-8").splitlines()


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file as dicts; no rows when the file does not exist."""
    if not path.exists():
        return []
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def read_tsv(path: Path) -> list[dict[str, str]]:
    """The rows of a tab-separated file as dicts."""
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def write_csv(path: Path, names: list[str], rows: list[dict[str, str]]) -> None:
    """Write ``rows`` with the columns ``names`` (missing keys empty), ``\\n`` line ends."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in names})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue().encode("utf-8"))
