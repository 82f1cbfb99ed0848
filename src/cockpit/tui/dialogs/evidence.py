"""Open a piece of evidence: the file of the folder, at its line or anchor."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Markdown, Static


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
            yield Label(f"[b]{self.title_text}[/b]  (Échap pour fermer)")
            if self.text is None:
                yield Static("Ce fichier n'existe pas (ou plus) dans le dossier.", classes="error")
            elif self.markdown and not self.line:
                yield Markdown(self.text)
            else:
                lines = self.text.splitlines()
                first = max(1, (self.line or 1) - 5)
                shown = []
                for n in range(first, min(len(lines), first + 40) + 1):
                    mark = ">" if n == self.line else " "
                    shown.append(f"{mark}{n:>5} │ " + lines[n - 1].replace("[", r"\["))
                yield Static("\n".join(shown))
