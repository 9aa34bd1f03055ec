"""Breakdowns by category: a list of counts, each with its share in brackets and the category it counts.

A text often breaks a whole down by category in one sentence, a table's rows written out::

    из общего числа в 999 291 приговор 10 171 (1 %) на срок до двух лет; 176 813 (17,7 %) на срок
    от 3 до 5 лет; 553 771 (55,4 %) на срок от 6 до 10 лет

    Of the 500,000 sentenced, 50,000 (10%) received up to five years; 300,000 (60%) six to ten years.

An item is a count, its share in brackets right after it, then words (the category: a term, an article, a
people) up to a semicolon or a comma; at least :data:`MIN_ITEMS` items one after another, parted by ";" or ",",
make a breakdown.  Each count counts one category, a part of the whole (scope ``category``), and each share is
a share, not a count: both are listed, never judged (the record has no series by term or article).  A number
right before the first item in the same sentence, that nothing else reads, is the whole broken down: listed,
never judged.  A count with a share in brackets alone ("7 980 (4,2 %)", a year's deaths and its rate) is no
breakdown.

A share given with its counts in brackets ("98,5 % вынесенных приговоров (или 626 534 из 634 820)", "40 percent
of the cases (12,000 out of 30,000)") is the same kind of statement: the part the share counts and the whole it
is taken from, listed, never judged, where nothing else reads them (:func:`share_with_counts`).  One pass over
the sentence's mentions: linear in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .frames import Frame
from .mentions import Mention
from .table_cells import YEAR_IN_TEXT
from .unsaid import UNSAID_CONFIDENCE, UNSAID_QUANTITY, share_unsaid

#: The fewest items a breakdown has: one count with a share in brackets is a rate or a share, not a breakdown.
MIN_ITEMS = 2
#: Between a count and its share: an opening bracket ("10 171 (1 %)", "50,000 (10%)").
_OPEN = re.compile(r"\s*\(\s*")
#: After a share: its sign if the share's mention left it out, its closing bracket, then the category's words up to the item's end (";" "," or the sentence's).
_CATEGORY = re.compile(
    r"\s*(?:%|per\s?cent|процент[а-я]*)?\s*\)\s*(?:[—–-]\s*)?(?![,.])(?P<label>[^;()]*?[^\W\d_][^;()]*?)\s*(?:;|,(?=\s*[0-9])|\.?\s*$)"
)
#: The longest category, in characters: a longer run of words is a clause, not a row's label.
LONGEST_LABEL = 80


@dataclass(frozen=True)
class Breakdown:
    """A breakdown in a sentence: its items (the index of each count, of its share, its category) and the index of
    the whole broken down (-1 if none)."""

    items: tuple[tuple[int, int, str], ...]
    whole: int


def _item(mentions: list[Mention], i: int, sentence: str, offset: int) -> tuple[str, int] | None:
    """The category of the item that starts at count ``mentions[i]``, and where the item ends, or None."""
    if i + 1 >= len(mentions):
        return None
    count, share = mentions[i], mentions[i + 1]
    if count.unit != "count" or count.vague or share.unit != "share":
        return None
    if not _OPEN.fullmatch(sentence, count.end - offset, share.start - offset):
        return None
    m = _CATEGORY.match(sentence, share.end - offset)
    # a year in a category: a breakdown by year, each row the whole of its year, is no breakdown by category
    if m is None or len(m["label"]) > LONGEST_LABEL or YEAR_IN_TEXT.search(m["label"]):
        return None  # a clause, not a category; a year's row ("353 074 (52 %) в 1937 г."): a whole of its year
    return m["label"].strip(), m.end() + offset


def category_breakdowns(mentions: list[Mention], sentence: str, offset: int) -> list[Breakdown]:
    """The breakdowns of a sentence (``sentence`` starts at ``offset`` in the text the mentions are placed in).

    Examples
    --------
    >>> from gulagstats.factcheck.run import check_text
    >>> s = "Of the 500,000 sentenced, 50,000 (10%) received up to five years; 300,000 (60%) six to ten years."
    >>> [(f.mention, f.unit, f.scope, f.confidence < 0.6) for f in check_text(s).frames][1:3]
    [('50,000', 'count', 'category', True), ('10', 'share', 'USSR', True)]
    """
    out: list[Breakdown] = []
    items: list[tuple[int, int, str]] = []
    i, joined_at = 0, -1
    while i < len(mentions):
        found = _item(mentions, i, sentence, offset)
        if found is None or (items and mentions[i].start != joined_at):
            if len(items) >= MIN_ITEMS:
                out.append(Breakdown(tuple(items), _whole_before(mentions, items[0][0])))
            items = []
        if found is not None:
            items.append((i, i + 1, found[0]))
            end = found[1]
            joined_at = end + len(sentence[end - offset :]) - len(sentence[end - offset :].lstrip())
            i += 2
            continue
        i += 1
    if len(items) >= MIN_ITEMS:
        out.append(Breakdown(tuple(items), _whole_before(mentions, items[0][0])))
    return out


def _whole_before(mentions: list[Mention], first: int) -> int:
    """The index of the count right before a breakdown's first count (the whole broken down), or -1."""
    k = first - 1
    return k if k >= 0 and mentions[k].unit == "count" and not mentions[k].vague else -1


