"""The second labeller scored against the first (tools/label_agreement.py)."""

from __future__ import annotations

import csv
import doctest

import label_agreement as la

from .test_evaluate_factcheck import CLAIM_COLUMNS, claim, synthetic_set

TEXT = "In 1937-1938 some 681,692 were shot and 1,500,000 arrested."


def write(path, claims):
    with open(path, "w", newline="", encoding="utf-8") as h:
        w = csv.DictWriter(h, CLAIM_COLUMNS)
        w.writeheader()
        for c in claims:
            w.writerow({k: c.get(k, "") for k in CLAIM_COLUMNS})
    return path


def test_two_labellers_agree_where_they_read_alike_and_not_where_they_differ(tmp_path):
    first = [claim("681,692", 1, 681692), claim("1,500,000", 1, 1500000, quantity="arrests")]
    synthetic_set(tmp_path, TEXT, first)
    # the second labeller reads the arrests as a floor against the record and misses nothing,
    # but gives the executions another verdict and adds a claim the first did not label
    second = [
        claim("681,692", 1, 681692, expected_verdict="overstates"),
        claim("1,500,000", 1, 1500000, quantity="arrests"),
        claim("1937", 1, 1937, expected_verdict="understates"),
    ]
    path = write(tmp_path / "second_en.csv", second)
    (m,) = la.agreement("dev", [path], web=tmp_path).values()
    assert (m.labels, m.found, m.predictions, m.predictions_matched) == (2, 2, 3, 2)
    assert (m.quantity_right, m.verdict_right, m.flags, m.wrong_flags) == (2, 1, 2, 2)
    assert "| same verdict, of all the first labeller's claims | 50.0 % (1/2) |" in la.table(
        {"en": m}
    )


def test_only_the_texts_the_second_labeller_read_are_compared(tmp_path):
    synthetic_set(tmp_path, TEXT, [claim("681,692", 1, 681692)])
    (m,) = la.agreement("dev", [write(tmp_path / "x_en.csv", [])], web=tmp_path).values()
    assert m.labels == 0  # the first labeller's text was not read by the second


def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys):
    synthetic_set(tmp_path, TEXT, [claim("681,692", 1, 681692)])
    wrong = write(tmp_path / "w_en.csv", [claim("999,999", 1, 999999)])
    la.WEB, old = tmp_path, la.WEB
    try:
        assert la.main(["--part", "dev", str(tmp_path / "absent_en.csv")]) == 2
        assert la.main(["--part", "dev", str(wrong)]) == 2
    finally:
        la.WEB = old
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("label_agreement: ") for line in err)
    assert "no occurrence 1 of '999,999'" in err[1]


def test_the_modules_examples_hold():
    assert doctest.testmod(la).failed == 0


def test_the_readme_table_is_what_the_files_give():
    web = la.WEB
    files = sorted(web.glob("agreement_round5_*.csv"))
    assert [f.name for f in files] == ["agreement_round5_en.csv", "agreement_round5_ru.csv"]
    readme = (web / "README.md").read_text(encoding="utf-8")
    # round 5's test part joined dev at the start of round 6, its texts and labels unchanged
    assert la.table(la.agreement("dev", files)) in readme
