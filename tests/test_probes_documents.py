"""Probes on the plan, the minutes and the documents: a folder that satisfies each, one that doesn't."""

from __future__ import annotations

from pathlib import Path

from cockpit.referentials.gaps import Status
from test_probes_base import assert_covered, folder, probe, shown

TEAM = """
[[team]]
id = "cmartin"
name = "Claire Martin"
role = "Cheffe de projet"
availability = 1.0
"""
WBS = """\
[[task]]
id = "lot"
name = "Lot 1"

[[task]]
id = "debut"
parent = "lot"
name = "Lancement"
milestone = true

[[task]]
id = "cdc"
parent = "lot"
name = "Cahier des charges"
duration = "5j"
after = ["debut"]
resources = ["cmartin"]
deliverable = "Cahier des charges"

[[task]]
id = "essais"
parent = "lot"
name = "Essais"
duration = "3j"
after = ["cdc"]
resources = ["cmartin"]
"""
RISKS = '[[risk]]\nid = "R1"\ntitle = "Retard"\ntasks = ["lot"]\n'


def test_wbs_every_activity_complete(tmp_path: Path) -> None:
    folder(tmp_path, {"cockpit.toml": TEAM, "wbs.toml": WBS, "risks.toml": RISKS})
    finding = probe(tmp_path, "wbs", require=["duration", "after", "resources", "risks"],
                    hierarchy=True, deliverables=1)
    assert_covered(finding)
    assert shown(finding) == ["wbs.toml:1"]
    other = tmp_path / "sans-risques"
    other.mkdir()
    folder(other, {"cockpit.toml": TEAM,
                   "wbs.toml": WBS.replace('resources = ["cmartin"]\n', "", 1)})
    finding = probe(other, "wbs", require=["resources", "risks"])
    assert finding.status is Status.PARTIAL
    assert finding.missing == (
        'ajoutez ses ressources (resources = ["id:50%"]) à la tâche « cdc » (wbs.toml ligne 11)',
        "ajoutez son analyse de risques (un risque de risks.toml qui la cite dans tasks = [...]) "
        "à la tâche « cdc » (wbs.toml ligne 11)",
        "ajoutez son analyse de risques (un risque de risks.toml qui la cite dans tasks = [...]) "
        "à la tâche « essais » (wbs.toml ligne 19)")



def test_an_activity_a_supplier_carries_out_needs_no_resource(tmp_path: Path) -> None:
    """« cdc » without resources but with its own invoice: bought, not staffed."""
    unstaffed = WBS.replace('resources = ["cmartin"]\n', "", 1)
    costs = ("date,task,category,amount,reference,comment\n2026-02-02,cdc,achat,12000,FAC-1,\n"
             "2026-02-27,essais,main-d'oeuvre,800,TS-2,\n")
    folder(tmp_path, {"cockpit.toml": TEAM, "wbs.toml": unstaffed, "costs.csv": costs})
    assert_covered(probe(tmp_path, "wbs", require=["resources"]))
    assert_covered(probe(tmp_path, "workload"))
    folder(tmp_path, {"cockpit.toml": TEAM, "wbs.toml": unstaffed,
                      "costs.csv": costs.replace(",cdc,", ",essais,")})
    assert probe(tmp_path, "wbs", require=["resources"]).missing == (
        'ajoutez ses ressources (resources = ["id:50%"]) à la tâche « cdc » (wbs.toml ligne 11)',)

def test_wbs_lists_at_most_five_tasks(tmp_path: Path) -> None:
    tasks = "".join(f'[[task]]\nid = "t{i}"\nname = "Tâche {i}"\nduration = "1j"\n\n'
                    for i in range(40))
    folder(tmp_path, {"wbs.toml": tasks})
    finding = probe(tmp_path, "wbs", require=["after"])
    assert len(finding.missing) == 6
    assert finding.missing[-1] == "… et 34 autres tâches du même type"  # t0 starts the project


