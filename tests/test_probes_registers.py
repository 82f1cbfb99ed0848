"""Probes on cockpit.toml and the registers: one folder that satisfies each, one that doesn't."""

from __future__ import annotations

from pathlib import Path

from cockpit.referentials.gaps import Status
from test_probes_base import assert_covered, folder, probe, shown

TEAM = """
[[team]]
id = "cmartin"
name = "Claire Martin"
role = "Cheffe de projet"
rate = 500

[[team]]
id = "bdupont"
name = "Bruno Dupont"
role = "Technicien"
rate = 400
"""
OBJECTIVES = """
[[objectives]]
id = "O1"
statement = "Réduire le temps de cycle de 25 %"
indicator = "K1"
deadline = 2026-09-30

[[objectives]]
id = "O2"
statement = "Réduire les retouches"
"""
INDICATORS = """\
[[indicator]]
id = "K1"
name = "Temps de cycle"
baseline = 184
target = 138
frequency = "hebdomadaire"
scope = "process"
"""


def test_objectives_each_measured_by_an_indicator(tmp_path: Path) -> None:
    folder(tmp_path, {"cockpit.toml": OBJECTIVES, "indicators.toml": INDICATORS})
    finding = probe(tmp_path, "objectives", min=2, indicator=True)
    assert finding.status is Status.PARTIAL
    assert "cockpit.toml:" in shown(finding)[0]
    assert finding.missing == ("ajoutez un indicateur à l'objectif O2 (cockpit.toml ligne 17) : "
                               "indicator = \"K…\"",)
    ok = OBJECTIVES.replace('"Réduire les retouches"', '"Réduire les retouches"\nindicator = "K1"')
    folder(tmp_path, {"cockpit.toml": ok, "indicators.toml": INDICATORS})
    assert_covered(probe(tmp_path, "objectives", min=2, indicator=True))


def test_objectives_quantified_by_an_indicator_or_a_figure_in_their_statement(
        tmp_path: Path) -> None:
    folder(tmp_path, {"cockpit.toml": OBJECTIVES, "indicators.toml": INDICATORS})
    finding = probe(tmp_path, "objectives", quantified=True)
    assert finding.status is Status.PARTIAL
    assert finding.missing == ("chiffrez l'objectif O2 (cockpit.toml ligne 17) : un niveau à "
                               "atteindre dans son énoncé, ou un indicateur (indicator = \"K…\")",)
    for figure in ("de moitié", "par cinq", "à 2 par semaine", "de 10 %"):
        ok = OBJECTIVES.replace('"Réduire les retouches"', f'"Réduire les retouches {figure}"')
        folder(tmp_path, {"cockpit.toml": ok, "indicators.toml": INDICATORS})
        assert_covered(probe(tmp_path, "objectives", quantified=True))


def test_objectives_quantity_at_least_three_axes(tmp_path: Path) -> None:
    folder(tmp_path, {"cockpit.toml": OBJECTIVES, "indicators.toml": INDICATORS})
    finding = probe(tmp_path, "objectives", min=3, indicator=False)
    assert finding.status is Status.PARTIAL
    assert any("au moins 3 objectifs" in m and "2 aujourd'hui" in m for m in finding.missing)


def test_objective_citing_an_unknown_indicator(tmp_path: Path) -> None:
    folder(tmp_path, {"cockpit.toml": OBJECTIVES.replace('"K1"', '"K9"')})
    finding = probe(tmp_path, "objectives", indicator=True)
    assert any("« K9 » absent d'indicators.toml" in m for m in finding.missing)


def test_indicators_complete_and_measured(tmp_path: Path) -> None:
    measures = "date,indicator,value,comment\n2026-01-30,K1,184,\n2026-02-27,K1,170,\n"
    folder(tmp_path, {"indicators.toml": INDICATORS, "measures.csv": measures})
    finding = probe(tmp_path, "indicators", measures=2, scope="process")
    assert_covered(finding)
    assert shown(finding) == ["indicators.toml:1", "measures.csv:2"]
    finding = probe(tmp_path, "indicators", measures=3, fields=["baseline", "owner"])
    assert finding.status is Status.PARTIAL
    assert finding.missing == (
        "ajoutez le responsable (owner) à l'indicateur K1 (indicators.toml ligne 1)",
        "saisissez au moins 3 mesures de K1 dans measures.csv (date,indicator,value,comment) ;"
        " 2 aujourd'hui")



