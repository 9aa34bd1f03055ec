"""Export the record as CSV, SQLite, Parquet or an Excel workbook.

Every format has the same content (:func:`gulagstats.publish.frames.published_frames`):
the tables with each value's source, locator and status, the sources, the
data dictionary, the benchmark rules, and the check results and verdicts
computed now.  CSV and SQLite need nothing beyond pandas; Parquet needs
``pyarrow`` and Excel ``openpyxl`` (``pip install "gulagstats[publish]"``).

Every file goes through :mod:`gulagstats.outputs`: every name is checked
(never a link, a device or a file of ``data/``) before the folder is created,
the files are built in memory (SQLite: in a temporary file) and renamed onto
their names only when all are complete, so a failed or killed export leaves
the previous one whole.  CSV text cells pass :func:`gulagstats.render.csv_safe`.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import io
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from ..core.record import Record
from ..errors import GulagstatsError, OutputPathError
from ..outputs import OutputWriteError, atomic_path, check_target, write_files
from ..render import csv_safe_frame
from ..store import refuse_inside_data_dir
from .frames import published_frames

#: The export formats, with the module each needs beyond pandas.
EXPORT_FORMATS: dict[str, str | None] = {
    "csv": None,
    "sqlite": None,
    "parquet": "pyarrow",
    "xlsx": "openpyxl",
}
#: The file name of the SQLite database and of the workbook.
SQLITE_NAME = "gulagstats.db"
XLSX_NAME = "gulagstats.xlsx"
#: Excel sheet names of the sources and of the data dictionary.
SHEET_NAMES = {"sources": "sources", "vocabulary": "definitions"}


class MissingExtraError(GulagstatsError, ImportError):
    """An optional dependency of a format is not installed (the message names the extra)."""


class UnknownFormatError(GulagstatsError, ValueError):
    """An export format that does not exist."""


def require(module: str, extra: str) -> None:
    """Raise :class:`MissingExtraError` unless ``module`` imports (installed is not enough).

    Examples
    --------
    >>> require("pandas", "publish")
    >>> require("no_such_module_here", "publish")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gulagstats.publish.export.MissingExtraError: no_such_module_here is not installed: pip ...
    """
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module:  # installed, but something it needs is not
            raise MissingExtraError(
                f"{module} cannot be imported ({exc}): pip install --force-reinstall \"gulagstats[{extra}]\""
            ) from None
        raise MissingExtraError(f'{module} is not installed: pip install "gulagstats[{extra}]"') from None
    except Exception as exc:  # a broken install: any error while importing it
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise MissingExtraError(
            f"{module} cannot be imported ({type(exc).__name__}: {first}): "
            f'pip install --force-reinstall "gulagstats[{extra}]"'
        ) from None


def plain(
    frame: pd.DataFrame, booleans: tuple[object, object] = ("TRUE", "FALSE"), dates: bool = True
) -> pd.DataFrame:
    """A copy with dates as ISO text (if ``dates``), categories as text, booleans as given.

    Missing values stay missing (``None``), so each writer writes them its own way.

    Examples
    --------
    >>> frame = pd.DataFrame({"on": pd.array([True, None], dtype="boolean"),
    ...                       "day": pd.to_datetime(["1939-01-01", None])})
    >>> plain(frame).values.tolist()
    [['TRUE', '1939-01-01'], [None, None]]
    """
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if pd.api.types.is_datetime64_any_dtype(column) and dates:
            out[name] = column.dt.strftime("%Y-%m-%d").astype(object).where(column.notna(), None)
        elif isinstance(column.dtype, pd.CategoricalDtype):
            out[name] = column.astype(object).where(column.notna(), None)
        elif pd.api.types.is_bool_dtype(column):
            yes, no = booleans
            words = [None if v is pd.NA or v is None else (yes if v else no) for v in column]
            out[name] = pd.Series(words, index=column.index, dtype=object)
    return out


def _sqlite_type(column: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(column) or pd.api.types.is_integer_dtype(column):
        return "INTEGER"
    if pd.api.types.is_float_dtype(column):
        return "REAL"
    return "TEXT"


#: Primary keys declared in SQLite (unique in the data; the cells tables have none: a
#: cell may hold one row per source).
SQLITE_KEYS: dict[str, list[str]] = {
    "sources": ["key"],
    "vocabulary": ["kind", "code"],
    "estimates": ["id"],
    "archival_benchmarks": ["id"],
    "benchmark_rules": ["rule"],
    "grz_text_figures": ["id"],
    "checks": ["id"],
}


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


def write_sqlite(frames: dict[str, pd.DataFrame], path: Path) -> Path:
    """Write the frames as tables of one SQLite database, with primary and foreign keys.

    Booleans become 1/0, dates ISO text and empty fields NULL; ``source``
    references ``sources(key)``, so Datasette links every value to its citation.
    The view ``all_values`` unites every table of cells, with a ``table_id`` column.
    The database is built in a temporary file renamed onto ``path`` when complete.

    Examples
    --------
    >>> import tempfile
    >>> frames = {"sources": pd.DataFrame({"key": ["a"], "citation": ["A."]}),
    ...           "t": pd.DataFrame({"value": [1], "source": ["a"]})}
    >>> db = write_sqlite(frames, Path(tempfile.mkdtemp()) / "x.db")
    >>> sql = "select citation from t join sources on key = source"
    >>> sqlite3.connect(db).execute(sql).fetchall()
    [('A.',)]
    """
    check_target(path, "the sqlite export")
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path, "the sqlite export") as temp:
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


def _fill_sqlite(connection: sqlite3.Connection, frames: dict[str, pd.DataFrame]) -> None:
    for name, frame in frames.items():
        columns = list(frame.columns)
        parts = [f'"{c}" {_sqlite_type(frame[c])}' for c in columns]
        if name in SQLITE_KEYS:
            parts.append("PRIMARY KEY (" + ", ".join(f'"{c}"' for c in SQLITE_KEYS[name]) + ")")
        for column, table, target in _foreign_keys(name, columns):
            parts.append(f'FOREIGN KEY ("{column}") REFERENCES "{table}" ("{target}")')
        connection.execute(f'CREATE TABLE "{name}" (\n  ' + ",\n  ".join(parts) + "\n)")
        rows = plain(frame, booleans=(1, 0)).astype(object)
        rows = rows.where(rows.notna() & (rows != ""), None)  # an empty field is NULL
        marks = ", ".join("?" for _ in columns)
        connection.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows.values.tolist())
    cells = [n for n, f in frames.items() if set(CELL_COLUMNS) <= set(f.columns)]
    if cells:
        select = ", ".join(f'"{c}"' for c in CELL_COLUMNS)
        union = "\nUNION ALL ".join(
            f"SELECT '{n}' AS table_id, {select} FROM \"{n}\"" for n in cells
        )
        connection.execute(f"CREATE VIEW {VALUES_VIEW} AS {union}")


#: The columns of a table of cells, which the view of every published value unites.
CELL_COLUMNS = [
    "period",
    "start",
    "end",
    "population",
    "measure",
    "category",
    "value",
    "unit",
    "source",
    "locator",
    "status",
    "preferred",
    "note",
]
#: The SQLite view that puts every published value of every table of cells together.
VALUES_VIEW = "all_values"


def _write_all(files: dict[Path, bytes], out: Path, what: str) -> list[Path]:
    """Check every name, then create the folder, then write every file (renamed when all are written)."""
    for path in files:
        check_target(path, what)
    out.mkdir(parents=True, exist_ok=True)
    return write_files(files, what)


def write_csv(frames: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    """One UTF-8 CSV a table, as R and spreadsheets read it (TRUE/FALSE, ISO dates, no formula cells)."""
    files = {
        out / f"{name}.csv": csv_safe_frame(plain(frame)).to_csv(index=False, lineterminator="\n").encode("utf-8")
        for name, frame in frames.items()
    }
    return _write_all(files, out, "the csv export")


def write_parquet(frames: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    """One Parquet file a table, with its pandas types (nullable integers, dates, categories)."""
    require("pyarrow", "publish")
    files = {}
    for name, frame in frames.items():
        buffer = io.BytesIO()
        frame.to_parquet(buffer, engine="pyarrow", index=False)
        files[out / f"{name}.parquet"] = buffer.getvalue()
    return _write_all(files, out, "the parquet export")


def write_xlsx(frames: dict[str, pd.DataFrame], path: Path) -> Path:
    """One workbook: a sheet a table, then a sheet of sources and a sheet of definitions.

    Text is always written as text: a value starting with ``=`` is never a formula.
    The workbook is built in memory and written whole.
    """
    require("openpyxl", "publish")
    check_target(path, "the xlsx export")
    buffer = io.BytesIO()
    failure = ""
    with _quiet_cleanup():  # openpyxl's own temporary files: a full disk fails there, then again at cleanup
        try:
            _fill_workbook(frames, buffer)
        except OSError as exc:
            failure = exc.strerror or str(exc)
    if failure:
        raise OutputWriteError(f"could not write the xlsx export to {path}: {failure}; nothing was replaced")
    return _write_all({path: buffer.getvalue()}, path.parent, "the xlsx export")[0]


def _fill_workbook(frames: dict[str, pd.DataFrame], buffer: io.BytesIO) -> None:
    last = [n for n in SHEET_NAMES if n in frames]
    order = [n for n in frames if n not in last] + last
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name in order:
            sheet = SHEET_NAMES.get(name, name)[:31]
            sheet_frame = plain(frames[name], booleans=(True, False), dates=False)  # real dates
            sheet_frame.to_excel(writer, sheet_name=sheet, index=False)
            for row in writer.sheets[sheet].iter_rows():
                for cell in row:
                    if cell.data_type == "f":  # openpyxl reads a leading '=' as a formula
                        cell.data_type = "s"
                    elif cell.is_date:
                        cell.number_format = "yyyy-mm-dd"
            writer.sheets[sheet].freeze_panes = "A2"


@contextlib.contextmanager
def _quiet_cleanup() -> Iterator[None]:
    """Collect a failed library's generators without their "Exception ignored" tracebacks on stderr."""
    previous = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        yield
    finally:
        gc.collect()
        sys.unraisablehook = previous


