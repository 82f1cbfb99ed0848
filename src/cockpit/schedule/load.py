"""Resource load: per person and working day, and per ISO week.

A task assigned `person:p%` loads that person with p % of a full working day on each
working day of the task; capacity is the person's `availability`, zero on an absence.
A day whose load exceeds capacity by more than 1e-6 is over-allocated. Summary tasks'
own resources are not counted (their children carry the work). Materials and services
have a load but are never over-allocated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, reduce
from itertools import groupby
from operator import add

from cockpit.collector import collector_paused
from cockpit.model import Project, ResourceKind, TeamMember
from cockpit.model.immutable import immutable
from cockpit.schedule.calendar import WorkCalendar
from cockpit.schedule.cpm import Schedule

TOLERANCE = 1e-6
LIMITED = (ResourceKind.PERSON, ResourceKind.EQUIPMENT)


@immutable
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


@immutable
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


@immutable
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


def _absences(member: TeamMember, calendar: WorkCalendar, first: int, last: int
              ) -> list[range]:
    """The member's absences as index ranges of the working days [first, last)."""
    out: list[range] = []
    for period in member.absences:
        days = calendar.working_days_in(period)
        lo, hi = max(days.start, first), min(days.stop, last)
        if lo < hi:
            out.append(range(lo - first, hi - first))
    return out


def capacity_of(member: TeamMember, calendar: WorkCalendar, first: int, last: int
                ) -> list[float]:
    """Capacity per working day in [first, last): availability, 0 on an absence."""
    capacity = [member.availability] * max(0, last - first)
    for absent in _absences(member, calendar, first, last):
        capacity[absent.start:absent.stop] = [0.0] * len(absent)
    return capacity


Segment = tuple[int, int, float, float]
"""Working days [start, end) (indices from `Load.first`) of constant load and capacity."""


def compute_load(project: Project, schedule: Schedule) -> Load:
    """Each person's load, worked out per stretch of days between the moments a task starts
    or ends or an absence begins or ends: per task, not per day."""
    with collector_paused():
        return _compute_load(project, schedule)


def _compute_load(project: Project, schedule: Schedule) -> Load:
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
    weeks = _week_spans(cal.days(first, last))
    out: list[ResourceLoad] = []
    for member in project.settings.team:
        absences = _absences(member, cal, first, last)
        capacity = capacity_of(member, cal, first, last)
        bounds = sorted({0, size, *(b - first for s, f, _ in spans[member.id] for b in (s, f)),
                         *(b for absent in absences for b in (absent.start, absent.stop))})
        segments = _segments(diffs[member.id], bounds, capacity)
        daily: list[float] = []
        for start, end, load, _ in segments:
            daily += [load] * (end - start)
        limited = member.kind in LIMITED
        out.append(ResourceLoad(
            resource=member.id, name=member.name, availability=member.availability,
            limited=limited, daily=tuple(daily), capacity=tuple(capacity),
            over=_runs(member.id, cal, first, segments, limited, sorted(spans[member.id])),
            week_spans=weeks,
        ))
    return Load(first, last, tuple(out))


def _segments(diff: list[float], bounds: list[int], capacity: list[float]) -> list[Segment]:
    """The stretches between consecutive `bounds`. The running sum of `diff` adds the same
    numbers in the same order as a day-by-day sum (the days between add 0.0)."""
    segments: list[Segment] = []
    running = 0.0
    for start, end in zip(bounds, bounds[1:], strict=False):
        running += diff[start]
        segments.append((start, end, running if abs(running) > 1e-9 else 0.0, capacity[start]))
    return segments


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


def _runs(resource: str, calendar: WorkCalendar, first: int, segments: list[Segment],
          limited: bool, spans: list[tuple[int, int, str]]) -> tuple[OverAllocation, ...]:
    """The over-allocated runs, each with the tasks under way during it. One sweep: runs
    and task spans (sorted by start) both go forward in time."""
    runs: list[OverAllocation] = []
    started = 0  # spans[:started] start before the current run ends
    under_way: list[tuple[int, int, str]] = []
    for over, stretch in groupby(segments, key=lambda s: limited and s[2] > s[3] + TOLERANCE):
        if not over:
            continue
        run = list(stretch)
        k, end = run[0][0], run[-1][1]
        a, b = k + first, end + first
        while started < len(spans) and spans[started][0] < b:
            under_way.append(spans[started])
            started += 1
        under_way = [span for span in under_way if span[1] > a]
        runs.append(OverAllocation(
            resource, calendar.day(a), calendar.day(b - 1), end - k, max(s[2] for s in run),
            min(s[3] for s in run), tuple(sorted({tid for _, _, tid in under_way}))))
    return tuple(runs)
