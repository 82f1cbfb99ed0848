"""Probes on cockpit.toml and the registers: objectives, stakeholders, team, governance,
indicators, actions, risks, requirements, communication, budget."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from typing import Any

from cockpit import french
from cockpit.folder.fields import fold
from cockpit.model import Action, Indicator, ResourceKind
from cockpit.model.vocabularies import ActionStatus
from cockpit.referentials.concepts import concept, kind_terms
from cockpit.referentials.gaps import Evidence
from cockpit.referentials.probes.base import Facts, Finding, capped, capped_each, probe, verdict
from cockpit.referentials.words import contains, stems
from cockpit.steering.indicators import INTERVALS


def _where(record: Any, default: str) -> str:
    return f"{record.source.file or default} ligne {record.source.line}"


def _evidence(record: Any, default: str, note: str = "") -> Evidence:
    return Evidence(record.source.file or default, record.source.line, note=note)


def _empty(value: object) -> bool:
    return value is None or value == "" or value == ()


def _field_gaps(records: Sequence[Any], fields: Sequence[str], labels: dict[str, str],
                what: str, default: str) -> list[str]:
    """One message per missing field, grouped by field, capped; when the criterion asks it
    of each record (« chaque action est nominative »), the count comes first."""
    missing: list[str] = []
    for key in fields:
        lacking = [r for r in records if _empty(getattr(r, key))]
        if len(lacking) > 1:
            missing.append(f"il manque {labels.get(key, key)} à {len(lacking)} sur "
                           f"{len(records)}")
        asking = partial(_asking, f"ajoutez {labels.get(key, key)} {what}", default)
        missing.extend(capped_each(lacking, asking, f"autre sans {key}", f"autres sans {key}"))
    return missing


def _asking(request: str, default: str, record: Any) -> str:
    return f"{request} {record.id} ({_where(record, default)})"


def _too_few(count: int, wanted: int, message: str, noun: str, plural: str = "") -> list[str]:
    """`message` when `count` is under `wanted`, its `{min}` the number wanted with `noun` in
    agreement (« au moins 1 objectif », « au moins 3 objectifs »)."""
    if count >= wanted:
        return []
    return [message.format(count=count, min=french.count(wanted, noun, plural))]


# ------------------------------------------------------------------ cockpit.toml
_FIGURE = re.compile(r"\d|%|\b(?:zero|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|"
                     r"douze|quinze|vingt|trente|cinquante|cent|mille|moitie|tiers|quart|"
                     r"double|doubler|triple|tripler)\b")
"""A figure in an objective's statement (folded text): a digit, a percent, a number word."""


@probe("objectives", "des objectifs opérationnels (cockpit.toml) en nombre suffisant, chacun "
       "mesuré par un indicateur d'indicators.toml, et daté si demandé")
def objectives(facts: Facts, min: int = 1, indicator: bool = False, deadline: bool = False,
               quantified: bool = False) -> Finding:
    """`indicator` where the criterion asks each objective measured by an indicator;
    `quantified` where it asks figures (« objectifs chiffrés »): an indicator, or a figure
    in the statement (« diviser par cinq », « 100 % des techniciens »)."""
    items = facts.project.settings.objectives
    file = facts.cockpit_file
    missing = _too_few(len(items), min,
                       "définissez au moins {min} ([[objectives]] dans cockpit.toml, "
                       "avec id, statement, indicator et deadline) ; {count} aujourd'hui",
                       "objectif")
    for objective in items:
        line = objective.source.line_of("indicator")
        if indicator and not objective.indicator:
            missing.append(f"ajoutez un indicateur à l'objectif {objective.id} "
                           f"({_where(objective, file)}) : indicator = \"K…\"")
        elif indicator and objective.indicator not in facts.indicator_ids:
            missing.append(f"l'objectif {objective.id} ({file} ligne {line}) cite l'indicateur "
                           f"« {objective.indicator} » absent d'indicators.toml : définissez-le")
        if quantified and objective.indicator not in facts.indicator_ids \
                and not _FIGURE.search(fold(objective.statement)):
            missing.append(f"chiffrez l'objectif {objective.id} ({_where(objective, file)}) : "
                           "un niveau à atteindre dans son énoncé, ou un indicateur "
                           "(indicator = \"K…\")")
        if deadline and objective.deadline is None:
            missing.append(f"ajoutez une échéance (deadline) à l'objectif {objective.id} "
                           f"({_where(objective, file)})")
    evidence = [_evidence(o, file, o.statement) for o in items]
    return verdict(evidence, capped(missing, "autre manque"))


