"""The counts the README and the docs state are the counts of the data (tools/counts.py computes them)."""

from __future__ import annotations

import counts

from .conftest import ROOT


def test_no_count_in_the_readme_or_the_docs_is_stale():
    """A data edit that changes a count fails here until `python tools/counts.py --write` is run."""
    assert {str(p.relative_to(ROOT)): changes for p, (_new, changes) in counts.stale().items()} == {}


def test_the_pages_carry_counts_and_a_stale_one_is_found(tmp_path):
    marked = [p for p in counts.PAGES if counts.INLINE.search(p.read_text(encoding="utf-8"))]
    assert {p.name for p in marked} >= {"README.md", "estimates.md", "checks.md"}
    page = tmp_path / "page.md"
    page.write_text("<!--count:estimates-->1<!--/count--> and <!--count:nothing-->2<!--/count-->\n", encoding="utf-8")
    [(new, changes)] = counts.stale([page]).values()
    assert changes[0].startswith("estimates: '1' -> ") and changes[1].startswith("nothing: no such count")
    assert new.startswith(f"<!--count:estimates-->{counts.COUNTS['estimates']()}<!--/count-->")
