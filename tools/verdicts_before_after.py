#!/usr/bin/env python3
"""Every published estimate's verdict, and every finding's grade, before and after issue 22, as Markdown.

Runs ``gulagstats compare --format csv`` twice: on the base commit (extracted
with ``git archive`` into a temporary directory, run with that tree's own
source and data) and on the working tree, then joins the two by estimate id,
with the bound and the sensitivity of the after side and the mark the
historian's review gave each verdict (``--marks``: a review whose section 2
has the table ``| # | id | quantity | period | verdict, factor | mark |``).
The reason for a change is taken from the after side: the estimate's reading
(``data/estimate_readings.csv``), its bound, the scope it was also set against,
or the factor rule; an unchanged verdict needs no reason.  ``--checks`` gives
the grades of ``gulagstats check``'s findings instead (each tree's own
``gulagstats.checks.grade.findings``), after the review's items about ``check``
(``tools/verdicts_review2.csv``: the item, the check, what the toolkit said
when the review ran, the argument) with what it says now, computed; that
table is also the count ``review2-checks`` of ``tools/counts.py``, so
``tests/test_docs_counts.py`` fails when docs/verdicts.md holds a stale one.

Usage
-----
    python tools/verdicts_before_after.py [--base 53a9dc6] [--marks REVIEW.md] [--checks] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def compare_csv(src: Path) -> list[dict[str, str]]:
    """``gulagstats compare --format csv`` run on the source tree ``src`` (its package and data)."""
    env = dict(os.environ, PYTHONPATH=str(src / "src"))
    env.pop("GULAGSTATS_DATA", None)
    out = subprocess.run(
        [sys.executable, "-m", "gulagstats", "compare", "--format", "csv"],
        cwd=src,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return list(csv.DictReader(io.StringIO(out)))


GRADES_SCRIPT = (
    "import json, gulagstats\n"
    "from gulagstats.checks.grade import findings\n"
    "results = getattr(gulagstats, 'check_results', gulagstats.check)()  # check() is a DataFrame since users-a\n"
    "print(json.dumps({f.result.id: [f.grade, *f.same_as] for f in findings(results)}))\n"
)


def grades_of(src: Path) -> dict[str, list[str]]:
    """The graded findings of ``gulagstats check`` on the source tree ``src``: id -> [grade, repeats...]."""
    env = dict(os.environ, PYTHONPATH=str(src / "src"))
    env.pop("GULAGSTATS_DATA", None)
    out = subprocess.run([sys.executable, "-c", GRADES_SCRIPT], cwd=src, env=env, capture_output=True,
                         text=True, check=True).stdout
    found: dict[str, list[str]] = json.loads(out)
    return found


VERDICTS_SCRIPT = (
    "import json, gulagstats\n"
    "print(json.dumps({r.id: r.verdict for r in gulagstats.check_results()}))\n"
)


def verdicts_of(src: Path) -> dict[str, str]:
    """Every check's verdict of ``gulagstats check`` on the source tree ``src``."""
    env = dict(os.environ, PYTHONPATH=str(src / "src"))
    env.pop("GULAGSTATS_DATA", None)
    out = subprocess.run([sys.executable, "-c", VERDICTS_SCRIPT], cwd=src, env=env, capture_output=True,
                         text=True, check=True).stdout
    found: dict[str, str] = json.loads(out)
    return found


def marks_of(review: Path | None) -> dict[str, str]:
    """The review's mark (A, W, D) of each estimate id, from its table of verdicts ({} without a review)."""
    if review is None or not review.exists():
        return {}
    rows = re.findall(r"^\| \d+ \| ([\w-]+) \|.*\| ([AWD]) \|$", review.read_text(encoding="utf-8"), flags=re.M)
    return dict(rows)


