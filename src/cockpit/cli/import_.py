"""`cockpit import FILE DIR`: a plan from MS Project / ProjectLibre (XML, or .mpp through
MPXJ) into a new folder, or merged into an existing one without losing anything.

(`import` is a Python keyword: the module is import_.py, the command `import`.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_PROBLEM, EXIT_UNUSABLE = 0, 1, 2
PLAN_SUFFIXES = {".xml": "mspdi", ".mpp": "mpp", ".mpt": "mpp", ".mpx": "mpp"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import", help="importe un planning MS Project / ProjectLibre (XML ou .mpp)",
        description="Importe un planning MS Project ou ProjectLibre (format XML ; .mpp avec "
        "Java et l'extension MPXJ). Dans un dossier sans cockpit.toml, crée cockpit.toml et "
        "wbs.toml ; dans un projet existant, ajoute les tâches et les membres nouveaux, "
        "complète les champs vides et signale chaque conflit sans rien écraser. Ce que "
        "cockpit ne sait pas représenter est signalé. Détails : docs/interop.md.")
    parser.add_argument("file", metavar="FICHIER", help="fichier à importer (.xml, .mpp)")
    parser.add_argument("dir", nargs="?", default=".", help="dossier du projet (défaut : .)")
    parser.add_argument("--format", choices=("mspdi", "mpp"), default=None,
                        help="mspdi (MS Project XML) ou mpp (défaut : d'après l'extension)")
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
        print(f"Nouveau projet dans « {args.dir} » : {len(report.added_tasks)} tâche(s), "
              f"{len(report.added_members)} membre(s) de l'équipe.")
    else:
        print(f"Fusion dans « {args.dir} » : {len(report.added_tasks)} tâche(s) et "
              f"{len(report.added_members)} membre(s) ajoutés, {len(report.filled)} champ(s) "
              f"complété(s), {len(report.conflicts)} conflit(s).")
    for path in report.written:
        print(f"  {verb:<9}{path}")
    if report.progress_rows:
        print(f"  {report.progress_rows} avancement(s) ajouté(s) à progress.csv")
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
