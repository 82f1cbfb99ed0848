"""New meeting: kind, title and date; returns them, or None when cancelled."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

NewMeeting = tuple[str, str, dt.date]


def parse_day(text: str) -> dt.date | None:
    """`2026-03-12` or `12/03/2026`."""
    text = text.strip()
    for form in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


class MeetingDialog(ModalScreen[NewMeeting | None]):
    BINDINGS = [Binding("escape", "cancel", "Annuler", id="dialog.cancel",
                        tooltip="Ferme sans rien créer")]

    def __init__(self, kinds: tuple[str, ...], day: dt.date) -> None:
        super().__init__()
        self.kinds = kinds
        self.day = day

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form", id="meeting-dialog"):
            yield Label("[b]Nouvelle réunion[/b] (depuis le modèle de compte rendu)")
            yield Label("Type")
            yield Select([(k, k) for k in self.kinds], value="copil" if "copil" in self.kinds
                         else self.kinds[0], id="kind", allow_blank=False)
            yield Label("Titre")
            yield Input("", placeholder="COPIL n°2", id="title")
            yield Label("Date (JJ/MM/AAAA)")
            yield Input(self.day.strftime("%d/%m/%Y"), id="date")
            yield Static("", id="meeting-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Créer", variant="primary", id="create")
                yield Button("Annuler", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#create")
    def _create(self) -> None:
        title = self.query_one("#title", Input).value.strip()
        day = parse_day(self.query_one("#date", Input).value)
        kind = self.query_one("#kind", Select).value
        error = self.query_one("#meeting-error", Static)
        if not title:
            error.update("Donnez un titre à la réunion.")
            return
        if day is None:
            error.update("Date illisible : écrivez JJ/MM/AAAA.")
            return
        self.dismiss((str(kind), title, day))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
