"""The one vocabulary: its orders are consistent, and the data use only its words."""

from __future__ import annotations

import ast
import csv
import json

import pytest

from gulagstats import vocabulary as v

from .conftest import DATA, ROOT


def cell_rows():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        if resource["kind"] == "cells":
            with open(DATA / resource["path"], newline="", encoding="utf-8") as handle:
                yield from csv.DictReader(handle)


@pytest.mark.parametrize(
    ("column", "words"),
    [("status", v.STATUSES), ("unit", v.CELL_UNITS)],
)
def test_the_tables_of_cells_use_only_words_of_the_vocabulary(column, words):
    used = {row[column] for row in cell_rows()}
    assert used - set(words) == set()


def test_the_text_figures_use_only_known_relations():
    with open(DATA / "tables" / "grz_text_figures.csv", newline="", encoding="utf-8") as handle:
        assert {r["relation"] for r in csv.DictReader(handle)} <= set(v.RELATIONS)


def test_every_status_has_a_preference_a_weakness_a_mark_and_a_meaning():
    for table in (v.PREFERENCE, v.WEAKNESS, v.STATUS_MARK, v.STATUS_MEANING):
        assert set(table) == set(v.STATUSES)
    assert sorted(v.SHOWN) == sorted(v.STATUSES)
    assert [s for s in v.STATUSES if v.PREFERENCE[s] < v.PREFERENCE["prose"]] == ["user", "corrected"]


@pytest.mark.parametrize(
    ("inputs", "combined"),
    [
        (["prose", "confirmed"], "derived"),  # a computed value is derived at best
        (["corrected", "prose"], "derived"),  # a corrected misprint combines like derived
        (["derived", "unconfirmed"], "unconfirmed"),
        (["unconfirmed", "user"], "user"),
        (["user", "missing"], "missing"),
    ],
)
def test_status_combination_is_the_weakest_input_and_derived_at_best(inputs, combined):
    assert v.combine(inputs) == combined
    assert v.combine(reversed(inputs)) == combined


def test_the_named_words_are_the_words_of_their_lists():
    assert {v.USER, v.CORRECTED, v.PROSE, v.CONFIRMED, v.DERIVED, v.UNCONFIRMED, v.MISSING} == set(v.STATUSES)
    assert {v.CONSISTENT, v.WITHIN_ROUNDING, v.DISCREPANCY, v.DEPENDS_ON_SOURCE, v.NOT_CHECKABLE} == set(
        v.VERDICTS
    )
    assert v.NOT_CONTRADICTED in v.CLAIM_VERDICTS and v.NOT_CONTRADICTED not in v.COMPARED_VERDICTS
    assert v.GRADES == ("one_unit", "one_digit", "transposition", "within_rounding", "minor", "major")
    assert (v.ONE_UNIT, v.ONE_DIGIT, v.TRANSPOSITION, v.WITHIN_ROUNDING, v.MINOR, v.MAJOR) == v.GRADES


def test_a_data_dictionary_can_be_checked_against_the_module():
    rows = [{"kind": "status", "code": s} for s in v.STATUSES]
    assert v.unknown_codes(rows) == {}
    assert v.unknown_codes(rows[1:]) == {"status": {"-user"}}


