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

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .phrases import Token
from .resources import Resources

_EN_MONTHS = [m.lower() for m in calendar.month_name[1:]]
_RU_MONTHS = [
    "январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр",
]
_RU_ENDINGS = {4: r"(?:й|я|е)", 0: r"(?:ь|я|е)"}


def _month_number(word: str) -> int:
    w = word.lower().rstrip(".")
    for i, m in enumerate(_EN_MONTHS, 1):
        if w == m or (len(w) >= 3 and m.startswith(w)):
            return i
    for i, stem in enumerate(_RU_MONTHS, 1):
        if w.startswith(stem) and (stem != "ма" or w in ("май", "мая", "мае")):
            return i
    return 0


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
    r"|(?:январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе|"
    r"сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
)
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DASH = r"\s*[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212/]\s*"
_YS = r"(?:\s*(?:гг?\.|годах|годы|года|годов|году|год))?"  # Russian "годах", "гг."
_FROM = r"(?:between|from|с|со|от|в период с|в период между)"
_TO = r"(?:and|to|through|until|till|and the end of|по|до|и)"

DATE = re.compile(
    rf"\b(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:{_DASH}(?P<d1b>\d{{1,2}})\b)?(?:,?\s+(?P<y1>{_YEAR}))?\b"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:(?:{_DASH}|\s+(?:to|по|-)\s+)(?P<d2b>\d{{1,2}}))?\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?\b"
    rf"|\b(?P<m3>{_MONTH}),?\s+(?:of\s+)?(?P<y3>{_YEAR})\b",
    re.IGNORECASE,
)
SPAN = re.compile(
    rf"\b{_FROM}\s+(?:the\s+)?(?:years?\s+)?(?P<a>{_YEAR}){_YS}\s+{_TO}\s+(?:the\s+)?(?P<b>{_YEAR})(?![\d,.]\d)"
    rf"|\b(?P<c>{_YEAR}){_DASH}(?P<d>\d{{4}}|\d{{2}}|\d)(?![\d%])(?!\s*(?:percent|per cent|%))"
    rf"|\b(?P<e>{_YEAR})\s+(?:to|through|until)\s+(?P<f>{_YEAR})\b"
    rf"|\b(?:both\s+|in\s+|в\s+)(?P<g>{_YEAR})\s+(?:and|и)\s+(?P<h>{_YEAR})\b",
    re.IGNORECASE,
)
SEASON = re.compile(
    rf"\b(?:the\s+)?(?P<part>spring|summer|autumn|fall|winter|beginning|start|end|middle|first half|second half|"
    rf"весн\w*|лет\w*|осен\w*|зим\w*|начал\w*|конц\w*|середин\w*)\s+(?:of\s+)?(?P<y>{_YEAR})\b",
    re.IGNORECASE,
)
BY_END = re.compile(
    rf"\b(?:by|until|up to|к|до)\s+(?:the\s+)?(?:end\s+of|конц\w*)\s+(?P<y>{_YEAR})\b|\b[Bb]y\s+(?P<z>{_YEAR})\b(?![-\u2013])"
)
#: The last year of the record's concern: a later date in an article dates a publication or a citation.
LAST_YEAR = 1991
DECADE = re.compile(
    r"\b(?:(?P<which>early|mid-?|late)\s*)?(?:the\s+)?(?P<dec>1[89]\d)0(?:[\u2019']?s\b|-?(?:е|х|ые|ых)\b)",
    re.IGNORECASE,
)
YEAR = re.compile(r"(?<![\d,.\u00a0\u202f])\b(?P<y>1\d\d\d|20\d\d)\b(?!,?\d)(?!\.\d\d\d)")
#: A year in brackets after a name, or after "in his": the date of a publication.
CITED_YEAR = re.compile(
    rf"\((?:[A-Z][\w\u2019'-]+(?:\s+(?:and|&)\s+[A-Z][\w\u2019'-]+)?,?\s+)?(?P<y>{_YEAR})[a-z]?(?:[,:]\s*(?:p\.\s*)?\d+)?\)"
    rf"|\b(?:in\s+(?:his|her|their|its)|published\s+in|written\s+in|wrote\s+in|appeared\s+in)\s+(?P<z>{_YEAR})\b"
)
_SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (1, 2),
    "beginning": (1, 1), "start": (1, 1), "end": (12, 12), "middle": (6, 7),
    "first half": (1, 6), "second half": (7, 12),
    "весн": (3, 5), "лет": (6, 8), "осен": (9, 11), "зим": (1, 2), "начал": (1, 1), "конц": (12, 12), "середин": (6, 7),
}


