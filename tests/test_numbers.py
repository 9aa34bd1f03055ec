"""The one number reader (issue 19 A and D): every form read right or refused, in linear time.

Each example of the reader's contract has a test; property tests write each form from an
integer (digits with every grouping mark, point groups, scale words, English and Russian words,
other digit scripts) and read it back; each refusal has a test of its own.
"""

from __future__ import annotations

import dataclasses
import io
import math
import time

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gulagstats
from gulagstats.errors import GulagstatsError, NumberFormatError, OverlayError
from gulagstats.numbers import NumberMention, find_numbers, parse_number, read_number, read_range

# --- the contract's examples -------------------------------------------------------------------

READ = [
    ("681,692", "en", 681_692),
    ("681 692", "en", 681_692),
    ("681\u00a0692", "en", 681_692),
    ("681\u202f692", "en", 681_692),
    ("681\u2009692", "en", 681_692),
    ("681'692", "en", 681_692),
    ("681\u2019692", "en", 681_692),
    ("700.000", "en", 700_000),
    ("1.234.567", "en", 1_234_567),
    ("12,345.67", "en", 12_345.67),
    ("1.234,5", "en", 1_234.5),
    ("7 million", "en", 7_000_000),
    ("7m", "en", 7_000_000),
    ("7 mln", "en", 7_000_000),
    ("1.5 million", "en", 1_500_000),
    ("1,5 million", "en", 1_500_000),
    ("2.5 billion", "en", 2_500_000_000),
    ("2.3 million", "en", 2_300_000),  # exact: not 2299999.9999999995
    ("700 thousand", "en", 700_000),
    ("700k", "en", 700_000),
    ("1,5 млн", "ru", 1_500_000),
    ("1,500 млн", "ru", 1_500_000),  # in Russian the comma is the decimal mark
    ("19 млн 840 тыс.", "ru", 19_840_000),
    ("700 тыс.", "ru", 700_000),
    ("2 млрд", "ru", 2_000_000_000),
    ("5 тысяч", "ru", 5_000),
    ("3 миллиона", "ru", 3_000_000),
    ("six hundred and eighty-one thousand", "en", 681_000),
    ("six hundred and eighty-one thousand six hundred and ninety-two", "en", 681_692),
    ("a quarter of a million", "en", 250_000),
    ("half a million", "en", 500_000),
    ("two and a half million", "en", 2_500_000),
    ("a million and a half", "en", 1_500_000),
    ("three quarters of a million", "en", 750_000),
    ("seven million", "en", 7_000_000),
    ("a hundred thousand", "en", 100_000),
    ("fifteen hundred", "en", 1_500),
    ("семьсот тысяч", "ru", 700_000),
    ("полтора миллиона", "ru", 1_500_000),
    ("полторы тысячи", "ru", 1_500),
    ("два миллиона", "ru", 2_000_000),
    ("два с половиной миллиона", "ru", 2_500_000),
    ("полмиллиона", "ru", 500_000),
    ("девятнадцать миллионов восемьсот сорок тысяч", "ru", 19_840_000),
    ("\uff11\uff19\uff13\uff17", "en", 1937),  # full-width: a year stays a year
    ("\u0661\u0669\u0663\u0667", "en", 1937),  # Arabic-Indic
    ("\u0666\u0668\u0661,\u0666\u0669\u0662", "en", 681_692),
    ("-700", "en", -700),
    ("\u2212700,000", "en", -700_000),
    ("+7", "en", 7),
    ("-0", "en", 0),
]


@pytest.mark.parametrize("text,language,value", READ, ids=[r[0] for r in READ])
def test_each_form_of_the_contract_is_read(text, language, value):
    got = read_number(text, language=language)
    assert got == value and type(got) is type(value)


