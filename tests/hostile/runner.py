"""Run every command on every fault of the catalogue and classify what happened.

Commands run in-process through `cockpit.cli.main` (fast), inside worker processes that a
crash in native code or a memory blow-up cannot take the test run down with: the parent
notes the fault a dead worker was on and starts another for the rest. A command that runs
past TIME_BOUND is stopped by an alarm and counted as a hang.

    python tests/hostile/runner.py           # the counts, and each fault that is not clean
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
TIME_BOUND = 10.0  # seconds per command (1,500 tasks take 2 s on a quiet host)
MEMORY_BOUND = 3 * 1024**3  # bytes of address space per worker
TODAY = "2026-12-04"

COMMANDS: tuple[tuple[str, ...], ...] = (
    ("check", "{dir}"),
    ("check", "{dir}", "--format", "json"),
    ("schedule", "{dir}"),
    ("schedule", "{dir}", "--format", "csv"),
    ("schedule", "--load", "{dir}"),
    ("status", "{dir}"),
    ("report", "status", "{dir}"),
    ("report", "copil", "{dir}"),
    ("report", "rex", "{dir}"),
    ("report", "gap", "{dir}"),
    ("report", "status", "--format", "html", "{dir}"),
    ("meeting", "list", "{dir}"),
    ("baseline", "list", "{dir}"),
    ("export", "{dir}", "-o", "{out}/plan.xml"),
)
# The faults of the file layer (links, pipes, encodings) are read as every other file: the
# commands that only lay out what was read add time, not coverage. The HTML report (a fifth
# of a second each, matplotlib) is for the faults of text: control characters and markup.
TIERS = {
    "light": tuple(COMMANDS[i] for i in (0, 1, 2, 3, 6, 11, 12)),
    "medium": tuple(c for c in COMMANDS if "html" not in c),
    "full": COMMANDS,
}
HTML_COMMANDS = {("report", "status", "--format", "html", "{dir}")}
# Everything below 0x20 but tab and newline, DEL, and the C1 controls.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FORMULA = re.compile(r"^[=+\-@\t\r]")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
SETPRIV = shutil.which("setpriv")
KINDS = ("clean", "crash", "hang", "leak", "silent", "false", "write", "usage", "skipped")


class Hang(BaseException):
    """Raised by the alarm: not an Exception, so cockpit's own handler does not catch it."""


@dataclass
class Outcome:
    name: str
    kind: str = "clean"
    details: list[str] = field(default_factory=list)

    def flag(self, kind: str, detail: str) -> None:
        if self.kind == "clean" or KINDS.index(kind) < KINDS.index(self.kind):
            self.kind = kind
        self.details.append(f"{kind}: {detail}")


# -- the worker ---------------------------------------------------------------------------------


def _secret_files(outside: Path) -> None:
    from hostile.faults import SECRET

    outside.mkdir(parents=True)
    doc = f'+++\ntitle = "{SECRET}"\ndate = 2026-01-08\nkind = "note"\n+++\n\n## {SECRET}\n\n{SECRET}\n'
    (outside / "secret.md").write_text(doc, encoding="utf-8")
    (outside / "2026-02-01-secret.md").write_text(
        doc.replace('kind = "note"', 'kind = "copil"'), encoding="utf-8"
    )
    (outside / "meetings").mkdir()
    (outside / "meetings" / "2026-02-01-secret.md").write_text(
        doc.replace('kind = "note"', 'kind = "copil"'), encoding="utf-8"
    )
    (outside / "wbs.toml").write_text(
        f'[[task]]\nid = "s"\nname = "{SECRET}"\nduration = "1j"\n', encoding="utf-8"
    )
    (outside / "cockpit.toml").write_text(
        f'[project]\nid = "S"\ntitle = "{SECRET}"\nstart = 2026-01-05\n', encoding="utf-8"
    )
    (outside / "costs.csv").write_text(
        f"date,task,category,amount,reference,comment\n2026-02-10,cdc,x,1,{SECRET},{SECRET}\n",
        encoding="utf-8",
    )
    (outside / "decision.toml").write_text(f'title = "{SECRET}"\ndate = 2026-03-02\n', encoding="utf-8")
    (outside / "baseline.toml").write_text(
        f'name = "{SECRET}"\nsaved = 2026-01-05\n[[task]]\nid = "{SECRET}"\nstart = 2026-01-05\n'
        "finish = 2026-01-06\n",
        encoding="utf-8",
    )


def _tree(root: Path) -> dict[str, str]:
    """Every entry under root: file hashes, link targets, kinds; unreadable ones as such."""
    found: dict[str, str] = {}
    for directory, names, files in os.walk(root):
        for name in names + files:
            path = Path(directory, name)
            key = str(path.relative_to(root))
            try:
                if path.is_symlink():
                    found[key] = "-> " + os.readlink(path)
                elif path.is_file():
                    found[key] = (
                        hashlib.sha256(path.read_bytes()).hexdigest()
                        if path.stat().st_size < 10**7
                        else f"size {path.stat().st_size}"
                    )
                else:
                    found[key] = "other"
            except OSError:
                found[key] = "unreadable"
    return found


