"""Measure the reading against the seed labels (the regression set).

The labelled set (``tests/data/factcheck_labels.csv``) lists, for each seed
text, every claim a careful reader would check: the file (its three-digit
prefix), the line, the number as printed (``mention``), the quantity, ``low``
and ``high``, the period and who states it.  A label is found when a claim
of the same file and line states the same number (either end); each claim
matches one label at most.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from ..estimates.vocabulary import normalize_period
from .frames import Frame


@dataclass
class Evaluation:
    """What the reading found of the labels, and how well it read them."""

    labels: int
    claims: int
    matched: int
    recall: float
    precision: float
    quantity_agreement: float
    period_agreement: float
    misses: pd.DataFrame = field(repr=False)
    false_positives: pd.DataFrame = field(repr=False)
    pairs: pd.DataFrame = field(repr=False)


def _num(x: object) -> float | None:
    try:
        v = float(str(x))
    except ValueError:
        return None
    return None if math.isnan(v) else v


def _same_claim(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(a))


def evaluate(labels: pd.DataFrame, frames: Sequence[Frame]) -> Evaluation:
    """Recall, precision, and agreement on quantity and period of the matched claims.

    Examples
    --------
    >>> from gulagstats.factcheck.run import check_text
    >>> labels = pd.DataFrame({"file": ["000"], "line": [1], "mention": ["Over 100"],
    ...     "quantity": ["executions"], "low": ["100"], "high": [""], "period": ["1934"]})
    >>> e = evaluate(labels, check_text("Over 100 party members were shot in 1934.", "000_x.txt").frames)
    >>> e.recall, e.precision, e.quantity_agreement, e.period_agreement
    (1.0, 1.0, 1.0, 1.0)
    """
    labels = labels.reset_index(drop=True).fillna("")
    by_place: dict[tuple[str, int], list[int]] = {}
    for k, f in enumerate(frames):
        by_place.setdefault((f.file.rsplit("/", 1)[-1][:3], f.text_line), []).append(k)
    taken: set[int] = set()
    pairs = []
    for i, row in labels.iterrows():
        ends = (_num(row["low"]), _num(row["high"]))
        for k in by_place.get((str(row["file"]).zfill(3), int(row["line"])), []):
            if k not in taken and any(_same_claim(v, e) for v in ends for e in (frames[k].low, frames[k].high)):
                taken.add(k)
                pairs.append((int(i), k))
                break
    rows = [
        {
            "file": labels.at[i, "file"], "line": labels.at[i, "line"], "mention": labels.at[i, "mention"],
            "label_quantity": labels.at[i, "quantity"], "claim_quantity": frames[k].quantity,
            "label_period": normalize_period(str(labels.at[i, "period"])) or str(labels.at[i, "period"]),
            "claim_period": frames[k].period,
        }
        for i, k in pairs
    ]
    p = pd.DataFrame(rows, columns=["file", "line", "mention", "label_quantity", "claim_quantity", "label_period", "claim_period"])
    n = max(len(pairs), 1)
    found = {i for i, _ in pairs}
    misses = labels.loc[[i for i in range(len(labels)) if i not in found]]
    false = pd.DataFrame(
        [{"file": f.file[:3], "line": f.text_line, "mention": f.mention, "quantity": f.quantity} for k, f in enumerate(frames) if k not in taken],
        columns=["file", "line", "mention", "quantity"],
    )
    return Evaluation(
        labels=len(labels), claims=len(frames), matched=len(pairs),
        recall=round(len(found) / max(len(labels), 1), 3), precision=round(len(taken) / max(len(frames), 1), 3),
        quantity_agreement=round(float((p["label_quantity"] == p["claim_quantity"]).sum()) / n, 3),
        period_agreement=round(float((p["label_period"] == p["claim_period"]).sum()) / n, 3),
        misses=misses, false_positives=false, pairs=p,
    )
