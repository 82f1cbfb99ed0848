"""Actions: the action plan, filtered by owner, overdue, origin; mark an action done."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from cockpit.tui.safe import shown
from cockpit.tui.screens.base import ViewScreen, record_bindings

if TYPE_CHECKING:
    from cockpit.steering.actions import ActionView
    from cockpit.tui.state import Snapshot

ALL = ""


class ActionsScreen(ViewScreen):
    VIEW = "actions"
    TITLE_FR = "Actions"
    BINDINGS = [
        Binding("slash", "find", "Chercher", key_display="/", id="actions.find", show=False,
                tooltip="Aller à un enregistrement par son identifiant ou son libellé"),
        *record_bindings("actions", "une action"),
        Binding("space,f", "done", "Fait", key_display="espace", id="actions.done",
                tooltip="Marque l'action « fait » au jour que vous donnez"),
        Binding("o", "owner", "Responsable", id="actions.owner", show=False,
                tooltip="Filtre par responsable (tour à tour)"),
        Binding("l", "late", "En retard", id="actions.late", show=False,
                tooltip="N'affiche que les actions en retard"),
        Binding("s", "origin", "Origine", id="actions.origin", show=False,
                tooltip="Filtre par origine : réunion, risque, indicateur, REX…"),
        Binding("v", "closed", "Soldées", id="actions.closed", show=False,
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

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(DataTable).add_columns(
            "Id", "Échéance", "Retard", "Statut", "Resp.", "Action", "Origine")

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
            f"[red]{shown(v.id)}[/]" if v.overdue else shown(v.id),
            fr.date(v.action.due) if v.action.due else "",
            f"[red]+{v.days_late} j[/]" if v.overdue else "", shown(v.action.status),
            shown(v.action.who), shown(v.action.what),
            shown(f"{ORIGIN_FRENCH.get(self.kinds.get(v.id, ''), '')} {v.action.origin}".strip()))
            for v in self.shown)
        if self.shown:
            table.move_cursor(row=min(row, len(self.shown) - 1))
        origin = ORIGIN_FRENCH.get(self.origin, "toutes") if self.origin else "toutes"
        parts = [f"[b]o[/b] resp. : {shown(self.owner or 'tous')}",
                 f"[b]s[/b] origine : {origin}",
                 "[b]l[/b] " + ("en retard" if self.late_only else "toutes échéances"),
                 "[b]v[/b] soldées " + ("visibles" if self.show_closed else "masquées")]
        self.query_one("#filters", Static).update(
            f"{len(self.shown)}/{len(self.all)} — " + " — ".join(parts))

    def _cycle(self, current: str, values: list[str]) -> str:
        options = [ALL, *sorted(set(values))]
        return options[(options.index(current) + 1) % len(options)] if current in options else ALL

    def update_operation(self, register: str, record_id: str,
                         values: dict[str, object]) -> Callable[[Any], Any]:
        """The action, and the lines of the minutes that name it, which keep agreeing with
        it (owner, due date)."""
        from cockpit.tui.edits import update_action

        snapshot = self.cockpit.snapshot
        mentions = tuple((m.path, a.line) for m in (snapshot.project.meetings if snapshot and
                                                    snapshot.project else ())
                         for a in m.actions if a.action == record_id)
        return update_action(record_id, values, mentions)

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

    REGISTER = "action"

    def current(self) -> ActionView | None:
        index = self.query_one(DataTable).cursor_row
        return self.shown[index] if 0 <= index < len(self.shown) else None

    def rows_for_find(self) -> list[tuple[str, str]]:
        return [(v.id, v.action.what) for v in self.shown]

    def current_record(self) -> object:
        view = self.current()
        return view.action if view is not None else None

    def new_preset(self) -> dict[str, str]:
        return {"status": "à faire"}

    @on(DataTable.RowSelected, "#action-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_done(self) -> None:
        """Ask the day the action was done (never silently the status date), then save."""
        from cockpit.tui.dialogs.record_form import RecordForm
        from cockpit.tui.edits import mark_action_done
        from cockpit.tui.fields import Field, show_day

        view = self.current()
        snapshot = self.cockpit.snapshot
        if view is None or snapshot is None:
            return
        if not view.open:
            state = {"fait": "faite", "abandonné": "abandonnée"}.get(view.action.status,
                                                                      view.action.status)
            self.notify(f"L'action {shown(view.id)} est déjà {shown(state)}.", severity="warning")
            return
        files = self.cockpit.edit_files()

        def save(values: dict[str, object] | None) -> None:
            if values:
                self.cockpit.edit(f"Action {view.id}",
                                  mark_action_done(view.id, values["done"]),  # type: ignore[arg-type]
                                  files=files)

        self.app.push_screen(RecordForm(
            f"Action {view.id} faite — {view.action.what}",
            (Field("done", "Faite le", "date", required=True),),
            {"done": show_day(snapshot.today)}, {}, new=True,
            note="Statut « fait » et ce jour dans actions.toml."), save)
