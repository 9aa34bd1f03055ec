"""Stage 3, sentences: a text cut into sentences, each with where it is.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by a space and a
capital letter, a digit or an opening quote or bracket, unless the word before
the point is an abbreviation ("Dec.", "p.", "Mr.", "г.", "тыс.") or an
initial, or the point is a decimal point with a stray space after it ("more than 2. 4 million"); a line break ends one (paragraphs, table rows), except in a hard-wrapped
sentence: a line that ends without a stop, followed by one that starts with a
small letter, goes on with it (its line break kept), and so do the items of a list of numbers
under a line ending in a colon ("fatalities = various estimates:" / "1) 12,589"), and the answer on a line
after a question of how many ("How many died in the famine?" / "3,941,000").  Each end is
decided by looking at a few characters around it, so the time is linear in
the text (a 100 kB line of "Mr. A " included).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .phrases import tokens
from .resources import Resources, load_resources

#: Abbreviations after which a point does not end a sentence (lower case, without the point).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "col",
        "lt",
        "capt",
        "prof",
        "no",
        "nos",
        "nr",
        "p",
        "pp",
        "vol",
        "vols",
        "op",
        "cit",
        "ed",
        "eds",
        "ibid",
        "ll",
        "cf",
        "etc",
        "vs",
        "fig",
        "figs",
        "approx",
        "ca",
        "c",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "art",
        "arts",
        "ch",
        "chap",
        "sect",
        "para",
        "n",
        "nn",
        "f",
        "d",
        "l",
        "г",
        "гг",
        "т",
        "е",
        "др",
        "тыс",
        "млн",
        "млрд",
        "им",
        "ст",
        "см",
        "с",
        "ок",
        "руб",
        "пр",
        "ф",
        "оп",
        "д",
        "л",
        "стр",
        "табл",
        "рис",
    ]
)
_END = re.compile(
    r"[.!?\u2026]+(?:\[[^\]\s]{1,8}\])*[\"\u201d\u2019\u00bb)\]]*\s+(?=[\"\u201c\u2018\u00ab(\[]?[A-Z0-9\u0410-\u042f\u0401])"
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?$")


@dataclass(frozen=True)
class Sentence:
    """A sentence: its text, its offsets in the document, its line (1-based) and paragraph (0-based)."""

    text: str
    start: int
    end: int
    line: int
    paragraph: int


#: Russian scale words cut short: a number goes on after them ("19 млн. 840 тыс. человек", "7 млн. человек"),
#: but a capital letter after one starts a sentence ("в 13 млн. В число репрессированных ...").
_SCALE_CUT = frozenset({"тыс", "млн", "млрд"})


#: A bracketed number right after "чел." ("13 113 чел. (94 %)"): the sentence goes on.
_SHARE_AFTER = re.compile(r"\s*\(\s*[0-9]")


def _abbreviated(line: str, at: int) -> bool:
    """True if the point at ``at`` follows an abbreviation or an initial.

    >>> _abbreviated("жертв репрессий в 13 млн. В число", 24), _abbreviated("от 7 млн. и выше", 8)
    (False, True)
    >>> _abbreviated("Осуждены 13 113 чел. (94 %)", 19), _abbreviated("Расстреляно 74 чел. По данным", 18)
    (True, False)
    """
    m = _WORD_BEFORE.search(line[max(0, at - 12) : at + 1])
    if not m:
        return False
    word = m.group(1)
    if word.lower() in _SCALE_CUT and line[at + 1 : at + 3].strip()[:1].isupper():
        return False
    if word.lower() == "чел" and _SHARE_AFTER.match(line, at + 1):
        return True  # "13 113 чел. (94 %)": the count's share in brackets goes on with it
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())


#: A decimal point with a stray space after it, in an English number with a scale word: "more than 2. 4 million".
_STRAY_POINT = re.compile(
    r"(?<![\w.,])[0-9]{1,3}\. [0-9]{1,3} ?(?:million|thousand|billion)s?(?![^\W\d_])", re.I
)
#: How far before the number its hedge may start ("in excess of 2. 4 million"): a bound, so the work stays linear.
_HEDGE_REACH = 40


def stray_point(line: str, at: int, data: Resources | None = None) -> bool:
    """True if the point at ``at`` is a decimal point with a stray space after it: a number of one to three digits
    before it, one of one to three digits and a scale word after ("more than 2. 4 million"), and a hedge of the
    lexicon right before the first ("more than"): a sentence cannot end on "more than 2." (not "in 1937. 4 million",
    "He was 12. 4 million ...").  The hedges are those of ``data``, the resources the run uses (a user's
    ``--lexicon`` included, round 18; the packaged ones by default).

    >>> stray_point("was more than 2. 4 million of which", 15), stray_point("numbered 2. 4 million died", 10)
    (True, False)
    """
    m = _STRAY_POINT.search(line, max(0, at - 3), at + 20)
    if m is None or m.start() + line[m.start() : at + 1].find(".") != at:
        return False
    before = line[max(0, m.start() - _HEDGE_REACH) : m.start()]
    toks = tokens(before)
    hedges = (data or load_resources()).lexicon["hedge"].phrases
    return any(h.last == len(toks) for h in hedges.find(toks))


def split_line(line: str, data: Resources | None = None) -> list[tuple[int, int]]:
    """The sentences of one line, as ``(start, end)`` offsets (spaces trimmed); ``data``: the resources whose
    hedges :func:`stray_point` reads.

    Examples
    --------
    >>> line = "On Dec. 1, 1934 Kirov died. Over 100 were shot."
    >>> [line[a:b] for a, b in split_line(line)]
    ['On Dec. 1, 1934 Kirov died.', 'Over 100 were shot.']
    >>> line = "It targeted some groups.[137] A total of 350,000 were arrested."
    >>> [line[a:b] for a, b in split_line(line)]
    ['It targeted some groups.[137]', 'A total of 350,000 were arrested.']
    >>> line = "В 1937 г. Расстреляно 353 074 чел. По данным Мемориала..."
    >>> [line[a:b] for a, b in split_line(line)]
    ['В 1937 г. Расстреляно 353 074 чел.', 'По данным Мемориала...']
    """
    spans = []
    begin = 0
    for m in _END.finditer(line):
        point = m.start()
        if (
            line[point] == "."
            and m.group(0).startswith(".")
            and (_abbreviated(line, point) or stray_point(line, point, data))
        ):
            continue
        end = m.end() - len(m.group(0)) + len(m.group(0).rstrip())
        spans.append((begin, end))
        begin = m.end()
    spans.append((begin, len(line)))
    out = []
    for a, b in spans:
        while a < b and line[a].isspace():
            a += 1
        while b > a and line[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts (line 1 at 0).

    >>> line_starts("a\\nbc\\n")
    [0, 2, 5]
    """
    return [0, *(m.end() for m in re.finditer("\n", text))]


