#!/usr/bin/env python3
"""Measure ``gulagstats factcheck`` on the labelled seed set; write it into docs/factcheck.md.

    python tools/evaluate_factcheck.py           # rewrites the evaluation in docs/factcheck.md
    python tools/evaluate_factcheck.py --print   # prints it only

The labelled set is tests/data/factcheck_labels.csv (read by hand from the
seed texts in $GULAGSTATS_SEEDS or ../shared/seeds); the measure is
:func:`gulagstats.factcheck.evaluate.evaluate`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd

from gulagstats.factcheck.evaluate import evaluate
from gulagstats.factcheck.run import factcheck

ROOT = Path(__file__).resolve().parents[1]
#: The seed texts are not in the repository (copyright): $GULAGSTATS_SEEDS or ../shared/seeds.
SEEDS = sorted(
    Path(os.environ.get("GULAGSTATS_SEEDS") or ROOT.parent / "shared" / "seeds").glob("00[0-4]_*.txt")
)
LABELS = ROOT / "tests" / "data" / "factcheck_labels.csv"
DOC = ROOT / "docs" / "factcheck.md"
START, END = "<!-- evaluation:start -->", "<!-- evaluation:end -->"


def table(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "(none)\n"
    cols = list(frame.columns)
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for _, r in frame.iterrows():
        lines.append(
            "| " + " | ".join(str(r[c]).replace("|", "/").replace("\n", " ") for c in cols) + " |"
        )
    return "\n".join(lines) + "\n"


def section() -> str:
    labels = pd.read_csv(LABELS, dtype=str, keep_default_na=False)
    result = factcheck(SEEDS)
    e = evaluate(labels, result.claims)
    p = e.pairs
    per_file = []
    for f in sorted(labels["file"].unique()):
        lab = int((labels["file"] == f).sum())
        got = int((p["file"] == f).sum()) if len(p) else 0
        made = sum(1 for c in result.claims if c.file.startswith(f))
        per_file.append({"seed": f, "labels": lab, "claims": made, "matched": got})
    out = [
        f"Labelled claims: **{e.labels}**; claims extracted: **{e.claims}**; "
        f"matched: **{e.matched}**.",
        "",
        "| measure | value | goal |",
        "|---|---|---|",
        f"| recall (labels found) | **{e.recall:.1%}** | >= 90 % |",
        f"| precision (claims that are labels) | **{e.precision:.1%}** | >= 80 % |",
        f"| quantity agreement (matched) | {e.quantity_agreement:.1%} | |",
        f"| period agreement (matched; ISO forms compared) | {e.period_agreement:.1%} | |",
        f"| attribution agreement (matched) | {e.attribution_agreement:.1%} | |",
        "| verdict agreement (matched: as labelled vs as read, both through assess) | "
        f"{e.verdict_agreement:.1%} | |",
        "",
        table(pd.DataFrame(per_file)),
        "### Misses (labels not found)",
        "",
        table(e.misses[["file", "line", "mention", "quantity", "note"]]),
        "### False positives (claims that are not labels)",
        "",
        table(e.false_positives[["file", "line", "mention", "quantity", "sentence"]]),
        "### Quantity read otherwise than labelled",
        "",
        table(
            p[p["label_quantity"] != p["claim_quantity"]][
                ["file", "line", "mention", "label_quantity", "claim_quantity"]
            ]
        ),
        "### Verdicts that differ (label as written vs claim as read)",
        "",
        table(
            p[p["label_verdict"] != p["claim_verdict"]][
                [
                    "file",
                    "line",
                    "mention",
                    "label_quantity",
                    "label_period",
                    "claim_quantity",
                    "claim_period",
                    "label_verdict",
                    "claim_verdict",
                ]
            ]
        ),
        "### Contradictions found between the seed texts",
        "",
        table(
            result.contradictions[
                [
                    "quantity",
                    "first_file",
                    "first_line",
                    "first_mention",
                    "first_period",
                    "second_file",
                    "second_line",
                    "second_mention",
                    "second_period",
                    "scope",
                ]
            ]
        ),
    ]
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--print", action="store_true", help="print the section, do not write the doc"
    )
    args = parser.parse_args()
    text = section()
    if args.print:
        print(text)
        return 0
    doc = DOC.read_text(encoding="utf-8")
    if START not in doc or END not in doc:
        print(f"{DOC} has no {START} ... {END} markers", file=sys.stderr)
        return 2
    head, rest = doc.split(START, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")
    print(f"wrote the evaluation into {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
