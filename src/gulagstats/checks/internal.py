"""Findings the other families miss, written as rule rows: a documented lower bound, and GRZ against GRZ.

The rows of ``data/check_rules.csv`` whose rule is a finding
(:func:`gulagstats.rules.prose_rules.findings`):

- ``bound``: a figure the tables cannot compute is decided by an upper bound.
  ``prose.L061.4``, GRZ's increase of the custodial population in 1937-1938,
  needs the population of 1 January 1937, which the record lacks (no prison
  count); the sum of its known parts (camps and colonies) is a lower bound of
  it, so the increase can be at most the count of 1 January 1939 minus that
  sum, and the bound decides the check instead of leaving it ``not_checkable``.
- ``contradiction``: one figure of the prose held to another, both GRZ's
  (``prose.L168.internal``: 20-40 percent released in any year, against 44.4
  percent in 1937).  The numbers are the figures of ``grz_text_figures``, whose
  quotes the build checks on their lines.  GRZ's 300,000-500,000 prison inmates
  a year against their 548,417 of 10 February 1938 is no such row: a one-day
  peak against a yearly extrapolation is not a contradiction (docs/verdicts.md).
"""

from __future__ import annotations

from ..core.cells import CellIndex, MissingCell, View
from ..core.results import CellRef, CheckResult
from ..rules.prose_rules import Bound, Contradiction, finding_rules
from ..rules.reader import ProseFigure, Reader, index_figures, load_figures
from ..vocabulary import NOT_CHECKABLE, PROSE
from .engine import Reading, Tolerance, run_check, verdict_of


def _figure_cell(figure: ProseFigure) -> CellRef:
    """A figure of the prose as a check lists it: its quote and line."""
    return CellRef(
        table="grz_text_figures",
        period=figure.period,
        population=figure.population,
        measure=figure.quantity,
        unit=figure.unit,
        value=figure.value,
        source="grz1993",
        status=PROSE,
        preferred=True,
        locator=f"{figure.quote} [GRZ prose line {figure.line}]",
    )


def _contradiction(rule: Contradiction, figures: dict[str, ProseFigure]) -> CheckResult:
    """GRZ's figure ``observed`` against GRZ's figure ``expected``, judged by the relation of the latter."""
    expected, observed = figures[rule.expected], figures[rule.observed]
    where = (f"({rule.expected} against {rule.observed})" if observed.line == rule.line
             else f"({rule.expected}) against prose line {observed.line} ({rule.observed})")
    verdict = verdict_of(expected.value, expected.relation, Reading(observed.value, observed.value),
                         Tolerance(0.0, ""))
    numbers = {"expected": expected.value, "observed": observed.value}
    return CheckResult(
        id=f"prose.{rule.key}",
        title=rule.title.format(**numbers),
        family=PROSE,
        expectation=f"{rule.quote} (prose line {rule.line})",
        location=f"GRZ prose line {rule.line} {where}",
        expected=expected.value,
        relation=expected.relation,
        observed=observed.value,
        cells=[_figure_cell(observed)],
        difference=observed.value - expected.value,
        relative_difference=(observed.value - expected.value) / expected.value,
        tolerance=0.0,
        tolerance_reason="",
        verdict=verdict,
        preferred_verdict=verdict,
        note=rule.why.format(**numbers),
    )


def _decided_by_bound(result: CheckResult, rule: Bound, cells: CellIndex,
                      figures: list[ProseFigure] | None = None) -> CheckResult:
    """A check its own rule could not decide, decided by the rule's bound (unchanged if a part is missing).

    An upper bound (rule ``bound``) is ``terms - over``: the figure above it is a discrepancy.  A lower
    bound (rule ``floor``) is the sum of ``terms``, all of them needed (a missing part would only lower
    the floor): the figure below it is a discrepancy.  Like every check, the bound is recomputed with
    each alternative published value of the cells it reads (``depends_on_source`` if one flips it).
    """
    index = index_figures(figures or [])

    def parts(view: View) -> tuple[float, float]:
        reader = Reader(view, index)
        return reader.sum(rule.terms, ""), reader.sum(rule.over, "") if rule.over else 0.0

    try:
        total, known = parts(View(cells))
    except MissingCell:
        return result
    if result.expected is None:
        return result
    expected = result.expected

    def compute(view: View) -> Reading:
        total, known = parts(view)
        return Reading(total - known, total - known)

    judged = run_check(  # the figure must be at least the floor, at most the ceiling
        cells, id=result.id, title=result.title, family=result.family, expectation=result.expectation,
        location=result.location, expected=expected, relation="upper_bound" if rule.lower else "lower_bound",
        tolerance=Tolerance(0.0, "a bound holds or fails"), compute=compute,
        note=rule.why.format(terms=total, over=known, bound=total - known, expected=expected,
                             rest=expected - (total - known)),
    )
    decided = judged.model_copy(update={"relation": "lower_bound" if rule.lower else "upper_bound"})
    decided.missing = list(result.missing)  # what left the figure undecided by its own rule
    return decided


def internal_checks(results: list[CheckResult], cells: CellIndex) -> list[CheckResult]:
    """Decide by its bound a figure left ``not_checkable``, and add GRZ's internal contradictions.

    Examples
    --------
    >>> import gulagstats
    >>> r = {x.id: x for x in gulagstats.check_results(family="prose")}
    >>> r["prose.L061.4"].verdict, int(r["prose.L061.4"].observed)
    ('discrepancy', 826607)
    >>> r["prose.L168.internal"].verdict
    'discrepancy'
    """
    rules = finding_rules()
    bounds = {f"prose.{rule.figure}": rule for rule in rules if isinstance(rule, Bound)}
    figures = load_figures() if bounds.keys() & {r.id for r in results} else []
    out = [
        _decided_by_bound(r, bounds[r.id], cells, figures) if r.id in bounds and r.verdict == NOT_CHECKABLE else r
        for r in results
    ]
    if PROSE in {r.family for r in results}:
        present = {r.id for r in out}
        by_id = {f.id: f for f in figures or load_figures()}
        out += [
            _contradiction(rule, by_id)
            for rule in rules
            if isinstance(rule, Contradiction) and f"prose.{rule.key}" not in present
        ]
    return out
