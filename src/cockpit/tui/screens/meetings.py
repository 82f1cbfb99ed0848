"""Réunions: the minutes, rendered as Markdown; a new meeting from the template."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Markdown, OptionList
from textual.widgets.option_list import Option

from cockpit.printable import printable
from cockpit.tui.safe import shown
from cockpit.tui.screens.base import ViewScreen

if TYPE_CHECKING:
    from cockpit.model import Meeting
    from cockpit.tui.state import Snapshot


def body_of(text: str) -> str:
    """The Markdown after the `+++` front matter."""
    lines = text.splitlines()
    if lines and lines[0].strip() == "+++":
        closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "+++"), None)
        if closing is not None:
            return "\n".join(lines[closing + 1:])
    return text


class MeetingsScreen(ViewScreen):
    VIEW = "meetings"
    TITLE_FR = "Réunions"
    BINDINGS = [
        Binding("enter", "edit", "Modifier", key_display="⏎", id="meetings.edit", priority=True,
                tooltip="Participants, excusés, objectifs, animateur ; nouvelles actions"),
        Binding("n", "new", "Nouveau", id="meetings.new",
                tooltip="Écrit un compte rendu : en-tête, décisions, actions (créées dans "
                        "actions.toml)"),
        Binding("delete", "delete", "Supprimer", key_display="suppr", id="meetings.delete",
                tooltip="Supprime le compte rendu sous le curseur (après confirmation ; "
                        "ctrl+z le remet à l'identique)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.meetings: list[Meeting] = []
        self.texts: dict[str, str] = {}
        self.select_path = ""

    def compose_view(self) -> ComposeResult:
        with Horizontal(classes="body split"):
            yield OptionList(id="meeting-list", classes="side")
            with VerticalScroll(classes="main", id="meeting-view"):
                yield Markdown("", id="minutes")

    def show(self, snapshot: Snapshot) -> None:
        from cockpit import french as fr
        from cockpit.steering.meetings import KIND_FRENCH, chronological

        project = snapshot.project
        assert project is not None
        self.meetings = chronological(project.meetings)
        self.texts = snapshot.texts
        options = self.query_one(OptionList)
        highlighted = options.highlighted or 0
        if self.select_path:
            highlighted = next((i for i, m in enumerate(self.meetings)
                                if m.path == self.select_path), highlighted)
            self.select_path = ""
        options.clear_options()
        options.add_options(Option(f"{fr.date(m.date)}  {shown(m.title)}\n"
                                   f"  [dim]{shown(KIND_FRENCH.get(m.kind, m.kind))} — "
                                   f"{shown(m.path)}[/]",
                                   id=m.path) for m in self.meetings)
        if self.meetings:
            options.highlighted = min(highlighted, len(self.meetings) - 1)
            self._show(options.highlighted)
        else:
            self.query_one("#minutes", Markdown).update(
                "Aucun compte rendu dans meetings/ : **n** en crée un depuis le modèle.")
        options.focus()

    @on(OptionList.OptionSelected, "#meeting-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    @on(OptionList.OptionHighlighted, "#meeting-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option_index)

    def _show(self, index: int | None) -> None:
        from cockpit import french as fr

        if index is None or not 0 <= index < len(self.meetings):
            return
        m = self.meetings[index]
        head = f"**{m.title}** — {fr.long_date(m.date)}"
        if m.participants:
            head += f"  \nParticipants : {', '.join(m.participants)}"
        if m.facilitator:
            head += f"  \nAnimateur : {m.facilitator}"
        self.query_one("#minutes", Markdown).update(
            printable(head + "\n\n" + body_of(self.texts.get(m.path, ""))))

    def current(self) -> Meeting | None:
        index = self.query_one(OptionList).highlighted
        return self.meetings[index] if index is not None and 0 <= index < len(
            self.meetings) else None

    def action_new(self) -> None:
        from cockpit.tui.dialogs.record_form import RecordForm
        from cockpit.tui.fields import meeting_fields, refs_of, show_day

        snapshot = self.cockpit.snapshot
        if snapshot is None or snapshot.project is None:
            return
        project = snapshot.project
        files = self.cockpit.edit_files()
        manager = project.settings.project.manager
        values = {"kind": "copil", "date": show_day(snapshot.today), "facilitator": manager,
                  "participants": manager}

        def create(answer: dict[str, object] | None) -> None:
            if answer is not None:
                self.create(answer, files)

        self.app.push_screen(RecordForm(
            "Nouvelle réunion (compte rendu prérempli)", meeting_fields(new=True), values,
            refs_of(project), new=True, focus="title",
            note="Décisions et objectifs : un par ligne. Actions : « @responsable JJ/MM/AAAA "
                 "libellé », une par ligne. ctrl+s enregistre."), create)

    def create(self, answer: dict[str, object], files: object = None) -> None:
        import datetime as dt

        from cockpit.steering import actions
        from cockpit.steering.dashboard import Dashboard
        from cockpit.steering.meetings import meeting_path, render_new_meeting, situation
        from cockpit.tui.edits import create_meeting
        from cockpit.tui.fields import new_actions

        snapshot = self.cockpit.snapshot
        assert snapshot is not None and snapshot.project is not None
        project = snapshot.project
        day = answer["date"]
        title = str(answer["title"])
        assert isinstance(day, dt.date)
        path = meeting_path(day, title)
        lines, records = new_actions(answer.get("actions") or (),  # type: ignore[arg-type]
                                     (a.id for a in project.actions), path)
        # « Situation au … » and the open actions are those of the meeting's date.
        board = Dashboard(project, snapshot.today, schedule_=snapshot.schedule, status_date_=day)
        participants = answer.get("participants")
        text = render_new_meeting(
            project, str(answer["kind"]), title, day, situation(board),
            actions.views(project, day),
            facilitator=str(answer.get("facilitator") or ""),
            participants=None if participants is None else list(participants),  # type: ignore[call-overload]
            excused=tuple(answer.get("excused") or ()),  # type: ignore[arg-type]
            objectives=tuple(answer.get("objectives") or ()),  # type: ignore[arg-type]
            decisions=tuple(answer.get("decisions") or ()),  # type: ignore[arg-type]
            action_lines=lines)
        self.select_path = path
        self.cockpit.edit(f"Réunion {path}", create_meeting(path, text, records), files=files)

    def action_edit(self) -> None:
        """The front matter (facilitator, participants, excused, objectives), the decisions
        and new actions."""
        from cockpit.tui.dialogs.record_form import RecordForm
        from cockpit.tui.edits import update_meeting
        from cockpit.tui.fields import meeting_fields, new_actions, numbered_decisions, refs_of

        snapshot = self.cockpit.snapshot
        meeting = self.current()
        if snapshot is None or snapshot.project is None or meeting is None:
            return
        project = snapshot.project
        fields = meeting_fields(new=False)
        values = {f.key: f.show(getattr(meeting, f.key, None)) for f in fields}
        values["actions"] = ""
        values["objectives"] = "\n".join(meeting.objectives)
        values["decisions"] = "\n".join(meeting.decisions)
        files = self.cockpit.edit_files()

        def save(answer: dict[str, object] | None) -> None:
            if not answer:
                return
            lines, records = new_actions(answer.pop("actions", None) or (),  # type: ignore[arg-type]
                                         (a.id for a in project.actions), meeting.path)
            decisions = None
            if "decisions" in answer:
                decisions = numbered_decisions(meeting.decisions,
                                               answer.pop("decisions") or ())  # type: ignore[arg-type]
            front = {k: (list(v) if isinstance(v, tuple) else v) for k, v in answer.items()}
            self.select_path = meeting.path
            self.cockpit.edit(f"Réunion {meeting.path}", update_meeting(
                meeting.path, front, lines, records, decisions), files=files)

        self.app.push_screen(RecordForm(
            f"Réunion {meeting.title} ({meeting.path})", fields, values, refs_of(project),
            note="Décisions : une par ligne, comme dans le compte rendu. Les nouvelles "
                 "actions sont ajoutées au relevé d'actions du compte rendu et créées dans "
                 "actions.toml. ctrl+s enregistre."), save)

    def action_delete(self) -> None:
        from cockpit.tui.edits import delete_file

        snapshot = self.cockpit.snapshot
        meeting = self.current()
        if snapshot is None or snapshot.project is None or meeting is None:
            return
        created = [a.id for a in snapshot.project.actions if a.origin == meeting.path]
        self.confirm(f"Supprimer le compte rendu « {meeting.title} » ?",
                     f"Le fichier {meeting.path} est supprimé ; ctrl+z le remet à l'identique."
                     + (f"\nLes actions qu'il a décidées restent dans actions.toml : "
                        f"{', '.join(created)}." if created else ""),
                     f"Suppression de {meeting.path}", delete_file(meeting.path))
