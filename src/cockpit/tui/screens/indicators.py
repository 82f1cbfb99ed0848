"""Indicateurs: each KPI's measures against its target; add a measure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from cockpit.printable import printable
from cockpit.tui.safe import shown
from cockpit.tui.screens.base import ViewScreen

if TYPE_CHECKING:
    from cockpit.steering.indicators import IndicatorView
    from cockpit.tui.state import Snapshot


class IndicatorsScreen(ViewScreen):
    VIEW = "indicators"
    TITLE_FR = "Indicateurs"
    BINDINGS = [Binding("n", "measure", "Nouvelle mesure", id="indicators.measure",
                        tooltip="Ajoute une mesure à measures.csv")]

    def __init__(self) -> None:
        super().__init__()
        self.views: list[IndicatorView] = []

    def compose_view(self) -> ComposeResult:
        from cockpit.tui.widgets.charts import TrendChart

        with Horizontal(classes="body split"):
            yield OptionList(id="indicator-list", classes="side")
            with Vertical(classes="main"):
                yield TrendChart(id="trend")
                yield Static("", id="indicator-detail", classes="panel")

    def show(self, snapshot: Snapshot) -> None:
        from cockpit.steering import indicators as steering

        project = snapshot.project
        assert project is not None
        self.views = list(steering.views(project, snapshot.status_date))
        options = self.query_one(OptionList)
        highlighted = options.highlighted or 0
        options.clear_options()
        options.add_options(Option(self._label(v), id=v.id) for v in self.views)
        if self.views:
            options.highlighted = min(highlighted, len(self.views) - 1)
            self._show(options.highlighted)
        else:
            self.query_one("#indicator-detail", Static).update("Aucun indicateur (indicators.toml).")
        options.focus()

    @staticmethod
    def _label(v: IndicatorView) -> str:
        mark = "[green]●[/]" if v.on_target else "[red]●[/]" if v.off_track else "●"
        return f"{mark} {shown(v.id)} {shown(v.indicator.name)} {v.trend.arrow}"

    @on(OptionList.OptionHighlighted, "#indicator-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option_index)

    def _show(self, index: int | None) -> None:
        from cockpit import french as fr
        from cockpit.tui.widgets.charts import TrendChart

        if index is None or not 0 <= index < len(self.views):
            return
        v = self.views[index]
        k = v.indicator
        self.query_one(TrendChart).replot(printable(k.name), printable(k.unit), [m.date for m in v.measures],
                                          [m.value for m in v.measures], k.target, k.baseline)
        unit = f" {shown(k.unit)}" if k.unit else ""
        latest = f"{_num(v.latest.value)}{unit} le {fr.date(v.latest.date)}" \
            if v.latest else "aucune mesure"
        text = (f"[b]{shown(k.id)} — {shown(k.name)}[/b] ({shown(k.frequency or 'fréquence ?')}, "
                f"{shown(k.owner or '?')})\n"
                f"Situation initiale {_num(k.baseline)}{unit}, cible "
                f"{_num(k.target)}{unit} — dernière mesure : {latest} — tendance "
                f"{v.trend.french}")
        if v.attainment is not None:
            text += f" — atteinte {fr.share(v.attainment)}"
        if v.off_track_since is not None:
            text += f"\n[red]Hors trajectoire depuis le {fr.date(v.off_track_since.date)}[/]"
        if v.late:
            text += f"\n[yellow]Mesure attendue depuis le {fr.date(v.next_due)}[/]"
        self.query_one("#indicator-detail", Static).update(text)

    def action_measure(self) -> None:
        """Ask the value and its day (the status date until the user changes it), both
        checked as they are typed, then add the row to measures.csv."""
        from cockpit.tui.dialogs.record_form import RecordForm
        from cockpit.tui.edits import add_measure
        from cockpit.tui.fields import Field, show_day

        index = self.query_one(OptionList).highlighted
        snapshot = self.cockpit.snapshot
        if index is None or not 0 <= index < len(self.views) or snapshot is None:
            return
        k = self.views[index].indicator
        files = self.cockpit.edit_files()

        def save(values: dict[str, object] | None) -> None:
            if values:
                self.cockpit.edit(f"Mesure de {k.id}", add_measure(
                    k.id, values["date"], values["value"],  # type: ignore[arg-type]
                    str(values.get("comment", ""))), files=files)

        self.app.push_screen(RecordForm(
            f"Nouvelle mesure — {k.id} {k.name}",
            (Field("value", f"Valeur{f' ({k.unit})' if k.unit else ''}", "number",
                   required=True, hint="165 ou 12,5"),
             Field("date", "Date", "date", required=True),
             Field("comment", "Commentaire")),
            {"date": show_day(snapshot.status_date)}, {}, new=True,
            note="Une ligne ajoutée à measures.csv, à la date indiquée "
                 "(la date d'état tant que vous ne la changez pas)."), save)


def _num(value: float | None) -> str:
    from cockpit import french as fr

    return fr.number(value, 0 if value is None or float(value).is_integer() else 2)
