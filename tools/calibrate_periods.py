#!/usr/bin/env python3
"""How often the fact-checker's period is right, by how it was found, on each half of dev.

    python tools/calibrate_periods.py            # prints the table
    python tools/calibrate_periods.py --list     # and lists every wrong period (label / read)

The fact-checker runs through its command line on the dev texts of the labelled web set
(``tests/data/factcheck_web/dev/``); its claims are matched to the labels as
``tools/evaluate_factcheck.py`` matches them, and for every claim found with the right value
the period is compared with the label's (the same first and last day). The claims are counted
by ``period_how`` (own clause, span, named period, sentence, context, ...) and by half of dev
(every other text by sorted doc_id). Since round 6 the ways that may support a verdict are
calibrated on the verdicts themselves (``tools/calibrate_verdicts.py``, whose table in
docs/factcheck.md carries these period shares beside the verdicts'); this table, with
``--list``, is for finding where periods go wrong.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from evaluate_factcheck import WEB, cli, halved, read_csv, web_labels
from factcheck_measures import match, predictions, value_right


def counts(half: int, wrong: list[str] | None = None) -> dict[str, tuple[int, int]]:
    """period_how -> (claims found with the right value, of them with the right period), one half of dev.

    ``wrong``, when given, gets one line for each claim whose period is wrong: the half, how the
    period was found, the label's period, the one read, the text and the mention.
    """
    sets = [halved(web_labels(WEB / "dev" / lang), half) for lang in ("en", "ru")]
    texts = {doc: text for t, _ in sets for doc, text in t.items()}
    labels = [x for _, lab in sets for x in lab]
    files = [WEB / "dev" / doc[:2] / f"{doc}.txt" for doc in sorted(texts)]
    with tempfile.TemporaryDirectory() as tmp:
        cli(["factcheck", *map(str, files), "--out", tmp])
        claims = read_csv(Path(tmp) / "claims.csv")
    preds = predictions(claims, [], texts)
    out: dict[str, tuple[int, int]] = {}
    for i, k in match(labels, preds).items():
        lab, pred = labels[i], preds[k]
        if not value_right(lab, pred):
            continue
        how = claims[k]["period_how"] or "none"
        n, right = out.get(how, (0, 0))
        out[how] = (n + 1, right + (lab.period == pred.period))
        if wrong is not None and lab.period != pred.period:
            wrong.append(
                f"{half}\t{how}\t{'/'.join(map(str, lab.period))}\t{'/'.join(map(str, pred.period))}\t{lab.doc}\t{lab.mention}"
            )
    return out


def table(halves: list[dict[str, tuple[int, int]]]) -> str:
    """The calibration table in Markdown."""
    hows = sorted(
        {h for c in halves for h in c}, key=lambda h: -sum(c.get(h, (0, 0))[0] for c in halves)
    )
    lines = [
        "| how the period was found | half 1: right / found | half 2: right / found |",
        "|---|---|---|",
    ]
    for how in hows:
        cells = []
        for c in halves:
            n, right = c.get(how, (0, 0))
            cells.append(f"{100 * right / n:.0f} % ({right}/{n})" if n else "– (0/0)")
        lines.append(f"| {how} | {cells[0]} | {cells[1]} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--list",
        action="store_true",
        help="also list every wrong period (half, how, label, read, text, mention)",
    )
    args = parser.parse_args(argv)
    wrong: list[str] | None = [] if args.list else None
    text = table([counts(1, wrong), counts(2, wrong)])
    print(text)
    if wrong:
        print("\nhalf\thow\tlabel\tread\ttext\tmention")
        print("\n".join(sorted(wrong)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
