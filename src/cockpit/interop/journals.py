"""Costs, progress and measures from a spreadsheet, appended to the journals.

Workbooks (.xlsx, .xlsm, .xls, .ods) are read with python-calamine; CSV files as a French
Excel writes them (`;`, decimal comma, dd/mm/yyyy, Windows-1252 or UTF-8) or as cockpit
writes them (`,`, decimal point, ISO dates). The journal of a sheet is recognised from its
header (French or English names, accents and case ignored). Rows already in the journal
are not added again (a row that appears twice in the sheet and once in the journal is
added once). Any unreadable cell stops the import before anything is written, with every
problem and its line.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from cockpit import french
from cockpit.interop import InteropError
from cockpit.model import Project
from cockpit.model.immutable import immutable

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
# journal → its columns, each with the header names that mean it; required columns first
JOURNALS: dict[str, dict[str, tuple[str, ...]]] = {
    "costs.csv": {
        "date": ("date", "date de la depense", "jour"),
        "amount": ("amount", "montant", "montant ht", "cout", "cost", "depense"),
        "task": ("task", "tache", "activite", "lot"),
        "category": ("category", "categorie", "nature", "type"),
        "reference": ("reference", "ref", "facture", "piece", "bon de commande"),
        "comment": ("comment", "commentaire", "libelle", "description", "remarque"),
    },
    "progress.csv": {
        "date": ("date", "jour"),
        "task": ("task", "tache", "activite"),
        "percent": ("percent", "avancement", "pourcentage", "%", "% acheve", "pourcentage acheve"),
        "comment": ("comment", "commentaire", "remarque"),
    },
    "measures.csv": {
        "date": ("date", "jour"),
        "indicator": ("indicator", "indicateur", "kpi"),
        "value": ("value", "valeur", "mesure"),
        "comment": ("comment", "commentaire", "remarque"),
    },
}
REQUIRED = {"costs.csv": ("date", "amount"), "progress.csv": ("date", "task", "percent"),
            "measures.csv": ("date", "indicator", "value")}
FRENCH_NAMES = {"costs.csv": "coûts", "progress.csv": "avancement", "measures.csv": "mesures"}


@immutable
class JournalRows:
    """The rows of one sheet for one journal, and where they came from."""

    journal: str
    sheet: str
    rows: tuple[dict[str, Any], ...]


@immutable
class JournalImport:
    journal: str
    sheet: str
    added: int
    already: int
    unknown: tuple[str, ...]  # task or indicator ids the project does not know


def _key(text: object) -> str:
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", plain.strip().lower())


# -- reading ------------------------------------------------------------------------------

def read_tables(path: Path) -> list[tuple[str, list[list[Any]]]]:
    """Every sheet of a workbook, or the one table of a CSV file, as rows of cells."""
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        from python_calamine import CalamineError, CalamineWorkbook

        try:
            book = CalamineWorkbook.from_path(str(path))
            return [(name, book.get_sheet_by_name(name).to_python(skip_empty_area=False))
                    for name in book.sheet_names]
        except (CalamineError, OSError, ValueError) as error:
            raise InteropError(f"« {path.name} » n'est pas un classeur lisible ({error}). "
                               "Rien n'a été écrit.") from error
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # what a French Excel writes
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
    rows = [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return [(path.name, rows)]


def journal_rows(path: Path, journal: str | None = None) -> list[JournalRows]:
    """The rows of every sheet whose header names a journal's required columns;
    InteropError (French, every problem) when none does or a cell cannot be read."""
    found: list[JournalRows] = []
    problems: list[str] = []
    for sheet, rows in read_tables(path):
        header_at = next((i for i, row in enumerate(rows) if any(str(c).strip() for c in row)),
                         None)
        if header_at is None:
            continue
        header = [_key(c) for c in rows[header_at]]
        candidates = [journal] if journal else list(JOURNALS)
        best = None
        for name in candidates:
            columns = _columns(header, JOURNALS[name])
            missing = [c for c in REQUIRED[name] if c not in columns]
            if not missing:
                best = (name, columns)
                break
            if journal:
                problems.append(f"{sheet} : {french.count(len(missing), 'colonne manquante')} "
                                f"pour le journal "
                                f"{name} : {', '.join(missing)} (en-tête : "
                                f"{', '.join(str(c) for c in rows[header_at] if str(c))})")
        if best is None:
            continue
        name, columns = best
        parsed: list[dict[str, Any]] = []
        percent_as_ratio = name == "progress.csv" and _ratios(rows[header_at + 1:],
                                                              columns["percent"])
        for offset, row in enumerate(rows[header_at + 1:], header_at + 2):
            if not any(str(c).strip() for c in row):
                continue
            record, errors = _record(name, row, columns, percent_as_ratio)
            problems += [f"{sheet}, ligne {offset} : {e}" for e in errors]
            if not errors:
                parsed.append(record)
        found.append(JournalRows(name, sheet, tuple(parsed)))
    if problems:
        raise InteropError("le fichier n'est pas importé, rien n'a été écrit :\n  • "
                           + "\n  • ".join(problems))
    if not found:
        expected = " ; ".join(f"{FRENCH_NAMES[n]} : {', '.join(REQUIRED[n])}" for n in JOURNALS)
        raise InteropError(f"« {path.name} » n'a aucune feuille dont l'en-tête nomme les "
                           f"colonnes d'un journal ({expected}). Rien n'a été écrit.")
    return found


def _columns(header: list[str], names: dict[str, tuple[str, ...]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for column, aliases in names.items():
        for i, cell in enumerate(header):
            if cell in aliases and i not in out.values():
                out[column] = i
                break
    return out


def _ratios(rows: list[list[Any]], column: int) -> bool:
    """A workbook's percent cells hold 0.45 for 45 %: true when every number is ≤ 1."""
    numbers = [c for row in rows if column < len(row)
               for c in [row[column]] if isinstance(c, int | float) and not isinstance(c, bool)]
    return bool(numbers) and all(0 <= n <= 1 for n in numbers) and any(0 < n < 1 for n in numbers)


