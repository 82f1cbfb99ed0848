"""A one-field dialog: edit a value, Enter to save, Escape to cancel; returns the text or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from cockpit.tui.safe import shown


class EditValueDialog(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Annuler", id="dialog.cancel",
                        tooltip="Ferme sans rien enregistrer")]

    def __init__(self, title: str, value: str, hint: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form", id="edit-value"):
            yield Label(f"[b]{shown(self.title_text)}[/b]")
            yield Input(self.value, placeholder=self.placeholder, id="value")
            yield Static(self.hint + "\nEntrée : enregistrer — Échap : annuler", classes="hint")

    @on(Input.Submitted, "#value")
    def _submit(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
