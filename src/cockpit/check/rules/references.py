"""References between registers: every id a file names must exist (R…)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from cockpit.check.registry import check
from cockpit.diagnostics.diagnostic import Diagnostic, Severity
from cockpit.diagnostics.registry import Rule, define
from cockpit.folder.fields import suggest
from cockpit.model import Project, Source
from cockpit.state import ProjectState

UNKNOWN_TASK = define(
    "R001", Severity.ERROR, "Tâche inconnue",
    "Un registre nomme une tâche qui n'existe pas dans wbs.toml (parent, coût, avancement, "
    "ligne budgétaire, risque, exigence).",
    '# progress.csv\n2026-03-02,cdc-v2,40,    # la tâche s\'appelle "cdc"',
    "Corrigez l'identifiant, ou ajoutez la tâche à wbs.toml.",
)
UNKNOWN_PERSON = define(
    "R002", Severity.ERROR, "Personne ou instance inconnue",
    "Responsables, participants, destinataires et ressources sont des identifiants de "
    "[[team]], [[stakeholders]] ou [[governance]] de cockpit.toml (un seul espace de noms ; "
    "les ressources d'une tâche sont des membres de [[team]]).",
    'who = "bernard"    # l\'équipe déclare id = "bdupont"',
    "Utilisez l'identifiant déclaré dans cockpit.toml, ou déclarez la personne.",
)
UNKNOWN_ACTION = define(
    "R003", Severity.ERROR, "Action inconnue",
    "Un risque nomme dans `actions` une action absente de actions.toml.",
    'actions = ["A12"]    # aucune action A12',
    "Ajoutez l'action au plan d'actions, ou corrigez l'identifiant.",
)
UNKNOWN_INDICATOR = define(
    "R004", Severity.ERROR, "Indicateur inconnu",
    "Un objectif, une tâche ou une mesure nomme un indicateur absent de indicators.toml.",
    'indicator = "K9"    # indicators.toml ne définit que K1 à K4',
    "Définissez l'indicateur dans indicators.toml, ou corrigez l'identifiant.",
)
UNKNOWN_FILE = define(
    "R005", Severity.ERROR, "Fichier ou ancre introuvable",
    "Une origine d'action ou une preuve désigne un fichier du dossier qui n'existe pas, "
    "ou une ancre (#titre) qui ne correspond à aucun titre du document.",
    'origin = "meetings/2026-03-12-copil.md"    # le fichier est 2026-03-12-copil-2.md',
    "Corrigez le chemin (relatif au dossier du projet) ou le titre visé par l'ancre.",
)
UNKNOWN_ORIGIN = define(
    "R006", Severity.WARNING, "Origine d'action inconnue",
    "L'origine d'une action est un compte rendu, un risque, un document REX ou un indicateur ; "
    "la valeur donnée ne correspond à aucun d'eux.",
    'origin = "réunion de mardi"\norigin = "meetings/2026-03-10-point-projet.md"',
    "Indiquez le chemin du compte rendu, ou l'identifiant du risque ou de l'indicateur.",
)
SHARED_ID = define(
    "R007", Severity.ERROR, "Identifiant partagé entre équipe, parties prenantes et instances",
    "Équipe, parties prenantes et instances de gouvernance partagent un espace de noms : "
    "un même identifiant ne peut désigner deux entités.",
    '[[team]] id = "qualite" … [[governance]] id = "qualite"',
    "Renommez l'une des deux entités.",
)


def people(project: Project) -> set[str]:
    settings = project.settings
    return ({m.id for m in settings.team} | {s.id for s in settings.stakeholders}
            | {g.id for g in settings.governance})


def _unknown(
    known: set[str], names: Iterable[str], source: Source, key: str, what: str,
    rule: Rule, noun: str,
) -> Iterator[Diagnostic]:
    """A diagnostic for each name, not empty, that `known` lacks.

    The passes call it only for a record that names something unknown: a large folder has
    tens of thousands of journal rows, and building each one's source and label took most
    of their time."""
    for name in names:
        if name and name not in known:
            yield rule.at(source.file, source.line_of(key),
                          f"{what} : {noun} « {name} » introuvable{suggest(name, known)}")


@check(UNKNOWN_TASK)
def task_references(ctx: ProjectState) -> Iterator[Diagnostic]:
    project = ctx.project
    tasks = {t.id for t in project.tasks}
    for task in project.tasks:
        if task.parent not in tasks:
            yield from _unknown(tasks, [task.parent], task.source, "parent",
                                f"tâche « {task.id} »", UNKNOWN_TASK, "tâche parente")
    for line in project.budget_lines:
        if line.task not in tasks:
            yield from _unknown(tasks, [line.task], line.source, "task",
                                f"ligne budgétaire « {line.id} »", UNKNOWN_TASK, "tâche")
    for cost in project.costs:
        if cost.task not in tasks:
            yield from _unknown(tasks, [cost.task], cost.source, "task", "coût", UNKNOWN_TASK,
                                "tâche")
    for entry in project.progress:
        if entry.task not in tasks:
            yield from _unknown(tasks, [entry.task], entry.source, "task", "avancement",
                                UNKNOWN_TASK, "tâche")
    for risk in project.risks:
        if not tasks.issuperset(risk.tasks):
            yield from _unknown(tasks, risk.tasks, risk.source, "tasks", f"risque « {risk.id} »",
                                UNKNOWN_TASK, "tâche")
    for requirement in project.requirements:
        if not tasks.issuperset(requirement.tasks):
            yield from _unknown(tasks, requirement.tasks, requirement.source, "tasks",
                                f"exigence « {requirement.id} »", UNKNOWN_TASK, "tâche")


@check(UNKNOWN_PERSON)
def person_references(ctx: ProjectState) -> Iterator[Diagnostic]:
    project = ctx.project
    known = people(project)
    team = {m.id for m in project.settings.team}
    info = project.settings.project
    yield from _unknown(known, [info.manager], info.source, "manager", "[project]",
                        UNKNOWN_PERSON, "chef de projet")
    for body in project.settings.governance:
        yield from _unknown(known, body.members, body.source, "members",
                            f"instance « {body.id} »", UNKNOWN_PERSON, "membre")
    for task in project.tasks:
        resources = [a.resource for a in task.resources]
        if not team.issuperset(resources):
            yield from _unknown(team, resources, task.source, "resources",
                                f"tâche « {task.id} »", UNKNOWN_PERSON, "ressource")
    for action in project.actions:
        if action.who not in known:
            yield from _unknown(known, [action.who], action.source, "who",
                                f"action « {action.id} »", UNKNOWN_PERSON, "responsable")
    for risk in project.risks:
        if risk.owner not in known:
            yield from _unknown(known, [risk.owner], risk.source, "owner",
                                f"risque « {risk.id} »", UNKNOWN_PERSON, "propriétaire")
    for indicator in project.indicators:
        yield from _unknown(known, [indicator.owner], indicator.source, "owner",
                            f"indicateur « {indicator.id} »", UNKNOWN_PERSON, "responsable")
    for channel in project.channels:
        what = f"canal « {channel.id} »"
        yield from _unknown(known, [channel.sender], channel.source, "sender", what,
                            UNKNOWN_PERSON, "émetteur")
        yield from _unknown(known, channel.audience, channel.source, "audience", what,
                            UNKNOWN_PERSON, "destinataire")
        yield from _unknown(known, channel.cc, channel.source, "cc", what, UNKNOWN_PERSON,
                            "destinataire en copie")
        yield from _unknown(known, [channel.validated_by], channel.source, "validated_by", what,
                            UNKNOWN_PERSON, "validateur")
    for meeting in project.meetings:
        what = meeting.path
        yield from _unknown(known, [meeting.facilitator], meeting.source, "facilitator", what,
                            UNKNOWN_PERSON, "animateur")
        yield from _unknown(known, meeting.participants, meeting.source, "participants", what,
                            UNKNOWN_PERSON, "participant")
        yield from _unknown(known, meeting.excused, meeting.source, "excused", what,
                            UNKNOWN_PERSON, "excusé")
        for mention in meeting.actions:
            if mention.owner and mention.owner not in known:
                yield UNKNOWN_PERSON.at(
                    meeting.path, mention.line,
                    f"action {mention.action} : responsable « @{mention.owner} » inconnu"
                    f"{suggest(mention.owner, known)}")
    for decision in project.decisions:
        yield from _unknown(known, [decision.validated_by], decision.source, "validated_by",
                            decision.path, UNKNOWN_PERSON, "validateur")


@check(UNKNOWN_ACTION, UNKNOWN_INDICATOR)
def register_references(ctx: ProjectState) -> Iterator[Diagnostic]:
    project = ctx.project
    actions = {a.id for a in project.actions}
    indicators = {i.id for i in project.indicators}
    for risk in project.risks:
        yield from _unknown(actions, risk.actions, risk.source, "actions",
                            f"risque « {risk.id} »", UNKNOWN_ACTION, "action")
    for objective in project.settings.objectives:
        yield from _unknown(indicators, [objective.indicator], objective.source, "indicator",
                            f"objectif « {objective.id} »", UNKNOWN_INDICATOR, "indicateur")
    for task in project.tasks:
        if task.indicator not in indicators:
            yield from _unknown(indicators, [task.indicator], task.source, "indicator",
                                f"tâche « {task.id} »", UNKNOWN_INDICATOR, "indicateur")
    for measure in project.measures:
        if measure.indicator not in indicators:
            yield from _unknown(indicators, [measure.indicator], measure.source, "indicator",
                                "mesure", UNKNOWN_INDICATOR, "indicateur")


@check(SHARED_ID)
def shared_namespace(ctx: ProjectState) -> Iterator[Diagnostic]:
    settings = ctx.project.settings
    seen: dict[str, str] = {}
    for label, records in (("équipe", settings.team), ("parties prenantes", settings.stakeholders),
                           ("gouvernance", settings.governance)):
        for record in records:
            if record.id in seen and seen[record.id] != label:
                yield SHARED_ID.at(record.source.file, record.source.line_of("id"),
                                   f"« {record.id} » est déjà un identifiant de {seen[record.id]}")
            seen.setdefault(record.id, label)
