"""Every R, K and C code: a folder that triggers it (file, line, code) and the nearest that doesn't."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cockpit.check.run import run_check
from helpers_folder import (
    ACTIONS,
    COCKPIT,
    COMMUNICATION,
    COSTS,
    EVIDENCE,
    MEASURES,
    MEETING,
    PROGRESS,
    REQUIREMENTS,
    RISKS,
    TODAY,
    WBS,
    found,
    line_of,
    make_project,
    swap,
)

MEETING_PATH = "meetings/2026-01-12-lancement.md"


@dataclass
class Case:
    code: str
    file: str
    bad: dict[str, str | bytes | None]
    line: int
    good: dict[str, str | bytes | None] = field(default_factory=dict)


IGNORE = """
[[check.ignore]]
code = "{code}"
{file}reason = "{reason}"
"""
ACTION_TYPO = swap(ACTIONS, 'status = "en cours"', 'statut = "en cours"')
ORIGIN_LINE = line_of(ACTIONS, "origin = \"meetings")


def _ignore(code: str, file: str = "", reason: str = "clé maison") -> str:
    return COCKPIT + IGNORE.format(code=code, file=f'file = "{file}"\n' if file else "", reason=reason)


def _origin(value: str) -> dict[str, str | bytes | None]:
    return {"actions.toml": swap(ACTIONS, 'origin = "meetings/2026-01-12-lancement.md"',
                                  f'origin = "{value}"')}


def _meeting_on(day: str) -> dict[str, str | bytes | None]:
    return {MEETING_PATH: None, f"meetings/{day}-lancement.md": MEETING.replace("2026-01-12", day)}


CASES = [
    # R001 unknown task, from every register that names tasks
    Case("R001", "progress.csv", {"progress.csv": PROGRESS.replace(",cdc,", ",cdc-v2,")}, 2),
    Case("R001", "costs.csv", {"costs.csv": COSTS.replace(",cdc,", ",cdc-v2,")}, 2),
    Case("R001", "wbs.toml", {"wbs.toml": swap(WBS, 'parent = "cadrage"', 'parent = "cadre"')},
         line_of(WBS, 'parent = "cadrage"')),
    Case("R001", "risks.toml", {"risks.toml": swap(RISKS, 'tasks = ["essais"]', 'tasks = ["essai"]')},
         line_of(RISKS, "tasks =")),
    Case("R001", "requirements.toml",
         {"requirements.toml": swap(REQUIREMENTS, 'tasks = ["essais"]', 'tasks = ["test"]')},
         line_of(REQUIREMENTS, "tasks =")),
    # R002 unknown person, stakeholder or body
    Case("R002", "actions.toml", {"actions.toml": swap(ACTIONS, 'who = "bdupont"', 'who = "bernard"')},
         line_of(ACTIONS, 'who = "bdupont"'),
         {"actions.toml": swap(ACTIONS, 'who = "bdupont"', 'who = "dirind"')}),
    Case("R002", "communication.toml",
         {"communication.toml": swap(COMMUNICATION, '"copil"]', '"codir"]')},
         line_of(COMMUNICATION, "audience")),
    Case("R002", "wbs.toml", {"wbs.toml": swap(WBS, 'resources = ["bdupont"]', 'resources = ["dirind"]')},
         line_of(WBS, 'resources = ["bdupont"]')),
    Case("R002", MEETING_PATH, {MEETING_PATH: swap(MEETING, '"dirind"]', '"drh"]')},
         line_of(MEETING, "participants")),
    Case("R002", "cockpit.toml", {"cockpit.toml": swap(COCKPIT, 'manager = "cmartin"', 'manager = "cm"')},
         line_of(COCKPIT, "manager")),
    # R003 unknown action, R004 unknown indicator
    Case("R003", "risks.toml", {"risks.toml": swap(RISKS, 'actions = ["A1"]', 'actions = ["A12"]')},
         line_of(RISKS, "actions =")),
    Case("R004", "cockpit.toml", {"cockpit.toml": swap(COCKPIT, 'indicator = "K1"', 'indicator = "K9"')},
         line_of(COCKPIT, 'indicator = "K1"')),
    Case("R004", "measures.csv", {"measures.csv": MEASURES.replace(",K1,", ",K9,")}, 2),
    Case("R004", "wbs.toml", {"wbs.toml": swap(WBS, 'indicator = "K1"', 'indicator = "K2"')},
         line_of(WBS, 'indicator = "K1"')),
    # R005 unknown file or anchor
    Case("R005", "actions.toml", _origin("meetings/2026-01-13-lancement.md"), ORIGIN_LINE),
    Case("R005", "evidence.toml",
         {"evidence.toml": EVIDENCE.replace("#objectifs", "#budget")}, line_of(EVIDENCE, "evidence =")),
    # R006 unknown origin (neither file, nor risk, nor indicator)
    Case("R006", "actions.toml", _origin("réunion de mardi"), ORIGIN_LINE, _origin("R1")),
    # R007 one id shared by team and stakeholders
    Case("R007", "cockpit.toml", {"cockpit.toml": swap(COCKPIT, 'id = "dirind"', 'id = "cmartin"')},
         line_of(COCKPIT, 'id = "dirind"')),
    # K001 action named in minutes but missing from actions.toml
    Case("K001", MEETING_PATH, {MEETING_PATH: MEETING + "- A9 — @bdupont — 2026-04-10 — Relancer\n"},
         len(MEETING.splitlines()) + 1),
    # K002 minutes and register disagree
    Case("K002", MEETING_PATH, {MEETING_PATH: swap(MEETING, "@bdupont", "@cmartin")},
         line_of(MEETING, "- A1")),
    Case("K002", MEETING_PATH, {MEETING_PATH: swap(MEETING, "— 2026-04-10 —", "— 2026-04-17 —")},
         line_of(MEETING, "- A1")),
    # K003 progress over 100 %
    Case("K003", "progress.csv", {"progress.csv": PROGRESS.replace(",100,", ",120,", 1)}, 2),
    # K004 done without fait, fait without done
    Case("K004", "actions.toml", {"actions.toml": swap(ACTIONS, 'status = "fait"', 'status = "en cours"')},
         line_of(ACTIONS, "done = ")),
    Case("K004", "actions.toml", {"actions.toml": swap(ACTIONS, "done = 2026-01-19\n", "")},
         line_of(ACTIONS, 'status = "fait"')),
    # K005 meeting on a non-working day: a Saturday, and 1 May
    Case("K005", "meetings/2026-01-10-lancement.md", _meeting_on("2026-01-10"), line_of(MEETING, "date =")),
    Case("K005", "meetings/2026-05-01-lancement.md", _meeting_on("2026-05-01"), line_of(MEETING, "date ="),
         _meeting_on("2026-05-04")),
    # K006 a path that leaves the folder
    Case("K006", "actions.toml", _origin("../x.md"), ORIGIN_LINE),
    Case("K006", "evidence.toml", {"evidence.toml": EVIDENCE.replace(
        '"docs/note-de-cadrage.md#objectifs"', '"/etc/passwd"')}, line_of(EVIDENCE, "evidence =")),
    Case("K006", "actions.toml", _origin("meetings/../../x.md"), ORIGIN_LINE,
         _origin("meetings/../meetings/2026-01-12-lancement.md")),
    # K007 action whose origin meeting does not name it
    Case("K007", "actions.toml", {MEETING_PATH: MEETING.split("## Actions")[0]}, ORIGIN_LINE),
    # C001 unused ignore, C002 unknown code in an ignore
    Case("C001", "cockpit.toml", {"cockpit.toml": _ignore("F011")}, len(COCKPIT.splitlines()) + 2,
         {"cockpit.toml": _ignore("F011"), "actions.toml": ACTION_TYPO}),
    Case("C001", "cockpit.toml", {"cockpit.toml": _ignore("F011", "wbs.toml"), "actions.toml": ACTION_TYPO},
         len(COCKPIT.splitlines()) + 2,
         {"cockpit.toml": _ignore("F011", "actions.toml"), "actions.toml": ACTION_TYPO}),
    Case("C002", "cockpit.toml", {"cockpit.toml": _ignore("F11")}, len(COCKPIT.splitlines()) + 3,
         {"cockpit.toml": _ignore("F011"), "actions.toml": ACTION_TYPO}),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.file}-{i}" for i, c in enumerate(CASES)])
def test_rule_is_reported_at_its_file_and_line(tmp_path: Path, case: Case) -> None:
    make_project(tmp_path, case.bad)
    diagnostics = run_check(tmp_path, today=TODAY, gaps=False).diagnostics
    assert (case.code, case.file, case.line) in found(diagnostics), sorted(found(diagnostics))


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.file}-{i}" for i, c in enumerate(CASES)])
def test_nearest_good_folder_is_not_reported(tmp_path: Path, case: Case) -> None:
    make_project(tmp_path, case.good)
    diagnostics = run_check(tmp_path, today=TODAY, gaps=False).diagnostics
    assert case.code not in {d.code for d in diagnostics}, sorted(found(diagnostics))


def test_unknown_reference_suggests_the_close_id(tmp_path: Path) -> None:
    make_project(tmp_path, {"progress.csv": PROGRESS.replace(",cdc,", ",cdcc,")})
    messages = [d.message for d in run_check(tmp_path, today=TODAY, gaps=False).diagnostics
                if d.code == "R001"]
    assert messages and "« cdc »" in messages[0]


def test_ignore_for_the_project_silences_every_file(tmp_path: Path) -> None:
    costs = COSTS.replace("comment", "commentaire", 1)
    make_project(tmp_path, {"cockpit.toml": _ignore("F011"), "actions.toml": ACTION_TYPO,
                            "costs.csv": costs})
    codes = {d.code for d in run_check(tmp_path, today=TODAY, gaps=False).diagnostics}
    assert "F011" not in codes and "C001" not in codes


def test_ignore_for_a_file_silences_only_that_file(tmp_path: Path) -> None:
    costs = COSTS.replace("comment", "commentaire", 1)
    make_project(tmp_path, {"cockpit.toml": _ignore("F011", "actions.toml"),
                            "actions.toml": ACTION_TYPO, "costs.csv": costs})
    remaining = {(d.code, d.file) for d in run_check(tmp_path, today=TODAY, gaps=False).diagnostics}
    assert ("F011", "costs.csv") in remaining
    assert ("F011", "actions.toml") not in remaining


def test_ignore_without_reason_is_an_error(tmp_path: Path) -> None:
    text = COCKPIT + '\n[[check.ignore]]\ncode = "F011"\n'
    make_project(tmp_path, {"cockpit.toml": text, "actions.toml": ACTION_TYPO})
    diagnostics = run_check(tmp_path, today=TODAY, gaps=False).diagnostics
    assert ("F008", "cockpit.toml", len(COCKPIT.splitlines()) + 2) in found(diagnostics)


def test_check_configuration_codes_cannot_be_ignored(tmp_path: Path) -> None:
    text = _ignore("C002", reason="on veut tout taire") + IGNORE.format(code="X999", file="", reason="r")
    make_project(tmp_path, {"cockpit.toml": text})
    codes = [d.code for d in run_check(tmp_path, today=TODAY, gaps=False).diagnostics]
    assert "C002" in codes
