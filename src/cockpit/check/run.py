"""Run `cockpit check`: load, validate with the passes of the enabled codes, apply `[check]`
ignores."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cockpit.check.registry import enabled_passes
from cockpit.check.rules.configuration import apply_ignores
from cockpit.check.state import CheckedState
from cockpit.check.table import PASSES, RULES
from cockpit.diagnostics.diagnostic import Diagnostic, Severity
from cockpit.folder.sources import FileSource
from cockpit.model import Project
from cockpit.referentials.gaps import GapReport
from cockpit.state import Unreadable


@dataclass
class CheckResult:
    """What `cockpit check` found; `project` is None when cockpit.toml could not be read."""

    root: Path
    project: Project | None
    diagnostics: list[Diagnostic]
    texts: dict[str, str] = field(default_factory=dict)
    gaps: GapReport | None = None
    state: CheckedState | None = None

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)


def run_check(root: Path | str, *, today: dt.date, gaps: bool = True,
              source: FileSource | None = None,
              enabled: frozenset[str] | None = None) -> CheckResult:
    """Everything `cockpit check` reports; `today` is the status date when cockpit.toml has
    none (the shell's date: the core never reads the clock); `source` (default: the disk) is
    where files are read, e.g. the safe saving API's ProjectFiles, which remembers what it
    read; `enabled` (default: every code) the codes to report, from `RULES.select`."""
    try:
        state = CheckedState.read(root, today, source=source)
    except Unreadable as error:
        loaded = error.loaded
        if loaded is None:
            return CheckResult(Path(root), None, [])
        return CheckResult(Path(root), None, located(_only(loaded.diagnostics, enabled), loaded.texts),
                           loaded.texts)
    return check_state(state, gaps=gaps, enabled=enabled)


def check_state(state: CheckedState, *, gaps: bool = True,
                enabled: frozenset[str] | None = None) -> CheckResult:
    """Run the passes of the enabled codes on a project state, and the gap analysis unless
    `gaps` is false or the project names no référentiel."""
    codes = frozenset(RULES) if enabled is None else enabled
    diagnostics = list(state.diagnostics)
    for validate in enabled_passes(PASSES, codes):
        diagnostics.extend(validate(state))
    report = None
    if gaps and state.project.settings.project.referential:
        report, found = state.analysis
        diagnostics.extend(found)
    kept = apply_ignores(without_consequences(diagnostics, state.unreadable),
                         state.project.settings.ignores, RULES, codes)
    # A file that could not be read comes first: it is the cause of what is missing.
    ordered = sorted(located(_only(kept, enabled), state.texts),
                     key=lambda d: (d.file not in state.unreadable, d.file, d.line, d.col, d.code))
    return CheckResult(state.root, state.project, ordered, state.texts, report, state)


# What an unreadable register leaves unknown: the references to its records, reported in
# other files, are consequences of the one error that says why the file was not read.
CONSEQUENCES = {"wbs.toml": frozenset({"R001"}), "actions.toml": frozenset({"R003", "K001"}),
                "indicators.toml": frozenset({"R004"}), "costs.csv": frozenset({"B002"}),
                "measures.csv": frozenset({"P005", "P013"})}


def without_consequences(diagnostics: list[Diagnostic],
                         unreadable: frozenset[str]) -> list[Diagnostic]:
    dropped = frozenset().union(*(CONSEQUENCES.get(f, frozenset()) for f in unreadable))
    if not dropped:
        return diagnostics
    return [d for d in diagnostics if d.code not in dropped]


def _only(diagnostics: Iterable[Diagnostic], enabled: frozenset[str] | None) -> list[Diagnostic]:
    if enabled is None:
        return list(diagnostics)
    return [d for d in diagnostics if d.code in enabled]


def located(diagnostics: list[Diagnostic], texts: dict[str, str]) -> list[Diagnostic]:
    """Each diagnostic with the columns of what it points at in its line (folder/spans.py).
    A column the reader found itself (a byte that is not UTF-8, a TOML syntax error) stays."""
    from cockpit.folder.spans import span

    lines: dict[str, list[str]] = {}
    out = []
    for d in diagnostics:
        if d.end_col:
            out.append(d)
            continue
        csv = d.file.endswith(".csv")
        if d.col > 1 and not csv:
            out.append(d.spanning(d.col, d.col + 1))
            continue
        if d.file not in lines:
            lines[d.file] = texts.get(d.file, "").splitlines()
        file_lines = lines[d.file]
        if 1 <= d.line <= len(file_lines):
            out.append(d.spanning(*span(file_lines[d.line - 1], d.message, csv)))
        else:
            out.append(d)
    return out
