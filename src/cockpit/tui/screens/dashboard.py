"""Tableau de bord: the project at a glance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.widgets import Static

from cockpit.tui.safe import shown
from cockpit.tui.screens.base import ViewScreen

if TYPE_CHECKING:
    from cockpit.tui.state import Snapshot

PANELS = (("schedule", "Planning et jalons"), ("progress", "Avancement et budget"),
          ("risks", "Risques majeurs"), ("actions", "Actions en retard"),
          ("gaps", "Écarts au référentiel"), ("diagnostics", "Diagnostics"))


class DashboardScreen(ViewScreen):
    VIEW = "dashboard"
    TITLE_FR = "Tableau de bord"

    def compose_view(self) -> ComposeResult:
        with VerticalScroll(classes="body", id="dashboard"):
            yield Static("", id="dash-title")
            with Grid(id="dashboard-grid"):  # one scroll view only: no scrollbar flip-flop
                for name, title in PANELS:
                    panel = Static("", id=f"dash-{name}", classes="panel")
                    panel.border_title = title
                    yield panel

    def show(self, snapshot: Snapshot) -> None:
        from cockpit import french as fr

        project = snapshot.project
        errors, warnings = snapshot.count("error"), snapshot.count("warning")
        self.query_one("#dash-diagnostics", Static).update(
            f"{fr.count(errors, 'erreur')}, {fr.count(warnings, 'avertissement')}  — touche d"
            + ("".join(f"\n[dim]En attente : {shown(w)}[/]" for w in snapshot.waiting)))
        if project is None:
            return
        info = project.settings.project
        self.query_one("#dash-title", Static).update(
            f"[b]{shown(info.title)}[/b]  ({shown(info.id)}) — phase {info.phase.value}, "
            f"date d'état {fr.date(snapshot.status_date)}")
        schedule = snapshot.schedule
        lines: list[str] = []
        if schedule is not None:
            late = schedule.late
            lines.append(f"Début {fr.date(schedule.start)}, fin prévue {fr.date(schedule.finish)}"
                         + (f", échéance {fr.date(schedule.deadline)}" if schedule.deadline else ""))
            if late:
                lines.append(f"[b red]Retard sur l'échéance : {fr.days(late)}[/]")
            milestones = [t for t in schedule.tasks if t.milestone]
            for task in milestones[:6]:
                mark = "✔" if task.finished else ("[red]◆[/]" if task.critical else "◆")
                lines.append(f" {mark} {fr.date(task.finish)}  {shown(task.name)}")
        self.query_one("#dash-schedule", Static).update("\n".join(lines) or "Aucune tâche.")
        evm = snapshot.evm
        if evm is not None:
            e = evm.project
            cur = info.currency
            self.query_one("#dash-progress", Static).update(
                f"Avancement {fr.percent(e.percent_complete, 0)} — consommé "
                f"{fr.percent(e.percent_spent, 0)}\n"
                f"BAC {fr.money(e.bac, cur, 0)}, enveloppe "
                f"{fr.money(project.budget.envelope, cur, 0)}\n"
                f"VP {fr.money(e.pv, cur, 0)}  VA {fr.money(e.ev, cur, 0)}  "
                f"CR {fr.money(e.ac, cur, 0)}\n"
                f"SPI {_index(fr.ratio(e.spi), e.spi)}   CPI {_index(fr.ratio(e.cpi), e.cpi)}   "
                f"EAC {fr.money(e.eac, cur, 0)}")
        else:
            self.query_one("#dash-progress", Static).update("Valeur acquise indisponible.")
        from cockpit.steering import actions as steering_actions
        from cockpit.steering import risks as steering_risks

        risks = steering_risks.top_risks(steering_risks.views(project, snapshot.status_date))
        self.query_one("#dash-risks", Static).update("\n".join(
            f"{shown(r.id):>4} [b]{r.criticality:>3}[/b] {r.level.french if r.level else ''} "
            f"{r.trend.arrow} {shown(r.risk.title)}" for r in risks) or "Aucun risque actif.")
        overdue = steering_actions.overdue(
            steering_actions.views(project, snapshot.status_date))
        self.query_one("#dash-actions", Static).update("\n".join(
            f"[red]{shown(a.id):>4}[/] +{a.days_late} j @{shown(a.action.who or '?')} {shown(a.action.what)}"
            for a in overdue[:6]) or "Aucune action en retard.")
        gaps = snapshot.gaps
        if gaps is None:
            text = "Analyse des écarts indisponible." if project.settings.project.referential \
                else "Aucun référentiel choisi (cockpit.toml, [project] referential)."
        else:
            from cockpit.referentials.gaps import Status

            text = f"{shown(gaps.referential_title)}\n" + "  ".join(
                f"{s.french} {gaps.count(s)}" for s in Status)
        self.query_one("#dash-gaps", Static).update(text)


def _index(text: str, value: object) -> str:
    if value is None:
        return text
    return f"[green]{text}[/]" if float(value) >= 1 else f"[red]{text}[/]"  # type: ignore[arg-type]
