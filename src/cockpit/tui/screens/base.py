"""The base of every view: header, body, footer, and the snapshot it shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from cockpit.printable import printable
from cockpit.tui.safe import shown

if TYPE_CHECKING:
    from cockpit.tui.protocol import Cockpit
    from cockpit.tui.state import Snapshot


T = TypeVar("T")

def views_line(current: str, width: int = 200) -> str:
    """Every view's key on one line, the current one in reverse, and the keys of the project
    settings and of the help (which the footer leaves to this line): « t Tableau w WBS … »
    when it fits in `width` columns, else the keys alone with the current view's name."""
    from cockpit.tui.views import VIEWS

    full = []
    compact = []
    for view in VIEWS:
        name = SHORT.get(view.mode, view.title)
        here = view.mode == current
        full.append(f"[reverse] {view.key} {name} [/]" if here else f"[b]{view.key}[/b] {name}")
        compact.append(f"[reverse] {view.key} {name} [/]" if here else f"[b]{view.key}[/b]")
    line = " ".join(full) + " — [b]p[/b] Projet — [b]?[/b] Aide"
    if sum(len(SHORT.get(v.mode, v.title)) + 3 for v in VIEWS) + 23 <= width:
        return line
    return "Vues : " + " ".join(compact) + " — [b]p[/b] projet — [b]?[/b] aide"


COMPACT = 120  # columns

SHORT = {"dashboard": "Tableau", "indicators": "Indic.", "documents": "Docs",
         "diagnostics": "Diag.", "meetings": "Réunions", "registers": "Registres"}


# The record bindings every register view shares; the footer shows « ⏎ Modifier »,
# « n Nouveau », « suppr Supprimer ».
def record_bindings(view: str, what: str) -> list[Binding]:
    return [
        Binding("enter", "edit", "Modifier", key_display="⏎", id=f"{view}.edit", priority=True,
                tooltip=f"Modifie tous les champs de {what} sous le curseur"),
        Binding("n", "new", "Nouveau", id=f"{view}.new", tooltip=f"Crée {what}"),
        Binding("delete", "delete", "Supprimer", key_display="suppr", id=f"{view}.delete",
                tooltip=f"Supprime {what} sous le curseur (après confirmation ; ctrl+z)"),
        Binding("ctrl+d", "duplicate", "Dupliquer", key_display="^d", id=f"{view}.duplicate",
                show=False, tooltip=f"Copie {what} sous le curseur avec un nouvel identifiant"),
    ]


