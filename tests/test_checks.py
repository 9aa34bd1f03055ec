"""The consistency checks: the real findings, computed from the data, and the report."""

from __future__ import annotations

import csv
import io
import json

import pytest

import gulagstats
from gulagstats.checks import UnknownFamilyError, UnknownVerdictError
from gulagstats.checks.engine import Reading, Tolerance, tolerance_for, verdict_of
from gulagstats.core.cells import Cell, CellIndex

from .conftest import PROSE, ROOT, needs_texts


@pytest.fixture(scope="module")
def results():
    return {r.id: r for r in gulagstats.check_results()}


@pytest.fixture(scope="module")
def figures():
    return gulagstats.load("grz_text_figures")


@pytest.fixture(scope="module")
def appendix():
    frame = gulagstats.load("appendix")
    return frame[frame["preferred"]]


def cell(appendix, period, population, measure):
    row = appendix[(appendix.period == period) & (appendix.population == population) & (appendix.measure == measure)]
    return int(row.value.iloc[0])


def prose_result(results, figures, quantity, period, population, number=0):
    """The check of a figure of the prose, found by what it states (ids follow the prose's order)."""
    rows = figures[(figures.quantity == quantity) & (figures.period == period) & (figures.population == population)]
    assert len(rows) > number, f"no figure {quantity} {period} {population} in grz_text_figures"
    return results[f"prose.{rows.id.iloc[number]}"]


def test_the_1937_increase_is_off_by_one(results, figures, appendix):
    r = prose_result(results, figures, "inmates_change", "1937", "gulag_camps")
    computed = cell(appendix, "1938-01-01", "gulag_camps", "inmates") - cell(
        appendix, "1937-01-01", "gulag_camps", "inmates")
    assert computed == 175486
    assert (r.expected, r.observed, r.difference) == (175487, computed, -1)
    assert r.verdict == "discrepancy" and r.tolerance == 0
    assert {(c.period, c.value) for c in r.cells} == {("1937-01-01", 820881), ("1938-01-01", 996367)}
    assert "175,487" in r.expectation and "line 61" in r.location


def test_the_1938_increase_holds_exactly(results, figures, appendix):
    r = prose_result(results, figures, "inmates_change", "1938", "gulag_camps")
    assert r.observed == r.expected == 320828
    assert r.observed == cell(appendix, "1939-01-01", "gulag_camps", "inmates") - cell(
        appendix, "1938-01-01", "gulag_camps", "inmates")
    assert r.verdict == "consistent"


def test_escapes_sum_exactly_and_are_unconfirmed(results, figures, appendix):
    r = prose_result(results, figures, "escapes", "1934/1953", "gulag_camps")
    years = appendix[(appendix.measure == "escapes") & (appendix.period.str.len() == 4)
                     & (appendix.period >= "1934")]  # 1933 (Applebaum) precedes GRZ's series
    assert len(years) == 20 and int(years.value.sum()) == 378375
    assert r.observed == r.expected == 378375 and r.verdict == "consistent"
    assert len(r.cells) == 20 and {c.status for c in r.cells} == {"unconfirmed"}
    assert "20 of the values used are unconfirmed" in r.note


def test_deaths_1934_1953_differ_from_the_prose_with_either_1952_value(results, figures, appendix):
    r = prose_result(results, figures, "deaths", "1934/1953", "gulag_camps")
    years = appendix[(appendix.measure == "deaths") & (appendix.population == "gulag_camps")
                     & (appendix.period.str.len() == 4)]
    assert int(years.value.sum()) == 1054050
    assert (r.expected, r.observed, r.difference) == (1053829, 1054050, 221)
    other_1952 = next(a for a in r.alternatives if a.cell.period == "1952")
    assert (other_1952.cell.value, other_1952.observed, other_1952.difference) == (13806, 1057031, 3202)
    assert other_1952.verdict == "discrepancy"
    # discrepant with every published value, so the source does not decide it: a discrepancy
    assert {a.verdict for a in r.alternatives} == {"discrepancy"} and r.verdict == "discrepancy"
    span = results["identities.span.appendix.gulag_camps.deaths.1934/1953"]
    assert (span.expected, span.observed, span.verdict) == (1053829, 1054050, "discrepancy")


