"""Round 15's period rules (issue 20): a number with no period of its own clause reads the period of its own part
of the sentence between semicolons before a nearer one across a semicolon; a year joined to a number by "in" alone
("159,573 in 1937") dates it before a year across a comma before it; an infobox's toll under a round-up's days
reads the round-up's start, open (its deaths run on in exile), never judged."""

from __future__ import annotations

import time

import pytest

from gulagstats.factcheck.dates import find_dates
from gulagstats.factcheck.period_limits import ROUND_UP_DAYS, outruns, semicolon_part
from gulagstats.factcheck.periods import find_periods
from gulagstats.factcheck.phrases import tokens
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text

from .test_factcheck_stages import assert_linear

RU_YEARS = (
    "О масштабах репрессий можно судить по таким данным: в 1918 г. было арестовано 58 762 человека, "
    "осуждены 20 689, в том числе приговорены к лишению свободы — 14 404 человека, расстреляно — 6185 "
    "человек; в 1937 г. арестовано 936 750 человек, осуждены к лишению свободы — 412 392 человека, "
    "расстреляны 353 074 человека; в 1953 г. — арестованы 12 448 человек.\n"
)
EN_YEARS = "According to official data, 15,717 people were arrested in 1936, 159,573 in 1937, and 108,006 in 1938.\n"


def _periods(text: str) -> dict[str, tuple[str, str, float]]:
    return {
        f.mention: (f.period, f.period_how, f.period_confidence)
        for f in check_text(text, "a.txt").frames
    }


# --- the part of a sentence between semicolons ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention", "year"),
    [
        ("14 404 человека", "1918"),
        ("6185", "1918"),
        ("412 392 человека", "1937"),
        ("353 074 человека", "1937"),
    ],
)
def test_a_number_reads_the_year_of_its_own_part_of_the_sentence(mention, year):
    found = _periods(RU_YEARS)
    key = next(k for k in found if k.startswith(mention.split()[0]))
    assert found[key][0] == year, (key, found[key])
    assert found[key][1] == "sentence"  # still the weaker reading of the sentence


def test_a_number_whose_part_has_no_period_reads_the_sentence():
    found = _periods("Всего арестовано 5 000 человек; в 1937 г. расстреляно 1 000 человек.\n")
    assert found["5 000"][0] == "1937"  # nothing in its own part: the nearest of the sentence


def test_semicolon_part_bounds():
    assert semicolon_part("", 0, 0) == (0, 10**12)
    assert semicolon_part("a; b; c", 3, 4) == (2, 4)
    assert semicolon_part("a; b", 3, 4) == (2, 10**12)
    assert semicolon_part("a ;b", 0, 1) == (0, 2)
    far = "x" * 5000 + ";" + "y" * 10
    assert semicolon_part(far, 5005, 5006) == (5001, 10**12)
    assert semicolon_part(far, 10, 11) == (0, 10**12)  # beyond the reach: the whole sentence


# --- "159,573 in 1937" -----------------------------------------------------------------------------------------


def test_a_year_joined_by_in_dates_the_number_before_it():
    found = _periods(EN_YEARS)
    assert found["15,717"][0] == "1936"
    assert found["159,573"][0] == "1937"
    assert found["108,006"][0] == "1938"


def test_a_year_before_with_no_year_joined_after_still_dates_the_number():
    found = _periods("In 1937, 159,573 were arrested in Ukraine.\n")
    assert found["159,573"][0] == "1937"


def test_a_year_joined_by_in_but_in_brackets_does_not_reach_outside():
    found = _periods("In 1936, 15,717 were arrested (159,573 in 1937).\n")
    assert found["15,717"][0] == "1936"


# --- an infobox's toll under a round-up's days ------------------------------------------------------------------

INFOBOX = "Infobox\n- Title: Deportation of a people\n- Date: 14–15 November 1944\n{line}\n- Victims: 115,000 deported\n"


@pytest.mark.parametrize(
    "line",
    [
        "- Fatalities: Various estimates:, 1) 12,589 , 2) 14,895 , 3) 30,000",
        "| fatalities = 12,589",
        "Deaths | 12,589 |",
        "Deaths12,589 in the USSR",
    ],
)
def test_a_toll_under_a_round_up_of_days_reads_its_start_open(line):
    found = _periods(INFOBOX.format(line=line))
    toll = next(v for k, v in found.items() if "12,589" in k)
    assert toll == ("1944-11-14/", "open", 0.0)
    victims = next(v for k, v in found.items() if "115,000" in k)
    assert victims[0] == "1944-11-14/1944-11-15"  # the deported are counted on the round-up's days


