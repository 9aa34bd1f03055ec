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
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import DataFormatError, NumberFormatError, printable
from ..inputs import read_input
from ..numbers import parse_number
from ..vocabulary import COUNT_UNITS, PERSONS, QUANTITIES
from .vocabulary import normalize_period, suggest

#: The largest claims file read, in bytes (about 1.3 million claims); a larger file is refused
#: before it is read, so that memory stays bounded. Split larger files.
MAX_CLAIMS_BYTES = 64 * 1024 * 1024

#: The largest number a claim may state: more than the world's population is a typo, not a claim.
LARGEST = 1e9

#: Optional columns a claims file may have besides ``quantity``.
CLAIM_FILE_COLUMNS = ("id", "quantity", "value", "low", "high", "period", "unit", "region", "scope", "wording")


def read_claims(path: str | Path) -> pd.DataFrame:
    """Read a claims CSV as text, with the line on which each row starts.

    A file without quotes is read by pandas' C parser, where each record is
    one line; any other file (quoted fields, which may hold line breaks), or
    one the C parser would read differently, by the ``csv`` module.  Both
    give the same rows and lines.

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
    name = printable(source.name)
    raw = read_input(source, "claims file", limit=MAX_CLAIMS_BYTES, error=DataFormatError)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataFormatError(f"claims file {name} is not UTF-8 text; save it as UTF-8 CSV") from None
    if not text.strip():
        raise DataFormatError(f"claims file {name} is empty; expected a header with a quantity column")
    frame = _read_unquoted(raw, text)
    del raw
    if frame is None:
        frame = _read_with_csv(text, name)
    header = [str(c) for c in frame.columns[:-1]]
    if "quantity" not in [h.lower() for h in header]:
        shown = printable(", ".join(header[:6]) or "none")
        raise DataFormatError(f"claims file {name} has no quantity column (columns: {shown}); expected {','.join(CLAIM_FILE_COLUMNS)}")
    return frame


#: Columns that assess_claims adds; an input column of the same name is kept as input_NAME.
OUTPUT_COLUMNS = (
    "line", "claim_period", "claim_low", "claim_high", "benchmark_id", "benchmark_period", "benchmark_low",
    "benchmark_high", "benchmark_source", "benchmark_status", "benchmark_what", "ratio_low", "ratio_high", "verdict", "factor",
    "explanation", "factor_low", "factor_high", "bound", "also_against", "preferred_verdict", "sensitivity",
    "verdict_range", "lacks", "explanation_tail", "error",
)


def keep_input_columns(header: list[str]) -> tuple[list[str], dict[str, str]]:
    """Rename input columns that the results would overwrite: ``verdict`` becomes ``input_verdict``.

    Returns
    -------
    tuple
        The new header and ``{old: new}`` for each renamed column.

    Examples
    --------
    >>> keep_input_columns(["quantity", "value", "verdict", "line"])
    (['quantity', 'value', 'input_verdict', 'input_line'], {'verdict': 'input_verdict', 'line': 'input_line'})
    """
    taken = set(header) | set(OUTPUT_COLUMNS)
    renamed: dict[str, str] = {}
    out = []
    for name in header:
        if name in OUTPUT_COLUMNS:
            new = f"input_{name}"
            while new in taken:
                new = f"input_{new}"
            taken.add(new)
            renamed[name] = new
            name = new
        out.append(name)
    return out, renamed


def refuse_repeated_columns(header: list[str], what: str) -> None:
    """Refuse a header that names a column twice (after stripping, without regard to case).

    Examples
    --------
    >>> refuse_repeated_columns(["quantity", "Quantity", "value"], "claims file c.csv")
    Traceback (most recent call last):
    ...
    gulagstats.errors.DataFormatError: claims file c.csv repeats column(s) 'quantity', 'Quantity' ...
    """
    lowered = [str(h).strip().lower() for h in header]
    repeated = [str(h) for h, low in zip(header, lowered) if lowered.count(low) > 1]
    if repeated:
        shown = printable(", ".join(repr(h) for h in dict.fromkeys(repeated)))
        raise DataFormatError(
            f"{what} repeats column(s) {shown} (names are compared without regard to case); "
            "keep one of each"
        )


def _read_with_csv(text: str, name: str) -> pd.DataFrame:
    """Any CSV text, by the csv module: the rows (padded to the header), ``line``, and ``attrs["surplus"]``."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
        refuse_repeated_columns(header, f"claims file {name}")
        header, renamed = keep_input_columns(header)
        rows, lines, last = [], [], reader.line_num
        for record in reader:
            if record:
                rows.append(record)
                lines.append(last + 1)
            last = reader.line_num
    except csv.Error as exc:
        raise DataFormatError(f"claims file {name} is not a readable CSV (line {reader.line_num}: {printable(exc)})") from None
    width = len(header)
    surplus = [len(r) > width for r in rows]
    frame = pd.DataFrame([(r + [""] * width)[:width] for r in rows], columns=header, dtype=object)
    frame["line"] = lines
    frame.attrs["surplus"] = np.array(surplus, dtype=bool)
    frame.attrs["renamed"] = renamed
    return frame


