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

from .store import read_rule_rows

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


# --- periods as claims write them ----------------------------------------------------------------

_CLAIM_YEAR = r"[0-9]{4}"
_CLAIM_DAY = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_SPAN_YEARS = re.compile(rf"^({_CLAIM_YEAR})\s*[-–—/]\s*([0-9]{{4}}|[0-9]{{2}})$")
_YEAR_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")
_ISO = re.compile(rf"^({_CLAIM_YEAR}|{_CLAIM_DAY})(?:/({_CLAIM_YEAR}|{_CLAIM_DAY}))?$")
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_DECADE = re.compile(r"^(early|mid|mid-|late)?\s*(\d{3})0s$")
_MONTH_WORD = re.compile(r"^([a-z]+)\.?,?\s+(\d{4})$")
_MONTH_SPAN = re.compile(r"^(\d{4})-(\d{2})\s*/\s*(\d{4})-(\d{2})$")
_SPAN = re.compile(r"^(\d{4})(?:-(\d{2})-(\d{2}))?(?:/(\d{4})(?:-(\d{2})-(\d{2}))?)?$")
#: A span one of whose ends is a month: "1921/1953-06" (a table's "1921 - June 1953"), "1936-10/1938".
_MONTH_END = re.compile(r"^(\d{4}(?:-\d{2}){0,2})/(\d{4}(?:-\d{2}){0,2})$")


def _month_ends(raw: str) -> str:
    """A span whose ends are years, months or days with each month end written as its first (start) or last
    (end) day, so that the other forms read it (round 15); any other text unchanged.

    >>> _month_ends("1921/1953-06"), _month_ends("1936-10/1938"), _month_ends("1937/1938")
    ('1921/1953-06-30', '1936-10-01/1938', '1937/1938')
    >>> _month_ends("1937-13/1938")
    '1937-13/1938'
    """
    m = _MONTH_END.match(raw)
    if not m or not any(len(end) == 7 for end in m.groups()):
        return raw
    (y1, *m1), (y2, *m2) = (end.split("-") for end in m.groups())
    if any(not 1 <= int(x[0]) <= 12 for x in (m1, m2) if len(x) == 1):
        return raw
    start = f"{y1}-{m1[0]}-01" if len(m1) == 1 else m.group(1)
    last = calendar.monthrange(int(y2), int(m2[0]))[1] if len(m2) == 1 else 0
    return f"{start}/{y2}-{m2[0]}-{last:02d}" if len(m2) == 1 else f"{start}/{m.group(2)}"


def _month_period(y1: int, m1: int, y2: int, m2: int) -> str | None:
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    last = calendar.monthrange(y2, m2)[1]
    return f"{y1:04d}-{m1:02d}-01/{y2:04d}-{m2:02d}-{last:02d}"


def period_words(text: str, named: dict[str, str] | None = None) -> str | None:
    """Periods written in words or months: named periods, decades, 'Dec 1934', '1936-10/1938-11'.

    ``named`` maps named periods ('the great terror') to their spans; by default
    the named periods of the data package (``data/period_words.csv``).

    Examples
    --------
    >>> period_words("late 1930s"), period_words("1930s"), period_words("mid-1930s")
    ('1937/1938', '1930/1939', '1934/1936')
    >>> period_words("Dec 1934"), period_words("1936-10/1938-11")
    ('1934-12-01/1934-12-31', '1936-10-01/1938-11-30')
    >>> period_words("October 1936 to November 1938"), period_words("the Great Terror")
    ('1936-10-01/1938-11-30', '1937/1938')
    """
    raw = " ".join(str(text).strip().lower().split())
    names = named_periods() if named is None else named
    if raw in names:
        return names[raw]
    if m := _DECADE.match(raw):
        start = int(m[2]) * 10
        first, last = {None: (0, 9), "early": (0, 3), "mid": (4, 6), "mid-": (4, 6), "late": (7, 9)}[m[1]]
        return f"{start + first}/{start + last}"
    if m := _MONTH_WORD.match(raw):
        month = _MONTHS.get(m[1])
        return _month_period(int(m[2]), month, int(m[2]), month) if month else None
    if m := _MONTH_SPAN.match(raw):
        return _month_period(int(m[1]), int(m[2]), int(m[3]), int(m[4]))
    parts = re.split(r"\s+(?:to|-|–|until)\s+", raw)
    matched = [m for m in (_MONTH_WORD.match(p) for p in parts) if m is not None]
    if len(parts) == 2 and len(matched) == 2:
        a, b = matched
        ma, mb = _MONTHS.get(a[1]), _MONTHS.get(b[1])
        return _month_period(int(a[2]), ma, int(b[2]), mb) if ma and mb else None
    return None


def named_periods() -> dict[str, str]:
    """The named periods of the data package (``data/period_words.csv``), by phrase (lower case).

    Examples
    --------
    >>> named_periods()["yezhovshchina"]
    '1937/1938'
    """
    return {r["phrase"].lower(): r["reading"] for r in read_rule_rows("period_words")}


