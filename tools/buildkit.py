"""What the build stages share: the repository's paths, CSV reading and writing, the prose.

A stage module (``build_data``, ``build_estimates``) imports this one and nothing
of the other stage, so the build has no import cycle; ``build_data.build`` is
the pipeline that runs the stages in order.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

from texts import prose_path

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "tools"
CURATED = TOOLS / "curated"
REFERENCE = TOOLS / "reference"
DATA = ROOT / "data"

#: How booleans are written: the words base R's read.csv and spreadsheets read as logical.
TRUE, FALSE = "TRUE", "FALSE"
#: Columns of type boolean in any table.
BOOLEAN_COLUMNS = {"preferred"}
#: The columns written beside ``period``: its first and last day, ISO dates (empty if not a date).
PERIOD_BOUNDS = [
    ("start", "date", "first day the period covers, ISO 8601 (empty if the period is no date)"),
    ("end", "date", "last day the period covers, ISO 8601 (empty if the period is no date)"),
]
#: The columns of data/vocabulary.csv, the data dictionary.
VOCABULARY_FIELDS = [
    "kind", "code", "label", "definition", "rank", "words", "mark", "weakness", "benchmark_rank", "quantity_kind", "unit",
    "value",
]


def read_prose(path: Path | None = None) -> list[str]:
    """The lines of the GRZ prose (line N is ``read_prose()[N - 1]``).

    The prose is not in the repository (copyright): by default it is read from
    ``$GULAGSTATS_SEEDS`` or ``../shared/seeds`` (:func:`texts.prose_path`).
    """
    return (path or prose_path()).read_text(encoding="utf-8").splitlines()


#: An editorial insertion in a quote (``[prison inmates]``): not GRZ's words, left out when the quote is checked.
EDITORIAL = re.compile(r"\s*\[[^\]]*\]")
#: An ellipsis in a quote: words of the line left out between the pieces.
ELLIPSIS = re.compile(r"\.\.\.|…")


def quote_on_line(prose: list[str], line: int | str, quote: str) -> bool:
    """True if ``quote`` (not empty) stands verbatim on prose line ``line`` (1-based).

    The one check of every quote the build takes from the GRZ prose (text figures,
    check rules, GRZ's own estimates, every cell located on a prose line).  A
    ``[bracketed]`` insertion the prose does not print is editorial and left out
    of the comparison (GRZ print a ``[!]`` of their own); an ellipsis (``...``)
    stands for words left out, the pieces around it standing on the line in order.

    Examples
    --------
    >>> line = ["the camps increased by 175,487 in 1937. and 320,828 in 1938"]
    >>> quote_on_line(line, 1, "increased ... in 1938"), quote_on_line(line, 1, "in 1938 ... increased")
    (True, False)
    >>> quote_on_line(line, 1, "the [GULAG] camps increased"), quote_on_line(line, 2, "the camps")
    (True, False)
    """
    number = int(line) if str(line).isdigit() else 0
    if not quote or not 1 <= number <= len(prose):
        return False
    text = prose[number - 1]
    if quote in text:
        return True
    words = EDITORIAL.sub("", quote)
    return bool(words.strip(" .…")) and _in_order([w.strip() for w in ELLIPSIS.split(words)], text)


def _in_order(pieces: list[str], text: str) -> bool:
    """True if every piece stands in ``text``, each after the one before (what an ellipsis leaves out)."""
    at = 0
    for piece in pieces:
        if not piece:
            continue
        found = text.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


def for_r(names: list[str], rows: list[dict[str, str]]) -> tuple[list[str], list[dict[str, str]]]:
    """Columns and rows as published: ``start``/``end`` beside ``period``, booleans TRUE/FALSE.

    So that ``read.csv`` in R and a spreadsheet read booleans as logical and
    periods as dates without parsing ``1937/1938`` themselves.
    """
    from gulagstats.periods import period_bounds

    if "period" in names and "start" not in names:
        at = names.index("period") + 1
        names = [*names[:at], "start", "end", *names[at:]]
    out = []
    for row in rows:
        r = dict(row)
        if "period" in names:
            first, last = period_bounds(r.get("period", ""))
            r["start"] = first.isoformat() if first else ""
            r["end"] = last.isoformat() if last else ""
        for k in BOOLEAN_COLUMNS & r.keys():
            if str(r[k]).lower() in ("true", "false"):
                r[k] = TRUE if str(r[k]).lower() == "true" else FALSE
        out.append(r)
    return names, out


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file as dicts; no rows when the file does not exist.

    A row with more or fewer cells than the header stops the build (an
    unquoted comma would otherwise cut a text short without a word).
    """
    if not path.exists():
        return []
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    for line, row in enumerate(rows, start=2):
        if None in row or None in row.values():
            sys.exit(f"{path.name}:{line}: {len(row) - (None in row) + len(row.get(None) or [])} cells where the "
                     f"header has {len(reader.fieldnames or [])}; quote a text that holds a comma")
    return rows


def read_tsv(path: Path) -> list[dict[str, str]]:
    """The rows of a tab-separated file as dicts."""
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def write_csv(path: Path, names: list[str], rows: list[dict[str, str]]) -> None:
    """Write ``rows`` as every table of data/ is published (:func:`for_r`), ``\\n`` line ends."""
    names, rows = for_r(names, rows)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in names})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue().encode("utf-8"))
