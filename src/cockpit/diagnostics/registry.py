"""The rule table: one stable code per rule, with a French explanation and an example.

Codes are grouped by letter: F (file format), R (references), K (consistency),
S (schedule), B (budget), P (steering: risks, actions, indicators, variances),
C (the `[check]` configuration itself), G (référentiel and gaps).
"""

from __future__ import annotations

from cockpit.diagnostics.diagnostic import Diagnostic, Severity
from cockpit.model.immutable import immutable


@immutable
class Rule:
    """A stable code, its severity, and what `cockpit rule CODE` prints."""

    code: str
    severity: Severity
    title: str
    explanation: str
    example: str = ""
    hint: str = ""

    def at(
        self, file: str, line: int, message: str, hint: str = "", col: int = 1
    ) -> Diagnostic:
        return Diagnostic(self.code, self.severity, file, max(line, 1), message,
                          hint or self.hint, col)


RULES: dict[str, Rule] = {}


def define(
    code: str, severity: Severity, title: str, explanation: str, example: str = "", hint: str = ""
) -> Rule:
    """Register a code; each code is defined once."""
    if code in RULES:
        raise ValueError(f"code {code} defined twice")
    rule = Rule(code, severity, title, explanation, example, hint)
    RULES[code] = rule
    return rule
