"""Round 6 of the fact-checker's periods (issue 20): open periods, the claim's own clause, context."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from gulagstats.factcheck.judgment import claims_frame, judge
from gulagstats.factcheck.run import check_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from factcheck_measures import normalise_period


def _periods(text: str) -> list[tuple[str, str, str]]:
    return [(f.mention, f.period, f.period_how) for f in check_text(text, "t.txt").frames]


@pytest.mark.parametrize(
    "text",
    [
        "After Stalin's death, 1,200,000 prisoners were released from the camps.",
        "After Stalin’s death, 1,200,000 prisoners were released from the camps.",
        "1,200,000 prisoners were released from the camps after the death of Stalin.",
        "После смерти Сталина было освобождено 1 201 738 заключённых.",
    ],
)
def test_after_stalins_death_is_a_start_with_no_end(text):
    [(_, period, how)] = _periods(text)
    assert (period, how) == ("1953-03-05/", "open")


def test_since_a_year_is_open_from_that_year():
    [(_, period, how)] = _periods("Since 1937, 5,000 people were shot in the region.")
    assert (period, how) == ("1937/", "open")


def test_an_open_period_is_never_judged():
    claims = judge(claims_frame(check_text("Since 1937, 5,000 people were shot.", "t.txt").frames))
    assert claims["verdict"].tolist() == ["not_judged"]
    assert claims["reason"].tolist() == ["period unclear"]


def test_the_evaluator_reads_open_periods_as_the_labels_write_them():
    assert normalise_period("1953-03-05/") == ("1953-03-05", None)
    assert normalise_period("1930/") == ("1930-01-01", None)
    assert normalise_period("/1956-12-31") == (None, "1956-12-31")
    assert normalise_period("/")[0].startswith("?")
