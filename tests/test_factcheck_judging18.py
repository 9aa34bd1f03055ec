"""Round 18 (issue 20): contradictions of the quantity judged, a user's hedges in the sentence split.

- contradictions group claims by the quantity each was judged by (:func:`~gulagstats.factcheck.bounds.judged_quantities`):
  a number read as deaths in camps and colonies but judged as the record's own count of the camps' deaths
  (the narrower reading of its words) is no rival of another text's count of deaths in camps and colonies;
- a user's ``--lexicon`` hedges reach :func:`~gulagstats.factcheck.sentences.stray_point` (the resources
  the run uses are handed down, no module state).

Sentences are invented, of the shapes seen on dev; each rule has a near miss that must not trigger it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from gulagstats.core.record import resolve
from gulagstats.factcheck.bounds import judged_quantities
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import factcheck
from gulagstats.factcheck.sentences import split, stray_point

DATA = Path(__file__).resolve().parents[1] / "data"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- contradictions of the quantity judged ---------------------------------------------------------------


def test_a_claim_judged_as_the_narrower_quantity_is_no_rival_of_the_wider(tmp_path):
    # "died in the Gulag" read as camps and colonies; the number is the camps' own count (GRZ 1993), so it is
    # judged as deaths in the camps, and a count of deaths in camps and colonies elsewhere does not contradict it
    a = _write(
        tmp_path,
        "a.txt",
        "Archival files show that 1,053,829 prisoners died in the Gulag between 1934 and 1953.\n",
    )
    b = _write(
        tmp_path,
        "b.txt",
        "Between 1934 and 1953, some 1.6 million prisoners died in the Gulag, historians say.\n",
    )
    result = factcheck([a, b])
    mine = result.verdicts.set_index("file")
    assert mine.at["a.txt", "quantity"] == "gulag_deaths"  # the reading is left as it is
    assert mine.at["a.txt", "benchmark_id"].startswith("camp_deaths_appendix")
    assert result.contradictions.empty, result.contradictions.to_dict("records")


def test_claims_judged_by_the_same_quantity_still_contradict(tmp_path):
    # near miss: two counts of deaths in camps and colonies, far apart, are still a contradiction
    a = _write(
        tmp_path, "a.txt", "Between 1934 and 1953, some 1.6 million prisoners died in the Gulag.\n"
    )
    b = _write(
        tmp_path, "b.txt", "Between 1934 and 1953, some 4 million prisoners died in the Gulag.\n"
    )
    found = factcheck([a, b]).contradictions
    assert found["quantity"].tolist() == ["gulag_deaths"], found.to_dict("records")


def test_judged_quantities_take_only_a_narrower_reading():
    record = resolve(None)
    verdicts = pd.DataFrame(
        {
            "quantity": ["gulag_deaths", "camp_deaths", "executions", "gulag_population"],
            "benchmark_id": [
                "camp_deaths_appendix:1934/1953",  # narrower: taken
                "gulag_deaths_certificate:1937/1938:sum",  # wider: the reading stays
                "",  # not judged: the reading stays
                "camp_deaths_appendix:1938",  # another quantity altogether, not a reading of it: stays
            ],
        },
        index=[3, 5, 7, 9],
    )
    got = judged_quantities(verdicts, record)
    assert got.index.tolist() == [3, 5, 7, 9]
    assert got.tolist() == ["camp_deaths", "camp_deaths", "executions", "gulag_population"]


# --- a user's hedges in the sentence split ------------------------------------------------------------------


def _with_hedge(tmp_path: Path, phrase: str) -> Path:
    mine = tmp_path / "lexicon.csv"
    mine.write_text(
        (DATA / "factcheck" / "lexicon.csv").read_text(encoding="utf-8")
        + f"en,hedge,{phrase},,low,,,,,a user's hedge (test)\n",
        encoding="utf-8",
    )
    return mine


def test_a_user_hedge_changes_the_sentence_split(tmp_path):
    text = "The camps held upwards of fully 2. 4 million prisoners by 1950."
    at = text.index("2.") + 1
    packaged = load_resources()
    own = load_resources(_with_hedge(tmp_path, "upwards of fully"))
    assert not stray_point(text, at, packaged)
    assert stray_point(text, at, own)
    assert len(split(text, packaged)) == 2
    assert [s.text for s in split(text, own)] == [text]
    # near miss: a year before the point is no hedge, whatever the lexicon ("by 1937. 4 million were ...")
    year = "Arrests rose by 1937. 4 million were held later."
    assert len(split(year, own)) == 2


def test_a_user_hedge_reaches_the_run(tmp_path):
    article = _write(
        tmp_path, "a.txt", "In 1950 the camps held upwards of fully 2. 4 million prisoners.\n"
    )
    packaged = factcheck([article]).claims
    own = factcheck([article], lexicon=_with_hedge(tmp_path, "upwards of fully")).claims
    assert "2,400,000" not in packaged["low"].tolist() and "2400000" not in packaged["low"].tolist()
    assert own["sentence"].str.contains("2. 4 million", regex=False).any()
    assert len(own["sentence"].unique()) == 1


# --- explanations a journalist can publish ------------------------------------------------------------------


def _explained(text: str) -> list[tuple[str, str]]:
    from gulagstats.factcheck.judgment import claims_frame, judge
    from gulagstats.factcheck.run import check_text

    v = judge(claims_frame(check_text(text, "a.txt").frames))
    return list(zip(v["verdict"], v["explanation"]))


def test_a_floor_just_below_the_claim_is_said_in_percent():
    # "a floor about 1.0 times below the claim" said nothing; a floor within twice the claim is said in percent
    [(verdict, said)] = _explained("In 1935-1940, 700,000 people were shot by the NKVD.")
    assert verdict == "not_contradicted"
    assert "a floor 2% below the claim" in said and "1.0 times" not in said
    assert (
        "status derived" in said and "688,240" in said and "1935-1940" in said
    )  # benchmark, status, period
    # near miss: a floor far below the claim keeps its factor
    [(_, far)] = _explained("In 1935-1940, 7 million people were shot by the NKVD.")
    assert "a floor about 10 times below the claim" in far


def test_a_reading_met_names_the_range_it_met_not_its_ceiling():
    # met under the whole years: the range shown is the benchmark's (1,575,259 to 2,500,000), not its ceiling
    # alone (which the claim is far below); the first reading is said in words
    [(verdict, said)] = _explained(
        "Between October 1936 and November 1938 the NKVD arrested 1,560,000 people."
    )
    assert verdict == "consistent"
    assert said.startswith(
        "Consistent read as 1937-1938 (the record's 1,575,259 to 2,500,000); "
        "as first read (arrests, 1 October 1936 to 30 November 1938), not contradicted."
    ), said
    # near miss: a point benchmark shows its one value
    [(_, point)] = _explained("From December 1936 to November 1938 some 720,000 people were shot.")
    assert point.startswith("Consistent read as 1937-1938 (the record's 681,692); ")


def test_the_readings_compared_are_counted_in_words():
    # "(2)" at the end of a sentence read as a footnote; the count is said in words
    [(verdict, said)] = _explained("In 1937-1938, some 700,000 people were shot by the NKVD.")
    assert verdict == "consistent"
    assert "The verdict holds under each of the 2 readings and published values compared." in said
    assert "compared (2)" not in said
