"""Round 14 of the fact-checker's quantities and scopes (issue 20): counts of deported families and households
are claims (the lead's ruling), read as a count of families, never as persons; frames.py split so it can be
formatted; hostile input."""

from __future__ import annotations

import pytest

from gulagstats.factcheck import frame_quantities, frame_scopes, frames
from gulagstats.factcheck.frame_scopes import FAMILY_PART
from gulagstats.factcheck.judgment import claims_frame, judge
from gulagstats.factcheck.run import check_text

from .test_factcheck_stages import assert_linear


def _frames(text: str):
    return check_text(text, "t.txt").frames


def _verdicts(text: str):
    return judge(claims_frame(check_text(text, "t.txt").frames))


@pytest.mark.parametrize(
    ("text", "mention", "scope"),
    [
        # a part the clause names comes first, the families in its detail (round 15: two counts of families
        # are compared only when they count the same part; "282,000 peasant households ... in Ukraine")
        ("Так, в 1936 году 15 тысяч семей были выселены с Украины в Казахстан.", "15 тысяч", "region"),
        (
            "Было решено разработать план переселения 150 тыс. кулацких семей в Казахстан.",
            "150 тыс.",
            "region",
        ),
        ("In 1930, 60,000 kulak families were deported to Siberia.", "60,000", FAMILY_PART),
        ("Суммарная статистика ОГПУ называет точное их число: 381 026 семей.", "381 026", FAMILY_PART),
    ],
)
def test_a_count_of_families_is_a_claim_of_families_not_of_persons(text, mention, scope):
    [f] = [f for f in _frames(text) if f.mention == mention]
    assert (f.quantity, f.scope) == ("deportations", scope)
    assert "families" in f.scope_detail


def test_a_count_of_families_is_never_judged_against_persons():
    # arrests are a series of persons: a number of households arrested in is listed, never judged
    v = _verdicts("In 1937, arrests were made in 1,500,000 households across the USSR.")
    [row] = v.to_dict("records")
    assert (
        row["quantity"] == "arrests"
        and row["scope"] == FAMILY_PART
        and row["verdict"] == "not_judged"
    )


def test_the_persons_of_the_families_keep_their_own_scope():
    # "1 803 392 человека" is a count of persons: the word of families is the number before's noun
    text = "В 1930–1931 годах выселено 381 026 семей, общей численностью 1 803 392 человека."
    got = {f.mention: (f.quantity, f.scope) for f in _frames(text)}
    assert got["381 026"] == ("deportations", FAMILY_PART)
    assert got["1 803 392"][0] == "deportations" and got["1 803 392"][1] != FAMILY_PART


def test_a_small_number_beside_another_numbers_families_is_no_claim():
    # "(в среднем из 4 человек)": the members of one family, not a count of the deported
    text = "Историк считал, что не более 300 тысяч семей (в среднем из 4 человек)."
    assert [f.mention for f in _frames(text)] == ["не более 300 тысяч"]
    assert _frames("Very many people today have families who were affected by the two men.") == []


def test_a_word_of_families_carries_no_part_into_the_next_sentence():
    text = "В 1930 году выселено 100 тысяч семей. В 1937 году расстреляно 353 074 человека."
    got = {f.mention: f.scope for f in _frames(text)}
    assert got["353 074"] == "USSR"


def test_a_tally_of_a_named_body_is_counted_and_listed_as_a_part():
    # "140 докторов наук и профессоров": a small number before a people noun of a body is a claim, of a part
    text = "На 94 из 140 докторов наук и профессоров, уничтоженных в Москве в 1937-38гг., были получены санкции."
    got = {f.mention: (f.quantity, f.scope, f.scope_detail) for f in _frames(text)}
    assert got["140"][0] == "executions" and got["140"][1:] == ("institution", "scientists")
    text = "Из 99 арестованных членов Академии наук 44 погибли в результате репрессий."
    got = {f.mention: f.scope for f in _frames(text)}
    assert got["99"] == "institution" and got["44"] == "institution"
    v = _verdicts(text)
    assert set(v["verdict"]) == {"not_judged"}


def test_a_writer_or_a_scholar_cited_names_no_part():
    # "Писатель утверждал": the source of a claim, not the body it counts
    [f] = _frames("Писатель утверждал, что к 1941 году в лагерях находилось 15 миллионов человек.")
    assert f.scope == "USSR"


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("A total of 130,242 prisoners of war were taken to the NKVD camps.", "prisoners_of_war"),
        ("Около 2 млн военнопленных содержалось в лагерях ГУПВИ.", "prisoners_of_war"),
        ("Of the German POWs, 381,000 died in Soviet captivity.", "prisoners_of_war_deaths"),
        # the verb outranks the noun: Katyn's prisoners of war were shot
        (
            "Nearly 22,000 Polish officers, prisoners of war, were executed by the NKVD.",
            "executions",
        ),
    ],
)
def test_prisoners_of_war_are_not_the_gulags_prisoners(text, quantity):
    [f] = _frames(text)
    assert f.quantity == quantity


def test_frames_is_split_so_it_can_be_formatted():
    # the review mend: the scope and the rereadings of a quantity live in modules of their own
    assert frame_scopes.scope is frames.scope and frame_quantities.reread is frames.reread
    assert not hasattr(frames, "GOES_ON") and not hasattr(frames, "breakdowns")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "семей",
        "families " * 2000,
        "381 026 семей",  # a number at the text's start
        "выселено семей: 381 026",  # and at its end
        "\u200b\ufeff\u00a0 15\u00a0тысяч семей",
        "\u202e150 тыс. кулацких семей\u202c были выселены",
    ],
)
def test_hostile_input_gives_frames_or_nothing(text):
    assert all(f.quantity and 0 < f.confidence <= 1 for f in _frames(text))


def test_families_are_read_in_linear_time():
    assert_linear(_frames, "В 1930 году выселено 15 тысяч семей, 60 000 человек. ", 20)
