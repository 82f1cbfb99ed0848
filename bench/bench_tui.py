"""Time to first paint of the Textual cockpit, edits, and Gantt/WBS scrolling on a big folder.

    python bench/bench_tui.py [--tasks 5000] [--keep DIR]

For every shipped example and a generated 5,000-task folder (bench/generate.py), a fresh
Python process opens the app headless and reports: time from interpreter start to the
first `on_ready` (targets: < 1 s on the examples, < 2 s on the big folder), time until
the folder is loaded and checked (in a worker: the app is usable meanwhile); the time of
edits typed with real keys, from the key that saves until the view shows the change (the
file written, read again, the view rebuilt; targets: < 0.2 s on the examples, < 0.5 s on
the big folder): a new action, then in the WBS a duration typed in its cell, a task
inserted, put under the task above it, deleted (the best of three); and, on the big
folder, the mean time of a key press scrolling the Gantt and the WBS, with the number of
lines drawn (Line-API views with cached strips: a key redraws a few lines, not the table);
the CPU time per key leaves out the test pilot's idle waits.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FIRST_PAINT = {"example": 1.0, "big": 2.0}
EDIT = {"example": 0.2, "big": 0.5}  # an edit on screen


def child(folder: str, scroll: bool) -> None:
    """Runs in its own interpreter: cold imports count."""
    import asyncio
    import datetime as dt

    from cockpit.tui.app import CockpitApp

    marks: dict[str, float] = {}

    class Timed(CockpitApp):
        def on_ready(self) -> None:
            marks.setdefault("ready", time.perf_counter() - T0)

        def watch_snapshot(self, snapshot):  # type: ignore[no-untyped-def]
            super().watch_snapshot(snapshot)
            if snapshot is not None:
                marks.setdefault("loaded", time.perf_counter() - T0)

    async def run() -> None:
        app = Timed(folder, today=dt.date(2026, 12, 4), watch_interval=0)
        async with app.run_test(size=(160, 50)) as pilot:
            while "loaded" not in marks:
                await pilot.pause(0.01)
            await settle(app, pilot)
            await edit(app, pilot)
            await wbs_edits(app, pilot)
            if scroll:
                from cockpit.tui.widgets.gantt_chart import GanttChart

                await pilot.press("g")
                await pilot.pause()
                chart = app.screen.query_one(GanttChart)
                drawn = chart.rendered_lines
                start, cpu = time.perf_counter(), time.process_time()
                for key in ["down"] * 100 + ["pagedown"] * 50 + ["right"] * 20:
                    await pilot.press(key)
                marks["gantt_key_ms"] = (time.perf_counter() - start) / 170 * 1000
                marks["gantt_cpu_ms"] = (time.process_time() - cpu) / 170 * 1000
                marks["gantt_lines_per_key"] = (chart.rendered_lines - drawn) / 170
                from cockpit.tui.widgets.wbs_table import WbsTable

                await pilot.press("w")
                await pilot.pause()
                table = app.screen.query_one(WbsTable)
                drawn = table.rendered_lines
                start, cpu = time.perf_counter(), time.process_time()
                for key in ["down"] * 100 + ["pagedown"] * 50:
                    await pilot.press(key)
                marks["wbs_key_ms"] = (time.perf_counter() - start) / 150 * 1000
                marks["wbs_cpu_ms"] = (time.process_time() - cpu) / 150 * 1000
                marks["wbs_lines_per_key"] = (table.rendered_lines - drawn) / 150

    async def settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
        """Until no edit, no reload is under way (the full reload follows an edit)."""
        while True:
            await pilot.pause()
            busy = [w for w in app.workers if not w.is_finished]
            if not busy:
                await pilot.pause()
                if all(w.is_finished for w in app.workers):
                    return
            else:
                await app.workers.wait_for_complete(busy)

    async def on_screen(app, pilot, screen, key: str, done) -> float:  # type: ignore[no-untyped-def]
        """Press `key` (the one that saves) and wait until `screen` shows the edit (`done()`
        is true after it rebuilt itself): the file written, read again, the view rebuilt."""
        seen: dict[str, float] = {}
        present = screen.present

        def timed(snapshot):  # type: ignore[no-untyped-def]
            present(snapshot)  # the view is rebuilt: stamp the moment it is done
            if done():
                seen.setdefault("at", time.perf_counter())

        screen.present = timed  # type: ignore[method-assign]
        start = time.perf_counter()
        await pilot.press(key)
        while "at" not in seen:
            await pilot.pause(0.002)
        await settle(app, pilot)
        del screen.present
        return seen["at"] - start

    async def opened(app, pilot, key: str):  # type: ignore[no-untyped-def]
        await pilot.press(key)
        await settle(app, pilot)
        return app.screen

    async def edit(app, pilot) -> None:  # type: ignore[no-untyped-def]
        """A new action typed in its form: time from Enter until the view shows it."""
        from textual.widgets import DataTable

        screen = await opened(app, pilot, "a")
        table = screen.query_one(DataTable)
        await pilot.press("n")
        await pilot.pause()
        for key in "Mesurer le temps d'une modification":
            await pilot.press(key)
        marks["edit_s"] = await on_screen(
            app, pilot, screen, "enter", lambda: any(
                "Mesurer le temps" in str(table.get_row_at(r)) for r in range(table.row_count)))

    async def wbs_edits(app, pilot, rounds: int = 3) -> None:  # type: ignore[no-untyped-def]
        """In the WBS: a duration typed in its cell, a task inserted after the cursor, the
        task put under the one above it (indent), then deleted; each timed from the key
        that saves until the table shows it; the best of `rounds` (on a shared machine the
        best is the least disturbed)."""
        from cockpit.tui.widgets.wbs_table import WbsTable

        screen = await opened(app, pilot, "w")
        table = screen.query_one(WbsTable)
        times: dict[str, list[float]] = {}

        async def one_round(duration: str, new: str) -> None:
            table.move_to(5, 2)
            await pilot.press("enter", *duration)
            await pilot.pause()
            times.setdefault("field", []).append(await on_screen(
                app, pilot, screen, "enter", lambda: table.get_row_at(5)[2] == duration))
            above = screen.ids[5]
            await pilot.press("n")
            await pilot.pause()
            await pilot.press(*"Tâche du banc", "shift+tab", *new)
            times.setdefault("insert", []).append(await on_screen(
                app, pilot, screen, "enter", lambda: new in screen.ids))
            table.move_to(screen.ids.index(new))
            await pilot.pause()
            times.setdefault("indent", []).append(await on_screen(
                app, pilot, screen, "greater_than_sign",
                lambda: screen.tasks[new].parent == above))
            table.move_to(screen.ids.index(new))
            await pilot.press("delete")
            await pilot.pause()
            times.setdefault("delete", []).append(await on_screen(
                app, pilot, screen, "o", lambda: new not in screen.ids))

        for n in range(rounds):
            await one_round(f"{12 + n}j", f"banc{n}")
        for kind, measured in times.items():
            marks[f"wbs_{kind}_s"] = min(measured)

    asyncio.run(run())
    print(json.dumps(marks))


def measure(folder: Path, scroll: bool = False) -> dict[str, float]:
    """Runs the child on a copy: the edit it times writes to the folder."""
    import shutil

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / folder.name
        shutil.copytree(folder, copy)
        return _measure(copy, scroll)


def _measure(folder: Path, scroll: bool) -> dict[str, float]:
    args = [sys.executable, str(Path(__file__).resolve()), "--child", str(folder)]
    if scroll:
        args.append("--scroll")
    out = subprocess.run(args, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


WBS_EDITS = (("field", "durée"), ("insert", "insertion"), ("indent", "niveau"),
             ("delete", "suppression"))


def wbs_line(marks: dict[str, float], limit: float) -> bool:
    """Print the WBS edits' times; False when one is over `limit`."""
    slow = [label for key, label in WBS_EDITS if marks[f"wbs_{key}_s"] >= limit]
    print("  WBS, jusqu'à l'écran : " + ", ".join(
        f"{label} {marks[f'wbs_{key}_s']:.3f} s" for key, label in WBS_EDITS)
        + (f"  > {limit:g} s !" if slow else ""))
    return not slow


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child")
    parser.add_argument("--scroll", action="store_true")
    parser.add_argument("--tasks", type=int, default=5000)
    parser.add_argument("--keep", help="generate the big folder here and keep it")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.scroll)
        return 0
    sys.path.insert(0, str(HERE))
    from bench_check import compile_package

    compile_package()
    failed = False
    print(f"{'dossier':<34} {'1er affichage':>14} {'chargé':>10} {'modification':>14}")
    for folder in sorted((ROOT / "examples").iterdir()):
        if not (folder / "cockpit.toml").is_file():
            continue
        marks = measure(folder)
        ok = marks["ready"] < FIRST_PAINT["example"]
        fast = marks["edit_s"] < EDIT["example"]
        failed |= not ok or not fast
        print(f"{folder.name:<34} {marks['ready']:>12.3f} s {marks['loaded']:>8.3f} s"
              f" {marks['edit_s']:>12.3f} s{'' if ok else '  > 1 s !'}"
              f"{'' if fast else '  modification > 0,2 s !'}")
        failed |= not wbs_line(marks, EDIT["example"])
    generate = HERE / "generate.py"
    if not generate.is_file():
        print("bench/generate.py absent : dossier de 5 000 tâches non mesuré")
        return 1 if failed else 0
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(args.keep) if args.keep else Path(tmp) / "big"
        if not (big / "cockpit.toml").is_file():
            subprocess.run([sys.executable, str(generate), str(big), "--tasks", str(args.tasks)],
                           check=True, cwd=ROOT, capture_output=True)
        marks = measure(big, scroll=True)
        ok = marks["ready"] < FIRST_PAINT["big"]
        fast = marks["edit_s"] < EDIT["big"]
        failed |= not ok or not fast
        print(f"{f'{args.tasks} tâches':<34} {marks['ready']:>12.3f} s {marks['loaded']:>8.3f} s"
              f" {marks['edit_s']:>12.3f} s{'' if ok else '  > 2 s !'}"
              f"{'' if fast else '  modification > 0,5 s !'}")
        failed |= not wbs_line(marks, EDIT["big"])
        for view in ("gantt", "wbs"):
            print(f"  {view.upper() if view == 'wbs' else 'Gantt'} : "
                  f"{marks[f'{view}_key_ms']:.1f} ms par touche (dont attente du pilote), "
                  f"{marks[f'{view}_cpu_ms']:.1f} ms de CPU, "
                  f"{marks[f'{view}_lines_per_key']:.1f} lignes dessinées par touche")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
