"""Build and render a report of a project state: the one entry point of the shells."""

from __future__ import annotations

from cockpit.check.state import CheckedState
from cockpit.report import markdown
from cockpit.report.document import Report

KINDS = ("status", "copil", "rex", "gap", "dossier")
FORMATS = ("md", "html", "docx", "pdf")
BINARY = ("docx", "pdf")  # formats written as bytes, to a file


class ReportError(Exception):
    """No such report; the message is French."""


def build(kind: str, state: CheckedState) -> Report:
    if kind == "gap":
        from cockpit.report import gap

        project = state.project
        gaps = state.gaps if project.settings.project.referential else None
        return gap.build(gaps, project.settings.project.title, state.status_date)
    if kind == "dossier":
        from cockpit.report import dossier

        return dossier.build(state)
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


def dress(report: Report, state: CheckedState, anonymise: bool = False) -> Report:
    """The report with the project's identity for its cover (Word and PDF); `anonymise`
    replaces the folder's people and company by their role (report/anonymise.py)."""
    from cockpit.report.cover import with_cover

    report = with_cover(report, state.project, state.status_date)
    if anonymise:
        from cockpit.report.anonymise import anonymise as anonymised

        report = anonymised(report, state.project)
    return report


def render(report: Report, fmt: str) -> str | bytes:
    """The report in `fmt`: text for md and html, bytes for docx and pdf."""
    if fmt == "html":
        from cockpit.report import html

        return html.render(report)
    if fmt == "docx":
        from cockpit.report import word

        return word.render(report)
    if fmt == "pdf":
        from cockpit.report import pdf

        return pdf.render(report)
    return markdown.render(report)
