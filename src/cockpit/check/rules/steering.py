"""Budget (B…) and steering (P…): envelope, risks, indicators, unanalysed variances."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from cockpit import french
from cockpit.check.registry import check
from cockpit.diagnostics.diagnostic import Diagnostic, Severity
from cockpit.diagnostics.registry import define
from cockpit.model import Risk
from cockpit.state import ProjectState
from cockpit.steering.dashboard import unrecorded_labour_sentence
from cockpit.steering.risks import ReviewPeriod, review_period
from cockpit.steering.variances import BASELINE_SLIP, VarianceKind

WARNING = Severity.WARNING

ENVELOPE_EXCEEDED = define(
    "B001", WARNING, "Budget prévu et provision au-delà de l'enveloppe",
    "L'enveloppe (budget.toml, `envelope`) est le plafond alloué, provision pour risques "
    "comprise. Le budget à l'achèvement (BAC : main-d'œuvre prévue + lignes budgétaires) "
    "augmenté de la provision (`contingency`) ne doit pas la dépasser.",
    "[budget]\nenvelope = 185000\ncontingency = 12000   # BAC = 180 000 € : 192 000 € > 185 000 €",
    "Réduisez le prévu, la provision, ou faites réviser l'enveloppe par le commanditaire.",
)
LABOUR_UNRECORDED = define(
    "B002", WARNING, "Main-d'œuvre non saisie dans costs.csv",
    "Le coût réel (CR), main-d'œuvre comprise, vient seulement de costs.csv. Des tâches dont "
    "l'équipe a un taux ont commencé (dates réelles ou avancement) sans aucune ligne de "
    "main-d'œuvre (catégorie « main-d'œuvre », « temps passé »…) : le CR est trop bas, le CPI "
    "trop bon et l'EAC trop optimiste d'autant.",
    "2026-03-31,cdc,main-d'œuvre,4160,TS-03,Temps passés de mars   # costs.csv",
    "Saisissez dans costs.csv les temps passés de ces tâches (catégorie « main-d'œuvre »), "
    "au moins une ligne par mois.",
)
RISK_NO_OWNER = define(
    "P001", WARNING, "Risque actif sans responsable",
    "Un risque ouvert, surveillé ou survenu a un responsable (`owner`) qui suit sa réponse.",
    '[[risk]]\nid = "R2"\ntitle = "Retard de livraison du robot"\nowner = "bdupont"',
    "Ajoutez owner = \"…\" (un id de l'équipe ou des parties prenantes).",
)
RISK_NO_RESPONSE = define(
    "P002", WARNING, "Risque actif sans réponse",
    "Un risque actif que l'on n'accepte pas a une réponse (`response`) : ce que l'on fait "
    "pour l'éviter, le réduire ou le transférer.",
    'strategy = "réduire"\nresponse = "Commande anticipée, pénalités de retard au contrat"',
    "Décrivez la réponse, ou écrivez strategy = \"accepter\" si le risque est accepté.",
)
RISK_NO_REVIEW = define(
    "P003", WARNING, "Risque actif sans date de revue",
    "Un risque actif est réévalué régulièrement : `review` donne la date de sa prochaine revue.",
    "review = 2026-05-15",
    "Ajoutez review = AAAA-MM-JJ.",
)
RISK_REVIEW_OVERDUE = define(
    "P004", WARNING, "Revue de risque dépassée",
    "« review » est la date de la dernière revue du risque. Un risque ouvert se revoit au "
    "rythme du pilotage du projet : sa dernière revue est plus ancienne que la fréquence de "
    "l'instance de pilotage la moins fréquente de cockpit.toml (30 jours sans fréquence "
    "donnée), ou sa prochaine revue prévue (« next_review ») est passée à la date d'état.",
    "review = 2026-02-02     # COPIL mensuel, date d'état 2026-04-17 : 74 jours sans revue",
    "Réévaluez le risque (probabilité, impact), puis notez la date du jour dans « review ».",
)
MEASURE_LATE = define(
    "P005", WARNING, "Mesure d'indicateur en retard",
    "Un indicateur se mesure à la fréquence qu'il annonce ; à la date d'état, la dernière "
    "mesure (measures.csv) date de plus d'une période.",
    'frequency = "hebdomadaire"    # dernière mesure le 2026-03-20, date d\'état 2026-04-17',
    "Ajoutez la mesure manquante à measures.csv, ou corrigez la fréquence.",
)
DEADLINE_UNANALYSED = define(
    "P010", WARNING, "Dépassement d'échéance non analysé",
    "Le planning finit après l'échéance contractuelle. Un écart se traite : une réunion "
    "ou un rapport daté d'après l'écart l'analyse (causes, options, décision) et nomme "
    "une tâche du chemin critique.",
    "## Écarts\nLa tâche essais-3 (chemin critique) glisse de 8 jours : …",
    "Analysez l'écart dans le compte rendu du prochain COPIL en nommant la tâche concernée.",
)
BASELINE_UNANALYSED = define(
    "P011", WARNING, "Glissement du chemin critique non analysé",
    f"Une tâche critique finit au moins {BASELINE_SLIP} jours ouvrés après le planning de "
    "référence (baselines/). Une réunion ou un rapport daté d'après l'écart l'analyse et "
    "nomme la tâche.",
    "## Écarts\ninstallation : +7 j par rapport à la référence v1, cause : …",
    "Analysez le glissement dans un compte rendu ou un rapport en nommant la tâche.",
)
INDEX_UNANALYSED = define(
    "P012", WARNING, "SPI ou CPI sous 0,9 non analysé",
    "Un indice de performance (SPI : délais, CPI : coûts) sous 0,9 est un écart à traiter : "
    "une réunion ou un rapport daté d'après son apparition l'analyse et le nomme (SPI, CPI) "
    "ou nomme le projet.",
    "## Écarts\nCPI à 0,84 : dépassement sur l'achat du convoyeur, …",
    "Analysez l'écart dans le prochain compte rendu (citez SPI ou CPI) et décidez des actions.",
)
KPI_UNANALYSED = define(
    "P013", WARNING, "Indicateur hors trajectoire non analysé",
    "La dernière mesure de l'indicateur est en retrait de la trajectoire qui mène de sa "
    "situation initiale à sa cible (tolérance 10 %). Une réunion ou un rapport daté d'après "
    "la mesure analyse l'écart et nomme l'indicateur.",
    "## Écarts\nK1 à 171 s pour 160 s attendues : réglages de la torche, …",
    "Analysez l'écart en nommant l'indicateur (ex. K1) dans le prochain compte rendu.",
)
VARIANCE_RULES = {VarianceKind.DEADLINE: DEADLINE_UNANALYSED,
                  VarianceKind.BASELINE: BASELINE_UNANALYSED,
                  VarianceKind.SPI: INDEX_UNANALYSED, VarianceKind.CPI: INDEX_UNANALYSED,
                  VarianceKind.KPI: KPI_UNANALYSED}


@check(ENVELOPE_EXCEEDED)
def envelope(ctx: ProjectState) -> Iterator[Diagnostic]:
    budget = ctx.project.budget
    if budget.envelope is None or not (ctx.project.tasks or ctx.project.budget_lines):
        return
    bac = ctx.dashboard.planned.bac
    if bac + budget.contingency > budget.envelope:
        currency = ctx.project.settings.project.currency
        yield ENVELOPE_EXCEEDED.at(
            budget.source.file or "budget.toml", budget.source.line_of("envelope"),
            f"BAC {french.money(bac, currency)} + provision "
            f"{french.money(budget.contingency, currency)} = "
            f"{french.money(bac + budget.contingency, currency)}, au-delà de l'enveloppe de "
            f"{french.money(budget.envelope, currency)}")


@check(LABOUR_UNRECORDED)
def labour(ctx: ProjectState) -> Iterator[Diagnostic]:
    tasks = ctx.dashboard.unrecorded_labour
    if tasks:
        yield LABOUR_UNRECORDED.at("costs.csv", 1, unrecorded_labour_sentence(tasks))


def review_overdue(risk: Risk, what: str, status_date: dt.date, period: ReviewPeriod) -> Diagnostic:
    source = risk.source
    if risk.next_review is not None and risk.next_review < status_date:
        return RISK_REVIEW_OVERDUE.at(
            source.file, source.line_of("next_review"),
            f"{what} : prochaine revue prévue le {french.date(risk.next_review)}, dépassée à "
            f"la date d'état du {french.date(status_date)}")
    assert risk.review is not None
    days = (status_date - risk.review).days
    return RISK_REVIEW_OVERDUE.at(
        source.file, source.line_of("review"),
        f"{what} : dernière revue le {french.date(risk.review)}, il y a {days} jours à la date "
        f"d'état du {french.date(status_date)} (une revue au moins tous les {period.days} jours : "
        f"{period.french})")


@check(RISK_NO_OWNER, RISK_NO_RESPONSE, RISK_NO_REVIEW, RISK_REVIEW_OVERDUE)
def risk_register(ctx: ProjectState) -> Iterator[Diagnostic]:
    board = ctx.dashboard
    period = review_period(ctx.project)
    for view in board.risks:
        source = view.risk.source
        what = f"risque « {view.id} » ({view.risk.title})"
        if "owner" in view.missing:
            yield RISK_NO_OWNER.at(source.file, source.line, f"{what} sans responsable")
        if "response" in view.missing:
            yield RISK_NO_RESPONSE.at(source.file, source.line, f"{what} sans réponse")
        if "review" in view.missing:
            yield RISK_NO_REVIEW.at(source.file, source.line, f"{what} sans date de revue")
        if view.review_overdue:
            yield review_overdue(view.risk, what, board.status_date, period)


@check(MEASURE_LATE)
def late_measures(ctx: ProjectState) -> Iterator[Diagnostic]:
    board = ctx.dashboard
    for view in board.indicators:
        if not view.late or view.next_due is None:
            continue
        source = view.indicator.source
        last = (f"dernière mesure le {french.date(view.latest.date)}" if view.latest
                else "aucune mesure")
        yield MEASURE_LATE.at(
            source.file, source.line_of("frequency"),
            f"indicateur « {view.id} » ({view.indicator.frequency}) : {last}, mesure attendue "
            f"au plus tard le {french.date(view.next_due)}")


@check(DEADLINE_UNANALYSED, BASELINE_UNANALYSED, INDEX_UNANALYSED, KPI_UNANALYSED)
def unanalysed_variances(ctx: ProjectState) -> Iterator[Diagnostic]:
    for variance in ctx.dashboard.variances:
        if variance.analysed_by:
            continue
        rule = VARIANCE_RULES[variance.kind]
        yield rule.at(variance.file, variance.line,
                      f"{variance.kind.french} non analysé depuis le "
                      f"{french.date(variance.detected)} : {variance.message}",
                      f"Analysez-le dans une réunion ou un rapport daté du "
                      f"{french.date(variance.detected)} ou après, en citant "
                      f"« {variance.subject} ».")
