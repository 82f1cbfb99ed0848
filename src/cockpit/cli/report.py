"""`cockpit report KIND [DIR] [--format md|html] [-o FILE]`: status, copil, rex, gap."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_UNUSABLE = 0, 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date « {text} » illisible (AAAA-MM-JJ)") from None


def add_date(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=_date, metavar="AAAA-MM-JJ",
                        help="date d'état (défaut : status_date de cockpit.toml, sinon aujourd'hui)")


def folder(directory: str) -> Path | None:
    """The project folder, or None after saying why on stderr."""
    root = Path(directory)
    if not root.is_dir():
        print(f"cockpit : « {directory} » n'est pas un dossier.", file=sys.stderr)
        return None
    return root


def load_board(directory: str, today: dt.date, day: dt.date | None = None) -> Any:
    """The steering Dashboard of a folder, or None after saying why on stderr."""
    from cockpit.report.build import ReportError, dashboard

    root = folder(directory)
    if root is None:
        return None
    try:
        return dashboard(root, today, day)
    except ReportError as error:
        print(f"cockpit : {error}", file=sys.stderr)
        return None


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

    root = folder(args.dir)
    if root is None:
        return EXIT_UNUSABLE
    try:
        text = render(build(args.kind, root, args.today, args.date), args.format)
    except ReportError as error:
        print(f"cockpit : {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Rapport écrit dans {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK
