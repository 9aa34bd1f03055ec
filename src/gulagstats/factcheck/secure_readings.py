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

Round 13 added two, for a floor met from far below (round 12's test part: a table's column of all the
sentenced read as executions, each total "not contradicted" by the death sentences' floor several times
below it):

- :func:`closer_beside`: in one table row or one sentence, numbers read as the same quantity and period and
  set against the same floor of the record, one of which meets that floor :data:`ROW_FACTOR` times or more
  closely than another: two counts of one thing for one period do not differ so much, so the farther counts
  something else (the row's total beside its death sentences), and its ``not_contradicted`` is not judged;
- :func:`far_above_count`: a printed count (at least
  :data:`~gulagstats.factcheck.bounds.DOCUMENT_DIGITS` significant digits) :data:`DOCUMENT_FACTOR` times or more
  above a floor that is the documents' own count for the claim's very period (a value seen in them or set right
  from them, not derived): the documents count the thing itself, so a count so far above them either disputes
  them or, far more often, counts something else.  Which, the record cannot tell: not judged, rather than
  ``overstates`` (a floor is no ceiling) or ``not_contradicted`` (which would pass the misreading as support);
- :func:`empty_floor`: a floor of zero (no death sentence recorded in 1948) is met by any number, so
  "not contradicted" by it says nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import pandas as pd

from ..periods import period_bounds, years_in
from ..vocabulary import CONSISTENT, DERIVED, NOT_CONTRADICTED, PREFERENCE
from .bounds import CEILING_SPAN, DOCUMENT_DIGITS, printed_digits

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


#: How many times more closely one number of a row (or sentence) may meet the record's floor than another of
#: the same quantity and period before the other is read as counting something else (:func:`closer_beside`):
#: two documents' counts of one thing for one year differ by a part, not by twice the number.
ROW_FACTOR = 2.0
#: The reason given a ``not_contradicted`` far from a floor another number beside it meets (:func:`closer_beside`).
CLOSER_BESIDE = (
    "what the number counts is unclear: {other} beside it, read as the same {noun} of {period}, {meets}; this "
    "one lies {times} times farther from it and most likely counts something else (a total, another "
    "category); check its column or clause"
)
#: The reason given a ``not_contradicted`` by a floor of zero (:func:`empty_floor`).
EMPTY_FLOOR = (
    "the record's floor for {period} is 0, which any number meets, so 'not contradicted' says nothing; check "
    "what it counts"
)


def _closeness(value: float, floor: float) -> float:
    """How far a value lies from a floor, as a factor either way (1 where it meets it exactly)."""
    return max(value / floor, floor / value)


def closer_beside(verdicts: pd.DataFrame, own: Iterable[object] = ()) -> dict[object, str]:
    """Why each ``not_contradicted`` point of ``verdicts`` (claims with ``assess``'s answers: ``verdict``,
    ``benchmark_id``, ``benchmark_low``, ``benchmark_high``) is not judged because another number of its row or
    sentence, read as the same quantity and period against the same floor, meets that floor :data:`ROW_FACTOR`
    times or more closely (round 13): by index, for those claims only.  The numbers compared are the points met by
    a floor (a ``not_contradicted`` above the record's values, or within their tolerance) and the record's own
    counts ``own`` (``consistent`` by label rule 26: :func:`~gulagstats.factcheck.bounds.own_count`).

    Examples
    --------
    >>> v = pd.DataFrame({"file": ["t"] * 3, "sentence": ["1921 | 35 829 | 9701 | 9800 |"] * 3,
    ...     "start": [7, 16, 23], "mention": ["35 829", "9701", "9800"],
    ...     "quantity": ["executions"] * 3, "period": ["1921"] * 3, "low": ["35829", "9701", "9800"],
    ...     "high": ["35829", "9701", "9800"], "verdict": ["not_contradicted", "consistent", "not_contradicted"],
    ...     "benchmark_id": ["executions_nkvd:1921"] * 3, "benchmark_low": [9701.0] * 3,
    ...     "benchmark_high": [9701.0] * 3})
    >>> list(closer_beside(v, own=[1]))
    [0]
    >>> closer_beside(v, own=[1])[0][35:114]
    "9,701 beside it, read as the same executions of 1921, is the record's own count"
    >>> closer_beside(v.drop(index=1))  # 9,800 meets the floor 3.7 times more closely than 35,829
    {0: "what the number counts is unclear: 9,800 beside it, read as the same executions of 1921, meets the record's 9,701; this one lies 3.7 times farther from it and most likely counts something else (a total, another category); check its column or clause"}
    >>> closer_beside(v.drop(index=[1, 2]))
    {}
    """
    if verdicts.empty:
        return {}
    own = set(own)
    value = pd.to_numeric(verdicts["low"], errors="coerce")
    floor = pd.to_numeric(verdicts["benchmark_low"], errors="coerce")
    top = pd.to_numeric(verdicts["benchmark_high"], errors="coerce")
    point = value.eq(pd.to_numeric(verdicts["high"], errors="coerce")) & (value > 0) & (floor > 0)
    met = (verdicts["verdict"] == NOT_CONTRADICTED) & floor.eq(top)
    own_met = verdicts.index.isin(list(own)) & (verdicts["verdict"] == CONSISTENT)
    compared = verdicts[point & (met | own_met)]
    out: dict[object, str] = {}
    keys = [
        compared[k].astype(str) for k in ("file", "sentence", "quantity", "period", "benchmark_id")
    ]
    at = sentence_starts(compared).astype(str)  # one sentence, not two of the same words (round 14)
    for _, rows in compared.groupby([*keys, at]):
        if len(rows) < 2:
            continue
        far = {i: _closeness(float(value[i]), float(floor[i])) for i in rows.index}
        best = min(far, key=lambda i: far[i])
        for i in rows.index:
            times = far[i] / far[best]
            if rows.at[i, "verdict"] != NOT_CONTRADICTED or times < ROW_FACTOR:
                continue
            noun = str(rows.at[i, "quantity"]).replace("_", " ")
            count = f"{float(floor[best]):,.0f}"
            out[i] = CLOSER_BESIDE.format(
                other=f"{float(value[best]):,.0f}",
                noun=noun,
                period=str(rows.at[i, "period"]).replace("/", "-"),
                meets="is the record's own count" if best in own else f"meets the record's {count}",
                times=f"{times:.1f}",
            )
    return out


def sentence_starts(claims: pd.DataFrame) -> pd.Series:
    """Where each claim's sentence starts in its text, from the claim's ``start`` (its number's place) and where
    its ``mention`` stands in its ``sentence``: two sentences of the same words in one text are two places.  A
    mention that its sentence holds more than once gives several places; the one the most claims of the same
    file and sentence share is taken (the places two copies of a sentence give never meet: they lie a sentence's
    length apart).

    Examples
    --------
    >>> c = pd.DataFrame({"file": ["t"] * 4, "sentence": ["1 | 5 | 5 |"] * 4, "mention": ["1", "5", "5", "1"],
    ...     "start": [0, 4, 8, 12]})
    >>> sentence_starts(c).tolist()
    [0, 0, 0, 12]
    >>> sentence_starts(c.iloc[:0]).tolist()
    []
    """
    places: dict[object, list[int]] = {}
    none = pd.Series(
        "", index=claims.index, dtype=object
    )  # a frame without them: one place a sentence
    for i, mention, sentence, start in zip(
        claims.index, claims.get("mention", none), claims["sentence"], claims.get("start", none)
    ):
        at = int(_cell_value(start)) if _cell_value(start) == _cell_value(start) else 0
        found = re.finditer(re.escape(str(mention)), str(sentence))
        places[i] = [at - m.start() for m in found if str(mention)] or [at]
    chosen = pd.Series(0, index=claims.index, dtype=int)
    for _, rows in claims.groupby([claims["file"].astype(str), claims["sentence"].astype(str)]):
        shared = Counter(p for i in rows.index for p in set(places[i]))
        for i in rows.index:
            chosen[i] = max(places[i], key=lambda p: (shared[p], -p))
    return chosen


def _cell_value(cell: object) -> float:
    """A cell as a number (NaN where it is none)."""
    return float(pd.to_numeric(pd.Series([cell]), errors="coerce").iloc[0])


def empty_floor(claim: pd.Series) -> str:
    """Why a ``not_contradicted`` by a floor of zero is not judged ("" otherwise): any number meets it.

    Examples
    --------
    >>> claim = pd.Series({"verdict": "not_contradicted", "benchmark_low": 0.0, "benchmark_high": 0.0,
    ...     "period": "1948"})
    >>> empty_floor(claim)[:40]
    "the record's floor for 1948 is 0, which "
    >>> empty_floor(claim.replace({0.0: 475.0}))
    ''
    """
    if claim.get("verdict") != NOT_CONTRADICTED:
        return ""
    if (
        _cell_value(claim.get("benchmark_low")) != 0
        or _cell_value(claim.get("benchmark_high")) != 0
    ):
        return ""
    return EMPTY_FLOOR.format(period=str(claim.get("period", "")).replace("/", "-"))


#: How many times above the documents' own count for its period a printed count must lie to be read as counting
#: something else (:func:`far_above_count`): "several times", beyond any difference of two documents' counts.
DOCUMENT_FACTOR = 3.0
#: The reason given a ``not_contradicted`` far above the documents' own count (:func:`far_above_count`).
FAR_ABOVE_COUNT = (
    "what the number counts is unclear: it is {times} times the record's own count for {period} ({floor:,.0f}, "
    "a count of the documents themselves), so it either disputes the documents or counts something else (a "
    "total, another category); check what it counts"
)


def far_above_count(claim: pd.Series) -> str:
    """Why a ``not_contradicted`` printed count :data:`DOCUMENT_FACTOR` times or more above the documents' own
    count for its very period is not judged ("" otherwise; round 13): the floor is one value (``benchmark_low``
    equal to ``benchmark_high``) of the claim's own period (``benchmark_period``), seen in the documents or set
    right from them (a status stronger than ``derived``), and the claim a point of at least
    :data:`~gulagstats.factcheck.bounds.DOCUMENT_DIGITS` significant digits (a round number is an estimate).

    Examples
    --------
    >>> claim = pd.Series({"verdict": "not_contradicted", "low": "35829", "high": "35829", "period": "1921",
    ...     "benchmark_low": 9701.0, "benchmark_high": 9701.0, "benchmark_period": "1921",
    ...     "benchmark_status": "confirmed"})
    >>> far_above_count(claim)[:60]
    'what the number counts is unclear: it is 3.7 times the recor'
    >>> far_above_count(claim.replace({"confirmed": "derived"}))  # a sum of the record's counts
    ''
    >>> far_above_count(claim.replace({"35829": "35000"}))  # two digits printed: an estimate
    ''
    >>> far_above_count(claim.where(claim.index != "benchmark_period", "1921/1922"))  # another period
    ''
    """
    if claim.get("verdict") != NOT_CONTRADICTED:
        return ""
    value, other = _cell_value(claim.get("low")), _cell_value(claim.get("high"))
    floor, top = _cell_value(claim.get("benchmark_low")), _cell_value(claim.get("benchmark_high"))
    if not (value == other and value > 0 and floor > 0 and floor == top):
        return ""
    if printed_digits(value) < DOCUMENT_DIGITS or value < DOCUMENT_FACTOR * floor:
        return ""
    status = str(claim.get("benchmark_status", "") or "")
    if PREFERENCE.get(status, PREFERENCE[DERIVED]) >= PREFERENCE[DERIVED]:
        return ""
    own, its = (str(claim.get(k, "") or "") for k in ("period", "benchmark_period"))
    if None in period_bounds(own) or period_bounds(own) != period_bounds(its):
        return ""
    return FAR_ABOVE_COUNT.format(
        times=f"{value / floor:.1f}", period=own.replace("/", "-"), floor=floor
    )


#: The reason given an open floor ("over a million") met by a floor of the record and dated only by an era its
#: name gives (:func:`floor_by_era`).
FLOOR_BY_ERA = (
    "'{mention}' cannot be contradicted by a floor of the record, whatever its number, so 'not contradicted' "
    "rests wholly on its period, and that period ({period}) is an era read from a name ('under Stalin', 'the "
    "Soviet regime', 'wartime'), which a text names for its subject more often than for its number; check its "
    "period"
)


def floor_by_era(claim: pd.Series, answer: pd.Series) -> str:
    """Why a ``not_contradicted`` open floor met by a floor of the record and dated by a named period is not
    judged ("" otherwise; round 14).  "Over a million" never contradicts "at least 1,459,806": two floors agree
    whatever the numbers, so the verdict says only that the period and the quantity were read right.  A period
    given by the name of an era (Stalin's rule, the Soviet period, the war) is the weakest way of dating a number:
    the name often dates the text's subject ("the gulags ... peaked under Stalin, but existed before and after his
    reign"; "persecution ... by the Soviet regime") rather than the number.  A point or a range met by a floor is
    left alone (it could have fallen below it), as is an open floor dated by dates the text states.

    Examples
    --------
    >>> claim = pd.Series({"bound": "low", "period_how": "named period", "mention": "over a million",
    ...     "period": "1924-01-01/1953-03-05"})
    >>> met = pd.Series({"verdict": "not_contradicted", "bound": "floor"})
    >>> floor_by_era(claim, met)[:50]
    "'over a million' cannot be contradicted by a floor"
    >>> floor_by_era(claim.replace({"named period": "span"}), met)
    ''
    >>> floor_by_era(claim.replace({"low": "point"}), met)
    ''
    >>> floor_by_era(claim, met.replace({"floor": "ceiling"}))  # at least N under a ceiling: it could exceed it
    ''
    """
    if answer.get("verdict") != NOT_CONTRADICTED or answer.get("bound") != "floor":
        return ""
    if claim.get("bound") != "low" or claim.get("period_how") != "named period":
        return ""
    return FLOOR_BY_ERA.format(
        mention=claim.get("mention", ""), period=str(claim.get("period", "")).replace("/", " to ")
    )


#: A number that opens a range ("between 775,866 and", "от 1,5 до"): the words before it and after it
#: (:func:`unfinished_range`).
_RANGE_OPENS = re.compile(r"(?:\bbetween|\bfrom|\bмежду|\bот)\s*$", re.IGNORECASE)
_RANGE_GOES_ON = re.compile(r"^\s*(?:and|to|и|до|[-–—])\s*[~≈]?\s*\d\S*", re.IGNORECASE)
#: The reason given a point read from one end of a range whose other end was not read (:func:`unfinished_range`).
UNFINISHED_RANGE = (
    "what the number claims is unclear: {mention} opens a range ('{said}') whose other end was not read, so "
    "the claim is the range, not this one end; check the range"
)


def unfinished_range(claim: pd.Series) -> str:
    """Why a ``not_contradicted`` point that is one end of a range the reader did not finish is not judged
    ("" otherwise; round 14): "between 775,866 and 786,098a" (a footnote letter glued to the second end) read as
    775,866 alone.  The text claims the range: one of its ends met by the record is not the claim met.

    Examples
    --------
    >>> claim = pd.Series({"verdict": "not_contradicted", "bound": "point", "mention": "775,866",
    ...     "sentence": "put the total number of death sentences between 775,866 and 786,098a."})
    >>> unfinished_range(claim)[35:100]
    "775,866 opens a range ('between 775,866 and 786,098a. ...') whose"
    >>> unfinished_range(claim.replace({claim["sentence"]: "between 1937 and 1938, 775,866 were shot."}))
    ''
    >>> unfinished_range(claim.replace({"point": "range"}))
    ''
    """
    mention = str(claim.get("mention", "") or "")
    if claim.get("verdict") != NOT_CONTRADICTED or claim.get("bound") != "point" or not mention:
        return ""
    sentence = str(claim.get("sentence", "") or "")
    for at in re.finditer(re.escape(mention), sentence):
        before, after = sentence[: at.start()], sentence[at.end() :]
        opens, goes_on = _RANGE_OPENS.search(before), _RANGE_GOES_ON.match(after)
        if opens and goes_on:
            said = f"{before[opens.start() :]}{mention}{goes_on.group()}".strip()
            return UNFINISHED_RANGE.format(mention=mention, said=f"{said} ...")
    return ""


def says_nothing(claim: pd.Series, answer: pd.Series) -> str:
    """Why ``assess``'s ``not_contradicted`` of ``claim`` says nothing of its period: met by a ceiling of a much
    longer span (:func:`longer_ceiling`, round 12) or, an open floor dated by an era's name, by a floor
    (:func:`floor_by_era`, round 14); "" otherwise.

    >>> says_nothing(pd.Series({"period_how": "span", "bound": "low"}), pd.Series({"verdict": "consistent"}))
    ''
    """
    return longer_ceiling(claim, answer) or floor_by_era(claim, answer)
