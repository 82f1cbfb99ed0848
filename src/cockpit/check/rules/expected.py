"""What the folder's format allows but the référentiel relies on (F015), and meeting files
named after their date (F013). The loader reads; these passes judge what it read."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from cockpit.check.registry import check
from cockpit.diagnostics.codes import EXPECTED_FIELD, FILE_NAME
from cockpit.diagnostics.diagnostic import Diagnostic
from cockpit.state import ProjectState

_ACTION_FIELD = {"who": "responsable", "due": "échéance"}


@check(EXPECTED_FIELD)
def expected_fields(ctx: ProjectState) -> Iterator[Diagnostic]:
    project = ctx.project
    for objective in project.settings.objectives:
        if not objective.indicator:
            yield EXPECTED_FIELD.at(
                objective.source.file, objective.source.line,
                f"objectif « {objective.id} » sans indicateur : il n'est pas mesurable",
                "Ajoutez indicator = \"K…\" (un indicateur de indicators.toml).")
    for action in project.actions:
        missing = [k for k, v in (("who", action.who), ("due", action.due)) if not v]
        if missing:
            yield EXPECTED_FIELD.at(
                action.source.file, action.source.line,
                f"action « {action.id} » sans {' ni '.join(_ACTION_FIELD[k] for k in missing)}",
                "Une action se pilote avec un responsable (who) et une échéance (due).")
    for channel in project.channels:
        if not channel.frequency:
            yield EXPECTED_FIELD.at(
                channel.source.file, channel.source.line, f"canal « {channel.id} » sans fréquence",
                "Ajoutez frequency = \"mensuelle\" (ou hebdomadaire, ponctuelle...).")


@check(FILE_NAME)
def meeting_file_names(ctx: ProjectState) -> Iterator[Diagnostic]:
    for meeting in ctx.project.meetings:
        if not PurePosixPath(meeting.path).name.startswith(meeting.date.isoformat()):
            yield FILE_NAME.at(
                meeting.path, meeting.source.line_of("date"),
                f"le nom du fichier ne commence pas par la date de la réunion ({meeting.date})",
                f"Renommez-le meetings/{meeting.date}-{_slug_name(meeting.path)}.md")


def _slug_name(relative: str) -> str:
    stem = PurePosixPath(relative).stem
    return re.sub(r"^\d{4}-\d{2}-\d{2}-?", "", stem) or "reunion"
