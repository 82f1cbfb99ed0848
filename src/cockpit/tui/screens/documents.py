"""REX et documents: bilans, lessons learned and the other documents, rendered as Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Markdown, OptionList
from textual.widgets.option_list import Option

from cockpit.printable import printable
from cockpit.tui.safe import shown
from cockpit.tui.screens.base import ViewScreen
from cockpit.tui.screens.meetings import body_of

if TYPE_CHECKING:
    from cockpit.model import Document
    from cockpit.tui.state import Snapshot


class DocumentsScreen(ViewScreen):
    VIEW = "documents"
    TITLE_FR = "REX et documents"

    def __init__(self) -> None:
        super().__init__()
        self.documents: list[Document] = []
        self.texts: dict[str, str] = {}

    def compose_view(self) -> ComposeResult:
        with Horizontal(classes="body split"):
            yield OptionList(id="document-list", classes="side")
            with VerticalScroll(classes="main"):
                yield Markdown("", id="document")

    def show(self, snapshot: Snapshot) -> None:
        from cockpit import french as fr

        project = snapshot.project
        assert project is not None
        self.documents = [*project.rex, *project.docs]
        self.texts = snapshot.texts
        options = self.query_one(OptionList)
        highlighted = options.highlighted or 0
        options.clear_options()
        options.add_options(Option(f"{shown(d.title)}\n  [dim]{shown(d.kind)} — {fr.date(d.date)} — "
                                   f"{shown(d.path)}[/]",
                                   id=d.path) for d in self.documents)
        if self.documents:
            options.highlighted = min(highlighted, len(self.documents) - 1)
            self._show(options.highlighted)
        else:
            self.query_one("#document", Markdown).update("Aucun document dans rex/ ni docs/.")
        options.focus()

    @on(OptionList.OptionHighlighted, "#document-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option_index)

    def _show(self, index: int | None) -> None:
        if index is None or not 0 <= index < len(self.documents):
            return
        d = self.documents[index]
        self.query_one("#document", Markdown).update(
            printable(f"*{d.path}*\n\n" + body_of(self.texts.get(d.path, d.body))))
