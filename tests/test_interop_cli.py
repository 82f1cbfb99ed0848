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


# -- cockpit import ----------------------------------------------------------------------

def exported(tmp_path: Path, folder: Path = ROBOT) -> Path:
    target = tmp_path / "plan.xml"
    assert main(["export", str(folder), "-o", str(target), "--today", "2026-04-17"]) == 0
    return target


def schedule_csv(folder: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main(["schedule", str(folder), "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    return sorted(",".join(row.split(",")[1:5]) for row in rows[1:])  # id, name, start, finish


def test_import_into_a_new_folder_gives_the_same_schedule(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "nouveau"
    assert main(["import", str(exported(tmp_path)), str(target), "--today", "2026-04-20"]) == 0
    out = capsys.readouterr().out
    assert "Nouveau projet" in out and "29 tâches" in out
    assert schedule_csv(target, capsys) == schedule_csv(ROBOT, capsys)
    assert "rate = 520\n" in (target / "cockpit.toml").read_text(encoding="utf-8")
    assert main(["check", str(target), "--no-gaps", "-q"]) == 0
    # a second import finds everything there and writes nothing
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    capsys.readouterr()
    assert main(["import", str(tmp_path / "plan.xml"), str(target)]) == 0
    assert "Rien à écrire" in capsys.readouterr().out
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before


def test_merge_adds_what_is_new_and_reports_conflicts_without_overwriting(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    source = exported(tmp_path)
    folder = tmp_path / "projet"
    shutil.copytree(ROBOT, folder)
    wbs = folder / "wbs.toml"
    text = wbs.read_text(encoding="utf-8")
    block = text[text.index('[[task]]\nid = "reseaux"'):text.index("# ----", text.index(
        'id = "reseaux"'))]
    text = text.replace(block, "").replace('id = "cdc"\nparent = "cadrage"\n',
                                           'id = "cdc"\nparent = "cadrage"\n# gardé\n')
    text = text.replace('name = "Rédaction du cahier des charges"\nduration = "10j"',
                        'name = "Rédaction du cahier des charges"\nduration = "11j"')
    wbs.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(source), str(folder)]) == 1  # conflicts
    out = capsys.readouterr().out
    assert "1 tâche ajoutée" in out and "Conflits" in out and "« 11j » dans wbs.toml, « 10j »" in out
    after = wbs.read_text(encoding="utf-8")
    assert after.startswith(text) and "# gardé" in after and 'duration = "11j"' in after
    assert 'id = "reseaux"' in after[len(text):]


def test_a_truncated_file_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                         ) -> None:
    data = exported(tmp_path).read_bytes()
    broken = tmp_path / "tronque.xml"
    broken.write_bytes(data[: len(data) // 2])
    assert main(["import", str(broken), str(tmp_path / "nouveau")]) == 1
    err = capsys.readouterr().err
    assert "tronqué" in err and "Rien n'a été écrit" in err
    assert not (tmp_path / "nouveau").exists()


def test_mpp_without_mpxj_says_how_to_enable_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from cockpit.interop import mpp

    monkeypatch.setattr(mpp, "mpxj_installed", lambda: False)
    plan = tmp_path / "plan.mpp"
    plan.write_bytes(b"\xd0\xcf\x11\xe0")
    assert main(["import", str(plan), str(tmp_path / "nouveau")]) == 1
    err = capsys.readouterr().err
    assert "pip install 'cockpit[mpp]'" in err and "Format XML" in err
    assert not (tmp_path / "nouveau").exists()


def test_files_mpxj_reads_are_imported_through_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An MPX file written by MPXJ from our export comes back with the same schedule."""
    from cockpit.interop.mpp import why_unavailable

    if why_unavailable() is not None:
        pytest.skip(f"MPXJ unavailable: {why_unavailable()}")
    from cockpit.interop.mpp import start_jvm

    start_jvm()
    from org.mpxj.reader import UniversalProjectReader  # type: ignore[import-not-found]
    from org.mpxj.writer import FileFormat, UniversalProjectWriter  # type: ignore[import-not-found]

    read = UniversalProjectReader().read(str(exported(tmp_path)))
    mpx = tmp_path / "plan.mpx"
    UniversalProjectWriter(FileFormat.MPX).write(read, str(mpx))
    target = tmp_path / "nouveau"
    assert main(["import", str(mpx), str(target)]) == 0
    ours = [row.split(",")[2:] for row in schedule_csv(ROBOT, capsys)]
    theirs = [row.split(",")[2:] for row in schedule_csv(target, capsys)]
    assert sorted(theirs) == sorted(ours)
