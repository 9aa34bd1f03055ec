"""Exports that explain themselves, each read back with its own library (issue 23, item 5).

Excel (openpyxl): an About sheet, widths, filters, number formats, frozen headers.
CSV: a data package (validated by frictionless) and a README beside the files.
Parquet (pyarrow): dates as dates, descriptions and the licence in the schema.
SQLite (sqlite3, and plain Datasette with the metadata.json written beside it):
a primary key on every table, full-text search, stable row URLs.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import csv
import json
import sqlite3
from pathlib import Path

import pytest

import gulagstats
from gulagstats.core.record import default_record
from gulagstats.publish import export, published_frames
from gulagstats.publish.export import SQLITE_NAME, XLSX_NAME

from .conftest import DATA


@pytest.fixture(scope="module")
def frames():
    return published_frames(default_record())


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    for format in ("csv", "sqlite", "parquet", "xlsx"):
        export(format, folder / format, record=default_record())
    return folder


def _statuses() -> dict[str, str]:
    with open(DATA / "vocabulary.csv", newline="", encoding="utf-8") as handle:
        return {r["code"]: r["definition"] for r in csv.DictReader(handle) if r["kind"] == "status"}


# --- Excel -----------------------------------------------------------------------------------------


def test_the_workbook_opens_on_an_about_sheet(out, frames):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(out / "xlsx" / XLSX_NAME)
    assert book.sheetnames[0] == "About" and book.active.title == "About"
    rows = [[c for c in r if c is not None] for r in book["About"].iter_rows(values_only=True)]
    text = "\n".join(" ".join(str(c) for c in r) for r in rows)
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert rows[0] == [package["title"]] and f"gulagstats {gulagstats.__version__}" in text
    assert "CC-BY-4.0" in text and "creativecommons.org/licenses/by/4.0" in text
    assert "Getty" in text and "cite" in text.lower()
    legend = {r[0]: r[1] for r in rows if len(r) == 2 and r[0] in _statuses()}
    assert legend == _statuses()  # every status, with its definition
    listed = {r[0]: r[2] for r in rows if len(r) == 3 and isinstance(r[2], int)}
    assert listed["appendix"] == len(frames["appendix"]) and listed["definitions"] == len(frames["vocabulary"])
    assert book.properties.title == package["title"] and "gulagstats" in book.properties.creator


def test_every_sheet_is_ready_to_read(out, frames):
    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.utils import get_column_letter

    book = openpyxl.load_workbook(out / "xlsx" / XLSX_NAME)
    for name in ("appendix", "estimates", "verdicts", "checks"):
        sheet, frame = book[name], frames[name]
        columns = list(frame.columns)
        assert sheet.freeze_panes == "A2", name
        assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(columns))}{len(frame) + 1}", name
        assert all(c.font.bold for c in sheet[1]), name
        for i, column in enumerate(columns, start=1):
            width = sheet.column_dimensions[get_column_letter(i)].width
            assert width >= len(column), (name, column, width)  # the header is never cut
    appendix = book["appendix"]
    header = [c.value for c in appendix[1]]
    start, value = header.index("start") + 1, header.index("value") + 1
    assert appendix.column_dimensions[get_column_letter(start)].width >= 10  # never ########
    days = [r[start - 1] for r in appendix.iter_rows(min_row=2) if r[start - 1].value is not None]
    assert days and all(c.is_date and c.number_format == "yyyy-mm-dd" for c in days)
    counts = [r[value - 1] for r in appendix.iter_rows(min_row=2) if isinstance(r[value - 1].value, int)]
    assert counts and all(c.number_format == "#,##0" for c in counts)
    estimates = book["estimates"]
    year = [c.value for c in estimates[1]].index("year")
    years = [r[year] for r in estimates.iter_rows(min_row=2) if r[year].value is not None]
    assert years and all(c.number_format == "0" for c in years)  # 1990, never 1,990


# --- CSV -------------------------------------------------------------------------------------------


def test_the_csv_export_is_a_valid_data_package(out, frames):
    pytest.importorskip("frictionless")
    from frictionless import Package

    folder = out / "csv"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"]] == [f"{n}.csv" for n in frames]
    assert package["licenses"][0]["name"] == "CC-BY-4.0" and package["version"] == gulagstats.__version__
    checks = next(r for r in package["resources"] if r["name"] == "checks")
    assert checks["schema"]["primaryKey"] == ["id"] and {"grade", "gravity"} <= {f["name"] for f in checks["schema"]["fields"]}
    report = Package(str(folder / "datapackage.json")).validate()
    errors = [(task.name, e.type, e.note) for task in report.tasks for e in task.errors]
    assert report.valid, errors[:5]


def test_the_csv_export_has_a_readme(out, frames):
    text = (out / "csv" / "README.md").read_text(encoding="utf-8")
    assert text.startswith("# ") and "CC-BY-4.0" in text and "Getty" in text
    assert all(f"| `{code}` |" in text for code in _statuses())
    assert all(f"`{name}.csv`" in text for name in frames) and "`datapackage.json`" in text


# --- Parquet ---------------------------------------------------------------------------------------


def test_parquet_dates_are_dates_and_the_schema_says_what_the_columns_are(out):
    pq = pytest.importorskip("pyarrow.parquet")
    import datetime

    table = pq.read_table(out / "parquet" / "appendix.parquet")
    assert str(table.schema.field("start").type) == "date32[day]"
    assert str(table.schema.field("end").type) == "date32[day]"
    assert table.column("start").to_pylist()[0] == datetime.date(1934, 1, 1) or all(
        isinstance(d, datetime.date) for d in table.column("start").to_pylist() if d is not None
    )
    meta = table.schema.metadata
    assert meta[b"license"].startswith(b"CC-BY-4.0") and meta[b"title"].decode() == gulagstats.describe("appendix").title
    assert table.schema.field("source").metadata[b"description"] == b"key of data/sources.csv"
    frame = table.to_pandas()
    assert str(frame["value"].dtype) == "Int64" and frame["status"].cat.ordered  # the pandas types kept


# --- SQLite ----------------------------------------------------------------------------------------


def _keys(connection: sqlite3.Connection, table: str) -> list[str]:
    info = connection.execute(f'PRAGMA table_info("{table}")').fetchall()
    return [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]


def test_every_sqlite_table_has_a_primary_key(out, frames):
    connection = sqlite3.connect(out / "sqlite" / SQLITE_NAME)
    resources = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    keyed = {r["name"]: r["schema"].get("primaryKey") for r in resources}
    for name, frame in frames.items():
        keys = _keys(connection, name)
        if "grz_ref" in frame.columns:  # a table of values: its data-package key as one column
            assert keys == ["value_key"], name
            parts = keyed[name]
            stored = connection.execute(f'select value_key, {", ".join(parts)} from "{name}"').fetchall()
            assert len({row[0] for row in stored}) == len(frame)
            for key, *values in stored:
                spelled = ["" if v is None else str(int(v)) if isinstance(v, float) and v.is_integer() else str(v) for v in values]
                assert key == ",".join(spelled), (name, key)
        elif keyed.get(name):
            assert keys == keyed[name], name
    assert _keys(connection, "checks") == ["id"] and _keys(connection, "verdicts") == ["id"]
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_sqlite_full_text_search(out):
    connection = sqlite3.connect(out / "sqlite" / SQLITE_NAME)

    def search(table: str, words: str, column: str) -> list[str]:
        sql = (f'select "{column}" from "{table}" where rowid in '
               f'(select rowid from "{table}_fts" where "{table}_fts" match ?)')
        return [r[0] for r in connection.execute(sql, (words,))]

    conquest = search("estimates", "Conquest", "id")
    estimates = gulagstats.load("estimates").set_index("id")
    searched = ["author", "work", "wording", "locator", "note"]
    text = estimates[searched].fillna("").astype(str).agg(" ".join, axis=1)
    assert sorted(conquest) == sorted(text[text.str.contains(r"\bConquest", regex=True)].index)
    assert search("sources", "Zemskov", "citation")  # citations
    figures = gulagstats.load("grz_text_figures")
    quotes = search("grz_text_figures", "quote:executed", "quote")  # one column: the quotes
    assert sorted(quotes) == sorted(figures.quote[figures.quote.str.contains(r"\bexecuted\b", case=False)])
    assert search("appendix", "Appendix", "locator")  # locators


def test_plain_datasette_reads_the_exported_database_and_its_metadata(out):
    pytest.importorskip("datasette")
    from datasette.app import Datasette

    folder = out / "sqlite"
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["license"].startswith("CC-BY-4.0")
    appendix = gulagstats.load("appendix")

    async def browse() -> dict:
        ds = Datasette([str(folder / SQLITE_NAME)], metadata=metadata)
        base = "/gulagstats"
        rows, url = [], f"{base}/appendix.json?_shape=objects&_size=40"
        while url:  # every row once, page after page (a NULL in a key would lose rows here)
            page = (await ds.client.get(url)).json()
            rows += page["rows"]
            url = page["next_url"].replace("http://localhost", "") if page.get("next_url") else None
        found = (await ds.client.get(f"{base}/estimates.json?_search=Conquest&_shape=array")).json()
        missing = next(r for r in rows if r["status"] == "missing")
        from datasette.utils import tilde_encode

        row = await ds.client.get(f"{base}/appendix/{tilde_encode(missing['value_key'])}.json?_shape=array")
        table = await ds.client.get(f"{base}/appendix")
        query = await ds.client.get(f"{base}/missing_cells?table=table_4")
        checks = (await ds.client.get(f"{base}/checks.json?_shape=array")).json()
        return {"rows": rows, "found": found, "row": row, "table": table.text, "query": query.text, "checks": checks}

    seen = _in_a_thread(browse)
    assert len(seen["rows"]) == len(appendix) == len({r["value_key"] for r in seen["rows"]})
    starts = [r["start"] or "" for r in seen["rows"]]
    assert starts == sorted(starts)  # sorted by period
    assert seen["found"] and all("Conquest" in json.dumps(r, ensure_ascii=False) for r in seen["found"])
    assert any("Conquest" in r["author"] for r in seen["found"])
    assert seen["row"].status_code == 200 and seen["row"].json()[0]["status"] == "missing"
    assert gulagstats.describe("appendix").title in seen["table"] and "preferred" in seen["table"]
    assert "CC-BY-4.0" in seen["table"] and "CC-BY-4.0" in seen["query"]  # the licence on a query page too
    gravity = [r["gravity"] for r in seen["checks"]]
    assert gravity == sorted(gravity, reverse=True) and gravity[0] > 0  # the gravest finding first


def _in_a_thread(coroutine_function):
    """Run a coroutine in a thread of its own (a page test's browser driver holds this thread's loop)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(coroutine_function())).result()
