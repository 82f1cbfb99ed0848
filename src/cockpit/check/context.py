"""What the validation passes share: the project and what is computed from it, once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from cockpit.model import Project

if TYPE_CHECKING:
    from cockpit.schedule import Schedule, WorkCalendar
    from cockpit.schedule.load import Load


@dataclass
class CheckContext:
    """The loaded project; the calendar and schedule are computed on first use."""

    project: Project
    today: dt.date  # given by the shell: the status date when cockpit.toml has none
    cache: dict[str, object] = field(default_factory=dict)

    @property
    def status_date(self) -> dt.date:
        from cockpit.finance import status_date_of

        return status_date_of(self.project, self.today)

    @cached_property
    def calendar(self) -> WorkCalendar:
        from cockpit.schedule import WorkCalendar

        return WorkCalendar.from_settings(self.project.settings)

    @cached_property
    def schedule(self) -> Schedule:
        from cockpit.schedule import compute_schedule

        return compute_schedule(self.project, self.calendar)

    @cached_property
    def load(self) -> Load:
        """Each person's load day by day and week by week, from the schedule."""
        from cockpit.schedule.load import compute_load

        return compute_load(self.project, self.schedule)
