"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "cac31b3975162ced16399e8ec2596d935bdc4bd0351a99cfcf793243935ab0b7"
