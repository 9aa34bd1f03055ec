"""Round 7 (issue 20): the gate pools ways of finding a period, with a bound on the pooled error.

``consistent`` and ``not_contradicted`` rest on a pool of ways (best periods first, the longest run
whose pooled verdicts are right with a one-sided 95 % Wilson lower end of at least ``POOL_LEVEL`` on
each half of dev, on at least ``CALIBRATION_MINIMUM`` a half, no way alone shown under it); a flag
stays one way at a time (round 6). A ``not_contradicted`` must hold under every reading, like a flag.
"""

from __future__ import annotations

import pandas as pd
import pytest

from gulagstats.factcheck.readings import (
    CALIBRATION_MINIMUM,
    CHECKED_VERDICTS,
    FLAG_PERIOD_SHARE,
    OPEN_GATE,
    POOL_LEVEL,
    POOLED_KINDS,
    UNDATED_HOWS,
    VERDICT_HOWS,
    doubt,
    wilson,
)


def test_the_wilson_interval_is_the_textbook_one():
    low, high = wilson(8, 10, z=1.96)  # two-sided 95 %: 0.490-0.943 (Wilson 1927; any textbook)
    assert round(low, 3) == 0.490 and round(high, 3) == 0.943
    assert wilson(5, 5)[0] == pytest.approx(5 / (5 + 1.645**2))  # all right: n / (n + z^2)
    assert wilson(0, 0) == (0.0, 1.0)
    # more verdicts, a tighter bound: 5 of 5 right shows little, 30 of 30 a lot
    assert wilson(5, 5)[0] < POOL_LEVEL < wilson(30, 30)[0]


def test_a_not_contradicted_that_another_reading_flags_is_not_judged():
    assert "not_contradicted" in CHECKED_VERDICTS and "consistent" not in CHECKED_VERDICTS
    row = pd.Series(
        {
            "verdict": "not_contradicted",
            "period": "1934/1939",
            "period_how": "span",
            "quantity": "executions",
            "whole_stated": False,
            "scope": "USSR",
        }
    )
    others = pd.DataFrame(
        {"what": ["quantity"], "reading": ["camp_deaths"], "verdict": ["overstates"]}
    )
    why = doubt(row, others, OPEN_GATE)
    assert why.startswith("what the number counts is unclear: executions (not_contradicted)")
    assert "camp deaths (overstates)" in why
    agree = others.assign(verdict="not_contradicted")
    assert doubt(row, agree, OPEN_GATE) == ""


def _share(cell: str) -> tuple[int, int]:
    right, n = (int(x) for x in cell.split("(")[1].rstrip(")").split("/"))
    return right, n


