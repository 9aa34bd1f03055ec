"""A verdict must hold under every plausible reading of its claim (issue 20, rounds 5 to 7).

A claim frame is one reading of a sentence: one period, one quantity, one
scope.  A verdict that holds only under that one reading is not a finding a
newsroom can publish.  So

- every verdict of :data:`CALIBRATED_VERDICTS` (a flag, ``consistent``,
  ``not_contradicted``) needs its period found in a way calibrated to support
  that kind of verdict (:data:`VERDICT_HOWS`, measured by
  ``tools/calibrate_verdicts.py`` on both halves of the development part).  A
  ``consistent`` or ``not_contradicted`` rests on a *pool* of ways (round 7):
  the ways in the order of how often their periods are right, the longest
  run from the best whose pooled verdicts of that kind are right with the
  lower end of a one-sided 95 % Wilson interval at least :data:`POOL_LEVEL`
  on each half, on at least :data:`CALIBRATION_MINIMUM` verdicts a half, and
  none of whose ways is shown worse than that alone.  A flag stays stricter,
  one way at a time (round 6): its flags right at least
  :data:`FLAG_PERIOD_SHARE` of the time on each half, on at least
  :data:`CALIBRATION_MINIMUM` a half, or, where they are too few to say, the
  way's periods by the same rule; from round 12 a way whose verdicts of a kind
  the held-out part of dev (texts no rule was tuned on) shows wrong too often
  supports none of that kind; any other way may date a claim but not support
  the verdict;

and a flag or a ``not_contradicted`` stands only if, besides,

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
from datetime import date

import pandas as pd

from ..estimates.vocabulary import QUANTITIES
from ..periods import period_bounds, period_text
from ..vocabulary import CONSISTENT, NOT_CONTRADICTED, OVERSTATES, UNDERSTATES
from .phrases import tokens
from .resources import load_resources

#: The share of flags that a way of finding the period must get right, on each half of dev, to support a
#: flag (``tools/calibrate_verdicts.py``); where the flags are too few, the share of its periods right.
FLAG_PERIOD_SHARE = 0.9
#: The least "verdict right" a pool of ways may be shown to have, on each half of dev: the lower end of a
#: one-sided 95 % Wilson interval (:func:`wilson`) of its pooled verdicts of one kind (round 7).
POOL_LEVEL = 0.8
#: The normal quantile of a one-sided 95 % interval.
WILSON_Z = 1.645
#: The fewest verdicts of one kind (of one way for a flag, of one pool otherwise), and the fewest periods of one
#: way, on each half of dev, that say how often they are right: fewer, and nothing is supported by them.
CALIBRATION_MINIMUM = 5
FLAGS = (OVERSTATES, UNDERSTATES)
#: The kinds of verdict the calibration measures apart: a flag is either of :data:`FLAGS`.
VERDICT_KINDS = ("flag", CONSISTENT, NOT_CONTRADICTED)
#: The ways of no period, or of one end only, which never date a verdict (and are in no pool).
UNDATED_HOWS = ("none", "open")
#: The kinds of verdict supported by a pool of ways; a flag is supported one way at a time.
POOLED_KINDS = (CONSISTENT, NOT_CONTRADICTED)


def wilson(right: int, n: int, z: float = WILSON_Z) -> tuple[float, float]:
    """The Wilson score interval of a share ``right``/``n`` (each end one-sided at ``z``); (0, 1) for none.

    Examples
    --------
    >>> [round(x, 3) for x in wilson(20, 20)]
    [0.881, 1.0]
    >>> [round(x, 3) for x in wilson(26, 28)]
    [0.806, 0.976]
    >>> wilson(0, 0)
    (0.0, 1.0)
    """
    if n <= 0:
        return 0.0, 1.0
    p, zz = right / n, z * z
    centre, spread = p + zz / (2 * n), z * (p * (1 - p) / n + zz / (4 * n * n)) ** 0.5
    return max(0.0, (centre - spread) / (1 + zz / n)), min(1.0, (centre + spread) / (1 + zz / n))


class EveryWay(frozenset):
    """Every way of finding a period, also one added later: the open gate of the calibration.

    >>> "a way added later" in EveryWay()
    True
    """

    def __contains__(self, item: object) -> bool:
        return True


#: Which ways of finding a period (``period_how``) may support each kind of verdict: the calibrated column of
#: ``tools/calibrate_verdicts.py`` (the rule in this module's docstring; the tables in docs/factcheck.md).
#: Allow-lists, so that a new way of finding a period supports nothing until it has been measured; a verdict
#: whose way is not listed for its kind is ``not_judged``, and the reason says so.
VERDICT_HOWS: Mapping[str, frozenset[str]] = {
    "flag": frozenset({"span"}),
    CONSISTENT: frozenset(
        {"context", "named period", "own clause", "relative", "sentence", "span", "table"}
    ),
    NOT_CONTRADICTED: frozenset(
        {"context", "named period", "own clause", "sentence", "span", "table"}
    ),
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
READING_COLUMNS = ["period_readings", "quantity_readings", "whole_stated", "other_bodies"]
#: The verdicts the gate acts on.
CALIBRATED_VERDICTS = (*FLAGS, CONSISTENT, NOT_CONTRADICTED)
#: The verdicts that must hold under every other reading of their claim (round 7: not only the flags; a
#: ``not_contradicted`` read as executions, "as many as 12 million ... died either from execution or in the
#: labour camps", is no finding when the camps' deaths, the other reading, overstate).  A ``consistent`` is
#: not: a value that meets the record's under one reading is itself evidence for that reading (on dev the
#: check refused 11 right ``consistent`` verdicts and no wrong one).
CHECKED_VERDICTS = (*FLAGS, NOT_CONTRADICTED)


#: The days of a season: an end of a span this near a year's boundary ("the winter of 1936", "the autumn
#: of 1938") may be read as that boundary (:func:`rounded_years`, round 9).
SEASON_DAYS = 92


def rounded_years(period: str) -> str:
    """The whole years a span means when each of its ends lies within a season of a year's boundary ("" if
    it does not, or is whole years already): "between the winter of 1936 and the autumn of 1938", read as
    December 1936 to November 1938, may mean 1937-1938, and a verdict must hold under both readings.

    Examples
    --------
    >>> rounded_years("1936-12-01/1938-11-30"), rounded_years("1937-01-15/1937-12-20")
    ('1937/1938', '1937')
    >>> rounded_years("1936-10-01/1938-07-01"), rounded_years("1937/1938"), rounded_years("1941-01-01")
    ('', '', '')
    """
    start, end = period_bounds(period)
    if start is None or end is None:
        return ""
    first = next(
        (
            y
            for y in (start.year, start.year + 1)
            if abs((start - date(y, 1, 1)).days) <= SEASON_DAYS
        ),
        None,
    )
    last = next(
        (y for y in (end.year, end.year - 1) if abs((end - date(y, 12, 31)).days) <= SEASON_DAYS),
        None,
    )
    if first is None or last is None or first > last:
        return ""
    years = str(first) if first == last else f"{first}/{last}"
    return "" if period_bounds(years) == (start, end) else years


def named_readings(sentence: str, period: str) -> list[str]:
    """The readings the data gives the named periods of ``sentence`` (``periods.csv`` rows with a period, not a
    rule: "the Great Terror" 1937/1938) other than ``period`` itself (round 15): a text that dates the Great Terror
    1936-1938 still names the years the record counts, and "around 700,000 executed during the Great Terror" is
    asked under both.  One pass over the sentence's tokens.

    Examples
    --------
    >>> named_readings("During the Great Terror, around 700,000 people were executed.", "1936/1938")
    ['1937/1938']
    >>> named_readings("During the Great Terror, around 700,000 people were executed.", "1937/1938")
    []
    >>> named_readings("", "1937/1938")
    []
    """
    table = load_resources().periods
    out: list[str] = []
    for m in table.phrases.find(tokens(sentence)):
        row = table.rows[m.row]
        reading = str(row.get("reading", "") or "")
        if reading and not row.get("rule") and reading != period and reading not in out:
            out.append(reading)
    return out


def with_reading(cell: object, reading: str) -> str:
    """A cell of readings ("1938|1937/1938") with one more, unless it is empty or there already.

    >>> with_reading("1938", "1937/1938"), with_reading("1938", ""), with_reading("", "1937")
    ('1938|1937/1938', '1938', '1937')
    """
    have = alternatives_in(cell)
    return "|".join(have + ([reading] if reading and reading not in have else []))


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
        if row.get("bound", "") == "high":  # "up to 7 million": at most, or the number claimed
            rows.append(
                {
                    "claim": i,
                    "what": "bound",
                    "reading": f"{as_counted(row.get('high'))} as the number claimed",
                    "quantity": row["quantity"],
                    "period": row["period"],
                }
            )
    return pd.DataFrame(rows, columns=["claim", "what", "reading", "quantity", "period"])


#: What is unclear when a reading of each kind (``what`` of :func:`questions`) gives another verdict.
_DOUBT_NOUNS = {
    "period": "period unclear",
    "quantity": "what the number counts is unclear",
    "bound": "whether the number is a ceiling or the number claimed is unclear",
}


def as_counted(cell: object) -> str:
    """A claim's end as a reader writes it ("9000000" -> "9,000,000"; text that is no number as it is).

    >>> as_counted("9000000"), as_counted("")
    ('9,000,000', '')
    """
    try:
        return f"{float(str(cell)):,.0f}"
    except ValueError:
        return str(cell or "")


def met_range(met: pd.Series) -> str:
    """The range of the benchmark a reading met, in words: both ends where they differ, not the ceiling alone,
    which the claim may lie far below (round 18).

    >>> met_range(pd.Series({"benchmark_low": 1575259.0, "benchmark_high": 2500000.0}))
    '1,575,259 to 2,500,000'
    >>> met_range(pd.Series({"benchmark_low": 681692.0, "benchmark_high": 681692.0}))
    '681,692'
    """
    low, high = (
        as_counted(x) if x == x else "" for x in (met["benchmark_low"], met["benchmark_high"])
    )
    return f"{low} to {high}" if low and high and low != high else high or low


def _as_words(verdict: str) -> str:
    return verdict.replace("_", " ") if verdict else "not read"


#: The most words between a ``peak`` verb and the named period it makes a peak ("peaked during the").
PEAK_GAP = 3


def named_as_peak(row: pd.Series) -> str:
    """Why a claim dated by a named period is not judged when its sentence names that period as the peak of
    what it counts, not its span ("" if it does not; round 19): "more than 800,000 people were executed during
    the purges that peaked during the Great Terror" counts the purges, whose years the text gives elsewhere.  A
    lexicon ``peak`` verb ("peaked", "culminated", "достигли пика") at most :data:`PEAK_GAP` words before a named
    period read as the claim's period.  "At the height of the Great Terror" dates the number itself: no row.

    Examples
    --------
    >>> row = pd.Series({"period_how": "named period", "period": "1937/1938",
    ...     "sentence": "Over 800,000 were shot in the purges that peaked during the Great Terror."})
    >>> named_as_peak(row)
    "period unclear: 'peaked' makes 'Great Terror' (1937-1938) the peak of what the number counts, not its span; check when it happened"
    >>> named_as_peak(pd.Series({**row, "sentence": "At the height of the Great Terror, 800,000 were shot."}))
    ''
    >>> named_as_peak(pd.Series({**row, "period_how": "span"}))
    ''
    """
    if str(row.get("period_how", "")) != "named period":
        return ""
    data = load_resources()
    sentence = str(row.get("sentence", "") or "")
    toks = tokens(sentence)
    peaks = data.lexicon["peak"].phrases.find(toks)
    if not peaks:
        return ""
    table, period = data.periods, str(row["period"])
    for m in table.phrases.find(toks):
        if str(table.rows[m.row].get("reading", "") or "") != period:
            continue
        verb = next((p for p in peaks if 0 <= m.first - p.last <= PEAK_GAP), None)
        if verb is not None:
            said, name = (sentence[toks[x.first].start : toks[x.last - 1].end] for x in (verb, m))
            return (
                f"period unclear: '{said}' makes '{name}' ({period_text(period)}) the peak of what the number "
                "counts, not its span; check when it happened"
            )
    return ""


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
    if verdict in CALIBRATED_VERDICTS and (peak := named_as_peak(row)):
        return peak
    if verdict in CALIBRATED_VERDICTS and how not in gate.get(kind_of(verdict), ()):
        words = HOW_WORDS.get(how, "")
        said = verdict.replace("_", " ")
        way = (
            "however its period was found"
            if not gate.get(kind_of(verdict))
            else "with a period found this way"
        )
        return (
            f"{said} for {row['period']} (the period found by {how}{f': {words}' if words else ''}), but "
            f"'{said}' {way} has not been shown right often enough on labelled texts "
            "to be given; check the period, what the number counts and whether it is of the whole USSR"
        )
    if verdict not in CHECKED_VERDICTS:
        return ""
    for what, own in (
        ("period", row["period"]),
        ("quantity", row["quantity"]),
        ("bound", f"at most {as_counted(row.get('high'))}"),
    ):
        differ = others[(others["what"] == what) & (others["verdict"] != verdict)]
        if len(differ):
            alternatives = " or ".join(
                f"{r} ({_as_words(v)})" for r, v in zip(differ["reading"], differ["verdict"])
            )
            noun = _DOUBT_NOUNS[what]
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


def unclear_quantity(row: pd.Series, threshold: float) -> str:
    """The reason a claim whose quantity is read under ``threshold`` (the judging's ``JUDGING_CONFIDENCE``)
    is not judged, naming the reading, its cue and its confidence (round 17: "what the number counts is
    unclear" alone did not say what was read, nor why it was doubted).

    >>> unclear_quantity(pd.Series({"quantity": "gulag_population", "cue": "заключенных", "confidence": 0.45}), 0.6)
    "what the number counts is unclear: read as inmates of camps and colonies from 'заключенных' at confidence 0.45, under the 0.6 a verdict needs (a weak or distant cue, or a total of several); check what it counts"
    >>> unclear_quantity(pd.Series({"quantity": "executions", "cue": "", "confidence": 0.0}), 0.6)
    'what the number counts is unclear: no word near it says what it counts'
    """
    cue = str(row.get("cue", "") or "")
    if not cue:
        return "what the number counts is unclear: no word near it says what it counts"
    noun = QUANTITIES[str(row["quantity"])].noun
    return (
        f"what the number counts is unclear: read as {noun} from '{cue[:80]}' at confidence "
        f"{float(row['confidence']):.2f}, under the {threshold:g} a verdict needs (a weak or distant cue, "
        "or a total of several); check what it counts"
    )


def unclear_period(row: pd.Series, threshold: float) -> str:
    """The reason a claim whose period is read under ``threshold`` (the judging's ``JUDGING_CONFIDENCE``)
    is not judged, naming the period, how it was found and its confidence (round 17).

    >>> unclear_period(pd.Series({"period": "1924-01-01/1953-03-05", "period_how": "context",
    ...     "period_confidence": 0.4}), 0.6)
    'period unclear: 1 January 1924 to 5 March 1953 (a date carried from an earlier sentence) at confidence 0.40, under the 0.6 a verdict needs; check when it happened'
    >>> unclear_period(pd.Series({"period": "1937/", "period_how": "open", "period_confidence": 0.3}), 0.6)
    'period unclear: from 1937 (a period with one end only) at confidence 0.30, under the 0.6 a verdict needs; check when it happened'
    """
    period, how = str(row["period"]), str(row.get("period_how", "") or "")
    start, _, end = period.partition("/")
    shown = (
        f"from {period_text(start)}"
        if period.endswith("/")
        else f"until {period_text(end)}"
        if period.startswith("/")
        else period_text(period)
    )
    words = f" ({HOW_WORDS[how]})" if how in HOW_WORDS else ""
    return (
        f"period unclear: {shown}{words} at confidence {float(row['period_confidence']):.2f}, under the "
        f"{threshold:g} a verdict needs; check when it happened"
    )


def judged(rows: pd.DataFrame) -> pd.Series:
    """Which readings the record can judge at all (a quantity of the vocabulary)."""
    return rows["quantity"].isin(list(QUANTITIES))
