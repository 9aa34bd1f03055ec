"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "e42f87ef03c858aee66247303817c573d75a4a6641c4059497122f00ae24651d"