def test_an_indicator_that_follows_a_task_is_measured_while_it_runs(tmp_path: Path) -> None:
    """A monthly indicator of a two-week activity has one measure to show, and none before
    the activity starts; an indicator that follows no task is asked for every measure."""
    monthly = INDICATORS.replace("hebdomadaire", "mensuelle")
    wbs = ('[[task]]\nid = "etudes"\nname = "Études"\nduration = "30j"\n\n'
           '[[task]]\nid = "depose"\nname = "Dépose des racks"\nduration = "10j"\n'
           'after = ["etudes"]\nindicator = "K1"\n')
    once = "date,indicator,value,comment\n2026-03-06,K1,150,\n"
    folder(tmp_path, {"indicators.toml": monthly, "measures.csv": once, "wbs.toml": wbs})
    assert_covered(probe(tmp_path, "indicators", measures=2))
    folder(tmp_path, {"indicators.toml": monthly, "measures.csv": once,
                      "wbs.toml": wbs.replace('indicator = "K1"\n', "")})
    assert probe(tmp_path, "indicators", measures=2).missing == (
        "saisissez au moins 2 mesures de K1 dans measures.csv (date,indicator,value,comment) ;"
        " 1 aujourd'hui",)
    later = wbs.replace('duration = "10j"', 'duration = "10j"\nstart_no_earlier_than = 2026-06-01')
    folder(tmp_path, {"indicators.toml": monthly, "wbs.toml": later})
    assert_covered(probe(tmp_path, "indicators", measures=2))

def test_stakeholders_mapped(tmp_path: Path) -> None:
    good = '\n[[stakeholders]]\nid = "dirind"\nname = "Direction"\ninterest = 3\ninfluence = 3\n'
    folder(tmp_path, {"cockpit.toml": good})
    assert_covered(probe(tmp_path, "stakeholders"))
    folder(tmp_path, {"cockpit.toml": good.replace("influence = 3\n", "")})
    finding = probe(tmp_path, "stakeholders", external=True, mapped=True)
    assert finding.status is Status.PARTIAL
    assert finding.missing[0].startswith("ajoutez l'influence (influence = 1..3) à la partie "
                                         "prenante dirind (cockpit.toml ligne")
    assert "partie prenante externe" in finding.missing[1]


def test_team_and_governance(tmp_path: Path) -> None:
    governance = '\n[[governance]]\nid = "copil"\nname = "COPIL"\nmembers = ["cmartin"]\n'
    folder(tmp_path, {"cockpit.toml": TEAM + governance})
    assert_covered(probe(tmp_path, "team"))
    finding = probe(tmp_path, "governance")
    assert finding.status is Status.PARTIAL
    assert finding.missing[0].startswith("ajoutez la fréquence (frequency) à l'instance copil")
    folder(tmp_path, {"cockpit.toml": TEAM + governance + 'frequency = "mensuelle"\n'})
    assert_covered(probe(tmp_path, "governance"))
    finding = probe(tmp_path, "governance", meetings=1)
    assert "il en faut au moins 1" in finding.missing[0]
    # a service bought (« prestation ») has no role; a person without one is asked for it
    service = '\n[[team]]\nid = "scan"\nname = "Prestation de scan 3D"\nkind = "service"\n'
    folder(tmp_path, {"cockpit.toml": TEAM + service})
    assert_covered(probe(tmp_path, "team"))
    folder(tmp_path, {"cockpit.toml": TEAM + service.replace('kind = "service"', "")})
    assert probe(tmp_path, "team").missing[-1].startswith("ajoutez le rôle (role) au membre scan")


ACTIONS = """\
[[action]]
id = "A1"
what = "Passer la commande du robot avant le 15/04"
who = "cmartin"
due = 2026-04-10
status = "fait"
done = 2026-04-09
origin = "meetings/2026-03-02-copil.md"

[[action]]
id = "A2"
what = "Relancer"
"""


