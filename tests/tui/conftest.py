"""Fixtures of the TUI tests: a project copied to tmp_path, no blinking cursor, helpers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.reactive import reactive
from textual.widgets import Input

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parents[2] / "examples"


@pytest.fixture(autouse=True)
def no_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A still cursor: snapshots do not depend on when they are taken."""
    still = reactive(False, init=False)
    still.__set_name__(Input, "cursor_blink")
    monkeypatch.setattr(Input, "cursor_blink", still)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The small fixture project, copied so tests may write it."""
    target = tmp_path / "atelier"
    shutil.copytree(FIXTURES / "atelier", target)
    return target


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """The shipped example robot-soudage, copied so tests may write it.

    Its cockpit.toml fixes the status date (2026-04-17): nothing shown depends on today.
    """
    target = tmp_path / "robot-soudage"
    shutil.copytree(EXAMPLES / "robot-soudage", target)
    assert "status_date = 2026-04-17" in (target / "cockpit.toml").read_text(encoding="utf-8")
    return target


