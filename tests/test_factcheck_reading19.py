"""Round 19's reading of numbers that are no claim about repression: a number a noun before it makes a count of
inhabitants or of names ("a population of 76,000", "имена более тысячи"), with the near-misses the rule must leave
alone (a population held, a whole population deported, a share taken of a population).

The sentences are invented in the shapes met on dev.
"""

from __future__ import annotations

import pytest

from gulagstats.factcheck.run import check_text


def _read(text: str) -> list[str]:
    return [f.mention for f in check_text(text, "a.txt").frames]


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("The mining town had a population of about 40,000 and twelve camps with 90,000 inmates.", "about 40,000"),
        ("Out of a population of 52,000, some 9,000 Kurds were deported in 1944.", "52,000"),
        ("The population of the USSR was 170 million, and 1.3 million were in the camps.", "170 million"),
        ("The names of thousands of people who were shot in 1937 were read aloud on Monday.", "thousands"),
        ("Численность населения страны составляет 190 млн человек, а в лагерях было 1,5 млн человек.", "190 млн"),
        ("Население республики составляло около 3 млн человек, из них 40 тысяч было выслано в 1944 г.", "около 3 млн"),
        ("В книге памяти приведены имена более двух тысяч расстрелянных крестьян.", "более двух тысяч"),
    ],
)
def test_a_population_or_names_before_a_number_is_no_claim(text: str, left_out: str) -> None:
    assert left_out not in _read(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The mining town had a population of about 40,000 and twelve camps with 90,000 inmates.", "90,000"),
        ("Out of a population of 52,000, some 9,000 Kurds were deported in 1944.", "some 9,000"),
        ("Население республики составляло около 3 млн человек, из них 40 тысяч было выслано в 1944 г.", "40 тысяч"),
    ],
)
def test_the_claim_beside_a_population_is_still_read(text: str, kept: str) -> None:
    assert kept in _read(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The camp population of 1.5 million was reached in 1950.", "1.5 million"),
        ("The entire population of 190,000 Crimean Tatars was deported in 1944.", "190,000"),
        ("The deported population of 200,000 suffered hunger in 1944.", "200,000"),
        ("Stalin signed lists of 44,000 people to be shot in 1938.", "44,000"),
        ("Лагерное население составляло 1,7 млн человек в 1950 г.", "1,7 млн"),
        ("Население спецпоселков составляло 1,2 млн человек в 1938 г.", "1,2 млн"),
        ("Из населения Литвы 30 тысяч человек были депортированы в 1941 г.", "30 тысяч"),
        ("За каждым из этих имен миллионы безвинно погибших.", "миллионы"),
    ],
)
def test_a_population_held_or_deported_is_still_read(text: str, kept: str) -> None:
    assert kept in _read(text)


@pytest.mark.parametrize(
    ("text", "left_out", "kept"),
    [
        ("В 1938 г. расстреляли 63-летнего священника и ещё 120 крестьян.", "63", "120"),
        ("По 58-й статье в 1937 г. осудили более миллиона человек.", "58", "более миллиона"),
        ("Осуждённых по 58 статье в лагере в 1950 г. было 3000 человек.", "58", "3000"),
        ("По 1-й категории в 1938 г. осуждено 2500 человек.", "1", "2500"),
        ("В 1944 г. выселено 40 тысяч человек из 180 деревень.", "180", "40 тысяч"),
        ("В 1938 г. НКВД получил 60 млн руб. на операцию, арестовано 30 тыс. человек.", "60 млн", "30 тыс."),
        ("Летом 1938 г. 20 расстрельных акций унесли 3500 жизней.", "20", "3500"),
        ("In 1949, 12 echelons brought 9,420 special settlers to Tomsk Region.", "12", "9,420"),
    ],
)
def test_an_ordinal_an_age_an_article_or_a_thing_counts_no_one(text: str, left_out: str, kept: str) -> None:
    read = _read(text)
    assert left_out not in read
    assert kept in read


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("В 1937-1938 гг. расстреляно 2-3 тыс. человек в области.", "2-3 тыс."),
        ("В 1937 г. осуждено 58 тыс. человек.", "58 тыс."),
        ("A 15-member troika sentenced 3,000 people in 1937.", "3,000"),
    ],
)
def test_a_hyphen_or_a_scale_word_after_a_number_is_still_read(text: str, kept: str) -> None:
    assert kept in _read(text)


def _quantities(text: str) -> list[tuple[str, str]]:
    return [(f.mention, f.quantity) for f in check_text(text, "a.txt").frames]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("In 1944 the operation entailed the uprooting of some 6,000 Meskhetians.", "some 6,000"),
        ("In 1949, 4,210 villagers were taken from their homes and sent east.", "4,210"),
        ("In April 1951, 310 persons from Lithuania and 48 persons from Latvia were unloaded at Tayga Station.", "48"),
        ("В 1944 г. из республики было вывезено 38 тыс. человек.", "38 тыс."),
        ("В апреле 1951 г. на станции Тайга выгружено 420 человек из Литвы.", "420"),
    ],
)
def test_words_of_taking_people_away_count_deportations(text: str, mention: str) -> None:
    assert (mention, "deportations") in _quantities(text)


@pytest.mark.parametrize(
    "text",
    [
        "In 1950 the port unloaded 4,000 tons of coal.",
        "В 1950 г. из лагеря вывезено 300 тонн руды.",
    ],
)
def test_things_unloaded_or_taken_away_are_no_claim(text: str) -> None:
    assert _quantities(text) == []


def test_one_of_n_in_russian_is_a_share() -> None:
    frames = check_text("В 1943 г. в лагерях умерло 267 тыс. заключенных (один из пяти).", "a.txt").frames
    assert [(f.mention, f.low, f.high) for f in frames if f.mention == "один из пяти"] == [
        ("один из пяти", 20.0, 20.0)
    ]


