"""The record as one Excel workbook that explains itself (openpyxl).

- a first sheet, "About": the title, the version, the licence, how to cite, what
  each status means, and every sheet with its title and its number of rows;
- a sheet a table (the sources and the definitions last), each with its header
  row frozen and bold, a filter on every column, columns as wide as their content
  (up to :data:`MAX_WIDTH`), counts with thousands separators and years, line
  numbers and ranks without (:data:`NOT_GROUPED`), dates as Excel dates;
- text is always text: a value starting with ``=`` is never a formula;
- the workbook's title, subject and author say what it is.
"""

from __future__ import annotations

import contextlib
import gc
import io
import sys
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pandas as pd

from .about import LICENSE, LICENSE_NOTE, LICENSE_URL, About, about
from .frames import table_metadata
from .shape import plain

#: Excel sheet names of the sources and of the data dictionary (these come last).
SHEET_NAMES = {"sources": "sources", "vocabulary": "definitions"}
#: The first sheet.
ABOUT_SHEET = "About"
#: Whole numbers that are not counts: written without thousands separators (1990, never 1,990).
NOT_GROUPED = frozenset({"year", "line", "rank", "gravity", "text_line"})
#: The widest a column is made, in characters (longer text is there in full, cut on screen).
MAX_WIDTH = 60
#: Excel number formats.
COUNT_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0##"
PLAIN_FORMAT = "0"
DATE_FORMAT = "yyyy-mm-dd"


def sheet_order(frames: dict[str, pd.DataFrame]) -> list[tuple[str, str]]:
    """(table, sheet name) for every table: the tables in order, then the sources and the definitions.

    Examples
    --------
    >>> sheet_order({"sources": None, "appendix": None, "vocabulary": None})
    [('appendix', 'appendix'), ('sources', 'sources'), ('vocabulary', 'definitions')]
    """
    last = [n for n in SHEET_NAMES if n in frames]
    return [(n, SHEET_NAMES.get(n, n)[:31]) for n in [*(n for n in frames if n not in last), *last]]


def number_format(column: str, value: object) -> str | None:
    """The Excel format of a cell: dates as dates, counts grouped, years and line numbers never.

    Examples
    --------
    >>> number_format("value", 1317195), number_format("year", 1990), number_format("value", 22.5)
    ('#,##0', '0', '#,##0.0##')
    >>> number_format("start", date(1939, 1, 1)), number_format("note", "x") is None
    ('yyyy-mm-dd', True)
    """
    if isinstance(value, date | datetime):
        return DATE_FORMAT
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if column in NOT_GROUPED:
        return PLAIN_FORMAT
    return COUNT_FORMAT if float(value).is_integer() else DECIMAL_FORMAT


def _shown_length(value: object) -> int:
    if isinstance(value, date | datetime):
        return len(DATE_FORMAT)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return len(f"{value:,}")
    return len(str(value))


def _width(column: str, values: pd.Series) -> float:
    """Characters wide: the header or the longest value as shown (up to :data:`MAX_WIDTH`), plus 2."""
    shown = [_shown_length(v) for v in values.dropna()]
    return min(MAX_WIDTH, max([len(column), *shown]) + 2)


def _about_rows(frames: dict[str, pd.DataFrame], a: About) -> list[list[Any]]:
    titles = table_metadata()
    rows: list[list[Any]] = [
        [a.title], [a.description], [f"gulagstats {a.version}"], [],
        ["Licence", LICENSE, LICENSE_URL], ["", LICENSE_NOTE], [],
        ["How to cite", a.citation[0]], *[["", c] for c in a.citation[1:]], [],
        ["Status", "What it means"], *[[code, meaning] for code, meaning in a.statuses], [],
        ["Sheet", "What it holds", "Rows"],
    ]
    for name, sheet in sheet_order(frames):
        rows.append([sheet, titles.get(name, {}).get("title", name), len(frames[name])])
    return rows


def _write_about(book: Any, frames: dict[str, pd.DataFrame], a: About) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet(ABOUT_SHEET, 0)
    for row in _about_rows(frames, a):
        sheet.append(row)
    sheet["A1"].font = Font(bold=True, size=14)
    for row in sheet.iter_rows():
        if row[0].value in ("Licence", "How to cite", "Status", "Sheet"):
            for cell in row:
                cell.font = Font(bold=True)
    widths = {"A": 24, "B": 100, "C": 12}
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = width


def _format_sheet(sheet: Any, frame: pd.DataFrame) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    columns = list(frame.columns)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "f":  # openpyxl reads a leading '=' as a formula
                cell.data_type = "s"
            else:
                fmt = number_format(columns[cell.column - 1], cell.value)
                if fmt:
                    cell.number_format = fmt
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for i, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = _width(column, frame[column])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(frame) + 1}"


def fill_workbook(frames: dict[str, pd.DataFrame], buffer: io.BytesIO, a: About | None = None) -> None:
    """Write the workbook into ``buffer``: the About sheet, then a formatted sheet a table."""
    a = a or about()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, sheet in sheet_order(frames):
            frame = plain(frames[name], booleans=(True, False), dates=False)  # real dates
            frame.to_excel(writer, sheet_name=sheet, index=False)
            _format_sheet(writer.sheets[sheet], frame)
        book = writer.book
        _write_about(book, frames, a)
        book.active = 0
        book.properties.title = a.title
        book.properties.subject = "gulagstats: every value with its source, locator and status"
        book.properties.creator = f"gulagstats {a.version}"
        book.properties.description = f"{LICENSE}. {a.citation[0]}"


@contextlib.contextmanager
def quiet_cleanup() -> Iterator[None]:
    """Collect a failed library's generators without their "Exception ignored" tracebacks on stderr."""
    previous = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        yield
    finally:
        gc.collect()
        sys.unraisablehook = previous
