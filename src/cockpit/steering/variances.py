"""Variances beyond a threshold, and whether a later meeting or report analyses them.

A variance is found at the status date:
- `deadline`: the schedule finishes after the deadline (any slip of the critical path);
- `baseline`: a critical task finishes `BASELINE_SLIP` working days or more later than
  in the latest baseline;
- `spi` / `cpi`: the project's SPI or CPI is below `INDEX_THRESHOLD`;
- `kpi`: an indicator is off target (see indicators.py for the reference and tolerance).

It is analysed when a meeting, REX or document dated on or after the day the variance
was detected names one of its subjects (a task, indicator or project id, or the index
name "SPI"/"CPI") as a whole word in its text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from enum import Enum

from cockpit import french
from cockpit.finance import CurvePoint, Evm
from cockpit.model import Project
from cockpit.model.immutable import immutable
from cockpit.schedule import Schedule
from cockpit.steering.indicators import IndicatorView

INDEX_THRESHOLD = Decimal("0.9")
BASELINE_SLIP = 5  # working days


class VarianceKind(Enum):
    DEADLINE = "deadline"
    BASELINE = "baseline"
    SPI = "spi"
    CPI = "cpi"
    KPI = "kpi"

    @property
    def french(self) -> str:
        return {"deadline": "dépassement de l'échéance", "baseline": "glissement du chemin critique",
                "spi": "retard (SPI)", "cpi": "surcoût (CPI)", "kpi": "indicateur hors trajectoire",
                }[self.value]


@immutable
class Variance:
    kind: VarianceKind
    subjects: tuple[str, ...]  # ids an analysis may name; the first is the main one
    detected: dt.date
    message: str  # French
    file: str
    line: int
    analysed_by: str = ""  # the meeting or document that analyses it

    @property
    def subject(self) -> str:
        return self.subjects[0]


@immutable
class Analysis:
    """A dated text that may analyse variances: a meeting's minutes, a REX, a document."""

    path: str
    date: dt.date
    text: str


def analyses(project: Project) -> list[Analysis]:
    out = []
    for meeting in project.meetings:
        parts = [meeting.title, *meeting.objectives, *meeting.decisions]
        parts += [f"{s.title}\n{s.body}" for s in meeting.sections]
        out.append(Analysis(meeting.path, meeting.date, "\n".join(parts)))
    for document in (*project.rex, *project.docs):
        if document.date is not None:
            out.append(Analysis(document.path, document.date, f"{document.title}\n{document.body}"))
    return sorted(out, key=lambda a: (a.date, a.path))


def names(text: str, identifier: str) -> bool:
    """`identifier` stands in `text` as a whole word (a plain substring test first: most
    texts do not contain it at all)."""
    return identifier in text and re.search(
        rf"(?<![\w.-]){re.escape(identifier)}(?![\w-])", text) is not None


def analysed_by(variance: Variance, texts: Iterable[Analysis]) -> str:
    for analysis in texts:
        if analysis.date >= variance.detected and any(names(analysis.text, s)
                                                      for s in variance.subjects):
            return analysis.path
    return ""


def index_run_start(points: tuple[CurvePoint, ...], status_date: dt.date, kind: VarianceKind
                    ) -> dt.date:
    """The first sampled day of the current run of the index below the threshold."""
    since = status_date
    for point in reversed([p for p in points if p.date <= status_date]):
        if point.ev is None or point.ac is None:
            break
        denominator = point.pv if kind is VarianceKind.SPI else point.ac
        if denominator == 0 or point.ev / denominator >= INDEX_THRESHOLD:
            break
        since = point.date
    return since


def find_variances(project: Project, schedule: Schedule, evm: Evm, status_date: dt.date,
                   indicators: Iterable[IndicatorView] = (),
                   curve: tuple[CurvePoint, ...] = (),
                   baseline_finish: dict[str, dt.date] | None = None) -> list[Variance]:
    """Every variance beyond its threshold, each with the text that analyses it, if any."""
    info = project.settings.project
    found: list[Variance] = []
    critical = list(schedule.critical_path)
    if schedule.late > 0 and info.deadline is not None:
        last = critical[-3:][::-1]
        found.append(Variance(
            VarianceKind.DEADLINE, (*last, info.id), status_date,
            f"fin prévue le {french.date(schedule.finish)}, {schedule.late} j ouvrés après "
            f"l'échéance du {french.date(info.deadline)} (chemin critique : "
            f"{', '.join(last) or '—'})",
            "cockpit.toml", info.source.line_of("deadline")))
    if baseline_finish:
        cal = schedule.calendar
        for task_id in critical:
            task, reference = schedule.task(task_id), baseline_finish.get(task_id)
            if task is None or reference is None:
                continue
            slip = task.ef - cal.boundary_after(reference)
            if slip >= BASELINE_SLIP:
                source = project.task(task_id)
                found.append(Variance(
                    VarianceKind.BASELINE, (task_id,), status_date,
                    f"la tâche critique « {task_id} » finit le {french.date(task.finish)}, "
                    f"{slip} j ouvrés après la référence ({french.date(reference)})",
                    "wbs.toml", source.source.line if source else 1))
    for kind, value in ((VarianceKind.SPI, evm.spi), (VarianceKind.CPI, evm.cpi)):
        if value is not None and value < INDEX_THRESHOLD:
            found.append(Variance(
                kind, (kind.name, info.id), index_run_start(curve, status_date, kind),
                f"{kind.name} du projet à {french.ratio(value)} au {french.date(status_date)} "
                f"(seuil {french.ratio(INDEX_THRESHOLD)})",
                "cockpit.toml", info.source.line_of("status_date")))
    for k in indicators:
        since, latest = k.off_track_since, k.latest
        if since is None or latest is None:
            continue
        unit = f" {k.indicator.unit}" if k.indicator.unit else ""
        found.append(Variance(
            VarianceKind.KPI, (k.id,), since.date,
            f"indicateur « {k.id} » ({k.indicator.name}) à {french.number(latest.value, 2)}{unit} "
            f"le {french.date(latest.date)}, attendu {french.number(k.expected, 2)}{unit} "
            f"(cible {french.number(k.indicator.target, 2)}{unit})",
            since.source.file or "measures.csv", since.source.line))
    texts = analyses(project)
    return [_with_analysis(v, texts) for v in found]


def _with_analysis(variance: Variance, texts: list[Analysis]) -> Variance:
    by = analysed_by(variance, texts)
    if not by:
        return variance
    return Variance(variance.kind, variance.subjects, variance.detected, variance.message,
                    variance.file, variance.line, by)
