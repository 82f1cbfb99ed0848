"""Consistency between registers, minutes and journals (K…), and paths named in files."""

from __future__ import annotations

from collections.abc import Iterator

from cockpit import french
from cockpit.check.registry import check
from cockpit.check.rules.references import UNKNOWN_FILE, UNKNOWN_ORIGIN
from cockpit.diagnostics.diagnostic import Diagnostic, Severity
from cockpit.diagnostics.registry import define
from cockpit.folder.paths import inside, looks_like_path, posix, resolve
from cockpit.model.vocabularies import ActionStatus
from cockpit.state import ProjectState

MINUTES_ACTION_MISSING = define(
    "K001", Severity.ERROR, "Action des minutes absente du plan d'actions",
    "Toute action qu'un compte rendu nomme vit dans actions.toml, le registre vivant : "
    "c'est là que se suivent responsable, échéance et statut.",
    "## Actions\n- A9 — @bdupont — 2026-04-10 — Relancer le fournisseur   # pas de A9 dans "
    "actions.toml",
    "Ajoutez l'action à actions.toml avec son responsable, son échéance et origin = ce compte rendu.",
)
MINUTES_DISAGREE = define(
    "K002", Severity.WARNING, "Compte rendu et plan d'actions en désaccord",
    "Le compte rendu donne à une action un responsable ou une échéance différents de "
    "actions.toml ; le registre fait foi.",
    "- A7 — @cmartin — 2026-04-10   # actions.toml : who = \"bdupont\"",
    "Alignez le compte rendu sur actions.toml, ou mettez le registre à jour.",
)
PROGRESS_OVER = define(
    "K003", Severity.ERROR, "Avancement supérieur à 100 %",
    "Le pourcentage d'avancement d'une tâche va de 0 à 100.",
    "2026-04-17,cdc,120,",
    "Corrigez la valeur ; une tâche terminée est à 100.",
)
DONE_STATUS = define(
    "K004", Severity.WARNING, "Date de réalisation et statut incohérents",
    "`done` est la date à laquelle l'action a été faite : elle va avec status = \"fait\", "
    "et une action faite a sa date.",
    'status = "en cours"\ndone = 2026-04-09    # status = "fait"',
    "Passez le statut à « fait », ou retirez la date de réalisation.",
)
MEETING_DAY_OFF = define(
    "K005", Severity.WARNING, "Réunion un jour non ouvré",
    "La réunion est datée d'un week-end, d'un jour férié ou d'une fermeture du calendrier "
    "du projet : souvent une erreur de date.",
    "date = 2026-05-01    # 1er mai",
    "Vérifiez la date de la réunion.",
)
PATH_OUTSIDE = define(
    "K006", Severity.ERROR, "Chemin hors du dossier du projet",
    "Les chemins écrits dans les fichiers sont relatifs au dossier du projet et y restent : "
    "pas de chemin absolu, pas de « .. » qui en sort.",
    'origin = "../autre-projet/meetings/2026-01-10-copil.md"',
    "Copiez le document dans le dossier du projet et citez-le par un chemin relatif.",
)
ORIGIN_NOT_NAMED = define(
    "K007", Severity.WARNING, "Action absente du compte rendu dont elle est issue",
    "Une action dont l'origine est une réunion doit figurer dans la section Actions de son "
    "compte rendu.",
    'origin = "meetings/2026-03-12-copil-2.md"    # le compte rendu ne cite pas A7',
    "Ajoutez la ligne « - A7 — @responsable — échéance — libellé » au compte rendu.",
)

DIRECTORIES = ("meetings", "rex", "docs", "decisions")


