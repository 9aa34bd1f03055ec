"""Counts of people with no word of what befell them: found and shown, never judged.

"Миллионы людей", "тысяч людей", "millions of people", "Over 18,000 women
spent some time in the camp": the labelled set counts such numbers as claims
(what befell the people is in a word the lexicon lacks, or in another
sentence), and a reader wants them listed.  A vague word, or a number of a
thousand or more, with a word of people right after it (or after its "of")
becomes a claim frame read as the repressed with a confidence under the
judging threshold, so it is listed with the reason "what the number counts is
unclear" and never judged.

A large number nothing says the count of (no cue, no word of people) in a
spread of others' estimates ("casualty estimates varying widely from 6 million
... to 61 million"; or the sentence right after "Estimates vary widely.") or
in a question ("Was it 10 million? 20 million?") is listed the same way, with
modality ``spread`` (:func:`estimate_only`, :func:`estimated`).

When the verb of its clause stands further on, past the cue window ("29,839
members of families of ... from the Moldavian SSR ... were deported"), that
verb says what the count is (:func:`predicate`), still under the threshold.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .context import Context
from .cues import cues_near
from .enumerations import BASE_BEFORE
from .frames import Frame
from .like_numbers import is_like
from .mentions import Mention, people_next
from .phrases import Token
from .resources import Resources

#: What such a count is read as (never judged: see :data:`UNSAID_CONFIDENCE`).
UNSAID_QUANTITY = "repressed_total"
#: The confidence of its quantity: under the judging threshold (0.6), so it is listed, not judged.
UNSAID_CONFIDENCE = 0.4
#: The smallest count with a word of people right after it listed so ("до 400 человек", "634 чел.", "212 Poles"):
#: under it, an anecdote's ("40 people whose remains were found": tried, two extras on dev for three claims).
PEOPLE_LISTED = 100


def people_counted(toks: list[Token], m: Mention, data: Resources, text: str, offset: int) -> str:
    """The word of people a mention counts when nothing says what befell them, else "".

    Not a share, a number under :data:`PEOPLE_LISTED`, or the whole a part is
    taken from ("of 1,966 delegates").

    Examples
    --------
    >>> from gulagstats.factcheck.mentions import find_mentions
    >>> from gulagstats.factcheck.phrases import tokens
    >>> from gulagstats.factcheck.resources import load_resources
    >>> s = "Millions of people suffered; 18,000 women, of the 1,966 delegates, and 12 men."
    >>> toks, data = tokens(s), load_resources()
    >>> [(x.text, people_counted(toks, x, data, s, 0)) for x in find_mentions(s, toks, 0, [], data)[0]]
    [('Millions', 'people'), ('18,000', 'women'), ('1,966', ''), ('12', '')]
    """
    if m.unit == "share" or not (m.vague or m.high >= PEOPLE_LISTED):
        return ""
    before = [t.word for t in toks[max(0, m.first - 2) : m.first]]
    if before[-1:] and (before[-1] in BASE_BEFORE or before in (["of", "the"], ["among", "the"])):
        return ""  # "of (the) 1,966 delegates, 1,108 were arrested": the whole a part is taken from
    return people_next(toks, m.last, data, text, offset)


#: The auxiliaries of a passive verb right before its participle ("were deported", "были выселены"): a cue after one is
#: the verb of the clause, not a noun or an adjective of another's.
AUXILIARIES = frozenset(("was", "were", "been", "are", "is", "был", "была", "было", "были"))
#: How many words after a count of people the verb of its clause is looked for (a bound: linear time).
PREDICATE_REACH = 40
#: What parts a count of people from a verb further on: another clause (";") or a relative clause of other people.
_ANOTHER_CLAUSE = frozenset((";", "whose", "чьи", "которых"))


def predicate(ctx: Context, first: int, last: int, hi: int) -> tuple[str, str] | None:
    """The quantity and cue of the passive verb of the clause of a count of people (tokens ``[first, last)``).

    The first quantity cue after an auxiliary ("were", "были"), at most :data:`PREDICATE_REACH` words on and
    before ``hi`` (the next number): in "29,839 members of families of 'counter-revolutionaries' from the
    Moldavian SSR, and from the Chernivtsi and Izmail oblasts ... were deported" the count is of the
    deported. None past a semicolon or a relative clause of other people ("whose").

    Examples
    --------
    >>> from gulagstats.factcheck.run import check_text
    >>> s = ("In June 1941, 29,839 members of families of counter-revolutionaries and nationalists from the "
    ...      "Moldavian SSR, and from the Chernivtsi and Izmail oblasts of the Ukrainian SSR were deported to Kazakhstan.")
    >>> [(f.mention, f.quantity, f.confidence) for f in check_text(s).frames]
    [('29,839', 'deportations', 0.4)]
    """
    end = min(hi, len(ctx.toks), last + PREDICATE_REACH)
    for a, b, row in cues_near(ctx.cues, first, last, last, end):
        if a < last:
            continue
        gap = ctx.sentence[ctx.toks[last - 1].end - ctx.offset : ctx.toks[a].start - ctx.offset]
        if any(w in _ANOTHER_CLAUSE for w in gap.lower().replace(";", " ; ").split()):
            return None
        words = [t.word for t in ctx.toks[max(last, a - 2) : a]]
        adverb = (
            len(words) == 2 and words[0] in AUXILIARIES and words[1].endswith("ly")
        )  # "were forcibly deported"
        if (words[-1:] and words[-1] in AUXILIARIES) or adverb:
            return row["quantity"], " ".join(t.word for t in ctx.toks[a:b])
    return None


def unsaid(f: Frame | None, who: str, verb: tuple[str, str] | None = None) -> Frame | None:
    """``f`` (read with :data:`UNSAID_QUANTITY`) marked as a count of people whose fate no word states.

    Examples
    --------
    >>> from gulagstats.factcheck.run import check_text
    >>> [(f.mention, f.quantity, f.confidence) for f in check_text("Затронувший миллионы людей Большой террор.").frames]
    [('миллионы', 'repressed_total', 0.4)]
    """
    if f is None:
        return f
    f.confidence = min(f.confidence, UNSAID_CONFIDENCE)
    if verb is None:
        f.notes.append(f"a number of {who}: no word says what befell them")
    else:  # the verb far after it, not an enumeration, says what it counts
        f.notes.append(
            f"a number of {who} read by the verb of its clause further on ('{verb[1]}'): not judged"
        )
    return f


#: The smallest number an estimate of a spread or a question is listed at (a count of people, not an anecdote's).
ESTIMATE_LEAST = 1000
#: What a number of a spread of estimates, or of a question, is read as: one of others' figures, never judged.
SPREAD = "spread"


#: What follows a number a question asks about: the question mark, or another alternative ("10 million or 20 million?").
_ASKED = re.compile(r"\s*(?:\?|,|or\b|или\b)")


#: Words that name a number a figure ("the 40 million figure", "the figure often cited is upwards of 20 million",
#: "эта цифра"): a large number they name, with no cue, is a toll the text speaks of; what it counts is not said.
FIGURE_WORDS = frozenset(
    ("figure", "figures", "number", "toll", "цифра", "цифру", "цифры", "цифрой", "цифре")
)
#: How many words either side of a number a word of :data:`FIGURE_WORDS` names it.
FIGURE_REACH = 4
#: The smallest number a word of :data:`FIGURE_WORDS` makes a listed claim: a toll, not a tally of anything.
FIGURE_LEAST = 1_000_000
#: The reason of such a figure (its modality stays ``stated``).
FIGURE = "a figure the text names without saying what it counts: not judged"


def estimate_only(ctx: Context, m: Mention, sentence: str, spread_before: bool) -> str:
    """Why a number no cue reads is one of others' estimates, or "" when it is not.

    A count of at least :data:`ESTIMATE_LEAST` (or a vague word of thousands and more) in a sentence with a
    sentence-wide spread cue ("estimates vary", "ranging from"), in the sentence right after one
    (``spread_before``: "Estimates vary widely. Some historians place the number closer to 20 million"), or
    in a question, right before its question mark or another alternative ("Was it 10 million? 20 million?"; not
    "25 million farms ...?", not a vague word echoed: "«Тысяч миллионов»?").

    Examples
    --------
    >>> from gulagstats.factcheck.run import check_text
    >>> r = check_text("Deaths under Stalin? Was it 10 million? 20 million? Estimates range from 6 million to 61 million.")
    >>> [(f.mention, f.modality, f.confidence) for f in r.frames]
    [('10 million', 'spread', 0.4), ('20 million', 'spread', 0.4), ('6 million to 61 million', 'spread', 0.4)]
    """
    if m.unit != "count" or m.high < ESTIMATE_LEAST:
        return ""
    if ctx.first_spread < len(ctx.toks):
        return "one of a spread of others' estimates that does not say what it counts"
    if spread_before:
        return (
            "one of a spread of others' estimates (the sentence before): what it counts is not said"
        )
    if (
        not m.vague
        and sentence.rstrip().endswith("?")
        and _ASKED.match(sentence, m.end - ctx.offset)
    ):
        return "a number asked in a question, not stated: what it counts is not said"
    near = ctx.toks[max(0, m.first - FIGURE_REACH) : m.last + FIGURE_REACH]
    if not m.vague and m.high >= FIGURE_LEAST and any(t.word.lower() in FIGURE_WORDS for t in near):
        return FIGURE
    return ""


def estimated(f: Frame | None, why: str) -> Frame | None:
    """``f`` marked as one of others' estimates or a question's number (``why``): modality spread, never judged."""
    if f is None:
        return f
    f.confidence = min(f.confidence, UNSAID_CONFIDENCE)
    f.modality = f.modality if why == FIGURE else SPREAD
    f.notes.append(why)
    return f


#: How many words after a share the whole of people it is taken of is looked for ("up to 16% of the total Ingrian
#: Finnish population"): a bound, so the work per share does not grow with the sentence.
SHARE_REACH = 7
#: How many words at most stand between the shares of a list that share one whole ("0,34 %, 1,26 % и 0,4 % населения").
SHARE_LIST_GAP = 3
#: How many words may stand between a share and a word of people with no "of" between ("one in five were women").
SHARE_NEAR = 2
#: Words that take a share of the whole after them ("16% of the total population", "58 % из них").
_OF_WORDS = frozenset(("of", "из", "от"))
_OF_PHRASES = frozenset(("of them", "of whom", "of these", "из них", "их"))
#: What ends the clause of a share: a whole past it is another clause's.
_CLAUSE_END = re.compile(r"[,;:.()\u2013\u2014]")


def _whole_of_people(
    toks: list[Token], m: Mention, data: Resources, text: str, offset: int
) -> bool:
    """True if a word of people (not an auxiliary: "were") or a whole of people ("population", "из них") follows
    the share ``m`` within :data:`SHARE_REACH` words, in its clause."""
    end = min(len(toks), m.last + SHARE_REACH)
    found = [
        (x.first, table.rows[x.row]["phrase"])
        for table in (data.lexicon["people"], data.lexicon["share_of"])
        for x in table.phrases.find(toks[m.last : end])
    ]
    for first, phrase in sorted(found):
        if phrase.split()[-1] in AUXILIARIES or phrase == "had been":
            continue  # "were": a verb, not a whole
        gap = text[toks[m.last - 1].end - offset : toks[m.last + first].start - offset]
        between = {t.word for t in toks[m.last : m.last + first]}
        near = first <= SHARE_NEAR or bool(between & _OF_WORDS) or phrase in _OF_PHRASES
        # not "10% reduction compared to the 1926 population": far on, with no "of"
        return near and not _CLAUSE_END.search(gap)
    return False


def people_shares(
    toks: list[Token], mentions: list[Mention], data: Resources, text: str, offset: int
) -> set[int]:
    """The indices of the shares among ``mentions`` that are shares of people: a word of people or a whole of people
    after it, in its clause ("About one in five were women", "58 % из них"), or after the last share of its list
    ("0,34 %, 1,26 % и 0,4 % населения СССР"). Not "40% of the country's cattle", "a quarter of the century".

    Examples
    --------
    >>> from gulagstats.factcheck.mentions import find_mentions
    >>> from gulagstats.factcheck.phrases import tokens
    >>> from gulagstats.factcheck.resources import load_resources
    >>> s = "About one in five were women; 0.34 %, 1.26 % and 0.4 % of the population; over 40% of the cattle."
    >>> s += " Осуждены 13 113 чел. (94 %); 13 909 (28 %) дел."
    >>> toks, data = tokens(s), load_resources()
    >>> found = find_mentions(s, toks, 0, [], data)[0]
    >>> [found[i].text for i in sorted(people_shares(toks, found, data, s, 0))]
    ['one in five', '0.34', '1.26', '0.4', '94']
    """
    out: set[int] = set()
    for i in range(len(mentions) - 1, -1, -1):
        m = mentions[i]
        if m.unit != "share":
            continue
        listed = (
            i + 1 in out and mentions[i + 1].first - m.last <= SHARE_LIST_GAP
        )  # a share of a list before the whole
        bracketed = i > 0 and _bracketed_after_people(
            toks, mentions[i - 1], m, (data, text, offset)
        )
        if listed or bracketed or _whole_of_people(toks, m, data, text, offset):
            out.add(i)
    return out


#: What lies between a count's word of people and a share in brackets right after it: "чел. (", "people (".
_BRACKET_AFTER = re.compile(r"\.?\s*\(\s*")


def _bracketed_after_people(
    toks: list[Token], count: Mention, share: Mention, where: tuple[Resources, str, int]
) -> bool:
    """True if ``share`` stands in brackets right after ``count`` and its word of people: "Осуждены 13 113 чел.
    (94 %)", "13,113 people (94 %)": the share of the people counted."""
    data, text, offset = where
    if count.unit != "count" or count.last >= len(toks) or share.first != count.last + 1:
        return False
    if not people_next(toks, count.last, data, text, offset):
        return False
    gap = text[toks[count.last].end - offset : toks[share.first].start - offset]
    return _BRACKET_AFTER.fullmatch(gap) is not None


