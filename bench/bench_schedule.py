"""Whole-process timing of `cockpit schedule --format json` on generated projects.

    .venv/bin/python bench/bench_schedule.py                 # 1,000 / 10,000 / 50,000 tasks
    .venv/bin/python bench/bench_schedule.py 2000 --tj3-max 2000

Each project is a folder (cockpit.toml + wbs.toml) of phases (summary tasks) of about 25
tasks, ~3 dependencies per task on recent earlier tasks (FS mostly, SS and FF with lags,
some negative), 5 % milestones, French holidays and a summer closure. The time is the
best of a few runs of the whole process (interpreter start, imports, reading the TOML,
scheduling, JSON on stdout). Where `tj3` is installed, TaskJuggler schedules the same
project (ASAP) up to --tj3-max tasks: it is much slower, see docs/schedule.md.
Target: 10,000 tasks in under 1 s, and time growing linearly with tasks + dependencies.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "bench"))

from bench_check import compile_package  # noqa: E402

from cockpit.model import (  # noqa: E402
    CalendarSpec,
    Dependency,
    DependencyType,
    Duration,
    DurationUnit,
    Period,
    Project,
    ProjectInfo,
    Settings,
    Task,
)

START = dt.date(2026, 1, 5)


def generate(n: int, seed: int = 1, deps: float = 3.0) -> Project:
    rng = random.Random(seed)
    tasks: list[Task] = []
    leaves: list[tuple[str, int]] = []  # (id, duration)
    phase = ""
    for i in range(n):
        if i % 25 == 0:
            phase = f"p{i}"
            tasks.append(Task(id=phase, name=f"Phase {i // 25 + 1}"))
            continue
        milestone = rng.random() < 0.05
        days = 0 if milestone else rng.randint(1, 10)
        after: list[Dependency] = []
        window = leaves[-600:]  # a plan about a year long at 10,000 tasks
        for pred, pred_days in rng.sample(window, min(len(window), round(rng.uniform(0, 2 * deps)))):
            roll = rng.random()
            if roll < 0.7:
                lag = rng.choice((0, 0, 0, 1, 2, -1)) if pred_days >= 1 else 0
                after.append(Dependency(pred, DependencyType.FS,
                                        Duration(float(lag), DurationUnit.DAY)))
            elif roll < 0.85:
                after.append(Dependency(pred, DependencyType.SS,
                                        Duration(float(rng.randint(0, 3)), DurationUnit.DAY)))
            else:  # a lag TaskJuggler can express (gap ≥ 0 once rewritten on the start)
                lag = max(rng.randint(0, 3), days - pred_days)
                after.append(Dependency(pred, DependencyType.FF,
                                        Duration(float(lag), DurationUnit.DAY)))
        task_id = f"t{i}"
        tasks.append(Task(
            id=task_id, name=f"Tâche {i}", parent=phase, milestone=milestone,
            duration=None if milestone else Duration(float(days), DurationUnit.DAY),
            after=tuple(after)))
        leaves.append((task_id, days))
    settings = Settings(
        ProjectInfo("BENCH", "Projet de mesure", START),
        CalendarSpec(holidays="FR", closures=(Period(dt.date(2026, 8, 3), dt.date(2026, 8, 21),
                                                     "Fermeture estivale"),)),
    )
    return Project(root=Path("."), settings=settings, tasks=tuple(tasks))


def write_folder(project: Project, folder: Path) -> int:
    """cockpit.toml and wbs.toml as a user would write them; returns the dependency count."""
    folder.mkdir(parents=True, exist_ok=True)
    info = project.settings.project
    closures = ", ".join(f'{{ from = {p.start}, to = {p.end}, label = "{p.label}" }}'
                         for p in project.settings.calendar.closures)
    (folder / "cockpit.toml").write_text(
        f'[project]\nid = "{info.id}"\ntitle = "{info.title}"\nstart = {info.start}\n\n'
        '[calendar]\nworkdays = ["mon", "tue", "wed", "thu", "fri"]\nhours_per_day = 7\n'
        f'holidays = "FR"\nclosures = [{closures}]\n', encoding="utf-8")
    lines: list[str] = []
    count = 0
    for task in project.tasks:
        lines += ["[[task]]", f'id = "{task.id}"', f'name = "{task.name}"']
        if task.parent:
            lines.append(f'parent = "{task.parent}"')
        if task.milestone:
            lines.append("milestone = true")
        elif task.duration is not None:
            lines.append(f'duration = "{task.duration}"')
        if task.after:
            lines.append("after = [" + ", ".join(f'"{d}"' for d in task.after) + "]")
            count += len(task.after)
        lines.append("")
    (folder / "wbs.toml").write_text("\n".join(lines), encoding="utf-8")
    return count


def best_of(command: list[str], runs: int, cwd: Path | None = None) -> tuple[float, int]:
    best = float("inf")
    size = 0
    for _ in range(runs):
        begin = time.perf_counter()
        result = subprocess.run(command, cwd=cwd, capture_output=True, check=False)
        elapsed = time.perf_counter() - begin
        if result.returncode != 0:
            raise RuntimeError(f"{command[0]} failed: {result.stderr.decode()[-2000:]}")
        best = min(best, elapsed)
        size = len(result.stdout)
    return best, size


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 50000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tj3-max", type=int, default=10000,
                        help="largest project given to tj3 (it needs ~35 s for 10,000 tasks)")
    args = parser.parse_args(argv)
    cockpit = [sys.executable, "-m", "cockpit"]
    compile_package()
    has_tj3 = shutil.which("tj3") is not None
    print(f"{'tasks':>7} {'deps':>7} {'cockpit schedule --format json':>32} {'tj3':>10}")
    with tempfile.TemporaryDirectory(prefix="cockpit-bench-") as tmp:
        for n in args.sizes:
            project = generate(n)
            folder = Path(tmp) / f"p{n}"
            deps = write_folder(project, folder)
            seconds, size = best_of([*cockpit, "schedule", str(folder), "--format", "json"],
                                    args.runs)
            tj = "-"
            if has_tj3 and n <= args.tj3_max:
                from tj3.projects import to_tjp

                (folder / "p.tjp").write_text(to_tjp(project, years=9), encoding="utf-8")
                tj_seconds, _ = best_of(["tj3", "--silent", "--no-color", "p.tjp"], 1,
                                        cwd=folder)
                tj = f"{tj_seconds:.2f} s"
            print(f"{n:>7} {deps:>7} {seconds:>24.3f} s ({size // 1024} KiB) {tj:>10}",
                  flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
