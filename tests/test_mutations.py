"""Each finding lowers only the criteria whose text asks for it (issue 12).

From the shipped example of each référentiel, one single change at a time (a document
deleted, a section emptied, a key removed from one record…); the test asserts exactly
which criteria change status, to what, and that no other criterion moves. A change that
no criterion asks about (an option's cost in a référentiel that never asks for it) must
move nothing. Expected statuses were reviewed one by one against the criteria's texts.
"""

from __future__ import annotations

import datetime as dt
import shutil
from functools import cache
from pathlib import Path

import pytest

from cockpit.check.run import run_check
from mutations import (
    Mutation,
    delete,
    drop_key,
    drop_lines,
    drop_records,
    drop_section,
    empty_section,
    keep_csv_rows,
    replace,
    set_key,
)

EXAMPLES = Path(__file__).parents[1] / "examples"
TODAY = dt.date(2026, 12, 4)

MUTATIONS: list[tuple[str, str, Mutation, dict[str, str]]] = [
    ("robot-soudage", "delete note de cadrage", delete("docs/note-de-cadrage.md"), {"C1.1": "partial"}),
    (
        "robot-soudage",
        "objective without deadline",
        drop_key("cockpit.toml", "O1", "deadline"),
        {"C1.2": "partial"},
    ),
    (
        "robot-soudage",
        "objective without indicator",
        drop_key("cockpit.toml", "O1", "indicator"),
        {"C1.2": "partial"},
    ),
    (
        "robot-soudage",
        "channel not validated",
        drop_key("communication.toml", "C1", "validated_by"),
        {"C6.3": "partial"},
    ),
    (
        "robot-soudage",
        "meeting action without owner",
        drop_key("actions.toml", "A3", "who"),
        {"C4.4": "partial"},
    ),
    (
        "robot-soudage",
        "meeting action without due",
        drop_key("actions.toml", "A3", "due"),
        {"C4.4": "partial"},
    ),
    (
        "robot-soudage",
        "no progress",
        keep_csv_rows("progress.csv", lambda row: False),
        {"C2.8": "partial", "C3.1": "partial"},
    ),
    (
        "robot-soudage",
        "no measures",
        keep_csv_rows("measures.csv", lambda row: False),
        {"C3.3": "partial", "C5.1": "partial"},
    ),
    (
        "robot-soudage",
        "risk not tied to tasks",
        drop_key("risks.toml", "R1", "tasks"),
        {"C3.2": "partial"},
    ),
    (
        "robot-soudage",
        "no risk tied to any task",
        drop_lines("risks.toml", "tasks ="),
        {"C2.1": "partial", "C3.2": "partial"},
    ),
    (
        "robot-soudage",
        "no suspens section in copil-1",
        drop_section("meetings/2026-03-02-copil-1.md", "Points en suspens"),
        {},
    ),
    (
        "robot-soudage",
        "impact section emptied",
        empty_section("docs/note-de-cadrage.md", "Impact organisationnel et humain"),
        {},
    ),
    (
        "robot-soudage",
        "sources section emptied",
        empty_section("docs/note-de-cadrage.md", "Sources d'information"),
        {},
    ),
    (
        "robot-soudage",
        "engagement commentary emptied",
        empty_section("docs/planification.md", "Calendrier et engagement prévisionnel"),
        {},
    ),
    (
        "robot-soudage",
        "indicators of activities emptied",
        empty_section("docs/planification.md", "Indicateurs de suivi d'avancement"),
        {},
    ),
    (
        "robot-soudage",
        "delete rex",
        delete("rex/2026-04-16-rex-mi-parcours.md"),
        {"C7.2": "missing", "C7.3": "missing", "C7.4": "missing"},
    ),
    ("robot-soudage", "no stakeholders", drop_records("cockpit.toml", "stakeholders"), {"C6.1": "partial"}),
    ("robot-soudage", "no requirements", delete("requirements.toml"), {"C1.5": "partial"}),
    ("robot-soudage", "no governance", drop_records("cockpit.toml", "governance"), {"C2.5": "partial"}),
    (
        "lean-atelier-peinture",
        "delete diagnostic",
        delete("docs/diagnostic.md"),
        {"C1.1": "missing", "C1.2": "missing", "C1.3": "partial"},
    ),
    (
        "lean-atelier-peinture",
        "objective O3 without indicator",
        drop_key("cockpit.toml", "O3", "indicator"),
        {"C2.3": "partial"},
    ),
    ("lean-atelier-peinture", "deployment proposal deleted", delete("docs/proposition-deploiement.md"), {}),
    (
        "lean-atelier-peinture",
        "decision without justification",
        replace("decisions/choix-leviers.toml", "justification =", "# justification ="),
        {"C3.1": "partial", "C3.2": "partial"},
    ),
    ("lean-atelier-peinture", "no risks", delete("risks.toml"), {"C2.1": "partial", "C5.2": "partial"}),
    (
        "lean-atelier-peinture",
        "lever option without cost",
        replace("decisions/choix-leviers.toml", "cost = 280000", ""),
        {"C3.2": "partial"},
    ),
    (
        "lean-atelier-peinture",
        "no communication",
        delete("communication.toml"),
        {"C4.2": "partial", "C9.1": "partial"},
    ),
    ("lean-atelier-peinture", "VSM deleted", delete("docs/vsm-etat-actuel.md"), {}),
    ("plm-deploiement", "veille éditeur deleted", delete("docs/veille-editeur.md"), {}),
    (
        "plm-deploiement",
        "support functions emptied",
        empty_section("docs/organisation-mco.md", "Fonctions support"),
        {"C7.2": "partial"},
    ),
    (
        "plm-deploiement",
        "option without cost",
        replace("decisions/choix-solution-plm.toml", "cost = 148000", ""),
        {},
    ),
    ("plm-deploiement", "bilan deleted", delete("rex/2026-01-23-bilan.md"), {}),
    (
        "plm-deploiement",
        "validation plan deleted",
        delete("docs/plan-de-validation.md"),
        {"C3.1": "missing", "C3.2": "missing"},
    ),
    (
        "ligne-usinage-connectee",
        "option without cost",
        replace("decisions/choix-solution.toml", "cost = 57200", ""),
        {"C4.7": "partial"},
    ),
    (
        "ligne-usinage-connectee",
        "regulation section emptied",
        empty_section("docs/veille.md", "Réglementation"),
        {"C3.6": "partial"},
    ),
    (
        "ligne-usinage-connectee",
        "diagnostic safety emptied",
        empty_section("docs/diagnostic.md", "Exigences de sécurité, réglementation, environnement"),
        {"C1.4": "partial"},
    ),
    (
        "ligne-usinage-connectee",
        "interlocutors emptied",
        empty_section("docs/cahier-des-charges.md", "Interlocuteurs"),
        {},
    ),
    (
        "ligne-usinage-connectee",
        "FAST section emptied",
        empty_section("docs/analyse-fonctionnelle.md", "FAST"),
        {},
    ),
    (
        "ligne-usinage-connectee",
        "validation plan deleted",
        delete("docs/plan-de-validation.md"),
        {"C6.4": "partial"},
    ),
    (
        "ligne-usinage-connectee",
        "no progress",
        keep_csv_rows("progress.csv", lambda row: False),
        {"C5.8": "partial", "C6.2": "partial", "C6.5": "partial"},
    ),
    ("bim-usine", "channel not validated", drop_key("communication.toml", "C1", "validated_by"), {}),
    (
        "bim-usine",
        "scan report deleted",
        delete("docs/rapport-numerisation.md"),
        {"C2.1.2.a": "missing", "C2.1.3.a": "partial", "C2.1.4.b": "partial"},
    ),
    ("bim-usine", "SWOT deleted", delete("docs/swot.md"), {"C2.2.3.b": "partial"}),
    (
        "bim-usine",
        "note de service deleted",
        delete("docs/note-de-service-km.md"),
        {"C1.3.3.b": "missing"},
    ),
    (
        "bim-usine",
        "communication plan deleted",
        delete("docs/plan-de-communication.md"),
        # communication.toml, the plan itself, still adapts its media (« PDF accessible »,
        # « version audio pour le collaborateur malvoyant »): C1.2.2.b stays covered
        {},
    ),
    ("robot-soudage", "no envelope", replace("budget.toml", "envelope = 225000", ""), {"C2.7": "partial"}),
    (
        "robot-soudage",
        "task without resources",
        drop_key("wbs.toml", "cdc", "resources"),
        {"C2.1": "partial", "C2.6": "partial", "C3.1": "partial"},
    ),
    ("robot-soudage", "decision matrix deleted", delete("decisions/choix-integrateur.toml"), {}),
    (
        "robot-soudage",
        "requirement without acceptance",
        drop_key("requirements.toml", "EX-01", "acceptance"),
        {},
    ),
    (
        "robot-soudage",
        "team member without rate",
        drop_key("cockpit.toml", "bdupont", "rate"),
        {"C2.7": "partial"},
    ),
    (
        "robot-soudage",
        "a blocking point left without follow-up",
        replace(
            "meetings/2026-04-16-copil-2.md",
            "- Réponse CARSAT (R9) ; date des essais usine (A14).",
            "- Réponse CARSAT (R9) ; date des essais usine (A14).\n"
            "- Point bloquant : raccordement pneumatique du positionneur non conforme à la "
            "norme du fabricant.",
        ),
        {"C3.4": "partial", "C4.4": "partial"},
    ),
    (
        "robot-soudage",
        "a blocking point taken up by a decision",
        replace(
            "meetings/2026-04-16-copil-2.md",
            "- Réponse CARSAT (R9) ; date des essais usine (A14).",
            "- Réponse CARSAT (R9) ; date des essais usine (A14).\n"
            "- Point bloquant : la programmation hors ligne de la FX-320 attend la licence.",
        ),
        {},
    ),
    (
        "ligne-usinage-connectee",
        "veille deleted",
        delete("docs/veille.md"),
        {
            "C3.1": "to_justify",
            "C3.2": "missing",
            "C3.3": "missing",
            "C3.4": "missing",
            "C3.5": "missing",
            "C3.6": "missing",
            "C4.6": "missing",
        },
    ),
    (
        "ligne-usinage-connectee",
        "requirement without kind",
        drop_key("requirements.toml", "EX-01", "kind"),
        {},
    ),
    (
        "ligne-usinage-connectee",
        "action past its due date never updated",
        set_key("actions.toml", "A7", "status", '"en cours"'),
        {"C6.5": "partial"},
    ),
    (
        "plm-deploiement",
        "a need never passed on to the editor",
        replace("docs/veille-editeur.md", "| à l'étude |", "| non transmise |"),
        {"C2.5": "partial"},
    ),
    (
        "lean-atelier-peinture",
        "bilan deleted",
        delete("rex/2026-02-24-bilan.md"),
        {"C8.1": "missing", "C9.1": "partial"},
    ),
]


@cache
def _statuses_of(example: str) -> dict[str, str]:
    return _statuses(EXAMPLES / example)


def _statuses(root: Path) -> dict[str, str]:
    result = run_check(root, today=TODAY)
    assert result.gaps is not None
    return {k.id: k.status.value for c in result.gaps.capacities for k in c.criteria}


def test_at_least_forty_single_changes_over_the_five_referentials() -> None:
    assert len(MUTATIONS) >= 40
    assert len({example for example, *_ in MUTATIONS}) == 5
    assert sum(1 for *_, changed in MUTATIONS if changed) >= 30


@pytest.mark.parametrize(
    ("example", "change", "mutation", "expected"), MUTATIONS, ids=[f"{e}: {c}" for e, c, _, _ in MUTATIONS]
)
def test_a_single_change_moves_exactly_the_criteria_that_ask_for_it(
    tmp_path: Path, example: str, change: str, mutation: Mutation, expected: dict[str, str]
) -> None:
    before = _statuses_of(example)
    root = tmp_path / example
    shutil.copytree(EXAMPLES / example, root)
    mutation(root)
    after = _statuses(root)
    moved = {k: v for k, v in after.items() if before.get(k) != v}
    assert moved == expected
