"""What the views show: one immutable snapshot of the folder, computed by the core.

This module is glue, not logic: it calls the core (check, schedule, load, baselines,
finance when it exists) and packages the results for the screens. It is imported by
the loading worker only, so the core's modules are never imported before first paint.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cockpit.check.run import CheckResult
    from cockpit.check.state import CheckedState
    from cockpit.diagnostics.diagnostic import Diagnostic
    from cockpit.finance import CurvePoint, EvmReport
    from cockpit.folder.save import ProjectFiles
    from cockpit.model import Project
    from cockpit.referentials.gaps import GapReport
    from cockpit.schedule import Schedule
    from cockpit.schedule.baseline import Baseline
    from cockpit.schedule.load import Load

# Files and folders whose change on disk triggers a reload.
WATCHED_SUFFIXES = (".toml", ".md", ".csv")
WATCHED_DIRS = ("", "meetings", "rex", "docs", "decisions", "baselines")


@dataclass(frozen=True)
class Snapshot:
    """The folder as the views show it at one moment: what `cockpit check` found (the project
    state, its diagnostics and gap report), and what is the app's own: `generation`, which grows
    on every reload, the latest baseline, the files as the editor read them, their mtimes."""

    root: Path
    generation: int
    today: dt.date
    checked: CheckResult | None = None  # None after an internal error of the core
    baseline: Baseline | None = None
    files: ProjectFiles | None = None
    mtimes: dict[str, float] = field(default_factory=dict)
    waiting: tuple[str, ...] = ()  # core features not available yet, in French
    failed: frozenset[str] = frozenset()  # the state's parts whose computing failed
    error: str = ""  # an internal error of the core, in French

    @property
    def state(self) -> CheckedState | None:
        return self.checked.state if self.checked is not None else None

    @property
    def project(self) -> Project | None:
        return self.checked.project if self.checked is not None else None

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.checked.diagnostics if self.checked is not None else []

    @property
    def texts(self) -> dict[str, str]:
        return self.checked.texts if self.checked is not None else {}

    @property
    def gaps(self) -> GapReport | None:
        return self.checked.gaps if self.checked is not None else None

    @property
    def status_date(self) -> dt.date:
        return self.state.status_date if self.state is not None else self.today

    @property
    def schedule(self) -> Schedule | None:
        return self.state.schedule if self.state is not None and "schedule" not in self.failed else None

    @property
    def load(self) -> Load | None:
        return self.state.load if self.state is not None and "schedule" not in self.failed else None

    @property
    def evm(self) -> EvmReport | None:
        return self.state.dashboard.evm if self._earned else None

    @property
    def curve(self) -> tuple[CurvePoint, ...]:
        return self.state.dashboard.curve if self._earned else ()

    @property
    def _earned(self) -> bool:
        return self.state is not None and not {"schedule", "dashboard"} & self.failed

    def count(self, severity: str) -> int:
        return sum(1 for d in self.diagnostics if d.severity.value == severity)


def scan_mtimes(root: Path) -> dict[str, float]:
    """Modification times of the folder's files, by relative path (the watcher compares them)."""
    found: dict[str, float] = {}
    for folder in WATCHED_DIRS:
        base = root / folder if folder else root
        try:
            entries = os.scandir(base)
        except OSError:
            continue
        with entries:
            for entry in entries:
                if entry.name.endswith(WATCHED_SUFFIXES) and entry.is_file():
                    name = f"{folder}/{entry.name}" if folder else entry.name
                    try:
                        found[name] = entry.stat().st_mtime_ns
                    except OSError:
                        continue
    return found


def load_snapshot(root: Path, generation: int, today: dt.date) -> Snapshot:
    """Load and check the folder and compute what every view needs; never raises."""
    mtimes = scan_mtimes(root)
    try:
        from cockpit.check.run import run_check
        from cockpit.folder.save import ProjectFiles

        files = ProjectFiles(root)
        checked = run_check(root, today=today, source=files)
    except Exception as error:  # noqa: BLE001 - the app must open and say why
        return Snapshot(root, generation, today, mtimes=mtimes,
                        error=f"erreur interne de cockpit en lisant le dossier : {error!r}")
    if checked.state is None:
        return Snapshot(root, generation, today, checked, mtimes=mtimes, files=files)
    waiting, failed = _compute(checked.state)
    baseline = None
    try:
        baseline = _latest_baseline(root)
    except Exception as error:  # noqa: BLE001
        waiting.append(f"planning : erreur interne ({error!r})")
    return Snapshot(root, generation, today, checked, baseline, files, mtimes, tuple(waiting),
                    failed)


def _compute(state: CheckedState) -> tuple[list[str], frozenset[str]]:
    """Compute in the worker the state's parts the views show, so that no view computes them;
    a part stopped by an internal error of the core is said in French and left out, with the
    parts that need it."""
    try:
        _ = state.load  # computed with the schedule it needs
    except Exception as error:  # noqa: BLE001
        return [f"planning : erreur interne ({error!r})"], frozenset({"schedule", "dashboard"})
    try:
        _ = state.dashboard.evm, state.dashboard.curve
    except Exception as error:  # noqa: BLE001
        return [f"valeur acquise : erreur interne ({error!r})"], frozenset({"dashboard"})
    return [], frozenset()


SCHEDULE_FILES = frozenset({"wbs.toml"})
# Earned value also depends on wbs.toml, but a task edited, inserted, moved or deleted leaves
# the WBS's progress column as it was: its earned value waits for the full reload (0.1 s
# saved on 5,000 tasks, where an edit must show within 0.5 s).
FINANCE_FILES = frozenset({"budget.toml", "costs.csv", "progress.csv"})


def quick_snapshot(previous: Snapshot, saved: tuple[str, ...], generation: int) -> Snapshot | None:
    """What the app shows right after its own edit: `previous` with the saved files read
    again, and the schedule, load and earned value computed again only when those files bear
    on them (FINANCE_FILES). Diagnostics and gaps stay those of `previous` until the full
    reload that follows. None when the edit needs the full reload (cockpit.toml…)."""
    import dataclasses

    from cockpit.collector import collector_paused
    from cockpit.folder.loader import reload_files

    state = previous.state
    if state is None or previous.checked is None or previous.files is None or previous.failed:
        return None
    texts = dict(state.texts)
    try:
        # thousands of new records and no cycle: the collector would scan them, and all the
        # app's objects, again and again (a third of the time on 5,000 tasks)
        with collector_paused():
            project = reload_files(state.project, saved, previous.files)
            if project is None:
                return None
            for name in saved:
                text = previous.files.read_text(name) if name.endswith(".md") else None
                if text is not None:
                    texts[name] = text
            changed = set(saved)
            kept = ["analysis"]
            if not changed & SCHEDULE_FILES:
                kept += ["calendar", "schedule", "load"]
            if not changed & FINANCE_FILES:
                kept.append("dashboard")
            edited = state.edited(project, texts, kept)
            if _compute(edited)[1]:
                return None
    except Exception:  # noqa: BLE001 - the full reload that follows says what went wrong
        return None
    checked = dataclasses.replace(previous.checked, project=project, texts=texts, state=edited)
    return dataclasses.replace(previous, generation=generation, checked=checked)


def _latest_baseline(root: Path) -> Baseline | None:
    from cockpit.schedule.baseline import BASELINE_DIR, BaselineError, load_baseline

    files = sorted((root / BASELINE_DIR).glob("*.toml"), key=lambda p: p.stat().st_mtime)
    if not files:
        return None
    try:
        return load_baseline(root, files[-1].stem)
    except BaselineError:
        return None

