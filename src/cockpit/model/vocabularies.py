"""The closed lists of the folder's values, as StrEnums, with the other spellings accepted.

A value is written in French first; English and variant spellings are aliases (FORMAT.md:
« French and English spellings are both accepted where a value is a code »). Accents and
case are forgiven when reading (folder/fields.py `Fields.one_of`). A record keeps an unknown
value as written, after a warning (F012): its field is a `str`, and a member of these enums
compares equal to its French text.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum, StrEnum
from functools import cache

from cockpit.model.project import Phase, ResourceKind


class ActionStatus(StrEnum):
    TODO = "à faire"
    IN_PROGRESS = "en cours"
    DONE = "fait"
    ABANDONED = "abandonné"


class RiskStatus(StrEnum):
    OPEN = "ouvert"
    WATCHED = "surveillé"
    CLOSED = "clos"
    OCCURRED = "survenu"


class RiskStrategy(StrEnum):
    AVOID = "éviter"
    REDUCE = "réduire"
    TRANSFER = "transférer"
    ACCEPT = "accepter"
    EXPLOIT = "exploiter"
    ENHANCE = "améliorer"
    SHARE = "partager"


class RiskCategory(StrEnum):
    TECHNICAL = "technique"
    QUALITY = "qualité"
    ORGANISATIONAL = "organisationnel"
    ECONOMIC = "économique"
    HUMAN = "humain"
    SAFETY = "sécurité"
    ENVIRONMENT = "environnement"
    REGULATORY = "réglementaire"
    DATA = "données"


class Frequency(StrEnum):
    DAILY = "quotidienne"
    WEEKLY = "hebdomadaire"
    FORTNIGHTLY = "quinzaine"
    MONTHLY = "mensuelle"
    QUARTERLY = "trimestrielle"
    HALF_YEARLY = "semestrielle"
    YEARLY = "annuelle"
    AD_HOC = "ponctuelle"


class MeetingKind(StrEnum):
    KICK_OFF = "lancement"
    COPIL = "copil"
    CODIR = "codir"
    REVIEW = "revue"
    PROGRESS = "point-projet"
    WORKSHOP = "atelier"
    INFORMATION = "information"
    TRAINING = "formation"
    CLOSING = "cloture"


class StakeholderKind(StrEnum):
    INTERNAL = "internal"
    EXTERNAL = "external"


class TargetDirection(StrEnum):
    """Which way an indicator improves."""

    UP = "up"
    DOWN = "down"


class IndicatorScope(StrEnum):
    PROJECT = "project"
    PROCESS = "process"


class Visual(StrEnum):
    CURVE = "courbe"
    BARS = "histogramme"
    GAUGE = "jauge"
    TABLE = "tableau"


class RequirementKind(StrEnum):
    FUNCTIONAL = "fonctionnelle"
    NON_FUNCTIONAL = "non-fonctionnelle"
    CONSTRAINT = "contrainte"


class Priority(StrEnum):
    MUST = "must"
    SHOULD = "should"
    COULD = "could"
    WONT = "won't"


class RequirementStatus(StrEnum):
    PROPOSED = "proposée"
    VALIDATED = "validée"
    VERIFIED = "vérifiée"
    REJECTED = "rejetée"


ALIASES: Mapping[type[Enum], Mapping[str, str]] = {
    Phase: {"framing": "cadrage", "execution": "conduite", "closing": "conclusion",
            "closure": "conclusion", "cloture": "conclusion"},
    ResourceKind: {"personne": "person", "équipement": "equipment", "machine": "equipment",
                   "matière": "material", "prestation": "service"},
    ActionStatus: {"todo": "à faire", "a faire": "à faire", "in progress": "en cours",
                   "done": "fait", "faite": "fait", "cancelled": "abandonné",
                   "canceled": "abandonné", "abandonnée": "abandonné"},
    RiskStatus: {"open": "ouvert", "watched": "surveillé", "monitored": "surveillé",
                 "closed": "clos", "occurred": "survenu"},
    RiskStrategy: {"avoid": "éviter", "mitigate": "réduire", "reduce": "réduire",
                   "transfer": "transférer", "accept": "accepter", "exploit": "exploiter",
                   "enhance": "améliorer", "share": "partager"},
    RiskCategory: {"technical": "technique", "quality": "qualité",
                   "organisational": "organisationnel", "organizational": "organisationnel",
                   "economic": "économique", "financier": "économique", "human": "humain",
                   "safety": "sécurité", "environmental": "environnement",
                   "regulatory": "réglementaire", "data": "données"},
    Frequency: {"daily": "quotidienne", "weekly": "hebdomadaire", "biweekly": "quinzaine",
                "fortnightly": "quinzaine", "monthly": "mensuelle", "quarterly": "trimestrielle",
                "half-yearly": "semestrielle", "yearly": "annuelle", "annual": "annuelle",
                "ad hoc": "ponctuelle", "once": "ponctuelle", "quotidien": "quotidienne",
                "hebdomadaire": "hebdomadaire", "mensuel": "mensuelle",
                "trimestriel": "trimestrielle", "semestriel": "semestrielle",
                "annuel": "annuelle", "ponctuel": "ponctuelle", "bimensuelle": "quinzaine"},
    MeetingKind: {"kick-off": "lancement", "kickoff": "lancement", "steering": "copil",
                  "comité de pilotage": "copil", "review": "revue", "workshop": "atelier",
                  "training": "formation", "closing": "cloture", "clôture": "cloture",
                  "point projet": "point-projet", "point-hebdo": "point-projet"},
    StakeholderKind: {"interne": "internal", "externe": "external"},
    TargetDirection: {"hausse": "up", "baisse": "down", "monter": "up", "descendre": "down"},
    IndicatorScope: {"projet": "project", "pilotage": "project", "processus": "process",
                     "performance": "process"},
    Visual: {"curve": "courbe", "line": "courbe", "bar": "histogramme", "gauge": "jauge",
             "table": "tableau"},
    RequirementKind: {"functional": "fonctionnelle", "non-functional": "non-fonctionnelle",
                      "constraint": "contrainte"},
    Priority: {"doit": "must", "devrait": "should", "pourrait": "could"},
    RequirementStatus: {"proposed": "proposée", "validated": "validée",
                        "verified": "vérifiée", "rejected": "rejetée"},
}


@cache
def values(vocabulary: type[Enum]) -> tuple[str, ...]:
    """The French (canonical) values of a vocabulary, in order."""
    return tuple(str(member.value) for member in vocabulary)
