"""The weekly dashboard (`cockpit report status`): loads week by week, progress, critical
tasks, overdue actions, top risks, indicators."""

from __future__ import annotations

import datetime as dt

from cockpit import french
from cockpit.report.document import Block, Chart, Heading, Paragraph, Report, Table
from cockpit.report.sections import (
    MAX_ROWS,
    action_table,
    cost_warnings,
    gantt_chart,
    heat_map_blocks,
    indicator_table,
    key_figures,
    late_tasks,
    more,
    s_curve_chart,
    top_risk_blocks,
)
from cockpit.steering.actions import closure_rate, overdue
from cockpit.steering.dashboard import Dashboard

WEEKS_BEFORE, WEEKS_AFTER = 1, 6


def load_blocks(board: Dashboard) -> list[Block]:
    """Each person's load and capacity in days, week by week around the status date."""
    from cockpit.schedule.load import compute_load

    load = compute_load(board.project, board.schedule)
    iso = board.status_date.isocalendar()
    monday = board.status_date - dt.timedelta(days=iso.weekday - 1)
    first = monday - dt.timedelta(weeks=WEEKS_BEFORE)
    last = monday + dt.timedelta(weeks=WEEKS_AFTER)
    mondays = [first + dt.timedelta(weeks=k) for k in range(WEEKS_BEFORE + WEEKS_AFTER + 1)]
    labels = tuple(f"S{d.isocalendar().week:02d} ({d.strftime('%d/%m')})" for d in mondays)
    rows: list[tuple[str, ...]] = []
    highlight = []
    totals = [0.0] * len(mondays)
    capacity = [0.0] * len(mondays)
    for resource in load.resources:
        weeks = {w.monday: w for w in resource.weeks if first <= w.monday <= last}
        if not any(w.load for w in weeks.values()):
            continue
        cells = []
        over = False
        for k, day in enumerate(mondays):
            week = weeks.get(day)
            if week is None:
                cells.append("—")
                continue
            totals[k] += week.load
            capacity[k] += week.capacity
            mark = " ⚠" if week.over_days else ""
            over = over or bool(week.over_days)
            cells.append(f"{french.number(week.load, 1)} / {french.number(week.capacity, 1)}{mark}")
        if over:
            highlight.append(len(rows))
        rows.append((resource.name, *cells))
    if not rows:
        return [Paragraph("Aucune charge planifiée sur ces semaines.")]
    over_count = sum(1 for r in load.resources for o in r.over
                     if first <= o.last and o.first <= last + dt.timedelta(days=6))
    blocks: list[Block] = [Table(("Ressource", *labels), tuple(rows),
                                 numeric=tuple(range(1, len(labels) + 1)),
                                 caption="Charge / capacité en jours ; ⚠ : surcharge",
                                 highlight=tuple(highlight))]
    if over_count:
        blocks.insert(0, Paragraph(f"{french.count(over_count, 'période')} de surcharge sur ces semaines.",
                                   "warning"))
    blocks.append(Chart("bars", "Charge et capacité de l'équipe (jours)", labels=labels,
                        values=(("Charge", tuple(totals)), ("Capacité", tuple(capacity))),
                        y_label="jours"))
    return blocks


def build(board: Dashboard) -> Report:
    project = board.project
    info = project.settings.project
    day = board.status_date
    blocks: list[Block] = [Heading("Synthèse"), key_figures(board), *cost_warnings(board)]
    late_variances = [v for v in board.variances if not v.analysed_by]
    if late_variances:
        blocks.append(Paragraph(f"{french.count(len(late_variances), 'écart')} à analyser : "
                                + " ; ".join(v.message for v in late_variances[:5]), "warning"))
    blocks += [Heading("Charges semaine par semaine"), *load_blocks(board)]
    blocks += [Heading("Avancement"), s_curve_chart(board)]
    tasks = late_tasks(board)
    if tasks:
        rows = tuple((tid, name, french.date(finish), french.percent(planned), french.percent(actual),
                      french.signed(actual - planned))
                     for tid, name, finish, planned, actual in tasks[:MAX_ROWS])
        blocks.append(Table(("Tâche", "Nom", "Fin prévue", "% prévu", "% réel", "Écart (points)"),
                            rows, numeric=(3, 4, 5),
                            caption="Tâches commencées ou dues, non terminées",
                            highlight=tuple(i for i, r in enumerate(tasks[:MAX_ROWS])
                                            if r[4] < r[3])))
        blocks += more(len(tasks), MAX_ROWS, "tâche")
    else:
        blocks.append(Paragraph("Aucune tâche en cours à la date d'état."))
    blocks += [Heading("Tâches critiques"), gantt_chart(board)]
    boundary = board.schedule.calendar.boundary_after(day)
    critical = [board.schedule.by_id[t] for t in board.schedule.critical_path]
    upcoming = [t for t in critical if t.ef > boundary or board.evm.percent.get(t.id, 0) < 100]
    if upcoming:
        rows = tuple((t.id, t.name, french.date(t.start), french.date(t.finish),
                      french.days(t.total_float), french.percent(board.evm.percent.get(t.id)))
                     for t in upcoming[:MAX_ROWS])
        blocks.append(Table(("Tâche", "Nom", "Début", "Fin", "Marge totale", "% réel"), rows,
                            numeric=(4, 5)))
        blocks += more(len(upcoming), MAX_ROWS, "tâche critique")
    else:
        blocks.append(Paragraph("Aucune tâche critique restante."))
    late_actions = overdue(board.actions)
    blocks.append(Heading("Actions en retard"))
    rate = closure_rate(board.actions)
    late = french.count(len(late_actions), "action")
    blocks.append(Paragraph(f"{late} en retard sur {len(board.actions)} ; "
                            f"taux de clôture {french.share(rate)}."))
    if late_actions:
        blocks.append(action_table(late_actions[:MAX_ROWS]))
        blocks += more(len(late_actions), MAX_ROWS, "action")
    blocks += [Heading("Risques principaux"), *top_risk_blocks(board), *heat_map_blocks(board)[1:]]
    if board.indicators:
        blocks += [Heading("Indicateurs"), indicator_table(board.indicators)]
    week = day.isocalendar().week
    return Report(f"Tableau de bord — {info.title}",
                  f"Projet {info.id} · situation au {french.long_date(day)} (semaine {week})",
                  tuple(blocks))
