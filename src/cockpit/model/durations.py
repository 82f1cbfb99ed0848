"""Durations, lags, dependencies and resource assignments as written in wbs.toml.

Parsing is pure: it turns the user's text into values or raises `NotationError`
with a French message that the folder loader turns into a diagnostic.
"""

from __future__ import annotations

import math
import re
from enum import Enum
from functools import lru_cache

from cockpit.model.immutable import immutable


class NotationError(ValueError):
    """A duration, dependency or assignment that cannot be read; the message is French."""


class DurationUnit(Enum):
    DAY = "d"
    WEEK = "w"
    HOUR = "h"


# A duration or a lag beyond this many working days (about forty years) is a typing error;
# far beyond, dates would overflow. Hours count as a day each in the worst case below
# (hours_per_day is at least 0.5), i.e. at most 240,000 h.
MAX_DAYS = 10_000
_DAYS_PER = {DurationUnit.DAY: 1.0, DurationUnit.WEEK: 5.0, DurationUnit.HOUR: 1 / 24}

_UNITS = {
    "j": DurationUnit.DAY,
    "d": DurationUnit.DAY,
    "s": DurationUnit.WEEK,
    "w": DurationUnit.WEEK,
    "h": DurationUnit.HOUR,
}
DAYS_PER_WEEK = 5

_DURATION = re.compile(r"^\s*([+-]?)\s*(\d+(?:[.,]\d+)?)\s*([a-zA-Z]+)\s*$")


@immutable
class Duration:
    """A signed amount of working time: `8j`, `2s`, `-1j`, `4h`."""

    amount: float
    unit: DurationUnit

    def working_days(self, hours_per_day: float) -> int:
        """Whole working days; hours are rounded up (away from zero), as v1 schedules in days."""
        if self.unit is DurationUnit.DAY:
            days = self.amount
        elif self.unit is DurationUnit.WEEK:
            days = self.amount * DAYS_PER_WEEK
        else:
            days = self.amount / hours_per_day
        magnitude = math.ceil(abs(days) - 1e-9)
        return magnitude if days >= 0 else -magnitude

    def __str__(self) -> str:
        amount = f"{self.amount:g}"
        return f"{amount}{ {'d': 'j', 'w': 's', 'h': 'h'}[self.unit.value] }".replace(" ", "")


ZERO = Duration(0.0, DurationUnit.DAY)


@lru_cache(maxsize=1024)  # a plan writes the same few durations thousands of times
def parse_duration(text: str) -> Duration:
    """Read `8j`, `8d`, `2s`, `2w`, `4h`, `1,5j`, `-1j`; raise NotationError otherwise."""
    match = _DURATION.match(text)
    if match is None or match.group(3).lower() not in _UNITS:
        raise NotationError(
            f"durée illisible « {text} » : écrivez un nombre suivi de j (jours ouvrés), "
            "s (semaines de 5 jours) ou h (heures), par exemple « 8j », « 2s » ou « 4h »"
        )
    sign, number, unit = match.groups()
    amount = float(number.replace(",", "."))
    unit_name = _UNITS[unit.lower()]
    if amount * _DAYS_PER[unit_name] > MAX_DAYS:
        raise NotationError(
            f"durée « {text} » démesurée : au plus {MAX_DAYS:,} jours ouvrés (une quarantaine "
            "d'années)".replace(",", "\u202f"))
    return Duration(-amount if sign == "-" else amount, unit_name)


class DependencyType(Enum):
    FS = "FS"
    SS = "SS"
    FF = "FF"
    SF = "SF"

    @property
    def french(self) -> str:
        return {"FS": "FD", "SS": "DD", "FF": "FF", "SF": "DF"}[self.value]


