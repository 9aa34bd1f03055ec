"""Round 16's period rules (issue 20): the parts of a total a sentence counted up to a day ("Всего на 15 августа
1937 г. арестовано ... 100 990. Из них: ...") run up to that day, open, never judged, where the parts of a count
keep its day; a long line that is an item of a list does not end the list's period for the next item."""

from __future__ import annotations

from datetime import date

import pytest

from gulagstats.factcheck.dates import find_dates
from gulagstats.factcheck.frame_periods import AS_OF, AS_OF_TOTAL, carried
from gulagstats.factcheck.line_periods import ends_prose_line
from gulagstats.factcheck.period_limits import sums_items
from gulagstats.factcheck.periods import Period, find_periods
from gulagstats.factcheck.phrases import tokens
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text

from .test_factcheck_stages import assert_linear

DATA = load_resources()

TOTAL = (
    "Всего на 15 августа 1937 г. арестовано (по 57 областям) - 100 990 чел. Из них: бывших кулаков - 46 487 чел., "
    "уголовников - 23 838 [чел.].\n"
)
COUNT = (
    "На 1 января 1940 г. в лагерях содержалось 1 850 258 заключенных. Из них осуждено за контрреволюционные "
    "преступления 444 999 человек.\n"
)
TABLE = "Численность заключённых на 1 января 1946 г.:\nИТЛ — 600 897 человек\n"


def _periods(text: str) -> dict[str, tuple[str, str, float]]:
    return {
        f.mention: (f.period, f.period_how, f.period_confidence)
        for f in check_text(text, "a.txt").frames
    }


# --- the parts of a total counted up to a day -----------------------------------------------------------------


def test_the_parts_of_a_total_up_to_a_day_run_up_to_it_open():
    found = _periods(TOTAL)
    assert found["100 990"] == ("/1937-08-15", "open", 0.0)
    assert found["46 487"] == ("/1937-08-15", "open", 0.0)
    assert found["23 838"] == ("/1937-08-15", "open", 0.0)


def test_the_parts_of_a_count_on_a_day_keep_the_day():
    found = _periods(COUNT)
    assert found["1 850 258"][0] == "1940-01-01"
    assert found["444 999"][0] == "1940-01-01"  # not open: the count's day


def test_the_rows_under_a_dated_heading_keep_the_day():
    assert _periods(TABLE)["600 897"][0] == "1946-01-01"


def test_carried_marks_a_day_a_claim_was_read_up_to():
    day = [Period(9, 24, "1937-08-15", "date", 0.9)]
    sentence = "Всего на 15 августа 1937 г. арестовано - 100 990 чел."
    assert carried(sentence, day, "", "", {"1937-08-15"}) == ("1937-08-15", AS_OF_TOTAL)
    assert carried(sentence, day, "", "") == ("1937-08-15", AS_OF)
    # a day the claims were read up to that is no "as of" day of the sentence changes nothing
    assert carried(
        "Всего 15 августа 1937 г. арестовано 5 чел.",
        [Period(6, 21, "1937-08-15", "date", 0.9)],
        "",
        "",
        {"1937-08-15"},
    ) == ("1937-08-15", "date")


def test_an_english_total_as_of_a_day():
    found = _periods(
        "As of 15 August 1937, a total of 100,990 people had been arrested. Of these, 46,487 were kulaks.\n"
    )
    assert found["100,990"] == ("/1937-08-15", "open", 0.0)
    assert found["46,487"][1] in ("open", "none")  # never dated by the day alone
    assert found["46,487"][0] != "1937-08-15"


# --- a list's items over long lines -----------------------------------------------------------------------------

LIST = (
    "Всего на 15 августа 1937 г. осуждено - 14 305 чел.\n"
    "а) по 1 категории - 9766 чел. Из них: бывших кулаков - 3077 [чел.], уголовников - 3726 [чел.], другого "
    "контрреволюционного элемента - 1981 [чел.], нет разбивки - 982 [чел.].\n"
    "б) по 2 категории - 4539 чел. Из них: бывших кулаков - 1120 [чел.].\n"
)


