"""Yes or no: a deletion asks first (frogmouth's yes/no dialog, in French)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from cockpit.tui.safe import shown


class ConfirmDialog(ModalScreen[bool]):
    BINDINGS = [
        Binding("escape,n", "no", "Non", id="confirm.no", tooltip="Ne rien faire"),
        Binding("o,y", "yes", "Oui", id="confirm.yes", tooltip="Confirmer"),
    ]

    def __init__(self, question: str, detail: str = "", yes: str = "Supprimer") -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form", id="confirm-dialog"):
            yield Label(f"[b]{shown(self.question)}[/b]")
            if self.detail:
                yield Static(shown(self.detail), classes="hint")
            yield Static("o : oui — n ou Échap : non — ctrl+z annule ensuite la suppression",
                         classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(self.yes, variant="error", id="yes")
                yield Button("Garder", variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def action_yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_no(self) -> None:
        self.dismiss(False)
