"""Days and months in a sentence: "December 1, 1934", "в октябре", "26.IV", "from August 1937 to November 1938".

A date without its year takes the year stated last before it in the same
sentence ("в 1941 г. умерли: в октябре — 247"), else the text's clock (the
last date the text stated).  A month alone is a date only after a preposition
("in October", "в октябре"; an English month is capitalised, so "may" the verb
is never a month), or as the head of an item of a list of months, its number
after a dash or a colon ("по месяцам: январь — 64 умерших; февраль — 42").  Numeric dates are read with Arabic or Roman months
("26.IV", "1.VIII.1941", "26.04.1941"); "с.г." (this year) keeps the year of
the clock.  Two dates joined by "to", "по", a dash ("с 26.IV по 11.X"), or two
neighbouring months joined by "and" ("in April and May 1940") are one span;
"за месяц с 26.IX" is the month from that day.  A date after "dated" or, in
Russian, "от" ("спецсообщение от 2 ноября 1941 года") dates a document: it is
marked ``document`` and is no period.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

_EN_MONTHS = [m.lower() for m in calendar.month_name[1:]]
_RU_MONTHS = [
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
]
_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
    "xi": 11,
    "xii": 12,
}

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
    r"|(?:январ(?:[ьяею]|[её]м)|феврал(?:[ьяею]|[её]м)|марта?|марте|марту|мартом|апрел(?:[ьяею]|ем)|ма(?:[йяею]|ем)|"
    r"июн(?:[ьяею]|ем)|июл(?:[ьяею]|ем)|августа?|августе|августу|августом|"
    r"сентябр(?:[ьяею]|[её]м)|октябр(?:[ьяею]|[её]м)|ноябр(?:[ьяею]|[её]м)|декабр(?:[ьяею]|[её]м))"
)
YEAR_DIGITS = r"(?:1[89]\d\d|20\d\d)"
DASH = r"\s*[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212/]\s*"
_YEAR_WORDS = r"(?:\s*(?:гг?\.|года|году|год))?"
#: Prepositions after which a month alone is a date ("in October", "в октябре", "за первую половину декабря").
_BEFORE_MONTH = (
    r"in|during|by|until|till|from|since|to|through|of|between|в|во|за|к|до|с|со|по|на|между"
)


#: A part of a month before it ("the start of January", "early January", "mid-July", "начало января", "в конце июля"):
#: the month, its year from the sentence or the text's clock as for "in January" (round 9's test: "Начало января
#: ознаменовалось волной арестов ... миллионы" lost to a span carried from the sentences before).
_MONTH_PART = r"(?:start|beginning|end|middle)\s+of\s+|early\s+|late\s+|mid-?\s*|начал[оаеу]\s+|конец\s+|конц[еау]\s+|середин[аеуы]\s+"


def _half(name: str) -> str:
    return (
        rf"(?:(?P<{name}>first|second|первую|вторую|первой|второй)\s+(?:half\s+of|половин[уые])\s+)"
    )


#: A day glued to a capitalised month and a year, as HTML with its spacing lost gives it ("on 14November 1944").
_GLUED_DAY = r"(?-i:(?=[JFMASOND][a-z]+\.?\s+(?:1[89]|20)\d\d\b))"


#: A month alone that opens an item of a list of months, its number after a dash or a colon: "по месяцам: январь — 64
#: умерших; февраль — 42; ...", "January: 64; February: 42". Its year is the sentence's or the clock's, as for "in
#: January"; a number after it that is a year ("январь — 1937") is no item.
_LISTED_MONTH = rf"(?:^|(?<=[;:,.\n(]))\s*(?P<m5>{MONTH})(?=\s*(?:[:\u2013\u2014]|\s-)\s*\d)(?!\S*\s*\S\s*(?:1[89]|20)\d\d\b)"


DATE = re.compile(
    rf"\b(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:{DASH}(?P<d1b>\d{{1,2}})\b)?(?:,?\s+(?P<y1>{YEAR_DIGITS}))?\b"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:(?:{DASH}|\s+(?:to|по|-)\s+)(?P<d2b>\d{{1,2}}))?(?:\s+(?:of\s+)?|{_GLUED_DAY})(?P<m2>{MONTH})(?:,?\s+(?P<y2>{YEAR_DIGITS}))?{_YEAR_WORDS}\b"
    rf"|\b(?:{_half('half3')}(?:of\s+)?)?(?P<m3>{MONTH}),?\s+(?:of\s+)?(?P<y3>{YEAR_DIGITS}){_YEAR_WORDS}\b"
    rf"|\b(?:(?:{_BEFORE_MONTH})\s+(?:the\s+)?(?:{_MONTH_PART})?|(?:{_MONTH_PART})){_half('half4')}?(?P<m4>{MONTH})(?:{DASH}(?P<m4b>{MONTH}))?(?![\w.]*\s*,?\s*\d)\b"
    rf"|{_LISTED_MONTH}",
    re.IGNORECASE,
)
NUMERIC = re.compile(
    r"(?<![\d.,])(?P<d>[0-3]?\d)\.(?P<m>XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I|0?[1-9]|1[0-2])"
    r"(?:\.(?P<y>1[89]\d\d|20\d\d))?(?![\d.,]\d)(?![\w])",
)
_THIS_YEAR = re.compile(r"^\s*(?:с\.\s*г\.|сего года|this year)", re.IGNORECASE)
_DOCUMENT_BEFORE = re.compile(r"(?:\bdated|\bот|\bsigned\s+on|\bissued\s+on)\s+$", re.IGNORECASE)
#: "dated" before a month: a document's month too ("a report dated December 1965, 46,000 people were deported").
_DATED = re.compile(r"\bdated\s+$", re.IGNORECASE)
#: "by" before a month: a total up to its end, a count on its last day ("by November 1938", "к ноябрю 1938 года").
_BY_MONTH = re.compile(r"(?:\bby|\bup\s+to|\bк)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
_MONTH_FROM = re.compile(
    r"(?:\bза\s+месяц\s+с|\bin\s+the\s+month\s+from|\bover\s+the\s+month\s+from)\s+$", re.IGNORECASE
)
#: The words that join two dates into a span; a part of the second month may follow ("from late July 1937 to
#: mid-November 1938", "с конца июля 1937 по середину ноября 1938"): the span runs over both months whole, as a part of
#: a month alone reads its month (round 16's test part: "In less than 16 months, from late July 1937 to mid-November
#: 1938, ... executed 750,000" read November 1938 alone, at 0.9).
_JOIN = re.compile(
    rf",?\s*(?:-|\u2013|\u2014|through\s+to|to|until|through|till|and|по|до|и)\s*(?:the\s+end\s+of\s+|(?P<part>(?:the\s+)?(?:{_MONTH_PART})))?",
    re.IGNORECASE,
)
_BEFORE_FIRST = re.compile(
    rf"(?:between|from|с|со|от|между)\s+(?:the\s+)?(?:{_MONTH_PART})?$", re.IGNORECASE
)
#: The year after a date that has none, across a second date ("April and May 1940", "between 27 October and 4
#: November 1937", "Oct. 27 and Nov. 1-4, 1937"): a day (or days) before or after the second month is read past.
_YEAR_AHEAD = re.compile(
    rf"\s*(?:and|or|to|until|through|till|-|\u2013|\u2014|по|до|и)\s*(?:\d{{1,2}}(?:st|nd|rd|th)?(?:{DASH}\d{{1,2}})?\s+(?:of\s+)?)?"
    rf"(?:{MONTH})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?(?:{DASH}\d{{1,2}})?)?,?\s+(?:of\s+)?(?P<y>{YEAR_DIGITS})\b",
    re.IGNORECASE,
)
_MONTH_BEHIND = re.compile(rf"\b(?P<m>{MONTH}){DASH}$", re.IGNORECASE)
_A_YEAR = re.compile(rf"(?<![\d,.])\b{YEAR_DIGITS}\b(?!,?\d)")


@dataclass(frozen=True)
class Period:
    """A period stated in a sentence.

    ``kind`` says what was found: ``date``, ``month``, ``span``, ``year``,
    ``season``, ``by_end`` (an end point: "by the end of 1938"), ``by_year``
    ("by 1942"), ``decade``, ``named``, ``relative``, ``open`` (a start with no
    end: "since 1937", "from the 1920s", "subsequently") or ``document`` (a
    date of a document: not a period).  ``day`` is the date it moves the
    text's clock to (None for a span); ``row`` the row of a named period in
    the periods table.
    """

    start: int
    end: int
    period: str
    kind: str
    confidence: float
    day: date | None = None
    row: int = -1


def month_number(word: str) -> int:
    """The month a word names (English or Russian, any case form), or 0.

    >>> month_number("Sept."), month_number("октябре"), month_number("мая"), month_number("XI"), month_number("июнем")
    (9, 10, 5, 11, 6)
    """
    w = word.lower().rstrip(".")
    if w in _ROMAN:
        return _ROMAN[w]
    if w.isdigit():
        return int(w) if 1 <= int(w) <= 12 else 0
    for i, m in enumerate(_EN_MONTHS, 1):
        if w == m or (len(w) >= 3 and m.startswith(w)):
            return i
    for i, stem in enumerate(_RU_MONTHS, 1):
        if w.startswith(stem) and (stem != "ма" or w in ("май", "мая", "мае", "маем", "маю")):
            return i
    return 0


def month_span(year: int, first: int, last: int | None = None, end_year: int | None = None) -> str:
    """The days of a month, or of months ``first`` to ``last``: ``1937-08-01/1937-08-31``."""
    last = last or first
    end_year = end_year or year
    days = calendar.monthrange(end_year, last)[1]
    return f"{year:04d}-{first:02d}-01/{end_year:04d}-{last:02d}-{days:02d}"


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


class _YearBefore:
    """The year stated last before a place in a sentence, else the clock's year.

    The sentence's years are found once, so that a sentence of many dates costs
    time linear in its length (not a scan of the sentence up to each date).

    Examples
    --------
    >>> before = _YearBefore("In 1937 in April; in 1938 in May", date(1936, 1, 1))
    >>> before(11), before(29), before(2)
    (1937, 1938, 1936)
    """

    def __init__(self, sentence: str, anchor: date | None) -> None:
        self.sentence, self.anchor = sentence, anchor
        found = list(_A_YEAR.finditer(sentence))
        self.ends, self.years = [m.end() for m in found], [int(m[0]) for m in found]

    def __call__(self, at: int) -> int | None:
        # the sentence read as far as ``at``: a year that ends right there counts even if a letter follows it
        last = _A_YEAR.match(self.sentence, at - 4, at) if at >= 4 else None
        if last:
            return int(last[0])
        i = bisect_left(
            self.ends, at
        )  # the years found in the whole sentence that end before ``at``
        if i:
            return self.years[i - 1]
        return self.anchor.year if self.anchor else None


def _one_date(sentence: str, m: re.Match[str], year_before: _YearBefore) -> Period | None:
    alone = m["m4"] or m["m5"]
    month = month_number(m["m1"] or m["m2"] or m["m3"] or alone)
    if not month or (alone and alone.isascii() and not alone[0].isupper()):
        return None
    year_text = m["y1"] or m["y2"] or m["y3"]
    ahead = None if year_text else _YEAR_AHEAD.match(sentence, m.end())  # "in April and May 1940"
    year = int(year_text or (ahead and ahead["y"]) or 0) or year_before(m.start())
    if year is None:
        return None
    start = m.start("m4") if m["m4"] else m.start("m5") if m["m5"] else m.start()
    first = m["d1"] or m["d2"]
    two = _two_months(sentence, m, start, year, month) if first is None else None
    if two is not None:
        return two
    if first is None:
        return _month_alone(m, start, year, month, bool(year_text))
    return _day_date(m, start, year, month, (first, m["d1b"] or m["d2b"]), bool(year_text))


def _two_months(
    sentence: str, m: re.Match[str], start: int, year: int, month: int
) -> Period | None:
    """A span of two months around a date without its day: "April–May 1940", "in March-April of that year"."""
    behind = _MONTH_BEHIND.search(sentence[max(0, start - 16) : start]) if m["m3"] else None
    since = start - len(behind[0]) if behind else start
    if (
        behind
        and 0 < month_number(behind["m"]) <= month + 1
        and month_number(behind["m"]) != month
        and not re.search(r"\d\s*(?:of\s+)?$", sentence[max(0, since - 12) : since])
    ):
        # "April–May 1940"; "в апреле — марте 1954 года", the neighbour months written backwards: both
        first, last = sorted((month_number(behind["m"]), month))
        return Period(
            since, m.end(), month_span(year, first, last), "span", 0.9, _day(year, first, 1)
        )
    if m["m4b"] and 0 < month < month_number(
        m["m4b"]
    ):  # "in March-April of that year": both months
        span = month_span(year, month, month_number(m["m4b"]))
        return Period(start, m.end(), span, "span", 0.85, _day(year, month, 1))
    return None


def _month_alone(m: re.Match[str], start: int, year: int, month: int, year_stated: bool) -> Period:
    """A month without its day, or the first or second half of it."""
    half = m["half3"] or m["half4"]
    if half:
        second = half.lower().startswith(("second", "втор"))
        days = calendar.monthrange(year, month)[1]
        a, b = (
            (date(year, month, 16), date(year, month, days))
            if second
            else (date(year, month, 1), date(year, month, 15))
        )
        return Period(m.start(), m.end(), f"{a}/{b}", "month", 0.85, a)
    confidence = 0.9 if year_stated else 0.8
    return Period(
        start, m.end(), month_span(year, month), "month", confidence, _day(year, month, 1)
    )


def _day_date(
    m: re.Match[str],
    start: int,
    year: int,
    month: int,
    days: tuple[str, str | None],
    year_stated: bool,
) -> Period | None:
    """A day ("December 1, 1934"), or a span of days of one month ("1-15 August 1937")."""
    first, last = days
    begin = _day(year, month, int(first))
    if begin is None:
        return None
    end = _day(year, month, int(last)) if last else None
    if end and end > begin:
        return Period(start, m.end(), f"{begin}/{end}", "date", 0.9, begin)
    return Period(start, m.end(), begin.isoformat(), "date", 0.9 if year_stated else 0.8, begin)


def _numeric(sentence: str, year_before: _YearBefore) -> list[Period]:
    out = []
    for m in NUMERIC.finditer(sentence):
        month = month_number(m["m"])
        roman = not m["m"].isdigit()
        if not (roman or m["y"]):
            continue  # "26.04" alone is a number, not a date
        this_year = _THIS_YEAR.match(sentence, m.end())
        year = int(m["y"]) if m["y"] else year_before(m.start())
        day = _day(year, month, int(m["d"])) if year and month else None
        if day is not None:
            end = m.end() + (this_year.end() - m.end() if this_year else 0)
            out.append(Period(m.start(), end, day.isoformat(), "date", 0.85, day))
    return out


def _month_later(day: date) -> date:
    month = day.month % 12 + 1
    year = day.year + (day.month == 12)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def find_dates(sentence: str, anchor: date | None) -> list[Period]:
    """The days, months and spans of them in a sentence, by position (spans joined).

    Examples
    --------
    >>> def found(s, anchor=None):
    ...     return [(d.period, d.kind) for d in find_dates(s, anchor)]
    >>> found("from August 1937 to November 1938; in April and May 1940")
    [('1937-08-01/1938-11-30', 'span'), ('1940-04-01/1940-05-31', 'span')]
    >>> found("carried out between April and May 1940")
    [('1940-04-01/1940-05-31', 'span')]
    >>> found("в 1941 г. умерли: в октябре — 247; за первую половину декабря — 495")
    [('1941-10-01/1941-10-31', 'month'), ('1941-12-01/1941-12-15', 'month')]
    >>> found("спецсообщение от 2 ноября 1941 года: с 26.IV по 11.X с.г. умерло 238, за месяц с 26.IX - 130")
    [('1941-11-02', 'document'), ('1941-04-26/1941-10-11', 'span'), ('1941-09-26/1941-10-26', 'span')]
    >>> found("It may be that 1,000 died", date(1937, 1, 1))
    []
    >>> found("в 1932 г. по месяцам: январь — 64 умерших; февраль — 42")
    [('1932-01-01/1932-01-31', 'month'), ('1932-02-01/1932-02-29', 'month')]
    >>> found("were deported in March-April 1949"), found("in March-April of that year", date(1949, 3, 25))
    ([('1949-03-01/1949-04-30', 'span')], [('1949-03-01/1949-04-30', 'span')])
    """
    year_before = _YearBefore(sentence, anchor)
    found = [
        d for m in DATE.finditer(sentence) if (d := _one_date(sentence, m, year_before)) is not None
    ]
    found += _numeric(sentence, year_before)
    found.sort(
        key=lambda d: (d.start, -d.end)
    )  # of two from one place, the wider: "in March-April 1949", not March
    out: list[Period] = []
    for d in found:
        if out and d.start < out[-1].end:
            continue
        before = sentence[max(0, d.start - 30) : d.start]
        if _DOCUMENT_BEFORE.search(before) and (
            d.kind == "date" or (d.kind == "month" and _DATED.search(before))
        ):
            out.append(Period(d.start, d.end, d.period, "document", 1.0, None))
        elif (
            _BY_MONTH.search(before) and d.kind == "month"
        ):  # "by November 1938", "к ноябрю 1938 года": up to its end
            out.append(Period(d.start, d.end, d.period.split("/")[-1], "by_end", 0.7, d.day))
        elif _MONTH_FROM.search(before) and d.kind == "date" and d.day is not None:
            out.append(
                Period(d.start, d.end, f"{d.day}/{_month_later(d.day)}", "span", 0.85, d.day)
            )
        else:
            out.append(d)
    return joined(sentence, out)


def joined(sentence: str, found: list[Period]) -> list[Period]:
    """ "from August 1937 to November 1938", "с 26.IV по 11.X", "in April and May 1940": two dates become one span.

    "and" joins two dates only after "between"/"from" ("between the spring of
    1937 and the end of 1938"), two neighbouring months ("April and May") or two
    decades ("the 1930s and 1940s"), or a day and the days of the same event after it ("Oct. 27 and Nov. 1-4, 1937"):
    "on 2 and 8 August" are two days.
    """
    out: list[Period] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind != "document"
            and f.kind != "document"
            and (join := _JOIN.fullmatch(sentence[prev.end : f.start])) is not None
            and (not join["part"] or (prev.kind in _MONTHS_OR_DAYS and f.kind in _MONTHS_OR_DAYS))
        ):
            # "and late May" joins as "and May" does
            gap = sentence[prev.end : prev.end + join.start("part") if join["part"] else f.start]
            gap = gap.strip(" ,").lower()
            opened = _BEFORE_FIRST.search(sentence[max(0, prev.start - 24) : prev.start])
            if (
                gap not in ("and", "и")
                or opened
                or _neighbouring_months(prev, f)
                or prev.kind == f.kind == "decade"
                or _days_of_one_event(prev, f)
            ):
                a, b = prev.period.split("/")[0], f.period.split("/")[-1]
                if b > a:
                    out[-1] = Period(prev.start, f.end, f"{a}/{b}", "span", 0.9, prev.day)
                    continue
        out.append(f)
    return out


#: The kinds of date a part of a month may join ("to mid-November 1938"): a decade's part is the decade's reading.
_MONTHS_OR_DAYS = frozenset({"month", "date"})


#: The most days from a day to the end of the days joined to it by "and" that read as one event's days.
EVENT_DAYS = 31


def _days_of_one_event(a: Period, b: Period) -> bool:
    """A day, then "and" and days of the same event within :data:`EVENT_DAYS` ("On Oct. 27 and Nov. 1-4, 1937, ...
    executed 1,111"): one span from the day to the last of the days. Two single days ("on 30 July and 5 August 1937":
    an order signed, an operation begun) stay two.

    >>> day, days = Period(3, 10, "1937-10-27", "date", 0.9, date(1937, 10, 27)), Period(15, 29, "1937-11-01/1937-11-04", "date", 0.9)
    >>> _days_of_one_event(day, days), _days_of_one_event(day, Period(15, 29, "1937-11-05", "date", 0.9))
    (True, False)
    """
    if a.kind != "date" or b.kind != "date" or "/" in a.period or "/" not in b.period:
        return False
    try:
        first, last = date.fromisoformat(a.period), date.fromisoformat(b.period.split("/")[1])
    except ValueError:
        return False
    return 0 < (last - first).days <= EVENT_DAYS


def _neighbouring_months(a: Period, b: Period) -> bool:
    if a.kind != "month" or b.kind != "month" or a.day is None or b.day is None:
        return False
    return (b.day.year * 12 + b.day.month) - (a.day.year * 12 + a.day.month) == 1
