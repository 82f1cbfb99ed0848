"""The meeting template's `Situation`, filled from the snapshot (the core asks its caller)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cockpit.steering.meetings import Situation
    from cockpit.tui.state import Snapshot


def situation(snapshot: Snapshot) -> Situation:
    from cockpit.steering.meetings import Situation

    schedule, evm, day = snapshot.schedule, snapshot.evm, snapshot.status_date
    if schedule is None:
        return Situation(day)
    e = evm.project if evm is not None else None
    return Situation(
        status_date=day,
        percent_complete=float(e.percent_complete) if e and e.percent_complete is not None else None,
        spi=float(e.spi) if e and e.spi is not None else None,
        cpi=float(e.cpi) if e and e.cpi is not None else None,
        finish=schedule.finish, deadline=schedule.deadline,
        in_progress=tuple(f"{t.id} — {t.name}" for t in schedule.tasks
                          if not t.summary and t.start <= day <= t.finish)[:8],
        upcoming=tuple(f"{t.finish:%Y-%m-%d} — {t.id} — {t.name}" for t in schedule.tasks
                       if t.milestone and t.finish >= day)[:5])