@dataclass(frozen=True)
class Period:
    """A period stated in a sentence.

    ``kind`` says what was found: ``date``, ``span``, ``year``, ``season``,
    ``by_end`` (an end point: "by the end of 1938"), ``decade``, ``named``,
    ``relative`` or ``document`` (a year that dates a document: not a period).
    ``day`` is the date it moves the text's clock to (None for a span).
    """

    start: int
    end: int
    period: str
    kind: str
    confidence: float
    day: date | None = None


def _month_span(year: int, first: int, last: int | None = None, end_year: int | None = None) -> str:
    last = last or first
    end_year = end_year or year
    days = calendar.monthrange(end_year, last)[1]
    return f"{year:04d}-{first:02d}-01/{end_year:04d}-{last:02d}-{days:02d}"


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _dates(sentence: str, anchor: date | None) -> list[Period]:
    out = []
    for m in DATE.finditer(sentence):
        month = _month_number(m["m1"] or m["m2"] or m["m3"])
        year_text = m["y1"] or m["y2"] or m["y3"]
        year = int(year_text) if year_text else (anchor.year if anchor else None)
        if year is None or not month:
            continue
        first, last = m["d1"] or m["d2"], m["d1b"] or m["d2b"]
        if first is None:
            out.append(Period(m.start(), m.end(), _month_span(year, month), "month", 0.9, _day(year, month, 1)))
            continue
        start = _day(year, month, int(first))
        if start is None:
            continue
        end = _day(year, month, int(last)) if last else None
        if end and end > start:
            out.append(Period(m.start(), m.end(), f"{start}/{end}", "date", 0.9, start))
        else:
            out.append(Period(m.start(), m.end(), start.isoformat(), "date", 0.9 if year_text else 0.8, start))
    return _joined(sentence, out)


_JOIN = re.compile(r"\s*(?:-|\u2013|\u2014|to|until|through|till|and|по|до|и)\s*(?:the\s+end\s+of\s+)?", re.IGNORECASE)
_BEFORE_FIRST = re.compile(r"(?:between|from|с|со|от|между)\s+(?:the\s+)?$", re.IGNORECASE)


def _joined(sentence: str, found: list[Period]) -> list[Period]:
    """"from August 1937 to November 1938", "с августа 1937 по ноябрь 1938": two dates become one span."""
    out: list[Period] = []
    for f in found:
        if out and _JOIN.fullmatch(sentence[out[-1].end : f.start]):
            prev = out[-1]
            gap = sentence[prev.end : f.start].strip().lower()
            opened = _BEFORE_FIRST.search(sentence[max(0, prev.start - 12) : prev.start])
            if gap not in ("and", "и") or opened:
                a, b = prev.period.split("/")[0], f.period.split("/")[-1]
                if b > a:
                    out[-1] = Period(prev.start, f.end, f"{a}/{b}", "span", 0.9, prev.day)
                    continue
        out.append(f)
    return out


def _span_end(a: str, b: str) -> str | None:
    if len(b) < 4:
        b = a[: 4 - len(b)] + b
    return b if int(b) > int(a) else None


def _spans(sentence: str, free) -> list[Period]:
    out = []
    for m in SPAN.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        a, b = next((m[x], m[y]) for x, y in ("ab", "cd", "ef", "gh") if m[x])
        end = _span_end(a, b)
        if m["g"] and end and int(end) - int(a) > 3:
            continue  # "in 1937 and 1953": two years, not a span
        if end:
            out.append(Period(m.start(), m.end(), f"{a}/{end}", "span", 0.9, None))
    return out


def _seasons(sentence: str, free) -> list[Period]:
    out = []
    for m in BY_END.finditer(sentence):
        if free(m.start(), m.end()):
            y = int(m["y"] or m["z"])
            out.append(Period(m.start(), m.end(), f"{y}-12-31", "by_end", 0.7, date(y, 12, 31)))
    for m in SEASON.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        word = m["part"].lower()
        key = next((k for k in _SEASONS if word == k or (len(k) < 8 and word.startswith(k) and not word.isascii())), word)
        first, last = _SEASONS.get(key, (0, 0))
        if not first:
            continue
        y = int(m["y"])
        if first == last == 1 and key in ("beginning", "start", "начал"):
            out.append(Period(m.start(), m.end(), f"{y}-01-01", "date", 0.75, date(y, 1, 1)))
        elif first == last == 12 and key in ("end", "конц"):
            out.append(Period(m.start(), m.end(), f"{y}-12-31", "season", 0.75, date(y, 12, 31)))
        else:
            out.append(Period(m.start(), m.end(), _month_span(y, first, last), "season", 0.75, date(y, first, 1)))
    return out


