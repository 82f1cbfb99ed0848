"""The command palette: every view, every app action and the actions of the current view."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from rich.align import Align
from rich.text import Text
from textual.binding import Binding
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from cockpit.tui.views import VIEWS

if TYPE_CHECKING:
    from cockpit.tui.protocol import Cockpit


class CockpitCommands(Provider):
    """Views ("Vue : Gantt"), app actions and the current view's bindings."""

    def _commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        app: Cockpit = self.app  # type: ignore[assignment]
        for view in VIEWS:
            yield (f"Vue : {view.title}", f"{view.help} [{view.key}]",
                   partial(app.action_view, view.mode))
        screen = self.screen
        for binding in own_bindings(screen):
            if binding.description:
                yield (f"{binding.description}", binding.tooltip or binding.description,
                       partial(screen.run_action, binding.action))
        yield "Aide : toutes les touches", "Liste les touches [?]", app.action_help
        yield ("Paramètres du projet", "Date d'état, phase, échéance, calendrier [p]",
               app.action_settings)
        yield "Annuler la dernière modification", "[ctrl+z]", app.action_undo
        yield "Recharger le dossier", "Relit les fichiers [F5]", app.action_reload
        yield "Quitter", "Ferme le cockpit [q]", app.exit

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


def own_bindings(screen: object) -> Iterator[Binding]:
    """The bindings a cockpit screen declares, not those Textual's Screen gives every screen
    (« Focus Next »…): the palette and the help speak French."""
    for cls in type(screen).__mro__:
        if cls.__module__.startswith("textual."):
            break
        for item in cls.__dict__.get("BINDINGS", ()):
            if isinstance(item, Binding):
                yield item


class FrenchPalette(CommandPalette):
    """Textual's command palette, in French."""

    def __init__(self) -> None:
        super().__init__(placeholder="Rechercher une commande…", id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text("Aucune commande trouvée", style="not bold")),
                    disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)
