"""Round 17's period rules (issue 20): a span whose ends are parts of months ("from late July 1937 to mid-November
1938", "с конца июля 1937 по середину ноября 1938") is one span over both months, as a part of a month alone reads
its month; an item of a list reads the period after its words ("1.0 million peasants and ethnic minorities in
1932–39"), not the item before's; a stretch of time "lasting into 1938" runs from the day the text stated last; a Russian
winter of one year ("зимой 1953 года") is its January and February; neighbour months written backwards ("в апреле —
марте 1954 года") are both months; a year a named period ended in is the period's ("the national operations ... ended
in 1938")."""

from __future__ import annotations

import pytest

from gulagstats.factcheck.dates import find_dates
from gulagstats.factcheck.run import check_text
from gulagstats.factcheck.seasons import seasons

from .test_factcheck_stages import assert_linear


def _dates(sentence: str) -> list[tuple[str, str]]:
    return [(d.period, d.kind) for d in find_dates(sentence, None)]


def _periods(text: str) -> dict[str, tuple[str, str]]:
    return {f.mention: (f.period, f.period_how) for f in check_text(text, "a.txt").frames}


# --- a span between parts of months -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "In under sixteen months, from late July 1937 to mid-November 1938, the NKVD shot 700,000 people.",
        "between early July 1937 and late November 1938",
        "from the end of July 1937 until the middle of November 1938",
        "с конца июля 1937 по середину ноября 1938 года",
        "от начала июля 1937 до конца ноября 1938 года",
    ],
)
def test_a_span_between_parts_of_months_is_one_span_over_both_months(sentence: str) -> None:
    assert _dates(sentence) == [("1937-07-01/1938-11-30", "span")]


def test_the_claims_of_such_a_sentence_read_the_span_not_its_last_month() -> None:
    text = (
        "In under sixteen months, from late July 1937 to mid-November 1938, the state shot 700,000 people, "
        "an average of 1,400 a day.\n"
    )
    found = _periods(text)
    assert found["700,000"] == ("1937-07-01/1938-11-30", "span")
    assert found["1,400"][0] == "1937-07-01/1938-11-30"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # two months joined by "and" stay two unless "between"/"from" opens them or they are neighbours
        (
            "in March 1937 and late May 1938",
            [("1937-03-01/1937-03-31", "month"), ("1938-05-01/1938-05-31", "month")],
        ),
        # a part of a decade after "to the" is no month: the decades keep their own reading
        ("from August 1937 to November 1938", [("1937-08-01/1938-11-30", "span")]),
        # the end of a month after "to the end of" joined before and still does
        ("from August 1937 to the end of November 1938", [("1937-08-01/1938-11-30", "span")]),
        # a month part with no date after it joins nothing
        ("from late July 1937 to mid-century", [("1937-07-01/1937-07-31", "month")]),
    ],
)
def test_near_misses_keep_their_reading(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(sentence) == expected


def test_a_decade_part_after_to_the_does_not_join_decades() -> None:
    text = "It grew from the 1930s to the early 1950s. The mortality rate reached 5% and 20%.\n"
    assert _periods(text)["5"][0] == ""


# --- an item's period after its words ----------------------------------------------------------------------------


def test_an_item_reads_the_period_after_its_words_not_the_item_before() -> None:
    text = (
        "Of this total, 1.6 million farmers were deported in 1930–31, 0.9 million peasants and minorities in "
        "1932–39, whereas 3.1 million minorities were resettled during 1940–52.\n"
    )
    found = _periods(text)
    assert found["1.6 million"][0] == "1930/1931"
    assert found["0.9 million"][0] == "1932/1939"
    assert found["3.1 million"][0] == "1940/1952"


@pytest.mark.parametrize(
    "text",
    [
        # a number between: the period after belongs to that number
        "In 1937, 353,074 were shot and 20,000 in 1938.\n",
        # a comma between: the period after is another clause's
        "In 1937, 353,074 were shot, more than in 1936.\n",
    ],
)
def test_a_period_before_stays_when_words_with_a_number_or_a_comma_come_between(text: str) -> None:
    assert _periods(text)["353,074"][0] == "1937"


# --- a stretch of time lasting into a year, from the day stated before --------------------------------------------


def test_a_period_lasting_into_a_year_runs_from_the_day_stated_before() -> None:
    text = (
        "Ninety years ago, on August 5, 1937, the kulak operation began. This day opened the Great Terror, a time "
        "of mass repression lasting into 1938 during which 1.5 million were arrested, 680,000 of whom were shot.\n"
    )
    found = _periods(text)
    assert found["1.5 million"] == ("1937-08-05/1938-12-31", "span")
    assert found["680,000"] == ("1937-08-05/1938-12-31", "span")


@pytest.mark.parametrize(
    "text",
    [
        # no day stated before: the year stays
        "The Great Terror was a time of mass repression lasting into 1938 during which 1.5 million were arrested.\n",
        # a day stated too long before: another event's
        "On 1 December 1934 Kirov was shot. Repression went on, lasting into 1938, when 1.5 million were arrested.\n",
        # a date of its own sentence before the year: that sentence's own start
        "On 5 August 1937 it began. In 1937 the terror, lasting into 1938, saw 1.5 million arrested.\n",
        # not a word of lasting
        "On 5 August 1937 it began. Arrests ran high; going into 1938, 1.5 million had been arrested.\n",
    ],
)
def test_a_year_not_lasted_into_from_a_recent_day_keeps_its_reading(text: str) -> None:
    assert not _periods(text)["1.5 million"][0].startswith("1937-08-05/")


# --- a Russian winter of one year; neighbour months written backwards ---------------------------------------------


def _seasons(sentence: str) -> list[tuple[str, str]]:
    return [(p.period, p.kind) for p in seasons(sentence, lambda a, b: True)]


@pytest.mark.parametrize(
    "sentence", ["Зимой 1952 года в лагерях", "зима 1952 года", "зимы 1952 г."]
)
def test_a_russian_winter_of_one_year_is_its_january_and_february(sentence: str) -> None:
    assert _seasons(sentence) == [("1952-01-01/1952-02-29", "season")]


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("зимой 1941–1942 годов", "1941-12-01/1942-02-28"),  # one winter across two years
        ("in the winter of 1936", "1936-12-01/1937-02-28"),  # English: from its December
    ],
)
def test_a_winter_across_two_years_and_an_english_winter_keep_their_reading(
    sentence: str, period: str
) -> None:
    assert _seasons(sentence) == [(period, "season")]


