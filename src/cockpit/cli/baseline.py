"""`cockpit baseline save NAME [DIR]` and `cockpit baseline list [DIR]`: planning references."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cockpit.cli.common import parse_date

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "baseline", help="références de planning (baselines) : enregistrer, lister",
        description="Une référence (baseline) fige les dates prévues du planning sous un nom, "
        "dans baselines/NOM.toml ; « cockpit schedule --baseline NOM » montre ensuite les "
        "écarts de début et de fin, en jours ouvrés.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION",
                                    parser_class=type(parser))
    save = actions.add_parser("save", help="enregistre les dates prévues actuelles sous NOM",
                              description="Calcule le planning et enregistre les dates de "
                              "début et de fin de chaque tâche dans baselines/NOM.toml "
                              "(remplace une référence du même nom).")
    save.add_argument("name", metavar="NOM", help="nom de la référence (lettres, chiffres, . _ -)")
    save.add_argument("dir", nargs="?", default=".", help="dossier du projet (défaut : .)")
    save.add_argument("--date", type=parse_date, metavar="AAAA-MM-JJ",
                      help="date d'enregistrement notée dans le fichier (défaut : aujourd'hui)")
    listing = actions.add_parser("list", help="liste les références enregistrées")
    listing.add_argument("dir", nargs="?", default=".", help="dossier du projet (défaut : .)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.action == "save":
        return save(args)
    if args.action == "list":
        return show_list(Path(args.dir))
    print("cockpit baseline : précisez « save NOM » ou « list ».", file=sys.stderr)
    return EXIT_UNUSABLE


def save(args: argparse.Namespace) -> int:
    from cockpit.cli.common import read_state
    from cockpit.schedule.baseline import BaselineError, baseline_path, save_baseline

    root = Path(args.dir)
    state = read_state(args.dir, args.today)
    if state is None:
        return EXIT_UNUSABLE
    schedule = state.schedule
    replaced = baseline_path(root, args.name).exists()
    try:
        path = save_baseline(root, args.name, schedule, args.date or args.today)
    except (BaselineError, OSError) as error:
        print(f"cockpit : {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    verb = "remplacée" if replaced else "enregistrée"
    print(f"Référence « {args.name} » {verb} : {path} ({len(schedule.tasks)} tâches, fin "
          f"prévue le {schedule.finish:%d/%m/%Y}).")
    return EXIT_OK


def show_list(root: Path) -> int:
    from cockpit.schedule.baseline import BaselineError, load_baseline, saved_names

    try:
        names = saved_names(root)
    except BaselineError as error:
        print(f"cockpit : {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    if not names:
        print("Aucune référence enregistrée (« cockpit baseline save NOM »).")
        return EXIT_OK
    for name in names:
        try:
            b = load_baseline(root, name)
        except BaselineError as error:
            print(f"{name} : {error}")
            continue
        saved = f"enregistrée le {b.saved:%d/%m/%Y}" if b.saved else "sans date"
        finish = f", fin prévue le {b.finish:%d/%m/%Y}" if b.finish else ""
        print(f"{b.name} : {saved}, {len(b.tasks)} tâches{finish}")
    return EXIT_OK
