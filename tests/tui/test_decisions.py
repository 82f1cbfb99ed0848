"""Decision matrices in the « REX et documents » view, with real keys: a matrix created, its
criteria and options added, edited, deleted and put back; after each step the exact change of
the folder's files (which lines went, which came, every other byte kept)."""

from __future__ import annotations

from pathlib import Path

from test_everyday import Change, changes, files_of
from textual.widgets import Input, Static
from tui_helpers import SIZE, run_async, settle

from cockpit.tui.app import CockpitApp
from cockpit.tui.dialogs.record_form import RecordForm
from helpers_folder import TODAY

MATRIX = "decisions/choix-integrateur.toml"


async def _keys(app, pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        await pilot.press(key)
    await settle(app, pilot)


@run_async
async def test_criteria_and_options_of_a_matrix(example: Path) -> None:
    app = CockpitApp(example, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        seen = files_of(example)

        def check(expected: Change) -> None:
            nonlocal seen
            now = files_of(example)
            assert changes(seen, now) == expected
            seen = now

        # the matrix is the last item of the list; Tab goes to its criteria
        await _keys(app, pilot, "x", "end", "tab", "n", *"securite", "tab",
                    *"Sécurité des opérateurs", "tab", "2", "enter")
        check({MATRIX: ([], ["[[criterion]]\n", 'id = "securite"\n',
                             'name = "Sécurité des opérateurs"\n', "weight = 2\n", "\n"])})

        # an option's scores: Soudauto gets 5 on cost and 4 on the new criterion
        await _keys(app, pilot, "tab", "down", "enter", "tab", "tab", "ctrl+u", "5",
                    "tab", "tab", "tab", "tab", "tab", "4", "enter")
        check({MATRIX: (
            ["scores = { cout = 4, delai = 3, references = 3, maintenance = 3, formation = 3 }\n"],
            ["scores = { cout = 5, delai = 3, references = 3, maintenance = 3, formation = 3, "
             "securite = 4 }\n"])})

        # a criterion deleted takes its scores with it; ctrl+z puts every byte back
        await _keys(app, pilot, "shift+tab", "down", "down", "down", "down", "delete", "o")
        text = seen[MATRIX].decode("utf-8")
        expected = text.replace(
            '[[criterion]]\nid = "formation"\nname = "Qualité du plan de formation des '
            'pilotes"\nweight = 1\n\n', "")
        for scores in ("cout = 3, delai = 4, references = 4, maintenance = 5",
                       "cout = 5, delai = 3, references = 3, maintenance = 3",
                       "cout = 2, delai = 3, references = 5, maintenance = 2"):
            formation = next(f", formation = {n}" for n in range(1, 6)
                             if f"{scores}, formation = {n}" in expected)
            expected = expected.replace(f"{scores}{formation}", scores)
        assert (example / MATRIX).read_text(encoding="utf-8") == expected
        await _keys(app, pilot, "ctrl+z")
        check({})

        # an option added, with its scores in the file's own style
        await _keys(app, pilot, "tab", "n", *"fanuc", "tab", *"Fanuc Intégration", "tab",
                    *"125 000", "tab", "3", "tab", "3", "tab", "4", "tab", "4", "tab", "3",
                    "tab", "5", "enter")
        check({MATRIX: ([], [
            "\n", "[[option]]\n", 'id = "fanuc"\n', 'name = "Fanuc Intégration"\n',
            "cost = 125000\n",
            "scores = { cout = 3, delai = 3, references = 4, maintenance = 4, formation = 3, "
            "securite = 5 }\n"])})

        # and deleted after confirmation, then put back
        await _keys(app, pilot, "down", "down", "delete", "o")
        check({MATRIX: (["\n", "[[option]]\n", 'id = "fanuc"\n', 'name = "Fanuc Intégration"\n',
                         "cost = 125000\n",
                         "scores = { cout = 3, delai = 3, references = 4, maintenance = 4, "
                         "formation = 3, securite = 5 }\n"], [])})

        # the option chosen: an unknown id is refused, the dialog keeps what was typed
        await _keys(app, pilot, "shift+tab", "shift+tab", "enter", "tab", "tab", "ctrl+u",
                    *"soudato", "enter")
        form = app.screen
        assert isinstance(form, RecordForm)
        assert form.query_one("#f-decided", Input).value == "soudato"
        assert "vouliez-vous dire « soudauto »" in str(form.query_one("#e-decided",
                                                                      Static).content)
        check({})
        await _keys(app, pilot, "backspace", "backspace", *"uto", "enter")
        check({MATRIX: (['decided = "roboouest"\n'], ['decided = "soudauto"\n'])})


@run_async
async def test_a_new_matrix_from_the_list(example: Path) -> None:
    app = CockpitApp(example, today=TODAY, watch_interval=0)
    path = "decisions/choix-du-logiciel-de-gmao.toml"
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = files_of(example)
        await _keys(app, pilot, "x", "n", *"Choix du logiciel de GMAO", "tab", "ctrl+u",
                    *"15/03/2026", "tab", *"dirind", "enter")
        created = ('title = "Choix du logiciel de GMAO"\ndate = 2026-03-15\n'
                   'validated_by = "dirind"\n')
        assert changes(before, files_of(example)) == {path: ([], created.splitlines(True))}
        # the new matrix is selected: its first criterion and option
        await _keys(app, pilot, "tab", "n", *"cout", "tab", *"Coût", "tab", "3", "enter")
        await _keys(app, pilot, "tab", "n", *"a", "tab", *"Logiciel A", "tab", *"12000,50",
                    "tab", "4", "enter")
        written = (example / path).read_text(encoding="utf-8")
        assert written == created + (
            '\n[[criterion]]\nid = "cout"\nname = "Coût"\nweight = 3\n'
            '\n[[option]]\nid = "a"\nname = "Logiciel A"\ncost = 12000.50\n'
            "scores = { cout = 4 }\n")
        # deleted with its file, and put back byte for byte
        await _keys(app, pilot, "shift+tab", "shift+tab", "delete", "o")
        assert not (example / path).exists()
        await _keys(app, pilot, "ctrl+z")
        assert (example / path).read_text(encoding="utf-8") == written
