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
fact, so they are not compared, and a figure below another of its own sentence (the same quantity and
period, whatever scope each was read with) is no rival of another text's figure, though it may still meet one.  Claims are grouped by that key in one pass; within a group
each claim is compared with the group's lowest and highest claim only, so the
time is linear in the number of claims (20,000 claims in one text included).
"""

from __future__ import annotations

import bisect
import itertools
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
    usable = usable.assign(_a_part=_below_a_figure_of_its_sentence(claims, tolerance)[usable.index])
    groups: dict[tuple[str, str, str, str], list[tuple[float, float, dict]]] = {}
    for record in usable.to_dict("records"):
        low, high = _ends(record["low"], record["high"])
        key = (record["quantity"], record["scope"], record["scope_detail"], record["period"])
        groups.setdefault(key, []).append((low, high, record))
    for key, items in sorted(groups.items()):
        rivals = [x for x in items if not x[2]["_a_part"]]  # a part still meets, but is no rival
        if not rivals:
            continue
        lowest = min(rivals, key=lambda x: x[1])  # the smallest upper end
        highest = max(rivals, key=lambda x: x[0])  # the largest lower end
        if highest[0] <= lowest[1] * (1 + tolerance):
            continue
        texts = _TextFigures(items, tolerance)
        closest: dict[tuple[str, str], tuple[float, dict[str, object]]] = {}
        for item in rivals:
            for other in (lowest, highest):
                if item is other or item[2]["file"] == other[2]["file"]:
                    continue
                if texts.meets(item[2]["file"], other) or texts.meets(other[2]["file"], item):
                    continue  # one of the texts gives a figure that meets the other's
                x, y = texts.nearest(item[2]["file"], other), texts.nearest(other[2]["file"], item)
                x, y = (x, y) if x[2]["id"] < y[2]["id"] else (y, x)
                files = (str(x[2]["file"]), str(y[2]["file"]))
                gap = max(x[0], y[0]) / max(min(x[1], y[1]), 1.0)
                if files not in closest or gap < closest[files][0]:
                    closest[files] = (gap, _row(key, x[2], y[2]))
        rows += sorted(
            (row for _, row in closest.values()), key=lambda r: (r["first"], r["second"])
        )
    frame = pd.DataFrame(rows, columns=CONTRADICTION_COLUMNS)
    return frame.drop_duplicates(["first", "second"]).reset_index(drop=True)


def _below_a_figure_of_its_sentence(claims: pd.DataFrame, tolerance: float) -> pd.Series:
    """Claims below another count of the same quantity and period in their own sentence.

    "Of the 14 million who passed through the Gulag camps and the 4 million who passed through
    the Gulag colonies": a sentence that gives two figures of one quantity and period names a whole
    and a part, or two parts, however the scope of each was read, so the smaller is no rival to
    another text's count of the whole (round 16). One pass over the claims.
    """
    if "sentence" not in claims or claims.empty:
        return pd.Series(False, index=claims.index)
    ends = [_ends(lo, hi) for lo, hi in zip(claims["low"], claims["high"])]  # one pass gives both
    lows = pd.Series([e[0] for e in ends], index=claims.index, dtype=float)
    highs = pd.Series([e[1] for e in ends], index=claims.index, dtype=float)
    counts = claims["unit"] == "count"
    key = [claims["file"], claims["sentence"], claims["quantity"], claims["period"]]
    largest = lows.where(counts, -math.inf).groupby(key).transform("max")
    return counts & (highs * (1 + tolerance) < largest)


#: A figure of a group: its lower and upper end, and its claim.
Figure = tuple[float, float, dict]


class _TextFigures:
    """The figures of one group (quantity, scope, period) by text.  Two texts contradict only where no
    figure of the one meets a figure of the other: a text that gives, beside a figure another text
    contradicts, one that agrees with it (1.8 million kulaks deported and 1.0 million others; 14 million
    through the camps and 4-5 million through the colonies) names parts or categories, not a rival count;
    and a pair of texts is shown by its closest figures (round 9).  Each question takes logarithmic time."""

    def __init__(self, items: list[Figure], tolerance: float) -> None:
        self.tolerance = tolerance
        self.figures: dict[str, list[Figure]] = {}
        for figure in items:
            self.figures.setdefault(str(figure[2]["file"]), []).append(figure)
        self.lows: dict[str, list[float]] = {}
        #: the largest upper end of a text's figures up to each lower end, in the order of the lower ends
        self.highest: dict[str, list[float]] = {}
        for text, figures in self.figures.items():
            figures.sort(key=lambda x: (x[0], x[1], str(x[2]["id"])))
            self.lows[text] = [low for low, _, _ in figures]
            self.highest[text] = list(itertools.accumulate((high for _, high, _ in figures), max))

    def meets(self, text: object, figure: Figure) -> bool:
        """Whether ``text`` gives a figure of this group that meets ``figure`` within the tolerance."""
        lows = self.lows[str(text)]
        k = bisect.bisect_right(lows, figure[1] * (1 + self.tolerance))
        return k > 0 and self.highest[str(text)][k - 1] * (1 + self.tolerance) >= figure[0]

    def nearest(self, text: object, figure: Figure) -> Figure:
        """The figure of ``text`` whose lower end is nearest ``figure``'s (by ratio)."""
        lows, figures = self.lows[str(text)], self.figures[str(text)]
        k = bisect.bisect_left(lows, figure[0])
        near = [figures[j] for j in (k - 1, k) if 0 <= j < len(figures)]
        target = max(figure[0], 1.0)
        return min(near, key=lambda x: abs(math.log(max(x[0], 1.0) / target)))


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
