"""Loaders: list, describe and read the tables of the data package.

Every table is read from its CSV after a hash check and typed by the schema in
``datapackage.json`` (ints as nullable ``Int64``, dates as ``datetime64``,
``status`` as an ordered category), so what a user gets is what the record
says, with each value's source, locator and status on its own row.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import store
from .errors import (
    DataFormatError,
    OverlayError,
    UnknownSourceError,
    UnknownTableError,
)
from .models import STATUSES, FieldMeta, Source, TableMeta
from .overlay import KEY as CELL_KEY
from .overlay import OVERLAY_COLUMNS
from .periods import period_bounds, period_label
from .vocabulary import COUNT_UNITS, MISSING

if TYPE_CHECKING:
    from .record import Record


def find_resource(table_id: str, found: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """The resource of one table in ``found`` (default: the data package now).

    Raises
    ------
    UnknownTableError
        For an unknown table id (the message suggests the nearest).

    Examples
    --------
    >>> find_resource("appendix")["path"]
    'tables/appendix.csv'
    """
    found = store.resources() if found is None else found
    if table_id not in found:
        raise UnknownTableError(table_id, [k for k, r in found.items() if r.get("kind") != "sources"])
    return found[table_id]


def tables() -> pd.DataFrame:
    """List the tables of the data package.

    Returns
    -------
    pandas.DataFrame
        One row a table: ``id``, ``title``, ``grz_ref``, ``kind``,
        ``beyond_grz`` and ``rows`` (rows on disk, as recorded with the hash).

    Examples
    --------
    >>> import gulagstats
    >>> "appendix" in set(gulagstats.tables()["id"])
    True
    """
    rows = [
        {
            "id": r["name"],
            "title": r.get("title", ""),
            "grz_ref": r.get("grz_ref", ""),
            "kind": r.get("kind", "cells"),
            "beyond_grz": bool(r.get("beyond_grz", False)),
            "rows": int(r.get("rows", 0)),
        }
        for r in store.datapackage()["resources"]
        if r.get("kind") != "sources"
    ]
    return pd.DataFrame(rows, columns=["id", "title", "grz_ref", "kind", "beyond_grz", "rows"])


def describe(table_id: str) -> TableMeta:
    """Return the metadata of one table as a validated model.

    Parameters
    ----------
    table_id : str
        A table id from :func:`tables`.

    Returns
    -------
    TableMeta
        Title, description, GRZ reference, path, sha256, rows and fields.

    Raises
    ------
    UnknownTableError
        If ``table_id`` is not a table (the message suggests the nearest ids).

    Examples
    --------
    >>> import gulagstats
    >>> gulagstats.describe("appendix").kind
    'cells'
    """
    r = find_resource(table_id)
    return TableMeta(
        id=r["name"],
        title=r.get("title", ""),
        description=r.get("description", ""),
        grz_ref=r.get("grz_ref", ""),
        beyond_grz=bool(r.get("beyond_grz", False)),
        kind=r.get("kind", "cells"),
        path=r["path"],
        sha256=str(r.get("hash", "")).removeprefix("sha256:"),
        rows=int(r.get("rows", 0)),
        fields=[FieldMeta(**f) for f in r["schema"]["fields"]],
        wide=r.get("wide"),
    )


def _read_raw(path: Path, names: list[str]) -> pd.DataFrame:
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, csv.Error) as exc:
        reason = str(exc).splitlines()[0]
        raise DataFormatError(f"{path.name} is not a readable UTF-8 CSV ({reason})") from None
    except pd.errors.EmptyDataError:
        raise DataFormatError(f"{path.name} is empty; expected a header row {','.join(names)}") from None
    if list(frame.columns) != names:
        raise DataFormatError(
            f"{path.name} has columns {','.join(frame.columns)}; expected {','.join(names)}"
        )
    return frame


def _typed_column(series: pd.Series, field: dict[str, Any], where: str) -> pd.Series:
    kind = field.get("type", "string")
    if kind not in ("integer", "number", "year", "boolean", "date"):
        if field["name"] == "status":
            values = series.tolist()
            unknown = set(values) - set(STATUSES)
            if unknown:
                raise DataFormatError(f"{where}: unknown status {sorted(unknown)}; expected one of {STATUSES}")
            return pd.Categorical.from_codes([STATUSES.index(v) for v in values], categories=list(STATUSES), ordered=True)
        return series
    try:
        if kind == "boolean":  # the tables are small: plain Python is quicker than pandas' string methods here
            return pd.Series(pd.array([_boolean(v) for v in series.tolist()], dtype="boolean"), index=series.index)
        blank = series.str.strip() == ""
        if kind == "date":
            return pd.to_datetime(series.where(~blank), format="%Y-%m-%d", errors="raise")
        numbers = pd.to_numeric(series.where(~blank), errors="raise")
        if kind == "number":
            return numbers.astype("Float64")
        if ((numbers.dropna() % 1) != 0).any():
            raise ValueError("a fraction where a whole number is expected")
        return numbers.astype("Float64").astype("Int64")
    except (ValueError, TypeError) as exc:
        raise DataFormatError(f"{where}: column {field['name']!r} ({kind}): {exc}") from None


def _boolean(text: str) -> bool | Any:
    word = text.lower()
    if word in ("true", "false"):
        return word == "true"
    if text.strip():
        raise ValueError("expected true or false")
    return pd.NA


def read_table(table_id: str, resource: dict[str, Any] | None = None) -> pd.DataFrame:
    """Read and type one table exactly as stored (no filtering, no pivot, no overlay).

    The file's sha256 is checked first; each column gets the type its schema
    gives, ``status`` becomes an ordered category, and a table with a
    ``period`` column gains ``start`` and ``end`` (the days it covers).

    Every call reads the file: a :class:`~gulagstats.record.Record` keeps what
    it read (``gulagstats.load`` reads through the default record).

    Examples
    --------
    >>> from gulagstats.loaders import read_table
    >>> frame = read_table("appendix")
    >>> frame.attrs["table"], str(frame["start"].min().date())
    ('appendix', '1930-01-01')
    """
    resource = find_resource(table_id) if resource is None else resource
    return _typed_table(store.verified_path(resource), resource, table_id)


def _typed_table(path: Path, resource: dict[str, Any], table_id: str) -> pd.DataFrame:
    fields = resource["schema"]["fields"]
    frame = _read_raw(path, [f["name"] for f in fields])
    for field in fields:
        column = frame[field["name"]]
        if field["name"] == "value" and field.get("type") == "integer" and "unit" in frame.columns:
            field = _typed_by_unit(field, frame["unit"])
        typed = _typed_column(column, field, resource["path"])
        if typed is not column:
            frame[field["name"]] = typed
    if "period" in frame.columns:
        bounds = {p: period_bounds(p) for p in set(frame["period"])}
        frame["start"] = pd.to_datetime([bounds[p][0] for p in frame["period"]])
        frame["end"] = pd.to_datetime([bounds[p][1] for p in frame["period"]])
    frame.attrs["table"] = table_id
    return frame


def _typed_by_unit(field: dict[str, Any], units: pd.Series) -> dict[str, Any]:
    """The value field as a number when any unit of the table is not a count (percentages are never integers).

    Examples
    --------
    >>> _typed_by_unit({"name": "value", "type": "integer"}, pd.Series(["percent"]))["type"]
    'number'
    >>> _typed_by_unit({"name": "value", "type": "integer"}, pd.Series(["persons", "camps"]))["type"]
    'integer'
    """
    if set(units.str.strip()) <= COUNT_UNITS:
        return field
    return {**field, "type": "number"}


def load(
    table_id: str,
    wide: bool = False,
    status: str | Iterable[str] | None = None,
    overlay: str | Path | None = None,
    *,
    record: Record | None = None,
) -> pd.DataFrame:
    """Load one table as a typed DataFrame.

    Parameters
    ----------
    table_id : str
        A table id from :func:`tables` (for example ``"appendix"``).
    wide : bool, default False
        Return a pivot that reads like the printed table: one row a period (or
        category), one column a population and measure, the table's preferred
        value in each cell.  The status of each cell is in ``.attrs["status"]``
        (a frame of the same shape) and the sources in ``.attrs["source"]``.
    status : str or list of str, optional
        Keep only rows with these statuses (``prose``, ``confirmed``,
        ``derived``, ``unconfirmed``, ``missing``, ``user``).
    overlay : path, optional
        A filled template (see :func:`gulagstats.template`) whose values are
        merged as rows with status ``user`` and become the preferred values
        (a convenience: the same as ``record=Record(overlay)``).
    record : gulagstats.Record, optional
        The record to read from (default: the published data, read once a
        process while its files are unchanged); not together with ``overlay``.

    Returns
    -------
    pandas.DataFrame
        Long form: one published value a row, with ``value``, ``unit``,
        ``source``, ``locator``, ``status``, ``preferred`` and ``note``, and
        the typed ``start`` and ``end`` dates of its period.

    Raises
    ------
    UnknownTableError
        For an unknown table id (the message suggests the nearest).
    DataIntegrityError
        If the table's file does not match its recorded sha256.
    OverlayAndRecordError
        If both ``overlay`` and ``record`` are given.

    Examples
    --------
    >>> import gulagstats
    >>> camps = gulagstats.load("appendix")
    >>> row = camps[(camps.period == "1939-01-01") & (camps.population == "gulag_camps")
    ...             & (camps.measure == "inmates") & camps.preferred]
    >>> int(row.value.iloc[0])
    1317195
    """
    from .record import resolve  # the record sits above the loaders: it reads tables through them

    return resolve(record, overlay).load(table_id, wide=wide, status=status)


def template(table_id: str, path: str | Path | None = None) -> pd.DataFrame:
    """Return (and optionally write) the missing cells of a table, ready to fill.

    Parameters
    ----------
    table_id : str
        A table of cells (see :func:`gulagstats.tables`).
    path : path, optional
        Where to write the CSV; it must not be inside the package's data directory.

    Returns
    -------
    pandas.DataFrame
        One row per missing cell with the columns of :data:`OVERLAY_COLUMNS`;
        ``value``, ``locator`` (where you read it: page, table, row) and
        ``note`` are empty.

    Examples
    --------
    >>> import gulagstats
    >>> t = gulagstats.template("appendix")
    >>> list(t.columns)[:3]
    ['table', 'period', 'population']
    """
    frame = load(table_id)
    if "preferred" not in frame.columns:
        raise OverlayError(f"table {table_id!r} is not a table of cells; templates exist only for tables of cells")
    missing = frame[frame["status"] == MISSING]
    out = missing[CELL_KEY].assign(table=table_id, value="", locator="", note="")[OVERLAY_COLUMNS]
    out = out.reset_index(drop=True)
    if path is not None:
        from .outputs import write_text

        write_text(path, out.to_csv(index=False), "the template")
    return out


def pivot_wide(frame: pd.DataFrame, layout: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """Pivot a long table of cells into the printed layout (preferred values only).

    Parameters
    ----------
    frame : pandas.DataFrame
        A long table as returned by :func:`load`.
    layout : dict, optional
        ``{"index": [...], "columns": [...]}`` naming the key columns that make
        the rows and the columns; by default rows are periods and columns the
        population, measure and category.  An optional ``"order"`` lists
        column labels to put first, as printed.

    Returns
    -------
    pandas.DataFrame
        Values in the printed layout; ``.attrs["status"]`` and
        ``.attrs["source"]`` hold the status and source of every cell.

    Examples
    --------
    >>> import gulagstats
    >>> wide = pivot_wide(gulagstats.load("appendix"))
    >>> int(wide.loc["1939", "gulag_camps inmates"]), wide.attrs["status"].loc["1939", "gulag_camps inmates"]
    (1317195, 'confirmed')
    """
    if "preferred" not in frame.columns:
        raise DataFormatError(f"table {frame.attrs.get('table', '?')} is not a table of cells and has no printed layout; drop --wide (wide=False)")
    layout = layout or {"index": ["period"], "columns": ["population", "measure", "category"]}
    chosen = frame[frame["preferred"].fillna(False)].copy()
    chosen["period"] = [period_label(p) for p in chosen["period"]]
    chosen = chosen.sort_values("start", kind="stable")
    index = [c for c in layout["index"] if (chosen[c] != "").any()] or layout["index"][:1]
    columns = [c for c in layout["columns"] if (chosen[c] != "").any()]
    labels = chosen[columns].apply(lambda r: " ".join(x for x in r if x), axis=1) if columns else "value"
    chosen = chosen.assign(_column=labels)
    if chosen.duplicated([*index, "_column"]).any():  # the layout leaves out a key that varies: rows of its own
        placed = set(layout["index"]) | set(layout["columns"])
        index += [c for c in ("period", "population", "measure", "category", "unit")
                  if c not in placed and chosen[c].nunique() > 1]
    order_rows = list(dict.fromkeys(map(tuple, chosen[index].to_numpy())))
    first = [c for c in layout.get("order", []) if c in set(chosen["_column"])]
    order_cols = list(dict.fromkeys([*first, *chosen["_column"]]))

    def grid(values: str) -> pd.DataFrame:
        out = chosen.pivot(index=index, columns="_column", values=values)
        rows = pd.MultiIndex.from_tuples(order_rows, names=index) if len(index) > 1 else [r[0] for r in order_rows]
        out = out.reindex(index=rows)
        out = out.reindex(columns=order_cols)
        out.columns.name = None
        return out

    values = grid("value")
    values.attrs = {"table": frame.attrs.get("table"), "status": grid("status"), "source": grid("source")}
    return values


def sources() -> pd.DataFrame:
    """Return the citations of every source key used in the data.

    Returns
    -------
    pandas.DataFrame
        Columns ``key``, ``citation``, ``url``, ``kind``.

    Examples
    --------
    >>> import gulagstats
    >>> gulagstats.sources().set_index("key").loc["grz1993", "citation"][:5]
    'Getty'
    """
    return load("sources")


def source(key: str) -> Source:
    """Return one source as a model.

    Parameters
    ----------
    key : str
        A source key, as in the ``source`` column of every table.

    Returns
    -------
    Source
        Its key, citation, URL and kind.

    Raises
    ------
    UnknownSourceError
        For a key that is not in ``sources()`` (a ``KeyError``; the message suggests the nearest).

    Examples
    --------
    >>> import gulagstats
    >>> gulagstats.source("grz1993").citation[:5]
    'Getty'
    """
    frame = sources().set_index("key")
    if key not in frame.index:
        raise UnknownSourceError(key, frame.index)
    row = frame.loc[key]
    return Source(key=key, citation=row["citation"], url=row["url"], kind=row["kind"])
