"""The record as one SQLite database: keys, foreign keys, full-text search, a view of every value.

- Every table has a primary key.  The tables with an id (sources, estimates,
  benchmarks, checks, ...) have the data package's key.  A table of values has
  ``value_key``: the data package's key (period, population, measure, category,
  unit, source, value) written out as one text, ``,`` between the parts and an
  empty part where the row has none (a missing cell has no source and no
  value).  SQLite and Datasette cannot key a row on an empty (NULL) part, and a
  missing value is never filled, so the parts are spelled in one column.
- ``source`` references ``sources(key)``; a check's cells reference the check,
  a verdict its estimate and its benchmark.
- Full-text search (SQLite FTS5, as Datasette uses it) on the citations, quotes,
  locators, wordings, notes and explanations: a table ``T_fts`` beside each table
  ``T`` that has such columns.
- The view ``all_values`` unites every table of values, with a ``table_id`` column.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pandas as pd

from .. import store
from ..outputs import OutputWriteError, atomic_paths, check_target
from .shape import plain

#: The columns of a table of cells, which the view of every published value unites.
CELL_COLUMNS = [
    "period", "start", "end", "population", "measure", "category", "value", "unit",
    "source", "locator", "status", "preferred", "note",
]
#: The SQLite view that puts every published value of every table of cells together.
VALUES_VIEW = "all_values"
#: The key column of a table of values (its parts: the data package's key).
VALUE_KEY = "value_key"
#: The columns searched by full-text search, wherever a table has them.
SEARCHED = (
    "citation", "author", "work", "wording", "title", "quote", "expectation", "locator", "note",
    "explanation",
)
#: Primary keys of the computed tables (the stored ones are the data package's).
COMPUTED_KEYS: dict[str, list[str]] = {"checks": ["id"], "verdicts": ["id"]}


def _sqlite_type(column: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(column) or pd.api.types.is_integer_dtype(column):
        return "INTEGER"
    if pd.api.types.is_float_dtype(column):
        return "REAL"
    return "TEXT"


def is_cells(frame: pd.DataFrame) -> bool:
    """Whether a frame is a table of values (it has every column of a cell)."""
    return set(CELL_COLUMNS) <= set(frame.columns)


def primary_key(name: str, frame: pd.DataFrame) -> list[str]:
    """The primary key of a table in SQLite: ``value_key`` for values, else the data package's.

    Examples
    --------
    >>> primary_key("sources", pd.DataFrame({"key": ["a"]}))
    ['key']
    >>> primary_key("appendix", pd.DataFrame(columns=CELL_COLUMNS))
    ['value_key']
    """
    if is_cells(frame):
        return [VALUE_KEY]
    if name in COMPUTED_KEYS:
        return COMPUTED_KEYS[name]
    resource = store.resources().get(name)
    return list(resource["schema"].get("primaryKey") or []) if resource else []


def value_keys(name: str, frame: pd.DataFrame) -> list[str]:
    """Each row's key as one text: the data package's key parts, ``,`` between them.

    Examples
    --------
    >>> row = {"period": ["1939-01-01"], "population": ["gulag_camps"], "measure": ["inmates"],
    ...        "category": [""], "unit": ["persons"], "source": [None], "value": [None]}
    >>> value_keys("appendix", pd.DataFrame(row))
    ['1939-01-01,gulag_camps,inmates,,persons,,']
    """
    parts = store.resources()[name]["schema"]["primaryKey"]
    rows = plain(frame[parts]).astype(object)
    return [",".join(_part(v) for v in row) for row in rows.itertuples(index=False)]


def _part(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _foreign_keys(name: str, columns: list[str]) -> list[tuple[str, str, str]]:
    keys = []
    if "source" in columns and name != "sources":
        keys.append(("source", "sources", "key"))
    links = {
        "archival_benchmark_sources": [("benchmark", "archival_benchmarks", "id")],
        "check_cells": [("check", "checks", "id")],
        "verdicts": [("id", "estimates", "id"), ("benchmark_id", "archival_benchmarks", "id")],
    }
    keys += links.get(name, [])
    return keys


def write_sqlite(frames: dict[str, pd.DataFrame], path: Path, extra: dict[str, bytes] | None = None) -> Path:
    """Write the frames as tables of one SQLite database, with keys, search and the view.

    Booleans become 1/0, dates ISO text and empty fields NULL.  The database
    (and any ``extra`` files beside it, such as ``metadata.json``) is built in
    temporary files renamed onto their names when all are complete.

    Examples
    --------
    >>> import tempfile
    >>> frames = {"sources": pd.DataFrame({"key": ["a"], "citation": ["A. Smith."]}),
    ...           "t": pd.DataFrame({"value": [1], "source": ["a"]})}
    >>> db = write_sqlite(frames, Path(tempfile.mkdtemp()) / "x.db")
    >>> sql = "select citation from t join sources on key = source"
    >>> sqlite3.connect(db).execute(sql).fetchall()
    [('A. Smith.',)]
    >>> sqlite3.connect(db).execute("select key from sources where rowid in "
    ...     "(select rowid from sources_fts where sources_fts match 'smith')").fetchall()
    [('a',)]
    """
    extra = extra or {}
    targets = [path, *(path.parent / n for n in extra)]
    for target in targets:  # every name refused or accepted before the folder is created
        check_target(target, "the sqlite export")
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_paths(targets, "the sqlite export") as (temp, *others):
        for other, content in zip(others, extra.values(), strict=True):
            other.write_bytes(content)
        try:
            with contextlib.closing(sqlite3.connect(temp)) as connection, connection:
                _fill_sqlite(connection, frames)
        except sqlite3.Error as exc:
            raise OutputWriteError(f"could not write the sqlite export to {path}: {exc}; nothing was replaced") from None
        finally:
            for leftover in (Path(f"{temp}-journal"), Path(f"{temp}-wal")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
    return path


def _create(connection: sqlite3.Connection, name: str, frame: pd.DataFrame) -> None:
    columns = list(frame.columns)
    parts = [f'"{c}" {_sqlite_type(frame[c])}' + (" NOT NULL" if c == VALUE_KEY else "") for c in columns]
    key = primary_key(name, frame)
    if key:
        parts.append("PRIMARY KEY (" + ", ".join(f'"{c}"' for c in key) + ")")
    for column, table, target in _foreign_keys(name, columns):
        parts.append(f'FOREIGN KEY ("{column}") REFERENCES "{table}" ("{target}")')
    connection.execute(f'CREATE TABLE "{name}" (\n  ' + ",\n  ".join(parts) + "\n)")


def _fill_sqlite(connection: sqlite3.Connection, frames: dict[str, pd.DataFrame]) -> None:
    for name, frame in frames.items():
        if is_cells(frame) and name in store.resources():
            frame = frame.assign(**{VALUE_KEY: value_keys(name, frame)})
            frame = frame[[VALUE_KEY, *(c for c in frame.columns if c != VALUE_KEY)]]
        _create(connection, name, frame)
        rows = plain(frame, booleans=(1, 0)).astype(object)
        rows = rows.where(rows.notna() & (rows != ""), None)  # an empty field is NULL
        marks = ", ".join("?" for _ in frame.columns)
        connection.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows.values.tolist())
        _enable_search(connection, name, [c for c in SEARCHED if c in frame.columns])
    cells = [n for n, f in frames.items() if is_cells(f)]
    if cells:
        select = ", ".join(f'"{c}"' for c in CELL_COLUMNS)
        union = "\nUNION ALL ".join(f"SELECT '{n}' AS table_id, {select} FROM \"{n}\"" for n in cells)
        connection.execute(f"CREATE VIEW {VALUES_VIEW} AS {union}")


def _enable_search(connection: sqlite3.Connection, name: str, columns: list[str]) -> None:
    """A full-text index of ``columns`` of table ``name``, as ``name_fts`` (the layout Datasette finds)."""
    if not columns:
        return
    listed = ", ".join(f'"{c}"' for c in columns)
    connection.execute(f'CREATE VIRTUAL TABLE "{name}_fts" USING fts5({listed}, content="{name}")')
    connection.execute(f'INSERT INTO "{name}_fts" (rowid, {listed}) SELECT rowid, {listed} FROM "{name}"')
