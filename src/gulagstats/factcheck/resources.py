"""The fact-checker's data: lexicon, named periods, scope cues and modality cues.

Four tables of phrases, English and Russian side by side, and one of rules, curated in
``tools/curated/factcheck/`` and built into ``data/factcheck/`` (listed and
hash-checked in ``data/datapackage.json``):

- ``lexicon.csv``: ``language, kind, phrase, quantity, bound, rate, low, high,
  priority, note``; kinds :data:`LEXICON_KINDS` (``quantity``: a cue and the
  quantity it names, with a priority; ``hedge``/``after``: words before or
  after a number and the bound they make; ``vague``: number words with a low
  and a high; ``people``: nouns that show a small number counts people;
  ``not_count``: nouns after a number that show it counts something else;
  ``rate``: a rate per day, week, month or year; ``share``: a percentage;
  ``fraction``: a share in words, "a third of", with its percent as low and high;
  ``including``: a word after a number that lists what it holds, "including";
  ``question``: words that ask for a number, "how many" (its answer counts what it asks);
  ``document``: words after a year that make it a
  document's date; ``place``: a place of custody that makes a word of dying
  ("died", "умерло") the deaths there; ``total_column``: a table header that
  counts the whole the table is about, "Всего", "Total"; ``part_column``: words
  of a header that counts a part of the sentenced, with the quantity of the whole
  a total column beside it counts, "к высшей мере": the sentenced; ``other_body``:
  words of a claim's clause that name a body or a category of crime the record's
  floor for its ``quantity`` does not count, "courts", "hooliganism":
  :mod:`gulagstats.factcheck.wider_wholes`; ``own_body``: words naming a body whose
  sentences that floor does count, "troikas", "Особое совещание": a clause that names
  one lists the record's own bodies, "courts and military tribunals" among them); ``share_of``: a
  whole of people a share is taken of, besides the ``people`` nouns ("population",
  "of them", "из них", "of the condemned"); ``ever``: words of a clause that make a
  count of those held (a stock) a count of those ever held over a span, "at some
  time", "over its history", "за всю историю" (``quantity_rules.csv``, match ``ever``);
  ``share_of_thing``: a whole of things a share is taken of, not of people ("46.5% of the
  nation's nickel", "60 % золота"): that share is no mention (:mod:`gulagstats.factcheck.mentions`);
  ``victims``: words of victims whose kind the sentence's story tells, "victims", "жертв"
  (``quantity_rules.csv``, match ``victims``: "Both were shot ..., which claimed 700,000 victims");
  ``duration``: the unit of a length of time after a number, "years", "лет", its unit (year or month) in
  ``rate`` ("за 12 лет": :mod:`gulagstats.factcheck.durations`);
  ``rejected``: words right before a number that report it to reject it, "allegedly", "якобы"
  (:mod:`gulagstats.factcheck.rejections`: judged as stated, attributed to the view, not the author);
  ``regime_victims``: victims of a regime that outlived the record, "victims of communism", "жертв
  советского режима" (undated, deaths laid at the regime's door); ``sums_up``: words that open a
  sentence summing up the story before it, "In total", "Всего" (it counts the part named before);
  ``peak``: a verb that makes the named period after it the peak of what the sentence counts, not its span,
  "peaked during", "достигли пика в" (:func:`gulagstats.factcheck.readings.named_as_peak`, round 19);
  ``counted_before``: a noun before a number that makes it a count of inhabitants, names or list entries,
  "population of", "names of", "имена"; ``counted_link``: words that may stand between that noun and the number,
  "was", "составляет"; ``held_population``: words by that noun that make it a population held, "special settlements",
  "лагер*" (:mod:`gulagstats.factcheck.counted_before`); ``like_number``: words that repeat the count before
  them, "a like number", "столько же" (:mod:`gulagstats.factcheck.like_numbers`: that value, never judged);
  ``custody_place``: a place of custody an item of a list counts, "in the camps", "в колониях";
  ``custody_origin``: words that make a place the one people came from, "brought from"; ``list_total``: words
  of a list's total, "in all", "Итого" (:mod:`gulagstats.factcheck.custody_lists`); ``birth``: words of
  birth, "were born", "родилось" (:mod:`gulagstats.factcheck.births`: a count of births is no claim);
- ``periods.csv``: ``language, phrase, reading, rule, confidence, source,
  locator, note``: named periods ("the Great Terror", "Большой террор") with
  the period they are read as and the source of that reading, relative
  phrases ("in the previous year") with the rule that resolves them, and
  phrases that leave the period open (rule ``open``: "subsequently",
  "throughout history", "впоследствии"), and verbs whose date is another
  event's (rule ``event``: "born in", "who was shot in") or, after 1953 at a
  sentence's start, a report's (rule ``report``: "In 1991, ... published"),
  and the reading of a part of a decade (rule ``decade:PERIOD``: "late 1930s"
  is the Great Terror's 1937-1938, in any language: "в конце 1930-х"), and
  words of the time in exile after a deportation (rule ``exile``: "in exile",
  "в ссылке": :mod:`gulagstats.factcheck.exile_periods`, round 19);
- ``scope.csv``: ``language, phrase, scope, detail, note``: cues that a number
  counts a part of the whole (an operation, a nationality, a region, a trial,
  an institution, a camp, a plan);
- ``modality.csv``: ``language, phrase, modality, where, note``: cues that a
  number is planned, negated, hypothetical or a spread of others' estimates
  (``negator``: a word of negation, which denies the number after it but
  makes a floor after it a ceiling, "не больше": :func:`frames.modality`;
  ``stated``: words that hold a cue but deny only something else, "did not
  include the millions", whose number stays stated);
- ``quantity_rules.csv``: ``match, part, reads, becomes, low, says, basis,
  note``: what a number of one part counts (a camp's prisoners are its
  population), when a word of killing counts deaths and whose deaths a word
  of dying counts
  (:mod:`gulagstats.factcheck.quantity_rules`).

Every table is validated here, once for the packaged data (the build calls
:func:`parse_table`) and for a user's ``--lexicon``; a row that breaks a rule
is refused with its line.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import DataFormatError, printable
from ..inputs import read_input_text
from ..store import resources as package_resources
from ..store import verified_path
from .phrases import PhraseTable, phrase_words

LEXICON_KINDS = (
    "quantity",
    "hedge",
    "after",
    "vague",
    "people",
    "not_count",
    "rate",
    "share",
    "document",
    "place",
    "sum",
    "fraction",
    "including",
    "question",
    "excluding",
    "average",
    "total_column",
    "part_column",
    "other_body",
    "own_body",
    "share_of",
    "ever",
    "share_of_thing",
    "victims",
    "duration",
    "rejected",
    "regime_victims",
    "sums_up",
    "peak",
    "counted_before",
    "counted_link",
    "held_population",
    "like_number",
    "custody_place",
    "custody_origin",
    "list_total",
    "birth",
)
BOUNDS = ("point", "low", "high")
RATES = ("day", "week", "month", "year")
#: The units of a ``duration`` row (its ``rate`` column): a length of time in years or months (round 18).
DURATION_UNITS = ("month", "year")
SCOPES = (
    "operation",
    "nationality",
    "region",
    "trial",
    "institution",
    "camp",
    "category",
    "plan",
    "whole",
    "families",
)
MODALITIES = ("planned", "negated", "negator", "hypothetical", "spread", "stated")
WHERE = ("before", "clause", "sentence")
RULES = (
    "previous_year",
    "next_year",
    "within_year",
    "same_month",
    "next_day",
    "same_year",
    "same_period",
    "same_span",
    "open",
    "ruler",
    "event",
    "report",
    "goes_on",
    "exile",
)
LEXICON_LANGUAGES = ("en", "ru")
#: The columns of each table, in order.
LEXICON_COLUMNS = {
    "lexicon": [
        "language",
        "kind",
        "phrase",
        "quantity",
        "bound",
        "rate",
        "low",
        "high",
        "priority",
        "note",
    ],
    "periods": ["language", "phrase", "reading", "rule", "confidence", "source", "locator", "note"],
    "scope": ["language", "phrase", "scope", "detail", "note"],
    "modality": ["language", "phrase", "modality", "where", "note"],
    "quantity_rules": ["match", "part", "reads", "becomes", "low", "says", "basis", "note"],
}
#: How a row of ``quantity_rules.csv`` matches (:mod:`gulagstats.factcheck.quantity_rules`).
RULE_MATCHES = (
    "kind",
    "detail",
    "in_detail",
    "either",
    "both",
    "reading",
    "killing",
    "excluding",
    "beside",
    "own_noun",
    "unit",
    "ever",
    "victims",
)
#: The tables of phrases (the others have no phrase column).
PHRASE_TABLES = ("lexicon", "periods", "scope", "modality")
#: The largest lexicon a user may give, in bytes (the packaged one is about 20 kB).
MAX_LEXICON_BYTES = 2_000_000
_PERIOD = re.compile(r"\d{4}(-\d{2}-\d{2})?(/\d{4}(-\d{2}-\d{2})?)?")
_RULE = re.compile(
    r"until:\d{4}|fixed:\d{4}(/\d{4})?|from:\d{4}(-\d{2}-\d{2})?|(?:name|decade):\d{4}(-\d{2}-\d{2})?/\d{4}(-\d{2}-\d{2})?"
)
#: The phrase of a ``decade:`` row: a part of a decade as :func:`gulagstats.factcheck.decades.decades` names it.
_DECADE_PART_PHRASE = re.compile(r"(?:early|mid|late) 1[89]\d0s")


@dataclass(frozen=True)
class Table:
    """One table: its rows (dicts of text) and their phrases, ready to match."""

    name: str
    rows: tuple[dict[str, str], ...]
    phrases: PhraseTable

    def kind(self, kind: str) -> Table:
        """The rows of one kind (lexicon), as a table of their own."""
        rows = tuple(r for r in self.rows if r.get("kind") == kind)
        return Table(f"{self.name}:{kind}", rows, PhraseTable([r["phrase"] for r in rows]))


@dataclass(frozen=True)
class Resources:
    """Everything the stages read, loaded once per process (immutable, picklable)."""

    lexicon: dict[str, Table]
    periods: Table
    scope: Table
    modality: Table
    quantity_rules: Table
    #: The readings of parts of decades (``decade:`` rows of periods.csv): "late 1930s" -> ("1937/1938", 0.7).
    decade_parts: dict[str, tuple[str, float]]
    #: The words of a sentence that goes on with the one before across its line (``goes_on`` rows of periods.csv:
    #: "another", "others", "the rest"): the period carried from a paragraph of prose still dates its claims.
    goes_on_words: tuple[str, ...] = ()
    #: The rows of ``quantity_rules.csv`` by their ``match``, each in the table's order (:func:`rules_by_match`):
    #: a rule looked up for a number reads the rows of its match only (round 17).
    rules_by_match: dict[str, tuple[dict[str, str], ...]] = field(default_factory=dict)
    #: The unit of each ``duration`` word of the lexicon ("лет" -> "year"; :func:`duration_units`), built once (round 19).
    duration_units: dict[str, str] = field(default_factory=dict)


def goes_on_words(periods: Table) -> tuple[str, ...]:
    """The ``goes_on`` rows of periods.csv: words by which a sentence goes on with the line before it.

    >>> "another" in goes_on_words(load_resources().periods)
    True
    """
    return tuple(r["phrase"] for r in periods.rows if r["rule"] == "goes_on")


def decade_parts(periods: Table) -> dict[str, tuple[str, float]]:
    """The ``decade:`` rows of periods.csv as phrase -> (period, confidence) ("late 1930s": the Great Terror's years).

    >>> decade_parts(load_resources().periods)["late 1930s"]
    ('1937/1938', 0.7)
    """
    return {
        r["phrase"]: (r["rule"].removeprefix("decade:"), float(r["confidence"]))
        for r in periods.rows
        if r["rule"].startswith("decade:")
    }


def _fail(name: str, line: int, text: str) -> DataFormatError:
    return DataFormatError(f"{name} line {line}: {text}")


def _cell_number(row: dict[str, str], column: str, name: str, line: int) -> float | None:
    text = row[column].strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise _fail(name, line, f"{column} {printable(text)!r} is not a number") from None
    if not math.isfinite(value) or value < 0:
        raise _fail(name, line, f"{column} {printable(text)!r} is not a finite number >= 0")
    return value


def _check_lexicon_row(table: str, row: dict[str, str], name: str, line: int) -> None:
    """Refuse a row that breaks its table's rules (one line, naming the line)."""
    if table == "quantity_rules":
        _check_quantity_rule(row, name, line)
        return
    if row["language"] not in LEXICON_LANGUAGES:
        raise _fail(
            name,
            line,
            f"language {printable(row['language'])!r} is not one of {', '.join(LEXICON_LANGUAGES)}",
        )
    if not phrase_words(row["phrase"]):
        raise _fail(name, line, f"phrase {printable(row['phrase'])!r} has no word")
    rules = {
        "lexicon": _check_lexicon,
        "periods": _check_period,
        "scope": lambda r, n, i: _one_of(r, "scope", SCOPES, n, i),
        "modality": _check_modality,
    }
    rules[table](row, name, line)


def _check_quantity_rule(row: dict[str, str], name: str, line: int) -> None:
    _one_of(row, "match", RULE_MATCHES, name, line)
    for column in ("reads", "becomes"):
        if row[column] and not re.fullmatch(r"[a-z][a-z0-9_]*", row[column]):
            raise _fail(
                name,
                line,
                f"{column} {printable(row[column])!r} is not a quantity code (lowercase, underscores)",
            )
    if not row["reads"] or (row["match"] not in ("detail", "both") and not row["becomes"]):
        raise _fail(
            name,
            line,
            "a rule needs the quantity it reads and, but for a detail or both, the one it becomes",
        )
    if (row["match"] == "killing") != (_cell_number(row, "low", name, line) is not None) or (
        row["match"] == "killing"
    ) == bool(row["part"]):
        raise _fail(
            name, line, "a killing rule needs low and no part; any other rule a part and no low"
        )
    if row["match"] == "killing" and not row["basis"]:
        raise _fail(
            name, line, "a killing rule needs the basis of its threshold (where it comes from)"
        )


def _check_modality(row: dict[str, str], name: str, line: int) -> None:
    _one_of(row, "modality", MODALITIES, name, line)
    _one_of(row, "where", WHERE, name, line)


def _one_of(
    row: dict[str, str], column: str, allowed: tuple[str, ...], name: str, line: int
) -> None:
    if row[column] not in allowed:
        raise _fail(
            name, line, f"{column} {printable(row[column])!r} is not one of {', '.join(allowed)}"
        )


def _check_lexicon(row: dict[str, str], name: str, line: int) -> None:
    kind = row["kind"]
    _one_of(row, "kind", LEXICON_KINDS, name, line)
    if kind in ("quantity", "place", "part_column", "other_body", "own_body") and not re.fullmatch(
        r"[a-z][a-z0-9_]*", row["quantity"]
    ):
        raise _fail(name, line, "a quantity row needs a quantity code (lowercase, underscores)")
    if kind in ("hedge", "after"):
        _one_of(row, "bound", BOUNDS, name, line)
    if kind == "rate":
        _one_of(row, "rate", RATES, name, line)
    if kind == "duration":
        _one_of(row, "rate", DURATION_UNITS, name, line)
    low, high = _cell_number(row, "low", name, line), _cell_number(row, "high", name, line)
    if kind in ("vague", "fraction") and (low is None or high is None or low > high):
        raise _fail(name, line, f"a {kind} row needs low <= high")
    priority = _cell_number(row, "priority", name, line)
    if priority is not None and (priority > 100 or not priority.is_integer()):
        raise _fail(name, line, f"priority {row['priority']!r} is not a whole number from 0 to 100")


def _check_period(row: dict[str, str], name: str, line: int) -> None:
    period, rule = row["reading"].strip(), row["rule"].strip()
    if bool(period) == bool(rule):
        raise _fail(
            name, line, "a row needs either a period (a named period) or a rule (a relative phrase)"
        )
    if period and not _PERIOD.fullmatch(period):
        raise _fail(name, line, f"period {printable(period)!r} is not a year, a day or a span A/B")
    if rule and rule not in RULES and not _RULE.fullmatch(rule):
        raise _fail(
            name,
            line,
            f"rule {printable(rule)!r} is not one of {', '.join(RULES)}, until:YEAR, fixed:PERIOD, from:DAY, name:PERIOD or decade:PERIOD",
        )
    if rule.startswith("decade:") and not _DECADE_PART_PHRASE.fullmatch(row["phrase"]):
        raise _fail(
            name,
            line,
            f"a decade: row's phrase {printable(row['phrase'])!r} is not 'early', 'mid' or 'late' and a decade ('late 1930s')",
        )
    confidence = _cell_number(row, "confidence", name, line)
    if confidence is None or confidence > 1:
        raise _fail(name, line, "confidence must be a number from 0 to 1")
    if period and not row["source"].strip():
        raise _fail(name, line, "a named period needs the source of its reading")


def parse_table(table: str, text: str, name: str) -> Table:
    """Parse and validate one table's CSV text.

    Parameters
    ----------
    table : str
        ``lexicon``, ``periods``, ``scope``, ``modality`` or ``quantity_rules``.
    text : str
        CSV text with the columns of :data:`LEXICON_COLUMNS`.
    name : str
        The name error messages give.

    Raises
    ------
    DataFormatError
        For a missing column or a row that breaks a rule (the message names the line).

    Examples
    --------
    >>> t = parse_table("scope", "language,phrase,scope,detail,note\\nen,show trial*,trial,a show trial,\\n", "s")
    >>> t.rows[0]["scope"], len(t.phrases.find([]))
    ('trial', 0)
    >>> parse_table("scope", "language,phrase,scope,detail,note\\nen,x,galaxy,,\\n", "s.csv")
    Traceback (most recent call last):
    ...
    gulagstats.errors.DataFormatError: s.csv line 2: scope 'galaxy' is not one of operation, ...
    """
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in LEXICON_COLUMNS[table] if c not in (reader.fieldnames or [])]
    if missing:
        raise DataFormatError(
            f"{name} lacks the columns {', '.join(missing)}; expected {','.join(LEXICON_COLUMNS[table])}"
        )
    rows = []
    try:
        for row in reader:
            if None in row:
                raise _fail(
                    name,
                    reader.line_num,
                    f"more fields than the {len(LEXICON_COLUMNS[table])} columns (quote a field with a comma)",
                )
            clean = {c: (row.get(c) or "").strip() for c in LEXICON_COLUMNS[table]}
            _check_lexicon_row(table, clean, name, reader.line_num)
            rows.append(clean)
    except csv.Error as exc:
        raise DataFormatError(
            f"{name} is not a readable CSV (line {reader.line_num}: {printable(exc)})"
        ) from None
    return Table(
        name,
        tuple(rows),
        PhraseTable([r["phrase"] for r in rows] if table in PHRASE_TABLES else []),
    )