def test_action_plan_named_dated_precise(tmp_path: Path) -> None:
    folder(tmp_path, {"actions.toml": ACTIONS})
    assert probe(tmp_path, "actions").status is Status.COVERED  # nothing asked, nothing lowered
    finding = probe(tmp_path, "actions", fields=["who", "due"], words=4)
    assert finding.status is Status.PARTIAL
    assert finding.missing == (
        "ajoutez un responsable nommé (who) à l'action A2 (actions.toml ligne 10)",
        "ajoutez une échéance (due) à l'action A2 (actions.toml ligne 10)",
        "formulez précisément l'action A2 (actions.toml ligne 10) : « Relancer » — quoi, sur "
        "quoi, pour quel résultat")
    finding = probe(tmp_path, "actions", origin="meeting", done=1)
    assert_covered(finding)
    assert shown(finding) == ["actions.toml:1"]
    assert probe(tmp_path, "actions", origin="indicator").status is Status.MISSING


def test_actions_followed_regularly_are_owned_dated_and_updated(tmp_path: Path) -> None:
    """Status date 2026-04-17: an action due on 2026-04-10 and still « en cours » was
    never updated."""
    followed = ACTIONS.replace('what = "Relancer"', 'what = "Relancer"\nwho = "cmartin"\n'
                               'due = 2026-04-30\nstatus = "en cours"')
    folder(tmp_path, {"actions.toml": followed})
    assert_covered(probe(tmp_path, "actions", followed=True))
    stale = followed.replace('status = "fait"\ndone = 2026-04-09\n', 'status = "en cours"\n')
    folder(tmp_path, {"actions.toml": stale})
    finding = probe(tmp_path, "actions", followed=True)
    assert finding.status is Status.PARTIAL
    assert finding.missing == (
        "1 action sur 2 toujours « à faire » ou « en cours » après leur échéance, au "
        "17/04/2026 : le plan d'actions n'est pas suivi",
        "mettez à jour l'action A1 (actions.toml ligne 1) : échue le 10/04/2026 et toujours "
        "« en cours » (status, done, ou une nouvelle échéance)")
    folder(tmp_path, {"actions.toml": ACTIONS})
    assert probe(tmp_path, "actions", followed=True).missing == (
        "ajoutez un responsable nommé (who) à l'action A2 (actions.toml ligne 10)",
        "ajoutez une échéance (due) à l'action A2 (actions.toml ligne 10)")


RISKS = """\
[[risk]]
id = "R1"
title = "Retard de livraison"
category = "technique"
probability = 3
impact = 4
owner = "cmartin"
strategy = "réduire"
response = "Commande anticipée"
tasks = ["achat"]

[[risk]]
id = "R2"
title = "Résistance au changement"
category = "humain"
"""


def test_risks_assessed(tmp_path: Path) -> None:
    folder(tmp_path, {"risks.toml": RISKS})
    finding = probe(tmp_path, "risks", categories=2,
                    fields=["probability", "impact", "owner", "response"])
    assert finding.status is Status.PARTIAL
    assert finding.missing[0] == ("ajoutez la probabilité (probability = 1..5) au risque R2 "
                                  "(risks.toml ligne 12)")
    assert len(finding.missing) == 4
    folder(tmp_path, {"risks.toml": RISKS.split("[[risk]]\nid = \"R2\"")[0]})
    assert_covered(probe(tmp_path, "risks", tasks=True))
    assert "2 (technique" in probe(tmp_path, "risks", categories=2).missing[0] or \
        "au moins 2" in probe(tmp_path, "risks", categories=2).missing[0]


def test_requirements(tmp_path: Path) -> None:
    text = ('[[requirement]]\nid = "EX-1"\ntext = "42 pièces/heure"\nkind = "fonctionnelle"\n'
            'priority = "must"\nacceptance = "Essai de 3 postes"\nstatus = "vérifiée"\n'
            'tasks = ["essais"]\n')
    folder(tmp_path, {"requirements.toml": text})
    assert_covered(probe(tmp_path, "requirements", traced=True, verified=1))
    finding = probe(tmp_path, "requirements", kinds=["contrainte"])
    assert finding.missing == ("aucune exigence de type « contrainte » : ajoutez-en "
                               "(kind = \"contrainte\")",)


