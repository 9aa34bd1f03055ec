"""Stage 3, the comparison: the one classifier of claimed numbers against a typed range.

A claim ``[low, high]`` (a point has ``low == high``; an open end is NaN) is
set against what the record says, ``[floor, ceiling]`` of a kind
(:data:`gulagstats.rules.bounds.BOUND_KINDS`), widened by the tolerance:

- ``overstates`` when ``low > ceiling * (1 + tolerance)``: only against a
  ceiling or a point, never against a floor alone;
- ``understates`` when ``high < floor / (1 + tolerance)``: only against a floor
  or a point, never against a ceiling alone;
- otherwise ``consistent`` for a two-sided claim against a point or a floor and
  ceiling (the ranges meet), and ``not_contradicted`` for a one-sided claim or
  against one side only (the record does not contradict it: not a confirmation).

The factors: for an overstatement, ``low / ceiling`` (the conservative one, the
least the claim can overstate by) and ``low / floor`` (if the truth were the
documented count); for an understatement, ``floor / high`` and ``ceiling / high``.
"""

from __future__ import annotations

import numpy as np

from ..vocabulary import CONSISTENT, NOT_CONTRADICTED, OVERSTATES, UNDERSTATES

#: Kinds of range with two ends a claim can be consistent with.
TWO_SIDED = ("point", "between")


def classify(
    low: np.ndarray, high: np.ndarray, floor: float | None, ceiling: float | None, kind: str, tolerance: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Verdicts and factor ranges of claims ``[low, high]`` against ``[floor, ceiling]`` of ``kind``.

    Parameters
    ----------
    low, high : numpy.ndarray
        The claimed ends (NaN for an open end: "at least", "at most").
    floor, ceiling : float or None
        The record's floor and ceiling (None: none on that side).
    kind : str
        ``point``, ``floor``, ``ceiling`` or ``between``.
    tolerance : float
        How far (a fraction) the range is widened before a claim is outside it.

    Returns
    -------
    verdict, factor_low, factor_high : numpy.ndarray
        One a claim; factors NaN where there is no over- or understatement,
        infinite for a claim of zero below a positive floor.

    Examples
    --------
    >>> v, f, g = classify(np.array([7e6, 1.71e6, 1e5]), np.array([7e6, np.nan, 1e5]), 1575259, 2.5e6, "between", 0.15)
    >>> v.tolist(), [round(x, 1) for x in f.tolist()]
    (['overstates', 'not_contradicted', 'understates'], [2.8, nan, 15.8])
    >>> classify(np.array([7e6]), np.array([7e6]), 688240, None, "floor", 0.15)[0].tolist()  # never above a floor
    ['not_contradicted']
    """
    n = len(low)
    top = np.inf if ceiling is None else float(ceiling)
    bottom = 0.0 if floor is None else float(floor)
    f_low, f_high = np.full(n, np.nan), np.full(n, np.nan)
    with np.errstate(all="ignore"):
        over = ~np.isnan(low) & (low > top * (1 + tolerance))
        under = ~over & ~np.isnan(high) & (bottom > 0) & (high < bottom / (1 + tolerance))
        if top > 0:
            f_low[over] = low[over] / top
        if bottom > 0:
            f_high[over] = low[over] / bottom
        below = under & (high > 0)  # a claim of zero: infinitely below
        f_low[below] = bottom / high[below]
        if np.isfinite(top):
            f_high[below] = top / high[below]
    f_low[under & (high <= 0)] = f_high[under & (high <= 0)] = np.inf
    verdict = np.full(n, NOT_CONTRADICTED, dtype=object)
    if kind in TWO_SIDED:
        verdict[~np.isnan(low) & ~np.isnan(high)] = CONSISTENT
    verdict[under] = UNDERSTATES
    verdict[over] = OVERSTATES
    return verdict, f_low, f_high
