"""Build and render a report of a project folder: the one entry point of the shells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cockpit.folder import load_project
from cockpit.report import markdown
from cockpit.report.document import Report
from cockpit.steering.dashboard import Dashboard

KINDS = ("status", "copil", "rex", "gap")
FORMATS = ("md", "html")


class ReportError(Exception):
    """The folder cannot be reported on; the message is French."""


def dashboard(root: Path, today: dt.date, status_date: dt.date | None = None) -> Dashboard:
    loaded = load_project(root)
    if loaded.project is None:
        raise ReportError(f"« {root} » n'est pas un dossier de projet lisible (cockpit.toml "
                          "absent ou invalide) : lancez « cockpit check » pour le détail.")
    return Dashboard(loaded.project, today, status_date_=status_date)


def build(kind: str, root: Path, today: dt.date, status_date: dt.date | None = None) -> Report:
    if kind == "gap":
        from cockpit.check.run import run_check
        from cockpit.finance import status_date_of
        from cockpit.report import gap

        result = run_check(root, today=today)
        if result.project is None:
            raise ReportError(f"« {root} » n'est pas un dossier de projet lisible.")
        day = status_date or status_date_of(result.project, today)
        return gap.build(result.gaps, result.project.settings.project.title, day)
    board = dashboard(root, today, status_date)
    if kind == "status":
        from cockpit.report import status

        return status.build(board)
    if kind == "copil":
        from cockpit.report import copil

        return copil.build(board)
    if kind == "rex":
        from cockpit.report import rex

        return rex.build(board)
    raise ReportError(f"type de rapport « {kind} » inconnu : {', '.join(KINDS)}")


def render(report: Report, fmt: str) -> str:
    if fmt == "html":
        from cockpit.report import html

        return html.render(report)
    return markdown.render(report)
