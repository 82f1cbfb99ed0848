"""The living action plan: what the minutes name, overdue actions, by owner and origin."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from cockpit.finance.curves import pandas
from cockpit.model import Action, Project
from cockpit.model.immutable import immutable
from cockpit.model.vocabularies import ActionStatus

CLOSED = (ActionStatus.DONE, ActionStatus.ABANDONED)


@immutable
class ActionView:
    action: Action
    open: bool
    overdue: bool
    days_late: int  # calendar days past the due date at the status date (0 when not overdue)
    named_in: tuple[str, ...]  # meeting files whose minutes name the action

    @property
    def id(self) -> str:
        return self.action.id

    @property
    def origin_kind(self) -> str:
        """meeting, risk, indicator, rex, other or none (the French label is `ORIGIN_FRENCH`)."""
        origin = self.action.origin
        if not origin:
            return "none"
        if origin.startswith("meetings/"):
            return "meeting"
        if origin.startswith("rex/"):
            return "rex"
        return "other"


ORIGIN_FRENCH = {"meeting": "réunion", "risk": "risque", "indicator": "indicateur",
                 "rex": "retour d'expérience", "other": "autre", "none": "non renseignée"}


def views(project: Project, status_date: dt.date) -> tuple[ActionView, ...]:
    named: dict[str, list[str]] = {}
    for meeting in sorted(project.meetings, key=lambda m: (m.date, m.path)):
        for mention in meeting.actions:
            named.setdefault(mention.action, []).append(meeting.path)
    out = []
    for action in project.actions:
        is_open = action.status not in CLOSED
        late = (status_date - action.due).days if is_open and action.due else 0
        out.append(ActionView(action, is_open, late > 0, max(late, 0),
                              tuple(named.get(action.id, ()))))
    return tuple(out)


def origin_kind(view: ActionView, project: Project) -> str:
    """Like `ActionView.origin_kind`, also recognising risk and indicator ids."""
    kind = view.origin_kind
    if kind == "other":
        origin = view.action.origin
        if any(r.id == origin for r in project.risks):
            return "risk"
        if any(k.id == origin for k in project.indicators):
            return "indicator"
    return kind


def overdue(actions: Iterable[ActionView]) -> list[ActionView]:
    """Open actions past their due date, the latest first."""
    return sorted((a for a in actions if a.overdue), key=lambda a: (-a.days_late, a.id))


def closure_rate(actions: Iterable[ActionView]) -> float | None:
    """Done actions / actions not abandoned; None without any."""
    counted = [a for a in actions if a.action.status != ActionStatus.ABANDONED]
    if not counted:
        return None
    return sum(1 for a in counted if a.action.status == ActionStatus.DONE) / len(counted)


def on_time_rate(actions: Iterable[ActionView]) -> float | None:
    """Done actions closed by their due date / done actions with a due date and a done date."""
    dated = [a.action for a in actions
             if a.action.status == ActionStatus.DONE and a.action.due and a.action.done]
    if not dated:
        return None
    return sum(1 for a in dated if a.done and a.due and a.done <= a.due) / len(dated)


@immutable
class Tally:
    """Counts of actions for one owner or one origin."""

    key: str
    total: int
    open: int
    overdue: int
    done: int
    abandoned: int


def tally(actions: Iterable[ActionView], by: str, project: Project | None = None) -> list[Tally]:
    """Counts per owner (`by="owner"`) or per origin kind (`by="origin"`), aggregated with pandas."""
    pd = pandas()
    rows = [{"key": (a.action.who or "—") if by == "owner" else
             (origin_kind(a, project) if project is not None else a.origin_kind),
             "open": int(a.open), "overdue": int(a.overdue),
             "done": int(a.action.status == ActionStatus.DONE),
             "abandoned": int(a.action.status == ActionStatus.ABANDONED), "total": 1} for a in actions]
    if not rows:
        return []
    table = pd.DataFrame(rows).groupby("key", sort=True).sum()
    return [Tally(str(key), int(r["total"]), int(r["open"]), int(r["overdue"]), int(r["done"]),
                  int(r["abandoned"])) for key, r in table.iterrows()]
