"""The exam centre: `cockpit check DIR…` on 120 candidates' folders, against one process each.

    python bench/bench_batch.py [--folders 120] [--keep]

Makes 120 realistic candidates' folders from the five shipped examples (25 to 40 tasks,
every file filled), one in twenty with a broken wbs.toml and one in forty empty, then, in
the same run and on the same folders:
- one process per folder, one after the other, as a shell loop does
  (`for d in candidats/*; do cockpit check "$d" --format json; done`);
- one process per folder, as many at a time as there are cores (`xargs -P`);
- one process for all (`cockpit check candidats/* --format jsonl`), which checks them in
  parallel on the cores.
Prints wall and CPU time of each (CPU: user + system of the child processes). The target
(issue 16): the one process costs at most a quarter of one process per folder.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import compile_package  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TODAY = "2026-12-04"
TARGET = 0.25


def candidates(root: Path, count: int) -> list[Path]:
    examples = sorted(p for p in EXAMPLES.iterdir() if (p / "cockpit.toml").is_file())
    folders = []
    for i in range(count):
        folder = root / f"candidat-{i + 1:03d}"
        if i % 40 == 13:
            folder.mkdir(parents=True)  # handed in empty
        else:
            shutil.copytree(examples[i % len(examples)], folder)
            if i % 20 == 7:
                with (folder / "wbs.toml").open("a", encoding="utf-8") as wbs:
                    wbs.write('\n[[task]]\nid = "oubli"\nname = Tâche sans guillemets\n')
        folders.append(folder)
    return folders


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(run: object) -> tuple[float, float]:
    cpu, start = cpu_of_children(), time.perf_counter()
    run()  # type: ignore[operator]
    return time.perf_counter() - start, cpu_of_children() - cpu


def check(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "cockpit", "check", *args, "--today", TODAY],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1, 2) or "erreur interne" in done.stderr:
        raise SystemExit(f"cockpit check failed ({done.returncode}):\n{done.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folders", type=int, default=120)
    parser.add_argument("--keep", action="store_true", help="keep the generated folders")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="cockpit-centre-"))
    try:
        folders = [str(f) for f in candidates(root, args.folders)]
        compile_package()
        cores = len(os.sched_getaffinity(0))
        check(folders[0], "--format", "json")  # warm the disk cache

        def each() -> None:
            for folder in folders:
                check(folder, "--format", "json")

        def each_parallel() -> None:
            with ThreadPoolExecutor(cores) as pool:
                list(pool.map(lambda f: check(f, "--format", "json"), folders))

        def batch() -> None:
            check(*folders, "--format", "jsonl")

        results = {
            "un processus par dossier, l'un après l'autre": measure(each),
            f"un processus par dossier, {cores} à la fois": measure(each_parallel),
            "un seul processus (cockpit check DOSSIERS…)": measure(batch),
        }
        print(f"{len(folders)} dossiers, {cores} cœur(s)")
        for label, (wall, cpu) in results.items():
            print(f"  {label:50} {wall:6.2f} s écoulées   {cpu:6.2f} s de calcul")
        walls = [wall for wall, _cpu in results.values()]
        ratio = walls[2] / walls[0]
        print(f"un seul processus / un par dossier : {ratio:.2f} du temps écoulé "
              f"({walls[2] / walls[1]:.2f} face à {cores} à la fois), "
              f"{results['un seul processus (cockpit check DOSSIERS…)'][1] / list(results.values())[0][1]:.2f}"
              " du temps de calcul ; objectif ≤ 0,25")
        return 0 if ratio <= TARGET else 1
    finally:
        if args.keep:
            print(f"dossiers gardés : {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
