"""A validation pass of `cockpit check`: a function of the project state, and the rules it
may emit. The passes enter the run when their module is listed in check/table.py."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from types import ModuleType
from typing import TYPE_CHECKING

from cockpit.diagnostics.diagnostic import Diagnostic
from cockpit.diagnostics.registry import Rule

if TYPE_CHECKING:
    from cockpit.state import ProjectState

Validate = Callable[["ProjectState"], Iterable[Diagnostic]]


class Pass:
    """A validation pass; calling it runs it. `codes`: the only codes it emits."""

    def __init__(self, function: Validate, codes: tuple[str, ...]) -> None:
        self.function = function
        self.codes = codes
        self.__name__ = function.__name__
        self.__doc__ = function.__doc__

    def __call__(self, state: ProjectState) -> Iterable[Diagnostic]:
        return self.function(state)

    def __repr__(self) -> str:
        return f"Pass({self.__name__}, {', '.join(self.codes)})"


def check(*rules: Rule) -> Callable[[Validate], Pass]:
    """Declare a validation pass and the rules it may emit."""

    def declare(function: Validate) -> Pass:
        return Pass(function, tuple(r.code for r in rules))

    return declare


def passes_of(*modules: ModuleType) -> tuple[Pass, ...]:
    """The passes that the given modules declare, in module order, then definition order."""
    return tuple(value for module in modules for value in vars(module).values()
                 if isinstance(value, Pass))


def enabled_passes(passes: Iterable[Pass], enabled: frozenset[str]) -> Iterator[Pass]:
    """The passes that may emit at least one enabled code."""
    return (p for p in passes if any(code in enabled for code in p.codes))