@probe("context", "le contexte et les enjeux du projet (context de cockpit.toml), "
       "nommant ce qui est demandé")
def context(facts: Facts, mentions: Sequence[str] = ()) -> Finding:
    info = facts.project.settings.project
    file = facts.cockpit_file
    if not info.context.strip():
        return verdict((), ["décrivez le contexte et les enjeux dans cockpit.toml "
                            "([project] context = \"\"\"…\"\"\")"])
    text = fold(info.context)
    missing = [f"le contexte (cockpit.toml ligne {info.source.line_of('context')}) ne parle pas "
               f"de « {spec.split('|')[0]} » : ajoutez-le"
               for spec in mentions
               if not any(fold(alt) in text for alt in spec.split("|") if alt)]
    return verdict([Evidence(file, info.source.line_of("context"), note="contexte et enjeux")],
                   missing)


@probe("stakeholders", "les parties prenantes cartographiées (intérêt, influence, attentes) "
       "dans cockpit.toml")
def stakeholders(facts: Facts, min: int = 1, mapped: bool = False, expectations: bool = False,
                 external: bool = False) -> Finding:
    items = facts.project.settings.stakeholders
    file = facts.cockpit_file
    missing = _too_few(len(items), min,
                       "identifiez au moins {min} ([[stakeholders]] dans "
                       "cockpit.toml, avec interest et influence de 1 à 3) ; {count} aujourd'hui",
                       "partie prenante")
    fields = (["interest", "influence"] if mapped else []) + (
        ["expectations"] if expectations else [])
    missing += _field_gaps(items, fields, {
        "interest": "l'intérêt (interest = 1..3)", "influence": "l'influence (influence = 1..3)",
        "expectations": "les attentes (expectations)"}, "à la partie prenante", file)
    if external and not any(s.kind == "external" for s in items):
        missing.append("aucune partie prenante externe : ajoutez clients, fournisseurs ou "
                       "partenaires avec kind = \"external\"")
    return verdict([_evidence(s, file, s.name) for s in items], missing)


@probe("team", "l'équipe projet constituée (cockpit.toml [[team]]) avec le rôle de chacun")
def team(facts: Facts, min: int = 2, roles: bool = True) -> Finding:
    items = facts.project.settings.team
    file = facts.cockpit_file
    missing = _too_few(len(items), min,
                       "constituez l'équipe : au moins {min} ([[team]] dans cockpit.toml "
                       "avec id, name, role, availability) ; {count} aujourd'hui", "membre")
    if roles:  # a service, an equipment or a material is bought or used, it has no role
        people = [m for m in items if m.kind is ResourceKind.PERSON]
        missing += _field_gaps(people, ["role"], {"role": "le rôle (role)"}, "au membre", file)
    return verdict([_evidence(m, file, m.role or m.name) for m in items], missing)


@probe("governance", "la gouvernance définie (instances de pilotage avec membres et fréquence, "
       "cockpit.toml) et tenue (comptes rendus de ces instances)")
