"""The candidate's own evidence (evidence.toml) written from the « Écarts » view with real
keys: an entry created on the selected criterion, a pointer to a missing file or heading
refused with a did-you-mean, the entry edited, deleted and put back; exact bytes after each."""

from __future__ import annotations

from pathlib import Path

from test_everyday import changes, files_of
from textual.widgets import Static, TextArea, Tree
from tui_helpers import SIZE, run_async, settle

from cockpit.tui.app import CockpitApp
from cockpit.tui.dialogs.record_form import RecordForm
from helpers_folder import TODAY

ENTRY = '["cqpm-charge-projets-industriels"."C7.1"]\n'


async def to_node(app, pilot, target: str) -> None:  # type: ignore[no-untyped-def]
    """Down the gap tree, key by key, to the capacity or criterion `target`."""
    tree = app.screen.query_one(Tree)
    for _ in range(60):
        node = tree.cursor_node
        if node is not None and getattr(node.data, "id", None) == target:
            return
        await pilot.press("down")
    raise AssertionError(f"{target} not in the gap tree")


@run_async
async def test_evidence_of_a_criterion(example: Path) -> None:
    app = CockpitApp(example, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = files_of(example)
        await pilot.press("e")
        await settle(app, pilot)
        await to_node(app, pilot, "C7.1")
        await pilot.press("n")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RecordForm)
        assert form.text_of("id") == "C7.1"  # prefilled from the selection

        # a file that is not in the folder: refused as typed, with the file meant
        await pilot.press(*"rex/2026-04-16-rex-mi-parcour.md", "ctrl+s")
        await settle(app, pilot)
        assert app.screen is form
        assert form.query_one("#f-evidence", TextArea).text == "rex/2026-04-16-rex-mi-parcour.md"
        assert "vouliez-vous dire « rex/2026-04-16-rex-mi-parcours.md »" in str(
            form.query_one("#e-evidence", Static).content)
        # a heading that is not in the file: refused, with the heading meant
        await pilot.press("left", "left", "left", "s", "end", *"#analyse-economiqe")
        await settle(app, pilot)
        assert "vouliez-vous dire « analyse-économique »" in str(
            form.query_one("#e-evidence", Static).content)
        await pilot.press("backspace", *"ue", "enter", *"docs/tableau-de-bord-avril.md", "tab",
                          *"Bilan d'étape chiffré au REX de mi-parcours", "ctrl+s")
        await settle(app, pilot)
        entry = (ENTRY + 'evidence = ["rex/2026-04-16-rex-mi-parcours.md#analyse-economique", '
                 '"docs/tableau-de-bord-avril.md"]\n'
                 "justification = \"Bilan d'étape chiffré au REX de mi-parcours\"\n")
        assert changes(before, files_of(example)) == {
            "evidence.toml": ([], ["\n", *entry.splitlines(True)])}
        created = files_of(example)

        # the entry edited: only its justification line changes; the cursor stayed on C7.1
        assert app.screen.query_one(Tree).cursor_node.data.id == "C7.1"
        await pilot.press("n")
        await settle(app, pilot)
        await pilot.press("tab", "ctrl+u", *"Bilan chiffré", "ctrl+s")
        await settle(app, pilot)
        assert changes(created, files_of(example)) == {"evidence.toml": (
            ["justification = \"Bilan d'étape chiffré au REX de mi-parcours\"\n"],
            ['justification = "Bilan chiffré"\n'])}
        edited = files_of(example)

        # deleted after confirmation: the file as it was; ctrl+z puts the entry back
        await pilot.press("delete", "o")
        await settle(app, pilot)
        assert files_of(example) == before
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert files_of(example) == edited
