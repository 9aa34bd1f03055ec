"""Build the fact-checker's data: the curated phrase tables, validated, into ``data/factcheck/``.

    tools/curated/factcheck/{lexicon,periods,scope,modality,quantity_rules}.csv  ->  data/factcheck/*.csv

Each table is parsed and validated by the package's own reader
(:func:`gulagstats.factcheck.resources.parse_table`, the same that checks a
user's ``--lexicon``), so a broken row stops the build with its line; the
files are then copied byte for byte (line ends normalised), and listed with
their sha256 in ``datapackage.json`` through ``tools/catalog.toml``
(``factcheck_*`` tables).
"""

from __future__ import annotations

import sys
from pathlib import Path

from buildkit import CURATED
from gulagstats.errors import DataFormatError
from gulagstats.factcheck.resources import LEXICON_COLUMNS, parse_table

TABLES = tuple(LEXICON_COLUMNS)


def build(out: Path) -> list[Path]:
    """Validate each curated table and write it into ``out/factcheck/``; return the paths written."""
    folder = out / "factcheck"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        source = CURATED / "factcheck" / f"{table}.csv"
        text = source.read_text(encoding="utf-8").replace("\r\n", "\n")
        try:
            parse_table(table, text, f"tools/curated/factcheck/{table}.csv")
        except DataFormatError as exc:
            sys.exit(str(exc))
        header = text.split("\n", 1)[0].split(",")
        if header != LEXICON_COLUMNS[table]:
            sys.exit(f"tools/curated/factcheck/{table}.csv: header {header} is not {LEXICON_COLUMNS[table]}")
        target = folder / f"{table}.csv"
        target.write_bytes(text.encode("utf-8"))
        written.append(target)
    return written
