"""What a floor or a ceiling met says, and figures that cannot all hold (issue 20, round 9).

A ``not_contradicted`` says only that a bound of the record is met.  Three rules read more from it, or less:

- :func:`more_readings`: a ``not_contradicted`` is asked again under the whole years of a span whose ends
  lie within a season of a year's boundary and under the narrower quantity the record's reading rules pair
  with its own; :func:`gulagstats.factcheck.judgment.judge` makes it ``consistent`` where no reading
  contradicts the record and one meets its count;
- :func:`below_a_ceiling`: a count far below a ceiling of about its own period is a part the text does not
  name, as an ``understates`` far below the whole is;
- :func:`rival_figures`: three or more figures of one quantity and period in one sentence that cannot all
  hold are a spread of estimates, not one claim.

Round 10 added one:

- :func:`silent_readings`: another reading the record cannot judge, or that ``understates`` without the
  whole named (never given itself), does not contradict a ``not_contradicted``;
- :func:`below_a_ceiling` reads a floor too: "more than 4,400" repressed in 1930-1950, against the record's
  3,759,465 at least, is not contradicted only because it says so little: a part the text does not name.

Round 11 added one more:

- :func:`own_count`: a point equal to the record's floor for its quantity and period, exactly or rounded to
  the digits printed (at least :data:`DOCUMENT_DIGITS` significant digits), is the document's own count
  (label rule 26): ``consistent``, not merely ``not_contradicted``;
- :func:`carried_quantity`: a ``not_contradicted`` whose quantity was carried from another clause of an
  enumeration is not judged: a floor is met by a misread quantity as easily as by the right one.

Round 18: :func:`judged_quantities` hands :func:`~gulagstats.factcheck.contradictions.contradictions` the
quantity each claim was judged by (the narrower reading where the judgment took it), so that claims are
compared only with claims of the quantity they were judged as.
"""

from __future__ import annotations

import pandas as pd

from ..core.record import Record
from ..estimates.verdicts import assess_many
from ..estimates.vocabulary import QUANTITIES
from ..periods import period_bounds, years_in
from ..vocabulary import (
    CONSISTENT,
    DEPENDS_ON_READING,
    NOT_COMPARABLE,
    NOT_CONTRADICTED,
    PERSONS,
    UNDERSTATES,
)
from .contradictions import TOLERANCE
from .readings import named_readings, rounded_years, with_reading

#: The reason given the figures of one quantity and period in one sentence that cannot all hold.
RIVAL_FIGURES = (
    "a spread: its sentence gives figures of the same quantity and period that cannot all hold (others' "
    "estimates quoted side by side, or parts of one another), not one claim"
)


def rival_figures(claims: pd.DataFrame) -> pd.Series:
    """The stated counts of a sentence that gives three or more of the same quantity, period and scope, not
    all within :data:`~gulagstats.factcheck.contradictions.TOLERANCE` of one another: "estimates of the
    arrests have ranged from Volkogonov's 3.5 million to Conquest's 5-8 million to Shatunovskaia's nearly 20
    million" quotes a spread, whether or not its words were read as one (round 9).  Two such figures are
    left alone: most often a part and its whole, or a number and its correction; so are the cells of a
    table's row (``period_how`` ``table``): its columns, never rival estimates.

    Examples
    --------
    >>> c = pd.DataFrame({"file": ["a"] * 4, "sentence": ["s", "s", "s", "t"], "quantity": ["arrests"] * 4,
    ...     "period": ["1937/1938"] * 4, "scope": ["USSR"] * 4, "modality": ["stated"] * 4, "unit": ["count"] * 4,
    ...     "low": ["3500000", "5000000", "19000000", "1500000"], "high": ["3500000", "8000000", "", "1500000"]})
    >>> rival_figures(c).tolist()
    [True, True, True, False]
    >>> rival_figures(c.drop(index=2)).tolist()  # two figures: a part and its whole, perhaps
    [False, False, False]
    """
    ends = pd.DataFrame(
        {
            "low": pd.to_numeric(claims["low"], errors="coerce").fillna(0.0),
            "high": pd.to_numeric(claims["high"], errors="coerce").fillna(float("inf")),
        }
    )
    keys = [claims[k].astype(str) for k in ("file", "sentence", "quantity", "period", "scope")]
    prose = (
        claims.get("period_how", pd.Series("", index=claims.index)) != "table"
    )  # a row's cells: columns
    stated = (
        (claims["modality"] == "stated")
        & (claims["unit"] == "count")
        & (claims["period"] != "")
        & prose
    )
    groups = ends[stated].groupby([k[stated] for k in keys])
    top, bottom = groups["low"].transform("max"), groups["high"].transform("min")
    size = groups["low"].transform("size")
    apart = (top > bottom * (1 + TOLERANCE)) & (
        (size > 2) | ((size == 2) & _two_speakers(claims[stated], keys, stated))
    )
    return apart.reindex(claims.index, fill_value=False).astype(bool)


