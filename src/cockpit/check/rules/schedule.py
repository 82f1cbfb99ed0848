"""Schedule rules (S…): what the critical path method and the resource load reveal."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from cockpit import french
from cockpit.check.registry import check
from cockpit.diagnostics.diagnostic import Diagnostic, Severity
from cockpit.diagnostics.registry import define
from cockpit.model import Dependency, DependencyType, Task
from cockpit.state import ProjectState

if TYPE_CHECKING:
    from cockpit.schedule import WorkCalendar

DEADLINE_EXCEEDED = define(
    "S001", Severity.WARNING, "Échéance dépassée par le planning",
    "La fin au plus tôt du projet, calculée par le chemin critique, tombe après l'échéance "
    "contractuelle (`deadline` de [project]). Les tâches du chemin critique ont alors une "
    "marge négative : c'est le nombre de jours ouvrés à regagner.",
    "[project]\ndeadline = 2026-06-30   # le planning finit le 2026-07-15",
    "Regagnez les jours sur le chemin critique (« cockpit schedule ») : chevauchez des tâches, "
    "renforcez des ressources, ou renégociez l'échéance.",
)
TARGET_MISSED = define(
    "S002", Severity.WARNING, "Jalon ou tâche après sa date cible",
    "Une tâche ou un jalon porte une date cible (`deadline` de la tâche, ajout de cockpit au "
    "format) et le planning le place après elle.",
    '[[task]]\nid = "go-copil"\nmilestone = true\ndeadline = 2026-03-01   # planifié le 2026-03-09',
    "Regagnez les jours sur les tâches qui précèdent ce jalon, ou revoyez sa date cible.",
)
NO_DURATION = define(
    "S003", Severity.WARNING, "Tâche sans durée",
    "Une tâche qui n'est ni récapitulative ni un jalon doit avoir une durée ; sans elle, "
    "cockpit la planifie comme un jalon (0 jour) et le planning est trop court.",
    '[[task]]\nid = "cdc"\nname = "Rédaction du cahier des charges"   # duration = "8j" ?',
    "Ajoutez `duration = \"…j\"`, ou `milestone = true` si c'est un jalon.",
)
NO_RESOURCES = define(
    "S004", Severity.WARNING, "Tâche sans ressource",
    "Une tâche sans ressource n'a ni charge, ni coût de main-d'œuvre, et personne n'en "
    "répond : le référentiel attend une affectation des ressources.",
    '[[task]]\nid = "cdc"\nduration = "8j"   # resources = ["cmartin"] ?',
    "Ajoutez `resources = [\"id:part%\"]` avec des membres de [[team]].",
)
ACTUALS_INCONSISTENT = define(
    "S005", Severity.WARNING, "Dates réelles contraires à une dépendance",
    "Une tâche a commencé (ou fini) alors que la tâche dont elle dépend n'était pas finie "
    "(ou pas commencée) à cette date : soit les dates réelles sont fausses, soit la "
    "dépendance n'en est pas une.",
    '[[task]]\nid = "essais"\nafter = ["montage"]\nactual_start = 2026-05-04   '
    "# montage : actual_finish = 2026-05-12",
    "Corrigez les dates réelles, ou changez le type de la dépendance (DD, FF…).",
)
OVER_ALLOCATED = define(
    "S006", Severity.WARNING, "Ressource surchargée",
    "Sur ces jours ouvrés, la somme des affectations d'une personne dépasse sa "
    "disponibilité (`availability`, nulle pendant une absence).",
    '[[team]]\nid = "cmartin"\navailability = 0.8   # affectée à 50 % + 50 % le même jour',
    "« cockpit schedule --load » montre les semaines chargées ; « cockpit schedule --level » "
    "propose des décalages dans les marges.",
)
CYCLE = define(
    "S007", Severity.ERROR, "Dépendances circulaires",
    "Des tâches s'attendent en boucle (a après b, b après c, c après a) : aucune ne peut "
    "commencer. cockpit ignore les dépendances de la boucle pour planifier le reste.",
    '[[task]]\nid = "a"\nafter = ["c"]\n[[task]]\nid = "c"\nafter = ["a"]',
    "Supprimez ou retournez l'une des dépendances de la boucle.",
)
UNKNOWN_PREDECESSOR = define(
    "S008", Severity.ERROR, "Prédécesseur inconnu",
    "Une dépendance (`after`) nomme une tâche qui n'existe pas dans wbs.toml ; elle est "
    "ignorée par le planning.",
    '[[task]]\nid = "cdc"\nafter = ["lancemnt"]   # id = "lancement"',
    "Corrigez l'identifiant de la tâche (les ids sont sensibles à la casse).",
)

WBS = "wbs.toml"


def _where(task: Task | None, key: str) -> tuple[str, int]:
    if task is None:
        return WBS, 1
    return task.source.file or WBS, task.source.line_of(key)


@check(DEADLINE_EXCEEDED, TARGET_MISSED)
def deadlines(ctx: ProjectState) -> Iterator[Diagnostic]:
    schedule = ctx.schedule
    info = ctx.project.settings.project
    if schedule.deadline is not None and schedule.late > 0:
        driving = schedule.critical_path[:3]
        yield DEADLINE_EXCEEDED.at(
            info.source.file or "cockpit.toml", info.source.line_of("deadline"),
            f"le planning finit le {french.date(schedule.finish)}, {schedule.late} jour"
            f"{'s' if schedule.late > 1 else ''} ouvré{'s' if schedule.late > 1 else ''} après "
            f"l'échéance du {french.date(schedule.deadline)} (chemin critique : "
            f"{', '.join(driving)}{'…' if len(schedule.critical_path) > 3 else ''})")
    for task in ctx.project.tasks:
        target = getattr(task, "deadline", None)
        scheduled = schedule.task(task.id)
        if not isinstance(target, dt.date) or scheduled is None:
            continue
        if scheduled.finish > target:
            late = schedule.calendar.boundary_after(scheduled.finish) - \
                schedule.calendar.boundary_after(target)
            kind = "le jalon" if scheduled.milestone else "la tâche"
            yield TARGET_MISSED.at(
                *_where(task, "deadline"),
                f"{kind} « {task.id} » est planifié{'e' if kind == 'la tâche' else ''} le "
                f"{french.date(scheduled.finish)}, {late} j ouvré{'s' if late > 1 else ''} après sa "
                f"date cible du {french.date(target)}")


@check(NO_DURATION, NO_RESOURCES)
def task_content(ctx: ProjectState) -> Iterator[Diagnostic]:
    summaries = ctx.project.summary_ids
    for task in ctx.project.tasks:
        if task.id in summaries or task.milestone:
            continue
        if task.duration is None:
            yield NO_DURATION.at(*_where(task, "id"),
                                 f"la tâche « {task.id} » n'a pas de durée : elle compte pour "
                                 "0 jour dans le planning")
        elif task.duration.amount < 0:
            yield NO_DURATION.at(*_where(task, "duration"),
                                 f"la tâche « {task.id} » a une durée négative ({task.duration})"
                                 " : elle compte pour 0 jour")
        if not task.is_milestone and not task.resources:
            yield NO_RESOURCES.at(*_where(task, "id"),
                                  f"la tâche « {task.id} » n'a aucune ressource affectée")


@check(ACTUALS_INCONSISTENT)
def actuals(ctx: ProjectState) -> Iterator[Diagnostic]:
    tasks = {t.id: t for t in ctx.project.tasks}
    children: dict[str, list[Task]] = {}
    for task in ctx.project.tasks:
        if task.parent:
            children.setdefault(task.parent, []).append(task)
    for task in ctx.project.tasks:
        if task.actual_start is None and task.actual_finish is None:
            continue
        for dep in task.after:
            pred = tasks.get(dep.task)
            if pred is None:
                continue
            if pred.id in children:
                pred = _summary_facts(pred, children)
            problem = _contradiction(task, pred, dep, ctx.calendar,
                                     ctx.project.settings.calendar.hours_per_day)
            if problem:
                yield ACTUALS_INCONSISTENT.at(*_where(task, "actual_start"
                                                      if task.actual_start else "actual_finish"),
                                              problem)


def _summary_facts(summary: Task, children: dict[str, list[Task]]) -> Task:
    """A summary task with the facts of its span (FORMAT.md: a dependency on a summary means
    its span): started when its first task started, finished when the last one finished;
    milestones whose date is not recorded do not hold it back."""
    leaves: list[Task] = []
    stack = list(children[summary.id])
    while stack:
        task = stack.pop()
        if task.id in children:
            stack.extend(children[task.id])
        else:
            leaves.append(task)
    starts = [d for t in leaves if (d := t.actual_start or (t.actual_finish if t.is_milestone
                                                              else None)) is not None]
    finishes = [d for t in leaves if (d := t.actual_finish or (t.actual_start if t.is_milestone
                                                               else None)) is not None]
    done = bool(finishes) and all(t.actual_finish is not None for t in leaves
                                  if not t.is_milestone)
    return dataclasses.replace(summary, actual_start=min(starts, default=None),
                               actual_finish=max(finishes) if done else None,
                               milestone=False, duration=None)


def _contradiction(task: Task, pred: Task, dep: Dependency, calendar: WorkCalendar,
                   hours_per_day: float) -> str:
    """Why the facts of `task` contradict its dependency on `pred` (lag included), or ''.

    The dates become working-day boundaries, as in the CPM: FS+L holds when
    S(task) >= F(pred) + L, with F the boundary after the last day worked; the facts
    allow work to start on the very day a milestone is reached.
    """
    kind = dep.type
    lag = dep.lag.working_days(hours_per_day)
    if kind in (DependencyType.FS, DependencyType.SS):
        mine, mine_label = task.actual_start, "a commencé"
        mine_boundary = calendar.boundary(mine) if mine else 0
    else:
        mine, mine_label = task.actual_finish, "a fini"
        mine_boundary = calendar.boundary_after(mine) if mine else 0
    if mine is None:
        return ""
    if kind in (DependencyType.FS, DependencyType.FF):
        theirs, theirs_label, missing = pred.actual_finish, "n'a fini que le", "n'a pas fini"
        # A milestone reached on a day lets work start that very day (a kick-off meeting).
        reached = calendar.boundary if pred.is_milestone else calendar.boundary_after
        theirs_boundary = reached(theirs) if theirs else 0
    else:
        theirs, theirs_label, missing = pred.actual_start, "n'a commencé que le", \
            "n'a pas commencé"
        theirs_boundary = calendar.boundary(theirs) if theirs else 0
    head = f"« {task.id} » {mine_label} le {french.date(mine)} mais « {pred.id} », dont elle " \
           f"dépend ({_notation(dep)}),"
    if theirs is None:
        # A milestone's date is seldom recorded: work under way shows it was reached.
        return f"{head} {missing}" if lag >= 0 and not pred.is_milestone else ""
    if mine_boundary < theirs_boundary + lag:
        return f"{head} {theirs_label} {french.date(theirs)}"
    return ""


def _notation(dep: Dependency) -> str:
    """`FD`, `FD-5j`, `DD+2j`: the dependency's type and lag, in French."""
    if not dep.lag.amount:
        return dep.type.french
    return f"{dep.type.french}{'+' if dep.lag.amount > 0 else ''}{dep.lag}"


