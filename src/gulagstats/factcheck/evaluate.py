"""Measure the extraction and the verdicts against a labelled set.

The labelled set (``tests/data/factcheck_labels.csv``) lists, for each seed
text, every claim a careful reader would check: the file (its three-digit
prefix), the line, the number as printed (``mention``), the quantity, ``low``
and ``high``, the period and who states it.  A label is found when a claim
of the same file and line states the same number (either end, as printed or
after adding the people named besides "N others"); each claim matches one
label at most.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..estimates.vocabulary import normalize_period
from .extract import Claim
from .judge import judge_frame


@dataclass
class Evaluation:
    """What the extraction found of the labels, and how well it read them."""

    labels: int
    claims: int
    matched: int
    recall: float
    precision: float
    quantity_agreement: float
    period_agreement: float
    attribution_agreement: float
    verdict_agreement: float
    misses: pd.DataFrame = field(repr=False)
    false_positives: pd.DataFrame = field(repr=False)
    pairs: pd.DataFrame = field(repr=False)


def _num(x: object) -> float | None:
    try:
        v = float(str(x))
    except ValueError:
        return None
    return None if math.isnan(v) else v


def _same(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(a))


def match(labels: pd.DataFrame, claims: Sequence[Claim]) -> list[tuple[int, int]]:
    """Pairs (label row, claim index), one-to-one, in the order of the text."""
    taken: set[int] = set()
    pairs = []
    by_place: dict[tuple[str, int], list[int]] = {}
    for k, c in enumerate(claims):
        by_place.setdefault((Path(c.file).name[:3], c.line), []).append(k)
    for i, row in labels.reset_index(drop=True).iterrows():
        low, high = _num(row["low"]), _num(row["high"])
        for k in by_place.get((str(row["file"]).zfill(3), int(row["line"])), []):
            c = claims[k]
            ends = {c.stated_low, c.stated_high, c.low, c.high}
            if k not in taken and any(_same(v, e) for v in (low, high) for e in ends):
                taken.add(k)
                pairs.append((int(i), k))
                break
    return pairs


def evaluate(labels: pd.DataFrame, claims: Sequence[Claim], judge: bool = True) -> Evaluation:
    """Recall and precision of the extraction, and agreement on what it read.

    Verdict agreement: each matched label is judged as labelled (its quantity,
    numbers and period) and as extracted, through the same public assess
    machinery, and the two verdicts are compared.

    Examples
    --------
    >>> from gulagstats.factcheck.extract import extract_claims
    >>> labels = pd.DataFrame({"file": ["000"], "line": [1], "mention": ["Over 100"],
    ...     "quantity": ["executions"],
    ...     "low": ["100"], "high": [""], "period": ["1934"], "attribution": ["author"]})
    >>> claims = extract_claims("Over 100 party members were shot in 1934.", "000_x.txt")
    >>> e = evaluate(labels, claims, judge=False)
    >>> e.recall, e.precision, e.quantity_agreement
    (1.0, 1.0, 1.0)
    """
    labels = labels.reset_index(drop=True).fillna("")
    pairs = match(labels, claims)
    found = {i for i, _ in pairs}
    used = {k for _, k in pairs}
    rows = []
    for i, k in pairs:
        row, c = labels.loc[i], claims[k]
        rows.append(
            {
                "file": row["file"],
                "line": row["line"],
                "mention": row["mention"],
                "label_quantity": row["quantity"],
                "claim_quantity": c.quantity,
                "label_period": normalize_period(str(row["period"])) or str(row["period"]),
                "claim_period": c.period,
                "label_attribution": row["attribution"],
                "claim_attribution": c.attribution,
                "label_low": row["low"],
                "label_high": row["high"],
                "claim_low": "" if c.low is None else c.low,
                "claim_high": "" if c.high is None else c.high,
            }
        )
    pairs_frame = pd.DataFrame(rows)
    n = max(len(pairs), 1)

    def share(a: str, b: str) -> float:
        return (
            float((pairs_frame[a].astype(str) == pairs_frame[b].astype(str)).sum()) / n
            if rows
            else 0.0
        )

    verdicts = math.nan
    if judge and rows:
        def frame(q: str, lo: str, hi: str, p: str) -> pd.DataFrame:
            return pd.DataFrame(
                {
                    "quantity": pairs_frame[q],
                    "low": pairs_frame[lo].astype(str).str.replace(r"\.0$", "", regex=True),
                    "high": pairs_frame[hi].astype(str).str.replace(r"\.0$", "", regex=True),
                    "period": pairs_frame[p],
                }
            )

        as_labelled = judge_frame(
            frame("label_quantity", "label_low", "label_high", "label_period")
        )["verdict"]
        as_read = judge_frame(frame("claim_quantity", "claim_low", "claim_high", "claim_period"))[
            "verdict"
        ]
        pairs_frame["label_verdict"], pairs_frame["claim_verdict"] = (
            as_labelled.to_numpy(),
            as_read.to_numpy(),
        )
        verdicts = share("label_verdict", "claim_verdict")
    misses = labels.loc[[i for i in range(len(labels)) if i not in found]]
    false_positives = pd.DataFrame(
        [
            {
                "file": Path(c.file).name[:3],
                "line": c.line,
                "mention": c.mention,
                "quantity": c.quantity,
                "sentence": c.sentence[:160],
            }
            for k, c in enumerate(claims)
            if k not in used
        ],
        columns=["file", "line", "mention", "quantity", "sentence"],
    )
    return Evaluation(
        labels=len(labels),
        claims=len(claims),
        matched=len(pairs),
        recall=round(len(found) / max(len(labels), 1), 3),
        precision=round(len(used) / max(len(claims), 1), 3),
        quantity_agreement=round(share("label_quantity", "claim_quantity"), 3),
        period_agreement=round(share("label_period", "claim_period"), 3),
        attribution_agreement=round(share("label_attribution", "claim_attribution"), 3),
        verdict_agreement=round(verdicts, 3) if verdicts == verdicts else verdicts,
        misses=misses,
        false_positives=false_positives,
        pairs=pairs_frame,
    )
