"""The critical path method, case by case, against dates worked out by hand.

January 2026: Thursday 1 is a holiday; Monday 5 is boundary 0.
"""

from __future__ import annotations

import datetime as dt

from dateutil.easter import easter

from cockpit.model import Period
from cockpit.model.holidays import french_holidays
from cockpit.schedule import ScheduledTask, WorkCalendar, compute_schedule
from tj3.builders import d, project, task


def dates(scheduled: ScheduledTask | None) -> tuple[str, str]:
    assert scheduled is not None
    return scheduled.start.isoformat(), scheduled.finish.isoformat()


# -- calendar ---------------------------------------------------------------------------

def test_french_holidays_metropolitan_and_alsace_moselle() -> None:
    fr = french_holidays(2026, "FR")
    assert len(fr) == 11
    assert {d("2026-04-06"), d("2026-05-14"), d("2026-05-25"), d("2026-07-14")} <= fr
    moselle = french_holidays(2026, "FR-57")
    assert moselle - fr == {d("2026-04-03"), d("2026-12-26")}
    assert french_holidays(2026, "none") == frozenset()
    assert easter(2024) == d("2024-03-31") and easter(2038) == d("2038-04-25")


def test_boundaries_follow_working_days() -> None:
    cal = WorkCalendar(d("2026-01-03"), closures=(Period(d("2026-01-12"), d("2026-01-16")),))
    assert cal.day(0) == d("2026-01-05")  # start on a Saturday: boundary 0 is Monday
    assert cal.boundary(d("2026-01-03")) == 0
    assert cal.day(4) == d("2026-01-09")
    assert cal.day(5) == d("2026-01-19")  # the closure week is skipped
    assert cal.boundary(d("2026-01-14")) == 5
    assert cal.boundary_after(d("2026-01-09")) == 5
    assert cal.day(-1) == d("2026-01-02")  # before the start: Thursday 1 is a holiday
    assert cal.boundary(d("2025-12-31")) == -2
    far = cal.day(2000)
    assert cal.boundary(far) == 2000 and cal.is_working_day(far)


def test_calendar_without_workdays_falls_back_to_monday_friday() -> None:
    cal = WorkCalendar(d("2026-01-05"), workdays=())
    assert cal.fallback and cal.day(5) == d("2026-01-12")


# -- dependencies and milestones --------------------------------------------------------

def test_fs_ss_ff_sf_with_lags() -> None:
    s = compute_schedule(project(
        task("a", "3j"),
        task("fs", "2j", "a FD+2j"),   # S ≥ 3 + 2 = 5
        task("ss", "2j", "a DD+1j"),   # S ≥ 0 + 1
        task("ff", "2j", "a FF+1j"),   # F ≥ 3 + 1 → S = 2
        task("sf", "4j", "a DF+1j"),   # F ≥ 0 + 1 → S = max(0, 1 − 4)
        task("neg", "1j", "a-1j"),     # S ≥ 3 − 1
        task("weeks", "1s", "a FD+1s"),  # 1 week = 5 days: S ≥ 8, d = 5
        task("hours", "8h", "a+4h"),   # 8 h at 7 h/day → 2 days; lag 4 h → 1 day
    ))
    b = {t.id: (t.es, t.ef) for t in s.tasks}
    assert b == {"a": (0, 3), "fs": (5, 7), "ss": (1, 3), "ff": (2, 4), "sf": (0, 4),
                 "neg": (2, 3), "weeks": (8, 13), "hours": (4, 6)}
    assert dates(s.task("fs")) == ("2026-01-12", "2026-01-13")


def test_milestone_dates_and_successors() -> None:
    s = compute_schedule(project(
        task("kickoff", milestone=True),
        task("work", "2j", "kickoff"),
        task("done", None, "work", milestone=True),
        task("next", "1j", "done"),
        task("zero", "0j", "work"),
    ))
    assert dates(s.task("kickoff")) == ("2026-01-05", "2026-01-05")  # B = 0 → day 0
    assert dates(s.task("work")) == ("2026-01-05", "2026-01-06")
    assert dates(s.task("done")) == ("2026-01-06", "2026-01-06")  # B = 2 → working day 1
    assert dates(s.task("next")) == ("2026-01-07", "2026-01-07")  # after a Tuesday milestone
    zero = s.task("zero")
    assert zero is not None and zero.milestone and zero.es == 2


