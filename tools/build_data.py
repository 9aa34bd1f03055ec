#!/usr/bin/env python3
"""Build data/ from the reference compilation and the curated files.

This is how every file in ``data/`` is made, so that each value can be traced
back to the line of ``values.tsv`` (or of a curated file here) it came from.

Inputs
------
- ``--reference DIR`` (default ``tools/reference``): ``values.tsv`` and
  ``sources.tsv``, the values sourced for the project, each with its source,
  quote and status.
- ``tools/curated/<table>.csv``: rows written by hand from the GRZ prose and
  captions (status ``prose`` with the quote), and the structure of the printed
  tables (rows with an empty value: cells that exist but nobody could source).
- ``tools/curated/preferred.csv``: the decision, with its reason, for every
  cell whose published values disagree and that the rules below leave open.
- ``tools/curated/sources_extra.csv``: citations not in ``sources.tsv``.
- ``tools/curated/source_titles.csv``: the short title a reader sees for each source key.
- ``tools/catalog.toml``: title, description, GRZ reference and layout of
  every table; the schema of tables that are not tables of cells.

Rules for the table's value (``preferred``), in order:
0. an erratum (``tools/curated/errata.csv``: a printed value that an identity or
   a printed total proves to be a misprint) gives the cell a row with status
   ``corrected`` and the proof; that row is the table's value, and the printed
   one stays as an alternative with the source that printed it;
1. a status ranks above a weaker one: prose > confirmed > derived > unconfirmed
   (a value GRZ state beats a reprint; a seen value beats an unseen one);
2. among the rest, a value printed by more independent sources wins;
3. a cell still undecided must have a line in ``preferred.csv`` (the build
   fails otherwise), so every choice between sources is written down;
4. a line of ``preferred.csv`` for a cell that rules 1-2 decide must name a
   row they leave on top (its value is then the cell's value; among copies that
   agree it picks the one cited): the build fails otherwise, and writes the
   argument into that row's note. A line that matches no cell of its table
   fails the build too, so no written argument is silently ignored.

Usage
-----
    python tools/build_data.py            # rebuild tables of cells and datapackage.json
    python tools/build_data.py --package  # only refresh datapackage.json (hashes, rows)
    python tools/build_data.py --out DIR  # build into another directory (the tests compare it with data/)
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import tomllib
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import build_estimates
import build_factcheck
from buildkit import (
    CURATED,
    DATA,
    FALSE,
    PERIOD_BOUNDS,
    REFERENCE,
    ROOT,
    TOOLS,
    TRUE,
    VOCABULARY_FIELDS,
    quote_on_line,
    read_csv,
    read_prose,
    read_tsv,
    write_csv,
)
from gulagstats.core.relations import RELATION_FIELDS, read_relations
from gulagstats.rules.prose_rules import (
    CHECK_RULE_FIELDS,
    FINDING_KINDS,
    parse_finding,
    parse_rule,
    read_rules,
)
from gulagstats.store import PIN_FILE
from gulagstats.vocabulary import PREFERENCE, RELATIONS, is_count
from texts import prose_path

CELL_FIELDS = [
    ("period", "string", "ISO 8601 day (a count on that day), year (a flow during it) or span A/B"),
    ("population", "string", "whose count: gulag_camps, labor_colonies, prisons, all_custodial, ..."),
    ("measure", "string", "what is counted: inmates, counterrevolutionaries, deaths, escapes, ..."),
    ("category", "string", "the breakdown (age group, offence, ...) or low/high of a printed range; empty if none"),
    ("value", "number", "the value as published (empty when missing)"),
    ("unit", "string", "persons, percent, camps, colonies, ..."),
    ("grz_ref", "string", "the GRZ table, appendix, figure or passage the value belongs to"),
    ("source", "string", "key of data/sources.csv"),
    ("locator", "string", "the quote (or page, line) where the source shows the value"),
    ("status", "string", "prose, confirmed, derived, unconfirmed, missing"),
    ("preferred", "boolean", "true for the one row taken as the table's value of this cell"),
    ("composition", "string", "empty: the population as labelled; includes_prisons, includes_noncustodial: "
     "the count also holds others (tools/curated/composition.csv gives the proof)"),
    ("note", "string", "caveats, formula of a derived value, why it is or is not preferred"),
]
CELL_NAMES = [f[0] for f in CELL_FIELDS]
KEY = ("period", "population", "measure", "category", "unit")
STATUS_RANK = PREFERENCE


#: The conditions a route of catalog.toml may set, and how each matches a row of values.tsv.
ROUTE_CONDITIONS = {
    "series": lambda row, want: row["series"] == want,
    "population": lambda row, want: row["population"] == want,
    "unit": lambda row, want: row["unit"] == want,
    "period_starts": lambda row, want: row["period"].startswith(want),
}


def routes_of(catalog: dict) -> list[tuple[str, dict[str, str]]]:
    """The routes of the catalogue's tables: (table, conditions), each condition checked by name."""
    found = []
    for table_id, meta in catalog["tables"].items():
        for conditions in meta.get("routes", []):
            unknown = set(conditions) - set(ROUTE_CONDITIONS)
            if unknown or "series" not in conditions:
                sys.exit(f"catalog.toml: [tables.{table_id}] route {conditions}: a route names a series and may add "
                         f"{', '.join(c for c in ROUTE_CONDITIONS if c != 'series')} (not {sorted(unknown)})")
            found.append((table_id, conditions))
    return found


