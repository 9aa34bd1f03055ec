"""How a text's lines carry periods: headings, rows of a table, paragraphs of prose, and its subject's period.

A heading ("Численность заключённых на 1 января 1946 г.") dates the table
under it, a row of a table reads the line above it, a paragraph of prose on
its own line carries its period into the next line only if that line goes on
with it; a text's subject period is read from its infobox's date line, a span
in its title, or a lead that defines the subject.  Used by
:mod:`gulagstats.factcheck.frame_periods` and the run; each check reads its
line once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .dates import Period
from .resources import Resources
from .sentences import split_line

#: The longest line read as a heading (characters).
HEADING_LINE = 120
_HEADS = re.compile(r"(?:[^.!?\u2026\"'\u201d\u00bb)\]*]|\bгг?\.|:)\s*$")


def heads(line: str) -> bool:
    """True if ``line`` (a whole line, a paragraph of its own) reads as a heading: it ends no sentence, or ends on
    a colon or on "г."/"гг." (a year's abbreviation): the period it states dates the table under it.

    Examples
    --------
    >>> heads("Численность заключённых на 1 января 1946 г."), heads("Executions by year, 1937-1938:")
    (True, True)
    >>> heads("In 1937 many were shot."), heads("")
    (False, False)
    """
    return bool(line) and bool(_HEADS.search(line))


#: The longest line read as a row of a table (characters).
ROW_LINE = 80
_ROW_END = re.compile(r"[.!?\u2026][\"'\u201d\u00bb)\]*]*\s*$|[,;]\s*$")


def table_row(line: str) -> bool:
    """True if ``line`` (a whole line) reads as a row of a table: short, with a number, ending no sentence.

    Examples
    --------
    >>> table_row("Поляки — 111 091"), table_row("ИТЛ | 600 897 человек"), table_row("In 1956, Khrushchev spoke of 20 million.")
    (True, True, False)
    >>> table_row("Total deaths"), table_row("")
    (False, False)
    """
    return 0 < len(line) <= ROW_LINE and bool(re.search(r"\d", line)) and not _ROW_END.search(line)


#: The mark that opens an item of a list: "1.", "2)", "а)", "b)", a bullet or a dash. A long line that is an item, then
#: the next item, are one list, not two paragraphs of prose: the period the list's heading stated dates them both.
_LIST_ITEM_MARK = re.compile(
    r"\s*(?:\d{1,2}[.)]|[a-z\u0430-\u044f\u0451]\)|[\u2022*\-\u2013\u2014])\s"
)
#: A line of prose: at least this many characters, ending a sentence. Many web pages give one paragraph a line with no
#: blank line between them; on dev (round 11) a period carried from such a line into the next was the labels' period
#: less often than none: of 33 claims in 19 texts left undated by this rule (round 11), the labels read none for 19
#: and the carried period for 3 (the rest wrong either way); a sentence that goes on ("Another ...") keeps it.
PROSE_LINE = 150
_ENDS_SENTENCE = re.compile(r"[.!?\u2026][\"'\u201d\u00bb)\]*]*\s*$")


@lru_cache(maxsize=8)
def _going_on(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """The words by which a sentence goes on with the one before (``goes_on`` rows of periods.csv) as one pattern."""
    if not words:
        return None
    return re.compile(
        r"(?<!\w)(?:"
        + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        + r")(?!\w)",
        re.IGNORECASE,
    )


def ends_prose_line(line: str, sentence: str, goes_on: tuple[str, ...] = ()) -> bool:
    """True if ``line`` (up to the end of the sentence before ``sentence``) is a paragraph of prose and ``sentence``,
    on the next line, does not go on with it: the period the line carried does not date ``sentence``'s claims.

    ``goes_on`` are the words by which a sentence goes on with the one before across its line ("Another seven to
    eight million ...", "... others": :attr:`~gulagstats.factcheck.resources.Resources.goes_on_words`).

    Examples
    --------
    >>> para = "The Great Terror of 1937-1938 took many lives, " * 4 + "as the archives show."
    >>> ends_prose_line(para, "Some 7,000 people lie buried at Sandarmokh.", ("another",))
    True
    >>> ends_prose_line(para, "Another seven to eight million people were deported.", ("another",))
    False
    >>> ends_prose_line("Executions by year:", "1937: 353,074")
    False
    >>> ends_prose_line("а) " + para, "б) по 2 категории - 4539 чел."), ends_prose_line("а) " + para, "Итак, 4539 чел.")
    (False, True)
    """
    if len(line) < PROSE_LINE or not _ENDS_SENTENCE.search(line):
        return False
    # "а) по 1 категории - 9766 чел. ...", then "б) по 2 категории - 4539 чел.": one list
    if _LIST_ITEM_MARK.match(line) and _LIST_ITEM_MARK.match(sentence):
        return False
    words = _going_on(goes_on)
    return words is None or words.search(sentence) is None


#: An infobox's date line near the top of a text ("- Date: 14–15 November 1944", "| date = 1937–1938", "Дата: ...",
#: or glued to its label as HTML without its cell breaks gives it: "Date1930–1952"):
#: the period of the article's subject (the labelling guide: an infobox's date dates the claims under it).
_INFOBOX_DATE = re.compile(
    r"^[ \t]*(?:[-|*\u2022][ \t]*)?(?:dates?|дата|даты)(?:[ \t]*[:=|][ \t]*|(?=\d))(?P<value>\S[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)
#: How far into a text an infobox is looked for (characters): it opens an encyclopaedia article.
SUBJECT_REACH = 3000
#: The confidence of a subject's period given a claim with no period of its own: under the judging gate.
SUBJECT_CONFIDENCE = 0.5


def subject_period(
    text: str, periods_of: Callable[[str], list[Period]], data: Resources | None = None
) -> str:
    """The period of a text's subject: its infobox's date line near the top, if it states one period ("" if not);
    ``data``: the resources the run uses, whose hedges the lead's sentence split reads (:func:`lead_period`).

    ``periods_of`` reads the periods of a line (:func:`gulagstats.factcheck.periods.find_periods`).

    Examples
    --------
    >>> from gulagstats.factcheck.periods import Period
    >>> def read(line):
    ...     return [Period(0, len(line), "1944-11-14/1944-11-15", "date", 0.9)] if "1944" in line else []
    >>> subject_period("= Deportation =\\nInfobox\\n- Date: 14–15 November 1944\\n", read)
    '1944-11-14/1944-11-15'
    >>> subject_period("The text. Date: 30 October\\n", read)
    ''
    """
    infobox = _INFOBOX_DATE.search(text, 0, SUBJECT_REACH)
    if infobox is not None:
        return _one_period(
            periods_of(infobox["value"]), ("span", "date", "year", "month", "season", "named")
        )
    title = _TITLE.match(text)
    stated = _one_period(periods_of(title["value"]), ("span",)) if title is not None else ""
    return stated or lead_period(text, periods_of, data)


def _one_period(periods: list[Period], kinds: tuple[str, ...]) -> str:
    """The one period of ``kinds`` among ``periods`` ("" if none, or more than one)."""
    stated = [p for p in periods if p.kind in kinds and p.period]
    return stated[0].period if len(stated) == 1 else ""


#: The shortest line read as a text's lead paragraph (characters): shorter lines near the top are titles, menus, captions.
LEAD_LINE = 100
#: A lead sentence that defines its subject: "The Katyn massacre was a series of mass executions ...", "The Greek NKVD
#: operation - mass repressions against ...", "«Большой террор» — пик массовых политических репрессий ...".
_DEFINES = re.compile(
    r"^[^\d;:.!?]{3,160}?\s(?:was|were)\s(?:an?|the)\s|^[^\d;:.!?,]{3,120}?\s[\u2014\u2013-]\s"
)


def lead_period(
    text: str, periods_of: Callable[[str], list[Period]], data: Resources | None = None
) -> str:
    """The period of a text's subject stated in its lead: the first sentence of its first paragraph of prose (a line of
    at least :data:`LEAD_LINE` characters near the top), if that sentence defines the subject ("The Katyn massacre was
    a series of mass executions ... between April and May 1940") and states one span, month, season or day ("" if not).
    A year alone is left: it dates a founding or an opening as often ("It was established in 1931").

    Examples
    --------
    >>> from gulagstats.factcheck.periods import Period
    >>> def read(line):
    ...     at = line.find("April")
    ...     return [Period(at, at + 18, "1940-04-01/1940-05-31", "span", 0.9)] if at >= 0 else []
    >>> lead = "The Katyn massacre was a series of mass executions of Poles carried out between April and May 1940. More."
    >>> lead_period("Katyn massacre\\n" + lead + "\\n", read)
    '1940-04-01/1940-05-31'
    >>> lead_period("Katyn\\n" + lead.replace("was a series", "saw a series") + "\\n", read), lead_period("", read)
    ('', '')
    """
    for line in text[:SUBJECT_REACH].split("\n"):
        if len(line) < LEAD_LINE:
            continue
        first = split_line(line, data)
        sentence = line[first[0][0] : first[0][1]] if first else ""
        return (
            _one_period(periods_of(sentence), ("span", "date", "month", "season"))
            if _DEFINES.search(sentence)
            else ""
        )
    return ""


#: A title: the text's first line, short and without a sentence's end ("The Great Terror, 1937-1938", "Голод в СССР
#: (1932—1933)"); a span it states is its subject's period (a day in a title is most often its publication's).
_TITLE = re.compile(r"\s*(?P<value>[^\n]{0,89}[^\n.!?:;,])[ \t]*(?:\n|$)")
