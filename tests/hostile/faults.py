"""Single faults, each applied to the clean folder of helpers_folder: what an attacker or a
clumsy user puts in a project folder shared in git.

Each fault is `Fault(name, build, where)`: `build(root, outside)` breaks the clean folder at
`root` (`outside` is a folder beside it holding secrets that must never reach an output);
`where` is the file that `cockpit check` must name in a located message (None when the fault
is in a command line rather than in the folder, or is harmless and must stay quiet).
`commands` replaces the usual commands for faults that are about one command line.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from helpers_folder import CLEAN, MEETING

SECRET = "SECRET-0f1d2c3b"  # in every file outside the folder, and in the environment
SECRET_ENV = "COCKPIT_HOSTILE_TOKEN"


@dataclass(frozen=True)
class Fault:
    name: str
    build: Callable[[Path, Path], None]
    where: str | None
    commands: tuple[tuple[str, ...], ...] = ()
    root_only: bool = False  # about permissions: run without root's capabilities
    tier: str = "medium"  # which commands: "light", "medium" or "full" (runner.py)


FAULTS: list[Fault] = []


def fault(
    name: str, where: str | None, *, commands: tuple[tuple[str, ...], ...] = (), root_only: bool = False
) -> Callable[[Callable[[Path, Path], None]], None]:
    def register(build: Callable[[Path, Path], None]) -> None:
        FAULTS.append(Fault(name, build, where, commands, root_only))

    return register


TIER = ["medium"]  # the tier of the faults of the current section


def simple(name: str, where: str | None, build: Callable[[Path, Path], None]) -> None:
    FAULTS.append(Fault(name, build, where, tier=TIER[0]))


# -- helpers ----------------------------------------------------------------------------


def write(relative: str, content: str | bytes) -> Callable[[Path, Path], None]:
    def build(root: Path, outside: Path) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))

    return build


def swap(relative: str, old: str, new: str) -> Callable[[Path, Path], None]:
    text = CLEAN[relative]
    assert old in text, (relative, old)
    return write(relative, text.replace(old, new, 1))


def append(relative: str, extra: str) -> Callable[[Path, Path], None]:
    return write(relative, CLEAN[relative] + extra)


def link(relative: str, target: str) -> Callable[[Path, Path], None]:
    """`relative` becomes a symbolic link to `target` ({out} is the outside folder)."""

    def build(root: Path, outside: Path) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir() and not path.is_symlink():
            import shutil

            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
        path.symlink_to(target.replace("{out}", str(outside)))

    return build


def fifo(relative: str) -> Callable[[Path, Path], None]:
    def build(root: Path, outside: Path) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            path.unlink()
        os.mkfifo(path)

    return build


def directory(relative: str) -> Callable[[Path, Path], None]:
    def build(root: Path, outside: Path) -> None:
        path = root / relative
        if path.exists():
            path.unlink()
        (path / "inner.md").parent.mkdir(parents=True)

    return build


def file_instead_of_folder(relative: str) -> Callable[[Path, Path], None]:
    def build(root: Path, outside: Path) -> None:
        import shutil

        path = root / relative
        if path.is_dir():
            shutil.rmtree(path)
        path.write_text("pas un dossier\n", encoding="utf-8")

    return build


def chmod(relative: str, mode: int) -> Callable[[Path, Path], None]:
    def build(root: Path, outside: Path) -> None:
        (root / relative).chmod(mode)

    return build


def meeting(text: str, name: str = "meetings/2026-02-02-point.md") -> Callable[[Path, Path], None]:
    return write(name, text)


def task_name(name: str) -> Callable[[Path, Path], None]:
    return swap("wbs.toml", 'name = "Essais de réception"', f"name = {name}")


def team(key: str, value: str) -> Callable[[Path, Path], None]:
    return swap("cockpit.toml", f"{key} = {_team_value(key)}", f"{key} = {value}")


def _team_value(key: str) -> str:
    return {"rate": "520", "availability": "0.8"}[key]


def project(key: str, value: str) -> Callable[[Path, Path], None]:
    old = {
        "start": "start = 2026-01-05",
        "deadline": "deadline = 2026-09-30",
        "status_date": "status_date = 2026-03-02",
        "title": 'title = "Robotisation de la cellule de test"',
        "hours_per_day": "hours_per_day = 7",
        "workdays": 'workdays = ["mon", "tue", "wed", "thu", "fri"]',
        "closures": 'closures = [{ from = 2026-08-03, to = 2026-08-21, label = "Fermeture estivale" }]',
        "absences": "absences = [{ from = 2026-05-11, to = 2026-05-15 }]",
    }[key]
    return swap("cockpit.toml", old, f"{key} = {value}")


def essais(extra: str) -> Callable[[Path, Path], None]:
    """A key added to (or replacing one of) the task « essais »."""
    return swap(
        "wbs.toml",
        'duration = "2s"\nresources = ["bdupont"]',
        extra if "duration" in extra else f'duration = "2s"\nresources = ["bdupont"]\n{extra}',
    )


def csv_row(relative: str, row: str) -> Callable[[Path, Path], None]:
    return append(relative, row + "\n")


def both(*builds: Callable[[Path, Path], None]) -> Callable[[Path, Path], None]:
    def build(root: Path, outside: Path) -> None:
        for step in builds:
            step(root, outside)

    return build


ESC = "\\u001b"  # as written in a TOML string
MEETING_FILE = "meetings/2026-01-12-lancement.md"

# -- links and special files: never followed out of the folder, never read --------------

TIER[0] = "light"

simple("lien hors du dossier (docs)", "docs/notes.md", link("docs/notes.md", "{out}/secret.md"))
simple("lien vers /proc/self/environ", "docs/env.md", link("docs/env.md", "/proc/self/environ"))
simple("wbs.toml lien hors du dossier", "wbs.toml", link("wbs.toml", "{out}/wbs.toml"))
simple(
    "compte rendu lien hors du dossier",
    "meetings/2026-02-01-x.md",
    link("meetings/2026-02-01-x.md", "{out}/2026-02-01-secret.md"),
)
simple("dossier meetings lien hors du dossier", "meetings", link("meetings", "{out}/meetings"))
simple("costs.csv lien hors du dossier", "costs.csv", link("costs.csv", "{out}/costs.csv"))
simple("cockpit.toml lien hors du dossier", "cockpit.toml", link("cockpit.toml", "{out}/cockpit.toml"))
simple("lien relatif qui remonte", "rex/bilan.md", link("rex/bilan.md", "../../outside/secret.md"))
simple(
    "matrice de décision lien hors du dossier",
    "decisions/choix-robot.toml",
    link("decisions/choix-robot.toml", "{out}/decision.toml"),
)
simple("evidence.toml lien hors du dossier", "evidence.toml", link("evidence.toml", "{out}/secret.md"))
simple("référence de planning lien hors du dossier", None, link("baselines/ref.toml", "{out}/baseline.toml"))
simple("lien brisé (docs)", "docs/absent.md", link("docs/absent.md", "nulle-part.md"))
simple("lien brisé (wbs.toml)", "wbs.toml", link("wbs.toml", "nulle-part.toml"))
simple("lien qui boucle", "docs/boucle.md", link("docs/boucle.md", "boucle.md"))
simple("lien vers /dev/zero (docs)", "docs/zero.md", link("docs/zero.md", "/dev/zero"))
simple("lien vers /dev/zero (measures.csv)", "measures.csv", link("measures.csv", "/dev/zero"))
simple("lien vers /dev/urandom (wbs.toml)", "wbs.toml", link("wbs.toml", "/dev/urandom"))
simple("lien vers /dev/null (risks.toml)", "risks.toml", link("risks.toml", "/dev/null"))
simple("FIFO à la place de wbs.toml", "wbs.toml", fifo("wbs.toml"))
simple("FIFO à la place de cockpit.toml", "cockpit.toml", fifo("cockpit.toml"))
simple("FIFO dans docs/", "docs/tube.md", fifo("docs/tube.md"))
simple("FIFO dans meetings/", "meetings/2026-02-01-tube.md", fifo("meetings/2026-02-01-tube.md"))
simple("FIFO à la place de costs.csv", "costs.csv", fifo("costs.csv"))
simple("FIFO dans baselines/", None, fifo("baselines/ref.toml"))
simple("dossier à la place de wbs.toml", "wbs.toml", directory("wbs.toml"))
simple(
    "dossier à la place d'un compte rendu",
    "meetings/2026-02-01-dossier.md",
    directory("meetings/2026-02-01-dossier.md"),
)
simple("dossier à la place d'une matrice", "decisions/dossier.toml", directory("decisions/dossier.toml"))
simple("fichier meetings au lieu d'un dossier", "meetings", file_instead_of_folder("meetings"))
simple("fichier docs au lieu d'un dossier", "docs", file_instead_of_folder("docs"))
simple("lien interne au dossier (accepté)", None, link("docs/alias.md", "../rex/bilan.md"))
FAULTS.append(Fault("fichier illisible (droits)", chmod("wbs.toml", 0), "wbs.toml", root_only=True))
FAULTS.append(
    Fault("cockpit.toml illisible (droits)", chmod("cockpit.toml", 0), "cockpit.toml", root_only=True)
)
FAULTS.append(Fault("dossier meetings illisible (droits)", chmod("meetings", 0), "meetings", root_only=True))
FAULTS.append(Fault("dossier du projet illisible (droits)", chmod(".", 0o300), None, root_only=True))
FAULTS.append(Fault("dossier du projet fermé (droits 000)", chmod(".", 0), "cockpit.toml", root_only=True))

# -- control characters: neutralised in every output --------------------------------------

TIER[0] = "full"

simple("ESC[2J dans un nom de tâche", None, task_name(f'"Essais{ESC}[2J{ESC}[H"'))
simple("changement de titre du terminal", None, project("title", f'"Projet{ESC}]0;pirate\\u0007"'))
simple(
    "lien OSC 8 dans un titre de réunion",
    None,
    meeting(
        MEETING.replace(
            'title = "Réunion de lancement"',
            f'title = "{ESC}]8;;https://pirate.example{ESC}\\\\clic{ESC}]8;;{ESC}\\\\"',
        ),
        MEETING_FILE,
    ),
)
simple(
    "ESC brut dans une décision",
    None,
    meeting(
        MEETING.replace("Le projet est lancé.", "Le projet \x1b[2J\x1b]0;titre\x07est lancé."), MEETING_FILE
    ),
)
simple(
    "caractère de contrôle dans un commentaire CSV",
    None,
    csv_row("costs.csv", '2026-02-11,cdc,prestation,10,FAC-2,"a\x1b[31mrouge\x08\x07"'),
)
simple(
    "contrôle C1 dans un titre de risque",
    None,
    swap("risks.toml", 'title = "Retard de livraison du robot"', 'title = "Retard\\u009b2J"'),
)
simple(
    "retour chariot dans une action",
    None,
    swap("actions.toml", 'what = "Passer la commande du robot"', 'what = "Passer\\rEFFACÉ"'),
)
simple("BEL et retour arrière dans le titre du projet", None, project("title", '"Projet\\u0007\\b\\b"'))
simple(
    "ESC dans un nom de fichier de réunion",
    "meetings",
    write("meetings/2026-01-13-\x1b[2J.md", MEETING.replace("2026-01-12", "2026-01-13")),
)
simple(
    "ESC dans un titre de section", None, append("docs/note-de-cadrage.md", "\n## Titre \x1b]0;pirate\x07\n")
)
simple("NUL dans un CSV", "progress.csv", csv_row("progress.csv", "2026-02-04,cdc,5\x00,"))
simple(
    "ESC dans un identifiant d'action inconnu",
    None,
    swap(MEETING_FILE, "- A1 — @bdupont", "- A9\x1b[2J — @bdupont"),
)
simple("ESC dans une erreur de syntaxe TOML", "wbs.toml", append("wbs.toml", "\nnom\x1b[2J sans valeur\n"))
simple(
    "ESC dans le nom d'un membre",
    None,
    swap("cockpit.toml", 'name = "Claire Martin"', f'name = "Claire{ESC}[5mMartin"'),
)

# -- markup: text from files is never interpreted ------------------------------------------

simple("balise Rich [/] dans un nom de tâche", None, task_name('"Essais [/] fin"'))
simple("lien Rich dans un nom de tâche", None, task_name('"[link=https://pirate.example]clic[/link]"'))
simple(
    "style Rich dans le nom d'un membre",
    None,
    swap("cockpit.toml", 'name = "Claire Martin"', 'name = "[bold red]Claire[/"'),
)
simple("balise Rich dans le titre du projet", None, project("title", '"Projet [/] [b]"'))
simple(
    "balise Rich dans un titre de risque",
    None,
    swap("risks.toml", 'title = "Retard de livraison du robot"', 'title = "[/] retard"'),
)
simple(
    "balise Rich dans un titre de réunion",
    None,
    meeting(MEETING.replace('title = "Réunion de lancement"', 'title = "[/red] lancement"'), MEETING_FILE),
)
simple("mathtext $ dans un nom de tâche", None, task_name('"Essais $\\\\frac{1}{$ coût"'))
simple(
    "mathtext $ dans le nom d'un indicateur",
    None,
    swap("indicators.toml", 'name = "Temps de cycle de soudage"', 'name = "$x^$ cycle"'),
)
simple("mathtext $ dans le titre du projet", None, project("title", '"Projet $a_{$"'))
simple("formule tableur dans un nom de tâche", None, task_name('"=HYPERLINK(\\"http://x\\")"'))
simple(
    "formule tableur +, -, @ dans les noms",
    None,
    both(
        task_name('"+cmd|calc"'),
        swap("wbs.toml", 'name = "Cadrage"', 'name = "@SUM(A1)"'),
        swap("wbs.toml", 'name = "Validation COPIL"', 'name = "-2+3"'),
    ),
)
simple(
    "HTML dans un titre de risque",
    None,
    swap("risks.toml", 'title = "Retard de livraison du robot"', 'title = "<script>alert(1)</script>"'),
)
simple(
    "HTML dans une décision",
    None,
    meeting(MEETING.replace("Le projet est lancé.", "<img src=x onerror=alert(1)>"), MEETING_FILE),
)
simple("HTML dans le titre du projet", None, project("title", '"<b>Projet</b><script>x</script>"'))

TIER[0] = "medium"

# -- numbers: NaN, infinities, huge values ---------------------------------------------------

for key, value in (
    ("rate", "nan"),
    ("rate", "inf"),
    ("rate", "6.1e9991"),
    ("rate", "1e308"),
    ("rate", "99999999999999999999"),
    ("availability", "nan"),
    ("availability", "-inf"),
):
    simple(f"{key} = {value}", "cockpit.toml", team(key, value))
for value in ("nan", "inf", "1e308"):
    simple(f"hours_per_day = {value}", "cockpit.toml", project("hours_per_day", value))
for key, value in (("envelope", "nan"), ("contingency", "inf"), ("envelope", "1e308")):
    simple(
        f"budget {key} = {value}",
        "budget.toml",
        swap("budget.toml", f"{key} = {'185000' if key == 'envelope' else '12000'}", f"{key} = {value}"),
    )
simple("montant de ligne 1e308", "budget.toml", swap("budget.toml", "amount = 98000", "amount = 1e308"))
simple("montant de ligne -nan", "budget.toml", swap("budget.toml", "amount = 98000", "amount = -nan"))
simple("coût 1e400 (CSV)", "costs.csv", csv_row("costs.csv", "2026-02-11,cdc,prestation,1e400,F,"))
simple("coût NaN (CSV)", "costs.csv", csv_row("costs.csv", "2026-02-11,cdc,prestation,NaN,F,"))
simple("coût 1e308 (CSV)", "costs.csv", csv_row("costs.csv", "2026-02-11,cdc,prestation,1e308,F,"))
simple("avancement 1e400 (CSV)", "progress.csv", csv_row("progress.csv", "2026-02-04,cdc,1e400,"))
simple("avancement Infinity (CSV)", "progress.csv", csv_row("progress.csv", "2026-02-04,cdc,Infinity,"))
simple("avancement 250 % (CSV)", "progress.csv", csv_row("progress.csv", "2026-02-04,cdc,250,"))
simple("mesure 1e400 (CSV)", "measures.csv", csv_row("measures.csv", "2026-03-09,K1,1e400,"))
simple("mesure 1e308 (CSV)", "measures.csv", csv_row("measures.csv", "2026-03-09,K1,1e308,"))
simple("mesure -1e308 (CSV)", "measures.csv", csv_row("measures.csv", "2026-03-09,K1,-1e308,"))
simple("cible d'indicateur nan", "indicators.toml", swap("indicators.toml", "target = 138", "target = nan"))
simple(
    "situation initiale inf", "indicators.toml", swap("indicators.toml", "baseline = 184", "baseline = inf")
)
simple("cible 1e308", "indicators.toml", swap("indicators.toml", "target = 138", "target = 1e308"))
simple(
    "poids de critère nan",
    "decisions/choix-robot.toml",
    swap("decisions/choix-robot.toml", "weight = 3", "weight = nan"),
)
simple(
    "poids de critère 1e308",
    "decisions/choix-robot.toml",
    swap("decisions/choix-robot.toml", "weight = 3", "weight = 1e308"),
)
simple(
    "note d'option inf",
    "decisions/choix-robot.toml",
    swap("decisions/choix-robot.toml", "scores = { cout = 3 }", "scores = { cout = inf }"),
)
simple(
    "coût d'option nan",
    "decisions/choix-robot.toml",
    swap("decisions/choix-robot.toml", "cost = 98000", "cost = nan"),
)
simple(
    "probabilité entière géante",
    "risks.toml",
    swap("risks.toml", "probability = 3", "probability = 99999999999999999999"),
)
simple("affectation 1e308 %", "wbs.toml", essais('duration = "2s"\nresources = ["bdupont:1e308%"]'))
simple("durée de 99 999 999 jours", "wbs.toml", essais('duration = "99999999j"\nresources = ["bdupont"]'))
simple(
    "décalage de 99 999 999 jours",
    "wbs.toml",
    swap("wbs.toml", 'after = ["cdc FD+2j"]', 'after = ["cdc FD+99999999j"]'),
)
simple("durée de 99 999 999 heures", "wbs.toml", essais('duration = "99999999h"\nresources = ["bdupont"]'))
simple("durée 1e9 semaines", "wbs.toml", essais('duration = "1000000000s"\nresources = ["bdupont"]'))

# -- dates at the edges -----------------------------------------------------------------------

simple("start = 0001-01-01", "cockpit.toml", project("start", "0001-01-01"))
simple("start = 9999-12-31", "cockpit.toml", project("start", "9999-12-31"))
simple("deadline = 9999-12-31", "cockpit.toml", project("deadline", "9999-12-31"))
simple("deadline = 0001-01-01", "cockpit.toml", project("deadline", "0001-01-01"))
simple("status_date = 0001-01-01", "cockpit.toml", project("status_date", "0001-01-01"))
simple("status_date = 9999-12-31", "cockpit.toml", project("status_date", "9999-12-31"))
simple("status_date avant le début", "cockpit.toml", project("status_date", "2025-06-02"))
simple("fermeture de 80 ans", "cockpit.toml", project("closures", "[{ from = 2026-01-01, to = 2105-12-31 }]"))
simple(
    "fermeture jusqu'en 9999", "cockpit.toml", project("closures", "[{ from = 2026-03-01, to = 9999-12-31 }]")
)
simple(
    "fermeture depuis l'an 1", "cockpit.toml", project("closures", "[{ from = 0001-01-01, to = 2026-02-01 }]")
)
simple(
    "absence jusqu'en 9999", "cockpit.toml", project("absences", "[{ from = 2026-01-01, to = 9999-12-31 }]")
)
simple("actual_start = 0001-01-01", "wbs.toml", essais("actual_start = 0001-01-01"))
simple(
    "actual_finish = 9999-12-31", "wbs.toml", essais("actual_start = 2026-01-20\nactual_finish = 9999-12-31")
)
simple("pas avant le 9999-12-31", "wbs.toml", essais("start_no_earlier_than = 9999-12-31"))
simple("coût daté 9999-12-31 (CSV)", "costs.csv", csv_row("costs.csv", "9999-12-31,cdc,prestation,10,F,"))
simple("coût daté 0001-01-01 (CSV)", "costs.csv", csv_row("costs.csv", "0001-01-01,cdc,prestation,10,F,"))
simple("mesure datée 9999-12-31", "measures.csv", csv_row("measures.csv", "9999-12-31,K1,170,"))
simple("avancement daté 0001-01-01", "progress.csv", csv_row("progress.csv", "0001-01-01,cdc,10,"))
simple(
    "échéance d'action 0001-01-01",
    "actions.toml",
    swap("actions.toml", "due = 2026-04-10", "due = 0001-01-01"),
)
simple(
    "échéance d'action 9999-12-31",
    "actions.toml",
    swap("actions.toml", "due = 2026-04-10", "due = 9999-12-31"),
)
simple(
    "revue de risque 0001-01-01",
    "risks.toml",
    swap("risks.toml", "review = 2026-04-01", "review = 0001-01-01"),
)
simple(
    "prochaine revue 9999-12-31",
    "risks.toml",
    swap("risks.toml", "review = 2026-04-01", "review = 2026-04-01\nnext_review = 9999-12-31"),
)
simple(
    "réunion datée 9999-12-31",
    "meetings/9999-12-31-fin.md",
    write("meetings/9999-12-31-fin.md", MEETING.replace("2026-01-12", "9999-12-31")),
)
simple(
    "réunion datée 0001-01-01",
    "meetings/0001-01-01-debut.md",
    write("meetings/0001-01-01-debut.md", MEETING.replace("2026-01-12", "0001-01-01")),
)
simple(
    "indicateur jusqu'au 0001-01-01",
    "indicators.toml",
    swap("indicators.toml", 'scope = "project"', 'scope = "project"\nuntil = 0001-01-01'),
)
simple(
    "ligne budgétaire datée 9999-12-31",
    "budget.toml",
    swap("budget.toml", "date = 2026-04-15", "date = 9999-12-31"),
)

# -- nothing accepted silently -----------------------------------------------------------------

simple("workdays = []", "cockpit.toml", project("workdays", "[]"))
simple(
    "jalon avec une durée",
    "wbs.toml",
    swap(
        "wbs.toml",
        'name = "Validation COPIL"\nmilestone = true',
        'name = "Validation COPIL"\nmilestone = true\nduration = "5j"',
    ),
)
simple(
    "fin réelle avant le début réel",
    "wbs.toml",
    essais("actual_start = 2026-02-10\nactual_finish = 2026-02-02"),
)
simple("affectation de 250 %", "wbs.toml", essais('duration = "2s"\nresources = ["bdupont:250%"]'))
simple("affectation négative", "wbs.toml", essais('duration = "2s"\nresources = ["bdupont:-50%"]'))
simple("tâche parente d'elle-même", "wbs.toml", essais('parent = "essais"'))
simple(
    "cycle de parents",
    "wbs.toml",
    both(
        essais('parent = "go-copil"'),
        swap("wbs.toml", 'name = "Validation COPIL"', 'name = "Validation COPIL"\nparent = "essais"'),
    ),
)

# -- size and structure: a clear message within seconds, in bounded memory --------------------


def _deep_wbs(root: Path, outside: Path) -> None:
    (root / "wbs.toml").write_text("x = " + "[" * 10000 + "]" * 10000 + "\n", encoding="utf-8")


def _deep_tables(root: Path, outside: Path) -> None:
    (root / "actions.toml").write_text("x = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n", encoding="utf-8")


def _long_parent_chain(root: Path, outside: Path) -> None:
    tasks = ['[[task]]\nid = "t0"\nname = "t0"\n']
    tasks += [f'[[task]]\nid = "t{i}"\nname = "t{i}"\nparent = "t{i - 1}"\n' for i in range(1, 1500)]
    tasks.append('[[task]]\nid = "leaf"\nname = "feuille"\nparent = "t1499"\nduration = "1j"\n')
    (root / "wbs.toml").write_text("\n".join(tasks), encoding="utf-8")


def _long_chain(root: Path, outside: Path) -> None:
    tasks = ['[[task]]\nid = "t0"\nname = "t0"\nduration = "1j"\n']
    tasks += [
        f'[[task]]\nid = "t{i}"\nname = "t{i}"\nduration = "1j"\nafter = ["t{i - 1}"]\n'
        for i in range(1, 1500)
    ]
    (root / "wbs.toml").write_text("\n".join(tasks), encoding="utf-8")


def _big_csv(root: Path, outside: Path) -> None:
    path = root / "costs.csv"
    with path.open("wb") as stream:
        stream.write(b"date,task,category,amount,reference,comment\n")
        stream.truncate(200 * 1024 * 1024)


def _big_markdown(root: Path, outside: Path) -> None:
    with (root / "docs" / "gros.md").open("wb") as stream:
        stream.write(b'+++\ntitle = "Gros"\ndate = 2026-01-08\nkind = "note"\n+++\n')
        stream.truncate(200 * 1024 * 1024)


simple("10 000 crochets imbriqués", "wbs.toml", _deep_wbs)
simple("5 000 tables en ligne imbriquées", "actions.toml", _deep_tables)
simple(
    "ligne de 50 000 caractères dans un compte rendu",
    None,
    meeting(MEETING + "\n" + "x" * 50000 + "\n", MEETING_FILE),
)
simple(
    "ligne de 50 000 « * » dans un document",
    None,
    append("docs/note-de-cadrage.md", "\n" + "*" * 50000 + "\n"),
)
simple(
    "ligne de 50 000 « [ » dans un document",
    None,
    append("docs/note-de-cadrage.md", "\n" + "[" * 50000 + "\n"),
)
simple("titre de 50 000 caractères", None, append("rex/bilan.md", "\n## " + "é" * 50000 + "\n"))
simple("50 000 niveaux de citation", None, append("rex/bilan.md", "\n" + ">" * 50000 + " x\n"))
simple(
    "50 000 niveaux de liste",
    None,
    append("rex/bilan.md", "\n" + "".join("  " * i + "- x\n" for i in range(0, 3000))),
)
simple("texte d'un million de caractères", None, project("title", '"' + "a" * 1_000_000 + '"'))
simple("chaîne de 1 500 parents (plus que la pile de Python)", None, _long_parent_chain)
simple("chaîne de 1 500 dépendances", None, _long_chain)
simple("CSV de 200 Mo", "costs.csv", _big_csv)
simple("document de 200 Mo", "docs/gros.md", _big_markdown)

# -- line endings and encodings ---------------------------------------------------------------

TIER[0] = "light"

simple("compte rendu CRLF (accepté)", None, meeting(MEETING.replace("\n", "\r\n"), MEETING_FILE))
simple(
    "cockpit.toml CRLF (accepté)", None, write("cockpit.toml", CLEAN["cockpit.toml"].replace("\n", "\r\n"))
)
simple(
    "compte rendu BOM et CRLF (accepté)",
    None,
    meeting("\ufeff" + MEETING.replace("\n", "\r\n"), MEETING_FILE),
)
simple("compte rendu CR seuls", MEETING_FILE, meeting(MEETING.replace("\n", "\r"), MEETING_FILE))
simple(
    "en-tête de compte rendu non fermé",
    MEETING_FILE,
    meeting(MEETING.replace("+++\n\n##", "\n\n##"), MEETING_FILE),
)
simple("compte rendu réduit à +++", MEETING_FILE, meeting("+++\n", MEETING_FILE))
simple(
    "NUL dans wbs.toml", "wbs.toml", write("wbs.toml", CLEAN["wbs.toml"].replace("Cadrage", "Cad\x00rage"))
)
simple("compte rendu en Latin-1", MEETING_FILE, meeting(MEETING.encode("latin-1", "replace"), MEETING_FILE))
simple(
    "cockpit.toml en UTF-16", "cockpit.toml", write("cockpit.toml", CLEAN["cockpit.toml"].encode("utf-16"))
)
simple("cockpit.toml vide", "cockpit.toml", write("cockpit.toml", ""))

# -- paths written in files --------------------------------------------------------------------

TIER[0] = "medium"

simple(
    "preuve hors du dossier",
    "evidence.toml",
    swap("evidence.toml", '"docs/note-de-cadrage.md#objectifs"', '"../outside/secret.md", "/etc/passwd"'),
)
simple(
    "origine d'action hors du dossier",
    None,
    swap("actions.toml", 'origin = "meetings/2026-01-12-lancement.md"', 'origin = "../../../etc/passwd"'),
)
simple(
    "fichier ignoré hors du dossier",
    None,
    append(
        "cockpit.toml", '\n[[check.ignore]]\ncode = "F011"\nfile = "../outside/secret.md"\nreason = "x"\n'
    ),
)

# -- command lines -------------------------------------------------------------------------------

simple("options après le dossier", None, lambda root, outside: None)
FAULTS.append(
    Fault(
        "--baseline qui sort du dossier",
        lambda root, outside: None,
        None,
        (
            ("schedule", "{dir}", "--baseline", "../../outside/baseline"),
            ("schedule", "{dir}", "--baseline", "/etc/passwd"),
            ("schedule", "--baseline", "../outside/baseline", "{dir}"),
        ),
    )
)
FAULTS.append(
    Fault(
        "-o sur un fichier du projet",
        lambda root, outside: None,
        None,
        (
            ("report", "status", "{dir}", "-o", "{dir}/wbs.toml"),
            ("report", "status", "{dir}", "--format", "html", "-o", "{dir}/cockpit.toml"),
            ("export", "{dir}", "-o", "{dir}/wbs.toml"),
        ),
    )
)
FAULTS.append(
    Fault(
        "-o vers un lien symbolique",
        lambda root, outside: (outside / "cible.md").symlink_to(outside / "secret.md"),
        None,
        (("report", "status", "{dir}", "-o", "{out}/cible.md"), ("export", "{dir}", "-o", "{out}/cible.md")),
    )
)
FAULTS.append(
    Fault(
        "-o dans un dossier absent",
        lambda root, outside: None,
        None,
        (
            ("report", "status", "{dir}", "-o", "{out}/absent/rapport.md"),
            ("export", "{dir}", "-o", "{out}/absent/plan.xml"),
        ),
    )
)
FAULTS.append(
    Fault(
        "-o dans un dossier en lecture seule",
        lambda root, outside: (outside / "ro").mkdir(mode=0o500),
        None,
        (
            ("report", "status", "{dir}", "-o", "{out}/ro/rapport.md"),
            ("export", "{dir}", "-o", "{out}/ro/plan.xml"),
        ),
        root_only=True,
    )
)
FAULTS.append(
    Fault(
        "-o sur un dossier",
        lambda root, outside: None,
        None,
        (("report", "status", "{dir}", "-o", "{out}"), ("export", "{dir}", "-o", "{out}")),
    )
)
FAULTS.append(
    Fault(
        "-o sur un disque plein",
        lambda root, outside: None,
        None,
        (("report", "status", "{dir}", "-o", "/dev/full"), ("export", "{dir}", "-o", "/dev/full")),
    )
)
FAULTS.append(
    Fault(
        "dossier absent",
        lambda root, outside: None,
        None,
        (
            ("check", "{out}/absent"),
            ("schedule", "{out}/absent"),
            ("status", "{out}/absent"),
            ("report", "status", "{out}/absent"),
            ("meeting", "list", "{out}/absent"),
            ("export", "{out}/absent", "-o", "{out}/plan.xml"),
            ("baseline", "list", "{out}/absent"),
        ),
    )
)
FAULTS.append(
    Fault(
        "un fichier en guise de dossier",
        lambda root, outside: None,
        None,
        (
            ("check", "{dir}/wbs.toml"),
            ("schedule", "{dir}/wbs.toml"),
            ("status", "{dir}/wbs.toml"),
            ("report", "gap", "{dir}/wbs.toml"),
            ("meeting", "list", "{dir}/wbs.toml"),
        ),
    )
)


def _text_faults(root: Path, outside: Path) -> None:
    """Control characters, markup, mathtext and HTML together, for the binary reports."""
    both(
        task_name(f'"Essais{ESC}[2J [/] $x^$ <b>gras</b>"'),
        swap(
            "risks.toml",
            'title = "Retard de livraison du robot"',
            'title = "<script>x</script> [link=https://p.example]l"',
        ),
        project("title", f'"Projet{ESC}]0;pirate\\u0007 $a_{{$"'),
        meeting(MEETING.replace("Le projet est lancé.", "Le projet \x1b[2J [/] est lancé."), MEETING_FILE),
    )(root, outside)


FAULTS.append(
    Fault(
        "rapports Word, PDF et HTML d'un dossier hostile",
        _text_faults,
        None,
        (
            ("report", "status", "{dir}", "--format", "docx", "-o", "{out}/rapport.docx"),
            ("report", "copil", "{dir}", "--format", "pdf", "-o", "{out}/rapport.pdf"),
            ("report", "rex", "--format", "html", "{dir}"),
            ("check", "{dir}", "{dir}"),
        ),
    )
)


# -- a third pass: encodings, names and paths not tried before ---------------------------------

TIER[0] = "light"

simple("NUL dans une clé TOML", "wbs.toml", swap("wbs.toml", 'name = "Cadrage"', 'na\x00me = "Cadrage"'))
simple(
    "NUL échappé dans une clé TOML",
    "wbs.toml",
    swap("wbs.toml", 'name = "Cadrage"', 'name = "Cadrage"\n"x\\u0000y" = 1'),
)
simple("costs.csv avec BOM (accepté)", None, write("costs.csv", "\ufeff" + CLEAN["costs.csv"]))
simple("costs.csv en UTF-16", "costs.csv", write("costs.csv", CLEAN["costs.csv"].encode("utf-16")))
simple("wbs.toml en UTF-16", "wbs.toml", write("wbs.toml", CLEAN["wbs.toml"].encode("utf-16")))
simple("compte rendu de 0 octet", "meetings/2026-02-02-vide.md", write("meetings/2026-02-02-vide.md", b""))
BOM_ONLY = "meetings/2026-02-02-bom.md"
simple("compte rendu réduit à un BOM", BOM_ONLY, write(BOM_ONLY, b"\xef\xbb\xbf"))
simple(
    "titre de 200 000 caractères dans un document",
    None,
    append("docs/note-de-cadrage.md", "\n## " + "x" * 200_000 + "\n"),
)
simple("CSV d'un million de colonnes", "costs.csv", csv_row("costs.csv", "2026-02-11" + "," * 1_000_000))
simple(
    "en-tête CSV d'un million de colonnes",
    "progress.csv",
    write("progress.csv", ",".join(["date"] * 1_000_000) + "\n"),
)
simple("boucle de liens de dossiers dans docs/", None, link("docs/boucle", "."))
simple(
    "deux liens qui se visent dans docs/",
    "docs/a.md",
    both(link("docs/a.md", "b.md"), link("docs/b.md", "a.md")),
)
simple(
    "retour à la ligne dans un nom de fichier de docs/",
    "docs",
    write("docs/note\nwbs.toml:1:1: F001 erreur : faux.md", CLEAN["docs/note-de-cadrage.md"]),
)
simple(
    "ESC dans un nom de fichier de docs/",
    "docs",
    write("docs/\x1b[31mrouge\x1b]0;pirate\x07.md", CLEAN["docs/note-de-cadrage.md"]),
)
simple(
    "ESC et retour à la ligne dans un nom de compte rendu",
    "meetings",
    write("meetings/2026-02-03-\x1b[2J\nfaux.md", MEETING.replace("2026-01-12", "2026-02-03")),
)
FAULTS.append(
    Fault(
        "--baseline ../x et -o dans le dossier par un lien de dossier",
        lambda root, outside: (outside / "lien").symlink_to(root),
        None,
        (
            ("schedule", "{dir}", "--baseline", "../x"),
            ("schedule", "{dir}", "--baseline", "..\\x"),
            ("report", "status", "{dir}", "-o", "{out}/lien/wbs.toml"),
            ("report", "status", "{dir}", "-o", "{out}/lien/meetings/2026-01-12-lancement.md"),
            ("export", "{dir}", "-o", "{out}/lien/baselines/ref.toml"),
        ),
    )
)
