"""The example projects checked against their référentiel, with the expected statuses.

tests/expected/<example>.json maps every capacity id and criterion id to its status,
established by reading the example (regenerate with COCKPIT_UPDATE_EXPECTED=1, then
review the diff). The Lean example leaves gaps on purpose (its GAPS.md): each is
reported, and nothing else.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cockpit.check.run import run_check
from cockpit.referentials.gaps import Status
from helpers_folder import TODAY

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EXPECTED = Path(__file__).resolve().parent / "expected"
NAMES = ["robot-soudage", "plm-deploiement", "ligne-usinage-connectee", "bim-usine",
         "lean-atelier-peinture"]


def statuses(example: str) -> dict[str, str]:
    result = run_check(EXAMPLES / example, today=TODAY)
    assert result.gaps is not None, f"{example} names no référentiel"
    found: dict[str, str] = {}
    for capacity in result.gaps.capacities:
        found[capacity.id] = capacity.status.value + (
            " (phase à venir)" if capacity.phase_not_reached else "")
        for criterion in capacity.criteria:
            found[criterion.id] = criterion.status.value
    return found


@pytest.mark.parametrize("example", NAMES)
def test_example_statuses(example: str) -> None:
    found = statuses(example)
    path = EXPECTED / f"{example}.json"
    if os.environ.get("COCKPIT_UPDATE_EXPECTED"):
        path.write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert found == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", NAMES)
def test_example_has_no_gap_diagnostic(example: str) -> None:
    result = run_check(EXAMPLES / example, today=TODAY)
    assert [d for d in result.diagnostics if d.code.startswith("G")] == []


# GAPS.md of the Lean example: gap → the criteria where it must be reported, and a text
# the report must contain.
LEAN_GAPS = {
    "C8.2": 'kind = "standard"',                 # 1. no standard document
    "C6.2": "mesures de K4 dans measures.csv",  # 2. K4 never measured
    "C7.1": "mesures de K4 dans measures.csv",
    "C9.2": "mesures de K4 dans measures.csv",
}
# 3. A10 has no owner: no criterion of the Lean référentiel asks for named actions, so no
# criterion is lowered (GAPS.md: « pas encore évalué par une sonde du référentiel »).


def test_lean_gaps_are_reported_and_nothing_else() -> None:
    example = EXAMPLES / "lean-atelier-peinture"
    result = run_check(example, today=TODAY)
    assert result.gaps is not None
    short = {k.id: k for c in result.gaps.capacities for k in c.criteria
             if k.status is not Status.COVERED}
    assert set(short) == set(LEAN_GAPS)
    for criterion, text in LEAN_GAPS.items():
        assert any(text in m for m in short[criterion].missing), (criterion, short[criterion])
        assert len(short[criterion].missing) == 1, short[criterion].missing


def test_json_names_the_capacities_ready_for_the_board() -> None:
    from cockpit.check.output import as_json

    summary = json.loads(as_json(run_check(EXAMPLES / "robot-soudage", today=TODAY)))["summary"]
    assert summary["ready_for_board"] == ["C1", "C2", "C3", "C4", "C5", "C6"]
    assert summary["capacities"] == {"covered": 6, "partial": 1, "missing": 0, "to_justify": 0}
