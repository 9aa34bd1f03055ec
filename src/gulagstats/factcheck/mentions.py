"""Stage 4, mentions: the numbers of a sentence that may count people, with their bound and unit.

A mention is a number (:mod:`gulagstats.factcheck.numerals`) or a vague word
of the lexicon ("tens of thousands", "сотни тысяч"), with:

- ``low`` and ``high``: a range ("300,000-500,000", "between 5 and 7
  million", "от 1,5 до 2 млн"; "5-7 million" spreads the scale; a reversed
  range "7-5 million" is not read);
- ``bound``: ``point``, ``low`` ("at least", "more than", "or more") or
  ``high`` ("no more than", "up to", "не более"), from the lexicon's hedges;
- ``unit``: ``count``, ``share`` ("87 percent") or a rate (``per_day``,
  ``per_week``, ``per_month``, ``per_year``: "300 a day", "every month").

Years, dates and spans (found first by the periods stage), document years,
references ("p. 45", "Order No. 00447", "[133]"), numbers of things other than
people ("10 years", "53 camps", "three times"), signed numbers and fractions
without a scale word are not mentions; numbers under 100 without a scale word
are mentions only when people follow ("sixteen defendants").  What is left
out and is large enough to matter is returned as *seen but not read*, with
the reason.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .counted_before import counted_before
from .not_counts import not_a_count
from .number_lists import (
    pair_end,
    percent_lists,
    range_values,
    ranges,
    repeated,
    scaled_lists,
    tallies,
)
from .numerals import Number, read_numerals
from .periods import Period
from .phrases import Token
from .resources import Resources

# Numbers that count no one whatever follows them (references, names, days, years, pages, web addresses) are
# left out by :mod:`gulagstats.factcheck.not_counts`.
#: Abbreviated scale words, whose point is part of the number ("6,2 млн.", "700 тыс.").
_ABBREVIATED = frozenset({"млн", "тыс", "млрд", "mln", "bn", "mn"})
#: Words right before a vague number that make it a question ("how many millions", "сколько миллионов").
_ASKING = frozenset({"how", "сколько"})
#: Words before a small number that make it pick items out, not count people ("the first two categories").
ORDINAL_BEFORE = frozenset(
    {
        "first",
        "last",
        "next",
        "following",
        "previous",
        "past",
        "первые",
        "последние",
        "первых",
        "последних",
    }
)
RATE_WORDS = {"day": "per_day", "week": "per_week", "month": "per_month", "year": "per_year"}


@dataclass(frozen=True)
class Mention:
    """A number that may count people: where, what it says, and its bound and unit."""

    start: int
    end: int
    text: str
    low: float
    high: float
    bound: str = "point"
    hedge: str = ""
    unit: str = "count"
    vague: bool = False
    first: int = 0  # index of its first token in the sentence's tokens
    last: int = 0  # index after its last token


@dataclass(frozen=True)
class Seen:
    """A number seen but not read, and why."""

    start: int
    end: int
    text: str
    reason: str


def _index(starts: list[int], start: int, end: int) -> tuple[int, int]:
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end)
    return first, max(last, first + 1)


def _vague(toks: list[Token], data: Resources) -> list[tuple[int, int, dict[str, str]]]:
    """The lexicon's vague words, longest first, not overlapping: (first token, last token, row)."""
    table = data.lexicon["vague"]
    out, until = [], -1
    for m in table.phrases.find(toks):
        if m.first >= until:
            out.append((m.first, m.last, table.rows[m.row]))
            until = m.last
    return repeated(out, toks, table.rows)


def next_phrase(
    table, toks: list[Token], at: int, within: int = 1, text: str = "", offset: int = 0
) -> dict[str, str] | None:
    """The row of a phrase of ``table`` starting within ``within`` tokens from token ``at``.

    With ``text`` (the sentence, starting at ``offset``), a phrase beyond a
    comma, semicolon, colon or point is not taken: it belongs to another clause.
    """
    for m in table.phrases.find(toks[at : at + within + 4]):
        if m.first < within:
            gap = (
                text[toks[at - 1].end - offset : toks[at + m.first].start - offset]
                if text and at > 0
                else ""
            )
            if toks[at - 1].word in _ABBREVIATED and gap.startswith("."):
                gap = gap[
                    1:
                ]  # "6,2 млн. жителей": the point of an abbreviated scale word ends no clause
            if re.search(r"[,;:.()]", gap):
                return None
            return table.rows[m.row]
    return None


