"""MS Project XML (MSPDI): write a project and its schedule, read one back.

MSPDI is the XML that MS Project saves and opens, and that ProjectLibre and GanttProject
(both through MPXJ) read and write. The mapping, field by field, is in docs/interop.md.

Writing follows the schema's element order (MS Project rejects elements out of order).
Dates are cockpit's own: a task's start is its first working day at the day's first
working minute, its finish its last working day at the day's last one; a milestone sits
at the end of its day (at the start of day 0 when it is at boundary 0). The working day
is 08:00-12:00 and 13:00 onwards for `hours_per_day`, so MinutesPerDay and every
duration use the project's hours per day (MS Project's default, 8 h, would make 7 h
durations drift).

Reading keeps what cockpit can represent and reports, in French, what it cannot
(elapsed durations and lags, manual tasks, task calendars, other constraints, working
exceptions, per-resource working times...), never dropping anything silently.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from cockpit import french
from cockpit.interop import InteropError
from cockpit.model import (
    Assignment,
    CalendarSpec,
    Dependency,
    DependencyType,
    Duration,
    DurationUnit,
    Period,
    Project,
    ProjectInfo,
    ResourceKind,
    Settings,
    Task,
    TeamMember,
)
from cockpit.model.holidays import french_holidays, holiday_names
from cockpit.model.immutable import immutable

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from cockpit.schedule import Schedule
    from cockpit.schedule.baseline import Baseline

NS = "http://schemas.microsoft.com/project"
# Text1 of tasks and of resources (MS Project field ids) carry cockpit's ids, so that a
# file cockpit wrote comes back with the same ids.
TASK_ID_FIELD = "188743731"
RESOURCE_ID_FIELD = "205520904"
ID_ALIAS = "Identifiant cockpit"
# Text2 of tasks: the planned duration of a finished task, whose Duration is the actual one
# (the planned one prices its labour, FORMAT.md).
PLANNED_FIELD = "188743734"
PLANNED_ALIAS = "Durée prévue (cockpit)"
LINK_TYPE = {DependencyType.FF: 0, DependencyType.FS: 1, DependencyType.SF: 2,
             DependencyType.SS: 3}
LINK_FROM_CODE = {code: kind for kind, code in LINK_TYPE.items()}
DAYS_FORMAT = 7  # "d": durations and lags shown in working days
# Elapsed (calendar time) duration formats: em, eh, ed, ew, emo and their estimated forms.
ELAPSED_FORMATS = frozenset({4, 6, 8, 10, 12, 36, 38, 40, 42, 44})
PERCENT_FORMATS = frozenset({19, 20, 51, 52, 53})
CONSTRAINTS = {1: "le plus tard possible", 2: "doit commencer le", 3: "doit finir le",
               5: "commencer au plus tard le", 6: "finir au plus tôt le",
               7: "finir au plus tard le"}
DELIVERABLE = "Livrable : "
DAY_START = 8 * 60  # 08:00, in minutes


# -- the working day --------------------------------------------------------------------

def day_periods(hours_per_day: float) -> list[tuple[int, int]]:
    """The working periods of a day in minutes: 08:00-12:00, then 13:00 onwards."""
    minutes = max(1, round(hours_per_day * 60))
    if minutes <= 4 * 60:
        return [(DAY_START, DAY_START + minutes)]
    if minutes <= 15 * 60:
        return [(DAY_START, 12 * 60), (13 * 60, 13 * 60 + minutes - 4 * 60)]
    return [(0, min(minutes, 24 * 60))]


def _clock(minutes: int) -> str:
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}:00"


def _stamp(day: dt.date, minutes: int) -> str:
    return f"{day.isoformat()}T{_clock(minutes)}"


def _hours(hours: float) -> str:
    """An XSD duration in hours and minutes (`PT56H0M0S`)."""
    minutes = round(hours * 60)
    sign = "-" if minutes < 0 else ""
    minutes = abs(minutes)
    return f"{sign}PT{minutes // 60}H{minutes % 60}M0S"


# -- writing -----------------------------------------------------------------------------

def export_mspdi(project: Project, schedule: Schedule, status: dt.date,
                 baseline: Baseline | None = None) -> bytes:
    """The project as MSPDI bytes (UTF-8): calendar, tasks in WBS order, resources,
    assignments, percent complete at `status`, and the baseline's dates when given."""
    from xml.etree import ElementTree as ET

    from cockpit.finance.evm import latest_percent

    settings = project.settings
    spec = settings.calendar
    hpd = spec.hours_per_day
    periods = day_periods(hpd)
    day_first, day_last = periods[0][0], periods[-1][1]
    minutes_per_day = sum(b - a for a, b in periods)
    cal = schedule.calendar

    def starts(day: dt.date) -> str:
        return _stamp(day, day_first)

    def ends(day: dt.date) -> str:
        return _stamp(day, day_last)

    root = ET.Element("Project", {"xmlns": NS})
    add = _add
    info = settings.project
    add(root, "SaveVersion", 14)
    add(root, "Name", f"{info.id}.xml")
    add(root, "Title", info.title)
    manager = next((m.name for m in settings.team if m.id == info.manager), info.manager)
    if manager:
        add(root, "Manager", manager)
    add(root, "ScheduleFromStart", 1)
    add(root, "StartDate", starts(info.start))
    add(root, "FinishDate", ends(schedule.finish))
    add(root, "CurrencyCode", info.currency)
    add(root, "CalendarUID", 1)
    add(root, "DefaultStartTime", _clock(day_first))
    add(root, "DefaultFinishTime", _clock(day_last))
    add(root, "MinutesPerDay", minutes_per_day)
    add(root, "MinutesPerWeek", minutes_per_day * len(set(spec.workdays) or range(5)))
    add(root, "DaysPerMonth", 20)
    add(root, "DurationFormat", DAYS_FORMAT)
    add(root, "WorkFormat", 2)  # hours
    add(root, "StatusDate", ends(status))
    attributes = add(root, "ExtendedAttributes")
    for field_id, name, alias in ((TASK_ID_FIELD, "Text1", ID_ALIAS),
                                  (PLANNED_FIELD, "Text2", PLANNED_ALIAS),
                                  (RESOURCE_ID_FIELD, "Text1", ID_ALIAS)):
        attribute = add(attributes, "ExtendedAttribute")
        add(attribute, "FieldID", field_id)
        add(attribute, "FieldName", name)
        add(attribute, "Alias", alias)

    # Calendars: the project's (UID 1), then one per resource with absences.
    calendars = add(root, "Calendars")
    first_year = min(info.start, schedule.start).year - 1
    last = max([schedule.finish, info.start] + [p.end for p in spec.closures]
               + ([info.deadline] if info.deadline else []))
    ranges = nonworking_ranges(spec, first_year, last.year + 2)
    _calendar(calendars, 1, "Calendrier du projet", None, spec.workdays, periods, ranges)
    member_calendar: dict[str, int] = {}
    for member in settings.team:
        if member.absences:
            uid = len(member_calendar) + 2
            member_calendar[member.id] = uid
            absences = [(p.start, p.end, "Absence") for p in sorted(member.absences,
                                                                     key=lambda p: p.start)]
            _calendar(calendars, uid, member.name, 1, (), periods, _disjoint(absences))

    # Tasks in WBS order.
    records = {t.id: t for t in project.tasks}
    ordered = sorted(schedule.tasks, key=lambda t: _wbs_key(t.wbs))
    uid_of = {t.id: k for k, t in enumerate(ordered, 1)}
    spans: dict[str, tuple[str, str]] = {}
    for t in ordered:
        if t.summary:
            continue
        if t.ef <= t.es:  # a milestone (or an empty task): one instant
            at = starts(cal.day(0)) if t.es == 0 else ends(t.finish)
            spans[t.id] = (at, at)
        else:
            spans[t.id] = (starts(t.start), ends(t.finish))
    parents = {t.id: t.parent for t in ordered}
    for t in ordered:  # summaries span their leaves
        if t.summary:
            continue
        up = parents[t.id]
        while up:
            if up in spans:
                low, high = spans[up]
                spans[up] = (min(low, spans[t.id][0]), max(high, spans[t.id][1]))
            else:
                spans[up] = spans[t.id]
            up = parents[up]
    percent = latest_percent(project.progress, status)
    tasks = add(root, "Tasks")
    for t in ordered:
        record = records.get(t.id)
        element = add(tasks, "Task")
        add(element, "UID", uid_of[t.id])
        add(element, "ID", uid_of[t.id])
        add(element, "Name", t.name)
        add(element, "IsNull", 0)
        add(element, "WBS", t.wbs)
        add(element, "OutlineNumber", t.wbs)
        add(element, "OutlineLevel", t.level + 1)
        start, finish = spans.get(t.id, (starts(t.start), ends(t.finish)))
        add(element, "Start", start)
        add(element, "Finish", finish)
        days = max(0, t.ef - t.es)
        add(element, "Duration", _hours(days * hpd))
        add(element, "DurationFormat", DAYS_FORMAT)
        work = sum(share for _, share in t.resources) * days * hpd
        add(element, "Work", _hours(work))
        add(element, "Estimated", 0)
        add(element, "Milestone", int(t.milestone))
        add(element, "Summary", int(t.summary))
        add(element, "Critical", int(t.critical))
        add(element, "EarlyStart", start)
        add(element, "EarlyFinish", finish)
        if not t.summary:
            late = (starts(cal.day(0)) if t.ls == 0 else ends(t.late_finish)) \
                if t.lf <= t.ls else None
            add(element, "LateStart", late or starts(t.late_start))
            add(element, "LateFinish", late or ends(t.late_finish))
        add(element, "FreeSlack", t.free_float * minutes_per_day * 10)
        add(element, "TotalSlack", t.total_float * minutes_per_day * 10)
        if t.id in percent and not t.summary:
            add(element, "PercentComplete", int(percent[t.id].to_integral_value()))
        if record is not None and record.actual_start is not None:
            add(element, "ActualStart", starts(record.actual_start))
        if record is not None and record.actual_finish is not None:
            add(element, "ActualFinish", ends(record.actual_finish))
        snet = record.start_no_earlier_than if record is not None else None
        add(element, "ConstraintType", 4 if snet is not None else 0)
        if snet is not None:
            add(element, "ConstraintDate", starts(snet))
        if record is not None and record.deadline is not None:
            add(element, "Deadline", ends(record.deadline))
        if t.resources:
            # cockpit schedules on the project calendar; absences only reduce capacity
            add(element, "IgnoreResourceCalendar", 1)
        if record is not None and record.deliverable:
            add(element, "Notes", DELIVERABLE + record.deliverable)
        for dep in record.after if record is not None else ():
            if dep.task not in uid_of:
                continue  # an unknown predecessor: `cockpit check` reports it
            link = add(element, "PredecessorLink")
            add(link, "PredecessorUID", uid_of[dep.task])
            add(link, "Type", LINK_TYPE[dep.type])
            add(link, "CrossProject", 0)
            add(link, "LinkLag", dep.lag.working_days(hpd) * minutes_per_day * 10)
            add(link, "LagFormat", DAYS_FORMAT)
        extended = add(element, "ExtendedAttribute")
        add(extended, "FieldID", TASK_ID_FIELD)
        add(extended, "Value", t.id)
        if record is not None and record.duration is not None and record.actual_finish:
            extended = add(element, "ExtendedAttribute")
            add(extended, "FieldID", PLANNED_FIELD)
            add(extended, "Value", str(record.duration))
        reference = baseline.tasks.get(t.id) if baseline is not None else None
        if reference is not None:
            saved = add(element, "Baseline")
            add(saved, "Number", 0)
            add(saved, "Start", starts(reference[0]))
            add(saved, "Finish", ends(reference[1]))
            length = max(0, cal.boundary_after(reference[1]) - cal.boundary(reference[0]))
            add(saved, "Duration", _hours(length * hpd))

    # Resources and assignments.
    resources = add(root, "Resources")
    resource_uid: dict[str, int] = {}
    for k, member in enumerate(settings.team, 1):
        resource_uid[member.id] = k
        element = add(resources, "Resource")
        add(element, "UID", k)
        add(element, "ID", k)
        add(element, "Name", member.name)
        add(element, "Type", 0 if member.kind is ResourceKind.MATERIAL else 1)
        add(element, "IsNull", 0)
        if member.role:
            add(element, "Group", member.role)
        if member.kind is not ResourceKind.MATERIAL:
            add(element, "MaxUnits", member.availability)
        add(element, "StandardRate", Decimal(member.rate) / Decimal(str(hpd)))
        add(element, "StandardRateFormat", 3)  # shown per day
        if member.id in member_calendar:
            add(element, "CalendarUID", member_calendar[member.id])
        extended = add(element, "ExtendedAttribute")
        add(extended, "FieldID", RESOURCE_ID_FIELD)
        add(extended, "Value", member.id)
    assignments = add(root, "Assignments")
    count = 0
    for t in ordered:
        for resource, share in t.resources:
            if resource not in resource_uid:
                continue  # an unknown resource: `cockpit check` reports it
            count += 1
            start, finish = spans[t.id]
            element = add(assignments, "Assignment")
            add(element, "UID", count)
            add(element, "TaskUID", uid_of[t.id])
            add(element, "ResourceUID", resource_uid[resource])
            add(element, "Finish", finish)
            add(element, "Start", start)
            add(element, "Units", share)
            add(element, "Work", _hours(share * max(0, t.ef - t.es) * hpd))
    ET.indent(root, space=" ")
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body + b"\n"


