"""The candidate's evaluation file (`cockpit report dossier`): the one document handed to the
board, assembled from the folder.

First the project: its identity and the candidate's role, context and objectives, schedule
(Gantt, critical path, milestones), budget and earned value, risks (matrix), meetings held,
communication plan. Then, capacity by capacity of the référentiel, its status, the evidence
of each criterion and the candidate's justification (evidence.toml). An annex lists the
folder's files.
"""

from __future__ import annotations

from cockpit import french
from cockpit.check.state import CheckedState
from cockpit.model import EvidenceClaim
from cockpit.referentials.gaps import CapacityResult, GapReport, Status
from cockpit.report.copil import milestone_state
from cockpit.report.cover import identity
from cockpit.report.document import Block, Bullets, Heading, Paragraph, Report, Table
from cockpit.report.sections import (
    evm_by_summary,
    gantt_chart,
    heat_map_blocks,
    key_figures,
    s_curve_chart,
    top_risk_blocks,
)
from cockpit.steering.dashboard import Dashboard

MARK = {Status.COVERED: "✔", Status.PARTIAL: "◐", Status.MISSING: "✘", Status.TO_JUSTIFY: "?"}
FEMININE = {Status.COVERED: "couverte", Status.PARTIAL: "partielle", Status.MISSING: "manquante",
            Status.TO_JUSTIFY: "à justifier"}
FEMININE_PLURAL = {Status.COVERED: "couvertes", Status.PARTIAL: "partielles",
                   Status.MISSING: "manquantes", Status.TO_JUSTIFY: "à justifier"}
PROOFS = 5  # proofs shown for a criterion; « cockpit check --format json » gives them all
KINDS = {"toml": "registre (TOML)", "csv": "journal (CSV)", "md": "document (Markdown)"}


def _names(state: CheckedState) -> dict[str, str]:
    """Display names of the team, the stakeholders and the governance bodies, by id."""
    settings = state.project.settings
    names = {g.id: g.name for g in settings.governance}
    names.update({s.id: s.name for s in settings.stakeholders})
    names.update({m.id: m.name for m in settings.team})
    return names


def project_blocks(state: CheckedState) -> list[Block]:
    project = state.project
    info = project.settings.project
    blocks: list[Block] = [Heading("Identité du projet et rôle du candidat"),
                           Table(("Rubrique", "Valeur"), identity(project, state.status_date))]
    team = project.settings.team
    if team:
        rows = tuple((m.name, m.role or "—", "oui" if m.id == info.manager else "")
                     for m in team)
        blocks.append(Table(("Membre", "Rôle", "Porte la candidature"), rows, caption="Équipe projet"))
    blocks.append(Heading("Contexte et objectifs"))
    blocks.append(Paragraph(info.context.strip() or "Contexte non décrit : ajoutez context = "
                            "\"…\" dans [project] de cockpit.toml.",
                            "" if info.context.strip() else "warning"))
    objectives = project.settings.objectives
    if objectives:
        blocks.append(Table(("Objectif", "Énoncé", "Indicateur", "Échéance"), tuple(
            (o.id, o.statement, o.indicator or "—", french.date(o.deadline) if o.deadline else "—")
            for o in objectives), caption="Objectifs opérationnels"))
    return blocks


def schedule_blocks(board: Dashboard) -> list[Block]:
    schedule = board.schedule
    blocks: list[Block] = [Heading("Planning"), gantt_chart(board)]
    blocks.append(Paragraph(
        f"Début le {french.date(schedule.start)}, fin prévue le {french.date(schedule.finish)}"
        + (f", échéance contractuelle le {french.date(board.project.settings.project.deadline)}"
           if board.project.settings.project.deadline else "") + "."))
    critical = [schedule.by_id[t] for t in schedule.critical_path]
    if critical:
        blocks.append(Paragraph("Chemin critique : " + " → ".join(t.name for t in critical)
                                + "."))
    milestones = [t for t in schedule.tasks if t.milestone]
    if milestones:
        blocks.append(Table(("Jalon", "Nom", "Date prévue", "État"), tuple(
            (t.id, t.name, french.date(t.finish), milestone_state(board, t.id))
            for t in milestones), caption="Jalons"))
    return blocks


def budget_blocks(board: Dashboard) -> list[Block]:
    return [Heading("Budget et valeur acquise"), key_figures(board), evm_by_summary(board),
            s_curve_chart(board)]


def risk_blocks(board: Dashboard) -> list[Block]:
    return [Heading("Risques"), *heat_map_blocks(board), *top_risk_blocks(board, 10)]


def meeting_blocks(state: CheckedState) -> list[Block]:
    names = _names(state)
    held = [m for m in state.project.meetings if m.date <= state.status_date]
    blocks: list[Block] = [Heading("Réunions tenues")]
    if not held:
        return [*blocks, Paragraph("Aucune réunion tenue à la date d'état.", "warning")]
    rows = tuple((french.date(m.date), m.title, m.kind or "—",
                  names.get(m.facilitator, m.facilitator) or "—", str(len(m.participants)),
                  m.path) for m in sorted(held, key=lambda m: (m.date, m.path)))
    blocks.append(Table(("Date", "Réunion", "Type", "Animée par", "Participants", "Compte rendu"),
                        rows, numeric=(4,)))
    return blocks


