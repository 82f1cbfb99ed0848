"""The machinery every reader of the folder shares: files read once and remembered, TOML
tables turned into typed fields with their lines, arrays of tables into records."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Protocol, TypeVar

from cockpit.diagnostics import codes
from cockpit.diagnostics.diagnostic import Diagnostic
from cockpit.folder.fields import Fields, suggest
from cockpit.folder.locator import TomlLocator
from cockpit.folder.sources import FileSource
from cockpit.folder.text import parse_toml, read_text, refusal
from cockpit.model import (
    Phase,
    Source,
)
from cockpit.printable import has_control, printable_name

T = TypeVar("T")

_PHASE_OF = {p.value: p for p in Phase}
ZERO = Decimal(0)


class Locates(Protocol):
    def table_line(self, table: str, index: int = 0) -> int: ...

    def key_line(self, table: str, index: int, key: str) -> int: ...

    def keys(self, table: str, index: int = 0) -> Mapping[str, int]: ...


class Reading:
    """One reading of a folder: its source, what was read, and every problem found."""

    def __init__(self, source: FileSource) -> None:
        self.source = source
        self.diagnostics: list[Diagnostic] = []
        self.texts: dict[str, str] = {}
        self.present: set[str] = set()
        self.unreadable: set[str] = set()  # files there but not read: their register is empty

    def text(self, relative: str) -> str | None:
        count = len(self.diagnostics)
        text = read_text(self.source, relative, self.diagnostics)
        if text is not None:
            self.texts[relative] = text
            self.present.add(relative)
        elif len(self.diagnostics) > count:
            self.unreadable.add(relative)
        return text

    def toml(self, relative: str) -> tuple[dict[str, Any], TomlLocator] | None:
        text = self.text(relative)
        if text is None:
            return None
        parsed = parse_toml(text, relative, self.diagnostics)
        if parsed is None:
            self.unreadable.add(relative)
        return parsed

    def top_level(self, relative: str, data: dict[str, Any], locator: TomlLocator,
                  known: tuple[str, ...]) -> None:
        for key in data:
            if key not in known:
                self.diagnostics.append(codes.UNKNOWN_KEY.at(
                    relative, locator.key_line("", 0, key) if key in locator.keys("")
                    else locator.table_line(key),
                    f"clé inconnue « {key} »{suggest(key, known)}"))

    def table(
        self, relative: str, table: dict[str, Any], locator: Locates, name: str, what: str,
        index: int = 0,
    ) -> tuple[Fields, Source]:
        """The reader of one table (`[name]`, or the index-th `[[name]]`) and its source lines."""

        def where(key: str | None) -> int:
            return locator.key_line(name, index, key) if key else locator.table_line(name, index)

        fields = Fields(table, relative, where, self.diagnostics, what)
        return fields, Source(relative, where(None), locator.keys(name, index))

    def records(
        self, relative: str, data: dict[str, Any], locator: Locates, array: str, label: str,
        build: Callable[[Fields, Source], T | None],
    ) -> tuple[T, ...]:
        raw = data.get(array, [])
        if isinstance(raw, dict):
            raw = [raw]
        if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw):
            self.diagnostics.append(codes.WRONG_TYPE.at(
                relative, locator.table_line(array),
                f"« {array} » doit être une suite de tables [[{array}]]"))
            return ()
        built: list[T] = []
        seen: dict[str, Fields] = {}
        for index, table in enumerate(raw):
            record_id = table.get("id")
            what = f"{label} « {record_id} »" if isinstance(record_id, str) else \
                f"{label} n°{index + 1}"
            fields, source = self.table(relative, table, locator, array, what, index)
            record = build(fields, source)
            fields.finish()
            if record is None:
                continue
            identifier = getattr(record, "id", None)
            if isinstance(identifier, str) and identifier:
                if identifier in seen:
                    self.diagnostics.append(codes.DUPLICATE_ID.at(
                        relative, fields.line("id"),
                        f"{what} : identifiant déjà utilisé ligne {seen[identifier].line('id')}"))
                    continue
                seen[identifier] = fields
            built.append(record)
        return tuple(built)

    def each(self, folder: str, suffix: str, read: Callable[[str], T | None]) -> tuple[T, ...]:
        """One record per file of a folder (meetings/, rex/, docs/, decisions/)."""
        try:
            paths = self.source.list(folder, suffix)
        except OSError as error:    # a file where the folder should be, a link out of the project
            self.diagnostics.append(refusal(folder, error))
            return ()
        return tuple(r for path in self._named(paths) if (r := read(path)) is not None)

    def _named(self, paths: list[str]) -> list[str]:
        """The paths whose names hold no control character: a name holding a newline or an
        escape sequence would break or act on every line that quotes it; it is said, not read."""
        named = []
        for path in paths:
            folder, _, name = path.rpartition("/")
            if has_control(name):
                self.diagnostics.append(codes.UNREADABLE.at(
                    folder or path, 1,
                    f"« {printable_name(path)} » : nom de fichier avec un caractère de contrôle "
                    "(retour à la ligne, échappement...) ; il n'est pas lu : renommez-le"))
            else:
                named.append(path)
        return named

    def register(self, relative: str, array: str, label: str,
                 build: Callable[[Fields, Source], T | None]) -> tuple[T, ...]:
        parsed = self.toml(relative)
        if parsed is None:
            return ()
        data, locator = parsed
        self.top_level(relative, data, locator, (array,))
        return self.records(relative, data, locator, array, label, build)


def phase_of(text: str) -> Phase | None:
    return _PHASE_OF.get(text)


def is_decimal(value: object) -> bool:
    return isinstance(value, Decimal) and not isinstance(value, bool)