#: Words after a fraction that make it part of a count ("a quarter of a million", "half a million").
_SCALE_AFTER = re.compile(r"(?:million|thousand|billion|миллион|тысяч|миллиард)", re.IGNORECASE)
#: Words a fraction phrase may end on that are not the share itself ("a third of", "половины из", "a quarter died").
_OF = frozenset({"of", "the", "из", "всех", "died", "perished"})


def _fractions(toks: list[Token], data: Resources) -> list[tuple[int, int, dict[str, str]]]:
    """Shares in words ("a third of", "nine-tenths of", "one in four", "половины из"): (first, last, row).

    Not where a scale word soon follows ("a quarter of a million", "three quarters of a million"):
    that fraction is part of a count, which the number reader reads.
    """
    table = data.lexicon["fraction"]
    out, until = [], -1
    for m in table.phrases.find(toks):
        after = toks[m.last : m.last + 2]
        if m.first < until or any(_SCALE_AFTER.match(t.word) for t in after):
            continue
        last = m.last
        while last - 1 > m.first and toks[last - 1].word in _OF:
            last -= 1
        out.append((m.first, last, table.rows[m.row]))
        until = m.last
    return out


def _fraction_mentions(
    sentence: str, toks: list[Token], offset: int, blocked: bytearray, data: Resources
) -> list[Mention]:
    """The shares in words of a sentence as mentions (unit ``share``); their characters are then blocked."""
    out = _digit_fractions(sentence, toks, offset, blocked, data)
    for first, last, row in _fractions(toks, data):
        begin, stop = toks[first].start - offset, toks[last - 1].end - offset
        if any(blocked[begin:stop]):
            continue
        blocked[begin:stop] = b"\1" * (stop - begin)
        if share_of_things(toks, last, data, sentence, offset):
            continue  # "a third of the country's output": a share of things
        bound, hedge = _hedge(toks, first, data)
        low, high = float(row["low"]), float(row["high"])
        out.append(
            Mention(
                begin + offset,
                stop + offset,
                sentence[begin:stop],
                low,
                high,
                bound,
                hedge,
                "share",
                False,
                first,
                last,
            )
        )
    return out


#: A fraction in digits, or two as a range, before "of": "1/3rd of total membership", "between 1/4 and 1/3 of".
_DIGIT_FRACTION = re.compile(
    r"(?<![\d/.,])(?:between\s+)?(?P<a>[1-9])/(?P<b>[2-9]|10)(?:rd|th|nd)?"
    r"(?:\s+(?:and|to|or|и|до|-|\u2013)\s+(?P<c>[1-9])/(?P<d>[2-9]|10)(?:rd|th|nd)?)?(?=\s+(?:of|из|от)\s)",
    re.IGNORECASE,
)


def _digit_fractions(
    sentence: str, toks: list[Token], offset: int, blocked: bytearray, data: Resources
) -> list[Mention]:
    """The fractions in digits of a sentence as shares in percent ("1/3rd of": 33.3); their characters blocked."""
    out, starts = [], [t.start for t in toks]
    for m in _DIGIT_FRACTION.finditer(sentence):
        begin, stop = m.start("a"), m.end()
        if (
            any(blocked[begin:stop])
            or int(m["a"]) >= int(m["b"])
            or (m["c"] and int(m["c"]) >= int(m["d"]))
        ):
            continue
        blocked[begin:stop] = b"\1" * (stop - begin)
        low = round(100 * int(m["a"]) / int(m["b"]), 1)
        high = round(100 * int(m["c"]) / int(m["d"]), 1) if m["c"] else low
        first, last = _index(starts, begin + offset, stop + offset)
        bound, hedge = _hedge(toks, first, data)
        start = m.start() if m["c"] else begin
        out.append(
            Mention(
                start + offset,
                stop + offset,
                sentence[start:stop],
                low,
                high,
                bound,
                hedge,
                "share",
                False,
                first,
                last,
            )
        )
    return out


