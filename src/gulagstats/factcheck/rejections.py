"""Figures a text reports to reject them, and victims of a regime that outlived the record.

A number right after a word of rejection ("allegedly", "the myth of", "якобы", the lexicon's ``rejected`` rows)
is a view the text reports in order to reject or doubt it.  The labels judge such a figure as stated (README_ru
rule 45, README "A quoted claim refuted by the text is still judged as the claim"), so it is not refused for that;
but it is not the author's finding: :func:`rejected_by` attributes it to the view's holder and the verdict's
explanation says the text rejects it (:data:`REJECTED`).

"Victims of communism", "жертвы советского режима" (the lexicon's ``regime_victims`` rows) are deaths laid at the
door of a regime of 74 years, or all it repressed: the text does not say which, and the record holds neither over
that era.  With no period of its own sentence besides the regime's name, such a number is read as the regime's
deaths, which the record has no series for (:func:`regime_victims`); a dated one ("from 1917 to 1959") stays as
read.
"""

from __future__ import annotations

from .context import Context, inside
from .cues import in_clause
from .mentions import Mention
from .resources import Resources

#: How many words may stand between a word of rejection and the number after it (its hedge apart): "the myth
#: of some 20 million" is rejected; "the so-called Great Terror, 7 million" names the Terror so, not the number.
REJECT_NEAR = 1
#: The note a frame reported to be rejected carries (its words follow): the verdict's explanation opens with it.
REJECTED = "a view the text reports to reject it"
#: What the explanation of a judged figure the text reports to reject opens with.
REJECTED_SAID = (
    "The text reports this figure in order to reject or doubt it; it is judged as the figure stated, not as the "
    "author's finding."
)
#: The attribution of a rejected view whose holder the text does not name beside it.
UNNAMED_HOLDER = "others"
#: How many words after a number a word of victims of a regime may start to be its own noun
#: ("50–60 млн. жертв советского режима", "20 million victims of communism").
VICTIMS_NOUN = 2
#: The quantity an undated count of a regime's victims is read as (no archival series: not judged).
REGIME_DEATHS = "regime_deaths"


def rejection(ctx: Context, m: Mention, lo: int, data: Resources) -> str:
    """The words of rejection that stand right before a mention, or ``""``.

    At most ``REJECT_NEAR`` words may stand between the cue and the mention (its hedge apart), after the mention
    before it (``lo``), in its clause: "тезиса о якобы 50–60 млн." is rejected; "за якобы имевшее место
    противодействие 5 000 человек" and "во время так называемого «Большого террора» миллионы" are not (the
    word says what the resistance or the Terror was called).
    """
    hedge = len(m.hedge.split()) if m.hedge else 0
    end = m.first - hedge
    start = max(lo, end - REJECT_NEAR - 4, 0)  # a cue of up to four words
    for x in data.lexicon["rejected"].phrases.find(ctx.toks[start:end]):
        first, last = start + x.first, start + x.last
        if end - last <= REJECT_NEAR and in_clause(ctx, m, (first, last, {})):
            return " ".join(t.word for t in ctx.toks[first:last])
    return ""


def rejected_by(who: str, words: str) -> str:
    """The attribution of a figure the text reports to reject it: the holder it names, else :data:`UNNAMED_HOLDER`.

    Examples
    --------
    >>> rejected_by("author", "якобы"), rejected_by("Conquest", "the myth of")
    ('others (a view the text rejects: якобы)', 'Conquest (a view the text rejects: the myth of)')
    """
    holder = UNNAMED_HOLDER if who == "author" else who
    return f"{holder} (a view the text rejects: {words})"


def regime_victims(ctx: Context, m: Mention, data: Resources) -> str:
    """The words of victims of a regime that are a mention's own noun, when its sentence dates it by nothing else.

    The phrase must start at most ``VICTIMS_NOUN`` words after the number, and every period of the sentence
    (outside brackets) must lie inside it ("жертв советского режима" is dated by its own words only); else ``""``.
    """
    for x in data.lexicon["regime_victims"].phrases.find(
        ctx.toks[m.last : m.last + VICTIMS_NOUN + 6]
    ):
        first, last = m.last + x.first, m.last + x.last
        if x.first > VICTIMS_NOUN:
            continue
        a = ctx.toks[first].start - ctx.offset
        b = ctx.toks[last - 1].end - ctx.offset
        if all(
            a <= p.start and p.end <= b for p in ctx.outside if not inside(ctx.brackets, p.start)
        ):
            return " ".join(t.word for t in ctx.toks[first:last])
    return ""


def views(
    ctx: Context, m: Mention, read: tuple[str, str, int], data: Resources, notes: list[str]
) -> tuple[str, str]:
    """The quantity and attribution of a mention read as ``read`` (quantity, attribution, the token after the
    mention before it), once a word of rejection before it and a regime's victims after it are read; both
    noted."""
    what, who, lo = read
    if words := rejection(ctx, m, lo, data):
        who = rejected_by(who, words)
        notes.append(
            f"{REJECTED} ({words}): judged as the figure stated, not as the author's finding"
        )
    if what != REGIME_DEATHS and (victims := regime_victims(ctx, m, data)):
        notes.append(
            f"'{victims}' with no date of its own: deaths laid at the regime's door or all it repressed, over an "
            "era the record does not cover; read as the regime's deaths"
        )
        what = REGIME_DEATHS
    return what, who
