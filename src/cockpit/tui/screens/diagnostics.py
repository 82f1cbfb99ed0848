"""Diagnostics: every problem the core found in the folder, with where and what to do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from cockpit.tui.safe import shown
from cockpit.tui.screens.base import ViewScreen

if TYPE_CHECKING:
    from cockpit.diagnostics.diagnostic import Diagnostic
    from cockpit.tui.state import Snapshot


class DiagnosticsScreen(ViewScreen):
    VIEW = "diagnostics"
    TITLE_FR = "Diagnostics"

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Diagnostic] = []
        self.texts: dict[str, str] = {}

    def compose_view(self) -> ComposeResult:
        with Vertical(classes="body"):
            yield Static("", id="diag-summary", classes="hint")
            yield DataTable(id="diag-table", cursor_type="row", zebra_stripes=True)
            detail = Static("", id="diag-detail", classes="panel")
            detail.border_title = "Détail"
            yield detail

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(DataTable).add_columns("Gravité", "Code", "Emplacement", "Message")

    def show(self, snapshot: Snapshot) -> None:
        self.items = list(snapshot.diagnostics)
        self.texts = snapshot.texts
        table = self.query_one(DataTable)
        table.clear()
        table.add_rows(
            (("[red]erreur[/]" if d.severity.value == "error" else "[yellow]avert.[/]"),
             d.code, shown(f"{d.file}:{d.line}"), shown(d.message)) for d in self.items)
        from cockpit import french as fr

        errors, warnings = snapshot.count("error"), snapshot.count("warning")
        self.query_one("#diag-summary", Static).update(
            f"{fr.count(errors, 'erreur')}, {fr.count(warnings, 'avertissement')}."
            + (" Le dossier est propre." if not self.items else "")
            + "".join(f"\nEn attente du cœur : {shown(w)}" for w in snapshot.waiting))
        self._detail(0)

    @on(DataTable.RowHighlighted, "#diag-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._detail(event.cursor_row)

    def _detail(self, index: int) -> None:
        detail = self.query_one("#diag-detail", Static)
        if not 0 <= index < len(self.items):
            detail.update("")
            return
        d = self.items[index]
        text = f"[b]{shown(d.file)}:{d.line}[/b] {d.code} {d.severity.french} : {shown(d.message)}"
        lines = self.texts.get(d.file, "").splitlines()
        if 0 < d.line <= len(lines):
            for n in range(max(1, d.line - 1), min(len(lines), d.line + 1) + 1):
                mark = ">" if n == d.line else " "
                text += f"\n{mark}{n:>5} │ {shown(lines[n - 1])}"
        if d.hint:
            text += f"\n[b]À faire :[/b] {shown(d.hint)}"
        detail.update(text)