def _hedge(toks: list[Token], first: int, data: Resources) -> tuple[str, str]:
    """The bound of the hedge that ends right before token ``first`` ("at least" -> low)."""
    table = data.lexicon["hedge"]
    best: tuple[int, str, str] | None = None
    lo = max(0, first - 5)
    for m in table.phrases.find(toks[lo:first]):
        if lo + m.last == first and (best is None or m.first < best[0]):
            row = table.rows[m.row]
            best = (m.first, row["bound"], " ".join(t.word for t in toks[lo + m.first : first]))
    return (best[1], best[2]) if best else ("point", "")


def _unit(toks: list[Token], last: int, data: Resources, text: str = "", offset: int = 0) -> str:
    """``share`` for a percentage right after the number, a rate for a rate phrase soon after, else ``count``."""
    if next_phrase(data.lexicon["share"], toks, last, 1):
        return "share"
    rate = next_phrase(data.lexicon["rate"], toks, last, 5, text, offset)
    return RATE_WORDS[rate["rate"]] if rate else "count"


#: Words after a number that put it somewhere rather than say what it counts ("1,5 млн в лагерях", "1.5 million in camps").
_PLACED = frozenset({"в", "во", "на", "in", "at", "on", "from", "из"})


def _counts_a_thing(
    toks: list[Token], last: int, data: Resources, text: str, offset: int
) -> dict[str, str] | None:
    """The not-count noun right after a number ("53 camps", "hundreds of labour camps"), not after a preposition of
    place; the noun after the pair a number starts counts it too ("10 or even 25 years")."""
    row = next_phrase(data.lexicon["not_count"], toks, pair_end(toks, last), 2, text, offset)
    if row is not None and last < len(toks) and toks[last].word in _PLACED:
        return None  # "1,5 млн в лагерях": people in the camps
    return row


#: How many words after a share its whole of things may stand ("46.5% of the nation's nickel": "%", "of", "the",
#: "nation", "s", then the noun): a bound, so the work per share does not grow with the sentence.
THING_REACH = 7
#: What ends a share's clause: a whole of things past it is another clause's.
_THING_CLAUSE_END = re.compile(r"[,;:()\u2013\u2014]|\.(?!\d)")


def share_of_things(toks: list[Token], last: int, data: Resources, text: str, offset: int) -> bool:
    """True if the share ending at token ``last`` is taken of things, not people: a noun of the lexicon's
    ``share_of_thing`` ("nickel", "timber", "output") within :data:`THING_REACH` words, in its clause, with no word
    of people before it and none right after it ("46.5% of the nation's nickel"; not "40% of the nickel miners").
    """
    end = min(len(toks), last + THING_REACH)
    things = data.lexicon["share_of_thing"].phrases.find(toks[last:end])
    if not things:
        return False
    thing = min(things, key=lambda x: x.first)
    if last + thing.first == 0 or _THING_CLAUSE_END.search(
        text, toks[last - 1].end - offset, toks[last + thing.first].start - offset
    ):
        return False
    people = [
        x.first
        for table in (data.lexicon["people"], data.lexicon["share_of"])
        for x in table.phrases.find(toks[last : min(len(toks), last + thing.last + 2)])
    ]
    return not any(p < thing.first or p == thing.last for p in people)


def _people_follow(toks: list[Token], last: int, data: Resources, text: str, offset: int) -> bool:
    return next_phrase(data.lexicon["people"], toks, last, 4, text, offset) is not None


#: Words between a number and its word of people that leave it a count of them ("seven other commanders").
_BETWEEN_WORDS = frozenset({"other", "main", "другие", "других"})


#: How many capitalised words (a nation, a body: "Yiddish", "Red Army") may stand between a number and its word of
#: people ("five Yiddish writers", "seven other Red Army commanders").
PROPER_BETWEEN = 2


