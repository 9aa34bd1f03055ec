"""The rule language of the prose checks (data/check_rules.csv), and its build-time verification."""

from __future__ import annotations

import pytest

import build_data
from gulagstats.rules.prose_rules import (
    Formula,
    Term,
    Trend,
    YearCount,
    parse_rule,
    parse_terms,
    rules_by_quantity,
    statements,
)

from .conftest import PROSE

BLANK = dict.fromkeys(
    ["key", "rule", "terms", "over", "scale", "each_year", "direction", "within", "line", "quote",
     "period", "population", "why"], "",
)


def test_terms_read_measure_qualifiers_and_signs():
    terms = parse_terms("deaths pop:prisons @1939/1951 prose - share_by_age cat:18_or_younger unit:percent")
    assert terms == (
        Term("deaths", population="prisons", period="1939/1951", prose=True),
        Term("share_by_age", category="18_or_younger", unit="percent", sign=-1),
    )


@pytest.mark.parametrize("text", ["pop:prisons", "deaths colour:red", "deaths + + escapes", "@1937"])
def test_a_malformed_term_is_refused_with_the_reason(text):
    with pytest.raises(ValueError, match="term"):
        parse_terms(text)


def test_a_ratio_is_scale_times_terms_over_terms():
    rule = parse_rule(BLANK | {"rule": "ratio", "terms": "releases", "over": "inmates @jan1", "scale": "100"})
    assert rule == Formula((Term("releases"),), (Term("inmates", period="jan1"),), 100.0)
    with pytest.raises(ValueError, match="needs terms in over"):
        parse_rule(BLANK | {"rule": "ratio", "terms": "releases"})
    with pytest.raises(ValueError, match="direction"):
        parse_rule(BLANK | {"rule": "trend", "terms": "inmates", "direction": "down"})
    with pytest.raises(ValueError, match="expected one of"):
        parse_rule(BLANK | {"rule": "product", "terms": "inmates"})


def test_the_registry_and_statements_come_from_the_data_file():
    assert rules_by_quantity()["years_rising"] == YearCount("inmates", 1, None, rules_by_quantity()["years_rising"].why)
    assert rules_by_quantity()["inmates_share_of_ethnic_group"].startswith("needs the camp inmates of each ethnic")
    assert isinstance(rules_by_quantity()["inmates_share_of_population"], Formula)  # the 1939 census is in the record
    assert len(rules_by_quantity()["socially_dangerous_elements_share"]) == 2  # two rules, tried in turn
    declined = {s.id: s for s in statements()}["L061.declined_1936"]
    assert declined.rule == Trend(Term("inmates"), -1, declined.rule.why)


def test_every_statement_quote_is_on_its_line_so_a_wrong_line_fails_the_build(tmp_path):
    lines = PROSE.read_text(encoding="utf-8").splitlines()
    for s in statements():
        assert s.quote in lines[s.line - 1], s.id
    moved = tmp_path / "prose.txt"
    lines[167] = "a line that no longer holds the statement"  # line 168: more fled than died
    moved.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(SystemExit, match="quote not found verbatim on prose line 168"):
        build_data.build_check_rules(moved, build_data.build_text_figures(PROSE))


# --- the relations of the identity and plausibility checks (data/relations.csv) -------------------


def test_relations_are_read_from_rows_and_refuse_a_malformed_one():
    from gulagstats.core.relations import read_relations, relations

    rows = [
        {"kind": "components", "subject": "both", "parts": "a b", "why": ""},
        {"kind": "date_span", "subject": "*", "parts": "1930-01-01/1956-12-31", "why": "years"},
        {"kind": "complete", "subject": "t m", "parts": "", "why": "covers all"},
    ]
    found = read_relations(rows)
    assert found.components == {"both": ("a", "b")} and found.complete == {("t", "m"): "covers all"}
    assert found.span("any_table")[0].year == 1930
    with pytest.raises(ValueError, match="two parts"):
        read_relations([*rows, {"kind": "parts", "subject": "x", "parts": "y", "why": ""}])
    with pytest.raises(ValueError, match="given twice"):
        read_relations([*rows, rows[0]])
    with pytest.raises(ValueError, match="unknown kind"):
        read_relations([*rows, {"kind": "sums", "subject": "x", "parts": "y z", "why": ""}])
    assert relations().parts["sentenced_to_exile_or_other"] == ("sentenced_to_exile", "sentenced_other")


# --- one rule language, one evaluator: checks and benchmarks -----------------------------------


def test_the_check_rules_and_the_benchmark_rules_are_written_in_one_language():
    import gulagstats
    from gulagstats.rules import prose_rules as registry
    from gulagstats.rules import series as record  # the benchmark rules are read here
    from gulagstats.rules import terms

    assert registry.Term is terms.Term and record.Term is terms.Term  # no second Term class
    assert registry.parse_terms is terms.parse_terms and record.parse_terms is terms.parse_terms
    checks = gulagstats.load("check_rules")
    bench = gulagstats.load("benchmark_rules")
    written = [t for t in checks["terms"].tolist() + checks["over"].tolist() if t]
    written += [t for t in bench["low"].tolist() + bench["high"].tolist() if t]
    parsed = [term for text in written for term in terms.parse_terms(text)]
    assert any(t.table for t in parsed) and any(t.prose for t in parsed) and any(t.period == "jan1" for t in parsed)


