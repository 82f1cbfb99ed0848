"""Costs, progress and measures from spreadsheets: French CSV and workbooks, appended to the
journals without duplicates; a bad file writes nothing."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from cockpit.cli import main
from cockpit.interop import InteropError
from cockpit.interop.journals import import_journals, journal_rows

ROBOT = Path(__file__).parent.parent / "examples" / "robot-soudage"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "projet"
    shutil.copytree(ROBOT, target)
    return target


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    percent = book.add_format({"num_format": "0%"})
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, dt.date):
                    sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time.min), day)
                elif isinstance(value, float) and value < 1:
                    sheet.write_number(r, c, value, percent)
                else:
                    sheet.write(r, c, value)
    book.close()
    return path


def test_a_french_excel_csv_is_appended_once(folder: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "couts.csv"
    source.write_bytes("Date;Tâche;Catégorie;Montant;Référence;Commentaire\r\n"
                       "15/04/2026;commande;investissement;1 234,50 €;F-12;Acompte\r\n"
                       "16/04/2026;cdc;prestation;980;;\r\n"
                       "16/04/2026;cdc;prestation;980;;\r\n".encode("cp1252"))
    before = (folder / "costs.csv").read_text(encoding="utf-8")
    assert main(["import", str(source), str(folder)]) == 0
    after = (folder / "costs.csv").read_text(encoding="utf-8")
    assert after == before + ("2026-04-15,commande,investissement,1234.50,F-12,Acompte\n"
                              "2026-04-16,cdc,prestation,980,,\n2026-04-16,cdc,prestation,980,,\n")
    assert "3 lignes ajoutées" in capsys.readouterr().out
    assert main(["import", str(source), str(folder)]) == 0
    assert (folder / "costs.csv").read_text(encoding="utf-8") == after
    assert "0 ligne ajoutée" in capsys.readouterr().out


def test_a_workbook_feeds_progress_and_measures(folder: Path, tmp_path: Path) -> None:
    source = workbook(tmp_path / "saisie.xlsx", {
        "Avancement": [["Date", "Tâche", "Avancement"],
                       [dt.date(2026, 4, 20), "fabrication", 0.6],
                       [dt.date(2026, 4, 20), "dossier-ce", 0.4]],
        "Mesures": [["Date", "Indicateur", "Valeur", "Commentaire"],
                    [dt.date(2026, 4, 20), "K1", 171.5, "semaine 17"]],
        "Notes": [["Rien", "à voir"]],
    })
    reports = import_journals(folder, source)
    assert [(r.journal, r.added) for r in reports] == [("progress.csv", 2), ("measures.csv", 1)]
    assert (folder / "progress.csv").read_text(encoding="utf-8").endswith(
        "2026-04-20,fabrication,60,\n2026-04-20,dossier-ce,40,\n")
    assert "2026-04-20,K1,171.5,semaine 17" in (folder / "measures.csv").read_text(encoding="utf-8")
    assert [r.added for r in import_journals(folder, source)] == [0, 0]


def test_missing_columns_and_bad_cells_write_nothing(folder: Path, tmp_path: Path) -> None:
    before = {p.name: p.read_bytes() for p in folder.glob("*.csv")}
    no_amount = workbook(tmp_path / "a.xlsx", {"Coûts": [["Date", "Tâche", "Libellé"],
                                                          [dt.date(2026, 4, 1), "cdc", "x"]]})
    with pytest.raises(InteropError, match="aucune feuille dont l'en-tête"):
        import_journals(folder, no_amount)
    with pytest.raises(InteropError, match="1 colonne manquante pour le journal costs.csv : amount"):
        import_journals(folder, no_amount, "costs.csv")
    bad = tmp_path / "b.csv"
    bad.write_text("date;tache;montant\n31/02/2026;cdc;12\n01/03/2026;cdc;douze\n",
                   encoding="utf-8")
    with pytest.raises(InteropError) as error:
        import_journals(folder, bad)
    assert "ligne 2 : date illisible « 31/02/2026 »" in str(error.value)
    assert "ligne 3 : nombre illisible « douze »" in str(error.value)
    broken = tmp_path / "c.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(InteropError, match="n'est pas un classeur lisible"):
        journal_rows(broken)
    assert {p.name: p.read_bytes() for p in folder.glob("*.csv")} == before
