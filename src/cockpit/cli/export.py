"""`cockpit export DIR --format mspdi|ics|xlsx -o FILE`: the project for other tools.

The format libraries are imported by the core modules of cockpit.interop, inside the
functions that write, so no other command loads them. The status date is the project's
`status_date`, else the shell's today (`--today`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cockpit.model import Project
    from cockpit.schedule.baseline import Baseline

EXIT_OK, EXIT_PROBLEM, EXIT_UNUSABLE = 0, 1, 2
FORMATS = {"mspdi": ".xml", "ics": ".ics", "xlsx": ".xlsx"}
FORMAT_NAMES = {"mspdi": "MS Project XML", "ics": "iCalendar", "xlsx": "classeur Excel"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export", help="exporte vers MS Project / ProjectLibre (XML), un agenda (.ics) ou Excel",
        description="Exporte le projet pour d'autres outils : mspdi (MS Project XML, que MS "
        "Project, ProjectLibre et GanttProject ouvrent), ics (jalons, réunions et actions pour "
        "un agenda) ou xlsx (classeur : planning, budget, risques, actions). Ne modifie pas le "
        "dossier du projet. Correspondance champ par champ : docs/interop.md.")
    parser.add_argument("dir", nargs="?", default=".", help="dossier du projet (défaut : .)")
    parser.add_argument("--format", choices=tuple(FORMATS), default=None,
                        help="mspdi, ics ou xlsx (défaut : d'après l'extension de -o)")
    parser.add_argument("-o", "--output", metavar="FICHIER",
                        help="fichier à écrire (défaut : IDENTIFIANT-DU-PROJET.xml, .ics ou "
                        ".xlsx dans le dossier courant)")
    parser.add_argument("--baseline", metavar="NOM",
                        help="mspdi : la référence enregistrée à joindre (défaut : la plus "
                        "récente, s'il y en a une)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cockpit.cli.common import read_state
    from cockpit.interop import InteropError

    chosen = args.format or _format_of(args.output)
    if chosen is None:
        print("cockpit : précisez le format (--format mspdi, ics ou xlsx) ou donnez à -o "
              "l'extension .xml, .ics ou .xlsx.", file=sys.stderr)
        return EXIT_UNUSABLE
    root = Path(args.dir)
    state = read_state(args.dir, args.today)
    if state is None:
        return EXIT_UNUSABLE
    project = state.project
    output = Path(args.output) if args.output else Path(
        f"{project.settings.project.id or 'projet'}{FORMATS[chosen]}")
    status = project.settings.project.status_date or args.today
    try:
        data = render(chosen, project, root, status, args.baseline)
    except InteropError as error:
        print(f"cockpit : {error}", file=sys.stderr)
        return EXIT_PROBLEM
    from cockpit.folder.save import SaveError, write_output

    try:
        write_output(root, output, data)
    except SaveError as error:
        print(f"cockpit : {error}", file=sys.stderr)
        return EXIT_PROBLEM
    size = f"{len(data):,}".replace(",", "\u202f")
    print(f"  écrit    {output} ({FORMAT_NAMES[chosen]}, {size} octets)")
    return EXIT_OK


def _format_of(output: str | None) -> str | None:
    if output is None:
        return None
    suffix = Path(output).suffix.lower()
    return next((name for name, ext in FORMATS.items() if ext == suffix), None)


def render(chosen: str, project: Project, root: Path, status: dt.date,
           baseline_name: str | None) -> bytes:
    from cockpit.schedule import compute_schedule

    schedule = compute_schedule(project)
    if chosen == "mspdi":
        from cockpit.interop.mspdi import export_mspdi

        return export_mspdi(project, schedule, status, _baseline(root, baseline_name))
    if chosen == "ics":
        from cockpit.interop.ics import export_ics

        return export_ics(project, schedule, status)
    from cockpit.interop.xlsx import export_xlsx

    return export_xlsx(project, schedule, status)


def _baseline(root: Path, name: str | None) -> Baseline | None:
    """The named baseline, or the most recently saved one; None when there is none."""
    from cockpit.interop import InteropError
    from cockpit.schedule.baseline import BASELINE_DIR, BaselineError, load_baseline

    try:
        if name:
            return load_baseline(root, name)
        saved = [load_baseline(root, p.stem) for p in sorted((root / BASELINE_DIR).glob("*.toml"))]
    except BaselineError as error:
        raise InteropError(str(error)) from error
    if not saved:
        return None
    return max(saved, key=lambda b: (b.saved or dt.date.min, b.name))
