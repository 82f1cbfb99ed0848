"""The base of every view: header, body, footer, and the snapshot it shows."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from cockpit.printable import printable
from cockpit.tui.safe import shown

if TYPE_CHECKING:
    from cockpit.tui.protocol import Cockpit
    from cockpit.tui.state import Snapshot


T = TypeVar("T")


class ViewScreen(Screen[None]):
    """A view: `compose_view` builds the body once, `show` fills it from a snapshot.

    Each view watches the app's `snapshot`: `show` runs when a new one arrives while the
    view is displayed, or when the view comes back on screen after a reload, never for
    hidden views.
    """

    VIEW: ClassVar[str] = ""
    shown_generation: int = -1

    @property
    def cockpit(self) -> Cockpit:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.compose_view()
        yield Static("", id="notice", classes="notice")
        yield Footer()

    def compose_view(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.title = "cockpit"
        if self.cockpit.snapshot is None:
            self.set_loading(True)
        self.watch(self.app, "snapshot", self._snapshot_changed, init=False)

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
            self.sub_title = f"{printable(info.title)} — date d'état {snapshot.status_date:%d/%m/%Y}"
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

        self.app.push_screen(EditValueDialog("Aller à la tâche", "", "Identifiant ou début du nom"),
                             go)

    def go_to(self, text: str) -> bool:
        return False

