"""Round 16, reading: two more forms of tables, a share in brackets after a count, a footnote letter.

- A year-value table printed in pairs of columns ("1930 179,000 1942 1,777,043"), one printed line a line,
  under a caption ending in a colon (across one blank line): each cell a count of the caption's noun for its
  year, on the day the caption names "of each year". Not "1937 1938" (two years), not two lines only.
- A label-count table flattened one cell a line ("Chechens (Feb. 1944) |", "362 000", "|"): each count the
  caption's noun, dated by its label's year, and listed, never judged (its label names a part). No caption,
  no rows.
- "Осуждены 13 113 чел. (94 %)": the sentence goes on after "чел." before a bracketed number, and the share
  is a share of the people counted: listed, never judged.
- "between 775,866 and 786,098a.": a footnote letter glued after a grouped number is not part of it.
"""

from __future__ import annotations

import time

from gulagstats.factcheck.judgment import JUDGING_CONFIDENCE
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text, factcheck
from gulagstats.factcheck.sentences import split
from gulagstats.factcheck.table_labels import labelled_counts
from gulagstats.factcheck.table_pairs import paired_rows
from gulagstats.factcheck.tables import table_rows
from tests.test_factcheck_stages import assert_linear

APPLEBAUM = (
    "The first sets of figures seemed at first to show numbers in the middle. According to NKVD documents,"
    " these were the numbers of prisoners in Gulag camps and colonies from 1930 to 1953, as counted on"
    " January 1 of each year:\n\n"
    "1930 179,000 1942 1,777,043\n1931 212,000 1943 1,484,182\n1932 268,000 1944 1,179,819\n193"
)
DEPORTED = (
    "Soviet mass deportations of the 1940s\nChechens (Feb. 1944) |\n362 000\n|\n"
    "Ingush (Feb. 1944) |\n134 000\n|\nKalmyks (Dec. 1943) |\n92 000\n|\nTotal\n|\n588 000\n|\n"
    "Note: these figures are estimates."
)


def _frames(text: str) -> list[tuple[str, str, str, float]]:
    return [(f.mention, f.quantity, f.period, f.confidence) for f in check_text(text).frames]


def test_a_table_in_pairs_of_columns() -> None:
    frames = _frames(APPLEBAUM)
    assert [m for m, _, _, _ in frames] == [
        "179,000",
        "1,777,043",
        "212,000",
        "1,484,182",
        "268,000",
        "1,179,819",
    ]
    assert {q for _, q, _, _ in frames} == {"gulag_population"}
    assert frames[1][2].startswith("1942-01-01")  # "as counted on January 1 of each year"


def test_not_a_table_in_pairs() -> None:
    data = load_resources()
    years = "Prisoners:\n1937 1938\n1939 1940\n1941 1942\n"
    assert [r for r in table_rows(years, data) if r.quantity] == []  # years side by side, no count
    two = "Prisoners:\n1930 179,000 1942 1,777,043\n1931 212,000 1943 1,484,182\n"
    assert paired_rows(two, _spans(two), data) == []  # two lines are not a table
    twice = "Prisoners:\n1930 179,000 1930 1,777,043\n1931 212,000 1943 1,484,182\n1932 1 1944 2\n"
    assert paired_rows(twice, _spans(twice), data) == []  # a year twice; "1 1944": no count
    prose = "In 1937 380,000 were arrested and in 1938 500,000 more; by 1939 45,000 again."
    assert paired_rows(prose, _spans(prose), data) == []  # words: a sentence, not a row


def _spans(text: str) -> list[tuple[int, int]]:
    out, at = [], 0
    for line in text.split("\n"):
        out.append((at, at + len(line)))
        at += len(line) + 1
    return out


def test_a_flattened_label_count_table_is_listed_never_judged() -> None:
    frames = _frames(DEPORTED)
    assert [(m, q) for m, q, _, _ in frames] == [
        ("362 000", "deportations"),
        ("134 000", "deportations"),
        ("92 000", "deportations"),
        ("588 000", "deportations"),
    ]
    assert frames[0][2].startswith("1944") and frames[2][2].startswith("1943")  # the label's year
    assert all(c < JUDGING_CONFIDENCE for _, _, _, c in frames)
    assert "a row of a table whose label names a part ('Chechens (Feb. 1944)')" in " ".join(
        check_text(DEPORTED).frames[0].notes
    )


