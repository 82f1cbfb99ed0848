"""The eight everyday edits of a chargé de projet, with real keys, one after the other, on a
copy of a finished example (plm-deploiement); after each, the exact change of every file of
the folder: which lines went, which came, every other byte kept.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from tui_helpers import run_async, settle

from cockpit.tui.app import CockpitApp
from helpers_folder import TODAY

EXAMPLE = Path(__file__).parents[2] / "examples" / "plm-deploiement"
EXPECTED = Path(__file__).parent / "expected"
SIZE = (100, 30)

Change = dict[str, tuple[list[str], list[str]]]


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def changes(before: dict[str, bytes], after: dict[str, bytes]) -> Change:
    """Per changed file: the lines removed and the lines added (git-diff level)."""
    out: Change = {}
    for name in sorted(set(before) | set(after)):
        old = before.get(name, b"").decode("utf-8").splitlines(keepends=True)
        new = after.get(name, b"").decode("utf-8").splitlines(keepends=True)
        if old == new and (name in before) == (name in after):
            continue
        removed: list[str] = []
        added: list[str] = []
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new,
                                                           autojunk=False).get_opcodes():
            if tag != "equal":
                removed += old[i1:i2]
                added += new[j1:j2]
        out[name] = (removed, added)
    return out


@pytest.fixture
def finished(tmp_path: Path) -> Path:
    target = tmp_path / "plm-deploiement"
    shutil.copytree(EXAMPLE, target)
    return target


async def _step(app, pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        await pilot.press(key)
    await settle(app, pilot)


def _type(text: str) -> tuple[str, ...]:
    return tuple(text)


@pytest.mark.long
@run_async
async def test_the_eight_everyday_edits(finished: Path) -> None:
    app = CockpitApp(finished, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        seen = files_of(finished)

        def check(expected: Change) -> None:
            nonlocal seen
            now = files_of(finished)
            got = changes(seen, now)
            assert got == expected
            seen = now

        # 1. the status date
        await _step(app, pilot, "p", *_type("27/02/2026"), "enter")
        check({"cockpit.toml": (["status_date = 2026-02-13\n"], ["status_date = 2026-02-27\n"])})

        # 2. a task's duration, in the WBS
        await _step(app, pilot, "w", "slash", *_type("cdc"), "enter")
        await _step(app, pilot, "right", "right", "enter", *_type("4s"), "enter")
        check({"wbs.toml": (['duration = "3s"\n'], ['duration = "4s"\n'])})

        # 3. a measure of an indicator
        await _step(app, pilot, "i", "n", *_type("9"), "tab", *_type("27/02/2026"), "enter")
        check({"measures.csv": ([], ["2026-02-27,K1,9,\n"])})

        # 4. a risk: title, category, probability, impact, owner, strategy (tab between)
        await _step(app, pilot, "r", "n", *_type("Départ de l'administratrice PLM"),
                    "tab", *_type("humain"), "tab", "tab", "tab", "2", "tab", "4", "tab", "tab",
                    *_type("nleroy"), "tab", *_type("réduire"), "enter")
        check({"risks.toml": ([], [
            "\n", "[[risk]]\n", 'id = "R9"\n', 'title = "Départ de l\'administratrice PLM"\n',
            'category = "humain"\n', "probability = 2\n", "impact = 4\n", 'owner = "nleroy"\n',
            'strategy = "réduire"\n', 'status = "ouvert"\n', "identified = 2026-12-04\n"])})

        # 5. an action
        await _step(app, pilot, "a", "n", *_type("Former une seconde administratrice"), "tab",
                    *_type("jmoreau"), "tab", *_type("31/03/2026"), "enter")
        check({"actions.toml": ([], [
            "\n", "[[action]]\n", 'id = "A17"\n', 'what = "Former une seconde administratrice"\n',
            'who = "jmoreau"\n', "due = 2026-03-31\n", 'status = "à faire"\n'])})

        # 6. the minutes of a new meeting, with its actions
        await _step(app, pilot, "m", "n", *_type("Revue de clôture"), "tab",
                    *_type("06/03/2026"), "tab", "tab", *_type("nleroy, tbernard, dg"), "tab",
                    *_type("epetit"), "tab", *_type("Valider le bilan"), "tab",
                    *_type("Le projet est clos au 31/03/2026"), "tab",
                    *_type("@jmoreau 20/03/2026 Archiver le dossier projet"), "ctrl+s")
        minutes = (EXPECTED / "2026-03-06-revue-de-cloture.md").read_text(encoding="utf-8")
        assert "Situation au 06/03/2026" in minutes  # on the meeting's date
        check({"actions.toml": ([], [
            "\n", "[[action]]\n", 'id = "A18"\n', 'what = "Archiver le dossier projet"\n',
            'who = "jmoreau"\n', "due = 2026-03-20\n", 'status = "à faire"\n',
            'origin = "meetings/2026-03-06-revue-de-cloture.md"\n']),
            "meetings/2026-03-06-revue-de-cloture.md": ([], minutes.splitlines(keepends=True))})

        # 7. an action done on a given day: the last one (A18), done on 13/03/2026
        await _step(app, pilot, "a", "slash", *_type("A18"), "enter")
        await _step(app, pilot, "space", *_type("13/03/2026"), "enter")
        check({"actions.toml": (['status = "à faire"\n'],
                                ['status = "fait"\n', "done = 2026-03-13\n"])})

        # 8. a risk closed at its review: R7, last reviewed on 27/02/2026
        await _step(app, pilot, "r", "slash", *_type("R7"), "enter")
        await _step(app, pilot, "v", *_type("27/02/2026"), "tab", *_type("clos"), "ctrl+s")
        check({"risks.toml": (['status = "surveillé"\n', "review = 2026-04-14\n"],
                              ['status = "clos"\n', "review = 2026-02-27\n"])})


@pytest.mark.long
@run_async
async def test_saving_untouched_forms_changes_no_byte(finished: Path) -> None:
    """Open the forms, save them untouched: no file changes."""
    before = files_of(finished)
    app = CockpitApp(finished, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await _step(app, pilot, "p", "ctrl+s")
        await _step(app, pilot, "r", "enter", "ctrl+s")
        await _step(app, pilot, "a", "enter", "ctrl+s")
        await _step(app, pilot, "m", "enter", "ctrl+s")
        await _step(app, pilot, "w", "f", "ctrl+s")
        assert not app.undo_stack
    assert files_of(finished) == before
