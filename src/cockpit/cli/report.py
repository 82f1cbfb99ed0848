"""`cockpit report KIND [DIR] [--format md|html] [-o FILE]`: status, copil, rex, gap."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cockpit.cli.common import add_date, read_state

EXIT_OK, EXIT_UNUSABLE = 0, 2


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "report", help="produit un rapport : status, copil, rex ou gap",
        description="Produit un rapport à partir des fichiers du projet : status (tableau de "
        "bord hebdomadaire), copil (comité de pilotage), rex (bilan), gap (correspondance "
        "avec le référentiel). Markdown par défaut, ou HTML autonome et imprimable.")
    parser.add_argument("kind", choices=("status", "copil", "rex", "gap"), metavar="TYPE",
                        help="status, copil, rex ou gap")
    parser.add_argument("dir", nargs="?", default=".", help="dossier du projet (défaut : .)")
    parser.add_argument("--format", choices=("md", "html"), default="md",
                        help="md (défaut) ou html")
    parser.add_argument("-o", "--output", metavar="FICHIER",
                        help="écrit le rapport dans ce fichier (défaut : sortie standard)")
    add_date(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cockpit.report.build import ReportError, build, render

    state = read_state(args.dir, args.today, args.date)
    if state is None:
        return EXIT_UNUSABLE
    try:
        text = render(build(args.kind, state), args.format)
    except ReportError as error:
        print(f"cockpit : {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Rapport écrit dans {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK
