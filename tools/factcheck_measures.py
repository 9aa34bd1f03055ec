"""The measures of issue 20: labelled claims, predicted claims, how they match and what is right.

Pure functions on plain records, so that each measure can be tested on a synthetic set
(``tests/test_evaluate_factcheck.py``); ``tools/evaluate_factcheck.py`` reads the labelled
texts, runs the fact-checker and writes the table.

A predicted claim matches a label of the same document whose character span it overlaps (one
to one, pairs whose value agrees first). A label is *found* when its match states the same
value (both ends within 1 %, or any reading of a vague phrase such as "tens of thousands").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: Predicted verdicts that say the record was not used to judge: all count as ``not_judged``.
NOT_JUDGED = {"not_comparable", "no_archival_series", "context", "not_judged", "not_assessed", ""}
FLAGS = {"overstates", "understates"}
#: Two values agree within 1 %.
TOLERANCE = 0.01


Period = tuple[str | None, str | None]


@dataclass
class Label:
    """One labelled claim, located in its text."""

    doc: str
    start: int
    end: int
    mention: str
    low: float
    high: float
    vague: bool
    quantity: str
    period: Period
    scope: str | None  # 'whole', 'part', or None where the label set has no scope
    verdict: str
    language: str


@dataclass
class Prediction:
    """One claim the fact-checker wrote, located in its text (start is None: not found)."""

    doc: str
    start: int | None
    end: int | None
    mention: str
    low: float | None
    high: float | None
    quantity: str
    period: Period
    scope: str
    verdict: str


@dataclass
class Measures:
    """The counts behind every share of one column (a part and a language)."""

    labels: int = 0
    found: int = 0
    predictions: int = 0
    predictions_matched: int = 0
    unlocated: int = 0
    quantity_right: int = 0
    period_right: int = 0
    scope_right: int = 0
    scope_labels: int = 0
    verdict_right: int = 0
    judgeable: int = 0
    judgeable_right: int = 0
    flags: int = 0
    wrong_flags: int = 0
    measured: str = ""
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong_verdicts: list[str] = field(default_factory=list)


# --- reading numbers, periods and spans -------------------------------------------------------


def number(cell: str | None) -> float | None:
    """A CSV cell as a number, or None when empty or not a number.

    >>> number("1,548,366"), number(""), number("n/a")
    (1548366.0, None, None)
    """
    text = (cell or "").strip().replace(",", "")
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _day(text: str, last: bool) -> str | None:
    """A year, month or day as the ISO date of its first (or last) day."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text.strip())
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2] or (12 if last else 1)), m[3]
    if day is None:
        day = str(calendar.monthrange(year, month)[1] if last else 1)
    return f"{year:04d}-{month:02d}-{int(day):02d}"


def normalise_period(text: str | None) -> Period:
    """A period as its first and last day: a year runs 1 January-31 December, a month its days.

    Forms the fact-checker writes (``1937/1938``, ``1938``, ``1939-01``, ``1939-01-01``,
    ``A/B`` of any of them) and the dash forms of the labels; anything else is kept as
    written, marked with ``?``, so that it equals no label.

    >>> normalise_period("1937/1938"), normalise_period("1939-01")
    (('1937-01-01', '1938-12-31'), ('1939-01-01', '1939-01-31'))
    >>> normalise_period("1953-03-05/"), normalise_period("/1956")
    (('1953-03-05', None), (None, '1956-12-31'))
    >>> normalise_period(""), normalise_period("the 1930s")
    ((None, None), ('?the 1930s', '?the 1930s'))
    """
    text = (text or "").strip()
    if not text:
        return (None, None)
    parts = text.split("/") if "/" in text else re.split(r"(?<=\d)[-–](?=\d{4}\b)", text)
    if len(parts) == 1:
        parts = [text, text]
    if len(parts) == 2:
        first, last = _day(parts[0], last=False), _day(parts[1], last=True)
        if first and last:
            return (first, last)
        if (first and not parts[1]) or (last and not parts[0]):  # an open period: "1953-03-05/", "/1956-12-31"
            return (first, last)
    return (f"?{text}", f"?{text}")