def test_one_of_n_with_nothing_befallen_is_never_judged() -> None:
    # as "one in five members" in English: a share of people listed under the judging threshold
    for text in ("В 1937 г. один из пяти членов комиссии голосовал против.", "In 1937 one in five members voted against."):
        assert all(f.confidence < 0.6 for f in check_text(text, "a.txt").frames)


def test_every_nth_is_not_read_as_a_share() -> None:
    # measured: "каждый пятый" / "every fifth" added one extra on dev and found nothing, so not adopted
    assert _quantities("Во время войны примерно каждый пятый мужчина района воевал в Красной Армии.") == []


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("В 1933 г. в спецпоселках умирало до 10 % детей в месяц.", "до 10"),
        ("Зимой 1932 г. в комендатурах умирают 6–9 % переселенцев в месяц.", "6–9"),
        ("In the winter of 1932, 6-9 % of the settlers' children were dying each month.", "6-9"),
    ],
)
def test_a_share_dying_each_month_is_read(text: str, mention: str) -> None:
    # "умирает", "умирало": the imperfective of "умер*", now a cue of dying as it is
    assert mention in _read(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In 1937-1938 some 300,000 were shot, and a like number were sent to the camps.", 300_000),
        ("In 1938 the troika sentenced 2,000 peasants, and as many again the year after.", 2_000),
        ("В 1918 г. в уезде расстреляно 40 заложников, столько же — в соседнем городе.", 40),
    ],
)
def test_words_repeating_a_count_take_its_value_and_are_never_judged(text: str, value: int) -> None:
    like = [f for f in check_text(text, "a.txt").frames if not f.mention[0].isdigit() and "some" not in f.mention]
    assert [(f.low, f.high) for f in like] == [(float(value), float(value))]
    assert all(f.confidence < 0.6 for f in like)


@pytest.mark.parametrize(
    "text",
    [
        "Столько же, сколько и в 1937 году.",
        "He received the same number of votes as his rival.",
        "The same number of people, 40,000, were shot in 1938.",
    ],
)
def test_words_repeating_nothing_said_before_are_no_claim(text: str) -> None:
    assert all(f.mention[0].isdigit() for f in check_text(text, "a.txt").frames)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("In 1941, 100,997 prisoners died in the camps (one in ten). In 1942, 248,877 (one in five).", "248,877"),
        ("В 1944 году в лагерях умерло 114 481 заключенный (один из десяти). В 1945-м — 81 917 (один из двенадцати).", "81 917"),
        ("В 1944 году в лагерях умерло 114 481 заключенный. В 1945-м — 81 917.", "81 917"),
    ],
)
def test_a_year_and_a_count_alone_go_on_with_the_count_before(text: str, mention: str) -> None:
    # the count of the sentence before, not its share in brackets
    read = _quantities(text)
    assert dict(read)[mention] == read[0][1]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("In 1941, 100,997 prisoners died in the camps. In 1942, 248,877 prisoners were released.", "248,877"),
        ("В 1944 году в лагерях умерло 114 481 заключенный. В 1945-м — 81 917 освобождено досрочно.", "81 917"),
    ],
)
def test_a_count_with_words_of_its_own_is_read_by_them(text: str, mention: str) -> None:
    assert dict(_quantities(text))[mention] == "releases"


def test_dozens_of_intellectuals_count_people_and_confessions_count_no_one() -> None:
    read = _read("In 1937 dozens of intellectuals were arrested and made hundreds of confessions.")
    assert "dozens" in read
    assert "hundreds" not in read
    assert _read("В 1937 г. арестованные дали сотни признаний.") == []


def test_a_population_an_institution_reaches_is_read_by_its_clause() -> None:
    text = "The internment system grew quickly, reaching a population of 120,000 in the late 1920s."
    assert ("120,000", "gulag_population") in _quantities(text)
    assert _quantities("The mining town reached a population of 50,000 in 1950.") == []


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("По данным КГБ за 1937 г. осужденных почти на 200 тыс. меньше, чем по данным МВД.", "200 тыс."),
        ("В 1938 г. арестовано на 150 тыс. человек больше, чем в 1936 г.", "150 тыс."),
        ("In 1939, 200,000 fewer people were arrested than in 1938.", "200,000"),
        ("В 1932 г. один врач приходился на 4 тыс. спецпереселенцев, одна больница – на 30 тыс.", "4 тыс."),
        ("В 1932 г. один врач приходился на 4 тыс. спецпереселенцев, одна больница – на 30 тыс.", "30 тыс."),
    ],
)
def test_a_difference_or_a_ratio_is_no_count(text: str, left_out: str) -> None:
    assert left_out not in _read(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("На 1937–1938 гг. приходится 680 тыс. расстрелов.", "680 тыс."),
        ("В 1938 г. на Колыму прибыло 70 тыс. заключенных, больше чем в 1937 г.", "70 тыс."),
        ("In 1938, 300,000 more people were shot.", "300,000"),
        ("В 1937 г. осуждено на 10 лет 200 тыс. человек.", "200 тыс."),
    ],
)
def test_a_count_beside_such_words_is_still_read(text: str, kept: str) -> None:
    assert kept in _read(text)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("К местам нового поселения в 1944 г. в 12 эшелонах было отправлено 21.500 калмыков.", "21.500"),
        ("In 1944, 21,500 Kalmyks were sent in 12 trains to the places of settlement in Siberia.", "21,500"),
    ],
)
def test_the_places_of_settlement_of_a_deported_people_count_deportations(text: str, mention: str) -> None:
    assert (mention, "deportations") in _quantities(text)
