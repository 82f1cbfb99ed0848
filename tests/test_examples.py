"""The example projects of examples/ are clean: `cockpit check --no-gaps` finds no error and
only the warnings each example declares (the Lean example keeps deliberate gaps, listed in
its GAPS.md). The gap-status assertions per référentiel come with the référentiel probes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
EXAMPLES = sorted(p for p in EXAMPLES_DIR.iterdir() if (p / "cockpit.toml").is_file())

# One référentiel per example, and every référentiel has its example.
REFERENTIALS = {
    "robot-soudage": "cqpm-charge-projets-industriels",
    "plm-deploiement": "cqpm-chef-projet-plm",
    "ligne-usinage-connectee": "cqpm-integration-productique",
    "bim-usine": "ms-manager-ingenierie-numerique",
    "lean-atelier-peinture": "cqpm-animateur-lean",
}

# Warnings an example is meant to raise: (code, file, identifier named in the message).
EXPECTED_WARNINGS: dict[str, set[tuple[str, str, str]]] = {
    "lean-atelier-peinture": {
        ("F015", "actions.toml", "A10"),      # GAPS.md n°3: an action without owner
        ("P005", "indicators.toml", "K4"),    # GAPS.md n°2: an indicator never measured
    },
}

def check_json(folder: Path) -> dict:
    run = subprocess.run(
        [sys.executable, "-m", "cockpit", "check", str(folder), "--no-gaps", "--format", "json"],
        capture_output=True, text=True, check=False)
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)


def _matches(diagnostic: dict, expected: tuple[str, str, str]) -> bool:
    code, file, name = expected
    return (diagnostic["code"] == code and diagnostic["file"] == file
            and f"« {name} »" in diagnostic["message"])


def test_every_referential_has_its_example() -> None:
    assert sorted(p.name for p in EXAMPLES) == sorted(REFERENTIALS)


@pytest.mark.parametrize("folder", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_checks_clean(folder: Path) -> None:
    report = check_json(folder)
    diagnostics = report["diagnostics"]
    errors = [d for d in diagnostics if d["severity"] == "error"]
    assert errors == [], errors
    expected = EXPECTED_WARNINGS.get(folder.name, set())
    unexpected = [d for d in diagnostics if not any(_matches(d, e) for e in expected)]
    assert unexpected == [], unexpected
    for item in expected:
        assert any(_matches(d, item) for d in diagnostics), f"{item} not reported"


@pytest.mark.parametrize("folder", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_declares_its_referential(folder: Path) -> None:
    import tomllib

    settings = tomllib.loads((folder / "cockpit.toml").read_text(encoding="utf-8"))
    assert settings["project"]["referential"] == REFERENTIALS[folder.name]


def test_lean_example_lists_its_gaps() -> None:
    gaps = (EXAMPLES_DIR / "lean-atelier-peinture" / "GAPS.md").read_text(encoding="utf-8")
    for code, _, name in EXPECTED_WARNINGS["lean-atelier-peinture"]:
        assert code in gaps and name in gaps
    assert 'kind = "standard"' in gaps
