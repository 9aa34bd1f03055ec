"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "7a4a153459b3f91e7d1a45837084de7fa36bc9d35452ad506f7333c736b19b96"