def test_camps_colonies_and_prisons_make_the_custodial_total_of_1939(results, figures):
    r = results["identities.components.appendix.all_custodial.inmates.1939-01-01"]
    assert r.observed == r.expected == 2022976 and r.preferred_verdict == "consistent"
    parts = {c.population: c.value for c in r.cells if c.population != "all_custodial"}
    assert parts == {"gulag_camps": 1317195, "labor_colonies": 355243, "prisons": 350538}
    # Davies' 1,668,000 "including all types of prisoner" is camps + colonies (1,672,438), not
    # another value of this total (tools/curated/relabel.csv): the identity no longer depends on it
    assert "davies1997" not in {a.cell.source for a in r.alternatives} and r.verdict == "consistent"
    prose = prose_result(results, figures, "inmates", "1939-01-01", "all_custodial")
    assert prose.observed == 2022976 and prose.verdict == "consistent"
    assert "grz1993" not in {c.source for c in prose.cells}  # the prose is not evidence for itself


def test_population_rose_in_14_years_and_fell_in_5_of_19_known(results, figures, appendix):
    rising = prose_result(results, figures, "years_rising", "1934/1953", "gulag_camps")
    falling = prose_result(results, figures, "years_falling", "1934/1953", "gulag_camps")
    days = sorted(appendix[(appendix.measure == "inmates") & (appendix.population == "gulag_camps")
                           & appendix.period.str.endswith("-01-01")].itertuples(), key=lambda r: r.period)
    counts = dict(zip([d.period for d in days], [int(d.value) for d in days]))
    steps = [(counts[f"{y}-01-01"], counts[f"{y + 1}-01-01"]) for y in range(1934, 1953)]
    assert sum(b > a for a, b in steps) == 14 and sum(b < a for a, b in steps) == 5
    assert "1954-01-01" not in counts
    assert (rising.observed, falling.observed) == (14, 5)
    assert "1953→1954 cannot be computed" in falling.note and "between 5 and 6" in falling.note
    assert rising.preferred_verdict == falling.preferred_verdict == "consistent"
    # with pl.wiki's 746,871 for 1946 the population rises in 1945 and 1946: 15 rising years
    for r in (rising, falling):
        plwiki = next(a for a in r.alternatives if a.cell.value == 746871)
        assert plwiki.verdict == "discrepancy" and r.verdict == "depends_on_source"
    assert next(a for a in rising.alternatives if a.cell.value == 746871).observed == 15


def test_more_than_half_of_deaths_in_1941_1943_does_not_hold(results, figures, appendix):
    r = prose_result(results, figures, "deaths_share_of_period", "1941/1943", "gulag_camps")
    deaths = appendix[(appendix.measure == "deaths") & (appendix.population == "gulag_camps")]
    war = deaths[deaths.period.isin(["1941", "1942", "1943"])].value.sum()
    whole = deaths[deaths.period.str.len() == 4].value.sum()
    assert int(war) == 516841
    assert r.expected == 50 and r.relation == "lower_bound"
    assert r.observed == pytest.approx(100 * war / whole) and r.observed == pytest.approx(49.03, abs=0.01)
    assert r.verdict == "discrepancy"


def test_more_fled_than_died_in_every_year_before_1938(results, appendix):
    r = results["prose.L168.more_fled_than_died"]
    for year in ("1934", "1935", "1936", "1937"):
        assert cell(appendix, year, "gulag_camps", "escapes") > cell(appendix, year, "gulag_camps", "deaths")
    assert r.observed == 0 and r.verdict == "consistent"
    assert "In any year before 1938" in r.expectation and "line 168" in r.location
    assert {c.measure for c in r.cells} == {"escapes", "deaths"} and len(r.cells) == 8


