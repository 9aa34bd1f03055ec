#!/usr/bin/env python3
"""How often each kind of verdict is right, by how the claim's period was found, on each half of dev.

    python tools/calibrate_verdicts.py            # prints the table
    python tools/calibrate_verdicts.py --write    # and writes it into docs/factcheck.md
    python tools/calibrate_verdicts.py --list     # and lists every verdict measured (half, how, right)
    python tools/calibrate_verdicts.py --periods  # and lists every claim found with a wrong period
    python tools/calibrate_verdicts.py --causes   # and why the judgeable claims are not judged right, by half and language
    python tools/calibrate_verdicts.py --quantities [scope|modality] [--language en|ru] [--list]
        # instead: the claims found with the right value but the wrong quantity (scope, modality), by cause
    python tools/calibrate_verdicts.py --bands    # and period right by way and by confidence band, by half and language

The fact-checker reads the dev texts of the labelled web set (``tests/data/factcheck_web/dev/``)
and judges every claim with the gate open (:data:`gulagstats.factcheck.readings.OPEN_GATE`: every
way of finding a period may support every verdict; every other rule of the judging holds). Each
``overstates``/``understates`` (a flag), ``consistent`` and ``not_contradicted`` it gives is then
counted by the way its period was found (``period_how``), by kind and by half of dev (every other
text by sorted doc_id): right where it matches a labelled claim (as ``tools/evaluate_factcheck.py``
matches them) with the right value and the same verdict; a verdict on a number that is no labelled
claim, or read with another value, is wrong.

Which ways may support which kind of verdict (``gulagstats.factcheck.readings.VERDICT_HOWS``), the
rule of round 7, fixed before it was measured:

- ``consistent`` and ``not_contradicted`` rest on a pool of ways. The ways whose periods are measured
  (at least ``CALIBRATION_MINIMUM`` claims found a half) are put in order of how often their periods
  are right (the smaller, over the halves, of the lower end of a one-sided 95 % Wilson interval); the
  pool is the longest run of them from the first whose verdicts of that kind, pooled, are right with a
  Wilson lower end of at least ``POOL_LEVEL`` (0.8) on each half, on at least ``CALIBRATION_MINIMUM``
  (5) verdicts a half, and none of whose ways alone is shown below ``POOL_LEVEL`` (the upper end of its
  own interval under it on a half). The pooled error is bounded, not only each way's.
- A flag stays stricter, one way at a time (round 6's rule): its flags right at least
  ``FLAG_PERIOD_SHARE`` (90 %) of the time on each half, on at least ``CALIBRATION_MINIMUM`` a half, or,
  where they are too few on a half to say, its periods by the same rule.
- From round 12 the halves are those of the texts tuned on; the texts of dev's held-out rounds
  (``evaluate_factcheck.HELD_OUT_ROUNDS``: the last spent test part, which no rule was written from and no
  engineer tunes on) are judged too, and a way whose verdicts of a kind they show wrong too often
  (:func:`refuted`: the upper end of a one-sided 95 % Wilson interval under ``POOL_LEVEL``, or
  ``FLAG_PERIOD_SHARE`` for a flag) may not support that kind, whatever the halves say. The halves measure
  the rules on the texts they were written from; the held-out part checks them on texts they were not.
- From round 13 the same test refuses a way on either half: a way used too seldom to be shown right
  (fewer than ``CALIBRATION_MINIMUM`` verdicts) may still be shown wrong (round 12's texts gave four flags
  dated by a table row on half 1, none right, while the rule let the table's periods stand in for them).

``--quantities`` (round 7's ``tools/quantity_errors.py``, folded in by round 8) prints no table; it runs the fact-checker once a half
through its command line and counts each labelled claim found with the right value whose quantity differs from
its label's under one cause (:func:`cause`), per language; with ``--list`` it prints every case with the cue that
gave the quantity and its sentence. ``--quantities scope`` counts the claims whose scope (the whole USSR or a
part) differs instead, ``--quantities modality`` those whose modality differs.

``--bands`` (round 8; was ``tools/period_bands.py``, round 7) reads the frames only, with no judging: each
claim found with the right value counts as right where its period has the label's first and last day, by
how the period was found and by ``period_confidence`` band, for each half and language of dev. A
``period_confidence`` that means something is high where the period is right and low where it is wrong.

``tests/test_factcheck_judging7.py`` re-derives the calibrated column from the printed table and checks
that the allow-lists and the table agree, and that the tables in docs/factcheck.md are these.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from evaluate_factcheck import DOC, LANGUAGES, WEB, cli, halved, read_csv, web_labels
from factcheck_measures import match, occurrence_span, predictions, quantity_right, value_right
from gulagstats.estimates.vocabulary import QUANTITIES
from gulagstats.factcheck.frames import Frame
from gulagstats.factcheck.judgment import claims_frame, judge
from gulagstats.factcheck.page import advice
from gulagstats.factcheck.read import read_source
from gulagstats.factcheck.readings import (
    CALIBRATION_MINIMUM,
    FLAG_PERIOD_SHARE,
    OPEN_GATE,
    POOL_LEVEL,
    POOLED_KINDS,
    UNDATED_HOWS,
    VERDICT_HOWS,
    VERDICT_KINDS,
    kind_of,
    wilson,
)
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text

START, END = "<!-- verdict-calibration:start -->", "<!-- verdict-calibration:end -->"
#: (how, kind) -> (verdicts given, of them right)
Counts = dict[tuple[str, str], tuple[int, int]]


@dataclass(frozen=True)
class DevPart:
    """A part of dev the calibration counts: ``half`` 1 or 2 of the texts tuned on, or, with ``held``, dev's
    held-out part (``evaluate_factcheck.HELD_OUT_ROUNDS``, all of it: ``half`` is None)."""

    half: int | None
    held: bool = False

    def __str__(self) -> str:
        return "held" if self.held else str(self.half)


#: The two halves of the texts tuned on, and dev's held-out part.
HALVES = (DevPart(1), DevPart(2))
HELD = DevPart(None, held=True)


def verdicts_of(
    texts: Mapping[str, str], gate: Mapping[str, frozenset[str]]
) -> list[dict[str, str]]:
    """The judged claims of the dev texts ``texts`` (by doc_id; claims and verdicts in one row each, as
    text), under ``gate``."""
    return as_text(judge(claims_frame(dev_frames(texts)), gate=gate))


def dev_frames(texts: Mapping[str, str]) -> list[Frame]:
    """The claim frames of the dev texts ``texts`` (by doc_id), read as the command line reads them."""
    data = load_resources()
    frames = []
    for doc in sorted(texts):
        read = read_source(WEB / "dev" / doc[:2] / f"{doc}.txt")
        frames += check_text(read.text, read.name, data).frames
    return frames


def as_text(table: pd.DataFrame) -> list[dict[str, str]]:
    """The rows of ``table`` as text, one dict a row (as claims.csv would read back)."""
    return [
        {k: "" if v is None else str(v) for k, v in r.items()} for r in table.to_dict("records")
    ]


def counts(
    part: DevPart,
    listed: list[str] | None = None,
    gate: Mapping[str, frozenset[str]] = OPEN_GATE,
    wrong_periods: list[str] | None = None,
) -> tuple[Counts, Counts]:
    """One part of dev (a half of :data:`HALVES`, or :data:`HELD`): (how, kind) -> (verdicts of that
    kind given with the period found that way, of them right), and (how, ``period``) -> (labelled claims found
    with the right value, of them with the right period).

    ``listed``, when given, gets one line a verdict: the half, how, kind, right or wrong, the verdict, the
    label's verdict, the period read, the text and the mention. ``wrong_periods``, when given, gets one line a
    claim found with the right value and a wrong period: the half, how, the label's period, the one read, the
    text and the mention (what round 5's ``tools/calibrate_periods.py --list`` printed; the same lines).
    """
    sets = [
        halved(web_labels(WEB / "dev" / lang, held=part.held), part.half) for lang in ("en", "ru")
    ]
    texts = {doc: text for t, _ in sets for doc, text in t.items()}
    labels = [x for _, lab in sets for x in lab]
    rows = verdicts_of(texts, gate)
    preds = predictions(rows, [], texts)
    label_of = {k: i for i, k in match(labels, preds).items()}
    verdicts: Counts = {}
    periods: Counts = {}
    for k, (row, pred) in enumerate(zip(rows, preds)):
        lab = labels[label_of[k]] if k in label_of else None
        found = lab is not None and value_right(lab, pred)
        how = row["period_how"] or "none"
        if found and lab is not None:
            n, r = periods.get((how, "period"), (0, 0))
            periods[(how, "period")] = (n + 1, r + (lab.period == pred.period))
            if wrong_periods is not None and lab.period != pred.period:
                wrong_periods.append(
                    f"{part}\t{how}\t{'/'.join(map(str, lab.period))}\t{'/'.join(map(str, pred.period))}"
                    f"\t{lab.doc}\t{lab.mention}"
                )
        kind = kind_of(pred.verdict)
        if kind not in VERDICT_KINDS:
            continue
        right = found and lab is not None and lab.verdict == pred.verdict
        n, r = verdicts.get((how, kind), (0, 0))
        verdicts[(how, kind)] = (n + 1, r + right)
        if listed is not None:
            expected = "no label" if lab is None else lab.verdict
            listed.append(
                f"{part}\t{how}\t{kind}\t{'right' if right else 'wrong'}\t{pred.verdict}\t{expected}\t"
                f"{row['period']}\t{pred.doc}\t{pred.mention}"
            )
    return verdicts, periods


def cause_of(label_verdict: str, row: dict[str, str] | None, found: bool) -> str:
    """Why a judgeable claim (its label's verdict ``label_verdict``) is not judged right ("right" if it is).

    >>> cause_of("consistent", None, False)
    'missed, or read with another value'
    >>> cause_of("consistent", {"verdict": "not_judged", "reason": "no period stated"}, True)
    'no period, or period unclear'
    """
    if row is None or not found:
        return "missed, or read with another value"
    if row["verdict"] == label_verdict:
        return "right"
    if row["verdict"] != "not_judged":
        return f"a wrong verdict ({row['verdict'].replace('_', ' ')})"
    return advice(row["reason"])[0]


def causes(
    half: int, gate: Mapping[str, frozenset[str]] = VERDICT_HOWS
) -> Counter[tuple[str, str]]:
    """One half of dev under ``gate``: how many judgeable claims (labelled other than ``not_judged``) each
    cause of :func:`cause_of` accounts for, by (language, cause); the fact-checker runs once for both."""
    sets = [halved(web_labels(WEB / "dev" / lang), half) for lang in ("en", "ru")]
    texts = {doc: text for t, _ in sets for doc, text in t.items()}
    labels = [x for _, lab in sets for x in lab]
    rows = verdicts_of(texts, gate)
    preds = predictions(rows, [], texts)
    found = match(labels, preds)  # label -> prediction
    out: Counter[tuple[str, str]] = Counter()
    for i, lab in enumerate(labels):
        if lab.verdict == "not_judged":
            continue
        k = found.get(i)
        right_value = k is not None and value_right(lab, preds[k])
        out[
            lab.language, cause_of(lab.verdict, rows[k] if k is not None else None, right_value)
        ] += 1
    return out


def _measured(halves: list[Counts], key: tuple[str, str]) -> bool | None:
    """Right at least FLAG_PERIOD_SHARE of the time on each half (True), measured under it on a half (False),
    or too few on a half to say (None)."""
    shares = []
    for c in halves:
        n, right = c.get(key, (0, 0))
        if n >= CALIBRATION_MINIMUM and right / n < FLAG_PERIOD_SHARE:
            return False
        shares.append(n >= CALIBRATION_MINIMUM)
    return True if all(shares) else None


def _flag_supported(verdicts: list[Counts], periods: list[Counts], how: str) -> bool:
    """Round 6's rule for a flag: its flags right at least FLAG_PERIOD_SHARE of the time on each half, on at
    least CALIBRATION_MINIMUM a half; where they are too few on a half to say, and not measured under the
    share on the other, the way's periods stand in for them."""
    by_verdict = _measured(verdicts, (how, "flag"))
    if by_verdict is not None:
        return by_verdict
    return bool(_measured(periods, (how, "period")))


def period_order(periods: list[Counts]) -> list[str]:
    """The ways that date a claim (not UNDATED_HOWS) whose periods are measured on each half (CALIBRATION_MINIMUM
    claims found), best first: by the
    smaller, over the halves, of the lower end of the Wilson interval of "period right" (then by name)."""
    ways = {how for c in periods for how, _ in c} - set(UNDATED_HOWS)
    bound = {}
    for how in ways:
        cells = [c.get((how, "period"), (0, 0)) for c in periods]
        if all(n >= CALIBRATION_MINIMUM for n, _ in cells):
            bound[how] = min(wilson(right, n)[0] for n, right in cells)
    return sorted(bound, key=lambda how: (-bound[how], how))


def _pool_holds(verdicts: list[Counts], ways: list[str], kind: str) -> bool:
    """Whether the verdicts of ``kind`` dated by ``ways``, pooled, are shown right at least POOL_LEVEL of the
    time on each half (on CALIBRATION_MINIMUM a half), and no way alone is shown under it."""
    for c in verdicts:
        cells = [c.get((how, kind), (0, 0)) for how in ways]
        n, right = sum(x for x, _ in cells), sum(r for _, r in cells)
        if n < CALIBRATION_MINIMUM or wilson(right, n)[0] < POOL_LEVEL:
            return False
        if any(m and wilson(r, m)[1] < POOL_LEVEL for m, r in cells):
            return False
    return True


def pool(verdicts: list[Counts], periods: list[Counts], kind: str) -> list[str]:
    """The ways that support ``kind`` (a kind of POOLED_KINDS): the longest run of :func:`period_order` from
    its first way whose pooled verdicts hold (:func:`_pool_holds`); none if no run does."""
    order = period_order(periods)
    for k in range(len(order), 0, -1):
        if _pool_holds(verdicts, order[:k], kind):
            return order[:k]
    return []


def refuted(held: Counts, how: str, kind: str) -> bool:
    """Whether a part (the held-out part, or a half) shows a way's verdicts of a kind wrong too often: the upper end of their
    one-sided 95 % Wilson interval under ``POOL_LEVEL`` (``FLAG_PERIOD_SHARE`` for a flag).

    >>> refuted({("span", "not_contradicted"): (6, 3)}, "span", "not_contradicted")
    True
    >>> refuted({("span", "not_contradicted"): (2, 1)}, "span", "not_contradicted"), refuted({}, "span", "flag")
    (False, False)
    """
    n, right = held.get((how, kind), (0, 0))
    level = POOL_LEVEL if kind in POOLED_KINDS else FLAG_PERIOD_SHARE
    return n > 0 and wilson(right, n)[1] < level


def supported(
    verdicts: list[Counts], periods: list[Counts], how: str, kind: str, held: Counts | None = None
) -> bool:
    """Whether a way of finding the period may support a kind of verdict (the rule of the module's docstring),
    is not :func:`refuted` on either half (from round 13: a way too seldom used to be shown right may still be
    shown wrong, as round 12's four flags by a table row, none right), and, given the counts of the held-out
    part, is not refuted there."""
    if any(refuted(counts, how, kind) for counts in verdicts):
        return False
    if held is not None and refuted(held, how, kind):
        return False
    if kind in POOLED_KINDS:
        return how in pool(verdicts, periods, kind)
    return _flag_supported(verdicts, periods, how)


def pools_table(verdicts: list[Counts], periods: list[Counts]) -> str:
    """The pools in Markdown: for each kind of POOLED_KINDS, the ways in period order, how many of them are
    pooled, and the pooled verdicts right on each half with the lower end of their Wilson interval."""
    order = period_order(periods)
    lines = [
        "| kind of verdict | ways, best periods first | pooled | verdict right, half 1 | verdict right, half 2 "
        "| lower end (95 %), half 1 | lower end (95 %), half 2 |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind in POOLED_KINDS:
        chosen = pool(verdicts, periods, kind)
        shown = chosen or order
        cells, lows = [], []
        for c in verdicts:
            n = sum(c.get((how, kind), (0, 0))[0] for how in shown)
            right = sum(c.get((how, kind), (0, 0))[1] for how in shown)
            cells.append(f"{right}/{n}")
            lows.append(f"{wilson(right, n)[0]:.2f}")
        lines.append(
            f"| {kind.replace('_', ' ')} | {', '.join(order)} | {len(chosen)} "
            f"| {' | '.join(cells)} | {' | '.join(lows)} |"
        )
    return "\n".join(lines)


def _cell(c: Counts, key: tuple[str, str]) -> str:
    n, right = c.get(key, (0, 0))
    return f"{100 * right / n:.0f} % ({right}/{n})" if n else "– (0/0)"


def table(verdicts: list[Counts], periods: list[Counts], held: Counts) -> str:
    """The calibration table in Markdown: one row a kind of verdict and way of finding its period given on
    dev, with how often the verdict and how often the period (of the claims found) was right on each half,
    and how often the verdict was right on the held-out part."""
    keys = sorted(
        {key for c in [*verdicts, held] for key in c},
        key=lambda x: (VERDICT_KINDS.index(x[1]), x[0]),
    )
    lines = [
        "| kind of verdict | how the period was found | verdict right, half 1 | verdict right, half 2 "
        "| period right, half 1 | period right, half 2 | verdict right, held out | calibrated | allowed |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for how, kind in keys:
        cells = [
            *(_cell(c, (how, kind)) for c in verdicts),
            *(_cell(c, (how, "period")) for c in periods),
            _cell(held, (how, kind)),
        ]
        calibrated = "yes" if supported(verdicts, periods, how, kind, held) else "no"
        allowed = "yes" if how in VERDICT_HOWS[kind] else "no"
        lines.append(
            f"| {kind.replace('_', ' ')} | {how} | {' | '.join(cells)} | {calibrated} | {allowed} |"
        )
    return "\n".join(lines) + "\n\n" + pools_table(verdicts, periods)


def write(text: str, doc: Path = DOC) -> int:
    """Put the table between the markers of ``doc``; 2 if it has none."""
    content = doc.read_text(encoding="utf-8")
    if START not in content or END not in content:
        print(f"{doc}: no {START} ... {END} block to write into", file=sys.stderr)
        return 2
    head, rest = content.split(START, 1)
    doc.write_text(
        head + START + "\n" + text + "\n" + END + rest.split(END, 1)[1], encoding="utf-8"
    )
    return 0


#: Quantities of a share or a rate in the labels' ``other:`` ids.
SHARE_WORDS = ("share", "rate", "mortality_rate")
#: The archival series of the record (counts of persons): a quantity read as one of these is judged.
SERIES = {q for q in QUANTITIES if not q.endswith("_share")}
DEATHS = {q for q in SERIES if q.endswith("_deaths")}
STOCKS = {q for q in SERIES if q.endswith("_population")}


def cause(label: str, read: str, note: str = "") -> str:
    """The kind of a quantity error: what the label counts against what was read.

    Examples
    --------
    >>> cause("other:deportation_death_share", "deportation_deaths")
    'a share read as a count'
    >>> cause("arrests", "executions")
    'one series for another'
    >>> cause("camp_deaths", "gulag_deaths")
    'deaths of one place for another'
    >>> cause("other:deportations", "executions")
    'no series read as a series'
    >>> cause("executions", "deportations")
    'a series read as no series'
    >>> cause("other:released", "releases")
    'no series for another (the ids)'
    >>> cause("executions", "arrests", "quantity carried from the enumeration (shot)")
    'carried along an enumeration'
    """
    if "carried" in note:
        return "carried along an enumeration"
    bare = label.removeprefix("other:")
    if any(w in bare for w in SHARE_WORDS):
        return "a share read as a count"
    if label in SERIES and read in SERIES:
        if label in DEATHS and read in DEATHS:
            return "deaths of one place for another"
        if label in STOCKS and read in STOCKS:
            return "one population for another"
        return "one series for another"
    if label in SERIES:
        return "a series read as no series"
    if read in SERIES:
        return "no series read as a series"
    return "no series for another (the ids)"


def modalities(folders: list[Path]) -> dict[tuple[str, int], str]:
    """The labelled modality of each claim, by document and the start of its mention."""
    out = {}
    for folder in folders:
        texts = {p.stem: p.read_text(encoding="utf-8") for p in folder.glob("*.txt")}
        for row in read_csv(folder / "claims.csv"):
            span = occurrence_span(
                texts[row["doc_id"]], row["mention"], int(row["occurrence"] or 1)
            )
            if span is not None:
                out[row["doc_id"], span[0]] = row["modality"]
    return out


def errors(
    language: str | None, half: int | None, scope: bool = False, mood: bool = False
) -> list[dict[str, str]]:
    """Every dev claim found with the right value and the wrong quantity (or scope), with its cue and sentence."""
    folders = [
        WEB / "dev" / x
        for x in ([language] if language else LANGUAGES)
        if (WEB / "dev" / x / "claims.csv").is_file()
    ]
    sets = [halved(web_labels(f), half) for f in folders]
    texts = {doc: text for t, _ in sets for doc, text in t.items()}
    labels = [lab for _, labs in sets for lab in labs]
    files = [f / f"{doc}.txt" for f, (t, _) in zip(folders, sets, strict=True) for doc in t]
    with tempfile.TemporaryDirectory() as tmp:
        cli(["factcheck", *map(str, files), "--out", tmp])
        rows = read_csv(Path(tmp) / "claims.csv")
    preds = predictions(rows, [], texts)
    moods = modalities(folders) if mood else {}
    out = []
    for i, k in match(labels, preds).items():
        lab, pred, row = labels[i], preds[k], rows[k]
        labelled = moods.get((lab.doc, lab.start), "stated").replace("rate", "stated")
        if mood:
            wrong = labelled != row.get("modality", "")
        else:
            wrong = lab.scope != pred.scope if scope else not quantity_right(lab, pred)
        if value_right(lab, pred) and wrong:
            out.append(
                {
                    "doc": lab.doc,
                    "language": lab.language,
                    "mention": lab.mention,
                    "label": lab.quantity,
                    "read": pred.quantity,
                    "cue": row.get("cue", ""),
                    "note": row.get("note", ""),
                    "sentence": " ".join(row.get("sentence", "").split())[:220],
                    "cause": f"labelled {labelled}, read {row.get('modality', '')}"
                    if mood
                    else f"labelled {lab.scope}, read {pred.scope} {row.get('scope_detail', '')}"
                    if scope
                    else cause(lab.quantity, pred.quantity, row.get("note", "")),
                }
            )
    return out


def quantity_report(what: str, language: str | None, half: int, listed: bool) -> str:
    """The errors of one half of dev by cause and language (``what``: quantity, scope or modality), and each case."""
    found = errors(language, half, what == "scope", what == "modality")
    counts = Counter((e["cause"], e["language"]) for e in found)
    lines = [f"\n{what} errors, dev half {half}:"]
    for c in sorted(
        {c for c, _ in counts}, key=lambda c: -sum(n for (x, _), n in counts.items() if x == c)
    ):
        lines.append(f"{c}: " + ", ".join(f"{lang} {counts[c, lang]}" for lang in LANGUAGES))
    lines.append(f"all: {len(found)}")
    if listed:
        for e in sorted(found, key=lambda e: (e["cause"], e["label"], e["read"])):
            lines.append(
                f"- [{e['cause']}] {e['doc']} {e['mention']!r}: {e['label']} read {e['read']} "
                f"(cue {e['cue']!r}) {e['note']} | {e['sentence']}"
            )
    return "\n".join(lines)


#: The confidence bands of ``--bands``: [low, high).
BANDS = ((0.0, 0.01), (0.01, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def band_found(half: int, language: str) -> list[tuple[str, float, bool]]:
    """(how, period_confidence, period right) for every labelled claim of one half and language of dev
    found with the right value (the frames only: no judging)."""
    texts, labels = halved(web_labels(WEB / "dev" / language), half)
    rows = as_text(claims_frame(dev_frames(texts)))
    preds = predictions(rows, [], texts)
    return [
        (
            rows[k]["period_how"] or "none",
            float(rows[k]["period_confidence"] or 0),
            labels[i].period == preds[k].period,
        )
        for i, k in match(labels, preds).items()
        if value_right(labels[i], preds[k])
    ]


def _band_cell(items: list[bool]) -> str:
    return (
        f"{100 * sum(items) / len(items):.0f} % ({sum(items)}/{len(items)})" if items else "– (0/0)"
    )


def bands_table(results: Mapping[tuple[int, str], list[tuple[str, float, bool]]]) -> str:
    """Period right by way, then by confidence band, for each half and language.

    Examples
    --------
    >>> print(bands_table({(1, "en"): [("span", 0.9, True), ("context", 0.4, False)]}))
    | | half 1 en |
    |---|---|
    | context | 0 % (0/1) |
    | span | 100 % (1/1) |
    | confidence 0.00-0.01 | – (0/0) |
    | confidence 0.01-0.60 | 0 % (0/1) |
    | confidence 0.60-0.70 | – (0/0) |
    | confidence 0.70-0.80 | – (0/0) |
    | confidence 0.80-0.90 | – (0/0) |
    | confidence 0.90-1.00 | 100 % (1/1) |
    | confidence >= 0.6 | 100 % (1/1) |
    | confidence >= 0.8 | 100 % (1/1) |
    | all | 50 % (1/2) |
    """
    cols = sorted(results)
    lines = ["| | " + " | ".join(f"half {h} {lang}" for h, lang in cols) + " |"]
    lines.append("|---" * (len(cols) + 1) + "|")

    def row(name: str, keep) -> str:
        return (
            f"| {name} | "
            + " | ".join(_band_cell([ok for w, p, ok in results[c] if keep(w, p)]) for c in cols)
            + " |"
        )

    for how in sorted({how for r in results.values() for how, _, _ in r}):
        lines.append(row(how, lambda w, p, how=how: w == how))
    for lo, hi in BANDS:
        lines.append(
            row(f"confidence {lo:.2f}-{min(hi, 1.0):.2f}", lambda w, p, lo=lo, hi=hi: lo <= p < hi)
        )
    for lo in (0.6, 0.8):
        lines.append(row(f"confidence >= {lo}", lambda w, p, lo=lo: p >= lo))
    lines.append(row("all", lambda w, p: True))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--write", action="store_true", help="write the table into docs/factcheck.md"
    )
    parser.add_argument("--list", action="store_true", help="also list every verdict measured")
    parser.add_argument(
        "--periods",
        action="store_true",
        help="also list every claim found with a wrong period (half, how, label, read, text, mention)",
    )
    parser.add_argument(
        "--causes",
        action="store_true",
        help="also count why the judgeable claims of each half are not judged right",
    )
    parser.add_argument(
        "--quantities",
        nargs="?",
        const="quantity",
        choices=("quantity", "scope", "modality"),
        help="instead count the claims found with the right value but the wrong quantity (or scope, modality), "
        "by cause and half; with --list, each case with its cue and sentence",
    )
    parser.add_argument(
        "--language", choices=LANGUAGES, help="with --quantities: one language only"
    )
    parser.add_argument(
        "--bands",
        action="store_true",
        help="also print period right by way and by confidence band, for each half and language",
    )
    args = parser.parse_args(argv)
    if args.quantities:
        for h in (1, 2):
            print(quantity_report(args.quantities, args.language, h, args.list))
        return 0
    listed: list[str] | None = [] if args.list else None
    wrong: list[str] | None = [] if args.periods else None
    halves = [counts(h, listed, wrong_periods=wrong) for h in HALVES]
    held, _ = counts(HELD)  # never listed: --list is for tuning, on the halves only
    text = table([v for v, _ in halves], [p for _, p in halves], held)
    print(text)
    if listed:
        print("\nhalf\thow\tkind\tright\tverdict\tlabel\tperiod\ttext\tmention")
        print("\n".join(sorted(listed)))
    if wrong:
        print("\nhalf\thow\tlabel\tread\ttext\tmention")
        print("\n".join(sorted(wrong)))
    if args.causes:
        by_half = [causes(h) for h in (1, 2)]
        print("\n| cause | half 1 en | half 1 ru | half 2 en | half 2 ru | half 1 | half 2 |")
        print("|---|---|---|---|---|---|---|")
        for cause in sorted({c for h in by_half for _, c in h}, key=lambda c: (c == "right", c)):
            n = [h[lang, cause] for h in by_half for lang in ("en", "ru")]
            print(f"| {cause} | {' | '.join(map(str, n))} | {n[0] + n[1]} | {n[2] + n[3]} |")
    if args.bands:
        print(
            "\n"
            + bands_table({(h, lang): band_found(h, lang) for h in (1, 2) for lang in ("en", "ru")})
        )
    return write(text) if args.write else 0


if __name__ == "__main__":
    sys.exit(main())