def test_the_next_item_of_a_list_keeps_the_period_of_its_heading():
    found = _periods(LIST)
    assert found["4539"] == ("/1937-08-15", "open", 0.0)
    assert found["1120"] == ("/1937-08-15", "open", 0.0)


def test_a_line_of_prose_after_an_item_still_ends_the_period():
    para = "The Great Terror of 1937-1938 took many lives, " * 4 + "as the archives show."
    assert not ends_prose_line("a) " + para, "b) 5,000 were shot.")
    assert not ends_prose_line("1. " + para, "2. 5,000 were shot.")
    assert ends_prose_line("1. " + para, "Some 5,000 were shot.")
    assert ends_prose_line("а) " + para, "Итого 5000.")


# --- hostile input ----------------------------------------------------------------------------------------------


def test_empty_and_odd_input():
    assert _periods("") == {}
    assert carried("", [], "", "", {"1937-08-15"}) == ("", "")
    assert not ends_prose_line("", "")
    odd = "Всего на 15\u00a0августа 1937\u202fг. арестовано \u2014 100\u00a0990 чел. \u0418\u0437 них: \U0001f600 46 487.\n"
    check_text(odd, "odd.txt")  # no error on odd spaces and emoji


def test_a_megabyte_line_and_sentence():
    line = "а) " + "9766 чел., " * 100_000  # over 1 MB
    assert len(line) > 1_000_000
    assert not ends_prose_line(line + ".", "б) 4539 чел.")
    day = [Period(9, 24, "1937-08-15", "date", 0.9)]
    assert (
        carried(
            "Всего на 15 августа 1937 г. " + "арестовано 5 чел. " * 60_000,
            day,
            "",
            "",
            {"1937-08-15"},
        )[1]
        == AS_OF_TOTAL
    )


def test_totals_and_lists_are_read_in_linear_time():
    assert_linear(lambda text: check_text(text, "a.txt"), TOTAL + LIST, 8, doublings=2)


# --- a list of months ------------------------------------------------------------------------------------------

MONTHS = (
    "В 1932 г. умерло 2010 человек. Вот как выглядела динамика смертности по месяцам: январь — 64 умерших; "
    "февраль — 42; март — 36; май — 69; декабрь — 312.\n"
)


def test_each_item_of_a_list_of_months_reads_its_month():
    found = _periods(MONTHS)
    assert found["64"][:2] == ("1932-01-01/1932-01-31", "own clause")
    assert found["42"][0] == "1932-02-01/1932-02-29"
    assert found["69"][0] == "1932-05-01/1932-05-31"
    assert found["312"][0] == "1932-12-01/1932-12-31"


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        (
            "Deaths by month in 1941: January: 64; February - 42.",
            ["1941-01-01/1941-01-31", "1941-02-01/1941-02-28"],
        ),
        ("В 1941 г.: январь — 1937 год", []),  # a year after the dash: no item of a list
        ("deaths: may: 5", []),  # an English month is capitalised
        ("Январь был холодным, 5 умерли.", []),  # no number right after it
        ("В 1941 г. умерли: в октябре — 247", ["1941-10-01/1941-10-31"]),  # as before
    ],
)
def test_listed_months(sentence, found):
    assert [d.period for d in find_dates(sentence, None)] == found


def test_a_list_of_months_with_no_year_reads_the_clock():
    assert [d.period for d in find_dates("январь — 64; февраль — 42", date(1932, 5, 1))] == [
        "1932-01-01/1932-01-31",
        "1932-02-01/1932-02-29",
    ]
    assert find_dates("январь — 64; февраль — 42", None) == []  # no year at all: no period


def test_a_megabyte_list_of_months_in_linear_time():
    unit = "январь — 64; февраль — 42; "
    assert len(unit * 40_000) > 1_000_000
    assert len(find_dates("В 1932 г.: " + unit * 40_000, None)) == 80_000
    assert_linear(lambda text: find_dates(text, None), unit, 500)


# --- spans of years: a year and a span; a footnote glued to the last year ----------------------------------------