def _record(journal: str, row: list[Any], columns: dict[str, int], percent_as_ratio: bool
            ) -> tuple[dict[str, Any], list[str]]:
    errors: list[str] = []
    record: dict[str, Any] = {}
    for column, index in columns.items():
        cell = row[index] if index < len(row) else ""
        if column == "date":
            value: Any = _date(cell)
            if value is None:
                errors.append(f"date illisible « {cell} » (attendu : jj/mm/aaaa)")
        elif column in ("amount", "value", "percent"):
            value = _decimal(cell)
            if value is None:
                errors.append(f"nombre illisible « {cell} » dans la colonne {column}")
            elif column == "percent":
                if percent_as_ratio:
                    value = (value * 100).normalize()
                if not 0 <= value <= 100:
                    errors.append(f"avancement {value} hors de 0 à 100")
        else:
            value = "" if cell is None else str(cell).strip()
            if isinstance(cell, float) and cell.is_integer():
                value = str(int(cell))
        record[column] = value
    if journal != "costs.csv" and not record.get("task", record.get("indicator", "x")):
        errors.append("identifiant de tâche ou d'indicateur vide")
    return record, errors


def _date(cell: Any) -> dt.date | None:
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    text = str(cell).strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _decimal(cell: Any) -> Decimal | None:
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        return Decimal(repr(cell))
    text = str(cell).strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    text = text.removesuffix("€").removesuffix("%").removesuffix("EUR").strip()
    if "," in text and "." in text:  # 1.234,56 (French) or 1,234.56 (English)
        text = text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") \
            else text.replace(",", "")
    else:
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


# -- writing ------------------------------------------------------------------------------

def _existing(project: Project, journal: str) -> Counter[tuple[str, ...]]:
    if journal == "costs.csv":
        return Counter(_row_key(journal, {"date": c.date, "task": c.task, "amount": c.amount,
                                          "category": c.category, "reference": c.reference,
                                          "comment": c.comment}) for c in project.costs)
    if journal == "progress.csv":
        return Counter(_row_key(journal, {"date": p.date, "task": p.task, "percent": p.percent,
                                          "comment": p.comment}) for p in project.progress)
    return Counter(_row_key(journal, {"date": m.date, "indicator": m.indicator,
                                      "value": m.value, "comment": m.comment})
                   for m in project.measures)


def _row_key(journal: str, row: dict[str, Any]) -> tuple[str, ...]:
    out = []
    for column in JOURNALS[journal]:
        value = row.get(column, "")
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            value = format(Decimal(repr(value) if isinstance(value, float) else value)
                           .normalize(), "f")
        out.append(str(value).strip())
    return tuple(out)


def import_journals(root: Path, path: Path, journal: str | None = None,
                    dry_run: bool = False) -> list[JournalImport]:
    """Append the rows of `path` to the folder's journals, without duplicates."""
    from cockpit.folder import load_project
    from cockpit.folder.save import ProjectFiles, SaveError

    tables = journal_rows(path, journal)
    files = ProjectFiles(root)
    loaded = load_project(root, files)
    if loaded.project is None:
        raise InteropError(f"« {root} » n'a pas de cockpit.toml lisible : rien n'a été écrit.")
    project = loaded.project
    known = {"costs.csv": {t.id for t in project.tasks} | {""},
             "progress.csv": {t.id for t in project.tasks},
             "measures.csv": {k.id for k in project.indicators}}
    reports: list[JournalImport] = []
    pending: dict[str, list[dict[str, Any]]] = {}
    seen: dict[str, Counter[tuple[str, ...]]] = {}
    for table in tables:
        existing = seen.setdefault(table.journal, _existing(project, table.journal))
        added: list[dict[str, Any]] = []
        already = 0
        for row in table.rows:
            key = _row_key(table.journal, row)
            if existing[key] > 0:
                existing[key] -= 1
                already += 1
            else:
                added.append(row)
        pending.setdefault(table.journal, []).extend(added)
        ids = sorted({str(r.get("task", r.get("indicator", ""))) for r in added}
                     - known[table.journal])
        reports.append(JournalImport(table.journal, table.sheet, len(added), already,
                                     tuple(ids)))
    if not dry_run:
        try:
            for name, rows in pending.items():
                if rows:
                    files.append_csv_rows(name, rows)
        except SaveError as error:
            raise InteropError(str(error)) from error
    return reports

