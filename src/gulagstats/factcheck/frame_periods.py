"""The period of a claim frame: from the mention's own clause, its sentence, or its paragraph.

A mention reads the period nearest it in its own clause (``own clause``,
``span``, ``named period``, ``relative``), else in its sentence
(``sentence``), else the last period of its paragraph (``context``), each with
a confidence; :func:`period_readings` gives the other periods its clause
offers, so that a flag can be tested under each.  Every lookup is a bisection
over the sentence's periods, so a frame costs the same in a sentence of any
length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection

from ..periods import match_period
from .context import Context, bracketed, clause_of, inside
from .exile_periods import EXILE
from .line_periods import table_row
from .mentions import Mention
from .period_limits import counted_as_of, outruns, semicolon_part, sums_items
from .periods import Period


def period_readings(ctx: Context, m: Mention, kind: str, chosen: str, how: str) -> tuple[str, ...]:
    """The other periods a mention's clause offers (its sentence, where the period was read from the
    sentence), read as its quantity reads them, besides the one chosen.

    "the start of the Great Terror, a period of political repressions lasting
    into 1938 during which ... more than 700,000 were executed": 1938 or
    1937-1938; a flag must hold under each.
    """
    at = m.start - ctx.offset
    a, b = (0, 10**12) if how == "sentence" else clause_of(ctx.starts, at)
    periods, starts = (
        (ctx.periods, ctx.period_starts)
        if inside(ctx.brackets, at)
        else (ctx.outside, ctx.outside_starts)
    )
    lo = bisect.bisect_left(starts, a)
    out = []
    for p in periods[lo : lo + PERIOD_READINGS]:
        if p.start >= b:
            break
        if p.kind == "open" or not p.period:
            continue
        value = match_period(
            p.period[:4] if p.kind in ("by_end", "by_year", "by_start") else p.period, kind
        )
        if value != chosen and value not in out:
            out.append(value)
    return tuple(out)


#: At most this many periods of a sentence are readings of a mention (a bound: linear time).
PERIOD_READINGS = 6


def _nearest(
    ctx: Context,
    at: int,
    lo: int,
    hi: int,
    end: int | None = None,
    kinds: frozenset[str] | None = None,
) -> Period | None:
    """The period nearest the mention ``[at, end)`` among those starting in ``[lo, hi)`` (a bisection).

    A mention outside brackets does not read a period inside them
    ("183 155 (not counting the soldiers demobilised in 1945)"), and an open
    period ("subsequently", "после смерти Сталина") acts only on the mentions
    of its own part of the clause, with no comma between them.  A few
    neighbours each side are looked at, so the cost is the same in a sentence
    of any length.  A named era ("Stalin killed", "the war") gives way to a date stated beside it
    ("Stalin killed 681,692 people in 1937-1938": 1937-1938).
    """
    end = at if end is None else end
    periods, starts = (
        (ctx.periods, ctx.period_starts)
        if inside(ctx.brackets, at)
        else (ctx.outside, ctx.outside_starts)
    )

    def fits(p: Period) -> bool:
        return _fits(ctx.sentence, p, at, end, kinds)

    i = bisect.bisect_left(starts, at)
    around = []
    for step, stop in ((-1, -1), (1, len(periods))):
        j, era = (i - 1 if step < 0 else i), False
        for _ in range(4):
            if j == stop or not lo <= starts[j] < hi:
                break
            if fits(periods[j]) and not (era and periods[j].kind == "named"):
                around.append(periods[j])
                # a named era looks on for a date beside it ("by Stalin's regime during the Great Terror of 1937-1938")
                era = periods[j].kind == "named" and _era(periods[j].period)
                if not era:
                    break
            j += step
    if not around:  # the mention is outside [lo, hi): the nearest ends of that range
        j, k = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi) - 1
        around = [
            periods[x]
            for x in {j, k}
            if 0 <= x < len(periods) and lo <= starts[x] < hi and fits(periods[x])
        ]
    return _closest(ctx.sentence, around, at, end)


def _fits(sentence: str, p: Period, at: int, end: int, kinds: frozenset[str] | None) -> bool:
    """True if ``p`` may date the mention ``[at, end)``: of ``kinds`` (any if ``None``); an open period only with no
    comma between it and the mention, or nothing but one."""
    if kinds is not None and p.kind not in kinds:
        return False
    gap = sentence[p.end : at] if p.end <= at else sentence[end : p.start]
    if (
        p.kind == "open" and p.period and p.end <= at
    ):  # "After Stalin's death, 4 million were freed": its start
        return not re.search(r"[;:]", gap)
    return p.kind != "open" or not re.search(r"[,;:]", gap) or not re.search(r"\w", gap)


def _closest(sentence: str, around: list[Period], at: int, end: int) -> Period | None:
    """The period of ``around`` that dates the mention ``[at, end)``: a span before an open period, a date before a
    named era, one that closes no other item, then the nearest (``None`` if ``around`` is empty)."""
    # "After the war, 1.5 million ... between 1946 and 1953": the span
    spans = any(p.kind == "span" for p in around)
    # "15,717 were arrested in 1936, 159,573 in 1937": a year right after the number is its own
    joined = any(p.start >= end and _IN_NEXT.fullmatch(sentence, end, p.start) for p in around)
    return (
        min(
            around,
            key=lambda p: (
                spans and p.kind == "open",
                p.kind == "named" and _era(p.period),
                _closes_item(sentence, p, at),
                joined and p.end <= at and "," in sentence[p.end : at],
                _distance(p, at, end),
            ),
        )
        if around
        else None
    )


#: The kind of period a stock read from its sentence prefers to a named period of years: a count of prisoners is
#: of a day ("On March 1, 1940, at the end of the Great Purges, ... holding some 1.3 million inmates": 1 March 1940).
_DAY_KINDS = frozenset({"date"})


def _glosses(sentence: str, p: Period, at: int) -> bool:
    """A period alone in brackets right after another number's words than the mention at ``at``: it dates that
    number ("799,455 executions (1921–1953), around 1.7 million deaths"), not the other numbers of its sentence;
    after a name it dates the name ("The Great Purge alone (1936–1938) resulted in ...").
    """
    if sentence[p.start - 1 : p.start] != "(" or sentence[p.end : p.end + 1] != ")":
        return False
    window = max(0, p.start - 81)
    before = sentence[window : p.start - 1]
    # the phrase the brackets follow
    cut = window + max(before.rfind(", "), before.rfind("; "), before.rfind(": ")) + 1
    return bool(re.search(r"\d", sentence[cut : p.start - 1])) and not cut <= at < p.start


#: Between a number and the period right after it that dates it: a preposition ("159,573 in 1937"), or the words of
#: its item and a preposition, no number, comma or bracket among them ("1.8 million kulaks were deported in 1930–31,
#: 1.0 million peasants and ethnic minorities in 1932–39": 1932-1939, not the item before's 1930-1931; round 17).
_IN_NEXT = re.compile(
    r"(?:\s+[^\W\d][^\d,;:()\[\]]{0,60}?)?\s+(?:in|during|в|во)\s+", re.IGNORECASE
)
#: Between a period and the number after it: "and (the)" only. The period closes the item before the number
#: ("the 11 million peasant deaths in 1930–36 and the 3 million total deaths in the purges of 1937–38").
_AND_NEXT = re.compile(r"\s*,?\s*(?:and|и)\s+(?:the\s+)?", re.IGNORECASE)


def _closes_item(sentence: str, p: Period, at: int) -> bool:
    """A period right before "and (the)" and the mention: it dates the item before, so a period after the mention wins."""
    return p.end <= at and bool(_AND_NEXT.fullmatch(sentence, p.end, at))


#: "к 1941 году": by the onset of that year, a count of 1 January (README_ru reads Solzhenitsyn's 15 million "к 1941
#: году" on 1 January 1941); English "by 1932, nearly 10,000 prisoners" is read either way in dev (the year twice,
#: its first day once) and keeps the year.
_ONSET = re.compile(r"[кК]\s")
#: "by 1940", "к 1941 году": a total up to the onset of that year (dev's labels, both times); "up to 1953" runs through it.
_BY_ONSET = re.compile(r"(?:by|к)\s", re.IGNORECASE)


def _by_end(sentence: str, p: Period) -> str:
    """The last day a "by" period reaches: the first day of "by 1940", "к 1941 году" and "by the beginning of 1955"
    (by the time the year came), the last of "by the end of 1938" and "up to 1953".

    >>> _by_end("by 1940", Period(0, 7, "1940-12-31", "by_year", 0.9)), _by_end("up to 1953", Period(0, 10, "1953-12-31", "by_year", 0.9))
    ('1940-01-01', '1953-12-31')
    """
    return (
        p.period[:4] + "-01-01"
        if p.kind == "by_year" and _BY_ONSET.match(sentence, p.start)
        else p.period.split("/")[-1]
    )


#: "as of", "на", "по состоянию на" right before a month: the count of its first day.
_AS_OF = re.compile(r"(?:\bas\s+(?:of|at)|\bна|\bсостоянию\s+на)\s+$", re.IGNORECASE)
#: The confidence of a count "in January 1937" read on 1 January (no "as of"): on dev (round 10) the labels read such
#: a count on 1 January once in 3 (Zemskov's "in January 1940" camp count) and the month twice (round 9's test: "в
#: январе 1937 года ... находилось 5 миллионов"); after "as of"/"по состоянию на" they read 1 January 3 times of 3.
MONTH_AS_DAY_CONFIDENCE = 0.7


def _from_january(p: Period) -> bool:
    """A month or months of one year from January ("January 1937", "early 1939", "the first half of 1938")."""
    return (
        p.kind in ("season", "month")
        and p.period[4:11] == "-01-01/"
        and p.period[:4] == p.period[11:15]
    )


def _distance(p: Period, at: int, end: int) -> int:
    """Characters between a period and a mention ``[at, end)``; a period right after the number wins a tie."""
    return p.start - end if p.start >= end else at - p.end + 1


#: The words between a period and the number it dates in an enumeration ("в 1937 году – 19 370", "1938: 328,618").
_DATES_NEXT = re.compile(r"^[\s\W]*(?:год\w*|гг?\.?)?[\s\W]*$", re.IGNORECASE)


def _own_reach(ctx: Context, at: int, a: int, b: int, nxt: int) -> int:
    """Where the periods of a mention's own clause end: before the next number, and before a period
    that dates the next number ("40 906, в том числе в 1937 году – 19 370": 1937 is 19 370's).

    A period after the next number is that number's ("1.7 million deaths in the Gulag, ... and up
    to 400,000 deaths of persons deported during the 1940s"); a mention left without a period of
    its own clause reads its sentence's (``sentence``, a weaker reading).
    """
    b = min(b, nxt)
    starts = ctx.outside_starts if not inside(ctx.brackets, at) else ctx.period_starts
    periods = ctx.outside if not inside(ctx.brackets, at) else ctx.periods
    i = bisect.bisect_left(starts, at)
    before = i > 0 and starts[i - 1] >= a  # the mention keeps a period of its own clause before it
    if before and i < len(periods) and periods[i].start < b:
        p = periods[i]
        if nxt < 10**12 and _DATES_NEXT.match(ctx.sentence[p.end : nxt]):
            return p.start
        if _OPENS_NEXT.search(ctx.sentence[at : p.start]) and re.search(
            r"\d", ctx.sentence[p.end : p.end + 80]
        ):
            return p.start
    return b


#: A comma (and a preposition) between a mention and a period that the next number follows: the period opens the
#: next item ("в январе умерло 2218 человек при численности 450 174, в феврале умерло 1890").
_OPENS_NEXT = re.compile(r",\s*(?:в|во|in|on|и|and)?\s*$", re.IGNORECASE)


def period(
    ctx: Context, m: Mention, last: str, flow: bool, nxt: int = 10**12
) -> tuple[str, str, float]:
    """The period of a mention, how it was found, and the confidence of that reading.

    ``nxt`` is where the next number of the sentence starts (its character offset in the sentence).
    """
    at = m.start - ctx.offset
    a, b = clause_of(ctx.starts, at)
    b = _own_reach(ctx, at, a, b, nxt)
    end = m.end - ctx.offset
    p, how, factor = _nearest(ctx, at, a, b, end), "own clause", 1.0
    if p is None:
        lo, hi = semicolon_part(ctx.sentence, at, end)
        p = _nearest(ctx, at, lo, hi, end) if hi - lo < 10**12 else None
        p, how, factor = p or _nearest(ctx, at, 0, 10**12, end), "sentence", 0.8
        if p is not None and _glosses(
            ctx.sentence, p, at
        ):  # "799,455 executions (1921–1953), around 1.7 million deaths"
            p = None
    # "... during the 1940s, with a total of about 3.3 million"; a stock in exile is counted on the day carried
    if p is not None and ((p.kind == EXILE and not flow) or sums_items(ctx.sentence, p, at)):
        p = None
    if (
        p is not None and not flow and p.kind == "named"
    ):  # a stock is counted on a day: a day stated wins
        day = _nearest(ctx, at, 0, 10**12, end, kinds=_DAY_KINDS)
        p, how, factor = (day, "sentence", 0.8) if day is not None else (p, how, factor)
    if p is not None:
        return _stated_reading(ctx, p, how, factor, flow, last)
    if last and flow and re.fullmatch(r"\d{4}-\d\d-\d\d", last):
        if (
            ctx.carried == AS_OF
        ):  # the rows under "на 1 января 1946 г.:" count that day, whatever the reader took them for
            return last, "context", AS_OF_FLOW_CONFIDENCE
        # "Всего на 15 августа 1937 г. арестовано 100 990. Из них ...": up to that day, never judged
        if ctx.carried == AS_OF_TOTAL:
            return f"/{last}", "open", 0.0
        # a day stated before (when an operation began, an order's date) is no period of a total
        return (
            "",
            "none",
            0.0,
        )
    # "... since 1921. Of these, 642,980 had been executed": from 1921 on, never judged
    if last.endswith("/"):
        return last, "open", 0.0
    if last:  # a wide period carried from before is a weak reading (:data:`CONTEXT_CONFIDENCE`)
        weak = PROSE_YEAR_CONFIDENCE if ctx.carried == PROSE_YEAR else 1.0
        return last, "context", min(CONTEXT_CONFIDENCE[_era(last)], weak)
    return "", "none", 0.0


def _stated_reading(
    ctx: Context, p: Period, how: str, factor: float, flow: bool, last: str
) -> tuple[str, str, float]:
    """The reading of the period ``p`` found for a mention (in its own clause or its sentence, ``how``): a start with
    no end is open; a single year or day of the clause is weak; "by 1942" for a total runs from the period before;
    the end of a year, "as of January" and "by 1932" for a count are the record's 1 January."""
    if p.kind in ("open", EXILE):  # "after Stalin's death", "since 1937", "in exile": never judged
        return p.period, "open", 0.0
    if flow and counted_as_of(ctx.sentence, p):
        # "Всего на 15 августа 1937 г. арестовано 100 990": a total up to that day, from when? never judged
        return f"/{p.period}", "open", 0.0
    kind_how = {"named": "named period", "relative": "relative", "span": "span"}.get(p.kind, how)
    value, confidence = p.period, p.confidence * factor
    if (
        how == "own clause" and "/" not in p.period
    ):  # a year or a day of the clause: often another event's
        confidence = min(confidence, OWN_CLAUSE_CONFIDENCE.get(p.kind, confidence))
        if (
            p.kind == "date"
        ):  # a count on 1 January is the record's own day; a total over one day is rare
            confidence = DAY_CONFIDENCE[flow] if flow or p.period.endswith("-01-01") else confidence
        elif (
            p.kind == "year" and not flow
        ):  # "the camp housed 73,000 prisoners at its peak in 1951"
            confidence = STOCK_YEAR_CONFIDENCE
    if (
        p.kind in ("by_end", "by_year", "by_start") and flow
    ):  # "by 1942, 850,000 had been deported": since when?
        start = last.split("/")[0][:4] if last else ""
        if not (
            start and start < p.period[:4]
        ):  # "By the end of 1956, 1 million had been freed": no start
            # "by 1940, eight million had passed through": up to 1 January 1940
            return (
                f"/{_by_end(ctx.sentence, p)}",
                "open",
                0.0,
            )
        value, confidence = (
            f"{start}/{p.period if p.kind == 'by_start' else p.period[:4]}",
            confidence * 0.8,
        )
        if ctx.carried == PROSE_YEAR:  # a start taken from a weakly carried year is as weak
            confidence = min(confidence, PROSE_YEAR_CONFIDENCE)
    elif not flow and p.kind == "by_year":  # "by 1932, nearly 10,000 prisoners": a count that year
        value = p.period[:4] + "-01-01" if _ONSET.match(ctx.sentence, p.start) else p.period[:4]
    elif not flow and re.fullmatch(
        r"\d{4}-12-31", p.period
    ):  # "at the end of 1938, 9 million": on 1 January 1939
        value = f"{int(p.period[:4]) + 1}-01-01"
    elif not flow and _from_january(
        p
    ):  # "as of January 1937", "in early 1939": the count of 1 January
        value = p.period[:4] + "-01-01"
        if p.kind == "month" and not _AS_OF.search(ctx.sentence, max(0, p.start - 24), p.start):
            # "in January 1937": the month, or its first day
            confidence = min(confidence, MONTH_AS_DAY_CONFIDENCE)
    return value, kind_how if how == "own clause" else how, round(confidence, 2)


#: The confidence of a day counted "as of" in a sentence before ("Численность на 1 января 1946 г.:") given the claims
#: under it that the reader took for totals (flows): the day is theirs, but what they count is unsure: under the gate.
AS_OF_FLOW_CONFIDENCE = 0.4
#: The confidence of a period carried from an earlier sentence (``context``), by whether it spans four years or
#: more: on dev (round 7) a narrower one was right 33 of 57 times on half 1 and 16 of 23 on half 2, a wider one
#: ("the Stalin era", "the war", "1921-1953" said sentences before) 7 of 19 and 8 of 23: most often the text's
#: subject, not the time of the number.
CONTEXT_CONFIDENCE = {False: 0.6, True: 0.4}


#: The confidence of a single year or day read from a mention's own clause, at most: on dev (round 7) a year was
#: right 15 of 25 times on half 1 and 10 of 16 on half 2, a day 4 of 13 and 6 of 8 (most often the date of
#: another event of the clause: "members of 1934", "ended in 1938", "a letter of 30 October 1937"), where a span
#: was right 50 of 52 and 48 of 49 times and a year of the sentence 21 of 25.
OWN_CLAUSE_CONFIDENCE = {"year": 0.65, "date": 0.6}
#: The confidence of a single day of a mention's own clause, by whether it counts a flow: on dev (round 10) a count
#: (a stock) read on 1 January of its clause was right 8 times of 8 (the record's own day: "On January 1, 1939",
#: "на 1 января 1950 года"), a total (a flow) read on one day 2 of 13 (the day starts or ends it: "was launched on
#: March 25, 1949, and around 95,000 ... were deported", "на 1 сентября ... было арестовано 146 225").
DAY_CONFIDENCE = {False: 0.85, True: 0.4}
#: The confidence of a count (a stock) read on a year of its own clause: right 18 times of 18 on dev (round 10; 8 on
#: half 1, 10 on half 2; the labelling guide reads "in 1953" for a count as the year), where a total (a flow) read on a
#: year of its clause was right 23 times of 41 (another event's year) and keeps 0.65.
STOCK_YEAR_CONFIDENCE = 0.8


#: The kinds of period that date the claims of the sentences after theirs only in a list: a year, a decade or a
#: month stated in one sentence of prose dated the claims after it right 9 times in 55 on dev (round 6), most
#: often another event's year ("In 1956, Khrushchev ..."); the items of a list that a dated line opens share
#: its date ("умерло в течение 1944 года — 361; 2. ... — 6473, умерло — 271;").
#: An open period ("since 1921") reaches only a sentence that goes on with its own ("Of these, ...").
WEAK_CONTEXT = frozenset({"year", "decade", "month", "open"})
#: The kind :func:`carried` gives a day counted "as of" ("на 1 января 1946 г.", "as of 1 January 1939"): it dates the
#: claims under it, totals too (:attr:`~gulagstats.factcheck.context.Context.carried`).
AS_OF = "as_of"
#: The kind :func:`carried` gives a day a sentence counted a total up to ("Всего на 15 августа 1937 г. арестовано
#: (по 57 областям) - 100 990 чел.": its own claim read ``/1937-08-15``, :func:`~gulagstats.factcheck.period_limits.
#: counted_as_of`): the totals after it that break it down ("Из них: бывших кулаков - 46 487 чел.") run up to that day
#: from a start the text does not give, open, never judged; the counts after it keep the day. A day whose own claim
#: was a count ("На 1 января 1940 население СССР составляло 190 миллионов") stays :data:`AS_OF`.
AS_OF_TOTAL = "as_of_total"
#: The kind :func:`carried` gives an open period with a start ("since 1921", "после 1953 года"): the claims after it
#: read it as open, never judged (the labels write its start: "1921-01-01/None").
OPEN = "open"
_STARTS = re.compile(r"\d{4}(?:-\d\d-\d\d)?/$")
#: How a year or a decade of the Russian sentence before reaches a sentence of prose (:func:`context_reading`).
PROSE_YEAR = "prose_year"
#: The confidence of a year carried from the sentence before into Russian prose: under the gate. On dev (round 12) it
#: gave 2 claims of 2 texts the labels' period and 1 claim a period the labels do not read (a month stays: round 10);
#: round 11's test part left such claims undated ("В 1937 году ... Всего было расстреляно ...").
PROSE_YEAR_CONFIDENCE = 0.4
_RUSSIAN_LETTER = re.compile("[\u0400-\u04ff]")
#: A sentence that opens a list or is one of its items: its year dates the items after it.
_OPENS_LIST = re.compile(r":\s*$|^\s*(?:\d+[.)]|[\u2022*\-\u2013\u2014])\s|;\s*$")
#: A list item: a line that starts with a number and a point, a bullet or a dash, or that ends with ";".
LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]|[\u2022*\-\u2013\u2014])\s|;\s*$")


