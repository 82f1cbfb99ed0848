"""Count how many generated projects agree with TaskJuggler: `python tests/tj3/compare.py N`."""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tj3.projects import Shape, compare, tj3_available  # noqa: E402


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 100
    seed = int(argv[1]) if len(argv) > 1 else 0
    if not tj3_available():
        print("tj3 is not installed")
        return 2
    agree = 0
    for k in range(count):
        rng = random.Random(seed + k)
        shape = Shape(tasks=rng.randint(5, 60), deps_per_task=rng.choice((0.8, 1.5, 2.5)))
        from tj3.projects import random_project

        try:
            diffs = compare(random_project(rng, shape))
        except RuntimeError as error:
            diffs = [str(error)]
        if diffs:
            print(f"seed {seed + k}: {len(diffs)} differences")
            for line in diffs[:5]:
                print("   ", line)
        else:
            agree += 1
    print(f"{agree}/{count} projects agree day for day with tj3")
    return 0 if agree == count else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