def route(row: dict[str, str], routes: list[tuple[str, dict[str, str]]]) -> str:
    """The table a row of values.tsv belongs to: the route of catalog.toml that matches it most closely."""
    matching = [(len(c), t) for t, c in routes if all(ROUTE_CONDITIONS[k](row, v) for k, v in c.items())]
    if not matching:
        sys.exit(f"values.tsv: no table of catalog.toml takes series {row['series']!r} "
                 f"(population {row['population']!r}, unit {row['unit']!r}, period {row['period']!r})")
    best = max(n for n, _ in matching)
    tables = sorted({t for n, t in matching if n == best})
    if len(tables) > 1:
        sys.exit(f"values.tsv: routes of {', '.join(tables)} match the same row as closely: {dict(row)}")
    return tables[0]


def prose_line(prose: list[str], quote: str) -> int | None:
    needle = quote.strip()[:80]
    for number, line in enumerate(prose, start=1):
        if needle and needle in line:
            return number
    return None


def split_value(row: dict[str, str]) -> list[dict[str, str]]:
    """A printed range ``low-high`` becomes two rows, category ``low`` and ``high``."""
    value = row["value"].strip()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)", value)
    if not m:
        return [row]
    out = []
    for part, label in ((m[1], "low"), (m[2], "high")):
        r = dict(row, value=part)
        r["category"] = f"{row['category']}:{label}" if row["category"] else label
        r["note"] = (row["note"] + "; " if row["note"] else "") + f"printed as the range {value}"
        out.append(r)
    return out


def reference_rows(reference: Path, prose: list[str], catalog: dict) -> dict[str, list[dict[str, str]]]:
    tables: dict[str, list[dict[str, str]]] = defaultdict(list)
    routes = routes_of(catalog)
    for raw in read_tsv(reference / "values.tsv"):
        quote = raw["quote"].strip()
        if raw["source"] == "grz1993" and quote and (line := prose_line(prose, quote)):
            locator = f"{quote} [GRZ prose line {line}]"
        elif quote:
            locator = quote
        else:
            locator = "no quote: not seen in a reachable copy (see note)"
        row = {
            "period": raw["period"],
            "population": raw["population"],
            "measure": raw["measure"],
            "category": raw["category"],
            "value": raw["value"],
            "unit": raw["unit"],
            "grz_ref": raw["grz_ref"],
            "source": raw["source"],
            "locator": locator,
            "status": raw["status"],
            "note": raw["note"],
        }
        tables[route(raw, routes)].extend(split_value(row))
    return tables


def number(text: str) -> float | None:
    return float(text) if text.strip() else None


