"""Round 15, reading: shares of people are listed, never judged; the rest of the round's reading forms.

"About one in five were women", "up to 16% of the total Ingrian Finnish population", "58 % из них",
"0,34 %, 1,26 % и 0,4 % населения СССР": a share (in words or in percent) that no cue reads but that is taken
of people (a word of people, a whole of people: the lexicon's ``share_of``) is a claim frame read as the
repressed under the judging confidence, so listed and never judged. Not a share of things ("over 40% of the
country's cattle", "a quarter of the century"), nor one whose word of people stands in another clause or far
on with no "of" ("about 10% reduction compared to the 1926 population"). Hostile input too.
"""

from __future__ import annotations

from gulagstats.factcheck.judgment import JUDGING_CONFIDENCE
from gulagstats.factcheck.run import check_text, factcheck
from tests.test_factcheck_stages import assert_linear


def _shares(text: str) -> list[tuple[str, float, str]]:
    return [(f.mention, f.low, f.unit) for f in check_text(text).frames if f.unit == "share"]


def test_shares_of_people_are_listed() -> None:
    assert _shares("About one in five were women.") == [("about one in five", 20.0, "share")]
    assert _shares("About a half of them survived.") == [("half", 50.0, "share")]
    assert _shares(
        "Soviet authorities deported 18,000 people, up to 16% of the total Ingrian Finnish population."
    ) == [("up to 16", 16.0, "share")]
    assert [m for m, _, _ in _shares("Только 58 % из них говорили по-польски.")] == ["58"]
    assert [
        m
        for m, _, _ in _shares(
            "Это составляло соответственно 0,34 %, 1,26 % и 0,4 % населения СССР."
        )
    ] == ["0,34", "1,26", "0,4"]  # a list of shares before its one whole


def test_shares_are_never_judged() -> None:
    frames = check_text("About one in five were women; 70% of them women and children.").frames
    assert frames and all(f.confidence < JUDGING_CONFIDENCE for f in frames)
    assert all("a share: no word says what it is a share of" in f.notes for f in frames)
    assert not any(n.startswith("quantity carried from") for f in frames for n in f.notes)


def test_shares_of_things_are_not_listed() -> None:
    assert (
        _shares(
            "In a few months over 40% of the country's cattle and over 65% of its sheep had gone."
        )
        == []
    )
    assert _shares("He was the ruler of the Soviet Union for a quarter of the century.") == []
    assert _shares("It was about 10% reduction compared to the 1926 population figures.") == []
    assert _shares("More than 90% were cleared.") == []  # "were" is a verb, not a whole of people
    assert (
        _shares("Half of the camps closed; the population of the town grew.") == []
    )  # another clause


def test_never_a_verdict_nor_a_contradiction(tmp_path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("About one in five were women.", encoding="utf-8")
    b.write_text("About one in four were women.", encoding="utf-8")
    result = factcheck([a, b])
    assert len(result.claims) == 2
    assert set(result.verdicts["verdict"]) == {"not_judged"}
    assert result.contradictions.empty


def _listed(text: str) -> list[tuple[str, float]]:
    return [(f.mention, f.confidence) for f in check_text(text).frames]


def test_not_an_audience() -> None:
    assert _listed("The Great Terror reached hundreds of thousands of readers.") == []
    assert _listed("How many millions did he kill?") == []  # a question, not a claim


def test_counts_of_a_hundred_people_or_more_are_listed() -> None:
    assert _listed("Подсчитано, что два исполнителя за одну ночь уничтожали до 400 человек.") == [
        ("до 400", 0.4)
    ]
    assert _listed("В одной камере было заключено до 170 человек одновременно.") == [
        ("до 170", 0.4)
    ]
    assert (
        _listed("We cannot identify all 40 people whose remains were found.") == []
    )  # an anecdote's count
    assert _listed("Of the 400 delegates, few came.") == []  # the whole a part is taken from


def test_a_reading_of_its_own_is_not_noted_as_carried() -> None:
    """unsaid, estimated, share_unsaid: the frame is made with ``enumerated=False``, so no note to drop."""
    for text in (
        "Around 32,000 people, mostly Armenians, were settled in the areas.",  # a count of people
        "Estimates range from 6 million to 61 million.",  # a spread
        "About one in five were women.",  # a share of people
    ):
        frames = check_text(text).frames
        assert frames, text
        assert not any("carried from the enumeration" in n for f in frames for n in f.notes), text
    # an enumeration's carry keeps its note: the judging reads it (bounds.carried_quantity)
    frames = check_text("Fatalities: various estimates: 1) 12,589, 2) 14,895, 3) 30,000").frames
    assert [f.mention for f in frames] == ["12,589", "14,895", "30,000"]
    assert all("quantity carried from the enumeration (fatalities)" in f.notes for f in frames[1:])


def test_hostile_input() -> None:
    assert check_text("").frames == []
    assert check_text("%" * 5000).frames == []
    assert _shares("\uff11\uff16% of the population") == [
        ("16", 16.0, "share")
    ]  # full-width digits
    assert (
        _shares("16\u00a0% of\u200b the population") != []
    )  # a no-break space, a zero-width space
    assert _listed(
        "m\u0131llions of people; \u0434\u043e 400 \u0447\u0435\u043b\u043e\u0432\u0435\u043a."
    ) == [("до 400", 0.4)]  # a dotless i is no "millions"; Cyrillic by escapes
    big = "About one in five were women. " * 35_000  # about 1 MB
    assert len(big) > 1_000_000
    assert len(_shares(big)) == 35_000


def test_linear_in_a_long_list_of_shares() -> None:
    def shares(text: str) -> object:
        return check_text(text + "of the population.")

    assert_linear(shares, "16 %, ", 1250)
