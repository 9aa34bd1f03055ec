"""The fact-checker's pipeline: read -> language -> sentences -> mentions -> frames -> judgment -> outputs.

:func:`check_text` is "one document's text in, claim frames out": a pure,
deterministic function of its arguments (the data are loaded once per process
and never changed), picklable, so that an archive of millions of documents
can map it over workers.  :func:`factcheck` reads the articles, runs it on
each, judges the claims and finds contradictions;
:func:`gulagstats.factcheck.written.write_outputs` writes the result.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from ..core.record import Record, resolve
from ..errors import printable
from ..periods import match_period
from .attribution import REACH
from .births import births_apart
from .bounds import judged_quantities
from .category_lists import listed_parts
from .context import Context, context
from .contradictions import contradictions
from .custody_lists import custody_lists
from .enumerations import counted_years, enumerated_before
from .frame_periods import carried, context_reading
from .frame_scopes import GOES_ON, breakdowns, named_part
from .frames import Frame, answer, asked, frame, quantity_kind
from .judgment import claims_frame, judge, unnamed_parts
from .language import detect, warning
from .like_numbers import like_mentions
from .line_periods import (
    HEADING_LINE,
    ROW_LINE,
    SUBJECT_CONFIDENCE,
    ends_prose_line,
    heads,
    subject_period,
    table_row,
)
from .mentions import Mention, Seen, find_mentions
from .numerals import fold_digits
from .page import counted
from .periods import Dating, clock, find_periods
from .phrases import tokens
from .read import ReadText, read_source
from .readings import READING_COLUMNS
from .resources import Resources, load_resources
from .sentences import Sentence, line_starts, split, year_and_count
from .stories import Story
from .table_cells import cell_starts, unglued
from .table_labels import part_listed
from .tables import (
    date_by_row,
    noted_years,
    noun_at,
    outside_cells,
    row_at,
    share_cells,
    table_rows,
    unnamed_column,
)
from .unsaid import (
    UNSAID_QUANTITY,
    estimate_only,
    estimated,
    like_numbers,
    people_counted,
    people_shares,
    predicate,
    share_unsaid,
    unsaid,
)

#: A quick test for a sentence that may hold a number (digits, or number words of the two languages).
_MAY_COUNT = re.compile(
    r"\d|hundred|thousand|million|billion|dozen|сот|тысяч|миллион|десят|млн|тыс|полтор|"
    r"half|third|quarter|fourth|fifth|tenth|половин|трет|четверт|пятая|"
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b",
    re.IGNORECASE,
)


_CYRILLIC = re.compile("[\u0400-\u04ff]")
#: A sentence that starts with an ellipsis resumes a quotation after a cut: the context before it is not carried.
_RESUMES = re.compile(r"^\s*(?:\u2026|\.\.\.)")


@dataclass
class TextResult:
    """One text read: its claim frames, the numbers seen but not read, its language and any warning."""

    name: str
    frames: list[Frame]
    seen: list[Seen]
    language: str
    warning: str = ""


@dataclass
class _Reading:
    """What the reading of a text carries from one sentence to the next."""

    anchor: date | None = None
    last_period: str = ""
    paragraph: int = -1
    #: The kind of period last_period is (a year, a span, ...): a year carries only within a list.
    last_kind: str = ""
    #: The last period of the text, across paragraphs: "за этот период" may point back to it.
    text_period: str = ""
    #: The part of the whole the sentence before named.
    part: tuple[str, str] | None = None
    #: What the last claim of the sentence before counts: "Of these, ..." goes on with it.
    before: tuple[str, str] | None = None
    #: What the sentence before asked for ("How many ...?").
    question: tuple[str, str] | None = None
    #: The sentence before, in the paragraph, has a spread cue ("Estimates vary widely.").
    spread: bool = False
    #: How the text dates its named periods ("The Great Purge ... from 1936 to 1938").
    dating: Dating = field(default_factory=Dating)
    #: The sentence before: a line of prose it ends is a paragraph for the periods.
    previous: Sentence | None = None
    #: The sentence before is a dated heading.
    heading: bool = False
    #: The part of the whole the text's story is about: "In total, ..." sums it up (round 18).
    story: Story = field(default_factory=Story)
    #: The paragraph of the sentence before (a paragraph of one short line may be a heading).
    previous_paragraph: int = -1


def check_text(text: str, name: str = "text", data: Resources | None = None) -> TextResult:
    """Claim frames of one text (no judgment): the fact-checker's unit of work.

    Examples
    --------
    >>> r = check_text("In 1937-1938, 681,692 people were shot. Order 00447 foresaw 75,950 executions.", "a.txt")
    >>> [(f.mention, f.quantity, f.period, f.period_how, f.scope, f.modality) for f in r.frames]
    [('681,692', 'executions', '1937/1938', 'span', 'USSR', 'stated'), ('75,950', 'executions', '1937/1938', 'named period', 'operation', 'planned')]
    """
    data = data or load_resources()
    language = detect(text)
    lines = line_starts(text)
    frames: list[Frame] = []
    seen: list[Seen] = []
    # the rows of its year-value tables: a cell's period is its row's year
    rows = table_rows(text, data)
    tables = (
        rows,
        [r.start for r in rows],
        noted_years(rows),
        share_cells(rows),
        cell_starts(text, rows),
    )
    document = (text, lines, language, tables)
    state = _Reading()
    sentences = split(text, data)
    for s in sentences:
        found, skipped = _read_sentence(s, state, document, data, name)
        frames += found
        seen += skipped
    # "в тюрьмах 350 тыс., в лагерях 1,3 млн ... Итого 3,005 млн"
    custody_lists(sentences, frames, data)
    frames, seen = births_apart(sentences, frames, seen, data)  # "родилось 17 082 и умер 151 601"
    periods_of = lambda line: find_periods(line, tokens(line), 0, None, "", data)  # noqa: E731
    _date_by_subject(frames, subject_period(text, periods_of, data))
    return TextResult(name, frames, seen, language, warning(name, language))


def _new_paragraph(
    s: Sentence, state: _Reading, text: str, lines: list[int], data: Resources
) -> None:
    """Forget what the sentence before carried where ``s`` starts a paragraph, or a line of a page's prose."""
    if s.paragraph != state.paragraph or _RESUMES.match(
        s.text
    ):  # a new paragraph, or "… " after a cut
        # the table under a dated heading
        under = state.heading and _whole_line(text, lines, s) and table_row(s.text)
        # a question's answer may follow it
        state.paragraph, state.part, state.before, state.spread = s.paragraph, None, None, False
        if not under:
            state.last_period, state.last_kind = "", ""
    elif (
        state.previous is not None
        and state.previous.line != s.line
        and ends_prose_line(
            text[lines[state.previous.line - 1] : state.previous.end], s.text, data.goes_on_words
        )
    ):
        # a page's paragraphs without blank lines: the period stays in its own
        state.last_period, state.last_kind = "", ""
    state.previous = s


