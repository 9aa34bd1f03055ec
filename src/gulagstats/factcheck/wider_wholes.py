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
"""

from __future__ import annotations

import re

import pandas as pd

from ..vocabulary import NOT_CONTRADICTED
from .phrases import tokens
from .resources import Resources, load_resources

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


def other_body(claim: pd.Series, data: Resources | None = None) -> str:
    """Why a ``not_contradicted`` whose own clause names a body or category of crime the record's floor for its
    quantity does not count is not judged ("" otherwise): the lexicon's ``other_body`` rows of the claim's
    ``quantity``, matched in :func:`own_clause` of its ``sentence`` (one pass over its tokens).

    Examples
    --------
    >>> claim = pd.Series({"verdict": "not_contradicted", "quantity": "repressed_total",
    ...     "mention": "almost 5 million", "benchmark_id": "repressed_nkvd:1937/1939:sum",
    ...     "sentence": "the almost 5 million people convicted by various courts and NKVD boards in 1937-1939"})
    >>> other_body(claim)[:74]
    "what the number counts is another whole than the record's series: its word"
    >>> other_body(claim.replace({"repressed_total": "executions"}))  # no row of executions names courts
    ''
    >>> other_body(claim.replace({"not_contradicted": "consistent"}))
    ''
    >>> other_body(claim.replace({claim["sentence"]: "almost 5 million people were repressed; courts met."}))
    ''
    >>> other_body(claim.replace({claim["sentence"]: "almost 5 million by the troikas, courts and tribunals"}))
    ''
    """
    if claim.get("verdict") != NOT_CONTRADICTED:
        return ""
    lexicon = (data or load_resources()).lexicon
    table, own = lexicon["other_body"], lexicon["own_body"]
    quantity = str(claim.get("quantity", "") or "")
    clause = own_clause(str(claim.get("sentence", "") or ""), str(claim.get("mention", "") or ""))
    toks = tokens(clause)
    if any(own.rows[m.row]["quantity"] == quantity for m in own.phrases.find(toks)):
        return ""  # the record's own bodies listed, the courts among them
    for match in table.phrases.find(toks):
        if table.rows[match.row]["quantity"] == quantity:
            words = clause[toks[match.first].start : toks[match.last - 1].end]
            benchmark = str(claim.get("benchmark_id", "") or "").split(":", 1)[0] or "its series"
            return OTHER_BODY.format(words=words, benchmark=benchmark)
    return ""
