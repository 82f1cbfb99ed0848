"""The commands' standard streams, with the control characters of what they print shown
instead of written (no rich import: `--format json` stays light)."""

from __future__ import annotations

from typing import Any


class Neutralising:
    """A text stream that shows, instead of writing, the control characters of what it is
    given (text from an untrusted folder: names, excerpts, file names). It writes no colour
    either: the Rich console of the commands (cli/console.py) writes its colours to the
    stream beneath, `underlying`, once it has shown the controls of the text it lays out."""

    def __init__(self, stream: Any) -> None:
        from cockpit.printable import printable

        self.underlying = stream
        self._clean = printable

    def write(self, text: str) -> int:
        self.underlying.write(self._clean(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.underlying, name)
