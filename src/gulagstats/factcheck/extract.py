"""Find the numeric statements about repression in a text.

A claim is a number (in digits, in words, or a vague word such as "tens of
thousands"; a range "300,000-500,000"; a hedge "at least", "close to") that
the words around it tie to something counted in the lexicon (killed, shot,
arrested, sent to camps, delegates, defendants ...).  Each claim gets its
period (an explicit date or year of its sentence, or a relative phrase
resolved against the dates the text states), who states it, and a
confidence between 0 and 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .attribution import attribute
from .lexicon import Entry, Lexicon, load_lexicon
from .periods import DATE, YEAR, Found, find_periods, latest_day

UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS = {
    w: 10 * i
    for i, w in enumerate(
        ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
    if i > 1
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN = "|".join(TENS)
_SCALE = r"(?:hundred|thousand|million|billion)\b"

DIGITS = re.compile(
    rf"(?<![\w.,])(?P<n>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w%]|[.,]\d)(?:\s*(?P<s>{_SCALE}))?",
    re.IGNORECASE,
)
WORDS = re.compile(
    rf"\b(?P<w>(?:(?:{_TEN})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?"
    rf"|{_UNIT}|an|a))(?P<s>(?:[\s-]+{_SCALE})*)(?![\w-])",
    re.IGNORECASE,
)
ANY_NUMBER = re.compile(
    rf"\d|\b(?:{_UNIT}|{_TEN}|hundreds?|thousands?|millions?|dozens?)\b", re.IGNORECASE
)
#: Words before a number that show it is a reference, an age or a rank, not a count of people.
BEFORE = re.compile(
    r"(?:\b(?:article|articles|table|tables|volume|vol\.|p\.|pp\.|no\.|nos\.|fond|opis\u2019|opis'|opis|delo|listy|ll\.|l\.|page|pages|"
    r"chapter|note|figure|section|appendix|aged|age of|as young as|ages|age|under|number|"
    r"paragraph|point|item|law|decree|order|"
    r"the year|of the (?:first|last)|\b[dfl]\.|\bop\.)\s*|[#\u2116\[/])$",
    re.IGNORECASE,
)
PEOPLE = re.compile(
    r"^\s*(?:of\s+(?:the\s+|these\s+|those\s+|them\s+)?|other\s+)?(?:[\w\u2019'-]+\s+){0,3}?(?:people|persons|person|others?|defendants|accused|"
    r"members|delegates|commanders|ministers|bolsheviks|victims|residents|inmates|juveniles|youngsters|men|women|prisoners|"
    r"detainees|officers|officials|party|generals|peasants|kulaks|relatives|citizens|figures|individuals|counterrevolutionaries)\b"
    r"|^\s*(?:were|was|had been|have been|in all|of these|of them)\b",
    re.IGNORECASE,
)
OTHERS = re.compile(r"^\s+other(?:s\b|\s+[a-z]+)", re.IGNORECASE)
NAMES_BEFORE = re.compile(r"((?:[A-Z][\w\u2019'*.-]+,?\s+)+)and\s+$")
_ABBREV = re.compile(
    r"(?:\b(?:[A-Z]|[dfl]|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Mr|Mrs|Dr|St|Gen|Col|p|pp|vol|Vol|No|op|cit|ed|Ed|ibid|ll|cf|etc|vs)\.)$"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d\u2019)\]]*\s+(?=[\"\u201c\u2018(\[]?[A-Z0-9])")


@dataclass
class Claim:
    """One numeric statement found in a text."""

    file: str
    line: int
    start: int  # column of the number in its line (0-based)
    end: int
    mention: str  # the number as printed, with its hedge
    stated_low: float | None  # the number(s) as printed
    stated_high: float | None
    low: float | None  # the claim: low and high ends (None: open)
    high: float | None
    quantity: str
    period: str
    attribution: str
    confidence: float
    sentence: str
    region: str = "USSR"  # a place the sentence names (the lexicon's region rows), else the USSR
    cue: str = ""  # the words that gave the quantity
    notes: list[str] = field(default_factory=list)


@dataclass
class _Token:
    start: int
    end: int
    low: float
    high: float
    text: str
    vague: bool = False
    small: bool = False  # under 100, without a scale word: needs people nearby
    denominator: _Token | None = None  # in "N of M": N's M
    numerator: _Token | None = None  # and M's N
    others: int = 0  # "Kamenev, Zinoviev and 15 other defendants": the named ones


def _parse_words(word: str, scales: str) -> float | None:
    word = word.lower()
    if "-" in word or " " in word:
        tens, _, unit = (
            re.split(r"[- ]", word, maxsplit=1)[0],
            None,
            re.split(r"[- ]", word, maxsplit=1)[1],
        )
        value = float(TENS.get(tens, 0) + UNITS.get(unit, 0))
    elif word in ("a", "an", "one"):
        value = 1.0
    else:
        value = float(UNITS.get(word, TENS.get(word, 0)))
    for s in re.findall(r"hundred|thousand|million|billion", scales.lower()):
        value *= SCALES[s]
    if word in ("a", "an") and not scales.strip():
        return None
    return value


def split_sentences(line: str) -> list[tuple[int, str]]:
    """The sentences of a line, with where each starts.

    Examples
    --------
    >>> split_sentences("On Dec. 1, 1934 Kirov died. Over 100 were shot.")
    [(0, 'On Dec. 1, 1934 Kirov died.'), (28, 'Over 100 were shot.')]
    """
    out: list[tuple[int, str]] = []
    begin = 0
    for m in _SENTENCE_END.finditer(line):
        piece = line[begin : m.start()]
        if _ABBREV.search(piece):
            continue
        out.append((begin, piece))
        begin = m.end()
    if line[begin:].strip():
        out.append((begin, line[begin:]))
    return [(s + len(t) - len(t.lstrip()), t.strip()) for s, t in out if t.strip()]


def _tokens(sentence: str, lexicon: Lexicon, dates: list[Found]) -> list[_Token]:
    """The numbers of a sentence that may count people, ranges merged."""
    blocked = bytearray(len(sentence) + 1)  # characters of dates, years and numbers already read

    def block(a: int, b: int) -> None:
        blocked[a:b] = b"\1" * (b - a)

    for m in DATE.finditer(sentence):
        block(m.start(), m.end())
    for m in YEAR.finditer(sentence):
        block(m.start(), m.end())
    for f in dates:
        if "/" in f.period:
            block(f.start, f.end)

    def free(a: int, b: int) -> bool:
        return not any(blocked[a:b])

    raw: list[_Token] = []
    for entry in lexicon.vague:
        for m in re.finditer(rf"\b(?:{entry.pattern.pattern})\b", sentence, re.IGNORECASE):
            if free(m.start(), m.end()):
                raw.append(
                    _Token(
                        m.start(),
                        m.end(),
                        entry.low or 0.0,
                        entry.high or 0.0,
                        m.group(0),
                        vague=True,
                    )
                )
                block(m.start(), m.end())
    for m in DIGITS.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        value = float(m["n"].replace(",", ""))
        if m["s"]:
            value *= SCALES[m["s"].lower()]
        raw.append(
            _Token(m.start(), m.end(), value, value, m.group(0), small=value < 100 and not m["s"])
        )
    for m in WORDS.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        worded = _parse_words(m["w"], m["s"] or "")
        if worded is None or (worded < 2 and not m["s"]):
            continue
        raw.append(_Token(m.start(), m.end(), worded, worded, m.group(0), small=worded < 100))
    raw.sort(key=lambda t: t.start)
    kept: list[_Token] = []
    for t in raw:
        after = sentence[t.end : t.end + 60]
        before = sentence[max(0, t.start - 40) : t.start]
        if any(e.pattern.search(after) for e in lexicon.exclude) or (
            not t.vague and BEFORE.search(before)
        ):
            continue
        kept.append(t)
    merged: list[_Token] = []
    for t in kept:
        if merged:
            prev = merged[-1]
            gap = sentence[prev.end : t.start]
            lead = sentence[max(0, prev.start - 12) : prev.start].lower()
            joins = re.fullmatch(r"\s*(?:-|\u2013|\u2014|to)\s*", gap) or (
                re.fullmatch(r"\s*and\s*", gap) and re.search(r"between\s*$", lead)
            )
            if joins and not prev.vague and not t.vague and prev.low == prev.high:
                low = prev.low
                scale = re.search(_SCALE, t.text, re.IGNORECASE)
                if (
                    low < 1000 <= t.low
                    and scale
                    and not re.search(_SCALE, prev.text, re.IGNORECASE)
                ):
                    low *= SCALES[scale.group(0).lower()]  # "4.5 to 5 million"
                if low < t.high:
                    merged[-1] = _Token(
                        prev.start,
                        t.end,
                        low,
                        t.high,
                        sentence[prev.start : t.end],
                        small=prev.small and t.small,
                    )
                    continue
        merged.append(t)
    for i, t in enumerate(merged[:-1]):
        nxt = merged[i + 1]
        if (
            re.fullmatch(r"\s+of\s+(?:the\s+)?", sentence[t.end : nxt.start], re.IGNORECASE)
            and nxt.low >= t.high
        ):
            t.denominator, nxt.numerator = nxt, t
    for t in merged:
        if not OTHERS.match(sentence[t.end : t.end + 30]):
            continue
        named = NAMES_BEFORE.search(sentence[max(0, t.start - 200) : t.start])
        if named:
            names = re.split(r",?\s+", named.group(1).strip())
            t.others = len([n for n in names if n[:1].isupper()])
    out = []
    for t in merged:
        if (
            t.small
            and t.numerator is None
            and t.denominator is None
            and not PEOPLE.search(sentence[t.end : t.end + 50])
        ):
            continue
        out.append(t)
    return out


#: How far from a number (characters) the words that say what it counts are looked for.
REACH = 300

#: Quantities for which a count under ten is still a claim (trials, elite bodies).
SMALL_OK = {
    "trial_defendants",
    "elite_repressed",
    "elite_body_size",
    "central_committee_members_repressed",
}

_BODY = {
    "central_committee_members_repressed": "central_committee_members",
    "party_congress_delegates_arrested": "party_congress_delegates",
    "elite_repressed": "elite_body_size",
}


def _best(entries: tuple[Entry, ...], segment: str, at: int) -> tuple[Entry | None, int, str]:
    """The lexicon entry for a number at ``at`` in ``segment``: highest priority, then nearest."""
    best: tuple[int, int] | None = None
    found: tuple[Entry | None, int, str] = (None, 10**6, "")
    for e in entries:
        for m in e.pattern.finditer(segment):
            distance = m.start() - at if m.start() >= at else at - m.end()
            key = (-e.priority, abs(distance))
            if best is None or key < best:
                best, found = key, (e, abs(distance), m.group(0))
    return found


def _hedge(before: str, lexicon: Lexicon) -> tuple[str, str]:
    best = ("", "")
    where = 10**6
    for e in lexicon.hedge:
        m = e.pattern.search(before)
        if m and m.start() < where:
            where, best = m.start(), (e.bound, m.group(0).strip())
    return best


def extract_claims(text: str, file: str = "", lexicon: Lexicon | None = None) -> list[Claim]:
    """Find every numeric statement about repression in ``text``.

    Parameters
    ----------
    text : str
        The article as plain text (see :func:`~gulagstats.factcheck.text.read_article`).
    file : str
        The name the claims carry.
    lexicon : Lexicon, optional
        The lexicon (default: the packaged one).

    Returns
    -------
    list of Claim
        In the order of the text.

    Examples
    --------
    >>> text = ("On December 1, 1934 Kirov was shot. In the previous year, Stalin had purged the "
    ...         "Communist Party of close to 1,000,000 members.")
    >>> c = extract_claims(text, "a.txt")[0]
    >>> c.quantity, c.low, c.high, c.period, c.mention
    ('party_expulsions', 1000000.0, 1000000.0, '1933', 'close to 1,000,000')
    >>> c = extract_claims("Of the 139 candidate members to the Central Committee, "
    ...                    "98 were arrested and shot.")
    >>> [(x.quantity, x.low) for x in c]
    [('central_committee_members', 139.0), ('central_committee_members_repressed', 98.0)]
    """
    lex = lexicon or load_lexicon()
    claims: list[Claim] = []
    anchor: date | None = None
    for number, line in enumerate(text.split("\n"), 1):
        if not ANY_NUMBER.search(line):
            continue
        earlier: list[str] = []  # explicit periods stated earlier in this paragraph
        carry: tuple[str, str, int, int] | None = None  # the paragraph's last quantity
        for offset, sentence in split_sentences(line):
            if not ANY_NUMBER.search(sentence):
                continue
            periods = find_periods(sentence, anchor, lex)
            tokens = _tokens(sentence, lex, periods)
            made = _claims_of(tokens, sentence, periods, earlier, lex, carry)
            for t, quantity, cue, distance, priority, period, relative in made:
                carry = (quantity, cue, distance, priority)
                claims.append(
                    _claim(
                        file,
                        number,
                        line,
                        offset,
                        sentence,
                        t,
                        quantity,
                        cue,
                        distance,
                        priority,
                        period,
                        relative,
                        lex,
                    )
                )
            explicit = [f.period for f in periods if f.explicit]
            earlier += explicit
            anchor = latest_day(periods, anchor)
    return claims


def _claims_of(
    tokens: list[_Token],
    sentence: str,
    periods: list[Found],
    earlier: list[str],
    lex: Lexicon,
    carry: tuple[str, str, int, int] | None = None,
):
    """Each token with its quantity: from the words between it and its neighbours.

    In "N of (the) M ..." the pair is read together: the numerator gets the
    quantity of the whole phrase ("98 of 139 members were purged"), the
    denominator the size of the body (:data:`_BODY`), or nothing if the
    phrase is not about an elite body.
    """
    bounds = [  # the words between a number and its neighbours, at most REACH characters away
        (
            max(tokens[i - 1].end if i > 0 else 0, tokens[i].start - REACH),
            min(
                tokens[i + 1].start if i + 1 < len(tokens) else len(sentence), tokens[i].end + REACH
            ),
        )
        for i in range(len(tokens))
    ]
    chosen: dict[int, tuple[str, str, int, int]] = {}
    position = {id(t): k for k, t in enumerate(tokens)}
    for i, t in enumerate(tokens):
        lo, hi = bounds[i]
        entry, distance, cue = _best(lex.quantity, sentence[lo:hi], t.start - lo)
        if entry is not None:
            chosen[i] = (entry.quantity, cue, distance, entry.priority)
    for i, t in enumerate(tokens):
        j = position.get(id(t.denominator)) if t.denominator is not None else None
        if j is None:
            continue
        lo, hi = bounds[i][0], bounds[j][1]
        entry, distance, cue = _best(lex.quantity, sentence[lo:hi], t.start - lo)
        if entry is not None and entry.quantity in _BODY:
            chosen[i] = (entry.quantity, cue, distance, entry.priority)
            chosen[j] = (_BODY[entry.quantity], cue, 0, entry.priority)
    for i, t in enumerate(
        tokens
    ):  # "from Volkogonov's 3.5 million to Shatunovskaia's nearly 20 million"
        if i in chosen:
            continue
        if i > 0 and i - 1 in chosen and t.start - tokens[i - 1].end <= 60:
            q, cue, _, priority = chosen[i - 1]
            chosen[i] = (q, cue, 61, priority - 20)
        elif i + 1 < len(tokens) and i + 1 in chosen and tokens[i + 1].start - t.end <= 40:
            q, cue, _, priority = chosen[i + 1]
            chosen[i] = (q, cue, 61, priority - 20)
        elif carry and (t.high >= 1000 or t.vague) and not t.small:
            q, cue, _, priority = carry
            chosen[i] = (q, cue, 200, priority - 30)  # the paragraph's last quantity
    out = []
    for i, t in enumerate(tokens):
        if i not in chosen:
            continue
        quantity, cue, distance, priority = chosen[i]
        if t.high < 10 and not t.others and quantity not in SMALL_OK:
            continue  # an anecdote about a handful of people is not a figure to check
        out.append(
            (
                t,
                quantity,
                cue,
                distance,
                priority,
                *_period(t, sentence, periods, earlier, bounds[i]),
            )
        )
    return out


def _period(
    t: _Token, sentence: str, periods: list[Found], earlier: list[str], span: tuple[int, int] | None
) -> tuple[str, bool]:
    """The period of a number: a relative phrase in its part of the sentence, else the nearest."""
    lo, hi = span or (0, len(sentence))
    relative = [f for f in periods if not f.explicit and lo <= f.start and f.end <= hi]
    if relative:
        return min(relative, key=lambda f: abs(f.start - t.start)).period, True
    explicit = [f for f in periods if f.explicit]
    if explicit:
        nearest = min(explicit, key=lambda f: min(abs(f.start - t.end), abs(t.start - f.end)))
        return nearest.period, False
    return (earlier[-1] if earlier else ""), False


def _claim(
    file,
    number,
    line,
    offset,
    sentence,
    t: _Token,
    quantity,
    cue,
    distance,
    priority,
    period,
    relative,
    lex,
) -> Claim:
    before = sentence[max(0, t.start - 40) : t.start]
    bound, hedge = ("", "") if t.vague else _hedge(before, lex)
    low: float | None = t.low + t.others
    high: float | None = t.high + t.others
    stated_low, stated_high = t.low, t.high
    if t.low == t.high:
        if bound == "low":
            high = None
        elif bound == "high":
            low = None
    mention = f"{hedge} {t.text}".strip() if hedge else t.text
    confidence = 0.9
    confidence -= 0.15 if priority < 50 else 0
    confidence -= 0.2 if distance > 60 else (0.1 if distance > 25 else 0)
    confidence -= 0.15 if t.vague else 0
    confidence -= 0.1 if t.small and t.low < 10 else 0
    confidence -= 0.1 if not period else 0
    notes = []
    if t.others:
        notes.append(f"{t.others} named besides the {t.text} others: {int(low or 0)} in all")
    if relative:
        notes.append("period resolved from a relative phrase")
    near = max(0, t.start - REACH)  # places named within REACH characters of the number
    places = [
        (min(abs(m.start() - t.start), abs(m.end() - t.end)), e.rule)
        for e in lex.region
        for m in e.pattern.finditer(sentence, near, t.end + REACH)
    ]
    region = min(places)[1] if places else "USSR"  # the place named nearest the number
    return Claim(
        region=region,
        file=file,
        line=number,
        start=offset + t.start,
        end=offset + t.end,
        mention=mention,
        stated_low=stated_low,
        stated_high=stated_high,
        low=low,
        high=high,
        quantity=quantity,
        period=period,
        attribution=attribute(line, offset + t.start, offset),
        confidence=round(max(0.05, min(0.99, confidence)), 2),
        sentence=sentence,
        cue=cue,
        notes=notes,
    )
