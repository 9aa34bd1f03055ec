"""Pydantic models of the metadata gulagstats returns.

Data travel as pandas DataFrames (one value a row); what describes them
(a table's metadata, a source) is a validated model.
"""

from __future__ import annotations

import html
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .vocabulary import STATUSES, ClaimVerdictName, StatusName

__all__ = ["STATUSES", "Assessment", "Benchmark", "FieldMeta", "Model", "Source", "TableMeta"]


def _html_value(value: Any) -> str:
    """One field's value as HTML: a model or a list of models as a nested table, text escaped."""
    if isinstance(value, BaseModel):
        return _html_fields(value)
    if isinstance(value, list) and value and all(isinstance(v, BaseModel) for v in value):
        return "".join(_html_fields(v) for v in value)
    if value is None or value == [] or value == "":
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) >= 1000:
        return f"{int(value):,}"
    return html.escape(", ".join(map(str, value)) if isinstance(value, list) else str(value))


def _html_fields(model: BaseModel) -> str:
    rows = "".join(
        f'<tr><th style="text-align:left;vertical-align:top">{html.escape(name)}</th>'
        f'<td style="text-align:left">{_html_value(getattr(model, name))}</td></tr>'
        for name in type(model).model_fields
    )
    return f"<table><caption>{html.escape(type(model).__name__)}</caption>{rows}</table>"


class Model(BaseModel):
    """A pydantic model that a notebook shows as a table of its fields (``_repr_html_``).

    Examples
    --------
    >>> Source(key="grz1993", citation="Getty <et al.>")._repr_html_()[:46]
    '<table><caption>Source</caption><tr><th style='
    >>> "Getty &lt;et al.&gt;" in Source(key="k", citation="Getty <et al.>")._repr_html_()
    True
    """

    def _repr_html_(self) -> str:
        return _html_fields(self)


class FieldMeta(Model):
    """One column of a table, as described in ``datapackage.json``."""

    model_config = ConfigDict(extra="allow")

    name: str
    type: str
    description: str = ""
    unit: str | None = None


class TableMeta(Model):
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


class Source(Model):
    """A publication, reprint or transcription that values are taken from."""

    key: str
    citation: str
    url: str = ""
    kind: str = ""
    title: str = Field("", description="a short title for readers, shown for the key")


class Benchmark(Model):
    """What the archival record documents for a quantity and period (see ``gulagstats.benchmarks``)."""

    id: str = Field(description="rule:period, with ':sum' for a sum of yearly values")
    quantity: str
    period: str
    scope: str = Field(description="what the benchmark counts, in words")
    low: float
    high: float
    basis: str = Field(description="which table rows or GRZ prose lines it is computed from")
    caveats: str = ""
    source: str = Field(description="source keys of the values used, '; '-separated")
    locator: str = Field(description="the quotes or prose lines of the values used")
    status: StatusName = Field(description="the weakest status of the values used; derived at best for a sum")


class Assessment(Model):
    """A claim set against the archival record (see ``gulagstats.assess``).

    Examples
    --------
    >>> import gulagstats
    >>> a = gulagstats.assess("arrests", 7_000_000, period="1937/1938")
    >>> a.verdict, a.factor, int(a.benchmark.low)
    ('overstates', 2.2, 1575259)
    """

    quantity: str
    period: str | None = None
    low: float | None = Field(None, description="the claim's low end (its value for a point claim)")
    high: float | None = Field(None, description="the claim's high end (its value for a point claim)")
    benchmark: Benchmark | None = Field(None, description="the preferred benchmark, None when not comparable")
    ratio: float | None = Field(None, description="value / benchmark low, for a point claim")
    ratio_low: float | None = Field(None, description="low / benchmark low")
    ratio_high: float | None = Field(None, description="high / benchmark low")
    verdict: ClaimVerdictName
    factor_low: float | None = Field(None, description="the conservative factor (against the widest benchmark)")
    factor_high: float | None = Field(None, description="the largest factor (against the narrowest benchmark)")
    bound: str = Field("", description="point, floor, ceiling or between: what kind of bound the benchmark is for the claim")
    factor: float | None = Field(None, description="times above (overstates) or below (understates) the benchmark")
    preferred_verdict: str = Field("", description="the verdict of the first reading with the preferred values")
    sensitivity: str = Field("", description="stable, depends_on_source or depends_on_reading")
    verdict_range: str = Field("", description="what each reading and published value gives, in words")
    lacks: str = Field("", description="what the record lacks of the claim's whole, where it documents a floor")
    explanation: str
    sources: list[Source] = Field(default_factory=list, description="citations of the benchmark's sources")
