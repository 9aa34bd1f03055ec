"""Periods as the data write them: a day, a year, or a span ``A/B``.

``1939-01-01`` is a count on a day (a stock), ``1938`` a flow during a year,
``1937/1938`` or ``1941-06-22/1944-12-31`` a span (ISO 8601 interval
notation).  Anything else (``late 1930s``) is kept as text with no bounds.
A period is written in sentences by :func:`period_text` and
:func:`period_phrase`; :func:`match_period` says which period of the record a
count "at the end of" a year is read on.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_DAY_PARTS = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_YEAR_PART = re.compile(r"^([0-9]{4})$")
_DAY_TEXT = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_YEAR_TEXT = r"[0-9]{4}"


def _day_of(text: str, end: bool) -> date | None:
    if m := _DAY_PARTS.match(text):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := _YEAR_PART.match(text):
        return date(int(m[1]), 12, 31) if end else date(int(m[1]), 1, 1)
    return None


def period_bounds(period: str) -> tuple[date | None, date | None]:
    """Return the first and last day a period covers (``None`` if not a date).

    Examples
    --------
    >>> period_bounds("1938")
    (datetime.date(1938, 1, 1), datetime.date(1938, 12, 31))
    >>> period_bounds("1937/1938")[1]
    datetime.date(1938, 12, 31)
    """
    text = str(period).strip()
    if "/" in text:
        first, _, last = text.partition("/")
        return _day_of(first, end=False), _day_of(last, end=True)
    return _day_of(text, end=False), _day_of(text, end=True)


def period_label(period: str) -> str:
    """Label for a printed row: ``1939`` for a year or for 1 January, else as written.

    Examples
    --------
    >>> period_label("1939-01-01"), period_label("1938"), period_label("1938-02-10")
    ('1939', '1938', '1938-02-10')
    """
    text = str(period).strip()
    if (m := _DAY_PARTS.match(text)) and m[2] == "01" and m[3] == "01":
        return m[1]
    return text


def is_valid_period(period: str) -> bool:
    """True if ``period`` is a day, a year or a span of them that does not run backwards.

    Examples
    --------
    >>> is_valid_period("1937/1938"), is_valid_period("1938/1937"), is_valid_period("late 1930s")
    (True, False, False)
    """
    start, end = period_bounds(period)
    return start is not None and end is not None and start <= end


def match_period(period: str, kind: str) -> str:
    """The period to look up in the record: a stock on 31 December is read on the next 1 January.

    The appendix counts on 1 January (and special settlers printed as of
    31 December are stored as 1 January), so a count "at the end of 1938" is
    the count of 1 January 1939.

    Examples
    --------
    >>> match_period("1938-12-31", "stock"), match_period("1938-12-31", "flow")
    ('1939-01-01', '1938-12-31')
    """
    if kind == "stock" and re.fullmatch(r"[0-9]{4}-12-31", period):
        return f"{int(period[:4]) + 1:04d}-01-01"
    return period


def period_text(period: str) -> str:
    """A period as a sentence reads it: ``1937-1938``, ``1 January 1939``.

    Examples
    --------
    >>> period_text("1937/1938"), period_text("1939-01-01"), period_text("1935-01-01/1941-06-22")
    ('1937-1938', '1 January 1939', '1 January 1935 to 22 June 1941')
    """
    parts = [p for p in str(period).split("/") if p]
    if not parts:
        return "an unstated period"
    words = [_day_text(p) if re.fullmatch(_DAY_TEXT, p) else p for p in parts]
    if len(words) == 1:
        return words[0]
    joiner = "-" if all(re.fullmatch(_YEAR_TEXT, p) for p in parts) else " to "
    return joiner.join(words)


def _day_text(day: str) -> str:
    d = date.fromisoformat(day)
    return f"{d.day} {calendar.month_name[d.month]} {d.year}"


def period_phrase(period: str) -> str:
    """The period after a noun: ``on`` a day, ``in`` a year or span of years, ``from ... to`` days.

    Examples
    --------
    >>> period_phrase("1937/1938"), period_phrase("1939-01-01"), period_phrase("1937-12-01/1937-12-31")
    ('in 1937-1938', 'on 1 January 1939', 'from 1 December 1937 to 31 December 1937')
    """
    text = str(period)
    if re.fullmatch(_DAY_TEXT, text):
        return f"on {period_text(text)}"
    if "/" in text and not re.fullmatch(rf"{_YEAR_TEXT}/{_YEAR_TEXT}", text):
        return f"from {period_text(text)}"
    return f"in {period_text(text)}"
