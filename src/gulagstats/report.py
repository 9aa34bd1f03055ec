"""The main job: one report of everything gulagstats knows, in HTML and Markdown.

:func:`build_report` runs each step (the headline comparison, checks,
estimates, unknowns, figures, coverage), then writes ``report.html``
(self-contained: figures embedded, no network needed to read it) and its twin
``report.md`` (figures beside it in ``figures/``).  Both are rendered from the
same list of :class:`Section`, so they always say the same thing.

The page leads with the argument of Getty, Rittersporn & Zemskov ("What the
archives show"), then the findings graded (discrepancies first, the rest
collapsed), then what is not known.  It is laid out for any screen: a viewport
tag, wide tables scrolling in their own box with their key column kept in
view, sources as links, each figure with a caption, alt text and its data as
CSV.  On machines with more than two cores the figures are drawn in worker
processes while the checks run.
"""

from __future__ import annotations

import base64
import csv
import html
import io
import math
import os
import re
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeAlias

import pandas as pd
from pydantic import BaseModel, Field

from . import __version__
from .core.record import Record, resolve
from .errors import printable
from .outputs import atomic_path, check_target, write_text
from .render import STATUS_LEGEND, cell_text, markdown_table, markdown_text
from .vocabulary import (
    CONSISTENT,
    DEPENDS_ON_SOURCE,
    DISCREPANCY,
    MAJOR,
    MINOR,
    MISSING,
    NOT_CHECKABLE,
    NOT_COMPARABLE,
    ONE_DIGIT,
    ONE_UNIT,
    OVERSTATES,
    PROSE,
    SLIP_GRADES,
    TRANSPOSITION,
    UNCONFIRMED,
    WITHIN_ROUNDING,
)


@dataclass
class Details:
    """A collapsed part of a section: a one-line summary, and blocks shown on request."""

    summary: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Card:
    """One finding: a title, a grade, and labelled lines (label, text)."""

    title: str
    grade: str
    lines: list[tuple[str, str]] = field(default_factory=list)
    more: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class FigureBlock:
    """A figure file with what a reader needs to cite it: caption, alt text and its data as CSV."""

    path: Path
    caption: str
    alt: str
    csv: Path | None = None
    width: int = 0
    height: int = 0


Block: TypeAlias = pd.DataFrame | str | Path | Details | Card | FigureBlock


@dataclass
class Section:
    """A part of the report: a title, an anchor and blocks in order."""

    title: str
    anchor: str
    blocks: list[Block] = field(default_factory=list)


class ReportResult(BaseModel):
    """What :func:`build_report` wrote and found."""

    html: Path
    markdown: Path
    figures: list[Path]
    sections: list[str]
    cells: int
    cells_known: int
    checks: dict[str, int] = Field(description="checks by verdict, and 'total'")
    estimates: dict[str, int] = Field(description="estimates by verdict")


# --------------------------------------------------------------------------------------------
# 1. What the archives show
# --------------------------------------------------------------------------------------------

#: The rows of the headline table: GRZ's Table 1 quantities, each with its benchmark.
HEADLINE_ROWS: list[tuple[str, str]] = [
    ("Arrests, 1937-1938", "arrests_1937_1938:1937/1938"),
    ("Executions, 1937-1938", "executions_nkvd:1937/1938"),
    ("Camp population (ITL), 1 January 1939", "camp_population_appendix:1939-01-01"),
    (
        "Camps, colonies and prisons, end of 1938 (1 January 1939)",
        "custodial_population_appendix:1939-01-01",
    ),
    (
        "Deaths in custody (shot, or died in the camps), 1937-1938",
        "custodial_deaths_1937_1938:1937/1938",
    ),
    ("Deaths in the camps, 1937-1938", "camp_deaths_appendix:1937/1938:sum"),
]


#: The multiplication sign of "at least 2.8x" (a typographic times, not the letter).
TIMES = "\u00d7"


def _number(value: float) -> str:
    """A count as a reader says it: 1,575,259, or 7 million, or 1.5 million.

    Examples
    --------
    >>> _number(1575259), _number(7_000_000), _number(1_500_000), _number(681692)
    ('1,575,259', '7 million', '1.5 million', '681,692')
    """
    if value >= 1_000_000 and value % 100_000 == 0:
        return f"{value / 1e6:g} million"
    return f"{round(value):,}"


def _span(low: float, high: float) -> str:
    return _number(low) if pd.isna(high) or low == high else f"{_number(low)} to {_number(high)}"


def _estimate_high(row: pd.Series) -> float:
    return float(row["low"] if pd.isna(row["high"]) else row["high"])


def _who(row: pd.Series) -> str:
    year = "n.d." if pd.isna(row.get("year")) else str(int(row["year"]))
    author = str(row["author"]).split(",")[0]
    return f"{author} ({year})"


def conservative_factors(rows: pd.DataFrame) -> pd.Series:
    """The smallest factor each estimate can be read as: its low end over the benchmark's high end.

    ``factor_low`` from :func:`gulagstats.compare` is used where it exists.

    Examples
    --------
    >>> rows = pd.DataFrame({"low": [7e6, 3.5e6], "benchmark_high": [2.5e6, 2.5e6]})
    >>> conservative_factors(rows).round(1).tolist()
    [2.8, 1.4]
    """
    if "factor_low" in rows.columns and rows["factor_low"].notna().any():
        return pd.to_numeric(rows["factor_low"], errors="coerce")
    return rows["low"].astype(float) / rows["benchmark_high"].astype(float)


def _published(rows: pd.DataFrame) -> pd.DataFrame:
    """The estimates of other authors (GRZ's own summaries of their range are not estimates)."""
    return rows[rows["source"].astype(str) != "grz1993"]


_LINE = re.compile(r"GRZ prose line \d+")


def _where(benchmark: pd.Series) -> str:
    """Where the archival figure stands: GRZ's prose line, or how it is computed from the tables."""
    lines = sorted(set(_LINE.findall(str(benchmark["locator"]))), key=lambda s: int(s.split()[-1]))
    if str(benchmark["status"]) == PROSE and lines:
        return "; ".join(lines)
    return str(benchmark["basis"])


