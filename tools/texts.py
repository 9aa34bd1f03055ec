"""Where the full texts the build checks quotes against are: never in this repository.

The GRZ article's prose (``grz1993_article_prose.txt``) and the seed web pages
(``000_*.txt`` ...) are copyrighted; the repository keeps only short quotes and
their locators.  The build and the tests read the full texts from the
directory named by the environment variable ``GULAGSTATS_SEEDS`` or, if it is
unset, from ``../shared/seeds`` beside the repository (where CI has them).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The environment variable that names the directory of the full texts.
SEEDS_VARIABLE = "GULAGSTATS_SEEDS"
PROSE_NAME = "grz1993_article_prose.txt"


def seeds_dir() -> Path:
    """The directory the full texts are read from (it may not exist)."""
    named = os.environ.get(SEEDS_VARIABLE)
    return Path(named) if named else ROOT.parent / "shared" / "seeds"


def absent_reason() -> str | None:
    """Why the full texts cannot be read, or None when they can."""
    directory = seeds_dir()
    if (directory / PROSE_NAME).is_file():
        return None
    return (
        f"the full texts are not in this repository (copyright) and {directory / PROSE_NAME} "
        f"is absent: set {SEEDS_VARIABLE} to the directory that holds {PROSE_NAME} and the seed "
        "pages (CI has them in ../shared/seeds)"
    )


def prose_path() -> Path:
    """The GRZ prose file; exits with the reason when it is absent (for the build)."""
    reason = absent_reason()
    if reason:
        raise SystemExit(f"cannot check quotes: {reason}")
    return seeds_dir() / PROSE_NAME