def test_schedule_critical_path_levelled_and_milestones(tmp_path: Path) -> None:
    folder(tmp_path, {"cockpit.toml": TEAM, "wbs.toml": WBS})
    finding = probe(tmp_path, "schedule", levelled=True, milestones=1)
    assert_covered(finding)
    assert finding.evidence[0].note == "chemin critique : cdc → debut → essais"
    parallel = WBS.replace('after = ["cdc"]', 'after = ["debut"]')
    folder(tmp_path, {"cockpit.toml": TEAM, "wbs.toml": parallel})
    finding = probe(tmp_path, "schedule", levelled=True, milestones=2)
    assert finding.status is Status.PARTIAL
    assert finding.missing[0].startswith("« cmartin » est suralloué du ")
    assert "cockpit schedule --level" in finding.missing[0]
    assert finding.missing[1].startswith("jalonnez le planning : 1 jalon (milestone")


def test_schedule_reports_a_cycle(tmp_path: Path) -> None:
    folder(tmp_path, {"wbs.toml": WBS.replace('after = ["debut"]', 'after = ["essais"]')})
    finding = probe(tmp_path, "schedule")
    assert finding.status is not Status.COVERED
    assert any(m.startswith("wbs.toml : ") for m in finding.missing)


def test_workload_is_computable(tmp_path: Path) -> None:
    folder(tmp_path, {"cockpit.toml": TEAM, "wbs.toml": WBS})
    finding = probe(tmp_path, "workload")
    assert_covered(finding)
    assert shown(finding) == ["cockpit.toml:11", "wbs.toml:11"]
    folder(tmp_path, {"wbs.toml": WBS})
    assert "décrivez l'équipe" in probe(tmp_path, "workload").missing[0]


def test_tracking_and_progress(tmp_path: Path) -> None:
    indicators = '[[indicator]]\nid = "K3"\nname = "Avancement"\nscope = "project"\n'
    started = WBS.replace('deliverable = "Cahier des charges"',
                          'deliverable = "Cahier des charges"\nactual_start = 2026-01-06')
    folder(tmp_path, {"cockpit.toml": TEAM, "wbs.toml": started, "indicators.toml": indicators})
    finding = probe(tmp_path, "tracking")
    assert finding.missing == ("saisissez l'avancement de la tâche commencée « cdc » (wbs.toml "
                               "ligne 11) dans progress.csv (date,task,percent,comment)",)
    progress = "date,task,percent,comment\n2026-01-09,cdc,40,\n2026-01-16,cdc,100,\n"
    folder(tmp_path, {"cockpit.toml": TEAM, "wbs.toml": started, "indicators.toml": indicators,
                      "progress.csv": progress})
    assert_covered(probe(tmp_path, "tracking"))
    assert_covered(probe(tmp_path, "progress", min_dates=2))
    assert probe(tmp_path, "progress", min_dates=3).status is Status.PARTIAL


def _meeting(date: str, kind: str, phase: str, body: str) -> str:
    return (f'+++\ntitle = "Réunion {kind}"\ndate = {date}\nkind = "{kind}"\nphase = "{phase}"\n'
            f'facilitator = "cmartin"\nparticipants = ["cmartin"]\n'
            f'objectives = ["Valider le planning"]\n+++\n\n{body}')


FULL = """## Ordre du jour
- Planning
## Rappel du contexte et des objectifs
Contexte.
## Avancement
La tâche cdc a deux jours de retard.
## Écarts
- cdc : +2j, cause : fournisseur ; R1 surveillé
## Décisions
- D1 — Le lot formation est avancé.
## Actions
- A1 — @cmartin — 2026-04-10 — Passer la commande
## Points en suspens
- aucun
"""


def test_meetings_two_at_different_phases(tmp_path: Path) -> None:
    files = {"cockpit.toml": TEAM, "wbs.toml": WBS,
             "meetings/2026-01-06-lancement.md": _meeting("2026-01-06", "lancement", "cadrage", FULL),
             "meetings/2026-03-02-copil.md": _meeting("2026-03-02", "copil", "cadrage", FULL)}
    folder(tmp_path, files)
    params = dict(min=2, distinct="phase", sections=["ordre du jour", "contexte", "suspens"],
                  decisions=True, actions=True, objectives=True, roles=True)
    finding = probe(tmp_path, "meetings", **params)
    assert finding.status is Status.PARTIAL
    assert finding.missing[0] == ("il faut au moins 2 réunions complètes à des phases "
                                  "différentes ; 1 aujourd'hui (cadrage)")
    files["meetings/2026-03-02-copil.md"] = _meeting("2026-03-02", "copil", "conduite", FULL)
    folder(tmp_path, files)
    finding = probe(tmp_path, "meetings", **params)
    assert_covered(finding)
    assert any(e.file == "meetings/2026-01-06-lancement.md" and e.heading == "Ordre du jour"
               for e in finding.evidence)


