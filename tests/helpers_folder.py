"""A small, clean project folder written from FORMAT.md-shaped text, and ways to break it.

`make_project(tmp_path, {"wbs.toml": "...", "costs.csv": None})` writes the clean folder
with some files replaced (text or bytes) or removed (None). `found(result)` gives the
(code, file, line) triples of a check result.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from pathlib import Path

from cockpit.diagnostics.diagnostic import Diagnostic

# The day the tests run "today" (the shell's date, --today): a working Friday, so that
# nothing depends on the real clock.
TODAY = dt.date(2026, 12, 4)

COCKPIT = """\
# Projet de test
[project]
id = "TEST-26"
title = "Robotisation de la cellule de test"
sponsor = "Direction industrielle"
manager = "cmartin"                  # un id de [[team]]
start = 2026-01-05
deadline = 2026-09-30
status_date = 2026-03-02
phase = "conduite"
currency = "EUR"

[calendar]
workdays = ["mon", "tue", "wed", "thu", "fri"]
hours_per_day = 7
holidays = "FR"
closures = [{ from = 2026-08-03, to = 2026-08-21, label = "Fermeture estivale" }]

[[team]]
id = "cmartin"
name = "Claire Martin"
role = "Cheffe de projet"
kind = "person"
rate = 520
availability = 0.8
absences = [{ from = 2026-05-11, to = 2026-05-15 }]

[[team]]
id = "bdupont"
name = "Bruno Dupont"
role = "Technicien méthodes"
rate = 400

[[stakeholders]]
id = "dirind"
name = "Direction industrielle"
kind = "internal"
interest = 3
influence = 3
expectations = "Gain de productivité de 25 %"

[[objectives]]
id = "O1"
statement = "Réduire le temps de cycle de soudage de 25 %"
indicator = "K1"
deadline = 2026-09-30

[[governance]]
id = "copil"
name = "Comité de pilotage"
members = ["dirind", "cmartin"]
frequency = "mensuelle"
"""

WBS = """\
[[task]]
id = "cadrage"
name = "Cadrage"

[[task]]
id = "lancement"
parent = "cadrage"
name = "Réunion de lancement"
milestone = true

[[task]]
id = "cdc"
parent = "cadrage"
name = "Rédaction du cahier des charges"
duration = "8j"
resources = ["cmartin:50%", "bdupont"]
after = ["lancement"]
deliverable = "Cahier des charges validé"
indicator = "K1"

[[task]]
id = "essais"
name = "Essais de réception"
duration = "2s"
resources = ["bdupont"]
after = ["cdc FD+2j"]

[[task]]
id = "go-copil"
name = "Validation COPIL"
milestone = true
after = ["essais"]
"""

BUDGET = """\
[budget]
envelope = 185000
contingency = 12000

[[line]]
id = "L1"
task = "essais"
category = "investissement"
amount = 98000
date = 2026-04-15
"""

COSTS = """\
date,task,category,amount,reference,comment
2026-02-10,cdc,prestation,1200.50,FAC-1,"Visite, relevés"
"""

PROGRESS = """\
date,task,percent,comment
2026-01-16,cdc,100,
2026-02-03,essais,100,
"""

RISKS = """\
[[risk]]
id = "R1"
title = "Retard de livraison du robot"
category = "technique"
probability = 3
impact = 4
owner = "bdupont"
strategy = "réduire"
response = "Commande anticipée, pénalités de retard au contrat"
actions = ["A1"]
tasks = ["essais"]
status = "ouvert"
identified = 2026-01-20
review = 2026-04-01
"""

ACTIONS = """\
[[action]]
id = "A1"
what = "Passer la commande du robot"
who = "bdupont"
due = 2026-04-10
status = "en cours"
origin = "meetings/2026-01-12-lancement.md"

