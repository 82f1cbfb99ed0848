"""Prose documents: meeting minutes, REX and other documents, decision matrices, evidence."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from cockpit.model.immutable import immutable
from cockpit.model.project import Phase
from cockpit.model.source import NOWHERE, Source
from cockpit.model.vocabularies import MeetingKind, values

MEETING_KINDS = values(MeetingKind)


@immutable
class Section:
    """A heading of a Markdown document, its slug (the anchor) and its body."""

    title: str
    slug: str
    level: int
    line: int
    body: str = ""


@immutable
class ActionMention:
    """`- A7 — @bdupont — 2026-04-10 — Passer la commande` in the minutes."""

    action: str
    owner: str = ""
    due: dt.date | None = None
    text: str = ""
    line: int = 0


@immutable
class Meeting:
    path: str
    title: str
    date: dt.date
    kind: str = ""
    time: str = ""
    duration: str = ""
    place: str = ""
    phase: Phase | None = None
    facilitator: str = ""
    participants: tuple[str, ...] = ()
    excused: tuple[str, ...] = ()
    objectives: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    decisions: tuple[str, ...] = ()
    actions: tuple[ActionMention, ...] = ()
    source: Source = NOWHERE


@immutable
class Document:
    """A Markdown document of rex/ or docs/."""

    path: str
    title: str
    date: dt.date | None
    kind: str
    sections: tuple[Section, ...] = ()
    body: str = ""
    source: Source = NOWHERE
    body_line: int = 0
    """The file line of the body's first line (after the front matter)."""


@immutable
class DecisionCriterion:
    id: str
    name: str
    weight: float = 1.0


@immutable
class DecisionOption:
    id: str
    name: str
    cost: Decimal | None = None
    scores: tuple[tuple[str, float], ...] = ()


@immutable
class Decision:
    """A decision matrix of decisions/*.toml."""

    path: str
    title: str
    date: dt.date | None = None
    decided: str = ""
    validated_by: str = ""
    justification: str = ""
    criteria: tuple[DecisionCriterion, ...] = ()
    options: tuple[DecisionOption, ...] = ()
    source: Source = NOWHERE


@immutable
class EvidenceClaim:
    """evidence.toml: the candidate points a capacity or criterion to evidence and explains it."""

    referential: str
    target: str
    evidence: tuple[str, ...] = ()
    justification: str = ""
    source: Source = NOWHERE
