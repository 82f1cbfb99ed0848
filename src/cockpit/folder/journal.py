"""CSV journals (costs, progress, measures): header row, comma, UTF-8, ISO dates."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from cockpit.check import codes
from cockpit.check.diagnostic import Diagnostic
from cockpit.folder.fields import suggest


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    values: dict[str, str]


class Journal:
    """Rows of one CSV file; typed accessors report bad cells with their file line."""

    def __init__(self, file: str, diagnostics: list[Diagnostic]) -> None:
        self.file = file
        self.diagnostics = diagnostics

    def rows(self, text: str, columns: tuple[str, ...], required: tuple[str, ...]) -> Iterator[Row]:
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            header = next(reader, None)
        except csv.Error as error:
            self.diagnostics.append(codes.CSV_STRUCTURE.at(self.file, 1, f"en-tête illisible ({error})"))
            return
        if header is None:
            return
        names = [h.strip().lower() for h in header]
        if len(names) == 1 and ";" in header[0]:
            self.diagnostics.append(codes.CSV_STRUCTURE.at(
                self.file, 1, "le séparateur est un point-virgule ; cockpit attend des virgules",
                f"En-tête attendu : {','.join(columns)}"))
            return
        missing = [c for c in required if c not in names]
        if missing:
            self.diagnostics.append(codes.CSV_STRUCTURE.at(
                self.file, 1, f"colonne(s) obligatoire(s) absente(s) : {', '.join(missing)}",
                f"En-tête attendu : {','.join(columns)}"))
            return
        for position, name in enumerate(names):
            if name not in columns:
                self.diagnostics.append(codes.UNKNOWN_KEY.at(
                    self.file, 1, f"colonne inconnue « {name} »{suggest(name, columns)}",
                    col=position + 1))
        line = reader.line_num
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                self.diagnostics.append(codes.CSV_STRUCTURE.at(
                    self.file, reader.line_num, f"ligne illisible ({error})"))
                return
            start, line = line + 1, reader.line_num
            if not "".join(cells).strip():
                continue
            if len(cells) != len(names):
                self.diagnostics.append(codes.CSV_STRUCTURE.at(
                    self.file, start,
                    f"{len(cells)} champ(s) au lieu de {len(names)} ({','.join(names)})",
                    "Une virgule dans un commentaire ? Mettez le texte entre guillemets."))
                continue
            yield Row(start, dict(zip(names, map(str.strip, cells), strict=True)))

    def date(self, row: Row, column: str) -> dt.date | None:
        value = row.values.get(column, "")
        if not value:
            self.diagnostics.append(codes.MISSING_FIELD.at(
                self.file, row.line, f"la colonne « {column} » est vide"))
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.diagnostics.append(codes.BAD_DATE.at(
                self.file, row.line, f"« {value} » n'est pas une date AAAA-MM-JJ qui existe"))
            return None

    def decimal(self, row: Row, column: str) -> Decimal | None:
        value = row.values.get(column, "")
        try:
            amount = Decimal(value)
            if not amount.is_finite():
                raise InvalidOperation
            return amount
        except InvalidOperation:
            hint = ("Utilisez le point décimal, sans séparateur de milliers ni symbole : 1234.50"
                    if "," in value or " " in value or "€" in value else "")
            self.diagnostics.append(codes.WRONG_TYPE.at(
                self.file, row.line, f"« {column} » : « {value} » n'est pas un nombre", hint))
            return None

    def required_text(self, row: Row, column: str) -> str | None:
        value = row.values.get(column, "")
        if not value:
            self.diagnostics.append(codes.MISSING_FIELD.at(
                self.file, row.line, f"la colonne « {column} » est vide"))
            return None
        return value