def _run(argv: list[str]) -> tuple[int | None, str, float, str | None]:
    from cockpit.cli import main

    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    problem = None
    code: int | None = None

    def alarm(signum: int, frame: object) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, TIME_BOUND)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*argv, "--today", TODAY])
    except Hang:
        problem = "hang"
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 2
    except BaseException:
        problem = "crash: " + traceback.format_exc(limit=-3).replace("\n", " | ")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return code, out.getvalue() + "\n" + err.getvalue(), time.perf_counter() - started, problem


def _check_csv(text: str) -> str | None:
    import csv

    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            if FORMULA.match(cell) and not NUMBER.match(cell):
                return cell[:40]
    return None


def run_fault(index: int, base: Path, clean_count: int | None) -> Outcome:
    from helpers_folder import make_project
    from hostile.faults import FAULTS, SECRET

    fault = FAULTS[index]
    outcome = Outcome(fault.name)
    place = base / f"{index:03d}"
    outside, root = place / "outside", place / "project"
    _secret_files(outside)
    make_project(root)
    try:
        fault.build(root, outside)
        before = _tree(root)
        commands = fault.commands or TIERS[fault.tier]
        for command in commands:
            argv = [a.replace("{dir}", str(root)).replace("{out}", str(outside)) for a in command]
            code, output, seconds, problem = _run(argv)
            label = " ".join(command)
            if problem == "hang":
                outcome.flag("hang", f"{label} > {TIME_BOUND:g} s")
            elif problem:
                outcome.flag("crash", f"{label}: {problem}")
            elif code not in (0, 1, 2) or "erreur interne" in output or "Traceback" in output:
                outcome.flag("crash", f"{label}: exit {code} {output.strip()[-300:]!r}")
            elif code == 2 and "erreur de commande" in output and not fault.commands:
                outcome.flag("usage", f"{label}: {output.strip()[-200:]!r}")
            elif code == 2 and "cockpit" not in output:
                outcome.flag("crash", f"{label}: exit 2 without a message")
            if SECRET in output:
                outcome.flag("leak", f"{label}: the secret")
            if CONTROL.search(output):
                char = CONTROL.search(output).group()  # type: ignore[union-attr]
                outcome.flag("leak", f"{label}: control character {char!r}")
            if command in HTML_COMMANDS and re.search(r"<script>|<img src=x", output):
                outcome.flag("leak", f"{label}: HTML from a file")
            if (
                command[0] == "report"
                and "--format" not in command
                and re.search(r"<script>|<img src=x", output)
            ):
                outcome.flag("leak", f"{label}: raw HTML in Markdown")
            if "csv" in command and code == 0:
                cell = _check_csv(output.strip())
                if cell is not None:
                    outcome.flag("leak", f"{label}: formula cell {cell!r}")
            for written in outside.rglob("*"):
                with contextlib.suppress(OSError):
                    if (
                        written.is_file()
                        and not written.is_symlink()
                        and written.name.startswith(("plan", "rapport"))
                        and SECRET in written.read_text(errors="replace")
                    ):
                        outcome.flag("leak", f"{label}: the secret in {written.name}")
            if (
                command == ("check", "{dir}")
                and fault.where is not None
                and f"{fault.where}:" not in output
                and f"{fault.where} " not in output
            ):
                outcome.flag("silent", f"check does not name {fault.where}: {output.strip()[-300:]!r}")
            if (
                command == ("check", "{dir}", "--format", "json")
                and fault.where is None
                and "accepté" in fault.name
                and clean_count is not None
            ):
                with contextlib.suppress(ValueError):
                    count = len(json.loads(output.strip().split("\n\n")[0])["diagnostics"])
                    if count != clean_count:
                        outcome.flag("false", f"{count} diagnostics instead of {clean_count}")
            after = _tree(root)
            if after != before:
                changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
                outcome.flag("write", f"{label} changed {changed[:5]}")
                before = after
    finally:
        with contextlib.suppress(OSError):
            for directory, names, _files in os.walk(place):
                for name in names:
                    with contextlib.suppress(OSError):
                        os.chmod(os.path.join(directory, name), 0o755)
            os.chmod(root, 0o755)
        shutil.rmtree(place, ignore_errors=True)
    return outcome


def _clean_count(base: Path) -> int:
    from helpers_folder import make_project

    root = base / f"clean-{os.getpid()}"
    make_project(root)
    _code, output, _seconds, _problem = _run(["check", str(root), "--format", "json"])
    shutil.rmtree(root)
    return len(json.loads(output.strip().split("\n\n")[0])["diagnostics"])