def headline_table(estimates: pd.DataFrame, benchmarks: pd.DataFrame) -> pd.DataFrame:
    """GRZ's Table 1 reproduced and extended: the archival figure beside the published range.

    One row per quantity of :data:`HEADLINE_ROWS` that the data holds: the
    archival figure with its status and source, the lowest and highest
    published estimates compared with it, and the conservative factor range of
    the estimates that overstate it (each estimate's low end over the archival
    high end).

    Examples
    --------
    >>> import gulagstats
    >>> table = headline_table(gulagstats.compare(), gulagstats.benchmarks())
    >>> table.iloc[0]["archival figure"]
    '1,575,259 to 2.5 million'
    """
    rows = []
    for label, benchmark_id in HEADLINE_ROWS:
        found = benchmarks[benchmarks["id"] == benchmark_id]
        if found.empty:
            continue
        b = found.iloc[0]
        chosen = _published(estimates[estimates["benchmark_id"] == benchmark_id])
        row: dict[str, Any] = {
            "quantity": label,
            "archival figure": _span(float(b["low"]), float(b["high"])),
            "status": b["status"],
            "source": b["source"],
            "where": _where(b),
            "lowest published estimate": "",
            "highest published estimate": "",
            "high estimates ÷ archival figure": "",
        }
        if len(chosen):
            low = chosen.loc[chosen["low"].astype(float).idxmin()]
            high = chosen.loc[chosen.apply(_estimate_high, axis=1).idxmax()]
            row["lowest published estimate"] = (
                f"{_span(float(low['low']), _estimate_high(low))}: {_who(low)}"
            )
            row["highest published estimate"] = (
                f"{_span(float(high['low']), _estimate_high(high))}: {_who(high)}"
            )
            over = chosen[chosen["verdict"] == OVERSTATES].assign(benchmark_high=float(b["high"]))
            if len(over):
                factors = conservative_factors(over).dropna()
                if len(factors):
                    lo, hi = float(factors.min()), float(factors.max())
                    times = TIMES
                    row["high estimates ÷ archival figure"] = (
                        f"at least {lo:.1f}{times}"
                        if round(lo, 1) == round(hi, 1)
                        else f"at least {lo:.1f}{times} to {hi:.1f}{times}"
                    ) + f" ({len(over)} estimate{'s' if len(over) > 1 else ''})"
        rows.append(row)
    return pd.DataFrame(rows)


def _short(value: float) -> str:
    """A count rounded for a sentence (three significant digits).

    Examples
    --------
    >>> _short(1575259), _short(681692), _short(20_000_000), _short(2_022_976)
    ('1.58 million', '682,000', '20 million', '2.02 million')
    """
    rounded = float(f"{value:.3g}")
    return f"{rounded / 1e6:g} million" if rounded >= 1e6 else f"{int(rounded):,}"


def _headline_section(estimates: pd.DataFrame, record: Record) -> tuple[Section, pd.DataFrame]:
    from .estimates import benchmarks as computed

    benchmarks = computed(record=record)  # with their sources (the stored table links them apart)
    table = headline_table(estimates, benchmarks)
    said = []
    for label, benchmark_id in HEADLINE_ROWS:
        b = benchmarks[benchmarks["id"] == benchmark_id]
        chosen = _published(estimates[estimates["benchmark_id"] == benchmark_id])
        if b.empty or chosen.empty:
            continue
        low, high = float(b.iloc[0]["low"]), float(b.iloc[0]["high"])
        documented = _short(low) if low == high else f"{_short(low)} to {_short(high)}"
        top = float(chosen.apply(_estimate_high, axis=1).max())
        said.append(f"{label[0].lower() + label[1:]}: {documented}, against up to {_short(top)}")
    text = (
        "In 1993 Getty, Rittersporn and Zemskov set the first archival counts of the Soviet penal "
        "system "
        "beside the published estimates (their Table 1). The archival record puts each quantity "
        "several "
        "times below the high estimates. " + "; ".join(said)[:1].upper() + "; ".join(said)[1:] + "."
    )
    how_sure = (
        "How sure: the factor column is the conservative one, each high estimate's low end "
        "divided by the "
        "archival figure's high end (for arrests, GRZ's ceiling of 2.5 million on all charges, "
        "not the "
        "1,575,259 arrests on security-police cases alone; for 'camps', which a published "
        "estimate means as the Gulag as a whole unless it says ITL, camps and colonies). The "
        "archival figures count what the "
        "NKVD "
        "recorded; what the record leaves out is listed under 'What we do not know'. Status "
        "'prose' is a "
        "number stated in GRZ's text; 'confirmed' means seen in the cited reprint, not verified "
        "in the "
        "archive; 'derived' is arithmetic on such values. GRZ's own summaries of the range of "
        "other "
        "authors' estimates are left out of the published columns."
    )
    return Section("What the archives show", "archives", [text, table, how_sure]), table


# --------------------------------------------------------------------------------------------
# 2. The findings, graded
# --------------------------------------------------------------------------------------------

#: What a check's relation asks of the observed value, in words.
RELATION_WORDS: dict[str, str] = {
    "exact": "exactly",
    "approx": "about",
    "lower_bound": "at least",
    "upper_bound": "at most",
    "range_low": "at least (low end of a range)",
    "range_high": "at most (high end of a range)",
    "order_of_magnitude": "of the order of",
}

#: Grades of a discrepancy (from the judgments of the checks, when they carry one), gravest first.
GRADE_ORDER = [MAJOR, MINOR, TRANSPOSITION, ONE_DIGIT, ONE_UNIT, WITHIN_ROUNDING]

#: What each grade means, for the card's badge.
GRADE_MEANING: dict[str, str] = {
    MAJOR: MAJOR,
    MINOR: MINOR,
    TRANSPOSITION: "digits transposed",
    ONE_DIGIT: "one digit differs",
    ONE_UNIT: "off by one",
    WITHIN_ROUNDING: "within rounding",
}


def grade_of(result: Any) -> str:
    """The grade a finding carries, or its relative size when the checks give no grade.

    Examples
    --------
    >>> from types import SimpleNamespace as R
    >>> grade_of(R(grade="one_unit", relative_difference=0.0))
    'off by one'
    >>> grade_of(R(relative_difference=-0.366))
    'differs by 36.6%'
    """
    grade = getattr(result, "grade", None)
    if grade:
        return GRADE_MEANING.get(str(grade), str(grade).replace("_", " "))
    rel = getattr(result, "relative_difference", None)
    if rel is None or (isinstance(rel, float) and math.isnan(rel)):
        return "size not known"
    return f"differs by {abs(rel):.1%}" if abs(rel) >= 0.001 else f"differs by {abs(rel):.4%}"


