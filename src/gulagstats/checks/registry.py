"""The registry of the prose checks: how each quantity of the prose is computed.

Data, not code: :data:`QUANTITIES` maps a quantity of ``grz_text_figures``
(or ``quantity@period`` where one name means different sums) to the rule that
computes it from the tables, to rules tried in turn, or to the reason no table
can; :data:`STATEMENTS` lists statements of the prose that compare or order
numbers without stating one.  Quantities not listed fall back on the defaults
of :mod:`gulagstats.checks.prose` (a measure of the tables, ``<measure>_change``,
``<measure>_ratio``).  The rules are computed by :mod:`gulagstats.checks.prose`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One number a formula reads.

    ``population`` and ``period`` default to the figure's.  ``period`` may also
    be ``first`` or ``last`` (the first or last year of the figure's span),
    ``jan1`` (1 January of its first year), ``quoted`` (the other span of
    years the quote names) or a literal period.  A ``prose`` term is a figure
    stated in the article (looked up in ``grz_text_figures``), not a cell.
    """

    measure: str
    population: str = ""
    period: str = ""
    category: str = ""
    unit: str = "persons"
    sign: int = 1
    prose: bool = False


@dataclass(frozen=True)
class Formula:
    """``scale × sum(numerator) / sum(denominator)`` (no denominator: the plain sum)."""

    numerator: tuple[Term, ...]
    denominator: tuple[Term, ...] = ()
    scale: float = 1.0
    each_year: bool = False  # the statement holds for every year of the span (checked with its bound)
    why: str = ""


@dataclass(frozen=True)
class Change:
    """The change of a count from 1 January of the first year to 1 January after the last."""

    measure: str
    why: str = ""


@dataclass(frozen=True)
class YearCount:
    """The number of years (from 1 January to the next) in which a count moved in one direction."""

    measure: str
    direction: int  # +1 rising, -1 falling
    within: tuple[int, int] | None = None  # only years inside these bounds (the war years)
    why: str = ""


@dataclass(frozen=True)
class Trend:
    """The number of years in which a count did NOT move in the stated direction (expected: none)."""

    term: Term
    direction: int
    why: str = ""


@dataclass(frozen=True)
class Exceeds:
    """The number of years in which ``larger`` was not above ``smaller`` (expected: none)."""

    larger: Term
    smaller: Term
    why: str = ""


Rule = Formula | Change | YearCount | Trend | Exceeds

PERCENT = 100.0

#: Wartime years (the Soviet-German war, June 1941 to May 1945) for "four were wartime".
WAR = (1941, 1945)