def _two_speakers(stated: pd.DataFrame, keys: list[pd.Series], mask: pd.Series) -> pd.Series:
    """Whether each of two figures of a sentence is another person's, neither the author's (round 18): "Крючков
    утверждал, что ... расстреляно 600 тыс., а по подсчетам Д. Волкогонова — около миллиона" sets two estimates
    against each other, a spread; a part and its whole, or a figure and its correction, have one speaker."""
    who = stated.get("attribution", pd.Series("author", index=stated.index)).astype(str)
    named = who.where(who != "author", "")
    groups = named.groupby([k[mask] for k in keys])
    return (groups.transform("nunique") == 2) & (groups.transform("min") != "")


def more_readings(checked: pd.DataFrame, whole: pd.Index, record: Record) -> pd.DataFrame:
    """The claims ``checked`` with, for each ``not_contradicted``, two readings more (round 9): the whole
    years of a span whose ends lie within a season of a year's boundary (:func:`~gulagstats.factcheck.readings.rounded_years`),
    and the narrower quantity the record's reading rules pair with its own (``scope_rules.csv``, kind
    ``reading``: deaths "in the camps" for deaths in camps and colonies) for the claims of the ``whole``
    USSR (a part is judged only where it exceeds the whole), so that a floor or a ceiling met
    under one reading is not taken for the whole story when another meets or contradicts the record."""
    nc = checked.index[(checked["verdict"] == NOT_CONTRADICTED) & checked.index.isin(whole)]
    if not len(nc):
        return checked
    rules = record.load("scope_rules").fillna("")
    narrower: dict[str, list[str]] = {}
    for q, wide in zip(rules["quantity"], rules["also_against"]):
        if wide and q in QUANTITIES:
            narrower.setdefault(str(wide), []).append(str(q))
    checked = checked.copy()
    for i in nc:
        checked.at[i, "period_readings"] = with_reading(
            checked.at[i, "period_readings"], rounded_years(str(checked.at[i, "period"]))
        )
        if (
            checked.at[i, "period_how"] == "named period"
        ):  # the data's reading of its name (round 15)
            for reading in named_readings(
                str(checked.at[i, "sentence"]), str(checked.at[i, "period"])
            ):
                checked.at[i, "period_readings"] = with_reading(
                    checked.at[i, "period_readings"], reading
                )
        for q in narrower.get(str(checked.at[i, "quantity"]), []):
            checked.at[i, "quantity_readings"] = with_reading(checked.at[i, "quantity_readings"], q)
    return checked


#: How much longer than a claim's own period a ceiling's may be and still count the whole of what the claim
#: counts: a claim far below a ceiling of a much longer span (one year's 7,980 camp deaths against the
#: 1,606,748 of 1930-1956) says nothing of its scope.
CEILING_SPAN = 2.0


