"""Round 7 of the fact-checker's periods (issue 20): end-of-year counts, Stalin's deaths, weak context."""

from __future__ import annotations

import pytest

from gulagstats.factcheck.frame_periods import CONTEXT_CONFIDENCE, _era
from gulagstats.factcheck.run import check_text


def _frames(text: str) -> list[tuple[str, str, str, float]]:
    return [
        (f.mention, f.period, f.period_how, f.period_confidence)
        for f in check_text(text, "t.txt").frames
    ]


def test_a_count_at_the_end_of_a_year_is_read_on_the_next_first_of_january() -> None:
    # the labelling guide: "a count 'at the end of 1938' ... is read on the next 1 January" (the record's convention)
    (claim,) = _frames("At the end of 1938, 1,317,195 prisoners were held in the Gulag camps.")
    assert claim[1] == "1939-01-01"
    (flow,) = _frames("By the end of 1938, 681,692 people had been shot.")
    assert flow[1] != "1939-01-01"  # a flow keeps its end: never a count on a day


@pytest.mark.parametrize(
    "text",
    [
        "Stalin killed 20 million people.",
        "Stalin was responsible for the deaths of 20 million people.",
        "About 20 million were killed by Stalin.",
        "Medvedev counted 20 million of Stalin's victims.",
        "Говорят о 20 млн жертв сталинизма.",
        "Говорят о 40 млн погибших в сталинских лагерях.",
    ],
)
def test_the_deaths_stalin_is_said_to_have_caused_are_of_his_rule(text: str) -> None:
    (claim,) = _frames(text)
    assert claim[1:3] == ("1924-01-01/1953-03-05", "named period")


def test_a_date_beside_the_name_still_wins() -> None:
    (claim,) = _frames("Stalin killed 681,692 people in 1937-1938.")
    assert claim[1:3] == ("1937/1938", "span")


def test_a_wide_period_carried_from_an_earlier_sentence_is_a_weak_reading() -> None:
    text = "Under Stalin's rule the camps grew. In all, 1,500,000 prisoners died."
    wide = _frames(text)
    assert wide[0][1:] == ("1924-01-01/1953-03-05", "context", CONTEXT_CONFIDENCE[True])
    narrow = _frames("The Great Terror raged in 1937-1938. In all, 681,692 prisoners were shot.")
    assert narrow[0][1:] == ("1937/1938", "context", CONTEXT_CONFIDENCE[False])
    assert (
        CONTEXT_CONFIDENCE[True] < 0.6 <= CONTEXT_CONFIDENCE[False]
    )  # the judging gate refuses the weak reading


@pytest.mark.parametrize(
    ("period", "wide"),
    [
        ("1924-01-01/1953-03-05", True),
        ("1941-06-22/1945-05-09", True),
        ("1929/1933", True),
        ("1937/1938", False),
        ("1938", False),
        ("", False),
        ("1953-03-05/", False),
        ("/1942-12-31", False),
    ],
)
def test_an_era_is_four_years_or_more(period: str, wide: bool) -> None:
    assert _era(period) is wide


def test_another_events_year_in_prose_keeps_the_period_under_discussion() -> None:
    text = (
        "The Katyn massacre was ordered by the Politburo. The graves were discovered by German forces in 1943. "
        "Of those killed, about 8,000 were army officers."
    )
    assert _frames(text)[0][1:3] == ("1940-04-01/1940-05-31", "context")


def test_a_year_that_opens_a_list_still_dates_its_items() -> None:
    text = "The Great Terror raged in 1937-1938. In 1944 the camps reported:\n1. Norillag — 5,000 prisoners died;"
    assert _frames(text)[0][1] == "1944"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Of those, 3.5 million people were rehabilitated between 1991 and 2014.", "1991/2014"),
        ("репрессий 19371938 гг., по которым было осуждено 347 тыс. чел.", "1937/1938"),
        (
            "During the years of Soviet power, millions of people were repressed.",
            "1917-11-07/1991-12-26",
        ),
        (
            "В местах заключения состояло без малого 16 миллионов — в первые послевоенные годы.",
            "1945-05-09/1947-12-31",
        ),
    ],
)
def test_spans_and_named_periods_of_round_7(text: str, period: str) -> None:
    assert _frames(text)[0][1] == period


def test_a_year_after_1991_alone_still_dates_a_publication() -> None:
    assert _frames("In his 2014 book he counted 681,692 people shot.")[0][1] != "2014"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("В 1920-1950-е годы жертвами репрессий стали сотни тысяч человек.", "1920/1959"),
        ("In the 1930-1950s, 300,000 people were repressed.", "1930/1959"),
        ("In 1930-1940, 300,000 people died.", "1930/1940"),
    ],
)
def test_a_span_that_ends_in_a_decade_runs_to_its_end(text: str, period: str) -> None:
    assert _frames(text)[0][1] == period


def test_a_period_before_and_the_next_number_dates_the_item_before() -> None:
    text = "He counted 11 million peasant deaths in 1930–36 and the 3 million total deaths in the purges of 1937–38."
    assert [f[1] for f in _frames(text)] == ["1930/1936", "1937/1938"]


def test_a_bracketed_span_after_a_number_dates_that_number_only() -> None:
    text = "Records show 799,455 executions (1921–1953), around 1.7 million deaths in the Gulag."
    assert [f[1] for f in _frames(text)] == ["1921/1953", ""]
    named = _frames(
        "The Great Purge alone (1936–1938) resulted in between 700,000 and 1.75 million deaths."
    )
    assert named[0][1] == "1936/1938"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "С начала войны по декабрь 1944 года в лагеря прибыло 2550 тыс. чел.",
            "1941-06-22/1944-12-31",
        ),
        ("Since the start of the war, 1,000,000 prisoners were released.", "1941-06-22/"),
        ("At the start of the war there were 2,300,000 prisoners.", "1941-06-22"),
        ("До начала войны было расстреляно 700 тыс. человек.", "/1941-06-22"),
    ],
)
def test_the_start_of_the_war_starts_or_ends_a_period(text: str, period: str) -> None:
    assert _frames(text)[0][1] == period


def test_a_stock_is_counted_on_the_day_its_sentence_states_not_over_a_named_period() -> None:
    # GRZ: "On March 1, 1940, at the end of the Great Purges, ... holding some 1.3 million inmates" was judged
    # against the Great Purges' years; a count of prisoners is of a day
    text = (
        "On March 1, 1940, at the end of the Great Purges, there were 53 corrective labor camps "
        "of the GULAG system holding some 1.3 million inmates."
    )
    (claim,) = [f for f in _frames(text) if f[0] == "some 1.3 million"]
    assert claim[1] == "1940-03-01"
    # a flow keeps the named period nearest it: the shootings of the Great Purges are not of one day
    (flow,) = _frames("On March 1, 1940, at the end of the Great Purges, 681,692 had been shot in them.")
    assert flow[1] != "1940-03-01"
