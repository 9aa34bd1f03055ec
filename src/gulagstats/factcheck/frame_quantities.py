"""Stage 5, claim frames: a quantity read again once its period and its clause are known.

A word of killing over an era, or in the purges, or of millions counts the
regime's deaths, not its shootings; two cues joined by "or" count either
(``quantity_rules.csv``'s rows of match ``either``: "executed or died in the
camps" are deaths in custody, "executed or sent to labor camps" the
repressed); words that leave the
colonies out narrow a count of the Gulag (rows of match ``excluding``).
Every lookup is bounded by a window of words (:mod:`gulagstats.factcheck.frames`).
"""

from __future__ import annotations

import re

from .context import Context
from .cues import CUE_WINDOW, cues_near, in_clause
from .mentions import Mention
from .phrases import tokens
from .quantity_rules import (
    both_of,
    either_of,
    ever_held,
    excluding,
    killing_threshold,
    of_unit,
    victims_of,
)
from .resources import Resources

#: The quantity of a word of dying with no place: a place of custody near it names the deaths there.
DYING = "regime_deaths"
#: The deaths at the regime's hands in custody or in the purges (the labelling guide: "killed in the Great Purge").
CUSTODIAL_DEATHS = "custodial_deaths"
#: What the lexicon's ``excluding`` rows leave out of a count: the ``part`` of ``quantity_rules.csv``'s rows of match
#: ``excluding``.
COLONIES = "the colonies"

#: The most confidence a number keeps when two fates joined by "and" leave unclear which it counts (under
#: :data:`gulagstats.factcheck.judgment.JUDGING_CONFIDENCE`: not judged).
BOTH_UNCLEAR = 0.5

#: A cue of executions below this priority is a word of killing ("killed", "murdered", "убит*"), not of shooting.
KILLING_PRIORITY = 50
#: How a note names the place of custody of a killing, by the deaths the place row reads.
_PLACE_WORDS = {
    "custodial_deaths": "in the purges or in custody",
    "camp_deaths": "in the camps",
    "gulag_deaths": "in the Gulag",
}
#: How many words a place of custody may stand from a word of killing to be where the killing was.
PLACE_REACH = 5
#: A period of at least this many years is an era: killings over it are the regime's deaths (labelling guide).
ERA_YEARS = 5


def what_kind(ctx: Context, m: Mention, what: str, data: Resources, notes: list[str]) -> str:
    """The quantity of a number read as ``what`` once its unit and its clause's words of time are weighed.

    A share of the dead is a mortality rate (:func:`~gulagstats.factcheck.quantity_rules.of_unit`); a stock
    whose clause says "at some time", "over its history", "за всю историю" (the lexicon's ``ever`` rows, within
    ``CUE_WINDOW`` words) counts those ever held, not those held on a day
    (:func:`~gulagstats.factcheck.quantity_rules.ever_held`): "Over 1,000,000 inmates served in total in Karlag
    over its history".  Each change is noted.
    """
    what = of_unit(data, what, m.unit, notes)
    lo, hi = max(0, m.first - CUE_WINDOW), min(len(ctx.toks), m.last + CUE_WINDOW)
    table = data.lexicon["ever"]
    said = {
        "ever"
        for x in table.phrases.find(ctx.toks[lo:hi])
        if in_clause(ctx, m, (lo + x.first, lo + x.last, {}))
    }
    held, kind = ever_held(data, what, said)
    if kind:
        notes.append(f"{what} {kind} held: {held}")
    return held


