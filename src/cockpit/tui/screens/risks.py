"""Risques: the 5×5 matrix and the register; Enter edits the risk under the cursor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Static

from cockpit.tui.safe import cells, shown
from cockpit.tui.screens.base import ViewScreen, record_bindings
from cockpit.tui.widgets.heat_map import HeatMap

if TYPE_CHECKING:
    from cockpit.steering.risks import RiskView
    from cockpit.tui.state import Snapshot


class RisksScreen(ViewScreen):
    VIEW = "risks"
    TITLE_FR = "Risques"
    BINDINGS = [
        Binding("slash", "find", "Chercher", key_display="/", id="risks.find", show=False,
                tooltip="Aller à un enregistrement par son identifiant ou son libellé"),
        *record_bindings("risks", "un risque"),
        Binding("v", "review", "Revue", id="risks.review",
                tooltip="Note une revue du risque : sa date, et le statut (clos, surveillé…)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.views: list[RiskView] = []
        self.cells: tuple[tuple[tuple[str, ...], ...], ...] = ()

    def compose_view(self) -> ComposeResult:
        with Vertical(classes="body"):
            with Horizontal(id="risk-top"):
                yield HeatMap(id="heatmap")
                detail = Static("", id="risk-detail", classes="panel")
                detail.border_title = "Risque"
                yield detail
            yield DataTable(id="risk-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(DataTable).add_columns(
            "Id", "Crit.", "Niveau", "Statut", "Risque", "P", "I", "Tend.", "Resp.", "Stratégie",
            "Cat.")

    def show(self, snapshot: Snapshot) -> None:
        from cockpit.steering import risks as steering

        project = snapshot.project
        assert project is not None
        self.views = list(steering.views(project, snapshot.status_date))
        self.cells = steering.risk_matrix(self.views).cells
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        table.add_rows(cells(
            v.id, v.criticality if v.criticality is not None else "",
            v.level.french if v.level else "", v.risk.status, v.risk.title,
            v.risk.probability or "", v.risk.impact or "", v.trend.arrow, v.risk.owner,
            v.risk.strategy, v.risk.category) for v in self.views)
        if self.views:
            table.move_cursor(row=min(row, len(self.views) - 1))
        self._detail(table.cursor_row)

    @on(DataTable.RowHighlighted, "#risk-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._detail(event.cursor_row)

    def _detail(self, index: int) -> None:
        from cockpit.steering.risks import MISSING_FRENCH

        view = self.views[index] if 0 <= index < len(self.views) else None
        self.query_one(HeatMap).show(self.cells, view.id if view else "")
        if view is None:
            self.query_one("#risk-detail", Static).update("Aucun risque.")
            return
        r = view.risk
        text = f"[b]{shown(r.id)} — {shown(r.title)}[/b]\n"
        text += shown(f"Cause : {r.cause or '—'}\nConséquence : {r.consequence or '—'}\n"
                      f"Réponse ({r.strategy or '—'}) : {r.response or '—'}")
        if r.actions:
            text += f"\nActions : {shown(', '.join(r.actions))}"
        if view.missing:
            text += "\n[yellow]À compléter : " + ", ".join(
                MISSING_FRENCH.get(m, m) for m in view.missing) + "[/]"
        if view.review_overdue:
            text += "\n[red]Revue en retard[/]"
        self.query_one("#risk-detail", Static).update(text)

    @on(DataTable.RowSelected, "#risk-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    REGISTER = "risk"

    def current(self) -> RiskView | None:
        index = self.query_one(DataTable).cursor_row
        return self.views[index] if 0 <= index < len(self.views) else None

    def rows_for_find(self) -> list[tuple[str, str]]:
        return [(v.id, v.risk.title) for v in self.views]

    def current_record(self) -> object:
        view = self.current()
        return view.risk if view is not None else None

    def new_preset(self) -> dict[str, str]:
        from cockpit.tui.fields import show_day

        snapshot = self.cockpit.snapshot
        return {"status": "ouvert", "identified": show_day(snapshot.today) if snapshot else ""}

    def action_review(self) -> None:
        """A review: its date (the risk's last review) and what it decided."""
        view = self.current()
        if view is not None:
            self.record_form("risk", view.risk, fields=(
                "review", "status", "probability", "impact", "response", "next_review"),
                focus="review", title=f"Revue du risque {view.id} — {view.risk.title}")