#: The registry: quantity (or ``quantity@period`` where one name means different sums) -> the rule
#: that computes it, rules tried in turn, or the reason no table can.
QUANTITIES: dict[str, Rule | tuple[Rule, ...] | str] = {
    "counterrevolutionaries_share": Formula(
        (Term("counterrevolutionaries"),), (Term("inmates"),), PERCENT,
        why="the printed share, or counterrevolutionaries over the camp inmates on the same day",
    ),
    "sentenced_to_exile_or_other_share": Formula(
        (Term("sentenced_to_exile"), Term("sentenced_other")), (Term("sentenced_total"),), PERCENT,
        why="exile and other measures over all persons sentenced on cases of the secret police (1953 report)",
    ),
    "releases_share": Formula(
        (Term("releases"),), (Term("inmates", period="jan1"),), PERCENT, each_year=True,
        why="releases of a year over the inmates on 1 January (the base GRZ name for 1937), in every year",
    ),
    "releases_share_of_jan1": Formula(
        (Term("releases"),), (Term("inmates", period="jan1"),), PERCENT,
        why="releases of the year over the inmates on 1 January",
    ),
    "deaths_share_of_period": Formula(
        (Term("deaths"),), (Term("deaths", period="quoted"),), PERCENT,
        why="the deaths of the span over the deaths of the whole period the quote names",
    ),
    "sentenced_total_share": Formula(
        (Term("sentenced_total"),), (Term("arrests", prose=True),), PERCENT,
        why="persons sentenced (1953 report) over the persons arrested, which only the prose states",
    ),
    "sentenced_to_death_share": Formula(
        (Term("sentenced_to_death"),),
        (Term("sentenced_to_death", population="political_cases", period="1930/1953", prose=True),),
        PERCENT,
        why="death sentences 1937-1938 (1953 report) over the 786,098 of the KGB press release GRZ relate them to",
    ),
    "escapes_not_recaptured_share": Formula(
        (Term("escapes"), Term("escapees_recaptured", prose=True, sign=-1)), (Term("escapes"),), PERCENT,
        why="escapes less the recaptured (a number only the prose states) over the escapes",
    ),
    "custodial_deaths_and_executions": "GRZ do not list the executions and the prison and colony deaths they add up",
    "custodial_deaths_and_executions@1930/1953": Formula(
        (
            Term("deaths", population="gulag_camps", period="1934/1953"),
            Term("deaths", population="prisons", period="1939/1951", prose=True),
            Term("sentenced_to_death", population="political_cases", period="1930/1953", prose=True),
            Term("deaths", population="special_settlements", period="1932/1940", prose=True),
        ),
        why="the four numbers GRZ add up on line 67, with the camp deaths from the appendix years",
    ),
    "inmates_share_of_population": "needs the USSR population of early 1939, which no table holds as a sourced value",
    "inmates_share_of_ethnic_group": "needs the census population of each ethnic group, which no table holds",
    "higher_and_secondary_education_share": Formula(
        (Term("share_by_education", category="higher", unit="percent"),
         Term("share_by_education", category="secondary", unit="percent")),
        why="the shares of inmates with higher and with secondary education, added",
    ),
    "higher_education_share_ratio": Formula(
        (Term("share_by_education", period="last", category="higher", unit="percent"),),
        (Term("share_by_education", period="first", category="higher", unit="percent"),),
        why="the share with higher education on 1 January of the last year over that of the first",
    ),
    "secondary_education_share_ratio": Formula(
        (Term("share_by_education", period="last", category="secondary", unit="percent"),),
        (Term("share_by_education", period="first", category="secondary", unit="percent"),),
        why="the share with secondary education on 1 January of the last year over that of the first",
    ),
    "women_share": Formula((Term("share_by_sex", category="women", unit="percent"),), why="women among inmates"),
    "aged_18_or_younger_share": Formula(
        (Term("share_by_age", category="18_or_younger", unit="percent"),), why="inmates aged 18 or younger"
    ),
    "socially_dangerous_elements_share": (
        Formula(
            (Term("share_by_offence", category="socially_harmful", unit="percent"),),
            why="'socially harmful and dangerous elements' among inmates",
        ),
        Formula(
            (Term("socially_dangerous_elements", prose=True),), (Term("inmates"),), PERCENT,
            why="the number of 'socially harmful' inmates the prose states over the camp inmates of the day",
        ),
    ),
    "hooligans_share": Formula(
        (Term("share_by_offence", category="hooliganism", unit="percent"),), why="'hooligans' among inmates"
    ),
    "years_rising": YearCount("inmates", +1, why="years whose 1 January count is below the next year's"),
    "years_falling": YearCount("inmates", -1, why="years whose 1 January count is above the next year's"),
    "years_falling_wartime": YearCount(
        "inmates", -1, within=WAR, why="falling years among the war years 1941-1945"
    ),
}


@dataclass(frozen=True)
class Statement:
    """A statement of the prose with no number of its own, checked by a rule."""

    id: str
    line: int
    quote: str
    period: str
    population: str
    rule: Rule


#: Statements that compare or order numbers without stating one (quotes verbatim from the prose file).
STATEMENTS: tuple[Statement, ...] = (
    Statement(
        "L168.more_fled_than_died", 168, "In any year before 1938, more of the GULAG inmates fled the camps than "
        "died there.", "1934/1937", "gulag_camps",
        Exceeds(Term("escapes"), Term("deaths"), why="escapes above deaths in each year 1934-1937"),
    ),
    Statement(
        "L061.declined_1936", 61, "(it had declined in 1936)", "1936", "gulag_camps",
        Trend(Term("inmates"), -1, why="the camp population on 1 January 1937 below that of 1936"),
    ),
    Statement(
        "L164.colonies_declined_1936", 164, "In 1936, the number of persons in both the GULAG system and labor "
        "colonies declined", "1936", "labor_colonies",
        Trend(Term("inmates"), -1, why="the colony population on 1 January 1937 below that of 1936"),
    ),
    Statement(
        "L129.counterrevolutionaries_diminishing", 129, "the constantly diminishing share (as well as aggregate "
        "number) of “counterrevolutionaries” in hard regime camps between 1934 and 1937", "1934/1936",
        "gulag_camps",
        Trend(Term("counterrevolutionaries"), -1, why="the count falls from each 1 January to the next, 1934-1937"),
    ),
    Statement(
        "L129.counterrevolutionaries_share_diminishing", 129, "the constantly diminishing share (as well as "
        "aggregate number) of “counterrevolutionaries” in hard regime camps between 1934 and 1937", "1934/1936",
        "gulag_camps",
        Trend(Term("counterrevolutionaries_share", unit="percent"), -1,
              why="the printed share falls from each 1 January to the next, 1934-1937"),
    ),
)
