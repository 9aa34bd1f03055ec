#!/usr/bin/env python3
"""Build the estimates tables of data/ from the curated files, checking every quote.

Inputs
------
- ``tools/curated/estimates.csv``: every published estimate we could source,
  one a row, written by hand from ``tools/reference/estimates.tsv``, the
  ``estimates`` series of ``values.tsv`` (GRZ Table 1), the ranges the GRZ
  prose states and the claims of the seed documents.
- ``tools/curated/archival_benchmarks_spec.csv``: the rules that compute the
  archival benchmarks from the tables (see ``gulagstats.rules.benchmarks``).

Checks (the build stops with the file, line and reason)
------
- the quantity is in the vocabulary (``gulagstats.quantities()``), the period
  is ISO (or empty, with the printed wording kept), low <= high, numbers are
  non-negative, the source key exists;
- the locator is really where it is said to be: a quote of ``estimates.tsv``
  or ``values.tsv`` for a seen publication, a sentence of the seed file for a
  seed document, the quote on the stated line of the GRZ prose for ``prose``;
- every term of a rule is in the rule language (``gulagstats.rules.terms``): a
  ``prose`` term names exactly one value of ``grz_text_figures`` (whose quotes
  the build has checked on their prose lines), every other term a table of
  cells (``in:TABLE``).

Outputs
-------
``data/tables/estimates.csv``, ``data/benchmark_rules.csv`` and
``data/tables/archival_benchmarks.csv`` (the benchmarks for every quantity and
period the estimates address, computed from the freshly built tables by the
same code that computes them at run time).

Usage
-----
    python tools/build_data.py          # runs this stage after the tables of cells
    python tools/build_estimates.py     # the same: runs the whole build
"""

from __future__ import annotations

import re
import runpy
import sys
import tomllib
from pathlib import Path

import pandas as pd

from buildkit import (
    CURATED,
    DATA,
    REFERENCE,
    TOOLS,
    quote_on_line,
    read_csv,
    read_prose,
    read_tsv,
    write_csv,
)
from gulagstats.core.cells import CellIndex
from gulagstats.estimates.rates import POPULATION_TABLE, RATE_FIELDS, rate_rows
from gulagstats.periods import normalize_period
from gulagstats.rules.benchmarks import (
    BENCHMARK_FIELDS,
    BENCHMARK_RULE_FIELDS,
    BenchmarkEvaluator,
    asked_by_estimates,
    benchmark_table,
)
from gulagstats.rules.bounds import BOUND_KINDS, BoundRules
from gulagstats.rules.reader import term_period
from gulagstats.rules.terms import parse_terms
from gulagstats.vocabulary import Quantity, read_dictionary
from texts import seeds_dir

ESTIMATE_FIELDS = [
    "id", "author", "work", "year", "quantity", "period", "period_as_printed", "region", "scope",
    "low", "high", "unit", "wording", "second_hand", "source", "locator", "status", "note",
]
#: Units other than a quantity's own that an estimate may have: rates and shares (never compared).
OTHER_UNITS = {"persons per month", "persons per year", "percent"}
_PROSE_LOCATOR = re.compile(r"^(.*) \[GRZ prose line (\d+)\]$")


def quantities() -> dict[str, Quantity]:
    """The quantities of the vocabulary being built (``tools/vocabulary.csv``).

    Not the code's (``gulagstats.vocabulary.QUANTITIES``, read from ``data/`` at import): a
    quantity added to ``tools/vocabulary.csv`` is known to the build that publishes it.
    """
    rows = read_dictionary(TOOLS / "vocabulary.csv").get("quantity", {})
    return {c: Quantity(c, r["quantity_kind"], r["unit"], r["label"], r["definition"]) for c, r in rows.items() if r["quantity_kind"]}


def source_keys() -> set[str]:
    keys = {r["source"] for r in read_tsv(REFERENCE / "sources.tsv")}
    return keys | {r["key"] for r in read_csv(CURATED / "sources_extra.csv")}


def seen_quotes() -> list[str]:
    """Every quote the reference compilation records for a published estimate."""
    quotes = [r["exact_quote"] for r in read_tsv(REFERENCE / "estimates.tsv")]
    return quotes + [r["quote"] for r in read_tsv(REFERENCE / "values.tsv") if r["series"] == "estimates"]


def seed_text(key: str) -> str:
    number = key.removeprefix("seed_")
    files = sorted(seeds_dir().glob(f"{number}_*.txt"))
    if len(files) != 1:
        raise ValueError(f"source {key}: no single seed file {number}_*.txt in {seeds_dir()}")
    return files[0].read_text(encoding="utf-8")


def number(text: str) -> float | None:
    return float(text) if text.strip() else None


