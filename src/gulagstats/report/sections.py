"""The sections of the report that list: estimates, what is not known, coverage, open values, sources."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..core.record import Record
from ..estimates.tally import tally
from ..loaders import table_list
from ..vocabulary import MISSING, NOT_COMPARABLE, OVERSTATES, UNCONFIRMED
from .headline import conservative_factors
from .model import Block, Details, Section


def _sensitivity(table: pd.DataFrame) -> pd.DataFrame:
    """The sensitivity label, with the verdict under each reading or source when the verdict flips.

    What a floor's record lacks is no column of its own: the explanation says it (a
    fourteenth column would not fit the report's width).
    """
    if "sensitivity" not in table.columns:
        return table
    label = table["sensitivity"].fillna("")
    spread = table["verdict_range"].fillna("") if "verdict_range" in table.columns else ""
    flips = (label != "") & (label != "stable")
    return table.assign(sensitivity=label.where(~flips, label + ": " + spread))


def estimates_section(table: pd.DataFrame) -> tuple[Section, dict[str, int]]:
    """The published estimates against the archival record, with the reasons of those not comparable."""
    counts = tally(table)  # a claim once: restatements grouped, GRZ's spreads of others' estimates left out
    role = table["role"].fillna("claim") if "role" in table.columns else pd.Series("claim", index=table.index)
    context = table[role == "context"]
    table = table[role != "context"]
    shown, reasons = _comparable_rows(table), _not_comparable_rows(table)
    text = (
        f"{len(table)} published estimates, {sum(counts.values())} distinct claims once restatements "
        "of one claim are grouped, against what the archival record documents: "
        + ", ".join(
            f"{n} {str(v).replace('_', ' ')}"
            for v, n in sorted(counts.items(), key=lambda kv: -kv[1])
        )
        + ". Conservative factor: against the widest defensible benchmark (largest: the "
        "narrowest); benchmark_status: the weakest status it is computed from; 'not contradicted': "
        "a one-sided claim the record does not contradict, not a confirmation; bound: what the "
        "benchmark is for the claim (a point, a floor, a ceiling, or between); sensitivity: 'stable' "
        "when every published value and every reading gives the same verdict, otherwise which it "
        "depends on and the verdict under each; what a floor leaves out is in its explanation."
    )
    blocks: list[Block] = [text, shown]
    if len(reasons):
        blocks.append(
            Details(f"Not comparable: {len(reasons)} estimates, each with its reason", [reasons])
        )
    if len(context):
        blocks.append(
            Details(
                f"Context, not scored: {len(context)} ranges in which GRZ summarise other authors' "
                "estimates",
                [context[["author", "quantity", "period", "low", "high", "wording", "source"]]],
            )
        )
    return Section("Estimates against the archival record", "estimates", blocks), counts


def _comparable_rows(table: pd.DataFrame) -> pd.DataFrame:
    """The estimates that could be compared, with their conservative and largest factors."""
    comparable = table[table["verdict"] != NOT_COMPARABLE].copy()
    comparable["conservative factor"] = conservative_factors(comparable).where(
        comparable["verdict"] == OVERSTATES
    )
    if "factor_high" in comparable.columns:
        comparable["largest factor"] = pd.to_numeric(comparable["factor_high"], errors="coerce").where(
            comparable["verdict"] == OVERSTATES
        )
    comparable = comparable.sort_values(["quantity", "year", "author"], na_position="last")
    columns = [
        "author",
        "year",
        "quantity",
        "period",
        "wording",
        "verdict",
        "bound",
        "sensitivity",
        "conservative factor",
        "largest factor",
        "benchmark_status",
        "explanation",
        "source",
    ]
    comparable = _sensitivity(comparable)
    return comparable[[c for c in columns if c in comparable.columns]].assign(
        **{"conservative factor": comparable["conservative factor"].round(1)}
    )


def _not_comparable_rows(table: pd.DataFrame) -> pd.DataFrame:
    """The estimates that could not be compared, each with its reason."""
    other = table[table["verdict"] == NOT_COMPARABLE].sort_values(
        ["quantity", "year"], na_position="last"
    )
    reasons = other[
        ["author", "year", "quantity", "period", "wording", "explanation", "source"]
    ].rename(columns={"explanation": "why not comparable"})
    return reasons.assign(
        **{
            "why not comparable": reasons["why not comparable"].str.replace(
                r"^Not comparable:\s*", "", regex=True
            )
        }
    )


def unknowns_section(coverage: pd.DataFrame, open_rows: pd.DataFrame, gaps: list[str]) -> Section:
    """What we do not know: missing cells, unconfirmed series, and the gaps of the record itself."""
    titles = table_list().set_index("id")["title"]
    missing = []
    for _, row in coverage.iterrows():
        table_id = str(row["table"])
        if table_id not in titles.index or int(row[MISSING]) == 0:
            continue
        missing.append(
            f"{titles[table_id].split(':')[0]} ({table_id}): {int(row[MISSING])} of "
            f"{int(row['cells'])} cells missing"
        )
    unconfirmed = open_rows[open_rows["status"] == UNCONFIRMED]
    series = (
        unconfirmed.groupby(["table", "population", "measure"])["period"]
        .agg(
            lambda p: (
                f"{len(p)} value{'s' if len(p) > 1 else ''}: {', '.join(sorted(set(map(str, p))))}"
            )
        )
        .reset_index()
    )
    unconfirmed_lines = [
        f"{r.table}: {r.population} {r.measure} ({r.period})" for r in series.itertuples()
    ]
    blocks: list[Block] = [
        "What the data cannot say yet, in plain words. The first two lists can be filled by a "
        "reader holding "
        "the printed article or the archival publications (`gulagstats template TABLE`, then "
        "`--overlay FILE`); "
        "the third is a limit of the record itself.",
        "### Cells of GRZ's tables still missing",
        _bullets(missing) if missing else "None.",
        "### Series resting on values no reachable copy showed (unconfirmed)",
        _bullets(unconfirmed_lines) if unconfirmed_lines else "None.",
        "### Gaps of the record itself",
        _bullets(gaps),
    ]
    return Section("What we do not know", "unknown", blocks)


def _bullets(items: Sequence[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def coverage_section(cov: pd.DataFrame) -> Section:
    """How many cells of each table are known, and how (the coverage table, collapsed)."""
    text = (
        "Each cell of a table is counted once, by the status of its value (the table's preferred "
        "row); "
        "other sources' values of the same cell are counted as alternatives. "
        "The last two rows total the GRZ article (Tables 1-9 and Appendixes) and all tables."
    )
    everything = cov.iloc[-1]
    summary = (
        f"Coverage by table: {int(everything['known'])} of {int(everything['cells'])} cells known "
        f"({everything['known_pct']:g}%), {int(everything[MISSING])} missing"
    )
    return Section("Coverage of the tables", "coverage", [text, Details(summary, [cov])])


def open_rows(record: Record) -> pd.DataFrame:
    """The preferred rows of every table of cells that are unconfirmed or missing."""
    frames = []
    for table_id in record.cell_tables():
        frame = record.frame(table_id)
        chosen = frame[
            frame["preferred"].fillna(False) & frame["status"].isin([UNCONFIRMED, MISSING])
        ]
        frames.append(chosen.assign(table=table_id))
    return pd.concat(frames, ignore_index=True)


def open_values_section(rows: pd.DataFrame) -> Section:
    """The values still unconfirmed or missing, for a reader who can fill them."""
    columns = [
        "table",
        "period",
        "population",
        "measure",
        "category",
        "value",
        "status",
        "source",
        "note",
    ]
    unconfirmed = rows[rows["status"] == UNCONFIRMED][columns]
    missing = (
        rows[rows["status"] == MISSING]
        .groupby(["table", "population", "measure"], as_index=False)
        .agg(
            cells=("period", "size"),
            periods=("period", lambda p: ", ".join(sorted(set(map(str, p))))),
        )
    )
    return Section(
        "Values still unconfirmed or missing",
        "open",
        [
            f"{len(unconfirmed)} table values are unconfirmed (no reachable copy showed them) and "
            f"{int(missing['cells'].sum())} cells are missing. A reader holding the printed "
            "article can fill "
            "them: `gulagstats template TABLE`, then `--overlay FILE`.",
            Details(f"Unconfirmed values: {len(unconfirmed)}", [unconfirmed]),
            Details(
                f"Missing cells: {int(missing['cells'].sum())}, in {len(missing)} series", [missing]
            ),
        ],
    )


def sources_section(record: Record) -> Section:
    """Every source key used in the data, with its title, citation and link (folded: a link to a source opens it)."""
    sources = record.load("sources")
    shown = sources[[c for c in ("key", "title", "citation", "url", "kind") if c in sources.columns]]
    return Section(
        "Sources",
        "sources",
        [
            "Every source key used in the data, with the short title the report shows for it, its "
            "citation and where to read it.",
            Details(f"{len(shown)} sources: title, citation and link of each", [shown]),
        ],
    )
