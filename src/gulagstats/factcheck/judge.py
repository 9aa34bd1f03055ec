"""Judge extracted claims through the public assess machinery, and find contradictions.

Nothing here decides a verdict: every claim goes through
:func:`gulagstats.assess_claims`.  A quantity the vocabulary does not know
(congress delegates, trial defendants ...) comes back as an unknown quantity;
such a claim is listed with the verdict ``no_archival_series``, not dropped,
so that it is judged as soon as the vocabulary gains the quantity.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..core.record import Record, resolve
from ..estimates.verdicts import assess_many
from ..periods import period_bounds
from ..vocabulary import PERSONS
from .extract import Claim

#: The columns of the claims CSV: those ``gulagstats assess --file`` reads, then the context.
CLAIM_COLUMNS = [
    "id",
    "quantity",
    "value",
    "low",
    "high",
    "period",
    "unit",
    "region",
    "mention",
    "attribution",
    "confidence",
    "file",
    "text_line",
    "sentence",
    "note",
]
#: The verdict of a claim whose quantity has no archival series today.
NO_SERIES = "no_archival_series"
#: Quantities whose claims may contradict each other across overlapping or unstated periods
#: (a trial, an elite body: the same event told twice).
EVENT_QUANTITIES = {
    "trial_defendants",
    "party_congress_delegates",
    "party_congress_delegates_arrested",
    "central_committee_members",
    "central_committee_members_repressed",
}
TOLERANCE = 0.15


def _number(x: float | None) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def claims_frame(claims: Sequence[Claim]) -> pd.DataFrame:
    """The claims as the rows of a claims CSV (:data:`CLAIM_COLUMNS`), numbers as text.

    A point claim fills ``value``; a range or a bound fills ``low`` and/or
    ``high``, so the file can be corrected by hand and read again by
    ``gulagstats assess --file``.

    Examples
    --------
    >>> from gulagstats.factcheck.extract import extract_claims
    >>> f = claims_frame(extract_claims("Over 100 party members were shot in 1934.", "a.txt"))
    >>> f[["quantity", "value", "low", "high", "period", "text_line"]].values.tolist()
    [['executions', '', '100', '', '1934', 1]]
    """
    rows = []
    for n, c in enumerate(claims, 1):
        point = c.low is not None and c.low == c.high
        rows.append(
            {
                "id": f"{Path(c.file).stem or 'text'}-{n}",
                "quantity": c.quantity,
                "value": _number(c.low) if point else "",
                "low": "" if point else _number(c.low),
                "high": "" if point else _number(c.high),
                "period": c.period,
                "unit": PERSONS,
                "region": c.region,
                "mention": c.mention,
                "attribution": c.attribution,
                "confidence": c.confidence,
                "file": c.file,
                "text_line": c.line,
                "sentence": c.sentence,
                "note": "; ".join(c.notes),
            }
        )
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


def judge_frame(frame: pd.DataFrame, record: Record | None = None) -> pd.DataFrame:
    """Assess every claim row with :func:`gulagstats.assess_claims` against ``record`` (default: the published data).

    Returns
    -------
    pandas.DataFrame
        The claims' columns, then the results of ``assess_claims``; ``verdict``
        is ``no_archival_series`` where the quantity is unknown to the
        vocabulary, and ``not_assessed`` for another error (see ``error``).

    Examples
    --------
    >>> f = pd.DataFrame({"quantity": ["executions", "trial_defendants"],
    ...                   "value": ["7000000", "16"],
    ...                   "low": ["", ""], "high": ["", ""], "period": ["1937/1938", "1936"]})
    >>> judge_frame(f)["verdict"].tolist()
    ['overstates', 'no_archival_series']
    """
    if frame.empty:
        out = frame.copy()
        for col in (
            "verdict",
            "factor",
            "benchmark_id",
            "benchmark_low",
            "benchmark_high",
            "explanation",
            "error",
        ):
            out[col] = pd.Series(dtype=object)
        return out
    results = assess_many(resolve(record), frame.reset_index(drop=True))
    unknown = results["error"].str.contains("unknown quantity", regex=False)
    other = (results["error"] != "") & ~unknown
    results["verdict"] = results["verdict"].mask(unknown, NO_SERIES).mask(other, "not_assessed")
    results["explanation"] = results["explanation"].mask(
        unknown,
        "no archival series in the vocabulary for "
        + results["quantity"].astype(str)
        + " (listed, not judged; see gulagstats quantities)",
    )
    return results.drop(columns=["line"], errors="ignore")


def _range(row: pd.Series) -> tuple[float, float]:
    def num(x: object, default: float) -> float:
        try:
            v = float(str(x))
        except ValueError:
            return default
        return default if math.isnan(v) else v

    if str(row["value"]).strip():
        v = num(row["value"], math.nan)
        return v, v
    return num(row["low"], 0.0), num(row["high"], math.inf)


def _overlap(a: str, b: str) -> bool:
    (a0, a1), (b0, b1) = period_bounds(a), period_bounds(b)
    if None in (a0, a1, b0, b1):
        return False
    return a0 <= b1 and b0 <= a1  # type: ignore[operator]


def contradictions(frame: pd.DataFrame, tolerance: float = TOLERANCE) -> pd.DataFrame:
    """Pairs of claims about the same quantity and period whose numbers cannot both hold.

    Two claims contradict when their ranges do not meet even with
    ``tolerance`` (15 percent, as the verdicts use) and they are about the
    same thing:

    - for an event told several times (a trial, the 17th Congress delegates,
      the Central Committee: :data:`EVENT_QUANTITIES`), the same quantity with
      overlapping periods (for the congress and the Central Committee, an
      unstated period too), within a text or across texts; of the claims of
      one line, only the largest ("ten minor defendants, making 16 in all");
    - for any other quantity, the same quantity and the same period in
      different texts (one text listing several figures of one quantity, one
      category after another, is not contradicting itself).

    Vague words ("thousands") are left out.

    Examples
    --------
    >>> f = pd.DataFrame({"id": ["a", "b", "c"], "quantity": ["party_congress_delegates"] * 3,
    ...     "value": ["1225", "1966", "1225"], "low": ["", "", ""], "high": ["", "", ""],
    ...     "period": ["1934", "1934", "1934"], "mention": ["1,225", "1,966", "1,225"],
    ...     "file": ["x", "y", "z"], "text_line": [27, 16, 3]})
    >>> contradictions(f)[["first", "second"]].values.tolist()
    [['a', 'b'], ['b', 'c']]
    """
    columns = [
        "quantity",
        "first",
        "second",
        "first_file",
        "first_line",
        "first_mention",
        "first_period",
        "second_file",
        "second_line",
        "second_mention",
        "second_period",
        "scope",
        "reason",
    ]
    rows: list[dict[str, object]] = []
    vague = (
        frame["mention"]
        .astype(str)
        .str.contains(r"\b(?:dozens|hundreds|thousands|millions)\b", case=False, regex=True)
    )
    usable = frame[~vague].copy()
    if usable.empty:
        return pd.DataFrame(rows, columns=columns)
    usable["_top"] = [_range(r)[1] for _, r in usable.iterrows()]
    event = usable["quantity"].isin(EVENT_QUANTITIES)
    largest = usable[event].groupby(["file", "text_line", "quantity"])["_top"].transform("max")
    usable = usable[~event | (usable["_top"] == largest.reindex(usable.index))]
    for quantity, group in usable.groupby("quantity", sort=True):
        items = list(group.iterrows())
        for i, (_, a) in enumerate(items):
            for _, b in items[i + 1 :]:
                pa, pb = str(a["period"]), str(b["period"])
                if quantity in EVENT_QUANTITIES:
                    unstated = not pa or not pb
                    same = unstated if quantity != "trial_defendants" else False
                    same = same or (pa == pb and pa != "") or _overlap(pa, pb)
                else:
                    same = pa == pb and pa != "" and a["file"] != b["file"]
                if not same or (a["file"] == b["file"] and a["text_line"] == b["text_line"]):
                    continue
                (alo, ahi), (blo, bhi) = _range(a), _range(b)
                if alo > bhi * (1 + tolerance) or blo > ahi * (1 + tolerance):
                    rows.append(
                        {
                            "quantity": quantity,
                            "first": a["id"],
                            "second": b["id"],
                            "first_file": a["file"],
                            "first_line": a["text_line"],
                            "first_mention": a["mention"],
                            "first_period": pa,
                            "second_file": b["file"],
                            "second_line": b["text_line"],
                            "second_mention": b["mention"],
                            "second_period": pb,
                            "scope": "within a text" if a["file"] == b["file"] else "across texts",
                            "reason": f"{a['mention']} and {b['mention']} differ by more "
                            f"than {tolerance:.0%}",
                        }
                    )
    return pd.DataFrame(rows, columns=columns)
