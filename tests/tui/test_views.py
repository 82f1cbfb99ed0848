"""Each view: one navigation or edit, asserted on screen and in the project's files."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Markdown, OptionList, Static, Tree
from tui_helpers import SIZE, run_async, settle

from cockpit.tui.app import CockpitApp
from helpers_folder import TODAY


def text_of(app: CockpitApp, selector: str) -> str:
    """The plain text of a Static (markup removed)."""
    from rich.text import Text

    return Text.from_markup(str(app.screen.query_one(selector, Static).content)).plain


async def _open(app: CockpitApp, pilot, key: str) -> None:  # type: ignore[no-untyped-def]
    await settle(app, pilot)
    await pilot.press(key)
    await settle(app, pilot)


@run_async
async def test_actions_filter_and_mark_done(project: Path) -> None:
    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "a")
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        await pilot.press("l")  # overdue only
        assert table.row_count == 1 and "A1" in str(table.get_row_at(0)[0])
        await pilot.press("l", "o")  # every due date; first owner (bdupont)
        assert table.row_count == 1 and "bdupont" in text_of(app, "#filters")
        await pilot.press("o", "o", "s")  # back to all owners; first origin kind
        assert "origine : réunion" in text_of(app, "#filters")
        await pilot.press("s", "s", "s")
        await pilot.press("space")  # asks the day: never silently the status date
        await pilot.pause()
        await pilot.press(*"19/02/2026", "enter")
        await settle(app, pilot)
        text = (project / "actions.toml").read_text(encoding="utf-8")
        assert 'status = "fait"' in text and "done = 2026-02-19" in text
        assert "# Plan d'actions" in text
        assert table.get_row_at(0)[3] == "fait"


@run_async
async def test_risk_edit_moves_it_on_the_heat_map(project: Path) -> None:
    from textual.widgets import Input

    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "r")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#f-probability", Input).value == "3"
        # title, category, cause, consequence, then probability (selected when focused)
        await pilot.press("tab", "tab", "tab", "tab", "5", "enter")
        await settle(app, pilot)
        text = (project / "risks.toml").read_text(encoding="utf-8")
        assert "probability = 5" in text and "# Registre des risques" in text
        table = app.screen.query_one(DataTable)
        assert table.get_row_at(0)[1] == 20
        assert table.get_row_at(0)[2] == "critique"


@run_async
async def test_new_meeting_from_the_template(project: Path) -> None:
    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "m")
        assert app.screen.query_one(OptionList).option_count == 1
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"COPIL 1", "enter")
        await settle(app, pilot)
        created = project / "meetings" / f"{TODAY.isoformat()}-copil-1.md"  # dated today
        assert created.is_file()
        assert 'kind = "copil"' in created.read_text(encoding="utf-8")
        options = app.screen.query_one(OptionList)
        assert options.option_count == 2
        assert options.highlighted == 1
        assert "COPIL 1" in app.screen.query_one(Markdown).source


@run_async
async def test_add_a_measure(project: Path) -> None:
    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "i")
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"150", "enter")
        await settle(app, pilot)
        lines = (project / "measures.csv").read_text(encoding="utf-8").splitlines()
        assert lines[-1].startswith("2026-02-20,K1,150")
        assert "150 s le 20/02/2026" in text_of(app, "#indicator-detail")


@run_async
async def test_load_shows_over_allocations(project: Path) -> None:
    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "c")
        table = app.screen.query_one(DataTable)
        assert table.get_row_at(0)[0] == "Claire Martin"
        await pilot.press("right", "right", "down")
        assert table.cursor_coordinate == (1, 2)
        assert "cmartin du 16/01/2026" in text_of(app, "#load-over")


@run_async
async def test_budget_table_follows_a_progress_edit_outside(project: Path) -> None:
    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "b")
        table = app.screen.query_one(DataTable)
        assert table.get_row_at(0)[1] == "[b]Projet[/b]"
        assert "SPI 0,56" in text_of(app, "#budget-summary")
        with (project / "progress.csv").open("a", encoding="utf-8") as journal:
            journal.write("2026-02-20,achat,100,\n")
        await pilot.press("f5")
        await settle(app, pilot)
        assert "SPI 0,56" not in text_of(app, "#budget-summary")


@run_async
async def test_documents_navigation(project: Path) -> None:
    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "x")
        markdown = app.screen.query_one(Markdown)
        assert "rex/2026-02-20-bilan-etape.md" in markdown.source
        await pilot.press("down")
        await pilot.pause()
        assert "docs/note-de-cadrage.md" in markdown.source


@run_async
async def test_gaps_show_what_is_missing(project: Path) -> None:
    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "e")
        tree = app.screen.query_one(Tree)
        assert tree.root.children, "a référentiel is set: the report has capacities"
        await pilot.press("down")
        await pilot.pause()
        assert text_of(app, "#gaps-detail")


@run_async
async def test_diagnostics_show_the_source_line(project: Path) -> None:
    (project / "risks.toml").write_text(
        '[[risk]]\nid = "R9"\ntitle = "Sans cote"\nprobability = 9\n', encoding="utf-8")
    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "d")
        table = app.screen.query_one(DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        index = next(i for i, r in enumerate(rows) if str(r[2]) == "risks.toml:4")
        table.move_cursor(row=index)
        await pilot.pause()
        assert "probability = 9" in text_of(app, "#diag-detail")


@run_async
async def test_registers_add_delete_and_undo_a_team_member(project: Path) -> None:
    path = project / "cockpit.toml"
    original = path.read_text(encoding="utf-8")
    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "k")
        await pilot.press("enter", "n")  # to the table of the team; a new member
        await pilot.pause()
        await pilot.press(*"lrenaud", "tab", *"Lucie Renaud", "tab", *"Automaticienne", "enter")
        await settle(app, pilot)
        added = path.read_text(encoding="utf-8")
        assert added == original.replace(
            'availability = 1.0\n\n[[stakeholders]]',
            'availability = 1.0\n\n[[team]]\nid = "lrenaud"\nname = "Lucie Renaud"\n'
            'role = "Automaticienne"\n\n[[stakeholders]]')
        table = app.screen.query_one(DataTable)
        assert table.row_count == 3
        await pilot.press("down", "down", "delete")
        await pilot.pause()
        await pilot.press("o")  # confirmed
        await settle(app, pilot)
        assert path.read_text(encoding="utf-8") == original
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert path.read_text(encoding="utf-8") == added


@run_async
async def test_the_footer_keeps_every_key_whole_in_small_terminals(example: Path) -> None:
    """At 80 and 100 columns each view's footer shows its actions and ^z Annuler whole, left
    of the palette key; the views line gives the help key."""
    from textual.widgets._footer import FooterKey

    from cockpit.tui.views import VIEWS

    for size in ((80, 24), (100, 30)):
        app = CockpitApp(example, today=TODAY, watch_interval=0)
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            for view in VIEWS:
                await pilot.press(view.key)
                await settle(app, pilot)
                keys = list(app.screen.query(FooterKey))
                palette = next(k for k in keys if k.has_class("-command-palette"))
                shown_keys = [k for k in keys if k is not palette]
                assert "Annuler" in [k.description for k in shown_keys], (size, view.mode)
                if getattr(app.screen, "REGISTER", ""):
                    assert {"Modifier", "Nouveau"} <= {k.description for k in shown_keys}
                for key in shown_keys:
                    assert key.region.right <= palette.region.x, (size, view.mode,
                                                                  key.description)
                assert "? aide" in text_of(app, "#view-keys").lower()


def _y_labels(text: str) -> list[str]:
    """The labels of a plotext chart's left axis, top to bottom."""
    import re

    return [m.group(1) for line in text.splitlines()
            if (m := re.match(r"^\s*([^\s│┤├┌└].*?)[┤├]", line))]


@run_async
async def test_chart_axes_read_french(project: Path) -> None:
    from cockpit.french import NNBSP

    # K1 as a ratio from 0,8 to 0,95: plotext alone wrote 0.95, and 122070 for euros.
    indicators = project / "indicators.toml"
    indicators.write_text(indicators.read_text(encoding="utf-8").replace(
        "baseline = 184", "baseline = 0.8").replace("target = 138", "target = 0.95"),
        encoding="utf-8")
    (project / "measures.csv").write_text("date,indicator,value,comment\n2026-01-09,K1,0.82,\n"
                                          "2026-01-23,K1,0.91,\n", encoding="utf-8")
    app = CockpitApp(project, today=TODAY, watch_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "b")
        curve = str(app.screen.query_one("#s-curve").render())
        assert _y_labels(curve) == [f"150{NNBSP}000", f"100{NNBSP}000", f"50{NNBSP}000", "0"]
        await _open(app, pilot, "i")
        trend = str(app.screen.query_one("#trend").render())
        assert _y_labels(trend) == ["0,95", "0,9", "0,85", "0,8"]
