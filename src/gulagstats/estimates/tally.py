"""Counting verdicts and estimates once: the numbers the README, the report, the figures and compare give.

A published estimate row is *scored* unless it is context (GRZ's spreads of
other authors' estimates: shown, not scored); restatements of one claim form a
group, and a group is *one claim*.  :func:`counts` gives every number the
outputs print, so that they are the same everywhere (a test holds them to it).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..vocabulary import NOT_COMPARABLE


def _scored(frame: pd.DataFrame) -> pd.DataFrame:
    role = frame.get("role", pd.Series("claim", index=frame.index)).fillna("claim")
    return frame[role != "context"]


def _firsts(frame: pd.DataFrame) -> pd.DataFrame:
    scored = _scored(frame)
    groups = scored.get("group", scored.get("id"))
    return scored.loc[~groups.duplicated()] if groups is not None else scored


def tally(frame: pd.DataFrame) -> dict[str, int]:
    """Verdicts counted once per claim: context rows left out, a group of restatements counted once.

    Examples
    --------
    >>> import gulagstats
    >>> counts = tally(gulagstats.compare())
    >>> sum(counts.values()) < len(gulagstats.compare())
    True
    """
    return {str(k): int(v) for k, v in _firsts(frame)["verdict"].value_counts().items()}


@dataclass(frozen=True)
class Counts:
    """How many published estimates there are, and how many claims they make, counted once."""

    estimates: int  # rows of the estimates table
    context: int  # of which context (shown, not scored)
    claims: int  # distinct claims: scored rows, a group of restatements once
    comparable: int  # of the claims, those the record can be set against
    verdicts: dict[str, int]

    def sentence(self) -> str:
        """The counts in one sentence, as the README and the report print them.

        Examples
        --------
        >>> Counts(93, 2, 80, 50, {}).sentence()
        '93 published estimates: 80 distinct claims once restatements are grouped and 2 context rows left out, 50 of them comparable with the record'
        """
        return (f"{self.estimates} published estimates: {self.claims} distinct claims once restatements are grouped "
                f"and {self.context} context rows left out, {self.comparable} of them comparable with the record")


def counts(frame: pd.DataFrame) -> Counts:
    """The counts of a comparison (:func:`gulagstats.compare`).

    Examples
    --------
    >>> import gulagstats
    >>> c = counts(gulagstats.compare())
    >>> c.estimates == len(gulagstats.load("estimates")) and c.claims == sum(c.verdicts.values())
    True
    """
    verdicts = tally(frame)
    context = len(frame) - len(_scored(frame))
    comparable = sum(v for k, v in verdicts.items() if k != NOT_COMPARABLE)
    return Counts(len(frame), context, sum(verdicts.values()), comparable, verdicts)
