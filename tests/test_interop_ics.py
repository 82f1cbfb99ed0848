"""iCalendar export: milestones and meetings as events, actions as to-dos, stable UIDs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from cockpit.folder import load_project
from cockpit.interop.ics import export_ics, meeting_minutes, meeting_time
from cockpit.schedule import compute_schedule

ROBOT = Path(__file__).parent.parent / "examples" / "robot-soudage"
STATUS = dt.date(2026, 4, 17)


def exported() -> bytes:
    project = load_project(ROBOT).project
    assert project is not None
    return export_ics(project, compute_schedule(project), STATUS)


def test_milestones_meetings_and_actions_with_stable_uids() -> None:
    project = load_project(ROBOT).project
    assert project is not None
    schedule = compute_schedule(project)
    data = exported()
    assert data == exported()  # no clock: the same project gives the same bytes
    calendar = Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    todos = calendar.walk("VTODO")
    milestones = [t for t in schedule.tasks if t.milestone]
    assert len(events) == len(milestones) + len(project.meetings)
    assert len(todos) == len([a for a in project.actions if a.due is not None])
    uids = [str(c["UID"]) for c in events + todos]
    assert len(set(uids)) == len(uids)
    go = next(e for e in events if str(e["UID"]) == "ROB-SOUD-26-jalon-go-copil@cockpit")
    assert go.decoded("DTSTART") == schedule.by_id["go-copil"].start
    timed = [m for m in project.meetings if meeting_time(m.time)]
    for meeting in timed:
        event = next(e for e in events if meeting.title == str(e["SUMMARY"]))
        start = event.decoded("DTSTART")
        assert isinstance(start, dt.datetime) and start.date() == meeting.date
        if meeting.place:
            assert str(event["LOCATION"]) == meeting.place
    statuses = {str(t["UID"]).split("-action-")[1].split("@")[0]: str(t["STATUS"]) for t in todos}
    for action in project.actions:
        if action.due is not None and action.status == "fait":
            assert statuses[action.id] == "COMPLETED"


@pytest.mark.parametrize(("text", "minutes"), [("1h30", 90), ("2h", 120), ("45min", 45),
                                               ("90", 90), ("", None), ("une heure", None)])
def test_meeting_durations(text: str, minutes: int | None) -> None:
    assert meeting_minutes(text) == minutes


def test_meeting_times() -> None:
    assert meeting_time("14:00") == dt.time(14, 0)
    assert meeting_time("9h30") == dt.time(9, 30)
    assert meeting_time("25:00") is None and meeting_time("") is None
