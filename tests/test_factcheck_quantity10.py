"""Round 10 of the fact-checker's quantities, scopes and modality (issue 20): whose verb a cue is, parts listed,
the Gulag without its colonies, the republics of the USSR."""

from __future__ import annotations

import pytest

from gulagstats.factcheck.run import check_text


def _frames(text: str):
    return check_text(text, "t.txt").frames


def _read(text: str) -> list[tuple[str, str]]:
    return [(f.mention, f.quantity) for f in _frames(text)]


def test_the_next_numbers_verb_is_not_this_ones():
    text = (
        "Между январем 1937 и декабрем 1938 года было арестовано около 7 миллионов человек, "
        "расстреляно около 1 миллиона."
    )
    assert _read(text) == [("около 7 миллионов", "arrests"), ("около 1 миллиона", "executions")]


def test_a_cue_after_the_number_is_still_its_own_without_one_before():
    # no cue before 2 million: the verb after it, past a comma, is its own
    assert _read("In 1938, 2 million, shot by the NKVD, 300,000 more arrested.")[0] == ("2 million", "executions")


def test_a_part_the_number_lists_is_not_what_it_counts():
    text = (
        "Общее число осужденных за контрреволюционные и другие особо опасные государственные преступления "
        "составило 4 060 306 человек, включая приговоренных к смертной казни (799 тыс.)."
    )
    frames = _frames(text)
    assert [(f.mention, f.quantity) for f in frames] == [("4 060 306", "repressed_total"), ("799 тыс.", "executions")]
    # the MVD's 'counter-revolutionary and other especially dangerous state crimes' is the record's whole series
    assert {f.scope for f in frames} == {"USSR"}


def test_article_58_alone_is_the_whole_since_the_round_14_label_mend():
    # round 10 kept article 58 a category; the labels now read political convictions as the record's series
    f = _frames("В 1921-1953 годах за контрреволюционные преступления осуждено 3 777 380 человек.")[0]
    assert (f.quantity, f.scope) == ("repressed_total", "USSR")


def test_what_a_listed_part_counts_still_says_of_what_kind_the_number_is():
    text = (
        "Michael Ellman claims the best estimate of deaths brought about by Soviet repression during these two "
        "years ranges from 950,000 to 1.2 million, which includes deaths in detention."
    )
    assert _read(text)[0] == ("950,000 to 1.2 million", "custodial_deaths")


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        (
            "A total of 1,053,829 people died in the Gulag (not including labor colonies) from 1934 to 1953.",
            "camp_deaths",
        ),
        ("A total of 1,053,829 people died in the Gulag from 1934 to 1953.", "gulag_deaths"),
        ("На 1 января 1939 года в ГУЛАГе содержалось 1 317 195 заключенных без учета колоний.", "camp_population"),
        ("На 1 января 1939 года в ГУЛАГе содержалось 1 317 195 заключенных.", "gulag_population"),
    ],
)
def test_the_gulag_without_its_colonies_is_its_camps(text, quantity):
    f = _frames(text)[0]
    assert f.quantity == quantity
    assert any("without the colonies" in n for n in f.notes) == quantity.startswith("camp_")


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("В 1930-1950 годы репрессиям в Татарстане подверглось 54,5 тысячи человек, из них более 4400 расстреляно.", "Tatarstan"),
        ("За 12 лет из Литвы на спецпоселение было отправлено 118 599 человек.", "Lithuania"),
        ("In Tatarstan 54,500 people were repressed between 1930 and 1950.", "Tatarstan"),
    ],
)
def test_a_republic_is_a_part(text, detail):
    assert {(f.scope, f.scope_detail) for f in _frames(text)} == {("region", detail)}


def test_a_surname_is_not_lithuania():
    assert {f.scope for f in _frames("По оценке Литвинова, в 1937 году было арестовано 936 750 человек.")} == {"USSR"}


def test_a_monthly_average_of_prisoners_is_read_over_its_month():
    text = "В январе 1934 года умерло 2218 человек при среднемесячной численности заключенных 450 174."
    f = _frames(text)[1]
    assert (f.mention, f.quantity, f.period) == ("450 174", "gulag_population", "1934-01-01/1934-01-31")
    # a count in a month without a word of an average is the count of its first day
    plain = _frames("В январе 1934 года в лагерях содержалось 450 174 заключенных.")[0]
    assert plain.period == "1934-01-01"


def test_central_asia_is_no_average():
    f = _frames("В январе 1934 года в Средней Азии содержалось 45 174 заключенных.")[0]
    assert f.period == "1934-01-01"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Historians like Robert Conquest proposed figures in the tens of millions, counting those who died.", "stated"),
        ("In 1938 the NKVD proposed 20,000 more arrests.", "planned"),
        ("Snyder concludes that the figure was 9 million, including 6 million he personally ordered killed.", "stated"),
        ("In 1937 Order 00447 ordered 75,950 shot.", "planned"),
        ("Depending on the sources, it is estimated that between 15,000 and 50,000 Greeks died.", "spread"),
        ("По разным данным, в 1937-1938 годах было расстреляно от 680 до 800 тысяч человек.", "spread"),
    ],
)
def test_proposed_figures_orders_carried_out_and_several_sources(text, modality):
    assert {f.modality for f in _frames(text)} == {modality}


def test_the_word_of_negation_is_a_negator_and_the_number_it_denies_negated():
    from gulagstats.factcheck.resources import load_resources

    rows = load_resources().modality.rows
    assert {r["phrase"] for r in rows if r["modality"] == "negator"} == {"not", "never", "не"}
    assert not [r for r in rows if r["modality"] == "negation"]
    assert [(f.mention, f.modality) for f in _frames("В 1937-1938 годах было расстреляно не 16 млн., а 1,6 млн. человек.")] == [
        ("16 млн.", "negated"),
        ("1,6 млн.", "stated"),
    ]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Each complex contained thousands of individual camps, through which more than 18 million people passed "
            "between 1929 and 1953.",
            "more than 18 million",
        ),
        ("Карлаг существовал до 1959 года; через него прошли десятки тысяч человек.", "десятки тысяч"),
        ("Лагеря ГУЛАГа, через которые прошли миллионы людей, закрыли после 1956 года.", "миллионы"),
    ],
)
def test_passing_through_with_the_relative_or_pronoun_between(text, mention):
    # the count of camps ("thousands of individual camps") is no claim
    assert _read(text) == [(mention, "passed_through_gulag")]


def test_a_republics_adjective_is_a_part_but_a_historians_nationality_is_not_read():
    f = _frames("In 1949, 46,000 people were deported from the Moldavian Soviet Socialist Republic.")[0]
    assert (f.scope, f.scope_detail) == ("region", "Moldavia")
    g = _frames("A Georgian historian estimated that some 20 million died under Stalin's rule.")[0]
    assert g.scope == "USSR"
