"""Random projects, their export to TaskJuggler 3, and the mapping of its dates back.

Used by tests/test_schedule_tj3.py, by `python tests/tj3/compare.py` (agreement count
over many projects) and by bench/bench_schedule.py (folders of 1,000 to 50,000 tasks).

The TaskJuggler conventions (see /work/shared/notes/taskjuggler.md and docs/schedule.md):
- every working day is 8:00–12:00, 13:00–17:00 with `dailyworkinghours 8`, so `length Nd`
  is N working days; holidays and closures are global `leaves holiday`;
- FS+L is `depends a { gaplength Ld }`, SS+L `{ onstart gaplength Ld }`; TaskJuggler
  has no FF, SF nor negative gap, so they are rewritten on the successor's start
  (F = S + d) and generated only where the rewritten gap is ≥ 0;
- start_no_earlier_than is a dependency on a milestone pinned at 00:00 of that date;
- a timestamp maps to a boundary: working days before its date, plus one when it is
  on a working day at 17:00 or later (TaskJuggler's ends are exclusive).
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cockpit.model import (
    Assignment,
    CalendarSpec,
    Dependency,
    DependencyType,
    Duration,
    DurationUnit,
    Period,
    Project,
    ProjectInfo,
    Settings,
    Task,
    TeamMember,
)
from cockpit.model.holidays import holiday_names
from cockpit.schedule import WorkCalendar

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass
class Shape:
    """What a generated project may contain."""

    tasks: int = 30
    deps_per_task: float = 1.5
    summaries: bool = True
    milestones: bool = True
    negative_lags: bool = True
    ff_sf: bool = True
    snet: bool = True
    closures: bool = True
    resources: int = 0


def random_project(rng: random.Random, shape: Shape | None = None) -> Project:
    """A project whose plan TaskJuggler can express exactly (see the module doc)."""
    shape = shape or Shape()
    start = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
    roll = rng.random()
    if roll < 0.6:
        workdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    elif roll < 0.8:
        workdays = (0, 1, 2, 3, 4, 5)
    else:
        workdays = tuple(sorted(rng.sample(range(7), rng.randint(2, 6))))
    holidays = rng.choice(("FR", "FR", "FR-57", "none"))
    closures: list[Period] = []
    if shape.closures:
        for _ in range(rng.randint(0, 2)):
            first = start + dt.timedelta(days=rng.randrange(200))
            closures.append(Period(first, first + dt.timedelta(days=rng.randrange(15)),
                                   "Fermeture"))
    team = tuple(TeamMember(f"r{k}", f"Personne {k}",
                            availability=rng.choice((1.0, 1.0, 0.8, 0.5)))
                 for k in range(shape.resources))
    settings = Settings(
        ProjectInfo("GEN", "Projet généré", start),
        CalendarSpec(workdays=workdays, hours_per_day=7.0, holidays=holidays,
                     closures=tuple(closures)),
        team=team,
    )

    # The hierarchy first, in depth-first order (parents before their children).
    n = shape.tasks
    parent: list[int] = []
    chain: list[int] = []  # the open branch: task i - 1 and its ancestors
    for i in range(n):
        if shape.summaries and chain and rng.random() < 0.5:
            chain = chain[: rng.randint(1, min(len(chain), 3))]
            parent.append(chain[-1])
        else:
            chain = []
            parent.append(-1)
        chain.append(i)
    summary = [False] * n
    for p in parent:
        if p >= 0:
            summary[p] = True
    # first/last position of the leaves under each task: a dependency v → u is allowed
    # only when all of v is before all of u, which keeps the network acyclic
    first = list(range(n))
    last = list(range(n))
    for i in reversed(range(n)):
        p = parent[i]
        if p >= 0:
            first[p] = min(first[p], first[i])
            last[p] = max(last[p], last[i])
    milestone = [not summary[i] and shape.milestones and rng.random() < 0.12 for i in range(n)]
    days = [0 if summary[i] or milestone[i] else rng.randint(1, 12) for i in range(n)]
    # tj3 reports a false dependency loop when a milestone waits on a summary's start
    # (its own dependency or its parent's) and on something inside that summary
    holds_milestone = list(milestone)
    for i in reversed(range(n)):
        if parent[i] >= 0 and holds_milestone[i]:
            holds_milestone[parent[i]] = True

    tasks: list[Task] = []
    preds: list[set[int]] = [set() for _ in range(n)]
    for i in range(n):
        duration = None
        if not summary[i] and not milestone[i]:
            duration = _random_duration(rng, days[i])
        after: list[Dependency] = []
        inherited: set[int] = set()
        up = parent[i]
        while up >= 0:
            inherited |= preds[up]
            up = parent[up]
        # TaskJuggler refuses a dependency a parent already has
        options = [j for j in range(n) if last[j] < first[i] and j not in inherited]
        for j in rng.sample(options, min(len(options), _poisson(rng, shape.deps_per_task))):
            dep = _random_dependency(rng, shape, j, summary[j], days[j], summary[i], days[i],
                                     holds_milestone[i])
            if dep is not None:
                after.append(dep)
                preds[i].add(j)
        snet = None
        if shape.snet and rng.random() < 0.1:
            snet = start + dt.timedelta(days=rng.randrange(60))
        resources: tuple[Assignment, ...] = ()
        if team and not summary[i] and not milestone[i]:
            resources = tuple(Assignment(m.id, rng.choice((1.0, 0.5, 0.3)))
                              for m in rng.sample(team, rng.randint(1, min(2, len(team)))))
        tasks.append(Task(
            id=f"T{i}.{'abcdefgh'[i % 8]}-{i}", name=f"Tâche {i}",
            parent=f"T{parent[i]}.{'abcdefgh'[parent[i] % 8]}-{parent[i]}"
            if parent[i] >= 0 else "",
            milestone=milestone[i], duration=duration, after=tuple(after),
            start_no_earlier_than=snet, resources=resources,
        ))
    return Project(root=Path("."), settings=settings, tasks=tuple(tasks))


def _poisson(rng: random.Random, mean: float) -> int:
    count, total = 0, rng.expovariate(1)
    while total < mean:
        count += 1
        total += rng.expovariate(1)
    return count


def _random_duration(rng: random.Random, days: int) -> Duration:
    roll = rng.random()
    if roll < 0.15 and days % 5 == 0:
        return Duration(days / 5, DurationUnit.WEEK)
    if roll < 0.3:
        return Duration(float(days * 7 - rng.randrange(7)), DurationUnit.HOUR)  # ceil → days
    return Duration(float(days), DurationUnit.DAY)


def _random_dependency(rng: random.Random, shape: Shape, j: int, pred_summary: bool,
                       pred_days: int, succ_summary: bool, succ_days: int,
                       succ_milestone: bool) -> Dependency | None:
    on_start = not (pred_summary and succ_milestone)  # see holds_milestone
    kinds = [DependencyType.FS, DependencyType.FS]
    if on_start:
        kinds.append(DependencyType.SS)
    if shape.ff_sf and not succ_summary:
        kinds.append(DependencyType.FF)
        if on_start:
            kinds.append(DependencyType.SF)
    kind = rng.choice(kinds)
    pred = f"T{j}.{'abcdefgh'[j % 8]}-{j}"
    if kind is DependencyType.FS:
        low = -pred_days if shape.negative_lags and not pred_summary else 0
        lag = rng.randint(low, 4) if rng.random() < 0.5 else 0
    elif kind is DependencyType.SS:
        lag = rng.randint(0, 4)
    elif kind is DependencyType.FF:
        # rewritten as FS (summary predecessor) or as SS, with a gap ≥ 0
        lag = (succ_days + rng.randint(0, 3) if pred_summary
               else succ_days - pred_days + rng.randint(0, 4))
    else:  # SF: rewritten as SS with gap L − d ≥ 0
        lag = succ_days + rng.randint(0, 4)
    return Dependency(pred, kind, Duration(float(lag), DurationUnit.DAY))


# -- TaskJuggler -----------------------------------------------------------------------

def tj_ids(project: Project) -> dict[str, str]:
    """TaskJuggler's full ids (parent.child, [a-z0-9_]) for the project's task ids."""
    local = {t.id: f"t{k}" for k, t in enumerate(project.tasks)}
    by_id = {t.id: t for t in project.tasks}
    full: dict[str, str] = {}
    for task in project.tasks:
        path = [local[task.id]]
        up = task.parent
        while up:
            path.append(local[up])
            up = by_id[up].parent
        full[task.id] = ".".join(reversed(path))
    return full


def to_tjp(project: Project, years: int = 4) -> str:
    """The project as a .tjp file that TaskJuggler schedules ASAP."""
    s = project.settings
    hpd = s.calendar.hours_per_day
    start = s.project.start
    lines = [
        f'project gen "Projet" {start.isoformat()} +{years}y {{',
        "  timingresolution 60min",
        '  timezone "UTC"',
        "  dailyworkinghours 8",
    ]
    worked = [DAY_NAMES[d] for d in sorted(set(s.calendar.workdays))]
    off = [DAY_NAMES[d] for d in range(7) if d not in s.calendar.workdays]
    lines.append(f"  workinghours {', '.join(worked)} 8:00 - 12:00, 13:00 - 17:00")
    if off:
        lines.append(f"  workinghours {', '.join(off)} off")
    lines.append("}")
    for year in range(start.year - 1, start.year + years + 1):
        for day, name in sorted(holiday_names(year, s.calendar.holidays).items()):
            lines.append(f'leaves holiday "{name}" {day.isoformat()}')
    for period in s.calendar.closures:
        end = period.end + dt.timedelta(days=1)  # TaskJuggler's interval end is exclusive
        lines.append(f'leaves holiday "{period.label or "Fermeture"}" '
                     f"{period.start.isoformat()} - {end.isoformat()}")
    ids = tj_ids(project)
    by_id = {t.id: t for t in project.tasks}
    summaries = project.summary_ids
    children: dict[str, list[Task]] = {}
    for task in project.tasks:
        children.setdefault(task.parent, []).append(task)

    def days(task: Task) -> int:
        if task.id in summaries or task.is_milestone or task.duration is None:
            return 0
        return task.duration.working_days(hpd)

    def emit(task: Task, indent: str) -> None:
        lines.append(f'{indent}task {ids[task.id].rsplit(".", 1)[-1]} "{task.name}" {{')
        inner = indent + "  "
        if task.id not in summaries:
            lines.append(f"{inner}milestone" if days(task) == 0 else f"{inner}length {days(task)}d")
        if task.start_no_earlier_than is not None and task.start_no_earlier_than > start:
            lines.append(f"{inner}depends snet_{ids[task.id].replace('.', '_')}")
        for dep in task.after:
            pred = by_id[dep.task]
            lag = dep.lag.working_days(hpd)
            d = days(task)
            dp = days(pred)
            target = ids[pred.id]
            if dep.type is DependencyType.FS:
                gap, onstart = (lag, False) if lag >= 0 else (dp + lag, True)
            elif dep.type is DependencyType.SS:
                gap, onstart = lag, True
            elif dep.type is DependencyType.FF:
                gap, onstart = (lag - d, False) if lag - d >= 0 else (dp + lag - d, True)
            else:
                gap, onstart = lag - d, True
            if onstart and pred.id not in summaries and dp == 0:
                onstart = False  # a milestone's start is its end; tj3 sees false loops
            if gap < 0:
                raise ValueError(f"{task.id}: {dep} cannot be expressed in TaskJuggler")
            options = ("onstart " if onstart else "") + (f"gaplength {gap}d" if gap else "")
            lines.append(f"{inner}depends {target}" + (f" {{ {options.strip()} }}"
                                                        if options.strip() else ""))
        for child in children.get(task.id, []):
            emit(child, inner)
        lines.append(f"{indent}}}")

    for task in project.tasks:  # before the start, the constraint changes nothing
        if task.start_no_earlier_than is not None and task.start_no_earlier_than > start:
            lines.append(f'task snet_{ids[task.id].replace(".", "_")} "snet" {{ milestone '
                         f"start {task.start_no_earlier_than.isoformat()} }}")
    for task in children.get("", []):
        emit(task, "")
    lines.append('taskreport "dates" { formats csv columns id, start, end '
                 'timeformat "%Y-%m-%d %H:%M" }')
    return "\n".join(lines) + "\n"


def tj3_available() -> bool:
    return shutil.which("tj3") is not None


def run_tj3(project: Project, workdir: Path | None = None) -> dict[str, tuple[str, str]]:
    """Schedule with tj3; our task id → (start, end) timestamps as TaskJuggler prints them."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = workdir or Path(tmp)
        (folder / "p.tjp").write_text(to_tjp(project), encoding="utf-8")
        result = subprocess.run(["tj3", "--silent", "--no-color", "p.tjp"], cwd=folder,
                                capture_output=True, text=True, check=False)
        report = folder / "dates.csv"
        if result.returncode != 0 or not report.exists():
            raise RuntimeError(f"tj3 failed: {result.stdout}\n{result.stderr}")
        rows = report.read_text(encoding="utf-8").splitlines()[1:]
    back = {v: k for k, v in tj_ids(project).items()}
    out: dict[str, tuple[str, str]] = {}
    for row in rows:
        tj_id, start, end = (cell.strip('"') for cell in row.split(";"))
        if tj_id in back:
            out[back[tj_id]] = (start, end)
    return out


def tj_boundary(calendar: WorkCalendar, stamp: str) -> int:
    """A TaskJuggler timestamp as a working-day boundary."""
    when = dt.datetime.strptime(stamp, "%Y-%m-%d %H:%M")
    b = calendar.boundary(when.date())
    if calendar.is_working_day(when.date()) and when.hour >= 17:
        b += 1
    return b


def compare(project: Project) -> list[str]:
    """Differences between cockpit's early dates and TaskJuggler's, as readable lines."""
    from cockpit.schedule import compute_schedule

    schedule = compute_schedule(project)
    calendar = schedule.calendar
    theirs = run_tj3(project)
    diffs: list[str] = []
    for task in schedule.tasks:
        if task.id not in theirs:
            diffs.append(f"{task.id}: missing in tj3")
            continue
        start, end = theirs[task.id]
        s, f = tj_boundary(calendar, start), tj_boundary(calendar, end)
        if (s, f) != (task.es, task.ef):
            diffs.append(f"{task.id}: cockpit [{task.es}, {task.ef}) {task.start}..{task.finish}"
                         f" / tj3 [{s}, {f}) {start}..{end}")
    return diffs