def whose_victims(
    ctx: Context, m: Mention, what: str, cue: str, lo: int, data: Resources, notes: list[str]
) -> str:
    """The quantity of a number read as ``what`` by a word of victims (the lexicon's ``victims`` rows): what the
    story before it in its sentence says befell them, where its every quantity cue tells one fate
    (:func:`~gulagstats.factcheck.quantity_rules.victims_of`); else ``what``.

    "Both were shot in the course of Stalin's Great Terror of 1937 and 1938, which claimed 700,000 victims": the
    shot.  A number before it in the sentence (``lo``, the token after it, above 0: the cues after that number are
    its own), a cue after it, a word of killing rather than of shooting ("murdered", a cue of executions ranked
    under ``KILLING_PRIORITY``), or another fate beside the shooting ("were shot or sent to the camps") leaves it
    as read.  The change is noted.
    """
    if lo > 0 or not data.lexicon["victims"].phrases.find(tokens(cue)):
        return what  # a number before it: the cues after that number are its own
    told = {
        row["quantity"]
        if float(row["priority"] or 0) >= KILLING_PRIORITY
        else f"killed:{row['quantity']}"
        for first, _, row in ctx.cues
        if first < m.first and row["quantity"] != what
    }
    becomes = victims_of(data, what, told)
    if becomes is None:
        return what
    notes.append(f"'{cue}' of a story of {', '.join(sorted(told))}: {becomes}")
    return becomes


def _a_word_of_killing(ctx: Context, m: Mention, cue: str) -> bool:
    """Whether the cue read is a word of killing: a cue of executions the lexicon ranks low.

    Only the cues within ``CUE_WINDOW`` words of the mention are looked at (where its cue was found), so
    the cost does not grow with the sentence.
    """
    return any(
        row["quantity"] == "executions"
        and float(row["priority"] or 0) < KILLING_PRIORITY
        and " ".join(t.word for t in ctx.toks[first:last]) == cue
        for first, last, row in cues_near(
            ctx.cues, m.first, m.last, m.first - CUE_WINDOW, m.last + CUE_WINDOW
        )
    )


def _over_an_era(when: str) -> bool:
    """Whether a period spans an era (``ERA_YEARS`` or more): "between 1924-53", "Stalin's rule".

    >>> _over_an_era("1924/1953"), _over_an_era("1937/1938"), _over_an_era("1941-06-22/1945-05-09"), _over_an_era("")
    (True, False, False, False)
    """
    ends = when.split("/")
    return len(ends) == 2 and all(ends) and int(ends[1][:4]) - int(ends[0][:4]) >= ERA_YEARS


def place_beside(ctx: Context, m: Mention, cue: str) -> str:
    """The deaths of a place row (the lexicon's ``place`` rows) in the mention's clause, at most ``PLACE_REACH``
    words from its cue ("killed in the purges": custodial_deaths; "were killed in the camps", "в лагерях были
    убиты": camp_deaths), else "" ("killings ..., plus a like number disappeared into the Gulag": not the
    killings' place)."""
    lo, hi = m.first - CUE_WINDOW, m.last + CUE_WINDOW
    said = [
        (first, last)
        for first, last, _ in cues_near(ctx.cues, m.first, m.last, lo, hi)
        if " ".join(t.word for t in ctx.toks[first:last]) == cue
    ]
    return next(
        (
            row["quantity"]
            for a, b, row in cues_near(ctx.places, m.first, m.last, lo, hi)
            if in_clause(ctx, m, (a, b, row))
            and any(a - last <= PLACE_REACH and first - b <= PLACE_REACH for first, last in said)
        ),
        "",
    )


def _colonies_left_out(
    ctx: Context, m: Mention, neighbours: tuple[int, int], data: Resources
) -> set[str]:
    """:data:`COLONIES`, in a set, when words near a mention leave the colonies out of its count (the lexicon's ``excluding``
    rows: "not including labor colonies", "без учета колоний"), between its neighbouring mentions and within
    ``CUE_WINDOW`` words; else an empty set."""
    lo, hi = max(neighbours[0], m.first - CUE_WINDOW), min(neighbours[1], m.last + CUE_WINDOW)
    return {COLONIES} if data.lexicon["excluding"].phrases.find(ctx.toks[lo:hi]) else set()


