"""Labour that costs.csv does not record yet.

FORMAT.md: actual cost, labour included, comes only from costs.csv. A task whose team has a
rate and that has started (schedule.progress.started_by) but has no labour
line in costs.csv makes AC, CPI and EAC too good: an unlogged week of work looks like a
saving. The tasks are named so that every figure built on AC can say so.
"""

from __future__ import annotations

import datetime as dt
import re

from cockpit.finance.planned import PlannedBudget
from cockpit.folder.fields import fold
from cockpit.model import Project, ResourceKind
from cockpit.schedule.progress import started_by

# Words of a costs.csv category that mean labour (after folding: no accent, no ligature).
LABOUR_WORDS = frozenset({
    "main d oeuvre", "mo", "labour", "labor", "personnel", "salaire", "salaires", "heures",
    "temps", "temps passe", "temps passes", "interne", "internes", "rh", "ressources internes",
    "charges de personnel", "cout horaire", "jours hommes", "jh", "homme jour", "hommes jours",
})
_SEPARATORS = re.compile(r"[^a-z0-9]+")


def is_labour(category: str) -> bool:
    """« main-d'œuvre », « Main d'oeuvre interne », « MO », « temps passé »… are labour."""
    words = _SEPARATORS.sub(" ", fold(category)).strip()
    if not words:
        return False
    return words in LABOUR_WORDS or "main d oeuvre" in words or any(
        w in LABOUR_WORDS for w in words.split())


def unrecorded_labour(project: Project, planned: PlannedBudget, day: dt.date) -> tuple[str, ...]:
    """Tasks with planned labour that have started by `day` (schedule.progress.started_by,
    the rule levelling follows too) and whose labour costs.csv does not record, in WBS
    order. The team's own people are recorded by a labour line (« main-d'œuvre »,
    « temps passé »…); a service, equipment or material resource by any cost of the task
    (an invoice, a rental)."""
    costs = [c for c in project.costs if c.date <= day and c.task]
    labour_lines = {c.task for c in costs if is_labour(c.category)}
    any_lines = {c.task for c in costs}
    people = {m.id for m in project.settings.team if m.rate and m.kind is ResourceKind.PERSON}
    facts = {t.id: t for t in project.tasks}
    started = started_by(project, day)
    found = []
    for task_id in planned.order:
        if (task_id not in started or not planned.costs[task_id].labour
                or task_id in labour_lines):
            continue
        task = facts.get(task_id)
        if task is not None and task_id in any_lines and not any(
                a.resource in people for a in task.resources):
            continue
        found.append(task_id)
    return tuple(found)