_DEPENDENCY_TYPES = {
    "FS": DependencyType.FS,
    "FD": DependencyType.FS,
    "SS": DependencyType.SS,
    "DD": DependencyType.SS,
    "FF": DependencyType.FF,
    "SF": DependencyType.SF,
    "DF": DependencyType.SF,
}
TASK_ID = re.compile(r"[A-Za-z0-9._-]+")  # use with fullmatch
_DEPENDENCY = re.compile(
    r"^\s*(?P<task>[A-Za-z0-9._-]+?)\s*(?P<type>FS|SS|FF|SF|FD|DD|DF)?"
    # A lag's unit is never a link type: in « lot-2 FD » the id is lot-2, not lot and lag -2 FD.
    r"\s*(?P<lag>[+-]\s*\d+(?:[.,]\d+)?\s*(?!(?:FS|SS|FF|SF|FD|DD|DF)\b)[a-zA-Z]+)?\s*$",
    re.IGNORECASE,
)


@immutable
class Dependency:
    """`after = ["cdc FD+2j"]`: the task waits on `task` with this type and lag."""

    task: str
    type: DependencyType = DependencyType.FS
    lag: Duration = ZERO

    def __str__(self) -> str:
        text = self.task
        if self.type is not DependencyType.FS or self.lag.amount:
            text += f" {self.type.french}"
        if self.lag.amount:
            text += ("+" if self.lag.amount > 0 else "") + str(self.lag)
        return text


_LINK = re.compile(r"^(FS|SS|FF|SF|FD|DD|DF)(?:([+-]\d+(?:[.,]\d+)?[a-zA-Z]+))?$", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _parse_link(link: str) -> tuple[DependencyType, Duration] | None:
    """The type and lag written after a known task id (`FD+2j`, `DD`, `ff-1s`), the usual
    form, read without the general pattern; None for any other form."""
    match = _LINK.match(link)
    if match is None:
        return None
    lag_text = match.group(2)
    return _DEPENDENCY_TYPES[match.group(1).upper()], parse_duration(lag_text) if lag_text else ZERO


def parse_dependency(text: str, known_tasks: frozenset[str] | set[str] = frozenset()) -> Dependency:
    """Read `"<task id> [TYPE][±LAG]"`; a text that is itself a known task id is that task."""
    stripped = text.strip()
    if stripped in known_tasks:
        return Dependency(stripped)
    task, _, link = stripped.rpartition(" ")
    if task in known_tasks and (typed := _parse_link(link)) is not None:
        return Dependency(task, *typed)
    match = _DEPENDENCY.match(text)
    if match is None:
        raise NotationError(
            f"dépendance illisible « {text} » : écrivez l'identifiant de la tâche, puis "
            "éventuellement le type (FD, DD, FF, DF) et le décalage, par exemple « cdc FD+2j »"
        )
    lag_text = match.group("lag")
    lag = parse_duration(lag_text.replace(" ", "")) if lag_text else ZERO
    type_text = match.group("type")
    dep_type = _DEPENDENCY_TYPES[type_text.upper()] if type_text else DependencyType.FS
    return Dependency(match.group("task"), dep_type, lag)


@immutable
class Assignment:
    """`resources = ["cmartin:50%"]`: a team member and the share of a full day worked."""

    resource: str
    share: float = 1.0


_ASSIGNMENT = re.compile(r"^\s*([A-Za-z0-9._-]+)\s*(?::\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*)?$")


@lru_cache(maxsize=4096)  # and assigns the same people at the same shares
def parse_assignment(text: str) -> Assignment:
    """Read `cmartin`, `cmartin:50%` or `cmartin:0.5`."""
    match = _ASSIGNMENT.match(text)
    if match is None:
        raise NotationError(
            f"affectation illisible « {text} » : écrivez l'identifiant d'un membre de l'équipe, "
            "éventuellement suivi de sa part, par exemple « cmartin:50% »"
        )
    resource, number, percent = match.groups()
    if number is None:
        return Assignment(resource)
    share = float(number.replace(",", "."))
    if percent or share > 1:
        share /= 100
    if share <= 0:
        raise NotationError(f"affectation « {text} » : la part doit être positive")
    if share > 1:
        raise NotationError(
            f"affectation « {text} » : une part de plus de 100 % d'une journée n'est pas "
            "possible ; pour plusieurs personnes, affectez chacune")
    return Assignment(resource, share)
