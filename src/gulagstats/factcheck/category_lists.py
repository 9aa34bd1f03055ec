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
breakdown.  One pass over the sentence's mentions: linear in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .frames import Frame
from .mentions import Mention
from .unsaid import UNSAID_CONFIDENCE, UNSAID_QUANTITY, share_unsaid

#: The fewest items a breakdown has: one count with a share in brackets is a rate or a share, not a breakdown.
MIN_ITEMS = 2
#: Between a count and its share: an opening bracket ("10 171 (1 %)", "50,000 (10%)").
_OPEN = re.compile(r"\s*\(\s*")
#: After a share: its sign if the share's mention left it out, its closing bracket, then the category's words up to the item's end (";" "," or the sentence's).
_CATEGORY = re.compile(
    r"\s*(?:%|per\s?cent|процент[а-я]*)?\s*\)\s*(?:[—–-]\s*)?(?P<label>[^;()]*?[^\W\d_][^;()]*?)\s*(?:;|,(?=\s*[0-9])|\.?\s*$)"
)
#: A year in a category: a breakdown by year, each row the whole of its year, is no breakdown by category.
_YEAR = re.compile(r"(?<![0-9])(?:1[89][0-9]{2}|20[0-9]{2})(?![0-9])")
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
    if m is None or len(m["label"]) > LONGEST_LABEL or _YEAR.search(m["label"]):
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
                out.append(Breakdown(tuple(items), _whole(mentions, items[0][0])))
            items = []
        if found is not None:
            items.append((i, i + 1, found[0]))
            end = found[1]
            joined_at = end + len(sentence[end - offset :]) - len(sentence[end - offset :].lstrip())
            i += 2
            continue
        i += 1
    if len(items) >= MIN_ITEMS:
        out.append(Breakdown(tuple(items), _whole(mentions, items[0][0])))
    return out


def _whole(mentions: list[Mention], first: int) -> int:
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
