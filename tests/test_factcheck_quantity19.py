"""Round 19's quantities: a list of places of custody with its total.

Round 18's unseen part read "Итого 3,005 млн человек", the total of a list of prisons, camps, colonies and
special settlements, as the list's last item (special settlers), and its items at low confidence
(docs/factcheck.md, "Round 18's test part, scored once"). The sentences here are invented in the same shapes,
each with near-misses the rule must leave alone.
"""

from __future__ import annotations

import pytest

from gulagstats.factcheck.custody_lists import UNCLEAR_TOTAL
from gulagstats.factcheck.judgment import JUDGING_CONFIDENCE, claims_frame, judge
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text

DATA = load_resources()


def _read(text: str) -> dict[str, tuple[str, float]]:
    return {f.mention: (f.quantity, f.confidence) for f in check_text(text, "t.txt", DATA).frames}


# --- 1. a list of places of custody and its total ---------------------------------------------------------------


def test_a_russian_list_with_its_total_in_the_next_sentence():
    text = (
        "На 1 января 1941 года в тюрьмах находилось 470 тыс. человек, в исправительно-трудовых лагерях — "
        "1,5 млн, в колониях — 430 тыс., в спецпоселках — 930 тыс. Итого 3,33 млн человек."
    )
    read = _read(text)
    assert read["470 тыс."][0] == "prison_population"
    assert read["1,5 млн"] == ("camp_population", 0.8)
    assert read["430 тыс."][0] == "colony_population"
    assert read["930 тыс."][0] == "special_settlers"
    assert read["3,33 млн"] == ("detained_population", 0.8)  # never the last item's special settlers


def test_an_english_list_of_camps_colonies_and_prisons_sums_those_in_custody():
    text = "In January 1940 there were 1.3 million in the camps, 315,000 in the colonies and 190,000 in prisons, 1.8 million in all."
    read = _read(text)
    assert [read[m][0] for m in ("1.3 million", "315,000", "190,000")] == [
        "camp_population",
        "colony_population",
        "prison_population",
    ]
    assert read["1.8 million"] == ("custodial_population", 0.8)


def test_camps_and_colonies_listed_sum_the_gulag():
    read = _read("In 1940 the camps held 1.2 million prisoners and the colonies 300,000, in all 1.5 million people.")
    assert read["1.5 million"] == ("gulag_population", 0.8)


def test_a_total_that_sums_more_than_its_items_is_not_judged_and_says_why():
    text = "In 1940 the camps held 1.2 million prisoners and the colonies 300,000, in all 2.5 million people."
    f = next(f for f in check_text(text, "t.txt", DATA).frames if f.mention == "2.5 million")
    assert f.confidence == UNCLEAR_TOTAL < JUDGING_CONFIDENCE
    assert any("more besides" in n for n in f.notes)


def test_places_no_quantity_of_the_record_sums_are_not_judged():
    text = "In 1940 there were 1.2 million prisoners in the camps and 300,000 in prisons, 1.5 million in all."
    f = next(f for f in check_text(text, "t.txt", DATA).frames if f.mention == "1.5 million")
    assert f.confidence < JUDGING_CONFIDENCE
    assert any("no quantity of the record counts together" in n for n in f.notes)
    verdict = judge(claims_frame(check_text(text, "t.txt", DATA).frames))
    assert verdict[verdict["mention"] == "1.5 million"].iloc[0]["verdict"] != "consistent"


# --- near-misses ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "not_read"),
    [
        # deaths by place are no list of populations
        ("В 1942 г. в лагерях умерло 100 тыс. человек, в колониях — 50 тыс. Всего 150 тыс. человек.", "150 тыс.", "gulag_population"),
        # a total smaller than its items sums something else
        ("In 1940 the camps held 1.2 million prisoners and the colonies 300,000, in all 900,000 people.", "900,000", "gulag_population"),
        # one place only: no list
        ("In 1940 there were 1.2 million prisoners in the camps and colonies; in all 2 million people were held.", "2 million", "detained_population"),
        # where people came from, not where they are held
        ("Of those shot, 4,000 were prisoners of the camps, and 1,000 were brought from the Solovki prison.", "1,000", "prison_population"),
    ],
)
def test_what_is_no_list_of_places_of_custody(text: str, mention: str, not_read: str):
    f = next(f for f in check_text(text, "t.txt", DATA).frames if f.mention == mention)
    assert not any("places of custody" in n for n in f.notes)
    assert f.quantity != not_read or f.confidence < JUDGING_CONFIDENCE or "prisoners" in f.cue


def test_camps_and_colonies_in_one_item_are_one_place_not_two():
    frames = check_text("В 1940 г. в ИТЛ и колониях содержалось 1,6 млн, в тюрьмах — 190 тыс. человек. Итого 1,8 млн человек.", "t.txt", DATA).frames
    assert frames and not any("places of custody" in n for f in frames for n in f.notes)


# --- 2. millions killed where a place of custody is named -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Millions were killed in the camps.", "camp_deaths"),
        ("Under Stalin millions of people were murdered in the Gulag.", "gulag_deaths"),
        ("В лагерях были убиты миллионы людей.", "camp_deaths"),
        ("Millions of people were killed in the Great Purge.", "custodial_deaths"),
        ("Officials believe millions of people died from executions and brutal imprisonment under Stalin.", "custodial_deaths"),
    ],
)
def test_millions_killed_or_dead_where_a_place_of_custody_is_named_are_its_deaths(text: str, quantity: str):
    f = check_text(text, "t.txt", DATA).frames[0]
    assert f.quantity == quantity


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # the place is another number's: killings, then a like number sent to the Gulag
        ("Hundreds of killings daily, perhaps 600,000 in two years, plus a like number disappeared into the Gulag.", "executions"),
        # no place: the regime's deaths
        ("Millions were killed under Stalin.", "regime_deaths"),
        # imprisonment is the writer's, the deaths the famine's
        ("After ten years of imprisonment he wrote that millions had died in the famine of 1932-1933.", "famine_deaths"),
    ],
)
def test_a_place_of_custody_far_from_the_killing_is_not_its_place(text: str, quantity: str):
    f = next(f for f in check_text(text, "t.txt", DATA).frames if f.mention in ("600,000", "Millions", "millions"))
    assert f.quantity == quantity


