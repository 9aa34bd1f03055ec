"""The one version of gulagstats (CITATION.cff and data/datapackage.json must agree: tests/test_release.py)."""

__version__ = "0.1.0"
