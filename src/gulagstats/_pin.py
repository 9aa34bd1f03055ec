"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "bf16ca0fbdc48b744457470f7549e0f2883f8cc459e39e85ffd4d9d1c975b1d7"
