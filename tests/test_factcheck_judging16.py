"""Round 16 (issue 20): political convictions are the record's own series, and a span that only partly covers
the record's years is bounded by the years inside it, as a floor, never met as a point.

The record's death sentences and sentences (``executions_nkvd``, ``repressed_nkvd``: the 1953 MVD report's
counts on cases of the security police) are those for counter-revolutionary and other especially dangerous
state crimes, so a number of executions or convictions for counter-revolutionary, political or state crimes
is judged as the whole (two rows of ``quantity_rules.csv``, the round-14 label mend); prisoners of that
category stay a part of all prisoners, and a region named still makes a part.
"""

from __future__ import annotations

import time

import pandas as pd
import pytest

from gulagstats.factcheck.judgment import NOT_JUDGED, claims_frame, judge
from gulagstats.factcheck.quantity_rules import of_part
from gulagstats.factcheck.readings import OPEN_GATE, VERDICT_HOWS
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text


def _judged(text: str, gate=OPEN_GATE) -> pd.DataFrame:
    return judge(claims_frame(check_text(text, "a.txt").frames), gate=gate)


def _one(text: str, mention: str) -> pd.Series:
    v = _judged(text)
    rows = v[v["mention"] == mention]
    assert len(rows) == 1, v[["mention", "verdict", "reason"]].values.tolist()
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("quantity", "scope", "detail", "expected"),
    [
        ("executions", "category", "counter-revolutionary crimes", ("executions", "USSR", "")),
        (
            "repressed_total",
            "category",
            "counter-revolutionary crimes",
            ("repressed_total", "USSR", ""),
        ),
        # prisoners held for such crimes are a part of all prisoners; arrests are not the sentenced
        (
            "gulag_population",
            "category",
            "counter-revolutionary crimes",
            ("gulag_population", "category", "counter-revolutionary crimes"),
        ),
        (
            "arrests",
            "category",
            "counter-revolutionary crimes",
            ("arrests", "category", "counter-revolutionary crimes"),
        ),
        # another category is untouched
        (
            "executions",
            "category",
            "political prisoners",
            ("executions", "category", "political prisoners"),
        ),
    ],
)
def test_only_the_sentenced_and_the_shot_of_the_category_are_the_whole(
    quantity, scope, detail, expected
):
    assert of_part(load_resources(), quantity, scope, detail)[:3] == expected


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        (
            "From 1921 to 1953, 4,060,306 people were sentenced for counter-revolutionary crimes, "
            "of whom 799,455 were shot.",
            ["4,060,306", "799,455"],
        ),
        (
            "С 1921 по 1953 год за контрреволюционные преступления было осуждено 4 060 306 человек, "
            "из них расстреляно 799 455 человек.",
            ["4 060 306", "799 455"],
        ),
    ],
)
def test_the_records_own_counts_of_political_convictions_are_consistent(text, mentions):
    v = _judged(text, gate=VERDICT_HOWS)
    assert v["mention"].tolist() == mentions
    assert set(v["scope"]) == {"USSR"}
    assert set(v["verdict"]) == {"consistent"}, v[["mention", "verdict", "reason"]].values.tolist()


def test_a_political_conviction_below_the_record_is_no_flag_without_the_whole_named():
    v = _one(
        "In 1921-1953, 3,000,000 people were sentenced for counter-revolutionary crimes.",
        "3,000,000",
    )
    assert v["scope"] == "USSR" and v["verdict"] == NOT_JUDGED
    assert "does not say the number is of the whole" in v["reason"]


def test_a_region_named_beside_the_category_is_still_a_part():
    v = _one(
        "In Leningrad, 40,000 people were shot for counter-revolutionary crimes in 1937-1938.",
        "40,000",
    )
    assert (v["scope"], v["verdict"]) == ("region", NOT_JUDGED)


