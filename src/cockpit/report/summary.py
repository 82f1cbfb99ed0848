"""Every figure of `cockpit status --format json`: English keys, plain numbers.

Money is a number with two decimals, indices four; a ratio without denominator is null.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from cockpit.finance import Evm
from cockpit.steering.actions import closure_rate, overdue
from cockpit.steering.dashboard import Dashboard
from cockpit.steering.risks import top_risks

SCHEMA_VERSION = 1


def money(value: Decimal | None) -> float | None:
    return None if value is None else float(value.quantize(Decimal("0.01"), ROUND_HALF_UP))


def index(value: Decimal | float | None) -> float | None:
    if value is None:
        return None
    return float(Decimal(str(value)).quantize(Decimal("0.0001"), ROUND_HALF_UP))


def evm_json(e: Evm) -> dict[str, Any]:
    return {
        "bac": money(e.bac), "pv": money(e.pv), "ev": money(e.ev), "ac": money(e.ac),
        "sv": money(e.sv), "cv": money(e.cv), "spi": index(e.spi), "cpi": index(e.cpi),
        "eac": money(e.eac), "eac_method": e.eac_method.value,
        "eac_variants": {m.value: money(e.eac_by(m)) for m in type(e.eac_method)},
        "etc": money(e.etc), "vac": money(e.vac), "tcpi": index(e.tcpi),
        "percent_complete": index(e.percent_complete), "percent_spent": index(e.percent_spent),
    }


def as_dict(board: Dashboard) -> dict[str, Any]:
    project = board.project
    info = project.settings.project
    schedule = board.schedule
    evm = board.evm
    tasks = []
    for t in schedule.tasks:
        e = evm.tasks.get(t.id)
        if e is None:
            continue
        percent = evm.percent.get(t.id)
        tasks.append({"id": t.id, "name": t.name, "wbs": t.wbs, "parent": t.parent or None,
                      "summary": t.summary, "milestone": t.milestone, "critical": t.critical,
                      "start": t.start.isoformat(), "finish": t.finish.isoformat(),
                      "progress": index(percent), **evm_json(e)})
    top = {r.id for r in top_risks(board.risks)}
    risks = [{"id": r.id, "title": r.risk.title, "status": r.risk.status,
              "probability": r.risk.probability, "impact": r.risk.impact,
              "detection": r.risk.detection, "criticality": r.criticality, "scale": r.scale,
              "level": r.level.value if r.level else None, "trend": r.trend.value,
              "previous_criticality": r.previous, "top": r.id in top,
              "owner": r.risk.owner or None, "missing": list(r.missing),
              "review_overdue": r.review_overdue} for r in board.risks]
    actions = [{"id": a.id, "what": a.action.what, "who": a.action.who or None,
                "due": a.action.due.isoformat() if a.action.due else None,
                "status": a.action.status, "days_late": a.days_late,
                "named_in": list(a.named_in)} for a in overdue(board.actions)]
    indicators = [{"id": k.id, "name": k.indicator.name, "unit": k.indicator.unit,
                   "direction": k.indicator.direction, "baseline": k.indicator.baseline,
                   "target": k.indicator.target,
                   "latest": k.latest.value if k.latest else None,
                   "latest_date": k.latest.date.isoformat() if k.latest else None,
                   "expected": index(k.expected), "attainment": index(k.attainment),
                   "on_target": k.on_target, "off_track": k.off_track, "trend": k.trend.value,
                   "late": k.late, "next_due": k.next_due.isoformat() if k.next_due else None}
                  for k in board.indicators]
    variances = [{"kind": v.kind.value, "subjects": list(v.subjects),
                  "detected": v.detected.isoformat(), "message": v.message,
                  "analysed_by": v.analysed_by or None} for v in board.variances]
    return {
        "schema_version": SCHEMA_VERSION,
        "project": {"id": info.id, "title": info.title, "status_date": board.status_date.isoformat(),
                    "currency": info.currency, "start": schedule.start.isoformat(),
                    "finish": schedule.finish.isoformat(),
                    "deadline": info.deadline.isoformat() if info.deadline else None,
                    "late_days": schedule.late, "critical_tasks": len(schedule.critical_path)},
        "budget": {"envelope": money(project.budget.envelope),
                   "contingency": money(project.budget.contingency),
                   "unassigned_actual_cost": money(evm.unassigned_ac),
                   "unrecorded_labour": list(evm.unrecorded_labour)},
        "evm": {"project": evm_json(evm.project), "tasks": tasks},
        "risks": risks,
        "actions": {"total": len(board.actions), "open": sum(a.open for a in board.actions),
                    "closure_rate": index(closure_rate(board.actions)), "overdue": actions},
        "indicators": indicators,
        "variances": variances,
    }
