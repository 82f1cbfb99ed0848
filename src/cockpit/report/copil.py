"""The steering committee report (`cockpit report copil`): results against the plan,
variances with their causes, decisions to take with their options and the risks of each
option, risks, actions and budget."""

from __future__ import annotations

from cockpit import french
from cockpit.model import Decision, Project, Risk
from cockpit.model.vocabularies import RiskStatus
from cockpit.report.document import Block, Bullets, Heading, Paragraph, Report, Table
from cockpit.report.sections import (
    action_table,
    commitment_chart,
    commitment_table,
    cost_warnings,
    evm_by_summary,
    gantt_chart,
    heat_map_blocks,
    indicator_charts,
    indicator_table,
    key_figures,
    s_curve_chart,
    top_risk_blocks,
)
from cockpit.steering.actions import closure_rate, on_time_rate, overdue, tally
from cockpit.steering.dashboard import Dashboard
from cockpit.steering.decisions import weighted_score
from cockpit.steering.risks import risks_of_task
from cockpit.steering.variances import Variance, VarianceKind, names


def causes(board: Dashboard, variance: Variance) -> list[str]:
    """What the folder says of a variance's causes: its analysis, related risks, comments."""
    project = board.project
    out = []
    if variance.analysed_by:
        out.append(f"analysé dans {variance.analysed_by}")
    tasks = [s for s in variance.subjects if project.task(s) is not None]
    related: list[Risk] = []
    for task in tasks:
        related += [r for r in risks_of_task(project, task) if r not in related]
    if variance.kind is VarianceKind.KPI:
        related += [r for r in project.risks if names(f"{r.cause} {r.consequence}", variance.subject)]
    for risk in related:
        state = RiskStatus.OCCURRED.value if risk.status == RiskStatus.OCCURRED else risk.status
        out.append(f"risque {risk.id} ({state}) : {risk.title}")
    for row in project.progress:
        if row.task in tasks and row.comment and row.date <= board.status_date:
            out.append(f"avancement {row.task} au {french.date(row.date)} : {row.comment}")
    if variance.kind is VarianceKind.CPI:
        out += [f"coût {c.task or '—'} du {french.date(c.date)} : {c.comment}"
                for c in project.costs if c.comment and c.date <= board.status_date][-3:]
    if variance.kind is VarianceKind.KPI:
        out += [f"mesure du {french.date(m.date)} : {m.comment}" for m in project.measures
                if m.indicator == variance.subject and m.comment][-3:]
    return out or ["cause non documentée : à analyser en séance"]


def option_risks(project: Project, decision: Decision, option_id: str, name: str) -> list[Risk]:
    """Risks whose text names the option (its id or its name)."""
    found = []
    for risk in project.risks:
        text = f"{risk.title} {risk.cause} {risk.consequence} {risk.response}"
        if names(text, option_id) or (name and name.lower() in text.lower()):
            found.append(risk)
    return found


def decision_blocks(board: Dashboard) -> list[Block]:
    project = board.project
    pending = [d for d in project.decisions if not d.decided]
    taken = [d for d in project.decisions if d.decided]
    blocks: list[Block] = []
    if not pending:
        blocks.append(Paragraph("Aucune décision en attente : tous les choix étudiés sont arrêtés."))
    cur = project.settings.project.currency
    for decision in pending:
        blocks.append(Heading(decision.title, 3))
        columns = ("Option", "Coût", *(f"{c.name} (×{french.number(c.weight, 1)})"
                                        for c in decision.criteria), "Score pondéré",
                   "Risques de l'option")
        rows = []
        scored = []
        for option in decision.options:
            scores = dict(option.scores)
            weighted = weighted_score(decision, option)
            scored.append((weighted, option.id))
            risks = option_risks(project, decision, option.id, option.name)
            rows.append((f"{option.id} — {option.name}", french.money(option.cost, cur)
                         if option.cost is not None else "—",
                         *(french.number(scores[c.id], 1) if c.id in scores else "—"
                           for c in decision.criteria),
                         french.number(weighted, 2),
                         "; ".join(f"{r.id} ({r.criticality or '?'}) {r.title}" for r in risks)
                         or "aucun identifié"))
        blocks.append(Table(columns, tuple(rows), numeric=tuple(range(1, len(columns) - 1)),
                            caption=f"Matrice de décision ({decision.path})"))
        if scored:
            best = max(scored)
            blocks.append(Paragraph(f"Option la mieux notée : {best[1]} "
                                    f"({french.number(best[0], 2)}). Décision à prendre par "
                                    f"{decision.validated_by or 'le comité'}."))
    if taken:
        blocks.append(Bullets(tuple(f"{d.title} : « {d.decided} » retenu"
                                    + (f" le {french.date(d.date)}" if d.date else "")
                                    + (f" — {d.justification}" if d.justification else "")
                                    for d in taken)))
    return blocks


