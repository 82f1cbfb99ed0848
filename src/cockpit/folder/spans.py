"""The columns of what a diagnostic points at, found in the line it names.

Rules report a line (the line of the key, row or heading at fault); the columns are worked
out here, once per reported diagnostic, from the text of that line: the value of a
`key = value` line (without its comment), a `[table]` header, a CSV row or a line of prose;
narrowed to the term the message quotes between « », when the line holds it (the unknown
id in a list, the bad cell of a row, the value of a bad key). Columns are 1-based; the end
is exclusive, as SARIF's endColumn.
"""

from __future__ import annotations

import re

_KEY = re.compile(r"[ \t]*(?:[A-Za-z0-9_-]+|\"[^\"\n]*\"|'[^'\n]*')"
                  r"(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|\"[^\"\n]*\"|'[^'\n]*'))*[ \t]*=[ \t]*")
_HEADER = re.compile(r"[ \t]*\[\[?[^\]\n]*\]\]?")
_QUOTED = re.compile(r"«\s*(.+?)\s*»")


def span(line: str, message: str, csv: bool = False) -> tuple[int, int]:
    """(first column, column after the last) of what `message` is about in `line`."""
    text = line.rstrip("\r\n")
    start, end = _base(text, csv)
    for term in _QUOTED.findall(message):
        found = _find(text, term, start, end, csv)
        if found is not None:
            return found[0] + 1, found[1] + 1
    return start + 1, max(end, start + 1) + 1


def _base(text: str, csv: bool) -> tuple[int, int]:
    """0-based [start, end) of the line's content: a key's value, a header, a row, prose."""
    stripped_end = len(text.rstrip())
    start = len(text) - len(text.lstrip())
    if csv:
        return start, stripped_end
    header = _HEADER.match(text)
    if header:
        return start, header.end()
    key = _KEY.match(text)
    if key:
        value_start = key.end()
        return value_start, max(value_start, _before_comment(text, value_start))
    return start, stripped_end


def _before_comment(text: str, start: int) -> int:
    """Where the value that begins at `start` ends: before a `#` comment outside strings."""
    quote = ""
    index = start
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            break
        index += 1
    return len(text[:index].rstrip())


def _find(text: str, term: str, start: int, end: int, csv: bool) -> tuple[int, int] | None:
    """The first occurrence of `term` in text[start:end] as a whole token: a quoted string,
    a CSV cell, or a word not glued to letters or digits."""
    if csv:
        position = 0
        for cell in _cells(text):
            if cell.strip().strip('"') == term:
                inner = text.index(cell.strip().strip('"'), position)
                return inner, inner + len(term)
            position += len(cell) + 1
        return None
    at = text.find(term, start, end)
    while at >= 0:
        before = text[at - 1] if at > 0 else " "
        after = text[at + len(term)] if at + len(term) < len(text) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            return at, at + len(term)
        at = text.find(term, at + 1, end)
    return None


def _cells(row: str) -> list[str]:
    """The cells of a CSV row as written (quotes kept), split on commas outside quotes."""
    cells: list[str] = []
    current: list[str] = []
    quoted = False
    for char in row:
        if char == '"':
            quoted = not quoted
        if char == "," and not quoted:
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
    cells.append("".join(current))
    return cells