def _proper_words(toks: list[Token], at: int, text: str, offset: int) -> int:
    """How many words from token ``at`` on are capitalised in ``text`` (at most :data:`PROPER_BETWEEN`, one space
    apart), when a word follows them: "Yiddish writers" -> 1, "Red Army commanders" -> 2."""
    n = 0
    while (
        n < PROPER_BETWEEN
        and at + n + 1 < len(toks)
        and text[toks[at + n].start - offset : toks[at + n].start - offset + 1].isupper()
        and text[toks[at + n].end - offset : toks[at + n + 1].start - offset] == " "
    ):
        n += 1
    return n


def people_next(toks: list[Token], last: int, data: Resources, text: str, offset: int) -> str:
    """The word of people right after a number, or after its "of (the)" ("18,000 women", "millions of people",
    "several hundred of the women"), else ""."""
    at = last + 1 if last < len(toks) and toks[last].word == "of" else last
    at += at > last and at < len(toks) and toks[at].word == "the"
    at += (
        at == last and at < len(toks) and toks[at].word in _BETWEEN_WORDS
    )  # "seven other commanders"
    if at >= last and at - last <= 1:
        at += _proper_words(
            toks, at, text, offset
        )  # "five Yiddish writers", "seven other Red Army commanders"
    row = next_phrase(data.lexicon["people"], toks, at, 1, text, offset)
    return row["phrase"] if row is not None else ""


def _cue_just_before(
    toks: list[Token], first: int, data: Resources, text: str, offset: int
) -> bool:
    """A quantity cue ends at most one word before the number, in its clause ("умерло — 271", "executed 250").

    A quotation mark between them ("переселенные «по 2 категории»") or a
    comma, colon, point or bracket breaks the link.
    """
    lo = max(0, first - 4)
    for m in data.lexicon["quantity"].phrases.find(toks[lo:first]):
        if lo + m.last >= first - 1 and not re.search(
            r"[,;:.()\u00ab\u00bb\u201c\u201d\"]",
            text[toks[lo + m.last - 1].end - offset : toks[first].start - offset],
        ):
            return True
    return False


def _cue_just_after(toks: list[Token], last: int, data: Resources) -> bool:
    """A quantity cue starts right after the number: "37 killed, 106 wounded", "500–700 killed"."""
    return any(m.first == 0 for m in data.lexicon["quantity"].phrases.find(toks[last : last + 4]))


#: A vague word of tens ("десятки", "dozens": its high under this) counts people only with a word of people after it
#: ("десятки человек"); alone it may count anything (round 11's unseen part, "десятки" listed as a claim).
TENS_ALONE = 100
#: The smallest number in words read as a count with no word of people or cue beside it ("Almost three hundred of its
#: writers"): a writer spells out hundreds only to count; what it counts is still for the frames to say.
WORDED_COUNT = 100
#: The smallest count read by the cue right after it ("37 killed"): under it, an anecdote ("two killed").
SMALL_COUNT = 10


def _small_uncounted(
    a: Number,
    b: Number | None,
    big: bool,
    unit: str,
    in_list: bool,
    where: tuple[list[Token], int, int],
    data: Resources,
    sentence: str,
    offset: int,
) -> bool:
    """True if a small number (tokens ``[first, last)`` of ``where``) counts no one: no word of people, no cue
    beside it, not in a list; "one" alone; an anecdote's count in words; "three out of five"; "the first two"."""
    toks, first, last = where
    if (
        not big
        and unit == "count"
        and not (
            in_list
            or (
                a.worded and a.value >= WORDED_COUNT
            )  # "One hundred and thirty-four of the latter were shot"
            or _people_follow(toks, last, data, sentence, offset)
            or (not a.worded and _cue_just_before(toks, first, data, sentence, offset))
            or (a.value >= SMALL_COUNT and _cue_just_after(toks, last, data))
        )
    ):
        return True
    if a.worded and a.value < 2 and not a.scaled:
        return True  # "on the one hand", "one broad category": "one" alone counts no one
    if (
        a.worded
        and a.value < SMALL_COUNT
        and not a.scaled
        and b is None
        and not people_next(toks, last, data, sentence, offset)
    ):
        return True  # "one died ...; four more were sent": an anecdote's count in words, with no word of people
    if not big and first > 1 and (toks[first - 2].word, toks[first - 1].word) in (("out", "of"),):
        return True  # "three out of five marshals": the whole a share is taken from
    return (
        not big and first > 0 and toks[first - 1].word.lower() in ORDINAL_BEFORE
    )  # "the first two categories"


