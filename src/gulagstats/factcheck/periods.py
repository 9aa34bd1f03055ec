"""Periods in a sentence: dates, months, spans, seasons, decades, named periods, relative phrases.

Periods are written as the tables write them (:mod:`gulagstats.periods`): a
year ``1938``, a day ``1939-01-01``, a month or a season as a span of days, a
span ``1937/1938``.  English and Russian forms are read: "from August 1937 to
November 1938", "1937—38", "1937 to 1938", "in both 1937 and 1938", "between
the spring of 1937 and the end of 1938", "the 1930s", "в 1937–1938 годах",
"с августа 1937 по ноябрь 1938", "в 1930-е годы".  Named periods ("the Great
Terror", "Большой террор") and relative phrases ("in the previous year") come
from the data (:mod:`gulagstats.factcheck.resources`).  A year that dates a
document ("his 1990 book", "the 1953 report", "(Conquest 1990)") is found and
marked, so that it is neither a period nor a number.

Every pattern is matched once over the sentence, and every match blocks its
characters for the patterns after it: linear in the sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from .dates import DASH as _DASH
from .dates import YEAR_DIGITS as _YEAR
from .dates import Period, find_dates, joined, month_span
from .decades import decades
from .event_dates import LAST_YEAR, event_dates, events, lifespans, names_years
from .phrases import Token
from .resources import Resources

__all__ = ["Dating", "Period", "clock", "find_periods", "resolve_rule"]

_YS = r"(?:\s*(?:гг?\.|годах|годами|годы|года|годов|году|год))?"  # Russian "годах", "гг."
_FROM = r"(?:between|from|с|со|от|между|в период с|в период между)"
_TO = r"(?:and|to|through|until|till|and the end of|по|до|и)"

SPAN = re.compile(
    rf"\b{_FROM}\s+(?:the\s+)?(?:years?\s+)?(?P<a>{_YEAR}){_YS}\s+{_TO}\s+(?:the\s+)?(?:{_YEAR}[-\u2013])?(?P<b>{_YEAR})(?![\d,.]\d)"
    rf"|\b(?P<c>{_YEAR}){_DASH}(?P<d>\d{{4}}|\d{{2}}|\d)(?![\d%])(?!\s*(?:percent|per cent|%))"
    rf"|\b(?P<e>{_YEAR})\s+(?:to|through|until)\s+(?P<f>{_YEAR})\b"
    rf"|\b(?:both\s+|in\s+|during\s+|throughout\s+|over\s+|for\s+|of\s+|years\s+|в\s+|за\s+)(?P<g>{_YEAR})\s+(?:and|и)\s+(?P<h>{_YEAR})\b"
    rf"|\b(?P<i>1[89]\d\d)(?P<j>1[89]\d\d)(?=\s*(?:гг\.|годах|годов|годы))",  # "19371938 гг.": a dash lost
    re.IGNORECASE,
)
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
YEAR_MENTION = re.compile(r"(?<![\d,.\u00a0\u202f])\b(?P<y>1\d\d\d|20\d\d)\b(?!,?\d)(?!\.\d\d\d)")
#: A year in brackets after a name, or after "in his": the date of a publication.
CITED_YEAR = re.compile(
    rf"\((?:[A-Z][\w\u2019'-]+(?:\s+(?:and|&)\s+[A-Z][\w\u2019'-]+)?,?\s+)?(?P<y>{_YEAR})[a-z]?(?:[,:]\s*(?:p\.\s*)?\d+)?\)"
    rf"|\b(?:in\s+(?:his|her|their|its)|published\s+in|written\s+in|wrote\s+in|appeared\s+in)\s+(?P<z>{_YEAR})\b"
    rf"|\b(?:по\s+)?данны\w*\s+(?P<r>{_YEAR})\s*(?:г\.|года)"  # "по данным 1990 года": data of 1990 (not "за 1937 год")
)
#: A word right before a period that makes it a start with no end ("since 1937", "from the 1920s", "с 1937 года").
OPEN_BEFORE = re.compile(r"(?:\bsince|\bfrom|\bstarting\s+in|\bbeginning\s+in|\bafter|\bначиная\s+с|\bс|\bсо|\bпосле)\s+(?:the\s+)?$", re.IGNORECASE)
#: "From late 1936, when ..., until the end of 1938": a start and an end with words between them.
_UNTIL = re.compile(r"\b(?:until|till|up to|to|through|по|до)\b[^\d]{0,60}$", re.IGNORECASE)
_UNTIL_AT = re.compile(r"(?:until|till|up to|to|through|по|до)\b", re.IGNORECASE)  # "until the end of 1938"
#: Halves and quarters of a year, by ordinal ("the second quarter of 1938", "во втором полугодии 1944 года").
_PARTS_OF_YEAR = {
    ("half", 1): (1, 6), ("half", 2): (7, 12), ("quarter", 1): (1, 3), ("quarter", 2): (4, 6),
    ("quarter", 3): (7, 9), ("quarter", 4): (10, 12),
}
_SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14),
    "beginning": (1, 1), "start": (1, 1), "end": (12, 12), "middle": (6, 7),
    "first half": (1, 6), "second half": (7, 12), "early": (1, 4), "mid": (5, 8), "late": (9, 12),
    "весн": (3, 5), "лет": (6, 8), "осен": (9, 11), "зим": (12, 14), "начал": (1, 1), "конц": (12, 12), "конец": (12, 12), "середин": (6, 7),
    **{f"{kind} {n}": months for (kind, n), months in _PARTS_OF_YEAR.items()},
}


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "перв": 1, "втор": 2, "трет": 3, "четв": 4}


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
        n = last if first == "last" or first.startswith("последн") else _ORDINALS.get(first[:4] if not first.isascii() else first, 0)
        if (kind, n) in _PARTS_OF_YEAR:
            return f"{kind} {n}"
    return next((k for k in _SEASONS if word == k or (len(k) < 8 and word.startswith(k) and not word.isascii())), word)


@dataclass
class Dating:
    """How a text dates its named periods ("The Great Purge ... occurred from 1936 to 1938").

    ``rows`` maps a row of the periods table to the text's reading of it;
    ``readings`` maps a default reading (``1937/1938``) to the first reading
    the text gave a name of that default, so that "the Purge" takes the dates
    the text gave "the Great Purge".
    """

    rows: dict[int, str] = field(default_factory=dict)
    readings: dict[str, str] = field(default_factory=dict)
    #: The rule of the ruler named last ("Stalin": his rule) and how many sentences ago (0: this one).
    ruler: tuple[str, int] = ("", 0)


def _span_end(a: str, b: str) -> str | None:
    if len(b) < 4:
        b = a[: 4 - len(b)] + b
    return b if int(b) > int(a) else None


def _spans(sentence: str, free) -> list[Period]:
    out = []
    for m in SPAN.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        a, b = next((m[x], m[y]) for x, y in ("ab", "cd", "ef", "gh", "ij") if m[x])
        end = _span_end(a, b)
        if m["g"] and end and int(end) - int(a) > 3:
            continue  # "in 1937 and 1953": two years, not a span
        decade = _DECADE_END.match(sentence, m.end())
        if end and decade and end.endswith("0") and len(b) == 4:  # "в 1920-1950-е годы": to the decade's end
            out.append(Period(m.start(), decade.end(), f"{a}/{int(end) + 9}", "span", 0.9, None))
        elif end:
            out.append(Period(m.start(), m.end(), f"{a}/{end}", "span", 0.9, None))
    return out


#: The ending of a decade right after a span's last year ("1920-1950-е", "1930–1950-х", "1930-1950s").
_DECADE_END = re.compile(r"(?:-?(?:е|х|ые|ых)|[\u2019']?s)\b", re.IGNORECASE)


#: A half or a quarter of a year with no year after it ("в первом полугодии", "in the last quarter"): the year stated
#: before it in its sentence, else the text's clock, as for a month alone ("в течение 1944 года ...: в первом полугодии");
#: not "in the first half of the next year", "во втором полугодии следующего года" (another year, said in words).
_YEARLESS_PART = re.compile(
    r"\b(?:в|во|in\s+the)\s+(?P<part>(?:перв|втор|трет|четв[её]рт|последн)\w*\s+(?:полугоди|квартал)\w*"
    r"|(?:first|second|third|fourth|last)\s+(?:half|quarter))\b(?!\s+(?:of\b|\d|(?:\w+\s+)?(?:год|г\.)))",
    re.IGNORECASE,
)


def _yearless_parts(sentence: str, anchor: date | None) -> list[Period]:
    """Halves and quarters of a year named without their year, dated by the last year before them in the sentence or
    by the text's clock (none if neither).

    >>> [(p.period, p.kind) for p in _yearless_parts("В течение 1944 года: в первом полугодии поступило 468 693", None)]
    [('1944-01-01/1944-06-30', 'month')]
    """
    out = []
    years = [(y.end(), int(y[0])) for y in re.finditer(rf"(?<!\d){_YEAR}(?!\d)", sentence)]  # once: linear
    ends = [e for e, _ in years]
    for m in _YEARLESS_PART.finditer(sentence):
        i = bisect.bisect_right(ends, m.start())  # the years that end before the part
        year = years[i - 1][1] if i else anchor.year if anchor else None
        first, last = _SEASONS.get(_season_key(m["part"]), (0, 0))
        if year is not None and first:
            out.append(Period(m.start(), m.end(), month_span(year, first, last), "month", 0.75, date(year, first, 1)))
    return out  # kind "month": like a month alone, it dates its own clause and is not carried into the next sentence


def _seasons(sentence: str, free) -> list[Period]:
    out = []
    for m in BY_END.finditer(sentence):
        if free(m.start(), m.end()):
            if m["s"]:  # "by the beginning of 1955", "к началу 1955 года": up to 1 January
                y = int(m["s"])
                out.append(Period(m.start(), m.end(), f"{y}-01-01", "by_start", 0.7, date(y, 1, 1)))
                continue
            y = int(m["y"] or m["z"] or m["w"] or m["d"] + "9")
            kind = "by_end" if m["y"] or m["d"] else "by_year"  # "by the end of 1938" (or of the 1930s), "by 1942"
            out.append(Period(m.start(), m.end(), f"{y}-12-31", kind, 0.7, date(y, 12, 31)))
    for m in SEASON.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        key = _season_key(m["part"])
        first, last = _SEASONS.get(key, (0, 0))
        if not first:
            continue
        y = int(m["y"])
        y2 = int(m["y"][:4 - len(m["y2"])] + m["y2"]) if m["y2"] else y
        if y2 > y and not (last > 12 and y2 == y + 1):  # "летом 1937–1938 годов": from the first season to the last
            out.append(Period(m.start(), m.end(), month_span(y, first, min(last, 12), y2), "season", 0.7, date(y, first, 1)))
        elif first == last == 1 and key in ("beginning", "start", "начал"):
            out.append(Period(m.start(), m.end(), f"{y}-01-01", "date", 0.75, date(y, 1, 1)))
        elif first == last == 12 and key in ("end", "конц", "конец"):
            out.append(Period(m.start(), m.end(), f"{y}-12-31", "season", 0.75, date(y, 12, 31)))
        elif last > 12:  # the winter of 1936: December 1936 to February 1937
            out.append(Period(m.start(), m.end(), month_span(y, first, last - 12, y + 1), "season", 0.7, date(y, first, 1)))
        else:
            out.append(Period(m.start(), m.end(), month_span(y, first, last), "season", 0.75, date(y, first, 1)))
    return out


def find_periods(
    sentence: str, toks: list[Token], offset: int, anchor: date | None, last: str, data: Resources,
    dating: Dating | None = None,
) -> list[Period]:
    """Every period a sentence states, with its position in the sentence, sorted.

    ``toks`` are the sentence's tokens (offsets in the document, the sentence
    starting at ``offset``); ``anchor`` is the text's clock (the last date
    stated before) and ``last`` the last period stated before, against which
    relative phrases are resolved; ``dating`` how the text dated its named
    periods so far (updated when this sentence dates one).

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> from gulagstats.factcheck.phrases import tokens
    >>> def found(s, anchor=None):
    ...     return [(p.period, p.kind) for p in find_periods(s, tokens(s), 0, anchor, "", load_resources())]
    >>> found("In 1937 to 1938 and in 1937—38, 681,692 were shot; in 1939, 2,552.")
    [('1937/1938', 'span'), ('1937/1938', 'span'), ('1939', 'year')]
    >>> found("from August 1937 to November 1938, during the Great Terror")
    [('1937-08-01/1938-11-30', 'span'), ('1937/1938', 'named')]
    >>> found("между весной 1937 и концом 1938 года; в 1930-е годы; в его книге 1990 года")
    [('1937-03-01/1938-12-31', 'span'), ('1930/1939', 'decade'), ('1990', 'document')]
    >>> found("In the previous year, as Conquest (1990) wrote", date(1934, 12, 1))
    [('1933', 'relative'), ('1990', 'document')]
    >>> found("From late 1936, when he took over, until the end of 1938; since the 1920s")
    [('1936-09-01/1938-12-31', 'span'), ('1920/', 'open')]
    """
    taken = bytearray(len(sentence) + 1)

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    found: list[Period] = []

    def add(items: list[Period]) -> None:
        for p in items:
            if free(p.start, p.end):
                found.append(p)
                taken[p.start : p.end] = b"\1" * (p.end - p.start)

    add(_documents(sentence, toks, offset, data))
    add(lifespans(sentence))
    add([p for p in _spans(sentence, free) if int(p.period[:4]) <= LAST_YEAR < int(p.period[-4:])])  # "between 1991 and 2014"
    add([Period(m.start(), m.end(), m["y"], "document", 0.9) for m in YEAR_MENTION.finditer(sentence) if int(m["y"]) > LAST_YEAR])
    add(find_dates(sentence, anchor))
    add(joined(sentence, sorted(_seasons(sentence, free), key=lambda p: p.start)))
    add(_yearless_parts(sentence, anchor))
    add(_spans(sentence, free))
    add(joined(sentence, decades(sentence, free, data.decade_parts)))  # "during the 1930s and 1940s": both decades
    add(_named(toks, offset, data, anchor, last, dating or Dating()))
    add(events(sentence))
    add([Period(m.start(), m.end(), m["y"], "year", 0.9, date(int(m["y"]), 1, 1)) for m in YEAR_MENTION.finditer(sentence) if 1800 <= int(m["y"]) <= 2099])
    out = names_years(sentence, _titles(sentence, _opened(sentence, _from_until(sentence, sorted(found, key=lambda p: p.start)))))
    out = [p for p in _anchored(event_dates(sentence, out), data) if p.period or p.kind != "relative"]
    if any(p.kind == "span" for p in out):  # "some say he killed 40 million" in a sentence that states 1924 to 1953
        out = [p for p in out if p.kind != "named" or data.periods.rows[p.row]["rule"] != "ruler"]
    if dating is not None:
        out = _dated(sentence, out, dating, data)
    return out


#: The kinds of period that set the clock a relative phrase after them in the same sentence reads.
_CLOCKS = ("year", "event", "date", "month", "season", "span")  # "the Congress in 1934 ..., within a year": 1934


def _anchored(found: list[Period], data: Resources) -> list[Period]:
    """A relative phrase after a date of its own sentence reads that date, not the text's clock.

    "в 1934 году в лагерях умерло 25 187 человек, а среднесписочный состав в этом году – 586 477":
    "в этом году" is 1934 whatever the sentences before said.
    """
    out: list[Period] = []
    last: Period | None = None  # the last period before that sets a clock, and the latest day and year (linear time)
    day: Period | None = None
    year: Period | None = None
    for p in found:
        if p.kind == "relative" and p.row is not None and last is not None:
            rule = data.periods.rows[p.row]["rule"]
            anchor = day.day if day is not None else year.day if year is not None else None  # as clock() reads them
            if value := resolve_rule(rule, anchor, last.period):
                p = Period(p.start, p.end, value, p.kind, p.confidence, None, p.row)
        elif p.kind in _CLOCKS and (p.day is not None or "/" in p.period):
            last = p
            if p.day is not None and p.kind in ("year", "event"):
                year = p if year is None or year.day is None or p.day > year.day else year
            elif p.day is not None:
                day = p if day is None or day.day is None or p.day > day.day else day
        out.append(p)
    return out


def _from_until(sentence: str, found: list[Period]) -> list[Period]:
    """"From late 1936, when he ..., until the end of 1938": a start and an end with a clause between them.

    A named day may start it ("с начала войны по декабрь 1944 года": 22 June 1941 to December 1944).
    """
    out: list[Period] = []
    for p in found:
        prev = out[-1] if out else None
        if (
            prev is not None and (prev.kind in ("season", "date", "month", "year") or (prev.kind == "named" and "/" not in prev.period))
            and p.kind in ("season", "date", "month", "year", "by_end", "by_year", "by_start")
            and OPEN_BEFORE.search(sentence[max(0, prev.start - 20) : prev.start])
            and (_UNTIL.search(sentence[prev.end : p.start]) or _UNTIL_AT.match(sentence, p.start))
            and p.period.split("/")[-1] > prev.period.split("/")[0]
        ):
            span = f"{prev.period.split('/')[0]}/{p.period.split('/')[-1]}"
            if re.search(r"\d", sentence[prev.end : p.start]):  # a number between its ends is no part of it: both ends
                out[-1] = Period(prev.start, prev.end, span, "span", 0.8, prev.day)  # say the span, the words between
                out.append(Period(p.start, p.end, span, "span", 0.8, None))  # stay free ("when 1,000 a day were ...")
            else:
                out[-1] = Period(prev.start, p.end, span, "span", 0.8, prev.day)
            continue
        out.append(p)
    return out


def opened(period: str) -> str:
    """An open period from the start of ``period`` on, as ``START/`` (no end); ``""`` when no start is known.

    >>> opened("1930/1939"), opened("1953-03-05"), opened("")
    ('1930/', '1953-03-05/', '')
    """
    start = period.split("/")[0]
    return f"{start}/" if start else ""


def _opened(sentence: str, found: list[Period]) -> list[Period]:
    """A single period after "since", "from", "после", "с" is a start with no end: ``open``.

    After a named period ("after the war", "после войны") the open period starts where the named one ends;
    "during and after World War II" starts where it starts; "before the war", "до войны" end where it starts.
    """
    out = []
    for p in found:
        days = p.kind == "date" and "/" in p.period  # "from 28 to 31 December 1943": both ends are given
        before = OPEN_BEFORE.search(sentence[max(0, p.start - 20) : p.start])
        if p.kind in ("year", "decade", "date", "month", "season", "named") and not days and before:
            at = max(0, p.start - 20) + before.start()  # where "after" starts in the sentence
            during = re.search(r"(?:during|во\s+время)\s+(?:and|и)\s+$", sentence[max(0, at - 16) : at], re.IGNORECASE)
            after = p.kind == "named" and not during and re.match(r"after|после", before.group(), re.IGNORECASE)
            start = p.period.split("/")[-1] if after else p.period
            p = Period(p.start, p.end, opened(start), "open", 0.0, p.day if p.kind != "named" else None)
        elif p.kind in ("year", "date", "month") and "/" not in p.period.strip("/") and _UNTIL_ALONE.search(sentence[max(0, p.start - 12) : p.start]):
            p = Period(p.start, p.end, "/" + p.period.split("/")[-1], "open", 0.0, p.day)  # "по 1 октября 1930 года": up to it
        elif p.kind == "named" and p.period and _BEFORE_NAMED.search(sentence[max(0, p.start - 24) : p.start]):
            p = Period(p.start, p.end, "/" + p.period.split("/")[0], "open", 0.0, None)  # "before the war": up to its start
        out.append(p)
    return out


#: A date or a year after "until", "through", "по" with no start before it: the time up to it.
_UNTIL_ALONE = re.compile(r"(?:\buntil|\btill|\bthrough|\bпо)\s+(?:the\s+)?$", re.IGNORECASE)
#: A named period after "before", "prior to", "leading up to", "до": the time up to its start ("before the war",
#: "in the years leading up to World War Two", "до войны").
_BEFORE_NAMED = re.compile(
    r"(?:\bbefore|\bprior\s+to|\bleading\s+up\s+to|\bin\s+the\s+run[- ]up\s+to|\bдо)\s+(?:the\s+)?$", re.IGNORECASE
)


#: A capital "The" inside a sentence before a name: a title ("in his influential work The Great Terror, ...").
_TITLE_THE = re.compile(r"[a-z,]\s+The\s+$")


def _titles(sentence: str, found: list[Period]) -> list[Period]:
    """A named period right before a publication year ("The Great Terror (1968)"), or after a capital "The" inside
    its sentence ("The section in The Great Terror headed ..."), is a title: a document.

    >>> [p.kind for p in _titles("his work The Great Terror", [Period(13, 25, "1937/1938", "named", 0.7)])]
    ['document']
    """
    out = []
    for i, p in enumerate(found):
        after = found[i + 1] if i + 1 < len(found) else None
        if p.kind == "named" and (
            (after is not None and after.kind == "document" and after.start - p.end <= 3)
            or _TITLE_THE.search(sentence, max(0, p.start - 12), p.start)
        ):
            p = Period(p.start, p.end, "", "document", 1.0)
        out.append(p)
    return out


#: Between a name and the span that dates it: "the Great Purges of 1936-1939", "World War II (1939–1953)".
#: The span may follow the name with nothing between ("жертв сталинских репрессий 1937—1953 гг.").
_GLOSS = re.compile(r"^[\s'\"\u201d\u00bb]*(?:\(|,|\u2013|\u2014|-|of|in|в)?\s*$", re.IGNORECASE)  # after a closing quote too
#: A sentence that dates a name: "The Great Purge ... was a campaign ... which occurred from 1936 to 1938".
_DATES_IT = re.compile(r"\b(?:was|were|is|occurred|lasted|took place|ran|spanned|продолжал\w*|длил\w*|проходил\w*)\b", re.IGNORECASE)
#: A sentence that names a span: "the period of the most intense purge, 1937–1938, is called Yezhovshchina".
_NAMES_IT = re.compile(r"\b(?:is|was)\s+(?:called|known\s+as|named)\b|\bназыва\w*|\bизвест\w*\s+как\b", re.IGNORECASE)


def _dated(sentence: str, found: list[Period], dating: Dating, data: Resources) -> list[Period]:
    """Named periods read as the text dates them, and the text's datings learnt from this sentence.

    A name glossed by a span ("World War II (1939–1953)", "the Great Purges
    of 1936-1939") or said to be a span in a sentence that has no other period
    ("The Great Purge ... occurred from 1936 to 1938", "1937–1938 is called
    the Yezhovshchina") is dated by the text; the name keeps that reading,
    and other names of the same default reading take the first such dating.
    """
    spans = [p for p in found if p.kind == "span"]
    names = [p for p in found if p.kind == "named"]
    glossed: set[int] = set()
    glossed_as: dict[int, str] = {}
    for n in names:
        gloss = next((s for s in spans if s.start > n.end and _GLOSS.match(sentence[n.end : s.start])), None)
        if gloss is None and len(spans) == 1 and len(names) + 1 == len([p for p in found if p.kind not in ("document", "event")]):
            s = spans[0]
            between = sentence[n.end : s.start] if s.start > n.end else sentence[s.end : n.start]
            if (_DATES_IT if s.start > n.end else _NAMES_IT).search(between):
                gloss = s  # "The Great Purge ... occurred from 1936 to 1938"; "1937–1938, is called Yezhovshchina"
        if gloss is not None:
            dating.rows[n.row] = gloss.period
            dating.readings.setdefault(data.periods.rows[n.row]["reading"], gloss.period)
            glossed.add(n.start)
            glossed_as[n.start] = gloss.period
    out = []
    for p in found:
        if p.kind == "named":
            reading = dating.rows.get(p.row) or dating.readings.get(data.periods.rows[p.row]["reading"])
            if reading:  # a name the sentence itself dates is that span ("the Great Terror of 1937-1938")
                kind = "span" if p.start in glossed and reading == glossed_as.get(p.start) else "named"
                p = Period(p.start, p.end, reading, kind, max(p.confidence, 0.8), None, p.row)
        out.append(p)
    return out


def _documents(sentence: str, toks: list[Token], offset: int, data: Resources) -> list[Period]:
    """Years that date a document: "(Conquest 1990)", "in his 1990 book", "the 1953 report", "перепись 1937 года"."""
    out = [
        Period(m.start(), m.end(), m["y"] or m["z"] or m["r"], "document", 1.0) for m in CITED_YEAR.finditer(sentence)
    ]
    table = data.lexicon["document"]
    for match in table.phrases.find(toks):
        word = match.first
        for k in (word - 1, word - 2, word - 3, match.last, match.last + 1):  # a year beside the document word
            if 0 <= k < len(toks) and re.fullmatch(_YEAR, toks[k].word):
                a, b = toks[k].start - offset, toks[k].end - offset
                out.append(Period(a, b, toks[k].word, "document", 0.8))
                break
    return out


#: How many sentences after a ruler's name "he", "his reign", "при нём" still name him: his own and the next.
RULER_REACH = 1


def _named(toks: list[Token], offset: int, data: Resources, anchor: date | None, last: str, dating: Dating) -> list[Period]:
    out = []
    ruler, ago = dating.ruler
    dating.ruler = (ruler, ago + 1) if ruler else dating.ruler
    matches = data.periods.phrases.find(toks)
    for match in matches:  # a ruler's name first: "While Stalin administered ... during his reign"
        rule = data.periods.rows[match.row]["rule"]
        if rule.startswith("name:"):
            dating.ruler = (rule.removeprefix("name:"), 0)
    for match in matches:
        row = data.periods.rows[match.row]
        a, b = toks[match.first].start - offset, toks[match.last - 1].end - offset
        confidence = float(row["confidence"])
        if row["rule"].startswith(("name:", "decade:")) or row["rule"] == "goes_on":
            continue  # a name is no period (it gives "he", "his reign" theirs); a part of a decade is read by decades()
        if row["rule"] in ("event", "report"):  # "born in", "published": a mark for event_dates, no period
            out.append(Period(a, b, "", row["rule"] + "_verb", 0.0, None, match.row))
            continue
        if row["rule"] == "ruler":  # "they say he killed 20 million" after "Stalin": his rule
            if dating.ruler[0] and dating.ruler[1] <= RULER_REACH:
                out.append(Period(a, b, dating.ruler[0], "named", confidence, None, match.row))
            continue
        if row["reading"]:
            out.append(Period(a, b, row["reading"], "named", confidence, None, match.row))
        elif row["rule"] == "open" or row["rule"].startswith("from:"):  # "after Stalin's death": from 5 March 1953 on
            out.append(Period(a, b, opened(row["rule"].removeprefix("from:").removeprefix("open")), "open", 0.0, None, match.row))
        else:  # resolved against the text's clock, or (_anchored) a date of its own sentence; dropped if neither
            out.append(Period(a, b, resolve_rule(row["rule"], anchor, last), "relative", confidence, None, match.row))
    return out


def resolve_rule(rule: str, anchor: date | None, last: str = "") -> str:
    """A relative rule of the data against the text's clock (``anchor``) and its last period.

    Examples
    --------
    >>> d = date(1934, 12, 1)
    >>> resolve_rule("previous_year", d), resolve_rule("within_year", d), resolve_rule("until:1938", d)
    ('1933', '1934/1935', '1934/1938')
    >>> resolve_rule("next_year", d)
    '1935'
    >>> resolve_rule("same_month", d), resolve_rule("next_day", d), resolve_rule("same_period", None, "1937/1938")
    ('1934-12-01/1934-12-31', '1934-12-02', '1937/1938')
    >>> resolve_rule("same_span", None, "1937/1938"), resolve_rule("same_span", None, "1937")
    ('1937/1938', '')
    """
    if rule.startswith("fixed:"):
        return rule.split(":", 1)[1]
    if rule == "same_period":
        return last
    if rule == "same_span":  # "these years", "в эти годы": the span of years just stated, not one year
        return last if "/" in last else ""
    if anchor is None:
        return ""
    simple = {
        "previous_year": str(anchor.year - 1),
        "next_year": str(anchor.year + 1),
        "within_year": f"{anchor.year}/{anchor.year + 1}",
        "same_year": str(anchor.year),
        "same_month": month_span(anchor.year, anchor.month),
        "next_day": (anchor + timedelta(days=1)).isoformat(),
    }
    if rule in simple:
        return simple[rule]
    if rule.startswith("until:"):
        end = int(rule.split(":")[1])
        return f"{anchor.year}/{end}" if end > anchor.year else str(end)
    return ""


def clock(found: list[Period], anchor: date | None) -> date | None:
    """The date a sentence moves the text's clock to: its latest stated day, else a new year, else ``anchor``.

    Examples
    --------
    >>> clock([Period(0, 4, "1937", "year", 0.9, date(1937, 1, 1))], date(1934, 12, 1))
    datetime.date(1937, 1, 1)
    >>> clock([Period(0, 4, "1934", "year", 0.9, date(1934, 1, 1))], date(1934, 12, 1))
    datetime.date(1934, 12, 1)
    """
    days = [p.day for p in found if p.day is not None and p.kind in ("date", "month", "span", "season")]
    if days:
        return max(days)
    years = [p.day for p in found if p.day is not None and p.kind == "year"]
    if years and (anchor is None or max(years).year != anchor.year):
        return max(years)
    return anchor