def test_the_module_and_the_data_dictionary_agree_on_every_closed_list():
    with open(DATA / "vocabulary.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    shared = [r for r in rows if r["kind"] in ("status", "grade", "relation")]
    assert v.unknown_codes(shared) == {}
    verdicts = {r["code"] for r in rows if r["kind"] == "verdict"}
    assert verdicts == set(v.VERDICTS) | set(v.CLAIM_VERDICTS)
    units = {r["code"] for r in rows if r["kind"] == "unit"}
    assert set(v.CELL_UNITS) <= units


def test_the_literals_for_mypy_are_the_words_of_the_data_dictionary():
    from typing import get_args

    d = v.DICTIONARY
    assert get_args(v.StatusName) == v.STATUSES == tuple(d["status"])  # the order of preference too
    assert set(get_args(v.RelationName)) == set(d["relation"])
    assert set(get_args(v.GradeName)) == set(d["grade"])
    assert set(get_args(v.VerdictName)) | set(get_args(v.ClaimVerdictName)) == set(d["verdict"])
    assert {q.kind for q in v.QUANTITIES.values()} <= set(get_args(v.QuantityKind))
    assert {q.unit for q in v.QUANTITIES.values()} <= set(v.KINDS["unit"])


def test_every_relation_grade_and_check_verdict_has_its_display_words():
    assert set(v.RELATION_WORDS) == set(v.RELATIONS)
    assert set(v.GRADE_WORDS) == set(v.GRADES)
    assert set(v.VERDICT_WORDS) == set(v.VERDICTS)
    assert v.CLAIM_TOLERANCE == 0.15


def test_the_code_reads_the_data_dictionary_the_build_published():
    with open(DATA / "vocabulary.csv", newline="", encoding="utf-8") as handle:
        published = list(csv.DictReader(handle))
    assert v.read_dictionary(DATA / "vocabulary.csv") == v.DICTIONARY
    assert len(published) == sum(len(codes) for codes in v.DICTIONARY.values())


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("weakness", "", "needs weakness"),
        ("words", "at once", "words given; a status has only"),
        ("benchmark_rank", "first", "whole numbers"),
    ],
)
def test_the_build_refuses_a_status_without_its_properties(column, value, message, tmp_path, monkeypatch):
    import build_data

    with open(ROOT / "tools" / "vocabulary.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    rows[0][column] = value  # the first status
    with open(tmp_path / "vocabulary.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    monkeypatch.setattr(build_data, "TOOLS", tmp_path)
    with pytest.raises(SystemExit, match=message):
        build_data.read_vocabulary()


# --- no word of the vocabulary written outside it ------------------------------------------------

SOURCE = ROOT / "src" / "gulagstats"

#: Every status, verdict, claim verdict, grade and unit: the words written only in vocabulary.py.
WORDS: dict[str, str] = {}
for _kind, _words in [
    ("status", v.STATUSES),
    ("check verdict", v.VERDICTS),
    ("claim verdict", v.CLAIM_VERDICTS),
    ("grade", v.GRADES),
    ("unit", v.KINDS["unit"]),
]:
    for _word in _words:
        WORDS.setdefault(_word, _kind)

#: The few string constants that spell a word of the vocabulary but do not mean it:
#: (file under src/gulagstats, the word, a piece of the source line that holds it, why).
ALLOWED: list[tuple[str, str, str, str]] = [
    # CheckResult has a field named "missing" (the cells a check lacked), not the status
    ("report/findings.py", "missing", 'more.append(("missing", ', "the label of CheckResult.missing"),
    # the keys of the series of Figure A/B name populations, as the other keys ("exile", "total") do
    ("figures/article.py", "camps", 'yearly(data, "camps", ', "the key of a series (a population)"),
    ("figures/article.py", "colonies", 'yearly(data, "colonies", ', "the key of a series (a population)"),
    ("figures/article.py", "camps", 'mark_composition(ax, "camps", ', "the key of a series (a population)"),
    ("figures/article.py", "colonies", 'mark_composition(ax, "colonies", ', "the key of a series (a population)"),
    ("figures/article.py", "colonies", 'ax, "colonies", composition_flags(', "the key of a series (a population)"),
    # a field of a series' extra data: the length of the span, beside "total"
    ("figures/article.py", "years", '"years": round(years, 4)', "a field name of a series' extra data"),
]


def _not_words(tree: ast.AST) -> set[int]:
    """The ids of the constants that are docstrings or the literal text of an f-string."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
        if isinstance(node, ast.JoinedStr):
            out.update(id(part) for part in node.values if isinstance(part, ast.Constant))
    return out


def vocabulary_literals() -> list[tuple[str, int, str, str]]:
    """(file, line, word, source line) of every string constant of the package that is a word of the vocabulary."""
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        if path == SOURCE / "vocabulary.py":
            continue
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text, filename=str(path))
        skip, lines = _not_words(tree), text.splitlines()
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value in WORDS
                and id(node) not in skip
            ):
                name = path.relative_to(SOURCE).as_posix()
                found.append((name, node.lineno, node.value, lines[node.lineno - 1]))
    return sorted(found)


def _allowed(name: str, word: str, line: str) -> bool:
    return any(f == name and w == word and piece in line for f, w, piece, _ in ALLOWED)


def test_no_status_verdict_grade_or_unit_is_written_outside_the_vocabulary():
    written = [
        f"src/gulagstats/{name}:{lineno}: {word!r} (a {WORDS[word]}; import its name from vocabulary.py)"
        for name, lineno, word, line in vocabulary_literals()
        if not _allowed(name, word, line)
    ]
    assert written == [], "\n".join(written)


def test_every_exception_to_the_vocabulary_rule_is_still_needed():
    used = {(name, word, piece) for name, _, word, line in vocabulary_literals()
            for f, w, piece, _ in ALLOWED if (f, w) == (name, word) and piece in line}
    assert [entry[:3] for entry in ALLOWED if entry[:3] not in used] == []


def test_the_literal_scan_sees_a_word_and_skips_docstrings_and_fstring_text():
    tree = ast.parse('"""missing"""\nx = "overstates"\ny = f"missing {x}"\nz = {"a": "persons"}\n')
    skip = _not_words(tree)
    words = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and id(n) not in skip]
    assert sorted(w for w in words if w in WORDS) == ["overstates", "persons"]
