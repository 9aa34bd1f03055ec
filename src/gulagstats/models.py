"""Pydantic models of the metadata gulagstats returns.

Data travel as pandas DataFrames (one value a row); what describes them
(a table's metadata, a source) is a validated model.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: The status vocabulary, strongest first: the order also ranks competing rows.
STATUSES: tuple[str, ...] = ("user", "prose", "confirmed", "derived", "unconfirmed", "missing")

StatusName = Literal["user", "prose", "confirmed", "derived", "unconfirmed", "missing"]

STATUS_MEANING: dict[str, str] = {
    "prose": "stated in the GRZ prose or appendix note (quote and line given)",
    "confirmed": "seen in the cited copy of a publication (quote given)",
    "derived": "arithmetic on seen values (the note gives the formula)",
    "unconfirmed": "the commonly reproduced value that no reachable copy showed",
    "missing": "a cell of the printed table that nobody could source: no value",
    "user": "supplied by the user through an overlay (a filled template)",
}


class FieldMeta(BaseModel):
    """One column of a table, as described in ``datapackage.json``."""

    model_config = ConfigDict(extra="allow")

    name: str
    type: str
    description: str = ""
    unit: str | None = None


class TableMeta(BaseModel):
    """Metadata of one table (a resource of the data package).

    Examples
    --------
    >>> import gulagstats
    >>> meta = gulagstats.describe("appendix")
    >>> meta.grz_ref
    'Appendixes A-B; Figures A-D'
    """

    model_config = ConfigDict(extra="allow")

    id: str = Field(description="the table id used by load()")
    title: str
    description: str = ""
    grz_ref: str = Field("", description="the GRZ table, appendix, figure or passage it encodes")
    beyond_grz: bool = Field(False, description="True for series that go beyond the 1993 article")
    kind: str = Field("cells", description="cells, figures, estimates, benchmarks or sources")
    path: str
    sha256: str
    rows: int
    fields: list[FieldMeta]
    wide: dict[str, list[str]] | None = None


class Source(BaseModel):
    """A publication, reprint or transcription that values are taken from."""

    key: str
    citation: str
    url: str = ""
    kind: str = ""
