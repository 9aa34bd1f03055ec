"""How far two labellers agree: a second, blind labelling of some test texts, scored like the tool.

A labelled set bounds what any fact-checker can score on it: where two careful people read a
text differently, neither reading is "the truth". So a sample of the test part (every third
text by sorted doc_id, in each language) was labelled a second time, blind to the first labels,
and this script scores the second labeller exactly as ``tools/evaluate_factcheck.py`` scores the
fact-checker (:func:`factcheck_measures.measure`, with the first labels as the truth)::

    python tools/label_agreement.py --part dev tests/data/factcheck_web/agreement_round5_en.csv \\
        tests/data/factcheck_web/agreement_round5_ru.csv

(``--part dev``: round 5's test part joined dev at the start of round 6.)

Only the first labels of the texts the second labeller read are compared. A missing file or a
label whose mention is not in its text is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from evaluate_factcheck import (
    WEB,
    EvaluationError,
    read_csv,
    share,
    web_label,
    web_labels,
)
from factcheck_measures import Label, Measures, Prediction, measure, occurrence_span


def as_prediction(label: Label) -> Prediction:
    """A second labeller's claim in the shape of a fact-checker's prediction.

    >>> lab = Label("d", 0, 7, "681,692", 681692, 681692, False, "executions",
    ...             ("1937-01-01", "1938-12-31"), "whole", "consistent", "en")
    >>> as_prediction(lab).verdict, as_prediction(lab).scope
    ('consistent', 'whole')
    """
    return Prediction(
        doc=label.doc,
        start=label.start,
        end=label.end,
        mention=label.mention,
        low=label.low,
        high=label.high,
        quantity=label.quantity,
        period=label.period,
        scope=label.scope or "whole",
        verdict=label.verdict,
    )


def second_labels(path: Path, texts: dict[str, str], language: str) -> list[Label]:
    """The second labeller's rows, located in the first labeller's copies of the texts.

    Raises
    ------
    EvaluationError
        If the file is missing, or a row's document or mention is not in the texts.
    """
    if not path.is_file():
        raise EvaluationError(
            f"{path}: no such file (expected a claims.csv of the second labeller)"
        )
    labels = []
    for row in read_csv(path):
        doc = row["doc_id"]
        if doc not in texts:
            raise EvaluationError(f"{path}: {doc} is not a text of the part")
        span = occurrence_span(texts[doc], row["mention"], int(row["occurrence"] or 1))
        if span is None:
            raise EvaluationError(
                f"{path}: {doc} has no occurrence {row['occurrence']} of {row['mention']!r}"
            )
        labels.append(web_label(row, span, language))
    return labels


def agreement(part: str, files: Sequence[Path], web: Path = WEB) -> dict[str, Measures]:
    """The second labeller scored against the first, per language (``en``, ``ru``) and in all."""
    columns: dict[str, Measures] = {}
    everything: tuple[list[Label], list[Prediction]] = ([], [])
    for path in files:
        if not path.is_file():
            raise EvaluationError(
                f"{path}: no such file (expected a claims.csv of the second labeller)"
            )
        language = "ru" if path.stem.endswith("_ru") else "en"
        texts, first = web_labels(web / part / language)
        second = second_labels(path, texts, language)
        read = {x.doc for x in second}
        truth = [x for x in first if x.doc in read]
        preds = [as_prediction(x) for x in second]
        columns[language] = measure(truth, preds)
        everything[0].extend(truth)
        everything[1].extend(preds)
    if len(columns) > 1:
        columns["all"] = measure(*everything)
    return columns


ROWS = (
    ("claims of the first labeller the second also labelled, same value", "found", "labels"),
    ("claims of the second labeller the first also labelled", "predictions_matched", "predictions"),
    ("same quantity, of the claims both labelled", "quantity_right", "found"),
    ("same period, of the claims both labelled", "period_right", "found"),
    ("same scope (whole or part), of the claims both labelled", "scope_right", "scope_labels"),
    ("same verdict, of all the first labeller's claims", "verdict_right", "labels"),
    ("same verdict, of the first labeller's judgeable claims", "judgeable_right", "judgeable"),
    ("flags of the second labeller the first did not give", "wrong_flags", "flags"),
)


def table(columns: dict[str, Measures]) -> str:
    """The agreement as a Markdown table, each share with its counts."""
    names = list(columns)
    lines = ["| measure | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for title, n, total in ROWS:
        cells = [share(getattr(columns[c], n), getattr(columns[c], total)) for c in names]
        lines.append(f"| {title} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the agreement table; 2 for bad input."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--part", choices=("dev", "test"), default="test")
    parser.add_argument("files", nargs="+", type=Path, help="agreement_<...>_<en|ru>.csv files")
    args = parser.parse_args(argv)
    try:
        print(table(agreement(args.part, args.files, web=WEB)))
    except EvaluationError as exc:
        print(f"label_agreement: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
