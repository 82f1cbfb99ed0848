"""Probes on the plan: the WBS, the computed schedule, loads and progress tracking."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cockpit import french
from cockpit.model import Task
from cockpit.referentials.gaps import Evidence
from cockpit.referentials.probes.base import (
    Facts,
    Finding,
    capped,
    capped_each,
    find_concept,
    find_section,
    folder_text,
    looked_for,
    probe,
    section_evidence,
    verdict,
)

WBS = "wbs.toml"
_NEEDS = {
    "duration": "une durée (duration = \"5j\")",
    "after": "ses antériorités (after = [...])",
    "resources": "ses ressources (resources = [\"id:50%\"])",
    "risks": "son analyse de risques (un risque de risks.toml qui la cite dans tasks = [...])",
    "deliverable": "son livrable (deliverable = \"...\")",
}


def _at(task: Task) -> str:
    return f"« {task.id} » ({task.source.file or WBS} ligne {task.source.line})"


def _wbs_evidence(facts: Facts, note: str) -> Evidence:
    first = facts.project.tasks[0]
    return Evidence(first.source.file or WBS, first.source.line, note=note)


def _lacks(facts: Facts, task: Task, need: str) -> bool:
    if need == "duration":
        return task.duration is None
    if need == "after":
        return (not task.after and not any(a.after for a in facts.ancestors(task))
                and task.id not in facts.start_tasks)
    if need == "resources":
        return not task.resources and task.id not in facts.bought
    if need == "risks":
        return task.id not in facts.risks_by_task and not (facts.summaries_at_risk and any(
            a.id in facts.summaries_at_risk for a in facts.ancestors(task)))
    if need == "deliverable":
        return not task.deliverable
    raise ValueError(f"unknown WBS requirement {need!r}")


def _asking(need: str) -> Callable[[Task], str]:
    return lambda task: f"ajoutez {_NEEDS[need]} à la tâche {_at(task)}"


@probe("wbs", "un organigramme des tâches (wbs.toml) dont chaque activité a les attributs "
       "demandés : durée, antériorités, ressources, risques, livrable")
def wbs(facts: Facts, require: Sequence[str] = ("duration", "after", "resources"),
        min: int = 2, hierarchy: bool = False, deliverables: int = 0) -> Finding:
    activities = facts.activities
    if len(activities) < min:
        return verdict((), [f"décomposez le projet dans {WBS} en au moins {min} activités "
                            "([[task]] avec id, name, duration, after, resources)"],
                       found=bool(activities))
    missing: list[str] = []
    notes: list[str] = []
    for need in require:
        lacking = [t for t in activities if _lacks(facts, t, need)]
        if need == "risks" and len(lacking) < len(activities):
            # the risk register is tied to the plan: the tasks it names are those a risk
            # threatens, the others carry none (authors do not invent risks for each task)
            notes.append(f"risques rattachés à {len(activities) - len(lacking)} activités "
                         f"sur {len(activities)}")
            continue
        missing.extend(capped_each(lacking, _asking(need), "autre tâche"))
    if hierarchy and not facts.summaries:
        missing.append(f"structurez {WBS} en lots : des tâches récapitulatives que les "
                       "activités nomment par parent = \"...\"")
    with_deliverable = sum(1 for t in facts.project.tasks if t.deliverable)
    if with_deliverable < deliverables:
        missing.append(f"nommez les livrables attendus (deliverable = \"...\") : "
                       f"{french.count(with_deliverable, 'tâche')} avec un livrable, il en faut "
                       f"au moins {deliverables}")
    note = "; ".join([f"{len(activities)} activités", *notes])
    return verdict([_wbs_evidence(facts, note)], missing)


@probe("schedule", "un planning calculé (méthode des potentiels) : chemin critique, sans "
       "boucle ni tâche sans durée ; au choix : ressources lissées, échéance tenue, jalons")
def schedule(facts: Facts, levelled: bool = False, deadline: bool = False,
             milestones: int = 0) -> Finding:
    plan = facts.schedule
    if plan is None:
        return verdict((), [f"planifiez le projet dans {WBS} : activités avec durée et "
                            "antériorités, pour calculer le chemin critique"])
    missing = capped([f"{WBS} : {p.message}" for p in plan.problems], "autre problème")
    evidence: list[Evidence] = []
    if plan.critical_path:
        first = facts.tasks.get(plan.critical_path[0])
        shown = " → ".join(plan.critical_path[:6]) + (" → …" if len(plan.critical_path) > 6 else "")
        evidence.append(Evidence(WBS, first.source.line if first else None,
                                 note=f"chemin critique : {shown}"))
    else:
        missing.append(f"aucun chemin critique : reliez les activités de {WBS} par leurs "
                       "antériorités (after)")
    if levelled:
        load = facts.load
        over = load.over_allocations if load is not None else ()
        if over and (discussed := _discussed(facts, "@lissage")) is not None:
            evidence.append(discussed)  # the candidate shows how the loads were handled
            over = ()
        missing.extend(capped_each(over, lambda o: (
            f"« {o.resource} » est suralloué du {o.first:%d/%m/%Y} au {o.last:%d/%m/%Y} "
            f"({o.peak:g} pour {o.capacity:g} disponible ; tâches {', '.join(o.tasks)}) : "
            "lissez les ressources (cockpit schedule --level) ou réaffectez"),
            "autre surallocation"))
        if load is not None and not any(r.total for r in load.resources):
            missing.append(f"aucune charge calculable : affectez des ressources de l'équipe "
                           f"aux activités de {WBS} (resources = [...])")
        elif load is not None and not over:
            evidence.append(Evidence(WBS, note="ressources sans surcharge"))
    if deadline and plan.late > 0 and plan.deadline is not None:
        missing.append(f"la fin calculée ({plan.finish:%d/%m/%Y}) dépasse l'échéance "
                       f"({plan.deadline:%d/%m/%Y}) de {plan.late} jours ouvrés : replanifiez "
                       "ou renforcez les activités critiques")
    count = sum(1 for t in facts.leaves if t.is_milestone)
    if count < milestones:
        missing.append(f"jalonnez le planning : {french.count(count, 'jalon')} (milestone = true) "
                       f"dans {WBS}, il en faut au moins {milestones} (points de validation, COPIL)")
    return verdict(evidence, missing, found=True)


def _discussed(facts: Facts, spec: str) -> Evidence | None:
    """A passage of the documents or the minutes that treats the concept."""
    return find_concept([folder_text(facts)], spec)


@probe("workload", "un tableau des charges semaine par semaine calculable : ressources "
       "affectées aux activités (wbs.toml) et disponibilités de l'équipe (cockpit.toml)")
def workload(facts: Facts, section: str = "charge") -> Finding:
    team = facts.project.settings.team
    activities = facts.activities
    missing: list[str] = []
    evidence: list[Evidence] = []
    if not team:
        missing.append("décrivez l'équipe dans cockpit.toml ([[team]] avec id, name, "
                       "availability)")
    else:
        evidence.append(Evidence(team[0].source.file or facts.cockpit_file, team[0].source.line,
                                 note=f"disponibilités de {len(team)} ressources"))
    staffed = [t for t in activities if t.resources]
    if staffed:
        evidence.append(Evidence(WBS, staffed[0].source.line,
                                 note=f"{len(staffed)} activités avec ressources"))
    missing.extend(capped_each(
        [t for t in activities if not t.resources and t.id not in facts.bought],
        lambda t: f"ajoutez ses ressources (resources = [\"id:50%\"]) à la tâche {_at(t)}",
        "autre tâche"))
    if not activities:
        missing.append(f"décomposez le projet en activités dans {WBS} pour calculer les charges")
    for document in facts.documents:
        found = find_section(document.sections, section)
        if found is not None:
            evidence.append(section_evidence(document.path, found))
            break
    return verdict(evidence, missing)


@probe("tracking", "le suivi d'avancement de chaque activité : indicateurs de pilotage "
       "(indicators.toml, scope project) et avancement (progress.csv) des activités commencées ; "
       "au choix : un indicateur par activité (indicator d'une tâche ou texte qui le propose)")
def tracking(facts: Facts, section: str = "@indicateurs_activite", started: bool = True,
             per_activity: bool = False) -> Finding:
    project = facts.project
    evidence: list[Evidence] = []
    missing: list[str] = []
    steering = [i for i in project.indicators if i.scope == "project"]
    if steering:
        evidence.append(Evidence(steering[0].source.file or "indicators.toml",
                                 steering[0].source.line,
                                 note="indicateurs de pilotage : "
                                 + ", ".join(i.id for i in steering)))
    else:
        missing.append("définissez au moins un indicateur de pilotage du projet dans "
                       "indicators.toml (scope = \"project\"), par exemple l'avancement pondéré")
    discussed = _discussed(facts, section)
    if discussed is not None:
        evidence.append(discussed)
    if per_activity:
        followed = [t for t in facts.activities if t.indicator]
        if followed:
            evidence.append(Evidence(WBS, followed[0].source.line,
                                     note=f"{len(followed)} sur "
                                     f"{french.count(len(facts.activities), 'activité')} avec un "
                                     "indicateur (indicator)"))
        elif discussed is None:
            missing.append(looked_for(section, "les documents et comptes rendus") + " ; ou "
                           f"donnez à chaque activité de {WBS} son indicateur (indicator = \"K…\")")
    if started:
        lacking = [t for t in facts.activities
                   if t.actual_start is not None and t.id not in facts.progress_tasks
                   and not t.indicator]
        missing.extend(capped_each(
            lacking, lambda t: f"saisissez l'avancement de la tâche commencée {_at(t)} dans "
            "progress.csv (date,task,percent,comment)", "autre tâche"))
        if project.progress:
            evidence.append(Evidence("progress.csv", project.progress[0].source.line or 2,
                                     note=f"{len(project.progress)} relevés d'avancement"))
    return verdict(evidence, missing)


@probe("progress", "un suivi régulier : relevés d'avancement (progress.csv) à plusieurs dates")
def progress(facts: Facts, min_dates: int = 2) -> Finding:
    rows = facts.project.progress
    dates = {p.date for p in rows}
    if not rows:
        return verdict((), ["saisissez l'avancement des tâches dans progress.csv "
                            "(date,task,percent,comment) à chaque point d'avancement"])
    evidence = [Evidence("progress.csv", rows[0].source.line or 2,
                         note=f"{len(rows)} relevés à {len(dates)} dates")]
    missing = [] if len(dates) >= min_dates else [
        f"relevez l'avancement à au moins {min_dates} dates dans progress.csv "
        f"({french.count(len(dates), 'date')} aujourd'hui)"]
    return verdict(evidence, missing)