def _read_number(
    a: Number,
    b: Number | None,
    sentence: str,
    toks: list[Token],
    offset: int,
    data: Resources,
    starts: list[int] | None = None,
    shares: frozenset[int] = frozenset(),
    listed: frozenset[int] | set[int] = frozenset(),
) -> Mention | Seen | None:
    """One number (or range) as a mention, as a number seen but not read, or None (not worth listing)."""
    if not_a_count(a, b, sentence):
        return None  # a reference, a name, a day, a year, a page cited, a web address
    start, end = a.start, (b or a).end
    text = sentence[start:end]
    values = range_values(a, b)
    first, last = _index(
        [t.start for t in toks] if starts is None else starts, start + offset, end + offset
    )
    big = a.scaled or (b is not None and b.scaled) or a.value >= 1000
    if values is None:
        return Seen(start + offset, end + offset, text, "a range whose ends are reversed")
    if a.negative:
        return Seen(start + offset, end + offset, text, "a signed number") if big else None
    unit = "share" if start + offset in shares else _unit(toks, last, data, sentence, offset)
    if a.decimal and unit != "share" and not (b is not None and b.scaled):
        return None
    if unit == "share" and (max(values) > 100 or share_of_things(toks, last, data, sentence, offset)):
        return None  # "46.5% of the nation's nickel": a share of things; "150 per cent of the norm": of no whole of people
    other = _counts_a_thing(toks, last, data, sentence, offset)
    noun = counted_before(toks, first, data, sentence, offset) if unit == "count" and other is None else ""
    if unit not in ("count", "share") and next_phrase(data.lexicon["not_count"], toks, last, 1, sentence, offset):
        return None  # "12 hours a day", "12 часов в сутки": a rate of hours, not of people ("1,500 per day" is)
    if (other is not None or noun) and unit == "count":
        what = other["phrase"] if other is not None else f"the {noun} it follows"
        return Seen(start + offset, end + offset, text, f"counts {what}, not people") if big else None
    if _small_uncounted(
        a, b, big, unit, start in listed, (toks, first, last), data, sentence, offset
    ):
        return None
    bound, hedge = _hedge(toks, first, data)
    after = next_phrase(data.lexicon["after"], toks, last, 1)
    if after is not None and bound == "point":
        bound = after["bound"]
    if a.floor and bound == "point":
        bound = "low"  # "шестьсот с лишним тысяч", "600-odd thousand": the number and more
    if b is not None:
        bound = "point"  # "более 3 миллионов — 8,8 миллиона": a range keeps its two ends, the hedge its first
    low, high = values
    return Mention(
        start + offset, end + offset, text, low, high, bound, hedge, unit, False, first, last
    )


def _vague_mentions(
    sentence: str, toks: list[Token], offset: int, blocked: bytearray, data: Resources
) -> list[Mention]:
    """The vague words of a sentence that count people ("tens of thousands", "сотни тысяч") as mentions.

    Not in a question ("how many millions"), over characters already read, before a noun of things
    ("hundreds of labour camps"), nor a word of tens with no word of people after it.
    """
    out: list[Mention] = []
    for first, last, row in _vague(toks, data):
        if first > 0 and (
            toks[first - 1].word in _ASKING
            or (first > 1 and toks[first - 1].word == "же" and toks[first - 2].word in _ASKING)
        ):
            continue  # "how many millions he killed": a question, not a claim
        begin, stop = toks[first].start - offset, toks[last - 1].end - offset
        if any(blocked[begin:stop]) or _counts_a_thing(toks, last, data, sentence, offset):
            continue  # "hundreds of labour camps": not people
        if counted_before(toks, first, data, sentence, offset):
            continue  # "the names of thousands of people": names, not people repressed
        if float(row["high"]) < TENS_ALONE and not people_next(toks, last, data, sentence, offset):
            continue  # "захоронены десятки", "dozens" with no word of people: tens of anything, no count
        bound, hedge = _hedge(toks, first, data)
        low, high = float(row["low"]), float(row["high"])
        unit = _unit(toks, last, data, sentence, offset)
        out.append(
            Mention(
                begin + offset,
                stop + offset,
                sentence[begin:stop],
                low,
                high,
                bound,
                hedge,
                unit,
                True,
                first,
                last,
            )
        )
    return out


