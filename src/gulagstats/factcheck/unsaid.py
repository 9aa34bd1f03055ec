"""Counts of people with no word of what befell them: found and shown, never judged.

"Миллионы людей", "тысяч людей", "millions of people", "Over 18,000 women
spent some time in the camp": the labelled set counts such numbers as claims
(what befell the people is in a word the lexicon lacks, or in another
sentence), and a reader wants them listed.  A vague word, or a number of a
thousand or more, with a word of people right after it (or after its "of")
becomes a claim frame read as the repressed with a confidence under the
judging threshold, so it is listed with the reason "what the number counts is
unclear" and never judged.
"""

from __future__ import annotations

from .enumerations import BASE_BEFORE
from .frames import Frame
from .mentions import Mention, people_next
from .phrases import Token
from .resources import Resources

#: What such a count is read as (never judged: see :data:`UNSAID_CONFIDENCE`).
UNSAID_QUANTITY = "repressed_total"
#: The confidence of its quantity: under the judging threshold (0.6), so it is listed, not judged.
UNSAID_CONFIDENCE = 0.4


def people_counted(toks: list[Token], m: Mention, data: Resources, text: str, offset: int) -> str:
    """The word of people a mention counts when nothing says what befell them, else "".

    Not a share, a number under a thousand in digits, or the whole a part is
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
    if m.unit == "share" or not (m.vague or m.high >= 1000):
        return ""
    before = [t.word for t in toks[max(0, m.first - 2) : m.first]]
    if before[-1:] and (before[-1] in BASE_BEFORE or before in (["of", "the"], ["among", "the"])):
        return ""  # "of (the) 1,966 delegates, 1,108 were arrested": the whole a part is taken from
    return people_next(toks, m.last, data, text, offset)


def unsaid(f: Frame | None, who: str) -> Frame | None:
    """``f`` (read with :data:`UNSAID_QUANTITY`) marked as a count of people whose fate no word states.

    Examples
    --------
    >>> from gulagstats.factcheck.run import check_text
    >>> [(f.mention, f.quantity, f.confidence) for f in check_text("Затронувший миллионы людей Большой террор.").frames]
    [('миллионы', 'repressed_total', 0.4)]
    """
    if f is not None:
        f.confidence = min(f.confidence, UNSAID_CONFIDENCE)
        f.notes.append(f"a number of {who}: no word says what befell them")
    return f