def _read_unquoted(raw: bytes, text: str) -> pd.DataFrame | None:
    """A CSV text without quotes, by pandas' C parser; None if it might read otherwise than the csv module.

    Without quotes a record is one line, and the csv module skips only empty
    lines.  So the rows are exact when pandas reads one row per line that is
    not empty, and none of them has more fields than the header (the C parser
    would drop them from the first row, and stops at any other).
    """
    if any(c in text for c in ('"', "\0", "\x1a")) or ("\r" in text and text.count("\r") != text.count("\r\n")):
        return None  # quotes, and characters or line ends (a lone carriage return) the parsers treat apart
    first, _, rest = text.partition("\n")
    header = [h.strip() for h in first.split(",")]
    lowered = [h.lower() for h in header]
    long_first_row = rest.lstrip("\r\n").partition("\n")[0].count(",") >= len(header)
    if len(set(lowered)) < len(header) or "" in header or set(header) & set(OUTPUT_COLUMNS) or long_first_row:
        return None
    try:
        frame = pd.read_csv(
            io.BytesIO(raw), encoding="utf-8-sig", names=header, header=0, index_col=False,
            dtype=object, keep_default_na=False, engine="c",
        )
    except (ValueError, pd.errors.ParserError):
        return None
    lines = _unempty_lines(text)[1:]
    if len(lines) != len(frame):  # a line of spaces: a row for csv, skipped by pandas
        return None
    frame["line"] = lines
    frame.attrs["surplus"] = np.zeros(len(frame), dtype=bool)
    return frame


def _unempty_lines(text: str) -> np.ndarray:
    """The numbers of the lines that are not empty, in a text whose lines end with \\n or \\r\\n."""
    if not text.startswith(("\n", "\r\n")) and "\n\n" not in text and ("\r" not in text or "\n\r\n" not in text):
        return np.arange(1, text.count("\n") + (not text.endswith("\n")) + 1)  # no empty line: every line
    lines = io.StringIO(text, newline="").readlines()
    return np.array([n for n, line in enumerate(lines, 1) if line not in ("\n", "\r\n")], dtype=int)


def _text(values: pd.Series) -> pd.Series:
    """Values as stripped text, ``""`` for a missing one."""
    return values.astype(object).where(values.notna(), "").astype(str).str.strip()


def _each_distinct(values: pd.Series, compute: Callable[[pd.Series], pd.Series | pd.DataFrame]) -> pd.Series | pd.DataFrame:
    """``compute`` on the distinct values only, spread back to every row (claims repeat quantities and periods)."""
    codes, distinct = pd.factorize(values, use_na_sentinel=False)
    return compute(pd.Series(distinct, dtype=object)).take(codes).set_axis(values.index)


def _number_reader(name: str) -> Callable[[object], tuple[float, str]]:
    def parse(text: object) -> tuple[float, str]:
        try:
            return parse_number(text, name), ""
        except NumberFormatError as exc:
            return np.nan, str(exc)

    return parse


