"""sha256 of the data/datapackage.json this gulagstats was built with (tools/build_data.py)."""

DATAPACKAGE_SHA256 = "fd49145f0c3c5d25d6e9142a9c1cdeff5980849e69ed50e897e279dcd4adc11f"
