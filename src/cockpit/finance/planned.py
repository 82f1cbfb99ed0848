"""Planned cost of each task, spread over time as FORMAT.md defines it.

- Labour: rate × planned working days × allocation of each assigned team member, spread
  evenly over the task's working days [es, ef) of the schedule. The days are those of its
  planned `duration`: a task that slips (actual dates) keeps its planned cost, so the slip
  shows in AC and EAC, never in BAC.
- A budget line with a `date` is committed on that date; without one it is spread over
  its task's working days like labour (a line on a milestone, or on a task the schedule
  does not know, is committed at the task's date, or at the project start).

Spread amounts are kept whole and prorated on demand (`spread × elapsed / days`), so a
finished task's planned value is exactly its budget, with no rounding residue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import field
from decimal import Decimal
from functools import cache
from operator import itemgetter

from cockpit.model import Project
from cockpit.model.immutable import immutable
from cockpit.schedule import Schedule, WorkCalendar

ZERO = Decimal(0)


@immutable
class PlannedCost:
    """One task's own planned cost (its children's are theirs): spread part and dated lumps."""

    task: str
    es: int
    ef: int
    labour: Decimal = ZERO
    spread_lines: Decimal = ZERO
    lumps: tuple[tuple[dt.date, Decimal], ...] = ()

    @property
    def days(self) -> int:
        return max(0, self.ef - self.es)

    @property
    def spread(self) -> Decimal:
        return self.labour + self.spread_lines

    @property
    def lines(self) -> Decimal:
        return self.spread_lines + sum(map(itemgetter(1), self.lumps), ZERO)

    @property
    def total(self) -> Decimal:
        """The task's BAC contribution: everything planned on it."""
        return self.labour + self.lines

    def value_through(self, boundary: int, day: dt.date) -> Decimal:
        """Planned cost of the working days before `boundary` and the lumps dated ≤ `day`."""
        value = (sum((amount for when, amount in self.lumps if when <= day), ZERO)
                 if self.lumps else ZERO)
        days = self.days
        if days:
            elapsed = min(max(boundary - self.es, 0), days)
            if elapsed == days:
                value += self.spread
            elif elapsed:
                value += self.spread * elapsed / days
        return value


@immutable
class PlannedBudget:
    """Every task's planned cost, plus lines the schedule cannot place on a task."""

    calendar: WorkCalendar
    costs: dict[str, PlannedCost]
    loose: tuple[tuple[dt.date, Decimal], ...] = ()  # lines without a known task
    start: dt.date = dt.date.min
    order: tuple[str, ...] = field(default=())

    @property
    def loose_total(self) -> Decimal:
        """The lines without a known task."""
        return sum((amount for _, amount in self.loose), ZERO)

    @property
    def bac(self) -> Decimal:
        return sum((c.total for c in self.costs.values()), ZERO) + self.loose_total

    def value_at(self, day: dt.date) -> Decimal:
        """Project planned value at the end of `day` (PV of the S-curve)."""
        boundary = self.calendar.boundary_after(day)
        return (sum((c.value_through(boundary, day) for c in self.costs.values()), ZERO)
                + sum((amount for when, amount in self.loose if when <= day), ZERO))

    def daily(self, until: dt.date | None = None) -> Iterator[tuple[dt.date, Decimal]]:
        """Every planned amount with its date: spread parts per working day, and the lumps;
        only those dated on or before `until` when given.

        Spread amounts are emitted per day as `spread / days`; their sum over a task may
        differ from the spread in the 28th significant digit, which no report shows.
        """
        # Boundaries from `end` on are after `until`: a task starting there adds nothing.
        end = None if until is None else self.calendar.boundary_after(until)
        rates: dict[int, Decimal] = {}
        for cost in self.costs.values():
            if cost.days and cost.spread and (end is None or cost.es < end):
                per_day = cost.spread / cost.days
                rates[cost.es] = rates.get(cost.es, ZERO) + per_day
                rates[cost.ef] = rates.get(cost.ef, ZERO) - per_day
            if cost.lumps:
                yield from (lump for lump in cost.lumps if until is None or lump[0] <= until)
        yield from (lump for lump in self.loose if until is None or lump[0] <= until)
        if not rates:
            return
        bounds = sorted(rates)
        if end is None or end > bounds[-1]:
            end = bounds[-1]
        days = self.calendar.days(bounds[0], end)
        running = ZERO
        for left, right in zip(bounds, bounds[1:], strict=False):
            if left >= end:
                return
            running += rates[left]
            if running:
                for day in days[left - bounds[0]:min(right, end) - bounds[0]]:
                    yield day, running


@cache
def decimal_of(value: float) -> Decimal:
    """A share or percent read as a float, as the Decimal its shortest repr writes (0.1 is
    Decimal("0.1")); cached, as the same few values recur."""
    return Decimal(str(value))


def plan_costs(project: Project, schedule: Schedule) -> PlannedBudget:
    """The planned cost of every scheduled task, from the team's rates and budget.toml."""
    rates = {m.id: m.rate for m in project.settings.team}
    cal = schedule.calendar
    hours = project.settings.calendar.hours_per_day
    planned_days = {t.id: max(0, t.duration.working_days(hours)) for t in project.tasks
                    if t.duration is not None}
    labour: dict[str, Decimal] = {}
    for scheduled in schedule.tasks:
        if scheduled.summary or scheduled.ef <= scheduled.es:
            continue
        days = planned_days.get(scheduled.id, scheduled.ef - scheduled.es)
        total = ZERO
        for resource, share in scheduled.resources:
            rate = rates.get(resource)
            if rate:
                total += rate * decimal_of(share) * days
        if total:
            labour[scheduled.id] = total
    spread: dict[str, Decimal] = {}
    lumps: dict[str, list[tuple[dt.date, Decimal]]] = {}
    loose: list[tuple[dt.date, Decimal]] = []
    for line in project.budget_lines:
        task = schedule.task(line.task) if line.task else None
        if line.date is not None:
            if task is None:
                loose.append((line.date, line.amount))
            else:
                lumps.setdefault(task.id, []).append((line.date, line.amount))
        elif task is None:
            loose.append((schedule.start, line.amount))
        elif task.ef > task.es:
            spread[task.id] = spread.get(task.id, ZERO) + line.amount
        else:
            lumps.setdefault(task.id, []).append((task.finish, line.amount))
    costs: dict[str, PlannedCost] = {}
    for scheduled in schedule.tasks:
        costs[scheduled.id] = PlannedCost(
            scheduled.id, scheduled.es, scheduled.ef, labour.get(scheduled.id, ZERO),
            spread.get(scheduled.id, ZERO), tuple(lumps.get(scheduled.id, ())))
    return PlannedBudget(cal, costs, tuple(loose), schedule.start,
                         tuple(t.id for t in schedule.tasks))


def descendants_first(schedule: Schedule) -> Iterable[tuple[str, str]]:
    """(task, parent) pairs, deepest first: adding each to its parent rolls totals up."""
    for task in sorted(schedule.tasks, key=lambda t: -t.level):
        if task.parent:
            yield task.id, task.parent