def _read_sentence(
    s: Sentence, state: _Reading, document, data: Resources, name: str
) -> tuple[list[Frame], list[Seen]]:
    """The claim frames and the numbers seen but not read of one sentence; ``state`` goes on past it."""
    text, lines, language, tables = document
    _new_paragraph(s, state, text, lines, data)
    plain = fold_digits(s.text)  # full-width and other digits as ASCII, offsets unchanged
    toks = tokens(plain, s.start)
    periods = find_periods(
        plain,
        toks,
        s.start,
        state.anchor,
        state.last_period or state.text_period,
        data,
        state.dating,
        language,
    )
    if tables[0]:  # "1938 — 90 546" in a table
        periods = outside_cells(tables[0], tables[1], periods, s.start)
    # "умерло 1890 человек": a count, not a year; a set (Period is frozen), as a list's `in` made a sentence of
    # many such counts quadratic
    counted = set(counted_years(plain, toks, s.start, periods, data))
    periods = [p for p in periods if p not in counted] if counted else periods
    found: list[Frame] = []
    skipped: list[Seen] = []
    if _MAY_COUNT.search(s.text):
        found, skipped, ctx = _counted_sentence(
            s, (plain, toks, periods), state, document, data, name
        )
    else:
        ctx = context(s.text, s.start, toks, data, periods)
        state.part, state.before = named_part(ctx), None  # "... эшелон крымских татар."
    state.story.told(ctx)
    # "How many died of famine? 6 million": the answer counts what it asks
    state.question = asked(ctx, data)
    state.spread = ctx.first_spread < len(ctx.toks)
    state.anchor = clock(periods, state.anchor)
    ends = {f.period[1:] for f in found if f.period[:1] == "/"}  # the days its own claims run up to
    state.last_period, state.last_kind = carried(
        plain, periods, state.last_period, state.last_kind, ends
    )
    state.text_period = state.last_period or state.text_period
    state.heading = (
        bool(state.last_period)
        and s.paragraph != state.previous_paragraph
        and _whole_line(text, lines, s, HEADING_LINE)
        and heads(s.text)
    )
    state.previous_paragraph = s.paragraph
    return found, skipped