def finding_order(results: Sequence[Any]) -> list[Any]:
    """Findings gravest first: by grade where the checks grade them, else by relative size.

    Examples
    --------
    >>> from types import SimpleNamespace as R
    >>> rs = [R(id="a", relative_difference=0.001), R(id="b", relative_difference=-0.4)]
    >>> [r.id for r in finding_order(rs)]
    ['b', 'a']
    >>> rs = [R(id="a", grade="one_unit", relative_difference=0.5),
    ...       R(id="b", grade="major", relative_difference=0.1)]
    >>> [r.id for r in finding_order(rs)]
    ['b', 'a']
    """

    def size(r: Any) -> float:
        rel = getattr(r, "relative_difference", None)
        return (
            0.0 if rel is None or (isinstance(rel, float) and math.isnan(rel)) else abs(float(rel))
        )

    def key(r: Any) -> tuple[int, float]:
        grade = getattr(r, "grade", None)
        rank = (
            GRADE_ORDER.index(grade) if grade in GRADE_ORDER else (len(GRADE_ORDER) if grade else 0)
        )
        return rank, -size(r)

    return sorted(results, key=key)


def _src(keys: str) -> str:
    """Mark source keys so that HTML links them to the Sources section (Markdown keeps the keys)."""
    return "; ".join(f"{{{{{k.strip()}}}}}" for k in re.split(r"[;+]", str(keys)) if k.strip())


def _cells_text(r: Any, limit: int = 4) -> str:
    parts = [
        f"{c.table} {c.period} {c.population} {c.measure}{' ' + c.category if c.category else ''}: "
        f"{cell_text(c.value)} ({_src(c.source)}, {c.status})"
        for c in r.cells[:limit]
    ]
    if len(r.cells) > limit:
        parts.append(f"... and {len(r.cells) - limit} more")
    return "; ".join(parts)


def _alternatives_text(alternatives: Sequence[Any], limit: int = 4) -> str:
    parts = []
    for a in alternatives[:limit]:
        cell = getattr(a, "cell", None)
        if cell is None:
            parts.append(str(a))
            continue
        parts.append(
            f"{cell_text(cell.value)} ({_src(cell.source)}, {cell.status}) gives "
            f"{_rounded(getattr(a, 'observed', None))}: "
            f"{str(getattr(a, 'verdict', '')).replace('_', ' ')}"
        )
    if len(alternatives) > limit:
        parts.append(f"... and {len(alternatives) - limit} more")
    return "; ".join(parts)


