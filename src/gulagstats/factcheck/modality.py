"""The modality of a claim: stated, or planned, negated, hypothetical, a spread of others' estimates.

The cues are ``modality.csv``'s rows (:mod:`gulagstats.factcheck.resources`),
matched once a sentence (:mod:`gulagstats.factcheck.context`); a cue acts on the
words right after it (``before``), its clause or its whole sentence.
"""

from __future__ import annotations

from .context import Context
from .cues import CUE_WINDOW, cues_near, in_clause
from .mentions import Mention

#: How many words before a mention a ``before`` modality cue acts.
NEAR = 3
#: The modality of a floor a word of negation denies ("не находилось больше двенадцати миллионов", "not over
#: a million"): no more than that, a ceiling the text states (the frame is ``stated`` with an upper bound).
CEILING = "ceiling"
#: The cue kind of a plain word of negation (``modality.csv``: not, never, не): it denies the number after it
#: (the claim's modality ``negated``), or makes a floor after it a ceiling (:data:`CEILING`). Named for what the
#: word is, not for what it makes of the number (round 10: it was ``negation``, too close to ``negated``).
NEGATOR = "negator"


def modality(ctx: Context, m: Mention, after: int = 0) -> tuple[str, str]:
    """``stated``, or the modality a cue gives the mention (and the cue's words).

    A cue that acts on the words right after it ("not", "rather than") acts on
    the first number after it only: in "не 16 млн., а 1,6 млн." the second is
    stated.  ``after`` is the token where the previous mention ends.  Such a
    cue before a floor ("more than", "больше") makes it a ceiling: :data:`CEILING`.
    """
    hedge_words = len(m.hedge.split()) if m.hedge else 0
    for first, last, row in cues_near(
        ctx.modals, m.first, m.last, m.first - CUE_WINDOW, m.last + CUE_WINDOW
    ):
        words = " ".join(t.word for t in ctx.toks[first:last])
        where = row["where"]
        if (
            where == "before"
            and max(after, m.first - hedge_words - NEAR) <= first
            and last <= m.first - hedge_words
        ):
            if (
                row["modality"] == NEGATOR
            ):  # "не 16 млн." is denied; "не находилось больше 12 млн" is at most
                return (CEILING if m.bound == "low" else "negated"), words
            return row["modality"], words
        if where == "clause" and in_clause(ctx, m, (first, last, row)):
            return row["modality"], words
    if ctx.first_spread < m.first:
        return "spread", " ".join(t.word for t in ctx.toks[ctx.first_spread : ctx.first_spread + 3])
    return "stated", ""
