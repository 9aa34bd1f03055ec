"""Round 12's period rules (issue 20): a dated heading dates the table under it, a day counted "as of" dates the
rows under it, a year of the Russian sentence before dates prose weakly, Stalin's repressions as a named period,
and the words by which a sentence goes on across its line as data (periods.csv ``goes_on``)."""

from __future__ import annotations

import pytest

from gulagstats.errors import DataFormatError
from gulagstats.factcheck.frame_periods import (
    AS_OF,
    PROSE_YEAR,
    PROSE_YEAR_CONFIDENCE,
    carried,
    context_reading,
)
from gulagstats.factcheck.line_periods import ends_prose_line, heads, table_row
from gulagstats.factcheck.periods import Period
from gulagstats.factcheck.resources import load_resources, parse_table
from gulagstats.factcheck.run import check_text


def _periods(text: str) -> list[tuple[str, str, str, float]]:
    return [
        (f.mention, f.period, f.period_how, f.period_confidence)
        for f in check_text(text, "a.txt").frames
    ]


# --- a table under a dated heading ------------------------------------------------------------------------


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_heading_as_of_a_day_dates_its_rows(gap):
    text = f"Численность заключённых на 1 января 1946 г.{gap}ИТЛ — 600 897 человек\nИТК — 855 877 человек\n"
    found = _periods(text)
    assert [(m, p, how) for m, p, how, _ in found] == [
        ("600 897", "1946-01-01", "context"),
        ("855 877", "1946-01-01", "context"),
    ]
    assert all(
        c < 0.6 for *_, c in found
    )  # read as totals: the day is theirs, what they count unsure: not judged


def test_a_heading_with_a_year_dates_its_rows_in_both_languages():
    ru = _periods("Расстреляно в 1937 г.\nПоляки — 111 091 человек\nНемцы — 41 898 человек\n")
    en = _periods("In 1937:\nPoles shot: 111,091\nGermans shot: 41,898\n")
    assert [p for _, p, _, _ in ru] == ["1937", "1937"] and [p for _, p, _, _ in en] == [
        "1937",
        "1937",
    ]


def test_a_year_of_english_prose_still_stays_in_its_sentence():
    found = _periods(
        "In 1956, Khrushchev gave his speech. Some 20 million people had died in the camps."
    )
    assert [(p, how) for _, p, how, _ in found] == [("", "none")]


def test_a_paragraph_of_prose_is_no_heading():
    # the first paragraph ends a sentence: its year does not reach the rows of the next
    found = _periods("In 1956, Khrushchev spoke at the congress.\n\nПоляки — 111 091 человек\n")
    assert all(p == "" for _, p, _, _ in found)


def test_a_day_that_starts_an_operation_still_dates_no_total():
    found = _periods("The operation began on 5 August 1937. In all, 386,798 were shot.")
    assert [(p, how) for _, p, how, _ in found] == [("", "none")]


def test_carried_marks_a_day_counted_as_of():
    sentence = "Численность заключённых на 1 января 1946 г.:"
    day = Period(sentence.index("1 января"), sentence.index(" г."), "1946-01-01", "date", 0.9)
    assert carried(sentence, [day], "") == ("1946-01-01", AS_OF)
    other = "Приказ подписан 1 января 1946 г.:"
    signed = Period(other.index("1 января"), other.index(" г."), "1946-01-01", "date", 0.9)
    assert carried(other, [signed], "") == ("1946-01-01", "date")


def test_table_row_and_heading_shapes():
    assert table_row("Поляки | 111 091") and table_row("1937: 353,074")
    assert not table_row("Some 7,000 people lie buried at Sandarmokh.") and not table_row(
        "x" * 81 + " 5"
    )
    assert not table_row("Поляки — 111 091;") and not table_row("Total")
    assert (
        heads("Executions by year:")
        and heads("Расстреляно в 1937 г.")
        and not heads("It ended in 1938.")
    )


# --- a year of the Russian sentence before ------------------------------------------------------------------


def test_a_russian_year_reaches_the_next_sentence_weakly():
    found = _periods(
        "В 1934 году в лагерях умерло 25 187 человек. Уровень смертности составил 4,28 процента."
    )
    assert found[-1][1:3] == ("1934", "context") and found[-1][3] == PROSE_YEAR_CONFIDENCE
    assert context_reading("Смертность составила 4,28 процента.", "1934", "year") == (
        "1934",
        PROSE_YEAR,
    )
    assert context_reading("Mortality was 4.28 percent.", "1934", "year") == ("", "")
    assert context_reading("Смертность составила 4,28 процента.", "", "") == ("", "")
    # a span carries as before, at its own confidence
    assert context_reading("Смертность составила 4,28 процента.", "1937/1938", "span") == (
        "1937/1938",
        "",
    )


