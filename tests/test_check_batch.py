"""`cockpit check DIR…`: many folders in one process, one record each, for an exam centre."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cockpit.check.batch import check_many
from cockpit.cli import main
from helpers_folder import WBS, make_project

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TODAY = "2026-12-04"


def centre(tmp_path: Path) -> Path:
    """Five candidates: two clean examples, a broken wbs.toml, an empty folder, no cockpit.toml."""
    root = tmp_path / "candidats"
    for name in ("robot-soudage", "bim-usine"):
        shutil.copytree(EXAMPLES / name, root / name)
    make_project(root / "casse", {"wbs.toml": WBS.replace('name = "Essais de réception"',
                                                          "name = Essais de réception")})
    (root / "vide").mkdir()
    make_project(root / "sans-toml", {"cockpit.toml": None})
    return root


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main([*args, "--today", TODAY])
    return code, capsys.readouterr().out


def folders(root: Path) -> list[str]:
    return [str(p) for p in sorted(root.iterdir(), reverse=True)]  # the glob's order is not kept


def test_jsonl_one_record_per_folder_sorted_worst_exit(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    root = centre(tmp_path)
    code, out = run(capsys, "check", *folders(root), "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert [Path(r["folder"]).name for r in records] == [
        "bim-usine", "casse", "robot-soudage", "sans-toml", "vide"]
    assert code == 2  # the worst: two folders cannot be read
    by_name = {Path(r["folder"]).name: r for r in records}
    assert by_name["vide"]["error"] and by_name["vide"]["summary"] is None
    assert "cockpit.toml" in by_name["sans-toml"]["error"]
    assert by_name["casse"]["error"] is None and by_name["casse"]["summary"]["errors"] >= 1
    assert by_name["robot-soudage"]["referential"]["id"] == "cqpm-charge-projets-industriels"


def test_summary_is_the_single_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = centre(tmp_path)
    _, out = run(capsys, "check", *folders(root), "--format", "jsonl")
    for record in map(json.loads, out.splitlines()):
        if record["error"]:
            continue
        _, single = run(capsys, "check", record["folder"], "--format", "json")
        assert json.loads(single)["summary"] == record["summary"]
        assert json.loads(single)["referential"] == record["referential"]


def test_parallel_equals_sequential(tmp_path: Path) -> None:
    import datetime as dt

    root = centre(tmp_path)
    day = dt.date.fromisoformat(TODAY)
    assert check_many(folders(root), day, jobs=2) == check_many(folders(root), day, jobs=1)


def test_csv_one_row_per_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = centre(tmp_path)
    _, out = run(capsys, "check", *folders(root), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 5
    robot = next(r for r in rows if r["folder"].endswith("robot-soudage"))
    assert robot["referential"] == "cqpm-charge-projets-industriels" and robot["errors"] == "0"
    assert int(robot["covered"]) + int(robot["partial"]) + int(robot["missing"]) \
        + int(robot["to_justify"]) == 7
    assert next(r for r in rows if r["folder"].endswith("vide"))["exit_status"] == "2"


def test_junit_one_suite_per_candidate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = centre(tmp_path)
    _, out = run(capsys, "check", *folders(root), "--format", "junit")
    suites = ET.fromstring(out.split("\n", 1)[1])
    assert len(suites.findall("testsuite")) == 5
    robot = next(s for s in suites if s.get("name", "").endswith("robot-soudage"))
    assert int(robot.get("tests", 0)) == 8  # the folder's errors, then its seven capacities
    vide = next(s for s in suites if s.get("name", "").endswith("vide"))
    assert vide.find("testcase/error") is not None
    casse = next(s for s in suites if s.get("name", "").endswith("casse"))
    assert "F002" in (casse.find("testcase/failure").text or "")  # type: ignore[union-attr]


def test_human_one_line_per_folder_in_french(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    root = centre(tmp_path)
    _, out = run(capsys, "check", *folders(root), str(tmp_path / "absent"))
    lines = out.splitlines()
    assert len(lines) == 7
    assert "absent : illisible — ce n'est pas un dossier" in lines[0]
    assert lines[-1].startswith("6 dossiers :")


def test_json_refused_for_many_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = centre(tmp_path)
    code = main(["check", *folders(root), "--format", "json", "--today", TODAY])
    assert code == 2
    assert "jsonl" in capsys.readouterr().err


def test_one_folder_as_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path)
    code, out = run(capsys, "check", str(tmp_path), "--format", "jsonl")
    assert code == 0 and len(out.splitlines()) == 1


def test_select_and_ignore_apply_to_every_folder(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    root = centre(tmp_path)
    _, out = run(capsys, "check", *folders(root), "--format", "jsonl", "--ignore", "F002,R001")
    casse = next(json.loads(line) for line in out.splitlines() if '/casse"' in line)
    assert casse["summary"]["errors"] == 0


def test_a_defect_on_one_folder_is_a_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A defect of cockpit on one folder (here: any folder named « casse ») stops nothing."""
    import datetime as dt

    from cockpit.check import batch

    real = batch.run_check

    def failing(root: Path, **kwargs: object) -> object:
        if Path(root).name == "casse":
            raise RuntimeError("défaut")
        return real(root, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "run_check", failing)
    records = check_many(folders(centre(tmp_path)), dt.date.fromisoformat(TODAY), jobs=1)
    casse = next(r for r in records if r.folder.endswith("casse"))
    assert casse.exit_status == 2 and "erreur interne" in casse.error
    assert len(records) == 5 and sum(1 for r in records if r.summary) == 2  # the two examples
