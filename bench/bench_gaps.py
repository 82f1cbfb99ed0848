"""Time the référentiel gap analysis alone on the large generated folder (issue 12).

    python bench/bench_gaps.py [--runs 7] [--dir DIR]

Generates the folder of bench/generate.py (5,000 tasks, 300 meetings…) unless --dir names
one; each run is a fresh process that reads the folder, computes the schedule and the load
(which the rest of `cockpit check` needs anyway), then times `analyse` alone in CPU time
(the host's wall time varies twofold with its load). Target: a median under 0.1 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate  # noqa: E402

TARGET = 0.1
ONE_RUN = """
import datetime as dt, sys, time
from pathlib import Path
from cockpit.check.analysis import analyse
from cockpit.state import ProjectState
state = ProjectState.read(Path(sys.argv[1]), dt.date(2026, 12, 4))
state.schedule, state.load
start = time.process_time()
analyse(state)
print(time.process_time() - start)
"""


def measure(folder: Path, runs: int) -> list[float]:
    return [float(subprocess.run([sys.executable, "-c", ONE_RUN, str(folder)], check=True,
                                 capture_output=True, text=True).stdout)
            for _ in range(runs)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dir", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.dir or generate(Path(temporary) / "usine")
        times = measure(folder, args.runs)
    median = statistics.median(times)
    print(f"analyse des écarts  médiane {median:.3f} s de calcul (min {min(times):.3f}, "
          f"max {max(times):.3f}, {len(times)} exécutions)")
    print(f"objectif : moins de {TARGET:g} s — {'atteint' if median < TARGET else 'MANQUÉ'}")
    return 0 if median < TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