def test_a_small_count_of_the_category_is_an_unnamed_part():
    text = (
        "В 1938 году в районе за контрреволюционные преступления было осуждено более 650 человек."
    )
    v = _judged(text)
    assert len(v) and set(v["verdict"]) <= {NOT_JUDGED}


def test_a_category_larger_than_the_records_whole_still_overstates():
    v = _one("In 1937-1938, 2 million counter-revolutionaries were shot.", "2 million")
    assert v["verdict"] == "overstates"


def test_a_span_partly_covering_the_records_years_is_bounded_by_the_years_inside_it():
    # README_ru rule 61's certificate: 1 October 1936 - 1 November 1938 holds the whole of 1937 only, so the
    # record's 790,665 of 1937 is a floor for it, not a point; the tool says not_contradicted, never consistent
    text = "С 1 октября 1936 г. по 1 ноября 1938 г. осуждено 1 336 863 чел."
    v = _one(text, "1 336 863")
    assert v["period"] == "1936-10-01/1938-11-01"
    assert v["verdict"] == "not_contradicted"
    assert v["benchmark_id"] == "repressed_nkvd:1937"
    assert "floor" in v["explanation"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "контрреволюционн",
        "\u202e4,060,306\u202c sentenced for counter-revolutionary crimes in 1921-1953 \U0001f600",
        "\u200bcounter\u00adrevolutionary crimes: 799,455 shot in 1921\u20131953.\ufeff",
    ],
)
def test_hostile_input_is_judged_without_error(text):
    v = _judged(text)
    assert set(v["verdict"]) <= {
        "consistent",
        "not_contradicted",
        NOT_JUDGED,
        "overstates",
        "understates",
    }


def test_a_megabyte_of_text_is_judged_in_reasonable_time():
    sentence = "From 1921 to 1953, 799,455 people were shot for counter-revolutionary crimes. "
    text = "x " * 500_000 + sentence
    start = time.perf_counter()
    v = _judged(text)
    assert time.perf_counter() - start < 120
    assert v["verdict"].tolist() == ["consistent"]


def _contradiction_claims(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    """Claims of one quantity and period: (id, file, sentence, value) each."""
    n = len(rows)
    return pd.DataFrame(
        {
            "id": [r[0] for r in rows],
            "file": [r[1] for r in rows],
            "sentence": [r[2] for r in rows],
            "low": [r[3] for r in rows],
            "high": [r[3] for r in rows],
            "quantity": ["passed_through_gulag"] * n,
            "scope": ["USSR"] * n,
            "scope_detail": [""] * n,
            "period": ["1930/1953"] * n,
            "modality": ["stated"] * n,
            "unit": ["count"] * n,
            "mention": [r[3] for r in rows],
            "text_line": [1] * n,
            "vague": [False] * n,
            "period_how": ["span"] * n,
        }
    )


def test_a_figure_below_another_of_its_sentence_is_no_rival():
    # round 16: "of the 14 million ... camps and the 4 million ... colonies" (the colonies' 4 million read as
    # the whole) was set against another text's 18 million; a figure below another count of the same
    # quantity and period in its own sentence names a part, whatever scope it was read with
    from gulagstats.factcheck.contradictions import contradictions

    both = "Of the 14 million who passed through the camps and the 4 million who passed through the colonies"
    claims = _contradiction_claims(
        [
            ("a", "x", both, "14000000"),
            ("b", "x", both, "4000000"),
            ("c", "y", "18 million.", "18000000"),
        ]
    )
    claims.loc[0, ["scope", "scope_detail"]] = [
        "camp",
        "the camps",
    ]  # the 14 million read as a part
    assert contradictions(
        claims
    ).empty  # x's 4 million, below its sentence's 14 million, is no rival of y's 18
    alone = claims.assign(
        sentence=["s1", "s2", "s3"]
    )  # each figure in a sentence of its own: a rival
    assert contradictions(alone)[["first", "second"]].values.tolist() == [["b", "c"]]
