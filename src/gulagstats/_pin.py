"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "fed044ea0e3f9b53a8c6ccd00dcae38e969bac62c8ad6f85348493a6a879ba6e"
