"""The rule language of the prose checks (data/check_rules.csv), and its build-time verification."""

from __future__ import annotations

import pytest

import build_data
from gulagstats.checks.registry import (
    Formula,
    Term,
    Trend,
    YearCount,
    parse_rule,
    parse_terms,
    quantities,
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
    assert quantities()["years_rising"] == YearCount("inmates", 1, None, quantities()["years_rising"].why)
    assert quantities()["inmates_share_of_population"].startswith("needs the USSR population")
    assert len(quantities()["socially_dangerous_elements_share"]) == 2  # two rules, tried in turn
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
        build_data.build_check_rules(moved)


# --- the relations of the identity and plausibility checks (data/relations.csv) -------------------


def test_relations_are_read_from_rows_and_refuse_a_malformed_one():
    from gulagstats.checks.relations import read_relations, relations

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