def _add(parent: Element, tag: str, value: object = None) -> Element:
    """A child element, with `value` as its text."""
    from xml.etree import ElementTree as ET

    element = ET.SubElement(parent, tag)
    if value is not None:
        element.text = _text(value)
    return element


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"{value:.6g}" if not value.is_integer() else str(int(value))
    if isinstance(value, Decimal):
        text = format(value.quantize(Decimal("0.0001")).normalize(), "f")
        return text
    return str(value)


def _wbs_key(wbs: str) -> tuple[int, ...]:
    return tuple(int(p) for p in wbs.split(".") if p.isdigit())


def nonworking_ranges(spec: CalendarSpec, first_year: int, last_year: int
                      ) -> list[tuple[dt.date, dt.date, str]]:
    """Closures (overlapping ones merged) then the public holidays outside them, as
    disjoint ranges of days with their French names: MS Project refuses overlapping
    exceptions."""
    closures = _disjoint([(p.start, p.end, p.label or "Fermeture")
                          for p in sorted(spec.closures, key=lambda p: p.start)])
    out = list(closures)
    for year in range(first_year, last_year + 1):
        for day, name in sorted(holiday_names(year, spec.holidays).items()):
            if not any(a <= day <= b for a, b, _ in closures):
                out.append((day, day, name))
    return sorted(out)


