"""The ``datapackage.json`` written beside the CSV export: a Frictionless Data Package of the files.

The stored tables keep the schema of ``data/datapackage.json`` (types,
descriptions, allowed values, primary and foreign keys); the computed ones
(checks, check_cells, verdicts) get a schema from their columns, with their
keys.  Every resource has the sha256 and the size of the file written, so
``frictionless validate datapackage.json`` checks the export as it checks
``data/``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pandas as pd

from .. import store
from .._version import __version__
from .frames import table_metadata

#: Keys and links of the computed tables.
COMPUTED_SCHEMA: dict[str, dict[str, Any]] = {
    "checks": {"primaryKey": ["id"]},
    "check_cells": {
        "foreignKeys": [{"fields": ["check"], "reference": {"resource": "checks", "fields": ["id"]}}],
    },
    "verdicts": {
        "primaryKey": ["id"],
        "foreignKeys": [{"fields": ["id"], "reference": {"resource": "estimates", "fields": ["id"]}}],
    },
}


def field_type(column: pd.Series) -> str:
    """The Table Schema type of a column, from its pandas type.

    Examples
    --------
    >>> field_type(pd.Series([1, None], dtype="Int64")), field_type(pd.Series([0.5]))
    ('integer', 'number')
    >>> field_type(pd.Series([True])), field_type(pd.to_datetime(pd.Series(["1939-01-01"])))
    ('boolean', 'date')
    """
    if pd.api.types.is_bool_dtype(column):
        return "boolean"
    if pd.api.types.is_integer_dtype(column):
        return "integer"
    if pd.api.types.is_float_dtype(column):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(column):
        return "date"
    return "string"


def _schema(name: str, frame: pd.DataFrame) -> dict[str, Any]:
    stored = store.resources().get(name)
    if stored is not None:
        return dict(stored["schema"])
    described = table_metadata().get(name, {}).get("fields", {})
    fields = [
        {"name": c, "type": field_type(frame[c]), **({"description": described[c]} if described.get(c) else {})}
        for c in frame.columns
    ]
    return {"fields": fields, "missingValues": [""], **COMPUTED_SCHEMA.get(name, {})}


def export_package(frames: dict[str, pd.DataFrame], files: dict[str, bytes]) -> dict[str, Any]:
    """The data package describing the CSV files of an export.

    Parameters
    ----------
    frames : dict of str to pandas.DataFrame
        The tables exported, by name.
    files : dict of str to bytes
        The content of each table's CSV file, by table name.

    Examples
    --------
    >>> frames = {"checks": pd.DataFrame({"id": ["a"], "gravity": [0]})}
    >>> package = export_package(frames, {"checks": b"id,gravity\\na,0\\n"})
    >>> resource = package["resources"][0]
    >>> resource["path"], resource["schema"]["primaryKey"], resource["bytes"]
    ('checks.csv', ['id'], 15)
    """
    stored = store.datapackage()
    titles = table_metadata()
    resources = []
    for name, frame in frames.items():
        content = files[name]
        meta = titles.get(name, {})
        resources.append({
            "name": name,
            "path": f"{name}.csv",
            "title": meta.get("title", name),
            "description": meta.get("description", ""),
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": len(content),
            "hash": "sha256:" + hashlib.sha256(content).hexdigest(),
            "schema": _schema(name, frame),
        })
    keep = ("name", "title", "description", "licenses", "sources")
    return {
        "profile": "tabular-data-package",
        **{k: stored[k] for k in keep if k in stored},
        "version": __version__,
        "resources": resources,
    }


def package_json(package: dict[str, Any]) -> bytes:
    """The package as the bytes of ``datapackage.json`` (UTF-8, indented, a final newline)."""
    return (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
