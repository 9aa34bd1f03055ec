"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "791f8257609272e3f7c528a7626b8903f9167730f0a56e08e7d104ac21b6dfb9"
