"""Text from the folder made safe to show: no control character reaches a terminal.

A project folder is untrusted (issue 13): a name may hold ESC[2J, a title change or an OSC 8
link. `printable()` replaces every control character but tab and newline with its visible
picture (␛, ␍, ␇ ...), so the text still says what is in the file without acting on the
terminal. A leaf: imports nothing of cockpit.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)          # ␀ … ␟
    if code == 0x7F:
        return "\u2421"                    # ␡
    return "\ufffd"                        # C1 controls: no picture of their own


def printable(text: str) -> str:
    """`text` with its control characters (but tab and newline) shown, never acted on."""
    return _CONTROL.sub(_picture, text) if _CONTROL.search(text) else text


def has_control(name: str) -> bool:
    """Whether `name` holds a control character, tab and newline included."""
    return _ANY_CONTROL.search(name) is not None


def printable_name(name: str) -> str:
    """A name (of a file) on one line: every control character shown, tab and newline too."""
    return _ANY_CONTROL.sub(_picture, name)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def formula_safe(cell: object) -> object:
    """A CSV cell that no spreadsheet will run: a text starting with =, +, -, @ (or a tab or
    carriage return) gets a leading apostrophe, as OWASP advises; numbers are left alone."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START) and not _NUMBER.match(cell):
        return "'" + cell
    return cell
