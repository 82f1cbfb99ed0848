"""The command palette: every view, every app action and the actions of the current view."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

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
        for binding in _bindings(screen.BINDINGS):
            if binding.description:
                yield (f"{binding.description}", binding.tooltip or binding.description,
                       partial(screen.run_action, binding.action))
        yield "Aide : toutes les touches", "Liste les touches [?]", app.action_help
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


def _bindings(bindings: object) -> Iterator[Binding]:
    for item in bindings:  # type: ignore[attr-defined]
        if isinstance(item, Binding):
            yield item
