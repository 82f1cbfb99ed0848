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
    BINDINGS = [Binding("n", "new", "Nouvelle réunion", id="meetings.new",
                        tooltip="Crée un compte rendu depuis le modèle")]

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

    def action_new(self) -> None:
        from cockpit.model.documents import MEETING_KINDS
        from cockpit.tui.dialogs.meeting import MeetingDialog, NewMeeting

        snapshot = self.cockpit.snapshot
        if snapshot is None or snapshot.project is None:
            return

        def create(answer: NewMeeting | None) -> None:
            if answer is not None:
                self.create(*answer)

        self.app.push_screen(MeetingDialog(MEETING_KINDS, snapshot.status_date), create)

    def create(self, kind: str, title: str, day: object) -> None:
        from cockpit.steering import actions
        from cockpit.steering.dashboard import Dashboard
        from cockpit.steering.meetings import meeting_path, render_new_meeting, situation
        from cockpit.tui.edits import create_meeting

        snapshot = self.cockpit.snapshot
        assert snapshot is not None and snapshot.project is not None
        project = snapshot.project
        board = Dashboard(project, snapshot.today, schedule_=snapshot.schedule,
                          status_date_=snapshot.status_date)
        text = render_new_meeting(project, kind, title, day, situation(board),  # type: ignore[arg-type]
                                  actions.views(project, snapshot.status_date))
        path = meeting_path(day, title)  # type: ignore[arg-type]
        self.select_path = path
        self.cockpit.edit(f"Réunion {path}", create_meeting(path, text))