def test_a_benchmark_of_a_fixed_period_is_what_the_evaluator_of_the_checks_reads():
    from gulagstats.core.cells import CellIndex, View
    from gulagstats.core.composition import adjusted
    from gulagstats.core.record import default_record
    from gulagstats.rules.benchmarks import benchmark_evaluator
    from gulagstats.rules.reader import Reader, load_figures
    from gulagstats.rules.terms import parse_terms

    rules = benchmark_evaluator(default_record()).rules.set_index("rule")
    rule = rules.loc["custodial_deaths_1937_1938"]
    reader = Reader(View(adjusted(CellIndex.load())), load_figures())
    expected = reader.sum(parse_terms(rule["low"]), rule["period"])
    b = gulagstats_benchmarks("custodial_deaths", "1937/1938", "custodial_deaths_1937_1938")
    assert b["low"] == expected
    # every cell the reader used is named in the benchmark's locator (provenance travels)
    for row in reader.view.used:
        shown = f"GRZ prose line {row.locator.rsplit('GRZ prose line ', 1)[-1].split(',')[0]}" \
            if row.table == "grz_text_figures" else row.locator
        assert shown in b["locator"], shown


def gulagstats_benchmarks(quantity: str, period: str, rule: str):
    import gulagstats

    found = gulagstats.benchmarks(quantity)
    return found[(found["period"] == period) & (found["rule"] == rule)].iloc[0]


def test_a_term_pinned_to_a_table_reads_only_that_table():
    from gulagstats.core.cells import CellIndex, MissingCell, View
    from gulagstats.rules.reader import Reader
    from gulagstats.rules.terms import parse_term

    reader = Reader(View(CellIndex.load()), [], population="gulag_camps")
    assert reader.term(parse_term("deaths in:appendix"), "1938") == 90546
    assert {r.table for r in reader.view.used} == {"appendix"}
    with pytest.raises(MissingCell, match="no such cell"):
        reader.term(parse_term("deaths in:nkvd_sentences"), "1938")


def test_a_prose_term_reads_the_figure_on_its_line_and_the_first_one_without():
    from gulagstats.core.cells import CellIndex, MissingCell, View
    from gulagstats.rules.reader import Reader, load_figures
    from gulagstats.rules.terms import parse_term

    reader = Reader(View(CellIndex.load()), load_figures())
    on_67 = parse_term("sentenced_to_death pop:political_cases @1930/1953 prose line:67")
    first = parse_term("sentenced_to_death pop:political_cases @1930/1953 prose")
    assert reader.figure(on_67, "1930/1953", "political_cases").line == 67
    assert reader.figure(first, "1930/1953", "political_cases").line < 67
    with pytest.raises(MissingCell, match="on line 1"):
        reader.term(parse_term("sentenced_to_death pop:political_cases @1930/1953 prose line:1"), "")


@pytest.mark.parametrize("text, reason", [
    ("deaths pop:gulag_camps in:appendix prose", "names no table"),
    ("deaths line:3", "prose term only"),
    ("deaths colour:red", "unknown qualifier"),
])
def test_the_language_refuses_what_it_cannot_mean(text, reason):
    from gulagstats.errors import DataFormatError
    from gulagstats.rules.terms import parse_terms

    with pytest.raises(DataFormatError, match=reason):
        parse_terms(text)


def test_the_build_refuses_a_benchmark_term_without_a_table_or_with_an_ambiguous_prose_figure():
    import build_estimates

    row = {"rule": "r", "quantity": "custodial_deaths", "period": "1937/1938", "scope": "", "low": "",
           "high": "", "phrase": "{low}", "caveats": ""}
    figures = {("deaths", "1937", "prisons"): [(10, 5.0, "L010.1"), (12, 6.0, "L012.1"), (12, 7.0, "L012.2")]}
    cells = {"appendix"}
    assert "names no table" in build_estimates.check_rule(row | {"low": "deaths pop:gulag_camps"}, figures, cells)
    assert "several values" in build_estimates.check_rule(row | {"low": "deaths pop:prisons @1937 prose"}, figures, cells)
    assert "several values" in build_estimates.check_rule(row | {"low": "deaths pop:prisons @1937 prose line:12"}, figures, cells)
    # a line that states two figures (a range) names one by its id
    assert build_estimates.check_rule(row | {"low": "deaths pop:prisons @1937 prose line:10"}, figures, cells) is None
    assert build_estimates.check_rule(row | {"low": "deaths pop:prisons @1937 prose fig:L012.2"}, figures, cells) is None
    assert "no figure" in build_estimates.check_rule(row | {"low": "deaths pop:prisons @1937 prose fig:L099.1"}, figures, cells)
    # the kind of bound a rule is, checked: a 'between' rule needs its ceiling
    assert "expected one of" in build_estimates.check_rule(row | {"low": "deaths pop:prisons @1937 prose line:10", "bound": "roof"}, figures, cells)
    between = row | {"low": "deaths pop:prisons @1937 prose line:10", "bound": "between"}
    assert "high is empty" in build_estimates.check_rule(between, figures, cells)
    assert "no figure" in build_estimates.check_rule(row | {"low": "deaths pop:camps @1937 prose"}, figures, cells)


def test_the_build_stops_on_a_row_with_more_cells_than_its_header(tmp_path):
    from buildkit import read_csv

    path = tmp_path / "rules.csv"
    path.write_text("key,why\na,a text, with an unquoted comma\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"rules\.csv:2: 3 cells where the header has 2"):
        read_csv(path)


def test_a_flagged_colony_count_is_replaced_by_its_adjusted_twin_for_comparisons():
    from gulagstats.core.cells import CellIndex
    from gulagstats.core.composition import adjusted

    printed = CellIndex.load().preferred(("1946-01-01", "labor_colonies", "inmates", "", "persons"))
    cell = adjusted(CellIndex.load()).preferred(("1946-01-01", "labor_colonies", "inmates", "", "persons"))
    assert printed is not None and cell is not None
    assert cell.value == 511724 and cell.status == "derived" and "adjusted" in cell.locator
    assert printed.value != cell.value and printed.composition == "includes_noncustodial"
