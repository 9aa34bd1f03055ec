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

from gulagstats.factcheck.bounds import unnamed_understates
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
    assert out["explanation"].startswith("Consistent read as 1937/1938")
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
    assert unnamed_understates(alt, out).tolist() == [True, False, False, False]
    assert unnamed_understates(alt.iloc[:0], out).tolist() == []
