"""Stage 5, claim frames: what a mention counts, when, where, who says it and how.

For each mention (:mod:`gulagstats.factcheck.mentions`) the words of its
sentence decide:

- **quantity**: the lexicon's cues between the mention and its neighbouring
  mentions; a cue's priority counts, and so does its distance (two points a
  word), so that the number's own noun wins ("35,000 arrests" is arrests even
  beside "shot"); a mention with no cue of its own takes the quantity of the
  mention before it in an enumeration ("..., and 2,000 more in ...");
- **period**: in the mention's clause (``own clause``, ``span``, ``named
  period``, ``relative``), else elsewhere in its sentence (``sentence``),
  else the last period of its paragraph (``context``), each with a confidence;
- **scope**: the scope cues of its clause near it (an operation, a
  nationality, a region, a trial, an institution, a camp, a plan), else the
  whole USSR (:mod:`gulagstats.factcheck.frame_scopes`);
- **modality**: ``stated``, or ``planned``, ``negated``, ``hypothetical``,
  ``spread`` (others' estimates quoted as a range of views);
- **attribution**: the author, or the person quoted or reported.

Every lookup is bounded by a window of words, so a frame costs the same in a
sentence of any length.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from ..estimates.vocabulary import QUANTITIES
from ..periods import match_period
from ..vocabulary import DICTIONARY
from .attribution import attribute
from .context import Context
from .cues import CUE_WINDOW, cues_near, in_clause
from .frame_periods import period, period_readings
from .frame_quantities import DYING, both_fates, reread, what_kind, whose_victims
from .frame_scopes import (
    FAMILY_SIZE,
    another_numbers_families,
    listing_end,
    listing_words,
    scope,
    whole_stated,
)
from .mentions import Mention
from .modality import CEILING, NEAR, modality
from .quantity_rules import (
    deaths_beside,
    deaths_of_own_noun,
    of_part,
    read_as,
)
from .rejections import views
from .resources import Resources

#: How many words from a number a cue may stand to be its own noun ("1,6 миллиона заключенных"), not the next
#: number's ("умерло 2218 человек при среднемесячной численности заключенных 450 174"): whose deaths a word of
#: dying beside it counts (``quantity_rules.csv``'s rows of match ``own_noun``).
OWN_NOUN = 2
#: Points a cue loses for each word between it and the mention (its priority is at most 100).
PENALTY = 2
#: How many words before a number a sum word and the cues it sums are looked for (a bound: linear time).
SUM_REACH = 40
#: Points a cue loses when it stands nearer a neighbouring mention than this one (it is the neighbour's noun).
NEIGHBOUR = 20
#: Points a cue loses when it names a part the number lists after "including", "включая" (its priority is at
#: most 100, so any cue of its own clause before it wins).
LISTED = 100


@dataclass
class Frame:
    """A claim: a mention with its quantity, period, scope, modality, attribution and confidence."""

    file: str
    start: int
    end: int
    mention: str
    low: float
    high: float
    bound: str
    unit: str
    quantity: str
    cue: str
    period: str
    period_how: str
    period_confidence: float
    scope: str
    scope_detail: str
    modality: str
    attribution: str
    confidence: float
    sentence: str
    text_line: int
    language: str = ""
    vague: bool = False
    notes: list[str] = field(default_factory=list)
    #: The other periods the sentence offers, and the other quantities the number's own clause allows
    #: (:mod:`gulagstats.factcheck.readings`: a flag must hold under each), and whether the text
    #: states that the number is of the whole USSR ("throughout the country", "the Soviet government").
    period_readings: tuple[str, ...] = ()
    quantity_readings: tuple[str, ...] = ()
    whole_stated: bool = False
    #: The bodies or categories of crime the number's clause names that the record's floor of a quantity does not
    #: count, as (quantity, words) pairs (its clause's :func:`gulagstats.factcheck.wider_wholes.clause_bodies`).
    other_bodies: tuple[tuple[str, str], ...] = ()


def asked(ctx: Context, data: Resources) -> tuple[str, str] | None:
    """The quantity a question asks for, and its cue: the answer after it counts that ("How many died of
    famine in the 1930s? 6 million", "Сколько человек было расстреляно? 681 692").

    A sentence that ends with "?" and holds a question word (the lexicon's ``question`` rows) asks for
    the quantity of its highest-ranked cue outside its periods; any other sentence asks for nothing.
    """
    if not ctx.sentence.rstrip().endswith("?") or not data.lexicon["question"].phrases.find(
        ctx.toks
    ):
        return None
    cues = [
        (float(row["priority"] or 0), first, last, row)
        for first, last, row in ctx.cues
        if not _in_a_period(ctx, first)
    ]
    if not cues:
        return None
    _, first, last, row = max(cues, key=lambda c: c[0])
    return row["quantity"], " ".join(t.word for t in ctx.toks[first:last])


#: How many words may stand before the number that answers a question ("A: At least 13 million").
ANSWER_WORDS = 4


def answer(
    question: tuple[str, str] | None, sentence: str, mentions: list[Mention]
) -> tuple[str, str] | None:
    """What the first number of a sentence counts when it answers the question before it, else None.

    An answer is no question itself and starts with its number (at most ``ANSWER_WORDS`` words before
    it): "How many died in the 1923 famine? At least 13 million", not "... a historian thought that
    no more than 300 thousand families (of 4 persons) ...".

    >>> from gulagstats.factcheck.mentions import Mention
    >>> m = Mention(9, 19, "13 million", 13e6, 13e6, hedge="At least", first=2, last=4)
    >>> answer(("famine_deaths", "famine"), "At least 13 million", [m]), answer(None, "At least 13 million", [m])
    (('famine_deaths', 'famine'), None)
    """
    if (
        question is None
        or not mentions
        or sentence.rstrip().endswith("?")
        or mentions[0].first > ANSWER_WORDS
    ):
        return None
    return question


def _scored_cues(
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
    (:func:`_scored_cues` asks this only of a mention with a cue of its own clause before it).
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


def quantity(
    ctx: Context,
    m: Mention,
    lo: int,
    hi: int,
    data: Resources,
    including: frozenset[str] = frozenset(),
) -> tuple[str, str, float]:
    """The quantity of a mention, its cue, and a confidence (0 without a cue).

    ``lo`` and ``hi`` bound the tokens searched (the neighbouring mentions); ``data`` gives the rules of
    whose deaths a word of dying counts (``quantity_rules.csv``); ``including`` are the words that list what
    a number holds (:func:`~gulagstats.factcheck.frame_scopes.listing_words`).
    """
    best: tuple[float, str, str] = (0.0, "", "")
    score_best = -1e9
    kinds: set[tuple[str, bool]] = set()  # the quantities of the cues near it, each: in another clause?
    noun = ""  # a word of dying right after the number: its own noun ("1.7 million deaths occurred in the Gulag")
    nouns: set[str] = set()  # the quantities of the cues right beside the number: who it counts
    for score, apart, first, last, row, listed in _scored_cues(ctx, m, lo, hi, including):
        if not _in_a_period(ctx, first):  # "после смерти Сталина" dates; it does not say who died
            # a part it lists says of what kind it is ("deaths ... 950,000 to 1.2 million, which includes deaths in detention")
            kinds.add((row["quantity"], apart or score + LISTED * listed < READING_SCORE))
        if row["quantity"] == DYING and first == m.last and not apart:
            noun = " ".join(t.word for t in ctx.toks[first:last])
        if not apart and (0 <= first - m.last <= OWN_NOUN or 0 <= m.first - last <= OWN_NOUN):
            nouns.add(
                row["quantity"]
            )  # "1,6 миллиона заключенных ... погибли": the number's own noun, not the next number's
        if score > score_best:
            score_best = score
            cue = " ".join(t.word for t in ctx.toks[first:last])
            confidence = (
                0.95
                if score >= 45
                else 0.8
                if score >= 30
                else 0.6
                if score >= 15 and not apart
                else 0.45
            )
            best = (confidence, row["quantity"], cue)
    return _whose_deaths(ctx, m, best, (kinds, nouns, noun), data)


def _whose_deaths(
    ctx: Context,
    m: Mention,
    best: tuple[float, str, str],
    beside: tuple[set[tuple[str, bool]], set[str], str],
    data: Resources,
) -> tuple[str, str, float]:
    """The quantity, cue and confidence of a mention from its best cue (confidence, quantity, cue) and the
    cues beside it: whose deaths a word of dying counts, or a total of several quantities.

    ``beside`` holds the quantities of the cues near it (each with whether it stands in another clause),
    the quantities of the cues right beside the number, and a word of dying right after it (its own noun).
    """
    kinds, nouns, noun = beside
    if noun and _kind(best[1]) == "stock":  # "deaths ... in the Gulag": a population cue's place, not its count
        best = (best[0], DYING, noun)
    if best[1] and _a_total_of_several(ctx, m):  # "... and 1 million were executed: ten million in all"
        return best[1], best[2], min(best[0], 0.5)
    if (
        deaths := deaths_beside(data, best[1], kinds)
    ) is not None:  # "390,000 deaths during the forced resettlement"
        return deaths, best[2], best[0]
    if (
        best[1] == DYING
    ):  # "died ... in the camps", "в лагерях ГУЛАГа умерло": the deaths of that place
        places = [
            it
            for it in cues_near(
                ctx.places, m.first, m.last, m.first - CUE_WINDOW, m.last + CUE_WINDOW
            )
            if in_clause(ctx, m, it)
        ]
        places = places or _the_place_before(ctx, m)
        if places:
            return places[0][2]["quantity"], best[2], best[0]
    if (
        deaths := deaths_of_own_noun(data, best[1], kinds, nouns)
    ) is not None:  # "1,6 миллиона заключенных ... погибли"
        return deaths, best[2], best[0]
    return best[1], best[2], best[0]


#: Words that join two cues as alternatives of one count ("executed or died in labor camps", "расстреляны или умерли").
EITHER = frozenset(("or", "или", "либо"))
#: Words that join two cues as both fates of one count ("arrested and executed", "арестованы и осуждены"), when
#: nothing else stands between them.
BOTH = frozenset(("and", "и"))


def _alternatives(
    ctx: Context, m: Mention, lo: int, hi: int, words: frozenset[str] = EITHER
) -> set[tuple[str, str]]:
    """The pairs of quantities of the mention's own clause whose cues a word "or" joins, in their order.

    In "thousands had been executed by Stalin's government or died in the labor camps" the number
    counts either: a pair (executions, regime_deaths). Only the cues near it (``_scored_cues``) are looked at.
    With ``words`` :data:`BOTH`, the pairs a lone "and" joins ("arrested and executed", not "arrested and
    either shot or ...").
    """
    near = [
        (first, last, row["quantity"])
        for _, apart, first, last, row, _ in _scored_cues(ctx, m, lo, hi)
        if not apart
    ]
    out = set()
    for (_, a1, qa), (b0, _, qb) in itertools.pairwise(near):
        between = [t.word for t in ctx.toks[a1:b0]]
        joined = (
            (len(between) == 1 and between[0] in words) if words == BOTH else set(between) & words
        )
        if qa != qb and joined:
            out.add((qa, qb))
    return out


def _in_a_period(ctx: Context, first: int) -> bool:
    """Whether the token ``first`` stands inside a period of the sentence ("after Stalin's death in 1953")."""
    at = ctx.toks[first].start - ctx.offset
    i = bisect.bisect_right(ctx.period_starts, at) - 1
    return i >= 0 and ctx.periods[i].start <= at < ctx.periods[i].end


def _the_place_before(ctx: Context, m: Mention) -> list[tuple[int, int, dict[str, str]]]:
    """A camp the sentence names before a mention, when it names no other place of custody.

    In "Воркуто-Печорский ИТЛ — 25 827, умерло — 3144" the camp is named in the clause
    before the word of dying: the deaths are that camp's. The Gulag named there is an
    office more often than a place ("в спецсообщении на оперативный отдел ГУЛАГа ...,
    что в ... отделении умерло 238"), and two kinds of place ("в лагерях и тюрьмах") say
    no one place: both give none.
    """
    before = cues_near(ctx.places, m.first, m.last, 0, m.first)
    kinds = {row["quantity"] for _, _, row in before}
    return before[:1] if kinds == {"camp_deaths"} else []


#: The score a cue of the number's own clause needs to be a plausible reading of what it counts.
READING_SCORE = 15


def quantity_readings(ctx: Context, m: Mention, lo: int, hi: int, chosen: str) -> tuple[str, ...]:
    """The other quantities the cues of a mention's own clause allow, besides the one chosen.

    In "352,560 prisoners died in 1942" both "prisoners" (a population) and
    "died" (deaths) are the number's own words: a flag must hold under each.
    A word of dying stands for the deaths of any place (a reading the record
    cannot judge), so it is kept as such.
    """
    places = [
        it
        for it in cues_near(ctx.places, m.first, m.last, m.first - CUE_WINDOW, m.last + CUE_WINDOW)
        if in_clause(ctx, m, it)
    ]
    named = [
        (a, b) for a, b, row in places if row["quantity"] == chosen
    ]  # "died in the camps": the camps are where
    cues = list(_scored_cues(ctx, m, lo, hi))
    # a cue of the same kind inside the chosen one's words is no other reading: "the population of the Gulag
    # camps" is one phrase; "prisoners" in "352,560 prisoners died" stays one (a population, not deaths)
    inside = [(first, last) for _, _, first, last, row, _ in cues if row["quantity"] == chosen]
    out = []
    for score, apart, first, last, row, _ in cues:
        what = places[0][2]["quantity"] if row["quantity"] == DYING and places else row["quantity"]
        same_kind = _kind(what) == _kind(chosen)
        where = any(a < last and first < b for a, b in named) or (
            same_kind and any(a <= first and last <= b for a, b in inside)
        )
        if (
            not apart
            and not where
            and score >= READING_SCORE
            and what != chosen
            and what not in out
        ):
            out.append(what)
    return tuple(out)


def _kind(quantity: str) -> str:
    """Flow or stock, as the vocabulary says ("" for a quantity it has no kind for)."""
    return QUANTITIES[quantity].kind if quantity in QUANTITIES else ""


def quantity_kind(quantity: str) -> str:
    """Flow or stock of a quantity, also of one the record has no series for.

    The data dictionary's definition of a quantity outside the record's says
    which it is ("stock: persons held on a day ..."); any other is a flow.

    Examples
    --------
    >>> quantity_kind("camp_population"), quantity_kind("prisons_and_camps"), quantity_kind("deportations")
    ('stock', 'stock', 'flow')
    """
    if quantity in QUANTITIES:
        return QUANTITIES[quantity].kind
    row = DICTIONARY["quantity"].get(quantity, {})
    return "stock" if row.get("definition", "").startswith("stock:") else "flow"


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


def _a_total_of_several(ctx: Context, m: Mention) -> bool:
    """A number that sums several quantities: a sum word near it, and cues of two quantities before it.

    "two million died in the camps and 1 million were executed: ten million in all";
    "вместе с умершими ... и расстрелянными ..., количество жертв составило около 1 млн".
    """
    if not cues_near(ctx.sums, m.first, m.last, m.first - SUM_REACH, m.last + NEAR):
        return False
    before = {
        row["quantity"]
        for first, _, row in cues_near(ctx.cues, m.first, m.last, m.first - SUM_REACH, m.first)
    }
    return len(before) >= 2


def _an_average(ctx: Context, m: Mention, neighbours: tuple[int, int], data: Resources) -> bool:
    """Whether a word of an average stands in the mention's clause before it, after the mention before it
    ("при среднемесячной численности заключенных 450 174", "an average of 1,000 a day"): a count averaged over
    a span is read over the span, not on its first day (the lexicon's ``average`` rows)."""
    lo = max(neighbours[0], m.first - CUE_WINDOW)
    table = data.lexicon["average"]
    return any(
        in_clause(ctx, m, (lo + x.first, lo + x.last, {}))
        for x in table.phrases.find(ctx.toks[lo : m.first])
    )


def frame(
    ctx: Context,
    m: Mention,
    neighbours: tuple[int, int],
    last_period: str,
    carry: tuple[str, str] | None,
    paragraph: tuple[str, int],
    file: str,
    line: int,
    data: Resources,
    before: tuple[str, str] | None = None,
    enumerated: bool = True,
) -> Frame | None:
    """The claim frame of one mention, or None when nothing says what it counts; ``enumerated=False``: ``carry``
    is the caller's own reading (a count of people, an estimate), not an enumeration's, and gets no note."""
    including = listing_words(data)
    read = _quantity_and_period(ctx, m, neighbours, last_period, carry, data, (including, enumerated))
    if read is None:
        return None
    what, cue, confidence, notes, kind, (when, how, when_confidence) = read
    part, detail = scope(ctx, m, before, neighbours[1], including)
    what, part, detail, of_a_part = of_part(data, what, part, detail)  # "69,000 prisoners ... in Norillag"
    what = what_kind(ctx, m, what, data, notes)  # "(4,2 %)" of the dead: a rate; "over its history": ever held
    named = what  # "in prisons and camps": judged as all in custody, a flag also as the Gulag
    what, also = read_as(data, what, notes)
    others = [q for q in quantity_readings(ctx, m, *neighbours, what) if q != named]
    notes += of_a_part
    mood, bound = _mood(ctx, m, neighbours[0], notes)
    text, start = paragraph
    who = attribute(text, m.start - start, ctx.offset - start)
    what, who = views(ctx, m, (what, who, neighbours[0]), data, notes)  # "якобы 50–60 млн. жертв советского режима"
    if m.vague:
        confidence -= 0.1
    return Frame(
        file,
        m.start,
        m.end,
        f"{m.hedge} {m.text}".strip(),
        m.low,
        m.high,
        bound,
        m.unit,
        what,
        cue,
        when,
        how,
        when_confidence,
        part,
        detail,
        mood,
        who,
        round(max(0.05, confidence), 2),
        ctx.sentence,
        line,
        vague=m.vague,
        notes=notes,
        period_readings=period_readings(ctx, m, kind, when, how) if how != "context" else (),
        quantity_readings=(*others, *also),
        whole_stated=part == "USSR" and whole_stated(ctx, m),
        other_bodies=ctx.bodies.at(m.start - ctx.offset),
    )


def _quantity_and_period(
    ctx: Context,
    m: Mention,
    neighbours: tuple[int, int],
    last_period: str,
    carry: tuple[str, str] | None,
    data: Resources,
    listing: tuple[frozenset[str], bool],
) -> tuple[str, str, float, list[str], str, tuple[str, str, float]] | None:
    """What a mention counts (its quantity, cue, confidence, the notes on how it was read, flow or stock) and
    its period (when, how found, confidence), or None when nothing says what it counts.

    A mention with no cue of its own takes the quantity carried along its enumeration; a word of killing or
    two cues joined by "or" are read again once the period is known (:func:`~gulagstats.factcheck.frame_quantities.reread`).
    """
    including, enumerated = listing  # the listing words; whether a carry is noted
    what, cue, confidence = quantity(ctx, m, *neighbours, data, including)
    if what and another_numbers_families(ctx, m, cue):  # "381 026 семей, ... 1 803 392 человека"
        if m.high < FAMILY_SIZE:
            return None  # "(в среднем из 4 человек)": the members of one family
        what = ""
    notes: list[str] = []
    if not what and carry is not None:
        what, cue = carry
        confidence = 0.7
        notes += [f"quantity carried from the enumeration ({cue})"] if enumerated else []
    if not what:
        return None
    kind = quantity_kind(what)
    nxt = ctx.toks[neighbours[1]].start - ctx.offset if neighbours[1] < len(ctx.toks) else 10**12
    when, how, when_confidence = period(
        ctx, m, last_period, kind == "flow" or _an_average(ctx, m, neighbours, data), nxt
    )
    when = match_period(when, kind)  # a count "at the end of 1938" is the count of 1 January 1939
    what = reread(
        ctx, m, what, cue, when, _alternatives(ctx, m, *neighbours), neighbours, data, notes
    )
    what, confidence = both_fates(  # "arrested and executed": one number for two fates
        data, what, cue, _alternatives(ctx, m, *neighbours, BOTH), confidence, notes
    )
    # "were shot ..., which claimed N victims": the shot
    what = whose_victims(ctx, m, what, cue, neighbours[0], data, notes)
    return what, cue, confidence, notes, kind, (when, how, when_confidence)


def _mood(ctx: Context, m: Mention, lo: int, notes: list[str]) -> tuple[str, str]:
    """The modality of a mention and its bound: a floor denied ("не менее ... не было") is a ceiling, stated.

    The notes say which words gave a modality other than ``stated``.
    """
    mood, words = modality(ctx, m, lo)
    bound = m.bound
    if mood == CEILING:
        mood, bound = "stated", "high"
        notes.append(f"a floor denied ({words} ... {m.hedge}): at most")
    elif mood != "stated":
        notes.append(f"{mood}: {words}")
    return mood, bound