@check(OVER_ALLOCATED)
def over_allocation(ctx: ProjectState) -> Iterator[Diagnostic]:
    load = ctx.load
    members = {m.id: m for m in ctx.project.settings.team}
    for over in load.over_allocations:
        member = members[over.resource]
        period = (f"le {french.date(over.first)}" if over.first == over.last
                  else f"du {french.date(over.first)} au {french.date(over.last)}")
        yield OVER_ALLOCATED.at(
            member.source.file or "cockpit.toml", member.source.line,
            f"surcharge de « {member.id} » {period} ({over.days} j ouvré"
            f"{'s' if over.days > 1 else ''}) : jusqu'à {_fr(over.peak)} j/j pour "
            f"{_fr(over.capacity)} disponible — tâches : {', '.join(over.tasks)}")


def _fr(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


@check(CYCLE, UNKNOWN_PREDECESSOR)
def network(ctx: ProjectState) -> Iterator[Diagnostic]:
    from cockpit.schedule.network import CYCLE as CYCLE_KIND
    from cockpit.schedule.network import PARENT_CYCLE
    from cockpit.schedule.network import UNKNOWN_PREDECESSOR as UNKNOWN_KIND

    tasks = {t.id: t for t in ctx.project.tasks}
    for problem in ctx.schedule.problems:
        rule = {CYCLE_KIND: CYCLE, PARENT_CYCLE: CYCLE, UNKNOWN_KIND: UNKNOWN_PREDECESSOR}.get(
            problem.kind)
        if rule is not None:
            yield rule.at(*_where(tasks.get(problem.task), problem.key), problem.message)
