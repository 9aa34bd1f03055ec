"""Round 17, judging: a cell nobody could source is no count, and a day the record has no count for.

- The rules' coverage (``rules.series.series_periods``, the words of ``BenchmarkEvaluator.coverage``) counted
  cells of status ``missing`` (GRZ's appendices printed as lost images) as counts, so a refusal said "it has
  counts from 1 January 1934 to 1 January 1953" of persons in custody, of whom the record holds counts of
  1939-1948 only.  A missing cell is a gap, never a count nor a zero.
- A stock claimed on a day the record holds no count for (Beria's "more than 2.5 million" prisoners of 24
  March 1953) stays unjudged, and the reason names the nearest counts either side and why they do not bound it.
- ``contradictions._below_a_figure_of_its_sentence`` reads each claim's ends once (review mend).
"""

from __future__ import annotations

import pandas as pd
import pytest

from gulagstats.core.cells import Cell, CellIndex
from gulagstats.core.record import resolve
from gulagstats.estimates.verdicts import assess_many
from gulagstats.factcheck.contradictions import _below_a_figure_of_its_sentence
from gulagstats.factcheck.judgment import claims_frame, judge, reason_not_judged
from gulagstats.factcheck.page import advice
from gulagstats.factcheck.run import check_text
from gulagstats.rules.benchmarks import benchmark_evaluator, days_text, years_text
from gulagstats.rules.series import cell_counted
from tests.test_factcheck_stages import assert_linear

KEY = ("1939-01-01", "gulag_camps", "inmates", "", "persons")


def _cell(value: float | None, status: str, preferred: bool = True) -> Cell:
    return Cell("appendix", *KEY, value, "src", status, preferred)  # type: ignore[arg-type]


# --- a missing cell is no count ---


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([_cell(1_317_195.0, "published")], True),
        ([_cell(None, "missing")], False),  # an appendix printed as a lost image
        ([_cell(0.0, "missing")], False),  # missing, never zero, whatever value it carries
        ([_cell(1_317_195.0, "published", preferred=False)], False),  # no row stands for the cell
        ([], False),
    ],
)
def test_a_cell_is_a_count_only_with_a_value_nobody_reports_missing(
    rows: list, expected: bool
) -> None:
    assert cell_counted(CellIndex(rows), KEY) is expected


def test_the_coverage_names_no_day_whose_cell_is_missing() -> None:
    evaluator = benchmark_evaluator(resolve(None))
    coverage = evaluator.coverage()
    # custody: the appendix prints two counts, the sum of camps, colonies and prisons ten (1939-1948)
    assert "1 January 1953 (custodial_population" not in coverage["custodial_population"]
    assert (
        "counts on 1 January 1939 and 1 January 1940 (custodial_population_appendix)"
        in coverage["custodial_population"]
    )
    # the Gulag's sum has no count of the colonies on 1 January 1934
    assert (
        "from 1 January 1935 to 1 January 1953 (gulag_population_sum)"
        in coverage["gulag_population"]
    )
    # a year the arrests' series lacks is named, never bridged
    assert "(not 1941, 1944)" in coverage["arrests"]


def test_every_day_and_span_the_record_lists_is_one_it_answers() -> None:
    evaluator = benchmark_evaluator(resolve(None))
    for quantity in (
        "custodial_population",
        "gulag_population",
        "prison_population",
        "camp_population",
    ):
        for day in evaluator.days(quantity):
            assert [a for a in evaluator.answers(quantity, day) if not a.reading], (quantity, day)


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        ([1921, 1922, 1923], "the years 1921-1923 and spans of them"),
        ([1937, 1939], "the years 1937-1939 (not 1938) and spans of them"),
        ([1950], "the year 1950"),
    ],
)
def test_years_text(years: list[int], expected: str) -> None:
    assert years_text(years) == expected


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (["1953-01-01"], "a count on 1 January 1953"),
        (["1939-01-01", "1940-01-01"], "counts on 1 January 1939 and 1 January 1940"),
        (
            ["1939-01-01", "1940-01-01", "1948-01-01"],
            "3 counts from 1 January 1939 to 1 January 1948",
        ),
    ],
)
def test_days_text(days: list[str], expected: str) -> None:
    assert days_text(days) == expected


def test_long_lists_of_years_and_days_take_linear_time() -> None:
    assert_linear(lambda text: years_text(list(range(1, len(text) + 1, 2))), "ab", 2000)
    assert_linear(lambda text: days_text(["1939-01-01"] * len(text)), "ab", 2000)


# --- a stock on a day the record has no count for ---


def _reason(quantity: str, low: str, high: str, period: str) -> str:
    asked = pd.DataFrame(
        {
            "quantity": [quantity],
            "low": [low],
            "high": [high],
            "period": [period],
            "unit": "persons",
            "region": "USSR",
        }
    )
    return str(assess_many(resolve(None), asked)["explanation"].iloc[0])


def test_a_day_between_two_counts_names_both_and_says_they_do_not_bound_it() -> None:
    said = _reason("gulag_population", "2500000", "", "1953-03-24")
    assert said.startswith(
        "Not comparable: the record has no benchmark for inmates of camps and colonies on 24 March 1953"
    )
    assert "2,472,247 on 1 January 1953 (82 days before)" in said
    assert "on 1 April 1954 (373 days after)" in said
    assert "no count of another day bounds it" in said


def test_a_day_after_the_last_count_names_the_one_before_only() -> None:
    said = _reason("custodial_population", "2625000", "2625000", "1953-01-01")
    assert "its nearest count is" in said and "on 1 January 1948 (1827 days before)" in said
    # the old words, which read missing cells as counts
    assert "1 January 1934 to 1 January 1953" not in said


