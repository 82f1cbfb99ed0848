"""A diagnostic: one problem, where it is, and what to do about it."""

from __future__ import annotations

from dataclasses import replace
from enum import Enum

from cockpit.model.immutable import immutable


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def french(self) -> str:
        return {"error": "erreur", "warning": "avertissement"}[self.value]


@immutable
class Diagnostic:
    """`file:line:col: CODE severity: message`, with a hint of what to do."""

    code: str
    severity: Severity
    file: str
    line: int
    message: str
    hint: str = ""
    col: int = 1

    def moved(self, file: str, line_offset: int) -> Diagnostic:
        """The same diagnostic for text embedded at `line_offset` in `file`."""
        return replace(self, file=file, line=self.line + line_offset)
