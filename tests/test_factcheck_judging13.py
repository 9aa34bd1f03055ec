"""Round 13 (issue 20): a floor met from far below is no support; the record's own count says one thing.

Round 12's test part read a table's column of all the sentenced as executions, and each total was "not
contradicted" by the death sentences' floor several times below it.  The judging no longer depends on the
column being read right: a ``not_contradicted`` far from a floor that another number of its row meets, far above
the documents' own count for its period, or met by a floor of zero, is ``not_judged`` with a reason.
"""

from __future__ import annotations

import pandas as pd
import pytest

from calibrate_verdicts import HALVES, HELD, DevPart
from gulagstats import assess_claims
from gulagstats.factcheck.judgment import claims_frame, judge
from gulagstats.factcheck.readings import OPEN_GATE
from gulagstats.factcheck.run import check_text
from gulagstats.factcheck.secure_readings import (
    DOCUMENT_FACTOR,
    ROW_FACTOR,
    closer_beside,
    empty_floor,
    far_above_count,
)

#: The head of the MVD/KGB year table of round 12's test part, as such books print it (its words, few rows).
TABLE = (
    "Годы | По данным I спецотдела МВД СССР | По данным КГБ СССР | ||\n"
    "Всего | Из них к высшей мере | Всего | Из них к высшей мере | |\n"
    "1921 | 35 829 | 9701 | 35 829 | 9701 |\n"
    "1922 | 6003 | 1962 | 6003 | 1962 |\n"
    "1941 | 75 411 | 8011 | 111 384 | 23 726 |\n"
)


def _judged(text: str) -> pd.DataFrame:
    return judge(claims_frame(check_text(text, "a.txt").frames), gate=OPEN_GATE)


def test_a_table_s_totals_read_as_executions_are_not_judged_beside_the_record_s_own_count():
    claims = claims_frame(check_text(TABLE, "a.txt").frames)
    assert len(claims) == 12  # three rows of four cells
    at = claims["mention"].isin(["35 829", "6003", "75 411", "111 384"]).to_numpy()
    # round 13's table reader reads the "Всего" column as all the sentenced, not as executions ...
    assert "executions" not in set(claims.loc[at, "quantity"])
    # ... but the judging must not depend on it: read as executions, as round 12's reader did
    claims.loc[at, "quantity"] = "executions"
    v = judge(claims, gate=OPEN_GATE)
    own = v[v["mention"].isin(["9701", "1962"])]
    assert set(own["verdict"]) == {"consistent"}  # rule 26: the document's own count
    totals = v[v["mention"].isin(["35 829", "6003", "75 411", "111 384"])]
    assert set(totals["verdict"]) == {"not_judged"}, totals[["mention", "verdict"]]
    said = totals.set_index("mention").loc["35 829", "reason"].iloc[0]
    assert "9,701 beside it" in said and "is the record's own count" in said
    assert "counts something else" in said
    # no total of the table is "not contradicted" any more, whatever its column was read as: only 8,011,
    # near the record's 8,001, is; the KGB's 23,726 beside it, three times farther, is not judged either
    assert list(v.loc[v["verdict"] == "not_contradicted", "mention"]) == ["8011"]
    assert v.set_index("mention").loc["23 726", "verdict"] == "not_judged"


def test_rule_26_in_a_table_a_cell_equal_to_the_floor_is_consistent_when_its_column_is_read_right():
    claims = claims_frame(check_text(TABLE, "a.txt").frames)
    assert (claims["period_how"] == "table").all()
    totals = claims["mention"].isin(["35 829", "6003"])
    claims.loc[totals, "quantity"] = (
        "repressed_total"  # the column's quantity, as the labels read it
    )
    v = judge(claims, gate=OPEN_GATE)
    cells = v[totals.to_numpy()]
    assert set(cells["verdict"]) == {"consistent"}, cells[["mention", "verdict", "reason"]]
    said = cells["explanation"].iloc[0]
    assert said.startswith("Consistent: 35,829 is the record's own count: ")
    assert "not contradicted" not in said.lower()  # one verdict's words
    assert cells["benchmark_low"].iloc[0] == 35829.0 and cells["benchmark_status"].iloc[0]


def test_two_counts_of_one_thing_near_each_other_both_stand():
    # two documents' counts of the executions of 1941, both near the record's 8,001: no refusal
    v = _judged("In 1941, 8,011 people were shot; other files give 8,100 shot in 1941.")
    assert list(v["verdict"]) == ["not_contradicted", "not_contradicted"], v["reason"].tolist()


def test_a_count_far_from_a_floor_another_number_beside_it_meets_is_not_judged():
    v = _judged("In 1941, 8,011 people were shot and 23,726 people were shot.")
    assert list(v["verdict"]) == ["not_contradicted", "not_judged"]
    assert (
        "8,011 beside it" in v["reason"].iloc[1]
        and "meets the record's 8,001" in v["reason"].iloc[1]
    )


