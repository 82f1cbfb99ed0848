"""Run `cockpit check`: load, validate with every registered pass, apply `[check]` ignores."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from cockpit.check import rules  # noqa: F401  (registers the passes)
from cockpit.check.registry import CHECKS
from cockpit.check.state import ProjectState, Unreadable
from cockpit.diagnostics.diagnostic import Diagnostic, Severity
from cockpit.diagnostics.registry import RULES, define
from cockpit.folder.sources import FileSource
from cockpit.model import Ignore, Project
from cockpit.referentials.gaps import GapReport

UNUSED_IGNORE = define(
    "C001", Severity.WARNING, "Exception [check] inutilisée",
    "Une exception de [check] ne masque plus aucun diagnostic : le problème a été corrigé, "
    "ou le code ou le fichier est mal écrit. Une exception inutile en cache de futures.",
    '[[check.ignore]]\ncode = "F011"\nfile = "wbs.toml"\nreason = "clé maison"   # plus de F011',
    "Supprimez l'exception.",
)
UNKNOWN_CODE = define(
    "C002", Severity.WARNING, "Code inconnu dans une exception [check]",
    "Le code d'une exception de [check] n'est pas un code de cockpit (voir « cockpit rule »).",
    '[[check.ignore]]\ncode = "F11"    # code = "F011"',
    "Corrigez le code (« cockpit rule » les liste tous).",
)
NOT_IGNORABLE = frozenset({"C001", "C002"})


@dataclass
class CheckResult:
    """What `cockpit check` found; `project` is None when cockpit.toml could not be read."""

    root: Path
    project: Project | None
    diagnostics: list[Diagnostic]
    texts: dict[str, str] = field(default_factory=dict)
    gaps: GapReport | None = None
    state: ProjectState | None = None

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)


def run_check(root: Path | str, *, today: dt.date, gaps: bool = True,
              source: FileSource | None = None) -> CheckResult:
    """Everything `cockpit check` reports; `today` is the status date when cockpit.toml has
    none (the shell's date: the core never reads the clock); `source` (default: the disk) is
    where files are read, e.g. the safe saving API's ProjectFiles, which remembers what it
    read."""
    try:
        state = ProjectState.read(root, today, source=source)
    except Unreadable as error:
        loaded = error.loaded
        if loaded is None:
            return CheckResult(Path(root), None, [])
        return CheckResult(Path(root), None, list(loaded.diagnostics), loaded.texts)
    return check_state(state, gaps=gaps)


def check_state(state: ProjectState, *, gaps: bool = True) -> CheckResult:
    """Run every registered pass on a project state, and the gap analysis unless `gaps` is
    false or the project names no référentiel."""
    diagnostics = list(state.diagnostics)
    for _codes, validate in CHECKS:
        diagnostics.extend(validate(state))
    report = None
    if gaps and state.project.settings.project.referential:
        report, found = state.analysis
        diagnostics.extend(found)
    ordered = sorted(apply_ignores(diagnostics, state.project.settings.ignores),
                     key=lambda d: (d.file, d.line, d.col, d.code))
    return CheckResult(state.root, state.project, ordered, state.texts, report, state)


def apply_ignores(diagnostics: list[Diagnostic], ignores: tuple[Ignore, ...]) -> Iterator[Diagnostic]:
    """Drop what `[check]` ignores (with its reason); report the ignores that served nothing."""
    used: set[int] = set()
    for diagnostic in diagnostics:
        matching = next((i for i, ignore in enumerate(ignores)
                         if diagnostic.code not in NOT_IGNORABLE and ignore.code == diagnostic.code
                         and (not ignore.file or _same_file(ignore.file, diagnostic.file))), None)
        if matching is None:
            yield diagnostic
        else:
            used.add(matching)
    for index, ignore in enumerate(ignores):
        if ignore.code not in RULES:
            yield UNKNOWN_CODE.at(ignore.source.file, ignore.source.line_of("code"),
                                  f"code « {ignore.code} » inconnu")
        elif index not in used and ignore.reason:
            scope = f" pour {ignore.file}" if ignore.file else ""
            yield UNUSED_IGNORE.at(ignore.source.file, ignore.source.line,
                                   f"l'exception {ignore.code}{scope} ne masque aucun diagnostic")


def _same_file(a: str, b: str) -> bool:
    return PurePosixPath(a) == PurePosixPath(b)
