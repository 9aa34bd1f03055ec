"""What the record says of a question under one reading: a range, each end typed (the plan's unit)."""

from __future__ import annotations

from dataclasses import dataclass

from ..rules.series import Answer


@dataclass(frozen=True)
class PerCapita:
    """How a basis in rates was made: the unit, the population divided by (in words), the basis in counts."""

    unit: str
    population: str
    count: Basis
    sources: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()


@dataclass(frozen=True)
class Basis:
    """Where the record puts a question's quantity under one reading: ``[low, high]``, each end typed.

    Attributes
    ----------
    reading : str
        The reading, in words ("" for the question as asked).
    low, high : float or None
        The floor (or the point's low end) and the ceiling (or its high end);
        None where the record gives no bound on that side.
    kind : str
        ``point``, ``floor``, ``ceiling`` or ``between``.
    lower, upper : Answer or None
        The benchmarks that give ``low`` and ``high`` (the same one, or one
        each when a period is bounded from the years around it).
    lacks : str
        What the record lacks of the claim's whole (a floor).
    notes : tuple of str
        How the bounds were found.
    variants : tuple of (str, float or None, float or None)
        The ends with other published values of the cells used, and which.
    coverage : str
        Where the record holds only part of the period: which part.
    claim_as : str
        ``point``: a one-sided claimed number is read as the estimate itself.
    """

    reading: str
    low: float | None
    high: float | None
    kind: str
    lower: Answer | None
    upper: Answer | None
    lacks: str = ""
    notes: tuple[str, ...] = ()
    variants: tuple[tuple[str, float | None, float | None], ...] = ()
    coverage: str = ""
    claim_as: str = ""  # "point": the claim's one-sided number is read as the estimate under this reading
    per: PerCapita | None = None  # a rate per head: the counts it divides, and by what

    @property
    def head(self) -> Answer:
        """The benchmark named in the result's ``benchmark_*`` columns (the floor's, else the ceiling's)."""
        found = self.lower or self.upper
        assert found is not None
        return found
