"""Time `cockpit report status DIR` as a user runs it: a whole process, several runs, the median.

    python bench/bench_report.py [--runs 7] [--dir DIR] [--tasks 5000] [--all] [--keep]

Generates the large folder of bench/generate.py (5,000 tasks, 300 meetings, 20,000 cost
lines...) unless --dir names one, then runs `python -m cockpit report status DIR` (Markdown
on stdout) --runs times and prints the median wall time. The target (issue 5) is under
2 s. --all also times `cockpit status --format json` and the HTML status and copil
reports (charts drawn by matplotlib), for information.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import compile_package, timed  # noqa: E402  (whole-process runs, same as the check bench)
from generate import generate  # noqa: E402

TARGET = 2.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dir", type=Path, help="an existing folder instead of a generated one")
    parser.add_argument("--tasks", type=int, default=5000)
    parser.add_argument("--all", action="store_true", help="also time status JSON and HTML reports")
    parser.add_argument("--keep", action="store_true", help="keep the generated folder")
    args = parser.parse_args(argv)
    temporary = None
    folder = args.dir
    if folder is None:
        temporary = tempfile.mkdtemp(prefix="cockpit-bench-")
        folder = generate(Path(temporary) / "usine", tasks=args.tasks)
        print(f"dossier généré : {folder}")
    cockpit = [sys.executable, "-m", "cockpit"]
    compile_package()
    timed([sys.executable, "-c", "pass"], 1)  # warm the disk cache
    python = statistics.median(timed([sys.executable, "-c", "pass"], args.runs))
    runs: list[tuple[str, list[str], bool]] = [
        ("cockpit report status", ["report", "status", str(folder)], True)]
    if args.all:
        runs += [("cockpit status --format json", ["status", str(folder), "--format", "json"], False),
                 ("report status --format html", ["report", "status", str(folder), "--format", "html"],
                  False),
                 ("report copil --format html", ["report", "copil", str(folder), "--format", "html"],
                  False)]
    failed = False
    for label, extra, targeted in runs:
        times = timed(cockpit + extra, args.runs)
        median = statistics.median(times)
        failed |= targeted and median >= TARGET
        goal = f" ; objectif < {TARGET:.0f} s" if targeted else ""
        print(f"{label:<30} médiane {median:.3f} s  (min {min(times):.3f}, max {max(times):.3f}, "
              f"{args.runs} exécutions ; Python seul : {python:.3f} s{goal})")
    if temporary and not args.keep:
        shutil.rmtree(temporary)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
