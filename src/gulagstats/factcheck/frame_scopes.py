"""Stage 5, claim frames: the part of the whole a mention counts (its scope).

The scope cues of a mention's clause near it (an operation, a nationality, a
region, a trial, an institution, a camp, a plan) name the part it counts,
else the whole USSR; a sentence that goes on with the sentence before ("Of
these, ...") counts that one's part. A part named after the words that list
what a number holds ("including", "включая") does not narrow it. Every lookup
is bounded by a window of words (:mod:`gulagstats.factcheck.frames`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .context import Context, inside
from .cues import CUE_WINDOW, Cue, cues_near, in_clause
from .exile_periods import EXILE
from .mentions import Mention
from .phrases import phrase_words
from .resources import Resources

if TYPE_CHECKING:
    from .frames import Frame

#: How many words before a mention a scope cue of its clause counts ("the Polish operation ..., with 140,000 arrests").
SCOPE_WINDOW = 30


def named_part(ctx: Context) -> tuple[str, str] | None:
    """The last part of the whole a sentence names (a scope cue), if any: the sentence after may go on with it.

    A word of families names no part the next sentence goes on with (it is the noun of its own number).
    """
    parts = [row for _, _, row in ctx.scopes if row["scope"] != FAMILY_PART]
    return (parts[-1]["scope"], parts[-1]["detail"]) if parts else None


def whole_stated(ctx: Context, m: Mention) -> bool:
    """True if the mention's clause names the whole USSR ("throughout the country", "the Soviet government")."""
    near = cues_near(ctx.scopes, m.first, m.last, m.first - SCOPE_WINDOW, m.last + CUE_WINDOW)
    return any(row["scope"] == "whole" and in_clause(ctx, m, (a, b, row)) for a, b, row in near)


#: Parts that a sentence names for its own numbers only: a category of crimes or prisoners is not an event
#: the next sentence goes on with ("... prosecuted for political crimes. Over 1 million people were executed"),
#: unless it says so ("Of these, ...").
OWN_SENTENCE = ("category",)
#: The part of a count of families or households ("150 тыс. кулацких семей", "15,000 families"): a count of
#: families, not of persons, so never judged against a count of persons; the scope cues of this kind name only the
#: number whose own noun they are (at most ``FAMILY_NOUN`` words after it), never the clause's other numbers.
FAMILY_PART = "families"
#: Under this, a number of persons whose only cue is another number's word of families counts the members of one
#: family ("300 тысяч семей (в среднем из 4 человек)"), not a claim; from it on, the persons of those families take
#: their verb ("381 026 семей, общей численностью 1 803 392 человека": deported).
FAMILY_SIZE = 1000
#: How many words after a number a word of families may stand to be its own noun ("150 тыс. кулацких семей", not
#: "29,839 members of families").
FAMILY_NOUN = 1
#: Words at the start of a sentence that go on with the part the sentence before named.
GOES_ON = re.compile(
    r"^(?:of (?:these|them|those|whom)|among (?:them|these|those)|a total of|in all|in total|altogether|"
    r"of this number|all told|из них|всего|итого|в общей сложности|среди них|в том числе)\b",
    re.IGNORECASE,
)


def _dated(ctx: Context) -> bool:
    """True if the sentence states a period of its own (the time in exile after the days before is none: the same
    event's, :mod:`gulagstats.factcheck.exile_periods`)."""
    return any(p.kind != EXILE for p in ctx.periods)


def scope(
    ctx: Context,
    m: Mention,
    before: tuple[str, str] | None = None,
    hi: int = 10**9,
    including: frozenset[str] = frozenset(),
) -> tuple[str, str]:
    """The part of the whole a mention counts (``USSR`` for the whole), and its detail.

    ``before`` is the part the sentence before named: a sentence that goes on
    with it ("The NKVD conducted national operations. A total of 350,000 were
    arrested"), or that names neither a part nor a date of its own ("... Of
    these, 139 885 were convicted. 111 091 were shot."), counts the same part.
    ``including`` are the words after a number that list what it holds (:func:`listing_words`).
    """
    reach = min(
        m.last + CUE_WINDOW, hi, listing_end(ctx, m, including)
    )  # a part named after the next number is that number's
    near = [
        it
        for it in cues_near(ctx.scopes, m.first, m.last, m.first - SCOPE_WINDOW, reach)
        if in_clause(ctx, m, it)
    ]
    near = [it for it in near if not any(_inside_a_longer(it, other) for other in near)]
    families = _families(m, near)
    near = [it for it in near if it[2]["scope"] != FAMILY_PART]
    if families is not None:
        return _families_of_a_part(m, near, families[1]) or families
    if not near:
        if before is not None and (
            GOES_ON.match(ctx.sentence) or not (_dated(ctx) or before[0] in OWN_SENTENCE)
        ):
            return before  # "Of these, ..."; "111 091 were shot." with no date of its own: the same event
        return "USSR", ""
    _first, _, row = min(near, key=lambda it: abs(it[0] - m.first))
    if row["scope"] == "whole":  # "700,000 throughout the country" beside "30,000 in Moscow"
        return "USSR", ""
    return row["scope"], row["detail"]


