"""The words of factcheck.html explained, from the data dictionary (round 19).

A card on the page names a verdict, the status of the record's figure it was judged against ("status
prose", "derived") and, in its explanation, the kind of bound that figure is ("a floor 19% below the
claim").  The glossary lists each with what it means, in three short lists: the verdicts the page gives
(their definitions in ``data/vocabulary.csv``, kind ``verdict``, the part said of an estimate; and
``not_judged``, the fact-checker's own word), the statuses of the record's figures (kind ``status``: the
``status`` column of every table of ``data/tables/``) and the bounds of a benchmark (kind ``bound``: the
``bound`` column of ``data/benchmark_rules.csv``).  Nothing is written here that the data does not say,
but for ``not_judged``.
"""

from __future__ import annotations

import html

from ..vocabulary import CONSISTENT, DICTIONARY, NOT_CONTRADICTED, OVERSTATES, STATUSES, UNDERSTATES
from .judgment import NOT_JUDGED

#: The verdicts the page gives, in the order of its sections.
PAGE_VERDICTS = (OVERSTATES, UNDERSTATES, CONSISTENT, NOT_CONTRADICTED)
#: What ``not_judged`` means: the fact-checker's word, not a verdict of the record's.
NOT_JUDGED_MEANING = (
    "the fact-checker did not read the claim with enough confidence to judge it (its period, what it counts, "
    "or whether it is of the whole USSR), or the record has no series for it; the reason is given"
)


def meaning(kind: str, code: str) -> str:
    """What a word of the data dictionary means on the page: a verdict's definition as said of an estimate
    (the part after "estimate: "), any other word's definition as it stands.

    Examples
    --------
    >>> meaning("verdict", "consistent")
    'the ranges meet within 15 percent'
    >>> meaning("status", "derived")
    'arithmetic on seen values; the note gives the formula'
    """
    said = DICTIONARY[kind][code]["definition"]
    if kind == "verdict" and "estimate: " in said:
        said = said.split("estimate: ", 1)[1]
    return said


def entries() -> list[tuple[str, list[tuple[str, str]]]]:
    """The glossary: (heading, [(word, meaning), ...]) for the verdicts, the statuses and the bounds.

    Examples
    --------
    >>> [(heading, len(words)) for heading, words in entries()]
    [('Verdicts', 5), ("Status of the record's figure", 7), ("Bound of the record's figure", 4)]
    >>> entries()[2][1][1]
    ('floor', 'the least the record documents: the true number may be higher, so a claim above it is not contradicted and a claim below it understates')
    """
    label = {kind: {c: r["label"] for c, r in rows.items()} for kind, rows in DICTIONARY.items()}
    verdicts = [(label["verdict"][v], meaning("verdict", v)) for v in PAGE_VERDICTS]
    return [
        ("Verdicts", [*verdicts, (NOT_JUDGED.replace("_", " "), NOT_JUDGED_MEANING)]),
        (
            "Status of the record's figure",
            [(label["status"][s], meaning("status", s)) for s in STATUSES],
        ),
        (
            "Bound of the record's figure",
            [(label["bound"][b], meaning("bound", b)) for b in DICTIONARY["bound"]],
        ),
    ]


def glossary_html() -> str:
    """The glossary as a section of the page: a definition list a heading, one column at any width.

    Examples
    --------
    >>> page = glossary_html()
    >>> page.startswith("<section id='glossary'><h2>Words used on this page</h2>") and "<dt>prose</dt>" in page
    True
    """
    out = ["<section id='glossary'><h2>Words used on this page</h2>"]
    for heading, words in entries():
        out.append(f"<h3>{html.escape(heading)}</h3><dl>")
        out += [f"<dt>{html.escape(w)}</dt><dd>{html.escape(m)}</dd>" for w, m in words]
        out.append("</dl>")
    out.append("</section>")
    return "".join(out)