def check_estimate(row: dict[str, str], prose: list[str], quotes: list[str], keys: set[str]) -> str | None:
    """The reason a curated estimate is refused, or None."""
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", row["id"]):
        return f"id {row['id']!r} is not lower-case words joined by hyphens"
    known = quantities()
    quantity = known.get(row["quantity"])
    if quantity is None:
        return f"quantity {row['quantity']!r} is not in the vocabulary {sorted(known)}"
    if row["unit"] != quantity.unit and row["unit"] not in OTHER_UNITS:
        return f"unit {row['unit']!r}; expected {quantity.unit!r} or one of {sorted(OTHER_UNITS)}"
    if normalize_period(row["period"]) != row["period"]:
        return f"period {row['period']!r} is not written in ISO form ({normalize_period(row['period'])!r})"
    if not row["period"] and not row["period_as_printed"]:
        return "no period and no printed wording of it"
    if row["year"] and not re.fullmatch(r"\d{4}", row["year"]):
        return f"year {row['year']!r} is not a year"
    try:
        low, high = number(row["low"]), number(row["high"])
    except ValueError:
        return f"low {row['low']!r} or high {row['high']!r} is not a number"
    if low is None and high is None:
        return "neither low nor high"
    if any(v is not None and v < 0 for v in (low, high)) or (low is not None and high is not None and low > high):
        return f"low {row['low']} and high {row['high']} are not an ordered pair of non-negative numbers"
    if not row["region"]:
        return "no region (USSR for the whole country)"
    if row["source"] not in keys:
        return f"source {row['source']!r} is not a key of sources.tsv or sources_extra.csv"
    locator = row["locator"]
    if row["source"] == "grz1993":
        m = _PROSE_LOCATOR.match(locator)
        if row["status"] != "prose" or not m:
            return "a GRZ estimate has status prose and a locator 'QUOTE [GRZ prose line N]'"
        line = int(m[2])
        if not quote_on_line(prose, line, m[1]):
            return f"quote not found on GRZ prose line {line}: {m[1]!r}"
        return None
    if row["status"] != "confirmed":
        return f"status {row['status']!r}; a quote seen in a publication is confirmed"
    if row["source"].startswith("seed_"):
        if locator not in seed_text(row["source"]):
            return f"locator not found in the seed file of {row['source']}: {locator!r}"
        return None
    if not any(locator in quote for quote in quotes):
        return f"locator is not a quote of estimates.tsv or values.tsv: {locator!r}"
    return None


def check_rule(
    row: dict[str, str], figures: dict[tuple[str, str, str], list[tuple[int, float, str]]], cell_tables: set[str]
) -> str | None:
    """The reason a benchmark rule is refused, or None.

    ``figures`` holds the values of the prose figures by quantity, period and
    population: a ``prose`` term must name exactly one value.
    """
    quantity = quantities().get(row["quantity"])
    if quantity is None or quantity.kind not in ("flow", "stock"):
        return f"quantity {row['quantity']!r} is not a flow or stock of the vocabulary"
    if normalize_period(row["period"]) != row["period"]:
        return f"period {row['period']!r} is not written in ISO form"
    if not row["period"] and row["high"]:
        return "a series rule (no period) has one expression, in low"
    if row.get("bound", "point") not in BOUND_KINDS:
        return f"bound {row['bound']!r}; expected one of {', '.join(BOUND_KINDS)}"
    if row.get("bound") == "between" and not row["high"]:
        return "a between rule gives a floor (low) and a ceiling (high): high is empty"
    if row.get("reading") and not row["period"]:
        return "a rule of another reading answers one fixed period"
    try:
        terms = parse_terms(row["low"]) + (parse_terms(row["high"]) if row["high"] else ())
    except ValueError as exc:
        return str(exc)
    for term in terms:
        if term.prose:
            if not row["period"]:
                return f"a series rule reads tables only, not the prose figure {term.label()!r}"
            key = (term.measure, term_period(term, row["period"]), term.population)
            values = {v for line, v, fid in figures.get(key, [])
                      if (line == term.line or not term.line) and (fid == term.figure or not term.figure)}
            if len(values) != 1:
                where = (f" on line {term.line}" if term.line else "") + (f" as {term.figure}" if term.figure else "")
                return (f"prose term {term.label()!r}: grz_text_figures has "
                        f"{'no figure' if not values else 'several values'} for {key}{where}")
        elif term.table not in cell_tables:
            return (f"term {term.label()!r} names no table of cells of catalog.toml (in:TABLE)" if not term.table
                    else f"table {term.table!r} is not a table of cells in catalog.toml")
        elif not row["period"] and term.period:
            return "a series rule cannot fix the period of a term"
    try:
        row["phrase"].format(low="", high="", range="", period="")
    except (KeyError, IndexError, ValueError) as exc:
        return f"phrase has an unknown placeholder ({exc}); use {{low}}, {{high}}, {{range}}, {{period}}"
    return None


def prose_values(out: Path) -> dict[tuple[str, str, str], list[tuple[int, float, str]]]:
    """The lines, values and ids of the prose figures just built, by quantity, period and population."""
    found: dict[tuple[str, str, str], list[tuple[int, float, str]]] = {}
    for r in read_csv(out / "tables" / "grz_text_figures.csv"):
        if r["value"]:
            key = (r["quantity"], r["period"], r["population"])
            found.setdefault(key, []).append((int(r["line"]), float(r["value"]), r["id"]))
    return found