def _disjoint(ranges: Sequence[tuple[dt.date, dt.date, str]]
              ) -> list[tuple[dt.date, dt.date, str]]:
    merged: list[tuple[dt.date, dt.date, str]] = []
    for start, end, label in sorted(ranges):
        if merged and start <= merged[-1][1]:
            a, b, name = merged[-1]
            merged[-1] = (a, max(b, end), name if label in name.split(" / ") else
                          f"{name} / {label}")
        else:
            merged.append((start, end, label))
    return merged


def _calendar(parent: Element, uid: int, name: str, base: int | None,
              workdays: Iterable[int], periods: list[tuple[int, int]],
              exceptions: list[tuple[dt.date, dt.date, str]]) -> None:
    add = _add
    calendar = add(parent, "Calendar")
    add(calendar, "UID", uid)
    add(calendar, "Name", name)
    add(calendar, "IsBaseCalendar", int(base is None))
    if base is not None:
        add(calendar, "BaseCalendarUID", base)
    days = add(calendar, "WeekDays")
    if base is None:
        worked = set(workdays) or set(range(5))
        for weekday in range(7):  # MSPDI: 1 = Sunday ... 7 = Saturday
            day = add(days, "WeekDay")
            add(day, "DayType", (weekday + 1) % 7 + 1)
            add(day, "DayWorking", int(weekday in worked))
            if weekday in worked:
                times = add(day, "WorkingTimes")
                for a, b in periods:
                    time = add(times, "WorkingTime")
                    add(time, "FromTime", _clock(a))
                    add(time, "ToTime", _clock(b))
    for start, end, _ in exceptions:  # MS Project 2003's form
        day = add(days, "WeekDay")
        add(day, "DayType", 0)
        add(day, "DayWorking", 0)
        period = add(day, "TimePeriod")
        add(period, "FromDate", _stamp(start, 0))
        add(period, "ToDate", _stamp(end, 23 * 60 + 59))
    if exceptions:  # and 2007's, which names them
        listed = add(calendar, "Exceptions")
        for start, end, label in exceptions:
            exception = add(listed, "Exception")
            add(exception, "EnteredByOccurrences", 0)
            period = add(exception, "TimePeriod")
            add(period, "FromDate", _stamp(start, 0))
            add(period, "ToDate", _stamp(end, 23 * 60 + 59))
            add(exception, "Occurrences", 1)
            add(exception, "Name", label)
            add(exception, "Type", 1)
            add(exception, "DayWorking", 0)


