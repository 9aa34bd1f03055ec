"""Stage 2, language: English, Russian, or another language (which gets a warning).

The lexicon holds English and Russian phrases; a text in another language
would give no claims, so it is named, never passed over silently.  The test is
the share of Cyrillic letters (Russian) and, for Latin script, the share of
common English words among the words of the text: measured on the seed and dev
texts, English prose has 20-30 % of such words, German, French or Spanish
prose under 5 %.
"""

from __future__ import annotations

import re

#: The most common English words (function words, over a fifth of English prose).
ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "is",
        "was",
        "were",
        "that",
        "for",
        "on",
        "as",
        "by",
        "with",
        "from",
        "at",
        "which",
        "it",
        "his",
        "their",
        "this",
        "be",
        "are",
        "had",
        "has",
        "have",
        "not",
        "or",
        "an",
        "they",
        "been",
        "who",
        "but",
        "its",
        "than",
        "more",
        "about",
        "these",
        "those",
        "there",
        "into",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")
#: How much of a text is looked at (its start): enough to know its language, and bounded in time.
SAMPLE = 200_000


def detect(text: str) -> str:
    """``en``, ``ru``, ``other`` (letters in another language) or ``none`` (no letters).

    Examples
    --------
    >>> detect("In 1937-1938, 681,692 people were shot."), detect("В 1937–1938 годах расстреляно 681 692 человека.")
    ('en', 'ru')
    >>> detect("In den Jahren 1937 und 1938 wurden 681.692 Menschen erschossen."), detect("1937 - 1938")
    ('other', 'none')
    """
    words = _WORD.findall(text[:SAMPLE])
    if not words:
        return "none"
    cyrillic = sum(1 for w in words if "\u0400" <= w[0] <= "\u04ff")
    if cyrillic * 2 >= len(words):
        return "ru"
    english = sum(1 for w in words if w.lower() in ENGLISH)
    return "en" if english >= 0.08 * (len(words) - cyrillic) else "other"


def warning(name: str, language: str) -> str:
    """The warning for a text the lexicon cannot read ("" for English or Russian).

    Examples
    --------
    >>> warning("a.txt", "other")
    'a.txt: not English or Russian; the lexicon reads those two only, so claims in it may be missed'
    """
    if language == "other":
        return f"{name}: not English or Russian; the lexicon reads those two only, so claims in it may be missed"
    if language == "none":
        return f"{name}: no words to read"
    return ""
