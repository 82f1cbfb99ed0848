"""`cockpit check [DIR]`: every problem of the folder, and the gaps against the référentiel."""

from __future__ import annotations

import argparse
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
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cockpit.check.output import FORMATS, human
    from cockpit.check.run import run_check
    from cockpit.diagnostics.diagnostic import Severity

    root = Path(args.dir)
    if not root.is_dir():
        print(f"cockpit : « {args.dir} » n'est pas un dossier.")
        return EXIT_UNUSABLE
    result = run_check(root, today=args.today, gaps=not args.no_gaps)
    print(FORMATS[args.format](result) if args.format in FORMATS else human(result,
                                                                             quiet=args.quiet))
    if result.project is None:
        return EXIT_UNUSABLE
    failing = result.count(Severity.ERROR) + (
        result.count(Severity.WARNING) if args.fail_on == "warning" else 0)
    if failing or (result.gaps is not None and not result.gaps.ready):
        return EXIT_PROBLEMS
    return EXIT_OK