def validated(path: Path, fields: list[str], check) -> list[dict[str, str]]:
    rows = read_csv(path)
    problems = []
    if rows and list(rows[0]) != fields:
        sys.exit(f"{path.name}: columns {list(rows[0])}; expected {fields}")
    seen: set[str] = set()
    for line, row in enumerate(rows, start=2):
        key = row[fields[0]]
        reason = f"duplicate {fields[0]} {key!r}" if key in seen else check(row)
        seen.add(key)
        if reason:
            problems.append(f"{path.name}:{line}: {reason}")
    if problems:
        sys.exit("\n".join(problems))
    return rows


def read_built_table(table_id: str, out: Path = DATA) -> pd.DataFrame:
    """A table of cells as just written by build_data.py (typed enough for the benchmark rules)."""
    frame = pd.read_csv(out / "tables" / f"{table_id}.csv", dtype=str, keep_default_na=False)
    frame["value"] = pd.to_numeric(frame["value"].where(frame["value"] != ""), errors="raise")
    if "preferred" in frame.columns:  # grz_text_figures, read for its prose figures, has none
        frame["preferred"] = frame["preferred"].str.lower() == "true"
    return frame


#: The source key of a benchmark that combines values of several sources (data/sources.csv).
COMPUTED = "gulagstats_computed"

#: The link table of benchmarks and the sources of the values they use: one source key a row.
BENCHMARK_SOURCE_FIELDS = ["benchmark", "source"]


def split_sources(rows: list[dict[str, str]]) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Benchmarks with one source key each, and the link rows that list every source used.

    A benchmark whose values come from one source names it; one that combines values of
    several sources names ``COMPUTED`` (computed by gulagstats by its rule), and the link
    table lists each source it uses, one key a row.
    """
    links = [
        {"benchmark": r["id"], "source": key}
        for r in rows
        for key in r["source"].split("; ")
        if key
    ]
    single = [
        dict(r, source=r["source"] if r["source"] and "; " not in r["source"] else COMPUTED)
        for r in rows
    ]
    return single, links


def _plain(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return f"{value:.0f}" if value.is_integer() else repr(value)
    return str(value)


def build(out: Path = DATA, prose_file: Path | None = None) -> list[Path]:
    """Check the curated files and write the three tables into ``out``; return their paths.

    Reads the tables of cells already built into ``out`` (``build_data.build`` runs
    this stage after them).
    """
    catalog = tomllib.loads((TOOLS / "catalog.toml").read_text(encoding="utf-8"))
    cell_tables = {t for t, meta in catalog["tables"].items() if meta.get("kind", "cells") == "cells"}
    prose = read_prose(prose_file)
    quotes, keys = seen_quotes(), source_keys()
    estimates = validated(CURATED / "estimates.csv", ESTIMATE_FIELDS, lambda r: check_estimate(r, prose, quotes, keys))
    figures = prose_values(out)
    rules = validated(CURATED / "archival_benchmarks_spec.csv", BENCHMARK_RULE_FIELDS, lambda r: check_rule(r, figures, cell_tables))
    tables = out / "tables"
    written = [
        tables / "estimates.csv",
        out / "benchmark_rules.csv",
        tables / "archival_benchmarks.csv",
        tables / "archival_benchmark_sources.csv",
    ]
    write_csv(written[0], ESTIMATE_FIELDS, estimates)
    write_csv(written[1], BENCHMARK_RULE_FIELDS, rules)
    record = BenchmarkEvaluator(pd.DataFrame(rules, columns=BENCHMARK_RULE_FIELDS), lambda table_id: read_built_table(table_id, out))
    asked = asked_by_estimates(pd.DataFrame(estimates, columns=ESTIMATE_FIELDS), record.rules)
    found = benchmark_table(record, asked)
    benchmarks, links = split_sources([{k: _plain(v) for k, v in r.items()} for r in found.to_dict("records")])
    write_csv(written[2], BENCHMARK_FIELDS, benchmarks)
    write_csv(written[3], BENCHMARK_SOURCE_FIELDS, links)
    if not (tables / f"{POPULATION_TABLE}.csv").is_file():  # a package without population counts has no rates
        return written
    written.append(tables / "per_capita_rates.csv")
    bounds = BoundRules(read_csv(out / "benchmark_bounds.csv"))
    population = CellIndex.from_frames([(POPULATION_TABLE, read_built_table(POPULATION_TABLE, out))])
    rates = [{k: _plain(v) if v is not None else "" for k, v in r.items()} for r in rate_rows(record, bounds, population)]
    write_csv(written[4], RATE_FIELDS, rates)
    return written


if __name__ == "__main__":
    # a stage of the whole build: the benchmarks need the tables, and datapackage.json their hashes
    runpy.run_path(str(TOOLS / "build_data.py"), run_name="__main__")