def _cells(values: list[str], **given: object) -> pd.DataFrame:
    n = len(values)
    base = {
        "file": ["t"] * n,
        "sentence": ["row"] * n,
        "quantity": ["executions"] * n,
        "period": ["1921"] * n,
        "low": values,
        "high": values,
        "verdict": ["not_contradicted"] * n,
        "benchmark_id": ["executions_nkvd:1921"] * n,
        "benchmark_low": [9701.0] * n,
        "benchmark_high": [9701.0] * n,
    }
    base.update(given)  # type: ignore[arg-type]
    return pd.DataFrame(base)


def test_closer_beside_compares_only_a_row_s_numbers_of_one_quantity_period_and_floor():
    far = str(round(9701 * ROW_FACTOR * 1.1))
    assert list(closer_beside(_cells(["9800", far]))) == [1]
    assert closer_beside(_cells(["9800", far], sentence=["row", "another row"])) == {}
    assert closer_beside(_cells(["9800", far], period=["1921", "1922"])) == {}
    assert closer_beside(_cells(["9800", far], quantity=["executions", "arrests"])) == {}
    near = str(round(9701 * ROW_FACTOR * 0.9))
    assert closer_beside(_cells(["9800", near])) == {}
    # a flag or a consistent beside is not refused; a ceiling met (two values) is not compared
    assert closer_beside(_cells(["9800", far], verdict=["not_contradicted", "overstates"])) == {}
    assert closer_beside(_cells(["9800", far], benchmark_high=[9701.0, 20000.0])) == {}


def test_far_above_the_documents_own_count_is_not_judged_but_a_sum_or_an_estimate_stands():
    v = _judged("In 1940, 7,305 people were shot.")
    assert v["verdict"].iloc[0] == "not_judged"
    assert "times the record's own count for 1940" in v["reason"].iloc[0]
    # a derived sum of the record's counts, a round estimate: far above stays "not contradicted"
    assert _judged("From 1935 to 1940, 19,840,000 people were repressed.")["verdict"].iloc[0] == (
        "not_contradicted"
    )
    assert _judged("In 1940, 7,000 people were shot.")["verdict"].iloc[0] != "not_judged"
    assert _judged("In 1940, 1,863 people were shot.")["verdict"].iloc[0] == "not_contradicted"


def test_far_above_count_reads_its_factor_and_nothing_else():
    claim = pd.Series(
        {
            "verdict": "not_contradicted",
            "low": "4851",
            "high": "4851",
            "period": "1921",
            "benchmark_low": 1617.0,
            "benchmark_high": 1617.0,
            "benchmark_period": "1921",
            "benchmark_status": "confirmed",
        }
    )
    assert DOCUMENT_FACTOR <= 4851 / 1617 and far_above_count(claim)
    assert far_above_count(claim.replace({"4851": "4800"})) == ""  # under the factor
    assert far_above_count(claim.replace({"not_contradicted": "overstates"})) == ""
    assert far_above_count(claim.replace({"confirmed": "no such status"})) == ""


def test_a_floor_of_zero_says_nothing():
    v = _judged("In 1948, 72,017 people were shot.")
    assert v["verdict"].iloc[0] == "not_judged"
    assert v["reason"].iloc[0].startswith("the record's floor for 1948 is 0")
    assert empty_floor(pd.Series({"verdict": "not_contradicted"})) == ""  # no floor at all


def test_benchmark_what_is_the_end_the_explanation_names():
    out = assess_claims(
        pd.DataFrame(
            {
                "quantity": ["executions", "arrests", "executions"],
                "value": ["9,000,000", "1,700,000", "799,455"],
                "period": ["1937-1938", "1937-1938", "1921-1953"],
            }
        )
    )
    for what, said in zip(out["benchmark_what"], out["explanation"]):
        assert what and what in said, (what, said)


def test_the_calibration_counts_named_parts_of_dev():
    assert [str(p) for p in HALVES] == ["1", "2"] and str(HELD) == "held"
    assert HELD.held and HELD.half is None and not DevPart(1).held


@pytest.mark.parametrize(
    "text",
    [
        "",
        "7,305",
        "In 1940, 7,305\u00a0people were shot.\u200b",
        "1921 | 35 829 | 9701 |",
        "In 1941, " + ", ".join(["8,011 people were shot"] * 200) + ".",
        "В 1948 г. расстреляно 72 017 человек.",
    ],
)
def test_hostile_input_never_breaks_the_rules_and_never_passes_a_far_floor(text):
    v = _judged(text)
    assert set(v["verdict"]) <= {
        "not_judged",
        "not_contradicted",
        "consistent",
        "overstates",
        "understates",
    }
    for row in v[v["verdict"] == "not_contradicted"].itertuples():
        floor = pd.to_numeric(row.benchmark_low, errors="coerce")
        assert floor != 0, row  # a floor of zero is never support


def test_the_rules_take_empty_and_odd_frames():
    assert closer_beside(_cells([]).iloc[:0]) == {}
    assert closer_beside(_cells(["x", "9800"], benchmark_low=["", 9701.0])) == {}
    assert closer_beside(_cells(["1e30", "9800"])) == {
        0: closer_beside(_cells(["1e30", "9800"]))[0]
    }
    assert far_above_count(pd.Series(dtype=object)) == ""
    assert empty_floor(pd.Series({"verdict": "not_contradicted", "benchmark_low": "x"})) == ""
