"""Load a project folder into one typed `Project`, with every problem found on the way.

Loading never raises on bad input: each file is read on its own, a broken file
leaves its register empty and says why, and the rest is still read. One reader per file
kind (settings.py, wbs.py, budget.py, registers.py, documents.py) on the shared machinery
of reading.py. Judging what was read (references, cycles, consistency, fields the
référentiel expects) is the check passes' job.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import field
from functools import partial
from pathlib import Path
from typing import Any

from cockpit.diagnostics.diagnostic import Diagnostic
from cockpit.folder.budget import read_budget, read_costs, read_progress
from cockpit.folder.documents import read_decision, read_document, read_evidence, read_meeting
from cockpit.folder.reading import Reading
from cockpit.folder.registers import action, channel, indicator, read_measures, requirement, risk
from cockpit.folder.settings import read_settings
from cockpit.folder.sources import DiskSource, FileSource
from cockpit.folder.wbs import read_wbs
from cockpit.model import Project, Settings
from cockpit.model.immutable import immutable


@immutable
class LoadResult:
    """The project (None when cockpit.toml is missing or unreadable) and what went wrong."""

    project: Project | None
    diagnostics: tuple[Diagnostic, ...]
    texts: dict[str, str] = field(default_factory=dict, compare=False)
    unreadable: frozenset[str] = frozenset()  # files there but not read (syntax, encoding…)

    @property
    def fatal(self) -> bool:
        return self.project is None


def load_project(root: Path | str, source: FileSource | None = None) -> LoadResult:
    """Read every file of the folder; never raises on bad input."""
    root = Path(root)
    r = Reading(source or DiskSource(root))
    settings = read_settings(r)
    if settings is None:
        return LoadResult(None, tuple(r.diagnostics), r.texts)
    project = _project(r, root, settings)
    return LoadResult(project, tuple(r.diagnostics), r.texts, frozenset(r.unreadable))


def _project(r: Reading, root: Path, settings: Settings) -> Project:
    tasks = read_wbs(r)
    budget, lines = read_budget(r)
    return Project(
        root=root,
        settings=settings,
        tasks=tasks,
        budget=budget,
        budget_lines=lines,
        costs=read_costs(r),
        progress=read_progress(r),
        risks=r.register("risks.toml", "risk", "risque", risk),
        actions=r.register("actions.toml", "action", "action", action),
        indicators=r.register("indicators.toml", "indicator", "indicateur", indicator),
        measures=read_measures(r),
        channels=r.register("communication.toml", "channel", "canal", channel),
        requirements=r.register("requirements.toml", "requirement", "exigence", requirement),
        decisions=r.each("decisions", ".toml", partial(read_decision, r)),
        meetings=r.each("meetings", ".md", partial(read_meeting, r)),
        rex=r.each("rex", ".md", partial(read_document, r)),
        docs=r.each("docs", ".md", partial(read_document, r)),
        evidence=read_evidence(r),
        present=frozenset(r.present),
    )


_REGISTERS = {
    "risks.toml": ("risks", "risk", "risque", risk),
    "actions.toml": ("actions", "action", "action", action),
    "indicators.toml": ("indicators", "indicator", "indicateur", indicator),
    "communication.toml": ("channels", "channel", "canal", channel),
    "requirements.toml": ("requirements", "requirement", "exigence", requirement),
}
_JOURNALS = {"costs.csv": ("costs", read_costs), "progress.csv": ("progress", read_progress),
             "measures.csv": ("measures", read_measures),
             "evidence.toml": ("evidence", read_evidence)}


def reload_files(project: Project, changed: Iterable[str], source: FileSource) -> Project | None:
    """`project` with the records of the `changed` files read again, the others kept: what an
    app shows right after its own edit, before the whole folder is loaded and checked again.
    None when a change needs the whole load (cockpit.toml, a file it does not know)."""
    r = Reading(source)
    changes: dict[str, Any] = {}
    present = set(project.present)
    for relative in changed:
        folder, _, name = relative.rpartition("/")
        if relative in _REGISTERS:
            attribute, array, label, build = _REGISTERS[relative]
            changes[attribute] = r.register(relative, array, label, build)
        elif relative in _JOURNALS:
            attribute, read = _JOURNALS[relative]
            changes[attribute] = read(r)
        elif relative == "wbs.toml":
            changes["tasks"] = read_wbs(r)
        elif relative == "budget.toml":
            changes["budget"], changes["budget_lines"] = read_budget(r)
        elif folder == "meetings" and name.endswith(".md"):
            meeting = read_meeting(r, relative)
            kept = [m for m in project.meetings if m.path != relative]
            changes["meetings"] = tuple(sorted(
                [*kept, *([meeting] if meeting is not None else [])], key=lambda m: m.path))
        else:
            return None
        present.discard(relative)
    present |= r.present
    return dataclasses.replace(project, present=frozenset(present), **changes)