def _packaged_text(table: str) -> tuple[str, str]:
    """A packaged table's text, hash-checked against datapackage.json, and its hash."""
    resource = package_resources().get(f"factcheck_{table}")
    if resource is None:
        raise DataFormatError(
            f"the data package lists no factcheck_{table}; rebuild data/ (tools/build_data.py)"
        )
    path = verified_path(resource)
    return path.read_text(encoding="utf-8"), str(resource["hash"])


def read_lexicon_file(path: str | Path) -> str:
    """A user's lexicon file as text: a regular UTF-8 file of at most :data:`MAX_LEXICON_BYTES`."""
    return read_input_text(
        path,
        "lexicon",
        limit=MAX_LEXICON_BYTES,
        error=DataFormatError,
        expected="a lexicon CSV file",
    )


def load_resources(lexicon: str | Path | None = None) -> Resources:
    """The fact-checker's data: the packaged tables, with ``lexicon`` (a CSV file) instead of the packaged lexicon.

    Parsed once per process and content (a changed file is read again).

    Examples
    --------
    >>> r = load_resources()
    >>> sorted(r.lexicon)[:3], r.periods.rows[0]["reading"]
    (['after', 'average', 'birth'], '1937/1938')
    >>> load_resources() is r
    True
    """
    texts = {t: _packaged_text(t) for t in LEXICON_COLUMNS}
    own = ""
    if lexicon is not None:
        own = read_lexicon_file(lexicon)
    return _parsed(
        tuple((t, text, digest) for t, (text, digest) in texts.items()),
        own,
        printable(Path(lexicon).name) if lexicon is not None else "",
    )


