"""Round 5 (issue 20): a flag holds under every plausible reading of its claim, or it is not given.

A frame is one reading of a sentence; ``overstates``/``understates`` now needs the same
verdict under every period the number's clause offers and every quantity its own words
allow, a period found in a way that is right often enough on the labelled texts, and, for
``understates``, a text that says it counts the whole USSR.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Mapping

import pandas as pd
import pytest

from gulagstats.factcheck.judgment import (
    CLAIM_COLUMNS,
    NOT_JUDGED,
    VERDICT_COLUMNS,
    claims_frame,
    judge,
)
from gulagstats.factcheck.readings import (
    FLAG_HOWS,
    READING_COLUMNS,
    VERDICT_HOWS,
    doubt,
    questions,
)
from gulagstats.factcheck.run import check_text


def verdicts(text: str, gate: Mapping[str, frozenset[str]] | None = None) -> pd.DataFrame:
    claims = claims_frame(check_text(text, "t.txt").frames)
    return judge(claims) if gate is None else judge(claims, gate=gate)


def test_a_flag_by_a_span_holds():
    v = verdicts("Between 1937 and 1938, 7 million people were shot.")
    assert v[["period_how", "verdict", "reason"]].values.tolist() == [["span", "overstates", ""]]


def test_periods_of_one_clause_that_disagree_leave_the_claim_not_judged():
    # "Great Terror" (1937-1938) and "lasting into 1938" in the clause: 700,000 is 3 % above the
    # two years' 681,692 shot but twice the 328,618 of 1938 alone (the round-4 test part's wrong flag)
    frame = check_text(
        "This day is the start of the Great Terror, a period of repressions lasting into 1938 during which "
        "more than 700,000 were executed.",
        "t.txt",
    ).frames[0]
    assert frame.period == "1938" and "1937/1938" in frame.period_readings


def test_a_number_whose_own_words_allow_two_quantities_is_flagged_only_if_both_agree():
    # "prisoners" (a population) and "died" (deaths): 352,560 is below every population of 1942
    # but the certificate's deaths of that year exactly
    # (the lexicon now reads "prisoners died" as deaths, which agree: consistent is no flag; the
    # population reading, judged alone, would understate). Since round 19 a word of dying right after
    # the number rules out its population reading ("352,560 prisoners died": deaths alone), so the two
    # readings are kept by words between them ("prisoners of the camps died").
    alone = check_text("Between 1942 and 1942, 352,560 prisoners died.", "t.txt").frames[0]
    assert alone.quantity == "gulag_deaths" and alone.quantity_readings == ()
    frame = check_text("Between 1942 and 1942, 352,560 prisoners of the camps died.", "t.txt").frames[0]
    assert "gulag_population" in frame.quantity_readings, (frame.quantity, frame.cue)
    v = judge(claims_frame([frame]))
    assert v["verdict"].tolist() in ([NOT_JUDGED], ["consistent"])
    population = dataclasses.replace(
        frame, quantity="gulag_population", quantity_readings=(frame.quantity,)
    )
    assert judge(claims_frame([population]))["verdict"].tolist() == [NOT_JUDGED]


def test_died_in_the_camps_is_one_reading_the_camps_are_where():
    frame = check_text(
        "Between 1937 and 1938, two million persons died in the camps.", "t.txt"
    ).frames[0]
    assert frame.quantity == "camp_deaths" and frame.quantity_readings == ()
    assert judge(claims_frame([frame]))["verdict"].tolist() == ["overstates"]


def test_understates_needs_the_whole_named():
    v = verdicts(
        "Between 1937 and 1938, 400,000 people were shot. "
        "Between 1937 and 1938, 400,000 people were shot throughout the country."
    )
    assert v["verdict"].tolist() == [NOT_JUDGED, "understates"]
    assert "may count a part" in v["reason"].iloc[0]


#: The ways of finding a period that the calibration does not let flag today, and one never measured.
UNCALIBRATED_HOWS = (
    "own clause",
    "sentence",
    "named period",
    "context",
    "relative",
    "open",
    "none",
    "a way added later",
)


@pytest.mark.parametrize("how", UNCALIBRATED_HOWS)
def test_a_way_of_finding_the_period_right_too_seldom_gives_no_flag(how):
    assert how not in FLAG_HOWS
    row = pd.Series(
        {
            "verdict": "overstates",
            "period": "1938",
            "period_how": how,
            "quantity": "executions",
            "whole_stated": True,
            "scope": "USSR",
        }
    )
    assert "not been shown right often enough" in doubt(
        row, pd.DataFrame(columns=["what", "reading", "verdict"])
    )


def test_a_reading_the_record_cannot_judge_is_a_doubt():
    row = pd.Series(
        {
            "verdict": "overstates",
            "period": "1938",
            "period_how": "span",
            "quantity": "executions",
            "whole_stated": True,
            "scope": "USSR",
        }
    )
    others = pd.DataFrame({"what": ["quantity"], "reading": ["deportations"], "verdict": [""]})
    assert doubt(row, others).startswith(
        "what the number counts is unclear: executions (overstates) or deportations"
    )


def test_the_readings_do_not_reach_the_outputs():
    v = verdicts("Between 1937 and 1938, 7 million people were shot.")
    assert list(v.columns) == CLAIM_COLUMNS + VERDICT_COLUMNS
    assert not set(READING_COLUMNS) & set(v.columns)


def test_questions_keep_the_claim_they_come_from():
    asked = pd.DataFrame(
        {
            "quantity": ["executions", "arrests"],
            "period": ["1938", "1937"],
            "period_readings": ["1937/1938|1936", ""],
            "quantity_readings": ["", ""],
        },
        index=[3, 9],
    )
    assert questions(asked)["claim"].tolist() == [3, 3]


def test_judging_many_flags_with_readings_is_linear():
    unit = "This day began a terror lasting into 1938 during which 700,000 were executed in 1937-1938. "
    times = []
    for n in (200, 400, 800):
        claims = claims_frame(check_text(unit * n, "t.txt").frames)
        start = time.process_time()
        judge(claims)
        times.append(time.process_time() - start)
    assert (times[-1] / max(times[0], 0.005)) ** 0.5 < 2.5, times


@pytest.mark.parametrize(
    "text",
    [
        "1 million executed during the ''Great Terror'' of 1937-1938.",
        "1 million executed during the \u201cGreat Terror\u201d of 1937-1938.",
        "1 million executed during the Great Terror (1937-1938).",
    ],
)
def test_a_name_the_sentence_dates_is_its_span_and_may_flag(text):
    v = verdicts(text)
    assert v[["period", "period_how", "verdict"]].values.tolist() == [
        ["1937/1938", "span", "overstates"]
    ]


def test_a_period_that_dates_the_next_number_is_not_this_ones():
    found = check_text(
        "Только в 1937-38 годах было расстреляно 40 906 человек, "
        "в том числе в 1937 году – 19 370, в 1938 году – 21 536 человек.",
        "t.txt",
    ).frames
    assert [(f.mention, f.period) for f in found] == [
        ("40 906", "1937/1938"),
        ("19 370", "1937"),
        ("21 536", "1938"),
    ]


def test_a_period_after_the_next_number_is_that_numbers():
    found = check_text("1.5 million were arrested and 680,000 shot in 1937-38.", "t.txt").frames
    assert [(f.mention, f.period, f.period_how) for f in found] == [
        (
            "1.5 million",
            "1937/1938",
            "sentence",
        ),  # the same years, read less surely: no flag from it
        ("680,000", "1937/1938", "span"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Between 1937 and 1938, 400,000 people were shot in the USSR.",
        "Between 1937 and 1938, 400,000 people were shot by the Soviet government.",
        "В 1937-1938 годах в СССР было расстреляно 400 000 человек.",
    ],
)
def test_a_text_that_names_the_whole_may_be_told_it_understates(text):
    assert verdicts(text)["verdict"].tolist() == ["understates"]


def test_a_floor_satisfied_under_an_uncalibrated_period_is_not_judged():
    # "at least 100,000 shot in 1938": a year of the own clause (right 60 % of the time on dev)
    # satisfies a floor as easily when misread; a span does not need the doubt
    v = verdicts(
        "In 1938, at least 100,000 people were shot. Between 1937 and 1938, at least 100,000 people were shot."
    )
    # round 6: the verdict calibration measured not_contradicted by span right 75 % and 50 % of the time
    # on the two halves of dev, so a span did not support it either; round 9's calibration pooled it with
    # table and sentence (71/75 and 19/20 right); with round 9's test part in dev (round 10) the pool is
    # 25/32 and 78/86 on the halves (Wilson lower end 0.64 on half 1, under 0.8): no way supports it;
    # round 11's supports table, span and sentence again (21/21 and 14/14, after its judging refused floors
    # met by a carried quantity); round 12's held-out part refused the span at the round's start (3 of 6) and
    # allows it after round 12's quantities (3 of 3): the year of the own clause is still refused. Round
    # 13's start (round 12's test part in dev, a misread table column: 27/74 by table) supports no way.
    # Round 14's judging refuses the causes of the wrong ones, and the pool with the own clause is right
    # 19/20 and 58/60 on the halves: both are allowed now, and a gate without the own clause still refuses
    assert v["verdict"].tolist() == ["not_contradicted", "not_contradicted"]
    no_clause = {**VERDICT_HOWS, "not_contradicted": VERDICT_HOWS["not_contradicted"] - {"own clause"}}
    refused = verdicts(
        "In 1938, at least 100,000 people were shot. Between 1937 and 1938, at least 100,000 people were shot.",
        gate=no_clause,
    )
    assert refused["verdict"].tolist() == [NOT_JUDGED, "not_contradicted"]
    assert "not contradicted for 1938" in refused["reason"].iloc[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a camp named at the head of a row: the deaths after it are that camp's
        ("Воркуто-Печорский ИТЛ — 25 827, умерло — 3144;", "camp_deaths"),
        (
            "Алтайский ИТЛ (станция Кулунда, строительство ветки) — 6473, умерло — 1510;",
            "camp_deaths",
        ),
        # the Gulag named as an office, not as where the deaths were: no place taken from it
        (
            "В спецсообщении на оперативный отдел ГУЛАГа указывается, что в отделении умерло 238 заключённых.",
            None,
        ),
        # two kinds of place before the number say no one place
        ("В ГУЛАГе и в лагерях других ведомств, по его словам, умерло 1510 человек.", None),
    ],
)
def test_a_camp_named_before_a_word_of_dying_is_where_the_deaths_were(text, expected):
    frames = {f.mention: f.quantity for f in check_text(text, "t.txt").frames}
    number = next(m for m in ("3144", "1510", "238") if m in text)
    got = next((q for mention, q in frames.items() if number in mention), None)
    if expected is None:
        assert got != "camp_deaths", frames
    else:
        assert got == expected, frames


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norman Davies counted 50 million killed between 1924 and 1953.", "regime_deaths"),
        # the same word over the Terror's two years: its shootings
        ("Between 1937 and 1938, 680,000 people were killed.", "executions"),
        # a word of shooting over an era stays executions
        ("Between 1921 and 1953, 799,455 people were executed.", "executions"),
    ],
)
def test_killed_over_an_era_is_the_regimes_deaths(text, expected):
    (frame,) = check_text(text, "t.txt").frames
    assert frame.quantity == expected, (frame.quantity, frame.cue, frame.period)