def test_meeting_lacking_sections_says_which(tmp_path: Path) -> None:
    body = FULL.split("## Décisions")[0]
    folder(tmp_path, {"meetings/2026-01-06-lancement.md":
                      _meeting("2026-01-06", "lancement", "cadrage", body)})
    finding = probe(tmp_path, "meetings", sections=["suspens"], decisions=True)
    assert any(m.startswith("« Suspens » introuvable dans meetings/2026-01-06-lancement.md")
               for m in finding.missing)
    assert any(m.startswith("consignez les décisions dans meetings/2026-01-06-lancement.md")
               for m in finding.missing)


def test_variances_name_tasks_risks_or_indicators(tmp_path: Path) -> None:
    files = {"wbs.toml": WBS, "risks.toml": RISKS,
             "meetings/2026-03-02-copil.md": _meeting("2026-03-02", "copil", "conduite", FULL)}
    folder(tmp_path, files)
    finding = probe(tmp_path, "variances")
    assert_covered(finding)
    assert shown(finding) == ["meetings/2026-03-02-copil.md#écarts"]
    assert finding.evidence[0].note == "écarts sur R1, cdc"
    vague = FULL.replace("cdc", "la tâche").replace("R1", "le risque")
    files["meetings/2026-03-02-copil.md"] = _meeting("2026-03-02", "copil", "conduite", vague)
    folder(tmp_path, files)
    finding = probe(tmp_path, "variances")
    assert finding.status is Status.PARTIAL
    assert any("ne nomme aucune tâche" in m for m in finding.missing)
    # named by its name, not its id: « le cahier des charges » is the task cdc
    by_name = FULL.replace("cdc", "le cahier des charges").replace("R1", "le risque")
    files["meetings/2026-03-02-copil.md"] = _meeting("2026-03-02", "copil", "conduite", by_name)
    folder(tmp_path, files)
    finding = probe(tmp_path, "variances")
    assert_covered(finding)
    assert finding.evidence[0].note == "écarts sur cdc"


def test_variances_found_under_the_authors_own_heading(tmp_path: Path) -> None:
    """No « Écarts » heading: the variance is analysed in the text of « Faits marquants »."""
    body = ("## Faits marquants\n\n- Écart de 3 jours sur cdc : cause, une livraison "
            "tardive.\n\n## Décisions\n\n- D1 — Renfort validé.\n")
    files = {"wbs.toml": WBS, "meetings/2026-03-02-copil.md":
             _meeting("2026-03-02", "copil", "conduite", body)}
    folder(tmp_path, files)
    finding = probe(tmp_path, "variances")
    assert_covered(finding)
    assert shown(finding) == ["meetings/2026-03-02-copil.md#faits-marquants"]
    files["meetings/2026-03-02-copil.md"] = _meeting(
        "2026-03-02", "copil", "conduite", body.replace("Écart de 3 jours sur cdc : cause, une "
                                                        "livraison tardive.", "Tout va bien."))
    folder(tmp_path, files)
    finding = probe(tmp_path, "variances")
    assert finding.status is Status.PARTIAL
    assert any(m.startswith("« Les écarts analysés » introuvable dans "
                            "meetings/2026-03-02-copil.md") for m in finding.missing)


TEAMS = """+++
title = "Organisation des équipes"
kind = "organisation"
+++

## Équipes

| Équipe | Membres | Objectif |
|---|---|---|
| Équipe flux | 3 opérateurs | délai de 30 à 20 jours |
| Équipe visuel | 2 chefs d'équipe | — |
| Équipe standards | méthodes | |
"""


