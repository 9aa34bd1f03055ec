"""Round 19 (issue 20): the verdict shown when a claim's readings disagree; the page's glossary.

- a ``not_contradicted`` becomes ``consistent`` under another reading of its own words only where that
  reading counts the same kind of thing (a flow, a stock) as the first
  (:func:`~gulagstats.factcheck.other_readings.met_under_another_reading`): a count of persons repressed
  over three years is not made ``consistent`` by the Gulag's population summed over them;
- a named period that a ``peak`` verb of the lexicon makes the peak of what the sentence counts ("the purges
  that peaked during the Great Terror") does not date a verdict
  (:func:`~gulagstats.factcheck.readings.named_as_peak`), whichever way the gate is set;
- factcheck.html explains its words (:mod:`~gulagstats.factcheck.glossary`): every status that occurs in the
  record's tables, every bound of a benchmark rule and every verdict the page gives has an entry;
- explanations say a reading met and a rate's period in words, not as codes.

Sentences are invented, of the shapes seen on dev; each rule has a near miss that must not trigger it.
"""

from __future__ import annotations

import csv
from pathlib import Path

from gulagstats.factcheck.glossary import PAGE_VERDICTS, entries, glossary_html
from gulagstats.factcheck.judgment import claims_frame, judge
from gulagstats.factcheck.page import render_page
from gulagstats.factcheck.readings import OPEN_GATE
from gulagstats.factcheck.run import check_text, factcheck
from gulagstats.vocabulary import DICTIONARY

DATA = Path(__file__).resolve().parents[1] / "data"


def _verdicts(text: str, gate=None) -> dict[str, tuple[str, str]]:
    frames = claims_frame(check_text(text, "a.txt").frames)
    v = judge(frames) if gate is None else judge(frames, gate=gate)
    return {str(r["mention"]): (str(r["verdict"]), str(r["explanation"])) for _, r in v.iterrows()}


# --- readings of another kind -----------------------------------------------------------------------


def test_a_flow_met_only_as_a_stock_stays_not_contradicted():
    said = _verdicts(
        "From 1936 to 1938, several million more people were executed or imprisoned in the Gulag."
    )
    verdict, explanation = said["several million"]
    assert verdict == "not_contradicted"
    assert "persons repressed" in explanation
    assert "no evidence for the first reading" in explanation


def test_a_reading_of_another_period_still_meets_the_record():
    # near miss: the whole years of a span (the same quantity) are the same kind of count
    verdict, explanation = _verdicts(
        "Between the winter of 1936 and the autumn of 1938 about 700,000 people were shot."
    )["about 700,000"]
    assert verdict == "consistent"
    assert explanation.startswith("Consistent read as 1937-1938")


def test_a_narrower_reading_of_the_same_kind_still_meets_the_record():
    # near miss: deaths in the camps for deaths in camps and colonies (both flows)
    verdict, explanation = _verdicts("In 1934, some 25,000 prisoners died in the Gulag camps.")["some 25,000"]
    assert verdict == "consistent"
    assert explanation.startswith("Consistent read as deaths in the camps")


def test_readings_that_truly_conflict_are_not_judged():
    # a flag under one reading and a meeting under another: no verdict
    verdict, _ = _verdicts("In 1937-1938, two million more people were shot or imprisoned in the Gulag.")[
        "two million"
    ]
    assert verdict == "not_judged"


# --- a named period named as a peak ---------------------------------------------------------------------


def test_a_named_period_that_is_the_peak_does_not_date_a_flag():
    text = (
        "Stalin ruled from 1924 to 1953. Over a million people were shot in the repressions that peaked "
        "during the Great Terror."
    )
    verdict, _ = _verdicts(text, OPEN_GATE)["over a million"]
    assert verdict == "not_judged"
    frames = claims_frame(check_text(text, "a.txt").frames)
    reason = judge(frames, gate=OPEN_GATE)["reason"].iloc[-1]
    assert reason.startswith("period unclear: 'peaked' makes 'Great Terror' (1937-1938) the peak")


def test_a_russian_named_period_that_is_the_peak_does_not_date_a_flag():
    said = _verdicts(
        "Более миллиона человек были расстреляны в ходе репрессий, достигших пика в годы Большого террора.",
        OPEN_GATE,
    )
    assert said["более миллиона"][0] == "not_judged"


def test_the_height_of_a_named_period_dates_the_number_itself():
    # near misses: "at the height of" and a peak said after the number's own named period
    for text in (
        "Stalin ruled from 1924 to 1953. Over a million people were shot at the height of the Great Terror.",
        "Stalin ruled from 1924 to 1953. Over a million people were shot during the Great Terror, which peaked "
        "in 1937.",
    ):
        assert _verdicts(text, OPEN_GATE)["over a million"][0] == "overstates"


# --- the page's glossary ------------------------------------------------------------------------------


def _words(heading: str) -> set[str]:
    return {w for h, words in entries() if h == heading for w, _ in words}


def test_every_status_of_the_record_s_tables_is_explained():
    seen = set()
    for path in sorted((DATA / "tables").glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            if "status" in (reader.fieldnames or []):
                seen |= {row["status"] for row in reader if row["status"]}
    assert seen, "the record's tables have a status column"
    labels = {DICTIONARY["status"][s]["label"] for s in seen}
    assert labels <= _words("Status of the record's figure")


def test_every_bound_of_a_benchmark_rule_and_every_verdict_is_explained():
    with open(DATA / "benchmark_rules.csv", newline="", encoding="utf-8") as handle:
        bounds = {row["bound"] for row in csv.DictReader(handle) if row["bound"]}
    assert bounds <= set(DICTIONARY["bound"])
    assert {"floor", "ceiling", "point", "range"} <= _words("Bound of the record's figure")
    verdicts = _words("Verdicts")
    assert {v.replace("_", " ") for v in PAGE_VERDICTS} | {"not judged"} <= verdicts
    assert all(m and "check:" not in m for _, words in entries() for _, m in words)


def test_the_page_carries_the_glossary_in_one_column(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("In 1937-1938, 7 million people were shot.", encoding="utf-8")
    page = render_page(factcheck([str(text)]))
    assert glossary_html() in page and "href='#glossary'" in page
    glossary = page[page.index("<section id='glossary'>") : page.index("<section id='texts'>")]
    assert "<table" not in glossary  # a definition list: no wide table at 400 px


# --- explanations a journalist can quote ----------------------------------------------------------------


def test_a_rate_multiplied_out_names_its_period_in_words():
    _, said = _verdicts("From 1936 to 1940, about 1,000 people a day were shot throughout the USSR.")[
        "about 1,000"
    ]
    assert said.startswith("A rate of about 1,000 a day over 1936-1940 (1,827 days) is judged as the count")
    assert "1936/1940 (" not in said
