"""Round 7 of the fact-checker's quantities and scopes (issue 20): which quantity a claim counts, of what part."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from gulagstats.factcheck.run import check_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from calibrate_verdicts import cause


def _read(text: str) -> list[tuple[str, str, str]]:
    return [(f.mention, f.quantity, f.scope) for f in check_text(text, "t.txt").frames]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("By 1935, 69,000 prisoners were kept in Norillag.", "camp_population"),
        ("In 1941, 1,510 prisoners died in Urallag.", "camp_deaths"),
        ("В 1941 году в Ураллаге умерло 1 510 человек.", "camp_deaths"),
    ],
)
def test_the_prisoners_and_the_dead_of_one_camp_are_that_camps(text, quantity):
    [(_, what, part)] = _read(text)
    assert (what, part) == (quantity, "camp")


def test_the_prisoners_of_the_whole_gulag_stay_the_gulags():
    [(_, what, part)] = _read("In 1950, 2,500,000 prisoners were held in the Gulag.")
    assert (what, part) == ("gulag_population", "USSR")


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("In 1937-1938, 2 to 3 million peasants were arrested or exiled.", "repressed_total"),
        (
            "From 1929 to 1953, about 14 million people were imprisoned in the Gulag camps.",
            "passed_through_gulag",
        ),
        (
            "More than 1 million prisoners would go through the camps by 1953.",
            "passed_through_gulag",
        ),
        ("Many millions of others died in the purges.", "custodial_deaths"),
        ("Thousands of party members died in the Great Purge.", "custodial_deaths"),
    ],
)
def test_the_lexicons_phrases_name_the_quantity(text, quantity):
    [(_, what, _)] = _read(text)
    assert what == quantity


def test_a_word_of_dying_with_no_place_stays_the_regimes_deaths():
    [(_, what, _)] = _read("In 1932-1933, about 5 million people died.")
    assert what == "regime_deaths"


@pytest.mark.parametrize(
    ("label", "read", "kind"),
    [
        ("other:camp_death_share", "camp_deaths", "a share read as a count"),
        ("arrests", "executions", "one series for another"),
        ("camp_population", "gulag_population", "one population for another"),
        ("other:deportation_deaths", "regime_deaths", "no series read as a series"),
        ("other:war_deaths", "deportation_deaths", "no series for another (the ids)"),
    ],
)
def test_the_quantity_errors_are_sorted_by_cause(label, read, kind):
    assert cause(label, read) == kind


def test_persons_in_prisons_and_camps_are_a_stock_counted_on_a_day():
    [f] = check_text(
        "The number in prisons and camps at the end of 1938 was 9 million.", "t.txt"
    ).frames
    # round 15: all in custody (a flag must hold as the Gulag too)
    assert (f.quantity, f.period) == ("custodial_population", "1939-01-01")


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        (
            "It is estimated that as many as 7 million people were killed during the Great Purge.",
            "custodial_deaths",
        ),
        ("In 1937-1938, 681,692 people were shot during the Great Purge.", "executions"),
        ("In 1940, some 22,000 Polish officers were killed at Katyn.", "executions"),
    ],
)
def test_a_word_of_killing_in_the_purges_counts_their_deaths(text, quantity):
    [(_, what, _)] = _read(text)
    assert what == quantity


def test_a_cue_that_a_comma_parts_from_a_number_is_its_neighbours():
    text = "Of these, 2,369,220 had been sent to camps, 765,180 had been sent into exile, and 642,980 had been executed."
    assert [q for _, q, _ in _read(text)] == ["sent_to_camps", "deportations", "executions"]
    text = "Tens of thousands of people were executed, hundreds of thousands were imprisoned."
    assert [q for _, q, _ in _read(text)] == ["executions", "repressed_total"]


@pytest.mark.parametrize(
    "text",
    [
        "It is estimated that as many as 5 million people died as a result of the collectivization of agriculture.",
        "In 1930-1931, 6,500,000 people were killed during dekulakization.",
        "В ходе раскулачивания в 1930-1931 годах было выселено 1 803 392 человека.",
    ],
)
def test_collectivization_and_dekulakization_are_one_campaign_a_part(text):
    [(_, _, part)] = _read(text)
    assert part == "operation"


def test_a_part_named_after_the_next_number_is_that_numbers():
    text = (
        "The records hold around 1.7 million deaths in the Gulag in 1930-1953, "
        "some 390,000 deaths during the dekulakization forced resettlement."
    )
    assert [p for _, _, p in _read(text)] == ["USSR", "operation"]


@pytest.mark.parametrize(
    "text",
    [
        "At the beginning of 1953 there were more than 465,000 political prisoners.",
        "In 1937-1938, 40,000 political prisoners were arrested.",
    ],
)
def test_a_category_of_crimes_or_prisoners_is_a_part(text):
    [(_, _, part)] = _read(text)
    assert part == "category"


@pytest.mark.parametrize(
    "text",
    [
        "By the MVD's own count, 3,777,380 people had been found guilty of counter-revolution in 1921-1953.",
        "In 1921-1953, 3.8 million people were convicted of political crimes.",
        "В 1921-1953 годах за контрреволюционные преступления осуждено 3 777 380 человек.",
    ],
)
def test_political_convictions_are_the_records_own_series(text):
    # round 16 (quantity_rules.csv): the round-14 label mend reads political convictions in the whole USSR
    # as the record's own series (those sentenced on the security police's cases), not a part of it
    [(_, _, part)] = _read(text)
    assert part == "USSR"


def test_a_category_does_not_carry_into_the_next_sentence_unless_it_goes_on():
    text = "Around 500,000 political prisoners were held in 1953. Over 1 million people were held in 1954."
    assert [p for _, _, p in _read(text)] == ["category", "USSR"]


def test_a_category_is_not_judged_as_the_whole():
    from gulagstats.factcheck.judgment import claims_frame, judge

    frames = check_text(
        "At the beginning of 1953 there were more than 465,000 political prisoners.", "t.txt"
    ).frames
    verdicts = judge(claims_frame(frames))
    assert list(verdicts["verdict"]) == ["not_judged"]
    assert "one category" in verdicts["reason"].iloc[0]


def _moods(text: str) -> list[str]:
    return [f.modality for f in check_text(text, "t.txt").frames]


@pytest.mark.parametrize(
    ("text", "moods"),
    [
        (
            "The number of deaths in the Gulag in 1930-1953 is estimated to range from millions to tens of millions.",
            ["spread", "spread"],
        ),
        (
            "Estimates of the deaths in the Great Purge run from 681,692 to nearly 2,000,000.",
            ["spread", "spread"],
        ),
        ("I know they all say he killed 20 million people in 1924-1953.", ["spread"]),
        (
            "В ходе операции, по различным оценкам, было выселено от 500 до 650 тысяч чеченцев и ингушей.",
            ["spread"],
        ),
        ("According to this schedule, 259,450 people had to be arrested in 1937.", ["planned"]),
        ("The project provides for the release of about 1 million people in 1953.", ["planned"]),
        (
            "In public consciousness one figure is quoted too high: as if more than a million prisoners had gone through the camps.",
            ["negated"],
        ),
        (
            "Ни о каких десятках миллионов узников ГУЛАГа в 1937 году не может быть и речи.",
            ["negated"],
        ),
        (
            "Если считать, что во время войны погибло 27 млн. человек, то это много.",
            ["hypothetical"],
        ),
        ("In 1937-1938, 681,692 people were shot.", ["stated"]),
        (
            "According to some estimates, the population of the camps was 510,307 in 1934.",
            ["stated"],
        ),
    ],
)
def test_modality_cues_of_others_estimates_plans_denials_and_suppositions(text, moods):
    assert _moods(text) == moods


def test_a_part_listed_after_including_does_not_narrow_the_number():
    text = "In 1937-1953, millions of people were sent to the Gulag, including political prisoners and criminals."
    assert [p for _, _, p in _read(text)] == ["USSR"]
    text = "In 1937-1953, 3.8 million political prisoners passed through the Gulag."
    assert [p for _, _, p in _read(text)] == ["category"]


@pytest.mark.parametrize(
    "text",
    [
        "In 1937-1938, some 7,000 people shot were buried in mass graves.",
        "In 1937-1938, some 20,000 people were shot at the firing range.",
        "В 1937-1938 годах на полигоне было расстреляно 20 761 человек.",
    ],
)
def test_the_dead_of_a_burial_or_execution_site_are_a_part(text):
    [(_, _, part)] = _read(text)
    assert part == "region"


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        (
            "За 12 лет из стран Балтии на спецпоселение было отправлено более 203 тысяч человек.",
            "deportations",
        ),
        ("В 1930—1931 годах в спецпоселения было направлено 1 803 392 человека.", "deportations"),
        ("После смерти Сталина на воле оказались миллионы сидельцев.", "releases"),
        ("В 1941 году в Кривощёковском лагпункте умерло 130 человек.", "camp_deaths"),
    ],
)
def test_russian_phrases_of_settlement_release_and_camp_stations(text, quantity):
    [(_, what, _)] = _read(text)
    assert what == quantity


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        (
            "From 1930 to 1953, approximately 1.5 to 1.7 million deaths occurred in the Gulag labor camps.",
            "gulag_deaths",
        ),
        (
            "From 1941 to 1943, 516,841 prisoners died in camps due to food shortages.",
            "camp_deaths",
        ),
        ("In 1942, 352,560 prisoners died.", "gulag_deaths"),
        ("In 1950, 2,500,000 prisoners were held in the Gulag, and many died.", "gulag_population"),
    ],
)
def test_the_deaths_of_a_place_and_its_population_are_told_apart(text, quantity):
    [(_, what, _)] = _read(text)
    assert what == quantity


def test_the_central_committee_as_addressee_is_no_part_but_its_members_are():
    text = "26 марта 1953 года Берия написал в президиум ЦК, что в лагерях, тюрьмах и колониях сидят 2 500 000 человек."
    assert [p for _, _, p in _read(text)] == ["USSR"]
    text = "В 1937-1938 годах из 139 членов ЦК были расстреляны 98 человек."
    assert [p for _, _, p in _read(text)][-1] == "institution"


@pytest.mark.parametrize(
    "text",
    [
        "In 1937-1938, more than a million others were sentenced to lengthy terms in labor camps.",
        "В 1921-1953 годах к содержанию в лагерях и тюрьмах было приговорено 2 369 220 человек.",
    ],
)
def test_sentences_to_the_camps_are_persons_sent_to_the_camps(text):
    [(_, what, _)] = _read(text)
    assert what == "sent_to_camps"


def test_deaths_due_to_repression_are_deaths_in_custody():
    text = "Historians estimate the total number of deaths due to Stalinist repression in 1937–38 to be between 680,000 and 1,200,000."
    [(_, what, _)] = _read(text)
    assert what == "custodial_deaths"


def test_approved_executions_happened_and_approved_limits_stay_a_plan():
    assert _moods("In 1937-1938, Stalin approved 3,483 executions in Georgia from the lists.") == [
        "stated"
    ]
    [(_, _, part)] = _read("In 1937, Stalin approved limits of 75,950 executions.")
    assert part == "plan"
