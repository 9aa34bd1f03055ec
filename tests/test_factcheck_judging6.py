"""Round 6 (issue 20): the gate calibrated on verdicts, unsettled verdicts named, contradictions of like claims.

A way of finding a claim's period may support a kind of verdict (a flag, ``consistent``,
``not_contradicted``) only where that kind of verdict, dated that way, is right often enough
on both halves of dev (``tools/calibrate_verdicts.py``); a verdict ``assess`` cannot settle
(``depends_on_reading``/``depends_on_source``) is ``not_judged`` with the readings named.
"""

from __future__ import annotations

import dataclasses
import sys

import pandas as pd
import pytest

from gulagstats.factcheck.contradictions import contradictions
from gulagstats.factcheck.judgment import NOT_JUDGED, claims_frame, judge, unnamed_parts
from gulagstats.factcheck.readings import (
    OPEN_GATE,
    VERDICT_HOWS,
    VERDICT_KINDS,
    doubt,
)
from gulagstats.factcheck.run import check_text

from .conftest import ROOT


def verdicts(text: str, **kw) -> pd.DataFrame:
    return judge(claims_frame(check_text(text, "t.txt").frames), **kw)


def test_every_kind_of_verdict_has_an_allow_list():
    assert set(VERDICT_HOWS) == set(VERDICT_KINDS)
    assert all(isinstance(v, frozenset) for v in VERDICT_HOWS.values())


@pytest.mark.parametrize("verdict", ["overstates", "consistent", "not_contradicted"])
def test_a_way_not_allowed_for_a_kind_refuses_that_verdict(verdict):
    row = pd.Series(
        {
            "verdict": verdict,
            "period": "1938",
            "period_how": "a way added later",
            "quantity": "executions",
            "whole_stated": True,
            "scope": "USSR",
        }
    )
    empty = pd.DataFrame(columns=["what", "reading", "verdict"])
    assert "not been shown right often enough" in doubt(row, empty)
    assert doubt(row, empty, OPEN_GATE) == ""  # the calibration's open gate refuses nothing


def test_the_open_gate_judges_what_the_calibrated_gate_refuses():
    text = "In 1937, 353,074 people were shot."
    closed = {
        kind: frozenset() for kind in VERDICT_KINDS
    }  # round 7 pools own clause for consistent
    gated, open_ = verdicts(text, gate=closed), verdicts(text, gate=OPEN_GATE)
    assert open_["verdict"].tolist() == ["consistent"]
    assert gated["verdict"].tolist() == [NOT_JUDGED] and "own clause" in gated["reason"].iloc[0]


def test_an_unsettled_verdict_is_not_judged_and_names_the_readings():
    # "camps" may be the camps alone (overstates) or the whole Gulag (consistent): assess cannot settle it.
    # (Round 8: 1,727,970, which meets the camps' own count as read, is consistent: the labels say so, and
    # a value that meets the count its words name is evidence for that reading; test_factcheck_judging8.)
    frame = check_text(
        "Between 1953 and 1953, 2,150,000 prisoners were held in the camps.", "t.txt"
    ).frames[0]
    frame = dataclasses.replace(frame, quantity="camp_population", quantity_readings=())
    row = judge(claims_frame([frame]), gate=OPEN_GATE).iloc[0]
    assert row["verdict"] == NOT_JUDGED, row[["quantity", "verdict", "explanation"]].tolist()
    assert row["reason"].startswith(
        "the record gives different verdicts by how it is read: overstates"
    )
    assert "consistent" in row["reason"]


def test_a_whole_carried_from_the_sentence_before_is_the_ussr():
    frames = check_text(
        "Executions took place across the country. Over 1 million people were executed between 1936 and 1938.",
        "t.txt",
    ).frames
    assert set(claims_frame(frames)["scope"]) == {"USSR"}


def _claims(hows, lows, files=("a", "b")):
    n = len(lows)
    return pd.DataFrame(
        {
            "id": [f"c{i}" for i in range(n)],
            "quantity": ["executions"] * n,
            "scope": ["USSR"] * n,
            "scope_detail": [""] * n,
            "period": ["1937/1938"] * n,
            "low": lows,
            "high": lows,
            "modality": ["stated"] * n,
            "unit": ["count"] * n,
            "mention": lows,
            "file": list(files),
            "text_line": [1] * n,
            "vague": [False] * n,
            "period_how": list(hows),
        }
    )


