"""Round 8 of the fact-checker's quantities and scopes (issue 20): which quantity a claim counts, of what part."""

from __future__ import annotations

import pytest

from gulagstats.factcheck.run import check_text


def _read(text: str) -> list[tuple[str, str, str]]:
    return [(f.mention, f.quantity, f.scope) for f in check_text(text, "t.txt").frames]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Таким образом общее число заключённых составляло 1 850 258.", "custodial_population"),
        (
            "На 1 января 1941 года общее число заключенных в СССР составило 2 400 422 человека.",
            "custodial_population",
        ),
        ("В 1940 году в лагерях находилось 1 344 408 заключённых.", "camp_population"),
        ("Around 10 million people died in such camps over the years.", "camp_deaths"),
        ("Some 2,000 people died in these camps in 1942.", "camp_deaths"),
    ],
)
def test_the_total_of_prisoners_is_all_in_custody_and_such_camps_are_a_place(text, quantity):
    assert _read(text)[0][1] == quantity


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Internal forced migrations affected at least 6 million people.", "deportations"),
        ("By 1933 some 1.5 million people had been subjected to dekulakization.", "deportations"),
        ("Stalin told Churchill that collectivization cost 10 million lives.", "regime_deaths"),
        ("Из партии было вычищено 850 000 человек.", "party_expulsions"),
        (
            "Комиссия рассмотрела дела, и в ходе реабилитации 12 000 человек вернулись домой.",
            "rehabilitated",
        ),
    ],
)
def test_words_of_deportation_expulsion_rehabilitation_and_lives_lost(text, quantity):
    assert _read(text)[0][1] == quantity


def test_a_count_of_corrective_labour_camps_is_no_count_of_people():
    text = "В 65 исправительно-трудовых лагерях и 798 колониях содержалось 1 360 303 осуждённых."
    assert [m for m, _, _ in _read(text)] == ["1 360 303"]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        (
            "Ellman claims that the famine of collectivization resulted in an estimated 1.5 million lives lost.",
            "USSR",
        ),
        ("During collectivization, 2,000 peasants were arrested in 1930.", "operation"),
        ("The famine in Ukraine killed 3.9 million people during collectivization.", "region"),
    ],
)
def test_collectivization_does_not_narrow_its_own_famine(text, scope):
    assert _read(text)[0][2] == scope


def test_a_figure_the_author_finds_difficult_to_arrive_at_is_denied():
    text = (
        "Even so, it seems difficult to arrive at an estimate as high as 2.5 million arrests on all charges "
        "in 1937-1938."
    )
    frames = check_text(text, "t.txt").frames
    assert [(f.mention, f.modality) for f in frames] == [("2.5 million", "negated")]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("I know they say he killed 20 million people.", "regime_deaths"),
        ("Stalin killed millions of his own citizens.", "regime_deaths"),
        ("In 1937, 35,000 people were killed by the NKVD in Leningrad.", "executions"),
        ("Some 7 million were killed during the Great Purge.", "custodial_deaths"),
    ],
)
def test_killings_of_millions_are_the_regimes_deaths(text, quantity):
    assert _read(text)[0][1] == quantity


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        (
            "Some 7,000 people are believed to lie buried in at least 40 mass graves found near the town.",
            "executions",
        ),
        (
            "Mass graves dating from 1937-1938 were opened and hundreds of bodies exhumed.",
            "executions",
        ),
        ("In 1942, 2,000 prisoners died in the camps of the region.", "camp_deaths"),
    ],
)
def test_the_dead_of_a_burial_or_execution_site_are_those_shot_there(text, quantity):
    assert _read(text)[0][1] == quantity


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        (
            "On Stalin's death, there were in the Soviet Union more than 2,800,000 special settlers.",
            "special_settlers",
        ),
        ("В 1953 году в спецпоселениях находилось 2 753 000 спецпоселенцев.", "special_settlers"),
        (
            "On 1 January 1939 the total number in prisons, camps, colonies and special settlements was 2,962,000.",
            "detained_population",
        ),
    ],
)
def test_special_settlers_are_a_part_of_the_detained_not_the_whole(text, quantity):
    assert _read(text)[0][1] == quantity


def test_special_settlers_are_counted_on_a_day():
    from gulagstats.factcheck.frames import quantity_kind

    assert quantity_kind("special_settlers") == "stock"
