"""The cockpit App: bindings, command palette, modes (one per view), loading and watching.

First paint comes before any core import: the folder is loaded by a thread worker that
posts a `SnapshotLoaded` message; a second worker polls the folder's modification times
and reloads when a file is edited outside the app. Edits run in a worker too, through
`cockpit.tui.edits` (the core's safe saving API), then the folder is reloaded.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.reactive import var
from textual.screen import Screen

from cockpit.printable import printable
from cockpit.tui.messages import EditDone, EditRefused, FilesChanged, SnapshotLoaded
from cockpit.tui.safe import shown
from cockpit.tui.views import BY_MODE, VIEWS

if TYPE_CHECKING:
    from cockpit.tui.state import Snapshot

WATCH_INTERVAL = 1.0  # seconds between two looks at the folder's modification times


class CockpitApp(App[None]):
    """`cockpit [DIR]`: the project folder, every view one key away."""

    CSS_PATH = Path(__file__).with_name("cockpit.tcss")
    TITLE = "cockpit"
    ENABLE_COMMAND_PALETTE = True
    COMMAND_PALETTE_BINDING = "ctrl+p"
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {  # type: ignore[misc]
        v.mode: v.screen for v in VIEWS}
    DEFAULT_MODE = "dashboard"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(v.key, f"view('{v.mode}')", v.title, tooltip=v.help, id=f"view.{v.mode}",
                  show=False) for v in VIEWS),
        Binding("question_mark,f1", "help", "Aide", key_display="?", id="app.help", show=False,
                tooltip="Toutes les touches de l'application et de la vue"),
        Binding("p", "settings", "Projet", id="app.settings", show=False,
                tooltip="Date d'état, phase, échéance, calendrier, fermetures"),
        Binding("ctrl+z", "undo", "Annuler", key_display="^z", id="app.undo",
                tooltip="Annule la dernière modification enregistrée"),
        Binding("f5", "reload", "Recharger", id="app.reload", show=False,
                tooltip="Relit le dossier et recalcule toutes les vues"),
        Binding("q", "quit", "Quitter", id="app.quit", show=False, tooltip="Ferme le cockpit"),
    ]

    snapshot: var[Snapshot | None] = var(None, init=False)

    def __init__(self, root: Path | str = ".", *, today: dt.date,
                 watch_interval: float = WATCH_INTERVAL) -> None:
        from cockpit.tui.commands import CockpitCommands

        self.COMMANDS = App.COMMANDS | {CockpitCommands}
        super().__init__()
        self.root = Path(root).resolve()
        self.today = today  # from the shell: the status date when cockpit.toml has none
        self.watch_interval = watch_interval
        self.generation = 0
        self.undo_stack: list[tuple[str, Any]] = []
        self.expected_mtimes: dict[str, int] = {}  # guarded by _edit_lock
        self._edit_lock = threading.Lock()  # one edit at a time; the watcher waits for it
        self._generation_lock = threading.Lock()
        self._wake = threading.Event()
        self._closing = False

    # -- start -------------------------------------------------------------------

    def on_mount(self) -> None:
        self.title = "cockpit"
        self.sub_title = str(self.root)
        self.reload()
        if self.watch_interval > 0:
            self.watch_files()

    # -- loading -----------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load", name="load")
    def reload(self) -> None:
        """Load and check the folder, compute the schedule, load, EVM; post the snapshot."""
        from cockpit.tui.state import load_snapshot

        self.post_message(SnapshotLoaded(load_snapshot(self.root, self.next_generation(),
                                                       self.today)))

    def next_generation(self) -> int:
        """Snapshots are numbered in the order they are started, from any worker."""
        with self._generation_lock:
            self.generation += 1
            return self.generation

    def _show_quickly(self, files: Any, saved: tuple[str, ...]) -> None:
        """Right after an edit (in its worker): the displayed snapshot with the saved files
        read again, posted before the full reload, so the edit is on screen at once."""
        from cockpit.tui.state import quick_snapshot

        snapshot = self.snapshot
        if snapshot is None or snapshot.files is not files or not saved:
            return
        quick = quick_snapshot(snapshot, saved, self.next_generation())
        if quick is not None:
            self.post_message(SnapshotLoaded(quick))

    @on(SnapshotLoaded)
    def _loaded(self, message: SnapshotLoaded) -> None:
        if self.snapshot is not None and message.snapshot.generation < self.snapshot.generation:
            return
        self.snapshot = message.snapshot

    def watch_snapshot(self, snapshot: Snapshot | None) -> None:
        """The views watch `snapshot` themselves (screens/base.py)."""
        if snapshot is not None and snapshot.project is not None:
            self.sub_title = printable(snapshot.project.settings.project.title)

    # -- watching ----------------------------------------------------------------

    @work(thread=True, exclusive=True, group="watch", name="watch")
    def watch_files(self) -> None:
        """Poll the folder's modification times; post what changed outside the app."""
        from textual.worker import get_current_worker

        from cockpit.tui.state import scan_mtimes

        worker = get_current_worker()
        seen: dict[str, float] | None = None
        while not worker.is_cancelled and not self._closing:
            # An edit writes and records the mtimes it expects under this lock: the watcher
            # never sees a file of ours between its write and its expected mtime.
            with self._edit_lock:
                current = scan_mtimes(self.root)
                expected = dict(self.expected_mtimes)
            if seen is not None and current != seen:
                changed = tuple(sorted(
                    name for name in set(current) | set(seen)
                    if current.get(name) != seen.get(name)
                    and current.get(name) != expected.get(name)))
                if changed:
                    self.post_message(FilesChanged(changed))
            seen = current
            self._wake.wait(self.watch_interval)
            self._wake.clear()

    def on_unmount(self) -> None:
        self._closing = True
        self._wake.set()

    def look_now(self) -> None:
        """Wake the watcher at once (tests, and after a save)."""
        self._wake.set()

    @on(FilesChanged)
    def _files_changed(self, message: FilesChanged) -> None:
        names = ", ".join(message.files[:3]) + ("…" if len(message.files) > 3 else "")
        self.notify(f"Modifié hors du cockpit : {shown(names)}. Dossier rechargé.",
                    title="Fichiers modifiés")
        self.reload()

    # -- edits -------------------------------------------------------------------

    def edit_files(self) -> Any:
        """The ProjectFiles of the displayed snapshot, taken when an edit starts (a dialog
        opens): the save is checked against the files as they were then, however long the
        dialog stays open. None when nothing is loaded."""
        snapshot = self.snapshot
        return None if snapshot is None else snapshot.files

    def edit(self, label: str, operation: Callable[[Any], Any], files: Any = None) -> None:
        """Run `operation(files)` (a function of cockpit.tui.edits) in a worker, then reload.

        `files` is the ProjectFiles taken when the edit started (`edit_files`), by default
        those of the displayed snapshot: the core refuses an edit of a file changed on disk
        since, and the folder is reloaded.
        """
        if files is None:
            files = self.edit_files()
        if files is None:
            self.notify("Le dossier n'est pas encore chargé.", severity="warning")
            return
        self._run_edit(label, operation, files)

    @work(thread=True, group="edit", name="edit")
    def _run_edit(self, label: str, operation: Callable[[Any], Any], files: Any) -> None:
        from cockpit.tui.edits import EditError, saved_files
        from cockpit.tui.state import scan_mtimes

        with self._edit_lock:
            try:
                outcome = operation(files)
            except EditError as error:
                self.post_message(EditRefused(label, str(error)))
                return
            saved = saved_files(outcome)
            mtimes = scan_mtimes(self.root)
            for name in saved:
                if name in mtimes:
                    self.expected_mtimes[name] = mtimes[name]
            self._show_quickly(files, saved)
        self.post_message(EditDone(label, saved, (files, outcome) if saved else None))

    @on(EditDone)
    def _edit_done(self, message: EditDone) -> None:
        if message.undo is not None:
            self.undo_stack.append((message.label, message.undo))
        self.notify(f"{shown(message.label)} : enregistré.", title="Enregistré", timeout=3)
        # the quick snapshot (posted before this message) is painted first: the full
        # reload would otherwise hold the GIL while the view is rebuilt
        self.call_after_refresh(self.reload)

    @on(EditRefused)
    def _edit_refused(self, message: EditRefused) -> None:
        self.notify(shown(message.reason), title=f"{printable(message.label)} : refusé",
                    severity="error", timeout=8)
        self.reload()

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Rien à annuler.", severity="warning")
            return
        label, (files, outcome) = self.undo_stack.pop()
        self._run_undo(label, files, outcome)

    @work(thread=True, group="edit", name="undo")
    def _run_undo(self, label: str, files: Any, outcome: Any) -> None:
        from cockpit.tui.edits import EditError, saved_files, undo
        from cockpit.tui.state import scan_mtimes

        with self._edit_lock:
            try:
                undo(files, outcome)
            except EditError as error:
                self.post_message(EditRefused(f"Annulation de « {label} »", str(error)))
                return
            mtimes = scan_mtimes(self.root)
            for name in saved_files(outcome):
                if name in mtimes:
                    self.expected_mtimes[name] = mtimes[name]
        self.post_message(EditDone(f"Annulation de « {label} »", (), None))

    # -- actions -----------------------------------------------------------------

    def action_view(self, mode: str) -> None:
        if mode in BY_MODE and self.current_mode != mode:
            self.switch_mode(mode)

    def action_help(self) -> None:
        from cockpit.tui.dialogs.help import HelpDialog

        if not isinstance(self.screen, HelpDialog):
            self.push_screen(HelpDialog(self.screen))

    def action_settings(self) -> None:
        """The project's settings in one form: [project] and [calendar] of cockpit.toml."""
        from cockpit.tui.dialogs.record_form import RecordForm
        from cockpit.tui.edits import update_settings
        from cockpit.tui.fields import CALENDAR_FIELDS, PROJECT_FIELDS, refs_of

        snapshot = self.snapshot
        if snapshot is None or snapshot.project is None:
            self.notify("Le dossier n'est pas encore chargé.", severity="warning")
            return
        settings = snapshot.project.settings
        values = {f.key: f.show(getattr(settings.project, f.key, None)) for f in PROJECT_FIELDS}
        values.update({f.key: f.show(getattr(settings.calendar, f.key, None))
                       for f in CALENDAR_FIELDS})
        files = self.edit_files()
        calendar_keys = {f.key for f in CALENDAR_FIELDS}

        def save(result: dict[str, object] | None) -> None:
            if not result:
                return
            self.edit("Paramètres du projet", update_settings(
                {k: v for k, v in result.items() if k not in calendar_keys},
                {k: v for k, v in result.items() if k in calendar_keys}), files=files)

        self.push_screen(RecordForm(
            "Paramètres du projet", PROJECT_FIELDS + CALENDAR_FIELDS, values,
            refs_of(snapshot.project),
            note="Enregistré dans cockpit.toml ([project], [calendar]), commentaires "
                 "conservés."), save)

    def action_command_palette(self) -> None:
        from cockpit.tui.commands import FrenchPalette

        if self.use_command_palette and not FrenchPalette.is_open(self):
            self.push_screen(FrenchPalette())

    def action_reload(self) -> None:
        self.reload()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from ()  # the cockpit's own provider lists views and actions, in French