def governance(facts: Facts, min: int = 1, kinds: Sequence[str] = ("copil", "codir"),
               meetings: int = 0, regular: bool = False) -> Finding:
    """`regular`: each steering body (a COPIL, a CODIR) met as often as its frequency says,
    half of the expected meetings at least between the start and the status date."""
    bodies = facts.project.settings.governance
    file = facts.cockpit_file
    missing = _too_few(len(bodies), min,
                       "définissez au moins {min} ([[governance]] dans "
                       "cockpit.toml avec id, name, members, frequency) ; {count} aujourd'hui",
                       "instance de pilotage", "instances de pilotage")
    missing += _field_gaps(bodies, ["members", "frequency"], {
        "members": "les membres (members)", "frequency": "la fréquence (frequency)"},
        "à l'instance", file)
    evidence = [_evidence(g, file, g.name) for g in bodies]
    held = [m for m in facts.meetings if m.kind in kinds]
    if len(held) < meetings:
        missing.append(f"{french.count(len(held), 'compte rendu')} de {' / '.join(kinds)} "
                       "dans meetings/, "
                       f"il en faut au moins {meetings} : faites le point avec la gouvernance "
                       "et archivez le compte rendu")
    evidence += [Evidence(m.path, note=m.title) for m in held]
    if regular:
        missing += _irregular(facts, bodies, held, kinds)
    return verdict(evidence, missing)


_PERIOD_DAYS = {"quotidienne": 1, "hebdomadaire": 7, "quinzaine": 14, "bimensuelle": 14,
                "mensuelle": 30.4, "bimestrielle": 61, "trimestrielle": 91,
                "semestrielle": 182, "annuelle": 365, "daily": 1, "weekly": 7,
                "monthly": 30.4, "quarterly": 91}


