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


# --- an operation named by its order ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Over the campaign begun by Order 00447, 681,692 people were shot.",
            ("1937/1938", "named period"),
        ),
        ("Under NKVD order no. 00447, 386,798 people were shot.", ("1937/1938", "named period")),
        (
            "В ходе кулацкой операции было расстреляно 386 798 человек.",
            ("1937/1938", "named period"),
        ),
        (
            "По приказу НКВД № 00447 было расстреляно 386 798 человек.",
            ("1937/1938", "named period"),
        ),
        ("В ходе массовых операций расстреляно 681 692 человека.", ("1937/1938", "named period")),
        ("Массовые операции унесли жизни 681 692 человек.", ("1937/1938", "named period")),
        # a span stated beside the order is nearer the number and wins
        (
            "Under Order 00447, from August 1937 to November 1938, 386,798 were shot.",
            ("1937-08-01/1938-11-30", "span"),
        ),
    ],
)
def test_an_operation_named_by_its_order(text, expected):
    assert _period(text) == expected


def test_the_order_reading_is_under_the_judging_gate():
    (frame,) = check_text(
        "Over the campaign begun by Order 00447, 681,692 people were shot.", "a.txt"
    ).frames
    assert (
        frame.period_confidence < 0.8
    )  # the operation's span is a reading: the claim is not judged on it


def test_other_orders_are_no_period():
    assert (
        _period("Under NKVD order no. 00485, 139,835 people were sentenced.")[1] != "named period"
    )


# --- a line of prose is a paragraph for the periods ---------------------------------------------------

_PROSE = (
    "During the mass operations of 1937-1938, the NKVD shot people across the whole country, from the western "
    "border regions to the far east, on quotas that Moscow set for every region and raised again and again."
)


def test_a_period_does_not_cross_a_line_of_prose():
    text = _PROSE + "\nSome 7,000 people are believed to lie buried in mass graves at Sandarmokh."
    assert _period(text) == ("", "none")


def test_a_period_crosses_a_short_line_and_a_blank_free_list():
    # a short line (a heading, a list's opener) still dates the lines after it
    assert (
        _period("The Great Terror, 1937-1938.\nSome 7,000 people were shot at Sandarmokh.")[0]
        == "1937/1938"
    )


def test_a_sentence_that_goes_on_keeps_the_period():
    text = _PROSE + "\nAnother 7,000 people were shot at Sandarmokh."
    assert _period(text)[0] == "1937/1938"
    text = _PROSE + "\nAt least 7,000 others were shot at Sandarmokh."
    assert _period(text)[0] == "1937/1938"


def test_the_same_line_keeps_the_period():
    assert _period(_PROSE + " Some 7,000 people were shot at Sandarmokh.")[0] == "1937/1938"


def test_hostile_lines():
    # empty lines, a line of one character, odd Unicode line ends, a number at the text's very end
    assert check_text("\n\n\n", "a.txt").frames == []
    assert _period(_PROSE + "\u2028\nSome 7,000 people were shot") == ("", "none")
    assert _period("x\n7,000 people were shot") == ("", "none")
    many = (_PROSE + "\n") * 300 + "Some 7,000 people were shot."
    assert _period(many) == ("", "none")
