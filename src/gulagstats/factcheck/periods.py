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

import re
from datetime import date

from .dates import DASH as _DASH
from .dates import YEAR_DIGITS as _YEAR
from .dates import Period, find_dates, joined
from .decades import decades
from .durations import durations
from .event_dates import LAST_YEAR, event_dates, events, lifespans, names_years
from .exile_periods import in_exile
from .flows import flows
from .named_periods import Dating, opened, read_named, resolve_rule, text_datings, titles_of
from .phrases import Token
from .resources import Resources
from .seasons import seasons, yearless_parts

__all__ = ["Dating", "Period", "clock", "find_periods", "resolve_rule"]

_YS = r"(?:\s*(?:гг?\.|годах|годами|годы|года|годов|году|год))?"  # Russian "годах", "гг."
_FROM = r"(?:between|from|с|со|от|между|в период с|в период между)"
_TO = r"(?:and|to|through|until|till|and the end of|по|до|и)"

#: Footnote marks between a span's first year and its dash ("Date1937[1]–1950", a scraped infobox). A footnote's digits
#: glued after its last year ("between 1939 and 1951.31 (We do not ...") end no span; a decimal ("1951.5%") does.
_NOTE = r"(?:\[\w{1,3}\])*"

SPAN = re.compile(
    rf"\b{_FROM}\s+(?:the\s+)?(?:years?\s+)?(?P<a>{_YEAR}){_YS}\s+{_TO}\s+(?:the\s+)?(?:{_YEAR}[-\u2013])?(?P<b>{_YEAR})(?![\d,]\d)(?!\.\d+[^\d\s]|\.\d{{3}})"
    rf"|(?:\b|(?<=\bDate|\bДата))(?P<c>{_YEAR}){_NOTE}{_DASH}(?P<d>\d{{4}}|\d{{2}}|\d)(?![\d%])(?!\s*(?:percent|per cent|%))"
    rf"|\b(?P<e>{_YEAR})\s+(?:to|through|until)\s+(?P<f>{_YEAR})\b"
    rf"|\b(?:both\s+|in\s+|during\s+|throughout\s+|over\s+|for\s+|of\s+|years\s+|в\s+|за\s+)(?P<g>{_YEAR})\s+(?:and|и)\s+(?P<h>{_YEAR})\b"
    rf"|\b(?P<i>1[89]\d\d)(?P<j>1[89]\d\d)(?=\s*(?:гг\.|годах|годов|годы))",  # "19371938 гг.": a dash lost
    re.IGNORECASE,
)
YEAR_MENTION = re.compile(r"(?<![\d,.\u00a0\u202f])\b(?P<y>1\d\d\d|20\d\d)\b(?!,?\d)(?!\.\d\d\d)")
#: A year in brackets after a name, or after "in his": the date of a publication.
CITED_YEAR = re.compile(
    rf"\((?:[A-Z][\w\u2019'-]+(?:\s+(?:and|&)\s+[A-Z][\w\u2019'-]+)?,?\s+)?(?P<y>{_YEAR})[a-z]?(?:[,:]\s*(?:p\.\s*)?\d+)?\)"
    rf"|\b(?:in\s+(?:his|her|their|its)|published\s+in|written\s+in|wrote\s+in|appeared\s+in)\s+(?P<z>{_YEAR})\b"
    rf"|\b(?:по\s+)?данны\w*\s+(?P<r>{_YEAR})\s*(?:г\.|года)"  # "по данным 1990 года": data of 1990 (not "за 1937 год")
)
#: A word right before a period that makes it a start with no end ("since 1937", "from the 1920s", "с 1937 года").
OPEN_BEFORE = re.compile(
    r"(?:\bsince|\bfrom|\bstarting\s+in|\bbeginning\s+in|\bafter|\bначиная\s+с|\bс|\bсо|\bпосле)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: "From late 1936, when ..., until the end of 1938": a start and an end with words between them.
_UNTIL = re.compile(r"\b(?:until|till|up to|to|through|по|до)\b[^\d]{0,60}$", re.IGNORECASE)
# "until the end of 1938"
_UNTIL_AT = re.compile(r"(?:until|till|up to|to|through|по|до)\b", re.IGNORECASE)


def _span_end(a: str, b: str) -> str | None:
    if len(b) < 4:
        b = a[: 4 - len(b)] + b
    return b if int(b) > int(a) else None


def _spans(sentence: str, free) -> list[Period]:
    """The spans of years of a sentence ("1937–1938", "from 1937 to 1938", "in 1937 and 1938").

    Two years joined by "and" more than three years apart are two years, and the second may start a span of its own:
    "in 1941 and 1945–1952" is read from the first year to the span's end, the time the claims of it cover.

    >>> [p.period for p in _spans("in 1941 and 1945–1952; in 1937 and 1953; в 1941 и 1945-1952 гг.", lambda a, b: True)]
    ['1941/1952', '1941/1952']
    """
    out = []
    at = 0
    while (m := SPAN.search(sentence, at)) is not None:
        at = m.end()
        if not free(m.start(), m.end()):
            continue
        a, b = next((m[x], m[y]) for x, y in ("ab", "cd", "ef", "gh", "ij") if m[x])
        end = _span_end(a, b)
        if m["g"] and end and int(end) - int(a) > 3:  # "in 1937 and 1953": two years, not a span
            at = m.start("h")  # "in 1941 and 1945–1952": the second may start a span
            then = SPAN.match(sentence, at)
            if then is not None and then["c"] and (last := _span_end(then["c"], then["d"])):
                out.append(Period(m.start(), then.end(), f"{a}/{last}", "span", 0.9, None))
                at = then.end()
            continue
        decade = _DECADE_END.match(sentence, m.end())
        if (
            end and decade and end.endswith("0") and len(b) == 4
        ):  # "в 1920-1950-е годы": to the decade's end
            out.append(Period(m.start(), decade.end(), f"{a}/{int(end) + 9}", "span", 0.9, None))
        elif end:
            out.append(Period(m.start(), m.end(), f"{a}/{end}", "span", 0.9, None))
    return out


#: The ending of a decade right after a span's last year ("1920-1950-е", "1930–1950-х", "1930-1950s").
_DECADE_END = re.compile(r"(?:-?(?:е|х|ые|ых)|[\u2019']?s)\b", re.IGNORECASE)


def find_periods(
    sentence: str,
    toks: list[Token],
    offset: int,
    anchor: date | None,
    last: str,
    data: Resources,
    dating: Dating | None = None,
    language: str = "en",
) -> list[Period]:
    """Every period a sentence states, with its position in the sentence, sorted.

    ``toks`` are the sentence's tokens (offsets in the document, the sentence
    starting at ``offset``); ``anchor`` is the text's clock (the last date
    stated before) and ``last`` the last period stated before, against which
    relative phrases are resolved; ``dating`` how the text dated its named
    periods so far (updated when this sentence dates one); ``language`` the text's, as the pipeline detected it.

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
    # "between 1991 and 2014"
    add([p for p in _spans(sentence, free) if int(p.period[:4]) <= LAST_YEAR < int(p.period[-4:])])
    add(
        [
            Period(m.start(), m.end(), m["y"], "document", 0.9)
            for m in YEAR_MENTION.finditer(sentence)
            if int(m["y"]) > LAST_YEAR
        ]
    )
    add(find_dates(sentence, anchor))
    add(joined(sentence, sorted(seasons(sentence, free), key=lambda p: p.start)))
    add(yearless_parts(sentence, anchor))
    add(_spans(sentence, free))
    # "during the 1930s and 1940s": both decades
    add(joined(sentence, decades(sentence, free, data.decade_parts)))
    add(read_named(toks, offset, data, anchor, last, dating or Dating()))
    add(events(sentence))
    add(
        [
            Period(m.start(), m.end(), m["y"], "year", 0.9, date(int(m["y"]), 1, 1))
            for m in YEAR_MENTION.finditer(sentence)
            if 1800 <= int(m["y"]) <= 2099
        ]
    )
    settled = _settled(sentence, sorted(found, key=lambda p: p.start), data, dating)
    # "За 12 лет ..." after 1941: a duration that refers back (round 18)
    settled = sorted(
        settled + durations(sentence, settled, last, data, language), key=lambda p: p.start
    )
    settled = sorted(settled + in_exile(toks, offset, settled, last, data), key=lambda p: p.start)
    return _lasting_into(sentence, settled, anchor)


#: A year a stretch of time runs into or until ("a period of political repressions lasting into 1938", "which lasted
#: until 1939"): the end of a span whose start the text stated before.
_LASTING_INTO = re.compile(
    r"\b(?:lasting|lasted|which\s+lasted|continuing|continued|running|ran)\s+(?:into|until|till)\s+(?:the\s+end\s+of\s+)?$"
    r"|(?:продолжавш\w+|длившийся|длившаяся|длившееся|длившиеся|длилс\w*|длилась|продолжал\w*)\s+(?:до|по)\s+(?:конца\s+)?$",
    re.IGNORECASE,
)
#: The most years a span read from the text's clock to a year it lasted into may cover: a day stated longer before
#: is another event's.
LASTING_YEARS = 3


def _lasting_into(sentence: str, found: list[Period], anchor: date | None) -> list[Period]:
    """A year a stretch of time lasted into, with no date before it in its sentence (a name may be), ends a span from the day the
    text stated last ("Eighty years ago, on July 30, 1937, order 00447 was signed. This day is widely considered the
    start of the Great Terror, a period of political repressions lasting into 1938 during which ... 700,000 were
    executed": 30 July 1937 to the end of 1938, the text's own span; round 17).

    >>> from datetime import date
    >>> s = "a period of repressions lasting into 1938 during which 700,000 were shot"
    >>> at = s.index("1938")
    >>> [p.period for p in _lasting_into(s, [Period(at, at + 4, "1938", "year", 0.9, date(1938, 1, 1))], date(1937, 7, 30))]
    ['1937-07-30/1938-12-31']
    """
    out: list[Period] = []
    for p in found:
        if (
            anchor is not None
            and p.kind == "year"
            and not any(q.kind in _CLOCKS for q in out)
            and 0 < int(p.period) - anchor.year <= LASTING_YEARS
            and _LASTING_INTO.search(sentence[max(0, p.start - 40) : p.start])
        ):
            p = Period(p.start, p.end, f"{anchor.isoformat()}/{p.period}-12-31", "span", 0.7)
        out.append(p)
    return out


def _settled(
    sentence: str, found: list[Period], data: Resources, dating: Dating | None
) -> list[Period]:
    """The periods found, read together: spans with words between their ends, open periods, titles, the years of
    events and of names, relative phrases against the sentence's own dates, named periods as the text dates them."""
    out = names_years(
        sentence,
        titles_of(sentence, flows(sentence, _opened(sentence, _from_until(sentence, found)))),
    )
    out = [
        p for p in _anchored(event_dates(sentence, out), data) if p.period or p.kind != "relative"
    ]
    if any(
        p.kind == "span" for p in out
    ):  # "some say he killed 40 million" in a sentence that states 1924 to 1953
        out = [p for p in out if p.kind != "named" or data.periods.rows[p.row]["rule"] != "ruler"]
    if dating is not None:
        out = text_datings(sentence, out, dating, data)
    return out


#: The kinds of period that set the clock a relative phrase after them in the same sentence reads.
# "the Congress in 1934 ..., within a year": 1934
_CLOCKS = (
    "year",
    "event",
    "date",
    "month",
    "season",
    "span",
)


def _anchored(found: list[Period], data: Resources) -> list[Period]:
    """A relative phrase after a date of its own sentence reads that date, not the text's clock.

    "в 1934 году в лагерях умерло 25 187 человек, а среднесписочный состав в этом году – 586 477":
    "в этом году" is 1934 whatever the sentences before said.
    """
    out: list[Period] = []
    last: Period | None = (
        None  # the last period before that sets a clock, and the latest day and year (linear time)
    )
    day: Period | None = None
    year: Period | None = None
    for p in found:
        if p.kind == "relative" and p.row is not None and last is not None:
            rule = data.periods.rows[p.row]["rule"]
            # as clock() reads them
            anchor = day.day if day is not None else year.day if year is not None else None
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
    """ "From late 1936, when he ..., until the end of 1938": a start and an end with a clause between them.

    A named day may start it ("с начала войны по декабрь 1944 года": 22 June 1941 to December 1944).
    """
    out: list[Period] = []
    for p in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and (
                prev.kind in ("season", "date", "month", "year")
                or (prev.kind == "named" and "/" not in prev.period)
            )
            and p.kind in ("season", "date", "month", "year", "by_end", "by_year", "by_start")
            and OPEN_BEFORE.search(sentence[max(0, prev.start - 20) : prev.start])
            and (_UNTIL.search(sentence[prev.end : p.start]) or _UNTIL_AT.match(sentence, p.start))
            and p.period.split("/")[-1] > prev.period.split("/")[0]
        ):
            span = f"{prev.period.split('/')[0]}/{p.period.split('/')[-1]}"
            if re.search(
                r"\d", sentence[prev.end : p.start]
            ):  # a number between its ends is no part of it: both ends
                # say the span, the words between
                out[-1] = Period(prev.start, prev.end, span, "span", 0.8, prev.day)
                # stay free ("when 1,000 a day were ...")
                out.append(Period(p.start, p.end, span, "span", 0.8, None))
            else:
                out[-1] = Period(prev.start, p.end, span, "span", 0.8, prev.day)
            continue
        out.append(p)
    return out


def _opened(sentence: str, found: list[Period]) -> list[Period]:
    """A single period after "since", "from", "после", "с" is a start with no end: ``open``.

    After a named period ("after the war", "после войны") the open period starts where the named one ends;
    "during and after World War II" starts where it starts; "before the war", "до войны" end where it starts.
    """
    out = []
    for p in found:
        # "from 28 to 31 December 1943": both ends are given
        days = p.kind == "date" and "/" in p.period
        before = OPEN_BEFORE.search(sentence[max(0, p.start - 20) : p.start])
        cause = p.kind == "named" and _CAUSE_FROM.search(sentence[max(0, p.start - 40) : p.start])
        if (
            p.kind in ("year", "decade", "date", "month", "season", "named")
            and not days
            and before
            and not cause
        ):
            at = max(0, p.start - 20) + before.start()  # where "after" starts in the sentence
            during = re.search(
                r"(?:during|во\s+время)\s+(?:and|и)\s+$",
                sentence[max(0, at - 16) : at],
                re.IGNORECASE,
            )
            after = (
                p.kind == "named"
                and not during
                and re.match(r"after|после", before.group(), re.IGNORECASE)
            )
            start = p.period.split("/")[-1] if after else p.period
            p = Period(
                p.start, p.end, opened(start), "open", 0.0, p.day if p.kind != "named" else None
            )
        elif (
            p.kind in ("year", "date", "month")
            and "/" not in p.period.strip("/")
            and _UNTIL_ALONE.search(sentence[max(0, p.start - 12) : p.start])
        ):
            # "по 1 октября 1930 года": up to it
            p = Period(p.start, p.end, "/" + p.period.split("/")[-1], "open", 0.0, p.day)
        elif (
            p.kind == "named"
            and p.period
            and _BEFORE_NAMED.search(sentence[max(0, p.start - 24) : p.start])
        ):
            # "before the war": up to its start
            p = Period(p.start, p.end, "/" + p.period.split("/")[0], "open", 0.0, None)
        out.append(p)
    return out


#: "from" after a verb of suffering or dying names a cause, not a start: "Millions suffered from Stalin's repressions
#: from the 1920s through the 1950s", "died from the famine" (round 19).
_CAUSE_FROM = re.compile(
    r"\b(?:suffer\w*|died|dying|die|perish\w*|deaths?|victims?|killed|escap\w*|fled|flee\w*|recover\w*)\s+from\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: A date or a year after "until", "through", "по" with no start before it: the time up to it.
_UNTIL_ALONE = re.compile(r"(?:\buntil|\btill|\bthrough|\bпо)\s+(?:the\s+)?$", re.IGNORECASE)
#: A named period after "before", "prior to", "leading up to", "до": the time up to its start ("before the war",
#: "in the years leading up to World War Two", "до войны").
_BEFORE_NAMED = re.compile(
    r"(?:\bbefore|\bprior\s+to|\bleading\s+up\s+to|\bin\s+the\s+run[- ]up\s+to|\bдо)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _documents(sentence: str, toks: list[Token], offset: int, data: Resources) -> list[Period]:
    """Years that date a document: "(Conquest 1990)", "in his 1990 book", "the 1953 report", "перепись 1937 года"."""
    out = [
        Period(m.start(), m.end(), m["y"] or m["z"] or m["r"], "document", 1.0)
        for m in CITED_YEAR.finditer(sentence)
    ]
    table = data.lexicon["document"]
    for match in table.phrases.find(toks):
        word = match.first
        for k in (
            word - 1,
            word - 2,
            word - 3,
            match.last,
            match.last + 1,
        ):  # a year beside the document word
            if 0 <= k < len(toks) and re.fullmatch(_YEAR, toks[k].word):
                a, b = toks[k].start - offset, toks[k].end - offset
                out.append(Period(a, b, toks[k].word, "document", 0.8))
                break
    return out


def clock(found: list[Period], anchor: date | None) -> date | None:
    """The date a sentence moves the text's clock to: its latest stated day, else a new year, else ``anchor``.

    Examples
    --------
    >>> clock([Period(0, 4, "1937", "year", 0.9, date(1937, 1, 1))], date(1934, 12, 1))
    datetime.date(1937, 1, 1)
    >>> clock([Period(0, 4, "1934", "year", 0.9, date(1934, 1, 1))], date(1934, 12, 1))
    datetime.date(1934, 12, 1)
    """
    days = [
        p.day for p in found if p.day is not None and p.kind in ("date", "month", "span", "season")
    ]
    if days:
        return max(days)
    years = [p.day for p in found if p.day is not None and p.kind == "year"]
    if years and (anchor is None or max(years).year != anchor.year):
        return max(years)
    return anchor
