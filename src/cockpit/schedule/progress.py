"""Where the tasks stand at a status date: their progress rows and which have started.

FORMAT.md: a row of progress.csv is a task's percent complete at its date, and the
latest row of a task on or before the status date is its progress; a row dated after
the status date is not known yet at it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from cockpit.model import ProgressEntry, Project


def latest_progress(progress: Iterable[ProgressEntry], day: dt.date) -> dict[str, ProgressEntry]:
    """The latest row of each task on or before `day` (of two rows of one date, the later
    one in the file)."""
    latest: dict[str, ProgressEntry] = {}
    for row in progress:
        if row.date > day:
            continue
        seen = latest.get(row.task)
        if seen is None or row.date >= seen.date:
            latest[row.task] = row
    return latest


def started_by(project: Project, day: dt.date) -> set[str]:
    """The tasks that have started by `day`: an actual start (or finish) on or before it,
    or a percent complete above 0 at it, the latest row on or before it. A row dated
    after `day` does not count, nor an earlier row a later 0 corrected. The one rule of
    levelling, which never moves these tasks, and of the unrecorded labour (B002), which
    expects their labour in costs.csv."""
    started = {task for task, row in latest_progress(project.progress, day).items()
               if row.percent > 0}
    started.update(t.id for t in project.tasks
                   if any(d is not None and d <= day for d in (t.actual_start, t.actual_finish)))
    return started
