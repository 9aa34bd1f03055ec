#!/usr/bin/env python3
"""Measure ``gulagstats factcheck`` against hand labels: the web set (dev, test) or the seeds.

    python tools/evaluate_factcheck.py --part dev                # prints the measures
    python tools/evaluate_factcheck.py --part dev --language en  # one language only
    python tools/evaluate_factcheck.py --part dev --details      # and the misses, extras, wrong verdicts
    python tools/evaluate_factcheck.py --part dev --write        # and writes them into docs/factcheck.md
    python tools/evaluate_factcheck.py --part seed               # the regression set of the seed texts
    python tools/evaluate_factcheck.py --part held               # dev's held-out rounds (the lead's)
    python tools/evaluate_factcheck.py --part dev --contradictions  # and whether each contradiction is real

The web set is ``tests/data/factcheck_web/<part>/<language>/`` (texts, ``documents.csv``,
``claims.csv``; see its README). The fact-checker runs through its command line
(``gulagstats factcheck FILES --out TMP``) and ``TMP/claims.csv`` (and ``verdicts.csv``) are
read back. A predicted claim matches a label of the same document whose character span it
overlaps (one to one, the closest value first). Tuning happens on ``dev`` only; ``test`` is
scored once, at the end, by the lead (issue 20). ``held`` is the part of ``dev/`` held out of the
tuning (:data:`HELD_OUT_ROUNDS`: round 11's spent test part, since round 12), measured by the lead. ``--write`` replaces only the columns of the
part it ran, so writing ``dev`` never runs or shows ``test``.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from factcheck_measures import (
    Label,
    Measures,
    Prediction,
    match,
    measure,
    normalise_period,
    number,
    occurrence_span,
    occurrences,
    overlap,
    predictions,
    standalone,
    value_right,
    verdict_of,
)

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "tests" / "data" / "factcheck_web"
SEED_LABELS = ROOT / "tests" / "data" / "factcheck_labels.csv"
DOC = ROOT / "docs" / "factcheck.md"
START, END = "<!-- evaluation:start -->", "<!-- evaluation:end -->"
DATA_TAG = "<!-- evaluation-data "
PARTS = ("dev", "held", "test", "seed")
#: Rounds whose texts sit in ``dev/`` but are held out of the tuning (since round 12): round 11's spent
#: test part, from which no rule was written directly (its misses were described in round 12, so the check
#: is weaker than an unseen part's). ``--part dev`` leaves them out; ``--part held`` measures them alone, and
#: ``tools/calibrate_verdicts.py`` checks the gate on them (docs/factcheck.md, "Round 13's start").
HELD_OUT_ROUNDS = frozenset({11})
LANGUAGES = ("en", "ru")
#: The goals of issue 20 (measured on the test part).
GOALS = {
    "recall": ">= 85 % (ru >= 60 %)",
    "precision": ">= 95 %",
    "period": ">= 85 %",
    "verdict": ">= 70 %",
    "wrong_flags": "<= 10 %",
}


class EvaluationError(Exception):
    """An input the evaluation cannot use: one line for the person running it."""


# --- the labels ---------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a UTF-8 CSV file."""
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def web_labels(folder: Path, held: bool | None = False) -> tuple[dict[str, str], list[Label]]:
    """The texts of one ``<part>/<language>`` folder and its labels, located by occurrence.

    In a ``dev`` folder, ``held`` picks the texts of :data:`HELD_OUT_ROUNDS` (``True``), the others
    (``False``, what is tuned on) or all (``None``); other folders are read whole.

    Raises
    ------
    EvaluationError
        If the folder lacks its files, or a label's mention is not in its text.
    """
    if not (folder / "documents.csv").is_file() or not (folder / "claims.csv").is_file():
        raise EvaluationError(f"{folder} has no documents.csv and claims.csv")
    every = read_csv(folder / "documents.csv")
    documents = every
    if folder.parent.name == "dev" and held is not None:
        held_out = {str(r) for r in HELD_OUT_ROUNDS}
        documents = [d for d in every if (d.get("round") in held_out) == held]
    texts = {
        d["doc_id"]: (folder / f"{d['doc_id']}.txt").read_text(encoding="utf-8") for d in documents
    }
    language = {d["doc_id"]: d["language"] for d in documents}
    everyone = {d["doc_id"] for d in every}
    labels = []
    for row in read_csv(folder / "claims.csv"):
        doc = row["doc_id"]
        if doc in everyone and doc not in texts:
            continue  # a text of the other side of the held-out line
        if doc not in texts:
            raise EvaluationError(f"{folder / 'claims.csv'}: {doc} is not in documents.csv")
        span = occurrence_span(texts[doc], row["mention"], int(row["occurrence"] or 1))
        if span is None:
            raise EvaluationError(
                f"{folder / 'claims.csv'}: {doc} has no occurrence {row['occurrence']} of {row['mention']!r}"
            )
        labels.append(web_label(row, span, language[doc]))
    return texts, labels