# --- 3. births beside deaths --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept", "births"),
    [
        ("Всего за 1935 г. в ссылке родилось 12 400 и умерло 98 700 человек.", ["98 700"], ["12 400"]),
        ("In 1935, 12,400 children were born and 98,700 people died in the settlements.", ["98,700"], ["12,400"]),
        ("In 1935 the settlements recorded 12,400 births and 98,700 deaths.", ["98,700"], ["12,400"]),
        # respectively: the pairs after a pair of births and deaths
        (
            "За 1935 г. родилось 12 400 и умерло 98 700 человек, в том числе у немцев – соответственно 5300 и 41 200, "
            "у калмыков – 700 и 9100 человек.",
            ["98 700", "41 200", "9100"],
            ["12 400", "5300", "700"],
        ),
    ],
)
def test_a_count_of_births_is_no_claim(text: str, kept: list[str], births: list[str]):
    r = check_text(text, "t.txt", DATA)
    assert [f.mention for f in r.frames] == kept
    assert [s.text for s in r.seen if s.reason.startswith("a count of births")] == births


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a participle that describes people, not a count of births
        ("In 1940, 30,000 people born in Poland were deported.", "30,000"),
        # the word of birth is another clause's
        ("В 1935 г. в ссылке умерло 98 700 человек, родилось 12 400.", "98 700"),
        # no pair of births and deaths before: the pairs are deaths and escapes
        ("В 1935 г. умерло 98 700 человек и 20 000 бежало, у немцев 41 200 и 9000.", "41 200"),
        # the first pair is parted by a comma: no "respectively"
        ("В 1935 г. родилось 12 400 человек, а умерло 98 700, у немцев 41 200 и 9000.", "41 200"),
    ],
)
def test_what_is_no_count_of_births(text: str, mention: str):
    assert mention in [f.mention for f in check_text(text, "t.txt", DATA).frames]


# --- 4. a list of fates counts the repressed ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Millions were arrested, shot, imprisoned or deported.",
        "За эти годы арестовано, расстреляно, сослано и выселено 3 500 000 человек.",
        "In 1937 hundreds of thousands were arrested, sentenced to death and deported.",
    ],
)
def test_a_list_of_three_fates_counts_the_repressed(text: str):
    f = check_text(text, "t.txt", DATA).frames[0]
    assert f.quantity == "repressed_total"
    assert any("list of fates" in n for n in f.notes)


@pytest.mark.parametrize(
    ("text", "mention", "quantity"),
    [
        # two fates, two numbers
        ("In 1937, 1.5 million were arrested and 680,000 shot.", "680,000", "executions"),
        # a word of dying among the fates: deaths, not the repressed
        ("Millions were shot, starved or died in the camps.", "Millions", "camp_deaths"),
        # the fates of two clauses are no list
        ("In 1937-1938, 1.5 million were arrested, of whom 680,000 were shot.", "680,000", "executions"),
    ],
)
def test_what_is_no_list_of_fates(text: str, mention: str, quantity: str):
    f = next(f for f in check_text(text, "t.txt", DATA).frames if f.mention == mention)
    assert f.quantity == quantity


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("За годы войны в лагерях и колониях ГУЛАГа погибло около 2 миллионов человек.", "gulag_deaths"),
        ("В 1943 г. в ГУЛАГе погибло 167 тыс. заключенных.", "gulag_deaths"),
        ("В те годы умирали 20 тыс. заключенных в год.", "gulag_deaths"),
        # the camps and colonies held, no one died: their population
        ("В 1943 г. в лагерях и колониях содержалось 1,2 млн человек.", "gulag_population"),
    ],
)
def test_the_place_before_the_word_of_dying_says_whose_deaths(text: str, quantity: str):
    assert check_text(text, "t.txt", DATA).frames[0].quantity == quantity


def test_a_total_before_its_list_sums_the_places_listed_after_the_colon():
    read = _read(
        "Всего на 1 января 1941 г. содержалось 2,4 млн человек: в лагерях — 1,5 млн, в колониях — 430 тыс., "
        "в тюрьмах — 470 тыс."
    )
    assert read["2,4 млн"] == ("custodial_population", 0.8)
    read = _read(
        "In January 1941, 3.3 million people were held in all: 1.5 million in the camps, 430,000 in the colonies, "
        "470,000 in prisons and 930,000 special settlers."
    )
    assert read["3.3 million"] == ("detained_population", 0.8)
    # no colon: the total is no list's
    read = _read("In 1941 the camps held 1.5 million in all, and 430,000 were in the colonies, 470,000 in prisons.")
    assert read["1.5 million"][0] != "custodial_population"


def test_shares_by_place_are_no_list_of_counts():
    frames = check_text("В 1941 г. в лагерях содержалось 70 %, в колониях — 30 %. Итого 100 %.", "t.txt", DATA).frames
    assert not any("places of custody" in n for f in frames for n in f.notes)