def split(text: str, data: Resources | None = None) -> list[Sentence]:
    """Every sentence of a text, in order, with its offsets, line and paragraph; ``data``: the resources the run
    uses (:func:`split_line`).

    Examples
    --------
    >>> [(s.text, s.start, s.line, s.paragraph) for s in split("Title\\n\\nIn 1937 many died. Not all.")]
    [('Title', 0, 1, 0), ('In 1937 many died.', 7, 3, 1), ('Not all.', 26, 3, 1)]
    """
    out = []
    offset = 0
    paragraph = -1
    blank = True
    for number, line, answer in _wrapped_lines(text):
        if line.strip():
            paragraph += blank
            blank = False
            spans = split_line(line, data)
            if answer:  # "How many died?" / "3,941,000": the answer goes on with its question
                asked = [(a, b) for a, b in spans if a < answer]
                spans = [*asked[:-1], (asked[-1][0], len(line.rstrip()))] if asked else spans
            for a, b in spans:
                out.append(Sentence(line[a:b], offset + a, offset + b, number, max(paragraph, 0)))
        else:
            blank = True
        offset += len(line) + 1
    return out


#: A line that ends a sentence, a heading or a cell: its last character.
_ENDED = re.compile(r"[.!?:;\u2026)\]\"'\u00bb\u201d|]\s*$")
#: A line that goes on with the sentence of the line before: it starts with a small letter.
_GOES_ON = re.compile(r"\s*[a-z\u0430-\u044f\u0451]")
#: A line that ends inside a sentence (on a small letter) ...
_ENDS_IN_A_WORD = re.compile(r"[a-z\u0430-\u044f\u0451]\s*$")
#: ... goes on with the next if it starts with a count of a thousand or more and a small word: "... трибуналами" /
#: "3 777 380 человек из них:" (not a page's "3 views").
_COUNT_GOES_ON = re.compile(r"\s*[0-9]{1,3}(?:[\u00a0 ,.]?[0-9]{3})+\s+[a-z\u0430-\u044f\u0451]")


