"""One rule for « this task has started by the status date », for levelling and labour."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from cockpit.finance import plan_costs
from cockpit.finance.labour import unrecorded_labour
from cockpit.model import ProgressEntry, TeamMember
from cockpit.schedule import compute_schedule
from cockpit.schedule.levelling import level
from cockpit.schedule.progress import started_by
from tj3.builders import d, project, task

STATUS = d("2026-01-07")


def test_started_by_on_its_edges() -> None:
    plan = project(
        task("on", "2j", actual_start=STATUS),                # actual start on the status date
        task("after", "2j", actual_start=d("2026-01-08")),    # the day after: not yet
        task("finished", "2j", actual_finish=d("2026-01-06")),
        task("zero", "2j"), task("later", "2j"), task("corrected", "2j"), task("today", "2j"),
    )
    plan = dataclasses.replace(plan, progress=(
        ProgressEntry(d("2026-01-06"), "zero", 0),            # progress 0: not started
        ProgressEntry(d("2026-01-08"), "later", 50),          # recorded after the status date
        ProgressEntry(d("2026-01-05"), "corrected", 30),      # a start a later row undoes
        ProgressEntry(d("2026-01-06"), "corrected", 0),
        ProgressEntry(STATUS, "today", 10),                   # recorded on the status date
    ))
    assert started_by(plan, STATUS) == {"on", "finished", "today"}
    assert started_by(plan, d("2026-01-08")) == {"on", "after", "finished", "later", "today"}


def test_levelling_and_unrecorded_labour_share_it() -> None:
    # Both tasks need bruno on the same days. "a" is 40 % done: levelling keeps it and its
    # labour is expected in costs.csv. "b" had 30 % by mistake, corrected to 0: it has
    # not started, so levelling moves it and no labour is expected from it.
    bruno = TeamMember("bruno", "Bruno Dupont", rate=Decimal(400))
    plan = project(task("a", "2j", resources=("bruno",)), task("b", "2j", resources=("bruno",)),
                   team=(bruno,))
    plan = dataclasses.replace(plan, progress=(
        ProgressEntry(d("2026-01-05"), "a", 40), ProgressEntry(d("2026-01-05"), "b", 30),
        ProgressEntry(d("2026-01-06"), "b", 0)))
    assert [m.task for m in level(plan, STATUS).moves] == ["b"]
    budget = plan_costs(plan, compute_schedule(plan))
    assert unrecorded_labour(plan, budget, STATUS) == ("a",)