def _numbers(values: pd.Series, name: str = "value") -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """Parse a column of numbers as written: the usable values, which are given, each row's error.

    Plain ASCII digits (most numbers) are read by numpy; any other text by
    :func:`gulagstats.numbers.parse_number`, once per distinct text.
    """
    raw = values.to_numpy(dtype=object)
    typed = np.fromiter((_is_number(v) for v in raw), dtype=bool, count=len(raw))  # given from Python
    text = _text(values.astype(object).where(~typed, "")).to_numpy(dtype=object)
    given = typed | (text != "")
    numbers = np.full(len(raw), np.nan)
    errors = np.full(len(raw), "", dtype=object)
    if not given.any():  # a column the claims do not have, or do not fill
        return pd.Series(numbers, index=values.index), given, errors
    digits = np.fromiter(map(_digits, text), dtype=bool, count=len(text))
    numbers[digits] = text[digits].astype(np.int64)
    rest = given & ~digits
    text[typed] = raw[typed]  # parsed as numbers, and quoted as such in messages
    if rest.any():
        codes, distinct = pd.factorize(text[rest], use_na_sentinel=False)
        parsed = [_number_reader(name)(t) for t in distinct]
        numbers[rest] = np.array([p[0] for p in parsed], dtype=float)[codes]
        errors[rest] = np.array([p[1] for p in parsed], dtype=object)[codes]
    finite = np.isfinite(numbers)
    errors[given & finite & (numbers < 0)] = "negative"
    errors[given & finite & (numbers > LARGEST)] = "large"
    for problem, said in (
        ("negative", "is negative; counts are never negative"),
        ("large", f"is larger than any count of people (over {LARGEST:.0e}; the world had about 2e9 people in 1939)"),
    ):
        rows = errors == problem
        errors[rows] = [f"{name} {t!r} {said}" for t in text[rows]]
    usable = given & (errors == "")
    return pd.Series(np.where(usable, numbers, np.nan), index=values.index), given, errors


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _digits(text: str) -> bool:
    """Plain ASCII digits, at most 15 of them: a whole number every parser reads to the same double."""
    return text.isascii() and text.isdecimal() and len(text) <= 15


def _quantity_names(written: pd.Series) -> pd.DataFrame:
    """For distinct quantities as written: the name, and the error for a name outside the vocabulary."""
    name = _text(written).str.lower().str.replace(r"[\s-]+", "_", regex=True)
    unknown = ~name.isin(QUANTITIES) & (name != "")
    return pd.DataFrame({"quantity": name, "unknown": unknown, "error": [_unknown_quantity(n) if u else "" for n, u in zip(name, unknown)]})


def _periods(written: pd.Series) -> pd.DataFrame:
    """For distinct periods as written: the text and its ISO form (None if unreadable)."""
    text = _text(written)
    return pd.DataFrame({"written": text, "iso": [normalize_period(p) for p in text]}, index=text.index)


class _Errors:
    """The error text of each claim row: messages appended in order, '; '-separated."""

    def __init__(self, index: pd.Index):
        self.index = index
        self.text = pd.Series("", index=index, dtype=object)

    def add(self, mask: pd.Series | np.ndarray, message: str | Callable[[pd.Index], Any]) -> None:
        """Append a message to the rows of ``mask``; ``message`` is text or a function of those rows."""
        rows = np.flatnonzero(np.asarray(mask, dtype=bool))
        if rows.size == 0:
            return
        index = self.index[rows]
        found = [message] * rows.size if isinstance(message, str) else list(message(index))
        self.text.loc[index] = [f"{e}; {m}" if e else m for e, m in zip(self.text.loc[index].tolist(), found)]


def _whole_counts(errors: _Errors, numbers: dict[str, tuple[pd.Series, Any, Any]],
                  column: Callable[[str], pd.Series], unit: pd.Series,
                  text: Callable[[str, pd.Index], list[str]]) -> None:
    """An error on a count of persons written with a fraction: 681.692 is not 681,692."""
    counted = unit.isin(COUNT_UNITS).to_numpy()
    for name, (number, _, bad) in numbers.items():
        given = column(name).to_numpy(dtype=object)
        as_text = np.fromiter((isinstance(v, str) for v in given), dtype=bool, count=len(given))
        fraction = counted & as_text & (bad == "") & np.isfinite(number.to_numpy()) & (number.to_numpy() % 1 != 0)
        errors.add(fraction, lambda i, name=name: [_whole_error(t, name, u) for t, u in zip(text(name, i), unit[i])])


