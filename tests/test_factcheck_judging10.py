"""Round 10 (issue 20): another reading that ``understates`` without the whole named does not contradict.

An ``understates`` is given only where the text names the whole USSR (round 5): a number below the whole
may count a part the text does not name.  So another reading of a ``not_contradicted`` claim that would
``understates`` without the whole named contradicts nothing either: "724,000 people executed" from October
1936 to November 1938, read also as arrests (the sentence's other clause: "1,710,000 people were
arrested"), is below the record's arrests but says nothing against them; read as the whole years 1937-1938
it meets the 681,692 death sentences, so the claim is ``consistent`` (round 9's rule).  With the whole
named, that reading would contradict, and the claim stays ``not_judged``.
"""

from __future__ import annotations

import pandas as pd

from gulagstats.factcheck.bounds import silent_readings
from gulagstats.factcheck.judgment import NOT_JUDGED, judge
from gulagstats.factcheck.readings import OPEN_GATE
from tests.claim_rows import claim_row


def _executed(**given: object) -> pd.DataFrame:
    return claim_row(
        **{
            "mention": "724,000",
            "quantity": "executions",
            "low": "724000",
            "high": "724000",
            "period": "1936-10-01/1938-11-30",
            "period_how": "span",
            "quantity_readings": "arrests",
            "whole_stated": False,
            **given,
        }
    )


def test_an_understates_without_the_whole_named_does_not_block_a_reading_that_meets_the_record():
    out = judge(_executed(), gate=OPEN_GATE).iloc[0]
    assert out["verdict"] == "consistent", out["reason"]
    assert out["explanation"].startswith("Consistent read as 1937-1938")
    assert out["benchmark_id"] == "executions_nkvd:1937/1938"


def test_with_the_whole_named_the_other_reading_contradicts():
    out = judge(_executed(whole_stated=True), gate=OPEN_GATE).iloc[0]
    assert out["verdict"] == NOT_JUDGED
    # the arrests reading flags, so round 9's rule does not make it consistent: its readings differ
    assert out["reason"].endswith("give different verdicts"), out["reason"]


def test_a_part_or_a_flag_keeps_its_readings():
    out = pd.DataFrame(
        {
            "verdict": ["not_contradicted", "not_contradicted", "overstates"],
            "scope": ["USSR", "region", "USSR"],
            "whole_stated": [False, False, False],
        }
    )
    alt = pd.DataFrame({"claim": [0, 1, 2, 0], "verdict": ["understates"] * 3 + ["overstates"]})
    readable = pd.Series(True, index=alt.index)
    assert silent_readings(alt, out, readable).tolist() == [True, False, False, False]
    assert silent_readings(alt.iloc[:0], out, readable.iloc[:0]).tolist() == []
    # a reading the record cannot judge says nothing against a not_contradicted, but a flag must hold
    # under every reading
    unjudged = pd.DataFrame({"claim": [0, 2, 2], "verdict": ["", "", "not_comparable"]})
    assert silent_readings(unjudged, out, pd.Series([False, False, True])).tolist() == [
        True,
        False,
        False,
    ]


def test_a_reading_the_record_cannot_judge_leaves_not_contradicted_standing():
    # "more than one and a half million" arrested in August 1937-November 1938, which its sentence also
    # lets read as all the repressed, of which the record has no count for that span
    claim = claim_row(
        mention="more than one and a half million",
        quantity="arrests",
        low="1500000",
        high="",
        bound="at_least",
        period="1937-08-01/1938-11-30",
        period_how="sentence",
        quantity_readings="repressed_total",
        whole_stated=False,
    )
    out = judge(claim, gate=OPEN_GATE).iloc[0]
    assert out["verdict"] == "not_contradicted", out["reason"]
    # the same with a reading that flags stays unclear (round 7)
    far = judge(claim.assign(quantity_readings="executions"), gate=OPEN_GATE).iloc[0]
    assert far["verdict"] == NOT_JUDGED, far["verdict"]


def test_an_open_floor_far_below_the_record_is_an_unnamed_part():
    # "из них более 4400 женщин" of one republic, read as all the repressed of the USSR in 1930-1950: the
    # record's floor is 3,759,465, so "more than 4,400" is not contradicted only because it says so little
    claim = claim_row(
        mention="более 4400",
        quantity="repressed_total",
        low="4400",
        high="",
        bound="at_least",
        period="1930/1950",
        period_how="span",
        whole_stated=False,
    )
    out = judge(claim, gate=OPEN_GATE).iloc[0]
    assert out["verdict"] == NOT_JUDGED
    assert "most likely a part the text does not name" in out["reason"], out["reason"]
    # within ten times of the floor it stays not contradicted
    near = judge(claim.assign(low="1000000"), gate=OPEN_GATE).iloc[0]
    assert near["verdict"] == "not_contradicted", near["reason"]