def test_a_weak_russian_year_gives_a_by_year_total_no_strong_start():
    found = _periods(
        "В 1937 году начались депортации. К 1942 году было депортировано 850 000 человек."
    )
    assert found[-1][1] == "1937/1942" and found[-1][3] <= PROSE_YEAR_CONFIDENCE


def test_a_new_paragraph_does_not_carry_a_russian_year():
    found = _periods(
        "В 1934 году в лагерях умерло 25 187 человек.\n\nВсего расстреляно свыше 700 тысяч."
    )
    assert found[-1][1] == ""


# --- named periods ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Сталинские репрессии – мрачный период, когда миллионы людей подверглись преследованиям.",
        "Сталинскими репрессиями были затронуты миллионы людей.",
        "В годы политического режима Сталина через ГУЛАГ прошло свыше 15 млн человек.",
        "Gorbachev spoke of the many thousands murdered by Stalin.",
    ],
)
def test_stalins_repressions_read_his_rule(text):
    *_, (_, period, how, confidence) = _periods(text)
    assert (period, how, confidence) == ("1924-01-01/1953-03-05", "named period", 0.6)


def test_a_span_beside_stalins_repressions_still_wins():
    # dev (round 12): "Stalin's repressions" as a named period lost this span, and "executed by Stalin's government"
    # dated a claim the labels leave undated: neither is a row
    found = _periods(
        "Millions suffered from Stalin's repressions from the 1920s through to the 1950s."
    )
    assert found[-1][1:3] == ("1920/1959", "span")


def test_order_00447_reads_1937_1938_where_the_text_gives_no_days():
    assert _periods("Under Order 00447, 386,798 people were shot.")[-1][1:3] == (
        "1937/1938",
        "named period",
    )
    assert _periods("По приказу № 00447 расстреляно 386 798 человек.")[-1][1:3] == (
        "1937/1938",
        "named period",
    )
    own = _periods(
        "Under Order 00447, from 5 August 1937 to 15 November 1938, 386,798 people were shot."
    )
    assert own[-1][1] == "1937-08-05/1938-11-15"


# --- the words by which a sentence goes on: data ------------------------------------------------------------


def test_goes_on_words_are_read_from_periods_csv():
    words = load_resources().goes_on_words
    assert set(words) >= {"another", "others", "the rest"}
    para = "The Great Terror of 1937-1938 took many lives, " * 4 + "as the archives show."
    assert not ends_prose_line(para, "Another seven to eight million people were deported.", words)
    assert ends_prose_line(para, "Another seven to eight million people were deported.", ())
    assert ends_prose_line(para, "Some 7,000 lie at Sandarmokh.", words)
    assert not ends_prose_line(para, "Some 7,000 lie at Sandarmokh, the others elsewhere.", words)
    assert ends_prose_line(para, "Brothers: 7,000.", words)  # a word inside another is no match


def test_a_goes_on_row_is_no_period():
    # "another" is a goes_on row of periods.csv: it must not date the claim it stands beside
    assert _periods("Another 5,000 people were shot.") == [("5,000", "", "none", 0.0)]


def test_a_goes_on_row_with_a_reading_is_refused():
    head = "language,phrase,reading,rule,confidence,source,locator,note\n"
    with pytest.raises(DataFormatError):
        parse_table("periods", head + "en,another,1937,goes_on,0.0,,,\n", "p.csv")
    assert (
        parse_table("periods", head + "en,another,,goes_on,0.0,,,\n", "p.csv").rows[0]["rule"]
        == "goes_on"
    )


# --- hostile input -----------------------------------------------------------------------------------------


def test_hostile_input():
    assert _periods("") == []
    assert context_reading("", "", "") == ("", "")
    assert not table_row("") and not heads("")
    # a number at the text's edge, under a heading with no newline after the row
    assert _periods("На 1 января 1946 г.:\nИТЛ — 600 897 человек")[-1][1] == "1946-01-01"
    # odd Unicode: a right-to-left mark and a no-break space
    assert (
        _periods("Численность на 1 января 1946 г.:\n\u200fИТЛ — 600\u00a0897 человек")[-1][1]
        == "1946-01-01"
    )
    # a huge table under a heading: every row dated, in a time that does not grow with the square of its rows
    rows = "".join(f"ИТЛ — {100_000 + i} человек\n" for i in range(3000))  # no number a year
    found = _periods("Численность заключённых на 1 января 1946 г.\n\n" + rows)
    assert len(found) == 3000 and {p for _, p, _, _ in found} == {"1946-01-01"}
    # a huge line is never a row
    assert not table_row("5 " * 100_000)
