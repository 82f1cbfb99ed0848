"""Minutes written in the « Réunions » view with real keys: the decisions of a meeting edited
and added, an action added in the minutes created in actions.toml and agreeing with it, a
meeting deleted and put back byte for byte."""

from __future__ import annotations

from pathlib import Path

from test_everyday import changes, files_of
from textual.widgets import TextArea
from tui_helpers import SIZE, run_async, settle

from cockpit.check.run import run_check
from cockpit.folder import load_project
from cockpit.tui.app import CockpitApp
from cockpit.tui.dialogs.confirm import ConfirmDialog
from helpers_folder import TODAY

COPIL = "meetings/2026-04-16-copil-2.md"


async def to_line_end(pilot, area: TextArea, row: int) -> None:  # type: ignore[no-untyped-def]
    """The cursor to the end of line `row` of a (soft-wrapped) text area, key by key."""
    for _ in range(300):
        line, column = area.cursor_location
        if (line, column) == (row, len(area.document.get_line(row))):
            return
        await pilot.press("down" if line < row else "right")
    raise AssertionError(f"line {row} not reached")


def diagnostics(folder: Path) -> set[tuple[str, str, str]]:
    return {(d.code, d.file, d.message) for d in run_check(folder, today=TODAY).diagnostics}


@run_async
async def test_decisions_and_actions_of_a_meeting(example: Path) -> None:
    found = diagnostics(example)
    app = CockpitApp(example, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = files_of(example)
        await pilot.press("m")
        await settle(app, pilot)
        for _ in range(10):  # down the list, key by key, to the COPIL n°2
            if app.screen.current().path == COPIL:
                break
            await pilot.press("down")
        # facilitator, participants, excused, objectives, then the decisions: the second
        # made more precise, a third added; then one new action
        await pilot.press("enter", "tab", "tab", "tab", "tab")
        area = app.screen.query_one("#f-decisions", TextArea)
        await to_line_end(pilot, area, 1)
        await pilot.press(*" (à partir du 20/04)")
        await to_line_end(pilot, area, 2)
        await pilot.press("enter", *"Le lot essais est décalé d'une semaine", "tab",
                          *"@bdupont 30/04/2026 Confirmer la date des essais usine", "ctrl+s")
        await settle(app, pilot)
        assert changes(before, files_of(example)) == {
            COPIL: (["- D10 — L. Renaud appuie A. Girard sur l'analyse des risques des zones de "
                     "chargement.\n"],
                    ["- D10 — L. Renaud appuie A. Girard sur l'analyse des risques des zones de "
                     "chargement. (à partir du 20/04)\n",
                     "- D12 — Le lot essais est décalé d'une semaine\n",
                     "- A16 — @bdupont — 2026-04-30 — Confirmer la date des essais usine\n"]),
            "actions.toml": ([], [
                "\n", "[[action]]\n", 'id = "A16"\n',
                'what = "Confirmer la date des essais usine"\n', 'who = "bdupont"\n',
                "due = 2026-04-30\n", 'status = "à faire"\n', f'origin = "{COPIL}"\n'])}
        # the action line and the register agree: same owner, due date and text, and the
        # check finds nothing new in the folder
        project = load_project(example).project
        assert project is not None
        meeting = next(m for m in project.meetings if m.path == COPIL)
        mention = next(a for a in meeting.actions if a.action == "A16")
        action = next(a for a in project.actions if a.id == "A16")
        assert (mention.owner, mention.due, mention.text) == (action.who, action.due, action.what)
        assert meeting.decisions[-1] == "D12 — Le lot essais est décalé d'une semaine"
        assert diagnostics(example) == found
        edited = files_of(example)

        # the meeting deleted after confirmation; ctrl+z writes the same bytes back
        await pilot.press("delete")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("o")
        await settle(app, pilot)
        assert not (example / COPIL).exists()
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert files_of(example) == edited


@run_async
async def test_an_action_edited_in_the_register_keeps_its_minutes_line_agreeing(
        example: Path) -> None:
    found = diagnostics(example)
    app = CockpitApp(example, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = files_of(example)
        await pilot.press("a", "slash", *"A12", "enter")
        await settle(app, pilot)
        await pilot.press("enter", "tab", "ctrl+u", *"bdupont", "tab", "ctrl+u", *"05/06/2026",
                          "enter")
        await settle(app, pilot)
        assert changes(before, files_of(example)) == {
            "actions.toml": (['who = "lrenaud"\n', "due = 2026-05-29\n"],
                             ['who = "bdupont"\n', "due = 2026-06-05\n"]),
            COPIL: (["- A12 — @lrenaud — 2026-05-29 — Programmer hors ligne les trajectoires "
                     "de la FX-320 avant la livraison\n"],
                    ["- A12 — @bdupont — 2026-06-05 — Programmer hors ligne les trajectoires "
                     "de la FX-320 avant la livraison\n"])}
        assert diagnostics(example) == found
        await pilot.press("ctrl+z")  # one edit, undone as one
        await settle(app, pilot)
        assert files_of(example) == before
