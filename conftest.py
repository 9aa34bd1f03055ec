"""Root conftest: applies to the tests and to the docstring examples (doctests).

It also splits the suite in two (``tests/datasplit.py``): the tests that read the published
data are marked ``data``, and ``python -m pytest -m "not data"`` is the unit suite, guarded so
that a unit test reading the published data fails.
"""

import sys
from pathlib import Path

import pytest
from tests import datasplit
from tests.datasplit import _unit_tests_read_no_published_data  # noqa: F401  (an autouse fixture)


def pytest_configure(config: pytest.Config) -> None:
    datasplit.configure(config)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    return datasplit.ignore_collect(collection_path, config)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    datasplit.mark_items(items)


@pytest.fixture(autouse=True)
def _close_figures():
    """Close the figures a test or an example drew (pyplot keeps them open otherwise)."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