def test_start_no_earlier_than_on_a_weekend_means_next_working_day() -> None:
    s = compute_schedule(project(
        task("a", "1j", start_no_earlier_than=d("2026-01-10")),
        task("b", "1j", "a", start_no_earlier_than=d("2026-01-06")),
    ))
    assert dates(s.task("a")) == ("2026-01-12", "2026-01-12")
    assert dates(s.task("b")) == ("2026-01-13", "2026-01-13")


def test_holidays_and_closures_are_skipped() -> None:
    s = compute_schedule(project(
        task("a", "5j"),
        task("b", "3j", "a"),
        start=d("2026-05-04"),
        closures=(Period(d("2026-05-11"), d("2026-05-12"), "Inventaire"),),
    ))
    # 4–7 May, 8 May is a holiday, 11–12 closed: a = 4, 5, 6, 7, 13; 14 is Ascension
    assert dates(s.task("a")) == ("2026-05-04", "2026-05-13")
    assert dates(s.task("b")) == ("2026-05-15", "2026-05-19")


# -- summaries --------------------------------------------------------------------------

def test_summary_spans_children_and_dependencies_on_it() -> None:
    s = compute_schedule(project(
        task("prep", "2j"),
        task("phase", None, "prep"),              # applies to every task below it
        task("p1", "3j", parent="phase"),
        task("p2", "1j", "p1 DD+1j", parent="phase"),
        task("after_end", "1j", "phase"),          # FS: waits for the last child
        task("after_start", "1j", "phase DD"),     # SS: waits for the first child's start
        task("ff_end", "2j", "phase FF"),
    ))
    phase = s.task("phase")
    assert phase is not None and phase.summary and not phase.milestone
    assert (phase.es, phase.ef) == (2, 5)
    assert s.task("p1").es == 2  # type: ignore[union-attr]
    assert s.task("p2").es == 3  # type: ignore[union-attr]
    assert s.task("after_end").es == 5  # type: ignore[union-attr]
    assert s.task("after_start").es == 2  # type: ignore[union-attr]
    assert s.task("ff_end").ef == 5  # type: ignore[union-attr]
    assert [t.wbs for t in s.tasks] == ["1", "2", "2.1", "2.2", "3", "4", "5"]


def test_summary_start_constraint_applies_to_children() -> None:
    s = compute_schedule(project(
        task("lot", start_no_earlier_than=d("2026-01-12")),
        task("x", "1j", parent="lot"),
        task("sub", parent="lot"),
        task("y", "1j", parent="sub"),
    ))
    assert [s.task(i).es for i in ("lot", "x", "sub", "y")] == [5, 5, 5, 5]  # type: ignore[union-attr]
    assert [t.wbs for t in s.tasks] == ["1", "1.1", "1.2", "1.2.1"]
    assert [t.level for t in s.tasks] == [0, 1, 1, 2]


# -- late dates, floats, critical path --------------------------------------------------

def test_floats_and_critical_path() -> None:
    s = compute_schedule(project(
        task("a", "3j"),
        task("b", "5j", "a"),
        task("c", "2j", "a"),
        task("e", "1j", "b", "c"),
        task("lonely", "1j"),
    ))
    c = s.task("c")
    assert c is not None and (c.ls, c.lf, c.total_float, c.free_float) == (6, 8, 3, 3)
    assert not c.critical
    assert s.task("lonely").free_float == 8  # type: ignore[union-attr]
    assert s.critical_path == ("a", "b", "e")
    assert s.finish == d("2026-01-15") and s.late == 0


def test_free_float_is_the_smallest_outgoing_slack() -> None:
    s = compute_schedule(project(
        task("a", "2j"), task("long", "6j"),
        task("b", "1j", "a", "long"),
        task("c", "1j", "a FD+1j", "long FD-2j"),
    ))
    a = s.task("a")
    assert a is not None and a.free_float == 1 and a.total_float == 3


def test_deadline_before_finish_gives_negative_float() -> None:
    s = compute_schedule(project(task("a", "10j"), task("b", "5j", "a"), task("side", "2j"),
                                 deadline=d("2026-01-16")))  # boundary 10
    assert s.finish_boundary == 15 and s.deadline_boundary == 10 and s.late == 5
    assert s.task("b").total_float == -5  # type: ignore[union-attr]
    assert s.task("side").total_float == 8  # type: ignore[union-attr]
    assert s.critical_path == ("a", "b")


def test_late_deadline_does_not_add_float() -> None:
    s = compute_schedule(project(task("a", "3j"), deadline=d("2026-12-31")))
    assert s.task("a").total_float == 0  # type: ignore[union-attr]