REFUSED = [
    # text, language, count, what the message must say
    ("1,5", "en", True, "write a decimal with a point (1.5)"),
    ("1.500", "en", True, "write 1,500 or 1500 for thousands"),
    ("681.692", "en", True, "write 681,692 or 681692 for thousands"),
    ("1.500", "en", False, "ambiguous"),  # refused for any value, not only counts
    ("1,500", "ru", False, "write 1 500 for thousands"),
    ("1,500 million", "en", False, "1,500 million = 1.5 billion"),
    ("1.500 млн", "ru", False, "ambiguous"),
    ("several million", "en", False, "vague quantity"),
    ("tens of thousands", "en", False, "vague quantity"),
    ("hundreds of thousands", "en", False, "vague quantity"),
    ("millions", "en", False, "vague quantity"),
    ("a few thousand", "en", False, "vague quantity"),
    ("несколько миллионов", "ru", False, "vague quantity"),
    ("десятки тысяч", "ru", False, "vague quantity"),
    ("-700,000", "en", True, "negative; a count is never negative"),
    ("\u2212700", "en", True, "negative"),
    ("2.5", "en", True, "not a whole number"),
    ("nineteen thirty-seven", "en", False, "not one number in words"),
    ("one two three", "en", False, "not one number in words"),
    ("\u0661\u06699", "en", False, "different scripts"),
    ("12.03.1938", "en", False, "does not group thousands"),
    ("1,000_000", "en", False, "does not group thousands"),
    ("1" * 31, "en", False, "more than 30 digits"),
    ("7 million people", "en", False, "not a number"),
    ("1930s", "en", False, "letters glued"),
    ("", "en", False, "empty"),
    ("seven", "de", False, "unknown language"),
]


@pytest.mark.parametrize("text,language,count,says", REFUSED, ids=[f"{r[0]}-{r[1]}" for r in REFUSED])
def test_each_refusal_is_one_line_naming_the_text_and_the_way_to_write_it(text, language, count, says):
    with pytest.raises(NumberFormatError) as info:
        read_number(text, language=language, count=count)
    message = str(info.value)
    assert says in message and "\n" not in message, message
    assert isinstance(info.value, GulagstatsError) and isinstance(info.value, ValueError)
    if text and language in ("en", "ru"):
        assert repr(text)[:60] in message


RANGES = [
    ("5-7 million", "en", (5_000_000, 7_000_000)),
    ("5–7 million", "en", (5_000_000, 7_000_000)),
    ("5 \u2014 7 million", "en", (5_000_000, 7_000_000)),
    ("500,000 to 7 million", "en", (500_000, 7_000_000)),
    ("between 5 and 7 million", "en", (5_000_000, 7_000_000)),
    ("between five and seven million", "en", (5_000_000, 7_000_000)),
    ("from 1.5 to 2 million", "en", (1_500_000, 2_000_000)),
    ("300,000-500,000", "en", (300_000, 500_000)),
    ("300.000-500.000", "en", (300_000, 500_000)),
    ("от 5 до 7 млн", "ru", (5_000_000, 7_000_000)),
    ("5–7 млн", "ru", (5_000_000, 7_000_000)),
    ("1937-1938", "en", (1937, 1938)),
]


@pytest.mark.parametrize("text,language,pair", RANGES, ids=[r[0] for r in RANGES])
def test_ranges_are_read_with_the_scale_word_of_the_second_number(text, language, pair):
    assert read_range(text, language=language) == pair


@pytest.mark.parametrize(
    "text,says",
    [
        ("7-5 million", "reversed: 7 million is above 5 million"),
        ("500 to 7 million", "reversed"),  # 500 million? 500? refused, not guessed
        ("7 million", "is not a range"),
        ("between 5 and 7 and 9", "is not a range"),
        ("1.500-2.000", "is not a range"),  # each end is ambiguous
        ("-5 to 7", "negative"),
    ],
)
def test_a_reversed_or_unreadable_range_is_refused_never_read_as_one_number(text, says):
    with pytest.raises(NumberFormatError, match=says) as info:
        read_range(text, count=True)
    assert "\n" not in str(info.value)


# --- finding numbers in running text -----------------------------------------------------------


def mentions(text: str, language: str = "en") -> list[tuple[str, object]]:
    return [(m.text, m.value if m.value is not None else m.reason[:20]) for m in find_numbers(text, language=language)]


