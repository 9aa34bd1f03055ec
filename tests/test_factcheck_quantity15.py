"""Round 15 of the fact-checker's quantities, scopes and modality (issue 20): one number for two fates, joined
by "or" (the repressed) or by a lone "and" (unclear); a count "in prisons and camps" judged as all in custody."""

from __future__ import annotations

import time

import pytest

from gulagstats.factcheck.judgment import JUDGING_CONFIDENCE, claims_frame, judge
from gulagstats.factcheck.quantity_rules import both_of, either_of, read_as
from gulagstats.factcheck.readings import VERDICT_HOWS
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text


def _frames(text: str):
    return check_text(text, "t.txt").frames


def _frame(text: str, mention: str):
    return next(f for f in _frames(text) if f.mention == mention)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "The Great Terror peaked between 1936 and 1938, during which hundreds of thousands were "
            "arrested, with estimates of millions executed or sent to labor camps.",
            "millions",
        ),
        ("В 1937-1938 годах миллионы людей были расстреляны или отправлены в лагеря.", "миллионы"),
        ("In 1937-1938 about 1,500,000 people were shot or exiled.", "about 1,500,000"),
        ("In 1930-1931 some 400,000 peasants were arrested or deported.", "some 400,000"),
    ],
)
def test_shot_or_sent_away_are_the_repressed(text, mention):
    f = _frame(text, mention)
    assert f.quantity == "repressed_total"
    assert any("or another fate" in n for n in f.notes)


@pytest.mark.parametrize(
    ("text", "mention", "quantity"),
    [
        # the number's own verb is "arrested": the two fates after it are what befell some of them
        (
            "Millions of people were arrested and either shot or sent to labour camps in 1937.",
            "Millions",
            "arrests",
        ),
        # "the repression" is no fate: the killed or vanished stay as read
        (
            "Different estimations range from 8,000 to 25,000 of Finns killed or disappearing during the repression.",
            "8,000 to 25,000",
            "executions",
        ),
        # shot or dead in the camps are still deaths in custody (round 9)
        (
            "Many were rehabilitated posthumously, as thousands had been executed by the regime or died in the labor camps.",
            "thousands",
            "custodial_deaths",
        ),
        # "and" joins no alternatives
        (
            "In 1937-1938, 681,692 people were shot and 2,000 were sent to camps.",
            "681,692",
            "executions",
        ),
    ],
)
def test_other_joins_keep_their_reading(text, mention, quantity):
    assert _frame(text, mention).quantity == quantity


def test_the_either_rows_of_fates():
    data = load_resources()
    assert either_of(data, "executions", {("executions", "sent_to_camps")}) == "repressed_total"
    assert either_of(data, "executions", {("deportations", "executions")}) == "repressed_total"
    assert either_of(data, "arrests", {("arrests", "deportations")}) == "repressed_total"
    # a word of repression is no fate: no row joins it with a shooting
    assert either_of(data, "executions", {("executions", "repressed_total")}) is None
    # the number must be one of the two joined
    assert either_of(data, "gulag_population", {("executions", "sent_to_camps")}) is None


@pytest.mark.parametrize("text", ["", " ", "\u200b\u200b", "or or or", "\U0001f600 или \u0301 or"])
def test_hostile_short_inputs(text):
    assert _frames(text) == []


def test_odd_unicode_around_the_join():
    text = "In 1937\u20131938 about\u00a01,500,000 people were shot\u00a0or exiled \u2014 \u0441\u043e\u0441\u043b\u0430\u043d\u044b."
    frames = _frames(text)
    assert [f.quantity for f in frames] == ["repressed_total"]


def test_long_text_of_joins_is_linear():
    unit = "In 1937 about 1,500 people were shot or exiled, and some were arrested or deported. "
    small, large = unit * 500, unit * 2000
    t0 = time.perf_counter()
    n_small = len(_frames(small))
    t1 = time.perf_counter()
    n_large = len(_frames(large))
    t2 = time.perf_counter()
    assert n_large == 4 * n_small > 0
    assert (t2 - t1) < 8 * max(t1 - t0, 0.05)