def test_executions_1937_1938_and_the_kinds_of_sentence(results):
    r = results["identities.span.nkvd_sentences.cases_of_secret_police.sentenced_to_death.1937/1938"]
    assert (r.observed, r.expected, r.verdict) == (681692, 681692, "consistent")
    # the reprint's 1932 row: with its printed 22,728 the kinds of sentence add up to 20,000 more
    # than its total; the corrected 2,728 (tools/curated/errata.csv) restores it
    r = results["identities.parts.nkvd_sentences.cases_of_secret_police.sentenced_total.1932"]
    assert (r.expected, r.observed, r.preferred_verdict) == (141919, 141919, "consistent")
    printed = next(a for a in r.alternatives if a.cell.value == 22728)
    assert printed.verdict == "discrepancy" and r.verdict == "depends_on_source"


def test_printed_shares_against_counts(results):
    r = results["identities.share.appendix_rates.gulag_camps.counterrevolutionaries_share.1939-01-01"]
    assert r.verdict == "within_rounding" and abs(r.difference) <= 0.05
    assert r.observed == pytest.approx(100 * 454432 / 1317195)
    r = results["identities.share.appendix_rates.gulag_camps.counterrevolutionaries_share.1946-01-01"]
    assert r.verdict == "discrepancy" and r.difference < -3


def test_printed_share_of_1937_depends_on_the_source(results):
    r = results["identities.share.appendix_rates.gulag_camps.counterrevolutionaries_share.1937-01-01"]
    assert r.preferred_verdict == "within_rounding" and r.observed == pytest.approx(100 * 104826 / 820881)
    printed = next(a for a in r.alternatives if a.cell.value == 12.6)
    assert printed.verdict == "discrepancy" and r.verdict == "depends_on_source"


def test_breakdowns_against_100():
    offences = gulagstats.load("offences_1940")
    r = {r.id: r for r in gulagstats.check_results(family="identities")}
    hundred = r["identities.hundred.offences_1940.gulag_camps_and_colonies.share_by_offence.1940-03-01"]
    assert hundred.observed == pytest.approx(float(offences.value.sum())) == pytest.approx(100)
    assert hundred.verdict in ("consistent", "within_rounding") and hundred.tolerance == pytest.approx(0.4)
    education = gulagstats.load("education_composition")
    shares_1934 = float(education[education.period == "1934-01-01"].value.sum())
    partial = r["identities.hundred.education_composition.gulag_camps.share_by_education.1934-01-01"]
    assert partial.observed == pytest.approx(shares_1934) and shares_1934 < 99
    assert partial.verdict == "not_checkable"  # a level of education is not in the data: no verdict


def test_sources_side_by_side(results):
    r = results["sources.gulag_camps.inmates.1946-01-01"]
    assert {(c.source, c.value) for c in r.cells} == {("blog_3ekc", 600897), ("plwiki_lagier", 746871)}
    assert (r.expected, r.observed, r.difference, r.verdict) == (600897, 746871, 145974, "discrepancy")
    assert results["sources.gulag_camps.deaths.1940"].verdict == "consistent"


def test_missing_cells_are_named_not_fatal(results, figures):
    r = prose_result(results, figures, "inmates_change", "1937/1938", "all_custodial")
    # the prisons of 1 January 1937 are missing, named; the known parts are a lower bound that decides it
    assert r.verdict == "discrepancy" and r.relation == "upper_bound" and r.observed == 826607
    assert any("prisons inmates 1937-01-01" in m for m in r.missing)
    unknown = [r for r in results.values() if r.verdict == "not_checkable"]
    assert unknown and all(r.missing or r.note for r in unknown)