def below_a_ceiling(answer: pd.Series) -> float:
    """How many times below the record's ceiling (round 10: or floor) for about its own period (at most
    :data:`CEILING_SPAN` times as long) ``assess``'s ``not_contradicted`` puts a claim (0 where it is not such
    an answer): like an ``understates`` :data:`~gulagstats.factcheck.judgment.PART_FACTOR` times below the
    whole, such a count is most likely a part the text does not name (the 20,765 shot at one firing ground
    against the 681,692 of 1937-1938; "more than 4,400" women of one republic repressed in 1930-1950 against
    the record's 3,759,465 at least: only an open floor far below the record's can be not contradicted so).
    Round 14: an open floor far below the record's *count* (a point) too: "at least 16,573" deaths of one
    national operation in 1937-1938 against the 841,776 deaths in custody of those years.

    Examples
    --------
    >>> answer = {"verdict": "not_contradicted", "bound": "ceiling", "ratio_high": 0.030461,
    ...     "claim_period": "1937-08-08/1938-10-19", "benchmark_period": "1937/1938"}
    >>> round(below_a_ceiling(pd.Series(answer)))
    33
    >>> below_a_ceiling(pd.Series({**answer, "claim_period": "1930", "benchmark_period": "1930/1956"}))
    0.0
    >>> floor = {"verdict": "not_contradicted", "bound": "floor", "ratio_low": 0.00117,
    ...     "claim_period": "1930/1950", "benchmark_period": "1930/1950"}
    >>> round(below_a_ceiling(pd.Series(floor)))
    855
    >>> point = {**floor, "bound": "point", "ratio_low": 0.0197, "claim_high": float("nan")}
    >>> round(below_a_ceiling(pd.Series(point)))  # "at least 16,573" against the record's count of 841,776
    51
    >>> below_a_ceiling(pd.Series({**point, "claim_high": 16573.0}))  # a point below a point understates
    0.0
    """
    bound, top = answer.get("bound"), pd.to_numeric(answer.get("claim_high"), errors="coerce")
    met = bound in ("ceiling", "floor") or (bound == "point" and pd.isna(top))  # open floor: point
    if answer.get("verdict") != NOT_CONTRADICTED or not met:
        return 0.0
    side = "ratio_high" if bound == "ceiling" else "ratio_low"
    ratio = pd.to_numeric(answer.get(side), errors="coerce")
    own, its = (str(answer.get(k, "")) for k in ("claim_period", "benchmark_period"))
    if not ratio or ratio != ratio or None in (*period_bounds(own), *period_bounds(its)):
        return 0.0
    return 1.0 / float(ratio) if years_in(its) <= CEILING_SPAN * years_in(own) else 0.0


def silent_readings(alt: pd.DataFrame, out: pd.DataFrame, readable: pd.Series) -> pd.Series:
    """Which other readings ``alt`` (rows of :func:`~gulagstats.factcheck.readings.questions` with the verdict
    ``assess`` gave each, ``readable`` where the record could be asked) of a ``not_contradicted`` claim of
    ``out`` say nothing against it, and so count as ``not_contradicted`` (round 10): a reading the record
    cannot judge (a quantity it has no series of, or ``not_comparable``: "repressed, or deported") leaves
    "not contradicted" true, and one that ``understates`` without the whole USSR named is never given itself
    (:func:`~gulagstats.factcheck.readings.doubt`: the number may count a part the text does not name).  A
    reading that flags with the whole named, or an error, still leaves the claim unclear; a flag's readings
    are not touched (a flag must hold under every reading).

    Examples
    --------
    >>> out = pd.DataFrame({"verdict": ["not_contradicted", "overstates"], "scope": ["USSR", "USSR"],
    ...     "whole_stated": [False, False]})
    >>> alt = pd.DataFrame({"claim": [0, 0, 0, 0, 1], "verdict": ["understates", "not_comparable", "",
    ...     "overstates", "understates"]})
    >>> silent_readings(alt, out, pd.Series([True, True, False, True, True])).tolist()
    [True, True, True, False, False]
    >>> silent_readings(alt, out.assign(whole_stated=True), pd.Series([True] * 5)).tolist()
    [False, True, False, False, False]
    """
    if alt.empty:
        return pd.Series(False, index=alt.index, dtype=bool)
    claim = alt["claim"]
    own = claim.map(out["verdict"]) == NOT_CONTRADICTED
    stated = out.get("whole_stated", pd.Series(False, index=out.index))  # as doubt() reads it
    unnamed = ~claim.map(stated).fillna(False).astype(bool) & (claim.map(out["scope"]) == "USSR")
    understates = unnamed & (alt["verdict"] == UNDERSTATES)
    unjudged = ~readable.reindex(alt.index, fill_value=False) | (alt["verdict"] == NOT_COMPARABLE)
    return (own & (understates | unjudged)).astype(bool)


