"""Resource load per day and ISO week, over-allocation, and levelling."""

from __future__ import annotations

import dataclasses

from cockpit.model import Period, ProgressEntry, ResourceKind, TeamMember
from cockpit.schedule import compute_schedule
from cockpit.schedule.levelling import level
from cockpit.schedule.load import compute_load
from tj3.builders import d, project, task

CLAIRE = TeamMember("claire", "Claire Martin", availability=0.8,
                    absences=(Period(d("2026-01-14"), d("2026-01-14")),))
BRUNO = TeamMember("bruno", "Bruno Dupont")
PRESTA = TeamMember("presta", "Intégrateur", kind=ResourceKind.SERVICE)
STATUS = d("2026-01-05")  # the projects below start on Monday 5 January 2026


def test_daily_and_weekly_load_against_capacity() -> None:
    plan = project(
        task("a", "5j", resources=("claire:50%",)),
        task("b", "3j", "a", resources=("claire:50%", "bruno")),
        task("c", "2j", resources=("claire:50%",)),
        team=(CLAIRE, BRUNO),
    )
    load = compute_load(plan, compute_schedule(plan))
    claire = load.resource("claire")
    assert claire is not None
    assert claire.daily == (1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5)
    assert claire.capacity == (0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.0)  # absent on the 14th
    assert [(w.label, w.load, round(w.capacity, 6), w.over_days) for w in claire.weeks] == [
        ("2026-S02", 3.5, 4.0, 2), ("2026-S03", 1.5, 1.6, 1)]
    over = claire.over
    assert [(o.first, o.last, o.days, o.peak, o.tasks) for o in over] == [
        (d("2026-01-05"), d("2026-01-06"), 2, 1.0, ("a", "c")),
        (d("2026-01-14"), d("2026-01-14"), 1, 0.5, ("b",)),
    ]
    bruno = load.resource("bruno")
    assert bruno is not None and bruno.total == 3.0 and not bruno.over


def test_services_are_loaded_but_never_over_allocated() -> None:
    plan = project(task("a", "2j", resources=("presta",)), task("b", "2j", resources=("presta",)),
                   team=(PRESTA,))
    presta = compute_load(plan, compute_schedule(plan)).resource("presta")
    assert presta is not None and presta.daily == (2.0, 2.0) and presta.over == ()


def test_levelling_delays_the_non_critical_task_and_says_when_float_is_not_enough() -> None:
    plan = project(
        task("long", "6j", resources=("bruno",)),
        task("short", "2j", resources=("bruno",)),       # float 4: this one moves, by 6
        task("end", "1j", "long", "short"),
        team=(BRUNO,),
    )
    result = level(plan, STATUS)
    # "end" follows by precedence: it is not a levelling move
    assert [(m.task, m.delay, m.within_float) for m in result.moves] == [("short", 6, False)]
    (move,) = result.moves
    # Why (bruno is taken by "long" on its first day), and what its finish becomes.
    assert (move.resource, move.clash) == ("bruno", d("2026-01-05"))
    assert (move.finish_before, move.finish_after) == (d("2026-01-06"), d("2026-01-14"))
    assert result.project_delay == 2
    assert result.unresolved == () and result.resolved == 1
    assert result.starts == {"short": d("2026-01-13")}
    assert compute_load(plan, result.schedule).over_allocations == ()


def test_levelling_fits_inside_float_without_moving_the_finish() -> None:
    plan = project(
        task("a", "3j", resources=("bruno",)),
        task("b", "2j", resources=("bruno",)),
        task("c", "8j"),
        task("end", "1j", "a", "b", "c"),
        team=(BRUNO,),
    )
    result = level(plan, STATUS)
    assert [(m.task, m.delay, m.within_float) for m in result.moves] == [("b", 3, True)]
    assert result.project_delay == 0


def test_levelling_reports_what_it_cannot_resolve() -> None:
    plan = project(
        task("too-much", "2j", resources=("claire",)),          # 100 % of a 0.8 person
        task("done", "2j", resources=("bruno",), actual_start=d("2026-01-05"),
             actual_finish=d("2026-01-06")),
        task("fixed", "2j", resources=("bruno",), actual_start=d("2026-01-05")),
        team=(CLAIRE, BRUNO),
    )
    result = level(plan, STATUS)
    assert result.moves == ()  # nothing can move: facts stay, a bigger share never fits
    assert sorted(o.resource for o in result.unresolved) == ["bruno", "claire"]


def test_levelling_without_over_allocation_moves_nothing() -> None:
    plan = project(task("a", "2j", resources=("bruno",)), task("b", "2j", "a",
                   resources=("bruno",)), team=(BRUNO,))
    result = level(plan, STATUS)
    assert result.moves == () and result.unresolved == () and result.project_delay == 0


def test_levelling_never_moves_a_task_with_progress() -> None:
    # "short" is 95 % done at the status date (no actual dates): it stays where it is and
    # "long", not started, is the one that waits for bruno.
    plan = project(
        task("long", "6j", resources=("bruno",)),
        task("short", "2j", resources=("bruno",)),
        task("end", "1j", "long", "short"),
        team=(BRUNO,),
    )
    plan = dataclasses.replace(plan, progress=(ProgressEntry(d("2026-01-06"), "short", 95),))
    result = level(plan, d("2026-01-06"))
    assert [m.task for m in result.moves] == ["long"]
    assert result.schedule.by_id["short"].start == d("2026-01-05")
    # Before the progress row's date, "short" had not started: levelling may move it.
    assert [m.task for m in level(plan, STATUS).moves] == ["short"]
