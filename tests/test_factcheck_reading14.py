"""Round 14, reading: the numbers of a spread of others' estimates and of questions are listed, never judged.

"casualty estimates varying widely from 6 million ... to 61 million", "Estimates vary widely. Some historians
place the number closer to 20 million", "Was it 10 million? 20 million? 60 million?": each number is a claim
with modality ``spread`` and a reason a journalist reads, under the judging confidence, so never a verdict and
never a contradiction. Not a number that counts a thing in a question ("25 million farms ...?") or a vague
word echoed ("«Тысяч миллионов»?"). Hostile input too.
"""

from __future__ import annotations

from gulagstats.factcheck.judgment import JUDGING_CONFIDENCE
from gulagstats.factcheck.run import check_text, factcheck
from gulagstats.factcheck.unsaid import FIGURE, SPREAD
from tests.test_factcheck_stages import assert_linear


def _spread(text: str) -> list[tuple[str, str]]:
    return [(f.mention, f.modality) for f in check_text(text).frames]


def test_a_quoted_spread_lists_each_number() -> None:
    text = (
        "Some historians attempt to make separate estimates for different periods of Soviet history, with "
        "casualty estimates varying widely from 6 million (for the Stalinist period)[72] to 8.1 million (for a "
        "period ending in 1937)[73] to 20 million[49][au] to 61 million (for the period 1917–1987).[74]"
    )
    frames = check_text(text).frames
    assert [f.mention for f in frames] == ["6 million", "8.1 million", "20 million", "61 million"]
    assert all(f.modality == SPREAD and f.confidence < JUDGING_CONFIDENCE for f in frames)
    assert all(any("spread of others' estimates" in n for n in f.notes) for f in frames)


def test_the_sentence_after_a_spread_cue() -> None:
    text = (
        "When it comes to the total loss of life, estimates vary widely. Some historians place the number "
        "closer to 20 million, while others suggest higher figures, sometimes reaching as high as 60 million."
    )
    assert _spread(text) == [("20 million", SPREAD), ("60 million", SPREAD)]
    # a new paragraph does not go on with the spread of the one before
    assert _spread("Estimates vary widely.\n\nSome place it closer to 20 million.") == []


def test_questions_list_their_numbers() -> None:
    text = "I felt a sense of vertigo. Was it 10 million? 20 million? 60 million? The numbers were so vast."
    frames = check_text(text).frames
    assert [f.mention for f in frames] == ["10 million", "20 million", "60 million"]
    assert all(f.modality == SPREAD for f in frames)
    assert all("a number asked in a question" in f.notes[-1] for f in frames)
    assert _spread("Was it 10 million or 20 million?") == [
        ("10 million", SPREAD),
        ("20 million", SPREAD),
    ]


def test_not_a_question_about_things_nor_an_echo() -> None:
    assert (
        _spread(
            "What was the name given whereby 25 million farms were formed to make 240,000 state-owned farms?"
        )
        == []
    )
    assert _spread("Н. Болтянская: «Тысяч миллионов»?") == []
    assert (
        _spread("Was it 10 people?") == []
    )  # under a thousand: an anecdote's count, not an estimate


def test_a_stated_claim_in_a_spread_sentence_keeps_its_own_reading() -> None:
    # a number its own cue reads is not made an unsaid estimate
    frames = check_text(
        "Estimates range from 6 million to 61 million deaths; 681,692 were shot in 1937-1938."
    ).frames
    shot = [f for f in frames if f.mention == "681,692"]
    assert shot and shot[0].quantity == "executions"


def test_never_judged_never_a_contradiction(tmp_path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Was it 10 million? 20 million?", encoding="utf-8")
    b.write_text("Estimates vary widely, from 1 million to 61 million.", encoding="utf-8")
    result = factcheck([a, b])
    assert len(result.claims) == 3  # 10 million, 20 million, the range 1-61 million
    assert set(result.verdicts["verdict"]) == {"not_judged"}
    assert result.contradictions.empty


def test_hostile_input() -> None:
    assert check_text("").frames == []
    assert check_text("?" * 5000).frames == []
    assert (
        check_text("??? 20 million? ???").frames[0].modality == SPREAD
    )  # a number at a question's edge
    for odd in (
        "\uff11\uff10",
        "\u0661\u0660",
    ):  # full-width and Arabic-Indic digits: read as ASCII ones
        frames = check_text(f"Was it {odd} million?").frames
        assert [(f.low, f.modality) for f in frames] == [(10_000_000.0, SPREAD)]
    big = "Estimates vary widely. " + "It came to 20 million. " * 45_000  # about 1 MB
    assert len(big) > 1_000_000
    assert [f.mention for f in check_text(big).frames] == [
        "20 million"
    ]  # only the sentence right after the cue


def test_linear_in_a_long_spread() -> None:
    def spread(text: str) -> object:
        return check_text("Estimates vary widely: from " + text + "to 61 million.")

    assert_linear(spread, "6 million to ", 1250)  # 10,000 numbers at the largest size


def test_a_figure_named_is_listed_stated_never_judged() -> None:
    for text in (
        "The 40 million figure falls within this range but is not specifically endorsed by a consensus view.",
        "Some put the figure as high as 20 million.",
        "The 20M number is pretty much accepted.",
    ):
        frames = check_text(text).frames
        assert len(frames) == 1, text
        assert frames[0].modality == "stated" and frames[0].confidence < JUDGING_CONFIDENCE
        assert FIGURE in frames[0].notes
    # a small tally a figure names is no toll; a vague word is not read as one either
    assert _spread("The figure was 3,000 in all.") == []
    assert _spread("The figure is millions.") == []
