"""`cockpit report dossier`: the evaluation file, read back in Word, PDF and HTML."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from docx import Document

from cockpit.check.state import CheckedState
from cockpit.cli import main
from cockpit.report.build import build, dress
from cockpit.report.document import Chart, Heading
from helpers_office import flat, text_of

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "robot-soudage"
TODAY = "2026-12-04"
SECTIONS = ("Identité du projet et rôle du candidat", "Contexte et objectifs", "Planning",
            "Budget et valeur acquise", "Risques", "Réunions tenues", "Plan de communication",
            "Capacités du référentiel", "Annexe : fichiers du dossier")


def state() -> CheckedState:
    return CheckedState.read(EXAMPLE, dt.date.fromisoformat(TODAY))


def test_dossier_sections_in_order() -> None:
    report = build("dossier", state())
    level2 = [b.text for b in report.blocks if isinstance(b, Heading) and b.level == 2]
    assert tuple(level2) == SECTIONS
    kinds = {b.kind for b in report.blocks if isinstance(b, Chart)}
    assert {"gantt", "heatmap", "lines"} <= kinds


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_dossier_read_back(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"dossier.{fmt}"
    assert main(["report", "dossier", str(EXAMPLE), "--format", fmt, "-o", str(out),
                 "--today", TODAY]) == 0
    text = flat(text_of(out))
    for section in SECTIONS:
        assert section in text
    current = state()
    gaps = current.gaps
    assert gaps is not None
    for capacity in gaps.capacities:
        assert f"{capacity.id} {capacity.title[:30]}" in text
    assert "partielle" in text and "couverte" in text  # each capacity's status
    for claim in current.project.evidence:  # the candidate's justifications
        assert claim.justification.strip()[:40] in text
    for path in ("meetings/2026-04-16-copil-2.md", "evidence.toml", "costs.csv"):  # the annex
        assert path in text
    assert "Claire Martin" in text and "Cheffe de projet" in text
    if fmt == "docx":
        document = Document(io.BytesIO(out.read_bytes()))
        charts = sum(1 for b in dress(build("dossier", current), current).blocks
                     if isinstance(b, Chart))
        assert len(document.inline_shapes) == charts
        assert "Sommaire" in text
    if fmt == "pdf":
        assert re.search(r"Sommaire.*Planning ?\.* ?\d", text)  # a contents with page numbers
