"""Verdicts: how a published estimate or a claim compares with the archival record.

The rule, applied to whole columns at once (numpy), with the estimate's range
``[low, high]`` (a point estimate has ``low == high``; an open bound is empty)
and the benchmark's ``[benchmark_low, benchmark_high]``:

- ``overstates`` when ``low > benchmark_high * (1 + TOLERANCE)``;
- ``understates`` when ``high < benchmark_low / (1 + TOLERANCE)``;
- ``consistent`` otherwise: the two ranges meet once the benchmark is widened
  by the tolerance;
- ``not_comparable`` when no benchmark matches the quantity, period and scope
  (the explanation says why).

``ratio_low`` and ``ratio_high`` are the estimate's ends divided by
``benchmark_low``, the count the record documents (for a span of stock counts,
the lowest count in it); ``factor`` is ``ratio_low`` for an overstatement and
``1 / ratio_high`` for an understatement, rounded to one decimal: how many
times the documented count the estimate is, or how many times it falls short.

:data:`TOLERANCE` is 15 percent.  Two things blur a comparison that much: the
archival reporting streams themselves differ by a few percent for the same
count (camp deaths of 1934: 26,295 or 25,187; those convicted in 1937-1938:
1,344,923 or 1,444,923) and GRZ note that the postwar compilations run
"somewhat higher" than the 1930s reports; and published estimates are rounded
("about 700,000", "1.5 million" stand for a few percent either way).  A claim
off by more than that is a different number, not a rounding of the same one.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import DataFormatError, InvalidEstimateError, UnknownQuantityError
from ..models import Assessment, Benchmark
from .claims import check_claims, read_claims
from .record import Record, load_record
from .vocabulary import QUANTITIES, period_phrase

TOLERANCE = 0.15
VERDICTS = ("consistent", "overstates", "understates", "not_comparable")

#: The columns compare() returns first, in this order (the estimates figure reads them).
COMPARE_COLUMNS = [
    "id", "author", "work", "year", "quantity", "period", "scope", "low", "high", "wording",
    "source", "locator", "status", "benchmark_id", "benchmark_low", "benchmark_high",
    "benchmark_source", "ratio_low", "ratio_high", "verdict", "factor", "explanation",
]
#: What judge() adds to each claim.
RESULT_COLUMNS = [
    "benchmark_id", "benchmark_period", "benchmark_low", "benchmark_high", "benchmark_source",
    "benchmark_status", "benchmark_scope", "benchmark_basis", "benchmark_caveats", "benchmark_locator",
    "ratio_low", "ratio_high", "verdict", "factor", "explanation",
]


def _number(x: float) -> str:
    if x != x:
        return ""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def _numbers_text(low: np.ndarray, high: np.ndarray) -> list[str]:
    out = []
    for lo, hi in zip(low, high):
        if lo == hi:
            out.append(_number(lo))
        elif lo == lo and hi == hi:
            out.append(f"{_number(lo)} to {_number(hi)}")
        elif lo == lo:
            out.append(f"at least {_number(lo)}")
        else:
            out.append(f"at most {_number(hi)}")
    return out


def judge(claims: pd.DataFrame, record: Record, tolerance: float = TOLERANCE) -> pd.DataFrame:
    """Set checked claims against the record: benchmark, ratios, verdict, factor, explanation.

    Parameters
    ----------
    claims : pandas.DataFrame
        As returned by :func:`gulagstats.estimates.claims.check_claims`
        (``quantity``, ``period``, ``period_label``, ``low``, ``high``,
        ``unit``, ``region``, ``error``).
    record : Record
        The benchmark rules over the loaded tables.
    tolerance : float
        How far (as a fraction) the benchmark is widened before a claim is
        called an over- or understatement.

    Returns
    -------
    pandas.DataFrame
        :data:`RESULT_COLUMNS` on the index of ``claims``; rows with an error
        get empty results.

    Examples
    --------
    >>> from gulagstats.estimates.claims import check_claims
    >>> from gulagstats.estimates.record import load_record
    >>> claims = check_claims(pd.DataFrame({"quantity": ["executions"], "value": ["7,000,000"],
    ...                                     "period": ["1937-1938"]}))
    >>> result = judge(claims, load_record()).iloc[0]
    >>> result["verdict"], float(result["factor"]), int(result["benchmark_low"])
    ('overstates', 10.3, 681692)
    """
    quantity, period = claims["quantity"], claims["period"].fillna("")
    ok = claims["error"].fillna("") == ""
    known = quantity.isin(QUANTITIES)
    kind = quantity.map({q: v.kind for q, v in QUANTITIES.items()}).fillna("")
    unit = quantity.map({q: v.unit for q, v in QUANTITIES.items()}).fillna("")
    noun = quantity.map({q: v.noun for q, v in QUANTITIES.items()}).fillna(quantity)
    year_end = (kind == "stock") & period.str.fullmatch(r"\d{4}-12-31")
    match = period.where(~year_end, (pd.to_numeric(period.str[:4], errors="coerce") + 1).astype("Int64").astype(str) + "-01-01")
    coverage = record.coverage()
    unit_ok = claims["unit"] == unit
    region_ok = claims["region"].str.strip().str.upper().isin(["USSR", ""])
    has_rules = quantity.isin(coverage)
    askable = ok & known & unit_ok & region_ok & has_rules & (period != "")
    found = record.candidates(pd.DataFrame({"quantity": quantity[askable], "period": match[askable]}))
    found = found[found["preferred"].astype(bool)].set_index(["quantity", "request"])
    keys = pd.MultiIndex.from_arrays([quantity.where(askable, ""), match.where(askable, "")])
    bench = found.reindex(keys)
    bench.index = claims.index

    low, high = claims["low"].astype(float), claims["high"].astype(float)
    b_low, b_high = bench["low"].astype(float), bench["high"].astype(float)
    has = b_low.notna() & askable
    over = has & (low > b_high * (1 + tolerance))
    under = has & (high < b_low / (1 + tolerance))
    positive = b_low.where(b_low > 0)
    ratio_low, ratio_high = low / positive, high / positive
    factor = pd.Series(np.where(over, ratio_low, np.where(under, 1 / ratio_high, np.nan)), index=claims.index).round(1)
    verdict = pd.Series(
        np.select([~ok, ~has, over, under], ["", "not_comparable", "overstates", "understates"], "consistent"),
        index=claims.index,
    )

    phrases = {p: period_phrase(p) for p in set(period) | set(bench["period"].dropna())}
    explanation = pd.Series("", index=claims.index, dtype=object)
    compared = has & ok
    if compared.any():
        explanation[compared] = _explanations(claims[compared], noun[compared], bench[compared], verdict[compared], factor[compared], phrases, tolerance)
    alone = (verdict == "not_comparable").to_numpy()
    if alone.any():
        c = claims[alone]
        q, n, per = quantity[alone], noun[alone], period[alone]
        label = c["period_label"].fillna("").where(c["period_label"].fillna("") != "", per)
        reasons = np.select(
            [~known[alone], ~unit_ok[alone], ~region_ok[alone], ~has_rules[alone], per == ""],
            [
                "Not comparable: " + q + " is not in the vocabulary",
                "Not comparable: the claim counts " + c["unit"] + ", the record counts " + unit[alone],
                "Not comparable: the claim counts " + c["region"] + " only; the benchmarks are for the whole USSR",
                "Not comparable: the archival tables have no series of " + n + " (" + q + ")",
                np.where(label != "", "Not comparable: '" + label + "' is not a date the record can be read for", "Not comparable: no period given"),
            ],
            "Not comparable: the record has no benchmark for " + n + " " + per.map(phrases).fillna("") + "; it has " + q.map(coverage).fillna(""),
        )
        explanation[alone] = pd.Series(reasons, index=c.index) + "."
    return pd.DataFrame(
        {
            "benchmark_id": bench["id"],
            "benchmark_period": bench["period"],
            "benchmark_low": b_low,
            "benchmark_high": b_high,
            "benchmark_source": bench["source"],
            "benchmark_status": bench["status"],
            "benchmark_scope": bench["scope"],
            "benchmark_basis": bench["basis"],
            "benchmark_caveats": bench["caveats"],
            "benchmark_locator": bench["locator"],
            "ratio_low": ratio_low.where(has),
            "ratio_high": ratio_high.where(has),
            "verdict": verdict,
            "factor": factor,
            "explanation": explanation,
        },
        index=claims.index,
    )


def _explanations(
    claims: pd.DataFrame, noun: pd.Series, bench: pd.DataFrame, verdict: pd.Series, factor: pd.Series,
    phrases: dict, tolerance: float,
) -> list[str]:
    """One sentence per compared claim: the claim, the verdict with its factor, the benchmark, its source."""
    out = []
    numbers = _numbers_text(claims["low"].to_numpy(dtype=float), claims["high"].to_numpy(dtype=float))
    columns = [noun, claims["period"], verdict, factor, bench["low"], bench["high"], bench["phrase"], bench["period"], bench["citation"]]
    rows = zip(numbers, *(c.tolist() for c in columns))
    for number, what_claimed, claimed, v, f, lo, hi, phrase, period, citation in rows:
        text = f"{number} {what_claimed} {phrases[claimed]}"
        spread = _number(lo) if lo == hi else f"{_number(lo)} to {_number(hi)}"
        what = phrase.format(low=_number(lo), high=_number(hi), range=spread, period=phrases[period])
        lowest = "lowest of the " if lo != hi and "{range}" in phrase else ""
        times = f"about {f:.0f}" if f == f and (f >= 10 or f == round(f)) else f"about {f:.1f}"
        if v == "overstates":
            out.append(f"{text} is {times} times the {lowest}{what} ({citation}).")
        elif v == "understates":
            out.append(f"{text} is {times} times below the {lowest}{what} ({citation}).")
        else:
            out.append(f"{text} is consistent with the {what} ({citation}), allowing {tolerance:.0%} either way.")
    return out


def compare(quantity: str | None = None, overlay: str | Path | None = None) -> pd.DataFrame:
    """Set every published estimate against the archival record.

    Parameters
    ----------
    quantity : str, optional
        Keep one quantity of :func:`gulagstats.quantities` (``"executions"``).
    overlay : path, optional
        A filled template (:func:`gulagstats.template`) whose values the
        benchmarks use instead of the published ones.

    Returns
    -------
    pandas.DataFrame
        One row per estimate of ``data/tables/estimates.csv``, first the
        columns of :data:`COMPARE_COLUMNS` (the estimate; the preferred
        benchmark ``benchmark_id``, ``benchmark_low``, ``benchmark_high``,
        ``benchmark_source``; ``ratio_low``, ``ratio_high``, ``verdict``,
        ``factor``, ``explanation``), then ``period_as_printed``, ``region``,
        ``unit``, ``second_hand``, ``note`` and the benchmark's ``period``,
        ``status``, ``scope``, ``basis``, ``caveats`` and ``locator``.

    Raises
    ------
    UnknownQuantityError
        For a quantity outside the vocabulary (with suggestions).

    Examples
    --------
    >>> import gulagstats
    >>> c = gulagstats.compare("arrests").set_index("id")
    >>> row = c.loc["conquest1990-arrests"]
    >>> row.verdict, float(row.factor), int(row.benchmark_low)
    ('overstates', 4.4, 1575259)
    """
    from ..loaders import load

    if quantity is not None and quantity not in QUANTITIES:
        raise UnknownQuantityError(quantity, QUANTITIES)
    estimates = load("estimates").drop(columns=["start", "end"], errors="ignore")
    if quantity is not None:
        estimates = estimates[estimates["quantity"] == quantity].reset_index(drop=True)
    claims = pd.DataFrame(
        {
            "quantity": estimates["quantity"],
            "period": estimates["period"].fillna(""),
            "period_label": estimates["period_as_printed"].fillna(""),
            "low": estimates["low"].astype(float),
            "high": estimates["high"].astype(float),
            "unit": estimates["unit"],
            "region": estimates["region"],
            "error": "",
        }
    )
    results = judge(claims, load_record(overlay))
    extra = ["period_as_printed", "region", "unit", "second_hand", "note"]
    bench_extra = ["benchmark_period", "benchmark_status", "benchmark_scope", "benchmark_basis", "benchmark_caveats", "benchmark_locator"]
    out = pd.concat([estimates, results], axis=1)
    return out[COMPARE_COLUMNS + extra + bench_extra]


def _as_text(value: object) -> str:
    return "" if value is None else str(value)


def assess(
    quantity: str,
    value: float | None = None,
    low: float | None = None,
    high: float | None = None,
    period: str | None = None,
    overlay: str | Path | None = None,
) -> Assessment:
    """Assess one claim against the archival record.

    Parameters
    ----------
    quantity : str
        What the claim counts, from :func:`gulagstats.quantities`.
    value : float, optional
        The number claimed; or give ``low`` and/or ``high`` for a range or a
        bound ("at least", "at most").
    low, high : float, optional
        The ends of a claimed range.
    period : str, optional
        A year ``1938``, a day ``1939-01-01`` or a span ``1937/1938``
        (``1937-1938`` and ``1937-38`` are read as spans).
    overlay : path, optional
        A filled template whose values the benchmarks use.

    Returns
    -------
    Assessment
        The benchmark (or None), the ratios, the verdict, the factor, a
        sentence of explanation and the citations of the sources used.

    Raises
    ------
    UnknownQuantityError
        For a quantity outside the vocabulary (with the nearest names).
    InvalidEstimateError
        For a value that is not a finite non-negative number, no value, low
        above high, or a period that is not a year, a day or a span.

    Examples
    --------
    >>> import gulagstats
    >>> a = gulagstats.assess("executions", 7_000_000, period="1937-1938")
    >>> a.verdict, a.factor, a.benchmark.source
    ('overstates', 10.3, 'grz1993')
    """
    from ..loaders import source

    row = {"quantity": _as_text(quantity), "value": _as_text(value), "low": _as_text(low), "high": _as_text(high)}
    checked = check_claims(pd.DataFrame([{**row, "period": _as_text(period)}]))
    if bool(checked["unknown_quantity"].iloc[0]) or checked["quantity"].iloc[0] == "":
        raise UnknownQuantityError(_as_text(quantity), QUANTITIES)
    if checked["error"].iloc[0]:
        raise InvalidEstimateError(f"cannot assess this claim: {checked['error'].iloc[0]}")
    claim = checked.iloc[0]
    result = judge(checked, load_record(overlay)).iloc[0]
    benchmark = None
    if isinstance(result["benchmark_id"], str):
        benchmark = Benchmark(
            id=result["benchmark_id"],
            quantity=claim["quantity"],
            period=result["benchmark_period"],
            scope=result["benchmark_scope"],
            low=result["benchmark_low"],
            high=result["benchmark_high"],
            basis=result["benchmark_basis"],
            caveats=result["benchmark_caveats"],
            source=result["benchmark_source"],
            locator=result["benchmark_locator"],
            status=result["benchmark_status"],
        )

    def number(x: float) -> float | None:
        return None if x != x else float(x)

    point = claim["low"] == claim["high"]
    return Assessment(
        quantity=claim["quantity"],
        period=claim["period"] or None,
        low=number(claim["low"]),
        high=number(claim["high"]),
        benchmark=benchmark,
        ratio=number(result["ratio_low"]) if point else None,
        ratio_low=number(result["ratio_low"]),
        ratio_high=number(result["ratio_high"]),
        verdict=result["verdict"],
        factor=number(result["factor"]),
        explanation=result["explanation"],
        sources=[source(k) for k in benchmark.source.split("; ")] if benchmark else [],
    )


def assess_claims(claims: pd.DataFrame | str | Path, overlay: str | Path | None = None) -> pd.DataFrame:
    """Assess many claims at once, one result row per claim.

    Parameters
    ----------
    claims : pandas.DataFrame or path
        A frame or a UTF-8 CSV file with a ``quantity`` column and ``value``
        or ``low``/``high``; ``period``, ``unit``, ``region`` and ``id`` are
        optional; other columns are kept as they are.
    overlay : path, optional
        A filled template whose values the benchmarks use.

    Returns
    -------
    pandas.DataFrame
        The claims' own columns, ``line`` (the line of the file, or the row
        number plus 2 for a frame, as if written with a header), the claim as
        read (``claim_period``, ``claim_low``, ``claim_high``), the benchmark
        (``benchmark_id``, ``benchmark_period``, ``benchmark_low``,
        ``benchmark_high``, ``benchmark_source``, ``benchmark_status``),
        ``ratio_low``, ``ratio_high``, ``verdict``, ``factor``,
        ``explanation`` and ``error`` ("line N: ..." for a row that could not
        be assessed; the other rows are assessed all the same).

    Raises
    ------
    DataFormatError
        If the file is missing, not UTF-8, not a CSV, or has no quantity column.

    Examples
    --------
    >>> import gulagstats, pandas as pd
    >>> out = gulagstats.assess_claims(pd.DataFrame(
    ...     {"quantity": ["arrests", "arests"], "value": ["2000000", "1"], "period": ["1937-1938", "1937"]}))
    >>> out.verdict.tolist(), out.error.str[:26].tolist()
    (['consistent', ''], ['', "line 3: unknown quantity '"])
    """
    if isinstance(claims, pd.DataFrame):
        if "quantity" not in [str(c).strip().lower() for c in claims.columns]:
            raise DataFormatError("claims have no quantity column; expected quantity and value (or low, high)")
        frame = claims.reset_index(drop=True).astype(object).where(claims.notna().to_numpy(), "")
        frame["line"] = np.arange(len(frame)) + 2
    else:
        frame = read_claims(claims)
    checked = check_claims(frame)
    results = judge(checked, load_record(overlay))
    error = ("line " + frame["line"].astype(str) + ": " + checked["error"]).where(checked["error"] != "", "")
    return frame.assign(
        claim_period=checked["period"],
        claim_low=checked["low"],
        claim_high=checked["high"],
        **{c: results[c] for c in RESULT_COLUMNS[:6] + ["ratio_low", "ratio_high", "verdict", "factor", "explanation"]},
        error=error,
    )
