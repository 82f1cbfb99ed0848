"""`compute_schedule`: the critical path method over a project, as FORMAT.md defines it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import field
from operator import attrgetter
from typing import Protocol, TypeVar

from cockpit.collector import collector_paused
from cockpit.model import Project
from cockpit.model.immutable import immutable
from cockpit.schedule.calendar import WorkCalendar
from cockpit.schedule.network import LEAF, Network, Problem


@immutable
class ScheduledTask:
    """One task's dates: boundaries (es, ef, ls, lf) and the calendar dates they mean."""

    id: str
    name: str
    wbs: str
    parent: str
    level: int
    duration: int  # working days, as scheduled (actual dates included)
    es: int
    ef: int
    ls: int
    lf: int
    start: dt.date
    finish: dt.date
    late_start: dt.date
    late_finish: dt.date
    total_float: int
    free_float: int
    critical: bool
    milestone: bool
    summary: bool
    resources: tuple[tuple[str, float], ...] = ()
    started: bool = False
    finished: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id, "name": self.name, "wbs": self.wbs, "parent": self.parent or None,
            "start": self.start.isoformat(), "finish": self.finish.isoformat(),
            "late_start": self.late_start.isoformat(), "late_finish": self.late_finish.isoformat(),
            "duration": self.duration, "total_float": self.total_float,
            "free_float": self.free_float, "critical": self.critical,
            "milestone": self.milestone, "summary": self.summary,
        }


@immutable
class Schedule:
    """The computed plan: tasks in file order, the project's dates, and what went wrong."""

    calendar: WorkCalendar
    tasks: tuple[ScheduledTask, ...]
    start: dt.date
    finish: dt.date
    finish_boundary: int
    deadline: dt.date | None
    deadline_boundary: int | None
    critical_path: tuple[str, ...]
    problems: tuple[Problem, ...] = ()
    by_id: dict[str, ScheduledTask] = field(default_factory=dict, compare=False)

    def task(self, task_id: str) -> ScheduledTask | None:
        return self.by_id.get(task_id)

    @property
    def late(self) -> int:
        """Working days past the deadline (0 when on time or without a deadline)."""
        if self.deadline_boundary is None:
            return 0
        return max(0, self.finish_boundary - self.deadline_boundary)

    def to_json(self) -> dict[str, object]:
        return {
            "project": {
                "start": self.start.isoformat(), "finish": self.finish.isoformat(),
                "deadline": self.deadline.isoformat() if self.deadline else None,
                "critical_path": list(self.critical_path),
            },
            "tasks": [t.to_json() for t in self.tasks],
            "problems": [{"task": p.task, "kind": p.kind, "message": p.message}
                         for p in self.problems],
        }


_RESOURCE_SHARE = attrgetter("resource", "share")


def wbs_codes(network: Network) -> list[str]:
    """1, 1.2, 1.2.3: position among siblings in file order, under each parent."""
    codes = [""] * network.n
    # Parents may come after their children in the file: resolve codes top-down.
    numbered = [i for i in range(network.n) if network.parent[i] < 0]
    for position, root in enumerate(numbered, 1):
        codes[root] = str(position)
    for i in numbered:  # grows as children are numbered
        prefix = codes[i]
        for position, child in enumerate(network.children[i], 1):
            codes[child] = f"{prefix}.{position}"
        numbered.extend(network.children[i])
    return codes


class _Coded(Protocol):
    @property
    def wbs(self) -> str: ...


_C = TypeVar("_C", bound=_Coded)


def wbs_key(wbs: str) -> tuple[int, ...]:
    """The sort key of a WBS code: 1.10 comes after 1.9."""
    return tuple(int(p) for p in wbs.split(".") if p.isdigit())


def wbs_order(tasks: Iterable[_C]) -> list[_C]:
    """Scheduled tasks in outline order (1, 1.1, 1.2, 2…), from their WBS codes."""
    return sorted(tasks, key=lambda t: wbs_key(t.wbs))