def milestone_state(board: Dashboard, task_id: str) -> str:
    """« atteint le 12/03/2026 » by its actual date, « dépassé » when its date has passed
    without being reached, « à venir » otherwise."""
    task, scheduled = board.project.task(task_id), board.schedule.by_id[task_id]
    reached = None if task is None else task.actual_finish or task.actual_start
    if reached is not None and reached <= board.status_date:
        return f"atteint le {french.date(reached)}"
    if board.evm.percent.get(task_id, 0) >= 100:
        return "atteint"
    return "dépassé" if scheduled.finish < board.status_date else "à venir"


def build(board: Dashboard) -> Report:
    project = board.project
    info = project.settings.project
    blocks: list[Block] = [Heading("Résultats au regard du plan"), key_figures(board),
                           *cost_warnings(board), evm_by_summary(board), s_curve_chart(board),
                           gantt_chart(board)]
    milestones = [t for t in board.schedule.tasks if t.milestone]
    if milestones:
        rows = tuple((t.id, t.name, french.date(t.finish), milestone_state(board, t.id))
                     for t in milestones[:30])
        blocks.append(Table(("Jalon", "Nom", "Date prévue", "État"), rows,
                            caption="Jalons"))
    blocks.append(Heading("Écarts et causes"))
    if board.variances:
        found = tuple((v.kind.french, v.message, french.date(v.detected),
                       " ; ".join(causes(board, v)),
                       v.analysed_by or "à analyser") for v in board.variances)
        blocks.append(Table(("Écart", "Constat", "Depuis", "Causes", "Analyse"), found,
                            highlight=tuple(i for i, v in enumerate(board.variances)
                                            if not v.analysed_by)))
    else:
        blocks.append(Paragraph("Aucun écart au-delà des seuils (échéance, SPI/CPI < 0,9, "
                                "indicateurs sur leur trajectoire).", "ok"))
    blocks += [Heading("Décisions à prendre"), *decision_blocks(board)]
    blocks += [Heading("Risques"), *top_risk_blocks(board, 10), *heat_map_blocks(board)]
    blocks.append(Heading("Plan d'actions"))
    late = overdue(board.actions)
    blocks.append(Paragraph(
        f"{french.count(len(board.actions), 'action')}, "
        f"{french.count(sum(a.open for a in board.actions), 'ouverte')}, "
        f"{len(late)} en retard ; taux de clôture {french.share(closure_rate(board.actions))}, "
        f"tenue des échéances {french.share(on_time_rate(board.actions))}."))
    if board.actions:
        owners = tally(board.actions, "owner")
        blocks.append(Table(("Responsable", "Total", "Ouvertes", "En retard", "Faites",
                             "Abandonnées"),
                            tuple((t.key, str(t.total), str(t.open), str(t.overdue), str(t.done),
                                   str(t.abandoned)) for t in owners), numeric=(1, 2, 3, 4, 5)))
    if late:
        blocks.append(action_table(late))
    if board.indicators:
        blocks += [Heading("Indicateurs"), indicator_table(board.indicators),
                   *indicator_charts(board, board.indicators)]
    blocks += [Heading("Budget : état d'engagement prévisionnel"), commitment_table(board),
               commitment_chart(board)]
    return Report(f"Comité de pilotage — {info.title}",
                  f"Projet {info.id} · situation au {french.long_date(board.status_date)}",
                  tuple(blocks))
