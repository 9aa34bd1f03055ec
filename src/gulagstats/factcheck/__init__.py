"""Fact-check a text: find every repression figure in an article and judge it."""
