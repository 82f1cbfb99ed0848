"""Where a record came from: its file (relative to the project folder) and lines."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field

from cockpit.model.immutable import immutable


@immutable
class Source:
    """The file a record was read from, the line of its header, and the line of each key."""

    file: str
    line: int = 1
    keys: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)

    def line_of(self, key: str) -> int:
        """The line where `key` is written, else the record's own line."""
        return self.keys.get(key, self.line)


NOWHERE = Source("")


def journal_source(file: str, line: int) -> Source:
    """Where a row of a CSV journal stands; a row made in memory (line 0) comes from nowhere.

    Journal rows keep only their line number, and make their Source when asked: a
    project has tens of thousands of them, and few are ever reported."""
    return Source(file, line) if line else NOWHERE
