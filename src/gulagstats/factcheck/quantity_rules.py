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
- ``both``: the same for two cues joined by a lone "and": a number both
  fates befell counts ``becomes``, or, with ``becomes`` empty, is unclear
  ("arrested and executed": the arrested or the shot);
- ``reading``: a quantity with no one series (``reads``) is judged as
  ``becomes``, and a flag must hold as ``part`` too ("in prisons and
  camps": all in custody, or the camps and colonies);
- ``killing``: a word of killing of at least ``low`` read as ``reads`` counts
  ``becomes`` (millions "killed" are the regime's deaths, not its shootings);
- ``excluding``: a number read as ``reads`` beside words that leave ``part``
  out (the lexicon's ``excluding`` rows: "not including labor colonies",
  "без учета колоний") counts ``becomes`` (the Gulag without its colonies is
  its camps);
- ``beside``: a number read as ``reads`` (a word of dying) or as ``part``, whose
  own clause holds a word of dying and which has a cue of ``part`` near it,
  counts ``becomes`` ("390,000 deaths during the forced resettlement": the
  deported's deaths);
- ``own_noun``: the same, when the cue of ``part`` is the number's own noun,
  right beside it ("1,6 миллиона заключенных ... погибли": the prisoners'
  deaths, the Gulag's); a place of custody named wins over it;
- ``unit``: a number of the unit ``part`` (a share) read as ``reads`` counts
  ``becomes`` (a percent of the Gulag's dead is its mortality rate, not a
  count of its deaths: round 16);
- ``ever``: a number read as ``reads`` (a stock) whose clause holds a phrase
  of the lexicon's kind ``part`` ("at some time", "over its history", "за
  всю историю") counts ``becomes``: those who were ever held, not those
  held on a day (round 16).
"""

from __future__ import annotations

from .resources import Resources


def _rules_of(data: Resources, match: str) -> tuple[dict[str, str], ...]:
    """The rules of one ``match``, in the table's order: the index built when the rules load
    (:func:`~gulagstats.factcheck.resources.rules_by_match`), so a number's lookup reads only the rows of its match."""
    return data.rules_by_match.get(match, ())


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
    for row in _rules_of(data, "killing"):
        if row["reads"] == what:
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
    for row in _rules_of(data, "either"):
        if what not in (row["reads"], row["part"]):
            continue
        if (row["reads"], row["part"]) in pairs or (row["part"], row["reads"]) in pairs:
            return row["becomes"]
    return None


def both_of(data: Resources, what: str, pairs: set[tuple[str, str]]) -> str | None:
    """What a number read as ``what`` counts when its clause joins two cues by a lone "and", if a rule says:
    a quantity, or "" when which of the two it counts is unclear.

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> both_of(load_resources(), "executions", {("arrests", "executions")})
    ''
    >>> both_of(load_resources(), "arrests", {("arrests", "repressed_total")})
    ''
    >>> both_of(load_resources(), "executions", {("executions", "regime_deaths")}) is None
    True
    """
    for row in _rules_of(data, "both"):
        if what not in (row["reads"], row["part"]):
            continue
        if (row["reads"], row["part"]) in pairs or (row["part"], row["reads"]) in pairs:
            return row["becomes"]
    return None


def read_as(data: Resources, what: str, notes: list[str]) -> tuple[str, tuple[str, ...]]:
    """The quantity a number read as ``what`` is judged as, and the other readings a flag must hold under
    (the rows of match ``reading``); ``what`` and none when no row reads it. The change is noted.

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> read_as(load_resources(), "prisons_and_camps", [])
    ('custodial_population', ('gulag_population',))
    >>> read_as(load_resources(), "executions", [])
    ('executions', ())
    """
    for row in _rules_of(data, "reading"):
        if row["reads"] == what:
            notes.append(f"{what}: judged as {row['becomes']}, a flag also as {row['part']}")
            return row["becomes"], (row["part"],)
    return what, ()


def of_unit(data: Resources, what: str, unit: str, notes: list[str]) -> str:
    """The quantity a number of ``unit`` read as ``what`` counts (the rows of match ``unit``), else ``what``.

    A share is no count: "умерших заключенных ... 7 980 (4,2 %)" gives the Gulag's deaths and its mortality rate,
    "Смертность ... до 9,2 процента" the rate alone.  The change is noted.

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> of_unit(load_resources(), "gulag_deaths", "share", [])
    'gulag_mortality_rate'
    >>> of_unit(load_resources(), "gulag_deaths", "count", []), of_unit(load_resources(), "arrests", "share", [])
    ('gulag_deaths', 'arrests')
    """
    for row in _rules_of(data, "unit"):
        if row["part"] == unit and row["reads"] == what:
            notes.append(f"a {unit} of {what}: {row['becomes']}")
            return row["becomes"]
    return what


def ever_held(data: Resources, what: str, said: set[str]) -> tuple[str, str]:
    """The quantity a number read as ``what`` (a stock) counts when its clause holds a phrase of one of the lexicon
    kinds ``said`` (the rows of match ``ever``), and that kind; ``what`` and "" when no row reads it.

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> ever_held(load_resources(), "camp_population", {"ever"})
    ('passed_through_gulag', 'ever')
    >>> ever_held(load_resources(), "camp_population", set()), ever_held(load_resources(), "arrests", {"ever"})
    (('camp_population', ''), ('arrests', ''))
    """
    for row in _rules_of(data, "ever"):
        if row["reads"] == what and row["part"] in said:
            return row["becomes"], row["part"]
    return what, ""


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
    for row in _rules_of(data, "excluding"):
        if row["reads"] == what and row["part"] in left_out:
            return row["becomes"]
    return None


def deaths_beside(data: Resources, what: str, near: set[tuple[str, bool]]) -> str | None:
    """Whose deaths a word of dying counts beside a cue of another quantity (the rows of match ``beside``), if any.

    ``near`` are the quantities of the cues near the number, each with whether it stands in another clause; the
    word of dying (a row's ``reads``) must stand in the number's own clause.

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> deaths_beside(load_resources(), "regime_deaths", {("regime_deaths", False), ("deportations", True)})
    'deportation_deaths'
    >>> deaths_beside(load_resources(), "regime_deaths", {("regime_deaths", True), ("deportations", False)}) is None
    True
    """
    for row in _rules_of(data, "beside"):
        if what not in (row["reads"], row["part"]) or (row["reads"], False) not in near:
            continue
        if any(quantity == row["part"] for quantity, _ in near):
            return row["becomes"]
    return None


def deaths_of_own_noun(
    data: Resources, what: str, near: set[tuple[str, bool]], nouns: set[str]
) -> str | None:
    """Whose deaths a word of dying counts when the number's own noun says who died (rows of match ``own_noun``).

    ``nouns`` are the quantities of the cues right beside the number (its own noun); ``near`` as in
    :func:`deaths_beside`.

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> near = {("regime_deaths", False), ("gulag_population", False)}
    >>> deaths_of_own_noun(load_resources(), "regime_deaths", near, {"gulag_population"})
    'gulag_deaths'
    >>> deaths_of_own_noun(load_resources(), "regime_deaths", near, set()) is None
    True
    """
    for row in _rules_of(data, "own_noun"):
        own = what in (row["reads"], row["part"]) and row["part"] in nouns
        if own and (row["reads"], False) in near:
            return row["becomes"]
    return None


def victims_of(data: Resources, what: str, told: set[str]) -> str | None:
    """What a number read as ``what`` by a word of victims counts when every other cue of its story before it is
    of one of the quantities ``told`` (the rows of match ``victims``), if they all say the same; else None.

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> victims_of(load_resources(), "repressed_total", {"executions"})
    'executions'
    >>> victims_of(load_resources(), "repressed_total", {"executions", "arrests"}) is None
    True
    >>> victims_of(load_resources(), "repressed_total", set()) is None
    True
    """
    rows = {
        row["part"]: row["becomes"] for row in _rules_of(data, "victims") if row["reads"] == what
    }
    said = {rows.get(q) for q in told}
    return said.pop() if told and len(said) == 1 and None not in said else None