def normalize_period(text: object) -> str | None:
    """Return a period in the tables' ISO form, ``""`` for none, or ``None`` if unreadable.

    Accepted: a year ``1938``; a day ``1939-01-01``; a span ``1937/1938`` or
    ``1937-01-01/1938-06-30``; ``1937-1938``, ``1937–1938``, ``1937-38`` and
    ``1937/38`` for a span of years; a month ``1937-12`` (two digits after the
    hyphen up to 12 are a month, above 12 the end of a span), and a span with a
    month at either end, ``1921/1953-06`` (round 15); the words of
    :func:`period_words`.  A span of days from 1 January to 31 December is
    written as its years.

    Examples
    --------
    >>> normalize_period("1937-1938"), normalize_period("1937-38"), normalize_period(" 1939-01-01 ")
    ('1937/1938', '1937/1938', '1939-01-01')
    >>> normalize_period("1937-12"), normalize_period("1935-01-01/1940-12-31")
    ('1937-12-01/1937-12-31', '1935/1940')
    >>> normalize_period("1921/1953-06"), normalize_period("1936-10/1938-11")
    ('1921/1953-06-30', '1936-10-01/1938-11-30')
    >>> normalize_period("late 1930s"), normalize_period("the Stalin era") is None, normalize_period("")
    ('1937/1938', True, '')
    """
    if text is None or (isinstance(text, float) and text != text):
        return ""
    raw = str(text).strip()
    if not raw:
        return ""
    if m := _YEAR_MONTH.match(raw):
        year, month = int(m[1]), int(m[2])
        if 1 <= month <= 12:
            last = calendar.monthrange(year, month)[1]
            return f"{year:04d}-{month:02d}-01/{year:04d}-{month:02d}-{last:02d}"
        raw = f"{m[1]}/{m[1][:2]}{m[2]}"
    if m := _SPAN_YEARS.match(raw):
        end = m[2] if len(m[2]) == 4 else m[1][:2] + m[2]
        raw = f"{m[1]}/{end}"
    raw = _month_ends(raw)
    m = _ISO.match(raw)
    if not m:
        return period_words(raw)
    try:
        start, end = period_bounds(raw)
    except ValueError:  # an impossible day such as 1938-02-30
        return None
    if start is None or end is None or start > end:
        return None
    if m[2] and len(m[1]) == 10 and len(m[2]) == 10 and m[1].endswith("-01-01") and m[2].endswith("-12-31"):
        raw = f"{m[1][:4]}/{m[2][:4]}" if m[1][:4] != m[2][:4] else m[1][:4]
    if m[2] and raw.split("/")[0] == raw.split("/")[-1]:
        raw = raw.split("/")[0]
    return raw


# --- periods the record is read for --------------------------------------------------------------


def year_span(period: str) -> tuple[int, int] | None:
    """First and last year of a period written as a year or a span of years (else ``None``).

    Examples
    --------
    >>> year_span("1937/1938"), year_span("1939"), year_span("1939-01-01")
    ((1937, 1938), (1939, 1939), None)
    """
    first, _, last = period.partition("/")
    last = last or first
    if len(first) == 4 and len(last) == 4 and first.isdigit() and last.isdigit():
        return int(first), int(last)
    return None


def year_bounds(period: str) -> tuple[str | None, str | None]:
    """The whole years inside a period (a floor) and the whole years enclosing it (a ceiling).

    Returns ``(inner, enclosing)`` as ``A/B`` or ``A`` spans; ``inner`` is None
    when no whole year lies inside, and both are None for a whole-year period
    (nothing to bound) or a period that is not a day-precise span.

    Examples
    --------
    >>> year_bounds("1935-01-01/1941-06-22")
    ('1935/1940', '1935/1941')
    >>> year_bounds("1934-12-01/1934-12-31")
    (None, '1934')
    >>> year_bounds("1936-10-01/1938-11-30")
    ('1937', '1936/1938')
    >>> year_bounds("1937/1938")
    (None, None)
    """
    m = _SPAN.match(period or "")
    if not m or not (m[2] or m[5]) or not m[4]:
        return None, None
    y1, y2 = int(m[1]), int(m[4])
    starts_jan1 = not m[2] or (m[2], m[3]) == ("01", "01")
    ends_dec31 = not m[5] or (m[5], m[6]) == ("12", "31")
    first = y1 if starts_jan1 else y1 + 1
    last = y2 if ends_dec31 else y2 - 1
    inner = (f"{first}" if first == last else f"{first}/{last}") if first <= last else None
    return inner, (f"{y1}" if y1 == y2 else f"{y1}/{y2}")


def is_inside(period: str, span: str) -> bool:
    """True if every day of ``period`` lies in ``span`` (both readable periods).

    Examples
    --------
    >>> is_inside("1937", "1937/1938"), is_inside("1936/1938", "1937/1938"), is_inside("x", "1937")
    (True, False, False)
    """
    start, end = period_bounds(period)
    first, last = period_bounds(span)
    if start is None or end is None or first is None or last is None:
        return False
    return first <= start and end <= last


def years_in(period: str) -> float:
    """The length of a period in years (365.25 days a year); 0 for a day or an unreadable period.

    Examples
    --------
    >>> years_in("1929/1953"), years_in("1937"), years_in("1939-01-01")
    (25.0, 1.0, 0.0)
    """
    start, end = period_bounds(period)
    if start is None or end is None or start == end:
        return 0.0
    return round(((end - start).days + 1) / 365.25, 2)
