"""What is published: every table of the data package, the check results and the verdicts.

Each is a pandas DataFrame keyed by the name it is published under.  The
tables come from :func:`gulagstats.loaders.read_table` (hash-checked and
typed, in the columns of the CSV); the check results and verdicts are
computed now from the same data, by :func:`gulagstats.check` and
:func:`gulagstats.compare`, so that they can be filtered beside the values.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import store
from ..checks import check_record
from ..checks.grade import findings
from ..checks.text import flat
from ..core.record import Record
from ..core.results import CheckResult
from ..estimates.verdicts import compare_estimates
from ..loaders import read_table
from ..periods import period_bounds
from ..vocabulary import GRADES

#: Names of the computed tables, with their title and description (for metadata).
COMPUTED: dict[str, dict[str, str]] = {
    "checks": {
        "title": "Consistency checks: every expectation against the observed values",
        "description": "One row a check (gulagstats.check()): its family, verdict, what was "
        "expected "
        "(with the quote or identity), what the tables give, the difference, the tolerance and "
        "why, "
        "and the cells used, each with its source and status (one cell a row in check_cells); "
        "the grade of a discrepancy and its gravity (0: no discrepancy; the higher, the graver), "
        "the gravest first.",
    },
    "check_cells": {
        "title": "The cells each check used, with their source and status",
        "description": "One row per check and cell value it was computed from: the table, period, "
        "population, measure, category, unit, value, source, locator and status of the value, and "
        "whether it is the table's preferred value of the cell.",
    },
    "verdicts": {
        "title": "Verdicts: every published estimate against the archival benchmarks",
        "description": "One row an estimate (gulagstats.compare()): the estimate with its source "
        "and "
        "status, the benchmark it is set against (with its sources and status), the ratio, the "
        "verdict (consistent, overstates, understates, not_comparable) and the explanation.",
    },
}


def graded(results: list[CheckResult], frame: pd.DataFrame) -> pd.DataFrame:
    """The checks with the grade of each discrepancy and its ``gravity``, the gravest first.

    ``grade`` is the finding's (:func:`gulagstats.checks.grade.findings`; a check
    that repeats a finding has its grade); ``gravity`` ranks the grades, from 1
    (the most trivial) to the most serious; a check that found no discrepancy
    has no grade and gravity 0.

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> results = check_record(default_record())
    >>> out = graded(results, flat(results))
    >>> out["gravity"].is_monotonic_decreasing, out.iloc[0]["grade"]
    (True, 'major')
    """
    grade_of: dict[str, str] = {}
    for found in findings(results):
        for check_id in (found.result.id, *found.same_as):
            grade_of[check_id] = found.grade
    grades = [grade_of.get(str(i), "") for i in frame["id"]]
    out = frame.assign(grade=grades, gravity=[GRADES.index(g) + 1 if g else 0 for g in grades])
    at = list(frame.columns).index("verdict") + 1  # beside the verdict they grade
    out = out[[*frame.columns[:at], "grade", "gravity", *frame.columns[at:]]]
    order = out.sort_values(["gravity", "id"], ascending=[False, True], kind="stable").index
    return out.loc[order].reset_index(drop=True)


def _check_frames(record: Record) -> tuple[pd.DataFrame, pd.DataFrame]:
    results = check_record(record)
    cells = [{"check": r.id, **c.model_dump()} for r in results for c in r.cells]
    columns = [
        "check",
        "table",
        "period",
        "population",
        "measure",
        "category",
        "unit",
        "value",
        "source",
        "status",
        "preferred",
        "locator",
        "note",
    ]
    return graded(results, flat(results)), pd.DataFrame(cells, columns=columns)


def stored_frames() -> dict[str, pd.DataFrame]:
    """Every table of the data package as stored, by name, in the package's order.

    Examples
    --------
    >>> frames = stored_frames()
    >>> "sources" in frames and "vocabulary" in frames, list(frames["appendix"].columns[:3])
    (True, ['period', 'start', 'end'])
    """
    frames: dict[str, pd.DataFrame] = {}
    for name in store.resources():
        frame = read_table(name)
        frame.attrs = {}
        frames[name] = frame
    return frames


def published_frames(record: Record, computed: bool = True) -> dict[str, pd.DataFrame]:
    """Return every table that is published, by name, in the data package's order.

    Parameters
    ----------
    record : Record
        The record whose check results and verdicts are computed.
    computed : bool, default True
        Add the check results (``checks``, ``check_cells``) and the verdicts
        (``verdicts``), computed from the data now.

    Returns
    -------
    dict of str to pandas.DataFrame
        The data package's resources (tables of values, sources, vocabulary,
        benchmark rules, links) as stored, then the computed tables.

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> frames = published_frames(default_record(), computed=False)
    >>> list(frames) == list(stored_frames())
    True
    """
    frames = stored_frames()
    if computed:
        frames["checks"], frames["check_cells"] = _check_frames(record)
        frames["verdicts"] = compare_estimates(record)
        _add_refined_benchmarks(frames)
    return frames


def _add_refined_benchmarks(frames: dict[str, pd.DataFrame]) -> None:
    """Publish every benchmark a verdict names, with its sources.

    The stored table holds the benchmarks the estimates ask for as printed; a
    verdict may rest on one the judgment computed for a reading, a scope or a
    bound (``also_against``, ``bound``), which is added here from the verdict's
    own ``benchmark_*`` columns, so that every verdict's benchmark can be looked up.
    """
    stored, links, verdicts = (
        frames["archival_benchmarks"],
        frames["archival_benchmark_sources"],
        frames["verdicts"],
    )
    named = verdicts[verdicts["benchmark_id"].fillna("").astype(str) != ""]
    extra = named[~named["benchmark_id"].isin(stored["id"])].drop_duplicates("benchmark_id")
    if extra.empty:
        return
    rows = pd.DataFrame({c: pd.Series([pd.NA] * len(extra), dtype=stored[c].dtype) for c in stored.columns})
    for column in ("quantity", "period", "scope", "low", "high", "basis", "caveats", "locator", "status"):
        given = extra["quantity"] if column == "quantity" else extra[f"benchmark_{column}"]
        rows[column] = given.to_numpy()
    rows["source"] = [  # one key a row: several sources are the computation's (listed in the links)
        s if s and "; " not in s else "gulagstats_computed"
        for s in extra["benchmark_source"].fillna("").astype(str)
    ]
    rows["id"] = extra["benchmark_id"].to_numpy()
    rows["rule"] = [str(i).split(":")[0] for i in rows["id"]]
    quantity_of = dict(zip(frames["benchmark_rules"]["rule"], frames["benchmark_rules"]["quantity"], strict=True))
    rows["quantity"] = [quantity_of.get(r, q) for r, q in zip(rows["rule"], rows["quantity"], strict=True)]
    bounds = [period_bounds(str(p)) for p in rows["period"]]
    rows["start"] = pd.to_datetime([b[0] for b in bounds]).astype(stored["start"].dtype)
    rows["end"] = pd.to_datetime([b[1] for b in bounds]).astype(stored["end"].dtype)
    rows["preferred"] = False
    frames["archival_benchmarks"] = pd.concat([stored, rows[stored.columns]], ignore_index=True)
    new_links = [
        {"benchmark": b, "source": key}
        for b, sources in zip(extra["benchmark_id"], extra["benchmark_source"].fillna(""), strict=True)
        for key in str(sources).split("; ")
        if key
    ]
    frames["archival_benchmark_sources"] = pd.concat(
        [links, pd.DataFrame(new_links, columns=links.columns)], ignore_index=True
    )


def table_metadata() -> dict[str, dict[str, Any]]:
    """Title, description and field descriptions of every published table.

    Examples
    --------
    >>> meta = table_metadata()
    >>> meta["appendix"]["fields"]["source"]
    'key of data/sources.csv'
    """
    out: dict[str, dict[str, Any]] = {}
    for name, r in store.resources().items():
        out[name] = {
            "title": r.get("title", name),
            "description": r.get("description", ""),
            "fields": {f["name"]: f.get("description", "") for f in r["schema"]["fields"]},
        }
    for name, meta in COMPUTED.items():
        out[name] = {"title": meta["title"], "description": meta["description"], "fields": {}}
    return out