def _decades(sentence: str, free) -> list[Period]:
    out = []
    for m in DECADE.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        decade = int(m["dec"]) * 10
        which = (m["which"] or "").lower().rstrip("-")
        first, last = {"": (0, 9), "early": (0, 3), "mid": (4, 6), "late": (7, 9)}[which]
        if which == "late" and decade == 1930:
            first, last = 7, 8  # the reading of the estimates table: the late 1930s are the Great Terror
        out.append(Period(m.start(), m.end(), f"{decade + first}/{decade + last}", "decade", 0.7, None))
    return out


def find_periods(
    sentence: str, toks: list[Token], offset: int, anchor: date | None, last: str, data: Resources
) -> list[Period]:
    """Every period a sentence states, with its position in the sentence, sorted.

    ``toks`` are the sentence's tokens (offsets in the document, the sentence
    starting at ``offset``); ``anchor`` is the text's clock (the last date
    stated before) and ``last`` the last period stated before, against which
    relative phrases are resolved.

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
    add([Period(m.start(), m.end(), m["y"], "document", 0.9) for m in YEAR.finditer(sentence) if int(m["y"]) > LAST_YEAR])
    add(_dates(sentence, anchor))
    add(_joined(sentence, sorted(_seasons(sentence, free), key=lambda p: p.start)))
    add(_spans(sentence, free))
    add(_decades(sentence, free))
    add(_named(toks, offset, data, anchor, last))
    add([Period(m.start(), m.end(), m["y"], "year", 0.9, date(int(m["y"]), 1, 1)) for m in YEAR.finditer(sentence) if 1800 <= int(m["y"]) <= 2099])
    return sorted(found, key=lambda p: p.start)


def _documents(sentence: str, toks: list[Token], offset: int, data: Resources) -> list[Period]:
    """Years that date a document: "(Conquest 1990)", "in his 1990 book", "the 1953 report", "перепись 1937 года"."""
    out = [
        Period(m.start(), m.end(), m["y"] or m["z"], "document", 1.0) for m in CITED_YEAR.finditer(sentence)
    ]
    table = data.lexicon["document"]
    for match in table.phrases.find(toks):
        word = match.first
        for k in (word - 1, word - 2, match.last, match.last + 1):  # a year beside the document word
            if 0 <= k < len(toks) and re.fullmatch(_YEAR, toks[k].word):
                a, b = toks[k].start - offset, toks[k].end - offset
                out.append(Period(a, b, toks[k].word, "document", 0.8))
                break
    return out


def _named(toks: list[Token], offset: int, data: Resources, anchor: date | None, last: str) -> list[Period]:
    out = []
    for match in data.periods.phrases.find(toks):
        row = data.periods.rows[match.row]
        a, b = toks[match.first].start - offset, toks[match.last - 1].end - offset
        confidence = float(row["confidence"])
        if row["reading"]:
            out.append(Period(a, b, row["reading"], "named", confidence, None))
        elif period := resolve(row["rule"], anchor, last):
            out.append(Period(a, b, period, "relative", confidence, None))
    return out


def resolve(rule: str, anchor: date | None, last: str = "") -> str:
    """A relative rule of the data against the text's clock (``anchor``) and its last period.

    Examples
    --------
    >>> d = date(1934, 12, 1)
    >>> resolve("previous_year", d), resolve("within_year", d), resolve("until:1938", d)
    ('1933', '1934/1935', '1934/1938')
    >>> resolve("same_month", d), resolve("next_day", d), resolve("same_period", None, "1937/1938")
    ('1934-12-01/1934-12-31', '1934-12-02', '1937/1938')
    """
    if rule.startswith("fixed:"):
        return rule.split(":", 1)[1]
    if rule == "same_period":
        return last
    if anchor is None:
        return ""
    simple = {
        "previous_year": str(anchor.year - 1),
        "within_year": f"{anchor.year}/{anchor.year + 1}",
        "same_year": str(anchor.year),
        "same_month": _month_span(anchor.year, anchor.month),
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
