"""`cockpit check [DIR…]`: every problem of the folder, and the gaps against the référentiel;
with many folders (an exam centre's candidates), one summary a folder, checked in parallel."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2
MANY = ("jsonl", "csv", "junit")  # formats of one record a folder


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check", help="vérifie le dossier et le compare au référentiel",
        description="Lit tous les fichiers du projet, signale chaque problème (fichier, ligne, "
        "code, quoi faire) et dit, critère par critère du référentiel, ce qui est prouvé et ce "
        "qui manque. Ne modifie jamais aucun fichier.")
    parser.add_argument("dir", nargs="*", default=["."], metavar="DOSSIER",
                        help="le dossier du projet (défaut : .) ; plusieurs dossiers, ou un motif "
                        "du shell (candidats/*), sont vérifiés en parallèle, un résumé par dossier")
    parser.add_argument("--format", choices=("human", "json", "github", "sarif") + MANY,
                        default="human",
                        help="format de sortie (défaut : human) ; jsonl, csv et junit donnent un "
                        "enregistrement par dossier")
    parser.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                        help="nombre de processus pour plusieurs dossiers (défaut : un par cœur)")
    parser.add_argument("--fail-on", choices=("error", "warning"), default="error",
                        help="sévérité qui fait échouer la commande (défaut : error)")
    parser.add_argument("--no-gaps", action="store_true",
                        help="ne compare pas au référentiel (diagnostics seuls)")
    parser.add_argument("-q", "--quiet", action="store_true", help="une ligne par diagnostic")
    parser.add_argument("--select", metavar="CODES", action="append", default=[],
                        help="ne vérifie que ces codes, séparés par des virgules : un code (S003), "
                        "un groupe (P) ou un début de code (S00) ; ALL pour tous")
    parser.add_argument("--ignore", metavar="CODES", action="append", default=[],
                        help="ne vérifie pas ces codes (même écriture) ; le plus précis l'emporte : "
                        "--select S --ignore S003")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cockpit.check.table import RULES
    from cockpit.diagnostics.registry import UnknownSelector

    enabled = None
    if args.select or args.ignore:
        try:
            enabled = RULES.select(_codes(args.select), _codes(args.ignore))
        except UnknownSelector as error:
            print(f"cockpit : {error}", file=sys.stderr)
            return EXIT_UNUSABLE
    if len(args.dir) > 1 or args.format in MANY:
        return run_many(args, enabled)
    from cockpit.check.batch import exit_status
    from cockpit.check.output import FORMATS, human
    from cockpit.check.run import run_check

    root = Path(args.dir[0])
    if not root.is_dir():
        print(f"cockpit : « {args.dir[0]} » n'est pas un dossier.")
        return EXIT_UNUSABLE
    result = run_check(root, today=args.today, gaps=not args.no_gaps, enabled=enabled)
    print(FORMATS[args.format](result) if args.format in FORMATS else human(result,
                                                                             quiet=args.quiet))
    return exit_status(result, args.fail_on)


def run_many(args: argparse.Namespace, enabled: frozenset[str] | None) -> int:
    """Many folders in one process: one record a folder, sorted, the worst exit status."""
    from cockpit.check.batch import check_many, worst
    from cockpit.check.batch_output import FORMATS

    if args.format not in FORMATS:
        print(f"cockpit : erreur de commande : avec plusieurs dossiers, --format {args.format} "
              "n'existe pas ; choisissez human, jsonl, csv ou junit.", file=sys.stderr)
        return EXIT_UNUSABLE
    if args.jobs < 0:
        print("cockpit : erreur de commande : --jobs attend un nombre positif.", file=sys.stderr)
        return EXIT_UNUSABLE
    records = check_many(args.dir, args.today, jobs=args.jobs, fail_on=args.fail_on,
                         gaps=not args.no_gaps, enabled=enabled)
    print(FORMATS[args.format](records))
    return worst(records)


def _codes(items: list[str]) -> list[str]:
    """`--select P,S00 --select K001` → ["P", "S00", "K001"]."""
    return [code for item in items for code in item.split(",")]
