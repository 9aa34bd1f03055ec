"""Where the cues of a sentence stand from a mention: bounded lookups the claim frames share.

:func:`cues_near` finds the cues within a window of tokens by bisection, and
:func:`in_clause` whether one stands in the mention's clause (a number glossing
the clause before it in brackets reads that clause too), so a frame costs the
same in a sentence of any length.
"""

from __future__ import annotations

import bisect
import re

from .context import Context, clause_of
from .mentions import Mention

#: How many words from a mention its cues (quantity, scope, modality) are looked for.
CUE_WINDOW = 14

Cue = tuple[
    int, int, dict[str, str]
]  # a phrase matched in a sentence: first token, last token, its row


def cues_near(items: list[Cue], first: int, last: int, lo: int, hi: int) -> list[Cue]:
    """The items whose tokens lie within ``[lo, hi)`` and not inside the mention ``[first, last)``.

    ``items`` are sorted by their first token; the search is a bisection, so
    it costs the same in a sentence of any length.

    Examples
    --------
    >>> cues = [(0, 1, {"q": "a"}), (3, 4, {"q": "b"}), (9, 10, {"q": "c"})]
    >>> [row["q"] for _, _, row in cues_near(cues, 3, 4, 0, 9)]
    ['a']
    """
    a = bisect.bisect_left(items, max(0, lo), key=lambda it: it[0])
    b = bisect.bisect_left(items, hi, key=lambda it: it[0])
    return [it for it in items[a:b] if it[1] <= hi and not (first <= it[0] < last)]


def in_clause(ctx: Context, m: Mention, item: Cue) -> bool:
    """Whether a cue stands in the clause of a mention (:func:`clause_of_mention`)."""
    a, b = clause_of_mention(ctx, m)
    return a <= ctx.toks[item[0]].start - ctx.offset < b


#: The most words besides its number a bracketed aside may hold to gloss the clause before it ("(1,438 persons)"),
#: and the most characters (a longer aside is no gloss; the bound keeps the test linear in the sentence).
GLOSS_WORDS, GLOSS_CHARS = 2, 80


def clause_of_mention(ctx: Context, m: Mention) -> tuple[int, int]:
    """The clause of a mention; a number glossing the clause before it in brackets reads that clause too.

    In "2.24% of the prisoners in the BelBaltlag camp complex died in 1931 (1,438 persons)" the bracket
    holds the count of the clause it follows: its words (who died, where) are the number's.
    """
    at = m.start - ctx.offset
    a, b = clause_of(ctx.starts, at)
    i = bisect.bisect_right(ctx.brackets, (at, 10**12)) - 1
    if i < 0 or not ctx.brackets[i][0] < at < ctx.brackets[i][1]:
        return a, b
    start, end = ctx.brackets[i]
    if end - start > GLOSS_CHARS:
        return a, b
    rest = ctx.sentence[start + 1 : at] + " " + ctx.sentence[m.end - ctx.offset : end - 1]
    if start == 0 or len(re.findall(r"[^\W\d_]+", rest)) > GLOSS_WORDS:
        return a, b
    return clause_of(ctx.starts, start - 1)[0], end