def _rounded(value: float | None) -> str:
    """A number for a sentence: integers as they are, fractions to at most 4 significant decimals.

    Examples
    --------
    >>> _rounded(40.87495587), _rounded(2759221.0), _rounded(None)
    ('40.87', '2,759,221', 'none')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "none"
    if float(value).is_integer():
        return cell_text(value)
    return cell_text(float(f"{value:.4g}")) if abs(value) < 1000 else cell_text(round(value))


def finding_card(r: Any, finding: Any = None) -> Card:
    """A check result as a card: what GRZ state, what the tables give, the cells, their sources.

    ``finding`` is the graded finding of :func:`gulagstats.checks.grade.findings` the
    result belongs to (its grade, the checks that repeat it, mixed sources), if any.
    """
    relation = RELATION_WORDS.get(r.relation, r.relation.replace("_", " "))
    test = (
        f"GRZ's number, {relation}: {_rounded(r.expected)}; the tables give {_rounded(r.observed)}"
    )
    if r.difference is not None:
        test += f"; difference {_rounded(r.difference)}"
    said = "GRZ state" if getattr(r, "family", "") == PROSE else "expected"
    lines = [(said, f"{r.expectation} ({r.location})"), ("test", test)]
    if r.cells:
        lines.append(("cells", _cells_text(r)))
    more: list[tuple[str, str]] = []
    if r.missing:
        more.append(("missing", ", ".join(r.missing[:4]) + (" ..." if len(r.missing) > 4 else "")))
    if getattr(r, "alternatives", None):
        more.append(("other sources", _alternatives_text(r.alternatives)))
    if r.note:
        more.append(("note", r.note))
    grade = grade_of(r)
    if finding is not None:
        grade = GRADE_MEANING.get(finding.grade, grade) if finding.grade else grade
        if finding.same_as:
            more.append(("the same finding", "also checked as " + ", ".join(finding.same_as)))
        if finding.mixed_sources:
            more.append(("sources", "combines values of different sources"))
    return Card(f"{r.title} [{r.id}]", grade, lines, more)


def _check_rows(chosen: Sequence[Any], why: bool = False) -> pd.DataFrame:
    rows = []
    for r in chosen:
        row = {
            "id": r.id,
            "check": r.title,
            "GRZ state": r.expectation,
            "relation": RELATION_WORDS.get(r.relation, r.relation),
            "expected": r.expected,
            "observed": r.observed,
            "difference": r.difference,
        }
        if why:
            row = {
                "id": r.id,
                "check": r.title,
                "GRZ state": r.expectation,
                "why not checkable": r.note,
            }
        rows.append(row)
    return pd.DataFrame(rows)


#: Verdicts of the checks as counted in a sentence.
VERDICT_WORDS = {
    CONSISTENT: CONSISTENT,
    WITHIN_ROUNDING: "within rounding",
    DISCREPANCY: "discrepancies",
    DEPENDS_ON_SOURCE: "depending on the source",
    NOT_CHECKABLE: "not checkable",
}


def _checks_section(results: Sequence[Any]) -> tuple[Section, dict[str, int]]:
    from .checks import summary
    from .checks.grade import findings
    from .core.results import VERDICT_MEANING, VERDICTS

    counts = summary(list(results))
    by = {v: [r for r in results if r.verdict == v] for v in VERDICTS}
    intro = (
        f"{len(results)} checks of the tables against their totals, each other and GRZ's prose: "
        + ", ".join(f"{counts[v]} {VERDICT_WORDS.get(v, v)}" for v in VERDICTS)
        + ". Discrepancies are findings about the sources, not errors of the toolkit; they come "
        "first, "
        "gravest first, each with what GRZ state (quote and line), the relation tested, the cells "
        "used "
        "with their sources, and the difference. The other verdicts are collapsed below."
    )
    blocks: list[Block] = [intro]
    found = findings(list(results))  # graded; two checks of the same cells are one finding
    blocks.append(
        f"### Discrepancies: {len(found)} findings from {len(by.get(DISCREPANCY, []))} checks, "
        "gravest first"
    )
    slips = [f for f in found if f.grade in SLIP_GRADES]
    blocks += [finding_card(f.result, f) for f in found if f.grade not in SLIP_GRADES]
    if slips:
        blocks.append(
            Details(
                f"Slips of a unit, a digit or a rounding: {len(slips)} findings (likely "
                "misprints or copying errors)",
                [finding_card(f.result, f) for f in slips],
            )
        )
    for verdict in [v for v in VERDICTS if v != DISCREPANCY]:
        chosen = by.get(verdict, [])
        if not chosen:
            continue
        name = verdict.replace("_", " ").capitalize()
        summary_line = f"{name}: {len(chosen)} checks ({VERDICT_MEANING[verdict]})"
        if verdict == DEPENDS_ON_SOURCE:
            blocks.append(Details(summary_line, [finding_card(r) for r in finding_order(chosen)]))
        else:
            blocks.append(
                Details(summary_line, [_check_rows(chosen, why=verdict == NOT_CHECKABLE)])
            )
    return Section("Findings of the checks", "checks", blocks), counts


def _estimates_section(table: pd.DataFrame) -> tuple[Section, dict[str, int]]:
    from .estimates.scope import tally

    counts = tally(table)  # a claim once: restatements grouped, GRZ's spreads of others' estimates left out
    role = table["role"].fillna("claim") if "role" in table.columns else pd.Series("claim", index=table.index)
    context = table[role == "context"]
    table = table[role != "context"]
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
        "conservative factor",
        "largest factor",
        "benchmark_status",
        "explanation",
        "source",
    ]
    shown = comparable[[c for c in columns if c in comparable.columns]].assign(
        **{"conservative factor": comparable["conservative factor"].round(1)}
    )
    other = table[table["verdict"] == NOT_COMPARABLE].sort_values(
        ["quantity", "year"], na_position="last"
    )
    reasons = other[
        ["author", "year", "quantity", "period", "wording", "explanation", "source"]
    ].rename(columns={"explanation": "why not comparable"})
    reasons = reasons.assign(
        **{
            "why not comparable": reasons["why not comparable"].str.replace(
                r"^Not comparable:\s*", "", regex=True
            )
        }
    )
    text = (
        f"{len(table)} published estimates, {sum(counts.values())} distinct claims once restatements "
        "of one claim are grouped, against what the archival record documents: "
        + ", ".join(
            f"{n} {str(v).replace('_', ' ')}"
            for v, n in sorted(counts.items(), key=lambda kv: -kv[1])
        )
        + ". Conservative factor: against the widest defensible benchmark (largest: the "
        "narrowest); benchmark_status: the weakest status it is computed from; 'not contradicted': "
        "a one-sided claim the record does not contradict, not a confirmation."
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


# --------------------------------------------------------------------------------------------
# 3. What we do not know
# --------------------------------------------------------------------------------------------

#: Gaps of the archival record itself, which no reprint can fill (GRZ's prose and appendix note).
RECORD_GAPS = [
    "Executions: 'We do not have exact figures for the numbers of executions in these years' (GRZ "
    "prose "
    "line 63). The 681,692 shot in 1937-1938 come from a 1953 report on persons convicted on "
    "cases of the "
    "NKVD; death sentences passed outside those cases are not in that count.",
    "Deaths in the labour colonies and prisons: 'We do not yet know exactly how many died in labor "
    "colonies' (line 67); prison deaths are known only for 1939-1951 (86,582, line 67), and for "
    "the 1930s GRZ "
    "have only 'the few figures we have found so far' (line 65).",
    "Deaths in transit and in exile: no series of the tables counts deaths on the way to the "
    "camps; GRZ's "
    "2.3 million 'does not include ... deaths among deportees during and after the war as well as "
    "among "
    "categories of exiles other than kulaks' (line 67).",
    "Arrests outside the security police's cases: 'the 1,575,259 people in the 1953 report do not "
    "comprise "
    "the total of 1937-1938 arrests' (line 59); arrests by the ordinary police (militia) on other "
    "charges "
    "are not counted, hence GRZ's ceiling of 2.5 million.",
    "Camps and colonies at the end of 1953: 'Camp and colony data are unavailable for December "
    "31, 1953 and "
    "are here replaced by numbers for April 1, 1954' (GRZ's appendix note).",
]


def _unknowns_section(coverage: pd.DataFrame, open_rows: pd.DataFrame) -> Section:
    from .loaders import tables

    titles = tables().set_index("id")["title"]
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
        _bullets(RECORD_GAPS),
    ]
    return Section("What we do not know", "unknown", blocks)


def _bullets(items: Sequence[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


# --------------------------------------------------------------------------------------------
# Figures: drawn in worker processes while the checks run, each once, right-sized
# --------------------------------------------------------------------------------------------

#: Resolution of the report's PNGs: about 1,300-1,700 px wide for a 1,200 px column.
REPORT_DPI = 110

#: What each figure shows, from which sources, and what is reconstructed: its caption in the report.
CAPTIONS: dict[str, str] = {
    "figure_a": "GRZ Figure A reconstructed from reprints of the same series: camp, colony and "
    "'kulak' "
    "exile populations, 1935-1940 (the GULAG's counts, GARF f. 9414, op. 1, as GRZ's appendix "
    "note cites "
    "them, here as reprinted by Zemskov and others). Not GRZ's own drawing. The 1938 colony value "
    "includes "
    "prisons, so the 1938 total is not comparable with the other years; flagged values are ringed.",
    "figure_b": "GRZ Figure B reconstructed: prisoners convicted of 'counterrevolutionary' crimes "
    "as a share "
    "of the camp population, 1934-1953, as printed and as recomputed from the counts in the "
    "reprints.",
    "figure_c": "GRZ Figure C reconstructed: camp (ITL) and colony (ITK) populations, 1934-1953, "
    "from "
    "reprints of the Zemskov series. The 1938 colony value includes prisons and the 1946 one "
    "persons "
    "sentenced without detention (GRZ's appendix note), so neither compares with the other years; "
    "where "
    "the data flag a value's composition it is ringed, with its adjusted value where one exists.",
    "figure_d": "GRZ Figure D reconstructed: the camp population with its yearly flows (deaths, "
    "escapes, "
    "and releases and arrivals where the reprints give them, which is almost never); the wartime "
    "totals "
    "printed only over several years are in their own panel, divided by the years they span.",
    "mortality_rate": "Deaths per 1,000 camp inmates, 1934-1953: from the yearly death counts and "
    "the "
    "1 January populations, and the OURZ mortality certificate (camps only in 1934). Beyond GRZ.",
    "nkvd_sentences": "Sentences on cases of the secret police, 1921 to mid-1953, from the 1953 "
    "statistical "
    "report GRZ cite, as reprinted by Lewin and Kurashvili. Beyond GRZ's figures.",
    "source_disagreement": "Where the published copies disagree: each cell with more than one "
    "published "
    "value, placed by its difference from the table's value and sized by the persons apart. "
    "Beyond GRZ.",
    "estimates": "Published estimates against the archival benchmark for the same quantity and "
    "period, "
    "grouped by quantity, in order of publication, coloured by the verdict, with the factor as a "
    "range "
    "from the conservative reading. Only the estimates that could be compared are drawn here; the "
    "others "
    "are listed with their reasons under 'Estimates against the archival record' (`gulagstats "
    "figures` "
    "draws them all). Beyond GRZ's Table 1.",
}


#: Room (inches: left, right, top, bottom) added around a figure so that one draw holds everything.
_MARGINS = (4.0, 7.0, 2.0, 5.0)

#: Figures taller than this (inches) are written with ``savefig(bbox_inches="tight")`` instead.
_TALL = 10.0


def render_png(fig: Any, path: Path, dpi: int = REPORT_DPI) -> tuple[int, int]:
    """Draw a figure once and write it cropped to its content, as a 256-colour PNG.

    ``savefig(bbox_inches="tight")`` lays a figure out twice (once to measure,
    once to draw). Here the canvas is first enlarged around the axes (which keep
    their size in inches), the figure is drawn once, and the image is cropped to
    the tight bounding box measured on that same drawing; a 256-colour palette
    makes the file a fraction of the size (line art loses nothing visible).
    Falls back to ``savefig`` if anything lies outside the enlarged canvas.

    Returns
    -------
    tuple of int
        The width and height of the image in pixels.
    """
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    width, height = fig.get_size_inches()
    if height > _TALL:  # a tall figure: the room around it would cost more than a second layout
        return _savefig_small(fig, path, dpi)
    left, right, top, bottom = _MARGINS
    wide, tall = width + left + right, height + top + bottom
    boxes = [(ax, ax.get_position(original=False)) for ax in fig.axes]  # twins share a position
    for ax, box in boxes:
        ax.set_position(
            [
                (box.x0 * width + left) / wide,
                (box.y0 * height + bottom) / tall,
                box.width * width / wide,
                box.height * height / tall,
            ]
        )
    fig.set_size_inches(wide, tall)
    fig.set_dpi(dpi)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    bbox = fig.get_tightbbox(canvas.get_renderer()).padded(0.1)
    pixels = np.asarray(canvas.buffer_rgba())
    rows, columns = pixels.shape[:2]
    x0, x1 = int(np.floor(bbox.x0 * dpi)), int(np.ceil(bbox.x1 * dpi))
    y0, y1 = rows - int(np.ceil(bbox.y1 * dpi)), rows - int(np.floor(bbox.y0 * dpi))
    if x0 <= 0 or y0 <= 0 or x1 >= columns or y1 >= rows:  # pragma: no cover - content off the room
        return _savefig_small(fig, path, dpi)
    crop = Image.fromarray(np.ascontiguousarray(pixels[y0:y1, x0:x1, :3]))
    small = crop.quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    small.save(path, format="png", optimize=True)
    return small.size


def _savefig_small(fig: Any, path: Path, dpi: int) -> tuple[int, int]:
    from PIL import Image

    fig.savefig(path, format="png", dpi=dpi, bbox_inches="tight")
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    small.save(path, format="png", optimize=True)
    return small.size


def draw_report_figure(
    name: str,
    out: str,
    overlay: str | None,
    dpi: int = REPORT_DPI,
    data: pd.DataFrame | None = None,
    record: Record | None = None,
) -> dict[str, Any]:
    """Draw one figure to ``out`` as a right-sized PNG (worker process of the report).

    ``data`` is passed to the drawing function when given (the report passes the
    estimates figure the comparison it has already computed).  In a worker
    process the record is made there from ``overlay`` (a path crosses the
    process boundary; the worker's default record serves every figure it
    draws); in the report's own process ``record`` is the report's.

    Returns
    -------
    dict
        ``path`` of the PNG, its ``width`` and ``height`` in pixels and its manifest ``entry``.
    """
    from .figures.export import FIGURES, manifest_entry
    from .figures.style import pyplot

    stem, draw = FIGURES[name]
    fig = draw(overlay=overlay, record=record) if data is None else draw(data=data)
    path = Path(out) / f"{stem}.png"
    entry = manifest_entry(fig, stem)
    with atomic_path(path, "the report") as temporary:  # never through a link, never half-written
        width, height = render_png(fig, temporary, dpi)
    pyplot().close(fig)
    return {"name": name, "path": str(path), "width": width, "height": height, "entry": entry}


def _figure_csv(entry: dict[str, Any], path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["figure", "series", "label", "unit", "x", "value", "status", "source"])
    for key, s in entry["series"].items():
        for x, y, status, source in zip(s["x"], s["y"], s["status"], s["source"], strict=True):
            writer.writerow(
                [
                    entry["file"],
                    key,
                    s["label"],
                    s.get("unit", ""),
                    x,
                    "" if y is None else y,
                    status,
                    source,
                ]
            )
    write_text(path, buffer.getvalue(), "the report")


def _pool(workers: int) -> Executor | None:
    if workers <= 1:
        return None
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else methods[0])
    try:
        return ProcessPoolExecutor(max_workers=workers, mp_context=context)
    except (OSError, NotImplementedError):  # pragma: no cover - no processes allowed here
        return None


def _start_figures(out: Path, record: Record, workers: int) -> tuple[Executor | None, list[Any]]:
    from .figures.export import FIGURES

    target = out / "figures"
    target.mkdir(parents=True, exist_ok=True)
    # the heaviest first, so that the pool's last task is short; the estimates wait for compare()
    names = sorted(
        (n for n in FIGURES if n != "estimates"), key=lambda n: n not in ("disagreement", "D", "A")
    )
    pool = _pool(workers)
    return pool, [_submit(pool, n, target, record) for n in names]


def _submit(
    pool: Executor | None,
    name: str,
    target: Path,
    record: Record,
    data: pd.DataFrame | None = None,
) -> Any:
    """A figure to draw: a future in the pool (given the overlay's path), or the arguments to draw it later."""
    if pool is None:
        return (name, (str(target), None, REPORT_DPI, data, record))
    over = None if record.overlay is None else str(record.overlay)
    return pool.submit(draw_report_figure, name, str(target), over, REPORT_DPI, data)


def _finish_figures(pool: Executor | None, jobs: list[Any]) -> tuple[Section, list[Path]]:
    from .figures.export import FIGURES, MANIFEST, _compact_json

    done: dict[str, dict[str, Any]] = {}
    try:
        for job in jobs:
            if isinstance(job, Future):
                result = job.result()
            else:
                name, arguments = job
                result = draw_report_figure(name, *arguments)
            done[result["name"]] = result
    finally:
        if pool is not None:
            pool.shutdown()
    paths: list[Path] = []
    blocks: list[Block] = [
        "Drawn from the data: solid marks are confirmed or prose values, half-filled ones "
        "derived, hollow ones "
        "unconfirmed; a gap is a missing value, never interpolated. Each figure's footer names "
        "its sources; "
        "the data behind each figure is linked under it as CSV. Figures A-D are reconstructions "
        "of GRZ's "
        "figures from reprints of the same archival series, not GRZ's drawings."
    ]
    manifest = {}
    for name in FIGURES:
        if name not in done:
            continue
        result = done[name]
        png = Path(result["path"])
        entry = result["entry"]
        manifest[name] = entry
        data = png.with_suffix(".csv")
        _figure_csv(entry, data)
        paths += [png, data]
        title = " ".join(str(entry["title"]).split())
        keys = _src("; ".join(entry["sources"]))
        caption = f"{CAPTIONS.get(png.stem, title + '.')} Sources: {keys}."
        alt = f"Chart: {title}"
        blocks.append(FigureBlock(png, caption, alt, data, result["width"], result["height"]))
    body = {
        "about": "The data each figure of the report plots (see gulagstats figures).",
        "figures": manifest,
    }
    if paths:
        write_text(paths[0].parent / MANIFEST, _compact_json(body) + "\n", "the report")
    return Section("Figures", "figures", blocks), paths


# --------------------------------------------------------------------------------------------
# Coverage, open values, sources
# --------------------------------------------------------------------------------------------


def _coverage_section(cov: pd.DataFrame) -> Section:
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


def _open_rows(record: Record) -> pd.DataFrame:
    frames = []
    for table_id in record.cell_tables():
        frame = record.frame(table_id)
        chosen = frame[
            frame["preferred"].fillna(False) & frame["status"].isin([UNCONFIRMED, MISSING])
        ]
        frames.append(chosen.assign(table=table_id))
    return pd.concat(frames, ignore_index=True)


def _open_values_section(rows: pd.DataFrame) -> Section:
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


def _sources_section() -> Section:
    from .loaders import sources

    return Section(
        "Sources",
        "sources",
        ["Every source key used in the data, with its citation and where to read it.", sources()],
    )


# --------------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------------


def _default_workers() -> int:
    """Worker processes for the figures: one core is left to the checks (so none on 2 cores).

    On the 2-core machine of bench/RESULTS.md, shared with other work, drawing in a worker
    was slower than drawing in the main process after the checks.
    """
    return max(1, min(4, (os.cpu_count() or 1) - 1))


def build_report(
    out: str | Path = "report",
    overlay: str | Path | None = None,
    progress: Callable[[str], None] | None = None,
    workers: int | None = None,
    *,
    record: Record | None = None,
) -> ReportResult:
    """Write the full report (HTML and Markdown) into ``out``.

    Parameters
    ----------
    out : path, default "report"
        Output directory (created if needed); never the package's data directory.
    overlay : path, optional
        A filled template whose values enter every step with status ``user``
        (a convenience: the same as ``record=Record(overlay)``).
    progress : callable, optional
        Called with one short line per step (the CLI prints them).
    workers : int, optional
        Processes drawing the figures while the checks run (default: one less than the cores,
        at most 4; 1 draws them in this process, after the checks).
    record : gulagstats.Record, optional
        The record to report on (default: the published data); not together with ``overlay``.

    Returns
    -------
    ReportResult
        The paths written and the headline counts.

    Examples
    --------
    >>> import gulagstats, tempfile
    >>> result = gulagstats.build_report(tempfile.mkdtemp())  # doctest: +SKIP
    >>> result.html.name  # doctest: +SKIP
    'report.html'
    """
    from .checks import check
    from .coverage_table import coverage
    from .estimates import compare
    from .store import refuse_inside_data_dir

    record = resolve(record, overlay)
    overlay = record.overlay  # the report's stamp names it
    say = progress or (lambda line: None)
    out = Path(out)
    refuse_inside_data_dir(out, "the report")
    record.overlay_rows()  # fail before any work if the overlay is bad
    out.mkdir(parents=True, exist_ok=True)
    for name in ("report.html", "report.md"):  # refuse a link into data/ before any work, not after
        check_target(out / name, "the report")

    workers = _default_workers() if workers is None else workers
    where = f"in {workers} worker processes" if workers > 1 else "after the checks"
    say(f"figures: drawing Figures A-D and the others ({where})")
    pool, jobs = _start_figures(out, record, workers)
    try:
        say("estimates: published numbers against the archival benchmarks")
        estimates = compare(record=record)
        comparable = estimates[estimates["verdict"] != NOT_COMPARABLE]
        jobs.append(_submit(pool, "estimates", out / "figures", record, comparable))
        headline_section, _ = _headline_section(estimates, record)
        say("checks: the tables against their totals, each other and the prose")
        checks_section, check_counts = _checks_section(check(record=record))
        estimates_section, estimate_counts = _estimates_section(estimates)
        say("coverage: counting known and missing cells; listing what is not known")
        cov = coverage(record=record)
        open_rows = _open_rows(record)
        unknowns = _unknowns_section(cov, open_rows)
    except BaseException:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        raise
    figures_section, figure_paths = _finish_figures(pool, jobs)
    sections = [
        headline_section,
        checks_section,
        estimates_section,
        unknowns,
        figures_section,
        _coverage_section(cov),
        _open_values_section(open_rows),
        _sources_section(),
    ]

    everything = cov.set_index("table").iloc[-1]
    headline = (
        f"{int(everything['known'])} of {int(everything['cells'])} cells known; "
        f"{check_counts['total']} checks ({check_counts[DISCREPANCY]} discrepancies); "
        f"{sum(estimate_counts.values())} estimates compared."
    )
    say("writing report.html and report.md")
    html_path, md_path = out / "report.html", out / "report.md"
    write_text(html_path, render_html(sections, headline, overlay, base=out), "the report")
    write_text(md_path, render_markdown(sections, headline, out, overlay), "the report")
    return ReportResult(
        html=html_path,
        markdown=md_path,
        figures=figure_paths,
        sections=[s.title for s in sections],
        cells=int(everything["cells"]),
        cells_known=int(everything["known"]),
        checks=check_counts,
        estimates=estimate_counts,
    )


TITLE = "gulagstats report: Victims of the Soviet penal system (Getty, Rittersporn & Zemskov 1993)"
CITATION = (
    'J. Arch Getty, Gábor T. Rittersporn and Viktor N. Zemskov, "Victims of the Soviet Penal '
    'System in the Pre-war Years: A First Approach on the Basis of Archival Evidence", '
    "American Historical Review 98:4 "
    "(1993), 1017-1049."
)


def _stamp(overlay, escape: Callable[[object], str] = printable) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    extra = f"; with the overlay {escape(Path(overlay).name)} (values marked user)" if overlay else ""
    return f"gulagstats {__version__}, {when}{extra}. Source article: {CITATION}"


def _display(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.apply(lambda column: column.map(cell_text)) if len(frame) else frame


_SOURCE_MARK = re.compile(r"\{\{([^{}]+)\}\}")


def _plain(text: str) -> str:
    """Text with the source marks taken off (Markdown, alt text)."""
    return _SOURCE_MARK.sub(r"\1", text)


def _md_blocks(blocks: Sequence[Block], out: Path) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, pd.DataFrame):
            lines += [markdown_table(_display(block)) if len(block) else "_(none)_", ""]
        elif isinstance(block, Details):
            lines += [f"<details><summary>{html.escape(block.summary)}</summary>", ""]
            lines += _md_blocks(block.blocks, out)
            lines += ["</details>", ""]
        elif isinstance(block, Card):
            lines += [f"#### {block.title} ({block.grade})", ""]
            pairs = [*block.lines, *block.more]
            lines += [f"- **{label}**: {_plain(text)}" for label, text in pairs]
            lines.append("")
        elif isinstance(block, FigureBlock | Path):
            path = block.path if isinstance(block, FigureBlock) else block
            rel = path.relative_to(out) if path.is_relative_to(out) else path
            alt = block.alt if isinstance(block, FigureBlock) else path.stem
            lines += [f"![{alt}]({rel.as_posix()})", ""]
            if isinstance(block, FigureBlock):
                data = ""
                if block.csv is not None:
                    rel_csv = (
                        block.csv.relative_to(out) if block.csv.is_relative_to(out) else block.csv
                    )
                    data = f" [Data (CSV)]({rel_csv.as_posix()})"
                lines += [f"*{_plain(block.caption)}*{data}", ""]
        else:
            lines += [_plain(block), ""]
    return lines


def render_markdown(
    sections: list[Section], headline: str, out: Path, overlay: str | Path | None = None
) -> str:
    """The report as Markdown (figures linked relative to ``out``).

    Examples
    --------
    >>> sections = [Section("Sources", "sources", ["Every source key."])]
    >>> text = render_markdown(sections, "1 table", Path("out"))
    >>> text.startswith("# gulagstats report"), "## Sources" in text
    (True, True)
    """
    lines = [
        f"# {TITLE}",
        "",
        _stamp(overlay, markdown_text),
        "",
        f"**{headline}**",
        "",
        STATUS_LEGEND,
        "",
        "## Contents",
        "",
    ]
    lines += [f"- [{s.title}](#{s.anchor})" for s in sections]
    for s in sections:
        lines += ["", f'<a id="{s.anchor}"></a>', f"## {s.title}", ""]
        lines += _md_blocks(s.blocks, out)
    return "\n".join(lines).rstrip() + "\n"


CSS = """
*{box-sizing:border-box}html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:75rem;
margin:0 auto;padding:1rem;
color:#222;line-height:1.5;overflow-wrap:break-word}
h1{font-size:1.55rem;line-height:1.25;margin:.6rem 0}h2{border-bottom:1px solid #ccc;
padding-bottom:.2rem;margin-top:2.4rem}
h3{margin-top:1.6rem}a{color:#0b5cad}code{background:#f3f3f3;padding:0 .2rem;border-radius:3px;
font-size:.9em}
.headline{font-weight:600;background:#f6f8fa;padding:.6rem .8rem;border-left:4px solid #0072B2}
.stamp,.legend,.top{color:#555;font-size:.85rem}
.scroll{overflow:auto;max-width:100%;max-height:85vh;margin:.8rem 0;border:1px solid #ddd}
table{border-collapse:separate;border-spacing:0;font-size:.85rem}
th,td{border-bottom:1px solid #e6e6e6;border-right:1px solid #eee;padding:.3rem .5rem;
vertical-align:top;
text-align:left;min-width:5rem;max-width:30rem}
thead th{position:sticky;top:0;background:#f0f0f0;z-index:2}
th:first-child,td:first-child{position:sticky;left:0;z-index:1;background:#fff;
border-right:2px solid #ccc;
max-width:40vw}
thead th:first-child{z-index:3;background:#f0f0f0}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.status-unconfirmed td{background:#fff4e0}tr.status-missing td{background:#f4f4f4;color:#666}
tr.status-derived td{background:#eef6ff}tr.verdict-overstates td{background:#fdf0e8}
.lead{font-size:1.05rem}
.finding{border:1px solid #ead2c8;border-left:4px solid #D55E00;border-radius:4px;
padding:.45rem .8rem;
margin:.6rem 0;background:#fffbf9}
.finding h4{margin:.1rem 0 .35rem;font-size:.98rem}
.grade{display:inline-block;font-size:.75rem;background:#9c3d00;color:#fff;border-radius:3px;
padding:0 .4rem;
margin-left:.3rem;font-weight:600;white-space:nowrap}
.finding dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1rem .7rem;margin:0;
font-size:.86rem;line-height:1.4}
.finding dt{color:#555;font-weight:600}.finding dd{margin:0;min-width:0}
details{margin:.7rem 0;border:1px solid #ddd;border-radius:4px;padding:.4rem .8rem}
summary{cursor:pointer;font-weight:600}
.finding details.more{border:0;padding:0;margin:.1rem 0 0;font-size:.85rem}
.finding details.more summary{font-weight:400;color:#555}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,34rem),1fr));gap:0 .8rem;
align-items:start}
figure{margin:1.6rem 0}figure img{max-width:min(100%,68rem);height:auto;border:1px solid #eee}
figcaption{font-size:.9rem;color:#333;max-width:60rem}
@media (max-width:600px){body{padding:.6rem}.finding dl{grid-template-columns:minmax(0,1fr)}
.finding dt{margin-top:.25rem}h1{font-size:1.3rem}}
"""

_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:)\]]")
_CODE = re.compile(r"`([^`]+)`")