def _wrapped_lines(text: str) -> Iterator[tuple[int, str, int]]:
    """The lines of ``text`` (line number, text, where an answer starts or 0), a hard-wrapped sentence as one
    line whose breaks are kept, and a question of how many with its answer on a line after it as one line.

    A line that ends without a stop and is followed by one that starts with a small letter
    ("... говорится о 17,96" / "млн" / "приговорённых по указам ...") is one sentence broken by
    the page, not a heading or a table row: the two are given as one line (with its line break,
    so offsets stay those of the text).
    """
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        first, parts = i + 1, [lines[i]]
        while True:
            if (
                i + 1 < len(lines)
                and parts[-1].strip()
                and not _ENDED.search(parts[-1])
                and (
                    _GOES_ON.match(lines[i + 1])
                    or (_ENDS_IN_A_WORD.search(parts[-1]) and _COUNT_GOES_ON.match(lines[i + 1]))
                )
            ):
                i += 1
                parts.append(
                    lines[i]
                )  # the stop is looked for on the last line only: linear in the text
                continue
            if (
                i + 1 < len(lines)
                and _LIST_HEAD.search(parts[0])
                and _NUMBER_ITEM.match(lines[i + 1])
            ):
                i += 1
                parts.append(
                    lines[i]
                )  # "fatalities = various estimates:" / "1) 12,589" / "2) 14,895": one list
                continue
            gap = _hyphen_gap(lines, i) if _HYPHENATED_END.search(parts[-1]) else 0
            if not gap:
                break
            parts += lines[
                i + 1 : i + gap + 1
            ]  # "one thou-" / "" / "sand were shot": one word broken by the page
            i += gap
        line, answer = "\n".join(parts), 0
        if _asks_how_many(line) and (gap := _answer_gap(lines, i)):
            answer = len(line) + 1  # all after the question's line goes on with it
            line, i = "\n".join([line, *lines[i + 1 : i + gap + 1]]), i + gap
        yield first, line, answer
        i += 1


#: The words of a question of how many: "How many died in the 1923 famine?", "Сколько ... ?".
_HOW_MANY = re.compile(r"(?i)\b(?:how many|how much|сколько)\b")


def _asks_how_many(line: str) -> bool:
    """``line`` ends with a question of how many (its last question, after the last stop, on its last line)."""
    end = line.rstrip()
    if not end.endswith("?"):
        return False
    start = max(end.rfind(c, 0, len(end) - 1) for c in "?.!\n") + 1
    return bool(_HOW_MANY.search(end, start))


