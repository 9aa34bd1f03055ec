"""When a floor of a narrower series is met by a count of another whole (issue 20, round 15).

A ``not_contradicted`` by a floor says that the claim counts at least what the record's series counts.  That
holds only where the claim counts the series' own thing.  The record's floor of the repressed is those
sentenced on the security police's cases (the 1953 report); GRZ's "almost 5 million people convicted by various
courts and NKVD boards in 1937-1939", "108,357 persons were sentenced in 1939 for hooliganism" or "30,174
counterrevolutionaries sentenced by civilian and military courts in 1935" count the courts' sentences on every
charge, or one category of ordinary crime, which that series does not hold: set against it, the floor is "used as
a point" (the historian's review), and the verdict says nothing.

:func:`other_body`: a ``not_contradicted`` whose own clause names a body or a category of crime the record's
floor for its quantity does not count (the lexicon's ``other_body`` rows: "courts", "hooliganism", "судами",
"хулиганство") is not judged, with the words named, unless the clause also names a body whose sentences the
floor does count (the lexicon's ``own_body`` rows: "troikas", "the Special Board", "Особым совещанием"): the 1954
certificate lists "the OGPU collegium, the NKVD troikas, the Special Board, the military collegium, courts and
military tribunals", and its count is the record's series itself.  A flag or a ``consistent`` is not touched.

The words are read in the frame stage, with the run's resources (a user's ``--lexicon`` too), into the frame's
``other_bodies`` (:func:`clause_bodies`, once a sentence, held by its context; :func:`named_bodies` for one
number); judging only reads that field (round 16; round 17: no module state).
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

import pandas as pd

from ..vocabulary import NOT_CONTRADICTED
from .phrases import Token
from .resources import Resources

#: The reason given a ``not_contradicted`` whose clause names another body or category (:func:`other_body`).
OTHER_BODY = (
    "what the number counts is another whole than the record's series: its words name '{words}', which the "
    "record's floor ({benchmark}) does not count, so a floor met says nothing of it; check who counted what"
)
#: Where a clause ends within a sentence: a semicolon (GRZ's "...for hooliganism; in the course of the next
#: year, 199,813 ...").
_SEMICOLON = re.compile(r";")


def own_clause(sentence: str, mention: str) -> str:
    """The clause of ``sentence`` that holds the first occurrence of ``mention`` (its whole where the mention is
    not in it; compared without case, as a mention is written lower case): the text between the semicolons on
    either side.

    Examples
    --------
    >>> own_clause("108,357 were sentenced for hooliganism; next year, 199,813 were.", "199,813")
    ' next year, 199,813 were.'
    >>> own_clause("No semicolon, 5 million.", "7")
    'No semicolon, 5 million.'
    >>> own_clause("Courts; Almost 5 million.", "almost 5 million")
    ' Almost 5 million.'
    """
    found = re.search(re.escape(mention), sentence, re.IGNORECASE) if mention else None
    if found is None:
        return sentence
    ends = [m.start() for m in _SEMICOLON.finditer(sentence)]
    first = max((e + 1 for e in ends if e < found.start()), default=0)
    last = min((e for e in ends if e >= found.end()), default=len(sentence))
    return sentence[first:last]


class ClauseBodies(NamedTuple):
    """The bodies or categories of crime each clause of one sentence names (:func:`clause_bodies`): the
    clauses' starts (character offsets in the sentence, the first 0) and, for each clause, its (quantity, words)
    pairs."""

    starts: list[int]
    found: list[tuple[tuple[str, str], ...]]

    def at(self, at: int) -> tuple[tuple[str, str], ...]:
        """The (quantity, words) pairs of the clause that holds the offset ``at`` of the sentence.

        >>> ClauseBodies([0, 10], [(), (("repressed_total", "courts"),)]).at(12)
        (('repressed_total', 'courts'),)
        >>> ClauseBodies([], []).at(3)
        ()
        """
        i = bisect.bisect_right(self.starts, at) - 1
        return self.found[i] if 0 <= i < len(self.found) else ()


def clause_bodies(
    sentence: str, toks: list[Token], data: Resources, offset: int = 0
) -> ClauseBodies:
    """The bodies or categories of crime each clause of ``sentence`` (between semicolons) names, for each quantity
    whose record floor does not count them, read once for all the numbers of the sentence.

    For each clause, the (quantity, words) of the first ``other_body`` row of each quantity matched in it, unless
    an ``own_body`` row of that quantity is matched there too (the record's own bodies listed, the courts among
    them).  ``toks`` are the sentence's tokens (:func:`~gulagstats.factcheck.phrases.tokens`, shifted by
    ``offset``, as a :class:`~gulagstats.factcheck.context.Context` holds them); ``data`` is the run's resources
    (a user's ``--lexicon`` too).  The context of a sentence (:func:`gulagstats.factcheck.context.context`) holds
    the result, so no state outlives a sentence (round 17: the module no longer remembers the last sentence, which
    threads running :func:`~gulagstats.factcheck.run.check_text` at once could have read across).
    """
    return ClauseBodies(*_by_clause(sentence, toks, data, offset))


def named_bodies(
    sentence: str, toks: list[Token], at: int, data: Resources, offset: int = 0
) -> tuple[tuple[str, str], ...]:
    """The bodies or categories of crime the clause of a number names, for each quantity whose record floor does
    not count them: :func:`clause_bodies` of ``sentence`` at the offset ``at`` (one number; the frame stage reads
    a sentence's clauses once, in its context, for all its numbers).

    Examples
    --------
    >>> from gulagstats.factcheck.phrases import tokens
    >>> from gulagstats.factcheck.resources import load_resources
    >>> s = "almost 5 million people convicted by various courts and NKVD boards in 1937-1939"
    >>> named_bodies(s, tokens(s), 0, load_resources())
    (('repressed_total', 'courts'),)
    >>> s = "108,357 were sentenced for hooliganism; next year 199,813 were"
    >>> named_bodies(s, tokens(s), s.index("199"), load_resources())
    ()
    """
    return clause_bodies(sentence, toks, data, offset).at(at)


def _by_clause(
    sentence: str, toks: list[Token], data: Resources, offset: int
) -> tuple[list[int], list[tuple[tuple[str, str], ...]]]:
    """The starts of the clauses of ``sentence`` (between semicolons) and the bodies each names (one pass)."""
    starts = [0, *(m.end() for m in _SEMICOLON.finditer(sentence))]
    clause = [bisect.bisect_right(starts, t.start - offset) - 1 for t in toks]
    table, own = data.lexicon["other_body"], data.lexicon["own_body"]
    owned: list[set[str]] = [set() for _ in starts]
    for x in own.phrases.find(toks):
        if clause[x.first] == clause[x.last - 1]:
            owned[clause[x.first]].add(own.rows[x.row]["quantity"])
    out: list[dict[str, str]] = [{} for _ in starts]
    for x in table.phrases.find(toks):
        i, quantity = clause[x.first], table.rows[x.row]["quantity"]
        if i == clause[x.last - 1] and quantity not in owned[i] and quantity not in out[i]:
            a, b = toks[x.first].start - offset, toks[x.last - 1].end - offset
            out[i][quantity] = sentence[a:b]
    return starts, [tuple(d.items()) for d in out]


def other_body(claim: pd.Series) -> str:
    """Why a ``not_contradicted`` whose own clause names a body or category of crime the record's floor for its
    quantity does not count is not judged ("" otherwise): the claim's ``other_bodies`` (read in the frame stage from
    the sentence's :func:`clause_bodies`, (quantity, words) pairs) that name its ``quantity``.

    Examples
    --------
    >>> claim = pd.Series({"verdict": "not_contradicted", "quantity": "repressed_total",
    ...     "benchmark_id": "repressed_nkvd:1937/1939:sum", "other_bodies": (("repressed_total", "courts"),)})
    >>> other_body(claim)[:74]
    "what the number counts is another whole than the record's series: its word"
    >>> other_body(claim.replace({"repressed_total": "executions"}))  # no row of executions names courts
    ''
    >>> other_body(claim.replace({"not_contradicted": "consistent"}))
    ''
    >>> other_body(pd.Series({"verdict": "not_contradicted", "quantity": "repressed_total"}))
    ''
    """
    if claim.get("verdict") != NOT_CONTRADICTED:
        return ""
    bodies = claim.get("other_bodies", ())
    words = (
        dict(bodies).get(str(claim.get("quantity", "") or ""))
        if isinstance(bodies, tuple)
        else None
    )
    if not words:
        return ""
    benchmark = str(claim.get("benchmark_id", "") or "").split(":", 1)[0] or "its series"
    return OTHER_BODY.format(words=words, benchmark=benchmark)
