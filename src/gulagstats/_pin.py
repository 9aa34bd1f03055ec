"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "915a6c360a1b82fad1e91d5139a6cf1ea8fcaf9b8d1d48fa4ea67c672e1f4ce4"