def inline_html(text: str) -> str:
    """Plain text as HTML: escaped, URLs and source marks as links, `code` as code.

    Examples
    --------
    >>> inline_html("see https://example.org/a, `gulagstats check`")
    'see <a href="https://example.org/a">https://example.org/a</a>, <code>gulagstats check</code>'
    >>> inline_html("cited as {{grz1993}}")
    'cited as <a href="#source-grz1993">grz1993</a>'
    """
    escaped = html.escape(text, quote=False)
    escaped = _URL.sub(lambda m: f'<a href="{m[0]}">{m[0]}</a>', escaped)
    escaped = _SOURCE_MARK.sub(
        lambda m: f'<a href="#source-{html.escape(m[1].strip())}">{m[1].strip()}</a>', escaped
    )
    return _CODE.sub(r"<code>\1</code>", escaped)


#: Columns whose values are source keys, linked to the Sources section.
SOURCE_COLUMNS = ("source", "benchmark_source")


def _html_table(frame: pd.DataFrame, row_ids: str | None = None) -> str:
    if not len(frame):
        return "<p><em>(none)</em></p>"
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in frame.columns)
    body = []
    for row in frame.itertuples(index=False, name=None):
        record = dict(zip(frame.columns, row, strict=True))
        classes = [f"{k}-{record[k]}" for k in ("status", "verdict") if k in record]
        rid = (
            f' id="source-{html.escape(str(record[row_ids]))}"'
            if row_ids and row_ids in record
            else ""
        )
        cells = []
        for column, value in zip(frame.columns, row, strict=True):
            text = cell_text(value)
            numeric = not isinstance(value, str) and text != ""
            if column in SOURCE_COLUMNS and isinstance(value, str) and row_ids != "key":
                text = _src(value)
            cells.append(
                f'<td class="num">{html.escape(text)}</td>'
                if numeric
                else f"<td>{inline_html(text)}</td>"
            )
        body.append(f'<tr{rid} class="{" ".join(classes)}">' + "".join(cells) + "</tr>")
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    return f'<div class="scroll">{table}</div>'


