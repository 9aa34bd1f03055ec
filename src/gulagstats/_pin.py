"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "d05d079e534ec3570d06e569877ae277f5f6479b1109b95825f6f66246434482"
