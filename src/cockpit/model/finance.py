"""budget.toml, costs.csv and progress.csv."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from cockpit.model.immutable import immutable
from cockpit.model.source import NOWHERE, Source, journal_source


@immutable
class BudgetEnvelope:
    envelope: Decimal | None = None
    contingency: Decimal = Decimal(0)
    source: Source = NOWHERE


@immutable
class BudgetLine:
    """A planned cost that is not labour."""

    id: str
    amount: Decimal
    task: str = ""
    category: str = ""
    date: dt.date | None = None
    label: str = ""
    source: Source = NOWHERE


@immutable
class CostEntry:
    """A row of costs.csv: an actual cost."""

    date: dt.date
    task: str
    amount: Decimal
    category: str = ""
    reference: str = ""
    comment: str = ""
    line: int = 0

    @property
    def source(self) -> Source:
        return journal_source("costs.csv", self.line)


@immutable
class ProgressEntry:
    """A row of progress.csv: percent complete of a task at a date."""

    date: dt.date
    task: str
    percent: float
    comment: str = ""
    line: int = 0

    @property
    def source(self) -> Source:
        return journal_source("progress.csv", self.line)
