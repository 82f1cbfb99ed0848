"""wbs.toml: the work breakdown structure."""

from __future__ import annotations

import datetime as dt

from cockpit.model.durations import Assignment, Dependency, Duration
from cockpit.model.immutable import immutable
from cockpit.model.source import NOWHERE, Source


@immutable
class Task:
    """A `[[task]]`: a summary task when others name it as parent, a milestone when d = 0."""

    id: str
    name: str
    parent: str = ""
    milestone: bool = False
    duration: Duration | None = None
    resources: tuple[Assignment, ...] = ()
    after: tuple[Dependency, ...] = ()
    deliverable: str = ""
    indicator: str = ""
    start_no_earlier_than: dt.date | None = None
    actual_start: dt.date | None = None
    actual_finish: dt.date | None = None
    deadline: dt.date | None = None
    source: Source = NOWHERE

    @property
    def is_milestone(self) -> bool:
        return self.milestone or (self.duration is not None and self.duration.amount == 0)