def test_each_team_has_its_own_objective_counted(tmp_path: Path) -> None:
    folder(tmp_path, {"docs/equipes.md": TEAMS}, referential="cqpm-animateur-lean")
    finding = probe(tmp_path, "team_objectives")
    assert finding.status is Status.PARTIAL
    assert shown(finding) == ["docs/equipes.md:10"]
    assert finding.missing == (
        "2 équipes sur 3 sans objectif propre : « Équipe visuel », « Équipe standards » : "
        "formulez l'objectif de chacune (une colonne « Objectif » au tableau des équipes, ou "
        "un passage par équipe sous un titre « Objectifs »)",)
    stated = TEAMS + ("\n## Objectifs de chaque équipe\n\n- **Équipe visuel** : un tableau "
                      "par îlot d'ici juin.\n- L'équipe standards a pour objectif 12 "
                      "standards écrits.\n")
    folder(tmp_path, {"docs/equipes.md": stated}, referential="cqpm-animateur-lean")
    finding = probe(tmp_path, "team_objectives")
    assert_covered(finding)
    assert shown(finding) == ["docs/equipes.md:10", "docs/equipes.md:16",
                              "docs/equipes.md:17"]
    # a support row without members (« Appui | — ») is no team asked for an objective
    support = stated.replace("| Équipe standards | méthodes | |\n",
                             "| Équipe standards | méthodes | |\n| Appui | — | |\n")
    folder(tmp_path, {"docs/equipes.md": support}, referential="cqpm-animateur-lean")
    assert_covered(probe(tmp_path, "team_objectives"))
    # the project's objectives are no team's: without teams, nothing is counted
    folder(tmp_path, {"docs/equipes.md": TEAMS.split("## Équipes")[0] + "## Objectifs\n\n"
                      "Réduire le délai de 30 %.\n"}, referential="cqpm-animateur-lean")
    assert probe(tmp_path, "team_objectives").status is Status.MISSING


WATCH = """+++
title = "Veille éditeur"
kind = "veille"
+++

## Demandes d'évolution remontées à l'éditeur

| Besoin | Origine | Transmis |
|---|---|---|
| Comparaison de deux indices | bureau d'études | oui, le 12/03 |
| Export de la nomenclature | méthodes | non |
| Tableau de bord des modifications | qualité | ✔ |
| Recherche multicritère | méthodes | — |
| Signature électronique | qualité | à faire |
"""


def test_a_table_that_says_items_were_not_done_is_counted(tmp_path: Path) -> None:
    """« les besoins sont systématiquement remontés » (`each`): the watch document's own
    table says that 3 of 5 needs were never passed on."""
    folder(tmp_path, {"docs/veille.md": WATCH}, referential="cqpm-chef-projet-plm")
    params = {"kinds": ["veille"], "sections": ["@veille_editeur"]}
    assert_covered(probe(tmp_path, "document", **params))
    finding = probe(tmp_path, "document", each=True, **params)
    assert finding.status is Status.PARTIAL
    assert finding.missing == (
        "3 lignes sur 5 du tableau « Besoin | Origine | Transmis » (docs/veille.md ligne 8) ne "
        "sont pas faites (colonne « Transmis ») : « Export de la nomenclature » (non), "
        "« Recherche multicritère » (—), « Signature électronique » (à faire)",)
    done = WATCH.replace("| non |", "| oui |").replace("| — |", "| ✔ |").replace(
        "| à faire |", "| transmis le 02/04 |")
    folder(tmp_path, {"docs/veille.md": done}, referential="cqpm-chef-projet-plm")
    assert_covered(probe(tmp_path, "document", each=True, **params))


DIAGNOSTIC = """+++
title = "Diagnostic"
date = 2026-01-16
kind = "diagnostic"
+++

## Méthode
Chronométrages.
## Résultats
184 s par pièce, conformément au RGPD.
"""