def reread(
    ctx: Context,
    m: Mention,
    what: str,
    cue: str,
    when: str,
    alternatives: set[tuple[str, str]],
    neighbours: tuple[int, int],
    data: Resources,
    notes: list[str],
) -> str:
    """The quantity of a mention read again with its period: a word of killing, cues joined by "or", the
    colonies left out; each change is noted in ``notes``.

    ``alternatives`` are the pairs of quantities of its own clause that "or" joins, ``neighbours`` the
    tokens of the mentions before and after it.
    """
    if (
        what == "executions"
        and (place := place_beside(ctx, m, cue))
        and _a_word_of_killing(ctx, m, cue)
    ):
        # "7 million were killed during the Great Purge": its deaths, not only its shootings; "millions were
        # killed in the camps": the camps' deaths (round 19), not the regime's
        what = place
        notes.append(
            f"'{cue}' {_PLACE_WORDS.get(place, 'in custody')}: deaths at the regime's hands there, not only executions"
        )
    elif what == "executions" and _over_an_era(when) and _a_word_of_killing(ctx, m, cue):
        what = DYING  # "50 million killed between 1924-53": the regime's deaths, not its shootings
        notes.append(f"'{cue}' over {when}: the deaths of an era, not its executions")
    elif m.low >= (killing := killing_threshold(data, what))[0] and _a_word_of_killing(ctx, m, cue):
        what = killing[1]  # "they say he killed 20, 30, 40 million people": the regime's deaths
        notes.append(f"'{cue}' of millions: the regime's deaths, not its executions")
    if (joined := either_of(data, what, alternatives)) is not None:
        what = joined  # "executed ... or died in the labor camps": deaths in custody
        # "executed or sent to camps": another fate, the repressed
        other = "a word of dying" if what.endswith("deaths") else "another fate"
        notes.append(f"'{cue}' or {other}: {what}")
    # "died in the Gulag (not including labor colonies)"
    if (
        narrowed := excluding(data, what, _colonies_left_out(ctx, m, neighbours, data))
    ) is not None:
        notes.append(f"'{cue}' without the colonies: {narrowed}")
        what = narrowed
    return what


def both_fates(
    data: Resources,
    what: str,
    cue: str,
    pairs: set[tuple[str, str]],
    confidence: float,
    notes: list[str],
) -> tuple[str, float]:
    """The quantity and confidence of a number whose clause joins two fates by a lone "and" (``pairs``).

    ``quantity_rules.csv``'s rows of match ``both`` say what such a number counts; an empty ``becomes``
    leaves it unclear ("millions were arrested and executed": the arrested or the shot; "арестованы и
    осуждены": the arrested or the sentenced), so its confidence drops to :data:`BOTH_UNCLEAR`. Each
    change is noted.

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> notes = []
    >>> both_fates(load_resources(), "executions", "executed", {("arrests", "executions")}, 0.95, notes)
    ('executions', 0.5)
    >>> both_fates(load_resources(), "executions", "executed", set(), 0.95, [])
    ('executions', 0.95)
    """
    joined = both_of(data, what, pairs)
    if joined is None:
        return what, confidence
    if not joined:
        notes.append(f"'{cue}' and another fate: which of the two it counts is unclear")
        return what, min(confidence, BOTH_UNCLEAR)
    notes.append(f"'{cue}' and another fate: {joined}")
    return joined, confidence


#: The words that open a relative clause of place after a noun ("the camps, in which ...", "the camps where ...",
#: "лагеря, где ...", "лагеря, в которых ..."): the noun before them is where the clause's deaths were.
RELATIVES_OF_PLACE = (
    ("in", "which"),
    ("where",),
    ("где",),
    ("в", "которых"),
)
#: A single camp (the lexicon's ``custody_place`` rows "camp", "ITL" and the singular forms ``лагер*`` matches): one
#: camp is a part, and its deaths are not all the camps' ("the camp, where ...", "лагерь, где погибло ...").
_ONE_CAMP = frozenset(("camp", "itl", "лагерь", "лагере", "лагерем", "лагерю", "итл"))
#: The custody place of the camps and what their deaths are.
_CAMPS, _CAMP_DEATHS = "camp_population", "camp_deaths"


