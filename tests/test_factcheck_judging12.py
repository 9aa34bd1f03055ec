"""Round 12 (issue 20): judging reads what ``assess`` counts as data, and refuses a floor met under a reading
that is not secure.

``assess`` names its benchmark in words in a column of its own (``benchmark_what``), so the record's own count
(label rule 26) is read from data, not parsed back from the explanation's prose.
"""

from __future__ import annotations

import csv
import io

import pandas as pd

from gulagstats import assess_claims
from gulagstats.estimates.claims import OUTPUT_COLUMNS
from gulagstats.factcheck.bounds import own_count
from gulagstats.factcheck.judgment import claims_frame, judge
from gulagstats.factcheck.readings import OPEN_GATE
from gulagstats.factcheck.run import check_text
from gulagstats.factcheck.secure_readings import longer_ceiling, scare_quoted


def test_assess_names_its_benchmark_in_words_as_a_column():
    out = assess_claims(
        pd.DataFrame(
            {
                "quantity": ["executions", "executions", "arrests"],
                "value": ["7,000,000", "799455", "50"],
                "period": ["1937-1938", "1921-1953", "1937-1938"],
                "unit": ["", "", "per 1,000 adults"],
            }
        )
    )
    what = out["benchmark_what"].tolist()
    assert what[0] == "681,692 sentenced to death on cases of the secret police in 1937-1938"
    assert what[0] in out["explanation"][0]  # the words the explanation gives
    assert what[1].startswith("799,455 sentenced to death on cases of the secret police")
    assert (
        not isinstance(what[2], str) or what[2] == ""
    )  # a rate per head: its counts are in the explanation
    assert (
        "benchmark_what" in OUTPUT_COLUMNS
    )  # an input column of that name is kept as input_benchmark_what


def test_an_input_column_named_benchmark_what_is_kept_apart():
    out = assess_claims(
        pd.DataFrame(
            {
                "quantity": ["executions"],
                "value": ["7000000"],
                "period": ["1937-1938"],
                "benchmark_what": ["mine"],
            }
        )
    )
    assert out["input_benchmark_what"].tolist() == ["mine"]
    assert out["benchmark_what"].iloc[0].startswith("681,692")


def test_the_command_line_writes_the_column(tmp_path, cli):
    path = tmp_path / "c.csv"
    path.write_text(
        "quantity,value,period\nexecutions,7000000,1937-1938\nexecutions,,1937\n", encoding="utf-8"
    )
    code, out, err = cli("assess", "--file", str(path))
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["benchmark_what"].startswith("681,692 sentenced to death")
    assert (
        rows[1]["benchmark_what"] == "" and rows[1]["error"]
    )  # a row that cannot be assessed: empty


def test_own_count_reads_the_benchmark_s_words_not_the_explanation():
    claim = pd.Series({"low": "799455", "high": "799455", "bound": "point", "unit": "count"})
    answer = pd.Series(
        {
            "verdict": "not_contradicted",
            "bound": "floor",
            "benchmark_low": 799455.0,
            "benchmark_id": "x",
            "benchmark_status": "derived",
            "benchmark_what": "799,455 sentenced to death on cases of the secret police",
            "explanation": "prose worded otherwise: at least the 1 thing (",
        }
    )
    said = own_count(claim, answer, "executions")
    assert said.startswith(
        "Consistent: 799,455 is the record's own count: 799,455 sentenced to death on cases of the"
    )
    # round 13: the count is always named first (no test of the words); the benchmark's id is cited
    assert own_count(
        claim, answer.replace({answer["benchmark_what"]: "the floor"}), "x"
    ).startswith("Consistent: 799,455 is the record's own count: the floor (x;")
    assert "(x;" in own_count(claim, answer.drop("benchmark_what"), "executions")
    assert "(x;" in own_count(claim, answer.replace({answer["benchmark_what"]: None}), "executions")


def test_the_own_count_end_to_end_gives_the_document_s_words():
    v = judge(
        claims_frame(check_text("799,455 people were shot in 1921-1953.", "a.txt").frames),
        gate=OPEN_GATE,
    )
    said = v["explanation"].iloc[0]
    assert v["verdict"].iloc[0] == "consistent", v["reason"].iloc[0]
    assert said.startswith(
        "Consistent: 799,455 is the record's own count: 799,455 sentenced to death on cases of the secret"
    )
    assert "benchmark_what" not in v.columns  # verdicts.csv keeps its columns


