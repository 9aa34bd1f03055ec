"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "de02a73aae200553bfeb724bc5d023dca801ba7a8b19c2d9606ad7f6809ae741"