[[action]]
id = "A2"
what = "Réserver la salle"
who = "cmartin"
due = 2026-01-20
status = "fait"
done = 2026-01-19
origin = "R1"
"""

INDICATORS = """\
[[indicator]]
id = "K1"
name = "Temps de cycle de soudage"
unit = "s"
baseline = 184
target = 138
direction = "down"
frequency = "hebdomadaire"
owner = "bdupont"
visual = "courbe"
scope = "project"
"""

MEASURES = """\
date,indicator,value,comment
2026-02-16,K1,180,
2026-02-23,K1,176,
2026-03-02,K1,171,
"""

COMMUNICATION = """\
[[channel]]
id = "C1"
information = "Compte rendu de COPIL"
sender = "cmartin"
audience = ["dirind", "copil"]
frequency = "mensuelle"
medium = "e-mail"
"""

REQUIREMENTS = """\
[[requirement]]
id = "EX-1"
text = "La cellule produit 42 pièces/heure"
kind = "fonctionnelle"
priority = "must"
status = "validée"
tasks = ["essais"]
"""

DECISION = """\
title = "Choix du robot de soudage"
date = 2026-03-02
decided = "fanuc"
validated_by = "dirind"
justification = "Meilleur compromis"

[[criterion]]
id = "cout"
name = "Coût d'acquisition"
weight = 3

[[option]]
id = "fanuc"
name = "Fanuc ARC Mate"
cost = 98000
scores = { cout = 3 }
"""

MEETING = """\
+++
title = "Réunion de lancement"
date = 2026-01-12
kind = "lancement"
phase = "cadrage"
facilitator = "cmartin"
participants = ["cmartin", "bdupont", "dirind"]
+++

## Ordre du jour

## Décisions
- D1 — Le projet est lancé.

## Actions
- A1 — @bdupont — 2026-04-10 — Passer la commande du robot
"""

DOCUMENT = """\
+++
title = "Note de cadrage"
date = 2026-01-08
kind = "note-de-cadrage"
+++

## Objectifs

Réduire le temps de cycle.
"""

REX = """\
+++
title = "Bilan intermédiaire"
date = 2026-02-27
kind = "bilan"
+++

## Ce qui a marché
"""

EVIDENCE = """\
["cqpm-charge-projets-industriels".C4]
evidence = ["meetings/2026-01-12-lancement.md", "docs/note-de-cadrage.md#objectifs"]
justification = "Réunion de lancement animée."
"""

CLEAN: dict[str, str] = {
    "cockpit.toml": COCKPIT,
    "wbs.toml": WBS,
    "budget.toml": BUDGET,
    "costs.csv": COSTS,
    "progress.csv": PROGRESS,
    "risks.toml": RISKS,
    "actions.toml": ACTIONS,
    "indicators.toml": INDICATORS,
    "measures.csv": MEASURES,
    "communication.toml": COMMUNICATION,
    "requirements.toml": REQUIREMENTS,
    "decisions/choix-robot.toml": DECISION,
    "meetings/2026-01-12-lancement.md": MEETING,
    "docs/note-de-cadrage.md": DOCUMENT,
    "rex/bilan.md": REX,
    "evidence.toml": EVIDENCE,
}


def make_project(root: Path, changes: Mapping[str, str | bytes | None] | None = None) -> Path:
    """Write the clean folder into `root`, with `changes` applied (None removes a file)."""
    files: dict[str, str | bytes | None] = {**CLEAN, **(changes or {})}
    for relative, content in files.items():
        if content is None:
            continue
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
    return root


def swap(text: str, old: str, new: str) -> str:
    """`text` with the first `old` replaced (which must be there)."""
    assert old in text, old
    return text.replace(old, new, 1)


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th line containing `needle`."""
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not found")


def found(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> set[tuple[str, str, int]]:
    return {(d.code, d.file, d.line) for d in diagnostics}


def codes_of(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> set[str]:
    return {d.code for d in diagnostics}


def hashes(root: Path) -> dict[str, tuple[str, int]]:
    """Every file under `root` with its sha256 and mtime, to prove nothing was written."""
    return {
        str(p.relative_to(root)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*")) if p.is_file()
    }
