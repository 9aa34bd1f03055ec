"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "70182e1f8387cbd2173118e5c1bfc439f312857bfb474889d159bd43e11c5fb5"