def test_contradictions_need_periods_found_in_a_way_that_may_flag():
    assert len(contradictions(_claims(["span", "span"], ["681692", "1200000"]))) == 1
    assert len(contradictions(_claims(["span", "context"], ["681692", "1200000"]))) == 0
    assert len(contradictions(_claims(["own clause", "span"], ["681692", "1200000"]))) == 0


def test_contradictions_leave_out_the_parts_a_text_does_not_name():
    text_a = "Between 1937 and 1938, 681,692 people were shot."
    text_b = "Between 1937 and 1938, 40,906 people were shot."  # one region's, read as the whole
    frames = check_text(text_a, "a.txt").frames + check_text(text_b, "b.txt").frames
    claims = claims_frame(frames)
    v = judge(claims)
    assert unnamed_parts(v).tolist() == [False, True]
    assert len(contradictions(claims)) == 1
    assert len(contradictions(claims, parts=unnamed_parts(v))) == 0


@pytest.mark.data
def test_the_allow_lists_are_those_the_verdict_calibration_measures_right(verdict_calibration: str):
    doc = (ROOT / "docs" / "factcheck.md").read_text(encoding="utf-8")
    written = doc.split("<!-- verdict-calibration:start -->\n", 1)[1].split(
        "<!-- verdict-calibration:end -->"
    )[0]
    assert written.strip() == verdict_calibration.strip(), (
        "docs/factcheck.md: run tools/calibrate_verdicts.py --write"
    )
    first = verdict_calibration.split("\n\n")[0]  # the table by way; the pools follow
    rows = [[c.strip() for c in line.split("|")[1:-1]] for line in first.splitlines()[2:]]
    assert rows
    for kind, how, *_, calibrated, allowed in rows:
        assert calibrated == allowed, (kind, how)  # the allow-lists are the calibration's
    # the rule itself (round 7's pools) is re-derived from the table in tests/test_factcheck_judging7.py


def test_a_claim_assess_cannot_compare_is_not_judged_with_assess_reason():
    v = verdicts("Between 1932 and 1933, 6 million people died in the famine.", gate=OPEN_GATE)
    assert v["verdict"].tolist() == [NOT_JUDGED]
    reason = v["reason"].iloc[0]
    assert reason and "not comparable" not in reason.lower() and "famine" in reason, reason


def test_the_page_lists_no_claim_under_judged_that_was_not_judged(tmp_path):
    from gulagstats.factcheck.page import render_page
    from gulagstats.factcheck.run import factcheck

    article = tmp_path / "a.txt"
    article.write_text(
        "Between 1932 and 1933, 6 million people died in the famine.", encoding="utf-8"
    )
    page = render_page(factcheck([article]))
    supported = page.split("id='supported'>", 1)[1].split("</section>", 1)[0]
    assert "Judged, not contradicted (0)" in supported
    assert "Not judged, and why (1)" in page


@pytest.mark.data
def test_contradictions_on_dev_are_mostly_between_like_claims():
    # round 6: 11 of 16 (before: 22 of 84) pair claims the labels give the same quantity, period and
    # whole scope; the rest pair claims whose quantity was misread (the reading's part)
    sys.path.insert(0, str(ROOT / "tools"))
    from evaluate_factcheck import WEB, web_labels
    from factcheck_measures import match, predictions, value_right
    from gulagstats.factcheck.run import factcheck

    texts, labels = {}, []
    for lang in ("en", "ru"):
        t, lab = web_labels(WEB / "dev" / lang)
        texts.update(t)
        labels += lab
    result = factcheck([WEB / "dev" / d[:2] / f"{d}.txt" for d in sorted(texts)])
    rows = [
        {k: "" if v is None else str(v) for k, v in x.items()}
        for x in result.claims.to_dict("records")
    ]
    preds = predictions(rows, [], texts)
    label_of = {k: i for i, k in match(labels, preds).items()}
    index = {row["id"]: k for k, row in enumerate(rows)}

    def label(claim_id: str):
        k = index[claim_id]
        found = k in label_of and value_right(labels[label_of[k]], preds[k])
        return labels[label_of[k]] if found else None

    pairs = [
        (label(a), label(b))
        for a, b in zip(result.contradictions["first"], result.contradictions["second"])
    ]
    like = [
        a is not None
        and b is not None
        and (a.quantity, a.period) == (b.quantity, b.period)
        and a.scope == b.scope == "whole"
        for a, b in pairs
    ]
    assert pairs and sum(like) / len(pairs) >= 0.6, (sum(like), len(pairs))
