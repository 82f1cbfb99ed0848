"""Budget: the S-curve (PV, EV, AC) and the earned value table by task."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from cockpit.tui.safe import shown
from cockpit.tui.screens.base import ViewScreen

if TYPE_CHECKING:
    from cockpit.tui.state import Snapshot


NAME = 28  # characters of a task's name (indentation included) before « … »


class BudgetScreen(ViewScreen):
    VIEW = "budget"
    TITLE_FR = "Budget"

    def compose_view(self) -> ComposeResult:
        from cockpit.tui.widgets.charts import SCurve

        with Vertical(classes="body"):
            yield Static("", id="budget-summary", classes="hint")
            yield SCurve(id="s-curve")
            yield DataTable(id="evm-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        super().on_mount()
        # most useful first: at 80 columns progress, SPI, CPI, BAC and EAC stay on screen
        self.query_one(DataTable).add_columns(
            "Code", "Tâche", "Avanc.", "SPI", "CPI", "BAC", "EAC", "VP", "VA", "CR")

    def show(self, snapshot: Snapshot) -> None:
        from rich.markup import escape

        from cockpit import french as fr
        from cockpit.steering.dashboard import unrecorded_labour_sentence
        from cockpit.tui.widgets.charts import SCurve

        project, evm, schedule = snapshot.project, snapshot.evm, snapshot.schedule
        assert project is not None
        cur = project.settings.project.currency
        if evm is None or schedule is None:
            self.query_one("#budget-summary", Static).update("Valeur acquise indisponible.")
            return
        e = evm.project
        self.query_one("#budget-summary", Static).update(shown(
            f"Au {fr.date(evm.status_date)} : BAC {fr.money(e.bac, cur, 0)}, enveloppe "
            f"{fr.money(project.budget.envelope, cur, 0)} dont provision "
            f"{fr.money(project.budget.contingency, cur, 0)} — VP {fr.money(e.pv, cur, 0)}, VA "
            f"{fr.money(e.ev, cur, 0)}, CR {fr.money(e.ac, cur, 0)} — SPI {fr.ratio(e.spi)}, "
            f"CPI {fr.ratio(e.cpi)}, EAC {fr.money(e.eac, cur, 0)} ({e.eac_method.french}), "
            f"VAC {fr.money(e.vac, cur, 0)}") + (
                f"\n[yellow]{escape(unrecorded_labour_sentence(evm.unrecorded_labour))}[/]"
                if evm.unrecorded_labour else ""))
        curve = snapshot.curve
        self.query_one(SCurve).replot(
            [p.date for p in curve], [float(p.pv) for p in curve],
            [float(p.ev) if p.ev is not None else None for p in curve],
            [float(p.ac) if p.ac is not None else None for p in curve],
            evm.status_date, fr.CURRENCY_SYMBOLS.get(cur, cur))
        table = self.query_one(DataTable)
        table.clear()
        from cockpit.schedule.cpm import wbs_order

        ordered = wbs_order(schedule.tasks)
        rows = [("", "[b]Projet[/b]", *map(shown, self._cells(e, None, cur)))]
        for task in ordered:
            value = evm.tasks.get(task.id)
            if value is None or (value.bac == 0 and value.ac == 0):
                continue
            name = f"{'  ' * task.level}{task.name}"
            name = shown(name if len(name) <= NAME else name[:NAME - 1] + "…")
            rows.append((task.wbs, f"[b]{name}[/b]" if task.summary else name,
                         *map(shown, self._cells(value, evm.percent.get(task.id), cur))))
        table.add_rows(rows)

    @staticmethod
    def _cells(e: object, percent: object, cur: str) -> tuple[str, ...]:
        from cockpit import french as fr

        value = e  # an Evm
        return (fr.percent(percent if percent is not None
                           else value.percent_complete),  # type: ignore[attr-defined]
                fr.ratio(value.spi), fr.ratio(value.cpi),  # type: ignore[attr-defined]
                fr.money(value.bac, cur, 0), fr.money(value.eac, cur, 0),  # type: ignore[attr-defined]
                fr.money(value.pv, cur, 0), fr.money(value.ev, cur, 0),  # type: ignore[attr-defined]
                fr.money(value.ac, cur, 0))  # type: ignore[attr-defined]
