"""XLSX export: one sheet per register, dates and amounts as numbers with French formats,
frozen header rows and filters."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from python_calamine import CalamineWorkbook

from cockpit.finance.evm import compute_evm
from cockpit.folder import load_project
from cockpit.interop.xlsx import export_xlsx
from cockpit.schedule import compute_schedule

ROBOT = Path(__file__).parent.parent / "examples" / "robot-soudage"
STATUS = dt.date(2026, 4, 17)


def test_the_workbook_holds_the_plan_the_budget_the_risks_and_the_actions() -> None:
    project = load_project(ROBOT).project
    assert project is not None
    schedule = compute_schedule(project)
    data = export_xlsx(project, schedule, STATUS)
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    assert book.sheet_names == ["Planning", "Budget et valeur acquise", "Risques", "Actions"]
    plan = book.get_sheet_by_name("Planning").to_python()
    assert len(plan) == len(schedule.tasks) + 1
    cdc = next(row for row in plan if row[1] == "cdc")
    assert (cdc[4], cdc[5]) == (schedule.by_id["cdc"].start, schedule.by_id["cdc"].finish)
    budget = book.get_sheet_by_name("Budget et valeur acquise").to_python()
    totals = compute_evm(project, schedule, STATUS).project
    assert budget[1][1] == "PROJET" and round(budget[1][3], 2) == float(totals.bac)
    assert len(book.get_sheet_by_name("Risques").to_python()) == len(project.risks) + 1
    assert len(book.get_sheet_by_name("Actions").to_python()) == len(project.actions) + 1
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        first = archive.read("xl/worksheets/sheet1.xml").decode()
        styles = archive.read("xl/styles.xml").decode()
    assert 'state="frozen"' in first and "<autoFilter" in first
    assert "dd/mm/yyyy" in styles and "&quot;€&quot;" in styles
