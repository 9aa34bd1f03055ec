#!/usr/bin/env python3
"""List the claims of a labelled part found with the right value but the wrong quantity, by cause.

    python tools/quantity_errors.py --part dev [--half 1|2] [--language en|ru] [--list] [--scope]

The fact-checker runs once through its command line, as in ``tools/evaluate_factcheck.py``,
and each labelled claim found with the right value whose quantity differs from its label's
is counted under one cause (:func:`cause`), per language; ``--list`` prints every case with
the cue that gave the quantity and its sentence, to read before changing a rule. ``--scope``
lists the claims whose scope (the whole USSR or a part) differs from the label's instead, and
``--modality`` those whose modality (stated, planned, negated, hypothetical, spread) differs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

from evaluate_factcheck import LANGUAGES, WEB, EvaluationError, cli, halved, read_csv, web_labels
from factcheck_measures import match, occurrence_span, predictions, quantity_right, value_right

#: Quantities of a share or a rate in the labels' ``other:`` ids.
SHARE_WORDS = ("share", "rate", "mortality_rate")
#: The archival series of the record: a quantity read as one of these is judged.
SERIES = {
    "arrests",
    "executions",
    "repressed_total",
    "custodial_deaths",
    "camp_deaths",
    "gulag_deaths",
    "passed_through_gulag",
    "regime_deaths",
    "excess_deaths",
    "famine_deaths",
    "elite_repressed",
    "party_expulsions",
    "camp_population",
    "gulag_population",
    "custodial_population",
    "prison_population",
    "detained_population",
}
DEATHS = {
    "custodial_deaths",
    "camp_deaths",
    "gulag_deaths",
    "regime_deaths",
    "excess_deaths",
    "famine_deaths",
}
STOCKS = {
    "camp_population",
    "gulag_population",
    "custodial_population",
    "prison_population",
    "detained_population",
}


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
    part: str, language: str | None, half: int | None, scope: bool = False, mood: bool = False
) -> list[dict[str, str]]:
    """Every claim found with the right value and the wrong quantity (or scope), with its cue and sentence."""
    folders = [
        WEB / part / x
        for x in ([language] if language else LANGUAGES)
        if (WEB / part / x / "claims.csv").is_file()
    ]
    if not folders:
        raise EvaluationError(f"no labelled texts in {WEB / part}")
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


def main(argv: list[str] | None = None) -> int:
    """Print the quantity errors by cause and language (and each case with ``--list``)."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--part", choices=("dev", "test"), required=True)
    p.add_argument("--language", choices=LANGUAGES)
    p.add_argument("--half", type=int, choices=(1, 2))
    p.add_argument("--list", action="store_true", help="print every case")
    p.add_argument(
        "--scope", action="store_true", help="the scope errors instead of the quantity's"
    )
    p.add_argument("--modality", action="store_true", help="the modality errors instead")
    args = p.parse_args(argv)
    try:
        found = errors(args.part, args.language, args.half, args.scope, args.modality)
    except EvaluationError as exc:
        print(f"quantity_errors: {exc}", file=sys.stderr)
        return 2
    counts = Counter((e["cause"], e["language"]) for e in found)
    for what in sorted(
        {c for c, _ in counts}, key=lambda c: -sum(n for (x, _), n in counts.items() if x == c)
    ):
        print(f"{what}: " + ", ".join(f"{lang} {counts[what, lang]}" for lang in LANGUAGES))
    print(f"all: {len(found)}")
    if args.list:
        for e in sorted(found, key=lambda e: (e["cause"], e["label"], e["read"])):
            print(
                f"- [{e['cause']}] {e['doc']} {e['mention']!r}: {e['label']} read {e['read']} "
                f"(cue {e['cue']!r}) {e['note']} | {e['sentence']}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
