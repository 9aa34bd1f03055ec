"""Seasons and parts of a year in a sentence: "the winter of 1936", "в первом полугодии", "by the end of 1938".

A season, a half or a quarter of a year, or the start or the end of one,
read as a span of days (``month_span``); "by the end of 1938", "к 1953 году"
as the day up to which a count runs.  Read by
:func:`gulagstats.factcheck.periods.find_periods`: every pattern matched once
over the sentence, linear in its length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from datetime import date

from .dates import DASH as _DASH
from .dates import YEAR_DIGITS as _YEAR
from .dates import Period, month_span

SEASON = re.compile(
    rf"\b(?:the\s+)?(?P<part>spring|summer|autumn|fall|winter|beginning|start|end|middle|first half|second half|"
    rf"(?:first|second|third|fourth|last)\s+quarter|early|mid|late|"
    rf"(?:перв|втор|трет|четв[её]рт|последн)\w*\s+(?:половин|полугоди|квартал)\w*|"
    rf"весн\w*|лет\w*|осен\w*|зим\w*|начал\w*|конц\w*|конец|середин\w*)(?:\s+|-)(?:of\s+)?(?P<y>{_YEAR})\b"
    rf"(?:{_DASH}(?P<y2>(?:1[89])?\d\d)\b)?"  # "зимой 1941–1942 годов": one winter
    rf"(?!-?(?:е|х|ые|ых)\b)",  # "в конце 1930-х": a decade's end, not the year's
    re.IGNORECASE,
)
BY_END = re.compile(
    rf"\b(?:by|until|up to|к|до)\s+(?:the\s+)?(?:end\s+of|конц\w*)\s+(?:(?P<y>{_YEAR})\b(?!-?(?:е|х|ые|ых)\b|[\u2019']?s\b)"
    rf"|(?:the\s+)?(?P<d>1[89]\d)0(?:[\u2019']?s\b|-?(?:е|х|ые|ых)\b))|\b(?:by|up\s+to)\s+(?P<z>{_YEAR})\b(?![-\u2013])"
    rf"|\bк\s+(?P<w>{_YEAR})\s*(?:год\w*|г\.)"  # "к 1953 году": by 1953
    rf"|\b(?:by|until|up\s+to|к|до)\s+(?:the\s+)?(?:beginning|start|начал\w*)\s+(?:of\s+)?(?P<s>{_YEAR})\b",  # by its 1 January
    re.IGNORECASE,  # "By the end of 1956", "К концу 1930 года" open a sentence
)

#: Halves and quarters of a year, by ordinal ("the second quarter of 1938", "во втором полугодии 1944 года").
_PARTS_OF_YEAR = {
    ("half", 1): (1, 6),
    ("half", 2): (7, 12),
    ("quarter", 1): (1, 3),
    ("quarter", 2): (4, 6),
    ("quarter", 3): (7, 9),
    ("quarter", 4): (10, 12),
}
_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 14),
    "beginning": (1, 1),
    "start": (1, 1),
    "end": (12, 12),
    "middle": (6, 7),
    "first half": (1, 6),
    "second half": (7, 12),
    "early": (1, 4),
    "mid": (5, 8),
    "late": (9, 12),
    "весн": (3, 5),
    "лет": (6, 8),
    "осен": (9, 11),
    "зим": (12, 14),
    "начал": (1, 1),
    "конц": (12, 12),
    "конец": (12, 12),
    "середин": (6, 7),
    **{f"{kind} {n}": months for (kind, n), months in _PARTS_OF_YEAR.items()},
}


#: The months of "зимой 1953 года", a winter of one year named alone: January and February of that year, as Russian
#: says it ("зимой 1942 года" is the winter of the Moscow counter-offensive, January-February 1942), where English "the
#: winter of 1936" runs from its December into the next year and "зимой 1941–1942 годов" is one winter across two
#: (README_ru, item 85: "winter 1953 (read as January-February)"; round 17).
RUSSIAN_WINTER = (1, 2)


_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "перв": 1,
    "втор": 2,
    "трет": 3,
    "четв": 4,
}


def _season_key(part: str) -> str:
    """The key of :data:`_SEASONS` a season's word reads as ("осенью": "осен"; "во втором полугодии": "half 2").

    >>> _season_key("втором полугодии"), _season_key("Third quarter"), _season_key("осенью"), _season_key("last quarter")
    ('half 2', 'quarter 3', 'осен', 'quarter 4')
    """
    word = " ".join(part.lower().split())
    first, _, rest = word.partition(" ")
    if rest:
        kind = "quarter" if rest.startswith(("quarter", "квартал")) else "half"
        last = 4 if kind == "quarter" else 2
        n = (
            last
            if first == "last" or first.startswith("последн")
            else _ORDINALS.get(first[:4] if not first.isascii() else first, 0)
        )
        if (kind, n) in _PARTS_OF_YEAR:
            return f"{kind} {n}"
    return next(
        (
            k
            for k in _SEASONS
            if word == k or (len(k) < 8 and word.startswith(k) and not word.isascii())
        ),
        word,
    )


#: A half or a quarter of a year with no year after it ("в первом полугодии", "in the last quarter"): the year stated
#: before it in its sentence, else the text's clock, as for a month alone ("в течение 1944 года ...: в первом полугодии");
#: not "in the first half of the next year", "во втором полугодии следующего года" (another year, said in words).
_YEARLESS_PART = re.compile(
    r"\b(?:в|во|in\s+the)\s+(?P<part>(?:перв|втор|трет|четв[её]рт|последн)\w*\s+(?:полугоди|квартал)\w*"
    r"|(?:first|second|third|fourth|last)\s+(?:half|quarter))\b(?!\s+(?:of\b|\d|(?:\w+\s+)?(?:год|г\.)))",
    re.IGNORECASE,
)


def yearless_parts(sentence: str, anchor: date | None) -> list[Period]:
    """Halves and quarters of a year named without their year, dated by the last year before them in the sentence or
    by the text's clock (none if neither).

    >>> [(p.period, p.kind) for p in yearless_parts("В течение 1944 года: в первом полугодии поступило 468 693", None)]
    [('1944-01-01/1944-06-30', 'month')]
    """
    out = []
    # once: linear
    years = [(y.end(), int(y[0])) for y in re.finditer(rf"(?<!\d){_YEAR}(?!\d)", sentence)]
    ends = [e for e, _ in years]
    for m in _YEARLESS_PART.finditer(sentence):
        i = bisect.bisect_right(ends, m.start())  # the years that end before the part
        year = years[i - 1][1] if i else anchor.year if anchor else None
        first, last = _SEASONS.get(_season_key(m["part"]), (0, 0))
        if year is not None and first:
            out.append(
                Period(
                    m.start(),
                    m.end(),
                    month_span(year, first, last),
                    "month",
                    0.75,
                    date(year, first, 1),
                )
            )
    return out  # kind "month": like a month alone, it dates its own clause and is not carried into the next sentence


def _by_ends(sentence: str, free: Callable[[int, int], bool]) -> list[Period]:
    """ "By the end of 1938", "by 1942", "к началу 1955 года": up to the end of a year (or to its first day)."""
    out = []
    for m in BY_END.finditer(sentence):
        if free(m.start(), m.end()):
            if m["s"]:  # "by the beginning of 1955", "к началу 1955 года": up to 1 January
                y = int(m["s"])
                out.append(Period(m.start(), m.end(), f"{y}-01-01", "by_start", 0.7, date(y, 1, 1)))
                continue
            y = int(m["y"] or m["z"] or m["w"] or m["d"] + "9")
            # "by the end of 1938" (or of the 1930s), "by 1942"
            kind = "by_end" if m["y"] or m["d"] else "by_year"
            out.append(Period(m.start(), m.end(), f"{y}-12-31", kind, 0.7, date(y, 12, 31)))
    return out


def seasons(sentence: str, free: Callable[[int, int], bool]) -> list[Period]:
    out = _by_ends(sentence, free)
    for m in SEASON.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        key = _season_key(m["part"])
        first, last = _SEASONS.get(key, (0, 0))
        if not first:
            continue
        y = int(m["y"])
        y2 = int(m["y"][: 4 - len(m["y2"])] + m["y2"]) if m["y2"] else y
        if key == "зим" and not m["y2"]:
            first, last = (
                RUSSIAN_WINTER  # "зимой 1953 года": the winter months of 1953, January and February
            )
        if y2 > y and not (
            last > 12 and y2 == y + 1
        ):  # "летом 1937–1938 годов": from the first season to the last
            out.append(
                Period(
                    m.start(),
                    m.end(),
                    month_span(y, first, min(last, 12), y2),
                    "season",
                    0.7,
                    date(y, first, 1),
                )
            )
        elif first == last == 1 and key in ("beginning", "start", "начал"):
            out.append(Period(m.start(), m.end(), f"{y}-01-01", "date", 0.75, date(y, 1, 1)))
        elif first == last == 12 and key in ("end", "конц", "конец"):
            out.append(Period(m.start(), m.end(), f"{y}-12-31", "season", 0.75, date(y, 12, 31)))
        elif last > 12:  # the winter of 1936: December 1936 to February 1937
            out.append(
                Period(
                    m.start(),
                    m.end(),
                    month_span(y, first, last - 12, y + 1),
                    "season",
                    0.7,
                    date(y, first, 1),
                )
            )
        else:
            out.append(
                Period(
                    m.start(),
                    m.end(),
                    month_span(y, first, last),
                    "season",
                    0.75,
                    date(y, first, 1),
                )
            )
    return out
