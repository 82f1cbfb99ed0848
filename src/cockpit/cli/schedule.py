"""`cockpit schedule [DIR]`: the planning table and Gantt, the weekly load, levelling, variances.

Human output is French (rich); `--format json` and `--format csv` are for scripts. Rich is
imported only for human output, so JSON stays fast on large plans.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cockpit.model.immutable import immutable
from cockpit.printable import formula_safe

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from cockpit.model import Project
    from cockpit.schedule import Schedule
    from cockpit.schedule.baseline import Baseline, BaselineVariance
    from cockpit.schedule.levelling import Levelling
    from cockpit.schedule.load import Load

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2
NARROW = 120  # below this width the table keeps the columns that matter most

CSV_COLUMNS = ("wbs", "id", "name", "start", "finish", "late_start", "late_finish", "duration",
               "total_float", "free_float", "critical", "milestone", "summary")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "schedule", help="planning : dates au plus tôt et au plus tard, marges, chemin critique",
        description="Calcule le planning (méthode du chemin critique) à partir de wbs.toml et du "
        "calendrier de cockpit.toml : tableau des tâches avec code WBS, dates au plus tôt et au "
        "plus tard, marges totale et libre, tâches critiques, puis le diagramme de Gantt. "
        "Ne modifie aucun fichier, sauf --level --write.")
    parser.add_argument("dir", nargs="?", default=".", help="dossier du projet (défaut : .)")
    parser.add_argument("--format", choices=("human", "json", "csv"), default="human",
                        help="human (défaut), json ou csv")
    view = parser.add_mutually_exclusive_group()
    view.add_argument("--gantt", action="store_true", help="le diagramme de Gantt seul")
    view.add_argument("--no-gantt", action="store_true", help="le tableau seul, sans Gantt")
    view.add_argument("--load", action="store_true",
                      help="charges semaine par semaine de chaque ressource, et les surcharges")
    view.add_argument("--level", action="store_true",
                      help="lissage : décale des tâches pour supprimer les surcharges (liste "
                      "les décalages ; n'écrit rien sans --write)")
    parser.add_argument("--write", action="store_true",
                        help="avec --level : écrit les dates de début au plus tôt "
                        "(start_no_earlier_than) des tâches décalées dans wbs.toml")
    reference = parser.add_mutually_exclusive_group()
    reference.add_argument("--baseline", metavar="NOM",
                           help="écarts par rapport à la référence enregistrée NOM "
                           "(cockpit baseline save NOM)")
    reference.add_argument("--against", metavar="REV",
                           help="écarts par rapport au planning d'une révision git (HEAD~3, v1…)")
    parser.add_argument("--width", type=int, default=0,
                        help="largeur du Gantt en colonnes (défaut : celle du terminal)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cockpit.cli.common import read_state

    root = Path(args.dir)
    if args.write and not args.level:
        print("cockpit : --write ne s'emploie qu'avec --level.", file=sys.stderr)
        return EXIT_UNUSABLE
    state = read_state(args.dir, args.today)
    if state is None:
        return EXIT_UNUSABLE
    project = state.project
    if args.level:
        return run_level(args, root, project)
    schedule = state.schedule
    if args.load:
        load = state.load
        if args.format == "json":
            _print_json(load_json(load))
        elif args.format == "csv":
            sys.stdout.write(load_csv(load))
        else:
            show_load(load, _console())
        return EXIT_OK
    baseline = None
    if args.baseline or args.against:
        baseline = _reference(args, root, project)
        if baseline is None:
            return EXIT_UNUSABLE
    if args.format == "json":
        _print_json(schedule_json(schedule, baseline))
    elif args.format == "csv":
        sys.stdout.write(schedule_csv(schedule, baseline))
    else:
        console = _console(args.width)
        status = state.status_date
        if not args.gantt:
            show_table(schedule, baseline, console)
        if not args.no_gantt:
            console.print(gantt(schedule, status, args.width or console.width, baseline))
        show_problems(schedule, console)
    return EXIT_OK


def _console(width: int = 0) -> Console:
    from cockpit.cli.console import console

    # Piped output is not cut at 80 columns (the table needs about 130), unless COLUMNS
    # gives the width, as Rich reads it on a terminal.
    told = os.environ.get("COLUMNS", "").isdigit()
    return console(width=width or (None if sys.stdout.isatty() or told else 150))


def _print_json(data: object) -> None:
    # No indent: the C encoder is several times faster on 10,000 tasks (pipe to jq to read).
    sys.stdout.write(json.dumps(data, ensure_ascii=False))
    sys.stdout.write("\n")


def _reference(args: argparse.Namespace, root: Path, project: Project) -> Baseline | None:
    from cockpit.schedule import compute_schedule
    from cockpit.schedule.baseline import (
        BaselineError,
        baseline_of,
        load_baseline,
        plan_at_revision,
    )

    try:
        if args.baseline:
            return load_baseline(root, args.baseline)
        then = plan_at_revision(root, args.against,
                                lambda folder: _project_at(folder, args.today))
    except BaselineError as error:
        print(f"cockpit : {error}", file=sys.stderr)
        return None
    return baseline_of(compute_schedule(then), args.against)


def _project_at(root: Path, today: dt.date) -> Project:
    from cockpit.schedule.baseline import BaselineError
    from cockpit.state import ProjectState, Unreadable

    try:
        return ProjectState.read(root, today).project
    except Unreadable:
        raise BaselineError("cockpit.toml illisible à cette révision") from None


# -- the schedule ------------------------------------------------------------------------

def _variance_map(schedule: Schedule, baseline: Baseline | None) -> dict[str, BaselineVariance]:
    from cockpit.schedule.baseline import variances

    return {} if baseline is None else {v.task: v for v in variances(schedule, baseline)}


def schedule_json(schedule: Schedule, baseline: Baseline | None = None) -> dict[str, Any]:
    data = schedule.to_json()
    if baseline is not None:
        from cockpit.schedule.baseline import finish_variance

        by_task = _variance_map(schedule, baseline)
        project = data["project"]
        assert isinstance(project, dict)
        project["baseline"] = {
            "name": baseline.name,
            "finish": baseline.finish.isoformat() if baseline.finish else None,
            "finish_variance": finish_variance(schedule, baseline),
        }
        rows = data["tasks"]
        assert isinstance(rows, list)
        for row in rows:
            v = by_task[row["id"]]
            row["baseline_start"] = v.reference_start.isoformat() if v.reference_start else None
            row["baseline_finish"] = (v.reference_finish.isoformat() if v.reference_finish
                                      else None)
            row["start_variance"] = v.start_variance
            row["finish_variance"] = v.finish_variance
    return data


def schedule_csv(schedule: Schedule, baseline: Baseline | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    extra = ("baseline_start", "baseline_finish", "start_variance", "finish_variance")
    writer.writerow(CSV_COLUMNS + (extra if baseline else ()))
    by_task = _variance_map(schedule, baseline)
    for t in schedule.tasks:
        row: list[object] = [t.wbs, t.id, t.name, t.start, t.finish, t.late_start,
                             t.late_finish, t.duration, t.total_float, t.free_float,
                             str(t.critical).lower(), str(t.milestone).lower(),
                             str(t.summary).lower()]
        if baseline is not None:
            v = by_task[t.id]
            row += [v.reference_start or "", v.reference_finish or "",
                    "" if v.start_variance is None else v.start_variance,
                    "" if v.finish_variance is None else v.finish_variance]
        writer.writerow(map(formula_safe, row))
    return out.getvalue()


def show_table(schedule: Schedule, baseline: Baseline | None, console: Console) -> None:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    from cockpit import french
    from cockpit.schedule.cpm import wbs_order

    table = Table(box=box.SIMPLE_HEAD, title="Planning", title_justify="left",
                  caption="Marges en jours ouvrés ; en rouge : tâches critiques "
                  "(marge totale ≤ 0).", caption_justify="left")
    narrow = console.width < NARROW  # 80 columns: late dates and free float left out
    table.add_column("WBS", no_wrap=True)
    table.add_column("Tâche", no_wrap=True, overflow="ellipsis", max_width=22 if narrow else 44)
    headers = ("Durée", "Début", "Fin", "Marge") if narrow else (
        "Durée", "Début", "Fin", "Début au\nplus tard", "Fin au\nplus tard", "Marge\ntotale",
        "Marge\nlibre")
    for header in headers:
        table.add_column(header, justify="right", no_wrap=True)
    table.add_column("Crit." if narrow else "Critique", justify="center", no_wrap=True)
    if baseline is not None:
        table.add_column(f"Écart début / {escape(baseline.name)}", justify="right")
        table.add_column("Écart fin", justify="right")
    by_task = _variance_map(schedule, baseline)

    def day(value: dt.date) -> str:
        return value.strftime("%d/%m/%y") if narrow else french.date(value)

    for t in wbs_order(schedule.tasks):
        name = "  " * t.level + ("◆ " if t.milestone else "") + escape(t.name)
        style = "bold" if t.summary else ""
        if t.critical and not t.summary:
            style += " red"
        cells = [t.wbs, name, "" if t.milestone else french.days(t.duration),
                 day(t.start), day(t.finish)]
        if not narrow:
            cells += [day(t.late_start), day(t.late_finish)]
        cells.append(french.days(t.total_float))
        if not narrow:
            cells.append(french.days(t.free_float))
        cells.append("oui" if t.critical else "")
        if baseline is not None:
            v = by_task[t.id]
            cells += [_variance(v.start_variance), _variance(v.finish_variance)]
        table.add_row(*cells, style=style.strip() or None)
    if narrow:
        table.caption = ("Marge totale en jours ouvrés ; en rouge : tâches critiques. Dates au "
                         "plus tard et marges libres : --width 120 ou --format csv.")
    console.print(table)
    finish = f"Fin prévue le {french.date(schedule.finish)}"
    if schedule.deadline is not None:
        finish += f", échéance le {french.date(schedule.deadline)}"
        if schedule.late:
            finish += f" : [bold red]{schedule.late} j de retard[/]"
    if baseline is not None and baseline.finish is not None:
        from cockpit.schedule.baseline import finish_variance

        finish += (f" ; référence « {escape(baseline.name)} » : {french.date(baseline.finish)} "
                   f"({_variance(finish_variance(schedule, baseline))})")
    console.print(finish + ".")
    if schedule.critical_path:
        console.print("Chemin critique : " + " → ".join(schedule.critical_path), markup=False)


def _variance(value: int | None) -> str:
    if value is None:
        return "nouvelle"
    if value == 0:
        return "0 j"
    colour = "red" if value > 0 else "green"
    return f"[{colour}]{value:+d} j[/]"


def show_problems(schedule: Schedule, console: Console) -> None:
    if not schedule.problems:
        return
    console.print("[bold yellow]Problèmes du planning[/] (le reste est planifié ; "
                  "« cockpit check » donne les lignes) :")
    for problem in schedule.problems:
        console.print(f"  • {problem.message}", markup=False)


# -- the Gantt ---------------------------------------------------------------------------

@immutable
class _Scale:
    first: dt.date
    days_per_column: int
    columns: int

    def column(self, day: dt.date) -> int:
        return (day - self.first).days // self.days_per_column


def gantt(schedule: Schedule, status: dt.date | None, width: int,
          baseline: Baseline | None = None) -> Text:
    """Bars per task (critical in red, summaries as brackets, milestones ◆), the status date,
    and under each task its bar in the baseline (░, ◇ for a milestone) when one is given."""
    from rich.text import Text

    from cockpit import french
    from cockpit.schedule.cpm import wbs_order

    tasks = wbs_order(schedule.tasks)
    if not tasks:
        return Text("Aucune tâche à planifier.")
    references = {v.task: (v.reference_start, v.reference_finish)
                  for v in _variance_map(schedule, baseline).values()
                  if v.reference_start is not None and v.reference_finish is not None}
    label_width = min(36, max(len(f"{t.wbs} {'  ' * t.level}{t.name}") for t in tasks) + 1)
    first = min([t.start for t in tasks] + [start for start, _ in references.values()])
    first -= dt.timedelta(days=first.weekday())  # columns start on a Monday
    last = max([t.finish for t in tasks] + [finish for _, finish in references.values()])
    span = (last - first).days + 1
    room = max(20, width - label_width - 1)
    per = 1
    for candidate in (1, 2, 3, 7, 14, 28, 56, 91):
        per = candidate
        if -(-span // candidate) <= room:
            break
    scale = _Scale(first, per, -(-span // per))
    out = Text()
    out.append(f"Diagramme de Gantt — 1 colonne = {per} jour{'s' if per > 1 else ''}",
               style="bold")
    out.append("   █ tâche  ", style="cyan")
    out.append("█ critique  ", style="red")
    out.append("◆ jalon  ▕━▏ tâche récapitulative  ")
    if baseline is not None:
        out.append(f"░ référence « {baseline.name} »  ", style="dim")
    out.append("│ date d'état\n", style="yellow")
    out.append(_ruler(scale, label_width))
    status_col = scale.column(status) if status is not None and first <= status <= last \
        else -1
    for t in tasks:
        label = f"{t.wbs} {'  ' * t.level}{t.name}"
        if len(label) > label_width - 1:
            label = label[: label_width - 2] + "…"
        out.append(label.ljust(label_width), style="bold" if t.summary else "")
        cells = [" "] * scale.columns
        styles = [""] * scale.columns
        colour = "red" if t.critical and not t.summary else "cyan"
        a, b = scale.column(t.start), scale.column(t.finish)
        if t.milestone:
            cells[a], styles[a] = "◆", "bold " + colour
        elif t.summary:
            for c in range(a, b + 1):
                cells[c], styles[c] = "━", "bold"
            cells[a] = "▕" if a != b else "━"
            cells[b] = "▏" if a != b else "━"
        else:
            for c in range(a, b + 1):
                cells[c], styles[c] = "█", colour
        if 0 <= status_col < scale.columns and cells[status_col] == " ":
            cells[status_col], styles[status_col] = "│", "yellow"
        for cell, style in zip(cells, styles, strict=True):
            out.append(cell, style=style)
        out.append("\n")
        if t.id in references and not t.summary:
            a, b = (scale.column(day) for day in references[t.id])
            bar = "◇" if t.milestone else "░" * (b - a + 1)
            out.append(" " * (label_width + a) + bar + "\n", style="dim")
    if status is not None:
        out.append(f"Date d'état : {french.date(status)}", style="yellow")
    return out


def _ruler(scale: _Scale, label_width: int) -> str:
    """Month names above the columns where each month begins."""
    line = [" "] * (label_width + scale.columns)
    day = scale.first.replace(day=1)
    previous_end = 0
    while True:
        if day >= scale.first:
            column = label_width + scale.column(day)
            if column >= len(line):
                break
            text = f"{day:%m/%y}" if scale.days_per_column >= 7 else f"{day.day:02d}/{day:%m}"
            if column >= previous_end:
                for k, char in enumerate(text):
                    if column + k < len(line):
                        line[column + k] = char
                previous_end = column + len(text) + 1
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return "".join(line).rstrip() + "\n"


# -- load ---------------------------------------------------------------------------------

def load_json(load: Load) -> dict[str, Any]:
    return {"resources": [{
        "id": r.resource, "name": r.name, "availability": r.availability,
        "total": round(r.total, 6),
        "weeks": [{"year": w.year, "week": w.week, "monday": w.monday.isoformat(),
                   "load": round(w.load, 6), "capacity": round(w.capacity, 6),
                   "over_days": w.over_days} for w in r.weeks],
        "over_allocations": [{"first": o.first.isoformat(), "last": o.last.isoformat(),
                              "days": o.days, "peak": round(o.peak, 6),
                              "capacity": o.capacity, "tasks": list(o.tasks)} for o in r.over],
    } for r in load.resources]}


def load_csv(load: Load) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("resource", "year", "week", "monday", "load", "capacity", "over_days"))
    for r in load.resources:
        for w in r.weeks:
            writer.writerow((formula_safe(r.resource), w.year, w.week, w.monday, round(w.load, 6),
                             round(w.capacity, 6), w.over_days))
    return out.getvalue()


def show_load(load: Load, console: Console) -> None:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    from cockpit import french

    if not load.resources:
        console.print("Aucune ressource dans l'équipe ([[team]] de cockpit.toml).")
        return
    table = Table(box=box.SIMPLE_HEAD, title="Charges semaine par semaine",
                  title_justify="left",
                  caption="Charge / capacité en jours ; en rouge : semaine avec au moins un "
                  "jour surchargé.", caption_justify="left")
    table.add_column("Semaine")
    table.add_column("Lundi", justify="right")
    for r in load.resources:
        table.add_column(escape(r.name or r.resource), justify="right")
    weeks = sorted({(w.year, w.week, w.monday) for r in load.resources for w in r.weeks})
    by_resource = [{(w.year, w.week): w for w in r.weeks} for r in load.resources]
    for year, week, monday in weeks:
        cells = [f"{year}-S{week:02d}", french.date(monday)]
        for weeks_of in by_resource:
            w = weeks_of.get((year, week))
            if w is None or (w.load == 0 and w.capacity == 0):
                cells.append("")
                continue
            text = f"{french.number(w.load, 1)} / {french.number(w.capacity, 1)}"
            cells.append(f"[bold red]{text}[/]" if w.over_days else
                         f"[dim]{text}[/]" if w.load == 0 else text)
        table.add_row(*cells)
    console.print(table)
    over = load.over_allocations
    if not over:
        console.print("[green]Aucune surcharge.[/]")
        return
    console.print(f"[bold red]{len(over)} surcharge{'s' if len(over) > 1 else ''}[/] :")
    names = {r.resource: r.name or r.resource for r in load.resources}
    for o in over:
        console.print(f"  • {names[o.resource]} : {_period(o.first, o.last)} ({o.days} j "
                      f"ouvré{'s' if o.days > 1 else ''}), jusqu'à "
                      f"{french.number(o.peak, 2)} j/j pour une capacité de "
                      f"{french.number(o.capacity, 2)} — tâches : {', '.join(o.tasks)}",
                      markup=False)
    console.print("« cockpit schedule --level » propose des décalages pour les résoudre.")


def _period(first: dt.date, last: dt.date) -> str:
    from cockpit import french

    if first == last:
        return f"le {french.date(first)}"
    return f"du {french.date(first)} au {french.date(last)}"


# -- levelling ------------------------------------------------------------------------------

def run_level(args: argparse.Namespace, root: Path, project: Project) -> int:
    from cockpit.finance.evm import status_date_of
    from cockpit.schedule.levelling import level

    result = level(project, status_date_of(project, args.today))
    written: list[str] = []
    if args.write and result.starts:
        error = write_starts(root, result.starts)
        if error:
            print(f"cockpit : rien n'a été écrit : {error}", file=sys.stderr)
            return EXIT_PROBLEMS
        written = sorted(result.starts)
    if args.format == "json":
        _print_json(level_json(result, bool(written)))
    elif args.format == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("id", "name", "start_before", "start_after", "delay",
                         "total_float", "within_float", "finish_before", "finish_after",
                         "resource", "clash"))
        for m in result.moves:
            writer.writerow((m.task, m.name, m.before, m.after, m.delay, m.total_float,
                             str(m.within_float).lower(), m.finish_before, m.finish_after,
                             m.resource, m.clash))
        sys.stdout.write(out.getvalue())
    else:
        show_levelling(result, _console(), written, args.write)
    return EXIT_OK


def write_starts(root: Path, starts: dict[str, dt.date]) -> str:
    """Write start_no_earlier_than through the safe saving API; a French error or ''."""
    from cockpit.folder import load_project
    from cockpit.folder.save import ProjectFiles, SaveError, set_record_field

    files = ProjectFiles(root)
    load_project(root, files)  # remember what was read, for the conflict check
    try:
        files.edit_toml("wbs.toml", lambda doc: [
            set_record_field(doc, "task", task_id, "start_no_earlier_than", day)
            for task_id, day in sorted(starts.items())])
    except SaveError as error:
        return str(error)
    return ""


def level_json(result: Levelling, written: bool) -> dict[str, Any]:
    return {
        "moves": [{"id": m.task, "name": m.name, "start_before": m.before.isoformat(),
                   "start_after": m.after.isoformat(), "delay": m.delay,
                   "total_float": m.total_float, "within_float": m.within_float,
                   "finish_before": m.finish_before.isoformat(),
                   "finish_after": m.finish_after.isoformat(),
                   "reason": {"resource": m.resource, "date": m.clash.isoformat()}}
                  for m in result.moves],
        "unresolved": [{"resource": o.resource, "first": o.first.isoformat(),
                        "last": o.last.isoformat(), "days": o.days, "peak": round(o.peak, 6),
                        "capacity": o.capacity, "tasks": list(o.tasks)}
                       for o in result.unresolved],
        "resolved": result.resolved,
        "project_delay": result.project_delay,
        "finish": result.schedule.finish.isoformat(),
        "written": written,
    }


def show_levelling(result: Levelling, console: Console, written: Sequence[str],
                   asked_write: bool) -> None:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    from cockpit import french

    if not result.moves and not result.unresolved:
        console.print("[green]Aucune surcharge : rien à lisser.[/]")
        return
    if result.moves:
        table = Table(box=box.SIMPLE_HEAD, title="Lissage des ressources : tâches décalées",
                      title_justify="left")
        for header in ("Tâche", "Début avant → après", "Décalage", "Fin avant → après",
                       "Marge totale", "Dans la marge", "Pourquoi"):
            table.add_column(header, justify="right" if header in ("Décalage", "Marge totale")
                             else "left")
        for m in result.moves:
            table.add_row(escape(f"{m.name} ({m.task})"),
                          f"{french.date(m.before)} → {french.date(m.after)}", f"+{m.delay} j",
                          f"{french.date(m.finish_before)} → {french.date(m.finish_after)}",
                          french.days(m.total_float), "oui" if m.within_float else "[red]non[/]",
                          escape(f"surcharge de « {m.resource} » le {french.date(m.clash)}"))
        console.print(table)
    if result.project_delay > 0:
        console.print(f"[bold red]La fin du projet recule de {result.project_delay} j[/] "
                      f"(nouvelle fin : {french.date(result.schedule.finish)}).")
    elif result.moves:
        console.print("La fin du projet ne bouge pas : tous les décalages tiennent dans les "
                      "marges.")
    if result.resolved:
        console.print(f"{result.resolved} surcharge{'s' if result.resolved > 1 else ''} "
                      f"résolue{'s' if result.resolved > 1 else ''}.")
    if result.unresolved:
        console.print(f"[bold red]Non résolu[/] ({len(result.unresolved)}) : une part "
                      "supérieure à la disponibilité, ou des dates réelles qui se chevauchent.")
        for o in result.unresolved:
            console.print(f"  • {o.resource} : {_period(o.first, o.last)}, "
                          f"{french.number(o.peak, 2)} j/j pour {french.number(o.capacity, 2)}"
                          f" — tâches : {', '.join(o.tasks)}", markup=False)
    if written:
        console.print(f"wbs.toml : start_no_earlier_than écrit pour {len(written)} "
                      f"tâche{'s' if len(written) > 1 else ''}.")
    elif result.moves and not asked_write:
        console.print("Rien n'a été écrit. « cockpit schedule --level --write » enregistre "
                      "ces décalages (start_no_earlier_than) dans wbs.toml.")
