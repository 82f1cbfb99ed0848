"""One project at one moment: the folder read once, and what is computed from it on first use.

The CLI, the reports, the validation passes, the probes and the TUI share a `ProjectState`:
the calendar, the schedule, the load and the steering dashboard (earned value, variances…)
are computed once, whichever asks first. « Read the folder or say why » is `ProjectState.read`,
which raises `Unreadable` with a French reason. `today` comes from the shell: the core never
reads the clock. The state sits above steering and below the référentiels, whose probes read
it; check/state.py adds the gap report, which the référentiels compute from it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Self

from cockpit.diagnostics.diagnostic import Diagnostic
from cockpit.model import Project

if TYPE_CHECKING:
    from cockpit.folder.loader import LoadResult
    from cockpit.folder.sources import FileSource
    from cockpit.schedule import Schedule, WorkCalendar
    from cockpit.schedule.load import Load
    from cockpit.steering.dashboard import Dashboard


class Unreadable(Exception):
    """The folder cannot be used; the message is French and says why. `loaded` is what the
    loader found (None when the folder is not a directory)."""

    def __init__(self, message: str, loaded: LoadResult | None = None) -> None:
        super().__init__(message)
        self.loaded = loaded


@dataclass(eq=False)
class ProjectState:
    """The loaded project; everything computed from it is computed on first use."""

    project: Project
    today: dt.date  # given by the shell: the status date when cockpit.toml has none
    status_date_: dt.date | None = None  # a status date given by the shell (--date)
    diagnostics: tuple[Diagnostic, ...] = ()  # the loader's
    texts: dict[str, str] = field(default_factory=dict)  # the files as read, by relative path
    unreadable: frozenset[str] = frozenset()  # files there but not read: empty registers

    @classmethod
    def read(cls, root: Path | str, today: dt.date, *, status_date: dt.date | None = None,
             source: FileSource | None = None) -> Self:
        """Read the folder (from `source`, default the disk), or raise `Unreadable`."""
        from cockpit.folder import load_project

        root = Path(root)
        if source is None and not root.is_dir():
            raise Unreadable(f"« {root} » n'est pas un dossier.")
        loaded = load_project(root, source)
        if loaded.project is None:
            raise Unreadable(f"« {root} » n'est pas un dossier de projet lisible (cockpit.toml "
                             "absent ou invalide) : lancez « cockpit check » pour le détail.",
                             loaded)
        return cls(loaded.project, today, status_date, loaded.diagnostics, loaded.texts,
                   loaded.unreadable)

    def edited(self, project: Project, texts: dict[str, str], kept: Iterable[str]) -> Self:
        """The state of `project`, the folder read again after an edit, with this state's
        parts named in `kept` (schedule, load, dashboard…) carried over where already computed:
        those the edited files do not bear on."""
        state = replace(self, project=project, texts=texts)
        computed = vars(self)  # where cached_property keeps what it computed
        vars(state).update({name: computed[name] for name in kept if name in computed})
        return state

    @property
    def root(self) -> Path:
        return self.project.root

    @cached_property
    def status_date(self) -> dt.date:
        from cockpit.finance import status_date_of

        return self.status_date_ or status_date_of(self.project, self.today)

    @cached_property
    def calendar(self) -> WorkCalendar:
        from cockpit.schedule import WorkCalendar

        return WorkCalendar.from_settings(self.project.settings)

    @cached_property
    def schedule(self) -> Schedule:
        from cockpit.schedule import compute_schedule

        return compute_schedule(self.project, self.calendar)

    @cached_property
    def load(self) -> Load:
        """Each person's load day by day and week by week, from the schedule."""
        from cockpit.schedule.load import compute_load

        return compute_load(self.project, self.schedule)

    @cached_property
    def dashboard(self) -> Dashboard:
        """What steering computes at the status date: planned costs, earned value, variances…"""
        from cockpit.steering.dashboard import Dashboard

        return Dashboard(self.project, self.today, self.schedule, status_date_=self.status_date_)
