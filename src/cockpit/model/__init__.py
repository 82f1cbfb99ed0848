"""The records of a project folder: immutable dataclasses (see immutable.py), no I/O."""

from cockpit.model.documents import (
    ActionMention,
    Decision,
    DecisionCriterion,
    DecisionOption,
    Document,
    EvidenceClaim,
    Meeting,
    Section,
)
from cockpit.model.durations import (
    Assignment,
    Dependency,
    DependencyType,
    Duration,
    DurationUnit,
    NotationError,
    parse_assignment,
    parse_dependency,
    parse_duration,
)
from cockpit.model.finance import BudgetEnvelope, BudgetLine, CostEntry, ProgressEntry
from cockpit.model.folder import Project
from cockpit.model.project import (
    CalendarSpec,
    Governance,
    Ignore,
    Objective,
    Period,
    Phase,
    ProjectInfo,
    ResourceKind,
    Settings,
    Stakeholder,
    TeamMember,
)
from cockpit.model.registers import (
    Action,
    Channel,
    Indicator,
    Measure,
    Requirement,
    Risk,
    RiskAssessment,
)
from cockpit.model.source import Source
from cockpit.model.wbs import Task

__all__ = [
    "Action", "ActionMention", "Assignment", "BudgetEnvelope", "BudgetLine", "CalendarSpec",
    "Channel", "CostEntry", "Decision", "DecisionCriterion", "DecisionOption", "Dependency",
    "DependencyType", "Document", "Duration", "DurationUnit", "EvidenceClaim", "Governance",
    "Ignore", "Indicator", "Measure", "Meeting", "NotationError", "Objective", "Period", "Phase",
    "ProgressEntry", "Project", "ProjectInfo", "Requirement", "ResourceKind", "Risk",
    "RiskAssessment", "Section",
    "Settings", "Source", "Stakeholder", "Task", "TeamMember", "parse_assignment",
    "parse_dependency", "parse_duration",
]
