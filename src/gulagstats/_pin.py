"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "6f9a19d713e75f0a8effecfddd84dc5d391e69f380c28ce1f118cb5d97c81ef2"
