"""Errata, dash zeros and corrected labels: each proved by the identity or total it restores."""

from __future__ import annotations

import pandas as pd
import pytest

import gulagstats

PARTS = [
    "sentenced_to_death",
    "sentenced_to_camps_colonies_prisons",
    "sentenced_to_exile",
    "sentenced_other",
]


@pytest.fixture(scope="module")
def sentences() -> pd.DataFrame:
    return gulagstats.load("nkvd_sentences")


def _value(frame: pd.DataFrame, period: str, measure: str, preferred: bool = True) -> float:
    rows = frame[
        (frame.period == period) & (frame.measure == measure) & (frame.preferred == preferred)
    ]
    assert len(rows) >= 1, (period, measure)
    return float(rows.value.iloc[0])


@pytest.mark.parametrize(
    ("year", "measure", "printed", "corrected"),
    [
        ("1932", "sentenced_to_death", 22728, 2728),
        ("1941", "sentenced_to_death", 8011, 8001),
        ("1938", "sentenced_to_exile", 16342, 16842),
        ("1948", "sentenced_total", 73263, 73269),
    ],
)
def test_each_misprint_is_corrected_by_its_row_identity(
    sentences, year, measure, printed, corrected
):
    cell = sentences[(sentences.period == year) & (sentences.measure == measure)]
    chosen = cell[cell.preferred]
    assert (
        len(chosen) == 1
        and chosen.status.iloc[0] == "corrected"
        and chosen.value.iloc[0] == corrected
    )
    assert "corrected from the printed" in chosen.note.iloc[0]
    kept = cell[~cell.preferred]  # the printed value stays, with the source that printed it
    assert list(kept.value) == [printed] and list(kept.source) == ["lewin_kurashvili"]
    # the proof: the row adds up with the corrected value, and not with the printed one
    parts = sum(_value(sentences, year, m) for m in PARTS)
    assert parts == _value(sentences, year, "sentenced_total")
    printed_parts = parts - (corrected - printed) * (measure != "sentenced_total")
    printed_total = (
        printed if measure == "sentenced_total" else _value(sentences, year, "sentenced_total")
    )
    assert printed_parts != printed_total


def test_the_death_sentence_column_sums_to_both_printed_totals(sentences):
    column = sentences[sentences.preferred & (sentences.measure == "sentenced_to_death")]
    years = column[column.period.str.fullmatch(r"\d{4}")]
    half = column[column.period == "1953-01-01/1953-06-30"]
    assert (
        len(years) == 32 and len(half) == 1
    )  # 1921-1952 (the dashes of 1948-1949 as zeros), 1953 to June
    assert int(years.value.sum() + half.value.sum()) == 799455  # the printed 1921-1953 total
    assert (
        int(years[(years.period >= "1930") & (years.period <= "1952")].value.sum()) == 775866
    )  # GRZ l.67
    printed = sentences[
        (sentences.measure == "sentenced_to_death") & (sentences.period == "1921/1953-06-30")
    ]
    assert 799455 in set(printed.value)


@pytest.mark.parametrize(
    ("year", "measure"),
    [
        ("1948", "sentenced_to_death"),
        ("1949", "sentenced_to_death"),
        ("1923", "sentenced_other"),
        ("1924", "sentenced_other"),
    ],
)
def test_printed_dashes_are_zeros_because_their_rows_add_up(sentences, year, measure):
    cell = sentences[(sentences.period == year) & (sentences.measure == measure)]
    assert len(cell) == 1 and cell.value.iloc[0] == 0 and cell.status.iloc[0] == "corrected"
    assert "printed '\u2013'" in cell.locator.iloc[0]
    assert sum(_value(sentences, year, m) for m in PARTS) == _value(
        sentences, year, "sentenced_total"
    )


def test_executions_across_the_dash_years_are_now_judged():
    a = gulagstats.assess("executions", 775866, period="1930/1952")
    assert a.verdict == "consistent" and a.benchmark is not None and a.benchmark.low == 775866
    a = gulagstats.assess("executions", 800000, period="1946/1950")
    assert a.verdict == "overstates"


def test_rayfield_is_an_alternative_printing_of_the_1937_1938_total(sentences):
    cell = sentences[(sentences.period == "1937/1938") & (sentences.measure == "sentenced_total")]
    rayfield = cell[cell.source == "rayfield2004"]
    assert list(rayfield.value) == [1444923] and not rayfield.preferred.iloc[0]
    assert cell[cell.preferred].value.iloc[0] == 1344923 == 790665 + 554258
    assert (sentences.measure != "convicted_counterrevolutionary").all()


def test_population_labels_follow_the_appendix_note():
    appendix = gulagstats.load("appendix")
    politicals = appendix[
        (appendix.period == "1950-01-01")
        & (appendix.measure == "counterrevolutionaries")
        & appendix.value.notna()
    ]
    assert set(politicals.population) == {"camps_and_colonies"}
    davies = appendix[appendix.source == "davies1997"]
    assert set(davies.population) == {"camps_and_colonies"}
    early = appendix[
        appendix.period.isin(["1930-01-01", "1931-01-01", "1932-01-01"])
        & (appendix.source == "applebaum2003")
    ]
    assert set(early.population) == {
        "gulag_camps"
    }  # OGPU camps: colonies joined the GULAG in late 1934
    mortality = gulagstats.load("mortality_certificate")
    m1934 = mortality[(mortality.period == "1934") & (mortality.measure == "deaths")]
    assert set(m1934.population) == {"gulag_camps"}
    assert round(25187 / 586477 * 100, 2) == pytest.approx(
        4.29
    )  # the printed 4.28: camps' list strength


def test_composition_flags_and_the_adjusted_1946_colonies():
    appendix = gulagstats.load("appendix")
    colonies = appendix[(appendix.population == "labor_colonies") & (appendix.measure == "inmates")]
    flags = dict(
        zip(
            colonies.period + colonies.category.fillna(""),
            colonies.composition.fillna(""),
            strict=True,
        )
    )
    assert (
        flags["1938-01-01"] == "includes_prisons" and flags["1946-01-01"] == "includes_noncustodial"
    )
    assert {f for p, f in flags.items() if p[:4] not in ("1938", "1946")} <= {""}
    adjusted = colonies[(colonies.period == "1946-01-01") & (colonies.category == "in_detention")]
    assert adjusted.status.iloc[0] == "derived" and adjusted.value.iloc[0] == 956224 - 444500


def test_the_census_population_makes_grz_077_percent_checkable():
    table = gulagstats.load("ussr_population")
    assert (table.status == "confirmed").all() and table.locator.str.len().gt(8).all()
    whole = table[(table.population == "ussr") & (table.category.fillna("") == "") & table.preferred]
    population = whole.set_index("period")
    camps = gulagstats.load("appendix", wide=True).loc["1939", "gulag_camps inmates"]
    # GRZ line 93: 'in early 1939, when GULAG inmates made up 0.77 percent of the country's population'
    assert round(100 * camps / population.loc["1939-01-17", "value"], 2) == 0.77
    # and with the other 1939 total (the Wikipedia summary's 170,557,093) as well
    other = table[(table.period == "1939-01-17") & (table.population == "ussr") & (table.category.fillna("") == "") & ~table.preferred]
    assert round(100 * camps / other.value.iloc[0], 2) == 0.77
