"""What travels with every export: title, version, licence, how to cite, the status legend.

One description of the record, written four ways: the "About" sheet of the
workbook, the README beside the CSV export, the ``metadata.json`` beside the
SQLite database (Datasette's) and the footer of the web view.  Everything
comes from ``datapackage.json`` and ``vocabulary.csv``; nothing is restated here
but the licence's wording, which ``LICENSE-DATA.md`` explains.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import store
from .._version import __version__
from ..loaders import read_table

#: The licence of the compilation, and what is not ours (``LICENSE-DATA.md``).
LICENSE = "CC-BY-4.0 (our compilation; the facts and short quotes belong to the cited sources)"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENSE_NOTE = (
    "The code of gulagstats is MIT; this compilation of the data is CC-BY-4.0. The numbers are "
    "historical facts reported by the sources in the sources table, and each locator's short "
    "quote belongs to its source (quotes from Wikipedia articles are CC BY-SA): credit them."
)


@dataclass(frozen=True)
class About:
    """The description of the record that every export carries."""

    title: str
    description: str
    version: str
    source: str
    source_url: str
    citation: tuple[str, ...]
    statuses: tuple[tuple[str, str], ...]


def about() -> About:
    """The record's title, version, source, citation and status legend, from the data package.

    Examples
    --------
    >>> a = about()
    >>> a.version == __import__("gulagstats").__version__, a.statuses[0][0]
    (True, 'user')
    >>> "Getty" in a.citation[0]
    True
    """
    package = store.datapackage()
    source = (package.get("sources") or [{}])[0]
    vocabulary = read_table("vocabulary")
    status = vocabulary[vocabulary["kind"] == "status"]
    citation = (
        f"{source.get('title', '')} ({source.get('path', '')}): cite the article first.",
        f"gulagstats {__version__}: {package.get('title', 'gulagstats')} (data package, CC-BY-4.0).",
        "Name the source of every value you use: its key is in the column 'source', "
        "its citation in the table 'sources'.",
    )
    return About(
        title=str(package.get("title", "gulagstats")),
        description=str(package.get("description", "")),
        version=__version__,
        source=str(source.get("title", "")),
        source_url=str(source.get("path", "")),
        citation=citation,
        statuses=tuple((str(c), str(d)) for c, d in zip(status["code"], status["definition"], strict=True)),
    )


def readme(tables: dict[str, str], about_: About | None = None) -> str:
    """The README written beside an export: what it is, its licence, how to cite, the statuses, the files.

    Parameters
    ----------
    tables : dict of str to str
        File name -> its title, in the order written.
    about_ : About, optional
        Default: :func:`about`.

    Examples
    --------
    >>> text = readme({"appendix.csv": "GRZ Appendixes"})
    >>> text.splitlines()[0].startswith("# "), "| `appendix.csv` | GRZ Appendixes |" in text
    (True, True)
    >>> "CC-BY-4.0" in text and "| `missing` |" in text
    True
    """
    a = about_ or about()
    lines = [
        f"# {a.title}",
        "",
        a.description,
        "",
        f"Exported by gulagstats {a.version}. Every value is one row with its `source` (a key of "
        "the sources table), its `locator` (where the source shows it) and its `status` (below).",
        "",
        "## Licence",
        "",
        f"{LICENSE}: <{LICENSE_URL}>. {LICENSE_NOTE}",
        "",
        "## How to cite",
        "",
        *[f"- {c}" for c in a.citation],
        "",
        "## What the status of a value means",
        "",
        "| status | meaning |",
        "|---|---|",
        *[f"| `{code}` | {meaning} |" for code, meaning in a.statuses],
        "",
        "## The files",
        "",
        "| file | what it holds |",
        "|---|---|",
        *[f"| `{name}` | {title} |" for name, title in tables.items()],
        "",
    ]
    return "\n".join(lines)