def _judged(text: str) -> pd.DataFrame:
    return judge(claims_frame(check_text(text, "a.txt").frames), gate=OPEN_GATE).set_index(
        "mention"
    )


def test_a_count_of_a_few_months_under_a_ceiling_of_years_is_not_judged():
    text = "In the autumn of 1937, 11 people were sentenced to death in one prison."
    v = _judged(text)
    row = v.loc["11"]
    assert row["verdict"] == "not_judged"
    assert "nearest ceiling is for" in row["reason"] and "times as long" in row["reason"]
    answer = pd.Series(
        {
            "verdict": "not_contradicted",
            "bound": "ceiling",
            "benchmark_period": "1930/1956",
            "claim_period": "1930",
        }
    )
    assert longer_ceiling(pd.Series({"period_how": "table"}), answer) == ""  # a row of a table
    assert "27 times as long" in longer_ceiling(pd.Series({"period_how": "span"}), answer)


def test_a_ceiling_of_about_the_claim_s_own_period_still_supports_a_floor_met():
    answer = pd.Series(
        {
            "verdict": "not_contradicted",
            "bound": "ceiling",
            "benchmark_period": "1937/1938",
            "claim_period": "1937-08-05/1938-11-15",
        }
    )
    assert longer_ceiling(pd.Series({"period_how": "span"}), answer) == ""
    for odd in (
        "",
        "not a period",
        "1937/",
        None,
        float("nan"),
    ):  # unreadable periods: nothing said
        assert longer_ceiling(pd.Series(), answer.replace({"1937/1938": odd})) == ""
    day = answer.replace({"1937-08-05/1938-11-15": "1937-08-05"})
    assert "times as long" in longer_ceiling(pd.Series(), day)  # a day under two years


def test_a_quantity_in_scare_quotes_apart_from_the_number_is_not_judged():
    for sentence, mention, cue in (
        (
            'By 1994 nobody could lie about tens of millions of "victims of repression."',
            "tens of millions",
            "victims",
        ),
        (
            "Писали о миллионах «репрессированных» в 1937–1938 годах.",
            "миллионах",
            "репрессированных",
        ),
        ("It spoke of millions of “victims” in 1937.", "millions", "victims"),
    ):
        said = scare_quoted(pd.Series({"sentence": sentence, "mention": mention, "cue": cue}))
        assert said.startswith("what the number counts is quoted at a distance"), sentence
        assert f"({cue})" in said


def test_a_quotation_holding_the_number_or_the_word_outside_quotes_is_judged():
    for sentence in (
        '"No less than 686,350 people were shot", they note.',  # a quoted claim: the number inside
        '686,350 people were shot, the "Memorial" society says.',  # quotes, but not round the word
        '686,350 were shot; "shot" is the word of the report.',  # the word outside quotes too
    ):
        claim = pd.Series({"sentence": sentence, "mention": "686,350", "cue": "shot"})
        assert scare_quoted(claim) == "", sentence


def test_scare_quotes_hostile_input():
    for claim in (
        pd.Series(dtype=object),
        pd.Series({"sentence": "", "mention": "", "cue": ""}),
        pd.Series({"sentence": '"' * 10_000, "mention": "1", "cue": "x"}),
        pd.Series(
            {"sentence": "«" * 5_000 + "victims" + "»" * 5_000, "mention": "7", "cue": "victims"}
        ),
        pd.Series({"sentence": None, "mention": None, "cue": None}),
    ):
        assert isinstance(scare_quoted(claim), str)
    odd = pd.Series(
        {"sentence": "7\u00a0млн \u200b«жертв»", "mention": "7\u00a0млн", "cue": "жертв"}
    )
    assert scare_quoted(odd).startswith("what the number counts")


def test_the_judging_of_an_empty_or_edge_text_stands():
    assert judge(claims_frame(check_text("", "a.txt").frames)).empty
    v = _judged('"Victims": 7 million')  # a number at the text's very end
    assert set(v["verdict"]) <= {
        "not_judged",
        "not_contradicted",
        "consistent",
        "overstates",
        "understates",
    }
