"""Periods in a text: explicit dates and years, and relative phrases resolved
against the dates the text states.

Periods are written as the tables write them (:mod:`gulagstats.periods`): a
year ``1938``, a day ``1939-01-01``, a month as a span of days, a span
``1937/1938``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .lexicon import Lexicon

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_YEAR = r"(?:1[89]\d\d|20[0-2]\d)"

#: Day-month(-year) dates, in the orders English texts use; each match is excluded from the numbers.
DATE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|\u2013|to)\s*(?P<d1b>\d{{1,2}})\b)?(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|\u2013|to)\s*(?P<d2b>\d{{1,2}}))?\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?"
    rf"|(?P<m3>{_MONTH}),?\s+(?P<y3>{_YEAR}))\b",
    re.IGNORECASE,
)
SPAN = re.compile(
    rf"\b(?:between|from)\s+(?P<a>{_YEAR})\s+(?:and|to|through|until)\s+(?P<b>{_YEAR}(?:\s*[-\u2013]\s*\d{{2,4}})?)\b"
    rf"|\b(?P<c>{_YEAR})\s*[-\u2013/]\s*(?P<d>\d{{4}}|\d{{1,2}})\b(?!\s*(?:percent|%))",
    re.IGNORECASE,
)
DECADE = re.compile(
    r"\b(?P<late>late\s+|early\s+|mid-)?(?:the\s+)?(?P<dec>1[89]\d)0[\u2019']?s\b", re.IGNORECASE
)
YEAR = re.compile(rf"(?<![\d,.])\b{_YEAR}\b(?![,.]?\d)")
#: A year that dates a document, not the events counted ("the 1953 report").
DOCUMENT_YEAR = re.compile(
    rf"\b{_YEAR}\s+(?:statistical\s+)?(?:report|census|decree|law|speech|edition|biography|communiqu|press|constitution|book)",
    re.IGNORECASE,
)
BEGINNING = re.compile(
    rf"\b(?:at the beginning of|by the beginning of|early)\s+({_YEAR})\b"
    rf"|\b(?:end of)\s+({_YEAR})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Found:
    """A period stated in a sentence: where (characters), and the ISO period."""

    start: int
    end: int
    period: str
    day: date | None  # the day it names, to resolve relative phrases against (None for a span)
    explicit: bool = True
    coarse: bool = False  # a bare year: its day (1 January) is not a date the text states


def _month_span(year: int, month: int) -> str:
    last = calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-01/{year:04d}-{month:02d}-{last:02d}"


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(sentence: str, anchor: date | None) -> list[Found]:
    """Day, month and month-year dates in a sentence (a date without a year takes the anchor's).

    Examples
    --------
    >>> text = "On December 1, 1934 Kirov was shot; on 5 to 18 December more."
    >>> [f.period for f in find_dates(text, None)]
    ['1934-12-01', '1934-12-05/1934-12-18']
    """
    out = []
    matches = list(DATE.finditer(sentence))
    stated = [int(y) for m in matches if (y := m["y1"] or m["y2"] or m["y3"])]
    last_year = anchor.year if anchor else (stated[0] if stated else None)
    for m in matches:
        month = MONTHS[(m["m1"] or m["m2"] or m["m3"]).lower().rstrip(".")]
        year_text = m["y1"] or m["y2"] or m["y3"]
        year = int(year_text) if year_text else last_year
        if year is None:
            continue
        last_year = year
        first = m["d1"] or m["d2"]
        last = m["d1b"] or m["d2b"]
        if first is None:
            out.append(Found(m.start(), m.end(), _month_span(year, month), _day(year, month, 1)))
            continue
        start = _day(year, month, int(first))
        if start is None:
            continue
        if last and (end := _day(year, month, int(last))) and end > start:
            out.append(Found(m.start(), m.end(), f"{start.isoformat()}/{end.isoformat()}", start))
        else:
            out.append(Found(m.start(), m.end(), start.isoformat(), start))
    # "from December 5 to 18 December": two dates joined by "to" are one span
    merged: list[Found] = []
    for f in out:
        gap = sentence[merged[-1].end : f.start] if merged else ""
        between = bool(merged) and re.search(
            r"\b(?:between|from)\s*$", sentence[max(0, merged[-1].start - 10) : merged[-1].start]
        )
        if (
            merged
            and "/" not in f.period
            and (
                re.fullmatch(r"\s*(?:to|-|\u2013|until|through)\s*", gap)
                or (between and re.fullmatch(r"\s*,?\s*and\s*", gap))
            )
        ):
            a, b = merged[-1].period.split("/")[0], f.period
            if b > a:
                merged[-1] = Found(merged[-1].start, f.end, f"{a}/{b}", merged[-1].day)
                continue
        merged.append(f)
    return merged


def find_periods(sentence: str, anchor: date | None, lexicon: Lexicon) -> list[Found]:
    """Every period a sentence states, explicit or relative, with its position.

    Relative phrases of the lexicon ("in the previous year", "within a year")
    are resolved against ``anchor``, the last date stated before them (or a
    date of the same sentence); without an anchor they are left out.

    Examples
    --------
    >>> from gulagstats.factcheck.lexicon import load_lexicon
    >>> lex = load_lexicon()
    >>> text = "In the previous year, 1,000,000 were purged."
    >>> [f.period for f in find_periods(text, date(1934, 12, 1), lex)]
    ['1933']
    >>> text = "between 1934 and 1953, 1,053,829 died; the purges of 1936-8"
    >>> [f.period for f in find_periods(text, None, lex)]
    ['1934/1953', '1936/1938']
    """
    found: list[Found] = []
    taken = bytearray(len(sentence) + 1)  # characters already read as part of a period

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    def take(a: int, b: int) -> None:
        taken[a:b] = b"\1" * (b - a)

    def add(f: Found) -> None:
        found.append(f)
        take(f.start, f.end)

    for f in find_dates(sentence, anchor):
        add(f)
    for m in SPAN.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        a, b = (m["a"], m["b"]) if m["a"] else (m["c"], m["d"])
        b = re.split(r"\s*[-\u2013]\s*", b)[-1] if m["a"] else b
        if len(b) < 4:
            b = a[: 4 - len(b)] + b
        if int(b) > int(a):
            add(Found(m.start(), m.end(), f"{a}/{b}", None))
    for m in BEGINNING.finditer(sentence):
        if free(m.start(), m.end()) and m[1]:
            add(Found(m.start(), m.end(), f"{m[1]}-01-01", date(int(m[1]), 1, 1)))
    for m in DECADE.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        decade = int(m["dec"]) * 10
        which = (m["late"] or "").strip().lower()
        period = (
            f"{decade + 7}/{decade + 8}"
            if which == "late" and decade == 1930
            else (f"{decade}/{decade + 9}" if not which else "")
        )
        if period:
            add(Found(m.start(), m.end(), period, None))
    for m in DOCUMENT_YEAR.finditer(sentence):
        take(m.start(), m.start() + 4)
    for m in YEAR.finditer(sentence):
        if free(m.start(), m.end()):
            add(Found(m.start(), m.end(), m.group(0), date(int(m.group(0)), 1, 1), coarse=True))
    base = latest_day(found, anchor)
    for entry in lexicon.period:
        for m in entry.pattern.finditer(sentence):
            if base is not None and (period := resolve(entry.rule, base)):
                found.append(Found(m.start(), m.end(), period, None, explicit=False))
    return sorted(found, key=lambda f: f.start)


def resolve(rule: str, anchor: date) -> str:
    """A relative rule of the lexicon against a date.

    Examples
    --------
    >>> d = date(1934, 12, 1)
    >>> resolve("fixed:1941/1945", d)
    '1941/1945'
    >>> resolve("previous_year", d), resolve("within_year", d), resolve("until:1938", d)
    ('1933', '1934/1935', '1934/1938')
    >>> resolve("same_month", d), resolve("next_day", d)
    ('1934-12-01/1934-12-31', '1934-12-02')
    """
    if rule == "previous_year":
        return str(anchor.year - 1)
    if rule == "within_year":
        return f"{anchor.year}/{anchor.year + 1}"
    if rule == "same_month":
        return _month_span(anchor.year, anchor.month)
    if rule == "next_day":
        return (anchor + timedelta(days=1)).isoformat()
    if rule.startswith("fixed:"):
        return rule.split(":", 1)[1]
    if rule.startswith("until:"):
        end = int(rule.split(":")[1])
        return f"{anchor.year}/{end}" if end > anchor.year else str(end)
    return ""


def latest_day(found: list[Found], anchor: date | None = None) -> date | None:
    """The date a sentence moves the text's clock to: its latest explicit day, else ``anchor``.

    A bare year moves the clock only to another year ("in 1934" after
    "December 1, 1934" leaves it on 1 December).

    Examples
    --------
    >>> d = date(1934, 12, 1)
    >>> latest_day([Found(0, 4, "1934", date(1934, 1, 1), coarse=True)], d)
    datetime.date(1934, 12, 1)
    >>> latest_day([Found(0, 4, "1937", date(1937, 1, 1), coarse=True)], d)
    datetime.date(1937, 1, 1)
    """
    days = [f.day for f in found if f.explicit and f.day is not None and not f.coarse]
    if days:
        return max(days)
    years = [f.day for f in found if f.explicit and f.day is not None and f.coarse]
    if years and (anchor is None or max(years).year != anchor.year):
        return max(years)
    return anchor
