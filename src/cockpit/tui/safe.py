"""Text from the folder, made safe for widgets that read markup (issue 13).

A name holding `[/]` would crash a Static or a DataTable, `[link=…]` would make a live link,
ESC[2J would reach the terminal: `shown()` escapes the markup and shows control characters
as their pictures. Use it for every file-derived value put into markup or a table cell.
"""

from __future__ import annotations

import re

from textual.markup import escape

from cockpit.printable import printable

_BARE_BRACKET = re.compile(r"(?<!\\)\[")


def shown(text: object) -> str:
    """`text` for a widget that reads markup: markup escaped, control characters shown.

    Beyond escape(), which escapes what looks like a tag, every other opening bracket is
    escaped too: Textual's parser also reads `[2J … [dim]` as a tag."""
    return _BARE_BRACKET.sub(r"\\[", escape(printable(str(text))))


def cells(*values: object) -> tuple[object, ...]:
    """A table row: strings made safe with shown(), numbers kept as numbers."""
    return tuple(shown(v) if isinstance(v, str) else v for v in values)