def halved(
    labelled: tuple[dict[str, str], list[Label]], half: int | None
) -> tuple[dict[str, str], list[Label]]:
    """Every other text (by sorted doc_id) and its labels; all of them for ``half=None``.

    >>> halved(({"b": "", "a": "", "c": ""}, []), 1)
    ({'a': '', 'c': ''}, [])
    """
    texts, labels = labelled
    if half is None:
        return texts, labels
    kept = {doc: texts[doc] for i, doc in enumerate(sorted(texts)) if i % 2 == half - 1}
    return kept, [x for x in labels if x.doc in kept]


def web_label(row: dict[str, str], span: tuple[int, int], language: str) -> Label:
    """One row of a web ``claims.csv`` as a label."""
    low, high = number(row["value_low"]), number(row["value_high"])
    if low is None or high is None:
        raise EvaluationError(
            f"{row['doc_id']} {row['mention']!r}: value_low and value_high are required"
        )
    return Label(
        doc=row["doc_id"],
        start=span[0],
        end=span[1],
        mention=row["mention"],
        low=low,
        high=high,
        vague="vague" in row.get("note", ""),
        quantity=row["quantity"],
        period=(row["period_start"] or None, row["period_end"] or None),
        scope="whole" if row["scope"] == "whole" else "part",
        verdict=row["expected_verdict"],
        language=language,
    )


def seed_labels(seeds: Path, labels_csv: Path) -> tuple[dict[str, str], list[Label]]:
    """The seed texts and their 145 labels (file, line, mention ...), each located on its line.

    The seed labels have no hand verdict: each is judged as labelled (quantity, value, period)
    through ``gulagstats assess``, so the seed column measures reading, not the labeller.
    """
    paths = sorted(seeds.glob("00[0-4]_*.txt"))
    if not paths:
        raise EvaluationError(f"the seed texts are absent from {seeds}: set GULAGSTATS_SEEDS")
    texts = {p.stem: p.read_text(encoding="utf-8").replace("\r\n", "\n") for p in paths}
    stems = {stem[:3]: stem for stem in texts}
    rows = read_csv(labels_csv)
    labels: list[Label] = []
    taken: set[tuple[int, int]] = set()
    for row, verdict in zip(rows, assess_rows(rows), strict=True):
        doc = stems[row["file"].zfill(3)]
        span = seed_span(texts[doc], int(row["line"]), row["mention"], taken)
        low, high = number(row["low"]), number(row["high"])
        ends = (low if low is not None else high, high if high is not None else low)
        labels.append(
            Label(
                doc,
                span[0],
                span[1],
                row["mention"],
                ends[0] or 0.0,
                ends[1] or 0.0,
                ends[0] is None,
                row["quantity"],
                normalise_period(row["period"]),
                None,
                verdict,
                "en",
            )
        )
    return texts, labels


def seed_span(text: str, line: int, mention: str, taken: set[tuple[int, int]]) -> tuple[int, int]:
    """The span of ``mention`` on a 1-based line: the first occurrence that overlaps no span
    already given to a label, standing alone where possible (``36`` not inside ``1936``)."""
    offset = sum(len(x) + 1 for x in text.split("\n")[: line - 1])
    body = text.split("\n")[line - 1]
    free = [
        offset + at
        for at in occurrences(body, mention)
        if not any(overlap((offset + at, offset + at + len(mention)), span) for span in taken)
    ]
    if not free:
        raise EvaluationError(f"seed label {mention!r} is not on line {line}")
    alone = [at for at in free if standalone(text, at, at + len(mention))]
    span = ((alone or free)[0], (alone or free)[0] + len(mention))
    taken.add(span)
    return span


