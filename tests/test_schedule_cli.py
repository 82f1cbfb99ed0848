"""`cockpit schedule`, `cockpit baseline` and the S rules of `cockpit check`, on real folders."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

from cockpit.check.rules.schedule import deadlines
from cockpit.check.run import run_check
from cockpit.cli import main
from cockpit.folder import load_project
from cockpit.state import ProjectState
from helpers_folder import TODAY

COCKPIT = """\
[project]
id = "T-26"
title = "Projet de test"
start = 2026-01-05
deadline = 2026-01-30
status_date = 2026-01-12

[calendar]
workdays = ["lun", "mar", "mer", "jeu", "ven"]
hours_per_day = 7
holidays = "FR"

[[team]]
id = "claire"
name = "Claire Martin"
availability = 1.0

[[team]]
id = "bruno"
name = "Bruno Dupont"
"""

WBS = """\
# Le découpage du projet
[[task]]
id = "lancement"
name = "Réunion de lancement"
milestone = true

[[task]]
id = "etudes"
name = "Études"

[[task]]
id = "cdc"
parent = "etudes"
name = "Cahier des charges"
duration = "5j"
resources = ["claire"]
after = ["lancement"]

[[task]]
id = "veille"
parent = "etudes"
name = "Veille"
duration = "2j"          # en même temps que le cahier des charges
resources = ["claire"]

[[task]]
id = "go"
name = "Validation"
milestone = true
after = ["etudes"]
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "cockpit.toml").write_text(COCKPIT, encoding="utf-8")
    (tmp_path / "wbs.toml").write_text(WBS, encoding="utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_json_output_follows_the_format(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "schedule", str(folder), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["project"] == {"start": "2026-01-05", "finish": "2026-01-09",
                               "deadline": "2026-01-30",
                               "critical_path": ["cdc", "lancement", "go"]}
    rows = {t["id"]: t for t in data["tasks"]}
    assert rows["cdc"]["start"] == "2026-01-05" and rows["cdc"]["finish"] == "2026-01-09"
    assert rows["veille"]["total_float"] == 3 and rows["veille"]["critical"] is False
    assert rows["etudes"]["summary"] is True and rows["etudes"]["wbs"] == "2"
    assert rows["go"]["milestone"] is True and rows["go"]["start"] == "2026-01-09"
    assert data["problems"] == []


def test_csv_output(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "schedule", str(folder), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["wbs"] for r in rows] == ["1", "2", "2.1", "2.2", "3"]
    assert rows[2]["late_finish"] == "2026-01-09" and rows[3]["free_float"] == "3"


def test_human_table_and_gantt(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "schedule", str(folder), "--width", "160")
    assert code == 0
    for text in ("Début au", "plus tard", "Marge", "Critique", "2.1", "Cahier des charges",
                 "Diagramme de Gantt", "◆", "│", "Chemin critique : cdc → lancement → go",
                 "Date d'état : 12/01/2026"):
        assert text in out, text


