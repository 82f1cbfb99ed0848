"""The registered rules: one stable code each, with a French explanation and an example.

Codes are grouped by letter: F (file format), R (references), K (consistency),
S (schedule), B (budget), P (steering: risks, actions, indicators, variances),
C (the `[check]` configuration itself).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from cockpit.check.diagnostic import Diagnostic, Severity
from cockpit.model.immutable import immutable

if TYPE_CHECKING:
    from cockpit.check.context import CheckContext


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

Check = Callable[["CheckContext"], Iterable[Diagnostic]]
CHECKS: list[tuple[tuple[str, ...], Check]] = []


def define(
    code: str, severity: Severity, title: str, explanation: str, example: str = "", hint: str = ""
) -> Rule:
    """Register a code; each code is defined once."""
    if code in RULES:
        raise ValueError(f"code {code} defined twice")
    rule = Rule(code, severity, title, explanation, example, hint)
    RULES[code] = rule
    return rule


def check(*rules: Rule) -> Callable[[Check], Check]:
    """Register a validation pass that may emit the given rules."""

    def register(function: Check) -> Check:
        CHECKS.append((tuple(r.code for r in rules), function))
        return function

    return register