def test_report_size_and_traceability(results, figures):
    assert len(results) >= 60
    prose = [r for r in results.values() if r.family == "prose"]
    assert 2 * len(prose) > len(results)
    assert {f"prose.{i}" for i in figures.id} <= set(results)  # every figure of the prose is checked or listed
    quotes = dict(zip("prose." + figures.id, figures.quote))
    for r in prose:
        assert r.id not in quotes or quotes[r.id] in r.expectation
        assert "GRZ prose line" in r.location
    for r in results.values():  # a rule of plausibility lists only the rows that break it
        assert r.verdict == "not_checkable" or r.family == "plausibility" or r.cells, r.id


def test_overlay_turns_a_consistent_check_into_a_discrepancy(tmp_path, results, figures):
    before = prose_result(results, figures, "inmates_change", "1938", "gulag_camps")
    assert before.verdict == "consistent"
    overlay = tmp_path / "altered.csv"
    overlay.write_text(
        "table,period,population,measure,category,unit,value,locator,note\n"
        "appendix,1939-01-01,gulag_camps,inmates,,persons,1317196,my reading,altered by one\n",
        encoding="utf-8",
    )
    after = {r.id: r for r in gulagstats.check_results(overlay=overlay, family="prose")}[before.id]
    assert (after.observed, after.difference, after.verdict) == (320829, 1, "discrepancy")
    used = next(c for c in after.cells if c.period == "1939-01-01")
    assert (used.status, used.value) == ("user", 1317196)
    assert after.alternatives == []  # the published value the overlay replaced is not an alternative


def test_filters_and_unknown_names():
    only = gulagstats.check_results(family="sources", verdict="discrepancy")
    assert only and {(r.family, r.verdict) for r in only} == {("sources", "discrepancy")}
    with pytest.raises(UnknownFamilyError, match="prose"):
        gulagstats.check(family="prosee")
    with pytest.raises(KeyError):
        gulagstats.check(verdict="wrong")
    with pytest.raises(UnknownVerdictError, match="discrepancy"):
        gulagstats.check(verdict="discrepancies")
    counts = gulagstats.summary(only)
    assert counts["discrepancy"] == counts["total"] == len(only)


def test_tolerances_and_judgement():
    assert tolerance_for(34.5, "percent", "exact", 1).value == pytest.approx(0.05)
    assert tolerance_for(315000, "persons", "approx").value == 1000
    assert tolerance_for(175487, "persons", "exact").value == 0
    exact = Tolerance(0.0, "")
    assert verdict_of(175487, "exact", Reading(175486, 175486), exact) == "discrepancy"
    assert verdict_of(34.5, "exact", Reading(34.49998, 34.49998), Tolerance(0.05, "")) == "within_rounding"
    assert verdict_of(775866, "lower_bound", Reading(796074, None), exact) == "consistent"  # a partial sum suffices
    assert verdict_of(100, "exact", Reading(94.4, None), exact) == "not_checkable"
    assert verdict_of(14, "exact", Reading(14, 15), exact) == "consistent"
    assert verdict_of(14, "exact", Reading(15, 16), exact) == "discrepancy"
    assert verdict_of(100000, "order_of_magnitude", Reading(681692, 681692), exact) == "consistent"


def test_plausibility_rules_catch_a_bad_row():
    from gulagstats.checks.plausibility import plausibility_checks

    clean = {r.id: r for r in plausibility_checks(CellIndex.load())}
    # no rule broken; the only undecided results are a part's flow whose whole lacks some days (said in the note)
    undecided = [r for r in clean.values() if r.verdict != "consistent"]
    assert all(".part_not_above_whole." in r.id and r.verdict == "not_checkable" and "would have to hold" in r.note
               for r in undecided)
    bad = Cell("appendix", "1929-01-01", "gulag_camps", "inmates", "", "persons", -5.0, "x", "user", True)
    share = Cell("appendix_rates", "1940-01-01", "gulag_camps", "counterrevolutionaries_share", "", "percent", 133.1,
                "x", "user", True)
    published = CellIndex.load()
    found = {r.id: r for r in plausibility_checks(published.with_rows([*published.rows, bad, share]))}
    assert found["plausibility.non_negative"].verdict == "discrepancy"
    assert found["plausibility.percent_range"].observed == 1
    assert found["plausibility.dates"].cells[0].period == "1929-01-01"


