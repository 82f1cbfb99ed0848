"""The assessment (`cockpit report rex`, bilan): resources, costs and delays actually used
against the initial estimates, objectives reached, indicators, and the headings of the
technical, organisational and economic analysis.

The initial estimate is the plan without any actual date: the same wbs.toml durations,
dependencies and rates, scheduled as if nothing had happened yet. When baselines/ holds
saved plans, the earliest one gives the initial dates.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from cockpit import french
from cockpit.finance import plan_costs
from cockpit.finance.curves import pandas
from cockpit.report.document import Block, Bullets, Heading, Paragraph, Report, Table
from cockpit.report.sections import cost_warnings, indicator_charts, indicator_table
from cockpit.schedule import Schedule, compute_schedule
from cockpit.steering.dashboard import Dashboard

ZERO = Decimal(0)
ANALYSIS = (
    ("Analyse technique", (
        "Les solutions retenues ont-elles répondu aux exigences (performances, qualité) ?",
        "Quelles difficultés techniques, quelles solutions, quels points à standardiser ?")),
    ("Analyse organisationnelle", (
        "Le pilotage (réunions, comités, tableaux de bord) a-t-il permis de traiter les écarts "
        "à temps ?",
        "Rôles, communication, mobilisation des acteurs : ce qui a fonctionné, ce qui est à revoir.")),
    ("Analyse économique", (
        "Écart entre coût prévu et coût réel, et ses causes.",
        "Gains obtenus au regard des objectifs (productivité, qualité, délais) et retour sur "
        "investissement.")),
    ("Enseignements et pistes de progrès", (
        "Ce que l'on refera, ce que l'on fera autrement sur le prochain projet.",
        "Les actions d'amélioration à porter (responsable, échéance).")),
)


def initial_schedule(board: Dashboard) -> Schedule:
    """The plan as estimated before any fact: the same project without actual dates."""
    project = board.project
    stripped = tuple(dataclasses.replace(t, actual_start=None, actual_finish=None)
                     for t in project.tasks)
    return compute_schedule(dataclasses.replace(project, tasks=stripped), board.schedule.calendar)


def delay_blocks(board: Dashboard, initial: Schedule) -> list[Block]:
    cal = board.schedule.calendar
    rows = []
    for task in board.schedule.tasks:
        if task.level > 0:
            continue
        before = initial.by_id.get(task.id)
        if before is None:
            continue
        slip = cal.boundary_after(task.finish) - cal.boundary_after(before.finish)
        rows.append((f"{task.wbs} {task.name}", french.date(before.start), french.date(task.start),
                     french.date(before.finish), french.date(task.finish),
                     french.days(before.ef - before.es), french.days(task.ef - task.es),
                     french.signed(slip)))
    slip = board.schedule.finish_boundary - initial.finish_boundary
    rows.append(("Projet", french.date(initial.start), french.date(board.schedule.start),
                 french.date(initial.finish), french.date(board.schedule.finish),
                 french.days(initial.finish_boundary), french.days(board.schedule.finish_boundary),
                 french.signed(slip)))
    deadline = board.project.settings.project.deadline
    blocks: list[Block] = [Table(
        ("Élément", "Début estimé", "Début réel", "Fin estimée", "Fin réelle ou prévue",
         "Durée estimée", "Durée réelle", "Écart (j ouvrés)"), tuple(rows),
        numeric=(5, 6, 7), caption="Délais : estimation initiale et réalisé")]
    if deadline is not None:
        verdict = ("tenue" if board.schedule.late == 0
                   else f"dépassée de {board.schedule.late} j ouvrés")
        blocks.append(Paragraph(f"Échéance contractuelle du {french.date(deadline)} : {verdict}.",
                                "ok" if board.schedule.late == 0 else "warning"))
    return blocks


def cost_blocks(board: Dashboard, initial: Schedule) -> list[Block]:
    project = board.project
    cur = project.settings.project.currency
    estimate = plan_costs(project, initial)
    initial_total: dict[str, Decimal] = {t: c.total for t, c in estimate.costs.items()}
    for task in sorted(initial.tasks, key=lambda t: -t.level):
        if task.parent:
            initial_total[task.parent] = initial_total.get(task.parent, ZERO) + initial_total[task.id]
    m = french.money
    rows = []
    for task in board.schedule.tasks:
        if task.level > 0 or task.id not in board.evm.tasks:
            continue
        e = board.evm.tasks[task.id]
        first = initial_total.get(task.id, ZERO)
        rows.append((f"{task.wbs} {task.name}", m(first, cur), m(e.ac, cur), m(e.eac, cur),
                     m(e.eac - first, cur)))
    e = board.evm.project
    rows.append(("Projet", m(estimate.bac, cur), m(e.ac, cur), m(e.eac, cur),
                 m(e.eac - estimate.bac, cur)))
    blocks: list[Block] = [Table(("Élément", "Estimation initiale", "Coût réel (AC)",
                                  "Coût final estimé (EAC)", "Écart"), tuple(rows),
                                 numeric=(1, 2, 3, 4), caption="Coûts : estimation initiale et réalisé")]
    envelope = project.budget.envelope
    if envelope is not None:
        blocks.append(Paragraph(f"Enveloppe {m(envelope, cur)} (dont provision "
                                f"{m(project.budget.contingency, cur)}) ; coût final estimé "
                                f"{m(e.eac, cur)}, soit {m(envelope - e.eac, cur)} de marge.",
                                "ok" if e.eac <= envelope else "warning"))
    blocks += cost_warnings(board)
    blocks += category_blocks(board)
    return blocks


def category_blocks(board: Dashboard) -> list[Block]:
    """Planned lines and actual costs per category (aggregated with pandas)."""
    project = board.project
    rows = [("main-d'œuvre (prévue)", "planned", c.labour) for c in board.planned.costs.values()
            if c.labour]
    rows += [(line.category or "—", "planned", line.amount) for line in project.budget_lines]
    rows += [(c.category or "—", "actual", c.amount) for c in project.costs
             if c.date <= board.status_date]
    if not rows:
        return []
    pd = pandas()
    frame = pd.DataFrame(rows, columns=["category", "kind", "amount"])
    table = frame.pivot_table(index="category", columns="kind", values="amount", aggfunc="sum",
                              fill_value=ZERO)
    cur = project.settings.project.currency
    out = []
    for category in table.index:
        planned = table.at[category, "planned"] if "planned" in table.columns else ZERO
        actual = table.at[category, "actual"] if "actual" in table.columns else ZERO
        out.append((str(category), french.money(planned, cur), french.money(actual, cur)))
    return [Table(("Catégorie", "Prévu", "Réel"), tuple(out), numeric=(1, 2),
                  caption="Coûts par catégorie")]


def resource_blocks(board: Dashboard, initial: Schedule) -> list[Block]:
    """Days planned per person in the initial estimate, and days used up to the status date."""
    cal = board.schedule.calendar
    boundary = cal.boundary_after(board.status_date)
    planned: dict[str, float] = {}
    used: dict[str, float] = {}
    for task in initial.tasks:
        if not task.summary:
            for resource, share in task.resources:
                planned[resource] = planned.get(resource, 0.0) + share * (task.ef - task.es)
    for task in board.schedule.tasks:
        if not task.summary:
            elapsed = min(max(boundary - task.es, 0), task.ef - task.es)
            for resource, share in task.resources:
                used[resource] = used.get(resource, 0.0) + share * elapsed
    rows = []
    for member in board.project.settings.team:
        p, u = planned.get(member.id, 0.0), used.get(member.id, 0.0)
        if p or u:
            rows.append((member.name, member.role or "—", french.number(p, 1),
                         french.number(u, 1), french.signed(u - p, 1)))
    if not rows:
        return [Paragraph("Aucune ressource affectée aux tâches.")]
    return [Table(("Ressource", "Rôle", "Jours estimés", "Jours consommés", "Écart"), tuple(rows),
                  numeric=(2, 3, 4),
                  caption="Ressources : jours estimés et consommés (selon les dates réelles et "
                  "le planning jusqu'à la date d'état)")]


def objective_blocks(board: Dashboard) -> list[Block]:
    objectives = board.project.settings.objectives
    if not objectives:
        return [Paragraph("Aucun objectif défini dans cockpit.toml.")]
    views = {k.id: k for k in board.indicators}
    items = []
    for o in objectives:
        k = views.get(o.indicator)
        if k is None or k.latest is None:
            verdict = "non mesuré"
        else:
            unit = f" {k.indicator.unit}" if k.indicator.unit else ""
            reached = "atteint" if k.on_target else "non atteint"
            verdict = (f"{reached} : {french.number(k.latest.value, 2)}{unit} le "
                       f"{french.date(k.latest.date)} pour une cible de "
                       f"{french.number(k.indicator.target, 2)}{unit} (initial "
                       f"{french.number(k.indicator.baseline, 2)}{unit})")
        items.append(f"{o.id} — {o.statement} : {verdict}")
    return [Bullets(tuple(items))]


def build(board: Dashboard) -> Report:
    info = board.project.settings.project
    initial = initial_schedule(board)
    blocks: list[Block] = [
        Heading("Délais"), *delay_blocks(board, initial),
        Heading("Coûts"), *cost_blocks(board, initial),
        Heading("Ressources"), *resource_blocks(board, initial),
        Heading("Objectifs atteints"), *objective_blocks(board),
    ]
    if board.indicators:
        blocks += [Heading("Indicateurs"), indicator_table(board.indicators),
                   *indicator_charts(board, board.indicators)]
    for title, prompts in ANALYSIS:
        blocks += [Heading(title), Bullets(prompts)]
    return Report(f"Bilan du projet — {info.title}",
                  f"Projet {info.id} · bilan au {french.long_date(board.status_date)}",
                  tuple(blocks))
