"""MS Project XML: export, read back by MPXJ (the reader of ProjectLibre and GanttProject),
and the round trip export → import, day for day, on generated projects (hypothesis).

MPXJ runs in a JVM started once for the session; without Java or the `mpxj` package
(dev extras) those tests are skipped, with the reason.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cockpit.folder import load_project
from cockpit.interop import InteropError
from cockpit.interop.mpp import why_unavailable
from cockpit.interop.mspdi import export_mspdi, read_mspdi, split_holidays
from cockpit.model import Period, Project
from cockpit.schedule import Schedule, compute_schedule
from test_schedule_properties import networks
from tj3.builders import d, project, task
from tj3.projects import Shape, random_project

EXAMPLES = sorted(p for p in (Path(__file__).parent.parent / "examples").iterdir()
                  if (p / "cockpit.toml").exists())
STATUS = dt.date(2026, 4, 17)


def example(path: Path) -> Project:
    loaded = load_project(path)
    assert loaded.project is not None
    return loaded.project


@st.composite
def generated(draw: st.DrawFn) -> Project:
    """Projects of every shape: the TaskJuggler generator (calendars, holidays, closures,
    summaries, all link types, resources), the CPM property networks (negative lags on
    any link type), and actual dates on some tasks."""
    if draw(st.booleans()):
        plan = random_project(random.Random(draw(st.integers(0, 2**32 - 1))), Shape(
            tasks=draw(st.integers(1, 30)), deps_per_task=draw(st.sampled_from((0.5, 1.5, 3.0))),
            resources=draw(st.integers(0, 3))))
    else:
        plan = draw(networks())
    if draw(st.booleans()):
        schedule = compute_schedule(plan)
        tasks = list(plan.tasks)
        for k, t in enumerate(tasks):
            s = schedule.by_id[t.id]
            if s.summary or s.milestone or draw(st.integers(0, 4)) != 0:
                continue
            slip = draw(st.integers(0, 3))
            start = schedule.calendar.day(s.es + slip)
            finish = schedule.calendar.day(s.ef - 1 + slip + draw(st.integers(0, 2))) \
                if draw(st.booleans()) else None
            tasks[k] = replace(t, actual_start=start, actual_finish=finish)
        plan = replace(plan, tasks=tuple(tasks))
    return plan


def round_trip(plan: Project) -> tuple[Schedule, Schedule]:
    schedule = compute_schedule(plan)
    back = read_mspdi(export_mspdi(plan, schedule, STATUS)).project()
    return schedule, compute_schedule(back)


def differences(ours: Schedule, theirs: Schedule) -> list[str]:
    out = []
    for t in ours.tasks:
        other = theirs.by_id.get(t.id)
        if other is None:
            out.append(f"{t.id} missing")
        elif (t.start, t.finish, t.es, t.ef, t.summary, t.milestone) != (
                other.start, other.finish, other.es, other.ef, other.summary, other.milestone):
            out.append(f"{t.id}: {t.start}..{t.finish} [{t.es}, {t.ef}) / "
                       f"{other.start}..{other.finish} [{other.es}, {other.ef})")
    return out


# -- round trip ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_round_trip_day_for_day(path: Path) -> None:
    plan = example(path)
    schedule, back = round_trip(plan)
    assert differences(schedule, back) == []
    imported = read_mspdi(export_mspdi(plan, schedule, STATUS))
    assert imported.notes == ()
    assert imported.settings.calendar == replace(plan.settings.calendar,
                                                 source=imported.settings.calendar.source)
    assert [m.id for m in imported.settings.team] == [m.id for m in plan.settings.team]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated())
def test_round_trip_gives_the_same_schedule_day_for_day(plan: Project) -> None:
    schedule, back = round_trip(plan)
    assert differences(schedule, back) == []


def test_holidays_come_back_as_a_zone_and_closures_keep_their_labels() -> None:
    plan = project(task("a", "80j"), holidays="FR-57",
                   closures=(Period(d("2026-08-03"), d("2026-08-21"), "Été"),
                             Period(d("2026-08-10"), d("2026-08-28"), "Travaux")))
    imported = read_mspdi(export_mspdi(plan, compute_schedule(plan), STATUS))
    assert imported.settings.calendar.holidays == "FR-57"
    assert imported.settings.calendar.closures == (
        Period(d("2026-08-03"), d("2026-08-28"), "Été / Travaux"),)


def test_exceptions_that_are_not_every_holiday_are_closures() -> None:
    zone, closures = split_holidays([(d("2026-12-25"), d("2026-12-25"), "Noël")])
    assert zone == "none" and closures == (Period(d("2026-12-25"), d("2026-12-25"), "Noël"),)


# -- foreign files: what cannot be represented is reported -------------------------------

FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
 <Name>Usine.xml</Name><StartDate>2026-03-02T08:00:00</StartDate>
 <CalendarUID>1</CalendarUID><MinutesPerDay>480</MinutesPerDay>
 <Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>
  <WeekDays>
   <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
   <WeekDay><DayType>2</DayType><DayWorking>1</DayWorking></WeekDay>
   <WeekDay><DayType>3</DayType><DayWorking>1</DayWorking></WeekDay>
   <WeekDay><DayType>4</DayType><DayWorking>1</DayWorking></WeekDay>
   <WeekDay><DayType>5</DayType><DayWorking>1</DayWorking></WeekDay>
   <WeekDay><DayType>6</DayType><DayWorking>1</DayWorking></WeekDay>
   <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
  </WeekDays>
  <Exceptions><Exception><TimePeriod><FromDate>2026-04-06T00:00:00</FromDate>
   <ToDate>2026-04-06T23:59:00</ToDate></TimePeriod><Name>Pâques</Name><DayWorking>0</DayWorking>
  </Exception></Exceptions></Calendar></Calendars>
 <Tasks>
  <Task><UID>0</UID><ID>0</ID><Name>Usine</Name><OutlineLevel>0</OutlineLevel></Task>
  <Task><UID>1</UID><ID>1</ID><Name>Études</Name><OutlineLevel>1</OutlineLevel>
   <Summary>1</Summary></Task>
  <Task><UID>2</UID><ID>2</ID><Name>Relevés</Name><OutlineLevel>2</OutlineLevel>
   <Duration>PT24H0M0S</Duration><DurationFormat>7</DurationFormat></Task>
  <Task><UID>3</UID><ID>3</ID><Name>Plans</Name><OutlineLevel>2</OutlineLevel>
   <Duration>PT12H0M0S</Duration><DurationFormat>8</DurationFormat>
   <ConstraintType>7</ConstraintType><ConstraintDate>2026-05-01T17:00:00</ConstraintDate>
   <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type>
    <LinkLag>28800</LinkLag><LagFormat>8</LagFormat></PredecessorLink></Task>
  <Task><UID>4</UID><ID>4</ID><Name>Plans</Name><OutlineLevel>1</OutlineLevel>
   <Manual>1</Manual><Duration>PT0H0M0S</Duration><Milestone>1</Milestone>
   <PredecessorLink><PredecessorUID>3</PredecessorUID><Type>0</Type></PredecessorLink></Task>
 </Tasks>
 <Resources><Resource><UID>1</UID><ID>1</ID><Name>Élise Dupré</Name><Type>1</Type>
  <MaxUnits>0.5</MaxUnits><StandardRate>60</StandardRate></Resource></Resources>
 <Assignments><Assignment><UID>1</UID><TaskUID>2</TaskUID><ResourceUID>1</ResourceUID>
  <Units>0.5</Units></Assignment></Assignments>
</Project>
"""


