"""`cockpit [DIR]`: open the project folder in the Textual cockpit."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

EXIT_USAGE = 2
USAGE = "usage : cockpit [DOSSIER]   (ou « cockpit --help » pour les sous-commandes)\n"


def run_tui(args: list[str], today: dt.date) -> int:
    """Open the app on DIR (default "."); exit 2 with a French message when it is no project."""
    if len(args) > 1:
        sys.stderr.write(USAGE + "cockpit : erreur de commande : un seul dossier à la fois\n")
        return EXIT_USAGE
    root = Path(args[0] if args else ".")
    if not root.is_dir():
        sys.stderr.write(f"cockpit : « {root} » n'est pas un dossier.\n")
        return EXIT_USAGE
    if not (root / "cockpit.toml").is_file():
        sys.stderr.write(
            f"cockpit : pas de cockpit.toml dans « {root} » : ce n'est pas un dossier de projet.\n"
            "Créez-en un avec « cockpit init DOSSIER », ou ouvrez le dossier qui le contient.\n")
        return EXIT_USAGE
    from cockpit.tui.app import CockpitApp

    CockpitApp(root, today=today).run()
    return 0
