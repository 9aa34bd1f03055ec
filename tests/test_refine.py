"""scope.refine() against the per-claim loop it replaced (tests/refine_reference.py).

refine() plans once per distinct question and classifies each claim by its
plan; the reference asks and decides claim by claim.  The two must give the
same frame, cell for cell and dtype for dtype, and the same CSV.
"""

from __future__ import annotations

import math
import random

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gulagstats
from gulagstats.core.record import default_record
from gulagstats.estimates import scope
from gulagstats.estimates.claims import check_claims
from gulagstats.estimates.verdicts import CLAIM_TOLERANCE, claims_of, judge_claims
from gulagstats.rules.benchmarks import benchmark_evaluator

from .refine_reference import refine_reference

#: Quantities with scope rules, flows that can be bounded, stocks, and one outside the vocabulary.
QUANTITIES = [
    "camp_population", "camp_deaths", "gulag_population", "gulag_deaths", "detained_population",
    "executions", "arrests", "repressed_total", "custodial_population", "prison_population",
    "custodial_deaths", "camp_survival_share", "nonsense",
]  # fmt: skip
#: Whole years, spans, days, partial years (bounded), spans the record lacks an end of, nothing.
PERIODS = [
    "1937-1938", "1937/1938", "1937", "1939-01-01", "1950-01-01", "1934-1953", "1930/1953",
    "1921/1953", "1930/1932", "1935-01-01/1941-06-22", "1934-12-01/1934-12-31",
    "1936-10-01/1938-11-30", "1941-06-22/1945-05-09", "",
]  # fmt: skip
WORDS = ["", "camps", "ITL camps", "corrective-labour camps", "forced labour", "slave labor", "prisons"]
NUMBERS = st.one_of(
    st.sampled_from(["", "0", "1", "-5", "many"]),
    st.integers(0, 40_000_000).map(str),
)


def _both(claims: pd.DataFrame, ids: pd.Series | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    record = benchmark_evaluator(default_record())
    results = judge_claims(claims, record, CLAIM_TOLERANCE)

    def again(c: pd.DataFrame) -> pd.DataFrame:
        return judge_claims(c, record, CLAIM_TOLERANCE)

    fast = scope.refine(claims, results, again, default_record().load, CLAIM_TOLERANCE, ids)
    slow = refine_reference(claims, results, again, default_record().load, CLAIM_TOLERANCE, ids)
    return fast, slow


def _same(fast: pd.DataFrame, slow: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)
    assert fast.to_csv() == slow.to_csv()


claim_rows = st.lists(
    st.fixed_dictionaries(
        {
            "quantity": st.sampled_from(QUANTITIES),
            "value": NUMBERS,
            "low": NUMBERS,
            "high": NUMBERS,
            "period": st.sampled_from(PERIODS),
            "scope": st.sampled_from(WORDS),
            "wording": st.sampled_from(WORDS),
            "unit": st.sampled_from(["", "", "people", "tonnes"]),
            "region": st.sampled_from(["", "", "USSR", "RSFSR"]),
        }
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claim_rows, st.booleans())
def test_refine_equals_the_per_claim_reference(rows: list[dict[str, str]], ranges: bool) -> None:
    frame = pd.DataFrame(rows)
    # a claim is a value or a range, not both
    frame = frame.drop(columns=["value"] if ranges else ["low", "high"])
    fast, slow = _both(check_claims(frame))
    _same(fast, slow)


def test_refine_equals_the_reference_on_a_mixed_batch() -> None:
    """3,000 seeded claims over every quantity, period, scope word, unit and region above."""
    rng = random.Random(1993)
    numbers = ["", "0", "1", "-5", "many", "1000", "250000", "1200000", "3000000", "20000000"]

    def number() -> str:
        return rng.choice(numbers) if rng.random() < 0.5 else str(rng.randint(1, 30_000_000))

    frame = pd.DataFrame(
        {
            "quantity": [rng.choice(QUANTITIES) for _ in range(3000)],
            "low": [number() for _ in range(3000)],
            "high": [number() for _ in range(3000)],
            "period": [rng.choice(PERIODS) for _ in range(3000)],
            "scope": [rng.choice(WORDS) for _ in range(3000)],
            "wording": [rng.choice(WORDS) for _ in range(3000)],
            "unit": [rng.choice(["", "", "", "people", "tonnes"]) for _ in range(3000)],
            "region": [rng.choice(["", "", "USSR", "RSFSR"]) for _ in range(3000)],
        }
    )
    frame.loc[::3, "high"] = frame.loc[::3, "low"]  # a third are points
    fast, slow = _both(check_claims(frame))
    _same(fast, slow)
    verdicts = set(fast["verdict"])
    assert {"overstates", "understates", "consistent", "not_contradicted"} <= verdicts
    assert {"between", "floor"} <= set(fast["bound"]) and (fast["also_against"] != "").any()


def test_refine_equals_the_reference_on_the_estimates() -> None:
    """compare()'s claims, with their ids: readings, restatements, context rows, bounds, scopes."""
    estimates = default_record().load("estimates")
    claims = claims_of(estimates)
    fast, slow = _both(claims, estimates["id"])
    _same(fast, slow)
    assert (fast["reading"] != "").any() and (fast["bound"] != "").any()
    assert (fast["also_against"] != "").any() and (fast["role"] == "context").any()


def test_compare_is_the_same_through_either_refine(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = gulagstats.compare()
    monkeypatch.setattr(scope, "refine", refine_reference)
    slow = gulagstats.compare()
    _same(fast, slow)


def test_the_record_is_asked_once_per_question_not_per_claim() -> None:
    """1,000 claims of one question ask the record as often as one claim does."""
    record = benchmark_evaluator(default_record())
    calls: list[int] = []

    def counted(c: pd.DataFrame) -> pd.DataFrame:
        calls.append(len(c))
        return judge_claims(c, record, CLAIM_TOLERANCE)

    def asked(n: int) -> int:
        calls.clear()
        claims = check_claims(
            pd.DataFrame(
                {
                    "quantity": ["camp_deaths"] * n,
                    "value": [str(10_000 * (k + 1)) for k in range(n)],
                    "period": ["1935-01-01/1941-06-22"] * n,
                }
            )
        )
        out = scope.refine(claims, judge_claims(claims, record), counted, default_record().load, CLAIM_TOLERANCE)
        assert not math.isnan(out["factor_low"].dropna().iloc[0]) or out["bound"].iloc[0]
        return len(calls)

    assert asked(1000) == asked(1) >= 1


amounts = st.one_of(
    st.just(math.nan), st.just(0.0), st.just(math.inf), st.floats(-10.0, 3e7, allow_nan=False)
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(amounts, amounts, amounts, amounts), min_size=1, max_size=20),
    st.booleans(),
    st.booleans(),
)
def test_classify_many_is_classify_claim_by_claim(
    rows: list[tuple[float, float, float, float]], floor: bool, ceiling: bool
) -> None:
    """The whole-column classification gives each claim _classify's verdict and factors, bit for bit."""
    low, high, b_low, b_high = (np.array(column) for column in zip(*rows, strict=True))
    verdicts, f_lows, f_highs = scope._classify_many(low, high, b_low, b_high, CLAIM_TOLERANCE, floor, ceiling)
    for k, (lo, hi, bl, bh) in enumerate(rows):
        verdict, f_low, f_high = scope._classify(lo, hi, bl, bh, CLAIM_TOLERANCE, floor, ceiling)
        assert verdicts[k] == verdict
        assert np.array_equal([f_lows[k], f_highs[k]], [f_low, f_high], equal_nan=True)