def _dl_rows(pairs: Sequence[tuple[str, str]]) -> str:
    return "".join(f"<dt>{html.escape(k)}</dt><dd>{inline_html(v)}</dd>" for k, v in pairs)


def _html_blocks(blocks: Sequence[Block]) -> list[str]:
    parts: list[str] = []
    in_cards = False
    for block in blocks:
        if isinstance(block, Card) != in_cards:
            parts.append('<div class="cards">' if not in_cards else "</div>")
            in_cards = not in_cards
        if isinstance(block, pd.DataFrame):
            parts.append(
                _html_table(
                    block, "key" if list(block.columns[:2]) == ["key", "citation"] else None
                )
            )
        elif isinstance(block, Details):
            parts.append(f"<details><summary>{html.escape(block.summary)}</summary>")
            parts += _html_blocks(block.blocks)
            parts.append("</details>")
        elif isinstance(block, Card):
            rows = _dl_rows(block.lines)
            if block.more:
                names = ", ".join(k for k, _ in block.more)
                more = (
                    f'<details class="more"><summary>{html.escape(names)}</summary>'
                    f"<dl>{_dl_rows(block.more)}</dl></details>"
                )
            else:
                more = ""
            parts.append(
                f'<article class="finding"><h4>{html.escape(block.title)} <span class="grade">'
                f"{html.escape(block.grade)}</span></h4><dl>{rows}</dl>{more}</article>"
            )
        elif isinstance(block, FigureBlock | Path):
            fb = (
                block
                if isinstance(block, FigureBlock)
                else FigureBlock(block, block.name, block.stem)
            )
            data = base64.b64encode(fb.path.read_bytes()).decode("ascii")
            size = f' width="{fb.width}" height="{fb.height}"' if fb.width and fb.height else ""
            link = ""
            if fb.csv is not None:
                href = f"{html.escape(fb.path.parent.name)}/{html.escape(fb.csv.name)}"
                image = f"{html.escape(fb.path.parent.name)}/{html.escape(fb.path.name)}"
                link = f' <a href="{href}">Data (CSV)</a> · <a href="{image}">Full size (PNG)</a>'
            parts.append(
                f'<figure id="{html.escape(fb.path.stem)}"><img alt="{html.escape(fb.alt)}"{size} '
                f'src="data:image/png;base64,{data}"><figcaption>{inline_html(fb.caption)}{link}</figcaption></figure>'
            )
        elif block.startswith("### "):
            parts.append(f"<h3>{html.escape(block[4:])}</h3>")
        elif block.startswith("- "):
            items = "".join(f"<li>{inline_html(line[2:])}</li>" for line in block.splitlines())
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{inline_html(block)}</p>")
    if in_cards:
        parts.append("</div>")
    return parts


