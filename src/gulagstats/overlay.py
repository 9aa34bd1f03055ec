"""Completing a table from the printed article: templates and overlays.

A *template* lists the missing cells of a table as CSV, ready to fill.  A
filled template is an *overlay*: :func:`read_overlay_file` reads and validates it
strictly against an index of the tables' cells (given by the caller, the
:class:`~gulagstats.core.record.Record`; by default read from the hash-checked
files) and :func:`apply_overlay` merges its rows into a loaded table as rows
with status ``user`` that become the cells' preferred values (the published
rows stay, as alternatives).  Both are pure transforms: nothing is kept
between calls (a record reads its overlay once), nothing is ever written
into ``data/``, and nothing here reads through the loaders.

An overlay may also give a value for a cell that is already known (to test a
reading of the printed table against the checks); it may not name a cell the
table does not have.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pandas as pd

from . import store
from .errors import NumberFormatError, OverlayError, printable
from .inputs import read_input
from .numbers import parse_number
from .periods import period_bounds
from .vocabulary import COUNT_UNITS, MISSING, PERCENT, USER

#: Columns of a template and of an overlay (locator and note may be left empty).
OVERLAY_COLUMNS = ["table", "period", "population", "measure", "category", "unit", "value", "locator", "note"]
REQUIRED = ["table", "period", "population", "measure", "category", "unit", "value"]
KEY = ["period", "population", "measure", "category", "unit"]
MAX_REPORTED = 3


#: The cell keys of each table of cells, by table id (a table whose cells are not needed: an empty set).
CellKeys = Mapping[str, set[tuple]]
#: Gives the cell keys of the tables an overlay names (the caller decides where the cells come from).
CellKeysOf = Callable[[set[str]], CellKeys]


def _check_key(row: dict[str, str], cells: CellKeys) -> str | None:
    """Why a row's table and cell key are not a cell of a table of cells (None if they are)."""
    table = row["table"].strip()
    if table not in cells:
        known = ", ".join(sorted(cells))
        return f"unknown table {printable(table)!r} (tables of cells: {known})"
    key = tuple(row[k].strip() for k in KEY)
    if key not in cells[table]:
        shown = printable("/".join(k for k in key if k))
        return f"table {table} has no cell {shown!r} (take the rows of 'gulagstats template {table}')"
    return None


def _check_row(row: dict[str, str], line: int, cells: CellKeys, seen: dict[tuple, int]) -> str | None:
    issue = _check_key(row, cells)
    if issue:
        return issue
    table = row["table"].strip()
    key = tuple(row[k].strip() for k in KEY)
    if (table, key) in seen:
        return f"duplicate cell, first given on line {seen[(table, key)]}"
    seen[(table, key)] = line
    unit = key[-1]
    try:
        value = parse_number(row["value"], "value", whole=unit in COUNT_UNITS)
    except NumberFormatError as exc:
        return str(exc) + (f" of {unit}" if str(exc).endswith("whole number") else "")
    if value < 0:
        return f"value {row['value']!r} is negative; counts and shares are never negative"
    if unit == PERCENT and value > 100:
        return f"value {row['value']!r} is a percentage above 100"
    if value > 1e9:
        return f"value {row['value']!r} is larger than any count in these tables (over 1e9)"
    return None


def stored_cell_keys(named: Iterable[str]) -> dict[str, set[tuple]]:
    """The cell keys of the stored tables of cells named (the others: known, cells unread).

    Read from the hash-checked files directly: what :func:`read_overlay_file`
    validates against when no record gives its own index.

    Examples
    --------
    >>> index = stored_cell_keys(["appendix"])
    >>> ("1939-01-01", "gulag_camps", "inmates", "", "persons") in index["appendix"], index["appendix_rates"]
    (True, set())
    """
    wanted = set(named)
    resources = {t: r for t, r in store.resources().items() if r.get("kind", "cells") == "cells"}
    out: dict[str, set[tuple]] = {}
    for table_id, resource in resources.items():
        out[table_id] = set()
        if table_id in wanted:
            with open(store.verified_path(resource), newline="", encoding="utf-8") as handle:
                out[table_id] = {tuple(row[k] for k in KEY) for row in csv.DictReader(handle)}
    return out


#: The largest overlay read, in bytes: a filled template of every table is well under 1 MB.
MAX_OVERLAY_BYTES = 16 * 1024 * 1024