def find_mentions(
    sentence: str,
    toks: list[Token],
    offset: int,
    periods: list[Period],
    data: Resources,
    language: str = "en",
    shares: frozenset[int] = frozenset(),
    cells: frozenset[int] = frozenset(),
) -> tuple[list[Mention], list[Seen]]:
    """The mentions of a sentence, and the numbers seen but not read.

    ``toks`` are the sentence's tokens (document offsets; the sentence starts
    at ``offset``) and ``periods`` what the periods stage found (their
    characters are not numbers); ``shares`` where the numbers of a table's share
    column start (document offsets: a share without a "%"); ``cells`` where the cells of tables
    whose columns are years start (document offsets: a count even when small, as in a list).

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> from gulagstats.factcheck.phrases import tokens
    >>> def read(s):
    ...     found, seen = find_mentions(s, tokens(s), 0, [], load_resources())
    ...     return [(m.text, m.low, m.high, m.bound, m.unit) for m in found], [x.reason for x in seen]
    >>> read("At least 30,174 were sentenced; 300 a day; between 5 and 7 million; 87 percent")
    ([('30,174', 30174.0, 30174.0, 'low', 'count'), ('300', 300.0, 300.0, 'point', 'per_day'), ('5 and 7 million', 5000000.0, 7000000.0, 'point', 'count'), ('87', 87.0, 87.0, 'point', 'share')], [])
    >>> read("53 camps held 1,300,000 prisoners, not 7-5 million; tens of thousands died")
    ([('1,300,000', 1300000.0, 1300000.0, 'point', 'count'), ('tens of thousands', 20000.0, 99999.0, 'point', 'count')], ['a range whose ends are reversed'])
    """
    blocked = bytearray(len(sentence) + 1)
    for p in periods:
        blocked[p.start : p.end] = b"\1" * (p.end - p.start)
    mentions = _fraction_mentions(
        sentence, toks, offset, blocked, data
    )  # "about two-thirds of whom": not "two"
    numbers = [n for n in read_numerals(sentence, language) if not any(blocked[n.start : n.end])]
    seen = [
        Seen(n.start + offset, n.end + offset, n.text, n.reason)
        for n in numbers
        if n.reason and len(n.text) >= 4
    ]
    numbers = scaled_lists(
        [n for n in numbers if not n.reason], sentence
    )  # "20 or 30 or 40 million"
    starts = [t.start for t in toks]
    listed = tallies(
        numbers, sentence
    )  # "22 people's commissars, 49 county party secretaries, ..."
    listed |= {n.start for n in numbers if n.start + offset in cells}
    shares = shares | {
        n.start + offset for n in percent_lists(numbers, sentence)
    }  # "на Урале – 28,0 %, в Сибири – 27,0"  # "освобождено | 616 | 962": a table's cells
    for a, b in ranges(numbers, sentence):
        read = _read_number(a, b, sentence, toks, offset, data, starts, shares, listed)
        if isinstance(read, Mention):
            mentions.append(read)
        elif isinstance(read, Seen):
            seen.append(read)
        for n in (a, b):
            if n is not None:
                blocked[n.start : n.end] = b"\1" * (n.end - n.start)
    mentions += _vague_mentions(sentence, toks, offset, blocked, data)
    return sorted(mentions, key=lambda m: m.start), seen
