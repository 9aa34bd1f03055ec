"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "3828d4bcf5361848dd00de56a18142c6ee857e78a98aed26cc796776e5bf0990"
