"""The annotated page: the texts with each claim highlighted, its verdict and
benchmark on hover and in a side list, and a summary at the top.

The page is self-contained (inline CSS, no network).  A small inline script
checks the page when it is opened (every claim of the side list has its
highlight) and writes the result into ``data-`` attributes of ``<body>``, which
the headless-browser test reads.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping, Sequence

import pandas as pd

CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222}
header{padding:1em 2em;background:#f4f1ea;border-bottom:1px solid #ccc}
main{display:flex;gap:1.5em;padding:0 2em}
.texts{flex:3;min-width:0}
aside{flex:2;max-height:100vh;overflow:auto;position:sticky;top:0;font-size:13px}
pre{white-space:pre-wrap;font:14px/1.5 Georgia,serif}
mark{padding:0 2px;border-radius:3px;cursor:help}
.v-overstates{background:#f8c4c4}.v-understates{background:#c4d8f8}
.v-consistent,.v-not_contradicted{background:#c8ecc4}.v-not_comparable{background:#eee2b0}
.v-no_archival_series{background:#e4d4f4}.v-not_assessed{background:#ddd}
.ln{color:#999;user-select:none}
table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}
.contradiction{color:#a00}
"""

SCRIPT = """
(function(){
  var marks=document.querySelectorAll('mark.claim');
  var links=document.querySelectorAll('aside a.claim-link');
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


def _e(x: object) -> str:
    return html.escape("" if x is None or (isinstance(x, float) and x != x) else str(x))


def _hover(row: pd.Series) -> str:
    parts = [f"{row['verdict']}", f"{row['quantity']} {row['period'] or '(no period)'}"]
    if isinstance(row.get("benchmark_id"), str) and row["benchmark_id"]:
        parts.append(
            f"benchmark {row['benchmark_id']}: "
            f"{row['benchmark_low']:,.0f} to {row['benchmark_high']:,.0f}"
        )
    if row.get("explanation"):
        parts.append(str(row["explanation"]))
    parts.append(f"stated by {row['attribution']}; confidence {row['confidence']}")
    return " | ".join(parts)


def render_page(
    texts: Mapping[str, str],
    verdicts: pd.DataFrame,
    contradictions: pd.DataFrame,
    positions: Sequence[tuple[int, int]],
) -> str:
    """The annotated HTML page.

    Parameters
    ----------
    texts : mapping
        File name -> text, in the order given.
    verdicts : pandas.DataFrame
        One row a claim (the claims CSV columns and the verdicts).
    contradictions : pandas.DataFrame
        From :func:`gulagstats.factcheck.judge.contradictions`.
    positions : sequence of (start, end)
        Where each claim's number is in its line (columns), row for row.

    Examples
    --------
    >>> v = pd.DataFrame([{"id": "a-1", "quantity": "executions", "period": "1934",
    ...     "verdict": "consistent",
    ...     "benchmark_id": None, "explanation": "", "attribution": "author", "confidence": 0.9,
    ...     "file": "a.txt", "text_line": 1, "mention": "100", "sentence": "100 were shot."}])
    >>> none = pd.DataFrame(columns=["first"])
    >>> page = render_page({"a.txt": "100 were shot in 1934."}, v, none, [(0, 3)])
    >>> '<mark class="claim v-consistent" id="a-1"' in page
    True
    """
    counts = Counter(verdicts["verdict"]) if len(verdicts) else Counter()
    flagged = (
        set(contradictions["first"]).union(contradictions["second"])
        if len(contradictions)
        else set()
    )
    summary = "".join(
        f"<tr><td><mark class='v-{_e(v)}'>{_e(v)}</mark></td><td>{n}</td></tr>"
        for v, n in sorted(counts.items())
    )
    per_file = (
        verdicts.groupby("file", sort=False).size() if len(verdicts) else pd.Series(dtype=int)
    )
    files = "".join(
        f"<tr><td><a href='#file-{i}'>{_e(name)}</a></td><td>{int(per_file.get(name, 0))}</td></tr>"
        for i, name in enumerate(texts)
    )
    contra = "".join(
        f"<li class='contradiction'>{_e(r['quantity'])}: "
        f"<a href='#{_e(r['first'])}'>{_e(r['first_mention'])}</a> "
        f"({_e(r['first_file'])}:{_e(r['first_line'])}) vs "
        f"<a href='#{_e(r['second'])}'>{_e(r['second_mention'])}</a> "
        f"({_e(r['second_file'])}:{_e(r['second_line'])}), {_e(r['scope'])}</li>"
        for _, r in contradictions.iterrows()
    )
    no_series = int(counts.get("no_archival_series", 0))
    out = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<title>gulagstats fact-check</title>",
        f"<style>{CSS}</style></head><body>",
        "<header><h1>Fact-check against the archival record</h1>",
        f"<p id='summary'>{len(verdicts)} claims in {len(texts)} texts; "
        f"{no_series} outside any archival series "
        f"(listed, not judged); {len(contradictions)} contradictions between claims.</p>",
        f"<table id='verdicts'><tr><th>verdict</th><th>claims</th></tr>{summary}</table>",
        f"<table id='files'><tr><th>text</th><th>claims</th></tr>{files}</table>",
        "<h2>Contradictions</h2>",
        f"<ul id='contradictions'>{contra or '<li>none found</li>'}</ul></header>",
        "<main><div class='texts'>",
    ]
    rows_by_line: dict[tuple[str, int], list[tuple[int, int, pd.Series]]] = {}
    for (start, end), (_, row) in zip(positions, verdicts.iterrows(), strict=False):
        rows_by_line.setdefault((row["file"], int(row["text_line"])), []).append((start, end, row))
    for i, (name, text) in enumerate(texts.items()):
        out.append(f"<article id='file-{i}'><h2>{_e(name)}</h2><pre>")
        for n, line in enumerate(text.split("\n"), 1):
            marks = sorted(rows_by_line.get((name, n), []), key=lambda x: x[0])
            if not marks:
                out.append(f"<span class='ln'>{n:5d}</span> {_e(line)}\n")
                continue
            pieces, at = [], 0
            for start, end, row in marks:
                if start < at:
                    continue
                extra = " contradiction" if row["id"] in flagged else ""
                pieces.append(_e(line[at:start]))
                pieces.append(
                    f'<mark class="claim v-{_e(row["verdict"])}{extra}" id="{_e(row["id"])}" '
                    f'title="{_e(_hover(row))}" data-verdict="{_e(row["verdict"])}">'
                    f"{_e(line[start:end])}</mark>"
                )
                at = end
            pieces.append(_e(line[at:]))
            out.append(f"<span class='ln'>{n:5d}</span> {''.join(pieces)}\n")
        out.append("</pre></article>")
    out.append("</div><aside><h2>Claims</h2><ol id='claims'>")
    for _, row in verdicts.iterrows():
        bench = ""
        if isinstance(row.get("benchmark_id"), str) and row["benchmark_id"]:
            low, high = row["benchmark_low"], row["benchmark_high"]
            bench = f"; benchmark {low:,.0f}-{high:,.0f} ({_e(row['benchmark_id'])})"
        flag = " <span class='contradiction'>contradicted</span>" if row["id"] in flagged else ""
        out.append(
            f"<li><a class='claim-link' href='#{_e(row['id'])}'>{_e(row['mention'])}</a> "
            f"<mark class='v-{_e(row['verdict'])}'>{_e(row['verdict'])}</mark>{flag} "
            f"{_e(row['quantity'])}, {_e(row['period'] or 'no period')}{bench} "
            f"<small>({_e(row['file'])}:{_e(row['text_line'])}, "
            f"{_e(row['attribution'])})</small></li>"
        )
    out.append(f"</ol></aside></main><script>{SCRIPT}</script></body></html>")
    return "".join(out)
