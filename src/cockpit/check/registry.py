"""The validation passes of `cockpit check`, each registered with the rules it may emit."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from cockpit.diagnostics.diagnostic import Diagnostic
from cockpit.diagnostics.registry import Rule

if TYPE_CHECKING:
    from cockpit.check.state import ProjectState

Check = Callable[["ProjectState"], Iterable[Diagnostic]]
CHECKS: list[tuple[tuple[str, ...], Check]] = []


def check(*rules: Rule) -> Callable[[Check], Check]:
    """Register a validation pass that may emit the given rules."""

    def register(function: Check) -> Check:
        CHECKS.append((tuple(r.code for r in rules), function))
        return function

    return register