@pytest.mark.parametrize(
    ("quantity", "period"),
    [
        ("custodial_population", "1937/1938"),  # a span: the words of a day do not apply
        ("gulag_population", "1945-09-01/1945-11-30"),
        ("executions", "1953-03-24"),  # a flow on a day: never bounded by neighbours
    ],
)
def test_no_nearest_counts_for_a_span_or_a_flow(quantity: str, period: str) -> None:
    assert "nearest count" not in _reason(quantity, "1000", "1000", period)


def test_such_a_claim_stays_unjudged_and_its_reason_names_the_counts() -> None:
    text = "On March 24, 1953, more than 2.5 million prisoners were kept in the forced labour camps and colonies."
    v = judge(claims_frame(check_text(text, "a.txt").frames))
    row = v[v["mention"].str.contains("2.5 million")].iloc[0]
    assert row["verdict"] == "not_judged"
    # however the frame reads it, never a verdict from a neighbouring count
    if "no benchmark" in row["reason"]:
        assert "no count of another day bounds it" in row["reason"]


def test_a_day_the_record_holds_is_still_judged() -> None:
    said = _reason("gulag_population", "2472247", "2472247", "1953-01-01")
    assert "nearest count" not in said and not said.startswith("Not comparable")


# --- contradictions: one pass over the ends ---


def test_a_smaller_figure_of_the_same_sentence_is_found_below_the_larger() -> None:
    claims = pd.DataFrame(
        {
            "file": ["a", "a", "a", "a", "b"],
            "sentence": ["s", "s", "s", "s", "s"],
            "quantity": ["passed_through_gulag"] * 5,
            "period": ["1930/1953"] * 5,
            "unit": ["count", "count", "count", "share", "count"],
            "low": ["14000000", "4000000", "4000000", "", "4000000"],
            "high": ["14000000", "5000000", "", "50", "4000000"],
        }
    )
    # "4-5 million" is below the 14 million of its sentence; "at least 4 million" has no upper end; a share
    # and another text's figure are not compared
    assert _below_a_figure_of_its_sentence(claims, 0.15).tolist() == [
        False,
        True,
        False,
        False,
        False,
    ]


def test_below_a_figure_takes_linear_time_and_odd_ends() -> None:
    def below(text: str) -> object:
        n = len(text)
        claims = pd.DataFrame(
            {
                "file": ["f"] * n,
                "sentence": ["s"] * n,
                "quantity": ["executions"] * n,
                "period": ["1937"] * n,
                "unit": ["count"] * n,
                "low": [str(k) if k % 3 else "x" for k in range(n)],
                "high": ["" if k % 2 else "nan" for k in range(n)],
            }
        )
        return _below_a_figure_of_its_sentence(claims, 0.15)

    assert_linear(below, "ab", 500)


# --- a reading under the confidence a verdict needs says what was read ---


def _row(**over: object) -> pd.Series:
    row = {
        "modality": "stated",
        "unit": "count",
        "quantity": "gulag_population",
        "confidence": 0.95,
        "period": "1953-01-01",
        "period_how": "sentence",
        "period_confidence": 0.72,
        "scope": "USSR",
        "cue": "заключенных",
    }
    return pd.Series({**row, **over})


def test_a_quantity_read_without_confidence_names_its_reading_cue_and_confidence() -> None:
    said = reason_not_judged(_row(confidence=0.45))
    assert said.startswith(
        "what the number counts is unclear: read as inmates of camps and colonies"
    )
    assert "'заключенных' at confidence 0.45, under the 0.6 a verdict needs" in said
    assert advice(said)[0] == "quantity: no series or unclear"


def test_a_period_read_without_confidence_names_the_period_and_the_way_it_was_found() -> None:
    said = reason_not_judged(
        _row(
            quantity="repressed_total",
            period="1924-01-01/1953-03-05",
            period_how="context",
            period_confidence=0.4,
        )
    )
    assert said == (
        "period unclear: 1 January 1924 to 5 March 1953 (a date carried from an earlier sentence) at "
        "confidence 0.40, under the 0.6 a verdict needs; check when it happened"
    )
    assert advice(said)[0] == "no period, or period unclear"


@pytest.mark.parametrize(
    ("over", "expected"),
    [
        ({}, ""),  # read with confidence: judged
        ({"confidence": 0.6, "period_confidence": 0.6}, ""),  # at the threshold: judged
        (
            {"confidence": 0.3, "cue": ""},
            "what the number counts is unclear: no word near it says what it counts",
        ),
        ({"period": ""}, "no period stated"),
        (
            {"period": "/1953-03-05", "period_how": "open", "period_confidence": 0.3},
            "period unclear: until 5 March 1953",
        ),
        (
            {"period_how": "a way added later", "period_confidence": 0.5},
            "period unclear: 1 January 1953 at",
        ),
    ],
)
def test_near_misses_of_the_unclear_reasons(over: dict, expected: str) -> None:
    said = reason_not_judged(_row(**over))
    assert said.startswith(expected) if expected else said == ""


def test_an_odd_cue_is_cut_and_never_breaks_the_reason() -> None:
    said = reason_not_judged(_row(confidence=0.45, cue="ж" * 100_000 + "\x00"))
    assert len(said) < 400
    assert_linear(
        lambda cue: reason_not_judged(_row(confidence=0.45, cue=cue)), "period a share ", 2000
    )