def check_claims(frame: pd.DataFrame) -> pd.DataFrame:
    """Check and normalize claims; every row gets its numbers, period and error text.

    Parameters
    ----------
    frame : pandas.DataFrame
        A ``quantity`` column and ``value`` or ``low``/``high``; optional
        ``period``, ``unit``, ``region``, and ``scope`` and ``wording`` (the
        claim's words, which decide its readings: 'ITL camps', 'forced
        labour', 'party members shot'); column names are matched without
        regard to case.

    Returns
    -------
    pandas.DataFrame
        Columns ``quantity`` (normalized), ``period`` (ISO, or empty),
        ``period_label`` (as written), ``low``, ``high``, ``unit``, ``region``,
        ``scope``, ``wording``, ``unknown_quantity`` (bool) and ``error``
        (empty when the row is fine), on the same index as ``frame``.

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

    def column(name: str) -> pd.Series:
        """A claim column as given, or ``""`` on every row if the claims have none."""
        return frame[cols[name]] if name in cols else pd.Series("", index=frame.index, dtype=object)

    def text(name: str, index: pd.Index) -> list[str]:
        return _text(column(name)[index]).tolist()

    names = _each_distinct(column("quantity"), _quantity_names)
    quantity, unknown = names["quantity"], names["unknown"]
    numbers = {name: _numbers(column(name), name) for name in ("value", "low", "high")}
    (value, has_value, _), (low, has_low, _), (high, has_high, _) = numbers.values()
    has_bounds = has_low | has_high
    low = value.where(has_value, low)
    high = value.where(has_value, high)
    periods = _each_distinct(column("period"), _periods)
    written, period = periods["written"], periods["iso"]

    errors = _Errors(frame.index)
    add = errors.add
    add(frame.attrs.get("surplus", np.zeros(len(frame), dtype=bool)), "more fields than the header")
    add(quantity == "", "no quantity")
    add(unknown, lambda i: names["error"][i])
    for _, _, bad in numbers.values():
        add(bad != "", lambda i, bad=bad: bad[frame.index.get_indexer(i)])
    add(has_value & has_bounds, "give either value or low/high, not both")
    add(~has_value & ~has_bounds, "no number: give value, or low and/or high")
    add(low > high, lambda i: [f"low {a} is above high {b}" for a, b in zip(text("low", i), text("high", i))])
    add(
        period.isna(),
        lambda i: [f"period {p!r} is not a year (1938), a day (1939-01-01) or a span (1937/1938)" for p in written[i].tolist()],
    )
    unit, region = (
        _each_distinct(column(name), lambda v, default=default: _text(v).replace("", default))
        if name in cols
        else pd.Series(default, index=frame.index, dtype=object)
        for name, default in (("unit", PERSONS), ("region", "USSR"))
    )
    _whole_counts(errors, numbers, column, unit, text)
    error = errors.text
    return pd.DataFrame(
        {
            "quantity": quantity,
            "period": period.fillna(""),
            "period_label": written,
            "low": low,
            "high": high,
            "unit": unit,
            "region": region,
            "scope": _text(column("scope")),
            "wording": _text(column("wording")),
            "unknown_quantity": unknown,
            "error": error,
        },
        index=frame.index,
    )


def _whole_error(written: str, name: str, unit: str) -> str:
    try:
        parse_number(written, name, whole=True)
    except NumberFormatError as exc:
        return f"{exc} of {unit}" if str(exc).endswith("whole number") else str(exc)
    return f"{name} {written!r} is not a whole number of {unit}"


def _unknown_quantity(name: str) -> str:
    near, note = suggest(name)
    hint = f"; did you mean {', '.join(repr(n) for n in near)}?" if near else ""
    return f"unknown quantity {name!r}{hint}" + (f" ({note})" if note else " (see gulagstats.quantities())")