def _families_of_a_part(m: Mention, near: list[Cue], families: str) -> tuple[str, str] | None:
    """The part another cue of the clause names, for a count of families ("282,000 peasant households
    disappeared in Ukraine"): the region, operation or group first, the families in its detail, so that two
    counts of families are compared only when they count the same part (round 14), else None."""
    parts = [it for it in near if it[2]["scope"] != "whole"]
    if not parts:
        return None
    _first, _, row = min(parts, key=lambda it: abs(it[0] - m.first))
    return row["scope"], f"{row['detail']}: {families}"


def _inside_a_longer(cue: Cue, other: Cue) -> bool:
    """Whether a cue lies inside a longer one: "государственные преступления" inside "контрреволюционные и другие
    особо опасные государственные преступления" (the MVD's whole category) is that one's word."""
    return other[0] <= cue[0] and cue[1] <= other[1] and other[1] - other[0] > cue[1] - cue[0]


def listing_words(data: Resources) -> frozenset[str]:
    """The words after a number that list what it holds (the lexicon's ``including`` rows): a part named after
    them does not narrow it ("Millions ..., including political prisoners").

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> sorted(listing_words(load_resources()))
    ['included', 'includes', 'including', 'включая', 'среди']
    """
    return frozenset(" ".join(phrase_words(r["phrase"])) for r in data.lexicon["including"].rows)


def listing_end(ctx: Context, m: Mention, including: frozenset[str]) -> int:
    """The token after a mention where it starts listing what it holds ("Millions ..., including political
    prisoners"), or the end of the sentence; a bounded look ahead (``CUE_WINDOW`` words)."""
    for i in range(m.last, min(len(ctx.toks), m.last + CUE_WINDOW)):
        if ctx.toks[i].word in including:
            return i
    return len(ctx.toks)


def _families(m: Mention, near: list[Cue]) -> tuple[str, str] | None:
    """The part ``families`` when a word of families or households is the mention's own noun, at most
    ``FAMILY_NOUN`` words after it ("381 026 семей", "150 тыс. кулацких семей", "15,000 families"), else None.

    Examples
    --------
    >>> row = {"scope": FAMILY_PART, "detail": "families or households (not persons)"}
    >>> m = Mention(0, 7, "381 026", 381026.0, 381026.0, first=0, last=1)
    >>> _families(m, [(1, 2, row)]), _families(m, [(5, 6, row)])
    (('families', 'families or households (not persons)'), None)
    """
    own = [
        row
        for first, _, row in near
        if row["scope"] == FAMILY_PART and 0 <= first - m.last <= FAMILY_NOUN
    ]
    return (FAMILY_PART, own[0]["detail"]) if own else None


def another_numbers_families(ctx: Context, m: Mention, cue: str) -> bool:
    """Whether a mention's quantity cue is a word of families that is not its own noun (:func:`_families`), but
    another number's ("381 026 семей, общей численностью 1 803 392 человека") or a noun's ("29,839 members of
    families ... were deported"): it says nothing of what this number counts (a small one counts the members of
    one family, :data:`FAMILY_SIZE`)."""
    if not any(
        row["scope"] == FAMILY_PART and " ".join(t.word for t in ctx.toks[a:b]) == cue
        for a, b, row in ctx.scopes
    ):
        return False
    return _families(m, [it for it in ctx.scopes if in_clause(ctx, m, it)]) is None


def breakdowns(ctx: Context, frames: list[Frame]) -> None:
    """Mark the numbers in brackets that break down a figure before them: parts of it, not of the whole.

    "арестовано 936 750 (за контрреволюционные преступления – 234 301, за
    другие – 157 301)": a number in brackets with no period of its own clause,
    after a larger number of the same quantity and period outside the
    brackets, is a part of that number.  A breakdown by years ("(в том числе в
    1937 г. – 353 074)") has periods of its own and stays as read.
    """
    outside: list[Frame] = []
    for f in frames:
        if not inside(ctx.brackets, f.start - ctx.offset):
            outside.append(f)
            continue
        whole = next(
            (
                g
                for g in outside[-3:]
                if g.quantity == f.quantity and g.period == f.period and g.low > f.high
            ),
            None,
        )
        if whole is not None and f.period_how == "sentence" and f.scope in ("USSR", *OWN_SENTENCE):
            f.scope, f.scope_detail = "breakdown", f"a part of {whole.mention}"
