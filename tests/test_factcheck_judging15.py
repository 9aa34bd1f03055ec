"""Round 15 (issue 20): a floor of a narrower series is not "used as a point" for another whole.

The record's floor of the repressed is those sentenced on the security police's cases; a count whose own clause
names the courts, a category of ordinary crime or a population is of another whole, so a floor met says nothing
(:mod:`gulagstats.factcheck.wider_wholes`).  And a span with a month at one end ("1921/1953-06") is read by
``assess`` rather than refused (:func:`gulagstats.periods.normalize_period`).
"""

from __future__ import annotations

import pandas as pd
import pytest

from gulagstats.factcheck.judgment import NOT_JUDGED, claims_frame, judge
from gulagstats.factcheck.phrases import tokens
from gulagstats.factcheck.readings import OPEN_GATE
from gulagstats.factcheck.resources import load_resources, parse_table
from gulagstats.factcheck.run import check_text
from gulagstats.factcheck.wider_wholes import OTHER_BODY, named_bodies, other_body, own_clause
from gulagstats.periods import normalize_period

from .test_factcheck_stages import assert_linear


def _judged(text: str) -> pd.DataFrame:
    return judge(claims_frame(check_text(text, "a.txt").frames), gate=OPEN_GATE)


def _one(text: str, mention: str) -> pd.Series:
    v = _judged(text)
    rows = v[v["mention"].str.lower() == mention.lower()]
    assert len(rows) == 1, v[["mention", "verdict", "reason"]].values.tolist()
    return rows.iloc[0]


def _other_body(claim: pd.Series) -> str:
    """:func:`other_body` of a claim whose ``other_bodies`` the frame stage would read from its sentence (round 16:
    judging only reads that field)."""
    claim = claim.astype(object)
    if "sentence" in claim:
        s, mention = str(claim["sentence"]), str(claim.get("mention", ""))
        at = max(s.lower().find(mention.lower()), 0) if mention else 0
        claim["other_bodies"] = named_bodies(s, tokens(s), at, load_resources())
    return other_body(claim)


_CLAIM = pd.Series(
    {
        "verdict": "not_contradicted",
        "quantity": "repressed_total",
        "mention": "almost 5 million",
        "benchmark_id": "repressed_nkvd:1937/1939:sum",
        "sentence": "the almost 5 million people convicted by various courts and NKVD boards in 1937-1939",
    }
)


# --- 1. another whole named in the claim's own clause -------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "mention", "words"),
    [
        (
            "Almost 5 million people were convicted by various courts and NKVD boards in 1937-1939.",
            "Almost 5 million",
            "courts",
        ),
        (
            "A total of 108,357 persons were sentenced in 1939 for hooliganism.",
            "108,357",
            "hooliganism",
        ),
        ("В 1939 году за хулиганство осуждено 108 357 человек.", "108 357", "хулиганство"),
    ],
)
def test_a_count_of_another_body_or_crime_is_not_judged_by_the_floor(sentence, mention, words):
    row = _one(sentence, mention)
    assert row["verdict"] == NOT_JUDGED, row[["verdict", "reason", "quantity"]].tolist()
    assert f"'{words}'" in row["reason"] and "another whole" in row["reason"]


def test_the_same_count_without_those_words_is_still_not_contradicted():
    row = _one("Almost 5 million people were convicted in 1937-1939.", "Almost 5 million")
    assert row["verdict"] == "not_contradicted", row[["verdict", "reason"]].tolist()


def test_a_word_of_another_clause_does_not_count():
    text = "In 1937-1938, 1.5 million people were sentenced; the courts tried another 2 million."
    row = _one(text, "1.5 million")
    assert "another whole" not in row["reason"], row[["verdict", "reason"]].tolist()


def test_only_a_not_contradicted_of_the_rows_quantity_is_refused():
    assert _other_body(_CLAIM).startswith(OTHER_BODY[:40])
    assert _other_body(_CLAIM.replace({"repressed_total": "executions"})) == ""
    for verdict in ("consistent", "overstates", "understates", ""):
        assert _other_body(_CLAIM.replace({"not_contradicted": verdict})) == ""


def test_a_population_read_as_arrests_is_not_judged_by_the_floor_of_arrests():
    claim = _CLAIM.replace(
        {
            "repressed_total": "arrests",
            _CLAIM[
                "sentence"
            ]: "the maximum total detained population at around 3 million in the Great Purges",
            "almost 5 million": "around 3 million",
        }
    )
    assert "'population'" in _other_body(claim)


