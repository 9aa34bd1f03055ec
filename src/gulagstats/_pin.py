"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "1dee3f5e1a159da4fcbd5ba3db0d92d8f8ab274bc9f5b756dafc38084b0a2477"
