"""Reading numbers and their words (issue 20, round 5): Russian forms, releases, perpetrators, bases of rates."""

from __future__ import annotations

import pytest

from gulagstats.factcheck.run import check_text


def _read(text: str) -> list[tuple[str, float, float, str]]:
    return [(f.mention, f.low, f.high, f.quantity) for f in check_text(text, "t.txt").frames]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "По амнистии было освобождено 1\u00a0201\u00a0738 человек.",
            [("1\u00a0201\u00a0738", 1201738, 1201738, "releases")],
        ),
        (
            "Он позволил выйти на свободу более 1,2 млн граждан.",
            [("более 1,2 млн", 1.2e6, 1.2e6, "releases")],
        ),
        (
            "By the end of 1956, about 1 million people had been freed.",
            [("about 1 million", 1e6, 1e6, "releases")],
        ),
        ("Число беглых составило 629 042 человека.", [("629 042", 629042, 629042, "escapes")]),
        ("Память о тысячах погибших.", [("тысячах", 2000, 9999, "regime_deaths")]),
    ],
)
def test_words_of_releases_escapes_and_russian_case_forms(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "19,000 officers as well as 100,000 NKVD soldiers took part in the deportation.",
        "Получаем 1546 заключенных на 100 тысяч населения.",
        "The exile left 360,000 acres of land; more than 58 nationalities were shot there.",
        "More than one hundred operations of deportation were undertaken.",
        "репрессий 19371938 гг.",
    ],
)
def test_perpetrators_land_kinds_and_bases_of_rates_are_not_claims(text):
    assert [
        m
        for m, *_ in _read(text)
        if m
        in ("100,000", "100 тысяч", "360,000", "more than 58", "more than one hundred", "19371938")
    ] == []


def test_arrivals_and_resettlement_are_quantities_without_a_series():
    assert _read("За 10 лет в Норильлаг прибыло 181870 заключенных.") == [
        ("181870", 181870, 181870, "arrivals")
    ]
    assert (
        _read("Some 390,000 died in the forced resettlement of 1930-1931.")[0][3]
        == "deportation_deaths"  # round 6: the deaths of the deported (the guide's other:deportation_deaths)
    )


def test_a_number_under_a_thousand_right_after_its_verb_is_a_count():
    found = [
        m
        for m, *_ in _read(
            "Алтайский ИТЛ — 6473 заключенных, умерло — 271; в октябре умерло 247 человек."
        )
    ]
    assert "271" in found and "247" in found
    assert [
        m
        for m, *_ in _read(
            "Переселенные «по 2 категории» семьи; депортация регламентировалась двумя постановлениями."
        )
    ] == []


def test_vague_words_of_tens_and_hundreds_of_thousands_and_kinds_of_people():
    assert _read(
        "Estimates of those who went through the camp range between tens and hundreds of thousands."
    ) == [("tens and hundreds of thousands", 20000, 999999, "passed_through_gulag")]
    assert (
        _read(
            "They were one of the ten ethnicities deported under the policy of population transfer."
        )
        == []
    )


def test_vulgar_fractions_with_a_scale_word_are_read_in_linear_time():
    from gulagstats.factcheck.numerals import read_numerals

    from .test_factcheck_stages import assert_linear

    assert [
        (n.text, n.value) for n in read_numerals("3½ million; 1½ тыс.; 7½ and 2¼ millions", "ru")
    ] == [
        ("3½ million", 3_500_000),
        ("1½ тыс.", 1500),
        ("7", 7),
        ("2¼ millions", 2_250_000),
    ]
    assert_linear(read_numerals, "3½ million, 12½ 4 ½½ million ", 2000)


def test_an_enumeration_whose_cue_follows_its_last_number():
    assert [
        (m, q) for m, _, _, q in _read("In all, 353,074 in 1937 and 328,618 in 1938 were shot.")
    ] == [
        ("353,074", "executions"),
        ("328,618", "executions"),
    ]
    text = "About 95,000 residents, including 32,000 from Lithuania, 42,000 from Latvia and 21,000 from Estonia, were deported."
    assert [m for m, *_ in _read(text)] == ["about 95,000", "32,000", "42,000", "21,000"]
    # the whole a part is taken from, a number under ten and a vague word take no cue from after them
    assert [
        m for m, *_ in _read("Of the 139 Central Committee members of 1934, over 90 were shot.")
    ] == ["over 90"]
    assert "Three" not in [
        m for m, *_ in _read("Three people, two women, and a man, were arrested.")
    ]
    assert [
        m
        for m, *_ in _read(
            "It had hundreds of labour camps that held around 10,000 prisoners each."
        )
    ] == ["around 10,000"]


def test_thousands_of_millions_are_one_number():
    assert _read("Полторы тысячи миллионов было арестовано с июля 1937 года.")[0][:3] == (
        "Полторы тысячи миллионов",
        1.5e9,
        1.5e9,
    )