def test_own_clause_is_bounded_by_semicolons():
    s = "108,357 were sentenced for hooliganism; next year 199,813 were; 5 fled."
    assert own_clause(s, "199,813") == " next year 199,813 were"
    assert own_clause(s, "108,357") == "108,357 were sentenced for hooliganism"
    assert own_clause(s, "") == s and own_clause("", "7") == ""


def test_the_lexicon_rows_name_a_quantity_and_the_kind_is_validated():
    rows = load_resources().lexicon["other_body"].rows
    assert {r["language"] for r in rows} == {"en", "ru"}
    assert all(r["quantity"] for r in rows)
    with pytest.raises(Exception, match="quantity"):
        parse_table(
            "lexicon",
            "language,kind,phrase,quantity,bound,rate,low,high,priority,note\n"
            "en,other_body,courts,,,,,,,\n",
            "x.csv",
        )


# --- 2. a month at one end of a span ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("1921/1953-06", "1921/1953-06-30"),
        ("1936-10/1938", "1936-10-01/1938"),
        ("1936-10/1938-11", "1936-10-01/1938-11-30"),
        ("1940/1940-02", "1940/1940-02-29"),  # a leap year's February
        ("1937/1938", "1937/1938"),
        ("1937-12", "1937-12-01/1937-12-31"),
    ],
)
def test_a_span_with_a_month_end_is_read_as_days(written, read):
    assert normalize_period(written) == read


@pytest.mark.parametrize(
    "written", ["1937-13/1938", "1938-06/1937", "1937/1938-00", "1937//1938-06"]
)
def test_an_impossible_month_span_is_still_refused(written):
    assert normalize_period(written) is None


# --- 3. hostile input ---------------------------------------------------------------------------------------


def test_hostile_inputs_give_no_reason_and_no_error():
    assert _other_body(pd.Series(dtype=object)) == ""
    odd = _CLAIM.replace(
        {
            _CLAIM["sentence"]: "\u200b\ufeff５ million by the ｃｏｕｒｔｓ\u00a0;",
            "almost 5 million": "",
        }
    )
    assert isinstance(_other_body(odd), str)
    assert _other_body(_CLAIM.replace({_CLAIM["sentence"]: ""})) == ""
    assert _judged("").empty


def test_a_megabyte_sentence_is_read_in_linear_time():
    unit = "the courts sentenced many; "

    def stage(text: str) -> object:
        return _other_body(_CLAIM.replace({_CLAIM["sentence"]: text + "almost 5 million by courts"}))

    assert (
        _other_body(_CLAIM.replace({_CLAIM["sentence"]: unit * 40_000 + "almost 5 million"})) == ""
    )
    assert_linear(stage, unit, 5_000)


@pytest.mark.parametrize(
    "sentence",
    [
        "По справке, осуждено Коллегией ОГПУ, «тройками» НКВД, Особым совещанием, Военной Коллегией, судами и "
        "военными трибуналами almost 5 million человек.",
        "almost 5 million were found guilty by the OGPU collegiums, the NKVD troikas, courts and military tribunals",
    ],
)
def test_the_certificates_list_of_bodies_is_the_records_own_series(sentence):
    assert _other_body(_CLAIM.replace({_CLAIM["sentence"]: sentence})) == ""


# --- 4. the data's reading of a named period ----------------------------------------------------------------


def test_a_named_period_dated_otherwise_is_also_asked_under_the_datas_reading():
    from gulagstats.factcheck.readings import named_readings

    sentence = "During the Great Terror, it is estimated that around 700,000 people were executed."
    assert named_readings(sentence, "1936/1938") == ["1937/1938"]
    assert named_readings(sentence, "1937/1938") == []
    assert named_readings("In 1936-1938 about 700,000 were shot.", "1936/1938") == []
    assert named_readings("\u200b" * 1000 + "ｇｒｅａｔ terror", "1936/1938") in ([], ["1937/1938"])


def test_around_700000_in_a_great_terror_of_1936_1938_is_consistent_under_the_records_years():
    text = (
        "The Great Terror was a period of repression in the Soviet Union from 1936 to 1938. "
        "During the Great Terror, it is estimated that around 700,000 people were executed."
    )
    row = _one(text, "around 700,000")
    if row["period"] == "1936/1938":  # dated by the text's own definition of the name
        assert row["verdict"] == "consistent", row[["verdict", "reason", "explanation"]].tolist()
        assert "read as 1937-1938" in row["explanation"]
    else:
        assert row["verdict"] in ("consistent", "not_judged"), row[["verdict", "period"]].tolist()


def test_named_readings_are_linear_in_the_sentence():
    from gulagstats.factcheck.readings import named_readings

    assert_linear(
        lambda s: named_readings(s, "1936/1938"), "the Great Terror and the purge; ", 2_000
    )
