"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "831ccccd1d40e270537cee4c241ed03f11daef074d4bfd65c23b51ea77b01325"
