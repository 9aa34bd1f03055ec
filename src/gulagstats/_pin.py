"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "33156e807c883da2b148227334e57a9678811776bd24e5f2fbea12aa9f76903a"
