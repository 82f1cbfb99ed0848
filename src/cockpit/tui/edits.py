"""What the views may change, each as one call of the core's safe saving API.

Every function takes the `ProjectFiles` the displayed snapshot was read with, so an
edit of a file changed on disk since is refused by the core (`ConflictError`), and
returns the `UndoRecord`s of what it wrote. Values are parsed with the model's own
parsers before anything is written; the French message of any refusal is raised as
`EditError`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from decimal import Decimal

    from cockpit.folder.save import ProjectFiles, UndoRecord

T = TypeVar("T")
Outcome = tuple["UndoRecord", ...]


class EditError(Exception):
    """An edit refused by the core or with an unreadable value; the message is French."""


@contextmanager
def _refusals() -> Iterator[None]:
    from cockpit.folder.save import SaveError
    from cockpit.model import NotationError

    try:
        yield
    except (SaveError, NotationError) as error:
        raise EditError(str(error)) from error
    except OSError as error:
        raise EditError(f"écriture impossible : {error.strerror or error}") from error


def saved_files(outcome: Any) -> tuple[str, ...]:
    return tuple(r.relative for r in outcome if r.changed) if outcome else ()


def undo(files: ProjectFiles, outcome: Outcome) -> None:
    """Put back what an edit replaced, last file first (refused if changed since)."""
    with _refusals():
        for record in reversed(outcome):
            if record.changed:
                files.undo(record)


def _done(files: ProjectFiles, *records: UndoRecord) -> Outcome:
    return tuple(records)


Operation = Callable[["ProjectFiles"], Outcome]

# -- WBS -------------------------------------------------------------------------

TASK_FIELDS = {"name": "Nom", "duration": "Durée", "resources": "Ressources", "after": "Prédécesseurs"}


def set_task_field(task_id: str, key: str, text: str) -> Operation:
    """Name, duration (`8j`), resources (`cmartin:50%, bdupont`) or predecessors of a task."""

    def run(files: ProjectFiles) -> Outcome:
        from cockpit.model import parse_assignment, parse_dependency, parse_duration

        with _refusals():
            value: object
            text_ = text.strip()
            if key == "name":
                if not text_:
                    raise EditError("le nom d'une tâche ne peut pas être vide")
                value = text_
            elif key == "duration":
                if text_:
                    parse_duration(text_)
                value = text_.replace(" ", "") or None
            elif key in ("resources", "after"):
                items = [p.strip() for p in text_.split(",") if p.strip()]
                for item in items:
                    (parse_assignment if key == "resources" else parse_dependency)(item)
                value = items
            else:
                raise EditError(f"champ « {key} » non modifiable ici")
            return _done(files, files.set_fields("wbs.toml", "task", task_id, {key: value}))

    return run


def record_progress(task_id: str, day: dt.date, percent: Decimal, comment: str = "") -> Operation:
    """A task's percent complete on the day the user gave: one row `date,task,percent,comment`
    of progress.csv (the percent already read by the form: 0 to 100)."""

    def run(files: ProjectFiles) -> Outcome:
        with _refusals():
            return _done(files, files.append_csv_row(
                "progress.csv", {"date": day, "task": task_id, "percent": f"{float(percent):g}",
                                 "comment": comment}))

    return run


# -- risks -----------------------------------------------------------------------


def update_risk(risk_id: str, values: dict[str, object]) -> Operation:
    """Probability, impact, status, strategy, response… of one risk, in one write."""

    def run(files: ProjectFiles) -> Outcome:
        with _refusals():
            return _done(files, files.set_fields("risks.toml", "risk", risk_id, values))

    return run


# -- actions ---------------------------------------------------------------------


def mark_action_done(action_id: str, day: dt.date) -> Operation:
    """Status « fait » and the day it was done."""
    return set_action_status(action_id, "fait", day)


def set_action_status(action_id: str, status: str, day: dt.date | None = None) -> Operation:
    def run(files: ProjectFiles) -> Outcome:
        with _refusals():
            return _done(files, files.set_fields("actions.toml", "action", action_id, {
                "status": status, "done": day if status == "fait" else None}))

    return run


def update_action(action_id: str, values: dict[str, object],
                  mentions: tuple[tuple[str, int], ...]) -> Operation:
    """Fields of an action, and the lines of the minutes that name it (`mentions`: file and
    line) made to agree with its new owner and due date: the register and the minutes never
    disagree. Any refusal puts back what was already written."""

    def run(files: ProjectFiles) -> Outcome:
        from cockpit.folder.markdown import mention_agreeing

        who, due = values.get("who"), values.get("due")

        def agreeing(line: int) -> Callable[[str], str]:
            def change(text: str) -> str:
                rows = text.splitlines(keepends=True)
                if 0 < line <= len(rows):
                    rows[line - 1] = mention_agreeing(rows[line - 1], action_id, str(who or ""),
                                                      due if isinstance(due, dt.date) else None)
                return "".join(rows)
            return change

        with _refusals():
            records = [files.set_fields("actions.toml", "action", action_id, values)]
            try:
                if who or isinstance(due, dt.date):
                    records += [files.edit_text(path, agreeing(line)) for path, line in mentions]
            except Exception:
                undo(files, tuple(records))
                raise
            return _done(files, *records)

    return run


# -- indicators ------------------------------------------------------------------


def add_measure(indicator: str, day: dt.date, value: object, comment: str = "") -> Operation:
    """One row of measures.csv; the value is written as typed (a Decimal: 165 stays 165)."""

    def run(files: ProjectFiles) -> Outcome:
        with _refusals():
            return _done(files, files.append_csv_row(
                "measures.csv", {"date": day, "indicator": indicator, "value": value,
                                 "comment": comment}))

    return run


# -- meetings --------------------------------------------------------------------


def create_meeting(relative: str, text: str,
                   actions: tuple[dict[str, object], ...] = ()) -> Operation:
    """Write a new minutes file (never over an existing one) and create the actions its
    lines name in actions.toml, so the minutes and the register agree."""

    def run(files: ProjectFiles) -> Outcome:
        from cockpit.folder.save import append_record_to

        with _refusals():
            meeting = files.write_text(relative, text, create=True)
            if not actions:
                return _done(files, meeting)
            try:
                register = files.edit_toml("actions.toml", lambda doc: [
                    append_record_to(doc, "action", record) for record in actions])
            except Exception:
                files.undo(meeting)
                raise
            return _done(files, meeting, register)

    return run


def update_meeting(relative: str, front: dict[str, object],
                   action_lines: tuple[str, ...] = (),
                   actions: tuple[dict[str, object], ...] = (),
                   decisions: tuple[str, ...] | None = None) -> Operation:
    """Front matter keys of a meeting (participants, excused, objectives…), its decisions
    (the list of its « Décisions » section, when not None), and new action lines added under
    its « Actions » heading, each created in actions.toml."""

    def run(files: ProjectFiles) -> Outcome:
        from cockpit.folder.save import append_record_to, set_key

        def mutate(doc: Any) -> None:
            for key, value in front.items():
                set_key(doc, key, value)

        def change(text: str) -> str:
            if decisions is not None:
                text = with_decisions(text, decisions)
            return with_action_lines(text, action_lines) if action_lines else text

        with _refusals():
            records = []
            if front:
                records.append(files.edit_front_matter(relative, mutate))
            if action_lines or decisions is not None:
                records.append(files.edit_text(relative, change))
            if actions:
                records.append(files.edit_toml("actions.toml", lambda doc: [
                    append_record_to(doc, "action", record) for record in actions]))
            return _done(files, *records)

    return run


def with_action_lines(text: str, lines: tuple[str, ...]) -> str:
    """The minutes with `lines` added at the end of the « Actions » section (created at the
    end when missing)."""
    rows = text.splitlines(keepends=True)
    heading = next((i for i, r in enumerate(rows)
                    if re.match(r"^#{1,6}\s+(relevé d'actions|actions?|plan d'actions)\s*$",
                                r.strip(), re.IGNORECASE)), None)
    newline = "\r\n" if rows and rows[0].endswith("\r\n") else "\n"
    added = [line + newline for line in lines]
    if heading is None:
        tail = "" if not text or text.endswith(("\n", "\r")) else newline
        return text + tail + newline + "## Actions" + newline + newline + "".join(added)
    end = next((i for i in range(heading + 1, len(rows)) if rows[i].startswith("#")), len(rows))
    last = end
    while last > heading + 1 and not rows[last - 1].strip():
        last -= 1
    if last < len(rows) and last == end and rows and not rows[-1].endswith(("\n", "\r")):
        rows[-1] += newline
    if last > 0 and not rows[last - 1].endswith(("\n", "\r")):
        rows[last - 1] += newline
    return "".join(rows[:last] + added + rows[last:])


HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$")
ITEM = re.compile(r"^\s*[-*+]\s+(.*\S)\s*$")


def with_decisions(text: str, decisions: tuple[str, ...]) -> str:
    """The minutes with the list of their « Décisions » section made `decisions`, one item
    each: an item kept keeps its lines as written, a new one is written `- text` at its place
    (the section is created before « Actions », or at the end, when missing)."""
    from cockpit.folder.markdown import heading_kind

    rows = text.splitlines(keepends=True)
    newline = "\r\n" if rows and rows[0].endswith("\r\n") else "\n"
    if rows and not rows[-1].endswith(("\n", "\r")):
        unended = rows[-1]
        rows[-1] += newline
        return _unended(with_decisions("".join(rows), decisions), unended, newline)
    kinds = {i: heading_kind(m.group(1)) for i, r in enumerate(rows)
             if (m := HEADING.match(r.rstrip("\r\n")))}
    start = next((i for i, kind in kinds.items() if kind == "decisions"), None)
    written = [f"- {d}{newline}" for d in decisions]
    if start is None:
        before = next((i for i, kind in kinds.items() if kind == "actions"), len(rows))
        gap = [newline] if before and rows[before - 1].strip() else []
        section = [*gap, f"## Décisions{newline}", newline, *written]
        return "".join(rows[:before] + section + ([newline] if before < len(rows) else [])
                       + rows[before:])
    end = next((i for i in kinds if i > start), len(rows))
    blocks: list[tuple[str, list[str]]] = []  # each item and its lines
    first = last = None
    between: list[str] = []  # blank lines or text after an item, kept with it if one follows
    for i in range(start + 1, end):
        match = ITEM.match(rows[i])
        if match:
            if blocks:
                blocks[-1][1].extend(between)
            between = []
            blocks.append((match.group(1), [rows[i]]))
            first = i if first is None else first
            last = i + 1
        elif blocks and rows[i].strip() and last == i:
            blocks[-1][1].append(rows[i])  # the item goes on over this line
            last = i + 1
        elif blocks:
            between.append(rows[i])
    if first is None or last is None:
        first = last = end
        while first > start + 1 and not rows[first - 1].strip():
            first = last = first - 1
        if first == start + 1:
            written.insert(0, newline)
        if first < len(rows) and rows[first].strip():
            written.append(newline)
    matcher = difflib.SequenceMatcher(None, [b[0] for b in blocks], list(decisions),
                                      autojunk=False)
    middle: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            middle += [line for _, lines in blocks[i1:i2] for line in lines]
        else:
            middle += written[j1:j2] if blocks else written
    return "".join(rows[:first] + middle + rows[last:])


def _unended(text: str, last: str, newline: str) -> str:
    """A file that did not end with a new line still does not, when its last line is kept."""
    return text.removesuffix(newline) if text.endswith(last + newline) else text


# -- any record of a register ------------------------------------------------------


def update_record(relative: str, array: str, record_id: str,
                  values: dict[str, object]) -> Operation:
    """Set (None: remove) some fields of one `[[array]]` record, in one write."""

    def run(files: ProjectFiles) -> Outcome:
        with _refusals():
            return _done(files, files.set_fields(relative, array, record_id, values))

    return run


def add_record(relative: str, array: str, record: dict[str, object],
               after: str | None = None) -> Operation:
    """A new `[[array]]` record, its keys in the order given (FORMAT.md's), appended or put
    after the record `after` (a task inserted at its place in the WBS)."""

    def run(files: ProjectFiles) -> Outcome:
        with _refusals():
            return _done(files, files.append_record(relative, array, record, after=after))

    return run


def delete_record(relative: str, array: str, record_id: str) -> Operation:
    def run(files: ProjectFiles) -> Outcome:
        with _refusals():
            return _done(files, files.remove_record(relative, array, record_id))

    return run


def update_settings(project: dict[str, object], calendar: dict[str, object]) -> Operation:
    """Keys of cockpit.toml's [project] and [calendar] (status date, phase, closures…)."""

    def run(files: ProjectFiles) -> Outcome:
        from cockpit.folder.save import set_table_field

        def mutate(doc: Any) -> None:
            for key, value in project.items():
                set_table_field(doc, "project", key, value)
            for key, value in calendar.items():
                set_table_field(doc, "calendar", key, value)

        with _refusals():
            return _done(files, files.edit_toml("cockpit.toml", mutate))

    return run


def delete_file(relative: str) -> Operation:
    """Remove a file of the folder (a meeting, a decision matrix); ctrl+z writes it back."""

    def run(files: ProjectFiles) -> Outcome:
        with _refusals():
            return _done(files, files.remove(relative))

    return run


# -- decision matrices -------------------------------------------------------------


def create_decision(relative: str, values: dict[str, object]) -> Operation:
    """A new matrix `decisions/….toml` with its heading keys (title, date…), never written
    over an existing file."""

    def run(files: ProjectFiles) -> Outcome:
        from cockpit.folder.save import set_key

        with _refusals():
            if files.read_bytes(relative) is not None:
                raise EditError(f"{relative} existe déjà : donnez un autre titre à la décision.")
            return _done(files, files.edit_toml(relative, lambda doc: [
                set_key(doc, key, value) for key, value in values.items()]))

    return run


def update_decision(relative: str, values: dict[str, object]) -> Operation:
    """The heading keys of a matrix: title, date, the option chosen, who validated it, why."""

    def run(files: ProjectFiles) -> Outcome:
        from cockpit.folder.save import set_key

        with _refusals():
            return _done(files, files.edit_toml(relative, lambda doc: [
                set_key(doc, key, value) for key, value in values.items()]))

    return run


def add_option(relative: str, record: dict[str, object], scores: dict[str, object]) -> Operation:
    """A new `[[option]]`, its scores written `scores = { cout = 3, delai = 4 }`."""

    def run(files: ProjectFiles) -> Outcome:
        from cockpit.folder.save import inline_table

        with _refusals():
            filled = {k: v for k, v in scores.items() if v is not None}
            return _done(files, files.append_record(relative, "option", {
                **record, **({"scores": inline_table(filled)} if filled else {})}))

    return run


def update_option(relative: str, option_id: str, values: dict[str, object],
                  scores: dict[str, object]) -> Operation:
    """Name and cost of an option, and its scores (None removes one), in one write: the
    scores not changed keep their text."""

    def run(files: ProjectFiles) -> Outcome:
        from cockpit.folder.save import find_record, set_inline_entries, set_key

        def mutate(doc: Any) -> None:
            record = find_record(doc, "option", option_id)
            for key, value in values.items():
                set_key(record, key, value)
            if scores:
                set_inline_entries(record, "scores", scores)

        with _refusals():
            return _done(files, files.edit_toml(relative, mutate))

    return run


def delete_criterion(relative: str, criterion_id: str) -> Operation:
    """A criterion and, in the same write, its score in every option."""

    def run(files: ProjectFiles) -> Outcome:
        from cockpit.folder.save import remove_record_from, set_inline_entries

        def mutate(doc: Any) -> None:
            remove_record_from(doc, "criterion", criterion_id)
            for option in doc.get("option", ()):
                scores = option.get("scores")
                if scores is not None and criterion_id in scores:
                    set_inline_entries(option, "scores", {criterion_id: None})

        with _refusals():
            return _done(files, files.edit_toml(relative, mutate))

    return run


def delete_option(relative: str, option_id: str) -> Operation:
    """An option and, when it was the one chosen, the `decided` key with it."""

    def run(files: ProjectFiles) -> Outcome:
        from cockpit.folder.save import remove_record_from, set_key

        def mutate(doc: Any) -> None:
            remove_record_from(doc, "option", option_id)
            if doc.get("decided") == option_id:
                set_key(doc, "decided", None)

        with _refusals():
            return _done(files, files.edit_toml(relative, mutate))

    return run


# -- evidence.toml -----------------------------------------------------------------

EVIDENCE = "evidence.toml"


def add_evidence(referential: str, target: str, values: dict[str, object]) -> Operation:
    """A new entry `["referential".target]` of evidence.toml (the file created when absent):
    its pieces of evidence and their justification."""

    def run(files: ProjectFiles) -> Outcome:
        with _refusals():
            return _done(files, files.append_table(EVIDENCE, (referential, target), values))

    return run


def update_evidence(referential: str, target: str, values: dict[str, object]) -> Operation:
    def run(files: ProjectFiles) -> Outcome:
        from cockpit.folder.save import find_table, set_key

        def mutate(doc: Any) -> None:
            table = find_table(doc, (referential, target))
            for key, value in values.items():
                set_key(table, key, value)

        with _refusals():
            return _done(files, files.edit_toml(EVIDENCE, mutate))

    return run


def delete_evidence(referential: str, target: str) -> Operation:
    def run(files: ProjectFiles) -> Outcome:
        with _refusals():
            return _done(files, files.remove_table(EVIDENCE, (referential, target)))

    return run
