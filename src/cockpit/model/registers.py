"""The living registers: risks, actions, indicators and measures, communication, requirements."""

from __future__ import annotations

import datetime as dt

from cockpit.model.immutable import immutable
from cockpit.model.source import NOWHERE, Source, journal_source
from cockpit.model.vocabularies import (
    ActionStatus,
    Frequency,
    RiskCategory,
    RiskStatus,
    RiskStrategy,
    values,
)

RISK_CATEGORIES = values(RiskCategory)
RISK_STRATEGIES = values(RiskStrategy)
RISK_STATUSES = values(RiskStatus)
ACTION_STATUSES = values(ActionStatus)
FREQUENCIES = values(Frequency)


@immutable
class RiskAssessment:
    """An earlier assessment of a risk (`history = [{ date = …, probability = …, … }]`)."""

    date: dt.date
    probability: int
    impact: int
    detection: int | None = None


@immutable
class Risk:
    id: str
    title: str
    category: str = ""
    cause: str = ""
    consequence: str = ""
    probability: int | None = None
    impact: int | None = None
    detection: int | None = None
    owner: str = ""
    strategy: str = ""
    response: str = ""
    actions: tuple[str, ...] = ()
    tasks: tuple[str, ...] = ()
    status: str = RiskStatus.OPEN.value
    identified: dt.date | None = None
    review: dt.date | None = None  # the last review
    next_review: dt.date | None = None  # the next review planned, when given
    history: tuple[RiskAssessment, ...] = ()
    source: Source = NOWHERE

    @property
    def criticality(self) -> int | None:
        """P × I, or G × O × D (AMDEC) when detection is given."""
        if self.probability is None or self.impact is None:
            return None
        score = self.probability * self.impact
        return score * self.detection if self.detection is not None else score


@immutable
class Action:
    id: str
    what: str
    who: str = ""
    due: dt.date | None = None
    status: str = ActionStatus.TODO.value
    done: dt.date | None = None
    origin: str = ""
    comment: str = ""
    source: Source = NOWHERE


@immutable
class Indicator:
    id: str
    name: str
    definition: str = ""
    purpose: str = ""
    formula: str = ""
    unit: str = ""
    baseline: float | None = None
    target: float | None = None
    direction: str = "up"
    frequency: str = ""
    owner: str = ""
    visual: str = ""
    scope: str = "project"
    until: dt.date | None = None  # the last measurement planned: none is expected after it
    source: Source = NOWHERE


@immutable
class Measure:
    """A row of measures.csv."""

    date: dt.date
    indicator: str
    value: float
    comment: str = ""
    line: int = 0

    @property
    def source(self) -> Source:
        return journal_source("measures.csv", self.line)


@immutable
class Channel:
    """A `[[channel]]` of the communication plan."""

    id: str
    information: str
    purpose: str = ""
    sender: str = ""
    audience: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    frequency: str = ""
    medium: str = ""
    place: str = ""
    validated_by: str = ""
    source: Source = NOWHERE


@immutable
class Requirement:
    id: str
    text: str
    kind: str = ""
    priority: str = ""
    source_of: str = ""
    acceptance: str = ""
    status: str = ""
    tasks: tuple[str, ...] = ()
    source: Source = NOWHERE
