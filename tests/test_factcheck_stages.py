"""Each stage of the fact-checker alone: hostile input, and time linear in the input.

The linear-time test doubles a hostile input three times and measures each
stage on it (the least CPU time of this process over three runs, so that
another process on the machine does not decide the result); the time may grow by at most 2.5 per doubling,
taken over the three doublings (the cube root of the last time over the
first: one noisy run on a shared machine does not decide it). Quadratic code
grows by 4 per doubling and fails.
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Callable

import pandas as pd
import pytest

from gulagstats.factcheck.contradictions import contradictions
from gulagstats.factcheck.language import detect
from gulagstats.factcheck.mentions import find_mentions
from gulagstats.factcheck.numerals import read_numerals
from gulagstats.factcheck.periods import find_periods
from gulagstats.factcheck.phrases import tokens
from gulagstats.factcheck.read import html_to_text
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text
from gulagstats.factcheck.sentences import split

DATA = load_resources()


def _best(run: Callable[[], object]) -> float:
    """The least CPU time of this process over three runs (other processes on the machine do not count)."""
    times = []
    for _ in range(3):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def assert_linear(stage: Callable[[str], object], unit: str, n: int, doublings: int = 3) -> None:
    """``stage`` on ``unit * n``, ``unit * 2n`` ...: the time ratio per doubling stays under 2.5.

    A ratio over the bound is measured once more before it fails: on a 2-core machine shared with a
    whole test suite, one measurement of linear code reached 2.505 (round 13's CI), while quadratic code
    grows by about 4 a doubling in every measurement, so it still fails both.
    """
    sizes = [n * 2**k for k in range(doublings + 1)]
    floor = 0.005  # below five milliseconds a ratio measures the clock, not the code
    measured = []
    for _ in range(2):
        seconds = [_best(lambda s=s: stage(unit * s)) for s in sizes]
        per_doubling = (seconds[-1] / max(seconds[0], floor)) ** (1 / doublings)
        measured.append(([round(s, 4) for s in seconds], round(per_doubling, 3)))
        if per_doubling < 2.5:
            return
    raise AssertionError((stage.__name__, unit[:30], measured))


def _periods(text: str) -> object:
    return find_periods(text, tokens(text), 0, None, "", DATA)


def _mentions(text: str) -> object:
    toks = tokens(text)
    return find_mentions(text, toks, 0, _periods(text), DATA)  # type: ignore[arg-type]


def _claims(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [f"a-{i}" for i in range(n)], "quantity": "executions", "scope": "USSR", "scope_detail": "",
            "period": [str(1920 + i % 30) for i in range(n)], "low": [str(1000 + i) for i in range(n)],
            "high": [str(1000 + i) for i in range(n)], "modality": "stated", "unit": "count",
            "mention": "x", "file": [f"f{i % 7}" for i in range(n)], "text_line": 1,
        }
    )


@pytest.mark.parametrize(
    ("stage", "unit", "n"),
    [
        (html_to_text, "<", 20_000),
        (html_to_text, "<!-- ", 10_000),
        (html_to_text, "<script ", 10_000),
        (html_to_text, "<div><p>In 1937, 1,000 were <b>shot</b>.</p></div>", 2_000),
        (detect, "word ", 10_000),
        (split, "Mr. A ", 10_000),
        (split, "In 1937 1,000 were shot. ", 4_000),
        (read_numerals, "1,000 ", 10_000),
        (read_numerals, "six hundred and ", 5_000),
        (read_numerals, "1 ", 20_000),
        (_periods, "in 1937 1,000 shot ", 4_000),
        (_periods, "from August 1937 to November 1938 ", 2_000),
        (_periods, "in April, on 2 May, 26.IV, ", 1_000),  # dates without a year: the year before each one
        (_mentions, "in 1937 1,000 shot ", 4_000),
        (_mentions, "between 5 and 7 million, ", 2_000),
        (lambda text: check_text(text, "t.txt", DATA), "In 1937, 1,000 people were shot in Leningrad. ", 1_000),
        (lambda text: check_text(text, "t.txt", DATA), "in 1937 1,000 shot ", 2_000),
        (lambda text: check_text(text, "t.txt", DATA), "Kamenev Zinoviev ", 4_000),
        (lambda text: check_text(text, "t.txt", DATA), "estimates vary from 1,000 to 2,000 executions in 1937; ", 500),
        # round 4: sums, cues of the number before, breakdowns in brackets, event years, month spans
        (lambda text: check_text(text, "t.txt", DATA), "in all 1,000 shot and 2,000 arrested (3,000 - 400), ", 500),
        (_periods, "the 1939 Soviet invasion, April\u2013May 1940, the 1930s and 1940s, ", 1_000),
    ],
)
def test_each_stage_is_linear_on_hostile_input(stage, unit, n):
    assert_linear(stage, unit, n)


def test_contradictions_are_linear_in_the_number_of_claims():
    sizes = [2_000, 4_000, 8_000]
    frames = [_claims(n) for n in sizes]
    seconds = [_best(lambda f=f: contradictions(f)) for f in frames]
    assert (seconds[-1] / max(seconds[0], 0.005)) ** 0.5 < 2.5, seconds


def test_a_ten_megabyte_hostile_text_takes_under_a_minute():
    text = ("In 1937-38, 1,000 people were shot; Mr. A <b> <!-- 1938.2 [133] " * 160_000)[:10_000_000]
    start = time.process_time()
    check_text(html_to_text(text), "t.txt", DATA)
    assert time.process_time() - start < 60


def test_the_unit_of_work_is_pure_and_picklable():
    text = "In 1937-1938, 681,692 people were shot. In Leningrad, 40,000 were shot."
    first = check_text(text, "t.txt", DATA)
    assert pickle.loads(pickle.dumps(DATA)).periods.rows == DATA.periods.rows
    again = pickle.loads(pickle.dumps(check_text))(text, "t.txt", pickle.loads(pickle.dumps(DATA)))
    assert [vars(f) for f in again.frames] == [vars(f) for f in first.frames]


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n\n", "\u0000", "1" * 10_000, "<" * 1000, "\u202e1937\u202c", "١٩٣٧ 681,692 shot", "-" * 5000,
     "1937—" * 1000, "between between and and", "от до", "1,5 млн" * 100, "Mr." * 1000],
)
def test_hostile_text_never_raises(text):
    result = check_text(text, "t.txt", DATA)
    assert isinstance(result.frames, list)


def test_the_linear_time_check_fails_quadratic_code() -> None:
    """The measure itself: a stage that scans the whole text once per character fails it, twice measured."""

    def quadratic(text: str) -> object:
        return sum(1 for _ in text for _ in text)

    with pytest.raises(AssertionError):
        assert_linear(quadratic, "a", 400)
    assert_linear(lambda text: text.count("a"), "ab", 200_000)
