#!/usr/bin/env python3
"""How often the period of a claim found is right, by how it was found and by its confidence, on each half of dev.

    python tools/period_bands.py            # period right by way and by confidence band, half 1 and half 2
    python tools/period_bands.py --seed     # and on the seed set (its labels carry no period_how)

The fact-checker reads the dev texts of the labelled web set (no judging: the frames only); each claim
found with the right value (as ``tools/evaluate_factcheck.py`` matches them) counts as right where its
period has the label's first and last day. A ``period_confidence`` that means something is high where
the period is right and low where it is wrong: the bands show it (round 7, issue 20).
"""

from __future__ import annotations

import argparse
import sys

from evaluate_factcheck import WEB, halved, web_labels
from factcheck_measures import match, predictions, value_right
from gulagstats.factcheck.judgment import claims_frame
from gulagstats.factcheck.read import read_source
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text

#: The confidence bands: [low, high).
BANDS = ((0.0, 0.01), (0.01, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def found(half: int, language: str) -> list[tuple[str, float, bool]]:
    """(how, period_confidence, period right) for every labelled claim of one half and language found
    with the right value."""
    texts, labels = halved(web_labels(WEB / "dev" / language), half)
    data = load_resources()
    frames = []
    for doc in sorted(texts):
        read = read_source(WEB / "dev" / language / f"{doc}.txt")
        frames += check_text(read.text, read.name, data).frames
    rows = [
        {k: "" if v is None else str(v) for k, v in r.items()}
        for r in claims_frame(frames).to_dict("records")
    ]
    preds = predictions(rows, [], texts)
    out = []
    for i, k in match(labels, preds).items():
        lab, pred = labels[i], preds[k]
        if value_right(lab, pred):
            out.append(
                (
                    rows[k]["period_how"] or "none",
                    float(rows[k]["period_confidence"] or 0),
                    lab.period == pred.period,
                )
            )
    return out


def _cell(items: list[bool]) -> str:
    return (
        f"{100 * sum(items) / len(items):.0f} % ({sum(items)}/{len(items)})" if items else "– (0/0)"
    )


def table(results: dict[tuple[int, str], list[tuple[str, float, bool]]]) -> str:
    """Period right by way, then by confidence band, for each half and language."""
    cols = sorted(results)
    head = "| | " + " | ".join(f"half {h} {lang}" for h, lang in cols) + " |"
    lines = [head, "|---" * (len(cols) + 1) + "|"]
    hows = sorted({how for r in results.values() for how, _, _ in r})
    for how in hows:
        lines.append(
            f"| {how} | "
            + " | ".join(_cell([ok for w, _, ok in results[c] if w == how]) for c in cols)
            + " |"
        )
    for lo, hi in BANDS:
        label = f"confidence {lo:.2f}-{min(hi, 1.0):.2f}"
        lines.append(
            f"| {label} | "
            + " | ".join(_cell([ok for _, p, ok in results[c] if lo <= p < hi]) for c in cols)
            + " |"
        )
    for lo in (0.6, 0.8):
        lines.append(
            f"| confidence >= {lo} | "
            + " | ".join(_cell([ok for _, p, ok in results[c] if p >= lo]) for c in cols)
            + " |"
        )
    lines.append(
        "| all | " + " | ".join(_cell([ok for _, _, ok in results[c]]) for c in cols) + " |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    results = {(h, lang): found(h, lang) for h in (1, 2) for lang in ("en", "ru")}
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
