"""Stage 6, judgment: each claim through ``assess``, or ``not_judged`` with the reason.

Nothing here decides a verdict: a claim read with confidence goes through
:func:`gulagstats.assess_claims` with its quantity, its bound (``low`` only
for "at least", ``high`` only for "at most"), its period and its unit.  What
is not read with confidence is not judged, and says why:

- a plan, a negation, a hypothesis, a spread of others' estimates;
- a share (the record holds counts), or a rate without a period read with
  confidence (a rate over a period is judged as the count over it);
- a quantity without an archival series (trial defendants, deportations);
- a period missing or unclear, or a reading below :data:`JUDGING_CONFIDENCE`;
- a part of the whole (one operation, nationality, region, trial,
  institution, camp): judged as a floor of the whole, so that a part that
  exceeds the record's whole still ``overstates``; otherwise not judged
  ("a part of all executions: the record has no series for one operation");
- a claim that ``assess`` finds :data:`PART_FACTOR` times or more below the
  record's count for the whole USSR: such a number is a part the text does
  not name (the 16 defendants of a trial, one camp's dead), so its scope was
  not read with confidence;
- a claim ``assess`` cannot compare (``not_comparable``: its own words are the
  reason) or cannot settle (``depends_on_reading``, ``depends_on_source``: the
  reason names what each reading or published value gives);
- a verdict whose period was found in a way not calibrated to support it, or a
  flag that does not hold under every reading (:mod:`.readings`), a ceiling ("up
  to 7 million", "до 7 млн") read as the number claimed too (round 8);
- a flow (arrests, executions, deaths) dated to one day: the record counts flows
  over spans, and the day is most likely the date of a report (round 8);
- a ``not_contradicted`` whose quantity was carried from another clause of an
  enumeration (:func:`~gulagstats.factcheck.bounds.carried_quantity`, round 11),
  met by a ceiling of a much longer span, or whose quantity's word stands in
  quotation marks apart from the number (:mod:`.secure_readings`, round 12), or that lies
  :data:`~gulagstats.factcheck.secure_readings.ROW_FACTOR` times farther from the record's floor than
  another number of its row or sentence read alike, or is met by a floor of zero (round 13), or whose
  own clause names a body or category of crime the record's floor does not count (:mod:`.wider_wholes`,
  round 15: "convicted by various courts").

Where ``assess`` answers that the verdict depends on the reading and the reading
the claim's words name is ``consistent``, the claim is ``consistent``
(:func:`met_as_read`, round 8).  A point that is the record's floor itself,
exactly or to the digits printed, is the document's own count: ``consistent``
(:func:`~gulagstats.factcheck.bounds.own_count`, label rule 26, round 11).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

import pandas as pd

from ..core.record import Record, resolve
from ..estimates.verdicts import assess_many
from ..estimates.vocabulary import QUANTITIES
from ..periods import period_bounds, period_text
from ..vocabulary import (
    CONSISTENT,
    DEPENDS_ON_READING,
    DEPENDS_ON_SOURCE,
    NOT_COMPARABLE,
    NOT_CONTRADICTED,
    OVERSTATES,
    PERSONS,
    UNDERSTATES,
)
from . import secure_readings as secure
from .bounds import (
    RIVAL_FIGURES,
    below_a_ceiling,
    carried_quantity,
    more_readings,
    own_counts,
    rival_figures,
    silent_readings,
)
from .frames import Frame
from .other_readings import met_under_another_reading
from .readings import (
    CALIBRATED_VERDICTS,
    CHECKED_VERDICTS,
    READING_COLUMNS,
    VERDICT_HOWS,
    doubt,
    judged,
    questions,
    unclear_period,
    unclear_quantity,
)
from .rejections import REJECTED, REJECTED_SAID
from .wider_wholes import other_body

#: The verdict of a claim that is not judged.
NOT_JUDGED = "not_judged"
#: The confidence a reading needs (quantity, and period) for a verdict.
JUDGING_CONFIDENCE = 0.6
#: A claim this many times below the record's count for the whole USSR is read as a part the text
#: does not name (one trial, one camp, one district), not as a claim about the whole: not judged.
PART_FACTOR = 10.0
#: The words of the reason given a claim :data:`PART_FACTOR` times or more below the record's whole.
UNNAMED_PART = "times below the record's count for the whole USSR"
#: The days of one unit of a rate: a rate over a period read with confidence is judged as the count over it.
RATE_DAYS = {"per_day": 1.0, "per_week": 7.0, "per_month": 365.25 / 12, "per_year": 365.25}
#: The confidence a rate's period needs: multiplied out, an error in the period grows with it.
RATE_THRESHOLD = 0.8
#: A period of one day: a flow (arrests, executions, deaths) is counted over a span, never on a day.
_ONE_DAY = re.compile(r"\d{4}-\d\d-\d\d")
#: The columns of claims.csv, in order.
CLAIM_COLUMNS = [
    "id",
    "file",
    "start",
    "end",
    "mention",
    "quantity",
    "low",
    "high",
    "bound",
    "unit",
    "period",
    "period_how",
    "period_confidence",
    "scope",
    "scope_detail",
    "modality",
    "attribution",
    "confidence",
    "sentence",
    "text_line",
    "cue",
    "note",
]
#: The columns verdicts.csv adds.
VERDICT_COLUMNS = [
    "verdict",
    "reason",
    "benchmark_id",
    "benchmark_period",
    "benchmark_low",
    "benchmark_high",
    "benchmark_source",
    "benchmark_status",
    "factor",
    "explanation",
]
_MODALITY = {
    "planned": "a plan or quota, not a count of what happened",
    "negated": "the text denies this number",
    "hypothetical": "a hypothesis, not a claim of what happened",
    "spread": "a spread of others' estimates quoted, not the author's claim",
}
#: ``whole`` ("throughout the country", carried from the sentence before) is the whole USSR.
_WHOLE = {"whole": "USSR"}
_SCOPE = {
    "operation": "one operation",
    "nationality": "one nationality",
    "region": "one region",
    "trial": "one trial",
    "institution": "one institution or body",
    "camp": "one camp",
    "category": "one category of prisoners or crimes",
    "plan": "a plan",
    "breakdown": "a breakdown of a figure before it",
}


#: The answers of ``assess`` whose readings or published values disagree: never printed as one verdict.
UNSETTLED = (DEPENDS_ON_READING, DEPENDS_ON_SOURCE)


def _unsettled(verdict: str, readings: str) -> str:
    """The reason a claim whose readings or sources give different verdicts is not judged, naming them.

    >>> _unsettled("depends_on_reading", "consistent (as read: 1,500,524); understates 1.3 (the Gulag: 1,929,729)")
    'the record gives different verdicts by how it is read: consistent (as read: 1,500,524); understates 1.3 (the Gulag: 1,929,729)'
    """
    what = "how it is read" if verdict == DEPENDS_ON_READING else "which published value is used"
    return f"the record gives different verdicts by {what}: {readings}".rstrip(": ")


#: What a ``consistent`` given on the reading the claim's own words name says first (:func:`met_as_read`).
AS_READ = (
    "Consistent as read: the number meets the record's count under the reading its words name, and a value "
    "that meets it is itself evidence for that reading (another reading gives another verdict)."
)


def met_as_read(answer: pd.Series) -> bool:
    """Whether ``assess``'s answer that the verdict depends on the reading is ``consistent`` as the claim reads.

    "1,500,000 camp inmates on 1 January 1941" meets the 1,500,524 in the camps (ITL) and understates
    the 1,929,729 of the whole Gulag, which a published "camps" may mean: a value that meets the count
    its own words name is evidence for that reading, as a ``consistent`` is not checked against other
    readings (:data:`~gulagstats.factcheck.readings.CHECKED_VERDICTS`).  Sources that disagree
    (``depends_on_source``) are never settled so.

    Examples
    --------
    >>> met_as_read(pd.Series({"verdict": "depends_on_reading", "preferred_verdict": "consistent"}))
    True
    >>> met_as_read(pd.Series({"verdict": "depends_on_reading", "preferred_verdict": "not_contradicted"}))
    False
    >>> met_as_read(pd.Series({"verdict": "depends_on_source", "preferred_verdict": "consistent"}))
    False
    """
    return answer["verdict"] == DEPENDS_ON_READING and answer.get("preferred_verdict") == CONSISTENT


def _shown_number(x: float | None) -> str:
    if x is None or x != x:
        return ""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def claims_frame(frames: Sequence[Frame]) -> pd.DataFrame:
    """The claims as rows of claims.csv (:data:`CLAIM_COLUMNS`); a bound leaves one end empty.

    The columns of :data:`~gulagstats.factcheck.readings.READING_COLUMNS` follow, for
    :func:`judge` only (it drops them; claims.csv does not hold them).

    Examples
    --------
    >>> from gulagstats.factcheck.run import check_text
    >>> f = claims_frame(check_text("Over 100 party members were shot in 1934.", "a.txt").frames)
    >>> f[["quantity", "low", "high", "bound", "period", "text_line"]].values.tolist()
    [['executions', '100', '', 'low', '1934', 1]]
    """
    rows = []
    stems: dict[str, int] = {}
    for f in frames:
        stem = f.file.rsplit("/", 1)[-1].rsplit(".", 1)[0] or "text"
        stems[stem] = stems.get(stem, 0) + 1
        rows.append(
            {
                "id": f"{stem}-{stems[stem]}",
                "file": f.file,
                "start": f.start,
                "end": f.end,
                "mention": f.mention,
                "quantity": f.quantity,
                "low": "" if f.bound == "high" else _shown_number(f.low),
                "high": "" if f.bound == "low" else _shown_number(f.high),
                "bound": f.bound,
                "unit": f.unit,
                "period": f.period,
                "period_how": f.period_how,
                "period_confidence": f.period_confidence,
                "scope": _WHOLE.get(f.scope, f.scope),
                "scope_detail": f.scope_detail,
                "modality": f.modality,
                "attribution": f.attribution,
                "confidence": f.confidence,
                "sentence": f.sentence,
                "text_line": f.text_line,
                "cue": f.cue,
                "note": "; ".join(f.notes),
                "period_readings": "|".join(f.period_readings),
                "quantity_readings": "|".join(f.quantity_readings),
                "whole_stated": f.whole_stated,
                "other_bodies": f.other_bodies,
            }
        )
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS + READING_COLUMNS)


def rate_as_count(row: pd.Series) -> tuple[float, float, float] | None:
    """A rate over a period read with confidence as the count over that period: (low, high, units).

    "1,000 executions a day" in 1937-1938 claims about 730,000 executions; a
    rate without a period, or over a single day, is not a count of anything.

    Examples
    --------
    >>> rate_as_count(pd.Series({"unit": "per_day", "low": "1000", "high": "1000", "period": "1937/1938",
    ...     "period_confidence": 0.9}))
    (730000.0, 730000.0, 730.0)
    >>> rate_as_count(pd.Series({"unit": "per_day", "low": "300", "high": "300", "period": "",
    ...     "period_confidence": 0.0})) is None
    True
    """
    days = RATE_DAYS.get(str(row["unit"]))
    if days is None or not row["period"] or float(row["period_confidence"]) < RATE_THRESHOLD:
        return None
    start, end = period_bounds(str(row["period"]))
    if start is None or end is None or end <= start:
        return None
    units = round(((end - start).days + 1) / days, 1)
    low = float(row["low"]) * units if str(row["low"]) else float("nan")
    high = float(row["high"]) * units if str(row["high"]) else float("nan")
    return low, high, units


def reason_not_judged(row: pd.Series) -> str:
    """Why a claim is not judged ("" if it is judged as read, ``part`` if judged as a floor of the whole).

    Examples
    --------
    >>> reason_not_judged(pd.Series({"modality": "planned", "unit": "count", "quantity": "executions",
    ...     "period": "1937", "confidence": 0.9, "period_confidence": 0.9, "scope": "USSR"}))
    'a plan or quota, not a count of what happened'
    """
    if row["modality"] != "stated":
        return _MODALITY[str(row["modality"])]
    if row["unit"] == "share":
        return "a share, and the record holds counts"
    if row["unit"] != "count" and rate_as_count(row) is None:
        return f"a rate ({str(row['unit']).replace('_', ' ')}) without a period read with confidence; the record holds counts"
    if row["quantity"] not in QUANTITIES:
        return f"no archival series for {str(row['quantity']).replace('_', ' ')}"
    if float(row["confidence"]) < JUDGING_CONFIDENCE:
        return unclear_quantity(row, JUDGING_CONFIDENCE)
    if not row["period"]:
        return "no period stated"
    if float(row["period_confidence"]) < JUDGING_CONFIDENCE:
        return unclear_period(row, JUDGING_CONFIDENCE)
    if QUANTITIES[str(row["quantity"])].kind == "flow" and _ONE_DAY.fullmatch(str(row["period"])):
        return (
            f"period unclear: {QUANTITIES[str(row['quantity'])].noun} on one day ({row['period']}); the record "
            "counts them over months and years, and a day is most likely the date of a report or an order"
        )
    if row["scope"] == "plan":
        return _MODALITY["planned"]
    if row["scope"] != "USSR":
        return "part"
    return ""


def _as_counts(asked: pd.DataFrame) -> tuple[pd.Series, pd.Series, dict]:
    """The ends asked of ``assess`` (a rate as its count over its period), and a note for each rate."""
    low, high, notes = asked["low"].copy(), asked["high"].copy(), {}
    for i in asked.index[asked["unit"] != "count"]:
        counted = rate_as_count(asked.loc[i])
        if counted is None:
            continue
        a, b, units = counted
        low[i], high[i] = (
            ("" if a != a else _shown_number(round(a))),
            ("" if b != b else _shown_number(round(b))),
        )
        unit = str(asked.at[i, "unit"]).replace("per_", "")
        notes[i] = (
            f"A rate of {asked.at[i, 'mention']} a {unit} over {period_text(str(asked.at[i, 'period']))} "
            f"({units:,g} {unit}s) is judged as the count over it."
        )
    return low, high, notes


def _assess(record: Record, asked: pd.DataFrame, low: pd.Series, high: pd.Series) -> pd.DataFrame:
    """``assess``'s answers for the rows ``asked`` (their quantity and period) with the ends ``low``
    and ``high``, indexed like ``asked``: a claim and each of its other readings are asked alike."""
    question = pd.DataFrame(
        {
            "quantity": asked["quantity"],
            "low": low,
            "high": high,
            "period": asked["period"],
            "unit": PERSONS,
            "region": "USSR",
        }
    )
    return assess_many(record, question.reset_index(drop=True)).set_axis(asked.index)


def _readings_in_doubt(
    out: pd.DataFrame,
    low: pd.Series,
    high: pd.Series,
    part: pd.Series,
    record: Record,
    gate: Mapping[str, frozenset[str]],
) -> dict:
    """The verdicts whose period was found in a way the ``gate`` does not let support them, and the flags
    that do not hold under every reading of their claim, with the reason
    (:mod:`gulagstats.factcheck.readings`): each other reading of a flag is asked of ``assess`` too; a
    ``not_contradicted`` met under another reading is ``consistent`` (:func:`~.other_readings.met_under_another_reading`)."""
    gated = out[out["verdict"].isin(CALIBRATED_VERDICTS)]
    if gated.empty:
        return {}
    whole = gated[~part[gated.index]]
    checked = gated[gated["verdict"].isin(CHECKED_VERDICTS)]
    alt = questions(more_readings(checked, whole.index, record))
    alt["verdict"], alt["low"], alt["high"] = "", "", ""
    for k in alt.index:  # a rate is multiplied out over each period read
        i = alt.at[k, "claim"]
        if out.at[i, "unit"] != "count" and alt.at[k, "what"] == "period":
            row = out.loc[i].copy()
            row["period"] = alt.at[k, "period"]
            counted = rate_as_count(row) or (float("nan"), float("nan"), 0.0)
            alt.at[k, "low"], alt.at[k, "high"] = (
                _shown_number(round(x)) if x == x else "" for x in counted[:2]
            )
        elif alt.at[k, "what"] == "bound":  # "up to 7 million" read as the 7 million claimed
            alt.at[k, "low"] = alt.at[k, "high"] = high[i]
        else:
            alt.at[k, "low"], alt.at[k, "high"] = low[i], ("" if part[i] else high[i])
    readable = judged(alt) & ((alt["low"] != "") | (alt["high"] != ""))
    answers = pd.DataFrame()
    if readable.any():
        asked = alt[readable]
        answers = _assess(record, asked, asked["low"], asked["high"])
        said = answers["verdict"].where(~answers.apply(met_as_read, axis=1), CONSISTENT)
        alt.loc[asked.index, "verdict"] = said.where(answers["error"] == "", "").astype(object)
    alt.loc[silent_readings(alt, out, readable), "verdict"] = NOT_CONTRADICTED
    if readable.any():  # a not_contradicted met under another reading of its kind (rounds 9, 19)
        seen = alt[readable].copy()
        met_under_another_reading(out, seen, answers, _ANSWER_COLUMNS)
        alt.loc[seen.index, "verdict"] = seen["verdict"]
    by_claim = dict(list(alt.groupby("claim")))
    none = alt.iloc[:0]
    return {i: why for i in gated.index if (why := doubt(out.loc[i], by_claim.get(i, none), gate))}


_ANSWER_COLUMNS = tuple(c for c in VERDICT_COLUMNS if c != "reason")  # what assess answers


class Answered(NamedTuple):
    """What :func:`_write_answers` hands on besides the answers it writes: the ends asked (for the readings),
    how many times below a ceiling of about its own period each claim is (:func:`below_a_ceiling`), why a
    ``not_contradicted`` says nothing of its period (:func:`~.secure_readings.says_nothing`, rounds 12, 14),
    and the claims that give the record's own count (:func:`own_count`, label rule 26)."""

    low: pd.Series
    high: pd.Series
    below: pd.Series
    longer: pd.Series
    own: list


