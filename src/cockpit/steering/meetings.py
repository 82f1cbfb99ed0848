"""Meetings: the list by kind and phase, and a new meeting file prepared from the project.

The agenda of a new meeting is pre-filled with what the référentiel asks a facilitator
to prepare (CQPM chargé de projets industriels, capacity 4): the reminder of the
context, stakes and objectives; the roles of the team members; where the project stands
against the plan (actions done and to come) and the review of the action plan; the
meeting's objectives and expected deliverables. The facts (status date, progress, open
actions, next milestones) are written in, ready to be corrected by hand.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from cockpit import french
from cockpit.folder.fields import ascii_text
from cockpit.model import Meeting, Project
from cockpit.model.documents import MEETING_KINDS
from cockpit.model.immutable import immutable
from cockpit.steering.actions import ActionView
from cockpit.steering.dashboard import Dashboard

KIND_FRENCH = {
    "lancement": "Réunion de lancement", "copil": "Comité de pilotage",
    "codir": "Comité de direction", "revue": "Revue de projet", "point-projet": "Point projet",
    "atelier": "Atelier", "information": "Réunion d'information", "formation": "Formation",
    "cloture": "Réunion de clôture",
}
PHASE_FRENCH = {"cadrage": "cadrage", "conduite": "conduite", "conclusion": "conclusion"}


def by_kind(meetings: tuple[Meeting, ...]) -> dict[str, int]:
    counts = Counter(m.kind or "—" for m in meetings)
    return {k: counts[k] for k in sorted(counts, key=lambda k: (k not in MEETING_KINDS, k))}


def by_phase(meetings: tuple[Meeting, ...]) -> dict[str, int]:
    counts = Counter(m.phase.value if m.phase else "—" for m in meetings)
    return dict(sorted(counts.items()))


def chronological(meetings: tuple[Meeting, ...]) -> list[Meeting]:
    return sorted(meetings, key=lambda m: (m.date, m.path))


def slug(text: str) -> str:
    """« COPIL n°3 : arbitrage » → "copil-n3-arbitrage"."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_text(text).lower()).strip("-")[:60] or "reunion"


def meeting_path(date: dt.date, title: str) -> str:
    return f"meetings/{date.isoformat()}-{slug(title)}.md"


@immutable
class Situation:
    """Where the project stands, for the agenda: computed by the caller from the schedule."""

    status_date: dt.date
    percent_complete: float | None = None
    spi: float | None = None
    cpi: float | None = None
    finish: dt.date | None = None
    deadline: dt.date | None = None
    in_progress: tuple[str, ...] = ()  # "id — name" of the tasks under way
    upcoming: tuple[str, ...] = ()  # the next milestones, "date — id — name"


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(_toml_string(i) for i in items) + "]"