CHANNELS = """\
[[channel]]
id = "C1"
information = "Compte rendu de COPIL"
purpose = "Informer des décisions"
sender = "cmartin"
audience = ["client"]
frequency = "mensuelle"
medium = "e-mail"
validated_by = "cmartin"
"""


def test_communication_plan(tmp_path: Path) -> None:
    client = '\n[[stakeholders]]\nid = "client"\nname = "Client"\nkind = "external"\n'
    folder(tmp_path, {"cockpit.toml": TEAM + client, "communication.toml": CHANNELS})
    assert_covered(probe(tmp_path, "communication", external=True))
    folder(tmp_path, {"cockpit.toml": TEAM + client,
                      "communication.toml": CHANNELS.replace('medium = "e-mail"\n', "")})
    finding = probe(tmp_path, "communication", fields=["medium", "place"], audiences=2)
    assert finding.missing == (
        "ajoutez le média (medium) à la diffusion C1 (communication.toml ligne 1)",
        "ajoutez le lieu de diffusion (place) à la diffusion C1 (communication.toml ligne 1)",
        "la communication atteint 1 destinataire distinct : visez au moins 2 parties "
        "intéressées")


def test_budget_and_costs(tmp_path: Path) -> None:
    budget = ('[budget]\nenvelope = 1000\n\n[[line]]\nid = "L1"\ntask = "achat"\n'
              'amount = 500\n')
    folder(tmp_path, {"budget.toml": budget})
    finding = probe(tmp_path, "budget", costs=True, dated=True)
    assert finding.status is Status.PARTIAL
    assert finding.missing == (
        "datez l'engagement de la ligne L1 (budget.toml ligne 4) : date = AAAA-MM-JJ",
        "saisissez les coûts réels dans costs.csv (date,task,category,amount,reference,comment)")
    folder(tmp_path, {"budget.toml": budget,
                      "costs.csv": "date,task,category,amount,reference,comment\n"
                                   "2026-01-30,achat,achat,100.00,F1,\n"})
    assert shown(probe(tmp_path, "budget", costs=True)) == [
        "budget.toml:2", "budget.toml:4", "costs.csv:2"]


def test_context(tmp_path: Path) -> None:
    folder(tmp_path, extra='context = "Gain de productivité attendu sur la ligne"')
    assert_covered(probe(tmp_path, "context", mentions=["gain"]))
    assert probe(tmp_path, "context", mentions=["risque"]).status is Status.PARTIAL


def test_a_verified_requirement_whose_measures_miss_its_level_is_not_verified(
        tmp_path: Path) -> None:
    requirement = ('[[requirement]]\nid = "EX-1"\ntext = "La cellule produit au moins '
                   '42 p/h (K1)"\nkind = "fonctionnelle"\nacceptance = "Essai de 3 postes"\n'
                   'status = "vérifiée"\n')
    indicators = ('[[indicator]]\nid = "K1"\nname = "Cadence"\nunit = "p/h"\nbaseline = 30\n'
                  'target = 45\ndirection = "up"\nfrequency = "hebdomadaire"\n')
    measures = "date,indicator,value,comment\n2026-03-02,K1,38,\n"
    folder(tmp_path, {"requirements.toml": requirement, "indicators.toml": indicators,
                      "measures.csv": measures})
    finding = probe(tmp_path, "requirements", verified=1)
    assert finding.status is Status.PARTIAL
    assert finding.missing[0] == (
        "l'exigence EX-1 (requirements.toml ligne 1) est « vérifiée » mais la dernière mesure "
        "de K1 (38 p/h le 02/03/2026) n'atteint pas le niveau exigé (42 p/h) : revoyez son "
        "statut ou l'essai")
    folder(tmp_path, {"measures.csv": measures + "2026-03-09,K1,43,\n"})
    assert_covered(probe(tmp_path, "requirements", verified=1))