def _irregular(facts: Facts, bodies: Sequence[Any], held: Sequence[Any],
               kinds: Sequence[str]) -> list[str]:
    """One message per steering body that met less than half as often as planned."""
    info = facts.project.settings.project
    end = info.status_date or max((m.date for m in facts.meetings), default=info.start)
    span = (end - info.start).days
    out = []
    for body in bodies:
        words = stems(f"{body.id} {body.name}")
        kind = next((k for k in kinds if any(contains(words, t) for t in kind_terms(k))), None)
        period = _PERIOD_DAYS.get(fold(body.frequency))
        if kind is None or period is None or span <= 0:
            continue
        expected = int(span // period) + 1
        count = sum(1 for m in held if m.kind == kind)
        if count * 2 < expected:
            out.append(f"{body.name} ({_where(body, facts.cockpit_file)}), fréquence "
                       f"{body.frequency} : {french.count(count, 'compte rendu')} « {kind} » dans "
                       f"meetings/ du {info.start:%d/%m/%Y} au {end:%d/%m/%Y}, pour environ "
                       f"{expected} prévus : tenez et tracez ces points réguliers")
    return out


# ------------------------------------------------------------------ indicators
_INDICATOR_LABELS = {
    "baseline": "la situation initiale (baseline)", "target": "la cible (target)",
    "frequency": "la fréquence de mesure (frequency)", "owner": "le responsable (owner)",
    "unit": "l'unité (unit)", "definition": "la définition (definition)",
    "purpose": "la finalité (purpose)", "formula": "le mode de calcul (formula)",
    "visual": "la représentation visuelle (visual)",
}


@probe("indicators", "des indicateurs (indicators.toml) complets (situation initiale, cible, "
       "fréquence...) et, si demandé, mesurés (measures.csv)")
def indicators(facts: Facts, min: int = 1, scope: str = "", fields: Sequence[str] = (),
               measures: int = 0) -> Finding:
    """Only the fields the criterion asks for (a target where it compares results with
    what was planned…): a missing target lowers no reporting criterion that does not."""
    items = [i for i in facts.project.indicators if not scope or i.scope == scope]
    kind = {"project": " de pilotage du projet", "process": " de performance du processus"}.get(
        scope, "")
    missing = _too_few(len(items), min,
                       "définissez au moins {min} dans indicators.toml"
                       + (f" (scope = \"{scope}\")" if scope else "") + " ; {count} aujourd'hui",
                       "indicateur" + kind, "indicateurs" + kind)
    missing += _field_gaps(items, fields, _INDICATOR_LABELS, "à l'indicateur", "indicators.toml")
    evidence = [_evidence(i, "indicators.toml", i.name) for i in items]
    if measures:
        due = {i.id: _measures_due(facts, i, measures) for i in items}
        lacking = [i for i in items if facts.measures_by_indicator.get(i.id, 0) < due[i.id]]
        missing += capped([
            f"saisissez au moins {french.count(due[i.id], 'mesure')} de {i.id} dans "
            f"measures.csv (date,indicator,value,comment) ; "
            f"{facts.measures_by_indicator.get(i.id, 0)} aujourd'hui" for i in lacking],
            "autre indicateur")
        first = next((m for m in facts.project.measures
                      if m.indicator in {i.id for i in items}), None)
        if first is not None:
            evidence.append(Evidence("measures.csv", first.source.line or 2,
                                     note=f"{len(facts.project.measures)} mesures"))
    return verdict(evidence, missing)


def _measures_due(facts: Facts, indicator: Indicator, asked: int) -> int:
    """The measures an indicator can have by now, at most `asked`. One that follows
    activities (their `indicator`) is measured while they run, not before: a monthly
    indicator of a two-week task has one measure to show, and none before it starts."""
    interval = INTERVALS.get(indicator.frequency)
    schedule = facts.schedule
    if interval is None or schedule is None:
        return asked
    followed = [s for t in facts.tasks_by_indicator.get(indicator.id, ())
                if (s := schedule.task(t.id)) is not None]
    if not followed:
        return asked
    start = min(s.start for s in followed)
    ends = [max(s.finish for s in followed), facts.status_date,
            indicator.until]
    end = min(day for day in ends if day is not None)
    if end < start:
        return 0
    return min(asked, 1 + (end - start).days // interval)

# ------------------------------------------------------------------ actions
_ORIGINS = {
    "meeting": "un compte rendu de réunion (origin = \"meetings/….md\")",
    "indicator": "un indicateur mesuré (origin = \"K…\")",
    "risk": "un risque (origin = \"R…\")",
    "any": "sa source (origin : réunion, risque, indicateur ou REX)",
}


def _origin_matches(facts: Facts, action: Action, origin: str, risk_ids: set[str],
                    from_risks: set[str]) -> bool:
    source = action.origin
    if origin == "any":
        return bool(source)
    if origin == "meeting":
        return source.startswith("meetings/")
    if origin == "indicator":
        return source in facts.indicator_ids
    if origin == "risk":
        return source in risk_ids or action.id in from_risks
    raise ValueError(f"unknown action origin {origin!r}")


@probe("actions", "un plan d'actions (actions.toml) où chaque action est nommée (who), datée "
       "(due) et précisément formulée ; au choix : issues d'une source, réalisées")
def actions(facts: Facts, min: int = 1, fields: Sequence[str] = (), words: int = 0,
            origin: str = "", done: int = 0, followed: bool = False) -> Finding:
    """Only what the criterion asks is checked: `fields = ["who", "due"]` where it says
    « chaque action est nominative avec une date de rendu », `words` where it asks for
    « une formulation précise », `followed` where it asks a regular follow-up of the
    actions: each has an owner and a due date to be followed by, and none is left
    « à faire » or « en cours » past its due date at the status date (its status or its
    date would have been updated)."""
    if followed:
        fields = tuple(dict.fromkeys([*fields, "who", "due"]))
    items = list(facts.project.actions)
    if origin:
        risk_ids = {r.id for r in facts.project.risks}
        from_risks = {a for r in facts.project.risks for a in r.actions}
        items = [a for a in items if _origin_matches(facts, a, origin, risk_ids, from_risks)]
    where = f" d'{_ORIGINS[origin]}" if origin else ""
    missing = _too_few(len(items), min, "il faut au moins {min} dans actions.toml ; {count} "
                       "aujourd'hui", "action" + (" issue" + where if origin else ""),
                       "actions" + (" issues" + where if origin else ""))
    missing += _field_gaps(items, fields, {
        "who": "un responsable nommé (who)", "due": "une échéance (due)",
        "origin": "son origine (origin)", "status": "son statut (status)"}, "à l'action",
        "actions.toml")
    vague = [a for a in items if len(a.what.split()) < words]
    missing += capped_each(vague, lambda a: (
        f"formulez précisément l'action {a.id} ({_where(a, 'actions.toml')}) : « {a.what} » — "
        "quoi, sur quoi, pour quel résultat"), "autre action")
    if followed:
        day = facts.status_date
        stale = [a for a in items if a.due is not None and a.due < day
                 and a.status in (ActionStatus.TODO, ActionStatus.IN_PROGRESS)]
        if stale:
            missing.append(f"{french.count(len(stale), 'action')} sur {len(items)} toujours « à "
                           f"faire » ou « en cours » après leur échéance, au {day:%d/%m/%Y} : "
                           "le plan d'actions n'est pas suivi")
        missing += capped_each(stale, lambda a: (
            f"mettez à jour l'action {a.id} ({_where(a, 'actions.toml')}) : échue le "
            f"{a.due:%d/%m/%Y} et toujours « {a.status} » (status, done, ou une nouvelle "
            "échéance)"), "autre action")
    finished = [a for a in items if a.status == "fait"]
    if len(finished) < done:
        missing.append(f"{french.count(len(finished), 'action réalisée')} : il en faut au "
                       f"moins {done} "
                       "(status = \"fait\" et done = date de réalisation)")
    return verdict([_evidence(a, "actions.toml", a.what) for a in items[:20]], missing)


# ------------------------------------------------------------------ risks
_RISK_LABELS = {
    "probability": "la probabilité (probability = 1..5)", "impact": "l'impact (impact = 1..5)",
    "owner": "un responsable (owner)", "response": "la réponse au risque (response)",
    "strategy": "la stratégie (strategy)", "cause": "la cause (cause)",
    "consequence": "la conséquence (consequence)", "review": "une date de revue (review)",
    "category": "la catégorie (category)",
}


@probe("risks", "un registre des risques (risks.toml) où chaque risque est évalué (probabilité, "
       "impact), a un responsable et une réponse")
def risks(facts: Facts, min: int = 1, fields: Sequence[str] = (),
          categories: int = 0, tasks: bool = False, human: bool = False) -> Finding:
    """`human`: the criterion names psychosocial risks: one risk at least is human
    (category humain, or its text speaks of workload, stress, the CSE…)."""
    items = facts.project.risks
    missing = _too_few(len(items), min,
                       "identifiez au moins {min} dans risks.toml (probability, impact, "
                       "owner, strategy, response) ; {count} aujourd'hui", "risque")
    missing += _field_gaps(items, fields, _RISK_LABELS, "au risque", "risks.toml")
    kinds = {r.category for r in items if r.category}
    if len(kinds) < categories:
        missing.append(f"les risques couvrent {french.count(len(kinds), 'catégorie')} "
                       f"({', '.join(sorted(kinds)) or 'aucune'}) : il en faut au moins "
                       f"{categories} (technique, économique, humain, organisationnel…)")
    if human and items and not any(
            r.category == "humain" or concept("@psychosocial").matches(
                stems(f"{r.title} {r.cause} {r.consequence} {r.response}")) for r in items):
        missing.append(f"aucun des {len(items)} risques n'est humain ou psychosocial (catégories "
                       f"présentes : {', '.join(sorted(kinds)) or 'aucune'}) : identifiez "
                       "ces risques (surcharge, changement des rôles…), avec le CSE s'il existe "
                       "(category = \"humain\")")
    if tasks:
        missing += capped_each([r for r in items if not r.tasks and r.status != "rejetée"],
                               lambda r: (
            f"rattachez le risque {r.id} ({_where(r, 'risks.toml')}) aux tâches qu'il menace "
            "(tasks = [...])"), "autre risque")
    return verdict([_evidence(r, "risks.toml", r.title) for r in items[:20]], missing)


# ------------------------------------------------------------------ requirements
@probe("requirements", "des exigences (requirements.toml) qualifiées (type, priorité, critère "
       "d'acceptation) ; au choix : rattachées aux tâches, vérifiées")
def requirements(facts: Facts, min: int = 1, fields: Sequence[str] = (),
                 kinds: Sequence[str] = (), traced: bool = False, verified: int = 0) -> Finding:
    """Only what the criterion asks: `fields` (type, priority, acceptance…), `kinds`
    present, `traced` to tasks (a rejected requirement is never asked for tasks),
    `verified`."""
    items = facts.project.requirements
    missing = _too_few(len(items), min,
                       "formalisez au moins {min} dans requirements.toml (text, kind, "
                       "priority, acceptance) ; {count} aujourd'hui", "exigence")
    missing += _field_gaps(items, fields, {
        "kind": "le type (kind)", "priority": "la priorité (priority)",
        "acceptance": "le critère d'acceptation (acceptance)", "source_of": "la source (source)",
        "status": "le statut (status)"}, "à l'exigence", "requirements.toml")
    present = {r.kind for r in items}
    missing += [f"aucune exigence de type « {k} » : ajoutez-en (kind = \"{k}\")"
                for k in kinds if k not in present]
    if traced:
        missing += capped_each([r for r in items if not r.tasks and r.status != "rejetée"],
                               lambda r: (
            f"rattachez l'exigence {r.id} ({_where(r, 'requirements.toml')}) aux tâches qui la "
            "réalisent (tasks = [...])"), "autre exigence")
    contradicted = {r.id: why for r in items if r.status == "vérifiée"
                    and (why := _measured_short(facts, r))}
    missing += capped([f"l'exigence {rid} ({_where(r, 'requirements.toml')}) est « {r.status} » "
                       f"mais {contradicted[rid]} : revoyez son statut ou l'essai"
                       for r in items if (rid := r.id) in contradicted], "autre exigence")
    checked = [r for r in items if r.status == "vérifiée" and r.id not in contradicted]
    if len(checked) < verified:
        missing.append(f"{french.count(len(checked), 'exigence vérifiée')} : il en faut au "
                       f"moins {verified} "
                       "(status = \"vérifiée\" après l'essai d'acceptation)")
    return verdict([_evidence(r, "requirements.toml", r.text) for r in items[:20]], missing)


_NUMBER = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*(%|[a-zA-Zµ/]+)?")


def _measured_short(facts: Facts, requirement: Any) -> str:
    """Why the measures contradict a requirement declared verified, or "": an indicator
    the requirement names by id (in its text or acceptance) whose latest measure at the
    status date misses the level the requirement states (a number in the indicator's
    unit, else the indicator's target), in the indicator's direction."""
    text = f"{requirement.text} {requirement.acceptance}"
    status = facts.project.settings.project.status_date
    for indicator in facts.project.indicators:
        if not re.search(rf"\b{re.escape(indicator.id)}\b", text):
            continue
        series = [m for m in facts.project.measures if m.indicator == indicator.id
                  and (status is None or m.date <= status)]
        if not series:
            continue
        last = max(series, key=lambda m: m.date)
        level = indicator.target
        unit = indicator.unit.strip().lower()
        for number in _NUMBER.finditer(requirement.text):
            if unit and (number.group(2) or "").lower() == unit:
                level = float(number.group(1).replace(",", "."))
                break
        if level is None:
            continue
        if last.value < level if indicator.direction == "up" else last.value > level:
            shown = f"{last.value:g} {indicator.unit}".strip()
            return (f"la dernière mesure de {indicator.id} ({shown} le {last.date:%d/%m/%Y}) "
                    f"n'atteint pas le niveau exigé ({level:g} {indicator.unit})").replace(
                        " )", ")")
    return ""


# ------------------------------------------------------------------ communication
_CHANNEL_LABELS = {
    "sender": "l'émetteur (sender)", "audience": "les destinataires (audience)",
    "frequency": "la fréquence (frequency)", "medium": "le média (medium)",
    "purpose": "le but de la diffusion (purpose)", "place": "le lieu de diffusion (place)",
    "validated_by": "qui valide la liste de diffusion (validated_by)",
    "cc": "les copies (cc)",
}


@probe("communication", "un plan de communication (communication.toml) : émetteur, fréquence, "
       "média, but et destinataires de chaque diffusion")
def communication(facts: Facts, min: int = 1, fields: Sequence[str] = (),
                  external: bool = False, audiences: int = 0) -> Finding:
    """Only the fields the criterion asks for (sender, frequency, medium… where it
    describes the method of diffusion; validated_by where the list must be validated)."""
    items = facts.project.channels
    missing = _too_few(len(items), min,
                       "décrivez au moins {min} dans communication.toml "
                       "([[channel]] avec information, sender, audience, frequency, medium, "
                       "purpose) ; {count} aujourd'hui", "diffusion")
    missing += _field_gaps(items, fields, _CHANNEL_LABELS, "à la diffusion",
                           "communication.toml")
    reached = {a for c in items for a in c.audience}
    if external and not any(facts.people.get(a) == "external" for a in reached):
        missing.append("aucune diffusion vers une partie prenante externe : ajoutez-en une "
                       "(audience = [id d'une partie prenante kind = \"external\"])")
    if len(reached) < audiences:
        missing.append(f"la communication atteint "
                       f"{french.count(len(reached), 'destinataire distinct')} : "
                       f"visez au moins {audiences} parties intéressées")
    return verdict([_evidence(c, "communication.toml", c.information) for c in items], missing)


# ------------------------------------------------------------------ budget
@probe("budget", "un budget (budget.toml : enveloppe, lignes) et, si demandé, des coûts réels "
       "(costs.csv) et l'avancement (progress.csv) pour la valeur acquise")
def budget(facts: Facts, envelope: bool = True, lines: bool = True, dated: bool = False,
           costs: bool = False, progress: bool = False, rates: bool = False) -> Finding:
    project = facts.project
    evidence: list[Evidence] = []
    missing: list[str] = []
    if project.budget.envelope is not None:
        evidence.append(Evidence("budget.toml", project.budget.source.line_of("envelope"),
                                 note=f"enveloppe {project.budget.envelope}"))
    elif envelope:
        missing.append("indiquez l'enveloppe allouée dans budget.toml ([budget] envelope = …)")
    if project.budget_lines:
        evidence.append(_evidence(project.budget_lines[0], "budget.toml",
                                  f"{len(project.budget_lines)} lignes de coûts prévus"))
        if dated:
            missing += capped_each([b for b in project.budget_lines if not b.date], lambda b: (
                f"datez l'engagement de la ligne {b.id} ({_where(b, 'budget.toml')}) : "
                "date = AAAA-MM-JJ"), "autre ligne")
    elif lines:
        missing.append("détaillez les coûts prévus hors main-d'œuvre dans budget.toml "
                       "([[line]] avec task, category, amount, date)")
    if rates:
        assigned = {a.resource for t in project.tasks for a in t.resources}
        missing += capped([f"indiquez le coût journalier (rate) de {m.id} ({_where(m, 'cockpit.toml')})"
                           for m in project.settings.team
                           if not m.rate and m.id in assigned and m.kind.value == "person"],
                          "autre membre")
    if costs:
        if project.costs:
            evidence.append(Evidence("costs.csv", project.costs[0].source.line or 2,
                                     note=f"{len(project.costs)} coûts réels"))
        else:
            missing.append("saisissez les coûts réels dans costs.csv "
                           "(date,task,category,amount,reference,comment)")
    if progress:
        if project.progress:
            evidence.append(Evidence("progress.csv", project.progress[0].source.line or 2,
                                     note="avancement pour la valeur acquise"))
        else:
            missing.append("saisissez l'avancement des tâches dans progress.csv pour calculer "
                           "la valeur acquise")
    return verdict(evidence, missing)