def assess_rows(rows: Sequence[dict[str, str]]) -> list[str]:
    """The verdict of each seed label as labelled, through ``gulagstats assess --file``."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "labels.csv"
        with open(path, "w", newline="", encoding="utf-8") as handle:
            w = csv.writer(handle)
            w.writerow(["id", "quantity", "low", "high", "period"])
            for i, r in enumerate(rows):
                w.writerow([i, r["quantity"], r["low"], r["high"], r["period"]])
        out = cli(["assess", "--file", str(path), "--format", "csv"])
    return [verdict_of(r["verdict"]) for r in csv.DictReader(out.splitlines())]


# --- the predictions ----------------------------------------------------------------------------


def cli(args: Sequence[str]) -> str:
    """Run ``gulagstats ARGS`` as a process (the public interface); its standard output."""
    done = subprocess.run(
        [sys.executable, "-m", "gulagstats", *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise EvaluationError(f"gulagstats {args[0]} failed (exit {done.returncode}): {first}")
    return done.stdout


def run_factcheck(files: Sequence[Path], texts: dict[str, str]) -> list[Prediction]:
    """Fact-check the files through the command line and read its claims back."""
    with tempfile.TemporaryDirectory() as tmp:
        cli(["factcheck", *map(str, files), "--out", tmp])
        claims = read_csv(Path(tmp) / "claims.csv")
        verdicts_csv = Path(tmp) / "verdicts.csv"
        verdicts = read_csv(verdicts_csv) if verdicts_csv.is_file() else []
    return predictions(claims, verdicts, texts)


def why_not_real(first: Label | None, second: Label | None) -> str:
    """Whether two labelled claims a contradiction pairs are one fact told two ways that cannot both hold
    ("" if so: the same quantity, the same period, both of the whole USSR, values more than 15 % apart), else why not.

    >>> lab = Label("a", 0, 1, "1 million", 1e6, 1e6, False, "executions", ("1937-01-01", "1938-12-31"), "whole", "x", "en")
    >>> why_not_real(lab, Label(**{**lab.__dict__, "low": 681692.0, "high": 681692.0}))
    ''
    >>> why_not_real(lab, Label(**{**lab.__dict__, "scope": "part"}))
    'a part'
    """
    if first is None or second is None:
        return "a claim that is no label, or read with another value"
    if first.quantity != second.quantity:
        return "the labels' quantities differ"
    if first.period != second.period:
        return "the labels' periods differ"
    if first.scope != "whole" or second.scope != "whole":
        return "a part"
    low, high = sorted((first, second), key=lambda x: x.low)
    return "" if high.low > low.high * 1.15 else "the labelled values meet"


def contradictions_of(part: str, half: int | None = None, web: Path = WEB) -> list[str]:
    """Every contradiction the fact-checker finds between the texts of ``part`` (both languages, one run), one
    line each: ``real`` or why not (:func:`why_not_real`), the quantity, period and the two mentions."""
    where = "dev" if part == "held" else part
    folders = [web / where / x for x in LANGUAGES if (web / where / x / "claims.csv").is_file()]
    sets = [halved(web_labels(folder, part == "held"), half) for folder in folders]
    texts = {doc: text for t, _ in sets for doc, text in t.items()}
    labels = [x for _, lab in sets for x in lab]
    files = [f / f"{doc}.txt" for f, (t, _) in zip(folders, sets) for doc in t]
    with tempfile.TemporaryDirectory() as tmp:
        cli(["factcheck", *map(str, files), "--out", tmp])
        claims = read_csv(Path(tmp) / "claims.csv")
        pairs = read_csv(Path(tmp) / "contradictions.csv")
    preds = predictions(claims, [], texts)
    label_of = {
        k: labels[i] for i, k in match(labels, preds).items() if value_right(labels[i], preds[k])
    }
    by_id = {row["id"]: k for k, row in enumerate(claims)}
    out = []
    for pair in pairs:
        a, b = (label_of.get(by_id.get(pair[end], -1)) for end in ("first", "second"))
        why = why_not_real(a, b) or "real"
        out.append(
            f"{why}\t{pair['quantity']}\t{pair['period']}\t{pair['first_mention']}\t{pair['second_mention']}"
        )
    return out


# --- one part -------------------------------------------------------------------------------------


def evaluate_part(
    part: str,
    languages: Iterable[str],
    web: Path = WEB,
    seeds: Path | None = None,
    half: int | None = None,
) -> dict[str, Measures]:
    """The measures of one part: a column per language (and ``all`` when there are several).

    ``half`` (1 or 2) keeps every other text of each language, by sorted doc_id (the first,
    third, ... for 1): a rule tuned on dev should help both halves, not one.

    Raises
    ------
    EvaluationError
        For a part or language with no labelled texts, absent seed texts, or a failing run.
    """
    if part == "seed":
        folder = seeds or seed_dir()
        texts, labels = seed_labels(folder, SEED_LABELS)
        preds = run_factcheck([folder / f"{stem}.txt" for stem in texts], texts)
        return {"seed": stamp(measure(labels, preds))}
    where = "dev" if part == "held" else part
    folders = [web / where / x for x in languages if (web / where / x / "claims.csv").is_file()]
    if not folders:
        raise EvaluationError(f"no labelled texts in {web / where} for {', '.join(languages)}")
    sets = {folder.name: halved(web_labels(folder, part == "held"), half) for folder in folders}
    texts = {doc: text for t, _ in sets.values() for doc, text in t.items()}
    files = [folder / f"{doc}.txt" for folder in folders for doc in sets[folder.name][0]]
    preds = run_factcheck(files, texts)
    columns = {}
    for lang, (t, labels) in sets.items():
        own = [p for p in preds if p.doc in t]
        columns[f"{part} {lang}"] = stamp(measure(labels, own))
    if len(sets) > 1:
        columns[f"{part} all"] = stamp(measure([x for _, lab in sets.values() for x in lab], preds))
    return columns


def seed_dir() -> Path:
    """Where the seed texts are: $GULAGSTATS_SEEDS or ../shared/seeds."""
    return Path(os.environ.get("GULAGSTATS_SEEDS") or ROOT.parent / "shared" / "seeds")


def stamp(m: Measures) -> Measures:
    """Note when and at which commit a column was measured."""
    done = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    commit = done.stdout.strip() or "unknown commit"
    m.measured = f"{datetime.date.today().isoformat()}, {commit}"
    return m


# --- the table and the document ------------------------------------------------------------------


def share(n: int, total: int) -> str:
    """A share with the counts behind it.

    >>> share(3, 4), share(0, 0)
    ('75.0 % (3/4)', '– (0/0)')
    """
    return (
        f"{n / total:.1%}".replace("%", " %") + f" ({n}/{total})" if total else f"– ({n}/{total})"
    )


ROWS = (
    ("recall: labelled claims found with the right value", "found", "labels", "recall"),
    (
        "precision: predicted claims that are labelled claims",
        "predictions_matched",
        "predictions",
        "precision",
    ),
    ("quantity right, of the claims found", "quantity_right", "found", ""),
    ("period right, of the claims found", "period_right", "found", "period"),
    ("scope right (whole or part), of the claims found", "scope_right", "scope_labels", ""),
    ("verdict right end to end, of all labelled claims", "verdict_right", "labels", "verdict"),
    (
        "verdict right, of the labelled claims the record can judge (not not_judged)",
        "judgeable_right",
        "judgeable",
        "",
    ),
    ("wrong overstates/understates, of all such flags", "wrong_flags", "flags", "wrong_flags"),
)


def column_order(name: str) -> tuple[int, int]:
    """Columns by part (dev, test, seed), then language (en, ru, all).

    >>> sorted(["test en", "dev all", "seed", "dev ru", "dev en"], key=column_order)
    ['dev en', 'dev ru', 'dev all', 'test en', 'seed']
    """
    part, _, language = name.partition(" ")
    return (PARTS.index(part), (*LANGUAGES, "all").index(language or "all"))


def table(columns: dict[str, dict[str, Any]]) -> str:
    """The measures as a Markdown table, one column per part and language."""
    names = sorted(columns, key=column_order)
    lines = [
        "| measure | " + " | ".join(names) + " | goal (test) |",
        "|---" * (len(names) + 2) + "|",
    ]
    for title, num, den, goal in ROWS:
        cells = [share(int(columns[c].get(num, 0)), int(columns[c].get(den, 0))) for c in names]
        lines.append(f"| {title} | " + " | ".join(cells) + f" | {GOALS.get(goal, '')} |")
    lines.append(
        "| predicted claims not located in their text | "
        + " | ".join(str(columns[c]["unlocated"]) for c in names)
        + " | |"
    )
    lines.append(
        "| measured (date, commit) | "
        + " | ".join(str(columns[c]["measured"]) for c in names)
        + " | |"
    )
    return "\n".join(lines) + "\n"


def write_doc(doc: Path, new: dict[str, Measures]) -> dict[str, dict[str, Any]]:
    """Replace the columns of the parts just measured in the doc's table, keeping the others.

    Raises
    ------
    EvaluationError
        If the doc lacks the evaluation markers.
    """
    text = doc.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise EvaluationError(f"{doc} has no {START} ... {END} markers")
    head, rest = text.split(START, 1)
    body, tail = rest.split(END, 1)
    columns: dict[str, dict[str, Any]] = {}
    if DATA_TAG in body:
        columns = json.loads(body.split(DATA_TAG, 1)[1].split(" -->", 1)[0])
    parts = {name.split()[0] for name in new}
    columns = {k: v for k, v in columns.items() if k.split()[0] not in parts}
    for name, m in new.items():
        columns[name] = {k: v for k, v in asdict(m).items() if not isinstance(v, list)}
    data = json.dumps(columns, sort_keys=True)
    doc.write_text(
        f"{head}{START}\n{DATA_TAG}{data} -->\n\n{table(columns)}\n{END}{tail}", encoding="utf-8"
    )
    return columns


def details(columns: dict[str, Measures]) -> str:
    """The misses, the extra claims and the wrong verdicts of each column (for tuning on dev)."""
    out = []
    for name, m in columns.items():
        for title, items in (
            ("misses", m.misses),
            ("claims that are not labels", m.extras),
            ("wrong verdicts", m.wrong_verdicts),
        ):
            out.append(f"\n### {name}: {title} ({len(items)})\n")
            out += [f"- {x}" for x in items]
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Measure one part and print (and with ``--write`` record) its table; 2 for bad input."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--part",
        choices=PARTS,
        required=True,
        help="dev (what is tuned on), held (dev's held-out rounds: the lead's), test or seed",
    )
    parser.add_argument("--language", choices=LANGUAGES, help="one language (default: all present)")
    parser.add_argument(
        "--write", action="store_true", help=f"write the table into {DOC.relative_to(ROOT)}"
    )
    parser.add_argument(
        "--details", action="store_true", help="also list misses, extras and wrong verdicts"
    )
    parser.add_argument(
        "--half", type=int, choices=(1, 2), help="every other text by sorted doc_id (dev only)"
    )
    parser.add_argument(
        "--contradictions",
        action="store_true",
        help="also list each contradiction found across the part's texts and whether the labels hold it real",
    )
    args = parser.parse_args(argv)
    if args.half and (args.part != "dev" or args.write):
        print("evaluate_factcheck: --half is for dev, without --write", file=sys.stderr)
        return 2
    languages = [args.language] if args.language else list(LANGUAGES)
    if args.part in ("test", "held"):
        print(
            f"scoring the {args.part} part: the lead does this, at the end (issue 20)",
            file=sys.stderr,
        )
    try:
        columns = evaluate_part(args.part, languages, web=WEB, half=args.half)
        shown = {
            k: {f: v for f, v in asdict(m).items() if not isinstance(v, list)}
            for k, m in columns.items()
        }
        print(table(shown))
        if args.details:
            print(details(columns))
        if args.contradictions and args.part != "seed":
            found = contradictions_of(args.part, args.half)
            real = sum(x.startswith("real\t") for x in found)
            print(
                f"\ncontradictions: {real} of {len(found)} real (same quantity, period, whole scope in the labels)"
            )
            print("\n".join(sorted(found)))
        if args.write:
            write_doc(DOC, columns)
            print(f"wrote the {args.part} column(s) into {DOC}")
    except EvaluationError as exc:
        print(f"evaluate_factcheck: {exc}", file=sys.stderr)
        return 2
    return 0


def run(argv: Sequence[str] | None = None) -> int:
    """:func:`main`, quiet when its reader stops early (``... | head``): the rest of the output is
    dropped, with no traceback (the standard library's advice: standard output to ``os.devnull``)."""
    try:
        status = main(argv)
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(run())
