"""Lists of numbers in a sentence: ranges, options sharing a scale word, a tally of counts, a list of shares, a pair that shares its noun.

A tally counts groups one by one ("22 people's commissars, 49 county party secretaries, ... and 8
professors"); a list of "label – number" items opened or closed by a percentage ("на Урале – 28,0 %, в
Западной Сибири – 27,0, ...") is a list of shares. Each is found in one pass over the sentence's numbers,
looking only at the characters between two neighbours: linear in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..numberwords import word_table
from .numerals import Number
from .phrases import Token

#: What links two counts of a tally: one to four words after the first, then a comma or "and"
#: ("22 people's commissars, 49 county party secretaries, ... and 8 professors were arrested").
_TALLY_LINK = re.compile(
    r"\s+(?:[^\W\d_][\w\u2019'-]*\s+){0,3}[^\W\d_][\w\u2019'-]*\s*(?:,\s*(?:and\s+|и\s+)?|\s(?:and|и)\s+|;\s*)"
    r"|(?:\s+[^\W\d_][\w.]*)?\s*;\s*(?:[^\W\d_][\w-]*\s+){0,4}[\u2014\u2013-]\s*"  # "в октябре — 247 человек; в ноябре — 458; ..."
)
#: The fewest counts of a tally.
TALLY_COUNTS = 3


def tallies(numbers: list[Number], sentence: str) -> set[int]:
    """Where the counts of a tally start: three or more numbers each followed by a few words and a comma or "and".

    A tally counts groups one by one ("22 people's commissars, 49 county party
    secretaries, 29 chairmen ... and 8 professors were arrested"): its small
    numbers are counts of people though no word of people follows them. What
    each counts is still for the frames to say (the cue after the last).

    Examples
    --------
    >>> from gulagstats.factcheck.numerals import read_numerals
    >>> s = "22 people's commissars, 49 county party secretaries, 95 engineers and 8 professors were arrested"
    >>> sorted(s[a : a + 2] for a in tallies(read_numerals(s), s))
    ['22', '49', '8 ', '95']
    >>> tallies(read_numerals("pages 12, 13 and 14"), "pages 12, 13 and 14")
    set()
    """
    out: set[int] = set()
    run: list[Number] = []
    for n in numbers:
        if run and _TALLY_LINK.fullmatch(sentence, run[-1].end, n.start):
            run.append(n)
            continue
        if len(run) >= TALLY_COUNTS:
            out |= {m.start for m in run}
        run = [n]
    if len(run) >= TALLY_COUNTS:
        out |= {m.start for m in run}
    return out


#: What stands between two items of a list of "label – share": "%, в Западной Сибири – ", ", и на Алдане – ".
_LABELLED_ITEM = re.compile(r"\s*%?\s*,\s*(?:и\s+|and\s+)?[^\d,;:.%]{2,60}?\s[\u2013\u2014-]\s*")
_PERCENT_AFTER = re.compile(r"\s*(?:%|процент|per ?cent)")


def percent_lists(numbers: list[Number], sentence: str) -> list[Number]:
    """The numbers of lists of "label – number" items whose first or last item is a percentage: all shares.

    >>> from gulagstats.factcheck.numerals import read_numerals
    >>> s = "на Урале – 28,0 %, в Западной Сибири – 27,0, на Алдане – 0,5 %. Всего – 1 000"
    >>> [n.text for n in percent_lists(read_numerals(s, "ru"), s)]
    ['28,0', '27,0', '0,5']
    """
    out: list[Number] = []
    run: list[Number] = []
    for n in [*numbers, None]:
        if n is not None and run and _LABELLED_ITEM.fullmatch(sentence, run[-1].end, n.start):
            run.append(n)
            continue
        if len(run) >= 2 and any(_PERCENT_AFTER.match(sentence, x.end) for x in (run[0], run[-1])):
            out += run
        run = [n] if n is not None else []
    return out


#: Words that join a number to the next one of a pair ("10 or even 25 years", "5 to 10 years", "от 5 до 10 лет").
_PAIRED = frozenset({"or", "to", "и", "или", "до"})
_EVEN = frozenset({"even", "perhaps", "maybe", "даже"})


def pair_end(toks: list[Token], last: int) -> int:
    """The token after the second number of a pair the number before ``last`` starts, else ``last``.

    In "10 or even 25 years" the noun after the pair ("years") counts both numbers.

    Examples
    --------
    >>> from gulagstats.factcheck.phrases import tokens
    >>> toks = tokens("for 10 or even 25 years")
    >>> pair_end(toks, 2), toks[pair_end(toks, 2)].word, pair_end(tokens("10 people"), 1)
    (5, 'years', 1)
    """
    i = last
    if i < len(toks) and toks[i].word in _PAIRED:
        i += 1 + (i + 1 < len(toks) and toks[i + 1].word in _EVEN)
        if i < len(toks) and toks[i].word.isdigit():
            return i + 1
    return last


#: The words that repeat a vague number word to say "many" ("millions upon millions", "миллионы и миллионы").
_REPEATS = frozenset({"upon", "and", "on", "и"})


def repeated(
    found: list[tuple[int, int, dict[str, str]]], toks: list[Token], rows: Sequence[dict[str, str]]
) -> list[tuple[int, int, dict[str, str]]]:
    """Vague words (first token, last token, row) with each "X upon X" made one: from X's low end to the
    widest high end the vague words of that low end have ("many millions": 2-99,999,999).

    Examples
    --------
    >>> from gulagstats.factcheck.phrases import tokens
    >>> rows = [{"phrase": "millions", "low": "2000000", "high": "9999999"},
    ...         {"phrase": "many millions", "low": "2000000", "high": "99999999"}]
    >>> toks = tokens("millions upon millions died")
    >>> [(a, b, r["high"]) for a, b, r in repeated([(0, 1, rows[0]), (2, 3, rows[0])], toks, rows)]
    [(0, 3, '99999999')]
    """
    out: list[tuple[int, int, dict[str, str]]] = []
    for first, last, row in found:
        if (
            out
            and out[-1][2]["phrase"] == row["phrase"]
            and last - first == 1
            and out[-1][1] + 1 == first
            and toks[first - 1].word in _REPEATS
            and toks[first].word == toks[out[-1][0]].word
        ):
            widest = max(float(r["high"]) for r in rows if r["low"] == row["low"])
            out[-1] = (out[-1][0], last, {**row, "high": f"{widest:.0f}"})
        else:
            out.append((first, last, row))
    return out


_RANGE_GAP = re.compile(
    r"\s*(?:-|\u2010|\u2011|\u2012|\u2013|\u2014|\u2212|to|до|or|или|and|и)\s*[~\u2248]?",
    re.IGNORECASE,
)
_RANGE_OPEN = re.compile(
    r"(?:between|from|от|с|между|of)\s+(?:some\s+|about\s+|around\s+|около\s+)?[~\u2248]?$",
    re.IGNORECASE,
)
_MARK = re.compile(r"\[\d{1,3}\]")  # a reference mark: "[1]"

_PERCENT = re.compile(r"\s?%")


def ranges(numbers: list[Number], sentence: str) -> list[tuple[Number, Number | None]]:
    """Numbers paired into ranges ("300,000-500,000", "between 5 and 7 million"); a number alone has None.

    Examples
    --------
    >>> from gulagstats.factcheck.numerals import read_numerals
    >>> s = "between 5 and 7 million, 300,000-500,000 and 12"
    >>> [(a.text, b.text if b else None) for a, b in ranges(read_numerals(s), s)]
    [('5', '7 million'), ('300,000', '500,000'), ('12', None)]
    """
    out: list[tuple[Number, Number | None]] = []
    i = 0
    while i < len(numbers):
        a = numbers[i]
        j = i + 1
        if j + 1 < len(numbers) and _MARK.fullmatch(
            sentence, numbers[j].start - 1, numbers[j].end + 1
        ):
            j += 1  # "3 миллионов[1] — 8,8 миллиона": a reference mark is no end of a range
        b = numbers[j] if j < len(numbers) else None
        between = _MARK.sub("", sentence[a.end : b.start]) if b is not None else ""
        if b is not None and _PERCENT.match(between) and _PERCENT.match(sentence, b.end):
            between = between.lstrip()[1:]  # "40% to 50%": a range of shares, each with its sign
        if b is not None and _RANGE_GAP.fullmatch(between):
            gap = between.strip().lower()
            opened = _RANGE_OPEN.search(sentence[max(0, a.start - 30) : a.start])
            if gap not in ("and", "и", "or", "или", "до") or opened or (gap in ("до",) and opened):
                out.append((a, b))
                i = j + 1
                continue
        out.append((a, None))
        i += 1
    return out


#: What stands between the numbers of a list of options ("20 or 30 or 40 million", "1, 2 or 3 million", "10, 12 или 15 млн").
_LIST_GAP = re.compile(
    r"\s*(?:,\s*(?:or\s+|and\s+|или\s+|и\s+)?|or|или|and|и|"
    r"(?:to|до)\s+(?:over|more\s+than|nearly|almost|about|around|some|более|свыше|почти|около))\s*",
    re.IGNORECASE,
)  # "from 1.6 to over 10 million": a range with a hedge inside is two claims, the first in millions too


def scaled_lists(numbers: list[Number], sentence: str) -> list[Number]:
    """The numbers, each of a list whose scale word follows only its last number scaled by it.

    "20 or 30 or 40 million": 20 and 30 are millions too. A number takes the
    scale of the next one if only a comma, "or" or "and" stands between them (or "to" with
    a hedge: "from 1.6 to over 10 million", which is no range),
    it has no scale word and no digit grouping of its own, and the values rise
    along the list as printed (20 < 30 < 40): "aged 16 and 17, 2 million" is
    no list. One pass from the end: linear.

    Examples
    --------
    >>> from gulagstats.factcheck.numerals import read_numerals
    >>> s = "they say he killed 20 or 30 or 40 million people; 1, 2 or 3 million; 17, 2 million"
    >>> [(n.text, n.value) for n in scaled_lists(read_numerals(s), s)]
    [('20', 20000000.0), ('30', 30000000.0), ('40 million', 40000000.0), ('1', 1000000.0), ('2', 2000000.0), ('3 million', 3000000.0), ('17', 17.0), ('2 million', 2000000.0)]
    """
    out = list(numbers)
    scale, stated = (
        0.0,
        0.0,
    )  # the scale of the list the number after this one ends, and its printed value
    for i in range(len(out) - 1, -1, -1):
        n = out[i]
        if n.scaled and not n.reason:
            scale, stated = n.value / _stated(n), _stated(n)
            continue
        gap = sentence[n.end : out[i + 1].start] if i + 1 < len(out) else ""
        if (
            scale > 1
            and not n.grouped
            and not n.reason
            and 0 < n.value < stated
            and _LIST_GAP.fullmatch(gap)
        ):
            out[i] = replace(n, value=n.value * scale, scaled=True, decimal=False)
            stated = n.value
        else:
            scale = 0.0
    return out


def range_values(a: Number, b: Number | None) -> tuple[float, float] | None:
    """The low and high end of a number or range, the first end taking the scale of the second ("5-7 million"); None if reversed."""
    if b is None:
        return a.value, a.value
    low, high = a.value, b.value
    if not a.scaled and b.scaled and a.value < 1000:
        scale = b.value / _stated(b)
        low = a.value * scale  # "5-7 million", "1.5 to 2 million"
    if low > high:
        return None  # "7-5 million": not read
    return low, high


def _stated(n: Number) -> float:
    """The number as printed before its scale word (7 in "7 million", 8 in "eight million", 2 in "2M").

    The scale words are the reader's (``number_words.csv``), glued ones too ("7m", "2k").

    Examples
    --------
    >>> from gulagstats.factcheck.numerals import read_numerals
    >>> [_stated(n) for n in read_numerals("7 million, 2M, 1.5 млн, 19 млн 840 тыс., 700")]
    [7.0, 2.0, 1.5, 19840.0, 700.0]
    """
    table = word_table()
    words = re.findall(r"[^\W\d_]+", n.text.lower())
    scales = [
        float(w.value)
        for w in (table.get(x) for x in words)
        if w is not None and w.role == "scale" and w.value
    ]
    return n.value / scales[-1] if scales else n.value
