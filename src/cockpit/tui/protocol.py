"""What the views and the command palette ask of the app, so that they need not import it
(app.py imports them: the app ↔ screens import cycle is gone)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from cockpit.tui.state import Snapshot


class Cockpit(Protocol):
    """The cockpit app as its screens see it (CockpitApp in app.py)."""

    @property
    def snapshot(self) -> Snapshot | None: ...

    def edit_files(self) -> Any: ...

    def edit(self, label: str, operation: Callable[[Any], Any], files: Any = None) -> None: ...

    def action_settings(self) -> None: ...

    def action_view(self, mode: str) -> None: ...

    def action_help(self) -> None: ...

    def action_undo(self) -> None: ...

    def action_reload(self) -> None: ...

    def exit(self, *args: Any, **kwargs: Any) -> None: ...
