"""Edit a risk: probability, impact, status, strategy, response; returns the changed values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from cockpit.tui.safe import shown

if TYPE_CHECKING:
    from cockpit.model import Risk


class RiskDialog(ModalScreen[dict[str, object] | None]):
    BINDINGS = [Binding("escape", "cancel", "Annuler", id="dialog.cancel",
                        tooltip="Ferme sans rien enregistrer")]

    def __init__(self, risk: Risk, statuses: tuple[str, ...], strategies: tuple[str, ...]) -> None:
        super().__init__()
        self.risk = risk
        self.statuses = statuses
        self.strategies = strategies

    def compose(self) -> ComposeResult:
        r = self.risk
        with Vertical(classes="dialog form", id="risk-dialog"):
            yield Label(f"[b]Risque {shown(r.id)}[/b] — {shown(r.title)}")
            with Horizontal(classes="buttons"):
                with Vertical():
                    yield Label("Probabilité (1 à 5)")
                    yield Input(str(r.probability or ""), id="probability", type="integer")
                with Vertical():
                    yield Label("Impact (1 à 5)")
                    yield Input(str(r.impact or ""), id="impact", type="integer")
            yield Label("Statut")
            yield Select([(s, s) for s in self.statuses], value=r.status
                         if r.status in self.statuses else Select.BLANK, id="status",
                         allow_blank=r.status not in self.statuses)
            yield Label("Stratégie")
            yield Select([(s, s) for s in self.strategies], value=r.strategy
                         if r.strategy in self.strategies else Select.BLANK, id="strategy")
            yield Label("Réponse")
            yield Input(r.response, id="response")
            yield Static("", id="risk-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Enregistrer", variant="primary", id="save")
                yield Button("Annuler", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        values: dict[str, object] = {}
        for key in ("probability", "impact"):
            text = self.query_one(f"#{key}", Input).value.strip()
            if not text.isdigit() or not 1 <= int(text) <= 5:
                self.query_one("#risk-error", Static).update(
                    f"{'Probabilité' if key == 'probability' else 'Impact'} : un entier de 1 à 5.")
                return
            if int(text) != getattr(self.risk, key):
                values[key] = int(text)
        for key in ("status", "strategy"):
            value = self.query_one(f"#{key}", Select).value
            if isinstance(value, str) and value != getattr(self.risk, key):
                values[key] = value
        response = self.query_one("#response", Input).value.strip()
        if response != self.risk.response:
            values["response"] = response or None
        self.dismiss(values)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
