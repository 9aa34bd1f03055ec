"""When a ``not_contradicted`` rests on a reading that is not secure (issue 20, round 12).

A ``not_contradicted`` says only that a bound of the record is met, and a bound is met by a misread period
or quantity as easily as by the right one.  Round 11's rules gave 19 of 19 such verdicts right (by span) on
the texts they were tuned on and 3 of 6 on texts they were not.  Two general forms make the reading behind a
floor or a ceiling met too weak to publish, whatever the text:

- :func:`longer_ceiling`: the record's ceiling met is of a span more than
  :data:`~gulagstats.factcheck.bounds.CEILING_SPAN` times as long as the claim's own period.  Any count of a
  few months (11 sentenced in one prison in the autumn of 1937; "millions" arrested "at the start of January")
  fits under the ceiling of two years, whatever it counts and whenever it happened: the verdict says nothing
  the reading could not have got wrong.  A table's cells (``period_how`` ``table``) are left alone: their
  period is their row's, read from the table's own structure, and the ceiling of the table's whole span
  bounds each of its rows.
- :func:`scare_quoted`: the word that gave the quantity stands in quotation marks that do not hold the
  number ('tens of millions of "victims of Stalinist repressions"', «сотни тысяч "репрессированных"»): the
  author quotes others' word at a distance, and what the number counts is theirs, not the text's claim.

Both give ``not_judged`` with a reason a journalist reads; a flag or a ``consistent`` is not touched (a
value within the tolerance of the record's count, or beyond it, is a finding the numbers support).
"""

from __future__ import annotations

import re

import pandas as pd

from ..periods import period_bounds, years_in
from ..vocabulary import NOT_CONTRADICTED
from .bounds import CEILING_SPAN

#: The reason given a ``not_contradicted`` under a ceiling of a much longer span (:func:`longer_ceiling`).
LONGER_CEILING = (
    "the record's nearest ceiling is for {its} ({times} times as long as the claim's {own}): any count of so "
    "short a time fits under it, whatever it counts, so 'not contradicted' says nothing; check its period and "
    "what it counts"
)


def longer_ceiling(claim: pd.Series, answer: pd.Series) -> str:
    """Why ``assess``'s ``not_contradicted`` by a ceiling of a span more than :data:`CEILING_SPAN` times as
    long as the claim's own period is not judged ("" otherwise, and for a table's cells).

    Examples
    --------
    >>> answer = pd.Series({"verdict": "not_contradicted", "bound": "ceiling", "benchmark_period": "1937",
    ...     "claim_period": "1937-09-01/1937-11-30"})
    >>> longer_ceiling(pd.Series({"period_how": "own clause"}), answer)[:55]
    "the record's nearest ceiling is for 1937 (4 times as lo"
    >>> longer_ceiling(pd.Series({"period_how": "table"}), answer)
    ''
    >>> same = answer.replace({"1937": "1937/1938", "1937-09-01/1937-11-30": "1937-08-05/1938-11-15"})
    >>> longer_ceiling(pd.Series({"period_how": "span"}), same)  # about its own period: a finding
    ''
    >>> longer_ceiling(pd.Series({"period_how": "span"}), answer.replace({"ceiling": "floor"}))
    ''
    """
    if answer.get("verdict") != NOT_CONTRADICTED or answer.get("bound") != "ceiling":
        return ""
    if claim.get("period_how") == "table":
        return ""
    own, its = (str(answer.get(k, "") or "") for k in ("claim_period", "benchmark_period"))
    if None in (*period_bounds(own), *period_bounds(its)):
        return ""
    length = years_in(own) or 1 / 365.25  # a day
    times = years_in(its) / length
    if times <= CEILING_SPAN:
        return ""
    return LONGER_CEILING.format(
        its=its.replace("/", "-"), times=f"{times:.0f}", own=own.replace("/", " to ")
    )


#: Pairs of quotation marks, opening and closing (a straight double quote closes itself).
_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|\"[^\"]*\"")
#: The reason given a ``not_contradicted`` whose quantity's word is quoted apart from the number.
SCARE_QUOTED = (
    "what the number counts is quoted at a distance: the word that gave its quantity ({cue}) stands in "
    "quotation marks that do not hold the number, so the text may not claim it; check who counts what"
)


def scare_quoted(claim: pd.Series) -> str:
    """Why a ``not_contradicted`` whose quantity's word (``cue``) stands in quotation marks that do not hold
    its number (``mention``) is not judged ("" otherwise): scare quotes, not a quotation of a claim.

    Examples
    --------
    >>> claim = pd.Series({"cue": "repressions", "mention": "about tens of millions",
    ...     "sentence": 'It was impossible to lie about tens of millions of "victims of Stalinist repressions."'})
    >>> scare_quoted(claim)[:60]
    'what the number counts is quoted at a distance: the word tha'
    >>> scare_quoted(claim.replace({claim["sentence"]: '"About tens of millions of repressions", he wrote.'}))
    ''
    >>> scare_quoted(claim.replace({claim["sentence"]: "7 million repressions in «Pravda»."}))
    ''
    """
    cue, mention = (str(claim.get(k, "") or "").casefold() for k in ("cue", "mention"))
    sentence = str(claim.get("sentence", "") or "").casefold()
    if not cue or not mention or cue not in sentence or cue in _QUOTED.sub(" ", sentence):
        return ""  # no word, or the word also stands outside quotation marks
    for quoted in _QUOTED.finditer(sentence):
        inside = quoted.group()
        if cue in inside and mention not in inside:
            return SCARE_QUOTED.format(cue=claim.get("cue", ""))
    return ""
