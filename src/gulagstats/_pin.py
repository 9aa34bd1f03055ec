"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "8da1b313e1b87ba72289d268e34647e47a1f3d96a8803be43dab1ec7a833ebbe"
