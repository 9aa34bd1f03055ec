"""Round 18's modality and scope carried from context: figures reported to be rejected, victims of a regime
that outlived the record, and a sentence that sums up the part a story was about.

Both wrong verdicts of round 17's unseen part read a claim as the author's own, whole-USSR statement when the
text said otherwise (docs/factcheck.md, "Round 18: modality and scope carried from context"); the sentences here
are invented in the same shapes, each with a near-miss the rule must leave alone.
"""

from __future__ import annotations

import pytest

from gulagstats.factcheck.judgment import claims_frame, judge
from gulagstats.factcheck.rejections import REJECTED, REJECTED_SAID
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text
from gulagstats.factcheck.stories import STORY_CARRIED, STORY_REACH

DATA = load_resources()


def _frame(text: str, mention: str):
    frames = [f for f in check_text(text, "t.txt", DATA).frames if f.mention.endswith(mention)]
    assert frames, [f.mention for f in check_text(text, "t.txt", DATA).frames]
    return frames[0]


def _verdict(text: str, mention: str):
    v = judge(claims_frame(check_text(text, "t.txt", DATA).frames))
    return v[v["mention"].str.endswith(mention)].iloc[0]


# 1. A figure the text reports in order to reject it: judged as stated, not the author's.


@pytest.mark.parametrize(
    ("text", "mention", "cue"),
    [
        (
            "Émigré authors spread the thesis of allegedly 9 million shot in 1937-1938.",
            "9 million",
            "allegedly",
        ),
        (
            "The myth of 7 million executed in 1937-1938 outlived the opening of the archives.",
            "7 million",
            "the myth of",
        ),
        (
            "Публицисты повторяли тезис о якобы 9 млн. расстрелянных в 1937–1938 гг.",
            "9 млн.",
            "якобы",
        ),
        ("The so-called 9 million shot in 1937-1938 never existed.", "9 million", "so called"),
        (
            "Так называемые 9 млн. расстрелянных в 1937–1938 гг. – выдумка.",
            "9 млн.",
            "так называемые",
        ),
        (
            "Пресловутые 7 миллионов расстрелянных в 1937–1938 годах давно опровергнуты.",
            "7 миллионов",
            "пресловутые",
        ),
    ],
)
def test_a_rejected_figure_is_judged_as_stated_and_not_the_authors(
    text: str, mention: str, cue: str
) -> None:
    f = _frame(text, mention)
    assert f.modality == "stated"
    assert f.attribution == f"others (a view the text rejects: {cue})"
    assert any(n.startswith(REJECTED) for n in f.notes)
    v = _verdict(text, mention)
    assert v["verdict"] == "overstates"  # judged as the claim (label rule 45)
    assert str(v["explanation"]).startswith(REJECTED_SAID)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the cue says what a charge was, and stands far from the number
        (
            "Арестованные за якобы имевшее место вредительство инженеры, всего 2 000 человек, были осуждены.",
            "2 000",
        ),
        # the cue comes after the number: it tells what the shot were accused of
        ("In 1937, 353,074 people were shot for allegedly plotting against the state.", "353,074"),
        # the so-called names the Terror, not the number
        (
            "During the so-called Great Terror, 7 million people were arrested in 1937-1938.",
            "7 million",
        ),
        ("В годы так называемого «Большого террора» миллионы людей были арестованы.", "миллионы"),
        # a so-called document, not a figure
        ("The so-called Order 00447 of 30 July 1937 set a limit of 75,950 executions.", "75,950"),
    ],
)
def test_a_word_of_rejection_elsewhere_leaves_the_number_the_authors(
    text: str, mention: str
) -> None:
    f = _frame(text, mention)
    assert "rejects" not in f.attribution
    assert not any(n.startswith(REJECTED) for n in f.notes)


# 2. Victims of a regime that outlived the record, undated: deaths laid at its door, not judged.


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Cold War writers spoke of 50 million victims of the Soviet regime.", "50 million"),
        ("The monument honours some 20 million victims of communism.", "20 million"),
        ("Советологи писали о 40 млн. жертв коммунистического режима.", "40 млн."),
    ],
)
def test_undated_victims_of_the_regime_are_not_judged(text: str, mention: str) -> None:
    f = _frame(text, mention)
    assert f.quantity == "regime_deaths"
    v = _verdict(text, mention)
    assert v["verdict"] == "not_judged"
    assert "regime" in str(v["reason"]) or str(v["reason"]) == "no period stated"