class ViewScreen(Screen[None]):
    """A view: `compose_view` builds the body once, `show` fills it from a snapshot.

    Each view watches the app's `snapshot`: `show` runs when a new one arrives while the
    view is displayed, or when the view comes back on screen after a reload, never for
    hidden views.
    """

    VIEW: ClassVar[str] = ""
    REGISTER: ClassVar[str] = ""  # fields.registers() name of the records the view lists
    shown_generation: int = -1

    @property
    def cockpit(self) -> Cockpit:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.compose_view()
        yield Static("", id="notice", classes="notice")
        yield Static(views_line(self.VIEW), id="view-keys")
        yield Footer()

    def compose_view(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.title = "cockpit"
        if self.cockpit.snapshot is None:
            self.set_loading(True)
        self.watch(self.app, "snapshot", self._snapshot_changed, init=False)

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#view-keys", Static).update(views_line(self.VIEW, event.size.width))
        # below COMPACT columns the footer drops the padding around each key, so that the
        # view's actions and ^z Annuler stay whole at 80 columns
        self.query_one(Footer).compact = event.size.width < COMPACT

    def _snapshot_changed(self, snapshot: Snapshot | None) -> None:
        """A new snapshot: shown now if this view is on screen (or just under a dialog),
        else when it comes back (on_screen_resume)."""
        stack = self.app.screen_stack
        if self.is_current or (len(stack) > 1 and stack[-2] is self):
            self.present(snapshot)

    def on_screen_resume(self) -> None:
        self.present(self.cockpit.snapshot)

    def present(self, snapshot: Snapshot | None) -> None:
        if snapshot is None or snapshot.generation == self.shown_generation:
            return
        self.shown_generation = snapshot.generation
        self.set_loading(False)
        project = snapshot.project
        if project is not None:
            info = project.settings.project
            self.sub_title = (f"date d'état {snapshot.status_date:%d/%m/%Y} — "
                              f"{printable(info.title)}")
        notice = self.query_one("#notice", Static)
        if snapshot.error or (project is None and self.VIEW != "diagnostics"):
            notice.update(shown(snapshot.error) if snapshot.error else
                          "Le dossier ne peut pas être lu : voir les diagnostics (touche d).")
            notice.display = True
        else:
            notice.display = False
        if project is not None or self.VIEW == "diagnostics":
            self.show(snapshot)

    def set_loading(self, loading: bool) -> None:
        for widget in self.query(".body"):
            widget.loading = loading

    def show(self, snapshot: Snapshot) -> None:
        """Fill the widgets from the snapshot (override)."""

    def action_find(self) -> None:
        """Ask for a task id or the start of its name, then `go_to` it."""
        from cockpit.tui.dialogs.edit_value import EditValueDialog

        def go(text: str | None) -> None:
            if text:
                self.go_to(text)

        self.app.push_screen(EditValueDialog("Aller à", "", "Identifiant ou début du libellé"),
                             go)

    def go_to(self, text: str) -> bool:
        """Move to the record whose id is `text` or whose label starts with it (override
        `rows_for_find` to list the rows)."""
        from textual.widgets import DataTable

        needle = text.strip().lower()
        rows = self.rows_for_find()
        row = next((r for r, (record_id, _) in enumerate(rows) if record_id.lower() == needle),
                   -1)
        if row < 0:
            row = next((r for r, (_, label) in enumerate(rows)
                        if label.lower().startswith(needle)), -1)
        if row < 0:
            self.notify(f"Aucun enregistrement « {shown(text)} ».", severity="warning")
            return False
        self.query_one(DataTable).move_cursor(row=row)
        return True

    def rows_for_find(self) -> list[tuple[str, str]]:
        """(id, label) of the rows shown, in order."""
        return []

    # -- records: create, duplicate, edit, delete ----------------------------------------

    def current_record(self) -> Any:
        """The record under the cursor (override), for ⏎, suppr and ^d."""
        return None

    def new_preset(self) -> dict[str, str]:
        """Values a new record starts with (override)."""
        return {}

    def action_edit(self) -> None:
        record = self.current_record()
        if record is not None:
            self.record_form(self.REGISTER, record)

    def action_new(self) -> None:
        self.record_form(self.REGISTER, preset=self.new_preset())

    def action_duplicate(self) -> None:
        record = self.current_record()
        if record is not None:
            self.record_form(self.REGISTER, record, duplicate=True)

    def action_delete(self) -> None:
        from cockpit.tui.fields import registers

        record = self.current_record()
        if record is not None:
            label = getattr(record, registers()[self.REGISTER].label_key, "")
            self.delete_record(self.REGISTER, record.id, str(label))

    def record_form(self, register: str, record: object = None, *, duplicate: bool = False,
                    preset: dict[str, str] | None = None, focus: str = "",
                    fields: tuple[str, ...] = (), title: str = "", after: str | None = None,
                    saved: Callable[[dict[str, object]], None] | None = None) -> None:
        """Open the form of a record of `register` (fields.registers()): a new one when
        `record` is None, a copy with a new id when `duplicate`, else an edit of `record`.
        The save is checked against the files as they were when the form opened."""
        from cockpit.tui.dialogs.record_form import RecordForm
        from cockpit.tui.edits import add_record
        from cockpit.tui.fields import copy_id, next_id, refs_of, registers

        snapshot = self.cockpit.snapshot
        if snapshot is None or snapshot.project is None:
            return
        reg = registers()[register]
        refs = refs_of(snapshot.project)
        taken = refs.get(reg.ids, ())
        files = self.cockpit.edit_files()
        new = record is None or duplicate
        values: dict[str, str] = {}
        if record is not None:
            values = reg.values_of(record)
        if record is None:
            values["id"] = next_id(reg.prefix, taken) if reg.prefix else ""
        elif duplicate:
            values["id"] = copy_id(str(getattr(record, "id", "")), taken)
        values.update(preset or {})
        by_key = {f.key: f for f in reg.fields}
        shown = reg.fields if not fields else tuple(
            by_key[k] for k in ("id", *fields) if k in by_key)  # in the order asked
        record_id = str(getattr(record, "id", ""))
        if not title:
            title = (reg.new_title() if record is None else
                     f"Copie de {reg.french} {record_id}" if duplicate else
                     f"{reg.french.capitalize()} {record_id}")

        def save(result: dict[str, object] | None) -> None:
            if result is None:
                return
            if new:
                label = f"{reg.french.capitalize()} {result.get('id')}"
                self.cockpit.edit(label, add_record(reg.file, reg.array, result, after),
                                  files=files)
            elif result:
                self.cockpit.edit(f"{reg.french.capitalize()} {record_id}",
                                  self.update_operation(register, record_id, result),
                                  files=files)
            else:
                self.notify("Aucune valeur modifiée : rien n'est enregistré.", timeout=3)
                return
            if saved is not None:
                saved(result)

        self.app.push_screen(RecordForm(title, shown, values, refs, new=new, taken=taken,
                                        note=f"Enregistré dans {reg.file}, commentaires "
                                             "conservés.", focus=focus), save)

    def update_operation(self, register: str, record_id: str,
                         values: dict[str, object]) -> Callable[[Any], Any]:
        """How an edited record is saved (override to write more than its register)."""
        from cockpit.tui.edits import update_record
        from cockpit.tui.fields import registers

        reg = registers()[register]
        return update_record(reg.file, reg.array, record_id, values)

    def delete_record(self, register: str, record_id: str, label: str = "") -> None:
        """Ask, then remove the record (ctrl+z puts it back)."""
        from cockpit.tui.edits import delete_record
        from cockpit.tui.fields import registers

        reg = registers()[register]
        self.confirm(f"Supprimer {reg.the()} {record_id} ?",
                     f"{label}\nRetiré de {reg.file} ; ctrl+z l'y remet.",
                     f"Suppression de {reg.french} {record_id}",
                     delete_record(reg.file, reg.array, record_id))

    def confirm(self, question: str, detail: str, label: str,
                operation: Callable[[Any], Any]) -> None:
        """Ask `question`, then run the edit `operation` (a deletion: ctrl+z undoes it),
        checked against the files as they were when the question was asked."""
        from cockpit.tui.dialogs.confirm import ConfirmDialog

        files = self.cockpit.edit_files()

        def go(yes: bool | None) -> None:
            if yes:
                self.cockpit.edit(label, operation, files=files)

        self.app.push_screen(ConfirmDialog(question, detail), go)
