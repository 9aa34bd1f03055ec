"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "3facaf875060023b0498a3ad7866a48dc13e87f01252e62bf2cc7690a101652f"
