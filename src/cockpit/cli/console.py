"""The Rich console of the commands: a closed pipe (`cockpit schedule | head`) ends the
command quietly with status 0, as cli.main does for plain prints, instead of Rich's exit 1."""

from __future__ import annotations

from typing import Any

from rich.console import Console


class PipeConsole(Console):
    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def console(**options: Any) -> Console:
    return PipeConsole(highlight=False, **options)