def test_a_foreign_file_gets_slug_ids_and_reports_what_it_cannot_represent() -> None:
    plan = read_mspdi(FOREIGN.encode())
    tasks = {t.id: t for t in plan.tasks}
    assert list(tasks) == ["etudes", "releves", "plans", "plans-2"]
    assert tasks["releves"].parent == "etudes" and str(tasks["releves"].duration) == "3j"
    assert str(tasks["plans"].duration) == "12h"
    assert [str(dep) for dep in tasks["plans"].after] == ["releves FD+1j"]  # 2 elapsed days
    assert tasks["plans-2"].milestone and [str(a) for a in tasks["plans-2"].after] == [
        "plans FF"]
    assert tasks["releves"].resources[0].resource == "elise-dupre"
    member = plan.settings.team[0]
    assert (member.rate, member.availability) == (480, 0.5)
    assert plan.settings.calendar.workdays == (0, 1, 2, 3, 4)
    assert plan.settings.calendar.hours_per_day == 8
    assert plan.settings.calendar.closures == (Period(d("2026-04-06"), d("2026-04-06"), "Pâques"),)
    notes = "\n".join(plan.notes)
    assert "temps écoulé" in notes and "2 jours calendaires est repris comme 1 jour ouvré" in notes
    assert "« finir au plus tard le » n'est pas représentable" in notes
    assert "planifiée manuellement" in notes


