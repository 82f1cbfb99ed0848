"""`cockpit report KIND [DIR] [--format md|html|docx|pdf] [-o FILE]`: status, copil, rex, gap."""

from __future__ import annotations

import argparse
import sys

from cockpit.cli.common import add_date, read_state

EXIT_OK, EXIT_PROBLEM, EXIT_UNUSABLE = 0, 1, 2


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "report", help="produit un rapport : status, copil, rex, gap ou dossier",
        description="Produit un rapport à partir des fichiers du projet : status (tableau de "
        "bord hebdomadaire), copil (comité de pilotage), rex (bilan), gap (correspondance "
        "avec le référentiel), dossier (le dossier de présentation remis au jury). "
        "Markdown par défaut, HTML autonome et imprimable, Word (docx) "
        "ou PDF, ces deux derniers avec une page de garde, un sommaire et des numéros de page.")
    parser.add_argument("kind", choices=("status", "copil", "rex", "gap", "dossier"),
                        metavar="TYPE", help="status, copil, rex, gap ou dossier")
    parser.add_argument("dir", nargs="?", default=".", help="dossier du projet (défaut : .)")
    parser.add_argument("--format", choices=("md", "html", "docx", "pdf"), default="md",
                        help="md (défaut), html, docx (Word) ou pdf")
    parser.add_argument("-o", "--output", metavar="FICHIER",
                        help="écrit le rapport dans ce fichier (défaut : sortie standard)")
    parser.add_argument("--anonymise", "--anonymize", action="store_true",
                        help="remplace les noms des personnes (équipe, parties prenantes, et "
                        "dans les comptes rendus et documents cités) par leur rôle, et le nom de "
                        "l'entreprise (company de cockpit.toml) par « l'entreprise »")
    add_date(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cockpit.report.build import BINARY, ReportError, build, dress, render

    state = read_state(args.dir, args.today, args.date)
    if state is None:
        return EXIT_UNUSABLE
    if args.format in BINARY and not args.output and sys.stdout.isatty():
        print(f"cockpit : un rapport {args.format} ne s'affiche pas dans un terminal : "
              f"donnez un fichier (-o rapport.{args.format}).", file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        output = render(dress(build(args.kind, state), state, args.anonymise), args.format)
    except ReportError as error:
        print(f"cockpit : {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    if args.output:
        from cockpit.folder.save import SaveError, write_output

        data = output if isinstance(output, bytes) else output.encode("utf-8")
        try:
            write_output(state.root, args.output, data)
        except SaveError as error:
            print(f"cockpit : {error}", file=sys.stderr)
            return EXIT_PROBLEM
        print(f"Rapport écrit dans {args.output}", file=sys.stderr)
    elif isinstance(output, bytes):
        sys.stdout.buffer.write(output)
    else:
        sys.stdout.write(output)
    return EXIT_OK
