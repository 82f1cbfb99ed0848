"""`cockpit import FILE DIR`: a plan from MS Project / ProjectLibre (XML, or .mpp through
MPXJ) into a new folder, or merged into an existing one without losing anything.

(`import` is a Python keyword: the module is import_.py, the command `import`.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cockpit.french import count

EXIT_OK, EXIT_PROBLEM, EXIT_UNUSABLE = 0, 1, 2
PLAN_SUFFIXES = {".xml": "mspdi", ".mpp": "mpp", ".mpt": "mpp", ".mpx": "mpp",
                 ".xlsx": "journal", ".xlsm": "journal", ".xls": "journal", ".ods": "journal",
                 ".csv": "journal"}
JOURNALS = {"costs": "costs.csv", "progress": "progress.csv", "measures": "measures.csv"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import", help="importe un planning MS Project / ProjectLibre (XML ou .mpp), ou des "
        "coûts, avancements et mesures d'un tableur",
        description="Importe un planning MS Project ou ProjectLibre (format XML ; .mpp avec "
        "Java et l'extension MPXJ). Dans un dossier sans cockpit.toml, crée cockpit.toml et "
        "wbs.toml ; dans un projet existant, ajoute les tâches et les membres nouveaux, "
        "complète les champs vides et signale chaque conflit sans rien écraser. Ce que "
        "cockpit ne sait pas représenter est signalé. Un classeur (.xlsx, .ods) ou un CSV "
        "(« ; », virgule décimale, jj/mm/aaaa) ajoute ses lignes à costs.csv, progress.csv ou "
        "measures.csv d'après son en-tête, sans doublon. Détails : docs/interop.md.")
    parser.add_argument("file", metavar="FICHIER",
                        help="fichier à importer (.xml, .mpp, .xlsx, .ods, .csv)")
    parser.add_argument("dir", nargs="?", default=".", help="dossier du projet (défaut : .)")
    parser.add_argument("--format", choices=("mspdi", "mpp", "journal"), default=None,
                        help="mspdi (MS Project XML), mpp ou journal (tableur) ; défaut : "
                        "d'après l'extension")
    parser.add_argument("--journal", choices=tuple(JOURNALS), default=None,
                        help="tableur : le journal visé (défaut : reconnu d'après l'en-tête)")
    parser.add_argument("--dry-run", action="store_true",
                        help="dit ce qui serait écrit, sans rien écrire")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cockpit.interop import InteropError

    source = Path(args.file)
    chosen = args.format or PLAN_SUFFIXES.get(source.suffix.lower())
    if chosen is None:
        print(f"cockpit : format de « {source.name} » inconnu : --format mspdi ou mpp, ou "
              "un fichier .xml ou .mpp.", file=sys.stderr)
        return EXIT_UNUSABLE
    if not source.is_file():
        print(f"cockpit : « {source} » introuvable.", file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        if chosen == "journal":
            return _import_journal(args, source)
        return _import_plan(args, source, chosen)
    except InteropError as error:
        print(f"cockpit : {error}", file=sys.stderr)
        return EXIT_PROBLEM


def _import_plan(args: argparse.Namespace, source: Path, chosen: str) -> int:
    from cockpit.interop.merge import write_import
    from cockpit.interop.mspdi import read_mspdi

    if chosen == "mpp":
        from cockpit.interop.mpp import mpp_to_mspdi

        data = mpp_to_mspdi(source)
    else:
        data = source.read_bytes()
    plan = read_mspdi(data, f"« {source.name} »")
    report = write_import(Path(args.dir), plan, args.today, dry_run=args.dry_run)
    verb = "serait écrit" if args.dry_run else "écrit"
    if report.created:
        print(f"Nouveau projet dans « {args.dir} » : {count(len(report.added_tasks), 'tâche')}, "
              f"{count(len(report.added_members), 'membre')} de l'équipe.")
    else:
        print(f"Fusion dans « {args.dir} » : {count(len(report.added_tasks), 'tâche ajoutée')}, "
              f"{count(len(report.added_members), 'membre ajouté')}, "
              f"{count(len(report.filled), 'champ complété')}, "
              f"{count(len(report.conflicts), 'conflit')}.")
    for path in report.written:
        print(f"  {verb:<9}{path}")
    if report.progress_rows:
        print(f"  {count(report.progress_rows, 'avancement ajouté')} à progress.csv")
    for line in report.filled:
        print(f"  complété : {line}")
    if report.conflicts:
        print("Conflits (la valeur du dossier est gardée) :")
        for line in report.conflicts:
            print(f"  • {line}")
    if plan.notes:
        print("Non représentable dans cockpit :")
        for line in plan.notes:
            print(f"  • {line}")
    if not report.written:
        print("Rien à écrire : le dossier contient déjà tout ce que le fichier apporte.")
    return EXIT_PROBLEM if report.conflicts else EXIT_OK


def _import_journal(args: argparse.Namespace, source: Path) -> int:
    from cockpit.interop.journals import FRENCH_NAMES, import_journals

    root = Path(args.dir)
    if not (root / "cockpit.toml").is_file():
        print(f"cockpit : « {root} » n'est pas un dossier de projet (pas de cockpit.toml).",
              file=sys.stderr)
        return EXIT_UNUSABLE
    reports = import_journals(root, source, JOURNALS.get(args.journal or ""), args.dry_run)
    for report in reports:
        lines = (f"{count(report.added, 'ligne')} à ajouter" if args.dry_run
                 else count(report.added, "ligne ajoutée"))
        print(f"  {report.journal:<13} {lines} "
              f"({FRENCH_NAMES[report.journal]}, feuille « {report.sheet} »), "
              f"{count(report.already, 'déjà présente', 'déjà présentes')}")
        if report.unknown:
            kind = "indicateur inconnu" if report.journal == "measures.csv" else "tâche inconnue"
            print(f"    {count(len(report.unknown), kind)} du projet : {', '.join(report.unknown)} "
                  "(« cockpit check » le signalera)")
    return EXIT_OK
