"""The build as a tested function: it reproduces data/, and each preferred-row rule holds alone."""

from __future__ import annotations

import pytest

import build_data
from build_data import choose_preferred, route

from .conftest import DATA, ROOT, needs_texts


def test_the_build_into_a_temporary_directory_reproduces_data_byte_for_byte(tmp_path):
    out = tmp_path / "data"
    written = build_data.build(out)
    built = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    stored = sorted(p.relative_to(DATA) for p in DATA.rglob("*") if p.is_file())
    assert built == stored
    assert len(written) == len(built)  # everything was written fresh, nothing read from data/
    different = [str(p) for p in built if (out / p).read_bytes() != (DATA / p).read_bytes()]
    assert different == [], "data/ is stale: run python tools/build_data.py"


def test_a_second_build_into_the_same_directory_changes_nothing(tmp_path):
    build_data.build(tmp_path)
    assert build_data.build(tmp_path) == []


# --- the preferred-row rules, one test each, on synthetic cells -----------------------------------


def cell(value: str, status: str, source: str, **extra: str) -> dict[str, str]:
    row = {
        "period": "1937-01-01", "population": "gulag_camps", "measure": "inmates", "category": "",
        "unit": "persons", "value": value, "status": status, "source": source, "note": "",
    }
    return row | extra


def preferred(rows: list[dict[str, str]], decisions: dict | None = None) -> list[tuple[str, str]]:
    out = choose_preferred("t", rows, decisions or {})
    return [(r["source"], r["value"]) for r in out if r["preferred"] == "true"]


def test_rule_0_a_cell_nobody_sourced_is_one_missing_row_taken_as_the_value():
    out = choose_preferred("t", [cell("", "unconfirmed", "")], {})
    assert [(r["status"], r["value"], r["preferred"]) for r in out] == [("missing", "", "true")]


def test_rule_1_a_stronger_status_wins_over_more_sources():
    rows = [cell("10", "unconfirmed", "a"), cell("10", "unconfirmed", "b"), cell("11", "confirmed", "c")]
    assert preferred(rows) == [("c", "11")]


@pytest.mark.parametrize(
    ("strong", "weak"),
    [("prose", "confirmed"), ("confirmed", "derived"), ("derived", "unconfirmed")],
)
def test_rule_1_holds_for_each_step_of_the_strength_order(strong, weak):
    assert preferred([cell("1", weak, "w"), cell("2", strong, "s")]) == [("s", "2")]


def test_rule_2_among_equal_statuses_the_value_more_sources_print_wins():
    rows = [cell("10", "confirmed", "a"), cell("11", "confirmed", "b"), cell("11", "confirmed", "c")]
    assert preferred(rows) == [("b", "11")]
    assert len(choose_preferred("t", rows, {})) == 3  # the others stay, as alternatives


def test_rule_3_a_tie_needs_a_written_decision_and_follows_it():
    rows = [cell("10", "confirmed", "a"), cell("11", "confirmed", "b")]
    with pytest.raises(SystemExit, match="no decision"):
        choose_preferred("t", [dict(r) for r in rows], {})
    key = ("t", "1937-01-01", "gulag_camps", "inmates", "", "persons")
    decided = choose_preferred("t", rows, {key: {"source": "b", "value": "11", "reason": "seen"}})
    chosen = [r for r in decided if r["preferred"] == "true"]
    assert [(r["source"], r["note"]) for r in chosen] == [("b", "preferred: seen")]


def test_values_are_routed_to_their_table_by_the_routes_of_the_catalog():
    import tomllib

    from build_data import routes_of

    catalog = tomllib.loads((ROOT / "tools" / "catalog.toml").read_text(encoding="utf-8"))
    routes = routes_of(catalog)
    row = {"series": "appendix", "population": "gulag_camps", "unit": "percent", "period": "1939-01-01"}
    assert route(row, routes) == "appendix_rates"
    assert route({**row, "unit": "persons"}, routes) == "appendix"
    assert route({**row, "series": "nkvd_sentences", "population": "nkvd_special_board"}, routes) == "special_board"
    assert route({**row, "series": "offences", "period": "1954-04-01"}, routes) == "offences_1954"
    assert route({**row, "series": "offences", "period": "1940-03-01"}, routes) == "offences_1940"
    with pytest.raises(SystemExit, match=r"no table of catalog\.toml takes series 'novel'"):
        route({**row, "series": "novel"}, routes)
    twice = [*routes, ("appendix_copy", {"series": "appendix", "unit": "percent"})]
    with pytest.raises(SystemExit, match="match the same row as closely"):
        route(row, twice)
    with pytest.raises(SystemExit, match="a route names a series"):
        routes_of({"tables": {"t": {"routes": [{"unit": "percent"}]}}})


@needs_texts
@pytest.mark.parametrize(
    ("table", "false_quote"),
    [
        # a prose cell of a table of cells (the review's change c: a new table's quote passed every test)
        ("appendix.csv", "when 999,999 “counterrevolutionaries” were held at these places of detention"),
        # a quote with an ellipsis whose pieces stand on the line in the wrong order
        ("appendix.csv", "without detention ... the 1946 population"),
    ],
)
def test_a_false_quote_in_any_table_fails_the_build(tmp_path, monkeypatch, table, false_quote):
    import shutil

    curated = tmp_path / "curated"
    shutil.copytree(ROOT / "tools" / "curated", curated)
    path = curated / table
    text = path.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if "[GRZ prose line 216]" in line)
    quote = first.split('"')[1].rsplit(" [GRZ prose line", 1)[0]
    path.write_text(text.replace(quote, false_quote, 1), encoding="utf-8")
    monkeypatch.setattr(build_data, "CURATED", curated)
    with pytest.raises(SystemExit, match=r"appendix\.csv:\d+: quote not on GRZ prose line 216"):
        build_data.build(tmp_path / "data")


def test_the_quote_gate_names_every_kind_of_bad_quote():
    prose = ["", "the camps increased by 175,487 in 1937"]
    rows = [
        {"locator": "the camps increased [GRZ prose line 2]", "grz_ref": "x", "status": "prose"},
        {"locator": "the camps decreased [GRZ prose line 2]", "grz_ref": "x", "status": "prose"},
        {"locator": "GRZ prose line 2", "grz_ref": "x", "status": "prose"},
        {"locator": "a // the camps [GRZ prose line 1]"},
        {"quote": "by 175,487", "line": "1"},
    ]
    problems = build_data.quote_problems("t.csv", rows, prose)
    assert [p.split(":")[1] for p in problems] == ["3", "4", "5", "6"]
    assert "cites no line" in problems[1]
