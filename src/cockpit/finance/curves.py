"""Curves over time: the S-curve of PV/EV/AC and the month-by-month commitment forecast."""

from __future__ import annotations

import datetime as dt
import importlib
from bisect import bisect_right
from collections.abc import Iterable
from decimal import Decimal
from itertools import accumulate
from typing import Any

from cockpit.finance.evm import HUNDRED
from cockpit.finance.planned import ZERO, PlannedBudget, decimal_of, plan_costs
from cockpit.model import Project
from cockpit.model.immutable import immutable
from cockpit.schedule import Schedule


def pandas() -> Any:
    """pandas, imported on first use (it costs a third of a second to import)."""
    return importlib.import_module("pandas")


@immutable
class CurvePoint:
    """Cumulative values at the end of `date`; EV and AC are None after the status date."""

    date: dt.date
    pv: Decimal
    ev: Decimal | None
    ac: Decimal | None


class _Cumulative:
    """A step function: the sum of the amounts dated on or before a day."""

    def __init__(self, events: Iterable[tuple[dt.date, Decimal]]) -> None:
        totals: dict[dt.date, Decimal] = {}
        for when, amount in events:
            totals[when] = totals.get(when, ZERO) + amount
        self.dates = sorted(totals)
        self.values = list(accumulate((totals[d] for d in self.dates), initial=ZERO))

    def at(self, day: dt.date) -> Decimal:
        return self.values[bisect_right(self.dates, day)]


def earned_events(project: Project, planned: PlannedBudget) -> list[tuple[dt.date, Decimal]]:
    """Each progress row as the change of earned value it brings, in journal date order."""
    current: dict[str, Decimal] = {}
    out: list[tuple[dt.date, Decimal]] = []
    rows = sorted(enumerate(project.progress), key=lambda p: (p[1].date, p[0]))
    for _, row in rows:
        cost = planned.costs.get(row.task)
        if cost is None:
            continue
        percent = min(max(decimal_of(row.percent), ZERO), HUNDRED)
        before = current.get(row.task, ZERO)
        current[row.task] = percent
        if percent != before:
            out.append((row.date, cost.total * (percent - before) / HUNDRED))
    return out


def week_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    """The Sundays from the week of `first` to the week of `last`."""
    day = first + dt.timedelta(days=6 - first.weekday())
    out = []
    while True:
        out.append(day)
        if day >= last:
            return out
        day += dt.timedelta(days=7)


def s_curve(project: Project, schedule: Schedule, status_date: dt.date,
            planned: PlannedBudget | None = None, until: dt.date | None = None
            ) -> tuple[CurvePoint, ...]:
    """PV, EV and AC week by week from the project start to its finish, and at the status date;
    only the points up to `until` when given (the same points, computed from less)."""
    budget = planned or plan_costs(project, schedule)
    last_event = dt.date.max if until is None else until
    pv = _Cumulative(budget.daily(until))
    ev = _Cumulative(e for e in earned_events(project, budget) if e[0] <= last_event)
    ac = _Cumulative((c.date, c.amount) for c in project.costs if c.date <= last_event)
    first = min(schedule.start, project.settings.project.start)
    last = max(schedule.finish, status_date if status_date >= first else first)
    samples = sorted(set(week_ends(first, last)) | ({status_date} if status_date >= first else set()))
    return tuple(CurvePoint(day, pv.at(day), ev.at(day) if day <= status_date else None,
                            ac.at(day) if day <= status_date else None)
                 for day in samples if day <= last_event)


@immutable
class MonthCommitment:
    """One month of the commitment forecast (état d'engagement prévisionnel).

    `planned` is what the plan commits in the month; `actual` what costs.csv records up
    to the status date; `forecast` is the actual cost up to the status date plus the
    planned cost after it. Cumulative values are compared with the envelope.
    """

    month: dt.date  # first day of the month
    planned: Decimal
    actual: Decimal
    forecast: Decimal
    cumulative_planned: Decimal
    cumulative_forecast: Decimal
    envelope: Decimal | None

    @property
    def margin(self) -> Decimal | None:
        """Envelope minus the cumulative forecast (negative: the envelope is exceeded)."""
        return None if self.envelope is None else self.envelope - self.cumulative_forecast


def commitments(project: Project, schedule: Schedule, status_date: dt.date,
                planned: PlannedBudget | None = None) -> tuple[MonthCommitment, ...]:
    """The month-by-month forecast of commitments against the envelope (aggregated with pandas)."""
    pd = pandas()
    budget = planned or plan_costs(project, schedule)
    rows: list[tuple[dt.date, str, Decimal]] = []
    for when, amount in budget.daily():
        rows.append((when, "planned", amount))
        if when > status_date:
            rows.append((when, "forecast", amount))
    for entry in project.costs:
        if entry.date <= status_date:
            rows.append((entry.date, "actual", entry.amount))
            rows.append((entry.date, "forecast", entry.amount))
    if not rows:
        return ()
    frame = pd.DataFrame(rows, columns=["date", "kind", "amount"])
    frame["month"] = [dt.date(d.year, d.month, 1) for d in frame["date"]]
    table = frame.pivot_table(index="month", columns="kind", values="amount", aggfunc="sum",
                              fill_value=ZERO)
    months = _month_range(min(table.index), max(table.index))
    envelope = project.budget.envelope
    out: list[MonthCommitment] = []
    cum_planned = cum_forecast = ZERO
    for month in months:
        values = {kind: _decimal(table.at[month, kind]) if month in table.index
                  and kind in table.columns else ZERO
                  for kind in ("planned", "actual", "forecast")}
        cum_planned += values["planned"]
        cum_forecast += values["forecast"]
        out.append(MonthCommitment(month, values["planned"], values["actual"],
                                   values["forecast"], cum_planned, cum_forecast, envelope))
    return tuple(out)


def _decimal(value: object) -> Decimal:
    if isinstance(value, Decimal):
        return value
    return Decimal(str(value)) if value is not None else ZERO


def _month_range(first: dt.date, last: dt.date) -> list[dt.date]:
    out = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        out.append(dt.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
