"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "2197ff20850851984cbe92b2d504afb9ce459692aaf744d66330a778f6eb3975"
