"""The Datasette plugin of ``gulagstats serve``: the licence on every page, a phone layout, a fact-check page.

Registered by :mod:`gulagstats.publish.datasette_child` in the process it starts
(never through an entry point, so it changes no other Datasette on the machine);
for a published copy, see ``docs/publishing.md``.

- every page's footer names the licence and the source, and links the fact-check page;
- a stylesheet and a small script make the tables readable on a phone: long ids and
  quotes wrap, the column descriptions and the facets fold into a disclosure;
- ``/-/factcheck``: paste a text or upload a file and get the annotated result of
  ``gulagstats factcheck``, from the same engine (:mod:`gulagstats.publish.web.factcheck_page`).
"""

from __future__ import annotations

import functools
from typing import Any

from datasette import hookimpl

from ..._version import __version__
from ..about import LICENSE, LICENSE_URL, about
from .factcheck_page import ROUTE, factcheck_view

#: The plugin's name in Datasette's URLs of static files.
PLUGIN = __name__

#: Folds the column descriptions (closed) and the facets (open on a wide screen) into disclosures.
FOLD_SCRIPT = """
(function () {
  function fold(selector, label, openWide) {
    document.querySelectorAll(selector).forEach(function (block) {
      var details = document.createElement('details');
      details.className = 'gs-fold';
      details.open = openWide && window.innerWidth > 600;
      var summary = document.createElement('summary');
      summary.textContent = label;
      block.parentNode.insertBefore(details, block);
      details.appendChild(summary);
      details.appendChild(block);
    });
  }
  fold('dl.column-descriptions', 'What the columns mean', false);
  fold('.facet-results', 'Facets: count the rows by a column', true);
})();
"""


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(rf"^{ROUTE}$", factcheck_view)]


@hookimpl
def skip_csrf(scope: dict[str, Any]) -> bool:
    # the page changes nothing on the server: a form posted from elsewhere can only get a fact-check
    return bool(scope.get("path") == ROUTE)


@hookimpl
def extra_css_urls(datasette: Any) -> list[str]:
    return [datasette.urls.static_plugins(PLUGIN, "gulagstats.css")]


@hookimpl
def extra_body_script() -> str:
    return FOLD_SCRIPT


@functools.cache
def _footer() -> dict[str, str]:
    record = about()
    return {
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "source": record.source,
        "source_url": record.source_url,
        "version": __version__,
        "factcheck": ROUTE,
    }


@hookimpl
def extra_template_vars() -> dict[str, Any]:
    return {"gulagstats": _footer()}


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    return [{"href": datasette.urls.path(ROUTE), "label": "Fact-check a text"}]
