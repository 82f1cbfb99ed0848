"""The core imports no UI library; `cockpit DIR` refuses a folder without cockpit.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CORE = ("model", "folder", "folder.save", "schedule", "schedule.load", "schedule.baseline",
        "finance", "check", "check.run", "referentials", "report", "steering")


def test_core_imports_no_ui() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import cockpit\n"
        f"for name in {CORE!r}:\n"
        "    try:\n"
        "        module = importlib.import_module('cockpit.' + name)\n"
        "    except ModuleNotFoundError as e:\n"
        "        if e.name and e.name.startswith('cockpit.'): continue\n"
        "        raise\n"
        "    for info in pkgutil.walk_packages(getattr(module, '__path__', []), module.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'plotext', "
        "'textual_plotext') or m.startswith('cockpit.tui'))\n"
        "print(' '.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_no_project_folder_exits_2_in_french(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "cockpit", str(tmp_path)],
                         capture_output=True, text=True)
    assert out.returncode == 2
    assert "pas de cockpit.toml" in out.stderr
    assert "Traceback" not in out.stderr


def test_missing_folder_exits_2(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "cockpit", str(tmp_path / "absent")],
                         capture_output=True, text=True)
    assert out.returncode == 2
    assert "n'est pas un dossier" in out.stderr


def test_app_module_paints_before_core_imports() -> None:
    """Importing the app pulls no core module: they load in the worker, after first paint."""
    code = ("import sys, cockpit.tui.app\n"
            "print(' '.join(m for m in sys.modules if m.startswith('cockpit.') and m.split('.')[1]"
            " in ('check', 'folder', 'schedule', 'finance', 'steering', 'referentials')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
