"""Issue 13 in the TUI: names holding Rich markup, control characters or mathtext are shown
as text, in every view, and never crash the app or reach the terminal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tui_helpers import SIZE, run_async, settle

from cockpit.tui.app import CockpitApp
from helpers_folder import CLEAN, MEETING, TODAY, make_project
from helpers_terminal import PLANTED, SHOWN, hostile_terminal_folder

BAD = "[/] [link=https://pirate.example]clic[/link] \\u001b[2J\\u001b]0;titre\\u0007 $x^$ <b>"
RAW = "[/] [link=https://pirate.example]clic[/link] \x1b[2J\x1b]0;titre\x07 $x^$ <b>"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _hostile(root: Path) -> Path:
    return make_project(root, {
        "wbs.toml": CLEAN["wbs.toml"].replace('name = "Essais de réception"', f'name = "{BAD}"')
        .replace('name = "Cadrage"', 'name = "[bold"'),
        "risks.toml": CLEAN["risks.toml"].replace('title = "Retard de livraison du robot"',
                                                  f'title = "{BAD}"'),
        "actions.toml": CLEAN["actions.toml"].replace('what = "Passer la commande du robot"',
                                                      f'what = "{BAD}"'),
        "indicators.toml": CLEAN["indicators.toml"].replace('name = "Temps de cycle de soudage"',
                                                            f'name = "{BAD}"'),
        "cockpit.toml": CLEAN["cockpit.toml"].replace('name = "Claire Martin"', f'name = "{BAD}"')
        .replace('title = "Robotisation de la cellule de test"', f'title = "{BAD}"'),
        "meetings/2026-01-12-lancement.md": MEETING.replace(
            'title = "Réunion de lancement"', f'title = "{BAD}"').replace("Le projet est lancé.", RAW),
        "docs/note-de-cadrage.md": CLEAN["docs/note-de-cadrage.md"].replace(
            'title = "Note de cadrage"', f'title = "{BAD}"') + "\n## " + RAW + "\n",
    })


@pytest.mark.long
@run_async
async def test_every_view_shows_hostile_names_as_text(tmp_path: Path) -> None:
    root = _hostile(tmp_path / "p")
    app = CockpitApp(root, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for key in "twgcbramixed":
            await pilot.press(key)
            await settle(app, pilot)
            for other in ("down", "enter", "escape"):
                await pilot.press(other)
                await settle(app, pilot)
            assert app._exception is None, (key, app._exception)
            screen = app.export_screenshot()
            assert not CONTROL.search(screen), key
            assert 'href="https://pirate.example' not in screen, key


def _terminal_bytes(app: CockpitApp) -> str:
    """What the app writes to the terminal for its whole screen, notifications included."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return update.render_segments(app.console)


@run_async
async def test_no_sequence_from_the_folder_reaches_the_terminal(tmp_path: Path) -> None:
    app = CockpitApp(hostile_terminal_folder(tmp_path / "p"), today=TODAY, watch_interval=0)
    seen = set()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for key in "twgcbramixed":
            await pilot.press(key)
            await settle(app, pilot)
            # a row's form or details, a document's text, the question before a deletion
            for other in ("down", "enter", "escape", "up", "delete", "escape"):
                await pilot.press(other)
                await settle(app, pilot)
                written = _terminal_bytes(app)
                for kind, sequence in PLANTED.items():
                    assert sequence not in written, (key, other, kind)
                assert not re.search("[\x80-\x9f]", written), (key, other)
                if SHOWN in written:
                    seen.add(key)
            assert app._exception is None, (key, app._exception)
    assert seen == set("twgcbramixed"), seen  # every view shows the planted text
