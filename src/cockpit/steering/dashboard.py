"""Everything steering computes at the status date, computed once and on demand.

Reports, `cockpit status` and the check rules share one `Dashboard` per project, so the
schedule, the planned costs and the EVM are computed once whichever asks first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from cockpit import french
from cockpit.finance import (
    CurvePoint,
    Evm,
    EvmReport,
    MonthCommitment,
    PlannedBudget,
    commitments,
    compute_evm,
    plan_costs,
    project_evm,
    s_curve,
    status_date_of,
)
from cockpit.finance.labour import unrecorded_labour
from cockpit.model import Project
from cockpit.schedule import Schedule, WorkCalendar, compute_schedule
from cockpit.steering import actions, indicators, risks
from cockpit.steering.variances import INDEX_THRESHOLD, Variance, find_variances


def latest_baseline_finish(project: Project) -> dict[str, dt.date] | None:
    """Finish dates of the most recently saved baseline of baselines/, if any."""
    from cockpit.schedule.baseline import BASELINE_DIR, BaselineError, load_baseline

    folder = project.root / BASELINE_DIR
    if not folder.is_dir():
        return None
    found = []
    for path in sorted(folder.glob("*.toml")):
        try:
            found.append(load_baseline(project.root, path.stem))
        except BaselineError:
            continue
    if not found:
        return None
    latest = max(found, key=lambda b: (b.saved or dt.date.min, b.name))
    return {task: finish for task, (_, finish) in latest.tasks.items()}


@dataclass
class Dashboard:
    project: Project
    today: dt.date  # given by the shell: the status date when cockpit.toml has none
    schedule_: Schedule | None = None
    status_date_: dt.date | None = None
    baseline: dict[str, dt.date] | None = field(default=None)
    use_baseline: bool = True

    @cached_property
    def status_date(self) -> dt.date:
        return self.status_date_ or status_date_of(self.project, self.today)

    @cached_property
    def schedule(self) -> Schedule:
        if self.schedule_ is not None:
            return self.schedule_
        return compute_schedule(self.project, WorkCalendar.from_settings(self.project.settings))

    @cached_property
    def planned(self) -> PlannedBudget:
        return plan_costs(self.project, self.schedule)

    @cached_property
    def evm(self) -> EvmReport:
        return compute_evm(self.project, self.schedule, self.status_date, self.planned)

    @cached_property
    def project_evm(self) -> Evm:
        """`evm.project`, computed alone when the per-task report is not needed."""
        return project_evm(self.project, self.schedule, self.status_date, self.planned)

    @cached_property
    def unrecorded_labour(self) -> tuple[str, ...]:
        """Started tasks whose labour costs.csv does not record: AC, CPI and EAC lack it."""
        return unrecorded_labour(self.project, self.planned, self.status_date)

    @cached_property
    def curve(self) -> tuple[CurvePoint, ...]:
        return s_curve(self.project, self.schedule, self.status_date, self.planned)

    @cached_property
    def curve_to_date(self) -> tuple[CurvePoint, ...]:
        """The points of `curve` up to the status date: the history of SPI and CPI."""
        return s_curve(self.project, self.schedule, self.status_date, self.planned,
                       until=self.status_date)

    @cached_property
    def commitments(self) -> tuple[MonthCommitment, ...]:
        return commitments(self.project, self.schedule, self.status_date, self.planned)

    @cached_property
    def risks(self) -> tuple[risks.RiskView, ...]:
        return risks.views(self.project, self.status_date)

    @cached_property
    def actions(self) -> tuple[actions.ActionView, ...]:
        return actions.views(self.project, self.status_date)

    @cached_property
    def indicators(self) -> tuple[indicators.IndicatorView, ...]:
        return indicators.views(self.project, self.status_date)

    @cached_property
    def variances(self) -> list[Variance]:
        baseline = self.baseline
        if baseline is None and self.use_baseline:
            baseline = latest_baseline_finish(self.project)
        evm = self.project_evm
        below = any(v is not None and v < INDEX_THRESHOLD for v in (evm.spi, evm.cpi))
        return find_variances(self.project, self.schedule, evm, self.status_date,
                              self.indicators, self.curve_to_date if below else (), baseline)


def unrecorded_labour_sentence(tasks: tuple[str, ...], shown: int = 8) -> str:
    """What every figure built on the actual cost must say when labour is not logged."""
    names = ", ".join(f"« {t} »" for t in tasks[:shown])
    if len(tasks) > shown:
        names += f" et {french.count(len(tasks) - shown, 'autre')}"
    which = "de la tâche commencée" if len(tasks) == 1 else f"des {len(tasks)} tâches commencées"
    return (f"main-d'œuvre {which} {names} absente de costs.csv : le coût réel (CR), le CPI "
            "et l'EAC ne la comptent pas")