@lru_cache(maxsize=8)
def _parsed(packaged: tuple[tuple[str, str, str], ...], own: str, own_name: str) -> Resources:
    tables = {t: parse_table(t, text, f"data/factcheck/{t}.csv") for t, text, _ in packaged}
    if own_name:
        tables["lexicon"] = parse_table("lexicon", own, own_name)
    lexicon = {k: tables["lexicon"].kind(k) for k in LEXICON_KINDS}
    periods = tables["periods"]
    rules = tables["quantity_rules"]
    return Resources(
        lexicon,
        periods,
        tables["scope"],
        tables["modality"],
        rules,
        decade_parts(periods),
        goes_on_words(periods),
        rules_by_match(rules),
        duration_units(lexicon["duration"]),
    )


def duration_units(durations: Table) -> dict[str, str]:
    """The ``duration`` rows of the lexicon as word -> unit (their ``rate``: "year" or "month"), built once.

    >>> duration_units(load_resources().lexicon["duration"])["месяцев"]
    'month'
    """
    return {r["phrase"].lower(): r["rate"] for r in durations.rows}


def rules_by_match(rules: Table) -> dict[str, tuple[dict[str, str], ...]]:
    """The rows of ``quantity_rules.csv`` by their ``match``, each list in the table's order (built once, when
    the rules load).

    Examples
    --------
    >>> t = Table("r", ({"match": "unit", "part": "share"}, {"match": "ever"}, {"match": "unit", "part": "x"}),
    ...     PhraseTable([]))
    >>> {k: [r.get("part") for r in v] for k, v in rules_by_match(t).items()}
    {'unit': ['share', 'x'], 'ever': [None]}
    """
    out: dict[str, list[dict[str, str]]] = {}
    for row in rules.rows:
        out.setdefault(row["match"], []).append(row)
    return {k: tuple(v) for k, v in out.items()}
