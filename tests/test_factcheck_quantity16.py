"""Round 16 of the fact-checker's quantities, scopes and modality (issue 20).

1. The bodies or categories of crime a number's clause names (:mod:`gulagstats.factcheck.wider_wholes`) are read
   in the frame stage, from the run's resources, so a user's ``--lexicon`` is honoured; judging only reads the
   frame's ``other_bodies``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from gulagstats.factcheck.judgment import NOT_JUDGED, claims_frame, judge
from gulagstats.factcheck.phrases import tokens
from gulagstats.factcheck.readings import OPEN_GATE
from gulagstats.factcheck.resources import _packaged_text, load_resources
from gulagstats.factcheck.run import check_text
from gulagstats.factcheck.wider_wholes import named_bodies, other_body

from .test_factcheck_stages import assert_linear


def _one(text: str, mention: str, data=None) -> pd.Series:
    v = judge(claims_frame(check_text(text, "a.txt", data).frames), gate=OPEN_GATE)
    rows = v[v["mention"].str.lower() == mention.lower()]
    assert len(rows) == 1, v[["mention", "verdict", "reason"]].values.tolist()
    return rows.iloc[0]


def _user_lexicon(tmp_path: Path, drop: str = "", add: str = "") -> Path:
    """The packaged lexicon with the ``other_body`` row ``drop`` left out and the row ``add`` added."""
    lines = _packaged_text("lexicon")[0].splitlines(keepends=True)
    kept = [line for line in lines if not (drop and line.startswith(f"en,other_body,{drop},"))]
    assert len(kept) == len(lines) - bool(drop)
    path = tmp_path / "mine.csv"
    path.write_text("".join(kept) + (add + "\n" if add else ""), encoding="utf-8")
    return path


# --- 1. other bodies are read in the frame stage, with the run's lexicon ------------------------------------

_GORKOMS = "Almost 5 million people were convicted by the gorkoms in 1937-1939."
_COURTS = "Almost 5 million people were convicted by various courts in 1937-1939."


def test_a_user_lexicons_other_body_row_is_honoured(tmp_path):
    assert _one(_GORKOMS, "Almost 5 million")["verdict"] == "not_contradicted"
    mine = load_resources(
        _user_lexicon(tmp_path, add="en,other_body,gorkom*,repressed_total,,,,,,")
    )
    row = _one(_GORKOMS, "Almost 5 million", mine)
    assert row["verdict"] == NOT_JUDGED and "'gorkoms'" in row["reason"], row[
        ["verdict", "reason"]
    ].tolist()


def test_a_user_lexicon_without_the_courts_row_judges_the_courts_count(tmp_path):
    assert _one(_COURTS, "Almost 5 million")["verdict"] == NOT_JUDGED
    mine = load_resources(_user_lexicon(tmp_path, drop="courts"))
    assert _one(_COURTS, "Almost 5 million", mine)["verdict"] == "not_contradicted"


def test_the_frame_holds_the_bodies_and_judging_reads_only_them():
    frame = next(
        f for f in check_text(_COURTS, "a.txt").frames if f.mention.lower() == "almost 5 million"
    )
    assert frame.other_bodies == (("repressed_total", "courts"),)
    claims = claims_frame([frame])
    assert "other_bodies" in claims.columns
    # the sentence is no longer read when judging: a claim whose field is empty is judged as the frame read it
    claim = pd.Series(
        {
            "verdict": "not_contradicted",
            "quantity": "repressed_total",
            "sentence": _COURTS,
            "mention": "Almost 5 million",
            "other_bodies": (),
        }
    )
    assert other_body(claim) == ""
    claim["other_bodies"] = (("repressed_total", "courts"),)
    assert "'courts'" in other_body(claim)


def test_the_verdicts_do_not_carry_the_internal_field():
    v = judge(claims_frame(check_text(_COURTS, "a.txt").frames))
    assert "other_bodies" not in v.columns


@pytest.mark.parametrize(
    ("sentence", "at", "expected"),
    [
        (
            "108,357 were sentenced for hooliganism; next year 199,813 were",
            0,
            (("repressed_total", "hooliganism"),),
        ),
        ("108,357 were sentenced for hooliganism; next year 199,813 were", 50, ()),
        ("almost 5 million by the troikas, courts and tribunals", 0, ()),  # the record's own bodies
        ("the detained population at 3 million; by courts", 0, (("arrests", "population"),)),
    ],
)
def test_named_bodies_reads_the_numbers_own_clause(sentence, at, expected):
    assert named_bodies(sentence, tokens(sentence), at, load_resources()) == expected


def test_named_bodies_with_shifted_offsets_gives_the_same_words():
    s = "Almost 5 million by various courts; 7 fled"
    assert named_bodies(s, tokens(s, 1000), 3, load_resources(), 1000) == (
        ("repressed_total", "courts"),
    )


def test_hostile_inputs_give_nothing_and_no_error():
    data = load_resources()
    assert named_bodies("", [], 0, data) == ()
    odd = "\u200b\ufeff５ million by the ｃｏｕｒｔｓ\u00a0; ;;"
    assert isinstance(named_bodies(odd, tokens(odd), 3, data), tuple)
    assert other_body(pd.Series(dtype=object)) == ""
    assert (
        other_body(pd.Series({"verdict": "not_contradicted", "other_bodies": float("nan")})) == ""
    )


def test_a_megabyte_sentence_is_read_in_linear_time():
    data = load_resources()

    def stage(text: str) -> object:
        s = text + "almost 5 million by courts"
        return named_bodies(s, tokens(s), len(text), data)

    big = "the courts sentenced many; " * 40_000
    assert named_bodies(big + "almost 5 million", tokens(big + "5"), len(big), data) == ()
    assert_linear(stage, "the courts sentenced many; ", 5_000)
