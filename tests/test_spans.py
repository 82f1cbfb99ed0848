"""Diagnostics carry the columns of what they point at (folder/spans.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.check.run import run_check
from cockpit.folder.spans import span
from helpers_folder import TODAY, make_project
from test_rules_folder import CASES


def cut(line: str, columns: tuple[int, int]) -> str:
    return line[columns[0] - 1:columns[1] - 1]


@pytest.mark.parametrize(("line", "message", "csv", "spot"), [
    ('after = ["lancement", "inconnue"]  # deux', "tâche « inconnue » inconnue", False, "inconnue"),
    ('after = ["inconnue-2", "inconnue"]', "tâche « inconnue » inconnue", False, "inconnue"),
    ("done = 2026-01-15   # fin", "action « A1 » : statut « zzfait »", False, "2026-01-15"),
    ('name = "a # b"  # vrai commentaire', "nom trop long", False, '"a # b"'),
    ("  [[task]]  # la tâche", "« p00 » est surchargé(e)", False, "[[task]]"),
    ("2026-02-30,cdc,main-d'oeuvre,abc,TS,x", "« amount » : « abc » n'est pas un nombre", True, "abc"),
    ('2026-03-04,cdc,"Robot, cdc",12', "tâche « cdc » inconnue", True, "cdc"),
    ("date;task;percent", "le séparateur est un point-virgule", True, "date;task;percent"),
    ("- A9 — @bdupont — Relancer", "action « A9 » absente", False, "A9"),
])
def test_the_span_is_the_spot_the_message_is_about(line: str, message: str, csv: bool,
                                                   spot: str) -> None:
    assert cut(line, span(line, message, csv)) == spot


def test_an_empty_line_still_gets_one_column() -> None:
    assert span("", "fichier vide") == (1, 2)


@pytest.mark.parametrize("case", CASES[::4], ids=[f"{c.code}-{c.file}" for c in CASES[::4]])
def test_every_reported_diagnostic_has_a_column_range(tmp_path: Path, case) -> None:  # type: ignore[no-untyped-def]
    make_project(tmp_path, case.bad)
    result = run_check(tmp_path, today=TODAY, gaps=False)
    assert result.diagnostics
    for d in result.diagnostics:
        if d.file in result.texts:
            assert d.end_col > d.col >= 1, d
            line = result.texts[d.file].splitlines()[d.line - 1]
            assert cut(line, (d.col, d.end_col)).strip(), d
