"""The working calendar: which days are worked, and the boundary ↔ date mapping.

Boundary i is the start of the i-th working day, 0 being the first working day on or
after the project start (FORMAT.md, "Schedule semantics"). Working days are kept as a
sorted list of ordinals that grows lazily in both directions, so `day(i)` is a list
lookup and `boundary(date)` a bisection.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from cockpit.model import Period, Settings
from cockpit.model.holidays import french_holidays

HOLIDAY_ZONES = ("FR", "FR-57", "none")
_CHUNK = 366
# A calendar that finds no working day in this many consecutive days is empty.
_MAX_GAP = 3 * 366


class WorkCalendar:
    """Working days = `workdays` − public holidays − closures, numbered from `start`."""

    def __init__(
        self,
        start: dt.date,
        workdays: Iterable[int] = (0, 1, 2, 3, 4),
        holidays: str = "FR",
        closures: Iterable[Period] = (),
    ) -> None:
        self.start = start
        self.workdays = frozenset(d for d in workdays if 0 <= d <= 6)
        self.holidays = holidays if holidays in HOLIDAY_ZONES else "FR"
        self.closures = tuple(sorted(closures, key=lambda p: p.start))
        # Without any weekday worked nothing could ever be scheduled: fall back to Mon–Fri.
        self.fallback = not self.workdays
        if self.fallback:
            self.workdays = frozenset(range(5))
        self._weekday_mask = tuple(d in self.workdays for d in range(7))
        self._closure_days: frozenset[int] = frozenset(
            o
            for p in self.closures
            for o in range(p.start.toordinal(), p.end.toordinal() + 1)
        )
        # Working days as ordinals, sorted; `_zero` is the index of boundary 0.
        first = self._scan_forward(start.toordinal())
        self._days: list[int] = [first]
        self._zero = 0
        self._lo = first  # every ordinal in [_lo, _hi] has been classified
        self._hi = first
        self._dates: dict[int, dt.date] = {}

    @classmethod
    def from_settings(cls, settings: Settings) -> WorkCalendar:
        spec = settings.calendar
        return cls(settings.project.start, spec.workdays, spec.holidays, spec.closures)

    # -- classification --------------------------------------------------------------

    def is_working_day(self, day: dt.date) -> bool:
        return self._works(day.toordinal())

    def _works(self, ordinal: int) -> bool:
        if not self._weekday_mask[(ordinal - 1) % 7]:  # ordinal 1 is Monday 0001-01-01
            return False
        if ordinal in self._closure_days:
            return False
        day = dt.date.fromordinal(ordinal)
        return day not in french_holidays(day.year, self.holidays)

    def _scan_forward(self, ordinal: int) -> int:
        for candidate in range(ordinal, ordinal + _MAX_GAP):
            if self._works(candidate):
                return candidate
        raise ValueError("calendar without working days")

    # -- lazy extension --------------------------------------------------------------

    def _extend_up(self, until: int) -> None:
        """Classify ordinals up to `until` at least."""
        days = self._days
        works = self._works
        ordinal = self._hi + 1
        stop = max(until, self._hi + _CHUNK)
        days.extend(o for o in range(ordinal, stop + 1) if works(o))
        self._hi = stop

    def _extend_down(self, until: int) -> None:
        stop = min(until, self._lo - _CHUNK)
        before = [o for o in range(stop, self._lo) if self._works(o)]
        self._days[:0] = before
        self._zero += len(before)
        self._lo = stop

    # -- the mapping -----------------------------------------------------------------

    def ordinal(self, boundary: int) -> int:
        """The ordinal of working day `boundary` (0 = first working day on or after start)."""
        index = boundary + self._zero
        while index >= len(self._days):
            self._extend_up(self._hi + _CHUNK)
        while index < 0:
            self._extend_down(self._lo - _CHUNK)
            index = boundary + self._zero
        return self._days[index]

    def day(self, boundary: int) -> dt.date:
        """Working day number `boundary` as a date."""
        found = self._dates.get(boundary)
        if found is None:
            found = self._dates[boundary] = dt.date.fromordinal(self.ordinal(boundary))
        return found

    def days(self, first: int, last: int) -> list[dt.date]:
        """The working days of boundaries [first, last), as dates."""
        if last <= first:
            return []
        self.ordinal(first)
        self.ordinal(last - 1)  # both ends classified, `_zero` final
        return list(map(dt.date.fromordinal, self._days[first + self._zero:last + self._zero]))

    def boundary(self, day: dt.date) -> int:
        """The boundary at the start of `day`: working days from day 0 up to `day`, excluded.

        On a non-working day this is the boundary of the next working day.
        """
        ordinal = day.toordinal()
        while ordinal > self._hi:
            self._extend_up(ordinal)
        while ordinal < self._lo:
            self._extend_down(ordinal)
        return bisect_left(self._days, ordinal) - self._zero

    def boundary_after(self, day: dt.date) -> int:
        """The boundary at the end of `day`: the finish boundary F of a task ending on `day`."""
        return self.boundary(day + dt.timedelta(days=1))

    def finish_date(self, start: int, finish: int) -> dt.date:
        """The last day of [start, finish) (inclusive), or the milestone date when empty."""
        if finish <= start:
            return self.milestone_date(finish)
        return self.day(finish - 1)

    def span_dates(self, starts: Sequence[int], finishes: Sequence[int]
                   ) -> list[tuple[dt.date, dt.date]]:
        """The first and last days of many spans [s, f), from one list of dates; a
        zero-length span is dated like a milestone (see `finish_date`)."""
        if not starts:
            return []
        lo = min(min(starts), min(finishes), 1) - 1  # a milestone at B is dated day B − 1
        days = self.days(lo, max(max(starts), max(finishes), 0) + 1)
        day0 = days[-lo]
        return [(days[s - lo], days[f - 1 - lo]) if f > s else
                (day0 if s == 0 else days[s - 1 - lo], day0 if f == 0 else days[f - 1 - lo])
                for s, f in zip(starts, finishes, strict=True)]

    def milestone_date(self, boundary: int) -> dt.date:
        """A milestone at boundary B is dated working day B − 1, or working day 0 when B = 0."""
        return self.day(0) if boundary == 0 else self.day(boundary - 1)

    def working_days_in(self, period: Period) -> range:
        """The boundaries of the working days of a closed period."""
        return range(self.boundary(period.start), self.boundary_after(period.end))
