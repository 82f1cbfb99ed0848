"""Registres: team, stakeholders, governance bodies, objectives, indicators, communication
channels and requirements, each a table of its records; create, edit, duplicate, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from cockpit.tui.safe import cells
from cockpit.tui.screens.base import ViewScreen, record_bindings

if TYPE_CHECKING:
    from cockpit.model import Project
    from cockpit.tui.state import Snapshot

# register name, French title, where the records are, the columns after id and label
SHOWN: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("team", "Équipe", "settings.team", ("role", "availability", "rate")),
    ("stakeholder", "Parties prenantes", "settings.stakeholders",
     ("kind", "interest", "influence")),
    ("governance", "Instances de pilotage", "settings.governance", ("frequency", "members")),
    ("objective", "Objectifs", "settings.objectives", ("indicator", "deadline")),
    ("indicator", "Indicateurs", "indicators", ("unit", "target", "frequency")),
    ("channel", "Communication", "channels", ("sender", "frequency", "audience")),
    ("requirement", "Exigences", "requirements", ("priority", "status", "kind")),
)


def records_of(project: Project, where: str) -> tuple[Any, ...]:
    target: Any = project
    for part in where.split("."):
        target = getattr(target, part)
    return tuple(target)


class RegistersScreen(ViewScreen):
    VIEW = "registers"
    TITLE_FR = "Registres"
    BINDINGS = record_bindings("registers", "un enregistrement")

    def __init__(self) -> None:
        super().__init__()
        self.kind = 0
        self.records: tuple[Any, ...] = ()

    @property
    def REGISTER(self) -> str:  # type: ignore[override]  # noqa: N802 - the view's register
        return SHOWN[self.kind][0]

    def compose_view(self) -> ComposeResult:
        with Horizontal(classes="body split"):
            yield OptionList(*(Option(title, id=name) for name, title, _, _ in SHOWN),
                             id="register-list", classes="side narrow")
            with Vertical(classes="main"):
                yield Static("", id="register-title", classes="hint")
                yield DataTable(id="register-table", cursor_type="row", zebra_stripes=True)

    def show(self, snapshot: Snapshot) -> None:
        self._fill(snapshot)

    def _fill(self, snapshot: Snapshot | None) -> None:
        from cockpit.tui.fields import registers

        if snapshot is None or snapshot.project is None:
            return
        name, title, where, columns = SHOWN[self.kind]
        reg = registers()[name]
        fields = {f.key: f for f in reg.fields}
        self.records = records_of(snapshot.project, where)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        table.add_columns("Id", fields[reg.label_key].label,
                          *(fields[c].label for c in columns))
        table.add_rows(cells(
            r.id, getattr(r, reg.label_key),
            *(fields[c].show(getattr(r, fields[c].attr or c, None)) for c in columns))
            for r in self.records)
        if self.records:
            table.move_cursor(row=min(row, len(self.records) - 1))
        self.query_one("#register-title", Static).update(
            f"{title} — {len(self.records)} dans {reg.file} — ⏎ modifier, n nouveau, "
            "suppr supprimer, ^d dupliquer")

    @on(OptionList.OptionHighlighted, "#register-list")
    def _register(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.kind:
            self.kind = event.option_index
            self.query_one(DataTable).move_cursor(row=0)
            self._fill(self.cockpit.snapshot)

    @on(OptionList.OptionSelected, "#register-list")
    def _to_table(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one(DataTable).focus()

    def current_record(self) -> Any:
        index = self.query_one(DataTable).cursor_row
        return self.records[index] if 0 <= index < len(self.records) else None

    def action_edit(self) -> None:
        if isinstance(self.focused, OptionList):
            self.query_one(DataTable).focus()
            return
        super().action_edit()

    def rows_for_find(self) -> list[tuple[str, str]]:
        from cockpit.tui.fields import registers

        key = registers()[self.REGISTER].label_key
        return [(r.id, str(getattr(r, key))) for r in self.records]
