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
    """`file:line:col: CODE severity: message`, with a hint of what to do. Columns are 1-based;
    `end_col` is the column after the spot (0: not known yet, see folder/spans.py)."""

    code: str
    severity: Severity
    file: str
    line: int
    message: str
    hint: str = ""
    col: int = 1
    end_col: int = 0

    def moved(self, file: str, line_offset: int) -> Diagnostic:
        """The same diagnostic for text embedded at `line_offset` in `file`."""
        return replace(self, file=file, line=self.line + line_offset)

    def spanning(self, col: int, end_col: int) -> Diagnostic:
        return replace(self, col=col, end_col=end_col)
