"""The rule language: one way to name a number, shared by the check rules and the benchmark rules.

A *term* names one number the record holds; terms joined by `` + `` or
`` - `` are a sum.  ``data/check_rules.csv`` (columns ``terms`` and ``over``)
and ``data/benchmark_rules.csv`` (columns ``low`` and ``high``) are written in
this language, parsed by :func:`parse_terms` and read by one evaluator,
:class:`gulagstats.rules.reader.Reader`.

A term is a measure followed by qualifiers, in any order::

    MEASURE [pop:POPULATION] [cat:CATEGORY] [unit:UNIT] [in:TABLE] [@PERIOD] [prose [line:N]]

==================  ===============================================================
``pop:POPULATION``  the population (default: the one the rule is about)
``cat:CATEGORY``    a category of the measure (default: none)
``unit:UNIT``       the unit of the cell (default ``persons``)
``in:TABLE``        read this table of cells only, as printed there (default: any
                    table, or a sum the tables support)
``@PERIOD``         a fixed period, or ``first``, ``last`` (the first or last year
                    of the rule's span), ``jan1`` (1 January of its first year),
                    ``quoted`` (the other span of years the quote names)
``prose``           a number GRZ state, looked up in ``grz_text_figures`` by
                    quantity, period and population (not a cell): the first
                    such figure of the prose, or the one on ``line:N``
==================  ===============================================================

Examples
--------
>>> parse_terms("escapes - escapees_recaptured prose")[1]
Term(measure='escapees_recaptured', population='', period='', category='', unit='persons', table='', sign=-1, prose=True, line=0)
>>> parse_term("sentenced_to_death pop:cases_of_secret_police in:nkvd_sentences").label()
'nkvd_sentences cases_of_secret_police sentenced_to_death'
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import DataFormatError
from ..vocabulary import PERSONS, PROSE

#: The period words of ``@PERIOD`` (relative to the period a rule is evaluated for).
RELATIVE_PERIODS = ("first", "last", "jan1", "quoted")
#: The qualifiers of a term, as written before the colon, and the field each sets.
QUALIFIERS = {"pop": "population", "cat": "category", "unit": "unit", "in": "table"}


@dataclass(frozen=True)
class Term:
    """One number a rule reads: a cell (or a sum the tables support), or a figure of the prose.

    ``population`` and ``period`` left empty take the rule's; ``table`` left
    empty lets the evaluator read any table and derive the amount (components,
    parts, the years of a span); a ``table`` pins the printed series of that
    table.
    """

    measure: str
    population: str = ""
    period: str = ""
    category: str = ""
    unit: str = PERSONS
    table: str = ""
    sign: int = 1
    prose: bool = False
    line: int = 0  # a prose term: the prose line of the figure (0: the first figure with its key)

    def label(self) -> str:
        """How the term reads in a basis: ``TABLE POPULATION MEASURE [CATEGORY]`` for a pinned series.

        Examples
        --------
        >>> Term("deaths", population="gulag_camps", table="appendix").label()
        'appendix gulag_camps deaths'
        >>> Term("inmates", period="jan1").label()
        'inmates @jan1'
        """
        if self.table:
            return " ".join(p for p in (self.table, self.population, self.measure, self.category) if p)
        words = [self.measure] + [f"{k}:{getattr(self, f)}" for k, f in QUALIFIERS.items()
                                  if getattr(self, f) and (f != "unit" or self.unit != PERSONS)]
        words += [f"@{self.period}"] if self.period else []
        return " ".join(words + ([PROSE] if self.prose else []) + ([f"line:{self.line}"] if self.line else []))


def parse_term(text: str, sign: int = 1) -> Term:
    """One term: ``MEASURE [pop:P] [cat:C] [unit:U] [in:TABLE] [@PERIOD] [prose]``.

    Raises
    ------
    DataFormatError
        A ``ValueError`` naming the word that is not part of the language.

    Examples
    --------
    >>> parse_term("inmates @jan1")
    Term(measure='inmates', population='', period='jan1', category='', unit='persons', table='', sign=1, prose=False, line=0)
    """
    words = text.split()
    if not words or ":" in words[0] or words[0].startswith("@") or words[0] == PROSE:
        raise DataFormatError(f"term {text!r} does not start with a measure")
    fields: dict[str, str] = {}
    prose, line = False, 0
    for word in words[1:]:
        name, _, value = word.partition(":")
        if word == PROSE:
            prose = True
        elif name == "line" and value.isdigit() and int(value) > 0:
            line = int(value)
        elif word.startswith("@") and len(word) > 1:
            fields["period"] = word[1:]
        elif name in QUALIFIERS and value:
            fields[QUALIFIERS[name]] = value
        else:
            raise DataFormatError(
                f"term {text!r}: unknown qualifier {word!r} (pop:, cat:, unit:, in:, @PERIOD, prose, line:N)"
            )
    if prose and "table" in fields:
        raise DataFormatError(f"term {text!r}: a prose term names no table (in:)")
    if line and not prose:
        raise DataFormatError(f"term {text!r}: line:N names the prose line of a prose term only")
    return Term(words[0], sign=sign, prose=prose, line=line, **fields)


def parse_terms(text: str) -> tuple[Term, ...]:
    """Terms joined by `` + `` or `` - `` (a leading ``-`` negates the first).

    Raises
    ------
    DataFormatError
        For an empty expression, an operator without a term, or a malformed term.

    Examples
    --------
    >>> [t.label() for t in parse_terms("deaths pop:gulag_camps in:appendix + deaths pop:prisons @1937 prose")]
    ['appendix gulag_camps deaths', 'deaths pop:prisons @1937 prose']
    """
    terms: list[Term] = []
    sign, words = 1, list[str]()
    for word in [*text.split(), "+"]:
        if word in ("+", "-"):
            if words:
                terms.append(parse_term(" ".join(words), sign))
            elif terms or word == "+":
                raise DataFormatError(f"terms {text!r}: an operator without a term")
            sign, words = (1 if word == "+" else -1), []
        else:
            words.append(word)
    return tuple(terms)
