"""`cockpit status [DIR] [--format json]`: the project on one screen, or every figure as JSON."""

from __future__ import annotations

import argparse
import json
from typing import Any

from cockpit.cli.common import add_date, read_state

EXIT_OK, EXIT_UNUSABLE = 0, 2


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "status", help="résumé du projet sur un écran (ou JSON)",
        description="Avancement, valeur acquise, échéance, risques principaux, actions en retard, "
        "indicateurs et écarts à analyser, à la date d'état. --format json donne tous les "
        "chiffres (clés anglaises, nombres bruts) pour les scripts et la CI.")
    parser.add_argument("dir", nargs="?", default=".", help="dossier du projet (défaut : .)")
    parser.add_argument("--format", choices=("human", "json"), default="human",
                        help="human (défaut) ou json")
    add_date(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cockpit.report.summary import as_dict

    state = read_state(args.dir, args.today, args.date)
    if state is None:
        return EXIT_UNUSABLE
    board = state.dashboard
    if args.format == "json":
        print(json.dumps(as_dict(board), ensure_ascii=False, indent=2))
        return EXIT_OK
    show(board)
    return EXIT_OK


def show(board: Any) -> None:
    from rich import box
    from rich.columns import Columns
    from rich.console import Group
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table

    from cockpit import french
    from cockpit.cli.console import console as pipe_console
    from cockpit.steering.actions import closure_rate, overdue
    from cockpit.steering.dashboard import unrecorded_labour_sentence
    from cockpit.steering.risks import top_risks

    project = board.project
    info = project.settings.project
    cur = info.currency
    e = board.evm.project
    schedule = board.schedule
    m = french.money

    def index_style(value: Any) -> str:
        return "dim" if value is None else "red" if value < 0.9 else "yellow" if value < 1 else "green"

    figures = Table.grid(padding=(0, 1))
    figures.add_column(style="bold")
    figures.add_column(justify="right")
    figures.add_row("Avancement", french.percent(e.percent_complete, 1))
    figures.add_row("PV / EV / AC", f"{m(e.pv, cur)} / {m(e.ev, cur)} / {m(e.ac, cur)}")
    figures.add_row("SPI", f"[{index_style(e.spi)}]{french.ratio(e.spi)}[/]")
    figures.add_row("CPI", f"[{index_style(e.cpi)}]{french.ratio(e.cpi)}[/]")
    figures.add_row("BAC → EAC", f"{m(e.bac, cur)} → {m(e.eac, cur)}")
    figures.add_row("VAC", f"[{'red' if e.vac < 0 else 'green'}]{m(e.vac, cur)}[/]")
    if project.budget.envelope is not None:
        figures.add_row("Enveloppe", m(project.budget.envelope, cur))
    if board.evm.unrecorded_labour:
        figures.add_row("[yellow]Attention[/]", "[yellow]" + escape(unrecorded_labour_sentence(
            board.evm.unrecorded_labour, shown=3)) + "[/]")

    dates = Table.grid(padding=(0, 1))
    dates.add_column(style="bold")
    dates.add_column()
    dates.add_row("Début", french.date(schedule.start))
    late = f" [red](+{schedule.late} j)[/]" if schedule.late else ""
    dates.add_row("Fin prévue", french.date(schedule.finish) + late)
    dates.add_row("Échéance", french.date(info.deadline))
    dates.add_row("Tâches critiques", str(len(schedule.critical_path)))
    dates.add_row("Phase", info.phase.value)

    risks = Table(box=box.SIMPLE, show_edge=False, pad_edge=False)
    for column in ("Risque", "Crit.", "Tend.", "Intitulé"):
        risks.add_column(column)
    for r in top_risks(board.risks):
        colour = {"critical": "red", "high": "dark_orange", "moderate": "yellow"}.get(
            r.level.value if r.level else "", "green")
        risks.add_row(escape(r.id), f"[{colour}]{r.criticality}/{r.scale}[/]", r.trend.arrow,
                      escape(r.risk.title[:40]))

    late_actions = overdue(board.actions)
    actions = Table(box=box.SIMPLE, show_edge=False, pad_edge=False)
    for column in ("Action", "Qui", "Retard", "Quoi"):
        actions.add_column(column)
    for a in late_actions[:5]:
        actions.add_row(escape(a.id), escape(a.action.who or "—"), f"{a.days_late} j",
                        escape(a.action.what[:40]))

    indicators = Table(box=box.SIMPLE, show_edge=False, pad_edge=False)
    for column in ("Ind.", "Dernière", "Cible", "Tend.", "État"):
        indicators.add_column(column)
    for k in board.indicators[:6]:
        state = ("[green]atteinte[/]" if k.on_target else "[red]hors trajectoire[/]"
                 if k.off_track else "en cours" if k.on_target is not None else "—")
        if k.late:
            state += " [yellow]mesure en retard[/]"
        indicators.add_row(escape(k.id), french.number(k.latest.value, 2) if k.latest else "—",
                           french.number(k.indicator.target, 2), k.trend.arrow, state)

    console = pipe_console()
    console.print(f"[bold]{escape(info.title)}[/] ({escape(info.id)}) — situation au "
                  f"{french.long_date(board.status_date)}")
    console.print(Columns([Panel(figures, title="Valeur acquise"),
                           Panel(dates, title="Planning")]))
    console.print(Columns([
        Panel(risks, title="Risques principaux"),
        Panel(Group(f"{len(late_actions)} en retard · clôture "
                    f"{french.share(closure_rate(board.actions))}", actions),
              title="Actions en retard"),
    ]))
    if board.indicators:
        console.print(Panel(indicators, title="Indicateurs"))
    pending = [v for v in board.variances if not v.analysed_by]
    if pending:
        console.print(Panel("\n".join(f"• {escape(v.message)}" for v in pending[:5]),
                            title=f"Écarts à analyser ({len(pending)})", border_style="red"))