def test_a_long_enumeration_is_read_in_linear_time():
    from .test_factcheck_stages import assert_linear

    assert_linear(lambda t: check_text(t + " were shot.", "t"), "1,000 in 1937, ", 200)


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("определял число «спецпереселенцев» в 2 437 062 человека", "special_settlers"),
        (
            "в исправительно-трудовых лагерях, тюрьмах и колониях сидят два с половиной миллиона человек",
            "custodial_population",
        ),
        ("The project provides for the release of about 1 million people.", "releases"),
        ("3,777,380 people had been found guilty of counter-revolution", "repressed_total"),
    ],
)
def test_more_words_of_the_quantities(text, quantity):
    assert [q for *_, q in _read(text)] == [quantity]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("10 to 12 million people forcibly relocated during World War II", "deportations"),
        ("On August 10, 1953, more than 1 million people left prison for amnesty.", "releases"),
        (
            "1,803,392 people were sent to labor colonies and camps in 1930 and 1931.",
            "sent_to_camps",
        ),
    ],
)
def test_words_of_relocation_and_release(text, quantity):
    assert [q for *_, q in _read(text)] == [quantity]


def test_questions_bases_and_populations_are_not_claims():
    text = "Historians still dispute how many millions he killed, but all agree that it was many millions."
    assert [m for m, *_ in _read(text)] == ["many millions"]
    assert [m for m, *_ in _read("Three out of five Soviet marshals were arrested.")] == []
    assert [
        m
        for m, *_ in _read(
            "Из 6,2 млн. жителей республики в 1931-1933 гг. погибло от голода около 1,75 млн."
        )
    ] == ["около 1,75 млн."]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("В лагерях ГУЛАГа погибло около полутора миллионов заключённых.", "camp_deaths"),
        ("Число заключённых превысило 2,5 млн чел.", "gulag_population"),
        ("Умерло в местах заключения около 1,7 млн.", "custodial_deaths"),
        ("В 1942 г. 352 560 заключённых умерло.", "gulag_deaths"),
    ],
)
def test_russian_deaths_of_prisoners_are_deaths_not_a_population(text, quantity):
    assert [q for *_, q in _read(text)] == [quantity]


@pytest.mark.parametrize(
    "text",
    [
        "Stalin signed 383 lists with the names of 44,000 people to be shot.",
        "They were executed and buried in 236 communal pits.",
        "Депортированных вывезли в 180 эшелонах, свыше 12 000 вагонов.",
    ],
)
def test_things_that_are_not_people(text):
    assert [m for m, *_ in _read(text) if m in ("383", "236", "180", "свыше 12 000")] == []


def test_people_in_the_camps_are_not_a_count_of_camps():
    assert [q for *_, q in _read("В 1950 г. содержалось 1,5 млн в лагерях.")] == ["camp_population"]
    assert _read("Было 53 лагеря и 420 колоний.") == []


def test_a_russian_scale_word_alone_is_one_of_it():
    from gulagstats.factcheck.numerals import read_numerals

    from .test_factcheck_stages import assert_linear

    text = "свыше миллиона человек; тысячу человек; более полумиллиона; полтора миллиона; миллионы; тысячи"
    assert [(n.text, n.value) for n in read_numerals(text, "ru")] == [
        ("миллиона", 1e6),
        ("тысячу", 1e3),
        ("полумиллиона", 5e5),
        ("полтора миллиона", 1.5e6),
    ]
    assert [(n.text, n.value) for n in read_numerals("a million", "en")] == [("a million", 1e6)]
    assert_linear(lambda t: read_numerals(t, "ru"), "более миллиона, два миллиона тысячу ", 2000)


def test_of_these_goes_on_with_what_the_sentence_before_counted():
    text = "Всего на 1 сентября было арестовано 146 225 человек. Из них 69 172 бывших кулака, 41 603 уголовника."
    assert [q for *_, q in _read(text)] == ["arrests", "arrests", "arrests"]
    text = "In 1937-1938, 1,575,259 people were arrested. Of these, 681,692 were shot. 20 years later, nothing."
    assert [q for *_, q in _read(text)] == ["arrests", "executions"]


def test_a_range_with_tildes():
    assert _read("Deaths in exile were between ~17 and ~19 percent of the deported.")[0][:3] == (
        "17 and ~19",
        17,
        19,
    )


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("Было расстреляно более чем 700 тыс. человек.", "low"),
        ("Расстреляно без малого 700 тысяч.", "point"),
        ("Арестовано не более чем 1,5 млн.", "high"),
        ("A minimum of 1.5 million were arrested.", "low"),
        ("Just over 680,000 were shot.", "low"),
    ],
)
def test_hedges_of_two_words(text, bound):
    assert [f.bound for f in check_text(text, "t").frames] == [bound]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        (
            "В 1930 году в лагеря были отправлены 180 тысяч человек, и ещё 20 тысяч отправлены в лагеря позже.",
            "sent_to_camps",
        ),
        ("More than 20,000 Polish officers were massacred at Katyn.", "executions"),
    ],
)
def test_words_of_sending_to_camps_and_of_massacre(text, quantity):
    assert [q for *_, q in _read(text)][-1] == quantity
