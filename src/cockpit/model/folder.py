"""The whole project folder as one typed value."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

from cockpit.model.documents import Decision, Document, EvidenceClaim, Meeting, Section
from cockpit.model.finance import BudgetEnvelope, BudgetLine, CostEntry, ProgressEntry
from cockpit.model.immutable import immutable
from cockpit.model.project import Settings
from cockpit.model.registers import Action, Channel, Indicator, Measure, Requirement, Risk
from cockpit.model.wbs import Task


@immutable
class Project:
    """Every record of a project folder; `present` names the files found."""

    root: Path
    settings: Settings
    tasks: tuple[Task, ...] = ()
    budget: BudgetEnvelope = field(default_factory=BudgetEnvelope)
    budget_lines: tuple[BudgetLine, ...] = ()
    costs: tuple[CostEntry, ...] = ()
    progress: tuple[ProgressEntry, ...] = ()
    risks: tuple[Risk, ...] = ()
    actions: tuple[Action, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    measures: tuple[Measure, ...] = ()
    channels: tuple[Channel, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    decisions: tuple[Decision, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    rex: tuple[Document, ...] = ()
    docs: tuple[Document, ...] = ()
    evidence: tuple[EvidenceClaim, ...] = ()
    present: frozenset[str] = frozenset()

    def task(self, task_id: str) -> Task | None:
        return next((t for t in self.tasks if t.id == task_id), None)

    def sections_of(self, path: str) -> tuple[Section, ...] | None:
        """The headings of a meeting, REX or document file; None when it is not one."""
        for meeting in self.meetings:
            if meeting.path == path:
                return meeting.sections
        for document in (*self.rex, *self.docs):
            if document.path == path:
                return document.sections
        return None

    @property
    def summary_ids(self) -> frozenset[str]:
        """Tasks that other tasks name as parent."""
        return frozenset(t.parent for t in self.tasks if t.parent)
