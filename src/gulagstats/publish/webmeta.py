"""Datasette's metadata for the record, generated from ``datapackage.json``.

Titles, descriptions and column descriptions of every table; the licence and
the source on every page (canned queries included); facets on the coded
columns and on ``preferred``; a default order (tables of values by period,
checks by gravity, verdicts by author and year); the canned queries.  Written
beside the SQLite export as ``metadata.json`` (``datasette gulagstats.db -m
metadata.json`` shows what ``gulagstats serve`` shows), and used by ``serve``.
"""

from __future__ import annotations

from typing import Any

from .about import LICENSE, LICENSE_URL, about
from .frames import stored_frames, table_metadata
from .sqlite import CELL_COLUMNS, VALUES_VIEW

#: The database name in Datasette's URLs (``/gulagstats/appendix``).
DATABASE = "gulagstats"

#: Columns offered as facets wherever a table has them.
FACETS = ("status", "preferred", "population", "measure", "period", "verdict", "grade", "family", "quantity")
#: The order a table opens in (Datasette's ``sort`` or ``sort_desc``), where it is not by its key.
ORDER: dict[str, dict[str, str]] = {
    "checks": {"sort_desc": "gravity"},
    "verdicts": {"sort": "year"},
    "estimates": {"sort": "year"},
}

CANNED_QUERIES: dict[str, dict[str, str]] = {
    "values_of_a_cell": {
        "title": "Every published value of one cell",
        "description": "All values any source prints for a cell, with source, locator and status "
        "(period as written in the data: 1939-01-01, 1938, 1937/1938).",
        "sql": f"select * from {VALUES_VIEW} where period = :period and population = :population "
        "and measure = :measure order by table_id, preferred desc, source",
    },
    "missing_cells": {
        "title": "All missing cells of a table",
        "description": "The cells of a table nobody could source (table id: appendix, table_4, "
        "...).",
        "sql": f"select * from {VALUES_VIEW} where table_id = :table and status = 'missing' "
        "order by population, measure, category, period",
    },
    "sources_disagree": {
        "title": "Every cell where sources disagree",
        "description": "Cells with more than one distinct published value, each value with its "
        "source and status.",
        "sql": f"select v.* from {VALUES_VIEW} v join (select table_id, period, population, "
        "measure, "
        "coalesce(category, '') as category, unit from "
        f"{VALUES_VIEW} where value is not null group by 1, 2, 3, 4, 5, 6 having count(distinct "
        "value) > 1) d "
        "on v.table_id = d.table_id and v.period = d.period and v.population = d.population "
        "and v.measure = d.measure and coalesce(v.category, '') = d.category and v.unit = d.unit "
        "where v.value is not null order by v.table_id, v.period, v.population, v.measure, "
        "v.preferred desc",
    },
    "verdicts_of_an_author": {
        "title": "The verdicts of one author",
        "description": "Every published estimate of an author (part of the name: Conquest, "
        "Medvedev, ...) "
        "against the archival benchmark, with the verdict and its explanation.",
        "sql": "select id, author, work, year, quantity, period, low, high, source, status, "
        "verdict, "
        "factor, benchmark_low, benchmark_high, explanation from verdicts "
        "where author like '%' || :author || '%' order by year, quantity",
    },
}


def _provenance() -> dict[str, str]:
    """The licence and the source, which every page shows (a canned query's page too)."""
    a = about()
    return {"license": LICENSE, "license_url": LICENSE_URL, "source": a.source, "source_url": a.source_url}


def _table_entry(name: str, meta: dict[str, Any], columns: list[str]) -> dict[str, Any]:
    entry: dict[str, Any] = {"title": meta["title"], "description": meta["description"]}
    described = {k: v for k, v in meta["fields"].items() if v}
    if described:
        entry["columns"] = described
    facets = [c for c in FACETS if c in columns]
    if facets:
        entry["facets"] = facets
    if set(CELL_COLUMNS) <= set(columns):
        entry["sort"] = "start"  # by period: the first day it covers
    entry.update(ORDER.get(name, {}))
    return entry


def datasette_metadata(columns: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """Datasette metadata generated from ``datapackage.json``.

    Parameters
    ----------
    columns : dict of str to list of str, optional
        The columns of each published table (to choose facets); default: read them.

    Returns
    -------
    dict
        ``title``, ``license``, ``source`` and, for database ``gulagstats``, the
        tables' titles, descriptions, column descriptions, facets and order,
        and the canned queries (each with the licence and the source).

    Examples
    --------
    >>> meta = datasette_metadata()
    >>> table = meta["databases"]["gulagstats"]["tables"]["appendix"]
    >>> table["facets"][:2], table["sort"], table["columns"]["source"]
    (['status', 'preferred'], 'start', 'key of data/sources.csv')
    >>> meta["databases"]["gulagstats"]["queries"]["missing_cells"]["license"] == meta["license"]
    True
    """
    if columns is None:
        columns = {n: list(f.columns) for n, f in stored_frames().items()}
        columns.update(
            {"checks": ["family", "verdict", "grade", "gravity"], "verdicts": ["quantity", "verdict", "status"]}
        )
    tables = {name: _table_entry(name, meta, columns.get(name, [])) for name, meta in table_metadata().items()}
    tables["sources"]["label_column"] = "key"
    provenance = _provenance()
    a = about()
    return {
        "title": a.title,
        "description": a.description,
        **provenance,
        "databases": {
            DATABASE: {
                **provenance,
                "tables": tables,
                "queries": {name: {**query, **provenance} for name, query in CANNED_QUERIES.items()},
            }
        },
    }