@pytest.mark.parametrize(("data", "message"), [
    (b"<Project><Tasks><Task>", "tronqué"),
    (b"<Tasks/>", "n'est pas un fichier MS Project XML"),
    (b"<Project xmlns='http://schemas.microsoft.com/project'><Tasks/></Project>",
     "aucune tâche"),
    (b"\xff\xfe garbage", "n'est pas un XML lisible"),
])
def test_bad_files_give_a_french_error(data: bytes, message: str) -> None:
    with pytest.raises(InteropError, match=message):
        read_mspdi(data, "projet.xml")


# -- MPXJ, the reader of ProjectLibre and GanttProject -----------------------------------

@pytest.fixture(scope="session")
def mpxj() -> Iterator[Any]:
    missing = why_unavailable()
    if missing is not None:
        pytest.skip(f"MPXJ unavailable: {missing}")
    from cockpit.interop.mpp import start_jvm

    yield start_jvm()


def read_with_mpxj(data: bytes) -> Any:
    from java.io import ByteArrayInputStream  # type: ignore[import-not-found]
    from org.mpxj.mspdi import MSPDIReader  # type: ignore[import-not-found]

    return MSPDIReader().read(ByteArrayInputStream(data))


def mpxj_differences(plan: Project) -> list[str]:
    schedule = compute_schedule(plan)
    read = read_with_mpxj(export_mspdi(plan, schedule, STATUS))
    out = []
    seen = set()
    for theirs in read.getTasks():
        task_id = str(theirs.getText(1))
        ours = schedule.by_id.get(task_id)
        if ours is None:
            out.append(f"unexpected task {task_id}")
            continue
        seen.add(task_id)
        start = dt.date.fromisoformat(str(theirs.getStart())[:10])
        finish = dt.date.fromisoformat(str(theirs.getFinish())[:10])
        if (start, finish) != (ours.start, ours.finish):
            out.append(f"{task_id}: cockpit {ours.start}..{ours.finish} / MPXJ {start}..{finish}")
        if bool(theirs.getMilestone()) != ours.milestone:
            out.append(f"{task_id}: milestone {ours.milestone} / {theirs.getMilestone()}")
    out += [f"{t.id} missing in MPXJ" for t in schedule.tasks if t.id not in seen]
    # and the calendar: every day of the plan is worked or not alike
    from java.time import LocalDate  # type: ignore[import-not-found]

    calendar = read.getDefaultCalendar()
    day = schedule.start - dt.timedelta(days=7)
    while day <= schedule.finish + dt.timedelta(days=7):
        ours_works = schedule.calendar.is_working_day(day)
        if bool(calendar.isWorkingDate(LocalDate.of(day.year, day.month, day.day))) != ours_works:
            out.append(f"calendar differs on {day}")
        day += dt.timedelta(days=1)
    return out


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_mpxj_reads_cockpit_dates_on_the_examples(mpxj: Any, path: Path) -> None:
    plan = example(path)
    assert mpxj_differences(plan) == []
    read = read_with_mpxj(export_mspdi(plan, compute_schedule(plan), STATUS))
    rates = {str(r.getText(1)): (float(r.getStandardRate().getAmount()),
                                 str(r.getStandardRate().getUnits()))
             for r in read.getResources() if r.getText(1) is not None}
    assert rates == {m.id: (float(m.rate), "d") for m in plan.settings.team}
    assert read.getProjectProperties().getMinutesPerDay() == 420


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(generated())
def test_mpxj_reads_cockpit_dates_on_generated_projects(mpxj: Any, plan: Project) -> None:
    assert mpxj_differences(plan) == []