def _counted_sentence(s: Sentence, read, state: _Reading, document, data: Resources, name: str):
    """The frames, the numbers seen but not read and the context of a sentence that may count; ``state``
    takes the part it names and what its last claim counts."""
    plain, toks, periods = read
    text, lines, language, _ = document
    reading = context_reading(
        s.text,
        state.last_period,
        state.last_kind,
        bool(GOES_ON.match(s.text.lstrip())),
        _whole_line(text, lines, s),
    )
    # "In total, ..." after a story
    summed = state.story.summed(toks, data) if state.part is None else None
    carried_state = (*reading, state.part or summed, state.before, state.question, state.spread)
    found, skipped, ctx = _sentence_frames(
        s, plain, toks, periods, document, carried_state, data, name
    )
    for f in found:
        f.language = language
    part = state.part
    goes_on = part is not None and any((f.scope, f.scope_detail) == part for f in found)
    # a sentence that went on with the part keeps it
    state.part = named_part(ctx) or (part if goes_on else None)
    # "умерло 352 560 (один из четырех)": the count
    counts = [f for f in found if f.unit == "count"] or found
    state.before = (counts[-1].quantity, counts[-1].cue) if counts else None
    return found, skipped, ctx


def _whole_line(text: str, lines: list[int], s, longest: int = ROW_LINE) -> bool:
    """True if the sentence ``s``, at most ``longest`` characters, is the whole of its line (a row of a table may be)."""
    if len(s.text) > longest:
        return False
    start, end = lines[s.line - 1], lines[s.line] - 1 if s.line < len(lines) else len(text)
    return (
        s.start - start + end - s.end <= longest
        and not text[start : s.start].strip()
        and not text[s.end : end].strip()
    )


def _date_by_subject(frames: list[Frame], subject: str) -> None:
    """Give the claims with no period read at all the period of the text's subject (an infobox's date), weakly."""
    for f in frames:
        if subject and f.period_how == "none" and not f.period:
            f.period, f.period_how, f.period_confidence = (
                match_period(subject, quantity_kind(f.quantity)),
                "context",
                SUBJECT_CONFIDENCE,
            )


@dataclass(frozen=True)
class _Place:
    """What each frame of a sentence is read with: its context, the period carried to it, its line (cut to what
    attribute() reads, and where that starts), the text's name, the sentence's line number, the data, the part
    of the whole the sentence before named."""

    ctx: Context
    last_period: str
    line: tuple[str, int]
    name: str
    line_no: int
    data: Resources
    part: tuple[str, str] | None


def _frame_at(
    p: _Place,
    mentions: list[Mention],
    i: int,
    carry: tuple[str, str] | None,
    hi: int | None = None,
    enumerated: bool = True,
) -> Frame | None:
    """The frame of ``mentions[i]``, read between its neighbours (or up to token ``hi``), with ``carry``."""
    lo = mentions[i - 1].last if i else 0
    if hi is None:
        hi = mentions[i + 1].first if i + 1 < len(mentions) else len(p.ctx.toks)
    return frame(
        p.ctx,
        mentions[i],
        (lo, hi),
        p.last_period,
        carry,
        p.line,
        p.name,
        p.line_no,
        p.data,
        p.part,
        enumerated,
    )


