"""Findings the other families miss: a documented lower bound, and GRZ against GRZ.

- ``prose.L061.4``: GRZ's increase of 1,006,030 in the custodial population in
  1937-1938 needs the population of 1 January 1937, which the record lacks (no
  prison count). The sum of its known parts (camps and colonies, 1,196,369) is
  a lower bound of it, so the increase can be at most 2,022,976 - 1,196,369 =
  826,607: the lower-bound rule decides the check instead of leaving it
  ``not_checkable``.
- ``prose.L168.internal``: "in any given year, 20-40 percent of the inmates were
  released" against GRZ's own next sentence, 44.4 percent in 1937.
- ``prose.L047.internal``: "300,000-500,000 [in prisons] for each year" against
  GRZ's own appendix note, 548,417 prison inmates on 10 February 1938.
"""

from __future__ import annotations

from ..core.cells import CellIndex
from ..core.results import CellRef, CheckResult
from ..vocabulary import CONSISTENT, DISCREPANCY, NOT_CHECKABLE, PERCENT, PERSONS, PROSE


def _valued_cell(cells: CellIndex, period: str, population: str, measure: str) -> CellRef | None:
    """The preferred, valued cell of a table (``cells``: that table's cells), as a check lists it."""
    row = cells.preferred((period, population, measure, "", PERSONS))
    return None if row is None or row.value is None else row.ref()


def _prose(
    period: str, population: str, measure: str, value: float, unit: str, line: int, quote: str
) -> CellRef:
    return CellRef(
        table="grz_text_figures",
        period=period,
        population=population,
        measure=measure,
        unit=unit,
        value=value,
        source="grz1993",
        status=PROSE,
        preferred=True,
        locator=f"{quote} [GRZ prose line {line}]",
    )


def _internal_result(**fields) -> CheckResult:
    expected, observed = fields["expected"], fields["observed"]
    defaults = {
        "family": PROSE,
        "relation": "exact",
        "cells": [],
        "tolerance": 0.0,
        "tolerance_reason": "",
        "alternatives": [],
        "missing": [],
        "difference": observed - expected,
        "relative_difference": (observed - expected) / expected,
        "verdict": DISCREPANCY,
        "preferred_verdict": DISCREPANCY,
    }
    return CheckResult(**{**defaults, **fields})


def internal_checks(results: list[CheckResult], cells: CellIndex) -> list[CheckResult]:
    """Replace ``prose.L061.4`` by its lower-bound verdict and add GRZ's internal contradictions.

    Examples
    --------
    >>> import gulagstats
    >>> r = {x.id: x for x in gulagstats.check_results(family="prose")}
    >>> r["prose.L061.4"].verdict, int(r["prose.L061.4"].observed)
    ('discrepancy', 826607)
    >>> r["prose.L168.internal"].verdict
    'discrepancy'
    """
    appendix = cells.of_table("appendix")
    out = []
    for r in results:
        if r.id != "prose.L061.4" or r.verdict != NOT_CHECKABLE:
            out.append(r)
            continue
        end = _valued_cell(appendix, "1939-01-01", "all_custodial", "inmates")
        parts = [
            _valued_cell(appendix, "1937-01-01", p, "inmates")
            for p in ("gulag_camps", "labor_colonies")
        ]
        if end is None or None in parts or end.value is None:
            out.append(r)
            continue
        floor = sum(c.value for c in parts if c is not None and c.value is not None)
        most = end.value - floor
        verdict = DISCREPANCY if r.expected is not None and r.expected > most else CONSISTENT
        out.append(
            r.model_copy(
                update={
                    "observed": most,
                    "relation": "upper_bound",
                    "cells": [end, *[c for c in parts if c]],
                    "difference": most - (r.expected or 0),
                    "relative_difference": (most - (r.expected or 0)) / (r.expected or 1),
                    "tolerance": 0.0,
                    "verdict": verdict,
                    "preferred_verdict": verdict,
                    "note": (
                        "1 January 1937 has no prison count, so the custodial population of "
                        f"that day is at least camps + colonies = {floor:,.0f} (the documented "
                        f"lower-bound rule); the increase to {end.value:,.0f} on 1 January 1939 "
                        f"is then at most {most:,.0f}, less than GRZ's 1,006,030"
                    ),
                }
            )
        )
    present = {r.id for r in out}
    if PROSE in {r.family for r in results} and "prose.L168.internal" not in present:
        out.append(
            _internal_result(
                id="prose.L168.internal",
                title="GRZ against GRZ: 20-40 percent released yearly, 44.4 percent in 1937",
                expectation="in any given year, 20-40 percent of the inmates were released "
                "(prose line 168)",
                location="GRZ prose line 168 (L168.2 against L168.3)",
                expected=40.0,
                relation="range_high",
                observed=44.4,
                cells=[
                    _prose(
                        "1937",
                        "gulag_camps",
                        "releases_share_of_jan1",
                        44.4,
                        PERCENT,
                        168,
                        "44.4 percent of the GULAG labor camp population on January 1 was freed",
                    )
                ],
                note="both numbers are GRZ's own statements on the same line: "
                "the 1937 share is above the range "
                "they give for any year; an internal contradiction of the article, not of the data",
            )
        )
        out.append(
            _internal_result(
                id="prose.L047.internal",
                title="GRZ against GRZ: prisons 300,000-500,000 a year, 548,417 in February 1938",
                expectation="a figure of 300,000-500,000 [prison inmates] for each year "
                "(prose line 47)",
                location="GRZ prose line 47 (L047.3) against the appendix note, line 216",
                expected=500000.0,
                relation="range_high",
                observed=548417.0,
                cells=[
                    _prose(
                        "1938-02-10",
                        "prisons",
                        "inmates",
                        548417.0,
                        PERSONS,
                        216,
                        "prison inmates, who numbered 548,417 on February 10, 1938",
                    )
                ],
                note="GRZ's appendix note gives 548,417 prison inmates on 10 February 1938, "
                "above the top of the yearly range they extrapolate; a single day, "
                "so a finding about the range's width, not a count",
            )
        )
    return out
