"""CSV journals (costs, progress, measures): header row, comma, UTF-8, ISO dates."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from operator import itemgetter

from cockpit.diagnostics import codes
from cockpit.diagnostics.diagnostic import Diagnostic
from cockpit.folder.fields import date_out_of_range, number_problem, suggest


class Journal:
    """Rows of one CSV file; typed accessors report bad cells with their file line."""

    def __init__(self, file: str, diagnostics: list[Diagnostic],
                 unreadable: set[str] | None = None) -> None:
        self.file = file
        self.diagnostics = diagnostics
        self.unreadable = unreadable if unreadable is not None else set()

    def rows(
        self, text: str, columns: tuple[str, ...], required: tuple[str, ...]
    ) -> Iterator[tuple[int, tuple[str, ...]]]:
        """Each readable row: its first line and its cells, stripped, in the order of
        `columns` ("" for a column the file does not have)."""
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            header = next(reader, None)
        except csv.Error as error:
            self.diagnostics.append(codes.CSV_STRUCTURE.at(self.file, 1, f"en-tête illisible ({error})"))
            self.unreadable.add(self.file)
            return
        if header is None:
            return
        names = [h.strip().lower() for h in header]
        if len(names) == 1 and ";" in header[0]:
            self.diagnostics.append(codes.CSV_STRUCTURE.at(
                self.file, 1, "fichier enregistré par Excel en français (séparateur « ; ») : "
                "cockpit attend des virgules, des nombres à point décimal et des dates "
                "AAAA-MM-JJ ; aucune ligne n'est lue",
                f"Dans Excel, enregistrez-le en « CSV UTF-8 (délimité par des virgules) » avec "
                f"l'en-tête {','.join(columns)} ; ou renommez-le et laissez « cockpit import "
                "FICHIER DOSSIER » le convertir (« ; », virgule décimale, JJ/MM/AAAA)."))
            self.unreadable.add(self.file)
            return
        missing = [c for c in required if c not in names]
        if missing:
            self.diagnostics.append(codes.CSV_STRUCTURE.at(
                self.file, 1, (f"colonne obligatoire absente : {missing[0]}" if len(missing) == 1 else
                 f"colonnes obligatoires absentes : {', '.join(missing)}"),
                f"En-tête attendu : {','.join(columns)}"))
            self.unreadable.add(self.file)
            return
        for position, name in enumerate(names):
            if name not in columns:
                self.diagnostics.append(codes.UNKNOWN_KEY.at(
                    self.file, 1, f"colonne inconnue « {name} »{suggest(name, columns)}",
                    col=position + 1))
        # one padding cell stands for the optional columns the file does not have
        pick = itemgetter(*(names.index(c) if c in names else len(names) for c in columns))
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
                    f"{len(cells)} champ{'s' if len(cells) > 1 else ''} au lieu de {len(names)} "
                    f"({','.join(names)})",
                    "Une virgule dans un commentaire ? Mettez le texte entre guillemets."))
                continue
            cells.append("")
            yield start, tuple(map(str.strip, pick(cells)))

    def date(self, line: int, column: str, value: str) -> dt.date | None:
        if not value:
            self.diagnostics.append(codes.MISSING_FIELD.at(
                self.file, line, f"la colonne « {column} » est vide"))
            return None
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            self.diagnostics.append(codes.BAD_DATE.at(
                self.file, line, f"« {value} » n'est pas une date AAAA-MM-JJ qui existe"))
            return None
        problem = date_out_of_range(day)
        if problem is not None:
            self.diagnostics.append(codes.BAD_DATE.at(self.file, line, f"« {column} » : {problem}"))
            return None
        return day

    def decimal(self, line: int, column: str, value: str) -> Decimal | None:
        try:
            amount = Decimal(value)
            if amount.is_finite() and (problem := number_problem(amount)) is not None:
                self.diagnostics.append(codes.OUT_OF_RANGE.at(
                    self.file, line, f"« {column} » : « {value} » {problem}"))
                return None
            if not amount.is_finite():
                raise InvalidOperation
            return amount
        except InvalidOperation:
            hint = ("Utilisez le point décimal, sans séparateur de milliers ni symbole : 1234.50"
                    if "," in value or " " in value or "€" in value else "")
            self.diagnostics.append(codes.WRONG_TYPE.at(
                self.file, line, f"« {column} » : « {value} » n'est pas un nombre", hint))
            return None

    def required_text(self, line: int, column: str, value: str) -> str | None:
        if not value:
            self.diagnostics.append(codes.MISSING_FIELD.at(
                self.file, line, f"la colonne « {column} » est vide"))
            return None
        return value
