"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "cb45eda125024fdc8d9b99f1cae3c7d6a5d697db972aae1e4f4b3ea047743a38"