def context_for(
    sentence: str, last: str, kind: str, goes_on: bool = False, row: bool = False
) -> str:
    """The period the claims of a sentence with none of their own read from the sentences before it.

    ``last`` is the period the sentences before left (:func:`carried`) and ``kind`` its kind: a
    span, a season, a named period or a day carries on; a year, a decade or a month carries only
    into the items of a list (:data:`WEAK_CONTEXT`), or into a sentence that goes on with the
    claim before it (``goes_on``: "In 1937, 353,074 were shot. Of these, 10,000 were Poles."), or into a
    row of a table under the line that states it (``row``: a whole line that :func:`table_row` accepts,
    "Поляки — 111 091" under "Расстреляно в 1937 г.").

    Examples
    --------
    >>> context_for("Of them, 5,000 were shot.", "1937/1938", "span")
    '1937/1938'
    >>> context_for("Of them, 5,000 were shot.", "1956", "year"), context_for("2. Norillag — 5,000;", "1944", "year")
    ('', '1944')
    """
    return (
        last
        if kind not in WEAK_CONTEXT
        or goes_on
        or LIST_ITEM.search(sentence)
        or (row and table_row(sentence))
        else ""
    )


def context_reading(
    sentence: str, last: str, kind: str, goes_on: bool = False, row: bool = False
) -> tuple[str, str]:
    """The period the claims of a sentence read from the sentences before it, and how it reached them.

    As :func:`context_for`, and a year or a decade that :func:`context_for` keeps in its own sentence
    reaches a Russian sentence of prose weakly (:data:`PROSE_YEAR`, :data:`PROSE_YEAR_CONFIDENCE`); a day counted
    "as of" is marked :data:`AS_OF`.

    Examples
    --------
    >>> context_reading("Всего расстреляно 353 074.", "1937", "year"), context_reading("In all, 353,074 were shot.", "1937", "year")
    (('1937', 'prose_year'), ('', ''))
    >>> context_reading("ИТЛ — 600 897", "1946-01-01", "as_of", row=True)
    ('1946-01-01', 'as_of')
    """
    period = context_for(sentence, last, kind, goes_on, row)
    if period and outruns(sentence, period):
        return period.split("/")[0] + "/", OPEN
    if period:
        return period, kind if kind in (AS_OF, AS_OF_TOTAL) else ""
    if (
        last and kind in ("year", "decade") and _RUSSIAN_LETTER.search(sentence)
    ):  # a month or a half stays (round 10)
        return last, PROSE_YEAR
    return "", ""