def _sentence_frames(s, plain: str, toks, periods, document, state, data: Resources, name: str):
    """The claim frames of one sentence, the numbers seen but not read, and the sentence's context."""
    text, lines, language, (rows, row_starts, noted, shares, cells) = (
        document  # the whole text, its line starts, its language, its table rows
    )
    last_period, carried_how, part, before, question, spread = state
    said_in = (
        "ru" if _CYRILLIC.search(s.text) and detect(s.text) == "ru" else language
    )  # a Russian passage
    mentions, skipped = find_mentions(plain, toks, s.start, periods, data, said_in, shares, cells)
    mentions = sorted(
        mentions + like_mentions(mentions, toks, s.start, plain, data), key=lambda m: m.start
    )
    if noted:
        mentions = [
            m for m in mentions if m.start not in noted
        ]  # "19301 | 7980": a year with note 1
    mentions = (
        unglued(mentions, rows, row_starts, toks, text) if rows else mentions
    )  # "206 4301": 206 430, note 1
    ctx = context(s.text, s.start, toks, data, periods, carried_how)
    # the sentence's line, cut to what attribute() reads: the work per sentence does not grow with a long line
    line_start = max(lines[s.line - 1], s.start - REACH)
    line_text = text[
        line_start : min(lines[s.line] - 1 if s.line < len(lines) else len(text), s.end + REACH)
    ]
    where = _Place(ctx, last_period, (line_text, line_start), name, s.line, data, part)
    carry = (
        before
        if GOES_ON.match(s.text.lstrip()) or year_and_count(s.text)
        else answer(question, s.text, mentions)
    )  # "Из них ...": of the arrested
    got = _cued_frames(where, mentions, carry, (rows, row_starts))
    _enumerated_back(where, plain, s.start, mentions, got)
    _listed_frames(where, (plain, s.start, s.text, spread), mentions, got)
    like_numbers(
        mentions, got, toks, data, lambda i, c: _frame_at(where, mentions, i, c, enumerated=False)
    )
    for m, f in zip(mentions, got):
        if f is None and (m.high >= 1000 or m.vague):
            skipped.append(Seen(m.start, m.end, m.text, "nothing near it says what it counts"))
    frames = [f for f in got if f is not None]
    breakdowns(ctx, frames)
    return frames, skipped, ctx


def _cued_frames(
    where: _Place, mentions: list[Mention], carry: tuple[str, str] | None, table
) -> list[Frame | None]:
    """The frames of a sentence's mentions read by their own words, a table's column or the carry along them."""
    rows, row_starts = table
    got: list[Frame | None] = []
    for i, m in enumerate(mentions):
        row = row_at(rows, row_starts, m.start)
        if row is not None and noun_at(row, m.start)[0]:
            carry = noun_at(
                row, m.start
            )  # a table cell: its column's or the caption's noun, unless it has its own
        header = unnamed_column(row, m.start) if row is not None else ""
        if header:  # "Other measures", "Всего" with no caption: listed, never judged, never a neighbour's noun
            carry = (UNSAID_QUANTITY, header)
        f = _frame_at(where, mentions, i, carry)
        if header:
            f = unsaid(f, f"'{header}' (a table column that names no quantity)")
        if f is not None and row is not None:
            f = part_listed(f, row)  # "Chechens (Feb. 1944) | 362 000": a part's count, listed
            if row.year:
                date_by_row(f, row)
        got.append(f)
        carry = (
            (f.quantity, f.cue)
            if f is not None and i + 1 < len(mentions) and mentions[i + 1].first - m.last <= 10
            else None
        )
    return got


def _enumerated_back(
    where: _Place, plain: str, offset: int, mentions: list[Mention], got: list[Frame | None]
) -> None:
    """ "353,074 in 1937 and 328,618 in 1938 were shot": the cue after the last reads the numbers before it."""
    source = list(range(len(mentions)))  # whose own cue each mention has
    for i in range(len(mentions) - 2, -1, -1):
        back = enumerated_before(plain, offset, where.ctx.toks, mentions, got, i, source[i + 1])
        if back is not None:
            source[i] = source[i + 1]
            got[i] = _frame_at(where, mentions, i, back, mentions[i + 1].first)


def _listed_frames(
    where: _Place, sentence, mentions: list[Mention], got: list[Frame | None]
) -> None:
    """The mentions no cue reads that are still listed, never judged: counts of people, shares of people,
    others' estimates."""
    plain, offset, said, spread = sentence
    toks, data = where.ctx.toks, where.data
    read = lambda i, c: _frame_at(where, mentions, i, c, enumerated=False)  # noqa: E731
    listed_parts(mentions, (plain, offset), got, read)  # "10 171 (1 %) на срок до двух лет; ..."
    for i, m in enumerate(
        mentions
    ):  # "миллионы людей", "18,000 women": found and shown, never judged
        if got[i] is None and (who := people_counted(toks, m, data, plain, offset)):
            hi = mentions[i + 1].first if i + 1 < len(mentions) else len(toks)
            verb = predicate(
                where.ctx, m.first, m.last, hi
            )  # "29,839 members of families ... were deported"
            got[i] = unsaid(
                _frame_at(where, mentions, i, verb or (UNSAID_QUANTITY, who), enumerated=False),
                who,
                verb,
            )
    shares_of_people = people_shares(toks, mentions, data, plain, offset)
    for i in sorted(
        shares_of_people
    ):  # "About one in five were women", "58 % из них": a share of people, listed
        if got[i] is None:
            got[i] = share_unsaid(
                _frame_at(where, mentions, i, (UNSAID_QUANTITY, "a share"), enumerated=False)
            )
    for i, m in enumerate(
        mentions
    ):  # "estimates varying from 6 million ... to 61 million", "Was it 10 million?"
        if got[i] is None and (why := estimate_only(where.ctx, m, said, spread)):
            got[i] = estimated(
                _frame_at(where, mentions, i, (UNSAID_QUANTITY, "an estimate"), enumerated=False),
                why,
            )


