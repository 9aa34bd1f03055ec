"""Periods as the data write them: a day, a year, or a span ``A/B``.

``1939-01-01`` is a count on a day (a stock), ``1938`` a flow during a year,
``1937/1938`` or ``1941-06-22/1944-12-31`` a span (ISO 8601 interval
notation).  Anything else (``late 1930s``) is kept as text with no bounds.
"""

from __future__ import annotations

import re
from datetime import date

_DAY = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_YEAR = re.compile(r"^([0-9]{4})$")


def _point(text: str, end: bool) -> date | None:
    if m := _DAY.match(text):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := _YEAR.match(text):
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
        return _point(first, end=False), _point(last, end=True)
    return _point(text, end=False), _point(text, end=True)


def period_label(period: str) -> str:
    """Label for a printed row: ``1939`` for a year or for 1 January, else as written.

    Examples
    --------
    >>> period_label("1939-01-01"), period_label("1938"), period_label("1938-02-10")
    ('1939', '1938', '1938-02-10')
    """
    text = str(period).strip()
    if (m := _DAY.match(text)) and m[2] == "01" and m[3] == "01":
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
