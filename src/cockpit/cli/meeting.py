"""`cockpit meeting new|list [DIR]`: prepare a meeting file, list the meetings."""

from __future__ import annotations

import argparse
import sys

from cockpit.cli.common import parse_date, read_state

EXIT_OK, EXIT_PROBLEM, EXIT_UNUSABLE = 0, 1, 2


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from cockpit.model.documents import MEETING_KINDS

    parser = subparsers.add_parser(
        "meeting", help="prépare un compte rendu, liste les réunions",
        description="« new » crée meetings/AAAA-MM-JJ-titre.md dont l'ordre du jour est "
        "prérempli (contexte et objectifs, rôles, avancement, plan d'actions, objectifs de la "
        "réunion) ; « list » liste les réunions par type et par phase avec leurs décisions et "
        "actions.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True,
                                    parser_class=type(parser))
    new = actions.add_parser("new", help="crée le fichier d'une nouvelle réunion")
    new.add_argument("dir", nargs="?", default=".", help="dossier du projet (défaut : .)")
    new.add_argument("--kind", required=True, choices=MEETING_KINDS, metavar="TYPE",
                     help="type : " + ", ".join(MEETING_KINDS))
    new.add_argument("--title", required=True, help="titre, ex. « COPIL n°3 »")
    new.add_argument("--date", type=parse_date, metavar="AAAA-MM-JJ", help="date (défaut : aujourd'hui)")
    new.set_defaults(run=run_new)
    listing = actions.add_parser("list", help="liste les réunions")
    listing.add_argument("dir", nargs="?", default=".", help="dossier du projet (défaut : .)")
    listing.set_defaults(run=run_list)


def run_new(args: argparse.Namespace) -> int:
    from cockpit.folder.save import FileExistsSaveError, ProjectFiles, SaveError
    from cockpit.steering.meetings import meeting_path, render_new_meeting, situation

    day = args.date or args.today
    state = read_state(args.dir, args.today, day)  # « Situation au … » on the meeting's date
    if state is None:
        return EXIT_UNUSABLE
    board = state.dashboard
    relative = meeting_path(day, args.title)
    text = render_new_meeting(board.project, args.kind, args.title, day, situation(board),
                              board.actions)
    try:
        ProjectFiles(args.dir).write_text(relative, text, create=True)
    except FileExistsSaveError:
        print(f"cockpit : {relative} existe déjà ; il n'est pas modifié. Choisissez un autre "
              "titre ou une autre date.", file=sys.stderr)
        return EXIT_PROBLEM
    except SaveError as error:
        print(f"cockpit : {error}", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"  créé     {relative}")
    print("Complétez les objectifs de la réunion, puis le relevé de décisions et d'actions.")
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    from cockpit import french
    from cockpit.steering.meetings import KIND_FRENCH, by_kind, by_phase, chronological

    state = read_state(args.dir, args.today)
    if state is None:
        return EXIT_UNUSABLE
    meetings = state.project.meetings
    if not meetings:
        print("Aucune réunion dans meetings/ : « cockpit meeting new --kind lancement "
              "--title … » en prépare une.")
        return EXIT_OK
    kinds = ", ".join(f"{KIND_FRENCH.get(k, k)} : {n}" for k, n in by_kind(meetings).items())
    phases = ", ".join(f"{k} : {n}" for k, n in by_phase(meetings).items())
    print(f"{french.count(len(meetings), 'réunion')} — par type : {kinds}\nPar phase : {phases}\n")
    for meeting in chronological(meetings):
        phase = meeting.phase.value if meeting.phase else "—"
        print(f"{french.date(meeting.date)}  {meeting.kind or '—':<12} {phase:<10} "
              f"{meeting.title}  ({meeting.path})")
        for decision in meeting.decisions:
            print(f"    décision : {decision}")
        for mention in meeting.actions:
            print(f"    action   : {mention.action} — @{mention.owner or '?'} — "
                  f"{mention.due.isoformat() if mention.due else 'sans échéance'} — {mention.text}")
    return EXIT_OK
