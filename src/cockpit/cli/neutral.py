"""The commands' standard streams, with the control characters of what they print shown
instead of written (no rich import: `--format json` stays light)."""

from __future__ import annotations

from typing import Any


class Neutralising:
    """A text stream that shows, instead of writing, the control characters of what it is
    given (text from an untrusted folder: names, excerpts, file names). On a terminal, the
    colour sequences of cockpit's own renderer are kept."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        try:
            colours = bool(stream.isatty())
        except (AttributeError, ValueError, OSError):
            colours = False
        from cockpit.printable import printable, printable_keeping_colours

        self._clean = printable_keeping_colours if colours else printable

    def write(self, text: str) -> int:
        self._stream.write(self._clean(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
