"""Fact-checking a text: extraction, lexicon, verdicts, outputs, hostile inputs, the page."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

import gulagstats
from gulagstats.errors import DataFormatError, GulagstatsError
from gulagstats.factcheck.evaluate import evaluate
from gulagstats.factcheck.extract import extract_claims
from gulagstats.factcheck.judge import (
    CLAIM_COLUMNS,
    NO_SERIES,
    claims_frame,
    contradictions,
    judge_frame,
)
from gulagstats.factcheck.lexicon import load_lexicon, parse_lexicon
from gulagstats.factcheck.run import factcheck
from gulagstats.factcheck.text import FactcheckInputError, read_article

from .browser import dom as page_dom
from .conftest import ROOT, needs_texts, run_subprocess
from .conftest import SEEDS as SEEDS_DIR

#: The seed texts: not in the repository (copyright); read from $GULAGSTATS_SEEDS or ../shared/seeds.
SEEDS = sorted(SEEDS_DIR.glob("00[0-4]_*.txt"))
LABELS = ROOT / "tests" / "data" / "factcheck_labels.csv"


def one(text: str):
    claims = extract_claims(text, "t.txt")
    assert len(claims) == 1, [(c.mention, c.quantity) for c in claims]
    return claims[0]


# --- extraction -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("At least 30,174 people were sentenced in 1935.", 30174, None),
        ("No more than 2,000 people were arrested in 1936.", None, 2000),
        ("Close to 8 million people were killed, imprisoned or sent to Siberia in 1937.", 8e6, 8e6),
        ("Over four thousand were killed in March 1919.", 4000, None),
        ("Between 300,000 and 500,000 were shot in 1937-1938.", 3e5, 5e5),
        ("From 4.5 to 5 million were arrested in 1937-38.", 4.5e6, 5e6),
        ("Tens of thousands of relatives were sent to work camps in 1935.", 20000, 99999),
        ("Almost a hundred others were eliminated in December 1934.", 100, 100),
        ("Forty-six persons were arrested in 1935.", 46, 46),
    ],
)
def test_numbers_hedges_ranges_and_words(text, low, high):
    c = one(text)
    assert (c.low, c.high) == (low, high)


def test_years_dates_percentages_and_ages_are_not_claims():
    text = (
        "On December 1, 1934 Kirov was shot. "
        "87.1 percent of them were arrested on political grounds. "
        "Children as young as 12 were executed. He was sentenced to 10 years of imprisonment."
    )
    assert extract_claims(text) == []


def test_quantity_period_and_body_of_the_congress():
    claims = extract_claims(
        "Of the 1,225 Communist delegates to the 17th Party Congress in 1934, "
        "1108 were arrested within a year."
    )
    assert [(c.quantity, c.low, c.period) for c in claims] == [
        ("party_congress_delegates", 1225, "1934"),
        ("party_congress_delegates_arrested", 1108, "1934/1935"),
    ]


def test_relative_periods_resolve_against_the_dates_the_text_states():
    text = (
        "On December 1, 1934 Sergei Kirov was assassinated. In the previous year, "
        "Stalin had purged the party of close to 1,000,000 members.\n"
        "The following day, dozens of people were executed by the NKVD, and "
        "before the month was over almost a hundred others were eliminated in the same way."
    )
    periods = [(c.mention, c.period) for c in extract_claims(text)]
    assert periods == [
        ("close to 1,000,000", "1933"),
        ("dozens", "1934-12-02"),
        ("almost a hundred", "1934-12-01/1934-12-31"),
    ]


def test_named_others_are_counted_and_attribution_follows_quotes():
    c = one(
        "From 15 to 16 January 1935, the trial of Kamenev, Zinoviev, Yevdokimov, "
        "Bakayev and 15 other "
        "defendants took place."
    )
    assert (c.quantity, c.low, c.stated_low, c.period) == (
        "trial_defendants",
        19,
        15,
        "1935-01-15/1935-01-16",
    )
    quoted = one(
        "Furr quotes from a note that Khrushchev sent to Stalin: "
        "\u2018The Ukraine sends 17,000 \u2013 18,000 "
        "[persons to be] repressed every month.\u2019"
    )
    assert (quoted.attribution, quoted.low, quoted.high) == ("Khrushchev", 17000, 18000)
    assert (
        one(
            "Knight noted that the purges of 1936-8 led to the death of millions of citizens."
        ).attribution
        == "Knight"
    )


# --- the lexicon is data ------------------------------------------------------------------------


def test_packaged_lexicon_is_valid_and_covers_each_kind():
    lex = load_lexicon()
    assert all(getattr(lex, kind) for kind in ("quantity", "hedge", "vague", "period", "exclude"))
    known = set(gulagstats.quantities()["quantity"])
    codes = {e.quantity for e in lex.quantity}
    assert {"executions", "arrests", "party_expulsions", "camp_population"} <= codes & known
    assert {
        "party_congress_delegates_arrested",
        "trial_defendants",
        "central_committee_members_repressed",
    } <= codes - known


def test_a_historian_extends_the_lexicon_without_code(tmp_path):
    text = "In 1938, 5,000 monks were defrocked."
    assert extract_claims(text) == []
    mine = tmp_path / "lexicon.csv"
    mine.write_text(
        (Path(gulagstats.factcheck.__file__).parent / "lexicon.csv").read_text(encoding="utf-8")
        + "quantity,\\bdefrocked\\b,clergy_defrocked,,,,,50,\n",
        encoding="utf-8",
    )
    c = extract_claims(text, lexicon=load_lexicon(str(mine)))
    assert [(x.quantity, x.low, x.period) for x in c] == [("clergy_defrocked", 5000, "1938")]
    mine.write_text(mine.read_text(encoding="utf-8").replace("defrocked", "unfrocked"), encoding="utf-8")
    assert extract_claims(text, lexicon=load_lexicon(str(mine))) == []  # an edited lexicon is read again


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("noun,x,executions,,,,,1,", "unknown kind"),
        ("quantity,(unclosed,executions,,,,,1,", "not a regular expression"),
        ("hedge,about,,,,sideways,,,", "bound"),
        ("vague,lots,,9,1,,,,", "low <= high"),
        ("period,lately,,,,,whenever,,", "rule"),
    ],
)
def test_a_broken_lexicon_row_is_refused_with_its_line(row, message):
    with pytest.raises(DataFormatError, match=rf"line 2: .*{message}|{message}"):
        parse_lexicon("kind,pattern,quantity,low,high,bound,rule,priority,note\n" + row + "\n")


# --- verdicts through the public assess machinery ------------------------------------------------


def test_verdicts_are_those_of_assess_and_unknown_quantities_are_listed():
    claims = extract_claims(
        "In 1937-1938, 7 million people were shot. In 1934, 1,966 delegates met.", "t.txt"
    )
    verdicts = judge_frame(claims_frame(claims))
    assert verdicts["verdict"].tolist() == [
        gulagstats.assess("executions", 7_000_000, period="1937/1938").verdict,
        NO_SERIES,
    ]
    assert "no archival series" in verdicts["explanation"].iloc[1]


@needs_texts
def test_claims_csv_runs_again_through_assess_file(tmp_path, cli):
    code, out, err = cli("factcheck", *map(str, SEEDS), "--out", str(tmp_path / "fc"))
    assert code == 0, err
    claims = pd.read_csv(tmp_path / "fc" / "claims.csv", dtype=str, keep_default_na=False)
    assert list(claims.columns) == CLAIM_COLUMNS
    code, out, err = cli("assess", "--file", str(tmp_path / "fc" / "claims.csv"))
    assert code == 0
    again = pd.read_csv(__import__("io").StringIO(out), dtype=str, keep_default_na=False)
    first = pd.read_csv(tmp_path / "fc" / "verdicts.csv", dtype=str, keep_default_na=False)
    judged = first["verdict"] != NO_SERIES
    assert len(again) == len(first) == len(claims)
    assert (again["verdict"][judged] == first["verdict"][judged]).all()
    assert (again["error"][~judged].str.contains("unknown quantity")).all()


@needs_texts
def test_the_seed_texts_contradict_each_other_on_delegates_committee_and_defendants():
    result = factcheck(SEEDS)
    found = {
        (r.quantity, r.first_mention, r.second_mention) for r in result.contradictions.itertuples()
    }
    assert ("party_congress_delegates", "1,225", "1,966") in found
    assert ("central_committee_members_repressed", "98", "78") in found
    assert any(q == "trial_defendants" for q, _, _ in found)
    assert (result.contradictions["scope"] == "across texts").all()


def test_restating_a_number_is_not_a_contradiction():
    f = claims_frame(
        extract_claims("In 1934, 1,966 delegates met.", "a.txt")
        + extract_claims("In 1934, 1,966 delegates met.", "b.txt")
    )
    assert contradictions(f).empty


# --- evaluation on the labelled set --------------------------------------------------------------


@needs_texts
def test_labelled_set_is_well_formed():
    rows = list(csv.DictReader(LABELS.open(encoding="utf-8")))
    assert len(rows) >= 100
    for r in rows:
        assert r["file"] in {"000", "001", "002", "003", "004"} and int(r["line"]) > 0
        assert r["low"] or r["high"], r
        text = (
            next(p for p in SEEDS if p.name.startswith(r["file"]))
            .read_text(encoding="utf-8")
            .split("\n")[int(r["line"]) - 1]
        )
        number = r["mention"].split()[-1]
        assert number.lower() in text.lower(), (r["line"], r["mention"])


@needs_texts
def test_extraction_meets_the_goal_on_the_labelled_set():
    labels = pd.read_csv(LABELS, dtype=str, keep_default_na=False)
    claims = [c for p in SEEDS for c in extract_claims(read_article(p), p.name)]
    e = evaluate(labels, claims, judge=False)
    assert e.recall >= 0.90, e.misses
    assert e.precision >= 0.80, e.false_positives
    assert e.quantity_agreement >= 0.75


# --- hostile inputs: one line, exit 2 ---------------------------------------------------------


def _hostile(tmp_path: Path, kind: str) -> Path:
    p = tmp_path / f"{kind}.txt"
    if kind == "empty":
        p.write_text("  \n\n", encoding="utf-8")
    elif kind == "binary":
        p.write_bytes(bytes(range(256)) * 4)
    elif kind == "huge":
        line = b"Over 100 party members were shot in 1937.\n"
        p.write_bytes(line * (50 * 1024 * 1024 // len(line) + 1))  # 50 MB of real text
    elif kind == "latin1":
        p.write_bytes("Über 100 Menschen wurden erschossen, 1937 - Ça".encode("latin-1"))
    elif kind == "missing":
        pass
    elif kind == "directory":
        p.mkdir()
    return p


@pytest.mark.parametrize("kind", ["empty", "binary", "huge", "latin1", "missing", "directory"])
@needs_texts
def test_hostile_files_give_one_line_and_exit_2(tmp_path, kind):
    bad = _hostile(tmp_path, kind)
    result = run_subprocess("factcheck", str(SEEDS[1]), str(bad), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert bad.name in result.stderr
    assert not (tmp_path / "out").exists()


def test_input_errors_are_package_and_builtin_errors(tmp_path):
    with pytest.raises(FactcheckInputError) as info:
        read_article(_hostile(tmp_path, "binary"))
    assert isinstance(info.value, GulagstatsError) and isinstance(info.value, ValueError)


@needs_texts
def test_an_output_path_that_is_a_file_is_one_line(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("x", encoding="utf-8")
    result = run_subprocess("factcheck", str(SEEDS[1]), "--out", str(blocker))
    assert (
        result.returncode == 2
        and len(result.stderr.strip().splitlines()) == 1
        and "Traceback" not in result.stderr
    )


def test_html_and_markdown_inputs(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(
        "<html><body><p>In 1937-1938,\n<b>7 million</b> people were shot.</p></body></html>",
        encoding="utf-8",
    )
    c = factcheck([page]).claims
    assert [(x.quantity, x.low, x.line) for x in c] == [("executions", 7e6, 2)]


# --- the annotated page in a headless browser ----------------------------------------------------


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        if found := shutil.which(name):
            return found
    return None


@needs_texts
def test_annotated_page_in_headless_chromium(tmp_path, cli):
    browser = _chromium()
    if browser is None:
        if any(shutil.which(m) for m in ("apt-get", "dnf", "yum", "apk", "brew", "pacman")):
            pytest.fail(
                "chromium is not installed but a package manager is: install chromium "
                "to run this test"
            )
        pytest.skip("no chromium and no package manager to install it")
    code, _out, err = cli("factcheck", *map(str, SEEDS), "--out", str(tmp_path / "fc"))
    assert code == 0, err
    verdicts = pd.read_csv(tmp_path / "fc" / "verdicts.csv", dtype=str, keep_default_na=False)
    page = (tmp_path / "fc" / "factcheck.html").resolve()
    dom = page_dom(page.as_uri(), executable=browser)
    body = dom[dom.index("<body") : dom.index(">", dom.index("<body"))]
    assert 'data-checked="yes"' in body  # the page's own script ran
    assert f'data-marks="{len(verdicts)}"' in body and f'data-listed="{len(verdicts)}"' in body
    assert 'data-broken="0"' in body
    for claim in verdicts.head(20).itertuples():
        assert f'id="{claim.id}"' in dom and claim.verdict in dom
    assert "contradictions between claims" in dom


def test_a_regional_claim_is_passed_to_assess_with_its_region():
    claims = extract_claims("In Astrakhan in March 1919, over four thousand were killed.", "t.txt")
    assert [c.region for c in claims] == ["Astrakhan"]
    verdicts = judge_frame(claims_frame(claims))
    assert verdicts["verdict"].tolist() == ["not_comparable"]
    assert claims_frame(extract_claims("Over 100 were shot in 1937.", "t.txt"))[
        "region"
    ].tolist() == ["USSR"]


def test_hostile_text_stays_linear():
    import time

    start = time.perf_counter()  # below: one 300 kB sentence, a digit run, a name list
    claims = extract_claims("1,000 " * 50_000 + "were shot in 1937.", "t.txt")
    extract_claims("1" * 500_000, "t.txt")
    extract_claims("Kamenev Zinoviev " * 20_000 + "and 15 others were tried", "t.txt")
    assert time.perf_counter() - start < 30  # about 3 s here; quadratic code took minutes
    assert len(claims) > 0
