"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "d0f0199fd2c60ba7e600e2db6e51af9d1627a7f35566e6da43f174231264d553"