def _era(period: str) -> bool:
    """A period of four years or more ("the Stalin era", "the Soviet era", "the war", "collectivisation").

    A named era stated in one sentence dated the claims of the sentences after it right 6 times in 26 on
    dev (round 7): it names the text's subject ("the victims of Stalinism"), not the time of each number.

    >>> _era("1924-01-01/1953-03-05"), _era("1937/1938"), _era("1940-04-01/1940-05-31")
    (True, False, False)
    """
    ends = period.split("/")
    return (
        len(ends) == 2
        and all(e[:4].isdigit() for e in ends)
        and int(ends[1][:4]) - int(ends[0][:4]) >= 4
    )


def carried(
    sentence: str, periods: list[Period], last: str, kind: str = "", totals: Collection[str] = ()
) -> tuple[str, str]:
    """The period a sentence leaves for the sentences after it (``context``).

    Its last span, else its last period stated outside brackets (an aside such as "(the
    estimates for 1918-1929 ...)" sets none); a sentence that ends on an open period
    ("subsequently", "since 1937") leaves none; a sentence with no period, or with days only
    after a span ("за период 1921-1953 годов ... 5 января 1954 года было послано письмо"),
    leaves ``last``. Returns the period and its kind (``kind`` is the kind of ``last``).
    ``totals`` are the days the sentence's own claims were read up to ("Всего на 15 августа 1937 г.
    арестовано - 100 990 чел.": ``/1937-08-15``): such a day counted "as of" is :data:`AS_OF_TOTAL`.

    Examples
    --------
    >>> from gulagstats.factcheck.periods import Period
    >>> carried("In 1937 (not 1953) ...", [Period(3, 7, "1937", "year", 0.9), Period(9, 13, "1953", "year", 0.9)], "")
    ('1937', 'year')
    >>> day = [Period(9, 24, "1937-08-15", "date", 0.9)]
    >>> carried("Всего на 15 августа 1937 г. арестовано - 100 990 чел.", day, "", "", {"1937-08-15"})
    ('1937-08-15', 'as_of_total')
    >>> carried("Численность на 15 августа 1937 г.:", [Period(15, 30, "1937-08-15", "date", 0.9)], "")
    ('1937-08-15', 'as_of')
    """
    asides = bracketed(sentence)
    stated = [
        p
        for p in periods
        if p.kind not in ("document", "event", "relative", EXILE) and not inside(asides, p.start)
    ]
    # "since 1921": its start, never judged (:func:`period`); from a stated date only, not a name ("after the war")
    if stated and stated[-1].kind == "open":
        since = stated[-1].day is not None and _STARTS.match(stated[-1].period)
        return (stated[-1].period, OPEN) if since else ("", "")
    stated = [p for p in stated if p.kind != "open"]
    if stated and "/" in last and all(p.kind == "date" and "/" not in p.period for p in stated):
        # a day (a letter sent, an order signed) moves the clock, not the period under discussion
        return (
            last,
            kind,
        )
    # "climaxing in 1937-1938 ... until 1953": the span
    spans = [p for p in stated if p.kind == "span"]
    if not stated:
        return last, kind
    if (
        last
        and kind not in WEAK_CONTEXT
        and all(p.kind in WEAK_CONTEXT for p in stated)
        and not _OPENS_LIST.search(sentence)
    ):
        # "... discovered by German forces in 1943": another event's year keeps the subject's period
        return (
            last,
            kind,
        )
    chosen = (spans or stated)[-1]
    if (
        chosen.kind == "date"
        and "/" not in chosen.period
        and _AS_OF.search(sentence, max(0, chosen.start - 24), chosen.start)
    ):
        # "Численность заключённых на 1 января 1946 г.:": the rows under it count that day; "Всего на 15 августа
        # 1937 г. арестовано - 100 990 чел.": a total stated up to it, which the sentences after break down
        return chosen.period, AS_OF_TOTAL if chosen.period in totals else AS_OF
    return chosen.period, chosen.kind
