"""cockpit.toml: the project, its calendar, team, stakeholders, objectives and governance."""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from decimal import Decimal
from enum import Enum, StrEnum

from cockpit.model.immutable import immutable
from cockpit.model.source import NOWHERE, Source


class Phase(StrEnum):
    """The phase a project is in (cockpit.toml), and in which a capacity can be evidenced."""

    CADRAGE = "cadrage"
    CONDUITE = "conduite"
    CONCLUSION = "conclusion"

    @property
    def rank(self) -> int:
        return list(Phase).index(self)


@immutable
class ProjectInfo:
    id: str
    title: str
    start: dt.date
    sponsor: str = ""
    company: str = ""  # the company's name: --anonymise replaces it in reports
    manager: str = ""
    deadline: dt.date | None = None
    status_date: dt.date | None = None
    phase: Phase = Phase.CADRAGE
    currency: str = "EUR"
    referential: str = ""
    context: str = ""
    source: Source = NOWHERE


@immutable
class Period:
    """A closed range of calendar days (`from`, `to` both inclusive)."""

    start: dt.date
    end: dt.date
    label: str = ""

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


@immutable
class CalendarSpec:
    """The `[calendar]` table: weekdays worked (0 = Monday), holidays zone and closures."""

    workdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    hours_per_day: float = 7.0
    holidays: str = "FR"
    closures: tuple[Period, ...] = ()
    source: Source = NOWHERE


class ResourceKind(Enum):
    PERSON = "person"
    EQUIPMENT = "equipment"
    MATERIAL = "material"
    SERVICE = "service"


@immutable
class TeamMember:
    id: str
    name: str
    role: str = ""
    kind: ResourceKind = ResourceKind.PERSON
    rate: Decimal = Decimal(0)
    availability: float = 1.0
    absences: tuple[Period, ...] = ()
    source: Source = NOWHERE


@immutable
class Stakeholder:
    id: str
    name: str
    kind: str = "internal"
    interest: int | None = None
    influence: int | None = None
    expectations: str = ""
    source: Source = NOWHERE


@immutable
class Objective:
    id: str
    statement: str
    indicator: str = ""
    deadline: dt.date | None = None
    source: Source = NOWHERE


@immutable
class Governance:
    id: str
    name: str
    members: tuple[str, ...] = ()
    frequency: str = ""
    source: Source = NOWHERE


@immutable
class Ignore:
    """`[[check.ignore]]`: silence a diagnostic code, for the project or one file, with a reason."""

    code: str
    reason: str
    file: str = ""
    source: Source = NOWHERE


@immutable
class Settings:
    """Everything cockpit.toml holds."""

    project: ProjectInfo
    calendar: CalendarSpec = field(default_factory=CalendarSpec)
    team: tuple[TeamMember, ...] = ()
    stakeholders: tuple[Stakeholder, ...] = ()
    objectives: tuple[Objective, ...] = ()
    governance: tuple[Governance, ...] = ()
    ignores: tuple[Ignore, ...] = ()
