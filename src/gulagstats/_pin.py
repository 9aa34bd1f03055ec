"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "46a5330ee1c0aebc4e9d99c63fcf39eb539e338b5f11d58f38391f22867df986"
