"""The one vocabulary of gulagstats: every closed list of words, with its properties.

A status, a verdict, a grade, a unit or a check family is written here once;
every other module imports the word, its order or its property from here.
The properties of the words are data: the data dictionary ``data/vocabulary.csv``
(curated in ``tools/vocabulary.csv``) gives each status its rank of preference,
weakness, benchmark rank and mark, each relation, grade and verdict its display
words, each quantity an estimate may count its kind, unit and noun, and the claim
tolerance; this module is a typed view of the copy shipped with the code (read
once, at import).  The closed lists stay ``Literal`` types for mypy, and a test
checks that the data dictionary lists the same words.

Statuses
--------
A value's status says how it is known. Two orders use it:

* **preference** (:data:`STATUSES`, strongest first), which ranks the published
  values of one cell: a user's value over a corrected misprint over the prose
  over a confirmed copy, and so on;
* **combination** (:func:`combine`): a value computed from others carries the
  weakest status among its inputs, at best ``derived`` (:data:`WEAKNESS`).

Examples
--------
>>> from gulagstats import vocabulary as v
>>> v.STATUSES[:3]
('user', 'corrected', 'prose')
>>> v.combine(["prose", "confirmed"]), v.combine(["confirmed", "unconfirmed"])
('derived', 'unconfirmed')
>>> v.is_count("persons"), v.is_count("percent")
(True, False)
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal, get_args


def _shipped_vocabulary() -> Path:
    """The data dictionary shipped with the code: gulagstats/data in a package, data/ in a checkout.

    The folders :func:`gulagstats.store.data_dir` looks in when ``GULAGSTATS_DATA`` is not set:
    the vocabulary is the code's, whatever data directory a user names.
    """
    code = Path(__file__).resolve().parent
    for folder in (code / "data", code.parents[1] / "data"):
        if (folder / "vocabulary.csv").is_file():
            return folder / "vocabulary.csv"
    raise ImportError("gulagstats: data/vocabulary.csv not found beside the code; reinstall gulagstats")


def read_dictionary(path: str | Path) -> dict[str, dict[str, dict[str, str]]]:
    """A data dictionary (``vocabulary.csv``) as kind -> code -> row, each kind in the order of its ranks.

    Examples
    --------
    >>> d = read_dictionary(_shipped_vocabulary())
    >>> list(d["status"])[:2], d["status"]["corrected"]["mark"]
    (['user', 'corrected'], 'c')
    """
    with open(path, newline="", encoding="utf-8") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda r: int(r["rank"]))
    out: dict[str, dict[str, dict[str, str]]] = {}
    for row in rows:
        out.setdefault(row["kind"], {})[row["code"]] = row
    return out


#: The data dictionary shipped with the code (``data/vocabulary.csv``), by kind and code.
DICTIONARY: Final = read_dictionary(_shipped_vocabulary())


def _column(kind: str, column: str) -> dict[str, str]:
    return {code: row[column] for code, row in DICTIONARY[kind].items() if row[column]}

# --- the words, one name each (PROSE names both a status and a family of checks, WITHIN_ROUNDING
#     both a verdict and a grade) ---------------------------------------------------------------

USER: Final = "user"
CORRECTED: Final = "corrected"
PROSE: Final = "prose"
CONFIRMED: Final = "confirmed"
DERIVED: Final = "derived"
UNCONFIRMED: Final = "unconfirmed"
MISSING: Final = "missing"

CONSISTENT: Final = "consistent"
WITHIN_ROUNDING: Final = "within_rounding"
DISCREPANCY: Final = "discrepancy"
DEPENDS_ON_SOURCE: Final = "depends_on_source"
NOT_CHECKABLE: Final = "not_checkable"
OVERSTATES: Final = "overstates"
UNDERSTATES: Final = "understates"
NOT_COMPARABLE: Final = "not_comparable"
NOT_CONTRADICTED: Final = "not_contradicted"
DEPENDS_ON_READING: Final = "depends_on_reading"

ONE_UNIT: Final = "one_unit"
ONE_DIGIT: Final = "one_digit"
TRANSPOSITION: Final = "transposition"
MINOR: Final = "minor"
MAJOR: Final = "major"

# --- statuses ------------------------------------------------------------------------------------

StatusName = Literal["user", "corrected", "prose", "confirmed", "derived", "unconfirmed", "missing"]

#: Every status, in the order of preference between the published values of one cell (strongest first):
#: a user's value over a corrected misprint over the prose over a confirmed copy, and so on.
STATUSES: Final[tuple[str, ...]] = tuple(DICTIONARY["status"])

#: Rank of preference (lower wins) when the published values of a cell compete.
PREFERENCE: Final[dict[str, int]] = {s: rank for rank, s in enumerate(STATUSES)}

#: Weakness of a status when values are combined (a computed value carries the weakest input).
#: ``corrected`` is a misprint set right by arithmetic: weaker than a value seen, stronger than one derived.
WEAKNESS: Final[dict[str, int]] = {s: int(w) for s, w in _column("status", "weakness").items()}

#: Preference between benchmarks answering the same question (lower first). Unlike a cell, where
#: a correction replaces the printed value it corrects, a benchmark computed from a corrected cell
#: does not outrank a figure GRZ state themselves: it ranks with values seen in a copy.
BENCHMARK_PREFERENCE: Final[dict[str, int]] = {s: int(r) for s, r in _column("status", "benchmark_rank").items()}

#: The order in which counts by status are shown (the coverage table): known values first, the weakest last.
SHOWN: Final[tuple[str, ...]] = tuple(sorted(STATUSES, key=WEAKNESS.__getitem__))

#: Statuses a value read in a copy of the source has (drawn filled in the figures).
SEEN: Final[frozenset[str]] = frozenset({"prose", "confirmed"})

#: The mark a status leaves after a value in a printed table (empty: none).
STATUS_MARK: Final[dict[str, str]] = {s: DICTIONARY["status"][s]["mark"] for s in STATUSES}

#: What each status means.
STATUS_MEANING: Final[dict[str, str]] = {s: DICTIONARY["status"][s]["definition"] for s in STATUSES}


def status_legend() -> str:
    """The legend of the marks a printed table leaves after its values, made from :data:`STATUS_MARK`.

    Examples
    --------
    >>> status_legend()
    'marks: u user overlay, c corrected, p prose, * derived, ? unconfirmed; unmarked values are confirmed; blank = missing'
    """
    label = _column("status", "label")
    marked = ", ".join(f"{STATUS_MARK[s]} {label[s]}" for s in STATUSES if STATUS_MARK[s])
    unmarked = " or ".join(label[s] for s in STATUSES if not STATUS_MARK[s] and s != "missing")
    return f"marks: {marked}; unmarked values are {unmarked}; blank = {label['missing']}"


def combine(statuses: Iterable[str]) -> str:
    """The status of a value computed from values of these statuses: the weakest, at best ``derived``.

    Examples
    --------
    >>> combine(["prose"]), combine(["user", "unconfirmed"]), combine(["corrected", "missing"])
    ('derived', 'user', 'missing')
    """
    weakest = max((WEAKNESS[s] for s in statuses), default=WEAKNESS["derived"])
    if weakest <= WEAKNESS["derived"]:
        return "derived"
    return next(s for s, w in WEAKNESS.items() if w == weakest)


# --- verdicts and grades -------------------------------------------------------------------------

FamilyName = Literal["prose", "identities", "sources", "plausibility"]
#: The families of consistency checks, in the order of the report.
FAMILIES: Final[tuple[str, ...]] = get_args(FamilyName)

VerdictName = Literal["consistent", "within_rounding", "discrepancy", "depends_on_source", "not_checkable"]
#: The verdicts of a consistency check, from agreement to the impossibility of checking.
VERDICTS: Final[tuple[str, ...]] = get_args(VerdictName)

VERDICT_MEANING: Final[dict[str, str]] = {
    "consistent": "the observed value agrees exactly with the expectation (or the relation stated holds)",
    "within_rounding": "the values differ, but by no more than the rounding of a printed number",
    "discrepancy": "the values differ by more than the rounding of the numbers allows",
    "depends_on_source": "the verdict changes when another published value of a cell involved is used",
    "not_checkable": "a cell needed is missing, or nothing in the tables measures what is stated",
}

ClaimVerdictName = Literal[
    "consistent", "overstates", "understates", "not_comparable", "not_contradicted", "depends_on_source",
    "depends_on_reading",
]
#: The verdicts on a published estimate or a claim against the archival benchmarks: a word that holds
#: under every reading and source, or what it depends on (a verdict that flips is never one word).
CLAIM_VERDICTS: Final[tuple[str, ...]] = get_args(ClaimVerdictName)
#: The claim verdicts of a two-sided comparison (``not_contradicted`` judges a one-sided claim).
COMPARED_VERDICTS: Final[tuple[str, ...]] = CLAIM_VERDICTS[:4]

GradeName = Literal["one_unit", "one_digit", "transposition", "within_rounding", "minor", "major"]
#: Grades of a discrepancy between two numbers, from the likeliest misprint to a real disagreement.
GRADES: Final[tuple[str, ...]] = get_args(GradeName)
#: Grades that read as a slip (a misprint, a copying error, a rounding), not a disagreement.
SLIP_GRADES: Final[frozenset[str]] = frozenset(GRADES[:4])

RelationName = Literal[
    "exact", "approx", "lower_bound", "upper_bound", "range_low", "range_high", "order_of_magnitude"
]
#: How a number stated in the prose relates to the quantity it states.
RELATIONS: Final[tuple[str, ...]] = get_args(RelationName)

#: What a relation asks of the observed value, in words ("at least").
RELATION_WORDS: Final[dict[str, str]] = _column("relation", "words")
#: A grade in the words of a finding's badge ("off by one").
GRADE_WORDS: Final[dict[str, str]] = _column("grade", "words")
#: The verdicts of the checks as counted in a sentence ("3 discrepancies").
VERDICT_WORDS: Final[dict[str, str]] = _column("verdict", "words")

#: How far an estimate may lie outside a benchmark's range and still be consistent with it (a fraction).
CLAIM_TOLERANCE: Final[float] = float(DICTIONARY["setting"]["claim_tolerance"]["value"])

# --- why a check could not read a cell (the reason carried by each gap of a MissingCell) -----------

NO_CELL: Final = "no_cell"  # no table holds the cell
NO_VALUE: Final = "no_value"  # a table holds it, without a value
ONLY_ARTICLE: Final = "only_article"  # the only value is GRZ's own statement (a check of GRZ cannot use it)
NO_FINER_PERIODS: Final = "no_finer_periods"  # a span to add up, and nothing finer inside it
OVERLAPPING_PERIODS: Final = "overlapping_periods"  # the finer periods overlap: they cannot be added
NOT_A_SPAN: Final = "not_a_span"  # the period is not a span of dates
UNREADABLE: Final = "unreadable"  # any other reason (said in words)
GAP_REASONS: Final = (NO_CELL, NO_VALUE, ONLY_ARTICLE, NO_FINER_PERIODS, OVERLAPPING_PERIODS, NOT_A_SPAN, UNREADABLE)

# --- how the data files write booleans -----------------------------------------------------------

#: A boolean column (``preferred``) in data/*.csv: the words R's read.csv and spreadsheets read.
TRUE: Final = "TRUE"
FALSE: Final = "FALSE"

# --- units, kinds, populations, measures ---------------------------------------------------------

#: Units of counted things: their values are whole numbers.
COUNT_UNITS: Final[frozenset[str]] = frozenset({"persons", "camps", "colonies", "cases", "cities", "homes"})
#: Units of the tables of cells (data/tables/*.csv).
CELL_UNITS: Final[tuple[str, ...]] = ("persons", "percent", "camps", "colonies")
#: Units of rates an estimate may carry beside its quantity's own (never compared).
PERSONS_PER_MONTH: Final = "persons per month"
PERSONS_PER_YEAR: Final = "persons per year"
PER_1000_INHABITANTS: Final = "per 1,000 inhabitants"
PER_1000_ADULTS: Final = "per 1,000 adults"
RATE_UNITS: Final[tuple[str, ...]] = (
    PERSONS_PER_MONTH, PERSONS_PER_YEAR, "percent", PER_1000_INHABITANTS, PER_1000_ADULTS,
)
PERCENT: Final = "percent"
PERSONS: Final = "persons"
YEARS: Final = "years"
FRACTION: Final = "fraction"

QuantityKind = Literal["flow", "stock", "share", "other"]
#: Kinds of quantity: a flow (events during a period), a stock (people on a day), a share, other.
QUANTITY_KINDS: Final[tuple[str, ...]] = get_args(QuantityKind)

@dataclass(frozen=True)
class Quantity:
    """One quantity an estimate or a claim may count: its kind, unit, the noun used in sentences, its meaning."""

    name: str
    kind: str
    unit: str
    noun: str
    definition: str


#: The quantities estimates and claims count (``gulagstats quantities``), by name: the rows of
#: kind ``quantity`` of the data dictionary that give a ``quantity_kind`` (the others are the
#: quantities of the GRZ prose figures).
QUANTITIES: Final[dict[str, Quantity]] = {
    code: Quantity(code, row["quantity_kind"], row["unit"], row["label"], row["definition"])
    for code, row in DICTIONARY["quantity"].items()
    if row["quantity_kind"]
}


# Populations, measures, categories and quantities are data: their codes, labels and definitions
# are the data dictionary (tools/vocabulary.csv, built into data/vocabulary.csv), which the
# datapackage schema turns into allowed values. The closed lists above are checked against it.


def is_count(unit: str) -> bool:
    """True if values in ``unit`` count things (and must be whole numbers)."""
    return unit in COUNT_UNITS


#: Every closed list, by the ``kind`` a data dictionary (``data/vocabulary.csv``) gives it.
KINDS: Final[dict[str, tuple[str, ...] | frozenset[str]]] = {
    "status": STATUSES,
    "family": FAMILIES,
    "check_verdict": VERDICTS,
    "claim_verdict": CLAIM_VERDICTS,
    "grade": GRADES,
    "relation": RELATIONS,
    "unit": tuple(sorted(COUNT_UNITS | set(CELL_UNITS) | set(RATE_UNITS) | {YEARS})),
    "quantity_kind": QUANTITY_KINDS,
}


def unknown_codes(rows: Iterable[Mapping[str, str]]) -> dict[str, set[str]]:
    """Codes that a data dictionary and this module do not share, by kind.

    ``rows`` are ``{"kind": ..., "code": ...}`` mappings (the rows of a data
    dictionary such as ``data/vocabulary.csv``).  For every kind both know, the
    result lists the codes only one side has (prefixed ``"+"`` for the file's,
    ``"-"`` for the module's); an empty dict means they agree.

    Examples
    --------
    >>> unknown_codes([{"kind": "grade", "code": g} for g in GRADES])
    {}
    >>> unknown_codes([{"kind": "grade", "code": "huge"}])["grade"] >= {"+huge", "-major"}
    True
    """
    given: dict[str, set[str]] = {}
    for row in rows:
        given.setdefault(row["kind"], set()).add(row["code"])
    out = {}
    for kind, codes in given.items():
        if kind in KINDS:
            diff = {f"+{c}" for c in codes - set(KINDS[kind])} | {f"-{c}" for c in set(KINDS[kind]) - codes}
            if diff:
                out[kind] = diff
    return out
