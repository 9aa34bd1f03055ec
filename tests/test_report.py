"""The main job: the report holds every section and figure, in HTML and in Markdown."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser

import pandas as pd
import pytest

import gulagstats
from gulagstats import build_report
from gulagstats.report import TIMES

from .browser import MEASURE, Chromium, browser
from .conftest import run_subprocess

SECTIONS = [
    "What the archives show",
    "Findings of the checks",
    "Estimates against the archival record",
    "What we do not know",
    "Figures",
    "Coverage of the tables",
    "Values still unconfirmed or missing",
    "Sources",
]
FIGURES = ["figure_a", "figure_b", "figure_c", "figure_d"]
X = TIMES  # the multiplication sign of the factors


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.h2, self.images, self.tables, self._in_h2, self.external = [], [], 0, False, []
        self.figures, self.links, self.details, self.meta = [], [], 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h2":
            self._in_h2 = True
            self.h2.append("")
        if tag == "img":
            self.images.append(attrs)
        if tag == "table":
            self.tables += 1
        if tag == "figure":
            self.figures.append(attrs.get("id"))
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag == "details":
            self.details += 1
        if tag == "meta":
            self.meta.append(attrs)
        for name in ("src", "href"):
            if attrs.get(name, "").startswith(("http://", "https://", "//")) and tag in (
                "img",
                "script",
                "link",
            ):
                self.external.append(attrs[name])

    def handle_endtag(self, tag):
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data):
        if self._in_h2:
            self.h2[-1] += data


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    lines: list[str] = []
    result = build_report(out, progress=lines.append)
    return out, result, lines


def test_html_has_every_section_and_figure_embedded(report):
    _out, result, _ = report
    page = Page()
    text = result.html.read_text(encoding="utf-8")
    page.feed(text)
    assert page.h2[: len(SECTIONS)] == SECTIONS  # the argument first, sources last
    for name in FIGURES:
        assert name in page.figures
    pngs = [p for p in result.figures if p.suffix == ".png"]
    assert len(page.images) == len(pngs) >= 8
    assert all(img["src"].startswith("data:image/png;base64,") for img in page.images)
    assert all(img["alt"].startswith("Chart: ") and len(img["alt"]) > 20 for img in page.images)
    assert page.external == []  # self-contained: nothing to fetch
    assert page.tables >= 6
    assert {"name": "viewport", "content": "width=device-width, initial-scale=1"} in page.meta
    assert len(text.encode("utf-8")) <= 1_500_000  # the page weight budget


def test_every_figure_has_a_caption_and_its_data_as_csv(report):
    out, result, _ = report
    text = result.html.read_text(encoding="utf-8")
    captions = re.findall(r"<figcaption>(.*?)</figcaption>", text, flags=re.S)
    assert len(captions) == len(FIGURES) + 5  # mortality, sentences, disagreement, estimates, per-capita rates
    for caption in captions:
        assert "Sources:" in caption and ".png" not in re.sub(r"<a [^>]*>.*?</a>", "", caption)
        csv_link = re.search(r'<a href="(figures/[^"]+\.csv)">Data \(CSV\)</a>', caption)
        assert csv_link, caption
        data = pd.read_csv(out / csv_link[1])
        assert list(data.columns) == [
            "figure",
            "series",
            "label",
            "unit",
            "x",
            "value",
            "status",
            "source",
        ]
        assert len(data) > 0 and set(data["status"]) <= set(gulagstats.STATUSES) | {"missing"}
    assert "reconstructed" in " ".join(captions[:4])


def test_report_leads_with_the_archival_argument(report):
    _, result, _ = report
    text = result.html.read_text(encoding="utf-8")
    first = text.index('<section id="archives">')
    assert first < text.index('<section id="checks">')
    headline = text[first : text.index("</section>", first)]
    # GRZ's numbers and the published high estimates, from the data
    for number in ("1,575,259", "681,692", "2,022,976", "1,317,195", "8 million"):
        assert number in headline
    # arrests 1937-1938: Memorial's 1.71 million to Conquest's 8 million against the most the record allows,
    # 3,141,444 (the KGB's 19.84 million are for 1935 to June 1941, another period)
    assert f"at least 1.4{X} to 2.5{X}" in headline


def test_headline_table_computes_the_conservative_factor():
    from gulagstats.report import headline_table

    benchmarks = pd.DataFrame(
        [
            {
                "id": "arrests_1937_1938:1937/1938",
                "low": 1.5e6,
                "high": 2.5e6,
                "status": "prose",
                "source": "grz1993",
                "locator": "GRZ prose line 59",
                "basis": "",
            }
        ]
    )
    estimates = pd.DataFrame(
        [
            {
                "benchmark_id": "arrests_1937_1938:1937/1938",
                "low": 5e6,
                "high": 10e6,
                "verdict": "overstates",
                "author": "A, B",
                "year": 1990,
                "source": "a",
            },
            {
                "benchmark_id": "arrests_1937_1938:1937/1938",
                "low": 20e6,
                "high": pd.NA,
                "verdict": "overstates",
                "author": "C",
                "year": pd.NA,
                "source": "c",
            },
            {
                "benchmark_id": "arrests_1937_1938:1937/1938",
                "low": 1e5,
                "high": 9e7,
                "verdict": "consistent",
                "author": "GRZ range",
                "year": 1993,
                "source": "grz1993",
            },
        ]
    )
    rows = [("arrests_1937_1938:1937/1938", "Arrests, 1937-1938")]
    row = headline_table(estimates, benchmarks, rows).iloc[0]
    assert row["archival figure"] == "1.5 million to 2.5 million"
    assert row["lowest published estimate"] == "5 million to 10 million: A (1990)"
    assert row["highest published estimate"] == "20 million: C (n.d.)"  # GRZ's own summary left out
    assert row["high estimates ÷ archival figure"] == f"at least 2.0{X} to 8.0{X} (2 estimates)"
    graded = estimates.assign(
        factor_low=[3.0, 7.0, None]
    )  # the judgments' factor ranges, when present
    assert (
        headline_table(graded, benchmarks, rows)
        .iloc[0]["high estimates ÷ archival figure"]
        .startswith(f"at least 3.0{X} to 7.0{X}")
    )


def test_findings_are_graded_with_relation_quote_and_sources(report):
    _, result, _ = report
    text = result.html.read_text(encoding="utf-8")
    checks = text[text.index('<section id="checks">') : text.index('<section id="estimates">')]
    cards = re.findall(r'<article class="finding">(.*?)</article>', checks, flags=re.S)
    from gulagstats.checks.grade import findings

    found = findings(gulagstats.check_results())  # graded, and two checks of the same cells are one finding
    assert len(found) < result.checks["discrepancy"]
    assert len(cards) == len(found) + result.checks["depends_on_source"]
    assert 'class="grade">major</span>' in cards[0] or ">major<" in cards[0]  # gravest first
    first = cards[0]
    assert "<dt>GRZ state</dt>" in first or "<dt>expected</dt>" in first
    for label in ("test", "cells"):
        assert f"<dt>{label}</dt>" in first
    quoted = [
        c for c in cards if "<dt>GRZ state</dt>" in c
    ]  # the prose checks quote GRZ with the line
    assert quoted and all(re.search(r"GRZ prose line \d+", c) for c in quoted)
    assert re.search(r"GRZ prose line \d+|\(identity|appendix|sources\.", first)
    assert 'href="#source-' in first  # the cells' sources link to the Sources section
    # the other verdicts are collapsed, with their counts
    for verdict, word in [("consistent", "Consistent"), ("not_checkable", "Not checkable")]:
        assert f"<summary>{word}: {result.checks[verdict]} checks" in checks
    # discrepancies before the collapsed verdicts
    assert checks.index('<article class="finding">') < checks.index("<summary>Consistent")
    # a source key in the Sources table is an anchor the links reach
    assert (
        'id="source-grz1993"' in text and '<a href="https://www.jstor.org/stable/2166597">' in text
    )


def test_the_page_leads_with_the_finding_and_folds_the_rest(report):
    _, result, _ = report
    text = result.html.read_text(encoding="utf-8")
    box = re.search(r'<p class="headline">(.*?)</p>', text)[1]
    assert box.startswith("The archival record puts each quantity several times below the high estimates: ")
    assert "1.58 million to 2.5 million, against up to 8 million" in box and "checks" not in box  # not a tally
    assert re.search(r'<p class="tally">\d+ of \d+ cells known; \d+ checks', text)
    checks = text[text.index('<section id="checks">') : text.index('<section id="estimates">')]
    before = checks[: checks.index("<details><summary>The other ")]
    assert before.count('<article class="finding">') == 5  # the gravest five, then a disclosure
    assert "**The archival record puts each quantity" in result.markdown.read_text(encoding="utf-8")


def test_readers_see_words_not_machine_keys_nor_grouped_years(report):
    _, result, _ = report
    text = result.html.read_text(encoding="utf-8")
    body = text[: text.index('<section id="sources">')]
    for key in ("unverified_transcription", "seed_004", "blog_3ekc", "grz1993"):
        assert f">{key}<" not in body, key  # shown by its title, the key only in the link and its hover
    titles = gulagstats.sources().set_index("key")["title"]
    assert f'title="unverified_transcription">{titles["unverified_transcription"]}</a>' in body
    assert re.search(r'<td data-label="year" class="num">1990</td>', text) and "1,990" not in text
    sources = text[text.index('<section id="sources">'):]
    assert sources.count('<tr id="source-') == len(titles)  # every key still has its anchor
    markdown = result.markdown.read_text(encoding="utf-8")
    assert "1,990" not in markdown and "| 1990 |" in markdown
    cells = [line for line in markdown.splitlines() if line.startswith("- **cells**")]
    assert cells and not any("(unverified_transcription," in line for line in cells)


def test_finding_order_uses_grades_when_present_else_size():
    from types import SimpleNamespace

    from gulagstats.report import finding_order
    from gulagstats.report import grade_words as grade_of

    plain = [
        SimpleNamespace(id=i, relative_difference=r)
        for i, r in [("a", 1e-6), ("b", -0.5), ("c", None)]
    ]
    assert [r.id for r in finding_order(plain)] == ["b", "a", "c"]
    graded = [
        SimpleNamespace(id="typo", grade="one_unit", relative_difference=0.9),
        SimpleNamespace(id="big", grade="major", relative_difference=0.01),
        SimpleNamespace(id="swap", grade="transposition", relative_difference=0.2),
    ]
    assert [r.id for r in finding_order(graded)] == ["big", "swap", "typo"]
    assert grade_of(graded[0]) == "off by one" and grade_of(plain[1]) == "differs by 50.0%"


def test_every_not_comparable_estimate_shows_its_reason(report):
    _, result, _ = report
    text = result.html.read_text(encoding="utf-8")
    section = text[text.index('<section id="estimates">') : text.index('<section id="unknown">')]
    block = section[section.index("<summary>Not comparable") :]
    body = block[block.index("<tbody>") : block.index("</tbody>")]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)
    compared = gulagstats.compare()
    scored = compared[compared["role"].fillna("claim") != "context"]
    assert len(rows) == (scored["verdict"] == "not_comparable").sum()  # every row, restatements too
    assert len(rows) >= result.estimates["not_comparable"]  # the tally counts a restated claim once
    for row in rows:
        reason = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)[5]
        assert len(reason) > 20, row


def test_what_we_do_not_know_lists_the_gaps(report):
    _, result, _ = report
    text = result.html.read_text(encoding="utf-8")
    section = text[text.index('<section id="unknown">') : text.index('<section id="figures">')]
    missing = gulagstats.coverage().set_index("table").loc["table_4", "missing"]
    assert f"(table_4): {missing} of" in section
    assert "prisons inmates" in section  # an unconfirmed series
    for gap in ("labor colonies", "militia", "deaths in transit", "April 1, 1954", "executions"):
        assert gap.lower() in section.lower(), gap


def test_markdown_twin_says_the_same(report):
    out, result, _ = report
    text = result.markdown.read_text(encoding="utf-8")
    for title in SECTIONS:
        assert f"## {title}" in text
    for link in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text):
        assert (out / link).is_file(), link
    assert len(re.findall(r"!\[", text)) == sum(p.suffix == ".png" for p in result.figures)
    assert (
        "<details><summary>Not comparable" in text and "#### " in text
    )  # collapsed parts, finding cards


def test_report_numbers_come_from_the_data(report):
    _out, result, lines = report
    cov = gulagstats.coverage().set_index("table").loc["all tables"]
    assert (result.cells, result.cells_known) == (cov["cells"], cov["known"])
    assert result.checks["total"] == len(gulagstats.check())
    from gulagstats.estimates.tally import tally

    compared = gulagstats.compare()
    assert result.estimates == tally(compared)  # one claim once, context rows not scored
    assert sum(result.estimates.values()) == compared[compared.role != "context"].group.nunique()
    html = result.html.read_text(encoding="utf-8")
    assert "175,487" in html and "1,053,829" in html  # findings shown with their numbers
    assert len(lines) >= 5  # one progress line per step


def test_cli_report_prints_progress_and_summary(tmp_path):
    """Progress on standard error (each figure as it is drawn), the summary on standard output."""
    result = run_subprocess("report", "--out", str(tmp_path / "r"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("wrote ") and "checks:" in result.stdout and "cells:" in result.stdout
    assert "- " not in result.stdout  # progress was on stdout before issue 23
    steps = result.stderr.splitlines()
    assert len(steps) >= 5 + len(FIGURES) and all(line.startswith("- ") for line in steps)
    assert sum("drawn (" in line for line in steps) >= 8  # the figures, which took 10 s in silence
    assert (tmp_path / "r" / "report.html").is_file() and (tmp_path / "r" / "report.md").is_file()


def test_report_with_overlay_marks_user_values(tmp_path):
    t = gulagstats.template("appendix")
    t.loc[(t.period == "1934-01-01") & (t.population == "prisons"), "value"] = "111111"
    overlay = tmp_path / "o.csv"
    t.to_csv(overlay, index=False)
    result = build_report(tmp_path / "r", overlay=overlay)
    assert (
        result.cells_known
        == gulagstats.coverage().set_index("table").loc["all tables", "known"] + 1
    )
    assert "o.csv" in result.html.read_text(encoding="utf-8")


#: Height budget of the page at 1,400 px with every <details> closed (and no sideways scrolling).
MAX_HEIGHT_AT_1400 = 20_000


def _chromium_or_skip() -> str:
    executable = browser()
    if executable is None:
        if shutil.which("apt-get") or shutil.which("dnf") or shutil.which("brew"):
            pytest.fail(
                "headless Chromium is not installed but a package manager is: "
                "install it (.ci/run does)"
            )
        pytest.skip("no headless Chromium and no package manager to install it")
    return executable


#: Measures the tables: those wider than their box (a clipped column), and how a row is laid out.
TABLES = """(() => {
  const clipped = Array.from(document.querySelectorAll('table')).filter(t => {
    const box = t.parentElement.getBoundingClientRect(), own = t.getBoundingClientRect();
    return t.getClientRects().length && (own.right > box.right + 1 || t.parentElement.scrollWidth > t.parentElement.clientWidth + 1);
  }).map(t => (t.closest('section') || {}).id);
  const row = document.querySelector('section#archives tbody tr');
  const cells = Array.from(row.children).filter(td => getComputedStyle(td).display !== 'none');
  const top = td => td.getBoundingClientRect().top;
  const shown = cells.slice().sort((a, b) => top(a) - top(b) || a.getBoundingClientRect().left - b.getBoundingClientRect().left);
  return {
    clipped: clipped,
    rowDisplay: getComputedStyle(row).display,
    headHidden: document.querySelector('section#archives thead').getBoundingClientRect().height <= 1,
    order: shown.slice(0, 2).map(td => td.dataset.label),
    folded: document.querySelectorAll('td details.why').length,
  };
})()"""


@pytest.mark.parametrize("width", [1400, 400])
def test_headless_chromium_renders_the_report(report, width, tmp_path):
    _, result, _ = report
    with Chromium(_chromium_or_skip()) as page:
        page.open(result.html.as_uri(), width)
        m = page.evaluate(MEASURE)
        tables = page.evaluate(TABLES)
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        unfolded = page.evaluate(MEASURE)
        tables_unfolded = page.evaluate(TABLES)
        errors = page.errors()
        page.screenshot(tmp_path / f"report_{width}.png", 1200)
    assert errors == []
    # no clipped column and no sideways scrolling, with every fold closed and with every fold open
    assert tables["clipped"] == [] and tables_unfolded["clipped"] == [], (tables, tables_unfolded)
    assert unfolded["scrollWidth"] <= unfolded["width"], f"overflow with the folds open: {unfolded['wide']}"
    assert tables["folded"] >= 40  # each estimate's explanation is a disclosure, not a column to scroll to
    if width < 600:  # a phone: each row a card, its title first and its factor second; no header row
        assert tables["rowDisplay"] == "flex" and tables["headHidden"]
        assert tables["order"] == ["quantity", "high estimates ÷ archival figure"]
    else:
        assert tables["rowDisplay"] == "table-row" and not tables["headHidden"]
        assert tables["order"] == ["quantity", "archival figure"]
    assert m["innerWidth"] == width  # the viewport tag: a phone lays the page out at its own width
    assert m["scrollWidth"] <= m["width"], f"horizontal overflow at {width} px: {m['wide']}"
    assert m["wide"] == []
    assert m["sections"][: len(SECTIONS)] == SECTIONS
    assert m["details"] >= 5 and m["openDetails"] == 0
    assert all(i["complete"] and i["w"] > 0 for i in m["images"]) and len(m["images"]) >= 8
    if width == 1400:
        assert m["height"] <= MAX_HEIGHT_AT_1400, f"page is {m['height']} px tall"
    assert (tmp_path / f"report_{width}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_render_png_draws_once_and_crops_like_a_tight_savefig(tmp_path):
    from PIL import Image

    from gulagstats.report import render_png

    once = gulagstats.figure_b()  # twin axes: both keep their shared position
    size = render_png(once, tmp_path / "once.png", dpi=60)
    tight = gulagstats.figure_b()
    tight.savefig(tmp_path / "tight.png", dpi=60, bbox_inches="tight")
    with Image.open(tmp_path / "tight.png") as image:
        reference = image.size
    assert abs(size[0] - reference[0]) <= 3 and abs(size[1] - reference[1]) <= 3
    with Image.open(tmp_path / "once.png") as image:
        assert image.mode == "P" and image.size == size  # a palette image
