"""Completing a table from the printed article: templates and overlays.

A *template* lists the missing cells of a table as CSV, ready to fill.  A
filled template is an *overlay*: :func:`read_overlay` validates it strictly and
:func:`apply_overlay` merges its values into a loaded table as rows with status
``user`` that become the cells' preferred values (the published rows stay, as
alternatives).  Nothing is ever written into ``data/``.

An overlay may also give a value for a cell that is already known (to test a
reading of the printed table against the checks); it may not name a cell the
table does not have.
"""

from __future__ import annotations

import csv
import io
import math
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .errors import OverlayError
from .store import refuse_inside_data_dir

#: Columns of a template and of an overlay (locator and note may be left empty).
OVERLAY_COLUMNS = ["table", "period", "population", "measure", "category", "unit", "value", "locator", "note"]
REQUIRED = ["table", "period", "population", "measure", "category", "unit", "value"]
KEY = ["period", "population", "measure", "category", "unit"]
COUNT_UNITS = {"persons", "camps", "colonies", "cases"}
MAX_REPORTED = 3


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
    from .loaders import load

    frame = load(table_id)
    if "preferred" not in frame.columns:
        raise OverlayError(f"table {table_id!r} is not a table of cells; templates exist only for tables of cells")
    missing = frame[frame["status"] == "missing"]
    out = missing[KEY].assign(table=table_id, value="", locator="", note="")[OVERLAY_COLUMNS]
    out = out.reset_index(drop=True)
    if path is not None:
        refuse_inside_data_dir(path, "the template")
        out.to_csv(path, index=False)
    return out


def _check_row(row: dict[str, str], line: int, cells: dict[str, set[tuple]], seen: dict[tuple, int]) -> str | None:
    table = row["table"].strip()
    if table not in cells:
        known = ", ".join(sorted(cells))
        return f"unknown table {table!r} (tables of cells: {known})"
    key = tuple(row[k].strip() for k in KEY)
    if key not in cells[table]:
        return f"table {table} has no cell {'/'.join(k for k in key if k)} (take the rows of 'gulagstats template {table}')"
    if (table, key) in seen:
        return f"duplicate cell, first given on line {seen[(table, key)]}"
    seen[(table, key)] = line
    text = row["value"].strip().replace(",", "")
    try:
        value = float(text)
    except ValueError:
        return f"value {row['value']!r} is not a number"
    if math.isnan(value) or math.isinf(value):
        return f"value {row['value']!r} is not a finite number"
    if value < 0:
        return f"value {row['value']!r} is negative; counts and shares are never negative"
    unit = key[-1]
    if unit == "percent" and value > 100:
        return f"value {row['value']!r} is a percentage above 100"
    if unit in COUNT_UNITS and not value.is_integer():
        return f"value {row['value']!r} is not a whole number of {unit}"
    if value > 1e9:
        return f"value {row['value']!r} is larger than any count in these tables (over 1e9)"
    return None


def _cells_by_table(named: set[str]) -> dict[str, set[tuple]]:
    """The cell keys of every table of cells named in the overlay (others: table known, cells unread)."""
    from .loaders import load, tables

    cell_tables = set(tables().query("kind == 'cells'")["id"])
    return {t: set(map(tuple, load(t)[KEY].to_numpy().tolist())) if t in named else set() for t in cell_tables}


@lru_cache(maxsize=8)
def _read_cached(path: str, mtime_ns: int, size: int) -> pd.DataFrame:
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise OverlayError(f"overlay {source.name} is not UTF-8 text; save it as UTF-8 CSV") from None
    if not text.strip():
        raise OverlayError(f"overlay {source.name} is empty; expected a header row {','.join(OVERLAY_COLUMNS)}")
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = reader.fieldnames or []
        rows, lines, last = [], [], reader.line_num
        for record in reader:  # a quoted field may span lines: number each row by its first line
            rows.append(record)
            lines.append(last + 1)
            last = reader.line_num
    except csv.Error as exc:
        raise OverlayError(f"overlay {source.name} is not a readable CSV ({exc})") from None
    absent = [c for c in REQUIRED if c not in header]
    if absent:
        raise OverlayError(
            f"overlay {source.name} lacks column(s) {', '.join(absent)}; expected {','.join(OVERLAY_COLUMNS)}"
        )
    cells = _cells_by_table({(r.get("table") or "").strip() for r in rows})
    seen: dict[tuple, int] = {}
    problems, accepted = [], []
    for line, raw in zip(lines, rows):
        if None in raw:  # DictReader puts surplus fields under the key None
            problems.append(f"line {line}: more fields than the header")
            continue
        row = {k: v or "" for k, v in raw.items()}
        if not row["value"].strip():
            continue  # a template row left unfilled
        issue = _check_row(row, line, cells, seen)
        if issue:
            problems.append(f"line {line}: {issue}")
            continue
        accepted.append(
            {
                "table": row["table"].strip(),
                **{k: row[k].strip() for k in KEY},
                "value": float(row["value"].strip().replace(",", "")),
                "locator": (row.get("locator") or "").strip(),
                "note": (row.get("note") or "").strip(),
                "line": line,
            }
        )
    if problems:
        more = f" (and {len(problems) - MAX_REPORTED} more)" if len(problems) > MAX_REPORTED else ""
        raise OverlayError(f"overlay {source.name}: {len(problems)} bad row(s): " + "; ".join(problems[:MAX_REPORTED]) + more)
    return pd.DataFrame(accepted, columns=["table", *KEY, "value", "locator", "note", "line"])


