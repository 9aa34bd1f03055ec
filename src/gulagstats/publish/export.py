"""Export the record as CSV, SQLite, Parquet or an Excel workbook.

Every format has the same content (:func:`gulagstats.publish.frames.published_frames`):
the tables with each value's source, locator and status, the sources, the
data dictionary, the benchmark rules, and the check results and verdicts
computed now.  CSV and SQLite need nothing beyond pandas; Parquet needs
``pyarrow`` and Excel ``openpyxl`` (``pip install "gulagstats[publish]"``).

Each format carries what it is: the CSV files a ``datapackage.json`` and a
``README.md`` (:mod:`gulagstats.publish.package`, :mod:`gulagstats.publish.about`);
the database a ``metadata.json`` for Datasette, keys and full-text search
(:mod:`gulagstats.publish.sqlite`); the Parquet files their descriptions, the
licence and dates as dates; the workbook a first "About" sheet and formatted sheets
(:mod:`gulagstats.publish.workbook`).

Every file goes through :mod:`gulagstats.outputs`: every name is checked
(never a link, a device or a file of ``data/``) before the folder is created,
the files are built in memory (SQLite: in a temporary file) and renamed onto
their names only when all are complete, so a failed or killed export leaves
the previous one whole.  CSV text cells pass :func:`gulagstats.render.csv_safe`.
"""

from __future__ import annotations

import importlib
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd

from ..core.record import Record
from ..errors import GulagstatsError, OutputPathError
from ..outputs import OutputWriteError, check_target, write_files
from ..render import csv_safe_frame
from ..store import refuse_inside_data_dir
from .about import LICENSE, LICENSE_URL, about, readme
from .frames import published_frames, table_metadata
from .package import export_package, package_json
from .shape import plain
from .sqlite import CELL_COLUMNS, VALUES_VIEW, write_sqlite
from .workbook import SHEET_NAMES, fill_workbook, quiet_cleanup

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
#: The files written beside the CSV export, and beside the database.
PACKAGE_NAME = "datapackage.json"
README_NAME = "README.md"
METADATA_NAME = "metadata.json"
#: Names other modules import from here.
__all__ = [
    "CELL_COLUMNS", "EXPORT_FORMATS", "SHEET_NAMES", "SQLITE_NAME", "VALUES_VIEW", "XLSX_NAME",
    "MissingExtraError", "UnknownFormatError", "export", "plain", "require", "write_sqlite",
]


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


def _write_all(files: dict[Path, bytes], out: Path, what: str) -> list[Path]:
    """Check every name, then create the folder, then write every file (renamed when all are written)."""
    for path in files:
        check_target(path, what)
    out.mkdir(parents=True, exist_ok=True)
    return write_files(files, what)


