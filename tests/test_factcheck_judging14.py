"""Round 14 (issue 20): ``not_contradicted`` back through the gate, honestly; label rule 26 read for a point.

Three general refusals of a ``not_contradicted`` (each reads the claim and ``assess``'s answer, not a dev
sentence): an open floor far below the record's count, an open floor met by a floor and dated only by an era's
name, and one end of a range whose other end was not read.  And a stated prose point equal to the record's one
value for the narrower quantity its words allow ("1,053,829 people died in the Gulags" in 1934-1953: the camps'
own count) is ``consistent`` where the reading as read is not as close.
"""

from __future__ import annotations

import pandas as pd

from gulagstats.factcheck.bounds import below_a_ceiling, narrower_own_count
from gulagstats.factcheck.judgment import claims_frame, judge
from gulagstats.factcheck.readings import OPEN_GATE
from gulagstats.factcheck.run import check_text
from gulagstats.factcheck.secure_readings import floor_by_era, says_nothing, unfinished_range

from .test_factcheck_stages import assert_linear


def _judged(text: str, gate=OPEN_GATE) -> pd.DataFrame:
    return judge(claims_frame(check_text(text, "a.txt").frames), gate=gate)


def _one(text: str, mention: str, gate=OPEN_GATE) -> pd.Series:
    v = _judged(text, gate)
    rows = v[v["mention"] == mention]
    assert len(rows) == 1, v[["mention", "verdict", "reason"]].values.tolist()
    return rows.iloc[0]


# --- 1. the three refusals -----------------------------------------------------------------------------------


def test_an_open_floor_far_below_the_record_count_is_an_unnamed_part():
    row = _one(
        "Latvian operation. Fatalities in 1937-1938: at least 16,573 died in custody.",
        "at least 16,573",
    )
    assert row["verdict"] == "not_judged"
    assert "times below the record's count for the whole USSR" in row["reason"]
    # an open floor near the record's count stays not contradicted (1.4 times below the 164,703 of 1936-1938)
    near = _one("In 1936-1938 at least 116,000 people died in the Gulag camps.", "at least 116,000")
    assert near["verdict"] == "not_contradicted", near["reason"]


def test_below_a_ceiling_reads_a_point_only_against_an_open_claim():
    answer = {
        "verdict": "not_contradicted",
        "bound": "point",
        "ratio_low": 0.05,
        "ratio_high": float("nan"),
        "claim_high": float("nan"),
        "claim_period": "1937/1938",
        "benchmark_period": "1937/1938",
    }
    assert round(below_a_ceiling(pd.Series(answer))) == 20
    assert below_a_ceiling(pd.Series({**answer, "claim_high": 40000.0})) == 0.0
    assert below_a_ceiling(pd.Series({**answer, "verdict": "consistent"})) == 0.0


def test_an_open_floor_dated_by_an_era_name_is_not_judged_by_a_floor():
    text = "With tens of millions of prisoners and over a million deaths, the gulags were a tragedy that peaked under Stalin."
    row = _one(text, "over a million")
    assert row["verdict"] == "not_judged"
    assert "an era read from a name" in row["reason"]
    # dated by the text's own years, the same floor stands
    dated = _one(
        "Between 1935 and 1952, over a million people died in the Gulag camps.", "over a million"
    )
    assert dated["verdict"] == "not_contradicted", dated["reason"]


def test_floor_by_era_needs_an_open_floor_a_floor_met_and_an_era():
    claim = pd.Series(
        {
            "bound": "low",
            "period_how": "named period",
            "mention": "over 1 million",
            "period": "1937",
        }
    )
    met = pd.Series({"verdict": "not_contradicted", "bound": "floor"})
    assert floor_by_era(claim, met).startswith("'over 1 million' cannot be contradicted")
    assert says_nothing(claim, met) == floor_by_era(claim, met)
    for key, value in (
        ("period_how", "span"),
        ("period_how", "context"),
        ("bound", "point"),
        ("bound", "high"),
    ):
        assert floor_by_era(pd.concat([claim.drop(key), pd.Series({key: value})]), met) == ""
    assert floor_by_era(claim, met.replace({"floor": "ceiling"})) == ""
    assert floor_by_era(claim, met.replace({"not_contradicted": "overstates"})) == ""
    assert floor_by_era(pd.Series(dtype=object), pd.Series(dtype=object)) == ""


def test_one_end_of_an_unfinished_range_is_not_judged():
    row = _one(
        # "786,098x": a letter glued on that is no footnote mark (round 16 reads "786,098a" as 786,098, note a)
        "The archives put the death sentences from 1923 to 1953 between 775,866 and 786,098x.",
        "775,866",
    )
    assert row["verdict"] == "not_judged"
    assert "opens a range ('between 775,866 and 786,098x." in row["reason"]


