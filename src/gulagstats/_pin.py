"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "737ce316737f084d6e5cb49fe420b51c14ba815baa23a852603a4958593a39d2"
