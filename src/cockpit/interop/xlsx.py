"""XLSX export (XlsxWriter): the plan, budget and earned value, risks and actions.

Numbers and dates are written as numbers and dates with Excel's own number formats
(dd/mm/yyyy, `# ##0,00 €` shown with the reader's separators: a French Excel shows a
decimal comma), each sheet has a frozen header row and filters. Column headers are French.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from cockpit.model import Project

if TYPE_CHECKING:
    from cockpit.schedule import Schedule

Column = tuple[str, int, str]  # header, width, format name ("", "date", "money", "ratio", ...)


def export_xlsx(project: Project, schedule: Schedule, status: dt.date) -> bytes:
    import xlsxwriter

    from cockpit.finance.evm import compute_evm

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "default_date_format": "dd/mm/yyyy"})
    info = project.settings.project
    book.set_properties({"title": info.title, "subject": "Export cockpit",
                         "comments": f"Date d'état : {status:%d/%m/%Y}"})
    formats = {
        "": book.add_format({"valign": "top"}),
        "text": book.add_format({"valign": "top", "text_wrap": True}),
        "date": book.add_format({"num_format": "dd/mm/yyyy", "valign": "top"}),
        "money": book.add_format({"num_format": '#,##0.00 "€"', "valign": "top"}),
        "days": book.add_format({"num_format": '0 "j"', "valign": "top"}),
        "ratio": book.add_format({"num_format": "0.00", "valign": "top"}),
        "percent": book.add_format({"num_format": "0%", "valign": "top"}),
        "header": book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1,
                                   "text_wrap": True, "valign": "top"}),
    }
    if info.currency != "EUR":
        formats["money"] = book.add_format({"num_format": f'#,##0.00 "{info.currency}"'})

    def sheet(name: str, columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> None:
        ws = book.add_worksheet(name)
        for c, (header, width, fmt) in enumerate(columns):
            ws.set_column(c, c, width, formats[fmt])
            ws.write_string(0, c, header, formats["header"])
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row):
                fmt = formats[columns[c][2]]
                if value is None or value == "":
                    ws.write_blank(r, c, None, fmt)
                elif isinstance(value, dt.date):
                    ws.write_datetime(r, c, dt.datetime.combine(value, dt.time.min), fmt)
                elif isinstance(value, bool):
                    ws.write_string(r, c, "oui" if value else "", fmt)
                elif isinstance(value, int | float | Decimal):
                    ws.write_number(r, c, float(value), fmt)
                else:
                    ws.write_string(r, c, str(value), fmt)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(len(rows), 1), len(columns) - 1)

    by_wbs = sorted(schedule.tasks, key=lambda t: tuple(int(p) for p in t.wbs.split(".")
                                                        if p.isdigit()))
    sheet("Planning", [
        ("WBS", 8, ""), ("Identifiant", 16, ""), ("Tâche", 44, "text"), ("Durée", 8, "days"),
        ("Début", 12, "date"), ("Fin", 12, "date"), ("Début au plus tard", 12, "date"),
        ("Fin au plus tard", 12, "date"), ("Marge totale", 9, "days"),
        ("Marge libre", 9, "days"), ("Critique", 9, ""), ("Jalon", 7, ""),
        ("Récapitulative", 9, ""), ("Ressources", 24, "text")],
        [[t.wbs, t.id, "  " * t.level + t.name, None if t.milestone else t.duration, t.start,
          t.finish, t.late_start, t.late_finish, t.total_float, t.free_float,
          t.critical and not t.summary, t.milestone, t.summary,
          ", ".join(r if s == 1 else f"{r} {s:.0%}" for r, s in t.resources)]
         for t in by_wbs])

    report = compute_evm(project, schedule, status)

    def evm_row(label: str, wbs: str, name: str, evm: Any) -> list[Any]:
        return [wbs, label, name, evm.bac, evm.pv, evm.ev, evm.ac, evm.sv, evm.cv, evm.spi,
                evm.cpi, evm.eac, evm.vac, _ratio(report.percent.get(label))]

    evm_rows = [evm_row("PROJET", "", info.title, report.project)]
    evm_rows += [evm_row(t.id, t.wbs, "  " * t.level + t.name, report.tasks[t.id])
                 for t in by_wbs if t.id in report.tasks]
    sheet("Budget et valeur acquise", [
        ("WBS", 8, ""), ("Identifiant", 16, ""), ("Tâche", 40, "text"),
        ("BAC (budget à l'achèvement)", 14, "money"), ("PV (valeur planifiée)", 14, "money"),
        ("EV (valeur acquise)", 14, "money"), ("AC (coût réel)", 14, "money"),
        ("SV (écart de délai)", 14, "money"), ("CV (écart de coût)", 14, "money"),
        ("SPI", 7, "ratio"), ("CPI", 7, "ratio"), ("EAC (estimation à l'achèvement)", 14, "money"),
        ("VAC (écart à l'achèvement)", 14, "money"), ("Avancement", 10, "percent")], evm_rows)

    names = {m.id: m.name for m in project.settings.team}
    names.update({s.id: s.name for s in project.settings.stakeholders})
    owner: Callable[[str], str] = lambda who: names.get(who, who)  # noqa: E731
    sheet("Risques", [
        ("Identifiant", 10, ""), ("Risque", 36, "text"), ("Catégorie", 14, ""),
        ("Cause", 30, "text"), ("Conséquence", 30, "text"), ("Probabilité", 9, ""),
        ("Impact", 8, ""), ("Détection", 9, ""), ("Criticité", 9, ""), ("Stratégie", 12, ""),
        ("Réponse", 36, "text"), ("Propriétaire", 18, ""), ("Statut", 10, ""),
        ("Dernière revue", 12, "date"), ("Tâches", 20, "text"), ("Actions", 14, "text")],
        [[r.id, r.title, r.category, r.cause, r.consequence, r.probability, r.impact,
          r.detection, r.criticality, r.strategy, r.response, owner(r.owner), r.status,
          r.review, ", ".join(r.tasks), ", ".join(r.actions)] for r in project.risks])
    sheet("Actions", [
        ("Identifiant", 10, ""), ("Action", 44, "text"), ("Responsable", 20, ""),
        ("Échéance", 12, "date"), ("Statut", 10, ""), ("Faite le", 12, "date"),
        ("Origine", 28, "text"), ("Commentaire", 36, "text")],
        [[a.id, a.what, owner(a.who), a.due, a.status, a.done, a.origin, a.comment]
         for a in project.actions])
    book.close()
    return buffer.getvalue()


def _ratio(percent: Decimal | None) -> Decimal | None:
    return None if percent is None else percent / 100
