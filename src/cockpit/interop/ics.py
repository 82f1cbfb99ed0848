"""iCalendar (RFC 5545) export: milestones and meetings as events, actions as to-dos.

UIDs are made of the project id, the kind of record and its id, so importing the file
again into a calendar updates its entries instead of duplicating them; DTSTAMP is the
status date, never the clock, so an unchanged project gives the same bytes. Meeting
times are floating local times (the calendar's own time zone).
"""

from __future__ import annotations

import datetime as dt
import re
from datetime import time as Time  # a constructor: dt.time(...) reads like a clock call
from typing import TYPE_CHECKING

from cockpit.model import Project

if TYPE_CHECKING:
    from cockpit.schedule import Schedule

STATUS = {"à faire": "NEEDS-ACTION", "a faire": "NEEDS-ACTION", "todo": "NEEDS-ACTION",
          "en cours": "IN-PROCESS", "in progress": "IN-PROCESS", "fait": "COMPLETED",
          "done": "COMPLETED", "abandonné": "CANCELLED", "abandonne": "CANCELLED",
          "cancelled": "CANCELLED"}
_DURATION = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(\d+)?\s*(?:min|mn|m)?\s*$", re.IGNORECASE)
_TIME = re.compile(r"^\s*(\d{1,2})\s*[:h]\s*(\d{2})?\s*$")


def meeting_minutes(text: str) -> int | None:
    """« 1h30 », « 2h », « 45min », « 90 » → minutes; None when unreadable."""
    match = _DURATION.match(text)
    if not text.strip() or match is None or not any(match.groups()):
        return None
    hours, minutes = match.groups()
    if hours is None:
        return int(minutes)
    return int(hours) * 60 + int(minutes or 0)


def meeting_time(text: str) -> dt.time | None:
    match = _TIME.match(text)
    if match is None or int(match.group(1)) > 23 or int(match.group(2) or 0) > 59:
        return None
    return Time(int(match.group(1)), int(match.group(2) or 0))


def export_ics(project: Project, schedule: Schedule, status: dt.date) -> bytes:
    from icalendar import Calendar, Event, Todo

    info = project.settings.project
    names = {m.id: m.name for m in project.settings.team}
    names.update({s.id: s.name for s in project.settings.stakeholders})
    names.update({g.id: g.name for g in project.settings.governance})
    stamp = dt.datetime.combine(status, dt.time.min, tzinfo=dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", "-//cockpit//cockpit//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", info.title)

    def uid(kind: str, record: str) -> str:
        return f"{info.id}-{kind}-{record}@cockpit"

    for task in sorted(schedule.tasks, key=lambda t: (t.start, t.wbs)):
        if not task.milestone:
            continue
        event = Event()
        event.add("uid", uid("jalon", task.id))
        event.add("dtstamp", stamp)
        event.add("summary", f"◆ {task.name}")
        event.add("dtstart", task.start)
        event.add("dtend", task.start + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["Jalon"])
        event.add("description", f"Jalon du projet « {info.title} » (WBS {task.wbs})"
                  + (" ; critique" if task.critical else ""))
        calendar.add_component(event)
    for meeting in sorted(project.meetings, key=lambda m: (m.date, m.path)):
        event = Event()
        event.add("uid", uid("reunion", meeting.path.removeprefix("meetings/")
                             .removesuffix(".md")))
        event.add("dtstamp", stamp)
        event.add("summary", meeting.title)
        start_time = meeting_time(meeting.time)
        if start_time is None:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + dt.timedelta(days=1))
        else:
            start = dt.datetime.combine(meeting.date, start_time)
            event.add("dtstart", start)
            event.add("dtend", start + dt.timedelta(minutes=meeting_minutes(meeting.duration)
                                                    or 60))
        if meeting.place:
            event.add("location", meeting.place)
        if meeting.kind:
            event.add("categories", [meeting.kind])
        lines = [f"Réunion du projet « {info.title} » ({meeting.path})"]
        if meeting.objectives:
            lines.append("Objectifs : " + " ; ".join(meeting.objectives))
        if meeting.participants:
            lines.append("Participants : " + ", ".join(names.get(p, p)
                                                       for p in meeting.participants))
        event.add("description", "\n".join(lines))
        calendar.add_component(event)
    for action in project.actions:
        if action.due is None:
            continue
        todo = Todo()
        todo.add("uid", uid("action", action.id))
        todo.add("dtstamp", stamp)
        owner = names.get(action.who, action.who)
        todo.add("summary", f"{action.id} — {action.what}" + (f" ({owner})" if owner else ""))
        todo.add("due", action.due)
        state = STATUS.get(action.status.strip().lower(), "NEEDS-ACTION")
        todo.add("status", state)
        if state == "COMPLETED":
            todo.add("percent-complete", 100)
            if action.done is not None:
                todo.add("completed", dt.datetime.combine(action.done, dt.time.min,
                                                          tzinfo=dt.UTC))
        lines = [f"Action du projet « {info.title} »"]
        if owner:
            lines.append(f"Responsable : {owner}")
        lines.append(f"Statut : {action.status}")
        if action.origin:
            lines.append(f"Origine : {action.origin}")
        if action.comment:
            lines.append(action.comment)
        todo.add("description", "\n".join(lines))
        calendar.add_component(todo)
    data: bytes = calendar.to_ical()
    return data