def camps_of_the_relative(
    ctx: Context, m: Mention, data: Resources
) -> list[tuple[int, int, dict[str, str]]]:
    """The camps a relative clause of place names before a number ("the camps, in which nearly 2 million died",
    "лагеря, где погибло более миллиона"): the place of those deaths, as a place row of camp deaths, or none.

    The relative words stand right before the number, or one word (its verb) before it; the noun right before
    them is camps, plural, and the words before it name no other place of custody ("prisons and camps, where":
    two places, no one place); a single camp is a part ("the camp, where 500 died": none).

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> from gulagstats.factcheck.run import check_text
    >>> [f.quantity for f in check_text("In 1930-1953 the camps in which nearly 2 million died grew.").frames]
    ['camp_deaths']
    """
    table = data.lexicon["custody_place"]
    for words in RELATIVES_OF_PLACE:
        for end in (m.first, m.first - 1):
            start = end - len(words)
            if start < 1 or tuple(t.word for t in ctx.toks[start:end]) != words:
                continue
            lo = max(0, start - 3)
            found = table.phrases.find(ctx.toks[lo:start])
            kinds = {table.rows[x.row]["quantity"] for x in found}
            last = [x for x in found if lo + x.last == start]
            word = ctx.toks[start - 1].word
            if last and kinds == {_CAMPS} and word not in _ONE_CAMP:
                return [(lo + last[0].first, start, {"quantity": _CAMP_DEATHS})]
    return []


#: How a period carried from before was found (:mod:`~gulagstats.factcheck.frame_periods`): the context of the text,
#: or a phrase pointing back ("during this period").
CARRIED_HOWS = frozenset(("context", "relative"))
#: The last sentence of a text before a sentence: after the last sentence end.
_SENTENCE_END = re.compile(r"[.!?]\s+")


def killed_in_the_purge_before(
    ctx: Context,
    m: Mention,
    read: tuple[str, str, str],
    line: tuple[str, int],
    data: Resources,
    notes: list[str],
) -> str:
    """The quantity of a mention read as ``read`` (quantity, cue, how its period was found), once the sentence
    before it on its line is weighed: a word of killing whose period is carried from a sentence that names the
    purges ("Stalin created the Great Purge. Millions of people were killed during this time.") counts the deaths
    in the purges, as "killed during the Great Purge" does (custodial deaths), not executions nor the regime's
    deaths.

    The purges are named by a phrase that is both a place of custody of those deaths (the lexicon's ``place``
    rows of custodial deaths) and a named period (periods.csv): "the Great Purge", "the Great Terror", not "in
    prison". A place beside the killing, a word of shooting ("were shot during this time"), a period of the
    sentence's own, another event named before ("Collectivisation began. Millions were killed") or a word of
    shooting in the sentence before ("the Great Purge, when 1,000 were executed a day. 750,000 were killed": the
    killing goes on with the shooting) leave it.

    Examples
    --------
    >>> from gulagstats.factcheck.run import check_text
    >>> text = "Stalin created the Great Purge. Millions of people were killed during this time."
    >>> [f.quantity for f in check_text(text).frames]
    ['custodial_deaths']
    """
    what, cue, how = read
    if (
        how not in CARRIED_HOWS
        or what not in ("executions", DYING)
        or not _a_word_of_killing(ctx, m, cue)
    ):
        return what
    if place_beside(ctx, m, cue):
        return what
    text, start = line
    before = text[: max(0, ctx.offset - start)].strip()
    previous = _SENTENCE_END.split(before)[-1] if before else ""
    toks = tokens(previous)
    places, periods = data.lexicon["place"], data.periods
    named = {" ".join(t.word for t in toks[x.first : x.last]) for x in periods.phrases.find(toks)}
    if not any(
        places.rows[x.row]["quantity"] == CUSTODIAL_DEATHS
        and " ".join(t.word for t in toks[x.first : x.last]) in named
        for x in places.phrases.find(toks)
    ):
        return what
    cues = data.lexicon["quantity"]
    if any(  # "... the Great Purge, when 1,000 people were executed every day. Some 750,000 were killed": the shot
        cues.rows[x.row]["quantity"] == "executions"
        and float(cues.rows[x.row]["priority"] or 0) >= KILLING_PRIORITY
        for x in cues.phrases.find(toks)
    ):
        return what
    notes.append(
        f"'{cue}' in the purges named in the sentence before: deaths at the regime's hands in them"
    )
    return CUSTODIAL_DEATHS