def base_tree(commit: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def verdict_text(row: dict[str, str] | None) -> str:
    if row is None:
        return "(absent)"
    verdict = row["verdict"] or "context"
    factor = row.get("factor") or ""
    high = row.get("factor_high") or ""
    if factor and high and high != factor:
        return f"{verdict} {float(factor):.1f}-{float(high):.1f}"
    return f"{verdict} {float(factor):.1f}" if factor else verdict


def reason(before: dict[str, str] | None, after: dict[str, str]) -> str:
    if before is not None and verdict_text(before) == verdict_text(after):
        return ""
    parts = []
    if after.get("reading"):
        parts.append(after["reading"])
    words = {
        "floor": "the record documents a floor" + (f" (it lacks {after['lacks']})" if after.get("lacks") else ""),
        "ceiling": "the record documents a ceiling",
        "between": "the record gives a range: a floor and a ceiling",
    }
    if after.get("bound") in words:
        parts.append(words[after["bound"]])
    if after.get("sensitivity") not in ("", "stable", None):
        parts.append(f"{after['sensitivity']}: {after.get('verdict_range', '')}")
    if after.get("also_against"):
        parts.append("also against " + after["also_against"])
    if not parts and after.get("factor_high") and after.get("factor") != after.get("factor_high"):
        parts.append(
            "the headline factor is the conservative one (against the benchmark's high end), "
            "the range kept"
        )
    if (
        not parts
        and before is not None
        and before["verdict"] == "consistent"
        and after["verdict"] == "not_contradicted"
    ):
        parts.append("a one-sided claim the record does not contradict")
    if not parts:
        parts.append("data corrected (errata, labels, composition)")
    return "; ".join(parts).replace("|", "/")


def table(before: list[dict[str, str]], after: list[dict[str, str]], marks: dict[str, str]) -> str:
    old = {r["id"]: r for r in before}
    lines = [
        "| # | id | before | after | bound | sensitivity | review | benchmark status | why it changed |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for n, row in enumerate(after):
        was = old.get(row["id"])
        lines.append(
            f"| {n + 1} | {row['id']} | {verdict_text(was)} | {verdict_text(row)} | {row.get('bound', '')} | "
            f"{row.get('sensitivity', '')} | {marks.get(row['id'], '')} | {row.get('benchmark_status', '')} | "
            f"{reason(was, row)} |"
        )
    changed = sum(1 for r in after if verdict_text(old.get(r["id"])) != verdict_text(r))
    return "\n".join(lines) + f"\n\n{changed} of {len(after)} rows changed.\n" + counts(before, after)


def counts(before: list[dict[str, str]], after: list[dict[str, str]]) -> str:
    """The verdicts counted before and after, one line each."""
    def line(rows: list[dict[str, str]]) -> str:
        tally: dict[str, int] = {}
        for r in rows:
            tally[r["verdict"] or "context"] = tally.get(r["verdict"] or "context", 0) + 1
        return ", ".join(f"{n} {v}" for v, n in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"\nBefore: {line(before)}.\n\nAfter: {line(after)}.\n"


def grade_table(before: dict[str, list[str]], after: dict[str, list[str]]) -> str:
    """The findings whose grade changed (or that came or went), and the grades counted before and after."""
    def grade(found: dict[str, list[str]], check_id: str) -> str:
        if check_id in found:
            return found[check_id][0]
        return next((g[0] for g in found.values() if check_id in g[1:]), "(none)")
    lines = ["| finding | before | after |", "|---|---|---|"]
    for check_id in sorted(set(before) | set(after)):
        was, now = grade(before, check_id), grade(after, check_id)
        if was != now:
            lines.append(f"| {check_id} | {was} | {now} |")
    def line(found: dict[str, list[str]]) -> str:
        tally: dict[str, int] = {}
        for g in found.values():
            tally[g[0]] = tally.get(g[0], 0) + 1
        return ", ".join(f"{n} {g}" for g, n in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])))
    return "\n".join(lines) + (f"\n\nBefore: {len(before)} findings ({line(before)}).\n\n"
                               f"After: {len(after)} findings ({line(after)}).\n")


#: The review's items about ``check`` (review 2, section 6): what the toolkit said then, and the argument.
REVIEW_ITEMS = ROOT / "tools" / "verdicts_review2.csv"


def now_of(check_id: str, graded: dict[str, list[str]], verdicts: dict[str, str]) -> str:
    """What ``check`` says of a check now: its grade if a finding (or the grade of the finding it repeats),
    else its verdict, else ``(none)``."""
    if check_id in graded:
        return graded[check_id][0]
    repeated = next((g[0] for g in graded.values() if check_id in g[1:]), "")
    return repeated or verdicts.get(check_id, "(none)")


def review_tables(graded: dict[str, list[str]], verdicts: dict[str, str], items: Path = REVIEW_ITEMS) -> str:
    """The review's graded items and gaps, each with the toolkit's answer then and now (generated: now is computed).

    ``graded``: the findings (id -> [grade, repeats...]); ``verdicts``: every check's verdict by id.
    """
    with items.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    out = []
    for part, head in (("grades", "| review's item | grade then | now | |"), ("gaps", "| review's gap | then | now | |")):
        out += ["", head, "|---|---|---|---|"] if out else [head, "|---|---|---|---|"]
        out += [f"| {r['item']} | {r['then']} | {now_of(r['check'], graded, verdicts)} | {r['argument']} |"
                for r in rows if r["part"] == part]
    tally: dict[str, int] = {}
    for g in graded.values():
        tally[g[0]] = tally.get(g[0], 0) + 1
    said = ", ".join(f"{n} {g}" for g, n in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])))
    return "\n".join(out) + f"\n\nNow: {len(graded)} findings ({said}), of {len(verdicts)} checks.\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="53a9dc6", help="the commit before issue 22's work")
    parser.add_argument("--marks", type=Path, default=ROOT.parent / "shared/reviews/historian-review-2.md")
    parser.add_argument("--checks", action="store_true", help="the grades of the findings of check instead")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        base = base_tree(args.base, Path(tmp))
        if args.checks:
            now = grades_of(ROOT)
            text = review_tables(now, verdicts_of(ROOT)) + "\n" + grade_table(grades_of(base), now)
        else:
            text = table(compare_csv(base), compare_csv(ROOT), marks_of(args.marks))
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
