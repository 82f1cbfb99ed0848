"""The project state with its gap report: the one object the CLI, the reports, the validation
passes and the TUI share (the probes, below check, read it as a `ProjectState`)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from cockpit.state import ProjectState

if TYPE_CHECKING:
    from cockpit.diagnostics.diagnostic import Diagnostic
    from cockpit.referentials.gaps import GapReport


class CheckedState(ProjectState):
    """A `ProjectState` whose gap report against the référentiel is computed on first use."""

    @cached_property
    def analysis(self) -> tuple[GapReport, list[Diagnostic]]:
        """The gap report against the référentiel, and the diagnostics of evidence.toml and
        of the référentiel's id (G codes)."""
        from cockpit.check.analysis import analyse

        return analyse(self)

    @property
    def gaps(self) -> GapReport:
        return self.analysis[0]