def compute_schedule(project: Project, calendar: WorkCalendar | None = None,
                     extra_start: dict[str, int] | None = None) -> Schedule:
    """Early and late dates, floats and the critical path of every task.

    `extra_start` adds start-no-earlier-than boundaries by task id (levelling uses it).
    Never raises on a broken plan: unknown predecessors, cycles, tasks without duration
    are reported in `problems`, and the rest is scheduled.
    """
    cal = calendar or WorkCalendar.from_settings(project.settings)
    with collector_paused():  # 50,000 tasks: ~30 % less time
        return schedule_from(Network(project, cal, extra_start), project)


def schedule_from(net: Network, project: Project,
                  timing: tuple[list[int], list[int]] | None = None) -> Schedule:
    """Package the passes of `net` (or given early dates) into a Schedule."""
    cal = net.calendar
    order = net.order
    es, ef = timing if timing is not None else net.forward(order)
    leaves = [i for i in range(net.n) if net.kind[i] == LEAF]
    finish_b = max((ef[i] for i in range(net.n)), default=0)
    deadline = project.settings.project.deadline
    deadline_b = cal.boundary_after(deadline) if deadline is not None else None
    anchor = finish_b if deadline_b is None else min(finish_b, deadline_b)
    ls, lf, free = net.backward(order, es, ef, anchor)
    codes = wbs_codes(net)
    # Dates: a leaf's from its boundaries; a summary's span its children's dates (a
    # milestone child is dated the day before its boundary).
    dates: list[tuple[dt.date, dt.date, dt.date, dt.date]] = [
        (dt.date.max, dt.date.min, dt.date.max, dt.date.min)] * net.n
    early = cal.span_dates([es[i] for i in leaves], [ef[i] for i in leaves])
    late = cal.span_dates([ls[i] for i in leaves], [lf[i] for i in leaves])
    for i, (start, finish), (late_start, late_finish) in zip(leaves, early, late, strict=True):
        dates[i] = (start, finish, late_start, late_finish)
    for u in order:
        if u < net.n and net.is_summary[u]:
            starts, finishes, late_starts, late_finishes = zip(
                *(dates[c] for c in net.children[u]), strict=True)
            dates[u] = (min(starts), max(finishes), min(late_starts), max(late_finishes))
    out: list[ScheduledTask] = []
    for i, task in enumerate(net.tasks):
        summary = net.is_summary[i]
        s, f = es[i], ef[i]
        total = ls[i] - s
        start, finish, late_start, late_finish = dates[i]
        out.append(ScheduledTask(
            id=task.id, name=task.name, wbs=codes[i],
            parent=net.tasks[net.parent[i]].id if net.parent[i] >= 0 else "",
            level=codes[i].count("."), duration=f - s, es=s, ef=f, ls=ls[i], lf=lf[i],
            start=start, finish=finish, late_start=late_start, late_finish=late_finish,
            total_float=total, free_float=free[i], critical=total <= 0,
            milestone=not summary and f == s and (task.milestone or task.duration is not None),
            summary=summary,
            resources=tuple(map(_RESOURCE_SHARE, task.resources)),
            started=task.actual_start is not None or task.actual_finish is not None,
            finished=task.actual_finish is not None,
        ))
    critical = sorted((t for t in out if t.critical and not t.summary),
                      key=lambda t: (t.es, t.id))
    first = min((es[i] for i in leaves), default=0)
    return Schedule(
        calendar=cal, tasks=tuple(out),
        start=cal.day(min(first, 0)) if leaves else cal.day(0),
        finish=cal.finish_date(0, finish_b) if leaves else cal.day(0),
        finish_boundary=finish_b, deadline=deadline, deadline_boundary=deadline_b,
        critical_path=tuple(t.id for t in critical), problems=tuple(net.problems),
        by_id={t.id: t for t in out},
    )
