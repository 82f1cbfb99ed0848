"""The gap report (`cockpit report gap`): the correspondence table capacity → criteria →
evidence of a `GapReport`, then the gaps with what to do."""

from __future__ import annotations

import datetime as dt

from cockpit import french
from cockpit.referentials.gaps import GapReport, Status
from cockpit.report.document import Block, Bullets, Heading, Paragraph, Report, Table

MARK = {Status.COVERED: "✔", Status.PARTIAL: "◐", Status.MISSING: "✘", Status.TO_JUSTIFY: "?"}


def build(gaps: GapReport | None, project_title: str, day: dt.date) -> Report:
    subtitle = f"{project_title} · au {french.long_date(day)}"
    if gaps is None:
        return Report("Correspondance avec le référentiel", subtitle, (
            Paragraph("Aucun référentiel choisi : ajoutez referential = \"…\" dans [project] "
                      "de cockpit.toml (voir « cockpit referentials »).", "warning"),))
    counts = ", ".join(f"{gaps.count(s)} {s.french}" for s in Status)
    blocks: list[Block] = [
        Paragraph(f"Référentiel : {gaps.referential_title} ({gaps.referential_id}). "
                  f"Capacités : {counts}.", "ok" if gaps.ready else ""),
        *([Paragraph(f"Phase du projet : {gaps.phase_inferred}.")] if gaps.phase_inferred
          else []),
        Heading("Tableau de correspondance"),
    ]
    rows: list[tuple[str, ...]] = []
    highlight = []
    for capacity in gaps.capacities:
        later = " (phase à venir)" if capacity.phase_not_reached else ""
        for index, criterion in enumerate(capacity.criteria):
            if criterion.status is not Status.COVERED:
                highlight.append(len(rows))
            evidence = " ; ".join(e.proof for e in criterion.evidence[:3]) + (
                f" ; … et {len(criterion.evidence) - 3} autres"
                if len(criterion.evidence) > 3 else "") or "—"
            rows.append((
                f"{capacity.id} {capacity.title}" if index == 0 else "",
                f"{MARK[capacity.status]} {capacity.status.french}{later}" if index == 0 else "",
                f"{criterion.id} {criterion.text}",
                f"{MARK[criterion.status]} {criterion.status.french}"
                + (" (jugement)" if criterion.judgement else ""),
                evidence))
        if not capacity.criteria:
            rows.append((f"{capacity.id} {capacity.title}",
                         f"{MARK[capacity.status]} {capacity.status.french}{later}", "—", "—", "—"))
    blocks.append(Table(("Capacité", "Statut", "Critère", "Statut du critère", "Preuves"),
                        tuple(rows), highlight=tuple(highlight)))
    blocks.append(Heading("Écarts à combler"))
    unit = None
    any_gap = False
    for capacity in gaps.capacities:
        open_criteria = [c for c in capacity.criteria if c.status is not Status.COVERED]
        if not open_criteria:
            continue
        any_gap = True
        if capacity.unit != unit:
            unit = capacity.unit
            if unit:
                blocks.append(Heading(unit, 3))
        later = " — phase à venir" if capacity.phase_not_reached else ""
        blocks.append(Paragraph(f"{capacity.id} {capacity.title} ({capacity.status.french}{later})"))
        items = []
        for criterion in open_criteria:
            fixes = "; ".join(criterion.missing) or (
                "à justifier dans evidence.toml" if criterion.status is Status.TO_JUSTIFY
                else "apportez une preuve")
            items.append(f"{criterion.id} {criterion.text} — {criterion.status.french} : {fixes}")
        blocks.append(Bullets(tuple(items)))
    if not any_gap:
        blocks.append(Paragraph("Aucun écart : toutes les capacités sont couvertes.", "ok"))
    return Report("Correspondance avec le référentiel", subtitle, tuple(blocks))