def _write_answers(
    out: pd.DataFrame, asked: pd.DataFrame, part: pd.Series, reasons: pd.Series, record: Record
) -> Answered:
    """``assess``'s answers for the claims ``asked`` written into ``out`` (a part asked as a floor of the
    whole); an error or an unsettled verdict becomes the claim's reason (:class:`Answered`: what else it
    hands on)."""
    low, high, rates = _as_counts(asked)
    answers = _assess(record, asked, low, high.where(~part[asked.index], ""))
    below = answers.apply(below_a_ceiling, axis=1) if len(answers) else pd.Series(dtype=float)
    longer = pd.Series(
        [secure.says_nothing(asked.loc[i], answers.loc[i]) for i in asked.index],
        index=asked.index,
        dtype=object,
    )
    for column in _ANSWER_COLUMNS:
        out.loc[asked.index, column] = (
            answers[column].astype(object).where(answers[column].notna(), "")
        )
    for i, text in rates.items():
        out.at[i, "explanation"] = f"{text} {out.at[i, 'explanation']}"
    wrong = answers["error"] != ""
    errors = answers["error"][wrong].str.replace(
        r"^line \d+: ", "", regex=True
    )  # a line of the batch asked
    reasons[asked.index[wrong.to_numpy()]] = "the record cannot take this number: " + errors
    for i in asked.index[answers["verdict"].isin(UNSETTLED).to_numpy() & ~wrong.to_numpy()]:
        if met_as_read(answers.loc[i]) and not part[i]:
            out.at[i, "verdict"] = CONSISTENT
            out.at[i, "explanation"] = f"{AS_READ} {out.at[i, 'explanation']}"
            continue
        reasons[i] = _unsettled(str(answers.at[i, "verdict"]), str(answers.at[i, "verdict_range"]))
    for i in asked.index[
        (answers["verdict"] == NOT_COMPARABLE).to_numpy() & (reasons[asked.index] == "").to_numpy()
    ]:
        said = str(
            answers.at[i, "explanation"]
        )  # "Not comparable: the archival tables have no series of ..."
        reasons[i] = said.split(": ", 1)[1] if said.lower().startswith("not comparable: ") else said
    own = own_counts(out, asked, answers, part, reasons, record)  # label rule 26 (rounds 11, 14)
    return Answered(low, high, below, longer, own)


