"""Line numbers for the tables and keys of a TOML text.

The stdlib parser gives values without positions; this scanner reads the text once
and remembers where each table header and each key stands, so that a diagnostic
about `[[task]]` number 12, key `after`, points at its real line.
"""

from __future__ import annotations

import re
from functools import lru_cache

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r"\"(?:[^\"\\]|\\.)*\"|'[^']*'"
_PART = rf"(?:{_BARE}|{_QUOTED})"
_DOTTED = rf"{_PART}(?:\s*\.\s*{_PART})*"
_HEADER = re.compile(rf"^\s*(\[\[?)\s*({_DOTTED})\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(rf"^\s*({_DOTTED})\s*=")
_BARE_KEY = re.compile(rf"^\s*({_BARE})\s*=")
_PARTS = re.compile(_PART)


@lru_cache(maxsize=1024)  # a header such as [[task]] comes back thousands of times
def _name(dotted: str) -> str:
    return ".".join(p.strip("\"'") for p in _PARTS.findall(dotted))


def _opens_string(line: str) -> str | None:
    """The multi-line string delimiter this line leaves open, if any."""
    for quote in ('"""', "'''"):
        if line.count(quote) % 2 == 1:
            return quote
    return None


class TomlLocator:
    """Where `[table]`, the i-th `[[array]]` and their keys are written (1-based lines)."""

    def __init__(self, text: str) -> None:
        self._tables: dict[tuple[str, int], int] = {}
        self._keys: dict[tuple[str, int], dict[str, int]] = {}
        counts: dict[str, int] = {}
        table, index = "", 0
        in_string: str | None = None
        for number, line in enumerate(text.split("\n"), start=1):
            if in_string is not None:
                if line.count(in_string) % 2 == 1:
                    in_string = None
                continue
            bare = _BARE_KEY.match(line)
            if bare:
                self._keys.setdefault((table, index), {}).setdefault(bare.group(1), number)
                if '"""' in line or "'''" in line:
                    in_string = _opens_string(line)
                continue
            header = _HEADER.match(line) if "[" in line else None
            if header:
                table = _name(header.group(2))
                index = counts.get(table, 0) if header.group(1) == "[[" else 0
                counts[table] = index + 1
                self._tables.setdefault((table, index), number)
                continue
            key = _KEY.match(line)
            if key:
                first = _name(key.group(1)).split(".")[0]
                self._keys.setdefault((table, index), {}).setdefault(first, number)
            in_string = _opens_string(line)

    def table_line(self, table: str, index: int = 0) -> int:
        """The header line of a table; for a table written inline, the line of its key."""
        line = self._tables.get((table, index))
        if line is not None:
            return line
        parent, _, last = table.rpartition(".")
        return self._keys.get((parent, 0), {}).get(last, 1)

    def key_line(self, table: str, index: int, key: str) -> int:
        line = self._keys.get((table, index), {}).get(key)
        return line if line is not None else self.table_line(table, index)

    def keys(self, table: str, index: int = 0) -> dict[str, int]:
        """Every key written directly under one table, with its line (shared: do not modify)."""
        return self._keys.get((table, index), {})
