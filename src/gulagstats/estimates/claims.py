"""Claims to assess: read from a CSV file or a frame, and checked row by row.

A claims file is UTF-8 CSV with a header.  It must have a ``quantity``
column and, per row, either ``value`` or ``low`` and/or ``high``; ``period``,
``unit`` (default ``persons``), ``region`` (default the USSR) and ``id`` are
optional, and any other column is carried through untouched.  A row that
cannot be assessed (unknown quantity, a number that is not a finite
non-negative number, low above high, an unreadable period) gets an error text
with its line number, and the other rows are assessed all the same.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import DataFormatError, nearest
from .vocabulary import QUANTITIES, normalize_period

#: The largest number a claim may state: more than the world's population is a typo, not a claim.
LARGEST = 1e9

#: Optional columns a claims file may have besides ``quantity``.
CLAIM_COLUMNS = ("id", "quantity", "value", "low", "high", "period", "unit", "region")


def read_claims(path: str | Path) -> pd.DataFrame:
    """Read a claims CSV as text, with the line on which each row starts.

    Parameters
    ----------
    path : path
        A UTF-8 CSV file with a header that has a ``quantity`` column.

    Returns
    -------
    pandas.DataFrame
        The columns as written (values as text) and ``line``.

    Raises
    ------
    DataFormatError
        If the file is missing, not UTF-8, empty, not a readable CSV, or has
        no ``quantity`` column.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "claims.csv")
    >>> pd.DataFrame({"quantity": ["executions"], "value": ["7000000"]}).to_csv(path, index=False)
    >>> read_claims(path)[["quantity", "value", "line"]].values.tolist()
    [['executions', '7000000', 2]]
    """
    source = Path(path)
    if not source.is_file():
        raise DataFormatError(f"claims file {path} does not exist or is not a file; expected a CSV with a quantity column")
    try:
        text = source.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataFormatError(f"claims file {source.name} is not UTF-8 text; save it as UTF-8 CSV") from None
    if not text.strip():
        raise DataFormatError(f"claims file {source.name} is empty; expected a header with a quantity column")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
        rows, lines, last = [], [], reader.line_num
        for record in reader:
            if record:
                rows.append(record)
                lines.append(last + 1)
            last = reader.line_num
    except csv.Error as exc:
        raise DataFormatError(f"claims file {source.name} is not a readable CSV (line {reader.line_num}: {exc})") from None
    if "quantity" not in [h.lower() for h in header]:
        shown = ", ".join(header[:6]) or "none"
        raise DataFormatError(f"claims file {source.name} has no quantity column (columns: {shown}); expected {','.join(CLAIM_COLUMNS)}")
    width = len(header)
    surplus = [len(r) > width for r in rows]
    frame = pd.DataFrame([(r + [""] * width)[:width] for r in rows], columns=header, dtype=object)
    frame["line"] = lines
    frame.attrs["surplus"] = np.array(surplus, dtype=bool)
    return frame


def _numbers(text: pd.Series) -> tuple[pd.Series, dict[str, pd.Series]]:
    """Parse a column of numbers written as text: the values, and the rows that are not usable."""
    cleaned = text.str.replace(r"[,_\s\u00a0\u202f]", "", regex=True)
    values = pd.to_numeric(cleaned, errors="coerce").astype(float)
    given = text != ""
    bad = {
        "is not a number": given & values.isna(),
        "is not a finite number": given & np.isinf(values),
        "is negative; counts are never negative": given & (values < 0) & ~np.isinf(values),
        f"is larger than any count of people (over {LARGEST:.0e}; the world had about 2e9 people in 1939)": given
        & np.isfinite(values)
        & (values > LARGEST),
    }
    return values.where(given & np.isfinite(values) & (values >= 0) & (values <= LARGEST)), bad


def check_claims(frame: pd.DataFrame) -> pd.DataFrame:
    """Check and normalize claims; every row gets its numbers, period and error text.

    Parameters
    ----------
    frame : pandas.DataFrame
        A ``quantity`` column and ``value`` or ``low``/``high``; optional
        ``period``, ``unit``, ``region`` (column names are matched without
        regard to case).

    Returns
    -------
    pandas.DataFrame
        Columns ``quantity`` (normalized), ``period`` (ISO, or empty),
        ``period_label`` (as written), ``low``, ``high``, ``unit``, ``region``,
        ``unknown_quantity`` (bool) and ``error`` (empty when the row is fine),
        on the same index as ``frame``.

    Examples
    --------
    >>> claims = pd.DataFrame({"quantity": ["Executions", "executions"], "value": ["7,000,000", "-5"],
    ...                        "period": ["1937-1938", "1938"]})
    >>> checked = check_claims(claims)
    >>> checked.loc[0, "quantity"], checked.loc[0, "period"], int(checked.loc[0, "low"])
    ('executions', '1937/1938', 7000000)
    >>> checked.loc[1, "error"]
    "value '-5' is negative; counts are never negative"
    """
    cols = {str(c).strip().lower(): c for c in frame.columns}
    text = {
        name: frame[cols[name]].fillna("").astype(str).str.strip()
        if name in cols
        else pd.Series("", index=frame.index, dtype=object)
        for name in CLAIM_COLUMNS
    }
    quantity = text["quantity"].str.lower().str.replace(r"[\s-]+", "_", regex=True)
    numbers = {name: _numbers(text[name]) for name in ("value", "low", "high")}
    value, low, high = (numbers[name][0] for name in ("value", "low", "high"))
    has_value = text["value"] != ""
    has_bounds = (text["low"] != "") | (text["high"] != "")
    low = value.where(has_value, low)
    high = value.where(has_value, high)
    written = text["period"]
    period = written.map({p: normalize_period(p) for p in set(written)})
    unknown = ~quantity.isin(QUANTITIES) & (quantity != "")
    named = {q: _unknown_quantity(q) for q in set(quantity[unknown])}

    error = pd.Series("", index=frame.index, dtype=object)

    def add(mask: pd.Series | np.ndarray, message) -> None:
        """Append a message to the rows of ``mask``; ``message`` is text or a function of those rows."""
        rows = np.flatnonzero(np.asarray(mask, dtype=bool))
        if rows.size == 0:
            return
        index = frame.index[rows]
        found = [message] * rows.size if isinstance(message, str) else list(message(index))
        error.loc[index] = [f"{e}; {m}" if e else m for e, m in zip(error.loc[index].tolist(), found)]

    add(frame.attrs.get("surplus", np.zeros(len(frame), dtype=bool)), "more fields than the header")
    add(quantity == "", "no quantity")
    add(unknown, lambda i: quantity[i].map(named))
    for name in ("value", "low", "high"):
        for problem, mask in numbers[name][1].items():
            add(mask, lambda i, name=name, problem=problem: [f"{name} {v!r} {problem}" for v in text[name][i].tolist()])
    add(has_value & has_bounds, "give either value or low/high, not both")
    add(~has_value & ~has_bounds, "no number: give value, or low and/or high")
    add(low > high, lambda i: [f"low {a} is above high {b}" for a, b in zip(text["low"][i].tolist(), text["high"][i].tolist())])
    add(
        period.isna(),
        lambda i: [f"period {p!r} is not a year (1938), a day (1939-01-01) or a span (1937/1938)" for p in written[i].tolist()],
    )
    unit = text["unit"].where(text["unit"] != "", "persons")
    region = text["region"].where(text["region"] != "", "USSR")
    return pd.DataFrame(
        {
            "quantity": quantity,
            "period": period.fillna(""),
            "period_label": written,
            "low": low,
            "high": high,
            "unit": unit,
            "region": region,
            "unknown_quantity": unknown,
            "error": error,
        },
        index=frame.index,
    )


def _unknown_quantity(name: str) -> str:
    near = nearest(name, QUANTITIES)
    hint = f"; did you mean {', '.join(repr(n) for n in near)}?" if near else ""
    return f"unknown quantity {name!r}{hint} (see gulagstats.quantities())"