#: The fewest significant digits a printed number needs to be read as the record's own count rounded ("799
#: тыс." for 799,455: three); a round number of one or two ("800,000", "4 million") is anybody's estimate
#: (label rule 26 of tests/data/factcheck_web/README.md, "The expected verdict").  A convention of how
#: numbers are printed, not knowledge of the record: the floors and their values are the record's data.
DOCUMENT_DIGITS = 3


def printed_digits(value: float) -> int:
    """The significant digits of a whole number as printed: its digits without the zeros that end it.

    >>> printed_digits(799000), printed_digits(799455), printed_digits(800000), printed_digits(0)
    (3, 6, 1, 0)
    """
    whole = abs(round(value))
    return len(str(whole).rstrip("0")) if whole else 0


def is_own_count(value: float, count: float) -> bool:
    """Whether a claimed point ``value`` is the record's ``count`` itself: equal to it, or equal to it rounded
    to the place of the value's last printed digit with at least :data:`DOCUMENT_DIGITS` significant digits.

    Examples
    --------
    >>> is_own_count(799455, 799455), is_own_count(799000, 799455), is_own_count(800000, 799455)
    (True, True, False)
    >>> is_own_count(22728, 22729), is_own_count(681000, 681692), is_own_count(682000, 681692)
    (False, False, True)
    """
    if value != value or count != count or value <= 0 or count <= 0:
        return False
    if float(value) == float(count):
        return True
    if printed_digits(value) < DOCUMENT_DIGITS:
        return False
    whole = round(value)
    place = 10 ** (len(str(whole)) - len(str(whole).rstrip("0")))
    return int(float(count) / place + 0.5) * place == whole


#: What the record's own count says (:func:`own_count`), in place of ``assess``'s first sentence, whose verdict
#: ("is not contradicted by at least ...") it settles: ``count`` is the count itself, always named first;
#: ``what`` the benchmark in words as ``assess`` gives it (its column ``benchmark_what``).
OWN_COUNT = "Consistent: {count} is the record's own count: {what} ({cite}; a floor of all {noun}, status {status})."


