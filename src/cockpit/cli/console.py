"""The Rich console of the commands.

Text from the folder is shown, never acted on (issue 13): every string the console lays out,
and every segment of text it writes, has its control characters shown as pictures (ESC as ␛),
so the only escape sequences reaching a terminal are the console's own colours. It therefore
writes to the stream beneath the commands' Neutralising stdout, which would show those colours
too. A closed pipe (`cockpit schedule | head`) ends the command quietly with status 0, as
cli.main does for plain prints, instead of Rich's exit 1."""

from __future__ import annotations

import sys
from typing import Any

from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderHook, RenderResult
from rich.segment import Segment
from rich.text import Text

from cockpit.printable import printable


class _Shown:
    """A renderable whose text segments have their control characters shown."""

    def __init__(self, renderable: ConsoleRenderable) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.renderable, options):
            if segment.control:  # a sequence Rich made itself
                yield segment
            else:
                yield Segment(printable(segment.text), segment.style)


class _ShowControls(RenderHook):
    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Shown(r) for r in renderables]


class PipeConsole(Console):
    def __init__(self, **options: Any) -> None:
        stream = options.pop("file", None) or sys.stdout
        super().__init__(file=getattr(stream, "underlying", stream), **options)
        self.push_render_hook(_ShowControls())

    def render_str(self, text: str, **options: Any) -> Text:
        # Shown before the layout, so that columns are measured on what is written.
        return super().render_str(printable(text), **options)

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def console(**options: Any) -> Console:
    return PipeConsole(highlight=False, **options)