def _spans_of(sentence: str) -> list[tuple[str, str]]:
    return [
        (p.period, p.kind)
        for p in find_periods(sentence, tokens(sentence), 0, None, "", DATA)
        if p.kind == "span"
    ]


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        ("Mass deportations were carried out in 1941 and 1945–1952.", [("1941/1952", "span")]),
        ("Депортации проводились в 1941 и 1945–1952 годах.", [("1941/1952", "span")]),
        (
            "Some 86,582 people perished in prisons between 1939 and 1951.31 (We do not know more.)",
            [("1939/1951", "span")],
        ),
        ("in both 1937 and 1938", [("1937/1938", "span")]),
        ("in 1937 and 1953 alike", []),  # two years, and no span after the second
        ("between 1900 and 1951.5% of them", []),  # a decimal, not a footnote
    ],
)
def test_spans_of_years(sentence, spans):
    assert _spans_of(sentence) == spans


def test_the_claims_after_a_year_and_a_span_read_both():
    text = (
        "Soviet deportations from Lithuania were a series of mass deportations carried out in 1941 and 1945–1952. "
        "At least 130,000 people were forcibly transported to labor camps.\n"
    )
    assert _periods(text)["at least 130,000"][:2] == ("1941/1952", "context")


def test_many_years_and_spans_in_linear_time():
    unit = "in 1941 and 1945–1952, "
    assert len(_spans_of(unit * 50)) == 50
    assert_linear(_spans_of, unit, 100)


# --- a day and the days of the same event -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        (
            "On Oct. 27 and Nov. 1-4, 1937, Matveev executed 1,111 inmates.",
            ["1937-10-27/1937-11-04"],
        ),
        ("on 27 October and 1-4 November 1937", ["1937-10-27/1937-11-04"]),
        (
            "on 30 July and 5 August 1937",
            ["1937-07-30", "1937-08-05"],
        ),  # two days stay two
        (
            "on 1 January and 1-4 March 1937",
            ["1937-01-01", "1937-03-01/1937-03-04"],
        ),  # too far apart for one event
    ],
)
def test_a_day_and_the_days_of_one_event(sentence, found):
    assert [d.period for d in find_dates(sentence, None)] == found


def test_the_number_of_those_days_reads_the_whole_span():
    found = _periods(
        "On Oct. 27 and Nov. 1-4, 1937, at Sandarmokh, Captain Matveev executed 1,111 inmates.\n"
    )
    assert found["1,111"][:2] == ("1937-10-27/1937-11-04", "span")


# --- a total of the items before it -------------------------------------------------------------------------------

SUMMED = (
    "Under Stalin, from 1924 to 1953, the regime kept records. This contained official records of 799,455 executions "
    "(1921–1953), around 1.7 million deaths in the Gulag, and up to 400,000 deaths of persons deported during the "
    "1940s, with a total of about 3.3 million officially recorded victims in these categories.\n"
)


def test_a_total_does_not_read_the_period_of_the_last_item():
    found = _periods(SUMMED)
    assert found["up to 400,000"][0] == "1940/1949"  # the item keeps its own period
    assert found["about 3.3 million"][0] != "1940/1949"
    assert found["about 3.3 million"][1] == "context"


@pytest.mark.parametrize(
    ("sentence", "mention", "period"),
    [
        ("In 1937, 353,074 were shot and 400,000 arrested, a total of 753,074.", "753,074", "1937"),
        ("Всего в 1937 году арестовано 936 750 человек.", "936 750", "1937"),
    ],
)
def test_a_period_before_the_items_still_dates_the_total(sentence, mention, period):
    assert _periods(sentence + "\n")[mention][0] == period


def test_sums_items_on_hostile_input():
    day = Period(0, 4, "1937", "year", 0.9)
    assert not sums_items("", day, 0)
    long = "1937 " + "x" * 1_000_000 + " with a total of 5"
    assert not sums_items(
        long, day, len(long) - 1
    )  # the number before the period is too far: no item
    assert sums_items("5 in 1937 with a total of 9", Period(5, 9, "1937", "year", 0.9), 26)
