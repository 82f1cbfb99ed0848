"""Blocks shared by the reports: EVM, risks, actions, indicators, and their charts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from cockpit import french
from cockpit.finance import Evm
from cockpit.report.document import Block, Chart, GanttBar, Paragraph, Series, Table
from cockpit.steering.actions import ActionView
from cockpit.steering.dashboard import Dashboard, unrecorded_labour_sentence
from cockpit.steering.indicators import IndicatorView
from cockpit.steering.risks import RiskView, risk_matrix, top_risks

MAX_ROWS = 30
GANTT_ROWS = 40


def more(total: int, shown: int, what: str) -> list[Block]:
    if total > shown:
        return [Paragraph(f"… et {french.count(total - shown, 'autre ' + what)} (voir « cockpit status "
                          "--format json » pour la liste complète).")]
    return []


def evm_columns() -> tuple[str, ...]:
    return ("Élément", "BAC", "PV", "EV", "AC", "SPI", "CPI", "EAC", "VAC")


def evm_row(label: str, e: Evm, currency: str) -> tuple[str, ...]:
    m = french.money
    return (label, m(e.bac, currency), m(e.pv, currency), m(e.ev, currency), m(e.ac, currency),
            french.ratio(e.spi), french.ratio(e.cpi), m(e.eac, currency), m(e.vac, currency))


def key_figures(board: Dashboard) -> Table:
    """The project's EVM and schedule at a glance."""
    e = board.evm.project
    cur = board.project.settings.project.currency
    m = french.money
    schedule = board.schedule
    deadline = board.project.settings.project.deadline
    finish = french.date(schedule.finish)
    if deadline is not None:
        finish += (f" (échéance {french.date(deadline)}, "
                   + (f"retard de {schedule.late} j ouvrés)" if schedule.late else "tenue)"))
    rows = [
        ("Avancement (EV / BAC)", french.percent(e.percent_complete, 1)),
        ("Consommé (AC / BAC)", french.percent(e.percent_spent, 1)),
        ("Budget à l'achèvement (BAC)", m(e.bac, cur)),
        ("Valeur planifiée (PV)", m(e.pv, cur)),
        ("Valeur acquise (EV)", m(e.ev, cur)),
        ("Coût réel (AC)", m(e.ac, cur)),
        ("Écart de délai (SV = EV − PV)", m(e.sv, cur)),
        ("Écart de coût (CV = EV − AC)", m(e.cv, cur)),
        ("Indice de performance des délais (SPI)", french.ratio(e.spi)),
        ("Indice de performance des coûts (CPI)", french.ratio(e.cpi)),
        ("Estimation à l'achèvement (EAC)", f"{m(e.eac, cur)} — {e.eac_method.french}"),
        ("Reste à faire estimé (ETC)", m(e.etc, cur)),
        ("Écart à l'achèvement (VAC)", m(e.vac, cur)),
        ("Performance requise (TCPI)", french.ratio(e.tcpi)),
        ("Fin prévue", finish),
    ]
    envelope = board.project.budget.envelope
    if envelope is not None:
        rows.insert(3, ("Enveloppe (provision comprise)",
                        f"{m(envelope, cur)} dont provision {m(board.project.budget.contingency, cur)}"))
    return Table(("Indicateur", "Valeur"), tuple(rows), numeric=(1,))


def cost_warnings(board: Dashboard) -> list[Block]:
    """What the actual cost does not include yet, said wherever AC, CPI or EAC is shown."""
    tasks = board.evm.unrecorded_labour
    return [Paragraph(unrecorded_labour_sentence(tasks).capitalize() + ".", "warning")] \
        if tasks else []


def evm_by_summary(board: Dashboard, max_level: int = 0) -> Table:
    cur = board.project.settings.project.currency
    rows = [evm_row(f"{t.wbs} {t.name}", board.evm.tasks[t.id], cur)
            for t in board.schedule.tasks if t.level <= max_level and t.id in board.evm.tasks]
    rows.append(evm_row("Projet", board.evm.project, cur))
    return Table(evm_columns(), tuple(rows), numeric=tuple(range(1, 9)))


