"""Issue 13, the writes: saves through links inside the folder, no temporary file left by a
killed save, a concurrent writer never silently lost, outputs (-o) that never replace a
project file nor follow a link, baselines that stay in the folder."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from cockpit.cli import main
from cockpit.folder import load_project
from cockpit.folder.save import (
    ConflictError,
    ProjectFiles,
    SaveError,
    remove_stale_temporaries,
    write_output,
)
from cockpit.schedule.baseline import BaselineError, load_baseline
from helpers_folder import TODAY, hashes, make_project


def _loaded(root: Path) -> ProjectFiles:
    files = ProjectFiles(root)
    assert load_project(root, files).project is not None
    return files


def test_a_link_inside_the_folder_is_saved_through(tmp_path: Path) -> None:
    make_project(tmp_path)
    (tmp_path / "shared").mkdir()
    (tmp_path / "actions.toml").rename(tmp_path / "shared" / "actions.toml")
    (tmp_path / "actions.toml").symlink_to("shared/actions.toml")
    files = _loaded(tmp_path)
    files.set_field("actions.toml", array="action", record_id="A1", key="status", value="fait")
    assert (tmp_path / "actions.toml").is_symlink()
    assert 'status = "fait"' in (tmp_path / "shared" / "actions.toml").read_text(encoding="utf-8")


def test_a_temporary_file_of_a_killed_save_is_removed_at_the_next_start(tmp_path: Path) -> None:
    make_project(tmp_path)
    left = tmp_path / ".actions.toml.abcd1234.tmp"
    left.write_text("à moitié", encoding="utf-8")
    busy = tmp_path / "meetings" / ".x.md.wxyz9876.tmp"
    busy.write_text("en cours", encoding="utf-8")
    handle = os.open(busy, os.O_RDONLY)
    fcntl.flock(handle, fcntl.LOCK_EX)      # a save in progress in another process holds it
    try:
        ProjectFiles(tmp_path)
        assert not left.exists()
        assert busy.exists()
    finally:
        os.close(handle)
    assert remove_stale_temporaries(tmp_path) == ["meetings/.x.md.wxyz9876.tmp"]


def test_a_temporary_file_removed_before_its_save_locked_it_is_made_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cockpit.folder import save

    make_project(tmp_path)
    files = _loaded(tmp_path)
    original = save._lock

    def another_start_first(handle: int, blocking: bool = True) -> bool:
        # another process starts between the creation of the temporary file and its lock
        monkeypatch.setattr(save, "_lock", original)
        remove_stale_temporaries(tmp_path)
        return original(handle, blocking)

    monkeypatch.setattr(save, "_lock", another_start_first)
    files.set_field("actions.toml", array="action", record_id="A1", key="status", value="fait")
    assert 'status = "fait"' in (tmp_path / "actions.toml").read_text(encoding="utf-8")
    assert not list(tmp_path.rglob("*.tmp"))


def test_a_save_killed_by_sigterm_leaves_no_temporary_file(tmp_path: Path) -> None:
    make_project(tmp_path)
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.argv = ["cockpit"]
        from cockpit.cli import _terminated_cleanly
        from cockpit.folder import save
        def slow(handle):
            os.kill(os.getpid(), signal.SIGTERM)   # killed in the middle of the write
            return True
        save._lock = slow
        with _terminated_cleanly():
            save.atomic_write(save.Path({str(tmp_path / "wbs.toml")!r}), b"x")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == 128 + signal.SIGTERM, result.stderr
    assert not list(tmp_path.rglob("*.tmp"))


def _killed_in_the_middle(root: Path, body: str) -> list[Path]:
    """Run `body` in a process that stops just before its rename, kill it with SIGKILL (no
    handler runs, no cleanup), and return the temporary files it left in the folder."""
    script = textwrap.dedent(f"""
        import os, sys, time
        from pathlib import Path
        from cockpit.folder import save
        def stop_before_the_rename(source, destination):
            print("prêt", flush=True)
            time.sleep(600)
        save.os.replace = stop_before_the_rename
        root = Path({str(root)!r})
    """) + textwrap.dedent(body)
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    ready = process.stdout.readline()
    process.kill()
    process.wait(timeout=60)
    assert ready == "prêt\n", process.stderr.read() if process.stderr else ""
    return sorted(p for p in root.rglob("*.tmp"))


@pytest.mark.parametrize(("body", "where"), [
    # the TUI's save of a field
    ("""
        files = save.ProjectFiles(root)
        files.set_field("actions.toml", array="action", record_id="A1", key="status", value="fait")
    """, ""),
    # a command that writes a project file: `cockpit baseline save`
    ("""
        from cockpit.cli import main
        main(["baseline", "save", "v1", str(root), "--today", "2026-12-04"])
    """, "baselines"),
    # a new meeting
    ("""
        from cockpit.cli import main
        main(["meeting", "new", str(root), "--kind", "copil", "--title", "COPIL 4",
              "--date", "2026-06-01", "--today", "2026-12-04"])
    """, "meetings"),
    # an output (-o) written into a folder of the project
    ("""
        from cockpit.cli import main
        main(["report", "status", str(root), "-o", str(root / "sorties" / "état.md"),
              "--today", "2026-12-04"])
    """, "sorties"),
    # a save through a link inside the project, to a file of another of its folders
    ("""
        files = save.ProjectFiles(root)
        files.set_field("risks.toml", array="risk", record_id="R1", key="status", value="clos")
    """, "partagé"),
])
def test_a_save_killed_by_sigkill_leaves_a_temporary_file_the_next_start_removes(
        tmp_path: Path, body: str, where: str) -> None:
    make_project(tmp_path)
    for folder in ("baselines", "sorties", "partagé"):
        (tmp_path / folder).mkdir(exist_ok=True)
    (tmp_path / "risks.toml").rename(tmp_path / "partagé" / "risks.toml")
    (tmp_path / "risks.toml").symlink_to("partagé/risks.toml")
    before = hashes(tmp_path)
    left = _killed_in_the_middle(tmp_path, body)
    # What a kill -9 leaves: one hidden temporary file beside the file it was to replace,
    # named after it; the project's files are untouched.
    assert len(left) == 1 and left[0].parent == tmp_path / where, left
    assert left[0].name.startswith(".") and left[0].name.endswith(".tmp")
    assert {k: v for k, v in hashes(tmp_path).items() if not k.endswith(".tmp")} == before
    # The next start of the TUI (or of a command that writes) removes it.
    ProjectFiles(tmp_path)
    assert not list(tmp_path.rglob("*.tmp"))


def test_a_change_made_by_another_program_during_the_save_is_not_lost(tmp_path: Path) -> None:
    make_project(tmp_path)
    files = _loaded(tmp_path)
    actions = tmp_path / "actions.toml"

    from cockpit.folder import save

    original = save.atomic_write

    def racing(path: Path, data: bytes, mode: int = 0o644,
               before_replace: Callable[[], None] | None = None) -> None:
        def late() -> None:  # the other program writes once the new bytes are on disk
            with actions.open("a", encoding="utf-8") as stream:
                stream.write("# ajouté par un autre programme\n")
            assert before_replace is not None
            before_replace()
        original(path, data, mode, late)

    save.atomic_write = racing  # type: ignore[assignment]
    try:
        with pytest.raises(ConflictError):
            files.set_field("actions.toml", array="action", record_id="A1", key="status",
                            value="fait")
    finally:
        save.atomic_write = original  # type: ignore[assignment]
    assert "# ajouté par un autre programme" in actions.read_text(encoding="utf-8")


def test_a_row_appended_by_another_program_during_an_append_is_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cockpit.folder import save

    make_project(tmp_path)
    files = _loaded(tmp_path)
    journal = tmp_path / "costs.csv"
    original = save._append

    def racing(path: Path, tail: bytes) -> None:
        with journal.open("a", encoding="utf-8") as stream:   # the other program, just before
            stream.write("2026-02-11,cdc,prestation,10,AUTRE,\n")
        original(path, tail)

    monkeypatch.setattr(save, "_append", racing)
    files.append_csv_row("costs.csv", {"date": "2026-02-12", "amount": "5", "reference": "MOI"})
    text = journal.read_text(encoding="utf-8")
    assert ",AUTRE," in text and ",MOI," in text


@pytest.mark.parametrize("target", ["wbs.toml", "cockpit.toml", "meetings/rapport.md",
                                    "baselines/v1.toml"])
def test_an_output_never_replaces_a_project_file(tmp_path: Path, target: str) -> None:
    make_project(tmp_path)
    before = hashes(tmp_path)
    with pytest.raises(SaveError, match="fichier du projet"):
        write_output(tmp_path, tmp_path / target, b"rapport")
    assert hashes(tmp_path) == before


def test_an_output_beside_the_files_of_the_project_is_written(tmp_path: Path) -> None:
    make_project(tmp_path)
    write_output(tmp_path, tmp_path / "rapport.md", b"un")
    write_output(tmp_path, tmp_path / "rapport.md", b"deux")
    assert (tmp_path / "rapport.md").read_bytes() == b"deux"


def test_an_output_never_follows_a_link(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("à garder", encoding="utf-8")
    (tmp_path / "rapport.md").symlink_to(secret)
    with pytest.raises(SaveError, match="lien symbolique"):
        write_output(None, tmp_path / "rapport.md", b"x")
    assert secret.read_text(encoding="utf-8") == "à garder"


@pytest.mark.parametrize(("target", "said"), [
    ("absent/rapport.md", "n'existe pas"),
    ("/dev/full", "pas un fichier ordinaire"),
    (".", "pas un fichier ordinaire"),
])
def test_an_output_that_cannot_be_written_says_why_in_french(tmp_path: Path, target: str,
                                                             said: str) -> None:
    with pytest.raises(SaveError, match=said):
        write_output(None, tmp_path / target if not target.startswith("/") else Path(target), b"x")


def test_a_full_disk_is_said_in_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(handle: int, data: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(SaveError, match="disque plein"):
        write_output(None, tmp_path / "rapport.md", b"x")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("name", ["../../secret", "/etc/passwd", "..", ".cache", "a/b"])
def test_a_baseline_name_cannot_leave_the_folder(tmp_path: Path, name: str) -> None:
    make_project(tmp_path)
    with pytest.raises(BaselineError, match="invalide"):
        load_baseline(tmp_path, name)


def test_options_stand_before_or_after_the_folder(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path)
    for argv in (["report", "status", "--format", "html", str(tmp_path)],
                 ["report", "--format", "html", "status", str(tmp_path)],
                 ["schedule", "--format", "json", str(tmp_path)],
                 ["check", "--no-gaps", str(tmp_path), "--format", "json"]):
        assert main([*argv, "--today", TODAY.isoformat()]) in (0, 1), argv
    assert "erreur de commande" not in capsys.readouterr().err


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31", "2200-01-01"])
def test_a_date_of_the_command_line_outside_1900_2199_is_a_usage_error(
        tmp_path: Path, day: str, capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path)
    for argv in (["status", str(tmp_path), "--today", day],
                 ["report", "status", str(tmp_path), "--date", day]):
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 2
        assert "hors des dates acceptées (1900 à 2199)" in capsys.readouterr().err


def test_a_file_too_large_at_a_git_revision_is_refused_unread(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cockpit.folder import sources

    make_project(tmp_path)
    (tmp_path / "costs.csv").write_text("date,task,category,amount\n" + "2026-02-10,cdc,x,1\n" * 400,
                                        encoding="utf-8")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "x"], check=True)
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1000)
    source = sources.GitSource(tmp_path, "HEAD")
    with pytest.raises(sources.RefusedFile, match="trop gros"):
        source.read_bytes("costs.csv")
    assert source.read_bytes("wbs.toml") is not None
    assert source.read_bytes("absent.toml") is None


@pytest.mark.parametrize("late", ["append", "rewrite"])
def test_a_write_between_the_last_look_and_the_rename_is_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, late: str) -> None:
    from cockpit.folder import save

    make_project(tmp_path)
    files = _loaded(tmp_path)
    actions = tmp_path / "actions.toml"
    original = save.atomic_write
    theirs = "# réécrit par un autre programme\n"

    def racing(path: Path, data: bytes, mode: int = 0o644,
               before_replace: Callable[[], None] | None = None) -> None:
        def after_the_look() -> None:
            assert before_replace is not None
            before_replace()  # cockpit's last look passes, then the other program writes
            with actions.open("a" if late == "append" else "w", encoding="utf-8") as stream:
                stream.write(theirs)
        monkeypatch.setattr(save, "atomic_write", original)
        original(path, data, mode, after_the_look)

    monkeypatch.setattr(save, "atomic_write", racing)
    if late == "append":
        files.set_field("actions.toml", array="action", record_id="A1", key="status", value="fait")
        text = actions.read_text(encoding="utf-8")
        assert 'status = "fait"' in text and text.endswith(theirs)
    else:
        with pytest.raises(ConflictError, match="ses modifications sont gardées"):
            files.set_field("actions.toml", array="action", record_id="A1", key="status",
                            value="fait")
        assert actions.read_text(encoding="utf-8") == theirs