def export(format: str, out: str | Path, computed: bool = True, *, record: Record) -> list[Path]:
    """Write the record in one format into the directory ``out``.

    Parameters
    ----------
    format : {"csv", "sqlite", "parquet", "xlsx"}
        ``csv`` and ``parquet``: one file a table; ``sqlite``: ``gulagstats.db``;
        ``xlsx``: ``gulagstats.xlsx`` with a sheet a table, then ``sources``
        and ``definitions``.
    out : path
        The directory to write into (created if needed; never inside ``data/``).
    computed : bool, default True
        Include the check results and verdicts (``checks``, ``check_cells``,
        ``verdicts``).
    record : Record
        The record exported (its checks and verdicts are computed on it).

    Returns
    -------
    list of pathlib.Path
        The files written.

    Raises
    ------
    UnknownFormatError
        For a format not in :data:`EXPORT_FORMATS`.
    MissingExtraError
        If the format's library is not installed.
    OutputPathError
        If ``out`` is the data directory or inside it.

    Examples
    --------
    >>> import tempfile, sqlite3
    >>> from gulagstats.core.record import default_record
    >>> from gulagstats.publish import export
    >>> [db] = export("sqlite", tempfile.mkdtemp(), computed=False, record=default_record())
    >>> sqlite3.connect(db).execute("select count(*) from sources").fetchone()[0] > 0
    True
    """
    if format not in EXPORT_FORMATS:
        raise UnknownFormatError(
            f"unknown export format {format!r}; expected one of {', '.join(EXPORT_FORMATS)}"
        )
    module = EXPORT_FORMATS[format]
    if module:
        require(module, "publish")
    target = Path(out)
    refuse_inside_data_dir(target, f"the {format} export")
    if target.exists() and not target.is_dir():
        raise OutputPathError(f"refusing to export to {target}: it exists and is not a directory; give a folder")
    frames = published_frames(record, computed=computed)
    if format == "csv":
        return write_csv(frames, target)
    if format == "parquet":
        return write_parquet(frames, target)
    if format == "xlsx":
        return [write_xlsx(frames, target / XLSX_NAME)]
    return [write_sqlite(frames, target / SQLITE_NAME)]