def own_count(claim: pd.Series, answer: pd.Series, noun: str) -> str:
    """The explanation of a claim that gives the record's own count (label rule 26, round 11), or "" if it
    does not: a stated point of the whole USSR whose ``answer`` from ``assess`` is ``not_contradicted`` by a
    floor of the claim's quantity and period (the count of one kind the record holds, named in ``assess``'s
    column ``benchmark_what``: "death sentences on cases of the secret police" for all executions) equal to the
    point (:func:`is_own_count`).  Nobody reaches 799,455 otherwise: the text reproduces the document, so it is
    ``consistent``; the floor's status and bound type stay beside it.  ``noun`` names what the claim counts
    ("executions").

    The explanation says one thing (round 13): :data:`OWN_COUNT` takes the place of ``assess``'s verdict
    sentences; what follows them (what the record lacks, how it was bounded: ``assess``'s field
    ``explanation_tail``, round 14) is kept.  The count is always named first, whatever the benchmark's
    words hold.

    Examples
    --------
    >>> claim = pd.Series({"low": "799455", "high": "799455", "bound": "point", "unit": "count"})
    >>> answer = pd.Series({"verdict": "not_contradicted", "bound": "floor", "benchmark_low": 799455.0,
    ...     "benchmark_id": "executions_nkvd:1921/1953:part", "benchmark_source": "nkvd_sentences",
    ...     "benchmark_status": "derived", "benchmark_what": "799,455 sentenced to death on cases of the secret "
    ...     "police from 1921 to 30 June 1953", "explanation": "799,455 executions in 1921-1953 is not "
    ...     "contradicted by at least the 799,455 sentenced ... (nkvd_sentences; executions_nkvd:1921/1953:part, "
    ...     "status derived). The record lacks the courts' death sentences.",
    ...     "explanation_tail": "The record lacks the courts' death sentences."})
    >>> own_count(claim, answer, "executions")  # doctest: +NORMALIZE_WHITESPACE
    "Consistent: 799,455 is the record's own count: 799,455 sentenced to death on cases of the secret police
    from 1921 to 30 June 1953 (nkvd_sentences; executions_nkvd:1921/1953:part; a floor of all executions, status
    derived). The record lacks the courts' death sentences."
    >>> own_count(claim.replace("799455", "800000"), answer, "executions")
    ''
    """
    if answer.get("verdict") != NOT_CONTRADICTED or answer.get("bound") != "floor":
        return ""
    if (
        claim.get("bound") != "point"
        or claim.get("unit") != "count"
        or claim.get("low") != claim.get("high")
    ):
        return ""
    value = pd.to_numeric(claim.get("low"), errors="coerce")
    count = pd.to_numeric(answer.get("benchmark_low"), errors="coerce")
    if not is_own_count(float(value), float(count)):
        return ""
    what = answer.get("benchmark_what")
    ident, status = (str(answer.get(k, "") or "") for k in ("benchmark_id", "benchmark_status"))
    cite = "; ".join(x for x in (str(answer.get("benchmark_source", "") or ""), ident) if x)
    said = OWN_COUNT.format(
        count=f"{float(count):,.0f}",
        what=str(what)
        if isinstance(what, str) and what
        else "the floor of its quantity and period",
        cite=cite or "no citation given",
        noun=noun,
        status=status or "not given",
    )
    rest = answer.get("explanation_tail", "")  # after its verdict: a field of assess (round 14)
    return f"{said} {rest}".strip() if isinstance(rest, str) else said


#: What a point that is the record's own count under the narrower reading of its words says first
#: (:func:`narrower_own_count`, round 14).
OWN_READING = (
    "Consistent: {count} is the record's own count of {noun}, the narrower reading of its words ({why}): {what} "
    "({cite}; status {status}). Read as all {own_noun}, {own}."
)


def _narrower(record: Record) -> dict[str, list[str]]:
    """The narrower quantities the record's reading rules pair with each wider one (``scope_rules.csv``, kind
    ``reading``: deaths in the camps for deaths in camps and colonies), with the rule's reason."""
    rules = record.load("scope_rules").fillna("")
    rules = rules[(rules["kind"] == "reading") & rules["quantity"].isin(list(QUANTITIES))]
    narrower: dict[str, list[str]] = {}
    for q, wide in zip(rules["quantity"], rules["also_against"]):
        narrower.setdefault(str(wide), []).append(str(q))
    return narrower


