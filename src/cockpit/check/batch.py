"""`cockpit check DIR…` on many folders (an exam centre's hundred candidates) in one process.

Each folder is checked exactly as `cockpit check DIR` does and summarised in a `Record`:
the folder, its référentiel, the summary of the JSON output, what a JUnit suite needs, and
`error` when the folder cannot be read. Folders are shared among worker processes forked
from this one, which has already imported cockpit: a worker pays neither Python's start
nor the imports, which are most of the cost of one `cockpit check` per folder. A folder
that cannot be read, or whose check fails inside cockpit, is a record like any other:
it never stops the run. Records come back sorted by folder.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cockpit.check.run import CheckResult, run_check
from cockpit.diagnostics.diagnostic import Severity
from cockpit.referentials.gaps import Status

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2


@dataclass(frozen=True)
class CapacityLine:
    """One capacity of a folder, as a JUnit test case shows it."""

    id: str
    title: str
    status: str  # a Status value
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class Record:
    """What the exam centre learns about one folder (plain data: it crosses processes)."""

    folder: str
    exit_status: int
    referential: dict[str, str] | None = None
    summary: dict[str, Any] | None = None
    error: str = ""
    capacities: tuple[CapacityLine, ...] = ()
    errors: tuple[str, ...] = field(default=())  # "file:line: CODE message" of each error


def summary(result: CheckResult) -> dict[str, Any]:
    """The `summary` object of `cockpit check --format json`."""
    gaps = result.gaps
    return {
        "errors": result.count(Severity.ERROR),
        "warnings": result.count(Severity.WARNING),
        "capacities": {s.value: gaps.count(s) if gaps else 0 for s in Status},
        "ready_for_board": [c.id for c in gaps.capacities if c.status is Status.COVERED]
        if gaps else [],
    }


def exit_status(result: CheckResult, fail_on: str = "error") -> int:
    """The exit status of `cockpit check` for this result (FORMAT.md)."""
    if result.project is None:
        return EXIT_UNUSABLE
    failing = result.count(Severity.ERROR) + (
        result.count(Severity.WARNING) if fail_on == "warning" else 0)
    if failing or (result.gaps is not None and not result.gaps.ready):
        return EXIT_PROBLEMS
    return EXIT_OK


def _unreadable(result: CheckResult) -> str:
    first = next((d for d in result.diagnostics if d.severity is Severity.ERROR), None)
    reason = f" : {first.message}" if first else ""
    return f"pas de cockpit.toml lisible{reason}"


def check_one(folder: str, today: dt.date, fail_on: str = "error", gaps: bool = True,
              enabled: frozenset[str] | None = None) -> Record:
    """Check one folder; never raises (an internal failure is the record's `error`).
    `enabled`: the codes --select/--ignore leave (None: all)."""
    root = Path(folder)
    if not root.is_dir():
        return Record(folder, EXIT_UNUSABLE, error="ce n'est pas un dossier")
    try:
        result = run_check(root, today=today, gaps=gaps, enabled=enabled)
    except Exception as failure:  # a defect of cockpit must not stop a hundred candidates
        return Record(folder, EXIT_UNUSABLE,
                      error=f"erreur interne de cockpit ({type(failure).__name__}) : "
                      "relancez « cockpit check --debug » sur ce dossier et signalez-la")
    errors = tuple(f"{d.file}:{d.line}: {d.code} {d.message}" for d in result.diagnostics
                   if d.severity is Severity.ERROR)
    if result.project is None:
        return Record(folder, EXIT_UNUSABLE, error=_unreadable(result), errors=errors)
    report = result.gaps
    return Record(
        folder, exit_status(result, fail_on),
        referential={"id": report.referential_id, "title": report.referential_title}
        if report else None,
        summary=summary(result),
        capacities=tuple(CapacityLine(c.id, c.title, c.status.value,
                                      tuple(f"{k.id} {k.text}" for k in c.criteria
                                            if k.status is not Status.COVERED))
                         for c in report.capacities) if report else (),
        errors=errors)


def _check_star(args: tuple[str, dt.date, str, bool, frozenset[str] | None]) -> Record:
    return check_one(*args)


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_many(folders: Sequence[str], today: dt.date, *, jobs: int = 0, fail_on: str = "error",
               gaps: bool = True, enabled: frozenset[str] | None = None) -> list[Record]:
    """Every folder checked, on `jobs` processes (0: one per core), sorted by folder."""
    work = [(folder, today, fail_on, gaps, enabled) for folder in sorted(set(folders))]
    workers = min(jobs or cores(), len(work))
    if workers <= 1:
        return [_check_star(item) for item in work]
    import multiprocessing  # here: a single `cockpit check` never pays for these imports
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers start with cockpit already imported (forkserver and spawn would import
    # it again in each); where fork does not exist, the default start method is used.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, len(work) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(_check_star, work, chunksize=chunk))


def worst(records: Sequence[Record]) -> int:
    """The run's exit status: the worst of its folders' (0 for no folder)."""
    return max((r.exit_status for r in records), default=EXIT_OK)