@pytest.mark.data
def test_the_calibrated_column_follows_the_written_rule(verdict_calibration: str):
    by_way, pools = verdict_calibration.strip().split("\n\n")
    rows = [[c.strip() for c in line.split("|")[1:-1]] for line in by_way.splitlines()[2:]]
    verdicts: dict[tuple[str, str], list[tuple[int, int]]] = {}
    periods: dict[str, list[tuple[int, int]]] = {}
    calibrated = {}
    refuted = set()
    for kind, how, v1, v2, p1, p2, held, yes, allowed in rows:
        assert yes == allowed
        verdicts[(kind, how)] = [_share(v1), _share(v2)]
        periods[how] = [_share(p1), _share(p2)]
        calibrated[(kind, how)] = yes == "yes"
        right, n = _share(held)
        level = FLAG_PERIOD_SHARE if kind == "flag" else POOL_LEVEL
        if n and wilson(right, n)[1] < level:  # round 12: the held-out part refuses the way
            refuted.add((kind, how))
            assert not calibrated[(kind, how)], (kind, how)
        # round 13: so does either half, however few its verdicts
        if any(m and wilson(r, m)[1] < level for r, m in verdicts[(kind, how)]):
            refuted.add((kind, how))
            assert not calibrated[(kind, how)], (kind, how)
    # flags: one way at a time, round 6's rule
    for (kind, how), cells in verdicts.items():
        if kind != "flag" or (kind, how) in refuted:
            continue
        under = any(n >= CALIBRATION_MINIMUM and r / n < FLAG_PERIOD_SHARE for r, n in cells)
        if all(n >= CALIBRATION_MINIMUM for _, n in cells) or under:
            assert calibrated[(kind, how)] == (not under), how
        else:
            ok = all(
                n >= CALIBRATION_MINIMUM and r / n >= FLAG_PERIOD_SHARE for r, n in periods[how]
            )
            assert calibrated[(kind, how)] == ok, how
    # the pooled kinds: the ways in period order, the longest run that holds
    measured = {
        how: min(wilson(r, n)[0] for r, n in cells)
        for how, cells in periods.items()
        if how not in UNDATED_HOWS and all(n >= CALIBRATION_MINIMUM for _, n in cells)
    }
    for kind in POOLED_KINDS:
        said = kind.replace("_", " ")
        line = next(x for x in pools.splitlines() if x.startswith(f"| {said} |"))
        order = [w.strip() for w in line.split("|")[2].split(",")]
        assert set(measured) <= set(order)  # ways with no verdict on dev are listed too
        assert [w for w in order if w in measured] == sorted(
            (w for w in order if w in measured), key=lambda w: (-measured[w], w)
        )

        def holds(ways: list[str], kind: str = said) -> bool:
            for h in (0, 1):
                cells = [verdicts.get((kind, w), [(0, 0), (0, 0)])[h] for w in ways]
                right, n = sum(r for r, _ in cells), sum(m for _, m in cells)
                if n < CALIBRATION_MINIMUM or wilson(right, n)[0] < POOL_LEVEL:
                    return False
                if any(m and wilson(r, m)[1] < POOL_LEVEL for r, m in cells):
                    return False
            return True

        chosen = next((order[:k] for k in range(len(order), 0, -1) if holds(order[:k])), [])
        assert int(line.split("|")[3]) == len(chosen)
        kept = [how for how in chosen if (said, how) not in refuted]
        assert VERDICT_HOWS[kind] == frozenset(kept), kind
        for (k, how), yes in calibrated.items():
            if k == said:
                assert yes == (how in kept), (kind, how)


def test_the_page_says_what_to_check_for_each_claim_not_judged(tmp_path):
    from gulagstats.factcheck.page import REASON_ADVICE, advice, render_page
    from gulagstats.factcheck.run import factcheck

    article = tmp_path / "a.txt"
    article.write_text(
        "Order 00447 foresaw 75,950 executions. In Leningrad, 40,000 were shot in 1937-1938.",
        encoding="utf-8",
    )
    page = render_page(factcheck([article]))
    table = page.split("id='not-judged'>", 1)[1].split("</section>", 1)[0]
    assert "A plan or quota, not what happened: nothing to check." in table
    assert "compare it with a source on that part" in table
    assert table.count("class='advice'") == 2
    # every advice is reachable: no earlier row's words hide a later row's
    for i, (cause, words, said) in enumerate(REASON_ADVICE):
        first = next(k for k, (_, w, _) in enumerate(REASON_ADVICE) if w in words)
        assert first == i, (cause, words)
        assert advice(f"... {words} ...") == (cause, said)


def test_an_error_of_assess_reads_without_its_batch_line():
    from gulagstats.factcheck.judgment import claims_frame, judge
    from gulagstats.factcheck.run import check_text

    frames = check_text("In 1937-1938, 7 million people were shot.", "t.txt").frames
    claims = claims_frame(frames).assign(low="1500000000", high="1500000000")
    reason = judge(claims)["reason"].iloc[0]
    assert reason.startswith("the record cannot take this number: low '1500000000'"), reason


def test_a_kind_no_way_supports_is_said_so():
    row = pd.Series(
        {
            "verdict": "not_contradicted",
            "period": "1938",
            "period_how": "span",
            "quantity": "executions",
            "whole_stated": True,
            "scope": "USSR",
        }
    )
    empty = pd.DataFrame(columns=["what", "reading", "verdict"])
    nowhere = {"flag": frozenset(), "consistent": frozenset(), "not_contradicted": frozenset()}
    assert "'not contradicted' however its period was found has not been shown" in doubt(
        row, empty, nowhere
    )
    elsewhere = {**nowhere, "not_contradicted": frozenset({"table"})}
    assert "'not contradicted' with a period found this way has not been shown" in doubt(
        row, empty, elsewhere
    )