def test_a_megabyte_without_numbers():
    text = ("shot or exiled or sent to camps " * 40000)[: 1 << 20]
    assert _frames(text) == []


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "During this time, millions of people were arrested and executed, often on the basis of false accusations.",
            "millions",
        ),
        (
            "В 1937–1938 годах, во время «Большого террора», миллионы людей в СССР были арестованы и осуждены.",
            "миллионы",
        ),
        ("In 1937-1938, 458,984 were arrested and shot in Russia.", "458,984"),
    ],
)
def test_two_fates_joined_by_a_lone_and_are_unclear(text, mention):
    f = _frame(text, mention)
    assert f.confidence < JUDGING_CONFIDENCE
    assert any("which of the two it counts is unclear" in n for n in f.notes)


@pytest.mark.parametrize(
    ("text", "mention", "quantity"),
    [
        # "and either ... or": the fates of some of the arrested, not a second count
        (
            "Millions of people were arrested and either shot or sent to labour camps in 1937.",
            "Millions",
            "arrests",
        ),
        # an "and" between two numbers joins two counts, each with its own verb
        (
            "In 1937-1938, 681,692 people were shot and 2,000 were arrested.",
            "681,692",
            "executions",
        ),
    ],
)
def test_an_and_that_joins_no_two_fates_of_one_number_keeps_it_clear(text, mention, quantity):
    f = _frame(text, mention)
    assert (f.quantity, f.confidence >= JUDGING_CONFIDENCE) == (quantity, True)
    assert not any("another fate" in n for n in f.notes)


def test_the_both_rows():
    data = load_resources()
    assert both_of(data, "executions", {("arrests", "executions")}) == ""
    assert both_of(data, "arrests", {("executions", "arrests")}) == ""
    assert both_of(data, "executions", {("executions", "sent_to_camps")}) is None
    assert both_of(data, "gulag_population", {("arrests", "executions")}) is None


def test_a_both_row_without_reads_is_refused(tmp_path):
    from gulagstats.errors import DataFormatError
    from gulagstats.factcheck.resources import _check_quantity_rule

    row = dict.fromkeys(("match", "part", "reads", "becomes", "low", "says", "basis", "note"), "")
    row.update(match="both", part="arrests")
    with pytest.raises(DataFormatError):
        _check_quantity_rule(row, "q.csv", 2)
    row.update(reads="executions")
    _check_quantity_rule(row, "q.csv", 2)  # an empty "becomes": unclear


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "According to Conquest, the number in prisons and camps at the end of 1938 was 9 million.",
            "9 million",
        ),
        (
            "По самым осторожным оценкам, уже в январе 1937 года в тюрьмах и лагерях находилось 5 миллионов человек.",
            "5 миллионов",
        ),
    ],
)
def test_prisons_and_camps_are_judged_as_all_in_custody_and_flagged_only_as_the_gulag_too(
    text, mention
):
    f = _frame(text, mention)
    assert f.quantity == "custodial_population"
    assert "gulag_population" in f.quantity_readings
    assert any("judged as custodial_population" in n for n in f.notes)


def test_a_quantity_of_one_series_has_no_reading_added():
    data = load_resources()
    notes: list[str] = []
    assert read_as(data, "executions", notes) == ("executions", ())
    assert notes == []
    assert read_as(data, "prisons_and_camps", notes)[0] == "custodial_population"
    assert len(notes) == 1


#: A gate open to every way of finding a period: what the readings alone decide.
OPEN_GATE = {
    k: frozenset(("own clause", "span", "sentence", "named period", "context", "table"))
    for k in VERDICT_HOWS
}


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # 1,668,000 on 1 January 1939: camps and colonies 1,672,438, with the prisons 2,022,976 (the labels'
        # 'scope unclear'): as all in custody it understates, as the Gulag it is right: no flag
        (
            "According to the archives, the number in prisons and camps on 1 January 1939 was 1,668,000.",
            "not_judged",
        ),
        # 9 million overstates every reading: the flag holds (the calibrated gate decides whether it is given)
        (
            "According to Conquest, the number in prisons and camps at the end of 1938 was 9 million.",
            "overstates",
        ),
    ],
)
def test_a_count_in_prisons_and_camps_is_flagged_only_under_every_reading(text, verdict):
    result = check_text(text, "t.txt")
    verdicts = judge(claims_frame(result.frames), gate=OPEN_GATE)
    assert list(verdicts["verdict"]) == [verdict]
