"""Write an imported plan into a project folder: a new folder, or a merge that loses nothing.

New folder: cockpit.toml (project, calendar, team) and wbs.toml are created, and the
percent complete read becomes progress.csv rows at the status date.

Existing folder: nothing the folder holds is overwritten. A task or team member matched by
id (cockpit's own ids come back from its exports; other files get slugs of the names,
the same on every import) keeps its values: a field the folder lacks is filled in, a
field that differs is a conflict, reported and left as it is. New tasks and members are
appended; calendar differences are conflicts. Every write goes through
`cockpit.folder.save` (atomic, keeps comments and formatting, refuses a file changed on
disk since it was read).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cockpit.interop import InteropError
from cockpit.interop.mspdi import ImportedPlan
from cockpit.model import Period, Project, Task, TeamMember
from cockpit.model.immutable import immutable

WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@immutable
class ImportReport:
    """What an import wrote, and what it did not."""

    created: bool
    written: tuple[str, ...]
    added_tasks: tuple[str, ...]
    added_members: tuple[str, ...]
    filled: tuple[str, ...]
    conflicts: tuple[str, ...]
    progress_rows: int


# -- records ------------------------------------------------------------------------------

def task_record(task: Task) -> dict[str, Any]:
    """A `[[task]]` table as wbs.toml writes it; empty fields are left out."""
    record: dict[str, Any] = {"id": task.id}
    if task.parent:
        record["parent"] = task.parent
    record["name"] = task.name
    if task.milestone:
        record["milestone"] = True
    elif task.duration is not None:
        record["duration"] = str(task.duration)
    if task.resources:
        record["resources"] = [a.resource if a.share == 1 else f"{a.resource}:{a.share * 100:g}%"
                               for a in task.resources]
    if task.after:
        record["after"] = [str(dep) for dep in task.after]
    for key in ("deliverable", "start_no_earlier_than", "actual_start", "actual_finish",
                "deadline"):
        value = getattr(task, key)
        if value:
            record[key] = value
    return record


def member_record(member: TeamMember) -> dict[str, Any]:
    record: dict[str, Any] = {"id": member.id, "name": member.name}
    if member.role:
        record["role"] = member.role
    record["kind"] = member.kind.value
    record["rate"] = member.rate
    record["availability"] = member.availability
    if member.absences:
        record["absences"] = [_period(p, label=False) for p in member.absences]
    return record


def _period(period: Period, label: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"from": period.start, "to": period.end}
    if label and period.label:
        out["label"] = period.label
    return out


def settings_document(plan: ImportedPlan) -> str:
    import tomlkit

    from cockpit.folder.save import append_record_to, set_table_field

    info = plan.settings.project
    spec = plan.settings.calendar
    document = tomlkit.document()
    document.add(tomlkit.comment("Projet importé par « cockpit import » : complétez-le "
                                 "(sponsor, manager, deadline, phase, référentiel…)."))
    for key, value in (("id", info.id), ("title", info.title), ("start", info.start),
                       ("status_date", info.status_date), ("currency", info.currency)):
        set_table_field(document, "project", key, value)
    set_table_field(document, "calendar", "workdays", [WEEKDAY_KEYS[d] for d in spec.workdays])
    hours = spec.hours_per_day
    set_table_field(document, "calendar", "hours_per_day", int(hours) if hours == int(hours)
                    else hours)
    set_table_field(document, "calendar", "holidays", spec.holidays)
    if spec.closures:
        set_table_field(document, "calendar", "closures", [_period(p) for p in spec.closures])
    for member in plan.settings.team:
        append_record_to(document, "team", member_record(member))
    return tomlkit.dumps(document)


def wbs_document(tasks: tuple[Task, ...]) -> str:
    import tomlkit

    from cockpit.folder.save import append_record_to

    document = tomlkit.document()
    document.add(tomlkit.comment("Structure de découpage du projet, importée par "
                                 "« cockpit import »."))
    for task in tasks:
        append_record_to(document, "task", task_record(task))
    return tomlkit.dumps(document)


# -- writing -----------------------------------------------------------------------------

def write_import(root: Path, plan: ImportedPlan, today: dt.date, dry_run: bool = False
                 ) -> ImportReport:
    """Write `plan` into the folder `root` (created when it holds no cockpit.toml)."""
    from cockpit.folder import load_project
    from cockpit.folder.save import ProjectFiles, SaveError

    files = ProjectFiles(root)
    day = plan.settings.project.status_date or today
    try:
        if not (root / "cockpit.toml").exists():
            if root.exists() and not root.is_dir():
                raise InteropError(f"« {root} » existe et n'est pas un dossier : rien n'a été "
                                   "écrit.")
            if (root / "wbs.toml").exists():
                raise InteropError(f"« {root} » a un wbs.toml mais pas de cockpit.toml : "
                                   "complétez ce dossier avant d'y importer ; rien n'a été écrit.")
            written = ["cockpit.toml", "wbs.toml"]
            rows = [(day, task, percent) for task, percent in plan.percent]
            if not dry_run:
                files.write_text("cockpit.toml", settings_document(plan), create=True)
                files.write_text("wbs.toml", wbs_document(plan.tasks), create=True)
                _append_progress(files, rows)
            if rows:
                written.append("progress.csv")
            return ImportReport(True, tuple(written), tuple(t.id for t in plan.tasks),
                                tuple(m.id for m in plan.settings.team), (), (), len(rows))
        loaded = load_project(root, files)
        if loaded.project is None:
            raise InteropError(f"cockpit.toml de « {root} » est illisible : corrigez-le "
                               "(« cockpit check ») avant d'y importer ; rien n'a été écrit.")
        return _merge(files, loaded.project, plan, day, dry_run)
    except SaveError as error:
        raise InteropError(str(error)) from error


def _merge(files: Any, project: Project, plan: ImportedPlan, day: dt.date, dry_run: bool
           ) -> ImportReport:
    from cockpit.folder.save import append_record_to, set_record_field

    conflicts: list[str] = []
    filled: list[str] = []
    mine: Any
    # the calendar: differences are conflicts, the folder's calendar stays
    ours, theirs = project.settings.calendar, plan.settings.calendar
    calendar_pairs: tuple[tuple[str, Any, Any], ...] = (
            ("jours travaillés", ours.workdays, theirs.workdays),
            ("heures par jour", ours.hours_per_day, theirs.hours_per_day),
            ("jours fériés", ours.holidays, theirs.holidays),
            ("fermetures", {(p.start, p.end) for p in ours.closures},
             {(p.start, p.end) for p in theirs.closures}))
    for label, here, there in calendar_pairs:
        if here != there:
            conflicts.append(f"calendrier : {label} différents dans le fichier importé ; "
                             "ceux de cockpit.toml sont gardés")
    # the team
    members = {m.id: m for m in project.settings.team}
    by_name = {m.name.casefold(): m.id for m in project.settings.team}
    rename: dict[str, str] = {}
    new_members: list[dict[str, Any]] = []
    for member in plan.settings.team:
        match = members.get(member.id) or members.get(by_name.get(member.name.casefold(), ""))
        if match is None:
            new_members.append(member_record(member))
            continue
        rename[member.id] = match.id
        for key, value in member_record(member).items():
            mine = getattr(match, key)
            mine = [_period(p, label=False) for p in mine] if key == "absences" else (
                mine.value if key == "kind" else mine)
            if key == "kind" and (mine == "material") == (value == "material"):
                continue  # MS Project's work resources are people, equipment and services
            if key not in ("id", "name") and mine != value and mine not in ("", None, ()):
                conflicts.append(f"équipe « {match.id} » : {key} = {_show(mine)} dans "
                                 f"cockpit.toml, {_show(value)} dans le fichier importé ; "
                                 "gardé")
    # the tasks
    tasks = {t.id: t for t in project.tasks}
    by_task_name: dict[str, str] = {}
    for t in project.tasks:
        by_task_name.setdefault(t.name.casefold(), t.id)
    task_rename = {t.id: (t.id if t.id in tasks else by_task_name.get(t.name.casefold(), t.id))
                   for t in plan.tasks}
    new_tasks: list[dict[str, Any]] = []
    fills: list[tuple[str, str, Any]] = []
    for task in plan.tasks:
        record = task_record(_renamed(task, task_rename, rename))
        known = tasks.get(record["id"])
        if known is None:
            new_tasks.append(record)
            continue
        existing = task_record(known)
        for key, value in record.items():
            if key == "id":
                continue
            mine = existing.get(key)
            if mine is None:
                if key == "duration" and known.milestone or key == "milestone" and known.duration:
                    conflicts.append(f"tâche « {known.id} » : jalon dans un fichier, tâche dans "
                                     "l'autre ; gardée telle quelle")
                    continue
                fills.append((known.id, key, value))
                filled.append(f"tâche « {known.id} » : {key} = {_show(value)}")
            elif not _same(key, mine, value, ours.hours_per_day):
                conflicts.append(f"tâche « {known.id} » : {key} = {_show(mine)} dans wbs.toml, "
                                 f"{_show(value)} dans le fichier importé ; gardé")
    percent = {task_rename.get(t, t): p for t, p in plan.percent}
    from cockpit.finance.evm import latest_percent

    latest = latest_percent(project.progress, day)
    rows = [(day, task, p) for task, p in percent.items()
            if task in tasks or any(r["id"] == task for r in new_tasks)
            if task not in latest or abs(float(latest[task]) - p) > 1e-9]
    written: list[str] = []
    if new_members:
        written.append("cockpit.toml")
    if new_tasks or fills:
        written.append("wbs.toml")
    if rows:
        written.append("progress.csv")
    if not dry_run:
        if new_members:
            def add_members(doc: Any) -> None:
                for record in new_members:
                    append_record_to(doc, "team", record)

            files.edit_toml("cockpit.toml", add_members)
        if new_tasks or fills:
            def edit(doc: Any) -> None:
                for task_id, key, value in fills:
                    set_record_field(doc, "task", task_id, key, value)
                for record in new_tasks:
                    append_record_to(doc, "task", record)

            files.edit_toml("wbs.toml", edit)
        _append_progress(files, rows)
    return ImportReport(False, tuple(written), tuple(r["id"] for r in new_tasks),
                        tuple(r["id"] for r in new_members), tuple(filled), tuple(conflicts),
                        len(rows))


def _renamed(task: Task, tasks: Mapping[str, str], members: Mapping[str, str]) -> Task:
    from dataclasses import replace

    return replace(
        task, id=tasks.get(task.id, task.id), parent=tasks.get(task.parent, task.parent),
        after=tuple(replace(d, task=tasks.get(d.task, d.task)) for d in task.after),
        resources=tuple(replace(a, resource=members.get(a.resource, a.resource))
                        for a in task.resources))


def _same(key: str, mine: Any, theirs: Any, hours_per_day: float) -> bool:
    """Equal in meaning: `2s` and `10j`, `cdc FD+0j` and `cdc`."""
    from cockpit.model import parse_dependency, parse_duration

    def link(text: str) -> tuple[str, str, int]:
        dep = parse_dependency(text)
        return dep.task, dep.type.value, dep.lag.working_days(hours_per_day)

    try:
        if key == "duration":
            return parse_duration(mine).working_days(hours_per_day) == \
                parse_duration(theirs).working_days(hours_per_day)
        if key == "after":
            return {link(d) for d in mine} == {link(d) for d in theirs}
    except ValueError:
        return False
    if key == "resources":
        return sorted(mine) == sorted(theirs)
    return bool(mine == theirs)


def _show(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_show(v)}" for k, v in value.items()) + "}"
    return f"« {value} »" if isinstance(value, str) else str(value)


def _append_progress(files: Any, rows: list[tuple[dt.date, str, float]]) -> None:
    for day, task, percent in rows:
        files.append_csv_row("progress.csv", {"date": day, "task": task, "percent": percent,
                                              "comment": "importé"})