# -- actual dates -----------------------------------------------------------------------

def test_actuals_fix_start_and_finish() -> None:
    s = compute_schedule(project(
        task("done", "3j", actual_start=d("2026-01-06"), actual_finish=d("2026-01-12")),
        task("next", "2j", "done"),
        task("running", "4j", actual_start=d("2026-01-07")),
        task("late", "1j", "running"),
    ))
    done = s.task("done")
    assert done is not None and (done.es, done.ef, done.duration) == (1, 6, 5)
    assert done.finished and done.started
    assert dates(s.task("next")) == ("2026-01-13", "2026-01-14")
    assert dates(s.task("running")) == ("2026-01-07", "2026-01-12")
    assert s.task("late").es == 6  # type: ignore[union-attr]


def test_finished_milestone_on_day_zero_stays_at_boundary_zero() -> None:
    s = compute_schedule(project(task("go", milestone=True, actual_finish=d("2026-01-05")),
                                 task("w", "1j", "go"),
                                 task("m2", milestone=True, actual_finish=d("2026-01-07")),
                                 task("w2", "1j", "m2")))
    assert s.task("w").es == 0  # type: ignore[union-attr]
    assert dates(s.task("w2")) == ("2026-01-08", "2026-01-08")


# -- robustness -------------------------------------------------------------------------

def test_unknown_predecessor_is_reported_and_ignored() -> None:
    s = compute_schedule(project(task("a", "2j", "ghost"), task("b", "1j", "a")))
    assert [(p.task, p.kind) for p in s.problems] == [("a", "unknown_predecessor")]
    assert "ghost" in s.problems[0].message
    assert s.task("b").es == 2  # type: ignore[union-attr]


def test_cycle_is_named_and_the_rest_scheduled() -> None:
    s = compute_schedule(project(
        task("start", "1j"),
        task("a", "1j", "start", "c"), task("b", "1j", "a"), task("c", "1j", "b"),
        task("after", "2j", "c"),
    ))
    cycles = [p for p in s.problems if p.kind == "cycle"]
    assert len(cycles) == 1
    assert "a → b → c → a" in cycles[0].message
    assert s.task("a").es == 1  # type: ignore[union-attr]  # "start" still holds
    assert s.task("after").es == s.task("c").ef  # type: ignore[union-attr]


def test_self_dependency_and_child_after_parent_are_cycles() -> None:
    s = compute_schedule(project(task("a", "1j", "a"), task("p"),
                                 task("k", "1j", "p", parent="p")))
    messages = sorted(p.message for p in s.problems if p.kind == "cycle")
    assert len(messages) == 2
    assert any("a → a" in m for m in messages) and any("p → k → p" in m for m in messages)


def test_task_without_duration_counts_zero_days_and_is_reported() -> None:
    s = compute_schedule(project(task("vague"), task("b", "1j", "vague")))
    vague = s.task("vague")
    assert vague is not None and vague.duration == 0 and not vague.milestone
    assert [p.kind for p in s.problems] == ["no_duration"]


def test_parent_problems_never_crash() -> None:
    s = compute_schedule(project(task("a", "1j", parent="nobody"),
                                 task("x", parent="y"), task("y", parent="x"),
                                 task("z", "1j", parent="y"), task("a", "2j")))
    kinds = sorted(p.kind for p in s.problems)
    # y is cut loose; x, now a leaf under y, has no duration; the second "a" is not planned
    # (the loader reports a duplicate id, F016, before the schedule sees it)
    assert kinds == ["no_duration", "parent_cycle", "unknown_parent"]
    assert len(s.tasks) == 4 and s.task("z").es == 0  # type: ignore[union-attr]
    assert [s.task(i).parent for i in "xyz"] == ["y", "", "y"]  # type: ignore[union-attr]


def test_empty_project() -> None:
    s = compute_schedule(project())
    assert s.tasks == () and s.start == s.finish == d("2026-01-05")
    assert s.to_json()["project"] == {"start": "2026-01-05", "finish": "2026-01-05",
                                      "deadline": None, "critical_path": []}


def test_json_keys_follow_the_format() -> None:
    s = compute_schedule(project(task("cdc", "8j"), deadline=dt.date(2026, 9, 30)))
    row = s.to_json()["tasks"][0]  # type: ignore[index]
    for key in ("id", "name", "start", "finish", "late_start", "late_finish", "total_float",
                "free_float", "critical", "milestone", "summary"):
        assert key in row
    assert row["late_finish"] == "2026-01-14" and row["critical"] is True
