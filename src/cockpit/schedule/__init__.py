"""Calendars, the critical path method, resource load, levelling and baselines.

Pure core: no UI library is imported here (see docs/schedule.md).
"""

from cockpit.model.holidays import french_holidays
from cockpit.schedule.calendar import WorkCalendar
from cockpit.schedule.cpm import Schedule, ScheduledTask, compute_schedule
from cockpit.schedule.network import Problem

__all__ = [
    "Problem", "Schedule", "ScheduledTask", "WorkCalendar", "compute_schedule",
    "french_holidays",
]