def read_overlay(path: str | Path) -> pd.DataFrame:
    """Read and validate a filled template.

    Every row is checked: the table exists and is a table of cells, the cell
    exists in it, no cell is given twice, the value is a finite, non-negative
    number, a whole number for counts, at most 100 for percentages.  Rows whose
    value is left empty are ignored.

    Parameters
    ----------
    path : path
        The overlay CSV (columns ``table, period, population, measure,
        category, unit, value`` and optionally ``locator, note``).

    Returns
    -------
    pandas.DataFrame
        The accepted rows, with their line numbers.

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
    >>> len(gulagstats.read_overlay(path))   # nothing filled yet
    0
    """
    source = Path(path)
    if not source.exists():
        raise OverlayError(f"overlay {path} does not exist; create it with 'gulagstats template TABLE'")
    if source.is_dir():
        raise OverlayError(f"overlay {path} is a directory; expected a CSV file")
    stat = source.stat()
    return _read_cached(str(source.resolve()), stat.st_mtime_ns, stat.st_size).copy()


def apply_overlay(frame: pd.DataFrame, table_id: str, path: str | Path) -> pd.DataFrame:
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
    path : path
        The overlay (a filled template); read and validated by :func:`read_overlay`.

    Returns
    -------
    pandas.DataFrame
        A new frame; ``frame`` itself is left as it was.

    Examples
    --------
    >>> import os, tempfile
    >>> from gulagstats.loaders import read_table
    >>> filled = template("appendix").head(1).assign(value="1000")
    >>> path = os.path.join(tempfile.mkdtemp(), "mine.csv")
    >>> _ = filled.to_csv(path, index=False)
    >>> merged = apply_overlay(read_table("appendix"), "appendix", path)
    >>> merged.loc[merged["status"] == "user", "value"].tolist()
    [1000]
    """
    overlay = read_overlay(path)
    rows = overlay[overlay["table"] == table_id]
    if rows.empty:
        return frame
    name = Path(path).name
    added = pd.DataFrame(
        {
            **{k: rows[k].to_numpy() for k in KEY},
            "value": rows["value"].to_numpy(),
            "grz_ref": "",
            "source": "user",
            "locator": [
                (f"{loc}; " if loc else "") + f"overlay {name} line {line}"
                for loc, line in zip(rows["locator"], rows["line"])
            ],
            "status": "user",
            "preferred": True,
            "note": rows["note"].to_numpy(),
        }
    )
    keys = set(map(tuple, rows[KEY].to_numpy().tolist()))
    in_overlay = pd.Series([tuple(k) in keys for k in frame[KEY].to_numpy().tolist()], index=frame.index)
    refs = frame.loc[in_overlay].drop_duplicates(KEY).set_index(KEY)["grz_ref"]
    added["grz_ref"] = [refs.get(tuple(k), "") for k in added[KEY].to_numpy().tolist()]
    kept = frame[~(in_overlay & (frame["status"] == "missing"))].copy()
    kept.loc[in_overlay[~(in_overlay & (frame["status"] == "missing"))], "preferred"] = False
    from .periods import period_bounds

    bounds = [period_bounds(p) for p in added["period"]]
    added["start"] = pd.to_datetime([b[0] for b in bounds])
    added["end"] = pd.to_datetime([b[1] for b in bounds])
    for column in kept.columns.difference(added.columns):  # e.g. composition: empty for a user's value
        added[column] = ""
    added = added[[c for c in kept.columns]]
    for column in ("value", "preferred", "status", "start", "end"):
        added[column] = added[column].astype(kept[column].dtype) if column != "value" else _as_value_dtype(
            added[column], kept[column].dtype
        )
    merged = pd.concat([kept, added], ignore_index=True)
    merged.attrs = dict(frame.attrs)
    return merged


def _as_value_dtype(values: pd.Series, dtype) -> pd.Series:
    if str(dtype) == "Int64":
        return values.round().astype("Int64")
    return values.astype(dtype)
