"""Stage 4, mentions read together: an enumeration whose cue follows its last number, and years that count people.

"353,074 in 1937 and 328,618 in 1938 were shot": the cue after the last
number of a list is the cue of every number before it; "умерло 1890 человек":
a year-like number right before a word of people counts them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Protocol

from .mentions import Mention, next_phrase
from .periods import Period
from .phrases import Token
from .resources import Resources


class _Framed(Protocol):
    quantity: str
    cue: str
    unit: str


#: Words right before a number that make it the whole a part is taken from ("of 1,966 delegates, 1,108 ...").
BASE_BEFORE = frozenset({"of", "из", "among", "среди"})
#: What stands between a count and its share in apposition: "681,692 people, or 86.7 percent", "7 980 (4,2 %)".
_APPOSED = re.compile(
    r"(?:\s+(?:people|persons|человек|чел\.))?\s*(?:,\s*(?:or|или|i\.\s*e\.|т\.\s*е\.)\s+|\(\s*)(?:[^\W\d_]+\s+)?"
)
#: The most words between two numbers of one enumeration ("32,000 from Lithuania, 42,000 from Latvia").
ENUMERATION_GAP = 10
#: How many words after the last number of an enumeration its cue may stand.
CUE_AFTER = 8


def enumerated_before(
    sentence: str,
    offset: int,
    toks: list[Token],
    mentions: list[Mention],
    read: Sequence[_Framed | None],
    i: int,
    source: int,
) -> tuple[str, str] | None:
    """The quantity and cue a mention with none takes from the next one, whose cue follows it, in an enumeration.

    "353,074 in 1937 and 328,618 in 1938 were shot": the cue after the last
    number of a list is the cue of every number before it, when nothing
    says what the earlier ones count (a number, not a vague word, and not
    the whole after "of": "Of 1,966 delegates, 1,108 were arrested"), they are at most
    :data:`ENUMERATION_GAP` words apart, no semicolon, colon or full stop
    stands between them, both are counts, and the cue stands after the
    later one.  ``read`` holds what each mention was read as (None: nothing),
    ``source`` the index of the mention whose own cue the next one has (itself, or
    the end of the list it was carried from).

    Examples
    --------
    >>> from gulagstats.factcheck.run import check_text
    >>> [(f.mention, f.quantity, f.period) for f in check_text("In all, 353,074 in 1937 and 328,618 in 1938 were shot.").frames]
    [('353,074', 'executions', '1937'), ('328,618', 'executions', '1938')]

    A count with its share in apposition counts what the share counts:

    >>> [(f.mention, f.quantity) for f in check_text("Some 681,692 people, or 86.7 percent of the number, were shot in 1937-1938.").frames]
    [('some 681,692', 'executions'), ('86.7', 'executions')]
    """
    m, after, f = mentions[i], mentions[i + 1], read[i + 1]
    apposed = _APPOSED.fullmatch(sentence, m.end - offset, after.start - offset)
    if (
        read[i] is None
        and f is not None
        and f.cue
        and f.unit == "share"
        and m.unit == "count"
        and not m.vague
        and apposed
    ):
        return (
            f.quantity,
            f.cue,
        )  # "681,692 people, or 86.7 percent of them, were shot": one group, two ways
    if (
        read[i] is not None
        or f is None
        or not f.cue
        or f.unit != "count"
        or m.unit != "count"
        or m.vague
        or m.high < 10
    ):
        return None  # a vague word, or a number under ten (an anecdote: "three people, two women, and a man, were arrested")
    before = [t.word for t in toks[max(0, m.first - 2) : m.first]]
    if before[-1:] and (
        before[-1] in BASE_BEFORE or before[-2:] in (["of", "the"], ["among", "the"])
    ):
        return None  # "Of 1,966 delegates, 1,108 were arrested": the whole a part is taken from
    if after.first - m.last > ENUMERATION_GAP:
        return None
    if re.search(r"[;:.!?()]", sentence[m.end - offset : after.start - offset]):
        return None
    first_word = f.cue.split()[0]
    if not any(
        t.word == first_word
        for t in toks[mentions[source].last : mentions[source].last + CUE_AFTER]
    ):
        return None  # the cue stands before the later number: it is that number's own
    return f.quantity, f.cue


#: Words before a year that make it a date ("in 1890 people ...", "the 1937 victims"), not a count.
_DATING_BEFORE = frozenset(
    [
        "in",
        "of",
        "from",
        "to",
        "since",
        "until",
        "by",
        "after",
        "before",
        "during",
        "the",
        "those",
        "these",
        "в",
        "во",
        "с",
        "со",
        "до",
        "к",
        "по",
        "на",
        "за",
        "от",
        "после",
    ]
)


def counted_years(
    sentence: str, toks: list[Token], offset: int, periods: list[Period], data: Resources
) -> list[Period]:
    """The periods that are no year but a count of people: "умерло 1890 человек", "к расстрелу 1825 заключенных".

    A bare year-like number right before a word of people, with no preposition or article before it, counts
    them; the periods stage read it as a year (the caller then drops it from the sentence's periods).

    Examples
    --------
    >>> from gulagstats.factcheck.periods import find_periods
    >>> from gulagstats.factcheck.resources import load_resources
    >>> from gulagstats.factcheck.phrases import tokens
    >>> d = load_resources()
    >>> def counted(s):
    ...     toks = tokens(s)
    ...     return [s[p.start : p.end] for p in counted_years(s, toks, 0, find_periods(s, toks, 0, None, "", d), d)]
    >>> counted("В феврале умерло 1890 человек"), counted("В 1890 человек не считали"), counted("in 1937 people")
    (['1890'], [], [])
    """
    starts = [t.start for t in toks]
    out = []
    for p in periods:
        if p.kind != "year" or not re.fullmatch(r"1[89][0-9]{2}", sentence[p.start : p.end]):
            continue
        i = bisect.bisect_left(starts, p.start + offset)
        if (
            i >= len(toks)
            or toks[i].start != p.start + offset
            or (i and toks[i - 1].word in _DATING_BEFORE)
        ):
            continue
        if next_phrase(data.lexicon["people"], toks, i + 1, 1, sentence, offset) is not None:
            out.append(p)
    return out
