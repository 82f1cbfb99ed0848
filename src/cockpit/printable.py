"""Text from the folder made safe to show: no control character reaches a terminal.

A project folder is untrusted (issue 13): a name may hold ESC[2J, a title change or an OSC 8
link. `printable()` replaces every control character but tab and newline with its visible
picture (␛, ␍, ␇ ...), so the text still says what is in the file without acting on the
terminal. A leaf: imports nothing of cockpit.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


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


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def formula_safe(cell: object) -> object:
    """A CSV cell that no spreadsheet will run: a text starting with =, +, -, @ (or a tab or
    carriage return) gets a leading apostrophe, as OWASP advises; numbers are left alone."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START) and not _NUMBER.match(cell):
        return "'" + cell
    return cell
