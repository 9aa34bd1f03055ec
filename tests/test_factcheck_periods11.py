"""Round 11's period rules (issue 20): the reading of "the late 1930s" as data (periods.csv), and the periods of
the operations named by their orders ("Order 00447", "приказ № 00447")."""

from __future__ import annotations

import pytest

from gulagstats.errors import DataFormatError
from gulagstats.factcheck.decades import decades
from gulagstats.factcheck.resources import load_resources, parse_table
from gulagstats.factcheck.run import check_text


def _period(text: str) -> tuple[str, str]:
    *_, frame = check_text(text, "a.txt").frames
    return frame.period, frame.period_how


# --- "the late 1930s": periods.csv's decade: row, not Python ------------------------------------------


def test_the_late_1930s_is_read_from_periods_csv():
    parts = load_resources().decade_parts
    assert parts["late 1930s"] == ("1937/1938", 0.7)
    # without the row, a part of a decade is read by its years alone
    assert [p.period for p in decades("the late 1930s", lambda a, b: True)] == ["1937/1939"]
    assert [p.period for p in decades("the late 1930s", lambda a, b: True, parts)] == ["1937/1938"]
    # a row of another decade's part changes that part only
    own = {"late 1940s": ("1948/1949", 0.5)}
    found = decades("in the late 1940s and the late 1930s", lambda a, b: True, own)
    assert [(p.period, p.confidence) for p in found] == [("1948/1949", 0.5), ("1937/1939", 0.7)]


@pytest.mark.parametrize(
    "text",
    [
        "In the late 1930s, 3 million people were arrested.",
        "В конце 1930-х годов было арестовано 3 млн человек.",
        "В конце 30-х годов было арестовано 3 млн человек.",
    ],
)
def test_the_late_1930s_in_either_language(text):
    assert _period(text) == ("1937/1938", "own clause")


def test_the_late_1920s_keep_their_years():
    assert _period("In the late 1920s, 30,000 people were arrested.") == ("1927/1929", "own clause")


def _periods_csv(*rows: str) -> str:
    return "language,phrase,reading,rule,confidence,source,locator,note\n" + "".join(
        r + "\n" for r in rows
    )


@pytest.mark.parametrize(
    "row",
    [
        "en,the end of the 1930s,,decade:1937/1938,0.7,grz1993,,",  # not a part of a decade as decades() names it
        "en,late 1930s,,decade:1937,0.7,grz1993,,",  # no span
        "en,late 1930s,,decade:1937/1938,2,grz1993,,",  # confidence above 1
        "en,late 1930s,,decade:,0.7,grz1993,,",
    ],
)
def test_a_bad_decade_row_is_refused(row):
    with pytest.raises(DataFormatError, match="line 2"):
        parse_table("periods", _periods_csv(row), "periods.csv")


def test_hostile_text_around_a_decade():
    assert check_text("", "a.txt").frames == []
    # a decade at the very edge of a text, odd Unicode around it, and a long text of decades
    assert _period("late 1930s\u200b: 3,000,000 arrested")[0] == "1937/1938"
    assert (
        decades("\u202elate 1930s\u202c", lambda a, b: True, load_resources().decade_parts)[
            0
        ].period
        == "1937/1938"
    )
    long = "the late 1930s; " * 5000
    assert len(decades(long, lambda a, b: True, load_resources().decade_parts)) == 5000
