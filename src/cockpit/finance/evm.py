"""Earned value management at the status date, per task, per summary task and project.

Definitions (PMBOK): PV planned value, EV earned value, AC actual cost, BAC budget at
completion; SV = EV − PV, CV = EV − AC, SPI = EV / PV, CPI = EV / AC; EAC by one of
three formulas (`EacMethod`), ETC = EAC − AC, VAC = BAC − EAC,
TCPI = (BAC − EV) / (BAC − AC). A ratio whose denominator is zero is None ("n/d").

Semantics of FORMAT.md: PV from the planned cost spread (planned.py); EV of a task =
its own planned cost × its latest percent complete on or before the status date
(progress.csv); AC only from costs.csv, dated on or before the status date. A summary
task adds up its descendants and whatever is planned or spent on itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import field
from decimal import Decimal
from enum import Enum

from cockpit.finance.labour import unrecorded_labour
from cockpit.finance.planned import (
    ZERO,
    PlannedBudget,
    decimal_of,
    descendants_first,
    plan_costs,
)
from cockpit.model import CostEntry, ProgressEntry, Project
from cockpit.model.immutable import immutable
from cockpit.schedule import Schedule
from cockpit.schedule.progress import latest_progress

HUNDRED = Decimal(100)


class EacMethod(Enum):
    CPI = "cpi"  # BAC / CPI: the cost performance so far goes on
    BUDGET_RATE = "budget_rate"  # AC + (BAC − EV): the rest is done at the planned rate
    CPI_SPI = "cpi_spi"  # AC + (BAC − EV) / (CPI × SPI): cost and schedule pressure

    @property
    def formula(self) -> str:
        return {"cpi": "BAC / CPI", "budget_rate": "AC + (BAC − EV)",
                "cpi_spi": "AC + (BAC − EV) / (CPI × SPI)"}[self.value]

    @property
    def french(self) -> str:
        return {"cpi": "performance de coût constante (BAC / CPI)",
                "budget_rate": "reste à faire au coût prévu (AC + (BAC − EV))",
                "cpi_spi": "performances de coût et de délai (AC + (BAC − EV) / (CPI × SPI))",
                }[self.value]


def _divide(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    return None if denominator == 0 else numerator / denominator


@immutable
class Evm:
    """The four base values and every index derived from them."""

    bac: Decimal = ZERO
    pv: Decimal = ZERO
    ev: Decimal = ZERO
    ac: Decimal = ZERO

    def __add__(self, other: Evm) -> Evm:
        return Evm(self.bac + other.bac, self.pv + other.pv, self.ev + other.ev,
                   self.ac + other.ac)

    @property
    def sv(self) -> Decimal:
        return self.ev - self.pv

    @property
    def cv(self) -> Decimal:
        return self.ev - self.ac

    @property
    def spi(self) -> Decimal | None:
        return _divide(self.ev, self.pv)

    @property
    def cpi(self) -> Decimal | None:
        return _divide(self.ev, self.ac)

    @property
    def percent_complete(self) -> Decimal | None:
        """EV / BAC, in percent."""
        value = _divide(self.ev, self.bac)
        return None if value is None else value * HUNDRED

    @property
    def percent_spent(self) -> Decimal | None:
        """AC / BAC, in percent."""
        value = _divide(self.ac, self.bac)
        return None if value is None else value * HUNDRED

    def eac_by(self, method: EacMethod) -> Decimal | None:
        if method is EacMethod.BUDGET_RATE:
            return self.ac + (self.bac - self.ev)
        cpi = self.cpi
        if method is EacMethod.CPI:
            return None if not cpi else self.bac / cpi
        spi = self.spi
        return None if not cpi or not spi else self.ac + (self.bac - self.ev) / (cpi * spi)

    @property
    def eac_method(self) -> EacMethod:
        """The formula used: BAC / CPI once a CPI exists, else AC + (BAC − EV).

        Before any cost or any earned value, there is no cost performance to extrapolate:
        the remaining work is then assumed to cost what was planned.
        """
        return EacMethod.CPI if self.cpi else EacMethod.BUDGET_RATE

    @property
    def eac(self) -> Decimal:
        value = self.eac_by(self.eac_method)
        return value if value is not None else self.ac + (self.bac - self.ev)

    @property
    def etc(self) -> Decimal:
        return self.eac - self.ac

    @property
    def vac(self) -> Decimal:
        return self.bac - self.eac

    @property
    def tcpi(self) -> Decimal | None:
        """Cost performance needed on the remaining work to finish within BAC."""
        return _divide(self.bac - self.ev, self.bac - self.ac)

    @property
    def tcpi_eac(self) -> Decimal | None:
        """Cost performance needed on the remaining work to finish within the EAC."""
        return _divide(self.bac - self.ev, self.eac - self.ac)


@immutable
class EvmReport:
    """EVM of every scheduled task (summary tasks aggregated) and of the project."""

    status_date: dt.date
    project: Evm
    tasks: dict[str, Evm]
    percent: dict[str, Decimal] = field(default_factory=dict)  # latest percent per task
    unassigned_ac: Decimal = ZERO  # costs on no task, or a task the schedule does not know
    loose_bac: Decimal = ZERO  # budget lines on no task, or an unknown task
    unrecorded_labour: tuple[str, ...] = ()  # started tasks whose labour costs.csv lacks


def status_date_of(project: Project, today: dt.date) -> dt.date:
    """`project.status_date`, or `today` as the shell gave it (the core never reads the clock)."""
    return project.settings.project.status_date or today


def latest_percent(progress: tuple[ProgressEntry, ...], day: dt.date) -> dict[str, Decimal]:
    """The latest percent complete of each task on or before `day` (a later row of the same
    date wins)."""
    return {task: min(max(decimal_of(row.percent), ZERO), HUNDRED)
            for task, row in latest_progress(progress, day).items()}


def actual_costs(costs: tuple[CostEntry, ...], day: dt.date) -> dict[str, Decimal]:
    """Actual cost per task id ("" for none) dated on or before `day`."""
    out: dict[str, Decimal] = {}
    for entry in costs:
        if entry.date <= day:
            out[entry.task] = out.get(entry.task, ZERO) + entry.amount
    return out


_Values = tuple[Decimal, Decimal, Decimal, Decimal]
"""A task's own BAC, PV, EV and AC."""


