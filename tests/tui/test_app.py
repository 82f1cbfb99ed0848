"""Drive the real app with real keys; assert what the screen shows and what the files hold."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static
from tui_helpers import SIZE, run_async, settle

from cockpit.tui.app import CockpitApp
from cockpit.tui.widgets.wbs_table import WbsTable
from helpers_folder import TODAY


def text_of(app: CockpitApp, selector: str) -> str:
    """The plain text of a Static (markup removed)."""
    from rich.text import Text

    return Text.from_markup(str(app.screen.query_one(selector, Static).content)).plain


@run_async
async def test_dashboard_opens_on_the_project(project: Path) -> None:
    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.current_mode == "dashboard"
        assert "Robotisation de la cellule S4" in text_of(app, "#dash-title")
        assert "Réception" in text_of(app, "#dash-schedule")
        assert "A1" in text_of(app, "#dash-actions")  # overdue at the status date
        assert "R1" in text_of(app, "#dash-risks")


@pytest.mark.long
@run_async
async def test_every_view_is_one_key_away(project: Path) -> None:
    from cockpit.tui.views import VIEWS

    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for view in VIEWS:
            await pilot.press(view.key)
            await settle(app, pilot)
            assert app.current_mode == view.mode, view.title
            assert app.screen.shown_generation == app.snapshot.generation  # type: ignore[attr-defined]


@run_async
async def test_wbs_edit_in_place_saves_and_undoes(project: Path) -> None:
    before = (project / "wbs.toml").read_text(encoding="utf-8")
    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("w")
        await settle(app, pilot)
        table = app.screen.query_one(WbsTable)
        await pilot.press("down", "down", "right", "right", "enter")
        await pilot.press(*"12j", "enter")
        await settle(app, pilot)
        assert table.get_row_at(2)[2] == "12j"
        assert table.get_row_at(2)[4] == "21/01/2026"  # the schedule was recomputed
        text = (project / "wbs.toml").read_text(encoding="utf-8")
        assert 'duration = "12j"' in text and "# Découpage du projet" in text
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert (project / "wbs.toml").read_text(encoding="utf-8") == before
        assert table.get_row_at(2)[2] == "8j"


@run_async
async def test_wbs_cursor_moves_redraw_two_lines_not_the_table(tmp_path: Path) -> None:
    """On 1,000 tasks, a cursor move draws the lines it leaves and enters (bench: 5,000)."""
    import subprocess
    import sys

    folder = tmp_path / "big"
    generate = Path(__file__).parents[2] / "bench" / "generate.py"
    subprocess.run([sys.executable, str(generate), str(folder), "--tasks", "1000"],
                   check=True, capture_output=True)
    app = CockpitApp(folder, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("w")
        await settle(app, pilot)
        table = app.screen.query_one(WbsTable)
        assert len(table.rows) >= 1000
        for keys, most in ((("down",), 2), (("right",), 1), (("down",) * 5, 10),
                           (("pagedown",), SIZE[1])):
            drawn = table.rendered_lines
            await pilot.press(*keys)
            await pilot.pause()
            assert table.rendered_lines - drawn <= most, keys
        assert table.cursor_row > 6  # a page below
        row = table.cursor_row
        await pilot.press("up")
        await pilot.pause()
        assert table.cursor_row == row - 1 and table.cursor_key == "name"


@run_async
async def test_wbs_progress_edit_asks_the_day_and_undoes(project: Path) -> None:
    """The day comes prefilled with the status date, shown and changeable (French or ISO),
    checked as it is typed; the row is written at the day the user leaves in the form."""
    from textual.widgets import Input

    from cockpit.tui.dialogs.record_form import RecordForm

    journal = project / "progress.csv"
    before = journal.read_text(encoding="utf-8")
    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("w")
        await settle(app, pilot)
        table = app.screen.query_one(WbsTable)
        await pilot.press("down", "down", *["right"] * 6)
        assert table.cursor_key == "progress"
        task = app.screen.current_task()  # type: ignore[attr-defined]
        assert task is not None
        await pilot.press("enter", *"175")
        form = app.screen
        assert isinstance(form, RecordForm)
        await pilot.pause()
        assert "hors limites" in text_of(app, "#e-percent")
        await pilot.press(*["backspace"] * 3, *"75", "tab")
        assert not text_of(app, "#e-percent")
        status = app.snapshot.status_date  # type: ignore[union-attr]
        assert form.query_one("#f-date", Input).value == f"{status:%d/%m/%Y}"
        await pilot.press(*"31/02/2026")
        await pilot.pause()
        assert "date illisible" in text_of(app, "#e-date")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is form and journal.read_text(encoding="utf-8") == before
        await pilot.press(*["backspace"] * 10, *"2026-01-30", "enter")
        await settle(app, pilot)
        assert table.get_row_at(2)[6] == "75\u00a0%"
        assert journal.read_text(encoding="utf-8") == before + f"2026-01-30,{task.id},75,\n"
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert journal.read_text(encoding="utf-8") == before
        assert table.get_row_at(2)[6] != "75\u00a0%"


@run_async
async def test_wbs_refuses_a_bad_duration_and_writes_nothing(project: Path) -> None:
    before = (project / "wbs.toml").read_bytes()
    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("w", "down", "down", "right", "right", "enter")
        await pilot.press(*"huit", "enter")
        await settle(app, pilot)
        assert (project / "wbs.toml").read_bytes() == before
        # the dialog stays open with what was typed, the reason under the field
        from textual.widgets import Input, Static

        from cockpit.tui.dialogs.record_form import RecordForm

        assert isinstance(app.screen, RecordForm)
        assert app.screen.query_one("#f-duration", Input).value == "huit"
        assert "durée illisible" in str(app.screen.query_one("#e-duration", Static).render())
        await pilot.press("escape")


@run_async
async def test_edit_refused_when_file_changed_outside(project: Path) -> None:
    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("w")
        await settle(app, pilot)
        outside = (project / "wbs.toml").read_text(encoding="utf-8") + "\n# édité ailleurs\n"
        (project / "wbs.toml").write_text(outside, encoding="utf-8")
        await pilot.press("down", "down", "right", "right", "enter")
        await pilot.press(*"12j", "enter")
        await settle(app, pilot)
        assert (project / "wbs.toml").read_text(encoding="utf-8") == outside
        assert any("modifié sur le disque" in n.message for n in app._notifications)


@run_async
async def test_edit_refused_when_file_changed_while_the_dialog_was_open(project: Path) -> None:
    """The fingerprint is taken when the dialog opens: a reload by the watcher while it is
    open does not let the save overwrite what changed on disk."""
    app = CockpitApp(project, today=TODAY, watch_interval=30)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("w")
        await settle(app, pilot)
        await pilot.press("down", "down", "right", "right", "enter")  # the dialog opens
        generation = app.snapshot.generation  # type: ignore[union-attr]
        outside = (project / "wbs.toml").read_text(encoding="utf-8") + "\n# édité ailleurs\n"
        (project / "wbs.toml").write_text(outside, encoding="utf-8")
        app.look_now()
        for _ in range(100):  # the watcher sees it and reloads, the dialog still open
            await pilot.pause(0.02)
            if app.snapshot.generation > generation:  # type: ignore[union-attr]
                break
        assert app.snapshot.generation > generation  # type: ignore[union-attr]
        await pilot.press(*"12j", "enter")
        await settle(app, pilot)
        assert (project / "wbs.toml").read_text(encoding="utf-8") == outside
        assert any("modifié sur le disque" in n.message for n in app._notifications)


@run_async
async def test_files_edited_outside_are_reloaded(project: Path) -> None:
    app = CockpitApp(project, today=TODAY, watch_interval=30)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        generation = app.snapshot.generation  # type: ignore[union-attr]
        path = project / "cockpit.toml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            "Robotisation de la cellule S4", "Cellule S4 robotisée"), encoding="utf-8")
        app.look_now()
        for _ in range(50):
            await pilot.pause(0.05)
            if app.snapshot.generation > generation:  # type: ignore[union-attr]
                break
        await settle(app, pilot)
        assert "Cellule S4 robotisée" in text_of(app, "#dash-title")


@run_async
async def test_gantt_scrolls_to_a_task_and_zooms(project: Path) -> None:
    from cockpit.tui.widgets.gantt_chart import GanttChart

    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("g")
        await settle(app, pilot)
        chart = app.screen.query_one(GanttChart)
        await pilot.press("slash", *"install", "enter")
        await pilot.pause()
        assert chart.current is not None and chart.current.id == "install"
        detail = app.screen.query_one("#gantt-detail").text  # type: ignore[attr-defined]
        assert "Installation" in detail and "critique" in detail
        await pilot.press("z")
        assert chart.zoom == "mois"
        drawn = chart.rendered_lines
        await pilot.press("up")
        await pilot.pause()
        assert chart.current.id == "achat"
        assert chart.rendered_lines - drawn <= 2  # two lines redrawn, not the chart


@run_async
async def test_help_lists_the_keys(project: Path) -> None:
    from textual.widgets import Markdown

    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("g")
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        markdown = app.screen.query_one(Markdown)
        assert "Zoom" in markdown.source and "Gantt" in markdown.source
        await pilot.press("escape")
        assert app.current_mode == "gantt"


@run_async
async def test_palette_opens_a_view(project: Path) -> None:
    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Vue : Risques")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.current_mode == "risks"


@run_async
async def test_broken_folder_opens_on_diagnostics(project: Path) -> None:
    (project / "cockpit.toml").write_text("[project\nid = ", encoding="utf-8")
    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "ne peut pas être lu" in text_of(app, "#notice")
        await pilot.press("d")
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count >= 1
        assert "cockpit.toml" in str(table.get_row_at(0)[2])
