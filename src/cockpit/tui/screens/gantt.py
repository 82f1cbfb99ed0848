"""Gantt: the schedule's bars, milestones, critical path, baseline and status date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from cockpit.tui.safe import shown
from cockpit.tui.screens.base import ViewScreen
from cockpit.tui.widgets.gantt_chart import ZOOM_ORDER, GanttChart, GanttRow
from cockpit.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from cockpit.tui.state import Snapshot


class GanttScreen(ViewScreen):
    VIEW = "gantt"
    TITLE_FR = "Gantt"
    BINDINGS = [
        Binding("z", "zoom", "Zoom", id="gantt.zoom", tooltip="Jour, semaine, mois"),
        Binding("plus", "zoom(-1)", "Zoom avant", show=False, key_display="+", id="gantt.zoom_in"),
        Binding("minus", "zoom(1)", "Zoom arrière", show=False, key_display="-",
                id="gantt.zoom_out"),
        Binding("slash", "find", "Aller à", key_display="/", id="gantt.find",
                tooltip="Aller à une tâche par son identifiant ou son nom"),
        Binding("full_stop", "status_date", "Date d'état", key_display=".", id="gantt.today",
                tooltip="Fait défiler jusqu'à la date d'état"),
    ]

    def compose_view(self) -> ComposeResult:
        with Vertical(classes="body"):
            yield GanttChart(id="gantt")
            yield StatusLine(id="gantt-detail")
            yield Static("[#e0524f]█[/] critique  [#4f8fdc]█[/] tâche  [#b07fd6]█[/] récapitulative"
                         "  [#5aa469]█[/] terminée  [#8a8a8a]▄[/] référence  [#e5c07b]│[/] date "
                         "d'état  ◆ jalon — z : zoom, / : aller à, . : date d'état",
                         classes="hint")

    def show(self, snapshot: Snapshot) -> None:
        schedule = snapshot.schedule
        if schedule is None:
            return
        baseline = snapshot.baseline.tasks if snapshot.baseline is not None else {}
        from cockpit.schedule.cpm import wbs_order

        ordered = wbs_order(schedule.tasks)
        rows = [GanttRow(t.id, t.wbs, t.name, t.level, t.start, t.finish, t.milestone, t.summary,
                         t.critical, t.finished, baseline.get(t.id)) for t in ordered]
        chart = self.query_one(GanttChart)
        first = not chart.rows
        chart.set_rows(rows, snapshot.status_date)
        if first:
            chart.focus()
            chart.scroll_to_date(schedule.start)
        self._detail(chart.current)

    @on(GanttChart.Moved)
    def _moved(self, event: GanttChart.Moved) -> None:
        self._detail(event.row)

    def _detail(self, row: GanttRow | None) -> None:
        from cockpit import french as fr

        snapshot = self.cockpit.snapshot
        task = snapshot.schedule.task(row.id) if row and snapshot and snapshot.schedule else None
        if task is None:
            self.query_one("#gantt-detail", StatusLine).text = ""
            return
        text = (f"[b]{shown(task.wbs)} {shown(task.name)}[/b] ({shown(task.id)}) — {fr.date(task.start)} → "
                f"{fr.date(task.finish)}, {fr.days(task.duration)}, marge totale "
                f"{fr.days(task.total_float)}" + (" — [red]critique[/]" if task.critical else ""))
        if row is not None and row.baseline:
            text += f" — référence {fr.date(row.baseline[0])} → {fr.date(row.baseline[1])}"
        self.query_one("#gantt-detail", StatusLine).text = text

    def action_zoom(self, step: int = 1) -> None:
        chart = self.query_one(GanttChart)
        index = ZOOM_ORDER.index(chart.zoom) + step
        if step == 1 and index >= len(ZOOM_ORDER):
            index = 0
        chart.zoom = ZOOM_ORDER[max(0, min(len(ZOOM_ORDER) - 1, index))]

    def action_status_date(self) -> None:
        snapshot = self.cockpit.snapshot
        if snapshot is not None:
            self.query_one(GanttChart).scroll_to_date(snapshot.status_date)

    def go_to(self, text: str) -> bool:
        chart = self.query_one(GanttChart)
        needle = text.strip().lower()
        for row in chart.rows:
            if row.id.lower() == needle or row.name.lower().startswith(needle):
                return chart.go_to(row.id)
        self.notify(f"Aucune tâche « {shown(text)} ».", severity="warning")
        return False