def test_document_of_a_kind_with_sections(tmp_path: Path) -> None:
    folder(tmp_path, {"docs/diagnostic.md": DIAGNOSTIC})
    finding = probe(tmp_path, "document", kinds=["diagnostic"], sections=["méthode", "résultats"],
                    mentions=["rgpd"])
    assert_covered(finding)
    assert shown(finding) == ["docs/diagnostic.md:7", "docs/diagnostic.md:9",
                              "docs/diagnostic.md:10"]
    assert finding.evidence[0].heading == "Méthode"
    assert finding.evidence[0].excerpt == "Chronométrages."
    finding = probe(tmp_path, "document", kinds=["diagnostic"], sections=["conclusions"],
                    mentions=["greenit"])
    assert finding.status is Status.PARTIAL
    assert finding.missing == (
        "« Conclusions » introuvable dans docs/diagnostic.md ni ailleurs dans le dossier (termes "
        "cherchés : « conclusions ») : ajoutez un passage qui en traite, sous le titre de votre "
        "choix",
        "« Greenit » introuvable dans docs/diagnostic.md ni ailleurs dans le dossier (termes "
        "cherchés : « greenit ») : ajoutez un passage qui en traite, sous le titre de votre "
        "choix")
    finding = probe(tmp_path, "document", kinds=["vsm"], sections=["flux"], label="une VSM")
    assert finding.status is Status.MISSING
    assert finding.missing == ("« Flux » introuvable dans le dossier (docs/, rex/, meetings/) "
                               "(termes cherchés : « flux ») : ajoutez un passage qui en "
                               "traite, sous le titre de votre choix",)
    finding = probe(tmp_path, "document", kinds=["vsm"], sections=["flux"], label="une VSM",
                    central=True)
    assert finding.missing == ('ajoutez une VSM : docs/vsm.md avec kind = "vsm" dans son en-tête',)


def test_document_of_any_kind(tmp_path: Path) -> None:
    folder(tmp_path, {"docs/diagnostic.md": DIAGNOSTIC})
    assert_covered(probe(tmp_path, "document", kinds=[], sections=["résultats"]))
    finding = probe(tmp_path, "document", kinds=[], sections=["architecture"], label="une archi")
    assert finding.missing == ("« Architecture » introuvable dans docs/diagnostic.md ni ailleurs "
                               "dans le dossier (termes cherchés : « architecture ») : ajoutez "
                               "un passage qui en traite, sous le titre de votre choix",)


BILAN = """+++
title = "Bilan"
date = 2026-09-30
kind = "bilan"
+++

## Coûts réels et budget
Réalisé 168 400 € pour 185 000 € prévus.
## Délais
Mise en production le 18/09, prévue le 30/09.
## Ressources
<!-- guidance left by the template -->
Méthodes à 80 % comme prévu.
"""


def test_bilan_compares_actuals_with_estimates(tmp_path: Path) -> None:
    costs = "date,task,category,amount,reference,comment\n2026-01-30,cdc,mo,100.00,F1,\n"
    folder(tmp_path, {"rex/bilan.md": BILAN, "costs.csv": costs,
                      "budget.toml": "[budget]\nenvelope = 1000\n"})
    finding = probe(tmp_path, "bilan")
    assert_covered(finding)
    assert shown(finding) == ["rex/bilan.md:7", "rex/bilan.md:9", "rex/bilan.md:11",
                              "costs.csv:2", "budget.toml:1"]
    folder(tmp_path, {"rex/bilan.md": BILAN.replace("## Délais\n", "")
                      .replace("Méthodes à 80 % comme prévu.", "")}, phase="conclusion")
    (tmp_path / "costs.csv").unlink()
    (tmp_path / "budget.toml").unlink()
    finding = probe(tmp_path, "bilan")
    assert finding.status is Status.PARTIAL
    assert finding.missing[0].startswith("« Les délais (prévu et réel) » introuvable dans "
                                         "rex/bilan.md ni ailleurs dans le dossier (termes "
                                         "cherchés : « délais »")
    assert finding.missing[1].startswith("« Les ressources (prévues et réelles) » introuvable "
                                         "dans rex/bilan.md")
    assert finding.missing[2].startswith("costs.csv est vide")
    assert finding.missing[3].startswith("budget.toml ne donne ni enveloppe ni lignes")


