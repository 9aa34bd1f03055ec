"""Loaders: list, describe and read the tables of the data package, typed.

Every table is read from its CSV after a hash check and typed by the schema in
``datapackage.json`` (ints as nullable ``Int64``, dates as ``datetime64``,
``status`` as an ordered category), so what a user gets is what the record
says, with each value's source, locator and status on its own row.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pandas as pd

from . import store
from .errors import DataFormatError, UnknownTableError
from .models import STATUSES, FieldMeta, TableMeta
from .periods import period_bounds, period_label
from .vocabulary import COUNT_UNITS


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


def table_list() -> pd.DataFrame:
    """List the tables of the data package (:func:`gulagstats.tables`).

    Returns
    -------
    pandas.DataFrame
        One row a table: ``id``, ``title``, ``grz_ref``, ``kind``,
        ``beyond_grz`` and ``rows`` (rows on disk, as recorded with the hash).

    Examples
    --------
    >>> "appendix" in set(table_list()["id"])
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


def table_meta(table_id: str) -> TableMeta:
    """Return the metadata of one table as a validated model (:func:`gulagstats.describe`).

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
    >>> table_meta("appendix").kind
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

    Every call reads the file: a :class:`~gulagstats.core.record.Record` keeps what
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


#: The column groups of a wide table with its provenance (:func:`pivot_wide`).
PROVENANCE_PARTS = ("value", "status", "source")


def pivot_wide(
    frame: pd.DataFrame, layout: dict[str, list[str]] | None = None, provenance: bool = False
) -> pd.DataFrame:
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
    provenance : bool, default False
        Also give the status and the source of every cell: the columns become
        two levels, ``value``, ``status`` and ``source`` over the printed
        columns, so that a row selection, a merge or a concatenation keeps
        each value beside its provenance.

    Returns
    -------
    pandas.DataFrame
        Values in the printed layout (``.attrs`` holds only the table id).

    Examples
    --------
    >>> wide = pivot_wide(read_table("appendix"), provenance=True)
    >>> int(wide.loc["1939", ("value", "gulag_camps inmates")]), wide.loc["1939", ("status", "gulag_camps inmates")]
    (1317195, 'confirmed')
    >>> list(wide.columns.levels[0]), int(pivot_wide(read_table("appendix")).loc["1939", "gulag_camps inmates"])
    (['value', 'status', 'source'], 1317195)
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

    if provenance:
        wide = pd.concat({part: grid(part) for part in PROVENANCE_PARTS}, axis=1)
    else:
        wide = grid("value")
    wide.attrs = {"table": frame.attrs.get("table")}
    return wide