def render_html(
    sections: list[Section],
    headline: str,
    overlay: str | Path | None = None,
    base: Path | None = None,
) -> str:
    """The report as one self-contained HTML page (figures embedded as data URIs).

    The figures' CSV files are linked relative to the page (``figures/NAME.csv``).

    Examples
    --------
    >>> page = render_html([Section("Sources", "sources", ["Every source key."])], "1 table")
    >>> page.startswith("<!DOCTYPE html>"), '<section id="sources">' in page
    (True, True)
    >>> 'name="viewport"' in page
    True
    """
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(TITLE)}</title><style>{CSS}</style></head><body>",
        f'<h1 id="top">{html.escape(TITLE)}</h1>',
        f'<p class="stamp">{html.escape(_stamp(overlay))}</p>',
        f'<p class="headline">{html.escape(headline)}</p>',
        f'<p class="legend">{html.escape(STATUS_LEGEND)}</p>',
        '<nav aria-label="Contents"><strong>Contents:</strong> ',
        " · ".join(f'<a href="#{s.anchor}">{html.escape(s.title)}</a>' for s in sections),
        "</nav>",
    ]
    for s in sections:
        parts.append(f'<section id="{s.anchor}"><h2>{html.escape(s.title)}</h2>')
        parts += _html_blocks(s.blocks)
        parts.append('<p class="top"><a href="#top">Back to the top</a></p></section>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
