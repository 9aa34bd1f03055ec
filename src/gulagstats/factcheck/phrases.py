"""Words and phrases: the tokens of a sentence, and a phrase table matched against them in linear time.

The fact-checker's data (lexicon, named periods, scope and modality cues) are
lists of *phrases*, not regular expressions: a phrase is one or more words,
and a word ending in ``*`` matches every word that starts with it
(``arrest*`` matches "arrested", "arrests"; ``расстрел*`` matches
"расстреляно").  Phrases cannot backtrack, so a user's lexicon cannot make
the reading slow, and matching is one pass over the tokens: each token is
looked up in a dictionary of first words (and of the prefixes of stems).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A token: a run of letters, a run of digits ("Deaths681" is two: an infobox's cells run together), or a percent sign.
TOKEN = re.compile(r"[^\W\d_]+|[0-9]+|%")


@dataclass(frozen=True)
class Token:
    """A word of a text: its lower-case form and where it is (character offsets)."""

    word: str
    start: int
    end: int


def fold(word: str) -> str:
    """A word as phrases compare it: lower case, ``ё`` as ``е``.

    Examples
    --------
    >>> fold("Осуждённых")
    'осужденных'
    """
    return word.lower().replace("ё", "е")


def tokens(text: str, offset: int = 0) -> list[Token]:
    """The tokens of ``text``, their offsets shifted by ``offset``.

    Examples
    --------
    >>> [(t.word, t.start) for t in tokens("Stalin's 1937 purge: 50%")]
    [('stalin', 0), ('s', 7), ('1937', 9), ('purge', 14), ('50', 21), ('%', 23)]
    """
    return [
        Token(fold(m.group(0)), m.start() + offset, m.end() + offset) for m in TOKEN.finditer(text)
    ]


@dataclass(frozen=True)
class Match:
    """A phrase found in a token list: the row it came from and the tokens it covers ``[first, last)``."""

    row: int
    first: int
    last: int


class PhraseTable:
    """Phrases (each with the index of its row), matched against token lists.

    Examples
    --------
    >>> table = PhraseTable(["shot", "sentenced to death", "arrest*"])
    >>> found = table.find(tokens("1,000 were arrested and 500 sentenced to death"))
    >>> [(m.row, m.first, m.last) for m in found]
    [(2, 3, 4), (1, 6, 9)]
    """

    def __init__(self, phrases: list[str]):
        self.words: list[tuple[str, ...]] = []
        self._exact: dict[str, list[int]] = {}
        self._stems: dict[str, list[int]] = {}
        for row, phrase in enumerate(phrases):
            words = tuple(phrase_words(phrase))
            self.words.append(words)
            if not words:
                continue
            first = words[0]
            if first.endswith("*"):
                self._stems.setdefault(first[:-1], []).append(row)
            else:
                self._exact.setdefault(first, []).append(row)
        self._lengths = sorted({len(s) for s in self._stems})

    def _candidates(self, word: str) -> list[int]:
        rows = list(self._exact.get(word, ()))
        for n in self._lengths:
            if n > len(word):
                break
            rows += self._stems.get(word[:n], ())
        return rows

    def find(self, toks: list[Token]) -> list[Match]:
        """Every phrase at every token, in the order of the tokens (longest first at one token)."""
        out: list[Match] = []
        for i, tok in enumerate(toks):
            found = []
            for row in self._candidates(tok.word):
                words = self.words[row]
                if i + len(words) <= len(toks) and all(
                    _same(w, toks[i + k].word) for k, w in enumerate(words[1:], 1)
                ):
                    found.append(Match(row, i, i + len(words)))
            out += sorted(found, key=lambda m: (-(m.last - m.first), m.row))
        return out


def phrase_words(phrase: str) -> list[str]:
    """A phrase as words (a trailing ``*`` kept: a stem).

    Examples
    --------
    >>> phrase_words("Put to death"), phrase_words("приказ* 00447"), phrase_words("%")
    (['put', 'to', 'death'], ['приказ*', '00447'], ['%'])
    """
    out = []
    for m in re.finditer(r"([^\W_]+|%)(\*?)", phrase):
        out.append(fold(m.group(1)) + m.group(2))
    return out


def _same(pattern: str, word: str) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return pattern == word