def s_curve_chart(board: Dashboard) -> Chart:
    points = board.curve
    past = [p for p in points if p.ev is not None]
    return Chart(
        "lines", "Courbe en S : valeur planifiée, valeur acquise, coût réel", series=(
            Series("PV", tuple(p.date for p in points), tuple(float(p.pv) for p in points)),
            Series("EV", tuple(p.date for p in past), tuple(float(p.ev or 0) for p in past)),
            Series("AC", tuple(p.date for p in past), tuple(float(p.ac or 0) for p in past)),
        ), status_date=board.status_date, y_label=board.project.settings.project.currency,
        levels=(("BAC", float(board.evm.project.bac)),))


def commitment_table(board: Dashboard) -> Table:
    cur = board.project.settings.project.currency
    m = french.money
    rows = []
    highlight = []
    for index, month in enumerate(board.commitments):
        margin = month.margin
        if margin is not None and margin < 0:
            highlight.append(index)
        rows.append((french.month(month.month), m(month.planned, cur), m(month.actual, cur),
                     m(month.forecast, cur), m(month.cumulative_planned, cur),
                     m(month.cumulative_forecast, cur), m(margin, cur)))
    return Table(("Mois", "Prévu", "Réel", "Prévision", "Cumul prévu", "Cumul prévision",
                  "Marge sur enveloppe"), tuple(rows), numeric=tuple(range(1, 7)),
                 caption="État d'engagement prévisionnel (réel jusqu'à la date d'état, "
                 "prévu ensuite)", highlight=tuple(highlight))


def commitment_chart(board: Dashboard) -> Chart:
    months = board.commitments
    envelope = board.project.budget.envelope
    return Chart(
        "lines", "Engagements cumulés et enveloppe", series=(
            Series("Cumul prévu", tuple(m.month for m in months),
                   tuple(float(m.cumulative_planned) for m in months), "-o"),
            Series("Cumul prévision", tuple(m.month for m in months),
                   tuple(float(m.cumulative_forecast) for m in months), "-s"),
        ), status_date=board.status_date, y_label=board.project.settings.project.currency,
        levels=(("Enveloppe", float(envelope)),) if envelope is not None else ())


def risk_table(risks: Sequence[RiskView]) -> Table:
    rows = []
    for r in risks:
        risk = r.risk
        scale = f"{r.criticality}/{r.scale}" if r.criticality is not None else french.NA
        rows.append((risk.id, risk.title, str(risk.probability or "—"), str(risk.impact or "—"),
                     str(risk.detection or "—"), scale, r.level.french if r.level else "—",
                     f"{r.trend.arrow} {r.trend.french}", risk.owner or "—",
                     risk.response or "—"))
    return Table(("Risque", "Intitulé", "P", "I", "D", "Criticité", "Niveau", "Tendance",
                  "Responsable", "Réponse"), tuple(rows), numeric=(2, 3, 4, 5))


def top_risk_blocks(board: Dashboard, count: int = 5) -> list[Block]:
    top = top_risks(board.risks, count)
    if not top:
        return [Paragraph("Aucun risque actif évalué.")]
    return [risk_table(top)]


def heat_map_blocks(board: Dashboard) -> list[Block]:
    grid = risk_matrix(board.risks)
    rows = tuple((str(p), *(", ".join(grid.cells[p - 1][i - 1]) or "·" for i in range(1, 6)))
                 for p in range(5, 0, -1))
    return [Table(("P \\ I", "1", "2", "3", "4", "5"), rows,
                  caption="Cartographie des risques actifs (probabilité × impact)"),
            Chart("heatmap", "Cartographie des risques", grid=grid.cells)]


def action_table(actions: Iterable[ActionView]) -> Table:
    rows = []
    for a in actions:
        act = a.action
        rows.append((act.id, act.what, act.who or "—", french.date(act.due), act.status,
                     f"{a.days_late} j" if a.overdue else "—",
                     ", ".join(a.named_in) or act.origin or "—"))
    return Table(("Action", "Quoi", "Qui", "Échéance", "Statut", "Retard", "Origine / compte rendu"),
                 tuple(rows), numeric=(5,))