def _own_values(budget: PlannedBudget, day: dt.date, percent: dict[str, Decimal],
                spent: dict[str, Decimal]) -> dict[str, _Values]:
    """Each task's own values at the end of `day` (its children's are theirs). Takes each
    task's actual cost out of `spent`, which keeps the costs on no known task."""
    boundary = budget.calendar.boundary_after(day)
    own: dict[str, _Values] = {}
    for task_id, cost in budget.costs.items():
        total = cost.total
        done = percent.get(task_id)
        own[task_id] = (total, cost.value_through(boundary, day),
                        total * done / HUNDRED if done is not None else ZERO,
                        spent.pop(task_id, ZERO))
    return own


def _project_total(own: Iterable[_Values], budget: PlannedBudget, day: dt.date,
                   unassigned: Decimal) -> Evm:
    """The project: its tasks' own values, the loose lines and the costs on no known task,
    added in the order `sum(Evm(...) for each task)` would add them."""
    bac = pv = ev = ac = ZERO
    for task_bac, task_pv, task_ev, task_ac in own:
        bac += task_bac
        pv += task_pv
        ev += task_ev
        ac += task_ac
    loose_pv = sum((amount for when, amount in budget.loose if when <= day), ZERO)
    return Evm(bac, pv, ev, ac) + Evm(budget.loose_total, loose_pv, ZERO, unassigned)


def compute_evm(project: Project, schedule: Schedule, status_date: dt.date,
                planned: PlannedBudget | None = None) -> EvmReport:
    budget = planned or plan_costs(project, schedule)
    percent = latest_percent(project.progress, status_date)
    spent = actual_costs(project.costs, status_date)
    own = _own_values(budget, status_date, percent, spent)
    rolled = {task_id: Evm(*values) for task_id, values in own.items()}
    for task_id, parent in descendants_first(schedule):
        if parent in rolled:
            rolled[parent] = rolled[parent] + rolled[task_id]
    unassigned = sum(spent.values(), ZERO)
    total = _project_total(own.values(), budget, status_date, unassigned)
    return EvmReport(status_date, total, rolled, percent, unassigned, budget.loose_total,
                     unrecorded_labour(project, budget, status_date))


def project_evm(project: Project, schedule: Schedule, status_date: dt.date,
                planned: PlannedBudget | None = None) -> Evm:
    """`compute_evm(...).project` without the per-task report (the checks need the
    project's indices only)."""
    budget = planned or plan_costs(project, schedule)
    spent = actual_costs(project.costs, status_date)
    own = _own_values(budget, status_date, latest_percent(project.progress, status_date), spent)
    return _project_total(own.values(), budget, status_date, sum(spent.values(), ZERO))
