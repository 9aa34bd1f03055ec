"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "9434ace4284d793c1c1c3c0e75b6990894bd176f322f10019b825027b1e6d4bf"