def test_mentions_carry_offsets_form_and_value_and_are_frozen():
    text = "In 1937-1938, 681 692 people (not 7 million) were shot."
    found = list(find_numbers(text))
    assert [(m.text, m.value, m.form) for m in found] == [
        ("1937", 1937, "digits"), ("1938", 1938, "digits"), ("681 692", 681_692, "digits"),
        ("7 million", 7_000_000, "scaled"),
    ]
    assert all(text[m.start : m.end] == m.text and m.reason == "" for m in found)
    with pytest.raises(dataclasses.FrozenInstanceError):
        found[0].value = 1  # type: ignore[misc]
    assert isinstance(found[0], NumberMention)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("In 1938.2 The camps", [("1938", 1938)]),  # a year and its footnote
        ("were shot.133 The", []),  # a footnote glued to a word
        ("were shot[133] and", []),
        ("were shot [133] and", []),
        ("were shot133 and", []),
        ("681 692 people", [("681 692", 681_692)]),
        ("681\u00a0692 people", [("681\u00a0692", 681_692)]),
        ("681'692 people", [("681'692", 681_692)]),
        ("six hundred and eighty-one thousand people", [("six hundred and eighty-one thousand", 681_000)]),
        ("In \uff11\uff19\uff13\uff17, 681,692", [("\uff11\uff19\uff13\uff17", 1937), ("681,692", 681_692)]),
        ("In 2031, 5 people", [("2031", 2031), ("5", 5)]),
        ("-700,000 people", [("-700,000", -700_000)]),
        ("1937-700", [("1937", 1937), ("700", 700)]),  # a dash after a number is not a minus
        ("7-5 million", [("7", 7), ("5 million", 5_000_000)]),  # read_range refuses the pair
        ("In 1937 681 692 were shot", [("1937", 1937), ("681 692", 681_692)]),
        ("between five and seven million", [("five", 5), ("seven million", 7_000_000)]),
        ("several million and tens of thousands", []),
        ("a million people", [("a million", 1_000_000)]),
        ("1.500 people", [("1.500", "is ambiguous: a poin")]),
        ("in the 1930s", [("1930s", "has letters glued to")]),
        ("19 млн 840 тыс. человек", [("19 млн 840 тыс.", 19_840_000)]),
        ("в 1937г. расстреляно 681 692", [("1937", 1937), ("681 692", 681_692)]),
    ],
)
def test_find_numbers_reads_running_text(text, expected):
    assert mentions(text, "ru" if any("а" <= c <= "я" for c in text) else "en") == expected


# --- property tests: each form written from an integer and read back -----------------------------

COUNTS = st.integers(min_value=0, max_value=10**12 - 1)


@settings(max_examples=200, deadline=None)
@given(COUNTS, st.sampled_from([",", " ", "\u00a0", "\u202f", "\u2009", "'", "\u2019", "_"]))
def test_digit_groups_by_every_mark_are_read(n, mark):
    written = f"{n:,}".replace(",", mark)
    assert read_number(written, count=True) == n
    assert [m.value for m in find_numbers(f"In 1937, {written} people.")] == [1937, n]


@settings(max_examples=200, deadline=None)
@given(COUNTS)
def test_point_groups_are_thousands_when_unambiguous_and_refused_otherwise(n):
    written = f"{n:,}".replace(",", ".")
    if n >= 1_000_000 or (n >= 1000 and n % 1000 == 0) or n < 1000:
        assert read_number(written, count=True) == n
    else:  # 1.500, 681.692: a decimal in English, thousands in German
        with pytest.raises(NumberFormatError, match="ambiguous"):
            read_number(written, count=True)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=99),
       st.sampled_from([(10**3, "thousand"), (10**6, "million"), (10**9, "billion"), (10**6, "mln"),
                        (10**6, "m"), (10**3, "k"), (10**9, "bn")]),
       st.sampled_from([".", ","]))
