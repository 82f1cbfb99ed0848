"""Build and render a report of a project state: the one entry point of the shells."""

from __future__ import annotations

from cockpit.check.state import ProjectState
from cockpit.report import markdown
from cockpit.report.document import Report

KINDS = ("status", "copil", "rex", "gap")
FORMATS = ("md", "html")


class ReportError(Exception):
    """No such report; the message is French."""


def build(kind: str, state: ProjectState) -> Report:
    if kind == "gap":
        from cockpit.report import gap

        project = state.project
        gaps = state.gaps if project.settings.project.referential else None
        return gap.build(gaps, project.settings.project.title, state.status_date)
    board = state.dashboard
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
