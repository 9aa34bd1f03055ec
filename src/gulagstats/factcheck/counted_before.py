"""Numbers that a word before them makes a count of inhabitants, of names or of a list's entries, not of people
repressed: "a population of 76,000", "численность населения страны составляет 170,6 млн", "the names of thousands
of people", "имена более тысячи репрессированных", "a list of 70 people".

The words are lexicon rows of kind ``counted_before`` (the noun: "population", "names of", "население") and
``counted_link`` (the words that may stand between it and the number: "of", "was", "составляет"); a hedge ("about",
"более") may stand right before the number. Not when a quantity cue of the lexicon or a word of ``held_population``
("special settlements", "спецпоселков") names a population of custody or of the repressed near the noun ("the camp population of 1.5 million", "the deported population of 200,000", "лагерное
население"), nor when a word of a whole stands before it ("the entire population of 190,000 was deported": that
number is the count deported), nor when another number or a quantity cue stands between the noun and the number.
"""

from __future__ import annotations

import re

from .phrases import Token
from .resources import Resources

#: How many words may stand between the noun and its number (linking words only, besides a hedge).
LINK_REACH = 4
#: How many words before the noun are searched for a quantity cue or a word of a whole ("the entire Chechen").
BEFORE_REACH = 3
#: Words of a whole before the noun: its number is then the count of those it all befell.
_ALL_OF_THEM = frozenset(
    {"entire", "whole", "all", "весь", "всё", "все", "всего", "всей", "целиком"}
)
_LINK_BREAK = re.compile(r"[;:()\u00ab\u00bb\"]|\.(?!\d)")


def _hedge_start(toks: list[Token], first: int, data: Resources) -> int:
    """The token where a hedge ending right before token ``first`` starts ("about", "more than"), else ``first``."""
    lo = max(0, first - 4)
    starts = [
        lo + m.first
        for m in data.lexicon["hedge"].phrases.find(toks[lo:first])
        if lo + m.last == first
    ]
    return min(starts, default=first)


def counted_before(toks: list[Token], first: int, data: Resources, text: str, offset: int) -> str:
    """The noun before the number starting at token ``first`` that makes it a count of inhabitants, names or list
    entries ("population", "names of"), else "".

    ``text`` is the sentence, starting at document offset ``offset`` (the tokens' offsets are the document's).

    Examples
    --------
    >>> from gulagstats.factcheck.phrases import tokens
    >>> from gulagstats.factcheck.resources import load_resources
    >>> def noun(s, at):
    ...     toks = tokens(s)
    ...     return counted_before(toks, next(i for i, t in enumerate(toks) if t.word == at), load_resources(), s, 0)
    >>> noun("The town had a population of about 15,000.", "15")
    'population'
    >>> noun("The camp population of 1.5 million.", "1")
    ''
    """
    at = _hedge_start(toks, first, data)
    links = data.lexicon["counted_link"].phrases
    for _ in range(LINK_REACH + 1):
        lo = max(0, at - 4)
        nouns = [
            m for m in data.lexicon["counted_before"].phrases.find(toks[lo:at]) if lo + m.last == at
        ]
        if nouns:
            noun = min(nouns, key=lambda m: m.first)
            words = " ".join(t.word for t in toks[lo + noun.first : at])
            return (
                words if _stays_uncounted(toks, lo + noun.first, first, data, text, offset) else ""
            )
        step = [m for m in links.find(toks[max(0, at - 2) : at]) if max(0, at - 2) + m.last == at]
        if not step:
            return ""
        at = max(0, at - 2) + min(m.first for m in step)
    return ""


def _stays_uncounted(
    toks: list[Token], noun: int, first: int, data: Resources, text: str, offset: int
) -> bool:
    """True if nothing near the noun (token ``noun``) makes the number a count of people held or repressed."""
    lo = max(0, noun - BEFORE_REACH)
    if any(t.word in _ALL_OF_THEM for t in toks[lo:noun]):
        return False  # "the entire population of 190,000 was deported"
    if data.lexicon["quantity"].phrases.find(toks[lo:first]) or data.lexicon[
        "held_population"
    ].phrases.find(toks[lo:first]):
        return False  # "the camp population of 1.5 million", "of the special settlements", "число депортированных"
    # "population in 1939, 170 million": another number, or the clause ends between them
    return not (
        any(t.word.isdigit() for t in toks[noun:first])
        or _LINK_BREAK.search(text, toks[noun].end - offset, toks[first].start - offset)
    )