def test_unfinished_range_reads_only_a_point_that_opens_a_range():
    claim = pd.Series(
        {
            "verdict": "not_contradicted",
            "bound": "point",
            "mention": "1,5 млн",
            "sentence": "Было расстреляно от 1,5 млн до 2x млн человек.",
        }
    )
    assert "opens a range" in unfinished_range(claim)
    assert unfinished_range(claim.replace({"point": "range"})) == ""
    assert unfinished_range(claim.replace({"not_contradicted": "consistent"})) == ""
    years = claim.replace(
        {claim["sentence"]: "Between 1937 and 1938, 1,5 млн were shot.", "1,5 млн": "1937"}
    )
    assert (
        unfinished_range(years.replace({"1937": "1,5 млн"})) == ""
    )  # the years' range, not the number's
    # hostile: empty, odd Unicode, a number at the text's very edge, no sentence at all
    assert unfinished_range(claim.replace({claim["sentence"]: ""})) == ""
    assert (
        unfinished_range(claim.replace({claim["sentence"]: "между\u00a01,5 млн и\u2009２"})) != ""
    )
    assert unfinished_range(claim.replace({claim["sentence"]: "1,5 млн"})) == ""
    assert unfinished_range(pd.Series({"verdict": "not_contradicted", "bound": "point"})) == ""


def test_unfinished_range_is_linear():
    def stage(text: str) -> object:
        return unfinished_range(
            pd.Series(
                {
                    "verdict": "not_contradicted",
                    "bound": "point",
                    "mention": "775,866",
                    "sentence": text,
                }
            )
        )

    assert_linear(stage, "between 775,866 and 1a; ", 400)


# --- 2. label rule 26 read for a point -------------------------------------------------------------------------


def test_the_camps_own_count_of_deaths_named_loosely_is_consistent():
    text = "Soviet files revealed that between 1934 and 1953 a total of 1,053,829 people died in the Gulags."
    for gate in (OPEN_GATE, None):
        row = _one(text, "1,053,829", **({} if gate is None else {"gate": gate}))
        assert row["verdict"] == "consistent", row["reason"]
        assert row["benchmark_id"] == "camp_deaths_appendix:1934/1953"
        assert row["explanation"].startswith(
            "Consistent: 1,053,829 is the record's own count of deaths in the camps"
        )
        assert "Read as all deaths in camps and colonies, understates 1.4" in row["explanation"]


def test_a_round_number_or_another_value_is_read_as_before():
    for text, mention in (
        ("Between 1934 and 1953 about 1 million people died in the Gulags.", "about 1 million"),
        ("Between 1934 and 1953 a total of 1,153,829 people died in the Gulags.", "1,153,829"),
    ):
        row = _one(text, mention)
        assert row["verdict"] != "consistent", (mention, row["explanation"])


def test_a_table_column_is_not_read_narrower():
    claims = pd.DataFrame(
        [
            {
                "low": "839406",
                "high": "839406",
                "bound": "point",
                "unit": "count",
                "quantity": "gulag_population",
                "period": "1936-01-01",
                "period_how": how,
            }
            for how in ("table", "own clause")
        ]
    )
    answers = pd.DataFrame(
        [
            {
                "error": "",
                "verdict": "understates",
                "benchmark_low": 1296494.0,
                "benchmark_high": 1296494.0,
                "factor": 1.5,
                "benchmark_what": "the Gulag",
            }
        ]
        * 2
    )
    from gulagstats.core.record import resolve

    found = narrower_own_count(claims, answers, resolve(None))
    assert list(found) == [1]
    assert found[1][0]["benchmark_id"] == "camp_population_appendix:1936-01-01"
    assert narrower_own_count(claims.iloc[:0], answers.iloc[:0], resolve(None)) == {}


def test_hostile_texts_judge_without_error():
    for text in (
        "",
        "1,053,829",
        "1,053,829 people died in the Gulags between 1934 and 1953",
        "\u200b\ufeff" + "１，０５３，８２９ died in the Gulags in 1934–1953.",
        "x " * 5000,
    ):
        v = _judged(text)
        assert set(v["verdict"]) <= {
            "consistent",
            "not_judged",
            "not_contradicted",
            "overstates",
            "understates",
        }


# --- 3. review mends ------------------------------------------------------------------------------------------


def test_closer_beside_groups_by_the_sentence_place_not_its_words():
    from gulagstats.factcheck.secure_readings import closer_beside, sentence_starts

    row = "1921 | 35 829 | 9701 |"
    second = 100  # the same words again, further on in the same file
    v = pd.DataFrame(
        {
            "file": ["t"] * 3,
            "sentence": [row] * 3,
            "start": [7, 16, second + 7],
            "mention": ["35 829", "9701", "35 829"],
            "quantity": ["executions"] * 3,
            "period": ["1921"] * 3,
            "low": ["35829", "9701", "35829"],
            "high": ["35829", "9701", "35829"],
            "verdict": ["not_contradicted", "consistent", "not_contradicted"],
            "benchmark_id": ["executions_nkvd:1921"] * 3,
            "benchmark_low": [9701.0] * 3,
            "benchmark_high": [9701.0] * 3,
        }
    )
    assert sentence_starts(v).tolist() == [0, 0, second]
    assert list(closer_beside(v, own=[1])) == [0]  # the second copy has no count beside it
    # hostile: no start, an empty mention, odd Unicode
    odd = v.assign(start=["", None, "x"], mention=["", "\u200b", "９７０１"])
    assert len(sentence_starts(odd)) == 3