def test_human_output_fits_80_columns(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """At 80 columns the dates and the float are whole; late dates go, the caption says where."""
    code, out = run(capsys, "schedule", str(folder), "--width", "80")
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "Début au" not in out and "--width 120" in out
    assert "09/01/26" in out and "Marge" in out and "Crit." in out


def test_columns_sets_the_width_of_piped_output(folder: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """`COLUMNS=80 cockpit schedule | less`: the width the user gave, dates and floats whole."""
    monkeypatch.setenv("COLUMNS", "80")
    code, out = run(capsys, "schedule", str(folder))
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "09/01/26" in out and "Marge" in out and "--width 120" in out
    monkeypatch.delenv("COLUMNS")
    code, out = run(capsys, "schedule", str(folder))
    assert code == 0 and "Début au" in out  # piped without COLUMNS: the whole table


def test_weekly_load(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "schedule", str(folder), "--load", "--width", "160")
    assert code == 0 and "Charges semaine par semaine" in out and "2026-S02" in out
    assert "1 surcharge" in out and "Claire Martin : du 05/01/2026 au 06/01/2026" in out
    code, out = run(capsys, "schedule", str(folder), "--load", "--format", "json")
    claire = json.loads(out)["resources"][0]
    assert claire["weeks"][0]["load"] == 7.0 and claire["weeks"][0]["over_days"] == 2


def test_level_lists_then_writes_through_safe_saves(folder: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "schedule", str(folder), "--level", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["written"] is False
    assert [(m["id"], m["delay"], m["within_float"]) for m in data["moves"]] == [
        ("veille", 5, False)]
    assert (folder / "wbs.toml").read_text(encoding="utf-8") == WBS  # nothing written
    (move,) = data["moves"]
    assert move["reason"]["resource"] == "claire" and move["finish_after"] > move["finish_before"]
    code, out = run(capsys, "schedule", str(folder), "--level")
    assert "surcharge de « claire » le" in out and "Fin avant → après" in out
    code, out = run(capsys, "schedule", str(folder), "--level", "--write")
    assert code == 0 and "start_no_earlier_than écrit pour 1 tâche" in out
    text = (folder / "wbs.toml").read_text(encoding="utf-8")
    assert "start_no_earlier_than = 2026-01-12" in text
    assert "# Le découpage du projet" in text and "# en même temps que le cahier" in text
    code, out = run(capsys, "schedule", str(folder), "--load")
    assert "Aucune surcharge." in out


def test_write_needs_level(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schedule", str(folder), "--write"]) == 2


def test_baseline_save_and_variance(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "baseline", "save", "v1", str(folder), "--date", "2026-01-02")
    assert code == 0 and "Référence « v1 » enregistrée" in out
    saved = (folder / "baselines" / "v1.toml").read_text(encoding="utf-8")
    assert 'id = "cdc"\nstart = 2026-01-05\nfinish = 2026-01-09' in saved
    (folder / "wbs.toml").write_text(WBS.replace('"5j"', '"7j"'), encoding="utf-8")
    code, out = run(capsys, "schedule", str(folder), "--baseline", "v1", "--format", "json")
    data = json.loads(out)
    rows = {t["id"]: t for t in data["tasks"]}
    assert rows["cdc"]["finish_variance"] == 2 and rows["cdc"]["start_variance"] == 0
    assert data["project"]["baseline"] == {"name": "v1", "finish": "2026-01-09",
                                           "finish_variance": 2}
    code, out = run(capsys, "baseline", "list", str(folder))
    assert "v1 : enregistrée le 02/01/2026, 5 tâches, fin prévue le 09/01/2026" in out
    assert main(["schedule", str(folder), "--baseline", "nope"]) == 2
    assert main(["baseline", "save", "../x", str(folder)]) == 1


def test_gantt_draws_each_task_under_its_baseline_bar(folder: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "baseline", "save", "v1", str(folder), "--date", "2026-01-02")
    (folder / "wbs.toml").write_text(WBS.replace('"5j"', '"7j"'), encoding="utf-8")
    code, out = run(capsys, "schedule", str(folder), "--baseline", "v1", "--gantt",
                    "--width", "80")
    lines = out.splitlines()
    assert code == 0 and "░ référence « v1 »" in out
    task = next(i for i, line in enumerate(lines) if "Cahier des charges" in line)
    bar, reference = lines[task].rstrip(), lines[task + 1].rstrip()
    # one column a calendar day, from the same Monday: 7 working days now (to the next
    # Tuesday), 5 in the baseline
    assert bar.count("█") == 9 and bar.endswith("█" * 9)
    assert reference.count("░") == 5 and reference.endswith("░" * 5)
    assert bar.index("█") == reference.index("░")
    milestone = next(i for i, line in enumerate(lines) if "Réunion de lancement" in line)
    assert lines[milestone + 1].strip() == "◇"


def test_against_a_git_revision(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(folder)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "plan"], check=True)
    (folder / "wbs.toml").write_text(WBS.replace('"5j"', '"4j"'), encoding="utf-8")
    code, out = run(capsys, "schedule", str(folder), "--against", "HEAD", "--format", "csv")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert code == 0 and rows["cdc"]["finish_variance"] == "-1"
    assert main(["schedule", str(folder), "--against", "no-such-rev"]) == 2


def test_check_reports_schedule_rules_with_lines(folder: Path) -> None:
    wbs = WBS + '\n[[task]]\nid = "x"\nname = "X"\nduration = "2j"\nafter = ["y", "fantome"]\n' \
        '\n[[task]]\nid = "y"\nname = "Y"\nduration = "1j"\nresources = ["bruno"]\nafter = ["x"]\n'
    (folder / "wbs.toml").write_text(wbs, encoding="utf-8")
    result = run_check(folder, today=TODAY, gaps=False)
    found = {(d.code, d.file, d.line) for d in result.diagnostics if d.code.startswith("S")}
    lines = wbs.splitlines()
    after_x = next(k for k, line in enumerate(lines, 1) if line.startswith('after = ["y"'))
    assert ("S008", "wbs.toml", after_x) in found
    assert ("S007", "wbs.toml", after_x) in found
    assert any(code == "S004" for code, _, _ in found)  # x has no resources
    assert any(code == "S006" and file == "cockpit.toml" for code, file, _ in found)
    cycle = next(d for d in result.diagnostics if d.code == "S007")
    assert "x → y → x" in cycle.message


def test_check_deadline_exceeded(folder: Path) -> None:
    (folder / "cockpit.toml").write_text(COCKPIT.replace("2026-01-30", "2026-01-07"),
                                         encoding="utf-8")
    result = run_check(folder, today=TODAY, gaps=False)
    late = [d for d in result.diagnostics if d.code == "S001"]
    assert len(late) == 1 and late[0].file == "cockpit.toml" and late[0].line == 5
    assert "2 jours ouvrés après l'échéance" in late[0].message


def test_check_inconsistent_actuals(folder: Path) -> None:
    wbs = WBS.replace('after = ["lancement"]', 'after = ["lancement"]\nactual_start = 2026-01-05') \
        .replace('name = "Validation"', 'name = "Validation"\nactual_finish = 2026-01-06') \
        .replace('name = "Veille"', 'name = "Veille"\nafter = ["cdc"]\nactual_start = 2026-01-06')
    (folder / "wbs.toml").write_text(wbs, encoding="utf-8")
    messages = [d.message for d in run_check(folder, today=TODAY, gaps=False).diagnostics
                if d.code == "S005"]
    # cdc under way shows the kick-off milestone was reached, though its date is not recorded
    assert messages == ["« veille » a commencé le 06/01/2026 mais « cdc », dont elle dépend "
                        "(FD), n'a pas fini"]


def test_milestone_after_its_target_date(tmp_path: Path) -> None:
    (tmp_path / "cockpit.toml").write_text(
        '[project]\nid = "P"\ntitle = "P"\nstart = 2026-01-05\n', encoding="utf-8")
    (tmp_path / "wbs.toml").write_text(
        '[[task]]\nid = "work"\nname = "W"\nduration = "5j"\n\n'
        '[[task]]\nid = "go"\nname = "Go"\nmilestone = true\nafter = ["work"]\n'
        'deadline = 2026-01-07\n', encoding="utf-8")
    loaded = load_project(tmp_path)
    assert loaded.project is not None and not loaded.diagnostics
    plan = loaded.project
    found = list(deadlines(ProjectState(plan, TODAY)))
    assert [d.code for d in found] == ["S002"]
    assert "le jalon « go » est planifié le 09/01/2026, 2 j ouvrés après sa date cible" \
        in found[0].message
    scheduled = ProjectState(plan, TODAY).schedule.task("go")
    assert scheduled is not None and scheduled.total_float == -2  # the target bounds late dates


def test_the_core_and_json_output_import_no_ui_library(folder: Path) -> None:
    import sys

    probe = (
        "import sys, io, contextlib\n"
        "import cockpit.schedule, cockpit.schedule.load, cockpit.schedule.levelling, "
        "cockpit.schedule.baseline\n"
        "from cockpit.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['schedule', {str(folder)!r}, '--format', 'json'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('rich', 'textual', 'plotext', 'textual_plotext')))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_check_actuals_honour_the_dependency_lag(tmp_path: Path) -> None:
    """FD-2j lets the successor start two working days before its predecessor ends."""
    from cockpit.check.run import run_check

    (tmp_path / "cockpit.toml").write_text(
        '[project]\nid = "P"\ntitle = "P"\nstart = 2026-01-05\n', encoding="utf-8")
    wbs = ('[[task]]\nid = "a"\nname = "A"\nduration = "5j"\nactual_start = 2026-01-05\n'
           'actual_finish = 2026-01-09\n\n'
           '[[task]]\nid = "b"\nname = "B"\nduration = "3j"\nafter = ["a FD-2j"]\n'
           'actual_start = {start}\n')
    (tmp_path / "wbs.toml").write_text(wbs.format(start="2026-01-08"), encoding="utf-8")
    assert [d for d in run_check(tmp_path, today=TODAY, gaps=False).diagnostics if d.code == "S005"] == []
    (tmp_path / "wbs.toml").write_text(wbs.format(start="2026-01-07"), encoding="utf-8")
    found = [d for d in run_check(tmp_path, today=TODAY, gaps=False).diagnostics if d.code == "S005"]
    assert [(d.line, d.message) for d in found] == [
        (13, "« b » a commencé le 07/01/2026 mais « a », dont elle dépend (FD-2j), "
             "n'a fini que le 09/01/2026")]


def test_a_successor_of_a_summary_starts_once_its_last_child_has_finished(tmp_path: Path) -> None:
    """FORMAT.md: a dependency on a summary task means its span (a false S005 before)."""
    from cockpit.check.run import run_check

    (tmp_path / "cockpit.toml").write_text(
        '[project]\nid = "P"\ntitle = "P"\nstart = 2026-01-05\n', encoding="utf-8")
    wbs = ('[[task]]\nid = "lot"\nname = "Lot"\n\n'
           '[[task]]\nid = "a"\nparent = "lot"\nname = "A"\nduration = "5j"\n'
           'actual_start = 2026-01-05\nactual_finish = 2026-01-09\n\n'
           '[[task]]\nid = "b"\nparent = "lot"\nname = "B"\nduration = "3j"\nafter = ["a"]\n'
           'actual_start = 2026-01-12\nactual_finish = 2026-01-14\n\n'
           '[[task]]\nid = "c"\nname = "C"\nduration = "2j"\nafter = ["lot"]\n'
           'actual_start = {start}\n')
    (tmp_path / "wbs.toml").write_text(wbs.format(start="2026-01-15"), encoding="utf-8")
    assert [d.message for d in run_check(tmp_path, today=TODAY, gaps=False).diagnostics
            if d.code == "S005"] == []
    (tmp_path / "wbs.toml").write_text(wbs.format(start="2026-01-13"), encoding="utf-8")
    found = [d.message for d in run_check(tmp_path, today=TODAY, gaps=False).diagnostics
             if d.code == "S005"]
    assert found == ["« c » a commencé le 13/01/2026 mais « lot », dont elle dépend (FD), "
                     "n'a fini que le 14/01/2026"]


def test_an_unknown_predecessor_or_parent_gets_a_did_you_mean(tmp_path: Path) -> None:
    from cockpit.check.run import run_check

    (tmp_path / "cockpit.toml").write_text(
        '[project]\nid = "P"\ntitle = "P"\nstart = 2026-01-05\n', encoding="utf-8")
    (tmp_path / "wbs.toml").write_text(
        '[[task]]\nid = "film"\nname = "Film"\nduration = "2j"\n\n'
        '[[task]]\nid = "lot"\nname = "Lot"\n\n'
        '[[task]]\nid = "b"\nparent = "lott"\nname = "B"\nduration = "1j"\nafter = ["flim"]\n',
        encoding="utf-8")
    found = {d.code: d.message for d in run_check(tmp_path, today=TODAY, gaps=False).diagnostics}
    assert "vouliez-vous dire « film » ?" in found["S008"]
    assert "« lot »" in found["R001"]  # the unknown parent, said by the reference rule
    from cockpit.folder import load_project
    from cockpit.schedule import compute_schedule

    project = load_project(tmp_path).project
    assert project is not None
    problems = [p.message for p in compute_schedule(project).problems]
    assert any("vouliez-vous dire « lot » ?" in m for m in problems)  # cockpit schedule
