"""Indicators against their baseline and target, their trend, and late measures.

A measure is late when the time since the last one (or since the project start, when
there is none) exceeds the indicator's frequency at the status date.

An indicator is off target when its latest measure is worse than the reference expected
at that date, beyond a tolerance of 10 % of the distance from baseline to target (10 %
of the target when both are equal):
- a steering indicator (`scope = "project"`: progress, CPI...) follows a trajectory, a
  straight line from the baseline at the project start to the target at the deadline
  of the objective it measures (else the project deadline);
- a process indicator (`scope = "process"`: cycle time, defect rate...) usually moves
  only once the solution is deployed: before its deadline it must not fall back below
  its baseline; from its deadline on, it must reach its target.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from cockpit.model import Indicator, Measure, Project
from cockpit.model.immutable import immutable
from cockpit.model.vocabularies import TargetDirection

# Calendar days between two measures, and the grace given before a measure is late.
INTERVALS = {"quotidienne": 1, "hebdomadaire": 7, "quinzaine": 14, "mensuelle": 31,
             "trimestrielle": 92, "semestrielle": 183, "annuelle": 366}
GRACE = {"quotidienne": 3}  # a daily measure is not late over a weekend
TOLERANCE = 0.10


class Direction(Enum):
    BETTER = "better"
    WORSE = "worse"
    STABLE = "stable"
    UNKNOWN = "unknown"

    @property
    def french(self) -> str:
        return {"better": "s'améliore", "worse": "se dégrade", "stable": "stable",
                "unknown": "inconnue"}[self.value]

    @property
    def arrow(self) -> str:
        return {"better": "↗", "worse": "↘", "stable": "→", "unknown": "·"}[self.value]


@immutable
class IndicatorView:
    indicator: Indicator
    measures: tuple[Measure, ...]  # on or before the status date, oldest first
    latest: Measure | None
    trend: Direction
    attainment: float | None  # share of the way from baseline to target (1 = target reached)
    on_target: bool | None  # the latest measure reaches the target
    expected: float | None  # the reference at the latest measure's date (see `reference`)
    off_track_since: Measure | None  # first measure of the current run off the trajectory
    late: bool
    next_due: dt.date | None

    @property
    def id(self) -> str:
        return self.indicator.id

    @property
    def off_track(self) -> bool:
        return self.off_track_since is not None


def better(indicator: Indicator, a: float, b: float) -> bool:
    """`a` is strictly better than `b` given the indicator's direction."""
    return a < b if indicator.direction == TargetDirection.DOWN else a > b


def deadline_of(project: Project, indicator: Indicator) -> dt.date | None:
    dates = [o.deadline for o in project.settings.objectives
             if o.indicator == indicator.id and o.deadline]
    return min(dates) if dates else project.settings.project.deadline


def trajectory(project: Project, indicator: Indicator, day: dt.date) -> float | None:
    """The value expected at `day` on the straight line from baseline to target."""
    baseline, target = indicator.baseline, indicator.target
    if baseline is None or target is None:
        return None
    start = project.settings.project.start
    end = deadline_of(project, indicator)
    if end is None or end <= start or day >= end:
        return target
    if day <= start:
        return baseline
    return baseline + (target - baseline) * (day - start).days / (end - start).days


def reference(project: Project, indicator: Indicator, day: dt.date) -> float | None:
    """The value a measure taken on `day` is compared with (see the module's doc)."""
    if indicator.scope != "process":
        return trajectory(project, indicator, day)
    if indicator.baseline is None or indicator.target is None:
        return None
    deadline = deadline_of(project, indicator)
    return indicator.target if deadline is not None and day >= deadline else indicator.baseline


def _off_track(project: Project, indicator: Indicator, measure: Measure) -> bool:
    expected = reference(project, indicator, measure.date)
    if expected is None or indicator.baseline is None or indicator.target is None:
        return False
    slack = abs(indicator.target - indicator.baseline) * TOLERANCE or abs(indicator.target) * TOLERANCE
    limit = expected + slack if indicator.direction == TargetDirection.DOWN else expected - slack
    return better(indicator, limit, measure.value)


def view(project: Project, indicator: Indicator, measures: list[Measure],
         status_date: dt.date) -> IndicatorView:
    mine = sorted((m for m in measures if m.date <= status_date), key=lambda m: m.date)
    latest = mine[-1] if mine else None
    trend = Direction.UNKNOWN
    if len(mine) >= 2:
        a, b = mine[-1].value, mine[-2].value
        trend = (Direction.BETTER if better(indicator, a, b) else
                 Direction.WORSE if better(indicator, b, a) else Direction.STABLE)
    attainment = on_target = None
    if latest is not None and indicator.target is not None:
        on_target = not better(indicator, indicator.target, latest.value)
        if indicator.baseline is not None and indicator.target != indicator.baseline:
            attainment = (latest.value - indicator.baseline) / (indicator.target - indicator.baseline)
    since: Measure | None = None
    for measure in reversed(mine):
        if not _off_track(project, indicator, measure):
            break
        since = measure
    interval = INTERVALS.get(indicator.frequency)
    next_due = late = None
    if interval is not None:
        last = latest.date if latest else project.settings.project.start
        next_due = last + dt.timedelta(days=interval + GRACE.get(indicator.frequency, 0))
        if indicator.until is not None and next_due > indicator.until:
            next_due = None  # the series ends at `until`: no measure is expected after it
        late = next_due is not None and status_date > next_due
    return IndicatorView(
        indicator=indicator, measures=tuple(mine), latest=latest, trend=trend,
        attainment=attainment, on_target=on_target,
        expected=reference(project, indicator, latest.date) if latest else None,
        off_track_since=since, late=bool(late), next_due=next_due)


def views(project: Project, status_date: dt.date) -> tuple[IndicatorView, ...]:
    by_id: dict[str, list[Measure]] = {}
    for measure in project.measures:
        by_id.setdefault(measure.indicator, []).append(measure)
    return tuple(view(project, k, by_id.get(k.id, []), status_date) for k in project.indicators)
