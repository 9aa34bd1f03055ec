"""Mutation testing of the rule engine: apply one-line faults, one at a time, and run the unit suite.

Each mutant is a one-line edit of a module of ``src/gulagstats`` (the text it replaces must
occur exactly once).  The committed code (HEAD) is checked out in a temporary detached
worktree (its own files, index and data, so commits made meanwhile change nothing),
each mutant applied in turn to the copy, and the unit suite
(``pytest -m "not data and not slow" -x``, tests/datasplit.py) run there;
the mutant is *killed* if a test fails, and *survives* if the unit suite passes.  The score
is killed / run.

Usage::

    python tools/mutants.py            # every mutant (a few minutes)
    python tools/mutants.py -k tie     # the mutants whose name contains "tie" (-k a,b: either)
    python tools/mutants.py --list

A mutant whose text is no longer in its module (the code was rewritten) is reported as
``stale`` and not counted; update its line.  The first four are the review's (code review
2, section 4.8) that the whole suite used not to catch.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
#: The unit suite (tests/datasplit.py): the tests that read no published data and take no seconds.
UNIT_SUITE = "not data and not slow"


class Mutant(NamedTuple):
    name: str
    path: str  # under src/gulagstats
    old: str
    new: str


MUTANTS = [
    # the four survivors of the review's 4.8
    Mutant("approx_percent_tolerance_doubled", "checks/engine.py",
           "return Tolerance(step, f\"an approximate percentage",
           "return Tolerance(2 * step, f\"an approximate percentage"),
    Mutant("unless_words_ignored", "estimates/plan.py",
           "if self.unless_words and claim_words_pattern(self.unless_words).search(words):",
           "if False and self.unless_words:"),
    Mutant("exceeds_tie_counts_as_more", "checks/prose.py",
           "if not larger > smaller:", "if larger < smaller:"),
    Mutant("legend_loses_a_mark", "vocabulary.py",
           "for s in STATUSES if STATUS_MARK[s])", "for s in STATUSES if STATUS_MARK[s] not in ('c', 'u'))"),
    # the review's other four
    Mutant("combine_user_not_weakest", "vocabulary.py",
           "weakest = max((WEAKNESS[s] for s in statuses)", "weakest = min((WEAKNESS[s] for s in statuses)"),
    Mutant("claim_tolerance_ignored", "estimates/classify.py",
           "over = ~np.isnan(low) & (low > top * (1 + tolerance))", "over = ~np.isnan(low) & (low > top)"),
    Mutant("one_unit_grade_off", "checks/grade.py",
           "if diff == 1 and max(abs(expected), abs(observed)) > 1:",
           "if diff == 2 and max(abs(expected), abs(observed)) > 1:"),
    Mutant("exact_counts_get_rounding", "checks/engine.py",
           "return Tolerance(0.0, \"exact counts must match exactly\")",
           "return Tolerance(1.0, \"exact counts must match exactly\")"),
    # the verdicts of a check
    Mutant("lower_bound_strict", "checks/engine.py", "if low >= expected:", "if low > expected:"),
    Mutant("upper_bound_inclusive_swapped", "checks/engine.py",
           "if high is not None and high <= expected:", "if high is not None and high < expected:"),
    Mutant("rounding_is_consistent", "checks/engine.py",
           "return WITHIN_ROUNDING if difference <= tol else DISCREPANCY",
           "return CONSISTENT if difference <= tol else DISCREPANCY"),
    Mutant("order_of_magnitude_always", "checks/engine.py",
           "return CONSISTENT if math.floor(math.log10(low)) == math.floor(math.log10(expected)) else DISCREPANCY",
           "return CONSISTENT"),
    Mutant("no_expectation_is_consistent", "checks/engine.py",
           "    if expected is None:\n        return NOT_CHECKABLE\n    low, high, tol",
           "    if expected is None:\n        return CONSISTENT\n    low, high, tol"),
    Mutant("approx_count_tolerance_halved", "checks/engine.py",
           "step = last_digit_unit(expected) if decimals == 0 else step",
           "step = last_digit_unit(expected) / 2 if decimals == 0 else step"),
    # the reading of the cells
    Mutant("partial_sum_not_a_bound", "core/cells.py",
           "raise MissingCell(missing, partial=total if known and bounded else None)",
           "raise MissingCell(missing, partial=None)"),
    Mutant("missing_part_counts_zero", "core/cells.py",
           "            missing += exc.missing\n",
           "            continue\n"),
    Mutant("negative_term_sign_lost", "rules/reader.py",
           "return term.sign * amount(self.view, population, term.measure, when, term.category, term.unit)",
           "return amount(self.view, population, term.measure, when, term.category, term.unit)"),
    Mutant("no_span_sum", "core/derive.py",
           "if counts and \"/\" in period and not view.cells.is_stock(measure):",
           "if False:"),
    # the plausibility rules, the preference and the claims
    Mutant("negative_counts_allowed", "checks/plausibility.py",
           "lambda r: (r.value or 0.0) < 0)", "lambda r: (r.value or 0.0) < -1e9)"),
    Mutant("understates_never", "estimates/classify.py",
           "(bottom > 0) & (high < bottom / (1 + tolerance))", "(bottom > 0) & (high < 0)"),
    Mutant("exceeds_reversed", "checks/prose.py",
           "larger = reader.term(rule.larger, str(year))", "larger = -reader.term(rule.larger, str(year))"),
    # the rule language and the kinds of bound
    Mutant("minus_read_as_plus", "rules/terms.py",
           "sign, words = (1 if word == \"+\" else -1), []", "sign, words = 1, []"),
    Mutant("between_has_no_floor", "rules/bounds.py",
           "return self.kind in (\"point\", \"floor\", \"between\")", "return self.kind in (\"point\", \"floor\")"),
    # the floor rule of round 4 (a figure is at least the sum of its known parts)
    Mutant("floor_read_as_ceiling", "checks/internal.py",
           "expected=expected, relation=\"upper_bound\" if rule.lower else \"lower_bound\",",
           "expected=expected, relation=\"lower_bound\" if rule.lower else \"upper_bound\","),
    Mutant("floor_rule_parsed_as_bound", "rules/prose_rules.py",
           "return Bound(row[\"key\"], parse_terms(row[\"terms\"]), (), why, lower=True)",
           "return Bound(row[\"key\"], parse_terms(row[\"terms\"]), (), why)"),
]


def run(mutant: Mutant | None, copy: Path, timeout: float) -> tuple[str, float, str]:
    """Run the unit suite with ``mutant`` applied to ``copy`` (None: unmutated); return (outcome, seconds, first failure)."""
    target = copy / "src" / "gulagstats" / mutant.path if mutant else None
    original = target.read_text(encoding="utf-8") if target else ""
    if mutant and target:
        if original.count(mutant.old) != 1:
            return "stale", 0.0, f"{mutant.path}: the text is found {original.count(mutant.old)} times"
        target.write_text(original.replace(mutant.old, mutant.new), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(copy / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-x", "-m", UNIT_SUITE, "-p", "no:cacheprovider"],
            cwd=copy, env=env, capture_output=True, text=True, timeout=timeout,
        )
        failed = next((line for line in done.stdout.splitlines() if line.startswith("FAILED")), "")
        outcome = "killed" if done.returncode != 0 else "survived"
    except subprocess.TimeoutExpired:
        outcome, failed = "killed", "(timed out)"
    finally:
        if target:
            target.write_text(original, encoding="utf-8")
    return outcome, time.perf_counter() - start, failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-k", default="", help="only the mutants whose name contains this (several: comma-separated)")
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds for one run of the unit suite")
    args = parser.parse_args(argv)
    chosen = [m for m in MUTANTS if any(k in m.name for k in args.k.split(","))]
    if args.list:
        print("\n".join(f"{m.name}: {m.path}" for m in chosen))
        return 0
    with tempfile.TemporaryDirectory(prefix="gulagstats-mutants-") as tmp:
        # A detached worktree of HEAD: its own files, index and data/, so that commits made in
        # the checkout while the mutants run (it takes a while) cannot change what they see.
        copy = Path(tmp) / "head"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(copy), "HEAD"],
                       check=True, capture_output=True)
        try:
            return _score(chosen, copy, args.timeout)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(copy)],
                           check=False, capture_output=True)


def _score(chosen: list[Mutant], copy: Path, timeout: float) -> int:
    """Run the unit suite on ``copy`` unmutated, then once a mutant; print each outcome and the score."""
    outcome, seconds, failed = run(None, copy, timeout)
    if outcome != "survived":
        print(f"the unit suite fails without a mutant: {failed}", file=sys.stderr)
        return 1
    print(f"unit suite, unmutated: passes in {seconds:.0f} s")
    counts = {"killed": 0, "survived": 0, "stale": 0}
    for mutant in chosen:
        outcome, seconds, failed = run(mutant, copy, timeout)
        counts[outcome] += 1
        print(f"{outcome:8} {mutant.name:36} {seconds:5.0f} s  {failed[:110]}", flush=True)
    ran = counts["killed"] + counts["survived"]
    print(f"score: {counts['killed']}/{ran} killed" + (f" ({counts['stale']} stale)" if counts["stale"] else ""))
    return 0 if counts["survived"] == 0 and counts["stale"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
