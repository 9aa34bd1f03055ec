"""The words of estimates and claims: what is counted, and when, as people write it.

A *quantity* (:data:`gulagstats.vocabulary.QUANTITIES`) names what an estimate counts.  It is a *flow* (a number of
events during a period: arrests, executions, deaths) or a *stock* (a number of
people on a day: a camp population), and that decides how the archival record
is read for it: flows are summed over the years of a period, stocks are read
on a day (or as the lowest and highest count within a span).

A *period* is written as in the tables: a year ``1938``, a day ``1939-01-01``
or a span ``1937/1938`` (ISO 8601 interval).  :func:`normalize_period` also
accepts the ways claims are commonly written (``1937-1938``, ``1937-38``,
``1937–1938``, a month ``1937-12``).  :func:`suggest` says which quantities a
user may mean by a word (:data:`QUANTITY_WORDS`), or why none fits
(:data:`NO_SERIES_WORDS`).
"""

from __future__ import annotations

import calendar
import re

import pandas as pd

from ..errors import UnknownQuantityError, nearest
from ..periods import period_bounds
from ..vocabulary import QUANTITIES


def quantity_table() -> pd.DataFrame:
    """The quantities estimates and claims use, as a table (:func:`gulagstats.quantities`).

    Returns
    -------
    pandas.DataFrame
        One row a quantity: ``quantity``, ``kind`` (flow, stock or share),
        ``unit``, ``noun`` (as used in explanations) and ``definition``.

    Examples
    --------
    >>> q = quantity_table().set_index("quantity")
    >>> q.loc["executions", "kind"], q.loc["camp_population", "kind"]
    ('flow', 'stock')
    """
    return pd.DataFrame(
        [(q.name, q.kind, q.unit, q.noun, q.definition) for q in QUANTITIES.values()],
        columns=["quantity", "kind", "unit", "noun", "definition"],
    )


_CLAIM_YEAR = r"[0-9]{4}"
_CLAIM_DAY = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_SPAN_YEARS = re.compile(rf"^({_CLAIM_YEAR})\s*[-–—/]\s*([0-9]{{4}}|[0-9]{{2}})$")
_YEAR_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")
_ISO = re.compile(rf"^({_CLAIM_YEAR}|{_CLAIM_DAY})(?:/({_CLAIM_YEAR}|{_CLAIM_DAY}))?$")


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


def _month_period(y1: int, m1: int, y2: int, m2: int) -> str | None:
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
        return _month_period(int(m[2]), month, int(m[2]), month) if month else None
    if m := _MONTH_SPAN.match(raw):
        return _month_period(int(m[1]), int(m[2]), int(m[3]), int(m[4]))
    parts = re.split(r"\s+(?:to|-|–|until)\s+", raw)
    if len(parts) == 2 and all(_MONTH_WORD.match(p) for p in parts):
        (a, b) = (_MONTH_WORD.match(p) for p in parts)
        ma, mb = _MONTHS.get(a[1]), _MONTHS.get(b[1])  # type: ignore[index]
        return _month_period(int(a[2]), ma, int(b[2]), mb) if ma and mb else None  # type: ignore[index]
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
    if m := _YEAR_MONTH.match(raw):
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


#: Words people use for a quantity, by meaning (checked before spelling).
QUANTITY_WORDS: dict[str, tuple[str, ...]] = {
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
NO_SERIES_WORDS: dict[str, str] = dict.fromkeys(("defendant", "trial", "delegate", "congress", "central_committee", "politburo", "commander", "officer", "general", "minister", "marshal", "elite"), "no archival series for this: the record holds arrests, sentences and executions on the security " "police's cases, camp, colony, prison and special-settler populations and deaths; elite bodies, trials and " "their defendants are not counted in them (elite_repressed is kept for such claims, never judged)")


def suggest(name: str) -> tuple[list[str], str]:
    """Quantities a user may mean by ``name`` (by meaning first, then spelling), and a note if none fits.

    Examples
    --------
    >>> suggest("people_shot")[0][:1], suggest("congress_delegates")[1][:24]
    (['executions'], 'no archival series for t')
    >>> suggest("arests")[0][:1]
    ['arrests']
    """
    key = str(name).strip().lower().replace(" ", "_").replace("-", "_")
    note = next((text for word, text in NO_SERIES_WORDS.items() if word in key), "")
    meant: list[str] = []
    for word, names in QUANTITY_WORDS.items():
        if word in key:
            meant += [n for n in names if n in QUANTITIES and n not in meant]
    if note and "elite_repressed" in QUANTITIES:
        meant = ["elite_repressed", *[m for m in meant if m != "elite_repressed"]]
    spelled = [n for n in nearest(key, QUANTITIES) if n not in meant]
    return (meant + spelled)[:4] if not note else meant[:3], note


def unknown_quantity(name: str) -> UnknownQuantityError:
    """The error for a quantity outside :data:`~gulagstats.vocabulary.QUANTITIES`, with :func:`suggest`'s suggestions.

    Examples
    --------
    >>> str(unknown_quantity("people_shot"))[:57]
    "unknown quantity 'people_shot'; did you mean 'executions'"
    """
    near, note = suggest(str(name))
    return UnknownQuantityError(str(name), QUANTITIES, near, note)
