"""Markdown tables read back from a text's passages, to count what a table says of each of
its rows: « 2 besoins sur 5 jamais transmis » when a criterion asks that each need be
passed on, « 4 équipes, aucune avec son objectif » when it asks objectives per team.

A table is its header passage (the row above the rule) and the rows that follow it under
the same heading with as many cells; rows that are template text or placeholders are
already left out of the passages (cockpit.referentials.passages), so they count for
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cockpit.model.immutable import immutable
from cockpit.referentials.concepts import Concept
from cockpit.referentials.passages import Passage, Text
from cockpit.referentials.templates import normal_line
from cockpit.referentials.words import stems


@immutable
class Table:
    header: Passage
    columns: tuple[str, ...]
    rows: tuple[tuple[Passage, tuple[str, ...]], ...]

    def column(self, wanted: Concept) -> int | None:
        """The first column whose title treats the concept."""
        return next((i for i, title in enumerate(self.columns) if wanted.matches(stems(title))),
                    None)

    @property
    def title(self) -> str:
        """The header as the user wrote it, for messages."""
        return " | ".join(self.columns)


def cells(row: str) -> tuple[str, ...]:
    return tuple(cell.strip() for cell in row.split("|"))


def tables(text: Text) -> Iterable[Table]:
    passages = text.passages
    position = 0
    while position < len(passages):
        header = passages[position]
        position += 1
        if not header.table_header:
            continue
        columns = cells(header.text)
        rows = []
        while position < len(passages):
            row = passages[position]
            values = cells(row.text)
            if (row.is_heading or row.table_header or row.heading != header.heading
                    or row.file != header.file or len(values) != len(columns)):
                break
            rows.append((row, values))
            position += 1
        yield Table(header, columns, tuple(rows))


_UNDONE_SIGNS = frozenset("✘✗❌✕×☐⏳")
_NOTHING = frozenset(("-", "—", "–", "?", "…", "..."))
_UNDONE = re.compile(
    r"^(?:non|no|pas|aucun|aucune|jamais|ko|todo|x|a faire|a transmettre|a remonter|"
    r"a traiter|a lancer|a envoyer|a planifier|a verifier|a relancer|en attente|en cours|"
    r"ouvert|ouverte|ouverts|ouvertes)\b")


def undone(cell: str) -> bool:
    """A status cell that says the thing is not done: « non », « ✘ », « à faire »,
    « en cours », « en attente », « — », or nothing at all."""
    raw = cell.strip().strip("*_`").strip()
    if not raw or raw in _NOTHING or raw[0] in _UNDONE_SIGNS:
        return True
    return bool(_UNDONE.match(normal_line(raw)))  # « ✔ » alone folds to "": done
