"""What a number of one part counts, and when a word of killing counts deaths: the rules of ``quantity_rules.csv``.

Domain knowledge the claim frames (:mod:`gulagstats.factcheck.frames`) apply after
a mention's quantity and scope are read, as data rows
(``tools/curated/factcheck/quantity_rules.csv``, built into
``data/factcheck/quantity_rules.csv``), each with ``match``:

- ``kind``: a part of this scope kind counts ``becomes`` where ``reads`` was
  read (the prisoners of one camp are that camp's population);
- ``detail``: a part with exactly this detail; an empty ``becomes`` means the
  part does not narrow the number (the famine of collectivization is the
  whole famine);
- ``in_detail``: a part whose detail contains these words (the dead of a
  burial or execution site are those shot there);
- ``either``: a number read as ``reads`` whose clause joins its cue and one of
  ``part`` (a quantity) by "or" counts ``becomes`` ("executed or died in the
  camps": deaths in custody);
- ``killing``: a word of killing of at least ``low`` read as ``reads`` counts
  ``becomes`` (millions "killed" are the regime's deaths, not its shootings);
- ``excluding``: a number read as ``reads`` beside words that leave ``part``
  out (the lexicon's ``excluding`` rows: "not including labor colonies",
  "без учета колоний") counts ``becomes`` (the Gulag without its colonies is
  its camps).
"""

from __future__ import annotations

from .resources import Resources


def of_part(data: Resources, what: str, part: str, detail: str) -> tuple[str, str, str, list[str]]:
    """The quantity, part and detail a number of a part counts after the table's rules, and their notes.

    The rows apply in the table's order, each to what the rows before it left.

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> data = load_resources()
    >>> of_part(data, "gulag_population", "camp", "Norillag")
    ('camp_population', 'camp', 'Norillag', ['of one camp (Norillag): camp_population'])
    >>> of_part(data, "famine_deaths", "operation", "collectivization and dekulakization")
    ('famine_deaths', 'USSR', '', [])
    >>> of_part(data, "regime_deaths", "region", "the Butovo firing range")[0]
    'executions'
    """
    notes = []
    for row in data.quantity_rules.rows:
        if row["reads"] != what or not _matches(row, part, detail):
            continue
        if not row["becomes"]:
            part, detail = "USSR", ""
            continue
        what = row["becomes"]
        if row["says"]:
            notes.append(f"{row['says']} ({detail}): {what}")
    return what, part, detail, notes


def _matches(row: dict[str, str], part: str, detail: str) -> bool:
    if row["match"] == "kind":
        return part == row["part"]
    if row["match"] == "detail":
        return detail == row["part"]
    return row["match"] == "in_detail" and row["part"] in detail


def killing_threshold(data: Resources, what: str) -> tuple[float, str]:
    """The least number a word of killing read as ``what`` must reach to count another quantity, and that quantity.

    ``(inf, "")`` when the table has no such row.

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> killing_threshold(load_resources(), "executions")
    (2000000.0, 'regime_deaths')
    """
    for row in data.quantity_rules.rows:
        if row["match"] == "killing" and row["reads"] == what:
            return float(row["low"]), row["becomes"]
    return float("inf"), ""


def either_of(data: Resources, what: str, pairs: set[tuple[str, str]]) -> str | None:
    """The quantity a number read as ``what`` counts when its clause joins two cues by "or", if a rule says.

    ``pairs`` are the quantities of the cues "or" joins, in their order in the clause.

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> either_of(load_resources(), "executions", {("executions", "regime_deaths")})
    'custodial_deaths'
    >>> either_of(load_resources(), "executions", {("executions", "arrests")}) is None
    True
    """
    for row in data.quantity_rules.rows:
        if row["match"] != "either" or what not in (row["reads"], row["part"]):
            continue
        if (row["reads"], row["part"]) in pairs or (row["part"], row["reads"]) in pairs:
            return row["becomes"]
    return None


def excluding(data: Resources, what: str, left_out: set[str]) -> str | None:
    """The quantity a number read as ``what`` counts when words beside it leave ``left_out`` out, if a rule says.

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> excluding(load_resources(), "gulag_deaths", {"the colonies"})
    'camp_deaths'
    >>> excluding(load_resources(), "executions", {"the colonies"}) is None
    True
    """
    for row in data.quantity_rules.rows:
        if row["match"] == "excluding" and row["reads"] == what and row["part"] in left_out:
            return row["becomes"]
    return None
