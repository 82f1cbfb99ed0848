"""Time is an input: `today` comes from the shell (--today), never from the clock in the core."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from cockpit.cli import main

CORE = Path(__file__).resolve().parents[1] / "src" / "cockpit"
CORE_PACKAGES = ("model", "diagnostics", "folder", "schedule", "finance", "steering",
                 "referentials", "check", "report", "interop")
CORE_MODULES = ("collector.py", "french.py")
CLOCK_CALLS = {"today", "now", "utcnow", "time", "localtime", "gmtime"}


def clock_reads(path: Path, root: Path = CORE) -> list[str]:
    """`x.today()`, `x.now()`, `time.time()`… called anywhere in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [f"{path.relative_to(root)}:{node.lineno}" for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in CLOCK_CALLS
            and isinstance(node.func.value, (ast.Name, ast.Attribute))
            and ast.unparse(node.func.value).split(".")[-1] in ("date", "datetime", "time", "dt")]


def test_no_core_module_reads_the_clock() -> None:
    modules = [p for package in CORE_PACKAGES for p in (CORE / package).rglob("*.py")]
    modules += [CORE / module for module in CORE_MODULES]
    assert len(modules) > 50
    assert [hit for path in modules for hit in clock_reads(path)] == []


def test_the_probe_finds_a_clock_read(tmp_path: Path) -> None:
    # The scan above would pass on anything if it could not see a read of the clock.
    sample = tmp_path / "sample.py"
    sample.write_text("import datetime as dt\nfrom datetime import date\nx = dt.date.today()\n"
                      "y = date.today()\nz = dt.datetime.now()\n", encoding="utf-8")
    assert clock_reads(sample, tmp_path) == ["sample.py:3", "sample.py:4", "sample.py:5"]


def status_date(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["status", *args, "--format", "json"]) == 0
    return str(json.loads(capsys.readouterr().out)["project"]["status_date"])


def test_today_is_the_status_date_when_cockpit_toml_has_none(tmp_path: Path, capsys) -> None:
    assert main(["init", str(tmp_path / "p"), "--today", "2026-12-04"]) == 0
    capsys.readouterr()
    assert status_date(capsys, str(tmp_path / "p"), "--today", "2027-01-15") == "2027-01-15"
    # Before or after the command and the folder.
    assert main(["--today", "2027-01-18", "status", str(tmp_path / "p"), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["project"]["status_date"] == "2027-01-18"
    assert status_date(capsys, "--today=2027-01-19", str(tmp_path / "p")) == "2027-01-19"


def test_a_status_date_in_cockpit_toml_wins_over_today(tmp_path: Path, capsys) -> None:
    assert main(["init", str(tmp_path / "p"), "--today", "2026-12-04"]) == 0
    path = tmp_path / "p" / "cockpit.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "# status_date = 2026-04-17", "status_date = 2026-12-11"), encoding="utf-8")
    capsys.readouterr()
    assert status_date(capsys, str(tmp_path / "p"), "--today", "2027-01-15") == "2026-12-11"


def test_every_command_documents_today(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "--today AAAA-MM-JJ" in capsys.readouterr().out
    for command in (["check"], ["schedule"], ["status"], ["init"], ["report"], ["meeting", "new"],
                    ["baseline", "save"], ["referentials"], ["rule"]):
        with pytest.raises(SystemExit):
            main([*command, "--help"])
        assert "--today" in capsys.readouterr().out, command


def test_an_unreadable_today_is_a_french_usage_error(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(tmp_path), "--today", "2027-02-30"])
    assert exit_.value.code == 2
    assert "argument --today : date « 2027-02-30 » illisible" in capsys.readouterr().err
