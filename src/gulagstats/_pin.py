"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "0efcd6c5cfe7b87aee6146b3fb51b1aaf8686747717fdfdc98393c81faec3b45"
