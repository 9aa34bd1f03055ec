"""The main job: one report of everything gulagstats knows, in HTML and Markdown.

:func:`~.build.write_report` runs each step on one record (the headline
comparison, checks, estimates, unknowns, figures, coverage), then writes
``report.html`` (self-contained: figures embedded, no network needed to read
it) and its twin ``report.md`` (figures beside it in ``figures/``).  Both are
rendered from the same list of :class:`~.model.Section`, so they always say the
same thing.

The page leads with the argument of Getty, Rittersporn & Zemskov ("What the
archives show"), then the findings graded (discrepancies first, the rest
collapsed), then what is not known.  It is laid out for any screen: a viewport
tag, tables that fit the page (long explanations folded), cards below 600 px
(the factor second), sources shown by their titles and linked, each figure with
a caption, alt text and its data as CSV.  On machines with more than two cores
the figures are drawn in worker processes while the checks run.

One job a module:

- :mod:`.build`: the orchestration (:func:`~.build.write_report`);
- :mod:`.headline`, :mod:`.findings`, :mod:`.sections`: the content of the sections;
- :mod:`.figures`: the figure workers and the right-sized PNGs;
- :mod:`.html` (with ``report.css`` and ``columns.csv``) and :mod:`.markdown`: the two renderings;
- :mod:`.model`: the blocks both renderings are made of.
"""

from .build import write_report
from .figures import render_png
from .findings import finding_order, grade_words
from .headline import TIMES, headline_table
from .html import render_html
from .markdown import render_markdown
from .model import ReportResult, Section

__all__ = [
    "TIMES",
    "ReportResult",
    "Section",
    "finding_order",
    "grade_words",
    "headline_table",
    "render_html",
    "render_markdown",
    "render_png",
    "write_report",
]
