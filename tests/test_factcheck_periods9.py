"""Round 9's period rules (issue 20): halves and quarters of a year, Russian decades' early, middle and late
years, "между ... и ..." spans, instrumental month names, and Russian relative years ("этого года")."""

from __future__ import annotations

import pytest

from gulagstats.factcheck.run import check_text


def _period(text: str) -> tuple[str, str]:
    (frame,) = check_text(text, "a.txt").frames
    return frame.period, frame.period_how


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Во второй половине 1937 года было арестовано 500 тысяч человек.",
            "1937-07-01/1937-12-31",
        ),
        (
            "В первом полугодии 1938 года было арестовано 500 тысяч человек.",
            "1938-01-01/1938-06-30",
        ),
        ("В первом квартале 1938 года было арестовано 500 тысяч человек.", "1938-01-01/1938-03-31"),
        (
            "В четвёртом квартале 1938 года было арестовано 500 тысяч человек.",
            "1938-10-01/1938-12-31",
        ),
        ("In the first quarter of 1938, 500,000 people were arrested.", "1938-01-01/1938-03-31"),
        ("In the last quarter of 1938, 500,000 people were arrested.", "1938-10-01/1938-12-31"),
        ("In the second half of 1937, 500,000 people were arrested.", "1937-07-01/1937-12-31"),
    ],
)
def test_halves_and_quarters_of_a_year(text, expected):
    assert _period(text) == (expected, "own clause")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В середине 1930-х годов было арестовано 3 млн человек.", "1934/1936"),
        ("В начале 1950-х годов в лагерях содержалось 2,5 млн человек.", "1950/1953"),
        ("В конце 1930-х годов было арестовано 3 млн человек.", "1937/1938"),  # as "the late 1930s"
    ],
)
def test_a_russian_decades_part_is_not_a_years_part(text, expected):
    """ "в конце 1930-х" was the end of 1930 (the season's pattern took the decade's year)."""
    assert _period(text) == (expected, "own clause")


def test_the_end_of_a_year_is_still_its_next_first_of_january():
    assert _period("В конце 1937 года в лагерях содержалось 2,5 млн человек.") == (
        "1938-01-01",
        "own clause",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Между январем 1937 и июнем 1938 года было арестовано 500 тысяч человек.",
            "1937-01-01/1938-06-30",
        ),
        ("Между 1937 и 1938 годами было арестовано 500 тысяч человек.", "1937/1938"),
    ],
)
def test_russian_spans_with_between(text, expected):
    assert _period(text) == (expected, "span")


def test_the_war_years_in_russian_are_the_war():
    assert _period("В военные годы в лагерях умерло 600 тысяч человек.") == (
        "1941-06-22/1945-05-09",
        "named period",
    )


def test_this_years_figure_takes_the_year_stated_before_not_a_half_of_it():
    text = (
        "В первой половине 1953 г. репрессии приостановили, и цифра этого года оказалась небольшой: "
        "8403 ареста."
    )
    assert _period(text)[0] == "1953"


@pytest.mark.parametrize(
    "text",
    [
        "Joseph Stalin (1878–1953) was responsible for the deaths of 20 million people.",
        "Robert Conquest (1917–2015) estimated that 20 million people died.",
        "Историк В. Н. Земсков (1946–2015) насчитал 1,5 млн умерших в лагерях.",
    ],
)
def test_a_life_in_brackets_after_a_name_is_no_period(text):
    assert _period(text) == ("", "none")


def test_a_life_in_brackets_gives_way_to_the_span_of_the_sentence():
    text = "In 1937-1938, Yezhov (1895–1940) oversaw the shooting of 681,692 people."
    assert _period(text)[0] == "1937/1938"


def test_a_named_periods_dates_in_brackets_are_still_its_period():
    assert _period("The Great Terror (1936–1938) claimed 681,692 lives.")[0] == "1936/1938"


def test_a_span_of_the_clause_beats_an_open_period_before_it():
    text = "After the war, 1.5 million people were arrested between 1946 and 1953."
    assert _period(text) == ("1946/1953", "span")
    assert _period("After Stalin's death in 1953, 4 million were freed.") == ("1953-03-05/", "open")


def test_the_year_of_the_data_cited_is_a_documents():
    text = "В 1937–1938 годах, по данным 1990 года, было расстреляно 681 692 человека."
    assert _period(text) == ("1937/1938", "span")
    assert (
        _period("По данным за 1937–1938 гг. было расстреляно 681 692 человека.")[0] == "1937/1938"
    )


@pytest.mark.parametrize(
    "text",
    [
        "No crime that Stalin committed. I know they all say he killed 40 million people.",
        "Сталин руководил страной. При нём были расстреляны несколько сотен тысяч человек.",
        "While Stalin administered great changes during his reign, these cost millions of lives.",
    ],
)
def test_he_and_his_reign_after_stalin_are_his_rule(text):
    assert _period(text) == ("1924-01-01/1953-03-05", "named period")


def test_he_is_no_ruler_without_a_ruler_named_just_before():
    assert _period("Lenin ruled briefly. They say he killed 20 million people.") == ("", "none")
    text = "Stalin died. Khrushchev spoke. Later, he killed 2 million people."
    assert _period(text) == ("", "none")


def test_a_span_of_the_sentence_beats_he_killed():
    text = "Some say Stalin, who ruled from 1924 to 1953, killed 20 million, some say he killed 40 million."
    periods = [f.period for f in check_text(text, "a.txt").frames]
    assert periods == ["1924/1953", "1924/1953"]


def test_a_rulers_name_alone_is_no_period():
    assert _period("Stalin signed the order; 681,692 people were shot.") == ("", "none")


def test_a_number_between_from_and_until_is_read_and_dated_by_the_span():
    """ "From late 1936, when ..., until the end of 1938" was one period over the words between: a number there
    was swallowed."""
    text = "From late 1936, when 1,000 people a day were arrested, until the end of 1938, the terror raged."
    assert _period(text) == ("1936-09-01/1938-12-31", "span")
    text = "From 1934, when Kirov was killed and 100,000 were arrested, until 1938, 1.5 million were shot."
    assert [f.period for f in check_text(text, "a.txt").frames] == ["1934/1938", "1934/1938"]


def test_a_pronouns_ruler_is_read_under_the_judging_gate():
    from gulagstats.factcheck.judgment import JUDGING_CONFIDENCE

    (frame,) = check_text("Stalin appointed Yezhov. He killed 680,000 people.", "a.txt").frames
    assert frame.period_how == "named period" and frame.period_confidence < JUDGING_CONFIDENCE
