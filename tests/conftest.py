"""What every test shares: the same environment whether the suite runs serially or in
pytest-xdist workers; and the longest tests (marked `long`) run first: with `--dist
worksteal` the other worker takes the rest meanwhile, and the two workers of `make test`
finish together."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def no_terminal_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """xdist workers export COLUMNS=80 (and a terminal may export LINES): a command's width
    would then depend on how the suite was started. A test that wants a width sets it."""
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: item.get_closest_marker("long") is None)  # stable: else as written
