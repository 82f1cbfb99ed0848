"""The gap report: for each capacity of the référentiel, what the files evidence and what is missing."""

from __future__ import annotations

from dataclasses import field
from enum import Enum

from cockpit.model.immutable import immutable


class Status(Enum):
    COVERED = "covered"
    PARTIAL = "partial"
    MISSING = "missing"
    TO_JUSTIFY = "to_justify"

    @property
    def french(self) -> str:
        return {"covered": "couvert", "partial": "partiel", "missing": "manquant",
                "to_justify": "à justifier"}[self.value]


@immutable
class Evidence:
    """A place in the folder that evidences a criterion: `file`, `file:line` or `file#anchor`."""

    file: str
    line: int | None = None
    anchor: str = ""
    note: str = ""
    heading: str = ""
    """The heading the passage sits under, when the evidence is a passage of a document."""
    excerpt: str = ""
    """What the passage says (160 characters at most): the proof, shown to the user."""

    def __str__(self) -> str:
        if self.anchor:
            return f"{self.file}#{self.anchor}"
        return f"{self.file}:{self.line}" if self.line else self.file

    @property
    def proof(self) -> str:
        """Where, under which heading, and what it says: `docs/x.md:12 (« Méthode ») :
        « Chronométrage de 40 changements… »`, or the note of a record."""
        where = str(self)
        if self.heading and not self.anchor:
            where += f" (« {self.heading} »)"
        if self.excerpt:
            return f"{where} : « {self.excerpt} »"
        return f"{where} — {self.note}" if self.note else where

    def as_dict(self) -> dict[str, object]:
        """The JSON of a proof (`cockpit check --format json`, criteria[].proofs)."""
        return {"file": self.file, "line": self.line, "anchor": self.anchor,
                "heading": self.heading, "excerpt": self.excerpt, "note": self.note}


@immutable
class CriterionResult:
    id: str
    text: str
    facet: str
    status: Status
    evidence: tuple[Evidence, ...] = ()
    missing: tuple[str, ...] = ()
    judgement: bool = False


@immutable
class CapacityResult:
    id: str
    title: str
    unit: str
    status: Status
    criteria: tuple[CriterionResult, ...]
    phase_not_reached: bool = False


@immutable
class GapReport:
    referential_id: str
    referential_title: str
    capacities: tuple[CapacityResult, ...] = field(default=())
    phase: str = ""
    """The project's phase the capacities are judged against (cadrage, conduite, conclusion)."""
    phase_inferred: str = ""
    """Why, when cockpit.toml gives no `phase` and it was inferred (French, shown)."""

    def count(self, status: Status) -> int:
        return sum(1 for c in self.capacities if c.status is status)

    @property
    def ready(self) -> bool:
        """Every capacity is covered (judgement-only criteria justified)."""
        return all(c.status is Status.COVERED for c in self.capacities)


def combine(statuses: list[Status], judgement_only_left: bool) -> Status:
    """A capacity's status from its criteria's, as FORMAT.md defines it."""
    if all(s is Status.COVERED for s in statuses):
        return Status.COVERED
    if all(s is Status.MISSING for s in statuses):
        return Status.MISSING
    if judgement_only_left:
        return Status.TO_JUSTIFY
    return Status.PARTIAL