@pytest.mark.parametrize(
    "date_line", ["- Date: April–May 1940", "- Date: 1936–1938", "- Date: 16 May – 26 June 1954"]
)
def test_a_toll_under_months_years_or_a_long_span_keeps_its_date(date_line):
    text = INFOBOX.replace("- Date: 14–15 November 1944", date_line).format(
        line="- Fatalities: 21,857"
    )
    period, how, confidence = _periods(text)["21,857"]
    assert how == "context" and period and not period.endswith("/") and confidence > 0


def test_outruns_bounds():
    assert outruns("Fatalities: 5", "1944-11-14/1944-11-14")
    assert outruns("Fatalities: 5", "1944-01-01/1944-01-20")  # days from the 1st, not a whole month
    assert not outruns(
        "Fatalities: 5", f"1944-01-01/1944-02-{ROUND_UP_DAYS - 2:02d}"
    )  # over the bound
    assert not outruns("The fatalities: 5", "1944-11-14/1944-11-15")  # a line of prose, not a field
    assert not outruns("Fatalities: 5", "1944-02-01/1944-02-29")  # a whole month
    assert not outruns("Fatalities: 5", "1944-11-15/1944-11-14")  # backwards
    assert not outruns("Fatalities: 5", "1944/") and not outruns("Fatalities: 5", "")
    assert not outruns("Deathsx: 5", "1944-11-14/1944-11-15")
    assert not outruns("", "1944-11-14/1944-11-15")


# --- a scraped infobox's glued date line ----------------------------------------------------------------------


def _spans_of(text: str) -> list[str]:
    return [p.period for p in find_periods(text, tokens(text), 0, None, "", load_resources())]


@pytest.mark.parametrize(
    ("line", "span"),
    [
        ("Date1930–1952", "1930/1952"),
        ("Date1937[1]–1950", "1937/1950"),
        ("Date 1937[1]–1950", "1937/1950"),
        ("Дата1937–1938", "1937/1938"),
        ("in 1937[12]-38", "1937/1938"),
    ],
)
def test_a_glued_or_footnoted_date_line_is_a_span(line, span):
    assert _spans_of(line) == [span]


@pytest.mark.parametrize(
    "line", ["Update1937-1938", "ISBN1937-1950", "Deaths15,000[2][3]—50,000 [4]"]
)
def test_other_glued_numbers_are_no_span(line):
    assert not any("/" in p for p in _spans_of(line))


def test_a_glued_date_line_dates_the_infobox_toll():
    text = "Infobox\nDate1930–1952\nDeaths~800,000[5]–1,500,000[6] in the USSR\n"
    period = next(v for k, v in _periods(text).items() if "800,000" in k)[0]
    assert period == "1930/1952"


# --- verbs of another event, and "Decree 00447" (periods.csv) ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "year"),
    [
        (
            "Stalin's purges, in which up to 1 million people were executed, were denounced in 1956.\n",
            "up to 1 million",
            "1956",
        ),
        (
            "A sign erected in 1990 remembers the more than 40,000 innocent people shot in Moscow.\n",
            "more than 40,000",
            "1990",
        ),
    ],
)
def test_a_year_after_a_verb_of_another_event_does_not_date_the_number(text, mention, year):
    period = _periods(text)[mention][0]
    assert year not in period


def test_a_year_of_the_number_after_such_a_verb_elsewhere_still_dates_it():
    found = _periods("In 1937, 1,000 people were shot; the sign was erected in 1990.\n")
    assert found["1,000"][0] == "1937"


def test_decree_00447_reads_the_mass_operations():
    found = _periods(
        "Decree 00447 stipulated that 259,450 'anti-Soviet elements' should be arrested.\n"
    )
    assert found["259,450"][:2] == ("1937/1938", "named period")


