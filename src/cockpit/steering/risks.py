"""Risk analytics: criticality and its level, the 5 × 5 heat map, top risks, gaps, trend.

Criticality is P × I (1..25), or G × O × D (1..125, AMDEC) when detection is given.
Re-assessments: a risk may carry `history = [{ date = …, probability = …, impact = …,
detection = … }]`, its earlier assessments (a cockpit addition to FORMAT v1, see
docs/format.md); the trend compares the current assessment with the latest of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import Enum

from cockpit.model import Project, Risk
from cockpit.model.immutable import immutable
from cockpit.model.vocabularies import RiskStatus
from cockpit.steering.indicators import INTERVALS

ACTIVE = (RiskStatus.OPEN, RiskStatus.WATCHED, RiskStatus.OCCURRED)
SCALE = 5
REVIEW_DAYS = 30  # the longest time between two reviews when no governance body has a frequency


class Level(Enum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def french(self) -> str:
        return {"low": "faible", "moderate": "modéré", "high": "élevé",
                "critical": "critique"}[self.value]


# Upper bounds of each level: P × I on 25, G × O × D on 125.
PI_LEVELS = ((4, Level.LOW), (9, Level.MODERATE), (14, Level.HIGH), (25, Level.CRITICAL))
GOD_LEVELS = ((20, Level.LOW), (40, Level.MODERATE), (80, Level.HIGH), (125, Level.CRITICAL))


class Trend(Enum):
    UP = "up"
    DOWN = "down"
    STABLE = "stable"
    UNKNOWN = "unknown"

    @property
    def french(self) -> str:
        return {"up": "en hausse", "down": "en baisse", "stable": "stable",
                "unknown": "inconnue"}[self.value]

    @property
    def arrow(self) -> str:
        return {"up": "↗", "down": "↘", "stable": "→", "unknown": "·"}[self.value]


@immutable
class Assessment:
    """One assessment of a risk at a date."""

    date: dt.date | None
    probability: int
    impact: int
    detection: int | None = None

    @property
    def criticality(self) -> int:
        score = self.probability * self.impact
        return score * self.detection if self.detection is not None else score


def history_of(risk: Risk) -> tuple[Assessment, ...]:
    """Earlier assessments, oldest first (the loader sorts `history` by date)."""
    return tuple(Assessment(a.date, a.probability, a.impact, a.detection) for a in risk.history)


@immutable
class RiskView:
    risk: Risk
    criticality: int | None
    scale: int  # 25 for P × I, 125 for G × O × D
    level: Level | None
    active: bool
    missing: tuple[str, ...]  # "owner", "response", "review"
    review_overdue: bool  # last review older than the review period, or next_review passed
    trend: Trend
    previous: int | None  # criticality at the previous assessment

    @property
    def id(self) -> str:
        return self.risk.id

    @property
    def weight(self) -> float:
        """Criticality on a 0..1 scale, to rank P × I and G × O × D risks together."""
        return 0.0 if self.criticality is None else self.criticality / self.scale


MISSING_FRENCH = {"owner": "responsable", "response": "réponse", "review": "date de revue"}


def level_of(criticality: int | None, amdec: bool) -> Level | None:
    if criticality is None:
        return None
    for bound, level in GOD_LEVELS if amdec else PI_LEVELS:
        if criticality <= bound:
            return level
    return Level.CRITICAL


@immutable
class ReviewPeriod:
    """How often an open risk must be reviewed: the rhythm of the project's governance."""

    days: int = REVIEW_DAYS
    frequency: str = ""  # the governance frequency it comes from, "" for the default
    body: str = ""  # the governance body's name

    @property
    def french(self) -> str:
        if not self.frequency:
            return f"{self.days} jours sans instance de pilotage à fréquence définie"
        return f"fréquence « {self.frequency} » de « {self.body} »"


def review_period(project: Project) -> ReviewPeriod:
    """The longest regular rhythm of the governance bodies (every body's meetings see each open
    risk at least once per cycle of the least frequent one), or 30 days without one."""
    found = [(INTERVALS[g.frequency], g) for g in project.settings.governance
             if g.frequency in INTERVALS]
    if not found:
        return ReviewPeriod()
    days, body = max(found, key=lambda pair: pair[0])
    return ReviewPeriod(days, body.frequency, body.name)


def review_overdue(risk: Risk, status_date: dt.date, period: ReviewPeriod) -> bool:
    """`review` is the date of the last review: stale when older than the period; a
    `next_review` already passed is overdue too."""
    if risk.next_review is not None and risk.next_review < status_date:
        return True
    return risk.review is not None and (status_date - risk.review).days > period.days


DEFAULT_PERIOD = ReviewPeriod()


def view(risk: Risk, status_date: dt.date, period: ReviewPeriod = DEFAULT_PERIOD) -> RiskView:
    amdec = risk.detection is not None
    active = risk.status in ACTIVE
    missing: list[str] = []
    if active:
        if not risk.owner:
            missing.append("owner")
        if not risk.response and risk.strategy != "accepter":
            missing.append("response")
        if risk.review is None:
            missing.append("review")
    history = history_of(risk)
    current = risk.criticality
    previous = history[-1].criticality if history else None
    if previous is None or current is None:
        trend = Trend.UNKNOWN
    else:
        trend = Trend.UP if current > previous else Trend.DOWN if current < previous else Trend.STABLE
    return RiskView(
        risk=risk, criticality=current, scale=SCALE ** (3 if amdec else 2),
        level=level_of(current, amdec), active=active, missing=tuple(missing),
        review_overdue=active and review_overdue(risk, status_date, period),
        trend=trend, previous=previous)


def views(project: Project, status_date: dt.date) -> tuple[RiskView, ...]:
    period = review_period(project)
    return tuple(view(r, status_date, period) for r in project.risks)


def top_risks(risks: Iterable[RiskView], count: int = 5) -> list[RiskView]:
    """The active risks by decreasing criticality (on a common scale), then id."""
    ranked = [r for r in risks if r.active and r.criticality is not None]
    return sorted(ranked, key=lambda r: (-r.weight, r.id))[:count]


@immutable
class RiskMatrix:
    """`cells[p - 1][i - 1]`: the ids of the active risks of probability p and impact i."""

    cells: tuple[tuple[tuple[str, ...], ...], ...]

    def count(self, probability: int, impact: int) -> int:
        return len(self.cells[probability - 1][impact - 1])


def risk_matrix(risks: Iterable[RiskView]) -> RiskMatrix:
    grid: list[list[list[str]]] = [[[] for _ in range(SCALE)] for _ in range(SCALE)]
    for r in risks:
        p, i = r.risk.probability, r.risk.impact
        if r.active and p is not None and i is not None:
            grid[p - 1][i - 1].append(r.id)
    return RiskMatrix(tuple(tuple(tuple(cell) for cell in row) for row in grid))


def risks_of_task(project: Project, task_id: str) -> list[Risk]:
    return [r for r in project.risks if task_id in r.tasks]
