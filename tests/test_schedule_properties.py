"""Properties of the CPM on generated networks (hypothesis).

Networks: tasks in depth-first file order, each possibly under an open summary, with dependencies
of every type and lag (negative included) on earlier tasks that are neither its
ancestors nor its descendants, milestones, start-no-earlier-than constraints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from cockpit.model import Dependency, DependencyType, Duration, DurationUnit, Project, Task
from cockpit.schedule import Schedule, compute_schedule
from tj3.builders import MONDAY, project

TYPES = list(DependencyType)


@st.composite
def networks(draw: st.DrawFn, max_tasks: int = 14) -> Project:
    n = draw(st.integers(1, max_tasks))
    # Depth-first file order (a task's children follow it), so a task that is not an
    # ancestor of task i has all its subtree before i: depending on it closes no loop.
    parents: list[int] = []
    chain: list[int] = []
    for i in range(n):
        depth = draw(st.integers(0, len(chain)))
        chain = chain[:depth]
        parents.append(chain[-1] if chain else -1)
        chain.append(i)

    def ancestors(i: int) -> set[int]:
        out: set[int] = set()
        while parents[i] >= 0:
            i = parents[i]
            out.add(i)
        return out

    tasks: list[Task] = []
    for i in range(n):
        options = [j for j in range(i) if j not in ancestors(i)]
        chosen = draw(st.lists(st.sampled_from(options), max_size=3, unique=True)) \
            if options else []
        after = tuple(
            Dependency(f"t{j}", draw(st.sampled_from(TYPES)),
                       Duration(float(draw(st.integers(-3, 4))), DurationUnit.DAY))
            for j in chosen)
        milestone = draw(st.integers(0, 5)) == 0
        snet = MONDAY + dt.timedelta(days=draw(st.integers(0, 30))) \
            if draw(st.integers(0, 6)) == 0 else None
        tasks.append(Task(
            id=f"t{i}", name=f"T{i}", parent=f"t{parents[i]}" if parents[i] >= 0 else "",
            milestone=milestone,
            duration=None if milestone else Duration(float(draw(st.integers(1, 9))),
                                                     DurationUnit.DAY),
            after=after, start_no_earlier_than=snet))
    return project(*tasks)


def leaves_under(schedule: Schedule, task_id: str) -> list[str]:
    children: dict[str, list[str]] = {}
    for t in schedule.tasks:
        children.setdefault(t.parent, []).append(t.id)
    out, stack = [], [task_id]
    while stack:
        current = stack.pop()
        if current in children:
            stack.extend(children[current])
        else:
            out.append(current)
    return out


def constraints_hold(plan: Project, schedule: Schedule) -> list[str]:
    broken = []
    cal = schedule.calendar
    by_id = schedule.by_id
    summaries = plan.summary_ids
    # a summary's own dependencies and constraints apply to every task below it
    inherited: dict[str, list[tuple[Dependency, dt.date | None]]] = {}
    for task in plan.tasks:
        for leaf in leaves_under(schedule, task.id) if task.id in summaries else [task.id]:
            inherited.setdefault(leaf, []).extend(
                [(dep, None) for dep in task.after] + [(Dependency(""), task.start_no_earlier_than)])
    for leaf, rules in inherited.items():
        s = by_id[leaf]
        if s.es < 0:
            broken.append(f"{leaf} starts before boundary 0")
        for dep, snet in rules:
            if snet is not None and s.es < cal.boundary(snet):
                broken.append(f"{leaf} before its start_no_earlier_than")
            if not dep.task:
                continue
            p = by_id[dep.task]
            lag = dep.lag.working_days(7)
            ok = {DependencyType.FS: s.es >= p.ef + lag, DependencyType.SS: s.es >= p.es + lag,
                  DependencyType.FF: s.ef >= p.ef + lag,
                  DependencyType.SF: s.ef >= p.es + lag}[dep.type]
            if not ok:
                broken.append(f"{leaf} violates {dep}")
    return broken


@settings(max_examples=100, deadline=None)
@given(networks())
def test_every_dependency_constraint_holds(plan: Project) -> None:
    schedule = compute_schedule(plan)
    assert schedule.problems == ()
    assert constraints_hold(plan, schedule) == []


@settings(max_examples=100, deadline=None)
@given(networks())
def test_float_is_zero_on_the_critical_path_and_never_negative_without_deadline(
        plan: Project) -> None:
    schedule = compute_schedule(plan)
    leaves = [t for t in schedule.tasks if not t.summary]
    assert all(t.total_float >= 0 for t in schedule.tasks)
    assert all(0 <= t.free_float <= t.total_float for t in leaves)
    assert schedule.critical_path, "some task always drives the finish"
    assert all(schedule.by_id[i].total_float == 0 for i in schedule.critical_path)
    assert all(t.ls >= t.es and t.lf <= schedule.finish_boundary for t in leaves)


@settings(max_examples=100, deadline=None)
@given(networks(), st.integers(1, 30))
def test_only_a_deadline_makes_float_negative(plan: Project, early: int) -> None:
    free = compute_schedule(plan)
    deadline = free.calendar.day(free.finish_boundary - early - 1)  # boundary F − early
    late = replace(plan, settings=replace(plan.settings, project=replace(
        plan.settings.project, deadline=deadline)))
    schedule = compute_schedule(late)
    slip = schedule.finish_boundary - (schedule.deadline_boundary or 0)
    assert slip == early and schedule.late == slip
    assert min(t.total_float for t in schedule.tasks) == -slip
    assert all(schedule.by_id[i].total_float <= 0 for i in schedule.critical_path)


@settings(max_examples=100, deadline=None)
@given(networks(), st.data())
def test_adding_a_dependency_never_finishes_earlier(plan: Project, data: st.DataObject) -> None:
    tasks = list(plan.tasks)
    if len(tasks) < 2:
        return
    i = data.draw(st.integers(1, len(tasks) - 1))
    ancestors, up = set(), tasks[i].parent
    while up:
        ancestors.add(up)
        up = next(t.parent for t in tasks if t.id == up)
    options = [t.id for t in tasks[:i] if t.id not in ancestors]
    if not options:
        return
    dep = Dependency(data.draw(st.sampled_from(options)), data.draw(st.sampled_from(TYPES)),
                     Duration(float(data.draw(st.integers(-3, 5))), DurationUnit.DAY))
    before = compute_schedule(plan)
    tasks[i] = replace(tasks[i], after=(*tasks[i].after, dep))
    after = compute_schedule(replace(plan, tasks=tuple(tasks)))
    assert after.problems == ()
    assert after.finish_boundary >= before.finish_boundary
    for old in before.tasks:
        assert after.by_id[old.id].es >= old.es
