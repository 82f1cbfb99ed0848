"""WBS: the work breakdown as an indented table; Enter edits the cell under the cursor.

The table is a Line-API view (widgets/wbs_table.py): built once per snapshot, a key press
redraws the lines the cursor leaves and enters, not the table.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from cockpit.tui.safe import shown
from cockpit.tui.screens.base import ViewScreen
from cockpit.tui.widgets.wbs_table import WbsRow, WbsTable

if TYPE_CHECKING:
    import datetime as dt

    from cockpit.model import Assignment, Dependency, Task
    from cockpit.tui.state import Snapshot

# Most useful first: at 80 columns the dates, float and progress stay on screen.
COLUMNS = (("wbs", "Code"), ("name", "Tâche"), ("duration", "Durée"), ("start", "Début"),
           ("finish", "Fin"), ("float", "Marge"), ("progress", "Avanc."),
           ("resources", "Ressources"), ("after", "Prédécesseurs"))
EDITABLE = {"name": "Nom", "duration": "Durée (8j, 2s, 4h)",
            "resources": "Ressources (cmartin:50%, bdupont)",
            "after": "Prédécesseurs (cdc, visite FD+2j)",
            "progress": "Avancement en % (0 à 100)"}


# The cells' texts, by value (dates, durations, resource and predecessor lists repeat or
# survive an edit): a 5,000-task table is rebuilt in a few hundredths of a second.
_CACHED = 16384


@lru_cache(_CACHED)
def _resources(resources: tuple[Assignment, ...]) -> str:
    """The resources as the user writes them in wbs.toml: `cmartin:50%, bdupont`."""
    return ", ".join(a.resource if a.share == 1 else f"{a.resource}:{a.share * 100:g}%"
                     for a in resources)


@lru_cache(_CACHED)
def _links(after: tuple[Dependency, ...]) -> str:
    """The predecessors as the user writes them: `cdc, visite FD+2j`."""
    return ", ".join(map(str, after))


@lru_cache(_CACHED)
def _text(value: object) -> str:
    return str(value)


@lru_cache(_CACHED)
def _date(day: dt.date) -> str:
    from cockpit import french as fr

    return fr.date(day)


@lru_cache(_CACHED)
def _days(value: float) -> str:
    from cockpit import french as fr

    return fr.days(value)


class WbsScreen(ViewScreen):
    VIEW = "wbs"
    TITLE_FR = "WBS"
    REGISTER = "task"
    BINDINGS = [
        Binding("enter", "edit_cell", "Modifier", key_display="⏎", id="wbs.edit", priority=True,
                tooltip="Modifie le nom, la durée, les ressources, les prédécesseurs ou "
                        "l'avancement"),
        Binding("n", "new", "Nouveau", id="wbs.new",
                tooltip="Insère une tâche après celle du curseur, sous la même tâche parente"),
        Binding("delete", "delete", "Supprimer", key_display="suppr", id="wbs.delete",
                tooltip="Supprime la tâche (après confirmation ; ctrl+z)"),
        Binding("f", "edit", "Fiche", show=False, id="wbs.form",
                tooltip="Tous les champs de la tâche : livrable, dates réelles, contraintes…"),
        Binding("ctrl+d", "duplicate", "Dupliquer", show=False, key_display="^d", id="wbs.duplicate",
                tooltip="Copie la tâche avec un nouvel identifiant, juste après elle"),
        Binding("greater_than_sign", "indent", "Sous la précédente", show=False, key_display=">",
                id="wbs.indent", tooltip="Range la tâche sous la tâche qui la précède"),
        Binding("less_than_sign", "outdent", "Remonter", show=False, key_display="<", id="wbs.outdent",
                tooltip="Sort la tâche de sa tâche récapitulative"),
        Binding("slash", "find", "Chercher", show=False, key_display="/", id="wbs.find",
                tooltip="Aller à une tâche par son identifiant ou son nom"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.tasks: dict[str, Task] = {}

    def compose_view(self) -> ComposeResult:
        with Vertical(classes="body"):
            yield WbsTable(COLUMNS, id="wbs-table")
            yield Static("⏎ la cellule — [b]f[/b] fiche — [b]>[/b] [b]<[/b] niveau — "
                         "[b]^d[/b] dupliquer — [b]/[/b] chercher", classes="hint")

    def show(self, snapshot: Snapshot) -> None:
        """One row per task in WBS order, each value written by the caches below: after an
        edit of one task of 5,000, only its own values are written again."""
        from cockpit import french as fr
        from cockpit.schedule.cpm import wbs_order

        project = snapshot.project
        assert project is not None
        table = self.query_one(WbsTable)
        self.tasks = {t.id: t for t in project.tasks}
        schedule = snapshot.schedule
        percent = snapshot.evm.percent if snapshot.evm is not None else {}
        rows = []
        self.ids = []
        for s in wbs_order(schedule.tasks if schedule is not None else ()):
            task = self.tasks.get(s.id)
            if task is None:
                continue
            self.ids.append(s.id)
            icon = "▾ " if s.summary else ("◆ " if s.milestone else "  ")
            done = percent.get(s.id)
            duration = ("0j" if task.milestone and task.duration is None else
                        _text(task.duration) if task.duration else _days(s.duration))
            rows.append(WbsRow(
                (s.wbs, f"{'  ' * s.level}{icon}{task.name}", duration,
                 _date(s.start), _date(s.finish), _days(s.total_float),
                 fr.percent(done) if done is not None else "",
                 _resources(task.resources), _links(task.after)),
                summary=s.summary, critical=s.critical))
        table.set_rows(rows)

    def current_task(self) -> Task | None:
        row = self.query_one(WbsTable).cursor_row
        return self.tasks.get(self.ids[row]) if 0 <= row < len(self.ids) else None

    def action_edit_cell(self) -> None:
        self.edit(self.query_one(WbsTable).cursor_key)

    @on(WbsTable.Clicked, "#wbs-table")
    def _clicked(self, event: WbsTable.Clicked) -> None:
        event.stop()
        self.action_edit_cell()

    def edit(self, key: str) -> None:
        task = self.current_task()
        if task is None:
            return
        if key not in EDITABLE:
            self.notify("Cette colonne est calculée : modifiez la durée, les ressources ou les "
                        "prédécesseurs.", severity="warning")
            return
        label = f"{EDITABLE[key]} de « {task.id} »"
        if key == "progress":
            self.record_progress(task)
            return
        self.record_form("task", task, fields=(key,), focus=key, title=label)

    def record_progress(self, task: Task) -> None:
        """Ask the percent and the day it was reached (the status date until the user
        changes it), then add the row to progress.csv."""
        from cockpit.tui.dialogs.record_form import RecordForm
        from cockpit.tui.edits import record_progress
        from cockpit.tui.fields import Field, show_day

        snapshot = self.cockpit.snapshot
        if snapshot is None:
            return
        done = snapshot.evm.percent.get(task.id) if snapshot.evm is not None else None
        files = self.cockpit.edit_files()

        def save(values: dict[str, object] | None) -> None:
            if values:
                self.cockpit.edit(f"Avancement de {task.id}", record_progress(
                    task.id, values["date"], values["percent"],  # type: ignore[arg-type]
                    str(values.get("comment", ""))), files=files)

        self.app.push_screen(RecordForm(
            f"Avancement de « {task.id} » — {task.name}",
            (Field("percent", "Avancement en %", "percent", required=True),
             Field("date", "À la date du", "date", required=True),
             Field("comment", "Commentaire")),
            {"percent": f"{float(done):g}" if done is not None else "",
             "date": show_day(snapshot.status_date)}, {}, new=True,
            note="Une ligne ajoutée à progress.csv, à la date indiquée "
                 "(la date d'état tant que vous ne la changez pas)."), save)

    def current_record(self) -> Task | None:
        return self.current_task()

    def action_new(self) -> None:
        task = self.current_task()
        preset = {"parent": task.parent, "duration": "5j"} if task is not None else {}
        self.record_form("task", preset=preset, after=task.id if task else None, focus="name")

    def action_duplicate(self) -> None:
        task = self.current_task()
        if task is not None:
            self.record_form("task", task, duplicate=True, after=task.id, focus="name")

    def action_delete(self) -> None:
        task = self.current_task()
        if task is None:
            return
        children = [t.id for t in self.tasks.values() if t.parent == task.id]
        if children:
            self.notify(f"« {shown(task.id)} » est une tâche récapitulative "
                        f"({shown(', '.join(children[:3]))}"
                        f"{'…' if len(children) > 3 else ''}) : supprimez ou déplacez d'abord "
                        "ses sous-tâches.", severity="warning")
            return
        self.delete_record("task", task.id, task.name)

    def _move(self, task: Task, parent: str) -> None:
        from cockpit.tui.edits import update_record

        self.cockpit.edit(f"Tâche {task.id}", update_record(
            "wbs.toml", "task", task.id, {"parent": parent or None}))

    def action_indent(self) -> None:
        """Under the task above it at the same level (which becomes a summary task)."""
        task = self.current_task()
        if task is None:
            return
        row = self.ids.index(task.id)
        above = next((self.tasks[i] for i in reversed(self.ids[:row])
                      if self.tasks[i].parent == task.parent), None)
        if above is None:
            self.notify("Aucune tâche au même niveau au-dessus : rien à faire.",
                        severity="warning")
            return
        self._move(task, above.id)

    def action_outdent(self) -> None:
        task = self.current_task()
        if task is None or not task.parent:
            self.notify("La tâche est déjà au premier niveau.", severity="warning")
            return
        parent = self.tasks.get(task.parent)
        self._move(task, parent.parent if parent is not None else "")

    def go_to(self, text: str) -> bool:
        needle = text.strip().lower()
        for row, task_id in enumerate(self.ids):
            task = self.tasks[task_id]
            if task_id.lower() == needle or task.name.lower().startswith(needle):
                self.query_one(WbsTable).move_to(row)
                return True
        self.notify(f"Aucune tâche « {shown(text)} ».", severity="warning")
        return False
