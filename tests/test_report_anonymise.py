"""`--anonymise`: no name of the folder's people is left, in any report and any format."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from cockpit.check.state import CheckedState
from cockpit.cli import main
from cockpit.report.anonymise import anonymiser, people
from helpers_office import text_of

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TODAY = "2026-12-04"
COMPANY = "Soudures de l'Ouest"


def company_folder(tmp_path: Path) -> Path:
    """robot-soudage with a company name, quoted in its context and in a meeting's minutes."""
    root = tmp_path / "robot"
    shutil.copytree(EXAMPLES / "robot-soudage", root)
    toml = (root / "cockpit.toml").read_text(encoding="utf-8")
    toml = toml.replace("[project]\n", f'[project]\ncompany = "{COMPANY}"\n', 1)
    toml = toml.replace('context = """', f'context = """Chez {COMPANY}, ', 1)
    (root / "cockpit.toml").write_text(toml, encoding="utf-8")
    minutes = sorted((root / "meetings").glob("*.md"))[0]
    minutes.write_text(minutes.read_text(encoding="utf-8") + f"\nVisite chez {COMPANY}.\n",
                       encoding="utf-8")
    return root


def names_of(root: Path) -> list[str]:
    """Every person's full name, first name and surname of the folder."""
    state = CheckedState.read(root, dt.date.fromisoformat(TODAY))
    found = set()
    for person in people(state.project):
        found.add(person.name)
        found.update(w for w in person.name.split() if len(w) >= 3)
    return sorted(found)


def leftovers(text: str, names: list[str]) -> list[str]:
    flat = re.sub(r"\s+", " ", text)
    return [n for n in names if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", flat)]


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.iterdir()))
@pytest.mark.parametrize("kind", ["gap", "status", "copil", "rex", "dossier"])
def test_no_name_left_in_markdown(example: str, kind: str, tmp_path: Path) -> None:
    root = EXAMPLES / example
    names = names_of(root)
    assert names
    out = tmp_path / "r.md"
    assert main(["report", kind, str(root), "--anonymise", "-o", str(out), "--today", TODAY]) == 0
    text = out.read_text(encoding="utf-8")
    assert leftovers(text, names) == []
    plain = tmp_path / "plain.md"
    assert main(["report", kind, str(root), "-o", str(plain), "--today", TODAY]) == 0
    if kind == "dossier":  # its team table names everyone: the test would catch a leak
        assert leftovers(plain.read_text(encoding="utf-8"), names)


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_no_name_nor_company_left_in_any_format(fmt: str, tmp_path: Path) -> None:
    root = company_folder(tmp_path)
    names = names_of(root) + [COMPANY]
    out = tmp_path / f"dossier.{fmt}"
    assert main(["report", "dossier", str(root), "--format", fmt, "--anonymise", "-o", str(out),
                 "--today", TODAY]) == 0
    text = text_of(out)
    assert leftovers(text, names) == []
    assert "l'entreprise" in text and "Cheffe de projet" in text


def test_labels_are_consistent_roles() -> None:
    state = CheckedState.read(EXAMPLES / "robot-soudage", dt.date.fromisoformat(TODAY))
    change = anonymiser(state.project)
    assert change("Claire Martin anime ; C. Martin valide ; Claire relance @cmartin") == (
        "Cheffe de projet anime ; Cheffe de projet valide ; Cheffe de projet relance "
        "@Cheffe de projet")
    labels = [person.label for person in people(state.project)]
    assert len(labels) == len(set(labels))
    assert change("Saint-Martin et martin-pêcheur") == "Saint-Martin et martin-pêcheur"


def test_no_role_no_id_as_label(tmp_path: Path) -> None:
    """A person without a role is « Membre de l'équipe n », never their id (which holds the
    name); an id made of the first name is replaced too."""
    from helpers_folder import make_project

    root = make_project(tmp_path)
    toml = (root / "cockpit.toml").read_text(encoding="utf-8")
    toml += ('\n[[team]]\nid = "gaston"\nname = "Gaston Lagaffe"\n'
             '\n[[team]]\nid = "jlongtarin"\nname = "Jeanne Longtarin"\n')
    (root / "cockpit.toml").write_text(toml, encoding="utf-8")
    state = CheckedState.read(root, dt.date.fromisoformat(TODAY))
    change = anonymiser(state.project)
    assert change("Gaston (gaston) et Jeanne Longtarin (jlongtarin)") == (
        "Membre de l'équipe 1 (Membre de l'équipe 1) et Membre de l'équipe 2 "
        "(Membre de l'équipe 2)")
