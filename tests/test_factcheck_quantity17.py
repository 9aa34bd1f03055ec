"""Round 17 of the fact-checker's quantities and scopes (issue 20).

1. A count of executions and deaths together ("Число казней и смертей в тюрьмах составило 826 тысяч",
   "executions and prison deaths") is neither alone: the shot and the dead in custody (``custodial_deaths``,
   the lexicon's quantity rows), never the executions; "shot and buried" stays one fate.
"""

from __future__ import annotations

import pytest

from gulagstats.factcheck.run import check_text

from .test_factcheck_stages import assert_linear


def _quantity(text: str, mention: str) -> str:
    frames = [f for f in check_text(text, "a.txt").frames if f.mention.lower() == mention.lower()]
    assert len(frames) == 1, [(f.mention, f.quantity) for f in check_text(text, "a.txt").frames]
    return frames[0].quantity


# --- 1. executions and deaths together ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Число казней и смертей в тюрьмах составило 826 тысяч в 1937–1938 гг.", "826 тысяч"),
        ("Число расстрелов и смертей в лагерях достигло 900 тысяч в 1937–1938 годах.", "900 тысяч"),
        ("The number of executions and deaths in prisons reached 826,000 in 1937-1938.", "826,000"),
        ("Executions and prison deaths came to 830,000 in 1937 and 1938.", "830,000"),
    ],
)
def test_executions_and_deaths_together_are_the_deaths_in_custody(text, mention):
    assert _quantity(text, mention) == "custodial_deaths"


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        # one fate told twice: the shot, buried where they were shot
        ("At least 6,000 were shot and buried at Sandarmokh in 1937.", "at least 6,000", "executions"),
        # executions alone
        ("The number of executions reached 681,692 in 1937-1938.", "681,692", "executions"),
        ("Число казней составило 681 692 в 1937–1938 гг.", "681 692", "executions"),
    ],
)
def test_executions_alone_or_shot_and_buried_stay_executions(text, mention, expected):
    assert _quantity(text, mention) == expected


def test_hostile_executions_and_deaths():
    for text in ("казней и смертей", "executions and deaths " * 50, "Число казней и\u00a0смертей 826\u200b тысяч"):
        assert isinstance(check_text(text, "a.txt").frames, list)


def test_executions_and_deaths_stay_linear():
    assert_linear(
        lambda s: check_text(s, "a.txt"),
        "Число казней и смертей в тюрьмах составило 826 тысяч в 1937 г. ",
        20,
    )