def write_csv(frames: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    """One UTF-8 CSV a table, as R and spreadsheets read it, with ``datapackage.json`` and ``README.md``.

    TRUE/FALSE, ISO dates, no formula cells; the data package describes every
    file (schema, keys, sha256) and the README says what the files are, their
    licence, how to cite them and what each status means.
    """
    tables = {
        name: csv_safe_frame(plain(frame)).to_csv(index=False, lineterminator="\n").encode("utf-8")
        for name, frame in frames.items()
    }
    titles = table_metadata()
    files = {out / f"{name}.csv": content for name, content in tables.items()}
    files[out / PACKAGE_NAME] = package_json(export_package(frames, tables))
    listed = {f"{n}.csv": titles.get(n, {}).get("title", n) for n in tables}
    listed[PACKAGE_NAME] = "the Frictionless Data Package: every file's columns, types, keys and sha256"
    files[out / README_NAME] = readme(listed).encode("utf-8")
    return _write_all(files, out, "the csv export")


def parquet_table(name: str, frame: pd.DataFrame) -> Any:
    """A pyarrow table of a frame: dates as ``date32``, the columns' descriptions, the licence and title.

    Examples
    --------
    >>> frame = pd.DataFrame({"start": pd.to_datetime(["1939-01-01", None])})
    >>> table = parquet_table("appendix", frame)
    >>> str(table.schema.field("start").type), table.schema.metadata[b"license"].decode()[:9]
    ('date32[day]', 'CC-BY-4.0')
    """
    import pyarrow as pa

    dated = frame.copy()
    for column in dated.columns:
        if pd.api.types.is_datetime64_any_dtype(dated[column]):
            days = [None if pd.isna(v) else v.date() for v in dated[column]]
            dated[column] = pd.Series(days, index=dated.index, dtype=object)
    table = pa.Table.from_pandas(dated, preserve_index=False)
    for i, column in enumerate(dated.columns):
        if dated[column].dtype == object and pd.api.types.is_datetime64_any_dtype(frame[column]):
            table = table.set_column(i, column, table.column(i).cast(pa.date32()))
    meta = table_metadata().get(name, {})
    described = meta.get("fields", {})
    fields = [f.with_metadata({"description": described[f.name]}) if described.get(f.name) else f for f in table.schema]
    own = {
        "title": meta.get("title", name), "description": meta.get("description", ""),
        "license": f"{LICENSE} {LICENSE_URL}", "source": about().source,
    }
    metadata = {**(table.schema.metadata or {}), **{k.encode(): v.encode() for k, v in own.items()}}
    return table.cast(pa.schema(fields, metadata=metadata))


def write_parquet(frames: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    """One Parquet file a table: pandas types (nullable integers, the ordered status), dates as dates."""
    require("pyarrow", "publish")
    import pyarrow.parquet as pq

    files = {}
    for name, frame in frames.items():
        buffer = io.BytesIO()
        pq.write_table(parquet_table(name, frame), buffer)
        files[out / f"{name}.parquet"] = buffer.getvalue()
    return _write_all(files, out, "the parquet export")


def write_database(frames: dict[str, pd.DataFrame], out: Path) -> Path:
    """``gulagstats.db`` and, beside it, the ``metadata.json`` Datasette reads (titles, licence, facets)."""
    from .webmeta import datasette_metadata

    columns = {n: list(f.columns) for n, f in frames.items()}
    metadata = json.dumps(datasette_metadata(columns), indent=2, ensure_ascii=False) + "\n"
    return write_sqlite(frames, out / SQLITE_NAME, {METADATA_NAME: metadata.encode("utf-8")})


def write_xlsx(frames: dict[str, pd.DataFrame], path: Path) -> Path:
    """One workbook: an About sheet, a sheet a table, then the sources and the definitions.

    Text is always written as text: a value starting with ``=`` is never a formula.
    The workbook is built in memory and written whole.
    """
    require("openpyxl", "publish")
    check_target(path, "the xlsx export")
    buffer = io.BytesIO()
    failure = ""
    with quiet_cleanup():  # openpyxl's own temporary files: a full disk fails there, then again at cleanup
        try:
            fill_workbook(frames, buffer)
        except OSError as exc:
            failure = exc.strerror or str(exc)
    if failure:
        raise OutputWriteError(f"could not write the xlsx export to {path}: {failure}; nothing was replaced")
    return _write_all({path: buffer.getvalue()}, path.parent, "the xlsx export")[0]


def export(format: str, out: str | Path, computed: bool = True, *, record: Record) -> list[Path]:
    """Write the record in one format into the directory ``out``.

    Parameters
    ----------
    format : {"csv", "sqlite", "parquet", "xlsx"}
        ``csv``: one file a table, ``datapackage.json`` and ``README.md``;
        ``parquet``: one file a table; ``sqlite``: ``gulagstats.db`` and its
        ``metadata.json``; ``xlsx``: ``gulagstats.xlsx`` with an About sheet,
        a sheet a table, then ``sources`` and ``definitions``.
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
    >>> db, metadata = export("sqlite", tempfile.mkdtemp(), computed=False, record=default_record())
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
    database = write_database(frames, target)
    return [database, target / METADATA_NAME]