def choose_preferred(table: str, rows: list[dict[str, str]], decisions: dict) -> list[dict[str, str]]:
    cells: dict[tuple, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        cells[tuple(row[k] for k in KEY)].append(row)
    out: list[dict[str, str]] = []
    undecided = []
    used: set[tuple] = set()
    for key, group in cells.items():
        valued = [r for r in group if r["value"].strip()]
        if not valued:  # only structure: one missing row
            r = dict(group[0], status="missing", value="", preferred="true")
            out.append(r)
            continue
        agree = defaultdict(int)
        for r in valued:
            agree[number(r["value"])] += 1
        best = min(STATUS_RANK[r["status"]] for r in valued)
        top = [r for r in valued if STATUS_RANK[r["status"]] == best]
        most = max(agree[number(r["value"])] for r in top)
        top = [r for r in top if agree[number(r["value"])] == most]
        choice = top[0]
        corrected = [r for r in valued if r["status"] == "corrected"]
        if corrected:  # rule 0: the erratum's corrected row is the table's value
            for r in valued:
                r["preferred"] = "true" if r is corrected[0] else "false"
                out.append(r)
            continue
        decided = decisions.get((table, *key))
        match = [r for r in top if decided and _names(decided, r)]
        if len({number(r["value"]) for r in top}) > 1:
            if not match:
                undecided.append((table, key, [(r["source"], r["value"]) for r in top]))
                continue
            choice = match[0]
        elif decided:  # rule 4: an argument is for a row the rules leave on top (same status, agreeing value)
            if not match:
                sys.exit(f"preferred.csv: {table} {key} names {decided['source']} {decided.get('value', '')}, "
                         f"but the rules choose {choice['source']} {choice['value']}")
            choice = match[0]
        if decided:
            used.add((table, *key))
            choice["note"] = (choice["note"] + "; " if choice["note"] else "") + "preferred: " + decided["reason"]
        for r in valued:
            r["preferred"] = "true" if r is choice else "false"
            out.append(r)
    stale = [k for k in decisions if k[0] == table and k not in used]
    if stale:
        sys.exit(f"preferred.csv: lines that match no cell with values of {table}: {stale}")
    if undecided:
        lines = "\n".join(f"  {t} {k}: {c}" for t, k, c in undecided)
        sys.exit(f"cells with disagreeing values and no decision in tools/curated/preferred.csv:\n{lines}")
    return out


def _names(decision: dict[str, str], row: dict[str, str]) -> bool:
    """True if a line of preferred.csv names ``row`` (its source, and its value when the line gives one)."""
    value = decision.get("value", "")
    return row["source"] == decision["source"] and (not value or number(row["value"]) == number(value))


def _matches(row: dict[str, str], fix: dict[str, str]) -> bool:
    return all(row[k] == fix[k] for k in KEY)


def relabel(table: str, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Correct a row's population or measure (tools/curated/relabel.csv), with the reason in its note."""
    for fix in read_csv(CURATED / "relabel.csv"):
        if fix["table"] != table:
            continue
        hits = [r for r in rows if _matches(r, fix) and r["source"] == fix["source"]
                and number(r["value"]) == number(fix["value"])]
        if len(hits) != 1:
            sys.exit(f"relabel.csv: {fix} matches {len(hits)} rows of {table}")
        row = hits[0]
        was = f"{row['population']} {row['measure']}"
        row["population"], row["measure"] = fix["new_population"], fix["new_measure"]
        row["note"] = (row["note"] + "; " if row["note"] else "") + f"relabelled from {was}: {fix['reason']}"
    return rows


def apply_errata(table: str, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Add the corrected row of every erratum (tools/curated/errata.csv); keep the printed row.

    A printed value is matched by cell, source and value; a printed dash ('–') has no
    row (it is not a number), so the corrected zero takes its locator from the same
    year's row of that source.
    """
    out = list(rows)
    for fix in read_csv(CURATED / "errata.csv"):
        if fix["table"] != table:
            continue
        printed = fix["printed_value"].strip()
        if printed in ("–", "-"):
            siblings = [r for r in rows if r["period"] == fix["period"] and r["source"] == fix["printed_source"]]
            if not siblings or any(_matches(r, fix) and r["value"].strip() for r in rows):
                sys.exit(f"errata.csv: dash cell {fix} has no row of its year, or already a value")
            template = siblings[0]
            locator = f"printed '–': {template['locator']}"
        else:
            hits = [r for r in rows if _matches(r, fix) and r["source"] == fix["printed_source"]
                    and number(r["value"]) == number(printed)]
            if len(hits) != 1:
                sys.exit(f"errata.csv: {fix} matches {len(hits)} printed rows of {table}")
            template = hits[0]
            template["note"] = (template["note"] + "; " if template["note"] else "") + (
                f"as printed; a misprint for {int(float(fix['corrected_value'])):,} (see the corrected row)")
            locator = f"printed {int(float(printed)):,}: {template['locator']}"
        out.append({
            **{k: fix[k] for k in KEY}, "value": fix["corrected_value"], "grz_ref": template["grz_ref"],
            "source": fix["printed_source"], "locator": locator, "status": "corrected",
            "note": f"corrected from the printed {printed}: {fix['proof']}",
        })
    return out


def compose(table: str, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Set the ``composition`` of the cells tools/curated/composition.csv names (every row of the cell)."""
    for fix in read_csv(CURATED / "composition.csv"):
        if fix["table"] != table:
            continue
        hits = [r for r in rows if _matches(r, fix)]
        if not hits:
            sys.exit(f"composition.csv: {fix} matches no row of {table}")
        for r in hits:
            r["composition"] = fix["composition"]
    return rows


def value_type(rows: list[dict[str, str]]) -> str:
    values = [r["value"] for r in rows if r["value"].strip()]
    whole = all(float(v) == int(float(v)) and "." not in v for v in values)
    counts = all(is_count(r["unit"]) for r in rows)  # every row: a table of empty percent cells is no count
    return "integer" if whole and counts else "number"


def sort_key(row: dict[str, str]) -> tuple:
    return (row["population"], row["measure"], row["category"], row["period"], row.get("preferred") != "true")


def build_cells(reference: Path, prose_path: Path, catalog: dict) -> dict[str, list[dict[str, str]]]:
    prose = read_prose(prose_path)
    tables = reference_rows(reference, prose, catalog)
    decisions = {
        (d["table"], d["period"], d["population"], d["measure"], d["category"], d["unit"]): d
        for d in read_csv(CURATED / "preferred.csv")
    }
    built = {}
    for table_id, meta in catalog["tables"].items():
        if meta.get("kind", "cells") != "cells":
            continue
        rows = relabel(table_id, tables.get(table_id, []) + read_csv(CURATED / f"{table_id}.csv"))
        rows = apply_errata(table_id, rows)
        for r in rows:
            if r["status"] == "missing" and r["value"].strip():
                sys.exit(f"{table_id}: a row with status missing has a value: {r}")
            if r["value"].strip() and not (r["source"].strip() and r["status"].strip()):
                sys.exit(f"{table_id}: a value without source or status: {r}")
        built[table_id] = sorted(compose(table_id, choose_preferred(table_id, rows, decisions)), key=sort_key)
    unknown = set(tables) - set(built)
    if unknown:
        sys.exit(f"values.tsv rows routed to tables missing from catalog.toml: {sorted(unknown)}")
    return built


TEXT_FIGURE_PART = ["quantity", "period", "population", "value", "unit", "relation", "refers_to", "quote", "line", "note"]
TEXT_FIGURE_FIELDS = ["id", "quantity", "period", "population", "value", "unit", "relation", "refers_to",
                      "quote", "line", "source", "locator", "status", "note"]


def build_text_figures(prose_path: Path) -> list[dict[str, str]]:
    """Merge tools/curated/text_figures_*.csv into one table; check each quote against its line."""
    prose = read_prose(prose_path)
    rows = []
    for part in sorted(CURATED.glob("text_figures_*.csv")):
        for number, r in enumerate(read_csv(part), start=2):
            where = f"{part.name}:{number}"
            if list(r) != TEXT_FIGURE_PART:
                sys.exit(f"{where}: columns {list(r)}; expected {TEXT_FIGURE_PART}")
            line = int(r["line"])
            if not quote_on_line(prose, line, r["quote"]):
                sys.exit(f"{where}: quote not found verbatim on prose line {line}: {r['quote']!r}")
            if r["relation"] not in RELATIONS:
                sys.exit(f"{where}: relation {r['relation']!r}; expected one of {sorted(RELATIONS)}")
            float(r["value"])
            rows.append(dict(r, source="grz1993", locator=f"GRZ prose line {line}", status="prose"))
    rows.sort(key=lambda r: (int(r["line"]), prose[int(r["line"]) - 1].find(r["quote"])))
    seen: dict[int, int] = defaultdict(int)
    for r in rows:
        seen[int(r["line"])] += 1
        r["id"] = f"L{int(r['line']):03d}.{seen[int(r['line'])]}"
    return rows


def build_check_rules(prose_path: Path, figure_rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """tools/curated/check_rules.csv, each row parsed by the rule language and each quote on its line."""
    prose = read_prose(prose_path)
    rows = read_csv(CURATED / "check_rules.csv")
    for number, r in enumerate(rows, start=2):
        where = f"check_rules.csv:{number}"
        if list(r) != CHECK_RULE_FIELDS:
            sys.exit(f"{where}: columns {list(r)}; expected {CHECK_RULE_FIELDS}")
        try:
            parse_finding(r) if r["rule"] in FINDING_KINDS else parse_rule(r)
        except ValueError as exc:
            sys.exit(f"{where}: {exc}")
        if (r["line"] or r["quote"]) and not quote_on_line(prose, r["line"], r["quote"]):
            sys.exit(f"{where}: quote not found verbatim on prose line {r['line']}: {r['quote']!r}")
        figures = {f["id"] for f in figure_rows}
        named = [r["key"]] if r["rule"] == "bound" else [r["terms"], r["over"]] if r["rule"] == "contradiction" else []
        if [n for n in named if n not in figures]:
            sys.exit(f"{where}: a rule {r['rule']} names figures of grz_text_figures; no figure {named}")
    try:
        read_rules(rows)
    except ValueError as exc:
        sys.exit(f"check_rules.csv: {exc}")
    return rows


def build_relations() -> list[dict[str, str]]:
    """tools/curated/relations.csv, each row read as the checks will read it."""
    rows = read_csv(CURATED / "relations.csv")
    if rows and list(rows[0]) != RELATION_FIELDS:
        sys.exit(f"relations.csv: columns {list(rows[0])}; expected {RELATION_FIELDS}")
    try:
        read_relations(rows)
    except ValueError as exc:
        sys.exit(f"relations.csv: {exc}")
    return rows


#: A locator that cites the GRZ prose: ``QUOTE [GRZ prose line N]`` (``, id`` or ``; ...`` may follow N).
PROSE_LOCATOR = re.compile(r"^(?P<quote>.*?) \[GRZ prose line (?P<line>\d+)(?:[,;][^\]]*)?\]")
#: A quote inside a text: ``'QUOTE' (GRZ prose line N)`` or ``'QUOTE' (line N)``.
QUOTED_IN_TEXT = re.compile(r"'(?P<quote>[^']+)' \((?:GRZ prose )?line (?P<line>\d+)\)")


def quote_problems(name: str, rows: list[dict[str, str]], prose: list[str]) -> list[str]:
    """What is wrong with the quotes of one built table: each ``file:row: reason``.

    Every locator ``QUOTE [GRZ prose line N]`` (a benchmark's locators joined by
    `` // `` each) must have its quote on line N; a ``quote`` with a ``line``
    must stand on that line, and so must every ``'QUOTE' (line N)`` of a ``text``; a cell of a table of cells with status ``prose`` must cite its line.
    """
    problems = []
    for number, row in enumerate(rows, start=2):
        where = f"{name}:{number}"
        for part in row.get("locator", "").split(" // "):
            m = PROSE_LOCATOR.match(part)
            if m and m["quote"].strip() and not quote_on_line(prose, m["line"], m["quote"]):
                problems.append(f"{where}: quote not on GRZ prose line {m['line']}: {m['quote']!r}")
        if row.get("quote") and row.get("line") and not quote_on_line(prose, row["line"], row["quote"]):
            problems.append(f"{where}: quote not on GRZ prose line {row['line']}: {row['quote']!r}")
        for m in QUOTED_IN_TEXT.finditer(row.get("text", "")):
            if not quote_on_line(prose, m["line"], m["quote"]):
                problems.append(f"{where}: quote not on GRZ prose line {m['line']}: {m['quote']!r}")
        if "grz_ref" in row and row.get("status") == "prose" and not PROSE_LOCATOR.match(row.get("locator", "")):
            problems.append(f"{where}: a value of the prose cites no line: expected locator 'QUOTE [GRZ prose line N]'")
    return problems


def verify_quotes(out: Path, prose: list[str]) -> None:
    """The one quote gate: every quote of every table built into ``out`` stands on its GRZ prose line.

    Raises
    ------
    SystemExit
        Naming every row whose quote is not on its line (``file:row: reason``).
    """
    problems = []
    for path in sorted([*out.glob("*.csv"), *(out / "tables").glob("*.csv")]):
        problems += quote_problems(path.name, read_csv(path), prose)
    if problems:
        sys.exit("; ".join(problems[:10]) + (f"; and {len(problems) - 10} more" if len(problems) > 10 else ""))


def write_sources(reference: Path, out: Path) -> None:
    """sources.csv: each key's citation, URL and kind, and the short title readers see for the key."""
    rows = [
        {"key": r["source"], "citation": r["citation"], "url": r["url"], "kind": r["kind"]}
        for r in read_tsv(reference / "sources.tsv")
    ]
    rows += read_csv(CURATED / "sources_extra.csv")
    titles = {r["key"]: r["title"] for r in read_csv(CURATED / "source_titles.csv")}
    untitled = [r["key"] for r in rows if not titles.get(r["key"], "").strip()]
    if untitled:
        sys.exit(f"source_titles.csv: no title for {', '.join(untitled)} (every source key needs one)")
    write_csv(out / "sources.csv", ["key", "citation", "url", "kind", "title"],
              [{**r, "title": titles[r["key"]]} for r in rows])


#: Columns whose values must be codes of data/vocabulary.csv, and the kind of code.
CODED_COLUMNS = {
    "status": "status",
    "population": "population",
    "measure": "measure",
    "category": "category",
    "unit": "unit",
    "quantity": "quantity",
    "relation": "relation",
}
#: Primary keys of the tables that are not tables of cells (cells: see ``constrained``).
PRIMARY_KEYS = {
    "sources": ["key"],
    "figures": ["id"],
    "estimates": ["id"],
    "benchmark_rules": ["rule"],
    "benchmarks": ["id"],
    "rates": ["quantity", "period"],
    "links": ["benchmark", "source"],
    "vocabulary": ["kind", "code"],
}
VOCABULARY_KINDS = (
    "status", "verdict", "grade", "relation", "unit", "population", "measure", "category", "quantity", "setting", "bound",
)


def read_vocabulary() -> list[dict[str, str]]:
    """tools/vocabulary.csv, checked: known kinds, unique codes, a label and a definition each."""
    rows = read_csv(TOOLS / "vocabulary.csv")
    seen: set[tuple[str, str]] = set()
    for line, r in enumerate(rows, start=2):
        where = f"tools/vocabulary.csv:{line}"
        if r["kind"] not in VOCABULARY_KINDS:
            sys.exit(f"{where}: kind {r['kind']!r}; expected one of {VOCABULARY_KINDS}")
        if (r["kind"], r["code"]) in seen:
            sys.exit(f"{where}: {r['kind']} {r['code']!r} defined twice")
        texts = (r["code"], r["label"], r["definition"])
        if not (all(t.strip() for t in texts) and r["rank"].isdigit()):
            sys.exit(f"{where}: a code needs a label, a definition and a whole-number rank")
        if problem := _vocabulary_properties(r):
            sys.exit(f"{where}: {r['kind']} {r['code']!r}: {problem}")
        seen.add((r["kind"], r["code"]))
    return rows


def _vocabulary_properties(row: dict[str, str]) -> str:
    """What is wrong with the properties of a code (gulagstats.vocabulary reads them), or ''."""
    kind = row["kind"]
    given = {c for c in VOCABULARY_FIELDS[5:] if row[c]}
    allowed = {
        "status": {"mark", "weakness", "benchmark_rank"}, "relation": {"words"}, "grade": {"words"},
        "verdict": {"words"}, "quantity": {"quantity_kind", "unit"}, "setting": {"unit", "value"},
    }.get(kind, set())
    if given - allowed:
        return f"{', '.join(sorted(given - allowed))} given; a {kind} has only {', '.join(sorted(allowed)) or 'none'}"
    needed = {"status": {"weakness", "benchmark_rank"}, "relation": {"words"}, "grade": {"words"},
              "setting": {"value"}}.get(kind, set())
    if kind == "quantity" and given:  # a quantity an estimate may count
        needed = {"quantity_kind", "unit"}
    if needed - given:
        return f"needs {', '.join(sorted(needed - given))}"
    numbers = [row[c] for c in ("weakness", "benchmark_rank") if row[c]]
    if not all(n.isdigit() for n in numbers) or (row["value"] and not re.fullmatch(r"[0-9]+(\.[0-9]+)?", row["value"])):
        return "weakness and benchmark_rank are whole numbers, a value a number"
    return ""


def constrained(table_id: str, kind: str, schema: dict, vocabulary: list[dict[str, str]]) -> dict:
    """Add allowed values (from the vocabulary), the primary key and foreign keys to a schema."""
    names = [f["name"] for f in schema["fields"]]
    for f in schema["fields"]:
        code_kind = CODED_COLUMNS.get(f["name"])
        if code_kind and kind not in ("vocabulary", "benchmark_rules"):
            f["constraints"] = {"enum": [v["code"] for v in vocabulary if v["kind"] == code_kind]}
    if kind == "cells":
        # a cell is period, population, measure, category and unit; it may have one row per
        # source, and a source printing two values for a cell (a typo kept) has two rows
        schema["primaryKey"] = [*KEY, "source", "value"]
    elif kind in PRIMARY_KEYS:
        schema["primaryKey"] = PRIMARY_KEYS[kind]
    keys = []
    if "source" in names and kind != "sources":
        keys.append({"fields": ["source"], "reference": {"resource": "sources", "fields": ["key"]}})
    if kind == "links":
        target = {"resource": "archival_benchmarks", "fields": ["id"]}
        keys.append({"fields": ["benchmark"], "reference": target})
    if keys:
        schema["foreignKeys"] = keys
    return schema


def package_version() -> str:
    """The one version source: ``__version__`` in src/gulagstats/_version.py."""
    text = (ROOT / "src" / "gulagstats" / "_version.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, flags=re.M)
    if not found:
        sys.exit("src/gulagstats/_version.py: no __version__ = \"...\" line")
    return found[1]


def package(catalog: dict, value_types: dict[str, str], out: Path = DATA) -> dict:
    vocabulary = read_vocabulary()
    resources = []
    for table_id, meta in catalog["tables"].items():
        kind = meta.get("kind", "cells")
        path = out / meta.get("path", f"tables/{table_id}.csv")
        if kind == "cells":
            fields = [
                {"name": n, "type": (value_types.get(table_id, "number") if n == "value" else t), "description": d}
                for n, t, d in CELL_FIELDS
            ]
        else:
            fields = [dict(f) for f in meta["fields"]]
        if any(f["name"] == "period" for f in fields):
            at = next(i for i, f in enumerate(fields) if f["name"] == "period") + 1
            bounds = [{"name": n, "type": t, "description": d} for n, t, d in PERIOD_BOUNDS]
            fields = [*fields[:at], *bounds, *fields[at:]]
        with open(path, newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            count = sum(1 for _ in reader)
        if header != [f["name"] for f in fields]:
            sys.exit(f"{path.name}: header {header} differs from the schema in catalog.toml")
        resource = {
            "name": table_id,
            "path": str(path.relative_to(out)),
            "title": meta["title"],
            "description": meta.get("description", ""),
            "grz_ref": meta.get("grz_ref", ""),
            "beyond_grz": bool(meta.get("beyond_grz", False)),
            "kind": kind,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": path.stat().st_size,
            "hash": "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest(),
            "rows": count,
            "schema": constrained(
                table_id, kind, {"fields": fields, "missingValues": [""]}, vocabulary
            ),
        }
        if "wide" in meta:
            resource["wide"] = meta["wide"]
        for f in resource["schema"]["fields"]:
            if f["type"] == "boolean":
                f["trueValues"], f["falseValues"] = [TRUE], [FALSE]
        resources.append(resource)
    return {
        "name": "gulagstats",
        "title": "Victims of the Soviet penal system: GRZ 1993 tables, prose figures and estimates",
        "description": catalog["package"]["description"],
        "version": package_version(),
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}],
        "sources": [{"title": "Getty, Rittersporn & Zemskov, AHR 98:4 (1993), 1017-1049", "path": "https://www.jstor.org/stable/2166597"}],
        "resources": resources,
    }


@contextmanager
def inputs_from(tools: Path, reference: Path) -> Iterator[None]:
    """While the block runs, every stage reads ``tools`` (curated files, catalog.toml, vocabulary.csv) and ``reference``.

    The build of this repository reads ``tools/``; the tests build a tiny
    package of their own (``tests/fixtures/tiny``) by the same function.
    """
    values = {"TOOLS": tools, "CURATED": tools / "curated", "REFERENCE": reference}
    modules = [sys.modules[__name__], build_estimates, build_factcheck]
    saved = [(m, name, getattr(m, name)) for m in modules for name in values if hasattr(m, name)]
    for module, name, _ in saved:
        setattr(module, name, values[name])
    try:
        yield
    finally:
        for module, name, value in saved:
            setattr(module, name, value)


def build(
    out: Path = DATA,
    reference: Path = REFERENCE,
    prose: Path | None = None,
    *,
    package_only: bool = False,
    tools: Path | None = None,
) -> list[Path]:
    """Build every file of ``data/`` into ``out``; return the files whose bytes changed.

    ``package_only`` refreshes only ``datapackage.json`` (hashes and row counts)
    from the tables already in ``out``; ``tools`` is the folder of the inputs
    (default: this repository's ``tools/``).
    """
    if tools is not None:
        with inputs_from(tools, reference):
            return build(out, reference, prose, package_only=package_only)
    prose = prose or (None if package_only else prose_path())
    catalog = tomllib.loads((TOOLS / "catalog.toml").read_text(encoding="utf-8"))
    (out / "tables").mkdir(parents=True, exist_ok=True)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    value_types = {}
    if not package_only:
        built = build_cells(reference, prose, catalog)
        write_sources(reference, out)
        if "relations" in catalog["tables"]:
            write_csv(out / "relations.csv", RELATION_FIELDS, build_relations())
        figures = build_text_figures(prose) if "grz_text_figures" in catalog["tables"] else []
        if "check_rules" in catalog["tables"]:
            write_csv(out / "check_rules.csv", CHECK_RULE_FIELDS, build_check_rules(prose, figures))
        if figures:
            write_csv(out / "tables" / "grz_text_figures.csv", TEXT_FIGURE_FIELDS, figures)
        for table_id, rows in built.items():
            value_types[table_id] = value_type(rows)
            write_csv(out / "tables" / f"{table_id}.csv", CELL_NAMES, rows)
        write_csv(out / "vocabulary.csv", VOCABULARY_FIELDS, read_vocabulary())
        for rules in ("scope_rules", "estimate_readings", "benchmark_bounds", "period_words", "quantity_words",
                      "report_texts"):  # judgement rules, words and the report's texts: curated, published as data
            if rules in catalog["tables"]:
                curated = read_csv(CURATED / f"{rules}.csv")
                fields = list(curated[0]) if curated else [f["name"] for f in catalog["tables"][rules]["fields"]]
                write_csv(out / catalog["tables"][rules]["path"], fields, curated)  # a package may have no rows
        if "estimates" in catalog["tables"]:
            build_estimates.build(out, prose)
        if "factcheck_lexicon" in catalog["tables"]:
            build_factcheck.build(out)  # the fact-checker's phrase tables (tools/curated/factcheck/)
        verify_quotes(out, read_prose(prose))
    else:
        old = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
        value_types = {
            r["name"]: next(f["type"] for f in r["schema"]["fields"] if f["name"] == "value")
            for r in old["resources"]
            if r.get("kind") == "cells"
        }
    text = json.dumps(package(catalog, value_types, out), indent=2, ensure_ascii=False) + "\n"
    (out / "datapackage.json").write_bytes(text.encode("utf-8"))
    # the pin: the sha256 of datapackage.json beside it, so that a hand edit of either is refused
    (out / PIN_FILE).write_text(hashlib.sha256(text.encode("utf-8")).hexdigest() + "\n", encoding="utf-8")
    return sorted(p for p in out.rglob("*") if p.is_file() and before.get(p) != p.read_bytes())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    parser.add_argument(
        "--prose", type=Path, default=None,
        help="the GRZ prose file (default: $GULAGSTATS_SEEDS or ../shared/seeds, tools/texts.py)",
    )
    parser.add_argument("--out", type=Path, default=DATA, help="the directory to build into (default: data/)")
    parser.add_argument("--package", action="store_true", help="only refresh datapackage.json")
    args = parser.parse_args(argv)
    for path in build(args.out, args.reference, args.prose, package_only=args.package):
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"wrote {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
