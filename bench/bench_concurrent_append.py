"""Another program appends to a file while cockpit saves it over and over (issue 13): how
many of its lines are lost?

    python bench/bench_concurrent_append.py [--rounds 5]

A process appends a line every 20 ms (150 lines, open/write/close as `echo … >> file`) to
costs.csv while cockpit appends rows and rewrites the journal, then to actions.toml while
cockpit changes a field (each save a replace); a refused save is retried after a reload, as
in the TUI. Prints, per file, the saves made and the lines lost. A save checks the file under
a lock just before its rename and keeps what was written to the replaced file up to just
after it; what is still lost is a write whose open came before the rename and whose write
came after that last look (the appender was descheduled between the two): no rename closes
that window.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from cockpit.folder import load_project  # noqa: E402
from cockpit.folder.save import ConflictError, ProjectFiles  # noqa: E402
from helpers_folder import make_project  # noqa: E402

APPENDER = """
import os, sys, time
path, line, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
print("prêt", flush=True)
for number in range(count):
    handle = os.open(path, os.O_WRONLY | os.O_APPEND)
    os.write(handle, (line.format(number=number) + "\\n").encode("utf-8"))
    os.close(handle)
    time.sleep(0.02)
"""
COUNT = 150


def _while_another_program_appends(path: Path, line: str, edit: Callable[[int], None]) -> int:
    appender = subprocess.Popen([sys.executable, "-c", APPENDER, str(path), line, str(COUNT)],
                                stdout=subprocess.PIPE, text=True)
    assert appender.stdout is not None and appender.stdout.readline() == "prêt\n"
    made = 0
    while appender.poll() is None:
        edit(made)
        made += 1
    return made


def _retried(files: ProjectFiles, relative: str, save: Callable[[], object]) -> None:
    while True:
        try:
            save()
            return
        except ConflictError:
            files.read_bytes(relative)


def journal(root: Path) -> tuple[int, int]:
    files = ProjectFiles(root)
    load_project(root, files)

    def edit(number: int) -> None:
        if number % 2:
            _retried(files, "costs.csv", lambda: files.append_csv_row(
                "costs.csv", {"date": "2026-02-12", "amount": "5", "reference": f"MOI-{number}"}))
        else:
            _retried(files, "costs.csv", lambda: files.edit_text(
                "costs.csv", lambda text: text.replace("FAC-", "FAC-x", 1)))

    made = _while_another_program_appends(root / "costs.csv", "2026-02-11,cdc,x,10,AUTRE-{number},", edit)
    text = (root / "costs.csv").read_text(encoding="utf-8")
    return made, sum(f",AUTRE-{n}," not in text for n in range(COUNT))


def toml(root: Path) -> tuple[int, int]:
    files = ProjectFiles(root)
    load_project(root, files)

    def edit(number: int) -> None:
        _retried(files, "actions.toml", lambda: files.set_field(
            "actions.toml", array="action", record_id="A1", key="status",
            value=("fait", "en cours")[number % 2]))

    made = _while_another_program_appends(root / "actions.toml", "# note {number}", edit)
    text = (root / "actions.toml").read_text(encoding="utf-8")
    return made, sum(f"# note {n}\n" not in text for n in range(COUNT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    for name, run in (("costs.csv", journal), ("actions.toml", toml)):
        saves = lost = 0
        for _ in range(rounds):
            root = make_project(Path(tempfile.mkdtemp(prefix="cockpit-append-")) / "p")
            made, missing = run(root)
            saves += made
            lost += missing
        print(f"{name} : {saves} enregistrements, {lost} lignes perdues sur {rounds * COUNT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
