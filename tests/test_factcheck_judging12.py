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
        "Consistent: the record's own count: 799,455 sentenced to death on cases of the"
    )
    # words without the count get it before them; no words at all name the benchmark's id
    assert "799,455 the floor" in own_count(
        claim, answer.replace({answer["benchmark_what"]: "the floor"}), "x"
    )
    assert "799,455 (x)" in own_count(claim, answer.drop("benchmark_what"), "executions")
    assert "799,455 (x)" in own_count(
        claim, answer.replace({answer["benchmark_what"]: None}), "executions"
    )


def test_the_own_count_end_to_end_gives_the_document_s_words():
    v = judge(
        claims_frame(check_text("799,455 people were shot in 1921-1953.", "a.txt").frames),
        gate=OPEN_GATE,
    )
    said = v["explanation"].iloc[0]
    assert v["verdict"].iloc[0] == "consistent", v["reason"].iloc[0]
    assert said.startswith(
        "Consistent: the record's own count: 799,455 sentenced to death on cases of the secret"
    )
    assert "benchmark_what" not in v.columns  # verdicts.csv keeps its columns
