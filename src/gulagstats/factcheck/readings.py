"""A verdict must hold under every plausible reading of its claim (issue 20, rounds 5 and 6).

A claim frame is one reading of a sentence: one period, one quantity, one
scope.  A verdict that holds only under that one reading is not a finding a
newsroom can publish.  So

- every verdict of :data:`CALIBRATED_VERDICTS` (a flag, ``consistent``,
  ``not_contradicted``) needs its period found in a way calibrated to support
  that kind of verdict (:data:`VERDICT_HOWS`, measured by
  ``tools/calibrate_verdicts.py`` on both halves of the development part: the
  verdicts of that kind dated that way right at least :data:`FLAG_PERIOD_SHARE`
  of the time on each half, on at least :data:`CALIBRATION_MINIMUM` a half;
  where they are too few to say, the way's periods by the same rule); any other
  way may date a claim but not support the verdict;

and a flag stands only if, besides,

- every other period its sentence offers gives the same verdict
  ("lasting into 1938" in a text about the Great Terror: 1938 or 1937-1938);
- every other quantity the number's own clause allows gives the same verdict
  ("352,560 prisoners died in 1942": a population or deaths), and none of
  them is a quantity the record has no series for;
- an ``understates`` names the whole USSR ("throughout the country", "the
  Soviet government"): a number below the whole may be a part the text does
  not name (the victims of one shooting ground, one city's executions).

Otherwise the claim is ``not_judged`` with the reason, which names the readings
that disagree or the way the period was found.  Every reading goes through
``assess`` like the claim itself; a claim has at most a few readings (a bound),
so judging stays linear.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..estimates.vocabulary import QUANTITIES
from ..vocabulary import CONSISTENT, NOT_CONTRADICTED, OVERSTATES, UNDERSTATES

#: The share of verdicts of one kind that a way of finding the period must get right, on each half of dev,
#: to support that kind of verdict (``tools/calibrate_verdicts.py``).
FLAG_PERIOD_SHARE = 0.9
#: The fewest verdicts of one kind and way, on each half of dev, that say how often that verdict is right:
#: fewer, and the way is not measured for that kind (it supports nothing).
CALIBRATION_MINIMUM = 5
FLAGS = (OVERSTATES, UNDERSTATES)
#: The kinds of verdict the calibration measures apart: a flag is either of :data:`FLAGS`.
VERDICT_KINDS = ("flag", CONSISTENT, NOT_CONTRADICTED)


class EveryWay(frozenset):
    """Every way of finding a period, also one added later: the open gate of the calibration.

    >>> "a way added later" in EveryWay()
    True
    """

    def __contains__(self, item: object) -> bool:
        return True


#: Which ways of finding a period (``period_how``) may support each kind of verdict: those whose verdicts of
#: that kind are right at least :data:`FLAG_PERIOD_SHARE` of the time on each half of dev, on at least
#: :data:`CALIBRATION_MINIMUM` verdicts a half, or, where they are too few on a half to say, whose periods are
#: (``tools/calibrate_verdicts.py``, the table in docs/factcheck.md).  Allow-lists, so that a new way of finding a period supports nothing until it has been
#: measured; a verdict whose way is not listed for its kind is ``not_judged``, and the reason says so.
VERDICT_HOWS: Mapping[str, frozenset[str]] = {
    "flag": frozenset({"span"}),
    CONSISTENT: frozenset({"span", "table"}),
    NOT_CONTRADICTED: frozenset(),
}
#: The ways that may yield an ``overstates`` or ``understates``.
FLAG_HOWS = VERDICT_HOWS["flag"]
#: No way refused: what the calibration measures each verdict under.
OPEN_GATE: Mapping[str, frozenset[str]] = {kind: EveryWay() for kind in VERDICT_KINDS}
#: How each way of finding a period reads to a journalist (``period_how``, as claims.csv writes it).
HOW_WORDS = {
    "own clause": "a date in the number's own clause",
    "sentence": "a date elsewhere in its sentence",
    "context": "a date carried from an earlier sentence",
    "named period": "the dates of a named period such as the Great Terror",
    "relative": "a phrase such as 'during this period' pointing back",
    "table": "the year of its table row",
    "span": "a span of dates stated with it",
    "open": "a period with one end only",
}
#: The internal columns of the claims that carry the readings to :func:`gulagstats.factcheck.judgment.judge`.
READING_COLUMNS = ["period_readings", "quantity_readings", "whole_stated"]
#: The verdicts the gate acts on.
CALIBRATED_VERDICTS = (*FLAGS, CONSISTENT, NOT_CONTRADICTED)


def kind_of(verdict: str) -> str:
    """The kind of a verdict as the calibration counts it (``flag`` for either flag).

    >>> kind_of("understates"), kind_of("consistent")
    ('flag', 'consistent')
    """
    return "flag" if verdict in FLAGS else verdict


def alternatives_in(cell: object) -> list[str]:
    """The readings of one cell ("1938|1937/1938" -> two readings; "" -> none).

    >>> alternatives_in("1938|1937/1938"), alternatives_in("")
    (['1938', '1937/1938'], [])
    """
    return [x for x in str(cell or "").split("|") if x]


def questions(asked: pd.DataFrame) -> pd.DataFrame:
    """One row a reading other than the claim's own, for every claim asked: ``claim`` (its index),
    ``what`` (``period`` or ``quantity``), ``reading``, ``quantity`` and ``period``.

    Examples
    --------
    >>> asked = pd.DataFrame({"quantity": ["executions"], "period": ["1938"],
    ...     "period_readings": ["1937/1938"], "quantity_readings": ["arrests"]}, index=[4])
    >>> questions(asked)[["claim", "what", "quantity", "period"]].values.tolist()
    [[4, 'period', 'executions', '1937/1938'], [4, 'quantity', 'arrests', '1938']]
    """
    rows = []
    for i, row in asked.iterrows():
        for p in alternatives_in(row.get("period_readings", "")):
            rows.append(
                {
                    "claim": i,
                    "what": "period",
                    "reading": p,
                    "quantity": row["quantity"],
                    "period": p,
                }
            )
        for q in alternatives_in(row.get("quantity_readings", "")):
            rows.append(
                {
                    "claim": i,
                    "what": "quantity",
                    "reading": q,
                    "quantity": q,
                    "period": row["period"],
                }
            )
    return pd.DataFrame(rows, columns=["claim", "what", "reading", "quantity", "period"])


def _as_words(verdict: str) -> str:
    return verdict.replace("_", " ") if verdict else "not read"


def doubt(
    row: pd.Series, others: pd.DataFrame, gate: Mapping[str, frozenset[str]] = VERDICT_HOWS
) -> str:
    """Why a flag does not hold under every reading ("" if it does).

    ``others`` are the claim's other readings with the verdict ``assess`` gave
    each (``verdict``; empty where the record has no series for the reading).

    Examples
    --------
    >>> row = pd.Series({"verdict": "overstates", "period": "1938", "period_how": "span",
    ...     "quantity": "executions", "whole_stated": True})
    >>> others = pd.DataFrame({"what": ["period"], "reading": ["1937/1938"], "verdict": ["consistent"]})
    >>> doubt(row, others)
    'period unclear: 1938 (overstates) or 1937/1938 (consistent) give different verdicts'
    >>> doubt(row, others.iloc[:0])
    ''
    """
    verdict, how = str(row["verdict"]), str(row["period_how"])
    if verdict in CALIBRATED_VERDICTS and how not in gate.get(kind_of(verdict), ()):
        words = HOW_WORDS.get(how, "")
        said = verdict.replace("_", " ")
        return (
            f"{said} for {row['period']} (the period found by {how}{f': {words}' if words else ''}), but "
            f"'{said}' with a period found this way has not been shown right often enough on labelled texts "
            "to be given; check the period, what the number counts and whether it is of the whole USSR"
        )
    if verdict not in FLAGS:
        return ""
    for what, own in (("period", row["period"]), ("quantity", row["quantity"])):
        differ = others[(others["what"] == what) & (others["verdict"] != verdict)]
        if len(differ):
            alternatives = " or ".join(
                f"{r} ({_as_words(v)})" for r, v in zip(differ["reading"], differ["verdict"])
            )
            noun = "period unclear" if what == "period" else "what the number counts is unclear"
            return f"{noun}: {str(own).replace('_', ' ')} ({verdict}) or {alternatives.replace('_', ' ')} give different verdicts"
    if (
        verdict == UNDERSTATES
        and not bool(row.get("whole_stated", False))
        and row.get("scope", "USSR") == "USSR"
    ):
        return (
            "below the record's count for the whole USSR, but the text does not say the number is of the whole: "
            "it may count a part it does not name; check what it counts"
        )
    return ""


def judged(rows: pd.DataFrame) -> pd.Series:
    """Which readings the record can judge at all (a quantity of the vocabulary)."""
    return rows["quantity"].isin(list(QUANTITIES))
