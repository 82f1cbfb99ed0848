"""Actions: the action plan, filtered by owner, overdue, origin; mark an action done."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from cockpit.tui.safe import shown
from cockpit.tui.screens.base import ViewScreen

if TYPE_CHECKING:
    from cockpit.steering.actions import ActionView
    from cockpit.tui.state import Snapshot

ALL = ""


class ActionsScreen(ViewScreen):
    VIEW = "actions"
    TITLE_FR = "Actions"
    BINDINGS = [
        Binding("space,f", "done", "Fait", key_display="espace", id="actions.done",
                tooltip="Marque l'action « fait » à la date d'état"),
        Binding("o", "owner", "Responsable", id="actions.owner",
                tooltip="Filtre par responsable (tour à tour)"),
        Binding("l", "late", "En retard", id="actions.late",
                tooltip="N'affiche que les actions en retard"),
        Binding("s", "origin", "Origine", id="actions.origin",
                tooltip="Filtre par origine : réunion, risque, indicateur, REX…"),
        Binding("v", "closed", "Soldées", id="actions.closed",
                tooltip="Affiche ou masque les actions faites ou abandonnées"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.all: list[ActionView] = []
        self.kinds: dict[str, str] = {}
        self.shown: list[ActionView] = []
        self.owner = ALL
        self.origin = ALL
        self.late_only = False
        self.show_closed = True

    def compose_view(self) -> ComposeResult:
        with Vertical(classes="body"):
            yield Static("", id="filters")
            yield DataTable(id="action-table", cursor_type="row", zebra_stripes=True)
            yield Static("espace : fait — o : responsable — l : en retard — s : origine — "
                         "v : soldées", classes="hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(DataTable).add_columns(
            "Id", "Action", "Resp.", "Échéance", "Statut", "Retard", "Origine")

    def show(self, snapshot: Snapshot) -> None:
        from cockpit.steering import actions as steering

        project = snapshot.project
        assert project is not None
        self.all = list(steering.views(project, snapshot.status_date))
        self.kinds = {v.id: steering.origin_kind(v, project) for v in self.all}
        self.refilter()

    def refilter(self) -> None:
        from cockpit import french as fr
        from cockpit.steering.actions import ORIGIN_FRENCH

        self.shown = [v for v in self.all
                      if (not self.owner or v.action.who == self.owner)
                      and (not self.origin or self.kinds.get(v.id) == self.origin)
                      and (not self.late_only or v.overdue)
                      and (self.show_closed or v.open)]
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        table.add_rows((
            f"[red]{shown(v.id)}[/]" if v.overdue else shown(v.id), shown(v.action.what),
            shown(v.action.who), fr.date(v.action.due) if v.action.due else "",
            shown(v.action.status), f"[red]+{v.days_late} j[/]" if v.overdue else "",
            shown(f"{ORIGIN_FRENCH.get(self.kinds.get(v.id, ''), '')} {v.action.origin}".strip()))
            for v in self.shown)
        if self.shown:
            table.move_cursor(row=min(row, len(self.shown) - 1))
        parts = [f"responsable : {shown(self.owner or 'tous')}",
                 f"origine : {ORIGIN_FRENCH.get(self.origin, 'toutes') if self.origin else 'toutes'}",
                 "en retard seulement" if self.late_only else "toutes échéances",
                 "soldées visibles" if self.show_closed else "soldées masquées"]
        self.query_one("#filters", Static).update(
            f"{len(self.shown)}/{len(self.all)} actions — " + " — ".join(parts))

    def _cycle(self, current: str, values: list[str]) -> str:
        options = [ALL, *sorted(set(values))]
        return options[(options.index(current) + 1) % len(options)] if current in options else ALL

    def action_owner(self) -> None:
        self.owner = self._cycle(self.owner, [v.action.who for v in self.all if v.action.who])
        self.refilter()

    def action_origin(self) -> None:
        self.origin = self._cycle(self.origin, list(self.kinds.values()))
        self.refilter()

    def action_late(self) -> None:
        self.late_only = not self.late_only
        self.refilter()

    def action_closed(self) -> None:
        self.show_closed = not self.show_closed
        self.refilter()

    def action_done(self) -> None:
        from cockpit.tui.edits import mark_action_done

        index = self.query_one(DataTable).cursor_row
        snapshot = self.cockpit.snapshot
        if not 0 <= index < len(self.shown) or snapshot is None:
            return
        view = self.shown[index]
        if not view.open:
            state = {"fait": "faite", "abandonné": "abandonnée"}.get(view.action.status,
                                                                      view.action.status)
            self.notify(f"L'action {shown(view.id)} est déjà {shown(state)}.", severity="warning")
            return
        self.cockpit.edit(f"Action {view.id}", mark_action_done(view.id, snapshot.status_date))
