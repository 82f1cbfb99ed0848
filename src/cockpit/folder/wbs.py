"""wbs.toml: the tasks, their durations, resources and dependencies."""

from __future__ import annotations

from cockpit.diagnostics import codes
from cockpit.folder.fields import Fields
from cockpit.folder.reading import Reading
from cockpit.model import (
    Assignment,
    Dependency,
    Duration,
    NotationError,
    Source,
    Task,
    parse_assignment,
    parse_dependency,
    parse_duration,
)
from cockpit.model.durations import TASK_ID


def read_wbs(r: Reading) -> tuple[Task, ...]:
    parsed = r.toml("wbs.toml")
    if parsed is None:
        return ()
    data, locator = parsed
    r.top_level("wbs.toml", data, locator, ("task",))
    raw = data.get("task")
    # Dependencies name tasks whose ids may contain "-": know every id before reading them.
    known = frozenset(t["id"] for t in raw if isinstance(t, dict) and isinstance(t.get("id"), str)) \
        if isinstance(raw, list) else frozenset()
    return r.records("wbs.toml", data, locator, "task", "tâche",
                        lambda f, s: task(f, s, known))


def task(f: Fields, source: Source, known: frozenset[str]) -> Task | None:
    duration: Duration | None = None
    duration_text = f.text("duration")
    if duration_text:
        try:
            duration = parse_duration(duration_text)
            if duration.amount < 0:
                raise NotationError(f"durée négative « {duration_text} »")
        except NotationError as error:
            f.diagnostics.append(codes.BAD_DURATION.at(
                source.file, f.line("duration"), f"{f.what} : {error}"))
            duration = None
    resources: list[Assignment] = []
    for text in f.texts("resources"):
        try:
            resources.append(parse_assignment(text))
        except NotationError as error:
            f.diagnostics.append(codes.BAD_DEPENDENCY.at(
                source.file, f.line("resources"), f"{f.what} : {error}"))
    task_id = f.text("id", required=True)
    if task_id and not TASK_ID.fullmatch(task_id):
        f.diagnostics.append(codes.WRONG_TYPE.at(
            source.file, f.line("id"),
            f"{f.what} : l'identifiant ne peut contenir que lettres, chiffres, . _ et -",
            "Remplacez espaces et accents, par exemple « essais-reception »."))
        return None
    after: list[Dependency] = []
    for text in f.texts("after"):
        try:
            after.append(parse_dependency(text, known))
        except NotationError as error:
            f.diagnostics.append(codes.BAD_DEPENDENCY.at(
                source.file, f.line("after"), f"{f.what} : {error}"))
    actual_start, actual_finish = f.date("actual_start"), f.date("actual_finish")
    if actual_start and actual_finish and actual_finish < actual_start:
        f.diagnostics.append(codes.OUT_OF_RANGE.at(
            source.file, f.line("actual_finish"),
            f"{f.what} : fin réelle ({actual_finish}) avant le début réel ({actual_start})"))
        actual_finish = None
    milestone = f.boolean("milestone")
    if milestone and duration is not None and duration.amount != 0:
        f.diagnostics.append(codes.BAD_DURATION.at(
            source.file, f.line("duration"),
            f"{f.what} : un jalon n'a pas de durée (« {duration_text} ») ; elle est ignorée",
            "Retirez duration, ou milestone = true si c'est une tâche."))
        duration = None
    task = Task(
        id=task_id, name=f.text("name", required=True), parent=f.text("parent"),
        milestone=milestone, duration=duration, resources=tuple(resources),
        after=tuple(after),
        deliverable=f.text("deliverable"), indicator=f.text("indicator"),
        start_no_earlier_than=f.date("start_no_earlier_than"),
        actual_start=actual_start, actual_finish=actual_finish,
        deadline=f.date("deadline"), source=source)
    return task if task.id else None
