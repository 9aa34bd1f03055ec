"""The controlled vocabulary of estimates: what is counted, and when.

A *quantity* names what an estimate counts.  It is a *flow* (a number of
events during a period: arrests, executions, deaths) or a *stock* (a number of
people on a day: a camp population), and that decides how the archival record
is read for it: flows are summed over the years of a period, stocks are read
on a day (or as the lowest and highest count within a span).

A *period* is written as in the tables: a year ``1938``, a day ``1939-01-01``
or a span ``1937/1938`` (ISO 8601 interval).  :func:`normalize_period` also
accepts the ways claims are commonly written (``1937-1938``, ``1937-38``,
``1937–1938``, a month ``1937-12``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

import pandas as pd

from ..periods import period_bounds
from ..vocabulary import PERCENT, PERSONS


@dataclass(frozen=True)
class Quantity:
    """One name of the vocabulary: its kind, unit, the noun used in sentences, its meaning."""

    name: str
    kind: str
    unit: str
    noun: str
    definition: str


QUANTITIES: dict[str, Quantity] = {
    q.name: q
    for q in (
        Quantity("arrests", "flow", PERSONS, "arrests", "persons arrested (on all charges unless the scope says otherwise)"),
        Quantity("executions", "flow", PERSONS, "executions", "persons sentenced to death or shot"),
        Quantity(
            "repressed_total",
            "flow",
            PERSONS,
            "persons repressed",
            "persons arrested, sentenced, shot or exiled: the 'victims of repression'; the record's "
            "benchmark counts only those sentenced on the security police's cases (1953 report), "
            "so its factors are upper estimates of the overstatement",
        ),
        Quantity(
            "custodial_deaths",
            "flow",
            PERSONS,
            "deaths in custody",
            "deaths in the regime's custody: executions and deaths in camps, colonies, prisons and "
            "places of exile (GRZ's 'custodial mortality')",
        ),
        Quantity("camp_deaths", "flow", PERSONS, "deaths in the camps", "deaths in the GULAG corrective-labour camps (ITL)"),
        Quantity("gulag_deaths", "flow", PERSONS, "deaths in camps and colonies", "deaths in GULAG camps and colonies together"),
        Quantity(
            "passed_through_gulag",
            "flow",
            PERSONS,
            "persons passing through the Gulag",
            "persons who passed through the camps and colonies during a period",
        ),
        Quantity(
            "regime_deaths",
            "flow",
            PERSONS,
            "deaths caused by the regime",
            "all deaths laid at the regime's door: executions, custody, famine, deportation",
        ),
        Quantity("excess_deaths", "flow", PERSONS, "excess deaths", "demographic excess deaths (deaths above normal mortality)"),
        Quantity("famine_deaths", "flow", PERSONS, "famine deaths", "deaths from the famine of 1932-1933"),
        Quantity(
            "elite_repressed",
            "flow",
            PERSONS,
            "members of an elite body repressed",
            "members of a named elite body (party congress, Central Committee, high command, government, "
            "the accused of a show trial) arrested, purged or shot",
        ),
        Quantity("party_expulsions", "flow", PERSONS, "party members expelled", "members expelled from the Communist Party in a purge"),
        Quantity("camp_population", "stock", PERSONS, "camp inmates", "inmates of the GULAG corrective-labour camps (ITL)"),
        Quantity(
            "gulag_population",
            "stock",
            PERSONS,
            "inmates of camps and colonies",
            "inmates of GULAG camps and colonies together ('the Gulag', 'slave labour')",
        ),
        Quantity(
            "custodial_population",
            "stock",
            PERSONS,
            "persons in custody",
            "inmates of camps, colonies and prisons",
        ),
        Quantity("prison_population", "stock", PERSONS, "prison inmates", "inmates of prisons"),
        Quantity(
            "detained_population",
            "stock",
            PERSONS,
            "persons detained or exiled",
            "inmates of camps, colonies and prisons, and special settlers",
        ),
        Quantity(
            "camp_survival_share",
            "share",
            PERCENT,
            "percent of camp inmates surviving",
            "share of the camp inmates of a period who survived",
        ),
    )
}


def quantities() -> pd.DataFrame:
    """List the controlled vocabulary of quantities that estimates and claims use.

    Returns
    -------
    pandas.DataFrame
        One row a quantity: ``quantity``, ``kind`` (flow, stock or share),
        ``unit``, ``noun`` (as used in explanations) and ``definition``.

    Examples
    --------
    >>> import gulagstats
    >>> q = gulagstats.quantities().set_index("quantity")
    >>> q.loc["executions", "kind"], q.loc["camp_population", "kind"]
    ('flow', 'stock')
    """
    return pd.DataFrame(
        [(q.name, q.kind, q.unit, q.noun, q.definition) for q in QUANTITIES.values()],
        columns=["quantity", "kind", "unit", "noun", "definition"],
    )


_YEAR = r"[0-9]{4}"
_DAY = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_SPAN_YEARS = re.compile(rf"^({_YEAR})\s*[-–—/]\s*([0-9]{{4}}|[0-9]{{2}})$")
_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")
_ISO = re.compile(rf"^({_YEAR}|{_DAY})(?:/({_YEAR}|{_DAY}))?$")


#: Period words read as the estimates table reads them (``period_as_printed`` -> ``period``).
PERIOD_WORDS: dict[str, str] = {
    "late 1930s": "1937/1938",
    "the great terror": "1937/1938",
    "great terror": "1937/1938",
    "the great purges": "1937/1938",
    "great purges": "1937/1938",
    "the period of the great purges": "1937/1938",
    "yezhovshchina": "1937/1938",
}
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_DECADE = re.compile(r"^(early|mid|mid-|late)?\s*(\d{3})0s$")
_MONTH_WORD = re.compile(r"^([a-z]+)\.?,?\s+(\d{4})$")
_MONTH_SPAN = re.compile(r"^(\d{4})-(\d{2})\s*/\s*(\d{4})-(\d{2})$")


def _month_span(y1: int, m1: int, y2: int, m2: int) -> str | None:
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    last = calendar.monthrange(y2, m2)[1]
    return f"{y1:04d}-{m1:02d}-01/{y2:04d}-{m2:02d}-{last:02d}"


def period_words(text: str) -> str | None:
    """Periods written in words or months: decades, 'late 1930s', 'Dec 1934', '1936-10/1938-11'.

    Examples
    --------
    >>> period_words("late 1930s"), period_words("1930s"), period_words("mid-1930s")
    ('1937/1938', '1930/1939', '1934/1936')
    >>> period_words("Dec 1934"), period_words("1936-10/1938-11")
    ('1934-12-01/1934-12-31', '1936-10-01/1938-11-30')
    >>> period_words("October 1936 to November 1938")
    '1936-10-01/1938-11-30'
    """
    raw = " ".join(str(text).strip().lower().split())
    if raw in PERIOD_WORDS:
        return PERIOD_WORDS[raw]
    if m := _DECADE.match(raw):
        start = int(m[2]) * 10
        first, last = {None: (0, 9), "early": (0, 3), "mid": (4, 6), "mid-": (4, 6), "late": (7, 9)}[m[1]]
        return f"{start + first}/{start + last}"
    if m := _MONTH_WORD.match(raw):
        month = _MONTHS.get(m[1])
        return _month_span(int(m[2]), month, int(m[2]), month) if month else None
    if m := _MONTH_SPAN.match(raw):
        return _month_span(int(m[1]), int(m[2]), int(m[3]), int(m[4]))
    parts = re.split(r"\s+(?:to|-|–|until)\s+", raw)
    if len(parts) == 2 and all(_MONTH_WORD.match(p) for p in parts):
        (a, b) = (_MONTH_WORD.match(p) for p in parts)
        ma, mb = _MONTHS.get(a[1]), _MONTHS.get(b[1])  # type: ignore[index]
        return _month_span(int(a[2]), ma, int(b[2]), mb) if ma and mb else None  # type: ignore[index]
    return None


def normalize_period(text: object) -> str | None:
    """Return a period in the tables' ISO form, ``""`` for none, or ``None`` if unreadable.

    Accepted: a year ``1938``; a day ``1939-01-01``; a span ``1937/1938`` or
    ``1937-01-01/1938-06-30``; ``1937-1938``, ``1937–1938``, ``1937-38`` and
    ``1937/38`` for a span of years; a month ``1937-12`` (two digits after the
    hyphen up to 12 are a month, above 12 the end of a span).  A span of days
    from 1 January to 31 December is written as its years.

    Examples
    --------
    >>> normalize_period("1937-1938"), normalize_period("1937-38"), normalize_period(" 1939-01-01 ")
    ('1937/1938', '1937/1938', '1939-01-01')
    >>> normalize_period("1937-12"), normalize_period("1935-01-01/1940-12-31")
    ('1937-12-01/1937-12-31', '1935/1940')
    >>> normalize_period("late 1930s"), normalize_period("the Stalin era") is None, normalize_period("")
    ('1937/1938', True, '')
    """
    if text is None or (isinstance(text, float) and text != text):
        return ""
    raw = str(text).strip()
    if not raw:
        return ""
    if m := _MONTH.match(raw):
        year, month = int(m[1]), int(m[2])
        if 1 <= month <= 12:
            last = calendar.monthrange(year, month)[1]
            return f"{year:04d}-{month:02d}-01/{year:04d}-{month:02d}-{last:02d}"
        raw = f"{m[1]}/{m[1][:2]}{m[2]}"
    if m := _SPAN_YEARS.match(raw):
        end = m[2] if len(m[2]) == 4 else m[1][:2] + m[2]
        raw = f"{m[1]}/{end}"
    m = _ISO.match(raw)
    if not m:
        return period_words(raw)
    try:
        start, end = period_bounds(raw)
    except ValueError:  # an impossible day such as 1938-02-30
        return None
    if start is None or end is None or start > end:
        return None
    if m[2] and len(m[1]) == 10 and len(m[2]) == 10 and m[1].endswith("-01-01") and m[2].endswith("-12-31"):
        raw = f"{m[1][:4]}/{m[2][:4]}" if m[1][:4] != m[2][:4] else m[1][:4]
    if m[2] and raw.split("/")[0] == raw.split("/")[-1]:
        raw = raw.split("/")[0]
    return raw


def match_period(period: str, kind: str) -> str:
    """The period to look up in the record: a stock on 31 December is read on the next 1 January.

    The appendix counts on 1 January (and special settlers printed as of
    31 December are stored as 1 January), so a count "at the end of 1938" is
    the count of 1 January 1939.

    Examples
    --------
    >>> match_period("1938-12-31", "stock"), match_period("1938-12-31", "flow")
    ('1939-01-01', '1938-12-31')
    """
    if kind == "stock" and re.fullmatch(r"[0-9]{4}-12-31", period):
        return f"{int(period[:4]) + 1:04d}-01-01"
    return period


def period_text(period: str) -> str:
    """A period as a sentence reads it: ``1937-1938``, ``1 January 1939``.

    Examples
    --------
    >>> period_text("1937/1938"), period_text("1939-01-01"), period_text("1935-01-01/1941-06-22")
    ('1937-1938', '1 January 1939', '1 January 1935 to 22 June 1941')
    """
    parts = [p for p in str(period).split("/") if p]
    if not parts:
        return "an unstated period"
    words = [_day_text(p) if re.fullmatch(_DAY, p) else p for p in parts]
    if len(words) == 1:
        return words[0]
    joiner = "-" if all(re.fullmatch(_YEAR, p) for p in parts) else " to "
    return joiner.join(words)


def _day_text(day: str) -> str:
    d = date.fromisoformat(day)
    return f"{d.day} {calendar.month_name[d.month]} {d.year}"


def period_phrase(period: str) -> str:
    """The period after a noun: ``on`` a day, ``in`` a year or span of years, ``from ... to`` days.

    Examples
    --------
    >>> period_phrase("1937/1938"), period_phrase("1939-01-01"), period_phrase("1937-12-01/1937-12-31")
    ('in 1937-1938', 'on 1 January 1939', 'from 1 December 1937 to 31 December 1937')
    """
    text = str(period)
    if re.fullmatch(_DAY, text):
        return f"on {period_text(text)}"
    if "/" in text and not re.fullmatch(rf"{_YEAR}/{_YEAR}", text):
        return f"from {period_text(text)}"
    return f"in {period_text(text)}"


#: Words people use for a quantity, by meaning (checked before spelling).
WORDS: dict[str, tuple[str, ...]] = {
    "shot": ("executions",), "killed": ("executions", "regime_deaths"), "execut": ("executions",),
    "death_sentence": ("executions",), "arrest": ("arrests",), "detain": ("arrests", "detained_population"),
    "prisoner": ("custodial_population", "gulag_population", "camp_population"),
    "inmate": ("custodial_population", "gulag_population", "camp_population"),
    "gulag": ("gulag_population", "gulag_deaths"), "camp": ("camp_population", "gulag_population"),
    "prison": ("prison_population",), "died": ("custodial_deaths", "gulag_deaths"),
    "death": ("custodial_deaths", "gulag_deaths", "executions"), "mortality": ("gulag_deaths", "camp_deaths"),
    "repress": ("repressed_total",), "victim": ("repressed_total", "regime_deaths"),
    "sentenc": ("repressed_total", "executions"), "convict": ("repressed_total",),
    "exile": ("detained_population",), "deport": ("detained_population",), "settler": ("detained_population",),
    "kulak": ("detained_population",), "forced_labo": ("gulag_population", "detained_population"),
    "famine": ("famine_deaths",), "expel": ("party_expulsions",), "purge": ("party_expulsions", "arrests"),
}
#: Questions outside the archival series: words, and what to say.
NO_SERIES: dict[str, str] = dict.fromkeys(("defendant", "trial", "delegate", "congress", "central_committee", "politburo", "commander", "officer", "general", "minister", "marshal", "elite"), "no archival series for this: the record holds arrests, sentences and executions on the security " "police's cases, camp, colony, prison and special-settler populations and deaths; elite bodies, trials and " "their defendants are not counted in them (elite_repressed is kept for such claims, never judged)")


def suggest(name: str) -> tuple[list[str], str]:
    """Quantities a user may mean by ``name`` (by meaning first, then spelling), and a note if none fits.

    Examples
    --------
    >>> suggest("people_shot")[0][:1], suggest("congress_delegates")[1][:24]
    (['executions'], 'no archival series for t')
    >>> suggest("arests")[0][:1]
    ['arrests']
    """
    from ..errors import nearest

    key = str(name).strip().lower().replace(" ", "_").replace("-", "_")
    note = next((text for word, text in NO_SERIES.items() if word in key), "")
    meant: list[str] = []
    for word, names in WORDS.items():
        if word in key:
            meant += [n for n in names if n in QUANTITIES and n not in meant]
    if note and "elite_repressed" in QUANTITIES:
        meant = ["elite_repressed", *[m for m in meant if m != "elite_repressed"]]
    spelled = [n for n in nearest(key, QUANTITIES) if n not in meant]
    return (meant + spelled)[:4] if not note else meant[:3], note
