"""Words that repeat a count said before them: "a like number", "as many again", "столько же".

"perhaps north of 600,000 for the two-year period, plus a like number disappeared into the Gulag", "расстреляно 50
заложников, столько же — в городе Белый": the labels read such words as the count before them (the guide: "a like
number" = the 600,000 before it). They are mentions with that count's value (:func:`like_mentions`), and their
frames are listed, never judged (:func:`gulagstats.factcheck.unsaid.like_numbers`; both called by
:mod:`gulagstats.factcheck.run`): the value is the reader's,
not the text's. The words are lexicon rows of kind ``like_number``.
"""

from __future__ import annotations

from .mentions import Mention
from .phrases import Token
from .resources import Resources


def like_mentions(
    mentions: list[Mention], toks: list[Token], offset: int, sentence: str, data: Resources
) -> list[Mention]:
    """Mentions for the words of ``like_number`` that follow a count of the sentence, with that count's value.

    Examples
    --------
    >>> from gulagstats.factcheck.mentions import find_mentions
    >>> from gulagstats.factcheck.phrases import tokens
    >>> from gulagstats.factcheck.resources import load_resources
    >>> s, data = "In 1938, 40,000 were shot and a like number were sent to the camps.", load_resources()
    >>> said = find_mentions(s, tokens(s), 0, [], data)[0]
    >>> [(m.text, m.low) for m in like_mentions(said, tokens(s), 0, s, data)]
    [('a like number', 40000.0)]
    """
    out = []
    for m in data.lexicon["like_number"].phrases.find(toks):
        start, end = toks[m.first].start, toks[m.last - 1].end
        before = [x for x in mentions if x.end <= start and x.unit == "count" and not x.vague]
        if not before:
            continue  # "столько же, сколько": nothing said before it to repeat
        said = max(before, key=lambda x: x.end)
        text = sentence[start - offset : end - offset]
        out.append(
            Mention(
                start, end, text, said.low, said.high, "point", "", "count", False, m.first, m.last
            )
        )
    return out


def is_like(m: Mention, toks: list[Token], data: Resources) -> bool:
    """True if the mention ``m`` is the words of a ``like_number`` row ("столько же"), not a number.

    >>> from gulagstats.factcheck.phrases import tokens
    >>> from gulagstats.factcheck.resources import load_resources
    >>> toks = tokens("столько же")
    >>> is_like(Mention(0, 10, "столько же", 50, 50, first=0, last=2), toks, load_resources())
    True
    """
    found = data.lexicon["like_number"].phrases.find(toks[m.first : m.last])
    return any(x.first == 0 and x.last == m.last - m.first for x in found)