def render_new_meeting(project: Project, kind: str, title: str, date: dt.date,
                       situation: Situation, actions: tuple[ActionView, ...], *,
                       facilitator: str | None = None, participants: list[str] | None = None,
                       excused: tuple[str, ...] = (), objectives: tuple[str, ...] = (),
                       decisions: tuple[str, ...] = (), action_lines: tuple[str, ...] = ()) -> str:
    """The Markdown of a new meeting file, front matter and pre-filled agenda.

    The situation should be computed at the meeting's date. Given participants, objectives,
    decisions (their text) and action lines (« - A12 — @who — 2026-04-10 — what ») fill the
    minutes; the caller creates those actions in actions.toml."""
    info = project.settings.project
    governance = next((g for g in project.settings.governance if g.id == kind), None)
    if participants is None:
        participants = list(governance.members) if governance else (
            [info.manager] if info.manager else [])
    lines = [
        "+++",
        f"title = {_toml_string(title)}",
        f"date = {date.isoformat()}",
        f"kind = {_toml_string(kind)}",
        '# time = "14:00"',
        '# duration = "1h30"',
        '# place = "Salle projet"',
        f"phase = {_toml_string(info.phase.value)}",
        f"facilitator = {_toml_string(info.manager if facilitator is None else facilitator)}",
        f"participants = {_toml_list(participants)}",
        f"excused = {_toml_list(list(excused))}",
        f"objectives = {_toml_list(list(objectives))}" if objectives else
        "objectives = []    # les objectifs de la réunion, ex. \"Valider le planning\"",
        "+++",
        "",
        f"# {title}",
        "",
        "## Ordre du jour",
        "",
        "1. Rappel du contexte, des enjeux et des objectifs du projet",
        "2. Rôles et contributions des participants",
        "3. Avancement au regard du planning prévisionnel",
        "4. Revue du plan d'actions",
        "5. Objectifs de la réunion et livrables attendus",
        "6. Décisions, actions, points en suspens",
        "",
        "## Rappel du contexte et des objectifs",
        "",
        f"Projet : {info.title} ({info.id}), phase de {PHASE_FRENCH[info.phase.value]}.",
    ]
    if info.context:
        lines += ["", info.context.strip()]
    if project.settings.objectives:
        lines += ["", "Objectifs du projet :", ""]
        lines += [f"- {o.id} — {o.statement}" + (f" (échéance {french.date(o.deadline)})"
                                                 if o.deadline else "")
                  for o in project.settings.objectives]
    lines += ["", "## Rôles", ""]
    members = {m.id: m for m in project.settings.team}
    stakeholders = {s.id: s for s in project.settings.stakeholders}
    for person in participants or list(members):
        if person in members:
            m = members[person]
            lines.append(f"- {m.name} (@{m.id}) — {m.role or 'rôle à préciser'}")
        elif person in stakeholders:
            lines.append(f"- {stakeholders[person].name} (@{person}) — partie prenante")
        else:
            lines.append(f"- @{person} — rôle à préciser")
    if not participants and not members:
        lines.append("- (à compléter : qui contribue à quoi)")
    lines += ["", "## Avancement", "",
              f"Situation au {french.date(situation.status_date)} : avancement "
              f"{french.percent(situation.percent_complete)}, SPI {french.ratio(situation.spi)}, "
              f"CPI {french.ratio(situation.cpi)}."]
    if situation.finish:
        late = (f" ; échéance contractuelle {french.date(situation.deadline)}"
                if situation.deadline else "")
        lines.append(f"Fin prévue : {french.date(situation.finish)}{late}.")
    if situation.in_progress:
        lines += ["", "Actions menées (tâches en cours) :", ""]
        lines += [f"- {t}" for t in situation.in_progress]
    if situation.upcoming:
        lines += ["", "Actions à venir (prochains jalons) :", ""]
        lines += [f"- {t}" for t in situation.upcoming]
    lines += ["", "## Revue du plan d'actions", ""]
    still_open = [a for a in actions if a.open]
    if still_open:
        for a in sorted(still_open, key=lambda a: (a.action.due or dt.date.max, a.id)):
            late = f" — en retard de {a.days_late} j" if a.overdue else ""
            lines.append(f"- {a.id} — @{a.action.who or '?'} — "
                         f"{a.action.due.isoformat() if a.action.due else 'sans échéance'} — "
                         f"{a.action.what} ({a.action.status}{late})")
    else:
        lines.append("Aucune action ouverte.")
    lines += ["", "## Objectifs de la réunion", ""]
    lines += [f"- {o}" for o in objectives] or [
        "- (à compléter : ce que la réunion doit produire, les livrables attendus)"]
    lines += ["", "## Décisions", ""]
    lines += [f"- D{n} — {d}" for n, d in enumerate(decisions, 1)]
    lines += ["", "## Actions", "",
              "<!-- une ligne par action : - A12 — @responsable — AAAA-MM-JJ — libellé précis -->"]
    lines += list(action_lines)
    lines += ["", "## Points en suspens", ""]
    return "\n".join(lines) + "\n"


def situation(board: Dashboard, upcoming: int = 5) -> Situation:
    """Where the project stands at the status date, for a new meeting's agenda."""
    schedule = board.schedule
    boundary = schedule.calendar.boundary_after(board.status_date)
    percent = board.evm.percent
    under_way = [t for t in schedule.tasks if not t.summary and not t.milestone
                 and t.es < boundary and percent.get(t.id, 0) < 100]
    milestones = sorted((t for t in schedule.tasks if t.milestone and t.finish >= board.status_date),
                        key=lambda t: (t.finish, t.id))
    e = board.evm.project
    return Situation(
        status_date=board.status_date,
        percent_complete=None if e.percent_complete is None else float(e.percent_complete),
        spi=None if e.spi is None else float(e.spi), cpi=None if e.cpi is None else float(e.cpi),
        finish=schedule.finish, deadline=board.project.settings.project.deadline,
        in_progress=tuple(f"{t.id} — {t.name} ({french.percent(percent.get(t.id, 0))})"
                          for t in under_way[:10]),
        upcoming=tuple(f"{french.date(t.finish)} — {t.id} — {t.name}"
                       for t in milestones[:upcoming]))