# -- reading -----------------------------------------------------------------------------

@immutable
class ImportedPlan:
    """What an MSPDI file says, as cockpit records, and what could not be represented."""

    settings: Settings
    tasks: tuple[Task, ...]
    percent: tuple[tuple[str, float], ...]  # task id, percent complete at the status date
    notes: tuple[str, ...]

    def project(self) -> Project:
        from pathlib import Path

        return Project(root=Path("."), settings=self.settings, tasks=self.tasks)


_XSD_DURATION = re.compile(
    r"^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$")
_ID = re.compile(r"^[A-Za-z0-9._-]+$")


def read_mspdi(data: bytes, source: str = "le fichier") -> ImportedPlan:
    """Read MSPDI bytes; InteropError (French) when it is not a readable MS Project XML
    file or holds no task."""
    from xml.etree import ElementTree as ET

    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        line = error.position[0] if error.position else 0
        raise InteropError(f"{source} n'est pas un XML lisible (ligne {line} : "
                           f"{_french_parse_error(error)}) ; le fichier est peut-être "
                           "tronqué. Rien n'a été écrit.") from error
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.split("}", 1)[1]
    if root.tag != "Project":
        raise InteropError(f"{source} n'est pas un fichier MS Project XML (MSPDI) : sa racine "
                           f"est <{root.tag}>, et non <Project>. Rien n'a été écrit.")
    return _Reader(root, source).plan()