# --- a day's year across a second day ("between 27 October and 4 November 1937") -------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("shot between 27 October and 4 November 1937", [("1937-10-27/1937-11-04", "span")]),
        ("from 5 August to 20 September 1937", [("1937-08-05/1937-09-20", "span")]),
        # round 16: the day takes the year, and the day and the days of the same event then make one span
        ("On Oct. 27 and Nov. 1-4, 1937", [("1937-10-27/1937-11-04", "span")]),
        ("on 5 August and 20 September 1937", [("1937-08-05", "date"), ("1937-09-20", "date")]),
        ("in April and May 1940", [("1940-04-01/1940-05-31", "span")]),
        ("on 27 October, and 4 November", []),
    ],
)
def test_a_day_takes_the_year_of_the_day_after_it(text, found):
    assert [(d.period, d.kind) for d in find_dates(text, None)] == found


def test_a_span_of_days_across_months_dates_its_claim():
    found = _periods(
        "Almost three hundred writers were shot between 27 October and 4 November 1937.\n"
    )
    assert found["almost three hundred"][:2] == ("1937-10-27/1937-11-04", "span")


# --- a total counted "на 15 августа" runs up to that day -------------------------------------------------------


def test_a_total_counted_on_a_day_runs_up_to_it_open():
    found = _periods("Всего на 15 августа 1937 г. арестовано (по 57 областям) - 100 990 чел.\n")
    assert found["100 990"] == ("/1937-08-15", "open", 0.0)


def test_a_stock_counted_on_a_day_keeps_the_day():
    found = _periods("На 1 января 1939 года в лагерях содержалось 1 317 195 заключённых.\n")
    assert found["1 317 195"][0] == "1939-01-01"


def test_the_state_on_a_day_keeps_the_day():
    text = "По состоянию на 1 января 1953 года в спецпоселениях числилось 2753 тыс. человек.\n"
    assert _periods(text)["2753 тыс."][0] == "1953-01-01"


# --- a named era gives way to a date beyond it -------------------------------------------------------------------


def test_a_named_era_gives_way_to_a_span_beyond_it():
    text = (
        "It is estimated that at least one million Soviet citizens were executed by Stalin’s regime "
        "during the Great Terror of 1937-1938.\n"
    )
    assert _periods(text)["at least one million"][:2] == ("1937/1938", "span")


def test_a_named_era_gives_way_to_a_span_before_it():
    text = "From 1929 to 1935, in the collectivization campaigns, as many as 10,000,000 peasants perished.\n"
    assert _periods(text)["as many as 10,000,000"][:2] == ("1929/1935", "span")


def test_a_named_era_does_not_give_way_to_another_name():
    text = (
        "As many as 20 million people died as a result of Stalin's policies, including those who were "
        "killed in the Great Purge.\n"
    )
    assert _periods(text)["as many as 20 million"][0] == "1924-01-01/1953-03-05"


# --- hostile input --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        ";",
        ";;;; 1937 ;;;; 5 000 ;;;;",
        "5,000 in 1937",
        "in 1936, 5,000 in\u00a01937;\u200b 6 000 в\u202f1938 г.",
        "\ufeff1918; 5 000; 1937",
        "- Date: 14–15 November 1944\n- Fatalities:",
        "- Date: 31 February 1944\n- Fatalities: 5",
        "Deaths\u200b: 5\n" * 3,
        "Date" + "[1]" * 5000 + "–1950",
        "Date1937" + "[1]" * 5000 + "–1950 5,000",
        "between 27 October and " + "4 " * 5000 + "November 1937 5,000",
    ],
)
def test_hostile_texts_give_a_period_that_is_a_string(text):
    for period, how, confidence in _periods(text).values():
        assert isinstance(period, str) and how and 0.0 <= confidence <= 1.0


def test_a_megabyte_of_semicolons_is_read_in_time():
    text = ";" * 1_000_000 + " в 1937 г. арестовано 5 000 человек; расстреляно 1 000.\n"
    begin = time.perf_counter()
    found = _periods(text)
    assert found["1 000"][0] == "1937" and time.perf_counter() - begin < 60
    assert semicolon_part(text, 500_000, 500_001) == (500_000, 500_001)


def test_semicolon_parts_are_linear():
    unit = "в 1937 г. арестовано 5 000 человек, расстреляно — 1 000 человек; "
    assert_linear(lambda t: check_text(t + "\n", "a.txt"), unit, 20, 2)
    assert_linear(lambda t: check_text(t + "\n", "a.txt"), "arrested 5,000 in 1937, ", 20, 2)
