"""`cockpit export` and `cockpit import` as users run them, and the import-hygiene
contract: no other command loads the interop package or its format libraries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cockpit.cli import main

ROOT = Path(__file__).parent.parent
ROBOT = ROOT / "examples" / "robot-soudage"
INTEROP_MODULES = ("cockpit.interop", "icalendar", "xlsxwriter", "python_calamine", "jpype",
                   "mpxj", "xml.etree")


def test_check_loads_no_interop_module() -> None:
    probe = (
        "import sys, io, contextlib\n"
        "from cockpit.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', {str(ROBOT)!r}])\n"
        f"print(sorted(m for m in sys.modules if m.startswith({INTEROP_MODULES!r})))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_export_mspdi_writes_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "robot.xml"
    assert main(["export", str(ROBOT), "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"')
    assert "écrit" in capsys.readouterr().out


def test_export_needs_a_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(ROBOT), "-o", str(tmp_path / "robot.txt")]) == 2
    assert "précisez le format" in capsys.readouterr().err
    assert not (tmp_path / "robot.txt").exists()


def test_export_of_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "absent"), "-o", str(tmp_path / "x.xml")]) == 2
    assert "n'est pas un dossier" in capsys.readouterr().err