def _french_parse_error(error: Exception) -> str:
    text = str(error)
    for english, translated in (("no element found", "fin de fichier inattendue"),
                                ("mismatched tag", "balise fermante qui ne correspond pas"),
                                ("not well-formed (invalid token)", "caractère invalide"),
                                ("unclosed token", "élément non fermé"),
                                ("syntax error", "erreur de syntaxe"),
                                ("junk after document element",
                                 "contenu après la fin du document")):
        if text.startswith(english):
            return translated
    return text.split(":")[0]


class _Reader:
    def __init__(self, root: Element, source: str) -> None:
        self.root = root
        self.source = source
        self.notes: list[str] = []
        minutes = _number(self.text(root, "MinutesPerDay")) or 480.0
        self.minutes_per_day = minutes
        self.hours_per_day = minutes / 60

    def text(self, node: Element | None, tag: str) -> str:
        if node is None:
            return ""
        found = node.find(tag)
        return (found.text or "").strip() if found is not None else ""

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    # -- the plan ---------------------------------------------------------------------

    def plan(self) -> ImportedPlan:
        root = self.root
        task_nodes = [t for t in root.iterfind("Tasks/Task")
                      if self.text(t, "UID") not in ("", "0") and self.text(t, "IsNull") != "1"
                      and self.text(t, "Name")]
        if not task_nodes:
            raise InteropError(f"{self.source} ne contient aucune tâche : rien à importer, "
                               "rien n'a été écrit.")
        cockpit_ids = {self.text(a, "FieldID") for a in root.iterfind(
            "ExtendedAttributes/ExtendedAttribute") if self.text(a, "Alias") == ID_ALIAS}
        calendars = {self.text(c, "UID"): c for c in root.iterfind("Calendars/Calendar")}
        project_calendar = calendars.get(self.text(root, "CalendarUID")) or next(
            (c for c in calendars.values() if self.text(c, "IsBaseCalendar") == "1"), None)
        workdays, ranges = self.calendar(project_calendar, calendars, "du projet")
        holidays, closures = split_holidays(ranges)
        start = _date(self.text(root, "StartDate"))
        task_starts = [d for t in task_nodes if (d := _date(self.text(t, "Start")))]
        if start is None:
            start = min(task_starts) if task_starts else None
        if start is None:
            raise InteropError(f"{self.source} ne donne ni date de début du projet ni date "
                               "de tâche. Rien n'a été écrit.")
        title = self.text(root, "Title") or self.text(root, "Name").removesuffix(".xml") \
            or "Projet importé"
        info = ProjectInfo(
            id=_slug(self.text(root, "Name").removesuffix(".xml") or title, "projet").upper(),
            title=title, start=start, status_date=_date(self.text(root, "StatusDate")),
            currency=self.text(root, "CurrencyCode") or "EUR")
        spec = CalendarSpec(workdays=workdays, hours_per_day=round(self.hours_per_day, 4),
                            holidays=holidays, closures=closures)
        team, resource_of = self.team(root, calendars, project_calendar,
                                      RESOURCE_ID_FIELD in cockpit_ids)
        tasks, percent = self.tasks(task_nodes, TASK_ID_FIELD in cockpit_ids, resource_of)
        settings = Settings(project=info, calendar=spec, team=team)
        return ImportedPlan(settings, tasks, percent, tuple(self.notes))

    # -- calendars --------------------------------------------------------------------

    def calendar(self, node: Element | None, calendars: dict[str, Element], what: str
                 ) -> tuple[tuple[int, ...], list[tuple[dt.date, dt.date, str]]]:
        """Weekdays worked (0 = Monday) and the non-working exceptions of a calendar,
        with those of its base calendars."""
        worked: dict[int, bool] = {}
        ranges: list[tuple[dt.date, dt.date, str]] = []
        seen: set[str] = set()
        while node is not None and self.text(node, "UID") not in seen:
            seen.add(self.text(node, "UID"))
            own = self._exceptions(node, what)
            for day in node.iterfind("WeekDays/WeekDay"):
                kind = int(_number(self.text(day, "DayType")) or 0)
                if kind == 0:
                    if not own:
                        own.extend(self._old_exception(day, what))
                    continue
                weekday = (kind + 5) % 7  # 1 = Sunday → 6, 2 = Monday → 0
                if weekday not in worked:
                    worked[weekday] = self.text(day, "DayWorking") == "1"
                    if worked[weekday]:
                        self._check_hours(day, what)
            if node.find("WorkWeeks/WorkWeek") is not None:
                self.note(f"Calendrier {what} : les semaines de travail particulières "
                          "(WorkWeeks) ne sont pas reprises ; seule la semaine par défaut l'est.")
            ranges.extend(r for r in own if r not in ranges)
            node = calendars.get(self.text(node, "BaseCalendarUID"))
        for weekday in range(7):
            worked.setdefault(weekday, weekday < 5)
        return tuple(d for d in range(7) if worked[d]), sorted(ranges)

    def _check_hours(self, day: Element, what: str) -> None:
        minutes = 0
        for time in day.iterfind("WorkingTimes/WorkingTime"):
            a, b = _minutes(self.text(time, "FromTime")), _minutes(self.text(time, "ToTime"))
            if a is not None and b is not None:
                minutes += (b - a) % (24 * 60) or 24 * 60
        if minutes and abs(minutes - self.minutes_per_day) > 0.5:
            self.note(f"Calendrier {what} : une journée de {minutes / 60:g} h n'est pas "
                      f"représentable ; cockpit compte des journées de "
                      f"{self.hours_per_day:g} h (MinutesPerDay).")

    def _exceptions(self, node: Element, what: str) -> list[tuple[dt.date, dt.date, str]]:
        out: list[tuple[dt.date, dt.date, str]] = []
        for exception in node.iterfind("Exceptions/Exception"):
            first = _date(self.text(exception, "TimePeriod/FromDate"))
            last = _date(self.text(exception, "TimePeriod/ToDate"))
            name = self.text(exception, "Name")
            if first is None or last is None:
                continue
            if self.text(exception, "DayWorking") == "1":
                self.note(f"Calendrier {what} : l'exception travaillée « {name or first} » "
                          "n'est pas représentable (cockpit ne connaît que des jours "
                          "chômés) ; elle est ignorée.")
                continue
            occurrences = int(_number(self.text(exception, "Occurrences")) or 1)
            if self.text(exception, "Type") not in ("", "1") or occurrences > 1 and \
                    self.text(exception, "EnteredByOccurrences") == "1":
                self.note(f"Calendrier {what} : l'exception récurrente « {name or first} » "
                          "est reprise comme une fermeture continue du "
                          f"{first:%d/%m/%Y} au {last:%d/%m/%Y}.")
            out.append((first, last, name))
        return out

    def _old_exception(self, day: Element, what: str) -> list[tuple[dt.date, dt.date, str]]:
        first = _date(self.text(day, "TimePeriod/FromDate"))
        last = _date(self.text(day, "TimePeriod/ToDate"))
        if first is None or last is None:
            return []
        if self.text(day, "DayWorking") == "1":
            self.note(f"Calendrier {what} : le jour travaillé exceptionnel du "
                      f"{first:%d/%m/%Y} n'est pas représentable ; il est ignoré.")
            return []
        return [(first, last, "")]

    # -- team -------------------------------------------------------------------------

    def team(self, root: Element, calendars: dict[str, Element], project_calendar: Element | None,
             with_ids: bool) -> tuple[tuple[TeamMember, ...], dict[str, str]]:
        members: list[TeamMember] = []
        resource_of: dict[str, str] = {}
        used: set[str] = set()
        base_workdays, base_ranges = self.calendar(project_calendar, calendars, "du projet") \
            if project_calendar is not None else ((0, 1, 2, 3, 4), [])
        for node in root.iterfind("Resources/Resource"):
            uid = self.text(node, "UID")
            name = self.text(node, "Name")
            if uid in ("", "0") or self.text(node, "IsNull") == "1" or not name:
                continue
            wanted = self._cockpit_id(node, RESOURCE_ID_FIELD) if with_ids else ""
            member_id = _unique(wanted or _slug(name, "ressource"), used)
            resource_of[uid] = member_id
            kind = {"0": ResourceKind.MATERIAL, "2": ResourceKind.SERVICE}.get(
                self.text(node, "Type"), ResourceKind.PERSON)
            rate_per_hour = _number(self.text(node, "StandardRate")) or 0.0
            rate = Decimal(f"{rate_per_hour * self.hours_per_day:.2f}")
            rate = rate.to_integral_value() if rate == rate.to_integral_value() else rate
            availability = _number(self.text(node, "MaxUnits"))
            if availability is None or kind is ResourceKind.MATERIAL:
                availability = 1.0
            elif availability > 1:
                self.note(f"Ressource « {name} » : une capacité de {availability:.0%} (plusieurs "
                          "personnes) n'est pas représentable ; elle est ramenée à 100 %.")
                availability = 1.0
            absences: tuple[Period, ...] = ()
            own = calendars.get(self.text(node, "CalendarUID"))
            if own is not None and own is not project_calendar:
                workdays, ranges = self.calendar(own, calendars, f"de {name}")
                if workdays != base_workdays:
                    self.note(f"Ressource « {name} » : son calendrier propre (jours travaillés "
                              "différents de ceux du projet) n'est pas représentable ; seules "
                              "ses absences sont reprises.")
                absences = tuple(Period(r[0], r[1]) for r in ranges if r not in base_ranges)
            if self.text(node, "CostPerUse") not in ("", "0"):
                self.note(f"Ressource « {name} » : le coût par utilisation n'est pas repris "
                          "(cockpit compte un taux par jour).")
            members.append(TeamMember(
                id=member_id, name=name, role=self.text(node, "Group"), kind=kind,
                rate=rate, availability=round(availability, 4), absences=absences))
        return tuple(members), resource_of

    def _cockpit_id(self, node: Element, field_id: str,
                    pattern: re.Pattern[str] | None = _ID) -> str:
        for attribute in node.iterfind("ExtendedAttribute"):
            if self.text(attribute, "FieldID") == field_id:
                value = self.text(attribute, "Value")
                return value if pattern is None or pattern.match(value) else ""
        return ""

    # -- tasks ------------------------------------------------------------------------

    def tasks(self, nodes: list[Element], with_ids: bool, resource_of: dict[str, str]
              ) -> tuple[tuple[Task, ...], tuple[tuple[str, float], ...]]:
        used: set[str] = set()
        id_of: dict[str, str] = {}
        for node in nodes:
            wanted = self._cockpit_id(node, TASK_ID_FIELD) if with_ids else ""
            id_of[self.text(node, "UID")] = _unique(wanted or _slug(self.text(node, "Name"),
                                                                      "tache"), used)
        # Parents from outline levels (file order is outline order).
        parent_of: dict[str, str] = {}
        summaries: set[str] = set()
        chain: list[tuple[int, str]] = []
        for node in nodes:
            level = int(_number(self.text(node, "OutlineLevel")) or 1)
            while chain and chain[-1][0] >= level:
                chain.pop()
            uid = self.text(node, "UID")
            if chain:
                parent_of[uid] = id_of[chain[-1][1]]
                summaries.add(chain[-1][1])
            chain.append((level, uid))
        assignments: dict[str, list[Assignment]] = {}
        for node in self.root.iterfind("Assignments/Assignment"):
            resource = resource_of.get(self.text(node, "ResourceUID"))
            if resource is None:
                continue
            units = _number(self.text(node, "Units"))
            share = 1.0 if units is None or units <= 0 else round(units, 4)
            assignments.setdefault(self.text(node, "TaskUID"), []).append(
                Assignment(resource, share))
        tasks: list[Task] = []
        percent: list[tuple[str, float]] = []
        for node in nodes:
            uid = self.text(node, "UID")
            task_id = id_of[uid]
            name = self.text(node, "Name")
            summary = uid in summaries
            if self.text(node, "Manual") == "1":
                self.note(f"Tâche « {name} » : planifiée manuellement dans MS Project ; "
                          "cockpit la planifie automatiquement d'après ses liens.")
            if self.text(node, "CalendarUID") not in ("", "-1"):
                self.note(f"Tâche « {name} » : son calendrier de tâche n'est pas représentable ; "
                          "elle suit le calendrier du projet.")
            if self.text(node, "Active") == "0":
                self.note(f"Tâche « {name} » : inactive dans MS Project, elle est importée "
                          "comme une tâche ordinaire.")
            duration = None
            milestone = False
            if not summary:
                milestone = self.text(node, "Milestone") == "1"
                hours = _xsd_hours(self.text(node, "Duration"))
                fmt = int(_number(self.text(node, "DurationFormat")) or DAYS_FORMAT)
                if fmt in ELAPSED_FORMATS:
                    self.note(f"Tâche « {name} » : sa durée est en temps écoulé (jours "
                              "calendaires) ; cockpit la compte en jours ouvrés.")
                planned = self._cockpit_id(node, PLANNED_FIELD, pattern=None) \
                    if with_ids else ""
                if planned:
                    duration = _planned(planned)
                elif not milestone:
                    if hours is None or hours <= 0:
                        milestone = True
                    else:
                        duration = self._duration(hours)
            after = tuple(self._links(node, name, id_of))
            snet = self._constraint(node, name)
            notes = self.text(node, "Notes")
            deliverable = notes[len(DELIVERABLE):].strip() if notes.startswith(DELIVERABLE) \
                else ""
            own = tuple(assignments.get(uid, ()))
            if own and summary:
                self.note(f"Tâche récapitulative « {name} » : ses affectations de ressources ne "
                          "sont pas reprises (cockpit affecte les tâches, pas les "
                          "récapitulatives).")
                own = ()
            tasks.append(Task(
                id=task_id, name=name, parent=parent_of.get(uid, ""), milestone=milestone,
                duration=duration, resources=own, after=after, deliverable=deliverable,
                start_no_earlier_than=snet,
                actual_start=_date(self.text(node, "ActualStart")),
                actual_finish=_date(self.text(node, "ActualFinish")),
                deadline=_date(self.text(node, "Deadline"))))
            done = _number(self.text(node, "PercentComplete"))
            if done and not summary:
                percent.append((task_id, done))
        return tuple(tasks), tuple(percent)

    def _duration(self, hours: float) -> Duration:
        days = hours / self.hours_per_day
        if abs(days - round(days)) < 1e-6:
            return Duration(float(round(days)), DurationUnit.DAY)
        return Duration(round(hours, 4), DurationUnit.HOUR)

    def _links(self, node: Element, name: str, id_of: dict[str, str]) -> Iterable[Dependency]:
        for link in node.iterfind("PredecessorLink"):
            pred = id_of.get(self.text(link, "PredecessorUID"))
            if pred is None:
                self.note(f"Tâche « {name} » : un lien vers une tâche absente du fichier "
                          f"(UID {self.text(link, 'PredecessorUID')}) est ignoré.")
                continue
            if self.text(link, "CrossProject") == "1":
                self.note(f"Tâche « {name} » : un lien vers un autre projet est ignoré.")
                continue
            code = _number(self.text(link, "Type"))
            kind = LINK_FROM_CODE.get(int(code) if code is not None else 1, DependencyType.FS)
            tenths = _number(self.text(link, "LinkLag")) or 0.0
            fmt = int(_number(self.text(link, "LagFormat")) or DAYS_FORMAT)
            if fmt in PERCENT_FORMATS:
                self.note(f"Tâche « {name} » : un décalage en pourcentage de la durée du "
                          "prédécesseur n'est pas représentable ; il est ignoré (décalage nul).")
                tenths = 0.0
            elif fmt in ELAPSED_FORMATS:
                days = tenths / 10 / (24 * 60)
                working = round(days * 5 / 7)
                calendar = french.count(days, "jour calendaire",
                                        decimals=0 if days.is_integer() else 2)
                self.note(f"Tâche « {name} » : un décalage de {calendar} est repris comme "
                          f"{french.count(working, 'jour ouvré')}.")
                tenths = working * self.minutes_per_day * 10
            lag = self._duration(tenths / 10 / 60) if tenths else Duration(0.0, DurationUnit.DAY)
            yield Dependency(pred, kind, lag)

    def _constraint(self, node: Element, name: str) -> dt.date | None:
        kind = int(_number(self.text(node, "ConstraintType")) or 0)
        when = _date(self.text(node, "ConstraintDate"))
        if kind == 0:
            return None
        if kind == 4 and when is not None:
            return when
        if kind == 2 and when is not None:
            self.note(f"Tâche « {name} » : la contrainte « doit commencer le "
                      f"{when:%d/%m/%Y} » est reprise comme « pas avant le ».")
            return when
        label = CONSTRAINTS.get(kind, f"type {kind}")
        self.note(f"Tâche « {name} » : la contrainte « {label} » n'est pas représentable ; "
                  "elle est ignorée.")
        return None