@check(PATH_OUTSIDE, UNKNOWN_FILE, UNKNOWN_ORIGIN)
def paths(ctx: ProjectState) -> Iterator[Diagnostic]:
    # A key's line is looked up only for a diagnostic: the first lookup in a table reads
    # the lines of all its keys.
    project = ctx.project
    risks = {r.id for r in project.risks}
    indicators = {i.id for i in project.indicators}
    for action in project.actions:
        origin = action.origin
        if not origin:
            continue
        if not looks_like_path(origin):
            if origin not in risks and origin not in indicators:
                yield UNKNOWN_ORIGIN.at(
                    action.source.file, action.source.line_of("origin"),
                    f"action « {action.id} » : origine « {origin} » ni fichier, ni risque, "
                    "ni indicateur")
        elif not inside(origin):
            yield PATH_OUTSIDE.at(action.source.file, action.source.line_of("origin"),
                                  f"action « {action.id} » : « {origin} » sort du dossier")
        elif (problem := resolve(project, origin)) is not None:
            yield UNKNOWN_FILE.at(action.source.file, action.source.line_of("origin"),
                                  f"action « {action.id} » : {problem}")
    for claim in project.evidence:
        for reference in claim.evidence:
            where = f"preuve {claim.referential} {claim.target}"
            if not inside(reference.partition("#")[0]):
                yield PATH_OUTSIDE.at("evidence.toml", claim.source.line_of("evidence"),
                                      f"{where} : « {reference} » sort du dossier")
            elif (problem := resolve(project, reference)) is not None:
                yield UNKNOWN_FILE.at("evidence.toml", claim.source.line_of("evidence"),
                                      f"{where} : {problem}")


@check(MINUTES_ACTION_MISSING, MINUTES_DISAGREE, ORIGIN_NOT_NAMED)
def minutes_and_register(ctx: ProjectState) -> Iterator[Diagnostic]:
    project = ctx.project
    register = {a.id: a for a in project.actions}
    named: dict[str, set[str]] = {}
    for meeting in project.meetings:
        for mention in meeting.actions:
            named.setdefault(meeting.path, set()).add(mention.action)
            action = register.get(mention.action)
            if action is None:
                yield MINUTES_ACTION_MISSING.at(
                    meeting.path, mention.line,
                    f"l'action {mention.action} n'existe pas dans actions.toml")
                continue
            if mention.owner and action.who and mention.owner != action.who:
                yield MINUTES_DISAGREE.at(
                    meeting.path, mention.line,
                    f"action {action.id} : responsable @{mention.owner} ici, "
                    f"« {action.who} » dans actions.toml")
            if mention.due and action.due and mention.due != action.due:
                yield MINUTES_DISAGREE.at(
                    meeting.path, mention.line,
                    f"action {action.id} : échéance {mention.due} ici, {action.due} dans actions.toml")
    meetings = {m.path for m in project.meetings}
    for action in project.actions:
        origin = posix(action.origin) if action.origin else ""
        if origin in meetings and action.id not in named.get(origin, set()):
            yield ORIGIN_NOT_NAMED.at(
                action.source.file, action.source.line_of("origin"),
                f"action « {action.id} » : son compte rendu d'origine ne la cite pas")


@check(PROGRESS_OVER, DONE_STATUS)
def journals_and_statuses(ctx: ProjectState) -> Iterator[Diagnostic]:
    project = ctx.project
    for entry in project.progress:
        if entry.percent > 100:
            yield PROGRESS_OVER.at(entry.source.file, entry.source.line,
                                   f"tâche « {entry.task} » : {entry.percent:g} % d'avancement")
    for action in project.actions:
        if action.done is not None and action.status != ActionStatus.DONE:
            yield DONE_STATUS.at(
                action.source.file, action.source.line_of("done"),
                f"action « {action.id} » : date de réalisation {action.done} mais statut "
                f"« {action.status} »")
        elif action.status == ActionStatus.DONE and action.done is None:
            yield DONE_STATUS.at(
                action.source.file, action.source.line_of("status"),
                f"action « {action.id} » : statut « fait » sans date de réalisation (done)",
                "Ajoutez done = AAAA-MM-JJ, la date à laquelle l'action a été faite.")


@check(MEETING_DAY_OFF)
def meeting_days(ctx: ProjectState) -> Iterator[Diagnostic]:
    for meeting in ctx.project.meetings:
        if not ctx.calendar.is_working_day(meeting.date):
            yield MEETING_DAY_OFF.at(
                meeting.path, meeting.source.line_of("date"),
                f"la réunion est datée du {french.date(meeting.date)}, jour non ouvré du calendrier")
