"""What another reading of a claim's own words may change of its ``not_contradicted`` (rounds 9 and 19).

A ``not_contradicted`` (a floor or a ceiling the record does not contradict) whose other readings are all
``not_contradicted`` or ``consistent``, one at least ``consistent``, becomes ``consistent`` (round 9): no
reading contradicts the record and one meets its count, the evidence
:func:`~gulagstats.factcheck.judgment.met_as_read` takes for a reading ("around 700,000 executed during the
Great Terror", dated 1936-1938, meets the 681,692 of 1937-1938, the years the data gives the name).

Round 19: only a reading that counts the same kind of thing as the first does so.  A reading of a stock
(the Gulag's population, on a day or summed over years) where the claim as first read counts a flow
(persons repressed, executions, deaths over a span), or the reverse, is another claim: its meeting the
record is no evidence for the first reading, which the frame chose over it.  The first reading's weaker
``not_contradicted`` is shown, and the other reading, which does not contradict the record either, does not
put it in doubt ("several million more were executed or imprisoned in the gulag" in 1936-1938: a floor of
the repressed, not contradicted; the Gulag's population summed, met, is not the verdict).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..estimates.vocabulary import QUANTITIES
from ..periods import period_text
from ..vocabulary import CONSISTENT, NOT_CONTRADICTED
from .readings import met_range

#: What a ``not_contradicted`` met by the record under another reading of its own words says first.
MET_OTHERWISE = "Consistent read as {reading} (the record's {benchmark}); as first read ({own}), not contradicted."
#: What a ``not_contradicted`` says of a reading of another kind that met the record (round 19).
MET_AS_ANOTHER_KIND = (
    "Read as {noun}, the number meets the record's {benchmark}, but that reading counts {other}, not "
    "{own} as first read, so it is no evidence for the first reading."
)
#: A quantity's kind in the words of an explanation.
KIND_WORDS = {
    "flow": "what happened over a span (a flow)",
    "stock": "the people held at a moment (a stock)",
}


def same_kind(first: str, other: str) -> bool:
    """Whether the quantity ``other`` counts the same kind of thing (a flow, a stock) as ``first``.

    Examples
    --------
    >>> same_kind("gulag_deaths", "camp_deaths"), same_kind("repressed_total", "gulag_population")
    (True, False)
    >>> same_kind("executions", "not_a_quantity")
    False
    """
    if first not in QUANTITIES or other not in QUANTITIES:
        return False
    return QUANTITIES[first].kind == QUANTITIES[other].kind


def reading_words(reading: pd.Series) -> str:
    """A reading of a claim in a journalist's words (round 19: not a code the card's source already names):
    a period as dates, a quantity by its noun, a bound as it is said.

    Examples
    --------
    >>> reading_words(pd.Series({"what": "period", "reading": "1937/1938"}))
    '1937-1938'
    >>> reading_words(pd.Series({"what": "quantity", "reading": "camp_deaths"}))
    'deaths in the camps'
    >>> reading_words(pd.Series({"what": "bound", "reading": "7,000,000 as the number claimed"}))
    '7,000,000 as the number claimed'
    """
    said = str(reading["reading"])
    if reading["what"] == "period":
        return period_text(said)
    if reading["what"] == "quantity" and said in QUANTITIES:
        return QUANTITIES[said].noun
    return said.replace("_", " ")


def met_under_another_reading(
    out: pd.DataFrame, alt: pd.DataFrame, answers: pd.DataFrame, columns: Sequence[str]
) -> None:
    """Each ``not_contradicted`` of ``out`` whose other readings (``alt``, answered in ``answers``) are all
    ``not_contradicted`` or ``consistent``, one at least ``consistent`` of the same kind as the claim
    (:func:`same_kind`), becomes ``consistent``, with the ``columns`` of the answer met.  A ``consistent``
    reading of another kind leaves the first reading's ``not_contradicted``, said in its explanation, and is
    set to ``not_contradicted`` in ``alt`` (a reading that meets the record does not contradict it either).

    Examples
    --------
    >>> out = pd.DataFrame({"verdict": ["not_contradicted"], "quantity": ["repressed_total"],
    ...     "period": ["1936/1938"], "explanation": ["Not contradicted."]}, dtype=object)
    >>> alt = pd.DataFrame({"claim": [0], "what": ["quantity"], "reading": ["gulag_population"],
    ...     "quantity": ["gulag_population"], "verdict": ["consistent"]}, index=[7])
    >>> answers = pd.DataFrame({"benchmark_id": ["gulag_population_sum:1936/1938"],
    ...     "benchmark_low": [1196369.0], "benchmark_high": [1881570.0], "explanation": ["Met."]}, index=[7])
    >>> met_under_another_reading(out, alt, answers, ["explanation"])
    >>> out.at[0, "verdict"], alt.at[7, "verdict"]
    ('not_contradicted', 'not_contradicted')
    >>> out.at[0, "explanation"][:96]
    "Not contradicted. Read as inmates of camps and colonies, the number meets the record's 1,196,369"
    """
    for i, rows in alt.groupby("claim"):
        if out.at[i, "verdict"] != NOT_CONTRADICTED or len(rows) == 0:
            continue
        verdicts = set(rows["verdict"])
        if CONSISTENT not in verdicts or not verdicts <= {CONSISTENT, NOT_CONTRADICTED}:
            continue
        own_quantity = str(out.at[i, "quantity"])
        met_rows = rows[rows["verdict"] == CONSISTENT]
        alike = [k for k in met_rows.index if same_kind(own_quantity, str(alt.at[k, "quantity"]))]
        if not alike:
            _another_kind(out, alt, answers, i, met_rows.index[0])
            continue
        k = alike[0]
        met = answers.loc[k]
        said = MET_OTHERWISE.format(
            reading=reading_words(alt.loc[k]),
            benchmark=met_range(met),
            own=f"{QUANTITIES[own_quantity].noun}, {period_text(str(out.at[i, 'period']))}",
        )
        for column in columns:
            out.at[i, column] = "" if pd.isna(met.get(column, "")) else met.get(column, "")
        out.at[i, "verdict"] = CONSISTENT
        out.at[i, "explanation"] = f"{said} {met['explanation']}"


def _another_kind(
    out: pd.DataFrame, alt: pd.DataFrame, answers: pd.DataFrame, i: object, k: object
) -> None:
    """The claim ``i`` keeps its ``not_contradicted``; its reading ``k`` of another kind is said, and counts
    as not contradicting it (:func:`met_under_another_reading`)."""
    own, other = QUANTITIES[str(out.at[i, "quantity"])], QUANTITIES[str(alt.at[k, "quantity"])]
    said = MET_AS_ANOTHER_KIND.format(
        noun=other.noun,
        benchmark=met_range(answers.loc[k]),
        other=KIND_WORDS.get(other.kind, other.kind),
        own=KIND_WORDS.get(own.kind, own.kind),
    )
    out.at[i, "explanation"] = f"{out.at[i, 'explanation']} {said}".strip()
    alt.loc[alt["claim"] == i, "verdict"] = NOT_CONTRADICTED
