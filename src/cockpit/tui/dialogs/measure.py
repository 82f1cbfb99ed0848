"""Add a measure of an indicator: date, value, comment; returns them or None."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from cockpit.tui.fields import parse_day, parse_number
from cockpit.tui.safe import shown

NewMeasure = tuple[dt.date, Decimal, str]


class MeasureDialog(ModalScreen[NewMeasure | None]):
    BINDINGS = [Binding("escape", "cancel", "Annuler", id="dialog.cancel",
                        tooltip="Ferme sans rien enregistrer")]

    def __init__(self, title: str, unit: str, day: dt.date) -> None:
        super().__init__()
        self.title_text = title
        self.unit = unit
        self.day = day

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form", id="measure-dialog"):
            yield Label(f"[b]Nouvelle mesure[/b] — {shown(self.title_text)}")
            yield Label(f"Valeur{f' ({shown(self.unit)})' if self.unit else ''}")
            yield Input("", id="value", placeholder="165")
            yield Label("Date (JJ/MM/AAAA)")
            yield Input(self.day.strftime("%d/%m/%Y"), id="date")
            yield Label("Commentaire")
            yield Input("", id="comment")
            yield Static("", id="measure-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Ajouter", variant="primary", id="add")
                yield Button("Annuler", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#value", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#add")
    def _add(self) -> None:
        error = self.query_one("#measure-error", Static)
        try:
            value = parse_number(self.query_one("#value", Input).value)
        except ValueError:
            error.update("Valeur illisible : un nombre, par exemple 165 ou 12,5.")
            return
        try:
            day = parse_day(self.query_one("#date", Input).value)
        except ValueError as problem:
            error.update(f"{str(problem).capitalize()}.")
            return
        self.dismiss((day, value, self.query_one("#comment", Input).value.strip()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
