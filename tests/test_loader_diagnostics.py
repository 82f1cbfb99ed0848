"""Every F code of the loader: a folder that triggers it (file, line, code) and one that doesn't."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cockpit.check.run import run_check
from cockpit.diagnostics.diagnostic import Severity
from cockpit.folder import load_project
from helpers_folder import (
    ACTIONS,
    COCKPIT,
    COSTS,
    MEETING,
    PROGRESS,
    RISKS,
    TODAY,
    WBS,
    found,
    line_of,
    make_project,
    swap,
)


@dataclass
class Case:
    """`bad` triggers `code` at `file`:`line`; `good` is the nearest folder that does not."""

    code: str
    file: str
    bad: dict[str, str | bytes | None]
    line: int
    good: dict[str, str | bytes | None] = field(default_factory=dict)
    message: str = ""


ACTION_BROKEN_STRING_DATE = swap(ACTIONS, "due = 2026-04-10", 'due = "2026-02-30"')
ACTION_BROKEN_LITERAL_DATE = swap(ACTIONS, "due = 2026-04-10", "due = 2026-02-30")
WBS_SYNTAX = swap(WBS, 'name = "Essais de réception"', "name = Essais de réception")
WBS_DURATION = swap(WBS, 'duration = "2s"', 'duration = "dix jours"')
WBS_DEPENDENCY = swap(WBS, 'after = ["cdc FD+2j"]', 'after = ["cdc après 2 jours"]')
WBS_RESOURCE = swap(WBS, 'resources = ["bdupont"]', 'resources = ["bdupont:beaucoup"]')
WBS_DUPLICATE = swap(WBS, 'id = "go-copil"', 'id = "cdc"')
WBS_BAD_ID = swap(WBS, 'id = "go-copil"', 'id = "go copil"')
COCKPIT_RATE = swap(COCKPIT, "rate = 520", 'rate = "520 €"')
COCKPIT_AVAILABILITY = swap(COCKPIT, "availability = 0.8", "availability = 1.5")
COCKPIT_WORKDAY = swap(COCKPIT, '"fri"]', '"fry"]')
COCKPIT_NO_TITLE = swap(COCKPIT, 'title = "Robotisation de la cellule de test"\n', "")
RISKS_RANGE = swap(RISKS, "probability = 3", "probability = 7")
RISKS_CATEGORY = swap(RISKS, 'category = "technique"', 'category = "technik"')
ACTION_TYPO = swap(ACTIONS, 'status = "en cours"', 'statut = "en cours"')
ACTION_NO_WHAT = swap(ACTIONS, 'what = "Passer la commande du robot"\n', "")
ACTION_NO_WHO = swap(ACTIONS, 'who = "bdupont"\n', "")
MEETING_KIND = swap(MEETING, 'kind = "lancement"', 'kind = "comité"')
MEETING_NO_FENCE = MEETING.replace("+++\n", "", 1)
MEETING_UNCLOSED = MEETING.replace("+++\n\n## Ordre", "\n## Ordre", 1)
LATIN1_COSTS = (COSTS.split("\n")[0] + "\n2026-02-10,cdc,prestation,12,FAC-2,R\xe9gie\n").encode("latin-1")
LATIN1_WBS = WBS.encode("utf-8").replace("Essais de réception".encode(),
                                          "Essais de réception".encode("latin-1"))

CASES = [
    Case("F001", "costs.csv", {"costs.csv": LATIN1_COSTS}, 2,
         {"costs.csv": LATIN1_COSTS.decode("latin-1")}),
    Case("F001", "wbs.toml", {"wbs.toml": LATIN1_WBS}, line_of(WBS, "Essais de réception")),
    Case("F001", "meetings/2026-01-12-lancement.md",
         {"meetings/2026-01-12-lancement.md": MEETING.encode("utf-8").replace(
             "Décisions".encode(), "Décisions".encode("cp1252"))}, line_of(MEETING, "Décisions")),
    Case("F002", "wbs.toml", {"wbs.toml": WBS_SYNTAX}, line_of(WBS, "Essais de réception")),
    Case("F002", "meetings/2026-01-12-lancement.md",
         {"meetings/2026-01-12-lancement.md": swap(MEETING, 'kind = "lancement"', "kind = lancement")},
         line_of(MEETING, "kind =")),
    Case("F003", "progress.csv", {"progress.csv": "date;task;percent;comment\n2026-01-16;cdc;100;\n"}, 1,
         message="Excel en français"),
    Case("F003", "progress.csv", {"progress.csv": "date,task,comment\n2026-01-16,cdc,\n"}, 1,
         message="percent"),
    Case("F003", "costs.csv", {"costs.csv": COSTS + "2026-02-11,cdc,achat,10,FAC-2,trop,de champs\n"}, 3,
         {"costs.csv": COSTS + '2026-02-11,cdc,achat,10,FAC-2,"trop,de champs"\n'}),
    Case("F004", "meetings/2026-01-12-lancement.md",
         {"meetings/2026-01-12-lancement.md": MEETING_NO_FENCE}, 1),
    Case("F004", "meetings/2026-01-12-lancement.md",
         {"meetings/2026-01-12-lancement.md": MEETING_UNCLOSED}, 1),
    Case("F005", "cockpit.toml", {"cockpit.toml": COCKPIT_RATE}, line_of(COCKPIT, "rate = 520")),
    Case("F005", "wbs.toml", {"wbs.toml": WBS_BAD_ID}, line_of(WBS, 'id = "go-copil"')),
    Case("F006", "actions.toml", {"actions.toml": ACTION_BROKEN_LITERAL_DATE},
         line_of(ACTIONS, "due = 2026-04-10"), {"actions.toml": swap(ACTIONS, "due = 2026-04-10",
                                                                       "due = 2026-02-28")}),
    Case("F006", "actions.toml", {"actions.toml": ACTION_BROKEN_STRING_DATE},
         line_of(ACTIONS, "due = 2026-04-10"),
         {"actions.toml": swap(ACTIONS, "due = 2026-04-10", 'due = "2026-02-28"')}),
    Case("F006", "progress.csv", {"progress.csv": PROGRESS.replace("2026-01-16", "2026-02-30")}, 2),
    Case("F007", "risks.toml", {"risks.toml": RISKS_RANGE}, line_of(RISKS, "probability"),
         {"risks.toml": swap(RISKS, "probability = 3", "probability = 5")}),
    Case("F007", "cockpit.toml", {"cockpit.toml": COCKPIT_AVAILABILITY}, line_of(COCKPIT, "availability")),
    Case("F007", "progress.csv", {"progress.csv": PROGRESS.replace(",100,", ",-5,", 1)}, 2),
    Case("F008", "actions.toml", {"actions.toml": ACTION_NO_WHAT}, 1),
    Case("F008", "cockpit.toml", {"cockpit.toml": COCKPIT_NO_TITLE}, line_of(COCKPIT, "[project]")),
    Case("F009", "wbs.toml", {"wbs.toml": WBS_DURATION}, line_of(WBS, 'duration = "2s"'),
         {"wbs.toml": swap(WBS, 'duration = "2s"', 'duration = "10j"')}),
    Case("F010", "wbs.toml", {"wbs.toml": WBS_DEPENDENCY}, line_of(WBS, 'after = ["cdc FD+2j"]'),
         {"wbs.toml": swap(WBS, 'after = ["cdc FD+2j"]', 'after = ["cdc DD-1j"]')}),
    Case("F010", "wbs.toml", {"wbs.toml": WBS_RESOURCE}, line_of(WBS, 'resources = ["bdupont"]')),
    Case("F011", "actions.toml", {"actions.toml": ACTION_TYPO}, line_of(ACTIONS, 'status = "en cours"'),
         message="vouliez-vous dire « status »"),
    Case("F011", "costs.csv", {"costs.csv": COSTS.replace("comment", "commentaire", 1)}, 1),
    Case("F012", "risks.toml", {"risks.toml": RISKS_CATEGORY}, line_of(RISKS, "category"),
         {"risks.toml": swap(RISKS, 'category = "technique"', 'category = "Technical"')},
         message="vouliez-vous dire « technique »"),
    Case("F012", "meetings/2026-01-12-lancement.md",
         {"meetings/2026-01-12-lancement.md": MEETING_KIND}, line_of(MEETING, "kind =")),
    Case("F012", "cockpit.toml", {"cockpit.toml": COCKPIT_WORKDAY}, line_of(COCKPIT, "workdays")),
    Case("F013", "meetings/lancement.md",
         {"meetings/2026-01-12-lancement.md": None, "meetings/lancement.md": MEETING},
         line_of(MEETING, "date =")),
    Case("F015", "actions.toml", {"actions.toml": ACTION_NO_WHO}, 1),
    Case("F016", "wbs.toml", {"wbs.toml": WBS_DUPLICATE}, line_of(WBS, 'id = "go-copil"'),
         {"wbs.toml": swap(WBS, 'id = "go-copil"', 'id = "cdc-2"')}),
]


def _check(root: Path) -> list[tuple[str, str, int]]:
    return sorted(found(run_check(root, today=TODAY, gaps=False).diagnostics))


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.file}-{i}" for i, c in enumerate(CASES)])
def test_bad_file_is_reported_at_its_file_and_line(tmp_path: Path, case: Case) -> None:
    make_project(tmp_path, case.bad)
    result = run_check(tmp_path, today=TODAY, gaps=False)
    assert (case.code, case.file, case.line) in found(result.diagnostics), _check(tmp_path)
    if case.message:
        assert any(case.message in d.message or case.message in d.hint
                   for d in result.diagnostics if d.code == case.code)
    assert all(d.line >= 1 and d.message for d in result.diagnostics)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.file}-{i}" for i, c in enumerate(CASES)])
def test_nearest_good_file_is_not_reported(tmp_path: Path, case: Case) -> None:
    make_project(tmp_path, case.good)
    codes = {d.code for d in run_check(tmp_path, today=TODAY, gaps=False).diagnostics}
    assert case.code not in codes, _check(tmp_path)


def test_clean_folder_has_no_diagnostic(tmp_path: Path) -> None:
    """No error at all, and nothing from the loader, references, consistency or [check]
    (rules other areas add later may warn about the sample's steering)."""
    make_project(tmp_path)
    diagnostics = run_check(tmp_path, today=TODAY, gaps=False).diagnostics
    assert [d for d in diagnostics if d.code[0] in "FRKC" or d.severity is Severity.ERROR] == []


def test_unreadable_file_is_f014(tmp_path: Path) -> None:
    make_project(tmp_path, {"wbs.toml": None})
    (tmp_path / "wbs.toml").mkdir()
    assert ("F014", "wbs.toml", 1) in found(run_check(tmp_path, today=TODAY, gaps=False).diagnostics)


def test_no_cockpit_toml_is_fatal(tmp_path: Path) -> None:
    make_project(tmp_path, {"cockpit.toml": None})
    result = load_project(tmp_path)
    assert result.fatal
    assert ("F014", "cockpit.toml", 1) in found(result.diagnostics)


def test_broken_file_leaves_the_rest_read(tmp_path: Path) -> None:
    make_project(tmp_path, {"wbs.toml": WBS_SYNTAX})
    result = load_project(tmp_path)
    assert result.project is not None
    assert result.project.tasks == ()
    assert [a.id for a in result.project.actions] == ["A1", "A2"]


def test_every_problem_in_one_pass(tmp_path: Path) -> None:
    make_project(tmp_path, {"wbs.toml": WBS_DURATION, "risks.toml": RISKS_RANGE,
                            "actions.toml": ACTION_TYPO})
    codes = {d.code for d in run_check(tmp_path, today=TODAY, gaps=False).diagnostics}
    assert {"F009", "F007", "F011"} <= codes


def test_clean_folder_model(tmp_path: Path) -> None:
    make_project(tmp_path)
    project = load_project(tmp_path).project
    assert project is not None
    cdc = project.task("cdc")
    assert cdc is not None and cdc.duration is not None and str(cdc.duration) == "8j"
    assert [a.resource for a in cdc.resources] == ["cmartin", "bdupont"]
    assert cdc.source.file == "wbs.toml" and cdc.source.line == line_of(WBS, 'id = "cdc"') - 1
    assert project.meetings[0].actions[0].action == "A1"
    assert project.costs[0].comment == "Visite, relevés"


@pytest.mark.parametrize(("line", "expected", "col"), [
    ("start = 05/10/2026", "date écrite à la française « 05/10/2026 » : TOML l'écrit 2026-10-05", 9),
    ("start = 2026-01-05 lundi", "texte inattendu après la valeur", 20),
    ("[project", "en-tête de table non fermé", 9),
])
def test_toml_syntax_errors_are_french_at_the_right_column(tmp_path: Path, line: str,
                                                         expected: str, col: int) -> None:
    text = COCKPIT.replace("start = 2026-01-05", line) if line.startswith("start") \
        else COCKPIT.replace("[project]", line)
    assert text != COCKPIT
    make_project(tmp_path, {"cockpit.toml": text})
    (diagnostic,) = run_check(tmp_path, today=TODAY, gaps=False).diagnostics
    assert expected in diagnostic.message and "Expected" not in diagnostic.message
    assert diagnostic.col == col and diagnostic.line == text.splitlines().index(line) + 1


def test_an_unreadable_wbs_is_the_one_cause_said_first(tmp_path: Path) -> None:
    # A syntax error in wbs.toml empties the task register: the progress, costs, risks and
    # budget lines naming its tasks are not « tâche inconnue » errors of their own.
    make_project(tmp_path, {"wbs.toml": WBS.replace('name = "Cadrage"', "name = Cadrage")})
    diagnostics = run_check(tmp_path, today=TODAY, gaps=False).diagnostics
    assert diagnostics[0].code == "F002" and diagnostics[0].file == "wbs.toml"
    assert not [d for d in diagnostics if d.code == "R001"]
    # Read again, the references are checked as ever.
    make_project(tmp_path, {"progress.csv": PROGRESS.replace(",cdc,", ",cdcc,")})
    assert [d.code for d in run_check(tmp_path, today=TODAY, gaps=False).diagnostics
            if d.code == "R001"] == ["R001"]


def test_an_action_line_reads_a_french_date_and_says_an_impossible_one(tmp_path: Path) -> None:
    line = "- A1 — @bdupont — 2026-04-10 — Passer la commande du robot"
    assert line in MEETING
    make_project(tmp_path, {"meetings/2026-01-12-lancement.md":
                            MEETING.replace("2026-04-10", "10/04/2026")})
    result = run_check(tmp_path, today=TODAY, gaps=False)
    assert result.project is not None
    (mention,) = [a for m in result.project.meetings for a in m.actions]
    assert mention.due == dt.date(2026, 4, 10) and mention.text == "Passer la commande du robot"
    make_project(tmp_path, {"meetings/2026-01-12-lancement.md":
                            MEETING.replace("2026-04-10", "31/04/2026")})
    found = [d for d in run_check(tmp_path, today=TODAY, gaps=False).diagnostics if d.code == "F006"]
    assert [d.message for d in found] == ["action A1 : échéance « 31/04/2026 » impossible (ce jour "
                                          "n'existe pas)"]


def test_a_french_excel_csv_is_refused_with_how_to_fix_it_and_nothing_else(tmp_path: Path) -> None:
    # `;`, decimal comma, dd/mm/yyyy: no row is read, the message says so and what to do,
    # and its consequences (labour « missing » from costs.csv, B002) are not reported.
    rows = [line.split(",") for line in COSTS.strip().splitlines()]
    french = "\r\n".join(";".join(r) for r in rows[:1]) + "\r\n" + "\r\n".join(
        ";".join([f"{r[0][8:]}/{r[0][5:7]}/{r[0][:4]}", r[1], r[2], r[3].replace(".", ","), *r[4:]])
        for r in rows[1:]) + "\r\n"
    make_project(tmp_path, {"costs.csv": french})
    found = [d for d in run_check(tmp_path, today=TODAY, gaps=False).diagnostics]
    assert [(d.code, d.file) for d in found] == [("F003", "costs.csv")]
    assert "Excel en français" in found[0].message and "cockpit import" in found[0].hint