def test_a_russian_winter_dates_its_claims() -> None:
    found = _periods("Зимой 1952 года в лагерях ГУЛАГа содержалось более 2,4 млн заключённых.\n")
    assert found["более 2,4 млн"][0] == "1952-01-01"  # a count in months from January: on 1 January
    found = _periods("Зимой 1952 года было расстреляно 9 тысяч человек.\n")
    assert found["9 тысяч"][0] == "1952-01-01/1952-02-29"


@pytest.mark.parametrize(
    "sentence",
    ["Министерство обязали в мае — апреле 1950 года завезти 2000 заключённых", "in May–April 1950"],
)
def test_neighbour_months_written_backwards_are_both_months(sentence: str) -> None:
    assert _dates(sentence) == [("1950-04-01/1950-05-31", "span")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # months further apart written backwards: no span of a year's months between them
        (
            "in June–March 1950",
            [("1950-06-01/1950-06-30", "month"), ("1950-03-01/1950-03-31", "month")],
        ),
        # a day before the first month: a date and a month, no span
        ("on 5 May–April 1950", [("1950-05-05", "date"), ("1950-04-01/1950-04-30", "month")]),
    ],
)
def test_months_further_apart_backwards_stay_apart(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _dates(sentence) == expected


# --- a year a named period ended or began in ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "By the time the mass operations in the country ended in 1938, they had arrested 360,000 people.\n",
        "Период массовых операций в стране закончился в 1938 году; было арестовано 360 000 человек.\n",
        "The mass operations began in 1937; 360,000 people were arrested.\n",
    ],
)
def test_a_year_a_named_period_ended_or_began_in_gives_the_period(text: str) -> None:
    assert _periods(text)["360,000" if "360,000" in text else "360 000"][0] == "1937/1938"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # a year outside the named period's: its own
        ("The mass operations ended in 1940, when 360,000 people were arrested.\n", "1940"),
        # a number between the name and the year: the year is that number's
        (
            "The mass operations, with 20 trials, ended in 1938 and 360,000 people were arrested.\n",
            "1938",
        ),
        # a verb of arresting, not of ending: the year dates the number
        ("During the mass operations, arrested in 1938 were 360,000 people.\n", "1938"),
    ],
)
def test_other_years_beside_a_named_period_keep_their_reading(text: str, period: str) -> None:
    assert _periods(text)["360,000"][0] == period


# --- "the time of Stalin" ----------------------------------------------------------------------------------------


def test_the_time_of_stalin_is_his_rule() -> None:
    found = _periods("Millions of people were deported during the time of Stalin.\n")
    assert found["Millions"] == ("1924-01-01/1953-03-05", "named period")


# --- hostile input ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "unit",
    [
        "from late July 1937 to mid-November 1938, 1,000 were shot; ",
        "late July 1937 to mid- to early to late ",
        "с конца июля 1937 по середину по середину ",
        "в апреле — марте 1954 года зимой 1953 года, ",
    ],
)
def test_the_new_joins_stay_linear(unit: str) -> None:
    assert_linear(lambda text: find_dates(text, None), unit, 200)


@pytest.mark.parametrize(
    "unit",
    [
        "the mass operations ended in 1938, 1,000 were shot; ",
        "the mass operations inside the inside the inside ended ended in ",
    ],
)
def test_the_named_year_rule_stays_linear(unit: str) -> None:
    assert_linear(lambda text: check_text(text, "a.txt"), unit, 40)


def test_the_item_rule_stays_linear() -> None:
    unit = "1.8 million were deported in 1930–31, 1.0 million peasants and minorities in 1932–39, "
    assert_linear(lambda text: check_text(text, "a.txt"), unit, 40)


def test_the_lasting_rule_stays_linear() -> None:
    unit = "On July 30, 1937 it began, lasting into 1938 lasting into lasting until 1939, 1,000 were shot. "
    assert_linear(lambda text: check_text(text, "a.txt"), unit, 40)


def test_odd_strings_give_no_traceback() -> None:
    for text in ("to mid-" * 2000, "from late " * 2000 + "July 1937", "\x00mid-November\u2013late"):
        find_dates(text, None)
        check_text(text, "a.txt")
