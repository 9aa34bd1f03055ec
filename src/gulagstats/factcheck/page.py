"""Stage 7, the page: factcheck.html, written for a journalist.

In this order: the claims the record contradicts (each with its sentence,
verdict, explanation and source, visible without hovering), the
contradictions between claims, the claims the record supports or does not
contradict, the claims not judged with their reason, the numbers seen but not
read, the words it uses explained (:mod:`.glossary`), then the texts with every
claim highlighted.  One column, readable at 400 px; self-contained (inline CSS, no network).  A small inline script checks
the page when it opens (every listed claim has its highlight) and writes the
result into ``data-`` attributes of ``<body>``, which the browser test reads.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import TYPE_CHECKING

import pandas as pd

from ..vocabulary import OVERSTATES, UNDERSTATES
from .glossary import glossary_html
from .judgment import NOT_JUDGED

if TYPE_CHECKING:
    from .run import Factcheck

#: Shown above the flags: on web texts the rules were not written from, most flags were wrong
#: (docs/factcheck.md, "Evaluation": 13 of 18 on round 3's test part, 11 of 11 on round 4's).
FLAG_NOTICE = (
    "These verdicts rest on a machine reading of the text. On web pages its earlier rules were not "
    "written from, most such flags were wrong, nearly always because the period, the scope or the "
    "quantity was misread; today's rules flag only what holds under every reading, and on the latest "
    "eleven unseen parts they gave three flags, all three verdicts right, one with its quantity misread "
    "(arrests taken for executions), so how often a flag is wrong there is not yet measured "
    "(see docs/factcheck.md, Evaluation). Before you publish one, check the claim's period, scope and "
    "quantity in its explanation against the sentence."
)

#: What a journalist can do about a claim not judged, by its reason: (the cause as counted by
#: ``tools/calibrate_verdicts.py --causes``, words its reason holds, what to check), tried in order.
REASON_ADVICE = (
    (
        "the gate: its period's way not shown right",
        "has not been shown right often enough",
        "Check the period, what the number counts and whether it is of the whole USSR: this verdict, "
        "reached this way, is not yet reliable enough to give.",
    ),
    (
        "its readings give different verdicts",
        " give different verdicts",
        "Decide which reading the text means; the verdict of each is given.",
    ),
    (
        "assess cannot settle it (readings or sources)",
        "the record gives different verdicts",
        "The record's own readings or sources disagree here; weigh them before you judge.",
    ),
    (
        "read as a part",
        "a part of all",
        "It counts a part; compare it with a source on that part, not with the national record.",
    ),
    (
        "read as a part",
        "a breakdown of a figure",
        "It breaks down a figure given before it; check that figure instead.",
    ),
    (
        "read as a part",
        "times below the record's count",
        "Far below the national count: find out what group, place or event it counts.",
    ),
    (
        "an understates without the whole named",
        "does not say the number is of the whole",
        "Below the national count: check whether the text means the whole USSR or a part.",
    ),
    (
        "modality, share or rate",
        "plan or quota",
        "A plan or quota, not what happened: nothing to check.",
    ),
    (
        "modality, share or rate",
        "denies this number",
        "The text denies this number: nothing to check.",
    ),
    ("modality, share or rate", "hypothesis", "A hypothesis, not a claim: nothing to check."),
    ("modality, share or rate", "spread of others", "A range of others' estimates, not one claim."),
    (
        "modality, share or rate",
        "a spread: its sentence gives",
        "Several figures side by side that cannot all hold, not one claim: check whose each is.",
    ),
    (
        "modality, share or rate",
        "a share",
        "A share: work out the count it implies before checking it.",
    ),
    (
        "modality, share or rate",
        "a rate",
        "A rate: find the period it runs over before checking it.",
    ),
    (
        "no period, or period unclear",
        "period",
        "Find the years the number covers; the text does not state them clearly.",
    ),
    (
        "quantity: no series or unclear",
        "no archival series",
        "The archival record holds no series for this; check it against another source.",
    ),
    (
        "quantity: no series or unclear",
        "what the number counts is unclear",
        "Work out what the number counts (arrests, executions, deaths, prisoners).",
    ),
    (
        "quantity: no series or unclear",
        "have no series",
        "The archival record holds no series for this; check it against another source.",
    ),
    (
        "no count for that date or span",
        "has no benchmark for",
        "The record has no count for exactly this date or span; the reason gives the dates it holds.",
    ),
    (
        "a number beyond any count of people",
        "cannot take this number",
        "The number is beyond any count of people; check how the text writes it.",
    ),
)
#: A reason none of :data:`REASON_ADVICE` covers (``assess`` cannot compare, or another).
OTHER_CAUSE = ("not comparable, or other", "Read the reason: the record cannot compare this claim.")


def advice(reason: str) -> tuple[str, str]:
    """The cause of a reason not to judge and what a journalist can check.

    >>> advice("no period stated")[1]
    'Find the years the number covers; the text does not state them clearly.'
    >>> advice("the archival tables have no series of famine deaths")[0]
    'quantity: no series or unclear'
    >>> advice("a reason not foreseen")[0]
    'not comparable, or other'
    """
    return next(((c, a) for c, words, a in REASON_ADVICE if words in reason), OTHER_CAUSE)


CSS = """
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60em;padding:0 1em;color:#222;overflow-wrap:anywhere}
header{padding:1em 0;border-bottom:1px solid #ccc}
.advice{font-style:italic;color:#444}
h1{font-size:1.5em;margin:.3em 0}h2{font-size:1.2em;margin-top:1.6em}
.card{border:1px solid #ddd;border-left:6px solid #999;border-radius:4px;padding:.6em .8em;margin:.8em 0}
.card.v-overstates{border-left-color:#c0392b}.card.v-understates{border-left-color:#2c6fbb}
.card.v-consistent,.card.v-not_contradicted{border-left-color:#2e8b57}
.verdict{font-weight:bold;text-transform:uppercase;font-size:.85em;letter-spacing:.03em}
blockquote{margin:.4em 0;padding-left:.6em;border-left:3px solid #eee;font-family:Georgia,serif}
mark{padding:0 2px;border-radius:3px;background:#fde9a8}
mark.v-overstates{background:#f8c4c4}mark.v-understates{background:#c4d8f8}
mark.v-consistent,mark.v-not_contradicted{background:#c8ecc4}mark.v-not_comparable{background:#eee2b0}
mark.v-not_judged{background:#e4e4e4}
.meta{color:#555;font-size:.9em}
.warning{background:#fff4e0;border:1px solid #e0b060;padding:.4em .6em;border-radius:4px}
table{border-collapse:collapse;width:100%}td,th{padding:4px 6px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
pre{white-space:pre-wrap;font:15px/1.5 Georgia,serif}
.ln{color:#999;user-select:none}
dt{font-weight:bold;margin-top:.4em}dd{margin:0 0 0 1em}h3{font-size:1em}
#not-judged td:first-child{min-width:10em}
@media (max-width:40em){#not-judged table,#not-judged tr,#not-judged td{display:block;width:100%}
#not-judged tr:first-child{display:none}#not-judged tr{border-bottom:1px solid #ccc;padding:.5em 0}
#not-judged td{border:0;padding:2px 0}#not-judged td:nth-child(2)::before{content:"Why not judged: ";font-weight:bold}}
"""

SCRIPT = """
(function(){
  var marks=document.querySelectorAll('mark.claim');
  var links=document.querySelectorAll('a.claim-link');
  var broken=0;
  links.forEach(function(a){
    if(!document.getElementById(a.getAttribute('href').slice(1))) broken++;
  });
  document.body.dataset.marks=marks.length;
  document.body.dataset.listed=links.length;
  document.body.dataset.broken=broken;
  document.body.dataset.checked='yes';
})();
"""


def counted(n: int, noun: str) -> str:
    """A count and its noun, singular for one ("1 claim in 1 text").

    >>> counted(1, "claim"), counted(0, "text"), counted(2, "contradiction")
    ('1 claim', '0 texts', '2 contradictions')
    """
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _e(x: object) -> str:
    return html.escape("" if x is None or (isinstance(x, float) and x != x) else str(x))


def _sentence(row: pd.Series) -> str:
    """The claim's sentence with its mention marked: the longest tail of the mention found in it.

    The whole mention ("20 million") where the sentence holds it, else without its leading hedge
    words ("around 1.7 million" -> "1.7 million"), a tail always with a digit: never a lone
    scale word, which would mark another number's "million".
    """
    sentence = str(row["sentence"])
    words = str(row["mention"]).split(" ") if row["mention"] else []
    tails = (" ".join(words[i:]) for i in range(len(words)))  # a shorter tail keeps a digit
    tails = (t for i, t in enumerate(tails) if i == 0 or any(c.isdigit() for c in t))
    mention, at = next(
        ((t, sentence.find(t)) for t in tails if t and sentence.find(t) >= 0), ("", -1)
    )
    if at < 0:
        return _e(sentence)
    return f"{_e(sentence[:at])}<mark>{_e(mention)}</mark>{_e(sentence[at + len(mention) :])}"


def _card(row: pd.Series, flagged: set[str]) -> str:
    source = (
        f" Source: {_e(row['benchmark_source'])} ({_e(row['benchmark_id'])}, {_e(row['benchmark_status'])})."
        if row.get("benchmark_id")
        else ""
    )
    contra = " <strong>Contradicted by another claim.</strong>" if row["id"] in flagged else ""
    who = "" if row["attribution"] == "author" else f"; stated by {_e(row['attribution'])}"
    return (
        f"<div class='card v-{_e(row['verdict'])}'><a class='claim-link' href='#{_e(row['id'])}'>"
        f"<span class='verdict'>{_e(row['verdict']).replace('_', ' ')}</span></a> "
        f"<span class='meta'>{_e(row['quantity']).replace('_', ' ')}, {_e(row['period'] or 'no period')}"
        f"{who} ({_e(row['file'])}, line {_e(row['text_line'])})</span>"
        f"<blockquote>{_sentence(row)}</blockquote>"
        f"<div>{_e(row['explanation'])}{source}{contra}</div></div>"
    )


def _texts(result: Factcheck, verdicts: pd.DataFrame) -> list[str]:
    out = []
    by_file: dict[str, list[pd.Series]] = {}
    for _, row in verdicts.iterrows():
        by_file.setdefault(str(row["file"]), []).append(row)
    for i, (name, text) in enumerate(result.texts.items()):
        pieces, at = [], 0
        for row in sorted(by_file.get(name, []), key=lambda r: int(r["start"])):
            start, end = int(row["start"]), int(row["end"])
            if start < at:
                continue
            pieces.append(_e(text[at:start]))
            pieces.append(
                f'<mark class="claim v-{_e(row["verdict"])}" id="{_e(row["id"])}" data-verdict="{_e(row["verdict"])}">'
                f"{_e(text[start:end])}</mark>"
            )
            at = end
        pieces.append(_e(text[at:]))
        out.append(
            f"<article id='file-{i}'><h3>{_e(name)}</h3><pre>{''.join(pieces)}</pre></article>"
        )
    return out


def _not_judged_row(r: pd.Series) -> str:
    """One claim not judged: the claim, its reason with what to check, its sentence."""
    return (
        f"<tr><td><a class='claim-link' href='#{_e(r['id'])}'>{_e(r['mention'])}</a><br>"
        f"<span class='meta'>{_e(r['quantity']).replace('_', ' ')}, {_e(r['file'])} line {_e(r['text_line'])}</span></td>"
        f"<td>{_e(r['reason'])}<br><span class='advice'>{_e(advice(str(r['reason']))[1])}</span></td>"
        f"<td>{_sentence(r)}</td></tr>"
    )


def render_page(result: Factcheck) -> str:
    """The page for a journalist (see the module's description).

    Examples
    --------
    >>> from gulagstats.factcheck.run import factcheck
    >>> import os, tempfile
    >>> p = os.path.join(tempfile.mkdtemp(), "a.txt")
    >>> _ = open(p, "w").write("In 1937-1938, 7 million people were shot.")
    >>> page = render_page(factcheck([p]))
    >>> "Contradicted by the record" in page and "overstates" in page
    True
    >>> "machine reading" in page  # a flag is shown with the measured warning
    True
    """
    v = result.verdicts
    counts = Counter(v["verdict"]) if len(v) else Counter()
    c = result.contradictions
    flagged = set(c["first"]).union(c["second"]) if len(c) else set()
    summary = ", ".join(
        f"{n} {k.replace('_', ' ')}" for k, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))
    )
    out = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>gulagstats fact-check</title><style>{CSS}</style></head><body>",
        "<header><h1>Fact-check against the archival record</h1>",
        f"<p id='summary'>{counted(len(v), 'claim')} in {counted(len(result.texts), 'text')} ({_e(summary) or 'none'}); "
        f"{counted(len(c), 'contradiction')} between claims. <a href='#glossary'>What the words mean</a>.</p>",
        *(f"<p class='warning'>{_e(w)}</p>" for w in result.warnings),
        "</header>",
    ]
    flags = v[v["verdict"].isin([OVERSTATES, UNDERSTATES])] if len(v) else v
    out.append(f"<section id='contradicted'><h2>Contradicted by the record ({len(flags)})</h2>")
    if len(flags):
        out.append(f"<p class='warning' id='flag-notice'>{_e(FLAG_NOTICE)}</p>")
    out += [_card(r, flagged) for _, r in flags.iterrows()] or ["<p>None.</p>"]
    out.append(
        f"</section><section id='contradictions'><h2>Claims that contradict each other ({len(c)})</h2><ul>"
    )
    out += [
        f"<li>{_e(r['quantity']).replace('_', ' ')} ({_e(r['scope'])}, {_e(r['period'])}): "
        f"<a href='#{_e(r['first'])}'>{_e(r['first_mention'])}</a> ({_e(r['first_file'])}, line {_e(r['first_line'])}) "
        f"against <a href='#{_e(r['second'])}'>{_e(r['second_mention'])}</a> ({_e(r['second_file'])}, line "
        f"{_e(r['second_line'])})</li>"
        for _, r in c.iterrows()
    ] or ["<li>None found.</li>"]
    rest = v[~v["verdict"].isin([OVERSTATES, UNDERSTATES, NOT_JUDGED])] if len(v) else v
    out.append(
        f"</ul></section><section id='supported'><h2>Judged, not contradicted ({len(rest)})</h2>"
    )
    out += [_card(r, flagged) for _, r in rest.iterrows()] or ["<p>None.</p>"]
    skipped = v[v["verdict"] == NOT_JUDGED] if len(v) else v
    out.append(
        f"</section><section id='not-judged'><h2>Not judged, and why ({len(skipped)})</h2><table>"
    )
    out.append("<tr><th>claim</th><th>why not judged</th><th>sentence</th></tr>")
    out += [_not_judged_row(r) for _, r in skipped.iterrows()]
    seen = [(r.name, s) for r in result.results for s in r.seen]
    out.append(
        f"</table></section><section id='seen'><h2>Numbers seen but not read ({len(seen)})</h2><ul>"
    )
    out += [
        f"<li>{_e(s.text)} <span class='meta'>({_e(name)}): {_e(s.reason)}</span></li>"
        for name, s in seen[:2000]
    ]
    if len(seen) > 2000:
        out.append(f"<li>... and {len(seen) - 2000} more</li>")
    out.append(f"</ul></section>{glossary_html()}<section id='texts'><h2>The texts</h2>")
    out += _texts(result, v)
    out.append(f"</section><script>{SCRIPT}</script></body></html>")
    return "".join(out)
