"""Stage 1, the question: what a claim asks of the record, apart from its number.

A claim asks how many of a quantity there were in a period, in a unit and a
region, in words (its scope and wording).  Claims that ask the same question
are answered once (:func:`questions_of`).  A published estimate may have
*readings* (``data/estimate_readings.csv``, one row a reading): how its vague
words are read (a quantity, a period, a number read as a point or as a
maximum, a benchmark that is only a floor), whether it is context (shown, not
scored) or a restatement of another claim (a group counted once).  The first
reading of an estimate is the one its verdict stands on; the others are the
other readings the rules allow, and a verdict that changes between them says
so (:mod:`gulagstats.estimates.verdict`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from ..vocabulary import NOT_COMPARABLE

#: What a claim asks, apart from its number, as columns of the checked claims.
QUESTION_COLUMNS = ["quantity", "period", "period_label", "unit", "region", "words", "reading_id"]
#: Roles of an estimate row: scored, or shown as context (not scored, not counted).
ROLES = ("claim", "restatement", "context")


@dataclass(frozen=True)
class EstimateReading:
    """One way of reading an estimate (a row of ``estimate_readings``); empty fields: as stored."""

    quantity: str = ""
    period: str = ""
    value_as: str = ""  # "point": a one-sided number read as the estimate; "maximum": the most at any one time
    bound: str = ""  # "floor": the record documents only part of what the claim counts
    refused: bool = False  # verdict_as not_comparable: another quantity than the record's
    reason: str = ""


@dataclass(frozen=True)
class Question:
    """What a claim asks of the record: quantity, period, unit, region and words, under one reading."""

    quantity: str
    period: str
    label: str
    unit: str
    region: str
    words: str = ""
    value_as: str = ""
    bound: str = ""
    refused: bool = False
    reason: str = ""  # how the estimate is read, and why (its reading)

    def read(self, reading: EstimateReading) -> Question:
        """This question as ``reading`` reads it.

        Examples
        --------
        >>> q = Question("arrests", "1937/1938", "1937-1938", "persons", "USSR")
        >>> q.read(EstimateReading(quantity="repressed_total", reason="GRZ say victims")).quantity
        'repressed_total'
        """
        return replace(
            self,
            quantity=reading.quantity or self.quantity,
            period=reading.period or self.period,
            label=reading.period or self.label,
            value_as=reading.value_as,
            bound=reading.bound,
            refused=reading.refused,
            reason=reading.reason,
        )


@dataclass(frozen=True)
class Estimate:
    """What the readings say of one estimate: its role, group and readings (the first stands)."""

    role: str
    group: str
    readings: tuple[EstimateReading, ...]


def estimate_readings(load: Callable[[str], pd.DataFrame]) -> dict[str, Estimate]:
    """The readings of the published estimates, by estimate id (none in an older data directory).

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> read = estimate_readings(default_record().load)
    >>> read["grz1993-executions-range"].role
    'context'
    """
    try:
        frame = load("estimate_readings").fillna("")
    except (KeyError, LookupError):
        return {}
    out: dict[str, Estimate] = {}
    for row in frame.to_dict("records"):
        reading = EstimateReading(
            quantity=str(row["quantity"]), period=str(row["period"]), value_as=str(row["value_as"]),
            bound=str(row["bound"]), refused=row["verdict_as"] == NOT_COMPARABLE, reason=str(row["reason"]),
        )
        known = out.get(str(row["id"]))
        if known is None:
            out[str(row["id"])] = Estimate(str(row["role"]) or "claim", str(row["group"]), (reading,))
        else:
            out[str(row["id"])] = replace(known, readings=(*known.readings, reading))
    return out


def words_of(claims: pd.DataFrame) -> pd.Series:
    """A claim's words: its scope and wording, as one lower-case text (empty if it has neither)."""
    parts = [claims[c].fillna("").astype(str) for c in ("scope", "wording") if c in claims.columns]
    if not parts:
        return pd.Series("", index=claims.index, dtype=object)
    text = parts[0] if len(parts) == 1 else parts[0] + " " + parts[1]
    return text.str.strip().str.lower()


def questions_of(claims: pd.DataFrame, ids: pd.Series | None = None) -> tuple[np.ndarray, list[Question], list[str]]:
    """The distinct questions the claims ask, for each claim the position of its question, and each question's estimate id.

    Parameters
    ----------
    claims : pandas.DataFrame
        Checked claims (``quantity``, ``period``, ``period_label``, ``unit``,
        ``region``; ``scope`` and ``wording`` if any).
    ids : pandas.Series, optional
        Estimate ids (compare): their readings apply, so each estimate with a
        reading asks its own question.

    Examples
    --------
    >>> claims = pd.DataFrame({"quantity": ["arrests"] * 3, "period": ["1937/1938"] * 3,
    ...                        "period_label": ["1937-1938"] * 3, "unit": ["persons"] * 3, "region": ["USSR"] * 3})
    >>> codes, asked, _ = questions_of(claims)
    >>> codes.tolist(), len(asked)
    ([0, 0, 0], 1)
    """
    frame = pd.DataFrame(
        {
            "quantity": claims["quantity"].fillna("").astype(str),
            "period": claims["period"].fillna("").astype(str),
            "period_label": claims["period_label"].fillna("").astype(str),
            "unit": claims["unit"].fillna("").astype(str),
            "region": claims["region"].fillna("").astype(str),
            "words": words_of(claims),
            "reading_id": "" if ids is None else ids.astype(str).to_numpy(),
        },
        index=claims.index,
    )
    codes = np.zeros(len(frame), dtype=np.int64)
    for column in QUESTION_COLUMNS:
        values = frame[column].to_numpy(dtype=object)
        if len(values) and (values == values[0]).all():  # the same in every claim (as an absent unit or region)
            continue
        column_codes, distinct = pd.factorize(values, use_na_sentinel=False)
        codes = pd.factorize(codes * len(distinct) + column_codes)[0]
    first = np.unique(codes, return_index=True)[1]
    rows = frame.iloc[first]
    asked = [
        Question(q, p, label or p, u, r, w)
        for q, p, label, u, r, w in zip(rows["quantity"], rows["period"], rows["period_label"], rows["unit"],
                                        rows["region"], rows["words"])
    ]
    return codes, asked, rows["reading_id"].tolist()


def readings_of(question: Question, estimate: Estimate | None) -> tuple[Question, ...]:
    """The question under each reading of its estimate (the question itself if it has none).

    Examples
    --------
    >>> q = Question("camp_population", "", "at any one time", "persons", "USSR")
    >>> e = Estimate("claim", "", (EstimateReading(quantity="gulag_population", period="1950-01-01", value_as="point"),
    ...                            EstimateReading(quantity="gulag_population", period="1950-01-01")))
    >>> [(r.quantity, r.value_as) for r in readings_of(q, e)]
    [('gulag_population', 'point'), ('gulag_population', '')]
    """
    if estimate is None or not estimate.readings:
        return (question,)
    return tuple(question.read(r) for r in estimate.readings)


def role_of(estimate: Mapping[str, Estimate], estimate_id: str) -> tuple[str, str]:
    """An estimate's role and group ('claim' and its own id when it has no reading)."""
    found = estimate.get(estimate_id)
    if found is None:
        return "claim", estimate_id
    return found.role, found.group or estimate_id
