"""Snapshots at 80×24 of the dialogs that create, edit and delete the records reached from
the « REX et documents », « Écarts » and « Réunions » views, on the example robot-soudage
(its status date is fixed: nothing shown depends on today).

Update them with `pytest tests/tui --snapshot-update` after a deliberate change.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import settle

from cockpit.tui.app import CockpitApp
from helpers_folder import TODAY

MATRIX = ("x", "end")  # the decision matrix, last of the documents' list
GAP_C7_1 = ("e", *["down"] * 8)  # the criterion C7.1 in the gap tree (C7 is partial)

SCREENS = {
    "decision-matrix": MATRIX,
    "decision-new": ("x", "n"),
    "decision-edit": (*MATRIX, "enter"),
    "criterion-new": (*MATRIX, "tab", "n"),
    "criterion-delete": (*MATRIX, "tab", "delete"),
    "decision-delete": (*MATRIX, "delete"),
    "option-new": (*MATRIX, "tab", "tab", "n"),
    "option-edit": (*MATRIX, "tab", "tab", "enter"),
    "option-refused": (*MATRIX, "tab", "tab", "enter", "tab", "tab", "ctrl+u", *"-3", "tab",
                       "ctrl+u", *"beaucoup", "enter"),
    "evidence-new": GAP_C7_1 + ("n",),
    "evidence-refused": (*GAP_C7_1, "n", *"docs/note-cadrage.md#objectifs", "ctrl+s"),
    "evidence-delete": ("e", "down", "delete"),
    "meeting-edit": ("m", "end", "enter"),
    "meeting-delete": ("m", "end", "delete"),
}


@pytest.mark.parametrize("keys", SCREENS.values(), ids=SCREENS.keys())
def test_dialog_80x24(snap_compare, example: Path, keys: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    app = CockpitApp(example, today=TODAY, watch_interval=0)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(app, pilot)
        for key in keys:
            await pilot.press(key)
        await settle(app, pilot)

    assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))
