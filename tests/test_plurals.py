"""Every count agrees with its number in good French: « 1 tâche », « 2 tâches », never
« tâche(s) »; `cockpit.french.count` is the one plural rule."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from cockpit.french import NNBSP, count
from cockpit.referentials.probes.base import MAX_LISTED, capped
from test_probes_base import folder, probe

SOURCES = Path(__file__).resolve().parents[1] / "src" / "cockpit"
HEDGE = re.compile(r"[^\W\d_]\((?:s|e|es)\)")
"""« tâche(s) », « inconnu(e) », « ajouté(es) »: a word hedging its number or gender
(« temps de cycle (s) », a unit in seconds, has a space before it)."""


def hedged(path: Path, root: Path = SOURCES) -> list[str]:
    """Each string constant of a module (f-strings' literal parts included) that hedges."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sorted(f"{path.relative_to(root)}:{node.lineno}: {HEDGE.findall(node.value)}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and HEDGE.search(node.value))


def test_no_message_hedges_its_plural() -> None:
    modules = list(SOURCES.rglob("*.py"))
    assert len(modules) > 100
    assert [hit for path in modules for hit in hedged(path)] == []


def test_the_scan_finds_a_hedge(tmp_path: Path) -> None:
    # The scan above would pass on anything if it could not see a hedged plural.
    sample = tmp_path / "sample.py"
    sample.write_text('n = 2\na = f"{n} tâche(s)"\nb = "inconnu(e)"\nc = "cycle (s)"\n'
                      'd = """\n« ligne(s) »"""\n', encoding="utf-8")
    assert hedged(sample, tmp_path) == ["sample.py:2: ['e(s)']", "sample.py:3: ['u(e)']",
                                        "sample.py:5: ['e(s)']"]


def test_counts_agree_in_number() -> None:
    assert [count(n, "erreur") for n in (0, 1, 2)] == ["0 erreur", "1 erreur", "2 erreurs"]
    assert count(3, "autre tâche critique") == "3 autres tâches critiques"
    assert count(2, "prix") == "2 prix" and count(2, "œil", "yeux") == "2 yeux"


def test_adjectives_agree_and_numbers_read_french() -> None:
    assert count(1, "ligne ajoutée") == "1 ligne ajoutée"
    assert count(3, "ligne ajoutée") == "3 lignes ajoutées"
    assert count(2, "déjà présente", "déjà présentes") == "2 déjà présentes"
    assert count(1234, "ligne") == f"1{NNBSP}234 lignes"
    assert count(1.5, "jour calendaire", decimals=1) == "1,5 jour calendaire"
    assert count(2.25, "jour calendaire", decimals=2) == "2,25 jours calendaires"
    # The rule reads the number as shown: 1,96 shown « 2,0 » is plural.
    assert count(1.96, "jour", decimals=1) == "2,0 jours"


def test_the_rest_of_a_capped_list_agrees() -> None:
    messages = [f"m{i}" for i in range(MAX_LISTED + 1)]
    assert capped(messages, "autre tâche")[-1] == "… et 1 autre tâche du même type"
    assert capped([*messages, "m"], "autre tâche")[-1] == "… et 2 autres tâches du même type"
    assert capped([*messages, "m"])[-1] == "… et 2 autres du même type"
    assert capped([*messages, "m"], "autre compte rendu")[-1] == (
        "… et 2 autres comptes rendus du même type")


def test_a_number_wanted_agrees_with_its_noun(tmp_path: Path) -> None:
    # « au moins {min} objectifs » read « au moins 1 objectifs » when one was wanted.
    folder(tmp_path)
    assert probe(tmp_path, "objectives", min=1).missing[0].startswith(
        "définissez au moins 1 objectif ([[objectives]]")
    assert probe(tmp_path, "objectives", min=2).missing[0].startswith(
        "définissez au moins 2 objectifs ([[objectives]]")
    assert probe(tmp_path, "actions", min=1, origin="risk").missing[0].startswith(
        "il faut au moins 1 action issue d'un risque (origin")
    assert probe(tmp_path, "actions", min=3, origin="risk").missing[0].startswith(
        "il faut au moins 3 actions issues d'un risque (origin")
