"""What the archives show: GRZ's Table 1 reproduced and extended, the archival figure beside the estimates."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ..core.record import Record
from ..rules.benchmarks import benchmarks_of
from ..vocabulary import OVERSTATES, PROSE
from .model import Section, report_texts

#: The multiplication sign of "at least 2.8x" (a typographic times, not the letter).
TIMES = "\u00d7"


def _count_text(value: float) -> str:
    """A count as a reader says it: 1,575,259, or 7 million, or 1.5 million.

    Examples
    --------
    >>> _count_text(1575259), _count_text(7_000_000), _count_text(1_500_000), _count_text(681692)
    ('1,575,259', '7 million', '1.5 million', '681,692')
    """
    if value >= 1_000_000 and value % 100_000 == 0:
        return f"{value / 1e6:g} million"
    return f"{round(value):,}"


def _span(low: float, high: float) -> str:
    return _count_text(low) if pd.isna(high) or low == high else f"{_count_text(low)} to {_count_text(high)}"


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


def _compared_with(estimates: pd.DataFrame, benchmark_id: str) -> pd.DataFrame:
    """The estimates set against a benchmark: as their headline, or as another reading (``also_against``)."""
    other = estimates.get("also_against", pd.Series("", index=estimates.index)).fillna("").astype(str)
    return estimates[(estimates["benchmark_id"] == benchmark_id) | other.str.contains(f"{benchmark_id} (", regex=False)]


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


def headline_table(estimates: pd.DataFrame, benchmarks: pd.DataFrame, rows: list[tuple[str, str]]) -> pd.DataFrame:
    """GRZ's Table 1 reproduced and extended: the archival figure beside the published range.

    One row per ``(benchmark id, label)`` of ``rows`` (the headline rows of
    ``data/report_texts.csv``) that the data holds: the
    archival figure with its status and source, the lowest and highest
    published estimates compared with it, and the conservative factor range of
    the estimates that overstate it (each estimate's low end over the archival
    high end).

    Examples
    --------
    >>> import gulagstats
    >>> rows = [("arrests_1937_1938:1937/1938", "Arrests, 1937-1938")]
    >>> table = headline_table(gulagstats.compare(), gulagstats.benchmarks(), rows)
    >>> table.iloc[0]["archival figure"]
    '1,575,259 to 2.5 million'
    """
    found_rows = []
    for benchmark_id, label in rows:
        found = benchmarks[benchmarks["id"] == benchmark_id]
        if found.empty:
            continue
        b = found.iloc[0]
        chosen = _published(_compared_with(estimates, benchmark_id))
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
        found_rows.append(row)
    return pd.DataFrame(found_rows)


def _short(value: float) -> str:
    """A count rounded for a sentence (three significant digits).

    Examples
    --------
    >>> _short(1575259), _short(681692), _short(20_000_000), _short(2_022_976)
    ('1.58 million', '682,000', '20 million', '2.02 million')
    """
    rounded = float(f"{value:.3g}")
    return f"{rounded / 1e6:g} million" if rounded >= 1e6 else f"{int(rounded):,}"


def argument(estimates: pd.DataFrame, benchmarks: pd.DataFrame, rows: list[tuple[str, str]]) -> str:
    """GRZ's finding in one sentence, from the data: each archival figure against the highest estimate.

    ``rows`` are the headline rows ``(benchmark id, label)`` of ``data/report_texts.csv``.
    "Several times below" is said only when every highest estimate is at least twice the
    archival figure's high end; otherwise "below".

    Examples
    --------
    >>> import gulagstats
    >>> rows = [("arrests_1937_1938:1937/1938", "Arrests, 1937-1938")]
    >>> text = argument(gulagstats.compare(), gulagstats.benchmarks(), rows)
    >>> text.startswith("The archival record puts each quantity several times below the high estimates: arrests")
    True
    """
    said, ratios = [], []
    for benchmark_id, label in rows:
        b = benchmarks[benchmarks["id"] == benchmark_id]
        chosen = _published(_compared_with(estimates, benchmark_id))
        if b.empty or chosen.empty:
            continue
        low, high = float(b.iloc[0]["low"]), float(b.iloc[0]["high"])
        documented = _short(low) if low == high else f"{_short(low)} to {_short(high)}"
        top = float(chosen.apply(_estimate_high, axis=1).max())
        ratios.append(top / high)
        said.append(f"{label[0].lower() + label[1:]}: {documented}, against up to {_short(top)}")
    how_far = "several times below" if ratios and min(ratios) >= 2 else "below"
    return f"The archival record puts each quantity {how_far} the high estimates: " + "; ".join(said) + "."


def headline_section(estimates: pd.DataFrame, record: Record) -> tuple[Section, str]:
    """What the archives show: GRZ's Table 1 and how sure; and the finding in a sentence (:func:`argument`)."""
    benchmarks = benchmarks_of(record)  # with their sources (the stored table links them apart)
    rows = report_texts(record, "headline")
    table = headline_table(estimates, benchmarks, rows)
    finding = argument(estimates, benchmarks, rows)
    text = (
        "In 1993 Getty, Rittersporn and Zemskov set the first archival counts of the Soviet penal "
        "system beside the published estimates (their Table 1). The table below does the same with the "
        "archival record as it stands, each figure with its status and source, against the lowest and "
        "the highest published estimate."
    )
    how_sure = (
        "How sure: the factor column is the conservative one, each high estimate's low end divided by the "
        "most any reading of the record allows (for arrests, the 1,575,259 arrests on security-police cases "
        "plus every one of the 1,566,185 non-political prosecutions, 3,141,444, above GRZ's own ceiling of "
        "2.5 million; for 'camps', which a published estimate means as the Gulag as a whole unless it says "
        "ITL, camps and colonies). A count that is only part of what a claim counts (the death sentences "
        "outside 1937-1938 for all executions, the security police's sentences for all 'victims') is a "
        "floor: a claim above it is 'not contradicted', never 'overstates'; a verdict that changes with the "
        "reading or the published value says so. The archival figures count what the NKVD "
        "recorded; what the record leaves out is listed under 'What we do not know'. Status "
        "'prose' is a "
        "number stated in GRZ's text; 'confirmed' means seen in the cited reprint, not verified "
        "in the "
        "archive; 'derived' is arithmetic on such values. GRZ's own summaries of the range of "
        "other "
        "authors' estimates are left out of the published columns."
    )
    return Section("What the archives show", "archives", [text, table, how_sure]), finding


