"""Lists of numbers in a sentence: a tally of counts, a list of shares, a pair that shares its noun.

A tally counts groups one by one ("22 people's commissars, 49 county party secretaries, ... and 8
professors"); a list of "label – number" items opened or closed by a percentage ("на Урале – 28,0 %, в
Западной Сибири – 27,0, ...") is a list of shares. Each is found in one pass over the sentence's numbers,
looking only at the characters between two neighbours: linear in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