def listed_breakdown(
    b: Breakdown, got: list[Frame | None], read: Callable[[int, tuple[str, str]], Frame | None]
) -> None:
    """Fill ``got`` (the frames of a sentence's mentions, None where nothing read one) for breakdown ``b``: each
    count a part of its category, each share a share, the whole the whole; all listed, never judged.  A count
    read by a cue of its own row's words keeps its reading; one read by a cue carried from the whole is a part.

    ``read(i, carry)`` is the frame of mention ``i`` read with the quantity and cue ``carry``.
    """
    for count, share, label in b.items:
        f = got[count]
        if f is not None and f.cue and f.cue.lower() in label.lower():
            continue  # "50,000 (10 %) were shot; ...": the row's own words say what it counts
        if f is None:
            f = read(count, (UNSAID_QUANTITY, "a count by category"))
        if (
            f is not None
        ):  # the cue carried from the whole ("Of the 500,000 sentenced") counts the whole
            f.scope, f.scope_detail = "category", label
            f.confidence = min(f.confidence, UNSAID_CONFIDENCE)
            f.notes.append(
                f"a count of one category of a breakdown ('{label}'): a part, not judged"
            )
            got[count] = f
        got[share] = share_unsaid(got[share] or read(share, (UNSAID_QUANTITY, "a share")))
    if b.whole >= 0 and got[b.whole] is None and (f := read(b.whole, (UNSAID_QUANTITY, "a whole"))):
        f.confidence = min(f.confidence, UNSAID_CONFIDENCE)
        f.notes.append(
            "the whole a breakdown by category divides: no word says what it counts, not judged"
        )
        got[b.whole] = f


#: Between a share and its counts in brackets: the share's words, then "(", perhaps "или", "or", "i.e.".
_SHARE_THEN_BRACKET = re.compile(
    r"[^()0-9;]{0,60}\(\s*(?:(?:или|то есть|т\.\s?е\.|or|i\.\s?e\.),?\s+)?"
)
#: Between the part and its whole: "из", "of", "out of".
_PART_OF = re.compile(r"\s+(?:из|of|out\s+of)\s+")
#: After the whole: the closing bracket.
_CLOSE = re.compile(r"\s*\)")


def share_with_counts(
    mentions: list[Mention], sentence: str, offset: int
) -> list[tuple[int, int, int]]:
    """The shares given with their counts in brackets: (share, part, whole) indices of the mentions.

    "98,5 % вынесенных приговоров (или 626 534 из 634 820)", "about 40 percent of them (12,000 out of
    30,000)": the part is a count of the share's words, the whole what it is a share of.  Linear in the mentions.

    Examples
    --------
    >>> from gulagstats.factcheck.run import check_text
    >>> s = "In 1946, 97 % of the sentences (or 58 000 of 60 000) were terms of ten years."
    >>> [(f.mention, f.unit, f.scope != "USSR", f.confidence < 0.6) for f in check_text(s).frames]
    [('97', 'share', False, True), ('58 000', 'count', True, True), ('60 000', 'count', False, True)]
    """
    out = []
    for i in range(1, len(mentions) - 1):
        share, part, whole = mentions[i - 1], mentions[i], mentions[i + 1]
        if (
            share.unit == "share"
            and part.unit == whole.unit == "count"
            and not (part.vague or whole.vague)
            and part.high < whole.low
            and _SHARE_THEN_BRACKET.fullmatch(sentence, share.end - offset, part.start - offset)
            and _PART_OF.fullmatch(sentence, part.end - offset, whole.start - offset)
            and _CLOSE.match(sentence, whole.end - offset)
        ):
            out.append((i - 1, i, i + 1))
    return out


def listed_share_counts(
    found: tuple[int, int, int],
    got: list[Frame | None],
    read: Callable[[int, tuple[str, str]], Frame | None],
    mentions: list[Mention],
) -> None:
    """Fill ``got`` for a share with its counts in brackets (:func:`share_with_counts`), where nothing read them:
    the share a share, the part a part of the whole, the whole the whole a share is taken from; listed, never
    judged (what they count is the share's words, which no cue read)."""
    share, part, whole = found
    if got[share] is None:
        got[share] = share_unsaid(read(share, (UNSAID_QUANTITY, "a share")))
    if got[part] is None and (f := read(part, (UNSAID_QUANTITY, "a part"))):
        f.scope, f.scope_detail = "category", f"a part of {mentions[whole].text}"
        f.confidence = min(f.confidence, UNSAID_CONFIDENCE)
        f.notes.append(f"the count of a share, a part of {mentions[whole].text}: not judged")
        got[part] = f
    if got[whole] is None and (f := read(whole, (UNSAID_QUANTITY, "a whole"))):
        f.confidence = min(f.confidence, UNSAID_CONFIDENCE)
        f.notes.append("the whole a share is taken from: no word says what it counts, not judged")
        got[whole] = f


def listed_parts(
    mentions: list[Mention],
    sentence: tuple[str, int],
    got: list[Frame | None],
    read: Callable[[int, tuple[str, str]], Frame | None],
) -> None:
    """Fill ``got`` for the breakdowns by category and the shares with their counts of a sentence (its text and
    offset): each a part, listed, never judged.  ``read(i, carry)`` reads mention ``i`` with ``carry``."""
    text, offset = sentence
    for b in category_breakdowns(mentions, text, offset):
        listed_breakdown(b, got, read)
    for found in share_with_counts(mentions, text, offset):
        listed_share_counts(found, got, read, mentions)
