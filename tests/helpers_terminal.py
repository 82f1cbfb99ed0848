"""Escape sequences planted in a folder (issue 13), for the tests that check none of them
reaches a terminal: the CLI on a pseudo-terminal, the TUI's rendered screen."""

from __future__ import annotations

import re
from pathlib import Path

from helpers_folder import CLEAN, MEETING, make_project

# Sequences cockpit's own renderer never writes: if one reaches the terminal, it came from a file.
PLANTED = {
    "colour": "\x1b[38;2;1;2;3m",
    "cursor": "\x1b[99;99H",
    "title": "\x1b]0;pirate\x07",
    "dcs": "\x1bPpirate\x1b\\",
    "c1": "\x9b2J",
}
PAYLOAD = "".join(PLANTED.values())
IN_TOML = PAYLOAD.encode("unicode_escape").decode("ascii").replace("\\x", "\\u00")
SHOWN = "␛[38;2;1;2;3m"  # the colour sequence, as the user sees it
SGR = re.compile(r"\x1b\[[0-9;]*m")  # colours: the only sequences cockpit writes itself
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def hostile_terminal_folder(root: Path) -> Path:
    """The clean folder with PAYLOAD in names, titles, a meeting's minutes and a document."""
    return make_project(root, {
        "cockpit.toml": CLEAN["cockpit.toml"]
        .replace('title = "Robotisation de la cellule de test"', f'title = "Robot{IN_TOML}"')
        .replace('name = "Claire Martin"', f'name = "Claire{IN_TOML}"'),
        "wbs.toml": CLEAN["wbs.toml"].replace('name = "Cadrage"', f'name = "Cadrage{IN_TOML}"')
        .replace('after = ["essais"]', f'after = ["essais", "inconnue{IN_TOML}"]'),
        "meetings/2026-01-12-lancement.md": MEETING
        .replace('title = "Réunion de lancement"', f'title = "Lancement{IN_TOML}"')
        .replace("Le projet est lancé.", f"Le projet {PAYLOAD} est lancé."),
        "docs/note-de-cadrage.md": CLEAN["docs/note-de-cadrage.md"]
        .replace('title = "Note de cadrage"', f'title = "Note{IN_TOML}"') + f"\n## Suite {PAYLOAD}\n",
        "risks.toml": CLEAN["risks.toml"].replace('title = "Retard de livraison du robot"',
                                                  f'title = "Retard{IN_TOML}"'),
        "actions.toml": CLEAN["actions.toml"].replace('what = "Passer la commande du robot"',
                                                      f'what = "Commander{IN_TOML}"'),
        "indicators.toml": CLEAN["indicators.toml"].replace('name = "Temps de cycle de soudage"',
                                                            f'name = "Cycle{IN_TOML}"'),
    })
