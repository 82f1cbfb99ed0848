"""Small builders of Project values for the schedule tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cockpit.model import (
    CalendarSpec,
    Dependency,
    Period,
    Project,
    ProjectInfo,
    Settings,
    Task,
    TeamMember,
    parse_assignment,
    parse_dependency,
    parse_duration,
)

MONDAY = dt.date(2026, 1, 5)


def task(task_id: str, duration: str | None = None, *after: str, parent: str = "",
         milestone: bool = False, resources: tuple[str, ...] = (), **facts: dt.date) -> Task:
    return Task(
        id=task_id, name=task_id.capitalize(), parent=parent, milestone=milestone,
        duration=parse_duration(duration) if duration else None,
        after=tuple(_dependency(a) for a in after),
        resources=tuple(parse_assignment(r) for r in resources), **facts,  # type: ignore[arg-type]
    )


def _dependency(text: str) -> Dependency:
    """A bare id is that task (so "kickoff" is not "kicko FF"); anything else is parsed."""
    bare = not any(c in text for c in " +-")
    return parse_dependency(text, {text} if bare else set())


def project(*tasks: Task, start: dt.date = MONDAY, deadline: dt.date | None = None,
            holidays: str = "FR", closures: tuple[Period, ...] = (),
            team: tuple[TeamMember, ...] = (), workdays: tuple[int, ...] = (0, 1, 2, 3, 4),
            root: Path = Path(".")) -> Project:
    settings = Settings(
        ProjectInfo("P", "Projet", start, deadline=deadline),
        CalendarSpec(workdays=workdays, hours_per_day=7.0, holidays=holidays, closures=closures),
        team=team,
    )
    return Project(root=root, settings=settings, tasks=tasks)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