@pytest.mark.parametrize(
    ("text", "mention", "quantity"),
    [
        # dated in its own clause: the repressed, as the labels read Solzhenitsyn's 66.7 million
        (
            "Solzhenitsyn counted 66 million victims of the Soviet regime from 1917 to 1959.",
            "66 million",
            "repressed_total",
        ),
        # victims of repression are the repressed
        (
            "Over 4 million victims of political repression were sentenced between 1921 and 1953.",
            "4 million",
            "repressed_total",
        ),
    ],
)
def test_dated_or_other_victims_stay_as_read(text: str, mention: str, quantity: str) -> None:
    assert _frame(text, mention).quantity == quantity


# 3. A sentence that sums up a story counts the part the story was about.

_STORY = (
    "The deportations from Lithuania began in June 1941.\n\n"
    "Trains left the stations every night.\n\n"
    "Many of the deportees ended up in the mines.\n\n"
)


@pytest.mark.parametrize(
    "summing",
    [
        "In total, between 1944 and 1953 over 120,000 persons were deported.",
        "Altogether, some 120,000 persons were deported between 1944 and 1953.",
    ],
)
def test_a_summing_sentence_counts_the_storys_part(summing: str) -> None:
    f = _frame(_STORY + summing, "120,000")
    assert (f.scope, f.scope_detail) == ("region", f"Lithuania ({STORY_CARRIED})")


def test_a_russian_summing_sentence_counts_the_storys_part() -> None:
    text = (
        "Депортации из Литвы начались в июне 1941 г.\n\nЭшелоны уходили каждую ночь.\n\n"
        "Всего в 1944–1953 гг. было арестовано более 120 000 человек."
    )
    assert _frame(text, "120 000").scope == "region"


@pytest.mark.parametrize(
    "summing",
    [
        # the whole named in the summing sentence itself
        "In total, 681,692 people were shot in the USSR in 1937-1938.",
        # no word of summing: a new statement about the country
        "Between 1937 and 1938, 681,692 people were shot.",
        # not a sum
        "In all probability 681,692 people were shot in 1937-1938.",
    ],
)
def test_a_sentence_that_does_not_sum_up_the_story_is_the_whole(summing: str) -> None:
    assert _frame(_STORY + summing, "681,692").scope == "USSR"


def test_a_story_ended_by_the_whole_or_by_distance_is_not_carried() -> None:
    whole = (
        _STORY
        + "Across the Soviet Union the NKVD was busy.\n\nIn total, 681,692 people were shot in 1937-1938."
    )
    assert _frame(whole, "681,692").scope == "USSR"
    far = (
        _STORY
        + "Nothing more was said.\n\n" * (STORY_REACH + 1)
        + "In total, 681,692 were shot in 1937-1938."
    )
    assert _frame(far, "681,692").scope == "USSR"


# 4. Two named speakers' figures set against each other in one sentence: a spread, not judged.


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Министр А. Иванов утверждал, что в 1937–1938 гг. было расстреляно 500 тыс. человек, "
            "а по подсчетам Б. Петрова — около 900 тыс. человек.",
            "500 тыс.",
            "900 тыс.",
        ),
        (
            "Smith claimed that 500,000 people were shot in 1937-1938, while according to J. Brown 900,000 were shot.",
            "500,000",
            "900,000",
        ),
    ],
)
def test_two_speakers_figures_set_against_each_other_are_a_spread(
    text: str, first: str, second: str
) -> None:
    for mention in (first, second):
        v = _verdict(text, mention)
        assert v["verdict"] == "not_judged"
        assert str(v["reason"]).startswith("a spread")


@pytest.mark.parametrize(
    "text",
    [
        # one speaker: a figure and its part
        "Smith wrote that 681,692 people were shot in 1937-1938, and 1,575,259 arrested in 1937-1938.",
        # the author's figure beside a speaker's
        "In 1937-1938, 681,692 people were shot; according to J. Brown, 700,000 were shot in 1937-1938.",
    ],
)
def test_one_speaker_or_the_author_is_no_spread(text: str) -> None:
    v = judge(claims_frame(check_text(text, "t.txt", DATA).frames))
    assert not v["reason"].astype(str).str.startswith("a spread").any()


def test_a_name_after_initials_is_the_speaker() -> None:
    from gulagstats.factcheck.attribution import attribute

    s = "По подсчетам В. Н. Земскова, в 1937 г. расстреляно 353 074 человека."
    assert attribute(s, s.index("353"), 0) == "В. Н. Земскова"
    s = "Deaths rose in the USSR. Stalin said 5 million were kulaks."
    assert attribute(s, s.index("5 m"), 0) == "Stalin"


def test_a_sentence_of_the_same_paragraph_without_a_sum_is_not_carried() -> None:
    # round 18 measured carrying a paragraph's part to every sentence after it: paragraphs return to the whole
    # country without saying so, and 19 right verdicts on dev went wrong; only a summing sentence takes it
    text = "In Karelia the NKVD was busy in 1937. In 1937-1938, 681,692 people were shot."
    assert _frame(text, "681,692").scope == "USSR"