def test_no_caption_no_label_count_rows() -> None:
    data = load_resources()
    bare = DEPORTED.split("\n", 1)[1]
    assert labelled_counts(bare, _spans(bare), data) == []
    two = "Mass deportations\nChechens |\n362 000\n|\nIngush |\n134 000\n|"
    assert labelled_counts(two, _spans(two), data) == []  # two pairs are not a table
    prose = (
        "Mass deportations\nThe Chechens were deported in 1944, some 362 000 people, | and more.\n"
    )
    assert labelled_counts(prose, _spans(prose), data) == []


def test_label_count_rows_never_give_a_verdict(tmp_path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(DEPORTED.replace("Soviet mass deportations", "Executions"), encoding="utf-8")
    result = factcheck([a])
    assert len(result.claims) == 4
    assert set(result.verdicts["verdict"]) == {"not_judged"}


def test_a_share_in_brackets_after_a_count_of_people() -> None:
    text = "Осуждены 13 113 чел. (94 %), 796 чел. (6 %) приговоры вынесены не были."
    assert [s.text for s in split(text)] == [
        text
    ]  # one sentence: the shares go on with their counts
    assert [f.mention for f in check_text(text).frames if f.unit == "share"] == ["94", "6"]
    # no cue reads it: the share of the people counted, listed, never judged
    frames = check_text("Тогда 13 113 чел. (94 %) ушли домой.").frames
    shares = [(f.mention, f.confidence < JUDGING_CONFIDENCE) for f in frames if f.unit == "share"]
    assert shares == [("94", True)]
    # "чел." still ends a sentence before a capital; "дел" (cases) is no word of people
    assert [s.text for s in split("Расстреляно 353 074 чел. По данным Мемориала.")] == [
        "Расстреляно 353 074 чел.",
        "По данным Мемориала.",
    ]
    assert [
        f for f in check_text("Тогда 13 909 дел (28 %) ушли в архив.").frames if f.unit == "share"
    ] == []


def test_a_footnote_letter_after_a_grouped_number() -> None:
    frames = check_text(
        "From 1923 to 1953 the courts passed between 775,866 and 786,098a death sentences."
    ).frames
    assert [(f.mention, f.low, f.high) for f in frames] == [
        ("775,866 and 786,098", 775866.0, 786098.0)
    ]
    # not a scale letter, not "1,000s", not a word glued on
    for text in ("They shot 5,000k.", "In the 1,000s of cases.", "It was 5,000km away."):
        assert not any(f.high == 5000.0 or f.high == 1000.0 for f in check_text(text).frames), text


def test_hostile_input() -> None:
    data = load_resources()
    for text in ("", "|" * 5000, "\n" * 5000, "1930 " * 5000, "\u00a0|\n" * 3000):
        assert paired_rows(text, _spans(text), data) == []
        assert labelled_counts(text, _spans(text), data) == []
        check_text(text)
    odd = "Депортации\n\uff23hechens |\n\uff13\uff16\uff12 000\n|\nИнгуши |\n134\u00a0000\n|\nКалмыки |\n92 000\n|"
    assert [f.mention for f in check_text(odd).frames][-2:] == ["134\u00a0000", "92 000"]
    big = (APPLEBAUM + "\n\n" + DEPORTED + "\n\n") * 2000  # about 1 MB
    assert len(big) >= 1_000_000
    start = time.perf_counter()
    rows = table_rows(big, data)
    assert time.perf_counter() - start < 60
    assert len(rows) == 2000 * 10  # six cells in pairs, four label-count cells, each copy
    assert (
        len(check_text(big[: len(big) // 10]).frames) >= 200 * 10 - 10
    )  # the whole reader on 100 KB


def test_linear_time() -> None:
    data = load_resources()
    row = "1930 179,000 1942 1,777,043\n"
    assert_linear(lambda t: paired_rows(t, _spans(t), data), row, 500)
    cell = "Chechens (Feb. 1944) |\n362 000\n|\n"
    assert_linear(
        lambda t: labelled_counts("Deportations\n" + t, _spans("Deportations\n" + t), data),
        cell,
        500,
    )


def test_a_word_between_a_small_number_and_its_people() -> None:
    text = "The verdict was announced and the six main defendants were executed by shooting on October 1."
    assert [f.mention for f in check_text(text).frames] == ["six"]
    # "more" is not skipped: "four more were sent" is an anecdote's count ("were" is no word of people)
    text = "One died before he could be executed; four more were sent to other parts of the Gulag."
    assert check_text(text).frames == []
    assert check_text("The six main reasons were given.").frames == []
