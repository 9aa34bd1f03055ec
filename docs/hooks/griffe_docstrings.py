"""griffe extension for the API reference: docstrings written for Sphinx read well in mkdocstrings.

- a Sphinx role (``:func:`tables```, ``:class:`~gulagstats.Record```) becomes inline code;
- an interactive example (``>>>`` lines and their output) outside an "Examples" section
  becomes a code block instead of a paragraph run together.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:py:)?(?:func|class|data|mod|meth|attr|exc|obj|const|ref):`~?([^`]+)`")


def plain(text: str) -> str:
    text = ROLE.sub(lambda m: f"`{m.group(1)}`", text)
    lines, out, i = text.split("\n"), [], 0
    in_examples = False
    while i < len(lines):
        line = lines[i]
        if line.strip() in ("Examples", "Example") and i + 1 < len(lines) and set(lines[i + 1].strip()) == {"-"}:
            in_examples = True
        elif i + 1 < len(lines) and line.strip() and set(lines[i + 1].strip()) == {"-"}:
            in_examples = False
        if line.lstrip().startswith(">>>") and not in_examples:
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i])
                i += 1
            out += ["```pycon", *block, "```"]
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


class SphinxToMarkdown(griffe.Extension):
    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = plain(obj.docstring.value)
