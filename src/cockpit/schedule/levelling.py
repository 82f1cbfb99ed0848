"""Resource levelling: delay tasks until no person is asked for more than available.

A serial schedule generation: tasks are placed one by one in a topological order that,
among the tasks whose predecessors are placed, takes the smallest late start first
(the critical ones), then the early start, then file order. Each task goes at the
first start, not before its precedence-feasible one, where every assigned person and
equipment has the capacity for all its days. So the non-critical tasks are the ones
delayed, within their float when there is enough of it. Tasks that have started by the
status date (progress.started_by: an actual date, or progress above 0, at it) never
move: their load is placed first where the plan has it. A task that cannot fit at all
(a share above the person's availability, an absence without end) stays at its earliest
start and its over-allocation is reported as unresolved.

The result is a set of start-no-earlier-than dates: `--level --write` writes them to
wbs.toml, and the levelled schedule is the ordinary CPM with those constraints.
"""

from __future__ import annotations

import datetime as dt

from cockpit.model import Project
from cockpit.model.immutable import immutable
from cockpit.schedule.calendar import WorkCalendar
from cockpit.schedule.cpm import Schedule, compute_schedule
from cockpit.schedule.load import LIMITED, TOLERANCE, OverAllocation, compute_load
from cockpit.schedule.network import LEAF, NEG, Network
from cockpit.schedule.progress import started_by

# How far past the plan's end a task may be pushed looking for capacity.
_SEARCH_SLACK = 2000


@immutable
class Move:
    """A task levelling delayed."""

    task: str
    name: str
    before: dt.date
    after: dt.date
    delay: int  # working days
    total_float: int  # before levelling
    within_float: bool
    finish_before: dt.date
    finish_after: dt.date
    resource: str  # whose over-allocation moved it…
    clash: dt.date  # …on the first day it could not start


@immutable
class Levelling:
    moves: tuple[Move, ...]
    unresolved: tuple[OverAllocation, ...]
    resolved: int  # over-allocated runs before levelling, minus the unresolved ones
    schedule: Schedule  # the levelled plan
    starts: dict[str, dt.date]  # start_no_earlier_than to write, by task id
    project_delay: int  # working days the project's finish moved


class _Usage:
    """Planned use and capacity of one person, per working-day boundary."""

    def __init__(self, availability: float, absent: set[int]) -> None:
        self.availability = availability
        self.absent = absent
        self.used: dict[int, float] = {}

    def free(self, b: int) -> float:
        cap = 0.0 if b in self.absent else self.availability
        return cap - self.used.get(b, 0.0)

    def add(self, start: int, finish: int, share: float) -> None:
        used = self.used
        for b in range(start, finish):
            used[b] = used.get(b, 0.0) + share


def level(project: Project, status_date: dt.date, calendar: WorkCalendar | None = None) -> Levelling:
    cal = calendar or WorkCalendar.from_settings(project.settings)
    before = compute_schedule(project, cal)
    net = Network(project, cal)
    es0, _ = net.forward(net.order)
    horizon = before.finish_boundary + _SEARCH_SLACK

    usage: dict[str, _Usage] = {}
    for member in project.settings.team:
        if member.kind not in LIMITED:
            continue
        absent = {b for period in member.absences for b in cal.working_days_in(period)}
        usage[member.id] = _Usage(member.availability, absent)
    demand: list[list[tuple[str, _Usage, float]]] = [
        [(a.resource, usage[a.resource], a.share) for a in task.resources if a.resource in usage]
        if net.kind[i] == LEAF else []
        for i, task in enumerate(net.tasks)
    ]
    for i in net.fixed_start:
        for _, use, share in demand[i]:
            use.add(net.fixed_start[i], net.fixed_finish[i], share)
    started = started_by(project, status_date)
    in_progress = {i for i, task in enumerate(net.tasks)
                   if task.id in started and i not in net.fixed_start}
    for i in in_progress:  # where the plan has them, before anything else is placed
        planned = before.by_id[net.tasks[i].id]
        for _, use, share in demand[i]:
            use.add(planned.es, planned.es + net.duration[i], share)

    delayed: dict[int, int] = {}  # tasks placed later than their predecessors allowed
    first_clash: dict[int, tuple[str, int]] = {}  # why: whose capacity lacked, and when

    def place(i: int, earliest: int) -> int:
        d = net.duration[i]
        needs = demand[i]
        if d == 0 or not needs or i in in_progress:
            return earliest
        s = earliest
        while s <= horizon:
            clash = next(((resource, b) for b in range(s, s + d) for resource, use, share in needs
                          if use.free(b) + TOLERANCE < share), None)
            if clash is None:
                break
            first_clash.setdefault(i, clash)
            s = clash[1] + 1
        else:
            s = earliest  # cannot fit anywhere: leave it, report it
        for _, use, share in needs:
            use.add(s, s + d, share)
        if s > earliest:
            delayed[i] = s
        return s

    tasks_by_id = {t.id: t for t in before.tasks}
    key = [
        (before.tasks[net.task_of[u]].ls if net.kind[u] == LEAF else NEG, es0[u], u)
        for u in range(net.nodes)
    ]
    net.forward(net.priority_order(key), place)
    # Only the tasks levelling itself delayed get a constraint; their successors follow.
    starts = {net.tasks[i].id: s for i, s in sorted(delayed.items())}
    after = compute_schedule(project, cal, starts)
    moves = []
    index = {task.id: i for i, task in enumerate(net.tasks)}
    for task_id, s in starts.items():
        old = tasks_by_id[task_id]
        new = after.by_id[task_id]
        resource, b = first_clash[index[task_id]]
        moves.append(Move(task_id, old.name, old.start, new.start, s - old.es,
                          old.total_float, s - old.es <= old.total_float, old.finish,
                          new.finish, resource, cal.day(b)))
    moves.sort(key=lambda m: (m.after, m.task))
    over_before = len(compute_load(project, before).over_allocations)
    unresolved = compute_load(project, after).over_allocations
    return Levelling(
        moves=tuple(moves), unresolved=unresolved,
        resolved=max(0, over_before - len(unresolved)), schedule=after,
        starts={task_id: cal.day(s) for task_id, s in starts.items()},
        project_delay=after.finish_boundary - before.finish_boundary,
    )
