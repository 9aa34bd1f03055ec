"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "20183d099c8bc99ab214b73e10a02acccbcb70f11127083ac9b42c096f6ca57e"
