"""Generate a large, realistic project folder for the `cockpit check` benchmark.

    python bench/generate.py DIR [--tasks 5000] [--meetings 300] [--costs 20000] [--seed 1]

5,000 tasks in a summary hierarchy (phases → lots → work packages → tasks), two or three
dependencies per task (FS mostly, some SS/FF with lags), one or two resources each;
300 meeting minutes with decisions and the actions they name (all in actions.toml);
20,000 actual cost lines, progress, risks, indicators and their measures, a communication
plan, requirements, decision matrices and documents. Deterministic for a given seed.
The folder is meant to be clean: `cockpit check` should find no error in it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from pathlib import Path

START = dt.date(2025, 1, 6)
REFERENTIAL = "cqpm-charge-projets-industriels"
VERBS = ("Étudier", "Concevoir", "Chiffrer", "Commander", "Installer", "Câbler", "Programmer",
         "Tester", "Valider", "Former", "Documenter", "Réceptionner", "Auditer", "Mettre au point")
OBJECTS = ("le convoyeur", "la cellule robotisée", "le poste de contrôle", "l'outillage",
           "le gabarit de soudage", "la presse", "le magasin bord de ligne", "l'automate",
           "le système de vision", "la supervision", "le poste de retouche", "les protections")
CATEGORIES = ("technique", "qualité", "organisationnel", "économique", "humain", "sécurité")
STRATEGIES = ("éviter", "réduire", "transférer", "accepter")
KINDS = ("copil", "point-projet", "revue", "atelier", "codir")
FIRST = ("Claire", "Bruno", "Ana", "Karim", "Sophie", "Luc", "Inès", "Marc", "Julie", "Omar")
LAST = ("Martin", "Dupont", "García", "Benali", "Durand", "Leroy", "Moreau", "Petit", "Roux")


def working_days(start: dt.date, count: int) -> list[dt.date]:
    from cockpit.model.holidays import french_holidays

    days, day = [], start
    while len(days) < count:
        if day.weekday() < 5 and day not in french_holidays(day.year, "FR") \
                and not (day.month == 8 and 4 <= day.day <= 22):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(root: Path, tasks: int = 5000, meetings: int = 300, costs: int = 20000,
             seed: int = 1) -> Path:
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    for folder in ("meetings", "docs", "rex", "decisions"):
        (root / folder).mkdir(parents=True)
    calendar = working_days(START, 1200)
    status_index = 560
    status = calendar[status_index]

    # -- team and cockpit.toml ---------------------------------------------------------
    team = [f"p{i:02d}" for i in range(40)]
    stakeholders = [f"s{i:02d}" for i in range(15)]
    out = [
        "# Projet de référence du banc d'essai (généré par bench/generate.py)",
        "[project]", 'id = "BENCH-5K"', 'title = "Modernisation de l\'usine de Vierzon"',
        'sponsor = "Direction industrielle"', 'manager = "p00"', f"start = {START}",
        f"deadline = {calendar[1150]}", f"status_date = {status}", 'phase = "conduite"',
        'currency = "EUR"', f'referential = "{REFERENTIAL}"',
        'context = "Modernisation de trois ateliers, 5 000 activités, trois ans."', "",
        "[calendar]", 'workdays = ["mon", "tue", "wed", "thu", "fri"]', "hours_per_day = 7",
        'holidays = "FR"',
        'closures = [{ from = 2025-08-04, to = 2025-08-22, label = "Fermeture estivale" }]', "",
    ]
    for i, member in enumerate(team):
        out += ["[[team]]", f"id = {q(member)}",
                f"name = {q(f'{FIRST[i % len(FIRST)]} {LAST[i % len(LAST)]}')}",
                f'role = "{"Chef de projet" if i == 0 else "Technicien"}"', 'kind = "person"',
                f"rate = {rng.randrange(380, 700, 10)}", f"availability = {rng.choice((0.5, 0.8, 1))}",
                ""]
    for i, holder in enumerate(stakeholders):
        out += ["[[stakeholders]]", f"id = {q(holder)}", f'name = "Partie prenante {i}"',
                f'kind = "{"internal" if i % 3 else "external"}"',
                f"interest = {rng.randint(1, 3)}", f"influence = {rng.randint(1, 3)}", ""]
    for i in range(1, 6):
        out += ["[[objectives]]", f'id = "O{i}"', f'statement = "Objectif opérationnel {i}"',
                f'indicator = "K{i}"', f"deadline = {calendar[1150]}", ""]
    out += ["[[governance]]", 'id = "copil"', 'name = "Comité de pilotage"',
            'members = ["s00", "s01", "p00"]', 'frequency = "mensuelle"', ""]
    (root / "cockpit.toml").write_text("\n".join(out), "utf-8")

    # -- wbs.toml: phases → lots → packages → tasks ------------------------------------------
    out = []
    leaves: list[str] = []
    count = 0
    phases = 5
    lots = 10
    packages = 10
    summaries = phases * (1 + lots * (1 + packages))
    leaf_total, spread = max(tasks - summaries, 0), phases * lots * packages
    for p in range(phases):
        phase_id = f"ph{p}"
        out += ["[[task]]", f"id = {q(phase_id)}", f'name = "Phase {p + 1}"', ""]
        count += 1
        for lot in range(lots):
            lot_id = f"{phase_id}.l{lot}"
            out += ["[[task]]", f"id = {q(lot_id)}", f"parent = {q(phase_id)}",
                    f'name = "Lot {p + 1}.{lot + 1}"', ""]
            count += 1
            for pkg in range(packages):
                pkg_id = f"{lot_id}.w{pkg}"
                out += ["[[task]]", f"id = {q(pkg_id)}", f"parent = {q(lot_id)}",
                        f'name = "Lot de travaux {p + 1}.{lot + 1}.{pkg + 1}"', ""]
                count += 1
                rank = (p * lots + lot) * packages + pkg
                per_package = leaf_total // spread + (1 if rank < leaf_total % spread else 0)
                for t in range(per_package):
                    task_id = f"{pkg_id}.t{t}"
                    name = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} ({p + 1}.{lot + 1}.{pkg + 1}.{t + 1})"
                    out += ["[[task]]", f"id = {q(task_id)}", f"parent = {q(pkg_id)}", f"name = {q(name)}"]
                    if t == per_package - 1 and pkg % 3 == 0:
                        out.append("milestone = true")
                    else:
                        out.append(f'duration = "{rng.choice((1, 2, 3, 5, 8, 10))}j"')
                        people = rng.sample(team, rng.randint(1, 2))
                        shares = [f"{m}:{rng.choice((25, 50, 100))}%" for m in people]
                        out.append(f"resources = [{', '.join(q(s) for s in shares)}]")
                    if leaves:
                        window = leaves[-40:]
                        chosen = rng.sample(window, min(len(window), rng.randint(2, 3)))
                        deps = []
                        for dep in chosen:
                            kind = rng.random()
                            if kind < 0.8:
                                deps.append(dep)
                            elif kind < 0.9:
                                deps.append(f"{dep} DD+{rng.randint(1, 3)}j")
                            else:
                                deps.append(f"{dep} FF+{rng.randint(0, 2)}j")
                        out.append(f"after = [{', '.join(q(d) for d in deps)}]")
                    out.append("")
                    leaves.append(task_id)
                    count += 1
    (root / "wbs.toml").write_text("\n".join(out), "utf-8")

    # -- budget, costs, progress ---------------------------------------------------------------
    out = ["[budget]", "envelope = 90000000", "contingency = 2000000", ""]
    for i in range(400):
        out += ["[[line]]", f'id = "L{i}"', f"task = {q(rng.choice(leaves))}",
                f'category = "{rng.choice(("investissement", "achat", "prestation"))}"',
                f"amount = {rng.randrange(1000, 90000, 100)}", f"date = {rng.choice(calendar[:900])}", ""]
    (root / "budget.toml").write_text("\n".join(out), "utf-8")
    done_leaves = leaves[: len(leaves) // 2]
    rows = ["date,task,category,amount,reference,comment"]
    for i in range(costs):
        day = calendar[rng.randrange(0, status_index)]
        rows.append(f"{day},{rng.choice(done_leaves)},{rng.choice(('main-d-oeuvre', 'achat', 'prestation'))},"
                    f"{rng.randrange(50, 5000)}.{rng.randrange(100):02d},FAC-{i},"
                    f'"Facture {i}, lot {rng.randint(1, 50)}"')
    (root / "costs.csv").write_text("\n".join(rows) + "\n", "utf-8")
    rows = ["date,task,percent,comment"]
    for task in done_leaves[:3000]:
        rows.append(f"{calendar[rng.randrange(200, status_index)]},{task},{rng.choice((20, 50, 80, 100))},")
    (root / "progress.csv").write_text("\n".join(rows) + "\n", "utf-8")

    # -- meetings and actions -----------------------------------------------------------------
    meeting_days = sorted(rng.sample(calendar[:status_index], meetings))
    actions: list[str] = []
    number = 0
    for index, day in enumerate(meeting_days):
        kind = KINDS[index % len(KINDS)]
        path = f"meetings/{day}-{kind}-{index}.md"
        lines = ["+++", f'title = "{kind.upper()} n°{index + 1}"', f"date = {day}", f'kind = "{kind}"',
                 'phase = "conduite"', 'facilitator = "p00"',
                 f"participants = [{', '.join(q(p) for p in rng.sample(team, 5))}]",
                 'objectives = ["Faire le point sur l\'avancement"]', "+++", "", "## Ordre du jour",
                 "- Avancement", "- Décisions", "", "## Avancement", "",
                 "Le lot avance conformément au planning recalé.", "", "## Décisions"]
        lines += [f"- D{index}-{d} — Décision {d} de la réunion." for d in range(2)]
        lines += ["", "## Actions"]
        for _ in range(rng.randint(3, 6)):
            number += 1
            who = rng.choice(team)
            due = calendar[min(calendar.index(day) + rng.randint(5, 30), len(calendar) - 1)]
            what = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"
            lines.append(f"- A{number} — @{who} — {due} — {what}")
            done = due < status and rng.random() < 0.8
            actions += ["[[action]]", f'id = "A{number}"', f"what = {q(what)}", f"who = {q(who)}",
                        f"due = {due}", f'status = "{"fait" if done else "en cours"}"']
            if done:
                actions.append(f"done = {due}")
            actions += [f"origin = {q(path)}", ""]
        lines += ["", "## Points en suspens", "", "Aucun."]
        (root / path).write_text("\n".join(lines) + "\n", "utf-8")
    (root / "actions.toml").write_text("\n".join(actions), "utf-8")

    # -- risks, indicators, measures, communication, requirements ---------------------------------
    out = []
    for i in range(200):
        out += ["[[risk]]", f'id = "R{i}"', f'title = "Risque {i}"', f'category = "{rng.choice(CATEGORIES)}"',
                'cause = "Cause identifiée en revue"', 'consequence = "Retard ou surcoût"',
                f"probability = {rng.randint(1, 5)}", f"impact = {rng.randint(1, 5)}",
                f"owner = {q(rng.choice(team))}", f'strategy = "{rng.choice(STRATEGIES)}"',
                'response = "Plan de réponse validé en COPIL"',
                f'actions = ["A{rng.randint(1, number)}"]', f"tasks = [{q(rng.choice(leaves))}]",
                'status = "ouvert"', f"identified = {calendar[10]}",
                f"review = {calendar[status_index + 20]}", ""]
    (root / "risks.toml").write_text("\n".join(out), "utf-8")
    out = []
    for i in range(1, 31):
        out += ["[[indicator]]", f'id = "K{i}"', f'name = "Indicateur {i}"', 'definition = "Définition"',
                'purpose = "Piloter"', 'formula = "a / b"', 'unit = "%"', "baseline = 60", "target = 85",
                'direction = "up"', 'frequency = "hebdomadaire"', f"owner = {q(rng.choice(team))}",
                'visual = "courbe"', f'scope = "{"project" if i % 2 else "process"}"', ""]
    (root / "indicators.toml").write_text("\n".join(out), "utf-8")
    rows = ["date,indicator,value,comment"]
    for i in range(1, 31):
        for day in calendar[status_index - 500:status_index + 1:5]:
            rows.append(f"{day},K{i},{rng.uniform(55, 90):.1f},")
    (root / "measures.csv").write_text("\n".join(rows) + "\n", "utf-8")
    out = []
    for i in range(20):
        out += ["[[channel]]", f'id = "C{i}"', f'information = "Information {i}"', 'purpose = "Informer"',
                'sender = "p00"', 'audience = ["copil", "s02"]', 'frequency = "mensuelle"',
                'medium = "e-mail"', 'validated_by = "s00"', ""]
    (root / "communication.toml").write_text("\n".join(out), "utf-8")
    out = []
    for i in range(100):
        out += ["[[requirement]]", f'id = "EX-{i}"', f'text = "Exigence {i}"', 'kind = "fonctionnelle"',
                'priority = "must"', 'source = "s00"', 'acceptance = "Essai"', 'status = "validée"',
                f"tasks = [{q(rng.choice(leaves))}]", ""]
    (root / "requirements.toml").write_text("\n".join(out), "utf-8")
    for i in range(10):
        (root / f"decisions/choix-{i}.toml").write_text(
            f'title = "Choix {i}"\ndate = {calendar[100 + i]}\ndecided = "a"\nvalidated_by = "s00"\n'
            'justification = "Meilleur score"\n\n[[criterion]]\nid = "cout"\nname = "Coût"\nweight = 3\n\n'
            '[[option]]\nid = "a"\nname = "Option A"\ncost = 1000\nscores = { cout = 3 }\n', "utf-8")
    for kind in ("note-de-cadrage", "cahier-des-charges", "diagnostic", "analyse-fonctionnelle"):
        (root / f"docs/{kind}.md").write_text(
            f'+++\ntitle = "{kind}"\ndate = {calendar[5]}\nkind = "{kind}"\n+++\n\n## Objectifs\n\nTexte.\n'
            "\n## Contexte\n\nTexte.\n", "utf-8")
    (root / "rex/bilan.md").write_text(
        f'+++\ntitle = "Bilan intermédiaire"\ndate = {calendar[400]}\nkind = "bilan"\n+++\n\n'
        "## Bilan\n", "utf-8")
    (root / "evidence.toml").write_text(
        f'["{REFERENTIAL}".C4]\nevidence = ["{meeting_days and f"meetings/{meeting_days[0]}-copil-0.md"}"]\n'
        'justification = "Réunions animées tout au long du projet."\n', "utf-8")
    return root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir", type=Path)
    parser.add_argument("--tasks", type=int, default=5000)
    parser.add_argument("--meetings", type=int, default=300)
    parser.add_argument("--costs", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.dir, args.tasks, args.meetings, args.costs, args.seed)
    print(f"generated {args.dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
