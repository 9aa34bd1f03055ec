"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "91557224f466820f5c00ebefbea501f251e7e7ff6ca317c87faa09b3d67dcfc0"
