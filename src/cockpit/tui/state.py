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
    """The folder as the core sees it at one moment; `generation` grows on every reload."""

    root: Path
    generation: int
    today: dt.date
    project: Project | None
    diagnostics: tuple[Diagnostic, ...] = ()
    schedule: Schedule | None = None
    load: Load | None = None
    baseline: Baseline | None = None
    gaps: GapReport | None = None
    evm: EvmReport | None = None
    curve: tuple[CurvePoint, ...] = ()
    files: ProjectFiles | None = None
    texts: dict[str, str] = field(default_factory=dict)
    mtimes: dict[str, float] = field(default_factory=dict)
    waiting: tuple[str, ...] = ()  # core features not available yet, in French
    error: str = ""  # an internal error of the core, in French

    @property
    def status_date(self) -> dt.date:
        if self.project is not None and self.project.settings.project.status_date:
            return self.project.settings.project.status_date
        return self.today

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
    waiting: list[str] = []
    try:
        from cockpit.check.run import run_check
        from cockpit.folder.save import ProjectFiles

        files = ProjectFiles(root)
        result = run_check(root, today=today, source=files)
    except Exception as error:  # noqa: BLE001 - the app must open and say why
        return Snapshot(root, generation, today, None, mtimes=mtimes,
                        error=f"erreur interne de cockpit en lisant le dossier : {error!r}")
    project = result.project
    if project is None:
        return Snapshot(root, generation, today, None, tuple(result.diagnostics), texts=result.texts,
                        mtimes=mtimes, waiting=tuple(waiting), files=files)
    state = result.state
    schedule = load = baseline = evm = None
    try:
        if state is not None:
            schedule = state.schedule
            load = state.load
        baseline = _latest_baseline(root)
    except Exception as error:  # noqa: BLE001
        waiting.append(f"planning : erreur interne ({error!r})")
    evm = curve = None
    if schedule is not None and state is not None:
        try:
            evm = state.dashboard.evm
            curve = state.dashboard.curve
        except Exception as error:  # noqa: BLE001
            waiting.append(f"valeur acquise : erreur interne ({error!r})")
    return Snapshot(
        root, generation, today, project, tuple(result.diagnostics), schedule=schedule, load=load,
        baseline=baseline, gaps=result.gaps, evm=evm, curve=curve or (), texts=result.texts,
        mtimes=mtimes, waiting=tuple(waiting), files=files)


SCHEDULE_FILES = frozenset({"wbs.toml"})
FINANCE_FILES = frozenset({"wbs.toml", "budget.toml", "costs.csv", "progress.csv"})


def quick_snapshot(previous: Snapshot, saved: tuple[str, ...], generation: int) -> Snapshot | None:
    """What the app shows right after its own edit: `previous` with the saved files read
    again, and the schedule, load and earned value computed again only when those files bear
    on them. Diagnostics and gaps stay those of `previous` until the full reload that
    follows. None when the edit needs the full reload (cockpit.toml…)."""
    import dataclasses

    from cockpit.folder.loader import reload_files

    if previous.project is None or previous.files is None:
        return None
    try:
        project = reload_files(previous.project, saved, previous.files)
        if project is None:
            return None
        changed = set(saved)
        schedule, load, evm, curve = previous.schedule, previous.load, previous.evm, previous.curve
        if changed & SCHEDULE_FILES:
            from cockpit.state import ProjectState

            state = ProjectState(project, previous.today)
            schedule, load = state.schedule, state.load
        if changed & FINANCE_FILES and schedule is not None:
            from cockpit.steering.dashboard import Dashboard

            board = Dashboard(project, previous.today, schedule)
            evm, curve = board.evm, tuple(board.curve)
    except Exception:  # noqa: BLE001 - the full reload that follows says what went wrong
        return None
    texts = dict(previous.texts)
    for name in saved:
        text = previous.files.read_text(name) if name.endswith(".md") else None
        if text is not None:
            texts[name] = text
    return dataclasses.replace(previous, generation=generation, project=project,
                               schedule=schedule, load=load, evm=evm, curve=curve, texts=texts)


def _latest_baseline(root: Path) -> Baseline | None:
    from cockpit.schedule.baseline import BASELINE_DIR, BaselineError, load_baseline

    files = sorted((root / BASELINE_DIR).glob("*.toml"), key=lambda p: p.stat().st_mtime)
    if not files:
        return None
    try:
        return load_baseline(root, files[-1].stem)
    except BaselineError:
        return None

