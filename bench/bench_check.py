"""Time `cockpit check DIR` as a user runs it: a whole process, several runs, the median.

    python bench/bench_check.py [--runs 7] [--dir DIR] [--keep] [--profile]

Generates the large folder of bench/generate.py (5,000 tasks, 300 meetings, 20,000 cost
lines...) unless --dir names one, then runs `python -m cockpit check DIR` (every message
with its source excerpt, and the référentiel gap analysis, as users see it), `-q` (one
line a message) and `-q --no-gaps` (validation alone) --runs times each, output to
/dev/null. The target (issue 2) is a median under 1 s of wall time. --profile prints the top
of a cProfile of one in-process run.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate  # noqa: E402

TARGET = 1.0


def compile_package() -> None:
    """Byte-compile cockpit as pip does when it installs a package, so that each run
    measures cockpit and not the compilation of its sources, which a machine setting
    PYTHONDONTWRITEBYTECODE (this one does) would otherwise redo at every run."""
    import compileall

    import cockpit

    compileall.compile_dir(Path(cockpit.__file__).parent, quiet=1)


def timed(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"cockpit check failed ({done.returncode}):\n{done.stderr}")
    return times


def profile(folder: Path) -> None:
    import cProfile
    import datetime as dt
    import pstats

    from cockpit.check.run import run_check

    profiler = cProfile.Profile()
    profiler.runcall(run_check, folder, today=dt.date(2026, 12, 4))
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dir", type=Path, help="an existing folder to check instead of generating one")
    parser.add_argument("--keep", action="store_true", help="keep the generated folder")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    temporary = None
    folder = args.dir
    if folder is None:
        temporary = tempfile.mkdtemp(prefix="cockpit-bench-")
        folder = generate(Path(temporary) / "usine")
        print(f"dossier généré : {folder}")
    command = [sys.executable, "-m", "cockpit", "check", str(folder)]
    compile_package()
    timed([sys.executable, "-c", "pass"], 1)  # warm the disk cache
    baseline = statistics.median(timed([sys.executable, "-c", "pass"], args.runs))
    failed = False
    for label, extra in (("cockpit check", []), ("cockpit check -q", ["-q"]),
                         ("cockpit check -q --no-gaps", ["-q", "--no-gaps"])):
        times = timed(command + extra, args.runs)
        median = statistics.median(times)
        failed |= median >= TARGET and not extra
        print(f"{label:<26} médiane {median:.3f} s  (min {min(times):.3f}, max {max(times):.3f}, "
              f"{args.runs} exécutions ; démarrage de Python seul : {baseline:.3f} s)")
    if args.profile:
        profile(folder)
    if temporary and not args.keep:
        import shutil

        shutil.rmtree(temporary)
    print(f"objectif : moins de {TARGET:.0f} s — {'NON ATTEINT' if failed else 'atteint'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
