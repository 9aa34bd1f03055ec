"""Round 6 of the fact-checker's periods (issue 20): open periods, the claim's own clause, context."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from gulagstats.factcheck.judgment import claims_frame, judge
from gulagstats.factcheck.periods import find_periods
from gulagstats.factcheck.phrases import tokens
from gulagstats.factcheck.run import check_text
from tests.test_factcheck_stages import DATA, assert_linear

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from factcheck_measures import normalise_period


def _periods(text: str) -> list[tuple[str, str, str]]:
    return [(f.mention, f.period, f.period_how) for f in check_text(text, "t.txt").frames]


@pytest.mark.parametrize(
    "text",
    [
        "After Stalin's death, 1,200,000 prisoners were released from the camps.",
        "After Stalin’s death, 1,200,000 prisoners were released from the camps.",
        "1,200,000 prisoners were released from the camps after the death of Stalin.",
        "После смерти Сталина было освобождено 1 201 738 заключённых.",
    ],
)
def test_after_stalins_death_is_a_start_with_no_end(text):
    [(_, period, how)] = _periods(text)
    assert (period, how) == ("1953-03-05/", "open")


def test_since_a_year_is_open_from_that_year():
    [(_, period, how)] = _periods("Since 1937, 5,000 people were shot in the region.")
    assert (period, how) == ("1937/", "open")


def test_an_open_period_is_never_judged():
    claims = judge(claims_frame(check_text("Since 1937, 5,000 people were shot.", "t.txt").frames))
    assert claims["verdict"].tolist() == ["not_judged"]
    assert claims["reason"].iloc[0].startswith("period unclear: from 1937 (a period with one end only)")


def test_the_evaluator_reads_open_periods_as_the_labels_write_them():
    assert normalise_period("1953-03-05/") == ("1953-03-05", None)
    assert normalise_period("1930/") == ("1930-01-01", None)
    assert normalise_period("/1956-12-31") == (None, "1956-12-31")
    assert normalise_period("/")[0].startswith("?")


@pytest.mark.parametrize(
    ("text", "period", "how"),
    [
        ("By the end of 1956, about 1 million people had been deported.", "/1956-12-31", "open"),
        ("By 1942, 850,000 people had been deported.", "/1942-01-01", "open"),
        (
            "The operation began on 5 August 1937. By the end of 1938, 681,692 people had been shot.",
            "1937/1938",
            "own clause",
        ),
    ],
)
def test_by_a_date_is_the_end_of_a_total_whose_start_the_text_may_not_give(text, period, how):
    assert _periods(text)[-1][1:] == (period, how)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "К началу войны численность заключённых в лагерях ГУЛАГа составила 2,3 млн чел.",
            "1941-06-22",
        ),
        ("At the start of the war the camps held 1,500,000 prisoners.", "1941-06-22"),
        (
            "За всё время правления Сталина число заключённых не превышало 2 миллионов 760 тысяч.",
            "1924-01-01/1953-03-05",
        ),
    ],
)
def test_named_periods_of_round_6(text, period):
    assert _periods(text)[0][1:] == (period, "named period")


def test_a_year_of_prose_does_not_date_the_claims_of_the_sentences_after_it():
    text = "In 1956, Khrushchev spoke to the congress. Around 10 million people died in the camps."
    assert _periods(text) == [("around 10 million", "", "none")]


def test_a_span_dates_the_claims_of_the_sentences_after_it():
    text = "The mass operations ran in 1937-1938. Around 680,000 people were shot."
    assert _periods(text) == [("around 680,000", "1937/1938", "context")]


def test_a_year_dates_the_items_of_the_list_it_opens():
    text = (
        "В течение 1944 года в лагерях умерло:\n"
        "1. Актюбинский ИТЛ — 11 831 заключенный, умерло в течение 1944 года — 361 человек;\n"
        "2. Алтайский ИТЛ — 6473, умерло — 271;\n"
    )
    assert [(m, p) for m, p, _ in _periods(text)][-1] == ("271", "1944")


def test_a_range_of_days_after_from_is_closed_not_open():
    text = "The Soviets deported more than 93,000 Kalmyks in Operation Ulusy from 28 to 31 December 1943."
    assert _periods(text)[0][1:] == ("1943-12-28/1943-12-31", "own clause")


def test_a_relative_phrase_reads_the_date_of_its_own_sentence():
    text = "В 1943 году было тяжело. В 1934 году в лагерях содержалось 510 307 человек, а в этом году – 586 477 заключённых."
    assert [p for _, p, _ in _periods(text)] == ["1934", "1934"]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "As many as 20 million people died as a result of Stalin's policies.",
            "1924-01-01/1953-03-05",
        ),
        ("Здесь захоронено около 45 тысяч жертв сталинских репрессий 1937—1953 гг.", "1937/1953"),
        (
            "Deaths due to Stalinist repression in 1937–38 were between 680,000 and 1,200,000.",
            "1937/1938",
        ),
    ],
)
def test_stalins_policies_are_his_rule_unless_the_text_dates_them(text, period):
    assert _periods(text)[0][1] == period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "Ten years after the war, the deaths of at least 1,000,000 German prisoners were counted.",
            "1945-05-09/",
        ),
        ("Since the war, 1,000,000 people were shot.", "1941-06-22/"),
        ("During and after World War II, millions of people were deported.", "1941-06-22/"),
    ],
)
def test_after_a_named_period_is_open_from_its_end(text, period):
    assert _periods(text)[0][1:] == (period, "open")


def test_the_nkvd_operations_are_named_periods():
    assert (
        _periods("The Polish operation of the NKVD arrested 143,810 people.")[0][1] == "1937/1938"
    )


def test_the_katyn_massacre_is_april_to_may_1940():
    assert (
        _periods("The Katyn massacre accounted for about 22,000 Polish officers killed.")[0][1]
        == "1940-04-01/1940-05-31"
    )


def test_the_civil_war_as_a_named_period():
    text = "Уже в гражданскую войну погибло около 13 миллионов человек."
    assert _periods(text)[0][1] == "1917-11-07/1922-12-31"


def test_before_a_named_period_is_open_up_to_its_start():
    text = "The camp population does not seem to have exceeded 3.5 million before the war."
    assert _periods(text)[0][1:] == ("/1941-06-22", "open")


@pytest.mark.parametrize(
    ("text", "period", "how"),
    [
        ("After Stalin's death in 1953, 1,200,000 prisoners were released.", "1953-03-05/", "open"),
        ("К 1953 году было расстреляно 700 000 человек.", "/1953-01-01", "open"),
        ("Up to 1953, 700,000 people were shot.", "/1953-12-31", "open"),
        ("From 1937 until 1953, 700,000 people were shot.", "1937/1953", "span"),
        ("К 1953 году в лагерях содержалось 1 700 000 заключённых.", "1953-01-01", "own clause"),
    ],
)
def test_open_periods_of_the_brief(text, period, how):
    assert _periods(text)[0][1:] == (period, how)


@pytest.mark.parametrize(
    "unit",
    [
        "in 1934 and in that year, after the war, before the war, up to 1953, к 1953 году, ",
        "после смерти Сталина в 1953 году, в этом году, since 1937, from 28 to 31 December 1943, ",
    ],
)
def test_the_periods_of_round_6_take_linear_time(unit):
    def periods(text: str) -> object:
        return find_periods(text, tokens(text), 0, None, "", DATA)

    assert_linear(periods, unit, 100)


def test_a_long_text_of_round_6_periods_checks_in_linear_time():
    def check(text: str) -> object:
        return check_text(text, "t.txt")

    assert_linear(
        check,
        "После смерти Сталина в 1953 году освобождено 1 201 738 человек. In 1956, 5,000 were shot. ",
        50,
    )


def test_the_next_year_reads_the_year_of_its_sentence():
    text = "In 1939, 108,357 persons were sentenced for hooliganism; in the next year, 199,813 convicts were sentenced."
    assert [p for _, p, _ in _periods(text)] == ["1939", "1940"]


def test_a_span_whose_end_is_itself_a_span_ends_at_its_last_year():
    text = "Between 1930 and 1952-1953, 786,098 counter-revolutionaries were executed."
    assert _periods(text)[0][1:] == ("1930/1953", "span")


def test_the_year_of_a_congress_names_it_and_anchors_within_a_year():
    text = "Of the 1,225 delegates to the 17th Party Congress in 1934, 1108 were arrested within a year."
    assert _periods(text)[0][1:] == ("1934/1935", "relative")
    assert (
        _periods("Of 1,966 delegates to the party congress in 1934, 1,108 were arrested.")[0][1]
        == ""
    )


def test_a_period_after_a_comma_opens_the_next_item():
    # the dev text's words: a monthly average of the prisoners is read over its month (450 174 was read over January
    # only as long as the next clause's "умерло" made it a count of deaths; round 10 reads it as a population)
    text = "В 1934 году в январе умерло 2218 человек при среднемесячной численности заключенных 450 174, в феврале умерло 1890 человек."
    assert [p for _, p, _ in _periods(text)][:2] == ["1934-01-01/1934-01-31"] * 2


@pytest.mark.parametrize(
    ("text", "period", "how"),
    [
        ("Арестовано по 1 октября 1930 года 142 993 человек.", "/1930-10-01", "open"),
        ("Until 1938, 5,000 people were shot.", "/1938", "open"),
        (
            "С 1 января 1930 года по 1 октября 1930 года арестованы 142 993 человек.",
            "1930-01-01/1930-10-01",
            "span",
        ),
    ],
)
def test_until_a_date_with_no_start_is_open_up_to_it(text, period, how):
    assert _periods(text)[0][1:] == (period, how)


@pytest.mark.parametrize(
    "text",
    [
        "In 1937, 353,074 people were shot. Of these, 10,000 were Poles.",
        "В 1937 году арестовано 936 750 человек. Из них 353 074 расстреляны.",
    ],
)
def test_a_year_dates_the_sentence_that_goes_on_with_the_claim_before_it(text):
    assert _periods(text)[-1][1:] == ("1937", "context")
