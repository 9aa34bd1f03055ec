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

import itertools
from dataclasses import dataclass, field

from ..estimates.vocabulary import QUANTITIES
from ..periods import match_period
from ..vocabulary import DICTIONARY
from .attribution import attribute
from .context import Context
from .cue_scores import (
    FATES,
    LISTED,
    OWN_NOUN,
    READING_SCORE,
    in_a_period,
    listed_fates,
    quantity_readings,
    record_kind,
    scored_cues,
)
from .cues import CUE_WINDOW, cues_near, in_clause
from .frame_periods import period, period_readings
from .frame_quantities import (
    DYING,
    both_fates,
    camps_of_the_relative,
    killed_in_the_purge_before,
    reread,
    what_kind,
    whose_victims,
)
from .frame_scopes import (
    FAMILY_SIZE,
    another_numbers_families,
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

#: How many words before a number a sum word and the cues it sums are looked for (a bound: linear time).
SUM_REACH = 40


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
        if not in_a_period(ctx, first)
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
    for score, apart, first, last, row, listed in scored_cues(ctx, m, lo, hi, including):
        if not in_a_period(ctx, first):  # "после смерти Сталина" dates; it does not say who died
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
    if noun and record_kind(best[1]) == "stock":  # "deaths ... in the Gulag": a population cue's place, not its count
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
        places = places or camps_of_the_relative(ctx, m, data) or _the_place_before(ctx, m)
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
    counts either: a pair (executions, regime_deaths). Only the cues near it (``scored_cues``) are looked at.
    With ``words`` :data:`BOTH`, the pairs a lone "and" joins ("arrested and executed", not "arrested and
    either shot or ...").
    """
    near = [
        (first, last, row["quantity"])
        for _, apart, first, last, row, _ in scored_cues(ctx, m, lo, hi)
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
    what = killed_in_the_purge_before(ctx, m, (what, cue, how), paragraph, data, notes)  # "... this time"
    part, detail = scope(ctx, m, before, neighbours[1], including)
    what, part, detail, of_a_part = of_part(data, what, part, detail)  # "69,000 prisoners ... in Norillag"
    what = what_kind(ctx, m, what, data, notes)  # "(4,2 %)" of the dead: a rate; "over its history": ever held
    named = what  # "in prisons and camps": judged as all in custody, a flag also as the Gulag
    what, also = read_as(data, what, notes)
    others = [q for q in quantity_readings(ctx, m, *neighbours, what, data) if q != named]
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
    if what in FATES and what != "repressed_total" and listed_fates(ctx, m, *neighbours):
        notes.append(f"'{cue}' among a list of fates: the repressed")  # "arrested, shot, imprisoned or deported"
        what = "repressed_total"
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
