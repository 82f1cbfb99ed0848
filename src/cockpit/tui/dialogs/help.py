"""The help screen: every key of the app and of the view it was opened from."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown

INTRO = """\
# Aide du cockpit

Chaque vue est à une touche ; **ctrl+p** ouvre la palette de commandes, qui les liste
toutes avec les actions de la vue courante. Les modifications sont enregistrées dans
les fichiers du dossier (commentaires conservés) et **ctrl+z** annule la dernière. Un
fichier modifié hors du cockpit est relu aussitôt ; une modification qui écraserait ce
changement est refusée.
"""


def _rows(bindings: list[Binding]) -> list[str]:
    rows = []
    for binding in bindings:
        if not binding.description:
            continue
        key = binding.key_display or binding.key.replace(",", ", ")
        rows.append(f"| `{key}` | {binding.description} | {binding.tooltip} |")
    return rows


def help_markdown(app_bindings: list[Binding], view_title: str, view_bindings: list[Binding]) -> str:
    table = "| Touche | Action | Détail |\n|---|---|---|\n"
    text = INTRO + "\n## Vues et application\n\n" + table + "\n".join(_rows(app_bindings))
    if view_bindings:
        text += f"\n\n## Vue « {view_title} »\n\n" + table + "\n".join(_rows(view_bindings))
    return text + "\n\n*Échap ou q pour fermer.*\n"


class HelpDialog(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Fermer", id="help.close",
                tooltip="Ferme l'aide"),
    ]

    def __init__(self, origin: Screen[object]) -> None:
        super().__init__()
        self.origin = origin

    def compose(self) -> ComposeResult:
        app_bindings = [b for b in self.app.BINDINGS if isinstance(b, Binding)]
        from cockpit.tui.commands import own_bindings

        view_bindings = list(own_bindings(self.origin))
        title = getattr(self.origin, "TITLE_FR", "") or self.origin.__class__.__name__
        with VerticalScroll(id="help-box", classes="dialog"):
            yield Markdown(help_markdown(app_bindings, title, view_bindings), id="help-text")
