"""Charges: each person's load week by week against capacity, and the over-allocations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from cockpit.tui.safe import shown
from cockpit.tui.screens.base import ViewScreen

if TYPE_CHECKING:
    from cockpit.tui.state import Snapshot


class LoadScreen(ViewScreen):
    VIEW = "load"
    TITLE_FR = "Charges"

    def compose_view(self) -> ComposeResult:
        with Vertical(classes="body"):
            yield Static("Jours de travail prévus / jours disponibles par semaine ISO ; en rouge, "
                         "une semaine avec au moins un jour surchargé.", classes="hint")
            yield DataTable(id="load-table", cursor_type="cell", zebra_stripes=True)
            over = Static("", id="load-over", classes="panel")
            over.border_title = "Surcharges"
            yield over

    def show(self, snapshot: Snapshot) -> None:
        from cockpit import french as fr

        load = snapshot.load
        table = self.query_one(DataTable)
        table.clear(columns=True)
        if load is None or not load.resources:
            self.query_one("#load-over", Static).update("Aucune charge : pas d'équipe ou pas de "
                                                        "tâche affectée.")
            return
        weeks = sorted({(w.year, w.week, w.monday) for r in load.resources for w in r.weeks})
        table.add_column("Personne", key="who")
        table.add_column("Dispo", key="availability")
        for year, week, monday in weeks:
            table.add_column(f"S{week:02d}\n{monday:%d/%m}", key=f"{year}-{week}")
        rows = []
        for resource in load.resources:
            by_week = {(w.year, w.week): w for w in resource.weeks}
            cells: list[str] = [shown(resource.name), fr.share(resource.availability)]
            for year, week, _ in weeks:
                w = by_week.get((year, week))
                if w is None or (w.load == 0 and w.capacity == 0):
                    cells.append("")
                    continue
                text = f"{fr.number(w.load, 1)}/{fr.number(w.capacity, 1)}"
                cells.append(f"[b red]{text}[/]" if w.over_days else text)
            rows.append(cells)
        table.add_rows(rows)
        overs = load.over_allocations
        self.query_one("#load-over", Static).update("\n".join(
            f"[red]{shown(o.resource)}[/] du {fr.date(o.first)} au {fr.date(o.last)} "
            f"({fr.days(o.days)}) : {fr.share(o.peak)} demandés pour {fr.share(o.capacity)} "
            f"disponibles — {', '.join(o.tasks)}" for o in overs) or "Aucune surcharge.")
