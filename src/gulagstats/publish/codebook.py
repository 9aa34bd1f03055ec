"""The codebook: every table, every column and every code, written from the data's own metadata.

Generated from ``datapackage.json`` (titles, descriptions, types, keys, allowed
values) and ``vocabulary.csv`` (each code's label and definition), so it cannot
drift from the data.  The documentation site renders it as its "Codebook" page.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import store
from ..loaders import read_table

#: Allowed values listed inline when there are at most this many (else: see the codes).
INLINE_CODES = 8


def _cell(text: object) -> str:
    """Text as Markdown shows it literally: no table break, no link, no tag."""
    escaped = str(text).replace("|", "\\|").replace("[", "\\[").replace("]", "\\]").replace("<", "&lt;")
    return escaped.replace("\n", " ")


def _allowed(field: dict[str, Any], kinds: set[str]) -> str:
    codes = field.get("constraints", {}).get("enum")
    if not codes:
        return ""
    if len(codes) <= INLINE_CODES:
        return ", ".join(f"`{c}`" for c in codes)
    where = f" ([{field['name']} codes](#codes-{field['name']}))" if field["name"] in kinds else ""
    return f"{len(codes)} codes{where}"


def table_section(resource: dict[str, Any], kinds: set[str]) -> list[str]:
    """The codebook entry of one table: what it is, its file, keys and columns."""
    schema = resource["schema"]
    lines = [f"### `{resource['name']}`", "", f"**{_cell(resource.get('title', ''))}**", ""]
    if resource.get("description"):
        lines += [_cell(resource["description"]), ""]
    facts = [f"file `data/{resource['path']}`"]
    if "rows" in resource:
        facts.append(f"{resource['rows']:,} rows")
    if schema.get("primaryKey"):
        facts.append("key: " + ", ".join(f"`{k}`" for k in schema["primaryKey"]))
    for link in schema.get("foreignKeys", []):
        target = link["reference"]
        facts.append(f"`{', '.join(link['fields'])}` → `{target['resource']}.{', '.join(target['fields'])}`")
    lines += ["; ".join(facts) + ".", "", "| column | type | meaning | allowed values |", "|---|---|---|---|"]
    for field in schema["fields"]:
        lines.append(
            f"| `{field['name']}` | {field['type']} | {_cell(field.get('description', ''))} | {_allowed(field, kinds)} |"
        )
    return [*lines, ""]


def codes_section(vocabulary: pd.DataFrame) -> list[str]:
    """Every code of the vocabulary, by kind: code, label and definition."""
    lines = ["## Codes", "", "Every code that a column holds, from `data/vocabulary.csv`.", ""]
    for kind, rows in vocabulary.groupby("kind", sort=False):
        lines += [f"### {kind} {{#codes-{kind}}}", "", "| code | label | definition |", "|---|---|---|"]
        lines += [f"| `{r.code}` | {_cell(r.label)} | {_cell(r.definition)} |" for r in rows.itertuples()]
        lines.append("")
    return lines


def codebook_markdown() -> str:
    """The codebook as Markdown: the package, every table and its columns, then every code.

    Examples
    --------
    >>> text = codebook_markdown()
    >>> text.startswith("# Codebook"), "### `appendix`" in text, "| `confirmed` |" in text
    (True, True, True)
    """
    package = store.datapackage()
    vocabulary = read_table("vocabulary")
    kinds = set(vocabulary["kind"])
    licenses = ", ".join(item.get("name", "") for item in package.get("licenses", []))
    lines = [
        "# Codebook",
        "",
        f"**{package.get('title', '')}**, version {package.get('version', '')}, licence {licenses}.",
        "",
        _cell(package.get("description", "")),
        "",
        "Generated from `data/datapackage.json` and `data/vocabulary.csv` when the site is built. "
        "Every table of values has one value a row with its `source` (a key of `sources`), its "
        "`locator` and its `status`.",
        "",
        "## Tables",
        "",
    ]
    for resource in package["resources"]:
        lines += table_section(resource, kinds)
    return "\n".join(lines + codes_section(vocabulary))
