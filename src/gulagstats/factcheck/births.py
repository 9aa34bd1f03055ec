"""Stage 5, claim frames: a count of births beside the deaths of a place is no claim about repression.

"Всего за 1933 г. в ссылке родилось 17 082 и умер 151 601 человек", "17,082 children were born and 151,601
people died": the deaths are a claim; the births are not, though a word of dying stands in their clause. A
number whose own verb or noun is a word of birth (the lexicon's ``birth`` rows: "were born", "births",
"родилось", "рождений") is taken out of the claims and listed among the numbers seen but not read, with its
reason. The word must stand right before the number ("родилось 17 082") or at most :data:`BIRTH_AFTER` words
after it in its clause ("17,082 children were born"), with no other number between: "родилось 17 082 и умер 151 601" takes
out only the first. The participles that describe people rather than count births ("30,000 people born in
Poland were deported") are no rows.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .frames import Frame
from .mentions import Seen
from .phrases import Match, Token, tokens
from .resources import Resources
from .sentences import Sentence

#: How many words may stand between a number and a word of birth after it ("17,082 children were born").
BIRTH_AFTER = 2
#: What parts a number from a word of birth after it: the word is another clause's ("умерло 151 601 человек,
#: родилось 17 082").
_PARTED = re.compile(r"[,;:()\u2013\u2014]")
#: What joins the two numbers of a pair: "и", "and" alone.
_PAIR_JOIN = re.compile(r"\s+(?:и|and)\s+", re.IGNORECASE)
#: Why a count of births is not read.
BIRTHS_SEEN = "a count of births: no claim about repression"


def births_apart(
    sentences: Sequence[Sentence], frames: list[Frame], seen: list[Seen], data: Resources
) -> tuple[list[Frame], list[Seen]]:
    """The claims of a text less its counts of births, and the numbers seen with those births added.

    Examples
    --------
    >>> from gulagstats.factcheck.run import check_text
    >>> r = check_text("В 1933 г. в ссылке родилось 17 082 и умер 151 601 человек.")
    >>> [f.mention for f in r.frames], [(s.text, s.reason) for s in r.seen]
    (['151 601'], [('17 082', 'a count of births: no claim about repression')])
    """
    table = data.lexicon["birth"]
    born: set[int] = set()  # the starts of the frames that count births
    ends = {f.start: f.end for f in frames}
    starts = sorted(ends)
    for s in sentences:
        lo, hi = bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)
        if lo == hi:
            continue
        toks = tokens(s.text, s.start)
        found = table.phrases.find(toks)
        if found:
            mine = [(a, ends[a]) for a in starts[lo:hi]]
            born.update(a for a, _ in _born(s, toks, found, mine))
    if not born:
        return frames, seen
    out = [f for f in frames if f.start not in born]
    seen = seen + [Seen(f.start, f.end, f.mention, BIRTHS_SEEN) for f in frames if f.start in born]
    return out, seen


def _born(
    s: Sentence, toks: list[Token], found: list[Match], numbers: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The numbers of a sentence (their offsets, in order) that count births: a word of birth is their own, or
    they open a pair "A и B" after a pair of births and deaths ("родилось 17 082 и умер 151 601 человек, в том
    числе у «старожилов» – соответственно 16 539 и 129 800, у «новоселов» – 543 и 21 801")."""
    at = [t.start for t in toks]
    spans = [(bisect.bisect_left(at, a), bisect.bisect_left(at, b)) for a, b in numbers]
    out: list[tuple[int, int]] = []
    for k, (first, last) in enumerate(spans):
        after = spans[k + 1][0] if k + 1 < len(spans) else len(toks)
        before = spans[k - 1][1] if k else 0
        if any(
            (x.last == first and x.first >= before)
            or (
                0 <= x.first - last <= BIRTH_AFTER
                and x.last <= after
                and not _PARTED.search(_between(s, toks[last - 1].end, toks[x.first].start))
            )
            for x in found
        ):
            out.append(numbers[k])
        elif out and _and_after(s, numbers, numbers.index(out[0])) and _paired(s, numbers, k):
            # "..., у «новоселов» – 543 и 21 801": births, then deaths, respectively
            out.append(numbers[k])
    return out


def _paired(s: Sentence, numbers: list[tuple[int, int]], k: int) -> bool:
    """Whether number ``k`` opens a pair of an item: "и", "and" alone joins it to the next, and a comma or
    semicolon (or the sentence's start) stands before it."""
    if k + 1 >= len(numbers) or not _PAIR_JOIN.fullmatch(
        _between(s, numbers[k][1], numbers[k + 1][0])
    ):
        return False
    return k == 0 or bool(re.search(r"[,;]", _between(s, numbers[k - 1][1], numbers[k][0])))


def _and_after(s: Sentence, numbers: list[tuple[int, int]], k: int) -> bool:
    """Whether "и", "and" joins number ``k`` to the next in its clause ("родилось 17 082 и умер 151 601")."""
    if k + 1 >= len(numbers):
        return False
    gap = _between(s, numbers[k][1], numbers[k + 1][0])
    return bool(_PAIR_JOIN.search(gap)) and not re.search(r"[,;]", gap)


def _between(s: Sentence, start: int, end: int) -> str:
    """The text of a sentence between two offsets of the document."""
    return s.text[start - s.start : end - s.start]
