"""Stage 5, claim frames: the quantity cues near a mention, scored, and the other readings its clause allows.

A cue's priority counts, and so does its distance (two points a word), so that
the number's own noun wins ("35,000 arrests" is arrests even beside "shot"); a
cue in another clause, or another number's, loses points. :func:`scored_cues`
is what :func:`gulagstats.factcheck.frames.quantity` chooses from;
:func:`quantity_readings` keeps the other quantities the number's own clause
allows (a flag must hold under each). Moved out of :mod:`~gulagstats.factcheck.frames`
(round 19), unchanged.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..estimates.vocabulary import QUANTITIES
from .context import Context
from .cues import CUE_WINDOW, cues_near, in_clause
from .frame_quantities import DYING, camps_of_the_relative
from .frame_scopes import listing_end
from .mentions import Mention
from .modality import NEAR
from .resources import Resources

#: How many words from a number a cue may stand to be its own noun ("1,6 миллиона заключенных"), not the next
#: number's ("умерло 2218 человек при среднемесячной численности заключенных 450 174"): whose deaths a word of
#: dying beside it counts (``quantity_rules.csv``'s rows of match ``own_noun``).
OWN_NOUN = 2
#: Points a cue loses for each word between it and the mention (its priority is at most 100).
PENALTY = 2
#: Points a cue loses when it stands nearer a neighbouring mention than this one (it is the neighbour's noun).
NEIGHBOUR = 20
#: Points a cue loses when it names a part the number lists after "including", "включая" (its priority is at
#: most 100, so any cue of its own clause before it wins).
LISTED = 100


def scored_cues(
    ctx: Context, m: Mention, lo: int, hi: int, including: frozenset[str] = frozenset()
):
    """The quantity cues near a mention, each with its score and whether it stands in another clause.

    A cue after the mention loses ``NEIGHBOUR`` points when the mention has a cue of its own clause before
    it and this one is another number's (:func:`_the_next_ones_verb`) or stands among the parts it lists
    ("осужденных ... составило 4 060 306 человек, включая приговоренных к смертной казни": not executions).
    A cue of the mention before loses ``LISTED`` points when this mention has a noun of its own right after it
    ("1.7 million deaths in the Gulag, some 390,000 deaths during the ... forced resettlement": the 390,000 are
    not the Gulag's).
    """
    near = cues_near(
        ctx.cues, m.first, m.last, max(lo, m.first - CUE_WINDOW), min(hi, m.last + CUE_WINDOW)
    )
    own_noun = any(0 <= a - m.last <= OWN_NOUN and in_clause(ctx, m, (a, b, r)) for a, b, r in near)
    own = next(
        (last for first, last, _ in near if first >= m.last), None
    )  # the first cue after it: its verb
    before = any(
        b <= m.first and in_clause(ctx, m, (a, b, r)) for a, b, r in near
    )  # its own cue before it
    listing = listing_end(ctx, m, including) if before and including else len(ctx.toks)
    for first, last, row in near:
        distance = first - m.last if first >= m.last else m.first - last + 2
        score = float(row["priority"] or 0) - PENALTY * max(distance, 0)
        apart = not in_clause(ctx, m, (first, last, row))
        if apart:
            score -= 15
        neighbours = _nearer_the_neighbour(ctx, m, first, last, lo)
        if (
            neighbours
            or _after_its_verb(ctx, own, first)
            or (before and _the_next_ones_verb(ctx, m, first, last, hi))
        ):
            score -= NEIGHBOUR
        if neighbours and own_noun:  # the mention before's noun, and this one has its own
            score -= LISTED
        listed = first > listing  # a part it lists, not what it counts
        yield score - LISTED * listed, apart, first, last, row, listed


def _the_next_ones_verb(ctx: Context, m: Mention, first: int, last: int, hi: int) -> bool:
    """A cue after a mention, past a comma, that stands right before the next number: that number's verb.

    In "арестовано около 7 миллионов человек, расстреляно около 1 миллиона" the 7 million were arrested
    (:func:`scored_cues` asks this only of a mention with a cue of its own clause before it).
    """
    if first < m.last or hi - last > NEAR or hi >= len(ctx.toks):
        return False
    gap = ctx.sentence[ctx.toks[m.last - 1].end - ctx.offset : ctx.toks[first].start - ctx.offset]
    return "," in gap or ";" in gap


def _after_its_verb(ctx: Context, own: int | None, first: int) -> bool:
    """A cue after a mention that a comma and a conjunction part from the mention's first cue after it.

    In "681,692 people were shot, and many died in the camps" "were shot" is the number's verb and
    "died in the camps" says what "many" did.
    """
    if own is None or first < own:
        return False
    gap = ctx.sentence[ctx.toks[own - 1].end - ctx.offset : ctx.toks[first].start - ctx.offset]
    return bool(_NEXT_CLAUSE.search(gap))


#: What opens another clause after a number's verb: a semicolon, or a comma and a conjunction ("were shot, and
#: many died"); a comma alone lists more verbs or nouns of the same number ("were killed, imprisoned or exiled").
_NEXT_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas|а|но|и|тогда как)\b", re.IGNORECASE)


def _nearer_the_neighbour(ctx: Context, m: Mention, first: int, last: int, lo: int) -> bool:
    """A cue between a mention and the mention before it that stands nearer that one, or that a comma
    parts from this one: the neighbour's own noun.

    In "two million died in the camps and 1 million were executed", "died in
    the camps" follows "two million" and is not the noun of "1 million"; in
    "2,369,220 had been sent to camps, 765,180 had been sent into exile" the
    comma closes the first item, and "sent to camps" is not the noun of 765,180.
    """
    if not (last <= m.first and lo > 0):
        return False
    gap = ctx.sentence[ctx.toks[last - 1].end - ctx.offset : m.start - ctx.offset]
    return first - lo < m.first - last or "," in gap


def in_a_period(ctx: Context, first: int) -> bool:
    """Whether the token ``first`` stands inside a period of the sentence ("after Stalin's death in 1953")."""
    at = ctx.toks[first].start - ctx.offset
    i = bisect.bisect_right(ctx.period_starts, at) - 1
    return i >= 0 and ctx.periods[i].start <= at < ctx.periods[i].end


#: The score a cue of the number's own clause needs to be a plausible reading of what it counts.
READING_SCORE = 15


def quantity_readings(
    ctx: Context, m: Mention, lo: int, hi: int, chosen: str, data: Resources | None = None
) -> tuple[str, ...]:
    """The other quantities the cues of a mention's own clause allow, besides the one chosen.

    In "352,560 prisoners were held in 1942, and many died" both "prisoners"
    (a population) and "died" (deaths) are words of its clause: a flag must
    hold under each.
    A word of dying stands for the deaths of any place (a reading the record
    cannot judge), so it is kept as such.  A number read as deaths whose own
    word is one of dying or killing (:func:`_own_death_word`: "600,000 prisoners
    perished", "around four million deaths", "погибло более миллиона") counts
    no population and no persons repressed: only other deaths are its readings.
    With ``data``, the camps a relative clause of place names before the number
    are a place too (:func:`~gulagstats.factcheck.frame_quantities.camps_of_the_relative`).
    """
    places = [
        it
        for it in cues_near(ctx.places, m.first, m.last, m.first - CUE_WINDOW, m.last + CUE_WINDOW)
        if in_clause(ctx, m, it)
    ] or (camps_of_the_relative(ctx, m, data) if data else [])  # "the camps, in which ... died"
    named = [
        (a, b) for a, b, row in places if row["quantity"] == chosen
    ]  # "died in the camps": the camps are where
    cues = list(scored_cues(ctx, m, lo, hi))
    # a cue of the same kind inside the chosen one's words is no other reading: "the population of the Gulag
    # camps" is one phrase; "prisoners" in "352,560 prisoners died" stays one (a population, not deaths)
    inside = [(first, last) for _, _, first, last, row, _ in cues if row["quantity"] == chosen]
    out = []
    only_deaths = is_death(chosen) and _own_death_word(ctx, m, cues, hi)
    for score, apart, first, last, row, _ in cues:
        what = places[0][2]["quantity"] if row["quantity"] == DYING and places else row["quantity"]
        same_kind = record_kind(what) == record_kind(chosen)
        where = any(a < last and first < b for a, b in named) or (
            same_kind and any(a <= first and last <= b for a, b in inside)
        )
        if (
            not apart
            and not where
            and score >= READING_SCORE
            and what != chosen
            and what not in out
            and (is_death(what) or not only_deaths)
        ):
            out.append(what)
    return tuple(out)


def is_death(quantity: str) -> bool:
    """Whether a quantity counts deaths (executions among them).

    >>> is_death("camp_deaths"), is_death("executions"), is_death("camp_population"), is_death("repressed_total")
    (True, True, False, False)
    """
    return quantity == "executions" or quantity.endswith("_deaths")


#: The most words between a number and a word of dying after it that is the number's own verb or noun ("600,000
#: prisoners perished", "as many as 7 million people were killed"), and what parts them: punctuation, a
#: conjunction ("100,000 were shot and 10 million deported": "shot" is not the 10 million's) or a word that opens
#: a relative clause ("7 million prisoners were held in camps where many died": not its verb).
OWN_VERB_GAP = 3
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2013\u2014]|\b(?:and|or|where|who|whom|which|whose|that|when|of|и|или|либо|а|где|кто|которы\w*|когда|из)\b",
    re.IGNORECASE,
)
#: A word of dying that "or" follows names one fate of two ("millions died or were jailed"): not the only one.
_OR_AFTER = re.compile(r"^\W*(?:\w+\W+)?(?:or|или|либо)\b", re.IGNORECASE)


def _own_death_word(ctx: Context, m: Mention, cues: Sequence[tuple], hi: int) -> bool:
    """Whether a word of dying or killing (a cue of deaths, of its own clause) is the number's own: after it, at
    most ``OWN_VERB_GAP`` words away and before the next number, or within ``OWN_NOUN`` words before it ("погибло
    более миллиона"), with no punctuation, conjunction nor relative word between ("7 million were arrested, and
    many died": not its own), and no "or" right after it ("millions died or were jailed": either fate)."""
    for _, apart, first, last, row, _ in cues:
        if apart or not is_death(str(row["quantity"])):
            continue
        if _OR_AFTER.match(ctx.sentence[ctx.toks[last - 1].end - ctx.offset :][:40]):
            continue
        if first >= m.last:
            a, b, words = m.last, first, first - m.last
            if last > hi:
                continue
        elif last <= m.first:
            a, b, words = last, m.first, m.first - last
        else:
            continue
        gap = ctx.sentence[ctx.toks[a - 1].end - ctx.offset : ctx.toks[b].start - ctx.offset]
        reach = OWN_VERB_GAP if first >= m.last else OWN_NOUN
        if words <= reach and not _CLAUSE_BREAK.search(gap):
            return True
    return False


def record_kind(quantity: str) -> str:
    """Flow or stock, as the vocabulary says ("" for a quantity it has no kind for).

    Examples
    --------
    >>> record_kind("camp_deaths"), record_kind("camp_population"), record_kind("deportations")
    ('flow', 'stock', '')
    """
    return QUANTITIES[quantity].kind if quantity in QUANTITIES else ""


#: The fates of the repressed a list may name ("arrested, shot, imprisoned or deported"): a number that a list of
#: three or more of them counts is the repressed, not the fate whose cue is nearest (round 19).
FATES = frozenset(
    {
        "arrests",
        "executions",
        "repressed_total",
        "deportations",
        "sent_to_camps",
        "passed_through_gulag",
        "special_settlers",
        "camp_population",
        "gulag_population",
        "prison_population",
        "custodial_population",
        "prisons_and_camps",
    }
)
#: The fewest fates a list names to count the repressed, and the most words between two of them (a comma among).
LISTED_FATES, FATE_GAP = 3, 3
_EITHER_AND = frozenset(("or", "and", "или", "и", "либо"))


def listed_fates(ctx: Context, m: Mention, lo: int, hi: int) -> bool:
    """Whether the cues of a mention's own clause list three fates or more, each of the repressed, joined by
    commas and a last "and" or "or" ("Millions were arrested, shot, imprisoned or deported"; "арестовано,
    приговорено к лагерным срокам, расстреляно, сослано 50 114 267 человек"); a word of dying among them
    ("shot, starved or died in the camps") makes it no such list."""
    cues = sorted(
        (
            (first, -last, row["quantity"])
            for _, apart, first, last, row, _ in scored_cues(ctx, m, lo, hi)
            if not apart
        )
    )
    near: list[tuple[int, int, str]] = []
    for (
        first,
        last,
        what,
    ) in cues:  # the longest of cues that overlap ("sentenced to death", not "sentenced")
        if not near or first >= near[-1][1]:
            near.append((first, -last, what))
    chain: list[str] = []
    for i, (first, _, what) in enumerate(near):
        if i and _fates_joined(ctx, near[i - 1][1], first):
            chain.append(what)
        else:
            chain = [what]
        if len(chain) >= LISTED_FATES and len(set(chain)) >= LISTED_FATES and set(chain) <= FATES:
            return not any(q.endswith("deaths") for _, _, q in near)
    return False


def _fates_joined(ctx: Context, end: int, first: int) -> bool:
    """Whether the words between two cues (tokens ``end`` to ``first``) join two items of one list: a comma and
    at most ``FATE_GAP`` words, or a lone "and", "or"."""
    if first < end:
        return False
    words = [t.word for t in ctx.toks[end:first]]
    gap = ctx.sentence[ctx.toks[end - 1].end - ctx.offset : ctx.toks[first].start - ctx.offset]
    if ";" in gap or "." in gap:
        return False
    return ("," in gap and len(words) <= FATE_GAP) or (len(words) == 1 and words[0] in _EITHER_AND)