@dataclass
class Factcheck:
    """The result of fact-checking texts: texts, claims, verdicts, contradictions, what was not read."""

    texts: dict[str, str]
    results: list[TextResult]
    claims: pd.DataFrame
    verdicts: pd.DataFrame
    contradictions: pd.DataFrame
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line: how many claims, by verdict, and the contradictions."""
        counts = Counter(self.verdicts["verdict"]) if len(self.verdicts) else Counter()
        by = ", ".join(f"{n} {v}" for v, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])))
        return (
            f"{counted(len(self.claims), 'claim')} in {counted(len(self.texts), 'text')} ({by or 'none'}); "
            f"{counted(len(self.contradictions), 'contradiction')}"
        )


def _distinct(sources: list[str | Path]) -> list[str | Path]:
    """The sources, each file once (``a.txt`` and ``d/../a.txt`` are one file)."""
    out, known = [], set()
    for s in sources:
        key = str(s) if str(s) == "-" or re.match(r"https?://", str(s)) else os.path.realpath(s)
        if key not in known:
            known.add(key)
            out.append(s)
    return out


def _names(documents: list[ReadText], sources: list[str | Path]) -> list[str]:
    names = [d.name for d in documents]
    return names if len(set(names)) == len(names) else [printable(s) for s in sources]


def factcheck(
    sources: list[str | Path],
    overlay: str | Path | None = None,
    lexicon: str | Path | None = None,
    *,
    record: Record | None = None,
) -> Factcheck:
    """Fact-check articles: every repression figure, judged against the archival record.

    Parameters
    ----------
    sources : list of path or str
        Text, Markdown or HTML files (UTF-8), ``-`` for standard input, or URLs.
    overlay : path, optional
        A filled template whose values the benchmarks use.
    lexicon : path, optional
        A lexicon CSV of your own (default: the packaged ``data/factcheck/lexicon.csv``).
    record : gulagstats.Record, optional
        The record to judge against (default: the published data); not together with ``overlay``.

    Returns
    -------
    Factcheck
        The texts, the claims, one verdict row per claim, the contradictions, warnings.

    Raises
    ------
    FactcheckInputError
        For an article that cannot be read (all are read before any is judged).

    Examples
    --------
    >>> import os, tempfile
    >>> p = os.path.join(tempfile.mkdtemp(), "a.txt")
    >>> _ = open(p, "w").write("In 1937-1938, 7 million people were shot.\\n")
    >>> r = factcheck([p])
    >>> r.verdicts[["quantity", "low", "period", "verdict"]].values.tolist()
    [['executions', '7000000', '1937/1938', 'overstates']]
    """
    record = resolve(record, overlay)
    data = load_resources(lexicon)
    sources = _distinct(list(sources))
    documents = [read_source(s) for s in sources]
    names = _names(documents, sources)
    results = [check_text(d.text, n, data) for d, n in zip(documents, names)]
    claims = claims_frame([f for r in results for f in r.frames])
    verdicts = judge(claims, record)
    claims = claims.drop(columns=READING_COLUMNS)
    claims["vague"] = [f.vague for r in results for f in r.frames]
    judged = claims.assign(quantity=judged_quantities(verdicts, record))  # round 18
    found = contradictions(judged, parts=unnamed_parts(verdicts))
    warnings = [r.warning for r in results if r.warning]
    warnings += [
        f"{r.name}: no claim found, though it has {len(r.seen)} number(s) not read (listed in factcheck.html under 'Numbers seen but not read')"
        for r in results
        if not r.frames and r.seen and not r.warning
    ]
    return Factcheck(
        dict(zip(names, (d.text for d in documents))),
        results,
        claims.drop(columns=["vague"]),
        verdicts,
        found,
        warnings,
    )
