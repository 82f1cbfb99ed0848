"""The rule table: one stable code per rule, with a French explanation and an example.

A rule is plain data (`define` makes one and registers nothing); the table of every code is
assembled explicitly from the modules that define them (check/table.py). Codes are grouped
by their letter, like ruff's linters: `--select P` takes the whole steering group, `S00`
the schedule codes S001…S009, `S003` one code.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from types import ModuleType

from cockpit.diagnostics.diagnostic import Diagnostic, Severity
from cockpit.model.immutable import immutable

GROUPS = {
    "F": "format des fichiers",
    "R": "références",
    "K": "cohérence entre registres",
    "S": "planning",
    "B": "budget",
    "P": "pilotage",
    "C": "configuration de [check]",
    "G": "référentiel et preuves",
}


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

    @property
    def group(self) -> str:
        return self.code[0]


def define(
    code: str, severity: Severity, title: str, explanation: str, example: str = "", hint: str = ""
) -> Rule:
    """A rule; it enters the table when its module is listed in check/table.py."""
    return Rule(code, severity, title, explanation, example, hint)


class UnknownSelector(ValueError):
    """A --select or --ignore item that names no code; the message is French."""


class RuleTable:
    """Every rule by code; each code once, in a known group."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self._rules: dict[str, Rule] = {}
        for rule in rules:
            if rule.code in self._rules:
                raise ValueError(f"code {rule.code} defined twice")
            if rule.group not in GROUPS:
                raise ValueError(f"code {rule.code} outside the groups {', '.join(GROUPS)}")
            self._rules[rule.code] = rule

    @classmethod
    def collect(cls, *modules: ModuleType) -> RuleTable:
        """The rules that the given modules hold at their top level (a rule one module
        imports from another counts once)."""
        found: dict[int, Rule] = {}
        for module in modules:
            for value in vars(module).values():
                if isinstance(value, Rule):
                    found.setdefault(id(value), value)
        return cls(found.values())

    def __contains__(self, code: object) -> bool:
        return code in self._rules

    def __getitem__(self, code: str) -> Rule:
        return self._rules[code]

    def get(self, code: str) -> Rule | None:
        return self._rules.get(code)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._rules))

    def __len__(self) -> int:
        return len(self._rules)

    def matching(self, prefix: str) -> list[str]:
        """The codes that start with `prefix` (a code, a group letter, or a code's start)."""
        return [code for code in self if code.startswith(prefix)]

    def select(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> frozenset[str]:
        """The enabled codes, as ruff decides: every code when `select` is empty; for each code
        the longest matching selector wins, an ignore over a select of the same length.
        Raises UnknownSelector for an item that matches no code."""
        chosen = [s.strip().upper() for s in select if s.strip()]
        dropped = [s.strip().upper() for s in ignore if s.strip()]
        for item in (*chosen, *dropped):
            if item != "ALL" and not self.matching(item):
                raise UnknownSelector(f"« {item} » ne désigne aucun code (« cockpit rule » les "
                                      "liste tous)")
        enabled = set()
        for code in self:
            take = max((_weight(s) for s in chosen if s == "ALL" or code.startswith(s)),
                       default=-1 if chosen else 0)
            drop = max((_weight(s) for s in dropped if s == "ALL" or code.startswith(s)),
                       default=-1)
            if take >= 0 and take > drop:
                enabled.add(code)
        return frozenset(enabled)


def _weight(selector: str) -> int:
    """How specific a selector is: ALL least, a whole code most."""
    return 0 if selector == "ALL" else len(selector)