MATRIX = """\
title = "Choix du robot"
date = 2026-03-02
decided = "fanuc"
validated_by = "cmartin"
justification = "Meilleur compromis"

[[criterion]]
id = "cout"
name = "Coût"
weight = 3

[[criterion]]
id = "maintenance"
name = "Maintenance"
weight = 2

[[option]]
id = "fanuc"
name = "Fanuc"
cost = 98000
scores = { cout = 3, maintenance = 4 }

[[option]]
id = "abb"
name = "ABB"
scores = { cout = 4 }
"""


def test_decision_matrix(tmp_path: Path) -> None:
    folder(tmp_path, {"decisions/choix-robot.toml": MATRIX})
    finding = probe(tmp_path, "decision_matrix", costs=True)
    assert finding.status is Status.PARTIAL
    assert finding.missing == (
        "notez l'option « abb » de decisions/choix-robot.toml sur : maintenance",
        "chiffrez l'option « abb » de decisions/choix-robot.toml (cost = montant du devis)")
    fixed = MATRIX.replace("scores = { cout = 4 }", "cost = 91000\nscores = { cout = 4, maintenance = 2 }")
    folder(tmp_path, {"decisions/choix-robot.toml": fixed})
    finding = probe(tmp_path, "decision_matrix", costs=True)
    assert_covered(finding)
    assert shown(finding) == ["decisions/choix-robot.toml:1"]



def test_each_solution_costed_in_every_matrix(tmp_path: Path) -> None:
    """`costs`: the budget of *each* solution. A matrix that costs some options and not
    another is a gap even when a second matrix is complete (issue 12); a matrix with no
    cost at all beside a complete one is left alone (it may choose something else than
    solutions). `lacking` names the files a candidate's claim cannot cite."""
    complete = MATRIX.replace("scores = { cout = 4 }",
                              "cost = 91000\nscores = { cout = 4, maintenance = 2 }")
    half = complete.replace("cost = 91000\n", "")
    folder(tmp_path, {"decisions/a-choix-robot.toml": complete,
                      "decisions/b-choix-pince.toml": half})
    finding = probe(tmp_path, "decision_matrix", costs=True)
    assert finding.status is Status.PARTIAL
    assert finding.missing == (
        "chiffrez l'option « abb » de decisions/b-choix-pince.toml (cost = montant du devis)",)
    assert finding.lacking == ("decisions/b-choix-pince.toml",)
    assert probe(tmp_path, "decision_matrix").status is Status.COVERED
    none = half.replace("cost = 98000\n", "")
    folder(tmp_path, {"decisions/b-choix-pince.toml": none})
    assert_covered(probe(tmp_path, "decision_matrix", costs=True))

def test_a_blocking_point_must_be_followed(tmp_path: Path) -> None:
    blocked = FULL.split("## Points en suspens")[0] + (
        "## Points en suspens\n- Point bloquant : le fournisseur de brides ne livre plus.\n")
    files = {"meetings/2026-03-02-copil.md": _meeting("2026-03-02", "copil", "conduite", blocked)}
    folder(tmp_path, files)
    finding = probe(tmp_path, "open_points")
    assert finding.status is Status.PARTIAL
    assert finding.missing[0] == "1 point bloquant sur 1 sans suite"
    assert "fournisseur de brides" in finding.missing[1]
    files["meetings/2026-03-09-point.md"] = _meeting(
        "2026-03-09", "point-projet", "conduite",
        "## Décisions\n- D4 — Le fournisseur de brides est remplacé par Brideco.\n")
    folder(tmp_path, files)
    assert_covered(probe(tmp_path, "open_points"))


def test_meetings_without_a_phase_get_one_from_their_kind_or_date(tmp_path: Path) -> None:
    def undated(date: str, kind: str) -> str:
        return _meeting(date, kind, "cadrage", FULL).replace('phase = "cadrage"\n', "")

    folder(tmp_path, {"wbs.toml": WBS, "meetings/2026-01-06-lancement.md":
                      undated("2026-01-06", "lancement"),
                      "meetings/2026-03-02-copil.md": undated("2026-03-02", "copil")})
    finding = probe(tmp_path, "meetings", min=2, distinct="phase", sections=["ordre du jour"])
    assert_covered(finding)
    assert any(e.note.endswith("cadrage (phase déduite)") for e in finding.evidence)