def worker(results: Path, base: Path, indexes: list[int]) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BOUND, MEMORY_BOUND))
    import cockpit.cli  # noqa: F401  (imported once, before the clock starts)

    clean = _clean_count(base)
    with results.open("a", encoding="utf-8") as stream:
        for index in indexes:
            stream.write(json.dumps({"start": index}) + "\n")
            stream.flush()
            outcome = run_fault(index, base, clean)
            stream.write(
                json.dumps({"index": index, "kind": outcome.kind, "details": outcome.details}) + "\n"
            )
            stream.flush()


# -- the parent -------------------------------------------------------------------------------


def _spawn(results: Path, base: Path, indexes: list[int], as_user: bool) -> subprocess.Popen[bytes]:
    from hostile.faults import SECRET, SECRET_ENV

    env = {
        **os.environ,
        SECRET_ENV: SECRET,
        "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]),
        "COLUMNS": "100",
    }
    env.pop("FORCE_COLOR", None)
    # root reads every file whatever its mode: without these capabilities, modes apply to it too
    prefix = [SETPRIV, "--bounding-set=-dac_override,-dac_read_search"] if as_user else []
    return subprocess.Popen(
        [*prefix, sys.executable, __file__, "--worker", str(results), str(base), *map(str, indexes)],
        env=env,
        cwd=base,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def run_catalogue(indexes: list[int] | None = None, workers: int = 2) -> list[Outcome]:
    from hostile.faults import FAULTS

    todo = list(range(len(FAULTS))) if indexes is None else list(indexes)
    base = Path(tempfile.mkdtemp(prefix="cockpit-hostile-"))
    os.chmod(base, 0o777)
    outcomes: dict[int, Outcome] = {}
    root_user = os.geteuid() == 0
    if root_user and SETPRIV is None:  # modes cannot be tried: the permission faults are skipped
        todo = [i for i in todo if not FAULTS[i].root_only]
    try:
        queues = [todo[i::workers] for i in range(workers)]
        if root_user:  # faults about permissions run in a worker without root's capabilities
            queues = [[i for i in q if not FAULTS[i].root_only] for q in queues]
            queues.append([i for i in todo if FAULTS[i].root_only])
        while any(queues):
            running = []
            for number, queue in enumerate(queues):
                if not queue:
                    continue
                results = base / f"results-{number}-{len(outcomes)}.jsonl"
                results.touch()
                os.chmod(results, 0o666)
                as_user = root_user and all(FAULTS[i].root_only for i in queue)
                running.append((number, results, _spawn(results, base, queue, as_user)))
            for number, results, process in running:
                deadline = TIME_BOUND * len(COMMANDS) * len(queues[number]) + 60
                try:
                    _out, err = process.communicate(timeout=deadline)
                except subprocess.TimeoutExpired:
                    process.kill()
                    _out, err = process.communicate()
                started = None
                for line in results.read_text(encoding="utf-8").splitlines():
                    record = json.loads(line)
                    if "start" in record:
                        started = record["start"]
                    else:
                        outcomes[record["index"]] = Outcome(
                            FAULTS[record["index"]].name, record["kind"], record["details"]
                        )
                        started = None
                queue = queues[number]
                if started is not None:  # the worker died on this fault
                    outcomes[started] = Outcome(
                        FAULTS[started].name,
                        "crash",
                        [
                            f"crash: the process died (status {process.returncode}): "
                            f"{err.decode(errors='replace')[-300:]}"
                        ],
                    )
                queues[number] = [i for i in queue if i not in outcomes]
                if process.returncode != 0 and started is None and queues[number]:
                    raise RuntimeError(f"worker failed: {err.decode(errors='replace')[-2000:]}")
    finally:
        subprocess.run(["chmod", "-R", "u+rwx", str(base)], check=False)
        shutil.rmtree(base, ignore_errors=True)
    return [outcomes[i] for i in todo]


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        sys.path.insert(0, str(TESTS))
        worker(Path(sys.argv[2]), Path(sys.argv[3]), [int(i) for i in sys.argv[4:]])
        return 0
    sys.path.insert(0, str(TESTS))
    started = time.perf_counter()
    selected = [int(i) for i in sys.argv[1:]] or None
    outcomes = run_catalogue(selected)
    counts = Counter(o.kind for o in outcomes)
    for outcome in outcomes:
        if outcome.kind != "clean":
            print(f"[{outcome.kind}] {outcome.name}")
            for detail in outcome.details[:4]:
                print(f"    {detail[:400]}")
    print(
        f"{len(outcomes)} faults tried in {time.perf_counter() - started:.1f} s: "
        + ", ".join(f"{kind} {counts[kind]}" for kind in KINDS if counts[kind])
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
