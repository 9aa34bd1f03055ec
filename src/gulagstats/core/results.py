"""The result of one consistency check, as a validated model."""

from __future__ import annotations

from pydantic import Field

from ..models import Model
from ..vocabulary import FAMILIES, VERDICT_MEANING, VERDICTS, FamilyName, VerdictName

__all__ = ["FAMILIES", "VERDICTS", "VERDICT_MEANING", "CellRef", "CheckResult", "FamilyName", "VerdictName"]


class CellRef(Model):
    """One cell value a check was computed from, with its provenance."""

    table: str
    period: str
    population: str
    measure: str
    category: str = ""
    unit: str
    value: float | None
    source: str
    status: str
    preferred: bool = Field(description="True for the table's value of the cell, False for an alternative row")
    locator: str = ""
    note: str = Field("", description="the row's own note (caveats, formula of a derived value)")


class Alternative(Model):
    """The check evaluated again with one alternative published value of a cell."""

    cell: CellRef = Field(description="the alternative row used instead of the cell's preferred value")
    observed: float | None
    difference: float | None
    verdict: VerdictName


class CheckResult(Model):
    """One consistency check: what is expected, what the tables give, and the verdict.

    Examples
    --------
    >>> import gulagstats
    >>> result = next(r for r in gulagstats.check_results(family="identities") if r.verdict == "consistent")
    >>> result.family, result.difference
    ('identities', 0.0)
    """

    id: str = Field(description="stable id: family, then what is checked (e.g. prose.L061.1)")
    title: str
    family: FamilyName
    expectation: str = Field(description="what is expected, in words: the prose quote, or the identity")
    location: str = Field(description="where the expectation is stated: prose line and figure id, or the rule")
    expected: float | None = Field(description="the expected value (None for a rule with no single number)")
    relation: str = Field(description="exact, approx, lower_bound, upper_bound, range_low, range_high, ...")
    observed: float | None = Field(description="the value computed from the tables' preferred values")
    cells: list[CellRef] = Field(default_factory=list, description="the cells the observed value comes from")
    difference: float | None = Field(description="observed minus expected")
    relative_difference: float | None = Field(description="difference divided by expected")
    tolerance: float | None = Field(description="the largest difference accepted as rounding")
    tolerance_reason: str = ""
    verdict: VerdictName
    preferred_verdict: VerdictName = Field(description="the verdict with every cell at its preferred value")
    alternatives: list[Alternative] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list, description="cells needed but missing")
    note: str = Field("", description="how the value was computed, caveats of the cells used")
