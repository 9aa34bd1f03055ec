"""Claims that contradict each other: the same quantity, scope and period, numbers that cannot both hold.

Two claims contradict when they are in different texts, count the same
quantity, of the same scope (and the same part, if a part), for the same
period, are both stated (not planned, negated, hypothetical or quoted as a
spread), both counts read with confidence (not vague words), and their ranges
do not meet even with the 15 percent tolerance of the verdicts.  A contradiction
says that one of two claims is wrong, as a flag does, so it asks what a flag asks
of both claims' periods: found in a way calibrated to support a flag
(:data:`~gulagstats.factcheck.readings.FLAG_HOWS`; a period read from the context
pairs claims of different periods as often as not); and a claim the judgment
found :data:`~gulagstats.factcheck.judgment.PART_FACTOR` times or more below the
record's whole is most likely a part the text does not name (one region's 40,906
beside the whole's 681,692), not another version of the same fact.  Within one
text, figures of one quantity and period are mostly its parts and categories
(camps, then colonies; one region, then another), not two versions of one
fact, so they are not compared.  Claims are grouped by that key in one pass; within a group
each claim is compared with the group's lowest and highest claim only, so the
time is linear in the number of claims (20,000 claims in one text included).
"""

from __future__ import annotations

import math

import pandas as pd

from .readings import FLAG_HOWS

TOLERANCE = 0.15
#: The confidence both readings need (as for a verdict).
SAME_CLAIM_CONFIDENCE = 0.6
CONTRADICTION_COLUMNS = [
    "quantity",
    "scope",
    "period",
    "first",
    "second",
    "first_file",
    "first_line",
    "first_mention",
    "second_file",
    "second_line",
    "second_mention",
    "reason",
]


def _ends(low: object, high: object) -> tuple[float, float]:
    def number(x: object, default: float) -> float:
        try:
            v = float(str(x))
        except ValueError:
            return default
        return default if math.isnan(v) else v

    return number(low, 0.0), number(high, math.inf)


def contradictions(
    claims: pd.DataFrame, tolerance: float = TOLERANCE, parts: pd.Series | None = None
) -> pd.DataFrame:
    """Pairs of claims about the same quantity, scope and period whose numbers cannot both hold.

    ``parts`` marks the claims the judgment read as parts the text does not name
    (:func:`gulagstats.factcheck.judgment.unnamed_parts`): they are not compared.

    Examples
    --------
    >>> c = pd.DataFrame({"id": ["a", "b", "c"], "quantity": ["executions"] * 3, "scope": ["USSR"] * 3,
    ...     "scope_detail": [""] * 3, "period": ["1937/1938", "1937/1938", "1937"],
    ...     "low": ["681692", "1200000", "5"], "high": ["681692", "1200000", "5"], "modality": ["stated"] * 3,
    ...     "unit": ["count"] * 3, "mention": ["681,692", "1.2 million", "5"], "file": ["x", "y", "z"],
    ...     "text_line": [1, 2, 3], "vague": [False] * 3, "period_how": ["span"] * 3})
    >>> contradictions(c)[["first", "second", "period"]].values.tolist()
    [['a', 'b', '1937/1938']]
    >>> c.loc[1, "period_how"] = "context"  # "in those years": perhaps another period than 1937-1938
    >>> len(contradictions(c))
    0
    >>> len(contradictions(c.assign(period_how="span"), parts=pd.Series([False, True, False])))
    0
    """
    rows: list[dict[str, object]] = []
    ones = pd.Series(1.0, index=claims.index)
    usable = claims[
        (claims["modality"] == "stated")
        & (claims["unit"] == "count")
        & (claims["period"] != "")
        & ~claims.get("vague", pd.Series(False, index=claims.index)).astype(bool)
        & (claims.get("confidence", ones).astype(float) >= SAME_CLAIM_CONFIDENCE)
        & (claims.get("period_confidence", ones).astype(float) >= SAME_CLAIM_CONFIDENCE)
        & claims.get("period_how", pd.Series("", index=claims.index)).isin(FLAG_HOWS)
        & ~(
            pd.Series(False, index=claims.index) if parts is None else parts.to_numpy().astype(bool)
        )
    ]
    groups: dict[tuple[str, str, str, str], list[tuple[float, float, dict]]] = {}
    for record in usable.to_dict("records"):
        low, high = _ends(record["low"], record["high"])
        key = (record["quantity"], record["scope"], record["scope_detail"], record["period"])
        groups.setdefault(key, []).append((low, high, record))
    for key, items in sorted(groups.items()):
        lowest = min(items, key=lambda x: x[1])  # the smallest upper end
        highest = max(items, key=lambda x: x[0])  # the largest lower end
        if highest[0] <= lowest[1] * (1 + tolerance):
            continue
        for item in items:
            for other in (lowest, highest):
                a, b = (item, other) if item[2]["id"] < other[2]["id"] else (other, item)
                if item is other or a[2]["file"] == b[2]["file"]:
                    continue
                if a[0] <= b[1] * (1 + tolerance) and b[0] <= a[1] * (1 + tolerance):
                    continue
                rows.append(_row(key, a[2], b[2]))
    frame = pd.DataFrame(rows, columns=CONTRADICTION_COLUMNS)
    return frame.drop_duplicates(["first", "second"]).reset_index(drop=True)


def _row(key: tuple[str, str, str, str], a: dict, b: dict) -> dict[str, object]:
    quantity, scope, detail, period = key
    return {
        "quantity": quantity,
        "scope": f"{scope}: {detail}" if detail else scope,
        "period": period,
        "first": a["id"],
        "second": b["id"],
        "first_file": a["file"],
        "first_line": a["text_line"],
        "first_mention": a["mention"],
        "second_file": b["file"],
        "second_line": b["text_line"],
        "second_mention": b["mention"],
        "reason": f"{a['mention']} and {b['mention']} differ by more than {TOLERANCE:.0%}",
    }
