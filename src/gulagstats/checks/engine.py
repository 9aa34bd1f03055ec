"""Judging a computed value against an expectation, with every alternative source.

The tolerances (see docs/checks.md):

- an exact count must match exactly (tolerance 0): a count is a count;
- a printed percentage stands for every value that rounds to it, so a
  computed share is *within rounding* if it differs by at most half a unit of
  the last printed digit (0.05 pp for one decimal);
- an approximate figure ("some", "about", "almost") may be rounded or cut to
  its last significant digit, so it is *within rounding* within one unit of
  that digit (some 315,000: within 1,000; almost 13 percent: within 1 pp);
- a bound ("more than", "not exceed") holds or fails; for a percentage the
  rounding of the printed bound is allowed;
- an order of magnitude holds if both numbers have the same power of ten.

A check is evaluated with the preferred value of every cell and again with
each alternative published value of each cell it used, one at a time; if
agreement (consistent or within rounding) turns into a discrepancy or back,
the verdict is ``depends_on_source``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..core.cells import Cell, CellIndex, MissingCell, View
from ..core.results import Alternative, CheckResult
from ..vocabulary import (
    CONSISTENT,
    COUNT_UNITS,
    DEPENDS_ON_SOURCE,
    DERIVED,
    DISCREPANCY,
    NOT_CHECKABLE,
    PERCENT,
    UNCONFIRMED,
    USER,
    WITHIN_ROUNDING,
    YEARS,
)

AGREEING = frozenset({CONSISTENT, WITHIN_ROUNDING})
EPSILON = 1e-9


@dataclass(frozen=True)
class Tolerance:
    """The largest difference accepted as rounding, and why."""

    value: float
    reason: str


@dataclass(frozen=True)
class Reading:
    """A computed value that may be known only within bounds (``high`` None: unbounded)."""

    low: float
    high: float | None
    note: str = ""
    shown: float | None = None  # the value to report, if not ``low`` (the least known value of a minimum)
    missing: tuple[str, ...] = ()  # cells missing that leave the value open within its bounds

    @property
    def value(self) -> float:
        return self.low if self.shown is None else self.shown

    @property
    def known(self) -> bool:
        return self.high is not None and self.high == self.low


#: ``compute(view)``: the observed value, read from cells through the view.
Compute = Callable[[View], "float | Reading"]
#: The expected value, or ``expect(view)`` reading it from a cell (so that its alternatives count).
Expect = float | Callable[[View], float] | None


def decimals_of(number_text: str) -> int:
    """Decimals printed in a number as written (``34.5`` -> 1, ``2,022,976`` -> 0).

    Examples
    --------
    >>> decimals_of("34.5"), decimals_of("2,022,976")
    (1, 0)
    """
    text = number_text.replace(",", "")
    return len(text.split(".", 1)[1]) if "." in text else 0


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


def printed_decimals(value: float, quote: str = "") -> int:
    """The decimals with which ``value`` is printed in ``quote`` (else as the value is written).

    Examples
    --------
    >>> printed_decimals(12.0, "some 12.0 percent of them"), printed_decimals(12.0)
    (1, 0)
    """
    for token in _NUMBER.findall(quote):
        try:
            if math.isclose(float(token.replace(",", "")), value):
                return decimals_of(token)
        except ValueError:
            continue
    text = repr(float(value))
    return 0 if text.endswith(".0") else decimals_of(text)


def last_digit_unit(value: float) -> float:
    """The unit of the last significant digit of a whole number (315,000 -> 1,000; 1,300,000 -> 100,000).

    Examples
    --------
    >>> last_digit_unit(315_000), last_digit_unit(1_300_000)
    (1000.0, 100000.0)
    """
    number = abs(round(value))
    if number == 0:
        return 1.0
    unit = 1
    while number % (unit * 10) == 0:
        unit *= 10
    return float(unit)


def tolerance_for(expected: float, unit: str, relation: str, decimals: int = 0) -> Tolerance:
    """The tolerance for an expected value, by its unit, relation and printed decimals.

    Examples
    --------
    >>> tolerance_for(3_500_000, "persons", "approx").value   # one unit of its last digit
    100000.0
    >>> tolerance_for(34.5, "percent", "exact", decimals=1).value
    0.05
    """
    step = 10.0**-decimals
    if relation == "order_of_magnitude":
        return Tolerance(0.0, "an order of magnitude holds if both numbers have the same power of ten")
    if unit == PERCENT:
        if relation == "approx":
            return Tolerance(step, f"an approximate percentage is allowed one unit of its last digit (±{step:g} pp)")
        return Tolerance(
            step / 2, f"a percentage printed with {decimals} decimal(s) stands for any value within ±{step / 2:g} pp"
        )
    if unit == "ratio" and relation in ("exact", "approx"):
        return Tolerance(step / 2, f"a multiple (twice, 2.6 times) stands for what rounds to it (±{step / 2:g})")
    if relation == "approx":
        step = last_digit_unit(expected) if decimals == 0 else step
        return Tolerance(
            step, f"an approximate figure may be rounded or cut to its last significant digit (±{step:,.10g})"
        )
    if relation != "exact":
        return Tolerance(0.0, "a bound on a count or a multiple holds or fails")
    if unit in COUNT_UNITS or unit == YEARS:
        return Tolerance(0.0, "exact counts must match exactly")
    return Tolerance(step / 2, f"a number printed with {decimals} decimal(s) stands for ±{step / 2:g}")


def verdict_of(expected: float | None, relation: str, reading: Reading, tolerance: Tolerance) -> str:
    """The verdict for a reading against an expectation.

    A reading known only within bounds (some cells missing) is decided only
    when every value within the bounds gives the same answer (a lower bound
    already passed by a partial sum; an expectation outside bounded limits);
    an expectation inside bounded limits counts as consistent, the note of the
    result saying what the missing cells would have to be; otherwise the check
    is ``not_checkable``.

    Examples
    --------
    >>> exact = Tolerance(0.0, "exact counts must match exactly")
    >>> verdict_of(175487.0, "exact", Reading(175486.0, 175486.0), exact)
    'discrepancy'
    >>> verdict_of(3_500_000.0, "upper_bound", Reading(3_000_000.0, None), exact)   # a partial sum: open above
    'not_checkable'
    """
    if expected is None:
        return NOT_CHECKABLE
    low, high, tol = reading.low, reading.high, tolerance.value + EPSILON * max(1.0, abs(expected))
    if relation in ("lower_bound", "range_low"):
        if low >= expected:
            return CONSISTENT
        if high is not None and high < expected - tol:
            return DISCREPANCY
        if reading.known:
            return WITHIN_ROUNDING
        return NOT_CHECKABLE
    if relation in ("upper_bound", "range_high"):
        if high is not None and high <= expected:
            return CONSISTENT
        if low > expected + tol:
            return DISCREPANCY
        if reading.known:
            return WITHIN_ROUNDING
        return NOT_CHECKABLE
    if relation == "order_of_magnitude":
        if not reading.known:
            return NOT_CHECKABLE
        if low <= 0 or expected <= 0:
            return DISCREPANCY
        return CONSISTENT if math.floor(math.log10(low)) == math.floor(math.log10(expected)) else DISCREPANCY
    if reading.known:
        difference = abs(low - expected)
        if difference <= EPSILON * max(1.0, abs(expected)):
            return CONSISTENT
        return WITHIN_ROUNDING if difference <= tol else DISCREPANCY
    if expected < low - tol or (high is not None and expected > high + tol):
        return DISCREPANCY
    return CONSISTENT if high is not None else NOT_CHECKABLE


@dataclass
class _Run:
    expected: float | None
    reading: Reading | None
    view: View
    missing: list[str]

    def verdict(self, relation: str, tolerance: Tolerance) -> str:
        if self.reading is None:
            return NOT_CHECKABLE
        return verdict_of(self.expected, relation, self.reading, tolerance)

    @property
    def difference(self) -> float | None:
        if self.reading is None or self.expected is None:
            return None
        return self.reading.value - self.expected


def _run(cells: CellIndex, compute: Compute, expect: Expect, overrides: dict, independent: bool) -> _Run:
    view = View(cells, overrides, independent)
    expected = None
    try:
        expected = expect(view) if callable(expect) else expect
        result = compute(view)
    except MissingCell as exc:
        reading = Reading(exc.partial, None) if exc.partial is not None else None
        return _Run(expected, reading, view, exc.missing)
    except ZeroDivisionError:  # a zero whole (an overlay may give 0): not checkable, and why
        return _Run(expected, None, view, ["a denominator is zero"])
    if not isinstance(result, Reading):
        if not math.isfinite(float(result)):
            return _Run(expected, None, view, ["a denominator is zero"])
        result = Reading(float(result), float(result))
    return _Run(expected, result, view, list(result.missing))


def _status_note(rows: list[Cell]) -> str:
    notes = []
    for status, meaning in (
        (UNCONFIRMED, "commonly reproduced but not seen in a reachable copy"),
        (DERIVED, "arithmetic on other published values"),
        (USER, "from your overlay"),
    ):
        named = [f"{r.population} {r.measure} {r.period}" for r in rows if r.status == status]
        if named:
            listed = ", ".join(named[:3]) + (f" and {len(named) - 3} more" if len(named) > 3 else "")
            verb = "is" if len(named) == 1 else "are"
            notes.append(f"{len(named)} of the values used {verb} {status} ({meaning}): {listed}")
    return "; ".join(notes)


def run_check(
    cells: CellIndex,
    *,
    id: str,
    title: str,
    family: str,
    expectation: str,
    location: str,
    expected: Expect,
    relation: str,
    tolerance: Tolerance,
    compute: Compute,
    independent: bool = False,
    note: str = "",
) -> CheckResult:
    """Compute a check with the preferred values and with every alternative, and judge it.

    Parameters
    ----------
    cells : CellIndex
        The rows of all tables.
    compute : callable
        ``compute(view) -> float | Reading``; it reads cells through the view
        (which records them) and may raise ``MissingCell``.
    expected : float or callable
        The expected value, or ``expected(view) -> float`` to read it from a
        cell (then its alternatives are evaluated too).
    independent : bool
        Do not use the article's own statements as evidence (prose checks).
    id, title, family, expectation, location, relation, tolerance, note
        The fields of :class:`~gulagstats.core.results.CheckResult` of the same names.

    Returns
    -------
    CheckResult

    Examples
    --------
    >>> from gulagstats.core.cells import CellIndex
    >>> r = run_check(
    ...     CellIndex.load(), id="example", title="camp inmates, 1 January 1939", family="identities",
    ...     expectation="1,317,195 camp inmates", location="GRZ appendix", expected=1317195.0,
    ...     relation="exact", tolerance=Tolerance(0.0, "exact counts must match exactly"),
    ...     compute=lambda view: view.value("1939-01-01", "gulag_camps", "inmates"),
    ... )
    >>> r.verdict, r.observed, len(r.cells)   # the one cell it read is listed with its source and status
    ('consistent', 1317195.0, 1)
    """
    main = _run(cells, compute, expected, {}, independent)
    verdict = main.verdict(relation, tolerance)
    alternatives = []
    for row in list(main.view.used):
        for alt in cells.alternatives(row.key, independent):
            run = _run(cells, compute, expected, {row.key: alt}, independent)
            alternatives.append(
                Alternative(
                    cell=alt.ref(),
                    observed=run.reading.value if run.reading else None,
                    difference=run.difference,
                    verdict=run.verdict(relation, tolerance),
                )
            )
    agreement = {verdict in AGREEING} | {a.verdict in AGREEING for a in alternatives if a.verdict != NOT_CHECKABLE}
    final = DEPENDS_ON_SOURCE if verdict != NOT_CHECKABLE and len(agreement) == 2 else verdict
    observed = main.reading.value if main.reading else None
    difference = main.difference
    expected = main.expected
    notes = [n for n in (note, *dict.fromkeys(main.view.notes), main.reading.note if main.reading else "") if n]
    if main.missing and main.reading and main.reading.high is None:
        notes.append(f"{observed:,.10g} is the sum of the parts that have values; the missing parts would add to it")
    if status := _status_note(main.view.used):
        notes.append(status)
    return CheckResult(
        id=id,
        title=title,
        family=family,
        expectation=expectation,
        location=location,
        expected=expected,
        relation=relation,
        observed=observed,
        cells=[r.ref() for r in main.view.used],
        difference=difference,
        relative_difference=None if difference is None or not expected else difference / expected,
        tolerance=tolerance.value,
        tolerance_reason=tolerance.reason,
        verdict=final,
        preferred_verdict=verdict,
        alternatives=alternatives,
        missing=main.missing,
        note="; ".join(notes),
    )


def not_checkable(
    *, id: str, title: str, family: str, expectation: str, location: str, expected: float | None, relation: str,
    reason: str,
) -> CheckResult:
    """A result for an expectation that nothing in the tables measures.

    Examples
    --------
    >>> r = not_checkable(id="prose.X", title="t", family="prose", expectation="e", location="l",
    ...                   expected=1.0, relation="exact", reason="no table counts this")
    >>> r.verdict, r.note
    ('not_checkable', 'no table counts this')
    """
    return CheckResult(
        id=id,
        title=title,
        family=family,
        expectation=expectation,
        location=location,
        expected=expected,
        relation=relation,
        observed=None,
        difference=None,
        relative_difference=None,
        tolerance=None,
        verdict=NOT_CHECKABLE,
        preferred_verdict=NOT_CHECKABLE,
        note=reason,
    )