def occurrence_span(text: str, mention: str, occurrence: int) -> tuple[int, int] | None:
    """The span of the n-th match of ``mention`` (plain substring search, overlapping allowed).

    >>> occurrence_span("14 million and 4 million", "4 million", 2)
    (15, 24)
    """
    at = -1
    for _ in range(max(occurrence, 1)):
        at = text.find(mention, at + 1)
        if at < 0:
            return None
    return (at, at + len(mention))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """How many characters two spans share (0: disjoint).

    >>> overlap((0, 5), (3, 9)), overlap((0, 5), (5, 9))
    (2, 0)
    """
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def close(a: float | None, b: float | None) -> bool:
    """Two numbers within 1 % of each other (None agrees with nothing).

    >>> close(681692, 681000), close(681692, 600000), close(None, 1)
    (True, False, False)
    """
    if a is None or b is None:
        return False
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def value_right(label: Label, pred: Prediction) -> bool:
    """The prediction states the label's value: both ends within 1 %, an open end taking the
    other's value; or, for a vague phrase, any reading of the same words."""
    if label.vague:
        return True
    low = pred.low if pred.low is not None else pred.high
    high = pred.high if pred.high is not None else pred.low
    return close(label.low, low) and close(label.high, high)


def quantity_right(label: Label, pred: Prediction) -> bool:
    """The same quantity id; ``other:x`` labels accept ``x`` or ``other:x``."""
    return label.quantity.removeprefix("other:") == pred.quantity.removeprefix("other:")


def verdict_of(cell: str | None) -> str:
    """A predicted verdict in the labels' five words (every refusal is ``not_judged``).

    >>> verdict_of("no_archival_series"), verdict_of("overstates")
    ('not_judged', 'overstates')
    """
    word = (cell or "").strip()
    return "not_judged" if word in NOT_JUDGED else word


# --- the predictions as the fact-checker writes them ---------------------------------------------


def predictions(
    claims: list[dict[str, str]], verdicts: list[dict[str, str]], texts: dict[str, str]
) -> list[Prediction]:
    """The fact-checker's claims as predictions: spans from ``start``/``end`` where written,
    else the mention located on its ``text_line``; the verdict from ``claims.csv`` or from
    ``verdicts.csv`` (by ``id``, or row for row when it has no ids)."""
    keyed = bool(verdicts) and "id" in verdicts[0]  # else row for row
    by_id = {v["id"]: v for v in verdicts} if keyed else {}
    used: dict[tuple[str, int], list[tuple[int, int]]] = {}
    out = []
    for n, row in enumerate(claims):
        doc = Path(row.get("file", "")).stem
        text = texts.get(doc, "")
        mention = row.get("mention", "")
        if mention.startswith("'") and mention not in text:  # the CSV's guard against formulas
            mention = mention[1:]
        span = given_span(row) or line_span(text, doc, row, mention, used)
        low, high = number(row.get("low")), number(row.get("high"))
        if number(row.get("value")) is not None:
            low = high = number(row.get("value"))
        judged = (
            by_id.get(row.get("id", ""), {}) if keyed else verdicts[n] if n < len(verdicts) else {}
        )
        out.append(
            Prediction(
                doc=doc,
                start=span[0] if span else None,
                end=span[1] if span else None,
                mention=mention,
                low=low,
                high=high,
                quantity=row.get("quantity", ""),
                period=normalise_period(row.get("period")),
                scope=scope_of(row),
                verdict=verdict_of(row["verdict"] if "verdict" in row else judged.get("verdict")),
            )
        )
    return out


def given_span(row: dict[str, str]) -> tuple[int, int] | None:
    """The span written by the new fact-checker (``start``, ``end``), if any."""
    start, end = number(row.get("start")), number(row.get("end"))
    return (int(start), int(end)) if start is not None and end is not None else None


def line_span(
    text: str,
    doc: str,
    row: dict[str, str],
    mention: str,
    used: dict[tuple[str, int], list[tuple[int, int]]],
) -> tuple[int, int] | None:
    """Today's columns: the mention's first free occurrence on its ``text_line``.

    Free: not overlapping a mention already placed on that line, and standing as a word of
    its own where possible (``4 million`` is not read inside ``14 million``).
    """
    line = int(number(row.get("text_line")) or 0)
    lines = text.split("\n")
    if not mention or not 1 <= line <= len(lines):
        return None
    body, taken = lines[line - 1], used.setdefault((doc, line), [])
    free = [
        at
        for at in occurrences(body, mention)
        if not any(overlap((at, at + len(mention)), span) for span in taken)
    ]
    if not free:
        return None
    alone = [at for at in free if standalone(body, at, at + len(mention))]
    at = (alone or free)[0]
    taken.append((at, at + len(mention)))
    offset = sum(len(x) + 1 for x in lines[: line - 1])
    return (offset + at, offset + at + len(mention))


