"""Open a piece of evidence: the file of the folder, at its line or anchor."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Markdown, Static

from cockpit.printable import printable
from cockpit.tui.safe import shown


class EvidenceDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Fermer", id="dialog.close",
                        tooltip="Revient aux écarts")]

    def __init__(self, title: str, text: str | None, line: int | None = None,
                 markdown: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.text = text
        self.line = line
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="evidence"):
            yield Label(f"[b]{shown(self.title_text)}[/b]  (Échap pour fermer)")
            if self.text is None:
                yield Static("Ce fichier n'existe pas (ou plus) dans le dossier.", classes="error")
            elif self.markdown and not self.line:
                yield Markdown(printable(self.text))
            else:
                lines = self.text.splitlines()
                first = max(1, (self.line or 1) - 5)
                lines_shown = []
                for n in range(first, min(len(lines), first + 40) + 1):
                    mark = ">" if n == self.line else " "
                    lines_shown.append(f"{mark}{n:>5} │ " + shown(lines[n - 1]))
                yield Static("\n".join(lines_shown))