def test_scale_words_with_a_decimal_point_or_comma_are_read_exactly(whole, hundredths, scale, mark):
    size, word = scale
    fraction = f"{mark}{hundredths:02d}" if hundredths else ""
    space = "" if word in ("m", "k", "bn") else " "
    written = f"{whole}{fraction}{space}{word}"
    assert read_number(written) == whole * size + hundredths * size // 100


ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def english(n: int) -> str:
    """n in English words, British style ("six hundred and eighty-one thousand")."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + (f"-{ONES[n % 10]}" if n % 10 else "")
    if n < 1000:
        return f"{ONES[n // 100]} hundred" + (f" and {english(n % 100)}" if n % 100 else "")
    for size, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if n >= size:
            rest = n % size
            tail = (" and " if rest < 100 else " ") + english(rest) if rest else ""
            return f"{english(n // size)} {name}{tail}"
    raise AssertionError(n)


@settings(max_examples=300, deadline=None)
@given(COUNTS)
def test_english_number_words_are_read(n):
    written = english(n)
    assert read_number(written) == n
    assert [m.value for m in find_numbers(f"Some {written} people were shot.")] == [n]


RU_ONES = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]
RU_ONES_F = ["", "одна", "две", *RU_ONES[3:]]
RU_TEENS = ["десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"]
RU_TENS = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят",
           "восемьдесят", "девяносто"]
RU_HUNDREDS = ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот",
               "восемьсот", "девятьсот"]
RU_SCALES = [(10**9, ("миллиард", "миллиарда", "миллиардов"), False),
             (10**6, ("миллион", "миллиона", "миллионов"), False),
             (10**3, ("тысяча", "тысячи", "тысяч"), True)]


def russian_below_1000(n: int, feminine: bool) -> list[str]:
    words = [RU_HUNDREDS[n // 100]]
    rest = n % 100
    if 10 <= rest < 20:
        words.append(RU_TEENS[rest - 10])
    else:
        words += [RU_TENS[rest // 10], (RU_ONES_F if feminine else RU_ONES)[rest % 10]]
    return [w for w in words if w]


def russian(n: int) -> str:
    """n in Russian words, nominative, with the scale word agreeing with its number."""
    if n == 0:
        return "ноль"
    words: list[str] = []
    for size, forms, feminine in RU_SCALES:
        part, n = divmod(n, size)
        if part:
            last2, last = part % 100, part % 10
            form = forms[2] if 11 <= last2 <= 14 else forms[0] if last == 1 else forms[1] if 2 <= last <= 4 else forms[2]
            words += [*russian_below_1000(part, feminine), form]
    return " ".join(words + russian_below_1000(n, False))


@settings(max_examples=300, deadline=None)
@given(COUNTS)
def test_russian_number_words_are_read(n):
    assert read_number(russian(n), language="ru") == n


@settings(max_examples=100, deadline=None)
@given(COUNTS, st.sampled_from(["\uff10", "\u0660", "\u06f0", "\u0966"]))
def test_digits_of_other_scripts_are_read_as_their_digits(n, zero):
    written = "".join(chr(ord(zero) + int(d)) if d.isdigit() else d for d in f"{n:,}")
    assert read_number(written) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999),
       st.sampled_from([(10**6, "million"), (10**3, "thousand")]), st.sampled_from(["-", "–", " to "]))
def test_ranges_read_in_order_or_are_refused(a, b, scale, dash):
    size, word = scale
    written = f"{a}{dash}{b} {word}"
    if a <= b:
        assert read_range(written) == (a * size, b * size)
    else:
        with pytest.raises(NumberFormatError, match="reversed"):
            read_range(written)


NUMBER_TEXT = [*list("0123456789,.' -−+\xa0\u202fkm٣３"), "million", "half", "a", "and", "тыс", " "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NUMBER_TEXT), max_size=10).map("".join))
def test_any_text_is_read_as_a_finite_number_or_refused_in_one_line(text):
    for language in ("en", "ru"):
        try:
            value = read_number(text, language=language)
        except NumberFormatError as exc:
            assert "\n" not in str(exc)
        else:
            assert math.isfinite(value)
        for m in find_numbers(text, language=language):
            assert text[m.start : m.end] == m.text and (m.value is None) == bool(m.reason)


# --- linear time ---------------------------------------------------------------------------------

HOSTILE = {
    "spaced digits": "1 ",
    "points": "1.1.",
    "point groups": "1.000.",
    "comma groups": "1,000,",
    "words": "one ",
    "words joined by and": "one and ",
    "a million and a half": "a million and a half ",
    "words that make no number": "nineteen thirty ",
    "footnotes": "[1]",
    "minus signs": "-",
    "one long number": "1",
    "scaled": "7 million ",
    "Russian compound": "19 млн 840 тыс. ",
    "glued letters": "1930s ",
    "mixed scripts": "\uff111",
}


def _seconds(text: str) -> float:
    """CPU time of this process reading ``text`` (other processes on a shared machine do not count)."""
    start = time.process_time()
    for _ in find_numbers(text):
        pass
    return time.process_time() - start


def per_doubling(unit: str) -> float:
    """The time ratio per doubling of a text made of ``unit``, from n to 4n (the best of 3 runs each).

    The runs of both sizes alternate, so that another process on the shared machine slows both.
    """
    n = 1_000
    while _seconds(unit * n) < 0.05:  # long enough that the clock does not decide
        n *= 2
    small = large = math.inf
    for _ in range(3):
        small = min(small, _seconds(unit * n))
        large = min(large, _seconds(unit * 4 * n))
    return math.sqrt(large / small)


@pytest.mark.parametrize("shape", list(HOSTILE), ids=list(HOSTILE))
def test_find_numbers_is_linear_on_hostile_text(shape):
    # quadratic code gives 4 per doubling every time; a linear one about 2, more only by chance
    # (another process on the machine): one measurement more before failing
    ratio = per_doubling(HOSTILE[shape])
    ratio = ratio if ratio < 2.5 else per_doubling(HOSTILE[shape])
    assert ratio < 2.5, f"{shape}: x{ratio:.2f} per doubling"


# --- every reader of the project reads the same way (issue 19 A) ----------------------------------


def test_assess_reads_700_000_as_seven_hundred_thousand_and_7_million(cli):
    code, out, err = cli("assess", "executions", "700.000", "--period", "1937-1938", "--format", "csv")
    assert code == 0, err
    row = pd.read_csv(io.StringIO(out)).iloc[0]
    assert row["low"] == 700_000 and row["verdict"] != "understates"
    code, out, err = cli("assess", "executions", "7 million", "--period", "1937-1938", "--format", "csv")
    assert code == 0 and pd.read_csv(io.StringIO(out)).iloc[0]["low"] == 7_000_000, err
    assert gulagstats.assess("executions", "700.000", period="1937/1938").low == 700_000


def test_assess_refuses_an_ambiguous_count_in_one_line(cli):
    code, _, err = cli("assess", "executions", "1.500", "--period", "1937-1938")
    assert code == 2 and err.count("\n") == 1 and "write 1,500 or 1500" in err, err


def test_a_claims_file_reads_point_groups_and_refuses_ambiguous_ones(tmp_path):
    path = tmp_path / "claims_german.csv"
    path.write_text("quantity,value,low,high,period\nexecutions,700.000,,,1937-1938\n"
                    "executions,,1.500,2.000,1937-1938\nexecutions,1.234.567,,,1937-1938\n"
                    "executions,7 million,,,1937-1938\n", encoding="utf-8")
    out = gulagstats.assess_claims(path)
    assert out.loc[0, "claim_low"] == 700_000 and out.loc[0, "error"] == ""
    assert "ambiguous" in out.loc[1, "error"] and out.loc[1, "verdict"] == ""
    assert out.loc[2, "claim_low"] == 1_234_567 and out.loc[3, "claim_low"] == 7_000_000


def test_an_overlay_reads_point_groups_as_thousands_and_refuses_ambiguous_ones(tmp_path):
    template = gulagstats.template("appendix")
    row = template[template["unit"] == "persons"].head(1)
    path = tmp_path / "ov_german_appendix.csv"
    row.assign(value="510.000").to_csv(path, index=False)
    merged = gulagstats.load("appendix", overlay=path)
    assert merged.loc[merged["status"] == "user", "value"].tolist() == [510_000]
    row.assign(value="510.500").to_csv(path, index=False)
    with pytest.raises(OverlayError, match="ambiguous"):
        gulagstats.load("appendix", overlay=path)


def test_parse_number_is_the_reader_with_machine_forms():
    assert parse_number("1e6") == 1e6 and parse_number(".5") == 0.5 and parse_number("seven million") == 7e6
    with pytest.raises(NumberFormatError, match="ambiguous"):
        parse_number("1.500", whole=True)
