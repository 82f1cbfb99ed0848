"""`cockpit check [DIR]`: every problem of the folder, and the gaps against the référentiel."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check", help="vérifie le dossier et le compare au référentiel",
        description="Lit tous les fichiers du projet, signale chaque problème (fichier, ligne, "
        "code, quoi faire) et dit, critère par critère du référentiel, ce qui est prouvé et ce "
        "qui manque. Ne modifie jamais aucun fichier.")
    parser.add_argument("dir", nargs="?", default=".", help="dossier du projet (défaut : .)")
    parser.add_argument("--format", choices=("human", "json", "github", "sarif"), default="human",
                        help="format de sortie (défaut : human)")
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
    from cockpit.check.output import FORMATS, human
    from cockpit.check.run import run_check
    from cockpit.check.table import RULES
    from cockpit.diagnostics.diagnostic import Severity
    from cockpit.diagnostics.registry import UnknownSelector

    enabled = None
    if args.select or args.ignore:
        try:
            enabled = RULES.select(_codes(args.select), _codes(args.ignore))
        except UnknownSelector as error:
            print(f"cockpit : {error}", file=sys.stderr)
            return EXIT_UNUSABLE
    root = Path(args.dir)
    if not root.is_dir():
        print(f"cockpit : « {args.dir} » n'est pas un dossier.")
        return EXIT_UNUSABLE
    result = run_check(root, today=args.today, gaps=not args.no_gaps, enabled=enabled)
    print(FORMATS[args.format](result) if args.format in FORMATS else human(result,
                                                                             quiet=args.quiet))
    if result.project is None:
        return EXIT_UNUSABLE
    failing = result.count(Severity.ERROR) + (
        result.count(Severity.WARNING) if args.fail_on == "warning" else 0)
    if failing or (result.gaps is not None and not result.gaps.ready):
        return EXIT_PROBLEMS
    return EXIT_OK


def _codes(items: list[str]) -> list[str]:
    """`--select P,S00 --select K001` → ["P", "S00", "K001"]."""
    return [code for item in items for code in item.split(",")]