def share_unsaid(f: Frame | None) -> Frame | None:
    """``f``, a share no word says the share of what befell whom ("About one in five were women"): listed, never judged."""
    if f is None:
        return f
    f.confidence = min(f.confidence, UNSAID_CONFIDENCE)
    f.notes.append("a share: no word says what it is a share of")
    return f


def like_numbers(
    mentions: list[Mention],
    got: list[Frame | None],
    toks: list[Token],
    data: Resources,
    read: Callable[[int, tuple[str, str]], Frame | None],
) -> None:
    """The frames of words repeating a count before them ("столько же", "a like number"), listed, never judged.

    With no frame of its own, such words are read with what the count they repeat is read as (``read(i, carry)``).

    Examples
    --------
    >>> from gulagstats.factcheck.run import check_text
    >>> s = "В 1918 г. в городе расстреляно 50 заложников, столько же — в соседнем уезде."
    >>> [(f.mention, f.low, f.quantity, f.confidence) for f in check_text(s).frames]
    [('50', 50.0, 'executions', 0.95), ('столько же', 50.0, 'executions', 0.4)]
    """
    for i, m in enumerate(mentions):
        if not is_like(m, toks, data):
            continue
        said = [f for f in got[:i] if f is not None and f.unit == "count"]
        if got[i] is None and said:
            got[i] = read(i, (said[-1].quantity, said[-1].cue))
        f = got[i]
        if f is not None:
            f.confidence = min(f.confidence, UNSAID_CONFIDENCE)
            f.notes.append(
                f"'{m.text}' repeats the count before it: the reader's value, not the text's; not judged"
            )
