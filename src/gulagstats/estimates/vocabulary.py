"""The words of estimates and claims: what is counted, as people write it.

A *quantity* (:data:`gulagstats.vocabulary.QUANTITIES`) names what an estimate counts.  It is a *flow* (a number of
events during a period: arrests, executions, deaths) or a *stock* (a number of
people on a day: a camp population), and that decides how the archival record
is read for it: flows are summed over the years of a period, stocks are read
on a day (or as the lowest and highest count within a span).

:func:`suggest` says which quantities a user may mean by a word, or why none
fits; the words are data (``data/quantity_words.csv``: kind ``suggest``, a
stem and a quantity it suggests; kind ``no_series``, a stem of something the
record has no series of, with what to say).  Periods as claims write them are
read by :func:`gulagstats.periods.normalize_period`.
"""

from __future__ import annotations

import pandas as pd

from ..errors import UnknownQuantityError, nearest
from ..periods import normalize_period, period_words
from ..store import read_rule_rows
from ..vocabulary import QUANTITIES

__all__ = ["QUANTITIES", "normalize_period", "period_words", "quantity_table", "suggest", "unknown_quantity"]


def quantity_table() -> pd.DataFrame:
    """The quantities estimates and claims use, as a table (:func:`gulagstats.quantities`).

    Returns
    -------
    pandas.DataFrame
        One row a quantity: ``quantity``, ``kind`` (flow, stock or share),
        ``unit``, ``noun`` (as used in explanations) and ``definition``.

    Examples
    --------
    >>> q = quantity_table().set_index("quantity")
    >>> q.loc["executions", "kind"], q.loc["camp_population", "kind"]
    ('flow', 'stock')
    """
    return pd.DataFrame(
        [(q.name, q.kind, q.unit, q.noun, q.definition) for q in QUANTITIES.values()],
        columns=["quantity", "kind", "unit", "noun", "definition"],
    )


def _words() -> tuple[dict[str, list[str]], dict[str, str]]:
    """The stems that suggest quantities, and the stems of things without a series (with their note)."""
    meant: dict[str, list[str]] = {}
    none: dict[str, str] = {}
    first_note = ""
    for row in read_rule_rows("quantity_words"):
        if row["kind"] == "suggest":
            meant.setdefault(row["phrase"], []).append(row["quantity"])
        elif row["kind"] == "no_series":
            note = row["note"] if not row["note"].startswith("as '") else first_note
            first_note = first_note or note
            none[row["phrase"]] = note
    return meant, none


def suggest(name: str) -> tuple[list[str], str]:
    """Quantities a user may mean by ``name`` (by meaning first, then spelling), and a note if none fits.

    Examples
    --------
    >>> suggest("people_shot")[0][:1], suggest("congress_delegates")[1][:24]
    (['executions'], 'no archival series for t')
    >>> suggest("arests")[0][:1]
    ['arrests']
    """
    key = str(name).strip().lower().replace(" ", "_").replace("-", "_")
    words, no_series = _words()
    note = next((text for word, text in no_series.items() if word in key), "")
    meant: list[str] = []
    for word, names in words.items():
        if word in key:
            meant += [n for n in names if n in QUANTITIES and n not in meant]
    if note and "elite_repressed" in QUANTITIES:
        meant = ["elite_repressed", *[m for m in meant if m != "elite_repressed"]]
    spelled = [n for n in nearest(key, QUANTITIES) if n not in meant]
    return (meant + spelled)[:4] if not note else meant[:3], note


def unknown_quantity(name: str) -> UnknownQuantityError:
    """The error for a quantity outside :data:`~gulagstats.vocabulary.QUANTITIES`, with :func:`suggest`'s suggestions.

    Examples
    --------
    >>> str(unknown_quantity("people_shot"))[:57]
    "unknown quantity 'people_shot'; did you mean 'executions'"
    """
    near, note = suggest(str(name))
    return UnknownQuantityError(str(name), QUANTITIES, near, note)