def communication_blocks(state: CheckedState) -> list[Block]:
    names = _names(state)
    channels = state.project.channels
    blocks: list[Block] = [Heading("Plan de communication")]
    if not channels:
        return [*blocks, Paragraph("Aucun plan de communication (communication.toml).",
                                   "warning")]
    rows = tuple((c.information, c.purpose or "—", names.get(c.sender, c.sender) or "—",
                  ", ".join(names.get(a, a) for a in c.audience) or "—", c.frequency or "—",
                  c.medium or "—") for c in channels)
    blocks.append(Table(("Information", "Objectif", "Émetteur", "Destinataires", "Fréquence",
                         "Support"), rows))
    return blocks


def _claims(state: CheckedState, referential: str) -> dict[str, list[EvidenceClaim]]:
    out: dict[str, list[EvidenceClaim]] = {}
    for claim in state.project.evidence:
        if claim.referential == referential and claim.justification.strip():
            out.setdefault(claim.target, []).append(claim)
    return out


def capacity_blocks(capacity: CapacityResult, claims: dict[str, list[EvidenceClaim]]
                    ) -> list[Block]:
    later = " (phase à venir)" if capacity.phase_not_reached else ""
    blocks: list[Block] = [
        Heading(f"{capacity.id} {capacity.title}", 3),
        Paragraph(f"Statut : {MARK[capacity.status]} {FEMININE[capacity.status]}{later}.",
                  "ok" if capacity.status is Status.COVERED else "warning")]
    rows = []
    for criterion in capacity.criteria:
        shown = criterion.evidence[:PROOFS]
        evidence = " ; ".join(e.proof for e in shown) + (
            f" ; … et {french.count(len(criterion.evidence) - PROOFS, 'autre preuve')}"
            if len(criterion.evidence) > PROOFS else "") or "—"
        missing = "; ".join(criterion.missing)
        rows.append((f"{criterion.id} {criterion.text}",
                     f"{MARK[criterion.status]} {criterion.status.french}",
                     evidence + (f" — manque : {missing}" if missing else "")))
    if rows:
        blocks.append(Table(("Critère", "Statut", "Preuves"), tuple(rows),
                            highlight=tuple(i for i, k in enumerate(capacity.criteria)
                                            if k.status is not Status.COVERED)))
    targets = [capacity.id, *(k.id for k in capacity.criteria)]
    justifications = [f"{target} : {claim.justification.strip()} (preuves : "
                      f"{', '.join(claim.evidence) or '—'})"
                      for target in targets for claim in claims.get(target, [])]
    if justifications:
        blocks += [Paragraph("Justification du candidat :"), Bullets(tuple(justifications))]
    return blocks


def referential_blocks(state: CheckedState, gaps: GapReport | None) -> list[Block]:
    blocks: list[Block] = [Heading("Capacités du référentiel")]
    if gaps is None or not gaps.capacities:
        return [*blocks, Paragraph("Aucun référentiel connu : ajoutez referential = \"…\" dans "
                                   "[project] de cockpit.toml (voir « cockpit referentials »).",
                                   "warning")]
    counts = ", ".join(french.count(gaps.count(s), FEMININE[s], FEMININE_PLURAL[s])
                       for s in Status)
    blocks.append(Paragraph(f"Référentiel : {gaps.referential_title} ({gaps.referential_id}). "
                            f"Capacités : {counts}.", "ok" if gaps.ready else ""))
    claims = _claims(state, gaps.referential_id)
    for capacity in gaps.capacities:
        blocks += capacity_blocks(capacity, claims)
    return blocks


def annex_blocks(state: CheckedState) -> list[Block]:
    files = sorted(set(state.project.present) | set(state.texts))
    rows = tuple((path, KINDS.get(path.rsplit(".", 1)[-1], "autre")) for path in files)
    return [Heading("Annexe : fichiers du dossier"),
            Paragraph(f"{french.count(len(files), 'fichier')}, dans le dossier du projet « "
                      f"{state.root.name} »."),
            Table(("Fichier", "Nature"), rows)]


def build(state: CheckedState) -> Report:
    project = state.project
    info = project.settings.project
    board = state.dashboard
    gaps = state.gaps if info.referential else None
    blocks = [*project_blocks(state), *schedule_blocks(board), *budget_blocks(board),
              *risk_blocks(board), *meeting_blocks(state), *communication_blocks(state),
              *referential_blocks(state, gaps), *annex_blocks(state)]
    return Report(f"Dossier de présentation — {info.title}",
                  f"Projet {info.id} · situation au {french.long_date(state.status_date)}",
                  tuple(blocks))
