"""Round 16 of the fact-checker's quantities, scopes and modality (issue 20).

1. The bodies or categories of crime a number's clause names (:mod:`gulagstats.factcheck.wider_wholes`) are read
   in the frame stage, from the run's resources, so a user's ``--lexicon`` is honoured; judging only reads the
   frame's ``other_bodies``.
2. A share read as the deaths of the Gulag or of its camps is their mortality rate, not a count of deaths
   (``quantity_rules.csv``'s rows of match ``unit``).
3. A count of prisoners held "at some time" over a span, "over its history", "за всю историю" counts those ever
   held (passed through), not those held on a day (rows of match ``ever``, the lexicon's ``ever`` phrases).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from gulagstats.factcheck.judgment import NOT_JUDGED, claims_frame, judge
from gulagstats.factcheck.phrases import tokens
from gulagstats.factcheck.quantity_rules import ever_held, of_unit
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


# --- 2. a share of deaths is a mortality rate ----------------------------------------------------------------

_TABLE = (
    "Количество умерших заключенных (чел.)\nВ скобках — в % от общего кол-ва заключенных\n"
    "1930\n7 980 (4,2 %)\n1931\n7 283 (2,9 %)\n1932\n13 197 (4,81 %)\n"
)


def _quantities(text: str) -> dict[str, str]:
    return {f.mention: f.quantity for f in check_text(text, "t.txt").frames}


def test_the_share_column_of_a_table_of_the_dead_is_the_mortality_rate():
    read = _quantities(_TABLE)
    assert read["7 980"] == read["13 197"] == "gulag_deaths"  # the counts stay counts
    assert read["4,2"] == read["4,81"] == "gulag_mortality_rate", read


@pytest.mark.parametrize(
    ("text", "mention", "quantity"),
    [
        (
            "In 1942, 352,560 prisoners died in the Gulag camps, 24.9 % of all prisoners.",
            "24.9",
            "gulag_mortality_rate",
        ),
        (
            "In 1942, 352,560 prisoners died in the Gulag camps, 24.9 % of all prisoners.",
            "352,560",
            "gulag_deaths",
        ),
        (
            "Смертность в ИТЛ и ИТК удалось сбить с 22,4 процента (1943) до 9,2 процента.",
            "22,4",
            "camp_mortality_rate",
        ),
    ],
)
def test_a_percent_of_the_dead_is_a_rate(text, mention, quantity):
    assert _quantities(text)[mention] == quantity


def test_a_share_of_the_special_settlers_is_their_share_and_keeps_a_days_period():
    text = "На 1 января 1934 г. 14,6 % спецпереселенцев находились в Казахстане, а всего их было 1 072 546."
    read = {f.mention: f for f in check_text(text, "t.txt").frames}
    assert read["14,6"].quantity == "special_settlers_share"
    assert read["1 072 546"].quantity == "special_settlers"
    # a share of a stock is a stock's: dated by the day, as the count is (quantity_kind reads the vocabulary)
    assert read["14,6"].period == read["1 072 546"].period == "1934-01-01"


def test_a_share_is_still_never_judged():
    v = judge(claims_frame(check_text(_TABLE, "t.txt").frames), gate=OPEN_GATE)
    shares = v[v["unit"] == "share"]
    assert len(shares) == 3 and set(shares["verdict"]) == {NOT_JUDGED}


def test_of_unit_reads_only_its_rows():
    data = load_resources()
    notes: list[str] = []
    assert of_unit(data, "gulag_deaths", "share", notes) == "gulag_mortality_rate" and notes
    assert of_unit(data, "gulag_deaths", "count", []) == "gulag_deaths"
    assert of_unit(data, "executions", "share", []) == "executions"
    assert of_unit(data, "", "", []) == ""
    assert of_unit(data, "gulag_deaths\u200b", "share", []) == "gulag_deaths\u200b"


def test_the_new_quantities_are_vocabulary_codes():
    from gulagstats.vocabulary import DICTIONARY

    rows = [r for r in load_resources().quantity_rules.rows if r["match"] == "unit"]
    assert rows and all(r["becomes"] in DICTIONARY["quantity"] for r in rows)


def test_a_long_table_of_the_dead_is_read_in_linear_time():
    def stage(text: str) -> object:
        return check_text("Количество умерших заключенных (чел.)\n" + text, "t.txt")

    assert_linear(stage, "1937\n25 376 (2,42 %)\n", 200)


# --- 3. those ever held are not those held on a day -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Over 1,000,000 inmates served in total in Karlag over its history.", "over 1,000,000"),
        (
            "The gulag was a network of 478 labour camps in which more than 20m prisoners were confined at "
            "some time between 1921 and 1956.",
            "more than 20m",
        ),
        ("Всего за всю историю Карлага служило более 1 миллиона заключенных.", "более 1 миллиона"),
    ],
)
def test_prisoners_held_at_some_time_passed_through(text, mention):
    read = {f.mention.lower(): f for f in check_text(text, "t.txt").frames}
    f = read[mention]
    assert f.quantity == "passed_through_gulag" and any("ever held" in n for n in f.notes), f
    v = judge(claims_frame([f]), gate=OPEN_GATE)
    assert (
        v.iloc[0]["verdict"] == NOT_JUDGED
    )  # no archival series: never set against a day's population


@pytest.mark.parametrize(
    ("text", "mention", "quantity"),
    [
        (
            "On 1 January 1939, 1,317,195 prisoners were held in the camps.",
            "1,317,195",
            "gulag_population",
        ),
        # the words in another clause, or beside a flow, change nothing
        (
            "Over its history the camp grew; on 1 January 1939, 1,317,195 prisoners were held in the camps.",
            "1,317,195",
            "gulag_population",
        ),
        ("In 1937-1938, at some time or other, 681,692 people were shot.", "681,692", "executions"),
    ],
)
def test_a_days_count_stays_a_days_count(text, mention, quantity):
    read = {f.mention.lower(): f.quantity for f in check_text(text, "t.txt").frames}
    assert read[mention] == quantity, read


def test_ever_held_reads_only_its_rows():
    data = load_resources()
    assert ever_held(data, "gulag_population", {"ever"}) == ("passed_through_gulag", "ever")
    assert ever_held(data, "gulag_population", set()) == ("gulag_population", "")
    assert ever_held(data, "executions", {"ever"}) == ("executions", "")
    assert ever_held(data, "", {""}) == ("", "")


def test_a_user_lexicon_without_ever_rows_keeps_the_population(tmp_path):
    lines = _packaged_text("lexicon")[0].splitlines(keepends=True)
    path = tmp_path / "mine.csv"
    path.write_text("".join(x for x in lines if ",ever," not in x), encoding="utf-8")
    frames = check_text(
        "Over 1,000,000 inmates served in total in Karlag over its history.",
        "t.txt",
        load_resources(path),
    ).frames
    assert [f.quantity for f in frames] == ["camp_population"]


def test_ever_words_in_a_megabyte_sentence_are_read_in_linear_time():
    def stage(text: str) -> object:
        return check_text(text + " 1,000 prisoners over its history.", "t.txt")

    assert_linear(stage, "at some time the camp held prisoners, ", 400)
    odd = "\u200b\ufeff over its history ５ prisoners ｏｖｅｒ"
    assert isinstance(check_text(odd, "t.txt").frames, list)