def _unnamed_part_reasons(out: pd.DataFrame, reasons: pd.Series, below: pd.Series) -> None:
    """The claims judged :data:`PART_FACTOR` times or more below the record's whole (an ``understates``, or a
    ``not_contradicted`` below a ceiling of about its own period) get the reason of a part the text does not
    name."""
    factor = pd.to_numeric(out["factor"], errors="coerce")
    times = factor.where(out["verdict"] == UNDERSTATES, below.reindex(out.index).fillna(0.0))
    tiny = (
        (reasons == "")
        & out["verdict"].isin((UNDERSTATES, NOT_CONTRADICTED))
        & (times >= PART_FACTOR)
    )
    for i in out.index[tiny]:
        reasons[i] = (
            f"about {times[i]:.0f} {UNNAMED_PART}: most likely a part "
            "the text does not name (a trial, a camp, a district); check what it counts"
        )


def judge(
    claims: pd.DataFrame,
    record: Record | None = None,
    gate: Mapping[str, frozenset[str]] = VERDICT_HOWS,
) -> pd.DataFrame:
    """The verdict of every claim: through ``assess_claims``, or ``not_judged`` with the reason.

    ``gate`` says which ways of finding a period may support each kind of verdict
    (:data:`~gulagstats.factcheck.readings.VERDICT_HOWS`, calibrated on dev;
    ``tools/calibrate_verdicts.py`` measures with :data:`~gulagstats.factcheck.readings.OPEN_GATE`).

    Examples
    --------
    >>> from gulagstats.factcheck.run import check_text
    >>> text = ("In 1937-1938, 7 million people were shot. Order 00447 foresaw 75,950 executions. "
    ...         "In Leningrad, 40,000 were shot in 1937-1938.")
    >>> v = judge(claims_frame(check_text(text, "a.txt").frames))
    >>> v[["mention", "verdict", "reason"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['7 million', 'overstates', ''],
     ['75,950', 'not_judged', 'a plan or quota, not a count of what happened'],
     ['40,000', 'not_judged', 'a part of all executions (one region: Leningrad); the record has no series for it']]
    """
    out = claims.copy()
    for column in VERDICT_COLUMNS:
        out[column] = pd.Series([""] * len(out), dtype=object, index=out.index)
    if out.empty:
        return out
    chosen = resolve(record)
    reasons = out.apply(reason_not_judged, axis=1)
    reasons[(reasons == "") & rival_figures(out)] = RIVAL_FIGURES
    part = reasons == "part"
    asked = out[(reasons == "") | part]
    below = pd.Series(0.0, index=out.index)
    longer = pd.Series("", index=out.index, dtype=object)
    own: list = []
    if len(asked):
        low, high, below, longer, own = _write_answers(out, asked, part, reasons, chosen)
    doubts = _readings_in_doubt(out, low, high, part, chosen, gate) if len(asked) else {}
    met = asked.index[(out.loc[asked.index, "verdict"] == NOT_CONTRADICTED).to_numpy()]
    beside = secure.closer_beside(out.loc[asked.index[~part[asked.index].to_numpy()]], own)
    for i in met:  # a bound met under a reading that is not secure (rounds 11 to 13)
        if reasons[i] != "":
            continue
        row = out.loc[i]
        why = carried_quantity(row) or longer[i] or secure.scare_quoted(row) or beside.get(i, "")
        why = why or secure.far_above_count(row) or secure.empty_floor(row)
        if why := why or secure.unfinished_range(row) or other_body(row):
            reasons[i] = why
    _unnamed_part_reasons(out, reasons, below)
    # a part is judged only where it exceeds the whole (else its own reason)
    for i, why in doubts.items():
        if reasons[i] == "" or (reasons[i] == "part" and out.at[i, "verdict"] == OVERSTATES):
            reasons[i], part[i] = why, False
    exceeds = part & (out["verdict"] == OVERSTATES)
    for i in out.index[part & ~exceeds]:
        noun = QUANTITIES[out.at[i, "quantity"]].noun
        what = _SCOPE.get(out.at[i, "scope"], out.at[i, "scope"])
        detail = f": {out.at[i, 'scope_detail']}" if out.at[i, "scope_detail"] else ""
        reasons[i] = f"a part of all {noun} ({what}{detail}); the record has no series for it"
    for i in out.index[exceeds]:
        out.at[i, "explanation"] = (
            f"A part ({_SCOPE.get(out.at[i, 'scope'], '')}) judged against the whole: even the record's count "
            f"for the whole USSR is lower. " + str(out.at[i, "explanation"])
        )
    judged_away = (reasons != "") & ~exceeds & (reasons != "part")
    out.loc[judged_away, "verdict"] = NOT_JUDGED
    out.loc[judged_away, list(VERDICT_COLUMNS[2:])] = ""
    out["reason"] = reasons.where(judged_away, "")
    rejected = out.get("note", out["mention"]).astype(str).str.contains(REJECTED, regex=False)
    for i in out.index[~judged_away & rejected]:
        out.at[i, "explanation"] = (
            f"{REJECTED_SAID} {out.at[i, 'explanation']}"  # "якобы 7 млн": not the author's
        )
    return out.drop(columns=[c for c in READING_COLUMNS if c in out.columns])


def unnamed_parts(verdicts: pd.DataFrame) -> pd.Series:
    """The claims :func:`judge` read as parts the text does not name (:data:`PART_FACTOR` times or more
    below the record's whole): not to be compared with claims about the whole.

    Examples
    --------
    >>> unnamed_parts(pd.DataFrame({"reason": ["", "about 17 times below the record's count for the whole USSR"]})).tolist()
    [False, True]
    """
    return verdicts["reason"].astype(str).str.contains(UNNAMED_PART, regex=False)
