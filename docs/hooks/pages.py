"""mkdocs hook: the pages generated from the data and the code, so they cannot drift.

- ``codebook.md``: every table, column and code, from ``datapackage.json`` and
  ``vocabulary.csv`` (:func:`gulagstats.publish.codebook.codebook_markdown`);
- ``tutorial.md``: the notebook ``tutorial.ipynb`` as a page (its Markdown, its code in
  blocks, without outputs), with a link to download it;
- in ``api.md``, the marker ``<!-- public names -->`` becomes one entry a public name of
  ``gulagstats`` (``gulagstats.__all__``): the functions, then the classes, then the
  errors; nothing internal.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[2]
MARKER = "<!-- public names -->"
#: The methods of a Record a user calls (the others serve the library's own layers).
RECORD_MEMBERS = ("load", "tables", "source", "is_current", "files_read")


def tutorial_markdown(notebook: Path) -> str:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    parts = []
    for cell in cells:
        source = "".join(cell["source"]).rstrip()
        parts.append(source if cell["cell_type"] == "markdown" else f"```python\n{source}\n```")
        if len(parts) == 1:  # after the title: where to get the notebook
            parts.append(
                "Download this page as a notebook: [tutorial.ipynb](tutorial.ipynb). "
                "CI runs it from top to bottom (`tests/test_tutorial.py`)."
            )
    return "\n\n".join(parts) + "\n"


def public_names() -> str:
    import gulagstats

    functions, classes, constants, errors = [], [], [], []
    for name in gulagstats.__all__:
        if name.startswith("_"):
            continue
        value = getattr(gulagstats, name)
        if isinstance(value, type) and issubclass(value, Exception):
            errors.append(f"::: gulagstats.errors.{name}")
        elif isinstance(value, type):
            members = RECORD_MEMBERS if name == "Record" else None
            options = f"\n    options:\n      members: [{', '.join(members)}]" if members else ""
            classes.append(f"::: gulagstats.api.{name}{options}")
        elif callable(value):
            functions.append(f"::: gulagstats.api.{name}")
        else:
            constants.append(f"::: gulagstats.api.{name}")
    blocks = ["## Functions", *functions, "## Classes", *classes, "## Constants", *constants, "## Errors", *errors]
    return "\n\n".join(blocks)


def on_files(files: Files, config: Any) -> Files:
    from gulagstats.publish.codebook import codebook_markdown

    files.append(File.generated(config, "codebook.md", content=codebook_markdown()))
    files.append(File.generated(config, "tutorial.md", content=tutorial_markdown(ROOT / "docs" / "tutorial.ipynb")))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    if page.file.src_uri == "api.md" and MARKER in markdown:
        return markdown.replace(MARKER, public_names())
    return markdown
