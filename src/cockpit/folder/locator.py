"""Line numbers for the tables and keys of a TOML text.

The TOML parsers give values without positions; this scanner remembers where each
table header stands, so that a diagnostic about `[[task]]` number 12, key `after`,
points at its real line. What stands inside a multi-line string is neither a header
nor a key. The text is scanned once for its headers; the keys of a table are read from
the table's own lines only when one of them is asked for, which is rare: a line is
needed for a diagnostic, and a clean file of thousands of records never needs one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from functools import lru_cache

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r"\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'"
_PART = rf"(?:{_BARE}|{_QUOTED})"
_DOTTED = rf"{_PART}(?:[ \t]*\.[ \t]*{_PART})*"
# Both patterns start at the newline before their line: a literal start is what lets the
# regular expression engine skip quickly through a text of thousands of lines.
_HEADER = re.compile(rf"\n[ \t]*(\[\[?)[ \t]*({_DOTTED})[ \t]*\]\]?[ \t\r]*(?:#[^\n]*)?(?=\n|$)")
_KEY = re.compile(rf"\n[ \t]*({_DOTTED})[ \t]*=")
_PARTS = re.compile(_PART)


@lru_cache(maxsize=1024)  # a header such as [[task]] comes back thousands of times
def _name(dotted: str) -> str:
    return ".".join(p.strip("\"'") for p in _PARTS.findall(dotted))


@lru_cache(maxsize=1024)
def _first(dotted: str) -> str:
    """The key a dotted key (`a.b = 1`) defines in its table: `a`."""
    return _name(dotted).split(".")[0]


def _multiline_strings(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each multi-line string, `\"\"\"…\"\"\"` or `'''…'''`."""
    spans: list[tuple[int, int]] = []
    position = 0
    while True:
        double, single = text.find('"""', position), text.find("'''", position)
        start = min((s for s in (double, single) if s >= 0), default=-1)
        if start < 0:
            return spans
        end = text.find(text[start:start + 3], start + 3)
        end = len(text) if end < 0 else end + 3
        spans.append((start, end))
        position = end


class TomlLocator:
    """Where `[table]`, the i-th `[[array]]` and their keys are written (1-based lines)."""

    def __init__(self, text: str, line_offset: int = 0) -> None:
        """`line_offset`: how many lines of the file stand before `text` (a front matter)."""
        self._text = "\n" + text  # every line, the first too, follows a newline
        strings = _multiline_strings(self._text)
        self._string_starts = [start for start, _ in strings]
        self._string_ends = [end for _, end in strings]
        # Each table's lines follow the newline at `body`, which ends line `line` of the file
        # (its header; for the top-level keys, the line before the text).
        tables: list[tuple[tuple[str, int], int, int]] = [(("", 0), line_offset, 0)]
        ends: list[int] = []
        counts: dict[str, int] = {}
        newlines, position = 0, 0
        for token in _HEADER.finditer(self._text):
            start = token.start()
            if self._in_string(start):
                continue
            newlines += self._text.count("\n", position, start)
            position = start
            bracket, header = token.groups()
            table = _name(header)
            index = counts.get(table, 0) if bracket == "[[" else 0
            counts[table] = index + 1
            ends.append(start)
            tables.append(((table, index), newlines + 1 + line_offset, token.end()))
        ends.append(len(self._text))
        # (table, index) -> (line, offsets of the table's own lines), the first one declared
        self._spans: dict[tuple[str, int], tuple[int, int, int]] = {}
        for (table_id, line, body), end in zip(tables, ends, strict=True):
            self._spans.setdefault(table_id, (line, body, end))
        self._keys: dict[tuple[str, int], dict[str, int]] = {}

    def _in_string(self, offset: int) -> bool:
        index = bisect.bisect_right(self._string_starts, offset) - 1
        return index >= 0 and offset < self._string_ends[index]

    def table_line(self, table: str, index: int = 0) -> int:
        """The header line of a table; for a table written inline, the line of its key."""
        span = self._spans.get((table, index))
        if span is not None and (table or index):
            return span[0]
        parent, _, last = table.rpartition(".")
        return self.key_lines(parent).get(last, 1)

    def key_line(self, table: str, index: int, key: str) -> int:
        line = self.key_lines(table, index).get(key)
        return line if line is not None else self.table_line(table, index)

    def keys(self, table: str, index: int = 0) -> Mapping[str, int]:
        """Every key written directly under one table, with its line, read when first used."""
        return _LazyKeys(self, (table, index))

    def key_lines(self, name: str, index: int = 0) -> dict[str, int]:
        """Every key written directly under one table, with its line, read now (shared: do
        not modify)."""
        table = (name, index)
        found = self._keys.get(table)
        if found is not None:
            return found
        found = self._keys[table] = {}
        span = self._spans.get(table)
        if span is None:
            return found
        newlines, position, end = span
        for token in _KEY.finditer(self._text, position, end):
            start = token.start()
            newlines += self._text.count("\n", position, start)
            position = start
            if not self._in_string(start):
                found.setdefault(_first(token.group(1)), newlines + 1)
        return found


class _LazyKeys(Mapping[str, int]):
    """The keys of one table and their lines, read from the text on first use."""

    __slots__ = ("_locator", "_table")

    def __init__(self, locator: TomlLocator, table: tuple[str, int]) -> None:
        self._locator = locator
        self._table = table

    def __getitem__(self, key: str) -> int:
        return self._locator.key_lines(*self._table)[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._locator.key_lines(*self._table))

    def __len__(self) -> int:
        return len(self._locator.key_lines(*self._table))