def split_holidays(ranges: Sequence[tuple[dt.date, dt.date, str]]
                   ) -> tuple[str, tuple[Period, ...]]:
    """The French holiday zone the exceptions contain (every holiday of each year they
    name), and the other exceptions as closures."""
    off: set[dt.date] = set()
    for a, b, _ in ranges:
        off.update(a + dt.timedelta(days=k) for k in range((b - a).days + 1))
    zone = "none"
    for candidate in ("FR-57", "FR"):
        years = {a.year for a, b, _ in ranges if a == b and a in french_holidays(a.year,
                                                                                  candidate)}
        if years and all(french_holidays(y, candidate) <= off for y in years):
            zone = candidate
            break
    closures = tuple(
        Period(a, b, label or "Fermeture") for a, b, label in ranges
        if not (a == b and zone != "none" and a in french_holidays(a.year, zone)))
    return zone, closures


# -- small readers ------------------------------------------------------------------------

def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else None
    except ValueError:
        return None


def _minutes(text: str) -> int | None:
    match = re.match(r"^(\d{1,2}):(\d{2})", text)
    return int(match.group(1)) * 60 + int(match.group(2)) if match else None


def _xsd_hours(text: str) -> float | None:
    match = _XSD_DURATION.match(text)
    if match is None:
        return None
    sign, years, months, days, hours, minutes, seconds = match.groups()
    if years or months:
        return None
    total = float(days or 0) * 24 + float(hours or 0) + float(minutes or 0) / 60 \
        + float(seconds or 0) / 3600
    return -total if sign else total


def _planned(text: str) -> Duration | None:
    from cockpit.model import NotationError, parse_duration

    try:
        return parse_duration(text)
    except NotationError:
        return None


def _slug(text: str, fallback: str) -> str:
    """« Rédaction du cahier des charges » → "redaction-du-cahier-des-charges"."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-")
    return slug or fallback


def _unique(wanted: str, used: set[str]) -> str:
    candidate, k = wanted, 1
    while candidate in used:
        k += 1
        candidate = f"{wanted}-{k}"
    used.add(candidate)
    return candidate