def _rows(name: str, data: bytes) -> tuple[list[list[str]], list[dict[str, str]], list[int], int]:
    """The records of an overlay's CSV, as lists and as dicts by the header, with their first lines."""
    shown = printable(name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise OverlayError(f"overlay {shown} is not UTF-8 text; save it as UTF-8 CSV") from None
    if not text.strip():
        raise OverlayError(f"overlay {shown} is empty; expected a header row {','.join(OVERLAY_COLUMNS)}")
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        header = [h.strip() for h in next(reader)]
        records, lines, last = [], [], reader.line_num
        for record in reader:  # a quoted field may span lines: number each row by its first line
            if record:
                records.append(record)
                lines.append(last + 1)
            last = reader.line_num
    except csv.Error as exc:
        raise OverlayError(f"overlay {shown} is not a readable CSV ({printable(exc)})") from None
    lowered = [h.lower() for h in header]
    repeated = sorted({h for h, low in zip(header, lowered) if lowered.count(low) > 1})
    if repeated:
        raise OverlayError(
            f"overlay {shown} repeats column(s) {printable(', '.join(repeated))} (names are compared "
            "without regard to case); keep one of each"
        )
    absent = [c for c in REQUIRED if c not in header]
    if absent:
        raise OverlayError(
            f"overlay {shown} lacks column(s) {', '.join(absent)}; expected {','.join(OVERLAY_COLUMNS)}"
        )
    width = len(header)
    rows = [dict(zip(header, (r + [""] * width)[:width])) for r in records]
    return records, rows, lines, width


def _parse(name: str, data: bytes, index: CellKeysOf) -> pd.DataFrame:
    shown = printable(name)
    records, rows, lines, width = _rows(name, data)
    cells = index({r["table"].strip() for r in rows})
    seen: dict[tuple, int] = {}
    problems, accepted = [], []
    for line, record, row in zip(lines, records, rows):
        if len(record) > width:
            problems.append(f"line {line}: more fields than the header")
            continue
        if not any(v.strip() for v in record):
            continue  # a line of empty fields
        if len(record) < width and any(v.strip() for v in record):
            problems.append(f"line {line}: {len(record)} fields where the header has {width}")
            continue
        if not row["value"].strip():
            issue = _check_key(row, cells)  # a template row left unfilled; any other row is an error
            if issue:
                problems.append(f"line {line}: {issue}")
            continue
        issue = _check_row(row, line, cells, seen)
        if issue:
            problems.append(f"line {line}: {printable(issue)}")
            continue
        accepted.append(
            {
                "table": row["table"].strip(),
                **{k: row[k].strip() for k in KEY},
                "value": parse_number(row["value"]),
                "locator": (row.get("locator") or "").strip(),
                "note": (row.get("note") or "").strip(),
                "line": line,
            }
        )
    if problems:
        more = f" (and {len(problems) - MAX_REPORTED} more)" if len(problems) > MAX_REPORTED else ""
        raise OverlayError(f"overlay {shown}: {len(problems)} bad row(s): " + "; ".join(problems[:MAX_REPORTED]) + more)
    return pd.DataFrame(accepted, columns=["table", *KEY, "value", "locator", "note", "line"])


def _read_bytes(path: str | Path) -> tuple[str, bytes]:
    source = Path(path)
    if not source.exists() and not source.is_symlink():
        raise OverlayError(
            f"overlay {printable(path)} does not exist; create it with 'gulagstats template TABLE'"
        )
    return source.name, read_input(source, "overlay", limit=MAX_OVERLAY_BYTES, error=OverlayError)


def read_overlay_file(path: str | Path, cells: CellKeysOf | None = None) -> pd.DataFrame:
    """Read and validate a filled template (each call reads the file anew).

    Every row is checked: the table exists and is a table of cells, the cell
    exists in it, no cell is given twice, the value is a finite, non-negative
    number, a whole number for counts, at most 100 for percentages.  Rows whose
    value is left empty are ignored.

    Parameters
    ----------
    path : path
        The overlay CSV (columns ``table, period, population, measure,
        category, unit, value`` and optionally ``locator, note``).
    cells : callable, optional
        Given the tables the overlay names, returns the cell keys of each table
        of cells by table id, to validate the rows against (a
        :class:`~gulagstats.core.record.Record` passes its own; by default
        :func:`stored_cell_keys`, the stored tables).

    Returns
    -------
    pandas.DataFrame
        The accepted rows, with their line numbers; ``.attrs["name"]`` is the
        file's name (the locator of every value merged from it cites it).

    Raises
    ------
    OverlayError
        One line naming the file, how many rows are bad, and the line number
        and reason of the first few.

    Examples
    --------
    >>> import gulagstats, tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "mine.csv")
    >>> t = gulagstats.template("appendix")
    >>> _ = t.to_csv(path, index=False)
    >>> len(read_overlay_file(path))   # nothing filled yet
    0
    """
    name, data = _read_bytes(path)
    rows = _parse(name, data, cells or stored_cell_keys)
    rows.attrs["name"] = name
    return rows


def template_of(frame: pd.DataFrame, table_id: str) -> pd.DataFrame:
    """The missing cells of a loaded table of cells, as the rows of a template to fill (:func:`gulagstats.template`).

    Raises
    ------
    OverlayError
        For a table that is not a table of cells.

    Examples
    --------
    >>> from gulagstats.loaders import read_table
    >>> rows = template_of(read_table("appendix"), "appendix")
    >>> list(rows.columns) == OVERLAY_COLUMNS, set(rows["value"])
    (True, {''})
    """
    if "preferred" not in frame.columns:
        raise OverlayError(f"table {table_id!r} is not a table of cells; templates exist only for tables of cells")
    missing = frame[frame["status"] == MISSING]
    out = missing[KEY].assign(table=table_id, value="", locator="", note="")[OVERLAY_COLUMNS]
    return out.reset_index(drop=True)


def apply_overlay(frame: pd.DataFrame, table_id: str, rows: pd.DataFrame) -> pd.DataFrame:
    """Merge an overlay's rows for ``table_id`` into a loaded long table.

    The user's value becomes the cell's preferred row (status ``user``, source
    ``user``, locator the user's locator and the overlay's file and line); the
    cell's published rows stay as alternatives; its ``missing`` row is dropped.

    Parameters
    ----------
    frame : pandas.DataFrame
        The long table ``table_id`` as read from the data.
    table_id : str
        Which of the overlay's rows to merge.
    rows : pandas.DataFrame
        The rows of an overlay as :func:`read_overlay_file` returns them (validated;
        ``.attrs["name"]``, the file's name, goes into each value's locator).

    Returns
    -------
    pandas.DataFrame
        A new frame (``frame`` itself if the overlay has no row for the table);
        ``frame`` is never changed.

    Examples
    --------
    >>> import gulagstats, os, tempfile
    >>> from gulagstats.loaders import read_table
    >>> filled = gulagstats.template("appendix").head(1).assign(value="1000")
    >>> path = os.path.join(tempfile.mkdtemp(), "mine.csv")
    >>> _ = filled.to_csv(path, index=False)
    >>> merged = apply_overlay(read_table("appendix"), "appendix", read_overlay_file(path))
    >>> merged.loc[merged["status"] == "user", "value"].tolist()
    [1000]
    """
    name = rows.attrs.get("name", "")
    rows = rows[rows["table"] == table_id]
    if rows.empty:
        return frame
    added = pd.DataFrame(
        {
            **{k: rows[k].to_numpy() for k in KEY},
            "value": rows["value"].to_numpy(),
            "grz_ref": "",
            "source": USER,
            "locator": [
                (f"{loc}; " if loc else "") + f"overlay {name} line {line}"
                for loc, line in zip(rows["locator"], rows["line"])
            ],
            "status": USER,
            "preferred": True,
            "note": rows["note"].to_numpy(),
        }
    )
    keys = set(map(tuple, rows[KEY].to_numpy().tolist()))
    in_overlay = pd.Series([tuple(k) in keys for k in frame[KEY].to_numpy().tolist()], index=frame.index)
    refs = frame.loc[in_overlay].drop_duplicates(KEY).set_index(KEY)["grz_ref"]
    added["grz_ref"] = [refs.get(tuple(k), "") for k in added[KEY].to_numpy().tolist()]
    kept = frame[~(in_overlay & (frame["status"] == MISSING))].copy()
    kept.loc[in_overlay[~(in_overlay & (frame["status"] == MISSING))], "preferred"] = False
    bounds = [period_bounds(p) for p in added["period"]]
    added["start"] = pd.to_datetime([b[0] for b in bounds])
    added["end"] = pd.to_datetime([b[1] for b in bounds])
    for column in kept.columns.difference(added.columns):  # e.g. composition: empty for a user's value
        added[column] = ""
    added = added[list(kept.columns)]
    for column in ("value", "preferred", "status", "start", "end"):
        added[column] = added[column].astype(kept[column].dtype) if column != "value" else _as_value_dtype(
            added[column], kept[column].dtype
        )
    merged = pd.concat([kept, added], ignore_index=True)
    merged.attrs = dict(frame.attrs)
    return merged


def _as_value_dtype(values: pd.Series, dtype) -> pd.Series:
    if str(dtype) == "Int64":
        if not all(float(v).is_integer() for v in values):  # never round a user's value away
            raise OverlayError("a fraction for a table whose values are whole numbers; give whole numbers")
        return values.astype("Int64")
    return values.astype(dtype)
