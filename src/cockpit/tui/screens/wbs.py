"""WBS: the work breakdown as an indented table; Enter edits the cell under the cursor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from cockpit.tui.screens.base import ViewScreen, wbs_order

if TYPE_CHECKING:
    from cockpit.model import Task
    from cockpit.tui.state import Snapshot

COLUMNS = (("wbs", "Code"), ("name", "Tâche"), ("duration", "Durée"), ("resources", "Ressources"),
           ("after", "Prédécesseurs"), ("start", "Début"), ("finish", "Fin"),
           ("float", "Marge"), ("progress", "Avanc."))
EDITABLE = {"name": "Nom", "duration": "Durée (8j, 2s, 4h)",
            "resources": "Ressources (cmartin:50%, bdupont)",
            "after": "Prédécesseurs (cdc, visite FD+2j)"}


def task_value(task: Task, key: str) -> str:
    """The field as the user writes it in wbs.toml."""
    if key == "name":
        return task.name
    if key == "duration":
        return "0j" if task.milestone and task.duration is None else (
            str(task.duration) if task.duration else "")
    if key == "resources":
        return ", ".join(a.resource if a.share == 1 else f"{a.resource}:{a.share * 100:g}%"
                         for a in task.resources)
    if key == "after":
        return ", ".join(str(d) for d in task.after)
    return ""


class WbsScreen(ViewScreen):
    VIEW = "wbs"
    TITLE_FR = "WBS"
    BINDINGS = [
        Binding("enter", "edit_cell", "Modifier", id="wbs.edit",
                tooltip="Modifie le nom, la durée, les ressources ou les prédécesseurs"),
        Binding("slash", "find", "Chercher", key_display="/", id="wbs.find",
                tooltip="Aller à une tâche par son identifiant ou son nom"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.tasks: dict[str, Task] = {}

    def compose_view(self) -> ComposeResult:
        with Vertical(classes="body"):
            yield DataTable(id="wbs-table", cursor_type="cell", zebra_stripes=True)
            yield Static("Entrée : modifier la cellule (nom, durée, ressources, prédécesseurs) — "
                         "/ : chercher une tâche", classes="hint")

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one(DataTable)
        for key, label in COLUMNS:
            table.add_column(label, key=key)

    def show(self, snapshot: Snapshot) -> None:
        from cockpit.report import french as fr

        project = snapshot.project
        assert project is not None
        table = self.query_one(DataTable)
        coordinate = table.cursor_coordinate
        self.tasks = {t.id: t for t in project.tasks}
        schedule = snapshot.schedule
        percent = snapshot.evm.percent if snapshot.evm is not None else {}
        rows = []
        self.ids = []
        scheduled = schedule.tasks if schedule is not None else ()
        order = wbs_order(scheduled)
        for s in order:
            task = self.tasks.get(s.id)
            if task is None:
                continue
            self.ids.append(s.id)
            indent = "  " * s.level
            icon = "▾ " if s.summary else ("◆ " if s.milestone else "  ")
            name = f"{indent}{icon}{task.name}"
            if s.summary:
                name = f"[b]{name}[/b]"
            if s.critical and not s.summary:
                name = f"[red]{name}[/red]"
            done = percent.get(s.id)
            rows.append((s.wbs, name, task_value(task, "duration") or fr.days(s.duration),
                         task_value(task, "resources"), task_value(task, "after"),
                         fr.date(s.start), fr.date(s.finish), fr.days(s.total_float),
                         fr.percent(done) if done is not None else ""))
        table.clear()
        table.add_rows(rows)
        if rows:
            table.cursor_coordinate = coordinate if coordinate.row < len(rows) else \
                coordinate._replace(row=len(rows) - 1)

    def current_task(self) -> Task | None:
        table = self.query_one(DataTable)
        row = table.cursor_coordinate.row
        return self.tasks.get(self.ids[row]) if 0 <= row < len(self.ids) else None

    def action_edit_cell(self) -> None:
        table = self.query_one(DataTable)
        key = COLUMNS[table.cursor_coordinate.column][0]
        self.edit(key)

    @on(DataTable.CellSelected, "#wbs-table")
    def _selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.action_edit_cell()

    def edit(self, key: str) -> None:
        from cockpit.tui.dialogs.edit_value import EditValueDialog
        from cockpit.tui.edits import set_task_field

        task = self.current_task()
        if task is None:
            return
        if key not in EDITABLE:
            self.notify("Cette colonne est calculée : modifiez la durée, les ressources ou les "
                        "prédécesseurs.", severity="warning")
            return
        label = f"{EDITABLE[key]} de « {task.id} »"

        def save(value: str | None) -> None:
            if value is not None and value != task_value(task, key):
                self.cockpit.edit(f"Tâche {task.id}", set_task_field(task.id, key, value))

        self.app.push_screen(EditValueDialog(label, task_value(task, key),
                                             "Enregistré dans wbs.toml, commentaires conservés."),
                             save)

    def go_to(self, text: str) -> bool:
        needle = text.strip().lower()
        for row, task_id in enumerate(self.ids):
            task = self.tasks[task_id]
            if task_id.lower() == needle or task.name.lower().startswith(needle):
                table = self.query_one(DataTable)
                table.cursor_coordinate = table.cursor_coordinate._replace(row=row)
                return True
        self.notify(f"Aucune tâche « {text} ».", severity="warning")
        return False
