"""The project's identity on the cover of a Word or PDF report: what the board reads first."""

from __future__ import annotations

import dataclasses
import datetime as dt

from cockpit import french
from cockpit.model import Project
from cockpit.report.document import Report

PHASES = {"cadrage": "cadrage", "conduite": "conduite", "conclusion": "conclusion (bilan)"}


def referential_title(referential_id: str) -> str:
    """The référentiel's title, or its id when cockpit does not ship it."""
    from cockpit.referentials import UnknownReferential, load_referential

    try:
        return f"{load_referential(referential_id).title} ({referential_id})"
    except UnknownReferential:
        return referential_id


def identity(project: Project, day: dt.date) -> tuple[tuple[str, str], ...]:
    """(label, value) pairs: the project, its sponsor, the candidate and their role, dates."""
    info = project.settings.project
    team = {member.id: member for member in project.settings.team}
    pairs = [("Projet", info.title), ("Référence", info.id)]
    if info.sponsor:
        pairs.append(("Commanditaire", info.sponsor))
    manager = team.get(info.manager)
    if manager is not None:
        pairs.append(("Candidature portée par (chargé de projet)", manager.name))
        if manager.role:
            pairs.append(("Rôle dans le projet", manager.role))
    elif info.manager:
        pairs.append(("Candidature portée par (chargé de projet)", info.manager))
    if info.referential:
        pairs.append(("Référentiel", referential_title(info.referential)))
    pairs.append(("Phase", PHASES.get(info.phase.value, info.phase.value)))
    pairs.append(("Début", french.long_date(info.start)))
    if info.deadline:
        pairs.append(("Échéance contractuelle", french.long_date(info.deadline)))
    pairs.append(("Date d'état", french.long_date(day)))
    return tuple(pairs)


def with_cover(report: Report, project: Project, day: dt.date) -> Report:
    return dataclasses.replace(report, cover=identity(project, day))