def test_cli_report_and_exit_status(cli):
    code, out, err = cli("check")
    assert code == 0 and err == ""
    assert out.rstrip().splitlines()[-1].startswith("summary: ")
    assert "== prose:" in out and "== identities:" in out and "175,486" in out
    code, _, _ = cli("check", "--strict")
    assert code == 1
    code, _, _ = cli("check", "--strict", "--family", "plausibility")
    assert code == 0


def test_cli_formats(cli):
    code, out, _ = cli("check", "--family", "sources", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["summary"]["total"] == len(data["results"]) > 0
    code, out, _ = cli("check", "--verdict", "discrepancy", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {r["verdict"] for r in rows} == {"discrepancy"} and rows[0]["cells"]
    code, out, _ = cli("check", "--family", "identities", "--format", "markdown")
    assert out.startswith("## identities") and "**Summary:**" in out


def test_cli_usage_errors_are_one_line(cli):
    for args in (("check", "--family", "prosee"), ("check", "--verdict", "bad")):
        code, out, err = cli(*args)
        assert code == 2 and out == "" and err.count("\n") == 1
    assert "'prose'" in cli("check", "--family", "prosee")[2]


def test_a_gap_carries_its_reason_so_no_code_reads_the_wording():
    import re
    from pathlib import Path

    from gulagstats.core.cells import CellIndex, MissingCell, View, reason_of
    from gulagstats.core.derive import span_sum
    from gulagstats.vocabulary import NO_CELL, NO_FINER_PERIODS, ONLY_ARTICLE

    view = View(CellIndex.load(), independent=True)
    with pytest.raises(MissingCell) as absent:
        view.value("1901", "gulag_camps", "deaths")
    assert [reason_of(m) for m in absent.value.missing] == [NO_CELL]
    with pytest.raises(MissingCell) as article:
        view.value("1932-01-01", "special_settlements", "inmates")
    (gap,) = article.value.missing
    assert reason_of(gap) == ONLY_ARTICLE and gap.endswith("(only GRZ's own statement: appendix, GRZ prose line 65)")
    with pytest.raises(MissingCell) as nothing:
        span_sum(view, "gulag_camps", "deaths", "1901/1902")
    assert reason_of(nothing.value.missing[0]) == NO_FINER_PERIODS
    source = "\n".join(p.read_text(encoding="utf-8") for p in [*(Path(__file__).parents[1] / "src/gulagstats/checks").glob("*.py"), *(Path(__file__).parents[1] / "src/gulagstats/core").glob("*.py")])
    assert not re.search(r"\"(no such cells?|overlap|not a span)\" (not )?in ", source)
    assert "locator[-" not in source  # a line reference is found, not sliced by position


def test_gulagstats_check_reads_the_cells_as_text_without_importing_pandas():
    """The checks need no DataFrame: the default text report runs on the csv module and pydantic only."""
    import subprocess
    import sys

    code = (
        "import sys; from gulagstats.cli import main; status = main(['check']);"
        "assert 'pandas' not in sys.modules and 'numpy' not in sys.modules, 'pandas imported';"
        "sys.exit(status)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-500:]
    assert "summary:" in result.stdout


# --- findings written as rule rows (bound, contradiction) -----------------------------------------


def test_the_grz_findings_are_rule_rows_and_no_number_of_them_is_written_in_python():
    import ast

    from gulagstats.rules.prose_rules import Bound, Contradiction, finding_rules

    kinds = {type(f).__name__: f for f in finding_rules()}
    assert set(kinds) == {"Bound", "Contradiction"}
    assert isinstance(kinds["Bound"], Bound) and isinstance(kinds["Contradiction"], Contradiction)
    written = []  # the constants of the code (docstrings, with their examples, apart)
    for path in (ROOT / "src" / "gulagstats").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = {id(n.body[0].value) for n in ast.walk(tree) if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef))
                and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        written += [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and id(n) not in docs]
    for number in (548417, 44.4, 1006030, 826607, 1196369):
        assert number not in written and not any(isinstance(w, str) and f"{number:,}" in w for w in written), number


def test_a_contradiction_is_judged_by_the_relation_of_the_figure_it_is_held_to():
    from gulagstats.checks.internal import _contradiction
    from gulagstats.rules.prose_rules import Contradiction
    from gulagstats.rules.reader import ProseFigure

    top = ProseFigure("L1.1", "releases_share", "1934/1953", "gulag_camps", 40.0, "percent", "range_high", "q", 1)
    rule = Contradiction("L1.internal", "{observed:g} against {expected:g}", "L1.2", "L1.1", 1, "q", "note {observed:g}")
    above = ProseFigure("L1.2", "releases_share", "1937", "gulag_camps", 44.4, "percent", "exact", "r", 1)
    below = ProseFigure("L1.2", "releases_share", "1937", "gulag_camps", 35.0, "percent", "exact", "r", 2)
    found = _contradiction(rule, {"L1.1": top, "L1.2": above})
    assert (found.verdict, found.title, found.note) == ("discrepancy", "44.4 against 40", "note 44.4")
    assert found.location == "GRZ prose line 1 (L1.1 against L1.2)"
    held = _contradiction(rule, {"L1.1": top, "L1.2": below})
    assert held.verdict == "consistent" and held.location == "GRZ prose line 1 (L1.1) against prose line 2 (L1.2)"


def test_a_finding_row_must_say_what_it_needs():
    from gulagstats.rules.prose_rules import CHECK_RULE_FIELDS, parse_finding

    row = dict.fromkeys(CHECK_RULE_FIELDS, "") | {"key": "L1.internal", "rule": "contradiction", "why": "w"}
    with pytest.raises(ValueError, match="needs terms and over"):
        parse_finding(row)
    with pytest.raises(ValueError, match="says in why"):
        parse_finding(row | {"why": ""})
    with pytest.raises(ValueError, match="needs terms"):
        parse_finding(row | {"rule": "bound"})


@needs_texts
def test_a_finding_that_names_no_figure_fails_the_build(monkeypatch, tmp_path):
    import build_data

    figures = [f for f in build_data.build_text_figures(PROSE) if f["id"] != "L168.3"]  # the figure of L168.internal
    with pytest.raises(SystemExit, match="no figure"):
        build_data.build_check_rules(PROSE, figures)


def test_a_plausibility_rule_is_a_row_of_relations():
    """Newcomer change (b) of the review, as data: escapes within the population is one row."""
    import csv as _csv

    from gulagstats.checks.plausibility import plausibility_checks
    from gulagstats.core.relations import read_relations

    with open(ROOT / "data" / "relations.csv", newline="", encoding="utf-8") as handle:
        rows = list(_csv.DictReader(handle))
    extra = {"kind": "within_population", "subject": "escapes", "parts": "", "why": "escapes cannot exceed the inmates"}
    published = CellIndex.load()
    cells = CellIndex(published.rows, read_relations([*rows, extra]))
    found = {r.id: r for r in plausibility_checks(cells)}
    escapes = found["plausibility.escapes_within_population.appendix.gulag_camps"]
    assert escapes.verdict == "consistent" and escapes.location == "rule: escapes cannot exceed the inmates"
    assert escapes.expectation.startswith("the escapes of gulag_camps in a year")
    without = CellIndex(published.rows, read_relations([r for r in rows if r["kind"] != "non_negative"]))
    assert "plausibility.non_negative" not in {r.id for r in plausibility_checks(without)}
    with pytest.raises(ValueError, match="says in why"):
        read_relations([*rows, {**extra, "why": ""}])