def judged_quantities(verdicts: pd.DataFrame, record: Record) -> pd.Series:
    """The quantity each verdict was judged by: the narrower quantity of the benchmark it was judged
    against where that is a narrower reading of the quantity read (``scope_rules.csv``, kind ``reading``:
    "1,053,829 people died in the Gulag from 1934 to 1953" read as deaths in camps and colonies and judged
    as the camps' own count of deaths, round 14), else the quantity read (round 18).  Contradictions compare
    claims of the same quantity: a claim judged as the camps' deaths is no rival of a count of deaths in
    camps and colonies.

    Examples
    --------
    >>> from gulagstats.core.record import resolve
    >>> v = pd.DataFrame({"quantity": ["gulag_deaths", "gulag_deaths", "camp_deaths"],
    ...     "benchmark_id": ["camp_deaths_appendix:1934/1953", "", "gulag_deaths_certificate:1937/1938:sum"]})
    >>> judged_quantities(v, resolve(None)).tolist()
    ['camp_deaths', 'gulag_deaths', 'camp_deaths']
    """
    narrower = _narrower(record)
    rules = record.load("benchmark_rules").fillna("")
    of_rule = dict(zip(rules["rule"].astype(str), rules["quantity"].astype(str)))
    judged = [
        of_rule.get(str(b).split(":", 1)[0], "") if isinstance(b, str) else ""
        for b in verdicts["benchmark_id"]
    ]
    return pd.Series(
        [j if j in narrower.get(str(q), []) else q for q, j in zip(verdicts["quantity"], judged)],
        index=verdicts.index,
        dtype=object,
    )


def _verdict_as_read(answer: pd.Series) -> str:
    """``assess``'s verdict as read in words, from its fields: "understates 1.4 against 1,469,434 deaths ..."."""
    factor = pd.to_numeric(answer.get("factor"), errors="coerce")
    said = str(answer["verdict"]).replace("_", " ") + (f" {factor:.1f}" if factor == factor else "")
    return f"{said} against {answer['benchmark_what']}" if answer.get("benchmark_what") else said


def narrower_own_count(asked: pd.DataFrame, answers: pd.DataFrame, record: Record) -> dict:
    """The claims of ``asked`` (whole USSR, ``assess``'s ``answers`` beside them) that give the record's own
    count under the narrower reading of their words (label rule 26 read for a point, round 14): a stated point
    of at least :data:`DOCUMENT_DIGITS` significant digits that ``assess`` does not find ``consistent`` as read,
    and that equals (:func:`is_own_count`) the one value the record holds for the narrower quantity the reading
    rules pair with its own, for the same period, where that reading is ``consistent``.  "1,053,829 people died
    in the Gulags between 1934 and 1953" is the camps' own count of deaths (the colonies not in it): nobody
    reaches that number otherwise.  Only where the reading as read is not as close: its benchmark is not that
    value itself.  By index: the narrower reading's answer and the explanation."""
    narrower = _narrower(record)
    rows = []
    for i in asked.index:
        c, a = asked.loc[i], answers.loc[i]
        if (
            a["error"]
            or a["verdict"] == CONSISTENT
            or c["bound"] != "point"
            or c["unit"] != "count"
            or c.get("period_how") == "table"  # a column: the author's series, in its own word
        ):
            continue
        value = pd.to_numeric(c["low"], errors="coerce")
        if c["low"] != c["high"] or not value > 0 or printed_digits(float(value)) < DOCUMENT_DIGITS:
            continue
        ends = pd.to_numeric(pd.Series([a["benchmark_low"], a["benchmark_high"]]), errors="coerce")
        if any(is_own_count(float(value), float(x)) for x in ends):
            continue  # the reading as read is as close
        rows += [(i, q) for q in narrower.get(str(c["quantity"]), [])]
    if not rows:
        return {}
    question = pd.DataFrame(
        [{**asked.loc[i, ["low", "high", "period"]].to_dict(), "quantity": q} for i, q in rows]
    ).assign(unit=PERSONS, region="USSR")
    found = {}
    for (i, q), (_, a) in zip(rows, assess_many(record, question).iterrows()):
        met = a["verdict"] == CONSISTENT or (
            a["verdict"] == DEPENDS_ON_READING and a.get("preferred_verdict") == CONSISTENT
        )
        if a["error"] or not met or a["benchmark_low"] != a["benchmark_high"]:
            continue
        if not is_own_count(float(asked.at[i, "low"]), float(a["benchmark_low"])):
            continue
        found[i] = (
            a,
            OWN_READING.format(
                count=f"{float(a['benchmark_low']):,.0f}",
                noun=QUANTITIES[q].noun,
                what=a["benchmark_what"],
                why=f"{QUANTITIES[q].noun} for {QUANTITIES[str(asked.at[i, 'quantity'])].noun}",
                cite="; ".join(
                    x for x in (str(a["benchmark_source"]), str(a["benchmark_id"])) if x
                ),
                status=a["benchmark_status"],
                own_noun=QUANTITIES[str(asked.at[i, "quantity"])].noun,
                own=_verdict_as_read(answers.loc[i]),
            ),
        )
    return found


