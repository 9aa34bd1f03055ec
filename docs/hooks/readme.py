"""mkdocs hook: the README is the home page, and links that leave the site stay readable.

- ``docs/index.md`` is replaced by the README, its ``docs/`` links made relative;
- the README's figures (``figures/*.png``) are copied into the site;
- a relative link to a file that is not part of the site (``.ci/run``,
  ``data/datapackage.json``) becomes its text in code style, so ``--strict`` holds
  without hiding a broken link to a page that should exist.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[2]
LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]+)\)")


def on_files(files: Files, config: Any) -> Files:
    for png in sorted((ROOT / "figures").glob("*.png")):
        files.append(
            File(f"figures/{png.name}", str(ROOT), config["site_dir"], config["use_directory_urls"])
        )
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    if page.file.src_uri == "index.md":
        markdown = (ROOT / "README.md").read_text(encoding="utf-8").replace("](docs/", "](")
    known = {f.src_uri for f in files}
    here = posixpath.dirname(page.file.src_uri)

    def keep_or_text(m: re.Match[str]) -> str:
        bang, text, target = m.groups()
        if re.match(r"^[a-z]+:|^#", target):
            return m.group(0)
        path = posixpath.normpath(posixpath.join(here, target.split("#")[0]))
        if path in known:
            return m.group(0)
        return text if bang == "" and text.startswith("`") else f"`{text}`"

    return LINK.sub(keep_or_text, markdown)
