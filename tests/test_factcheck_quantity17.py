"""Round 17 of the fact-checker's quantities and scopes (issue 20).

1. A count of executions and deaths together ("Число казней и смертей в тюрьмах составило 826 тысяч",
   "executions and prison deaths") is neither alone: the shot and the dead in custody (``custodial_deaths``,
   the lexicon's quantity rows), never the executions; "shot and buried" stays one fate.
2. Victims that the story before them makes the shot are executions: "Both were shot in the course of Stalin's
   Great Terror of 1937 and 1938, which claimed 700,000 victims" (the lexicon's ``victims`` rows,
   ``quantity_rules.csv``'s match ``victims``); a number before them, a word of killing, another fate, or a cue
   after them leaves them the repressed.
3. Review mends, no behaviour change: the bodies a clause names are read once a sentence into its context
   (:func:`gulagstats.factcheck.wider_wholes.clause_bodies`), no module state, so threads running ``check_text``
   at once each get their own text's; the rules of ``quantity_rules.csv`` are indexed by ``match`` when they load
   (``Resources.rules_by_match``), and every lookup but ``of_part`` reads its match's rows only.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from gulagstats.factcheck import quantity_rules as qr
from gulagstats.factcheck import wider_wholes
from gulagstats.factcheck.context import context
from gulagstats.factcheck.phrases import tokens
from gulagstats.factcheck.resources import load_resources, rules_by_match
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
        (
            "At least 6,000 were shot and buried at Sandarmokh in 1937.",
            "at least 6,000",
            "executions",
        ),
        # executions alone
        ("The number of executions reached 681,692 in 1937-1938.", "681,692", "executions"),
        ("Число казней составило 681 692 в 1937–1938 гг.", "681 692", "executions"),
    ],
)
def test_executions_alone_or_shot_and_buried_stay_executions(text, mention, expected):
    assert _quantity(text, mention) == expected


def test_hostile_executions_and_deaths():
    for text in (
        "казней и смертей",
        "executions and deaths " * 50,
        "Число казней и\u00a0смертей 826\u200b тысяч",
    ):
        assert isinstance(check_text(text, "a.txt").frames, list)


def test_executions_and_deaths_stay_linear():
    assert_linear(
        lambda s: check_text(s, "a.txt"),
        "Число казней и смертей в тюрьмах составило 826 тысяч в 1937 г. ",
        20,
    )


# --- 2. victims the story makes the shot ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Both were shot in the course of the Great Terror of 1937 and 1938, which claimed 690,000 victims.",
            "690,000",
        ),
        (
            "Оба были расстреляны осенью 1937 года в ходе Большого террора, который за два года унёс 680 тысяч жертв.",
            "680 тысяч",
        ),
    ],
)
def test_victims_of_a_story_of_shooting_are_the_shot(text, mention):
    assert _quantity(text, mention) == "executions"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a word of killing, not of shooting
        (
            "Both were murdered in the Great Terror of 1937 and 1938, which claimed 700,000 victims.",
            "700,000",
        ),
        # another fate beside the shooting
        (
            "Many were shot or sent to the camps in the Great Terror of 1937-1938, which had 1.5 million victims.",
            "1.5 million",
        ),
        # no story before them
        ("The Great Terror of 1937 and 1938 claimed 1.5 million victims.", "1.5 million"),
    ],
)
def test_victims_without_a_story_of_shooting_stay_the_repressed(text, mention):
    assert _quantity(text, mention) != "executions"


def test_victims_after_another_number_are_not_read_by_its_verb():
    text = "In 1937-1938, 681,692 were shot, and the Terror claimed 1.5 million victims."
    assert _quantity(text, "1.5 million") != "executions"


def test_hostile_victims():
    for text in (
        "victims " * 5_000,
        "shot shot shot 5 victims",
        "Were shot, which claimed\u00a0 victims 700,000?",
    ):
        assert isinstance(check_text(text, "a.txt").frames, list)
    assert_linear(
        lambda s: check_text(s, "a.txt"),
        "Both were shot in the Great Terror of 1937, which claimed 700,000 victims. ",
        20,
    )


# --- 3. review mends -----------------------------------------------------------------------------------------

_COURTS = (
    "Almost 5 million people were convicted by various courts in 1937-1939; 681,692 were shot. " * 3
)
_HOOLIGANS = (
    "108,357 persons were sentenced in 1939 for hooliganism; in 1940, 199,813 were arrested. " * 3
)


def _bodies(text: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    return [(f.mention, f.other_bodies) for f in check_text(text, "a.txt").frames]


def test_threads_each_read_their_own_texts_bodies():
    alone = {t: _bodies(t) for t in (_COURTS, _HOOLIGANS)}
    assert alone[_COURTS] != alone[_HOOLIGANS]
    assert any(b for _, b in alone[_COURTS]) and any(b for _, b in alone[_HOOLIGANS])
    texts = [_COURTS, _HOOLIGANS] * 16
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(_bodies, texts))
    assert all(g == alone[t] for g, t in zip(got, texts))


def test_no_module_state_is_left_in_wider_wholes():
    assert not hasattr(wider_wholes, "_LAST")


def test_a_context_holds_its_clauses_bodies():
    data = load_resources()
    s = "108,357 were sentenced for hooliganism; next year 199,813 were"
    ctx = context(s, 0, tokens(s), data, [])
    assert ctx.bodies.at(0) == (("repressed_total", "hooliganism"),)
    assert ctx.bodies.at(s.index("199")) == ()
    shifted = context(s, 500, tokens(s, 500), data, [])
    assert shifted.bodies == ctx.bodies
    assert wider_wholes.named_bodies(s, tokens(s), 0, data) == ctx.bodies.at(0)


def test_the_rules_index_holds_every_row_once_in_order():
    data = load_resources()
    index = data.rules_by_match
    assert sum(len(v) for v in index.values()) == len(data.quantity_rules.rows)
    for match, rows in index.items():
        assert list(rows) == [r for r in data.quantity_rules.rows if r["match"] == match]
    assert rules_by_match(data.quantity_rules) == index


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda d: qr.of_unit(d, "gulag_deaths", "share", []), "gulag_mortality_rate"),
        (lambda d: qr.ever_held(d, "camp_population", {"ever"}), ("passed_through_gulag", "ever")),
        (
            lambda d: qr.read_as(d, "prisons_and_camps", []),
            ("custodial_population", ("gulag_population",)),
        ),
        (lambda d: qr.excluding(d, "gulag_deaths", {"the colonies"}), "camp_deaths"),
        (lambda d: qr.killing_threshold(d, "executions"), (2000000.0, "regime_deaths")),
        (
            lambda d: qr.either_of(d, "executions", {("executions", "regime_deaths")}),
            "custodial_deaths",
        ),
        (lambda d: qr.both_of(d, "executions", {("arrests", "executions")}), ""),
    ],
)
def test_the_indexed_lookups_answer_as_the_scans_did(call, expected):
    assert call(load_resources()) == expected


def test_the_lookups_of_an_unknown_quantity_or_an_empty_index_give_nothing():
    data = load_resources()
    odd = "x" * 10_000
    assert qr.of_unit(data, odd, "share", []) == odd
    assert qr.ever_held(data, odd, {odd}) == (odd, "")
    assert qr.read_as(data, odd, []) == (odd, ())
    assert qr.excluding(data, odd, {odd}) is None
    assert rules_by_match(type(data.quantity_rules)("r", (), data.quantity_rules.phrases)) == {}