def own_counts(
    out: pd.DataFrame,
    asked: pd.DataFrame,
    answers: pd.DataFrame,
    part: pd.Series,
    reasons: pd.Series,
    record: Record,
) -> list:
    """The claims of ``asked`` that give the record's own count (label rule 26), made ``consistent`` in ``out``
    (their reason in ``reasons`` cleared): a point met by the floor of its quantity and period (:func:`own_count`,
    round 11) or equal to the record's count under the narrower reading of its words
    (:func:`narrower_own_count`, round 14).  A part (``part``) is never read so."""
    whole = asked[~part[asked.index].to_numpy()]
    own = []
    for i in whole.index[(answers.loc[whole.index, "verdict"] == NOT_CONTRADICTED).to_numpy()]:
        said = own_count(
            asked.loc[i], answers.loc[i], QUANTITIES[str(asked.at[i, "quantity"])].noun
        )
        if said:  # in place of assess's "not contradicted" (round 13)
            out.at[i, "verdict"], out.at[i, "explanation"] = CONSISTENT, said
            own.append(i)
    rest = whole.index.difference(own)
    for i, (met, said) in narrower_own_count(whole.loc[rest], answers.loc[rest], record).items():
        for column in [c for c in out.columns if c.startswith("benchmark_") or c == "factor"]:
            out.at[i, column] = "" if pd.isna(met.get(column, "")) else met.get(column, "")
        out.at[i, "verdict"], out.at[i, "explanation"], reasons[i] = CONSISTENT, said, ""
        own.append(i)
    return own


#: The note of a claim frame whose quantity came from another clause of its enumeration, not its own words
#: (:func:`gulagstats.factcheck.frames.frame`).
CARRIED_NOTE = "quantity carried from the enumeration"
#: The reason a ``not_contradicted`` so read is not judged (:func:`carried_quantity`).
CARRIED = (
    "what the number counts is unclear: its quantity was carried from another clause of its sentence{cue}, "
    "and a floor is met by a misread quantity as easily as by the right one; check what it counts"
)


def carried_quantity(claim: pd.Series) -> str:
    """Why a ``not_contradicted`` (the only verdict :func:`~gulagstats.factcheck.judgment.judge` asks it of)
    whose quantity was carried from another clause of an enumeration is not
    judged ("" otherwise; round 11): "7 million shot, and 19.5 million passed through the Gulag" carries
    "shot" to the second number where its own words ("passed through") give no quantity the lexicon knows,
    and "(from almost 0.7 million to 7 million)" reads its second end as a ceiling of the first's quantity.
    A flag or a ``consistent`` is a finding the numbers themselves support (a value within the tolerance of
    the record's count, or beyond it); a floor met says nothing the misreading could not say.  A table's
    cells (``period_how`` ``table``) take their column's quantity by design, and keep it.

    Examples
    --------
    >>> claim = pd.Series({"note": "quantity carried from the enumeration (shot)", "cue": "shot"})
    >>> carried_quantity(claim).startswith("what the number counts is unclear")
    True
    >>> carried_quantity(claim.replace({claim["note"]: ""}))
    ''
    >>> carried_quantity(pd.concat([claim, pd.Series({"period_how": "table"})]))
    ''

    """
    if claim.get("period_how") == "table":
        return ""
    if CARRIED_NOTE not in str(claim.get("note", "")):
        return ""
    cue = str(claim.get("cue", "") or "")
    return CARRIED.format(cue=f" ({cue})" if cue else "")