def occurrences(text: str, mention: str) -> list[int]:
    """Every start of ``mention`` in ``text`` (overlapping matches included).

    >>> occurrences("14 million and 4 million", "4 million")
    [1, 15]
    """
    found, at = [], text.find(mention)
    while at >= 0:
        found.append(at)
        at = text.find(mention, at + 1)
    return found


def standalone(text: str, start: int, end: int) -> bool:
    """No letter or digit glued to either end of the span.

    >>> standalone("14 million", 1, 10), standalone("14 million", 0, 10)
    (False, True)
    """
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def scope_of(row: dict[str, str]) -> str:
    """Whole or part: the ``scope`` column (``USSR``, as the fact-checker writes the whole, or
    ``whole``), else the older ``region`` column (the USSR is whole).

    >>> scope_of({"scope": "USSR"}), scope_of({"scope": "operation"}), scope_of({"region": "USSR"})
    ('whole', 'part', 'whole')
    """
    if "scope" in row:
        return "whole" if row["scope"].strip() in ("whole", "USSR", "") else "part"
    return "whole" if row.get("region", "").strip() in ("", "USSR") else "part"


# --- matching and measuring ---------------------------------------------------------------------


def match(labels: Sequence[Label], preds: Sequence[Prediction]) -> dict[int, int]:
    """Label index -> prediction index, one to one, by overlapping spans in one document:
    pairs whose value agrees first, then the larger overlap, then the text order."""
    pairs = []
    for i, lab in enumerate(labels):
        for k, pred in enumerate(preds):
            if pred.doc != lab.doc or pred.start is None or pred.end is None:
                continue
            shared = overlap((lab.start, lab.end), (pred.start, pred.end))
            if shared:
                pairs.append((not value_right(lab, pred), -shared, i, k))
    taken_l: dict[int, int] = {}
    taken_p: set[int] = set()
    for _, _, i, k in sorted(pairs):
        if i not in taken_l and k not in taken_p:
            taken_l[i] = k
            taken_p.add(k)
    return taken_l


def measure(labels: Sequence[Label], preds: Sequence[Prediction]) -> Measures:
    """Every measure of issue 20 for one set of labels and the predictions on the same texts.

    Examples
    --------
    >>> lab = Label("d", 0, 7, "681,692", 681692, 681692, False, "executions",
    ...             ("1937-01-01", "1938-12-31"), "whole", "consistent", "en")
    >>> hit = Prediction("d", 0, 7, "681,692", 681692, None, "executions",
    ...                  ("1937-01-01", "1938-12-31"), "whole", "consistent")
    >>> extra = Prediction("d", 20, 25, "1,000", 1000, 1000, "executions", (None, None),
    ...                    "whole", "understates")
    >>> m = measure([lab], [hit, extra])
    >>> (m.found, m.predictions_matched, m.predictions, m.verdict_right, m.wrong_flags, m.flags)
    (1, 1, 2, 1, 1, 1)
    >>> (m.judgeable, m.judgeable_right)
    (1, 1)
    """
    m = Measures(labels=len(labels), predictions=len(preds))
    m.unlocated = sum(1 for p in preds if p.start is None)
    pairs = match(labels, preds)
    for i, lab in enumerate(labels):
        pred = preds[pairs[i]] if i in pairs else None
        m.judgeable += lab.verdict != "not_judged"
        if pred is None or not value_right(lab, pred):
            m.misses.append(describe(lab, pred))
            continue
        m.found += 1
        m.quantity_right += quantity_right(lab, pred)
        m.period_right += lab.period == pred.period
        if lab.scope is not None:
            m.scope_labels += 1
            m.scope_right += lab.scope == pred.scope
        if pred.verdict == lab.verdict:
            m.verdict_right += 1
            m.judgeable_right += lab.verdict != "not_judged"
        else:
            m.wrong_verdicts.append(
                f"{describe(lab, pred)}: expected {lab.verdict}, got {pred.verdict}"
            )
    matched = {k: i for i, k in pairs.items()}
    m.predictions_matched = len(matched)
    for k, pred in enumerate(preds):
        if k not in matched:
            m.extras.append(f"{pred.doc} {pred.mention!r} {pred.quantity} {pred.verdict}")
        if pred.verdict in FLAGS:
            m.flags += 1
            m.wrong_flags += k not in matched or labels[matched[k]].verdict != pred.verdict
    return m


def describe(lab: Label, pred: Prediction | None) -> str:
    """A label (and what was read for it) in one line."""
    read = "" if pred is None else f" (read {pred.mention!r} {pred.low}-{pred.high})"
    return f"{lab.doc} {lab.mention!r} {lab.quantity}{read}"
