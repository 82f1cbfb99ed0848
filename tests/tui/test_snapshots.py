"""One snapshot per view and per dialog, on the shipped example robot-soudage.

The example is copied to tmp_path; its status date is fixed in cockpit.toml, so nothing
shown depends on today's date or on the machine (pytest-textual-snapshot).

Update them with `pytest tests/tui --snapshot-update` after a deliberate change.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import SIZE, settle

from cockpit.tui.app import CockpitApp
from cockpit.tui.views import VIEWS
from helpers_folder import TODAY


def _app(folder: Path) -> CockpitApp:
    return CockpitApp(folder, today=TODAY, watch_interval=0)


@pytest.mark.parametrize("size", [SIZE, (100, 30), (80, 24)], ids=["130x40", "100x30", "80x24"])
@pytest.mark.parametrize("key,mode", [(v.key, v.mode) for v in VIEWS],
                         ids=[v.mode for v in VIEWS])
def test_view(snap_compare, example: Path, key: str, mode: str,  # type: ignore[no-untyped-def]
              size: tuple[int, int]) -> None:
    """Every view, also in a small terminal: the useful columns first, keys in the footer."""
    app = _app(example)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(app, pilot)
        await pilot.press(key)
        await settle(app, pilot)
        assert app.current_mode == mode

    assert snap_compare(app, run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("keys", [
    ("question_mark",), ("r", "enter"), ("m", "n"), ("i", "n"),
    ("w", "down", "down", "right", "enter"), ("g", "slash"),
    ("r", "n"), ("r", "v"), ("a", "n"), ("a", "slash", "A", "1", "1", "enter", "space"),
    ("a", "delete"), ("p",),
    ("m", "enter"), ("w", "f"), ("w", "n"),
    ("a", "n", *"Relancer", "tab", *"bdupon", "tab", *"31/02", "enter"),
    ("w", "down", "down", *["right"] * 6, "enter"),
], ids=["help", "risk", "meeting", "measure", "wbs-edit", "gantt-find",
        "risk-new", "risk-review", "action-new", "action-done", "action-delete", "settings",
        "meeting-edit", "task-form", "task-new", "action-refused", "wbs-progress"])
def test_dialog(snap_compare, example: Path, keys: tuple[str, ...],  # type: ignore[no-untyped-def]
                size: tuple[int, int] = SIZE) -> None:
    app = _app(example)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)

    assert snap_compare(app, run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("keys", [("r", "n"), ("m", "n"), ("p",), ("ctrl+p",)],
                         ids=["risk-new", "meeting-new", "settings", "palette"])
def test_dialog_80x24(snap_compare, example: Path, keys: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    test_dialog(snap_compare, example, keys, (80, 24))


def test_gantt_day_zoom(snap_compare, example: Path) -> None:  # type: ignore[no-untyped-def]
    app = _app(example)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(app, pilot)
        await pilot.press("g", "z", "z", "down", "down")
        await settle(app, pilot)

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_broken_folder(snap_compare, example: Path) -> None:  # type: ignore[no-untyped-def]
    (example / "wbs.toml").write_text('[[task]]\nid = "a"\nname = \n', encoding="utf-8")
    app = _app(example)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)
