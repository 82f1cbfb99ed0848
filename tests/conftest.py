"""What every test shares: the same environment whether the suite runs serially or in
pytest-xdist workers."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def no_terminal_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """xdist workers export COLUMNS=80 (and a terminal may export LINES): a command's width
    would then depend on how the suite was started. A test that wants a width sets it."""
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
