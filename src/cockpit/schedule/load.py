"""Resource load: per person and working day, and per ISO week.

A task assigned `person:p%` loads that person with p % of a full working day on each
working day of the task; capacity is the person's `availability`, zero on an absence.
A day whose load exceeds capacity by more than 1e-6 is over-allocated. Summary tasks'
own resources are not counted (their children carry the work). Materials and services
have a load but are never over-allocated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, reduce
from itertools import accumulate, groupby
from operator import add

from cockpit.model import Project, ResourceKind, TeamMember
from cockpit.schedule.calendar import WorkCalendar
from cockpit.schedule.cpm import Schedule

TOLERANCE = 1e-6
LIMITED = (ResourceKind.PERSON, ResourceKind.EQUIPMENT)


@dataclass(frozen=True, slots=True)
class WeekLoad:
    """One ISO week of one person: days of work planned against days available."""

    year: int
    week: int
    monday: dt.date
    load: float
    capacity: float
    over_days: int

    @property
    def label(self) -> str:
        return f"{self.year}-S{self.week:02d}"


@dataclass(frozen=True, slots=True)
class OverAllocation:
    """Consecutive working days on which one person is asked for more than available."""

    resource: str
    first: dt.date
    last: dt.date
    days: int
    peak: float
    capacity: float
    tasks: tuple[str, ...]


WeekSpan = tuple[int, int, dt.date, int, int]
"""An ISO week of the working days: (year, week, monday, first index, end index)."""


@dataclass(frozen=True)
class ResourceLoad:
    """One person's load. Not slotted, so that `weeks`, which `cockpit check` never reads,
    is summed on first use only."""

    resource: str
    name: str
    availability: float
    limited: bool
    daily: tuple[float, ...]  # load per working day, from boundary `Load.first`
    capacity: tuple[float, ...]
    over: tuple[OverAllocation, ...]
    week_spans: tuple[WeekSpan, ...] = field(default=(), repr=False)

    @property
    def total(self) -> float:
        return sum(self.daily)

    @cached_property
    def weeks(self) -> tuple[WeekLoad, ...]:
        daily, capacity = self.daily, self.capacity
        over = _over(self.limited, daily, capacity)
        # reduce adds in order, as the day-by-day sum always did (sum() may compensate)
        return tuple(WeekLoad(year, week, monday, reduce(add, daily[start:end], 0.0),
                              reduce(add, capacity[start:end], 0.0),
                              over[start:end].count(True))
                     for year, week, monday, start, end in self.week_spans)


@dataclass(frozen=True, slots=True)
class Load:
    """Every team member's load over the working days [first, last) of the schedule."""

    first: int
    last: int
    resources: tuple[ResourceLoad, ...]

    @property
    def over_allocations(self) -> tuple[OverAllocation, ...]:
        return tuple(o for r in self.resources for o in r.over)

    def resource(self, resource_id: str) -> ResourceLoad | None:
        return next((r for r in self.resources if r.resource == resource_id), None)


def capacity_of(member: TeamMember, calendar: WorkCalendar, first: int, last: int
                ) -> list[float]:
    """Capacity per working day in [first, last): availability, 0 on an absence."""
    capacity = [member.availability] * max(0, last - first)
    for period in member.absences:
        for b in calendar.working_days_in(period):
            if first <= b < last:
                capacity[b - first] = 0.0
    return capacity


def compute_load(project: Project, schedule: Schedule) -> Load:
    cal = schedule.calendar
    work = [t for t in schedule.tasks if not t.summary and t.resources and t.ef > t.es]
    first = min((t.es for t in work), default=0)
    last = max((t.ef for t in work), default=0)
    size = last - first
    team = {m.id: m for m in project.settings.team}
    diffs: dict[str, list[float]] = {m: [0.0] * (size + 1) for m in team}
    spans: dict[str, list[tuple[int, int, str]]] = {m: [] for m in team}
    for task in work:
        for resource, share in task.resources:
            diff = diffs.get(resource)
            if diff is None:
                continue  # unknown resource: the references check reports it
            diff[task.es - first] += share
            diff[task.ef - first] -= share
            spans[resource].append((task.es, task.ef, task.id))
    days = [cal.day(b) for b in range(first, last)]
    weeks = _week_spans(days)
    out: list[ResourceLoad] = []
    for member in project.settings.team:
        daily = [v if abs(v) > 1e-9 else 0.0 for v in accumulate(diffs[member.id][:size])]
        capacity = capacity_of(member, cal, first, last)
        limited = member.kind in LIMITED
        out.append(ResourceLoad(
            resource=member.id, name=member.name, availability=member.availability,
            limited=limited, daily=tuple(daily), capacity=tuple(capacity),
            over=_runs(member.id, days, daily, capacity, _over(limited, daily, capacity),
                       first, sorted(spans[member.id])),
            week_spans=weeks,
        ))
    return Load(first, last, tuple(out))


def _over(limited: bool, daily: Sequence[float], capacity: Sequence[float]) -> list[bool]:
    """Whether each day is over-allocated."""
    return [limited and d > c + TOLERANCE for d, c in zip(daily, capacity, strict=True)]


def _week_spans(days: list[dt.date]) -> tuple[WeekSpan, ...]:
    """The ISO weeks of the working days; the same for every person, so computed once."""
    spans: list[WeekSpan] = []
    for k, day in enumerate(days):
        year, week, weekday = day.isocalendar()
        if spans and spans[-1][:2] == (year, week):
            continue
        if spans:
            spans[-1] = (*spans[-1][:4], k)
        spans.append((year, week, day - dt.timedelta(days=weekday - 1), k, len(days)))
    return tuple(spans)


def _true_runs(flags: list[bool]) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of consecutive true flags."""
    start = 0
    for flag, run in groupby(flags):
        end = start + len(list(run))
        if flag:
            yield start, end
        start = end


def _runs(resource: str, days: list[dt.date], daily: list[float], capacity: list[float],
          over: list[bool], first: int, spans: list[tuple[int, int, str]]
          ) -> tuple[OverAllocation, ...]:
    """The over-allocated runs, each with the tasks under way during it. One sweep: runs
    and task spans (sorted by start) both go forward in time."""
    runs: list[OverAllocation] = []
    started = 0  # spans[:started] start before the current run ends
    under_way: list[tuple[int, int, str]] = []
    for k, end in _true_runs(over):
        a, b = k + first, end + first
        while started < len(spans) and spans[started][0] < b:
            under_way.append(spans[started])
            started += 1
        under_way = [span for span in under_way if span[1] > a]
        runs.append(OverAllocation(
            resource, days[k], days[end - 1], end - k, max(daily[k:end]),
            min(capacity[k:end]), tuple(sorted({tid for _, _, tid in under_way}))))
    return tuple(runs)