def indicator_table(indicators: Sequence[IndicatorView]) -> Table:
    rows = []
    highlight = []
    for index, k in enumerate(indicators):
        ind = k.indicator
        unit = f" {ind.unit}" if ind.unit else ""

        def value(v: float | None, unit: str = unit) -> str:
            return french.NA if v is None else french.number(v, 2).rstrip("0").rstrip(",") + unit

        state = ("atteinte" if k.on_target else "hors trajectoire" if k.off_track
                 else "en cours" if k.on_target is not None else "—")
        if k.late:
            state += " ; mesure en retard"
        if k.off_track or k.late:
            highlight.append(index)
        rows.append((ind.id, ind.name, value(ind.baseline), value(ind.target),
                     value(k.latest.value if k.latest else None),
                     french.date(k.latest.date) if k.latest else "—",
                     french.share(k.attainment), f"{k.trend.arrow} {k.trend.french}", state))
    return Table(("Indicateur", "Nom", "Initial", "Cible", "Dernière mesure", "Le", "Chemin parcouru",
                  "Tendance", "État"), tuple(rows), numeric=(2, 3, 4, 6),
                 highlight=tuple(highlight))


def indicator_charts(board: Dashboard, indicators: Sequence[IndicatorView],
                     max_charts: int = 8) -> list[Block]:
    """Trend charts, those off target or late first, at most `max_charts`."""
    out: list[Block] = []
    drawn = [k for k in indicators if len(k.measures) >= 2]
    drawn.sort(key=lambda k: not (k.off_track or k.late))
    for k in drawn[:max_charts]:
        levels = []
        if k.indicator.target is not None:
            levels.append(("Cible", k.indicator.target))
        if k.indicator.baseline is not None:
            levels.append(("Situation initiale", k.indicator.baseline))
        out.append(Chart("lines", f"{k.id} — {k.indicator.name}", series=(
            Series(k.id, tuple(m.date for m in k.measures), tuple(m.value for m in k.measures),
                   "-o"),), status_date=board.status_date, y_label=k.indicator.unit,
            levels=tuple(levels)))
    if len(drawn) > max_charts:
        out.append(Paragraph(f"Courbes de {max_charts} indicateurs sur {len(drawn)} : les autres "
                             "figurent dans le tableau ci-dessus."))
    return out


def gantt_chart(board: Dashboard, max_rows: int = GANTT_ROWS) -> Chart:
    """Top-level summaries and the critical tasks, within `max_rows`."""
    schedule = board.schedule
    critical = set(schedule.critical_path)
    picked = [t for t in schedule.tasks if (t.summary and t.level == 0) or t.id in critical]
    if len(picked) > max_rows:
        picked = sorted(picked, key=lambda t: (not t.summary, t.es))[:max_rows]
        picked.sort(key=lambda t: (t.es, t.wbs))
    percent = board.evm.percent
    return Chart("gantt", "Planning : lots et tâches critiques", bars=tuple(
        GanttBar(f"{t.wbs} {t.name}"[:48], t.start, t.finish, t.critical, t.milestone, t.summary,
                 float(percent.get(t.id, 0))) for t in picked), status_date=board.status_date)


def late_tasks(board: Dashboard) -> list[tuple[str, str, dt.date, float, float]]:
    """Tasks under way or due at the status date: (id, name, planned finish, planned %, actual %)."""
    cal = board.schedule.calendar
    boundary = cal.boundary_after(board.status_date)
    out = []
    for t in board.schedule.tasks:
        if t.summary or t.milestone or t.es >= boundary:
            continue
        actual = float(board.evm.percent.get(t.id, 0))
        if actual >= 100:
            continue
        planned = min(100.0, 100.0 * (boundary - t.es) / max(1, t.ef - t.es))
        out.append((t.id, t.name, t.finish, planned, actual))
    return sorted(out, key=lambda r: (-(r[3] - r[4]), r[2], r[0]))
