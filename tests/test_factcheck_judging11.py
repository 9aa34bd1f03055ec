"""Round 11 (issue 20): the record's own count is ``consistent``; a floor met under a doubtful reading is not
judged.

Label rule 26 (tests/data/factcheck_web/README.md, "The expected verdict"): a point equal to the record's floor
for the same quantity and period, exactly or rounded to the digits printed with at least three significant
digits, is the document's own count.  And a ``not_contradicted`` whose quantity was carried from another clause
of an enumeration, or whose scope is the political subset ("as enemies of the Soviet state"), says nothing: a
floor is met by a misread quantity or part as easily as by the right one.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from gulagstats.factcheck.bounds import (
    CARRIED_NOTE,
    DOCUMENT_DIGITS,
    carried_quantity,
    is_own_count,
    own_count,
    printed_digits,
)
from gulagstats.factcheck.judgment import NOT_JUDGED, claims_frame, judge
from gulagstats.factcheck.readings import OPEN_GATE, VERDICT_HOWS
from gulagstats.factcheck.run import check_text
from tests.claim_rows import claim_row


def _shot(value: str, **given: object) -> pd.Series:
    row = claim_row(
        **{
            "mention": value,
            "quantity": "executions",
            "low": value,
            "high": value,
            "period": "1921/1953",
            "period_how": "span",
            **given,
        }
    )
    return judge(row, gate=OPEN_GATE).iloc[0]


def test_the_record_s_own_count_is_consistent_with_its_floor_named():
    out = _shot("799455")
    assert out["verdict"] == "consistent", out["reason"]
    said = out["explanation"]
    assert said.startswith(
        "Consistent: 799,455 is the record's own count: 799,455 sentenced to death on cases of the secret"
    )  # round 13: one verdict's words, the count named first
    assert "not contradicted" not in said.lower()
    assert "a floor of all executions" in said and "status derived" in said
    assert out["benchmark_status"] == "derived"  # status and bound travel beside the verdict
    assert out["benchmark_low"] == 799455.0


def test_the_own_count_rounded_to_three_digits_printed_is_consistent():
    assert _shot("799000")["verdict"] == "consistent"


@pytest.mark.parametrize("value", ["800000", "801000", "799454", "700000"])
def test_a_round_number_or_another_value_is_read_against_the_floor_as_before(value):
    out = _shot(value)
    assert out["verdict"] == "not_contradicted", (out["verdict"], out["reason"])
    assert "own count" not in out["explanation"]


def test_the_gate_lets_the_own_count_through_where_consistent_is_allowed():
    out = judge(
        claim_row(
            mention="799,455",
            quantity="executions",
            low="799455",
            high="799455",
            period="1921/1953",
            period_how="span",
        ),
        gate=VERDICT_HOWS,
    ).iloc[0]
    assert ("span" in VERDICT_HOWS["consistent"]) == (out["verdict"] == "consistent")


def test_a_bound_or_a_part_is_never_the_own_count():
    assert _shot("799455", bound="low", high="")["verdict"] == "not_contradicted"
    part = _shot("799455", scope="region", scope_detail="Leningrad")
    assert part["verdict"] == NOT_JUDGED and part["reason"].startswith("a part of all executions")


def test_a_ceiling_met_exactly_is_no_floor():
    # 7,980 camp deaths in 1930 meet the record's ceiling, not a floor: not the rule's case
    answer = pd.Series({"verdict": "not_contradicted", "bound": "ceiling", "benchmark_low": 7980.0})
    claim = pd.Series({"low": "7980", "high": "7980", "bound": "point", "unit": "count"})
    assert own_count(claim, answer, "camp deaths") == ""


def test_a_text_read_end_to_end_gives_the_own_count_in_both_languages():
    for text in (
        "799,455 people were shot in 1921-1953.",
        "799 тыс. человек были расстреляны в 1921–1953 годах.",
    ):
        v = judge(claims_frame(check_text(text, "a.txt").frames), gate=OPEN_GATE)
        assert v["verdict"].tolist() == ["consistent"], v[
            ["mention", "verdict", "reason"]
        ].values.tolist()


@pytest.mark.parametrize(
    ("value", "count", "same"),
    [
        (799455, 799455, True),
        (799000, 799455, True),
        (799500, 799455, True),
        (800000, 799455, False),  # one significant digit: anybody's estimate
        (680000, 681692, False),  # two
        (681000, 681692, False),  # rounded, 681,692 is 682 thousand
        (0, 0, False),
        (-799455, -799455, False),
        (math.nan, 799455, False),
        (799455, math.nan, False),
        (10**30, 10**30, True),  # huge and equal
        (10**30, 10**30 + 10**26, False),  # one digit printed, and not equal
        (123_000_000_000, 123_456_789_012, True),  # three digits printed of a huge count
    ],
)
def test_is_own_count(value, count, same):
    assert is_own_count(value, count) is same


def test_printed_digits_and_its_threshold():
    assert DOCUMENT_DIGITS == 3
    assert [printed_digits(v) for v in (799455, 799000, 800000, 0, -1200, 1e6)] == [
        6,
        3,
        1,
        0,
        2,
        1,
    ]


def test_a_floor_met_under_a_quantity_carried_from_another_clause_is_not_judged():
    text = (
        "По информации О. Шатуновской, в период с 1935 по 1953 годы было расстреляно 7 миллионов человек, "
        "а в систему ГУЛАГа попало 19,5 миллионов."
    )
    v = judge(claims_frame(check_text(text, "a.txt").frames), gate=OPEN_GATE).set_index("mention")
    assert CARRIED_NOTE in v.at["19,5 миллионов", "note"]  # the note frames.py writes
    assert v.at["19,5 миллионов", "verdict"] == NOT_JUDGED
    assert v.at["19,5 миллионов", "reason"].startswith(
        "what the number counts is unclear: its quantity was carried"
    )
    assert v.at["7 миллионов", "verdict"] == "not_contradicted"  # its own clause's quantity


def test_a_carried_quantity_leaves_flags_and_table_cells_alone():
    claim = pd.Series({"note": f"{CARRIED_NOTE} (shot)", "cue": "shot", "period_how": "span"})
    assert carried_quantity(claim).startswith("what the number counts is unclear")
    # a table cell keeps its column's quantity; a flag is never asked (judge asks only a floor met)
    assert carried_quantity(claim.replace({"span": "table"})) == ""
    odd = pd.Series(
        {
            "note": f"\u200b{CARRIED_NOTE} (\u0441\u0442)",
            "cue": "\u0440\u0430\u0441\u0441\u0442\u0440\u0435\u043b\u044f\u043d\u043e",
        }
    )
    assert "sentence (расстреляно), and" in carried_quantity(odd)
    assert "sentence, and" in carried_quantity(odd.drop("cue"))
    assert carried_quantity(pd.Series(dtype=object)) == ""


def test_the_political_subset_is_the_records_own_series():
    # round 11 read it as a part; the round-14 label mend (political convictions in the whole USSR are the
    # record's own series) made it whole, and round 16's quantity_rules rows follow the labels
    text = (
        "The KGB said that three-quarters of a million citizens were shot to death as enemies of the Soviet state "
        "from 1930 to 1953."
    )
    v = judge(claims_frame(check_text(text, "a.txt").frames), gate=OPEN_GATE).iloc[0]
    assert v["scope"] == "USSR" and v["verdict"] == "not_contradicted"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "799455",
        "x" * 200_000 + " 799,455 people were shot in 1921-1953.",
        "\u202e799,455\u202c shot in 1921-1953 \U0001f600",
    ],
)
def test_hostile_input_is_judged_without_error(text):
    v = judge(claims_frame(check_text(text, "a.txt").frames), gate=OPEN_GATE)
    assert set(v["verdict"]) <= {
        "consistent",
        "not_contradicted",
        NOT_JUDGED,
        "overstates",
        "understates",
    }
    own = v[v["explanation"].astype(str).str.contains("own count")]
    assert (own["verdict"] == "consistent").all()
