"""Write every output of gulagstats into one folder, to compare two commits byte for byte.

A refactoring that must not change what users see (a move, a rename, a split)
is checked by running this script before and after it and diffing the folders::

    python tools/snapshot_outputs.py /tmp/before          # on the starting commit
    python tools/snapshot_outputs.py /tmp/after           # after the change
    diff -r /tmp/before /tmp/after && echo identical

It writes, through the command line (the interface users have):
``tables``, ``sources``, ``quantities``; ``show`` of every table (long, and
``--wide`` for tables of cells) in text and CSV; ``coverage``, ``check``,
``compare``, ``benchmarks`` in every format, with and without an overlay;
``assess`` of single claims and of a claims file; ``template``; the figures
(PNG and SVG bytes, ``figures.json``); the report (HTML and Markdown, with and
without an overlay, the time it was made and
how long it took blanked); the exports (CSV files; the SQLite database as its SQL
dump; Parquet and XLSX as the CSV of what they hold, since their bytes carry
library versions and timestamps); and the fact-checker's files for the seed
texts when they are present.  Through Python it also writes the public names
(``gulagstats.__all__``) and the reprs of one assessment and a few record cells.

Every command's exit status and standard error are written beside its output,
so an error that changes is a difference too.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import os
import re
import shutil
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("GULAGSTATS_SEEDS") or ROOT.parent / "shared" / "seeds")

#: An overlay that fills a missing cell and overrides a published one (status ``user``).
OVERLAY_ROWS = [
    ["table", "period", "population", "measure", "category", "unit", "value", "locator", "note"],
    ["appendix", "1934-01-01", "prisons", "inmates", "", "persons", "123456", "Appendix A, p. 1048", ""],
    ["appendix", "1939-01-01", "gulag_camps", "inmates", "", "persons", "1317000", "my reading", ""],
    ["appendix", "1938", "gulag_camps", "deaths", "", "persons", "95000", "", "a test value"],
]
#: Claims for ``assess --file`` (good rows, a bound, a range, and two bad rows).
CLAIMS_ROWS = [
    ["id", "quantity", "value", "low", "high", "period", "unit", "region", "note"],
    ["a", "executions", "7000000", "", "", "1937-1938", "", "", "too many"],
    ["b", "arrests", "1,500,000", "", "", "1937/1938", "", "", ""],
    ["c", "camp_population", "", "1000000", "2000000", "1939-01-01", "", "", "a range"],
    ["d", "gulag_deaths", "", "1000000", "", "1934/1953", "", "", "at least"],
    ["e", "arests", "1", "", "", "1937", "", "", "misspelt"],
    ["f", "executions", "-5", "", "", "1937", "", "", "negative"],
    ["g", "repressed_total", "20 million", "", "", "1930s", "", "", "words"],
]
#: Single claims for ``assess`` (arguments after ``assess``).
ASSESS = [
    ["executions", "7000000", "--period", "1937-1938"],
    ["arrests", "1500000", "--period", "1937/1938"],
    ["camp_population", "--low", "1000000", "--high", "2000000", "--period", "1939-01-01"],
    ["gulag_deaths", "--low", "1000000", "--period", "1934/1953"],
    ["repressed_total", "20000000", "--period", "1930/1953"],
    ["elite_repressed", "1000"],
    ["arests", "1"],
    ["executions", "-1"],
]
FORMATS = ["text", "csv", "json", "markdown"]


def run(out: Path, name: str, *args: str) -> None:
    """Run ``gulagstats ARGS`` in process; write stdout to ``NAME`` and status and stderr to ``NAME.status``."""
    from gulagstats.cli import main

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            status = main(list(args))
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else 0
        except Exception as exc:  # a traceback is an output too (a known bug must stay the same bug)
            status = f"uncaught {type(exc).__name__}: {exc}"
    (out / name).write_text(stdout.getvalue(), encoding="utf-8")
    (out / f"{name}.status").write_text(f"{status}\n{stderr.getvalue()}", encoding="utf-8")


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def snapshot_cli(out: Path, overlay: Path, claims: Path) -> None:
    import gulagstats

    tables = gulagstats.tables()
    for fmt in FORMATS:
        run(out, f"tables.{fmt}", "tables", "--format", fmt)
        run(out, f"coverage.{fmt}", "coverage", "--format", fmt)
        run(out, f"check.{fmt}", "check", "--format", fmt)
        run(out, f"compare.{fmt}", "compare", "--format", fmt)
        run(out, f"benchmarks.{fmt}", "benchmarks", "--format", fmt)
        run(out, f"quantities.{fmt}", "quantities", "--format", fmt)
    run(out, "sources.csv", "sources", "--format", "csv")
    run(out, "sources.text", "sources")
    for fmt in ("text", "csv"):
        run(out, f"coverage.overlay.{fmt}", "coverage", "--overlay", str(overlay), "--format", fmt)
        run(out, f"check.overlay.{fmt}", "check", "--overlay", str(overlay), "--format", fmt)
        run(out, f"compare.overlay.{fmt}", "compare", "--overlay", str(overlay), "--format", fmt)
        run(out, f"benchmarks.overlay.{fmt}", "benchmarks", "--overlay", str(overlay), "--format", fmt)
    run(out, "check.prose.text", "check", "--family", "prose")
    run(out, "check.discrepancy.strict.text", "check", "--verdict", "discrepancy", "--strict")
    run(out, "check.badfamily.text", "check", "--family", "prosa")
    run(out, "compare.arrests.text", "compare", "--quantity", "arrests")
    run(out, "compare.badquantity.text", "compare", "--quantity", "arests")
    run(out, "benchmarks.executions.csv", "benchmarks", "--quantity", "executions", "--format", "csv")
    for table, kind in zip(tables["id"], tables["kind"]):
        run(out, f"show.{table}.text", "show", table)
        run(out, f"show.{table}.csv", "show", table, "--format", "csv")
        if kind == "cells":
            run(out, f"show.{table}.wide.text", "show", table, "--wide")
            run(out, f"show.{table}.wide.csv", "show", table, "--wide", "--format", "csv")
    run(out, "show.appendix.overlay.wide.text", "show", "appendix", "--wide", "--overlay", str(overlay))
    run(out, "show.appendix.overlay.csv", "show", "appendix", "--overlay", str(overlay), "--format", "csv")
    run(out, "show.appendix.status.text", "show", "appendix", "--status", "missing")
    run(out, "show.badtable.text", "show", "appendx")
    run(out, "template.appendix.csv", "template", "appendix")
    for i, claim in enumerate(ASSESS):
        run(out, f"assess.{i}.text", "assess", *claim)
        run(out, f"assess.{i}.json", "assess", *claim, "--format", "json")
    run(out, "assess.overlay.text", "assess", "camp_population", "1317000", "--period", "1939-01-01",
        "--overlay", str(overlay))
    run(out, "assess.file.csv", "assess", "--file", str(claims))
    run(out, "assess.file.text", "assess", "--file", str(claims), "--format", "text")


def snapshot_python(out: Path) -> None:
    import gulagstats

    lines = [f"__all__ = {gulagstats.__all__}"]
    assessment = gulagstats.assess("executions", 7_000_000, period="1937-1938")
    lines.append(f"assess = {assessment!r}")
    record = gulagstats.Record()
    for key in (("1939-01-01", "gulag_camps", "inmates"), ("1938", "gulag_camps", "deaths"),
                ("1946-01-01", "labor_colonies", "inmates")):
        lines.append(f"cell{key} = {record.cell(*key)!r}")
        lines.append(f"alternatives{key} = {record.alternatives(*key)!r}")
    lines.append(f"summary = {gulagstats.summary(gulagstats.check())!r}")
    (out / "python.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def snapshot_files(out: Path, overlay: Path) -> None:
    run(out, "figures.log", "figures", "--out", "figures", "--format", "png,svg")
    run(out, "figures.overlay.log", "figures", "--out", "figures_overlay", "--format", "png,svg",
        "--overlay", str(overlay))
    run(out, "report.log", "report", "--out", "report")
    run(out, "report.overlay.log", "report", "--out", "report_overlay", "--overlay", str(overlay))
    for fmt in ("csv", "sqlite", "parquet", "xlsx"):
        run(out, f"export.{fmt}.log", "export", "--format", fmt, "--out", f"export_{fmt}")
    _readable_exports(out)
    for pattern, blank in ((r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", "YYYY-MM-DD HH:MM UTC"), (r" in \d+\.\d s$", " in S.S s")):
        for path in [*out.glob("report*/report.html"), *out.glob("report*/report.md"), *out.glob("report*.log")]:
            text = path.read_text(encoding="utf-8")  # the time it was made, and how long it took
            path.write_text(re.sub(pattern, blank, text, flags=re.MULTILINE), encoding="utf-8")
    texts = sorted(SEEDS.glob("00*.txt"))
    if texts:
        run(out, "factcheck.log", "factcheck", *map(str, texts), "--out", "factcheck")


def _readable_exports(out: Path) -> None:
    """The SQLite database as its SQL dump; Parquet and XLSX as the CSV of what they hold."""
    db = out / "export_sqlite" / "gulagstats.db"
    if db.exists():
        with contextlib.closing(sqlite3.connect(db)) as connection:
            (out / "export_sqlite" / "dump.sql").write_text("\n".join(connection.iterdump()), encoding="utf-8")
        db.unlink()
    folder = out / "export_parquet"
    if folder.exists():
        import pandas as pd

        for path in sorted(folder.glob("*.parquet")):
            pd.read_parquet(path).to_csv(path.with_suffix(".csv"), index=False)
            path.unlink()
    book = out / "export_xlsx" / "gulagstats.xlsx"
    if book.exists():
        import openpyxl

        workbook = openpyxl.load_workbook(book, read_only=True)
        for sheet in workbook.worksheets:
            with open(book.parent / f"{sheet.title}.csv", "w", newline="", encoding="utf-8") as handle:
                csv.writer(handle).writerows(sheet.iter_rows(values_only=True))
        workbook.close()
        book.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write into (replaced)")
    parser.add_argument("--quick", action="store_true", help="skip figures, report, exports and fact-check")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    inputs = out / "inputs"
    inputs.mkdir()
    overlay = write_csv(inputs / "overlay.csv", OVERLAY_ROWS)
    claims = write_csv(inputs / "claims.csv", CLAIMS_ROWS)
    os.chdir(out)  # paths named in outputs stay the same from one snapshot folder to another
    overlay, claims = overlay.relative_to(out), claims.relative_to(out)
    snapshot_cli(out, overlay, claims)
    snapshot_python(out)
    if not args.quick:
        snapshot_files(out, overlay)
    print(f"wrote {sum(1 for p in out.rglob('*') if p.is_file())} files into {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
