"""Fact-check files: extract, judge, find contradictions, and write the outputs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..core.record import Record, resolve
from ..errors import OutputPathError
from ..outputs import write_text as write_safely
from ..render import render
from .extract import Claim, extract_claims
from .html import render_page
from .judge import claims_frame, contradictions, judge_frame
from .lexicon import load_lexicon
from .text import read_article

#: The files written into the output directory.
OUTPUTS = ("claims.csv", "verdicts.csv", "contradictions.csv", "factcheck.html")


@dataclass
class Factcheck:
    """The result of fact-checking texts."""

    texts: dict[str, str]
    claims: list[Claim]
    verdicts: pd.DataFrame
    contradictions: pd.DataFrame

    def summary(self) -> str:
        """One line: how many claims, by verdict, and the contradictions."""
        counts = Counter(self.verdicts["verdict"]) if len(self.verdicts) else Counter()
        by = ", ".join(f"{n} {v}" for v, n in sorted(counts.items(), key=lambda x: -x[1]))
        return (
            f"{len(self.claims)} claims in {len(self.texts)} texts ({by or 'none'}); "
            f"{len(self.contradictions)} contradictions"
        )


def _names(paths: list[Path]) -> list[str]:
    """Display names: the file names, with parents where two files share a name."""
    names = [p.name for p in paths]
    if len(set(names)) < len(names):
        names = [str(p) for p in paths]
    return names


def factcheck(
    paths: list[str | Path],
    overlay: str | Path | None = None,
    lexicon: str | Path | None = None,
    *,
    record: Record | None = None,
) -> Factcheck:
    """Fact-check texts: every repression figure, judged against the archival record.

    Parameters
    ----------
    paths : list of path
        Plain text, Markdown or HTML files (UTF-8).
    overlay : path, optional
        A filled template whose values the benchmarks use (a convenience: the
        same as ``record=Record(overlay)``).
    lexicon : path, optional
        A lexicon CSV of your own (default: the packaged ``lexicon.csv``).
    record : gulagstats.Record, optional
        The record to judge against (default: the published data); not together with ``overlay``.

    Returns
    -------
    Factcheck
        The texts, the claims, one verdict row per claim, the contradictions.

    Raises
    ------
    FactcheckInputError
        For a file that is missing, empty, binary, not UTF-8 or too large
        (all files are read before any is judged).

    Examples
    --------
    >>> import os, tempfile
    >>> p = os.path.join(tempfile.mkdtemp(), "a.txt")
    >>> _ = open(p, "w").write("In 1937-1938, 7 million people were shot.\\n")
    >>> r = factcheck([p])
    >>> r.verdicts[["quantity", "value", "period", "verdict"]].values.tolist()
    [['executions', '7000000', '1937/1938', 'overstates']]
    """
    record = resolve(record, overlay)
    lex = load_lexicon(str(lexicon) if lexicon else None)
    files = [Path(p) for p in paths]
    texts = {name: read_article(p) for name, p in zip(_names(files), files, strict=False)}
    claims: list[Claim] = []
    for name, text in texts.items():
        claims += extract_claims(text, name, lex)
    frame = claims_frame(claims)
    verdicts = judge_frame(frame, record)
    return Factcheck(texts, claims, verdicts, contradictions(frame))


def write_text(path: Path, text: str) -> None:
    """Write one output file atomically, never through a link into data/ (:mod:`gulagstats.outputs`)."""
    write_safely(path, text, "the fact-check")


def write_outputs(result: Factcheck, out: str | Path) -> list[Path]:
    """Write the claims CSV, the verdicts CSV, the contradictions CSV and the annotated page.

    Raises
    ------
    OutputPathError
        If ``out`` exists and is not a directory.
    """
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise OutputPathError(f"--out {out} exists and is not a directory")
    folder.mkdir(parents=True, exist_ok=True)
    claims = claims_frame(result.claims)
    written = []
    for name, content in (
        # the texts are third-party: a cell a spreadsheet would run as a formula is prefixed with '
        ("claims.csv", render(claims, "csv") + "\n"),
        ("verdicts.csv", render(result.verdicts, "csv") + "\n"),
        ("contradictions.csv", render(result.contradictions, "csv") + "\n"),
        (
            "factcheck.html",
            render_page(
                result.texts,
                result.verdicts,
                result.contradictions,
                [(c.start, c.end) for c in result.claims],
            ),
        ),
    ):
        write_text(folder / name, content)
        written.append(folder / name)
    return written