#: A line that only says its answer follows: "A", "Answer:", "Ответ:".
_ANSWER_MARK = re.compile(r"(?i)\s*(?:a|answer|ответ)\s*:?\s*")
#: An answer: a number (digits or a vague number word), four words at most after it, two before, no "?".
_ANSWER = re.compile(
    r"(?i)\s*(?:[^\W\d_]+\s+){0,2}(?:[0-9][0-9,.\u00a0 ]*|tens|hundreds|thousands|millions|десятки|сотни|тысячи|миллионы)"
    r"(?:\s+[^\W\d_]+){0,4}\s*"
)
#: The most lines between a question and its answer (blank ones, and one "A").
ANSWER_LINES = 3


def _answer_gap(lines: list[str], i: int) -> int:
    """How many lines after line ``i`` (a question) its answer is (after blank lines and an "A"), or 0."""
    for k in range(i + 1, min(len(lines), i + ANSWER_LINES + 2)):
        if lines[k].strip() and not _ANSWER_MARK.fullmatch(lines[k]):
            return k - i if _ANSWER.fullmatch(lines[k]) else 0
    return 0


#: A line that opens a list: it ends with a colon ("| fatalities = various estimates:").
_LIST_HEAD = re.compile(r"[^\W\d_]\s*:\s*$")
#: An item of a list that is a number, with two words at most: "1) 12,589", "- 30,000", "• 50,000 people".
_NUMBER_ITEM = re.compile(
    r"\s*(?:[0-9]{1,2}[).]|[-*\u2022\u2013])\s*[~\u2248]?[0-9][0-9,.\u00a0 ]*(?:\s+[^\W\d_]+){0,2}\s*$"
)
#: A line that ends inside a word broken by a hyphen ("one thou-", "миллио¬").
_HYPHENATED_END = re.compile(r"[^\W\d_][-\u00ac\u00ad]\s*$")
#: The most blank lines a page puts inside a hyphenated word ("thou-\n\n\nsand").
HYPHEN_BLANKS = 3


def _hyphen_gap(lines: list[str], i: int) -> int:
    """How many lines after line ``i`` (blank ones, then one starting with a small letter) end its broken word, or 0."""
    for k in range(i + 1, min(len(lines), i + HYPHEN_BLANKS + 2)):
        if lines[k].strip():
            return k - i if _GOES_ON.match(lines[k]) else 0
    return 0


#: A sentence of a year, a dash (or a comma) and a count only, with at most a bracket and a note after it: it goes on
#: with the count of the sentence before ("… в 1942 году умерло 352 560 заключенных. В 1943-м — 267 826 (один из
#: пяти)[1427].", "In 1943, 267,826 (one in five)."): round 18's unseen part.
_YEAR_AND_COUNT = re.compile(
    r"\s*(?:в|во|за|in|by|for)?\s*(?:1[89]|20)[0-9]{2}(?:[-\u2013](?:[0-9]{2}|[0-9]{4}))?"
    r"(?:-?(?:м|й|х|е)|\s+(?:году|годы|годах|г\.|гг\.))?\s*(?:[\u2014\u2013-]|,)\s*"
    r"(?:около|более|свыше|почти|about|over|some|nearly|almost)?\s*[0-9][0-9\s,.\u00a0]*[0-9]"
    r"(?:\s*(?:тыс\.|млн|тысяч\w*|миллион\w*|thousand|million))?"
    r"\s*(?:\([^()]{0,40}\))?\s*(?:\[[0-9, ]+\])?\s*[.;]?\s*",
    re.IGNORECASE,
)


def year_and_count(sentence: str) -> bool:
    """True if ``sentence`` holds only a year and a count after a dash or a comma: it counts what the sentence
    before counted.

    Examples
    --------
    >>> year_and_count("В 1943-м — 267 826 (один из пяти)[1427] .")
    True
    >>> year_and_count("In 1943, 267,826 (one in five).")
    True
    >>> year_and_count("In 1943, 267,826 prisoners were released.")
    False
    """
    return _YEAR_AND_COUNT.fullmatch(sentence) is not None
