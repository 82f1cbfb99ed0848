"""Reports: French formatting, Markdown and HTML rendering, each kind on a real folder,
the gap report from a hand-built GapReport, and the status/report/meeting commands."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from cockpit import french
from cockpit.check.state import CheckedState
from cockpit.cli import main
from cockpit.referentials.gaps import CapacityResult, CriterionResult, Evidence, GapReport, Status
from cockpit.report import gap, html, markdown
from cockpit.report.build import build, render
from cockpit.report.document import Heading, Paragraph, Report, Table
from cockpit.steering.dashboard import Dashboard
from helpers_folder import TODAY
from test_finance_evm import load, write_textbook

NNBSP, NBSP = "\u202f", "\u00a0"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "robot-soudage"


def test_french_formats() -> None:
    assert french.money(Decimal("1234.56")) == f"1{NNBSP}234,56{NBSP}€"
    assert french.money(Decimal("-1234567.005")) == f"-1{NNBSP}234{NNBSP}567,01{NBSP}€"
    assert french.money(None) == "n/d" and french.ratio(None) == "n/d"
    assert french.ratio(Decimal("0.88")) == "0,88" and french.number(0.0001, 2) == "0,00"
    assert french.percent(62.25, 1) == f"62,3{NBSP}%" and french.share(0.5) == f"50{NBSP}%"
    assert french.signed(3) == "+3" and french.signed(-2) == "-2" and french.signed(0) == "0"
    assert french.date(dt.date(2026, 4, 7)) == "07/04/2026"
    assert french.long_date(dt.date(2026, 5, 1)) == "1er mai 2026"


def test_markdown_and_html_escape_everything() -> None:
    report = Report("Rapport <b>&", "sous-titre", (
        Heading("Titre | avec barre"), Paragraph("<script>alert(1)</script>", "warning"),
        Table(("Col", "Montant"), (("a|b", "1 €"), ("<i>", "2 €")), numeric=(1,)),
    ))
    md = markdown.render(report)
    assert "| a\\|b | 1 € |" in md and "|---|---:|" in md
    page = html.render(report)
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;i&gt;" in page
    assert "@media print" in page and page.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("kind", ["status", "copil", "rex"])
def test_each_report_on_the_textbook(tmp_path: Path, kind: str) -> None:
    root = write_textbook(tmp_path)
    text = render(build(kind, CheckedState.read(root, TODAY)), "md")
    assert text.startswith("# ")
    if kind == "status":
        assert f"| Valeur acquise (EV) | 11{NNBSP}000,00{NBSP}€ |" in text
        assert "Charges semaine par semaine" in text and "Tâches critiques" in text
    if kind == "copil":
        assert "Écarts et causes" in text and "SPI du projet à 0,88" in text
        assert "État d'engagement prévisionnel" in text
    if kind == "rex":
        for heading in ("Délais", "Coûts", "Ressources", "Objectifs atteints",
                        "Analyse technique", "Analyse organisationnelle", "Analyse économique"):
            assert f"## {heading}" in text


def test_html_report_is_self_contained_with_charts(tmp_path: Path) -> None:
    page = render(build("copil", CheckedState.read(write_textbook(tmp_path), TODAY)), "html")
    assert page.count("<svg") >= 3  # S-curve, Gantt, heat map, commitments
    assert "<script" not in page and not re.search(r'(src|href)="(http|//)', page)
    assert "<?xml" not in page


def test_rex_compares_with_the_initial_estimate(tmp_path: Path) -> None:
    root = write_textbook(tmp_path)
    wbs = (root / "wbs.toml").read_text(encoding="utf-8").replace(
        'id = "A"\nname = "Tâche A"\nduration = "10j"',
        'id = "A"\nname = "Tâche A"\nduration = "10j"\nactual_start = 2026-01-05\n'
        'actual_finish = 2026-01-20')
    (root / "wbs.toml").write_text(wbs, encoding="utf-8")
    text = render(build("rex", CheckedState.read(root, TODAY)), "md")
    # A took 12 days instead of 10: B and C follow, the project ends 2 working days later.
    assert re.search(r"\| Projet \| 05/01/2026 \| 05/01/2026 \| 30/01/2026 \| 03/02/2026 \|", text)


def hand_built_gaps() -> GapReport:
    return GapReport("cqpm-test", "CQPM de test", (
        CapacityResult("C1", "Définir le projet", "Bloc 1", Status.COVERED, (
            CriterionResult("C1.a", "Objectifs définis", "résultats", Status.COVERED,
                            (Evidence("docs/note.md", anchor="objectifs"),)),)),
        CapacityResult("C4", "Animer des réunions", "Bloc 2", Status.PARTIAL, (
            CriterionResult("C4.a", "Deux réunions d'étapes différentes", "résultats",
                            Status.PARTIAL, (Evidence("meetings/2026-01-12-lancement.md"),),
                            ("une réunion de la phase de conduite",)),
            CriterionResult("C4.b", "Animation adaptée", "méthodes", Status.TO_JUSTIFY,
                            judgement=True),
        )),
    ))


def test_gap_report_from_a_hand_built_gap_report() -> None:
    report = gap.build(hand_built_gaps(), "Projet", dt.date(2026, 4, 17))
    text = markdown.render(report)
    assert "| C1 Définir le projet | ✔ couvert | C1.a Objectifs définis | ✔ couvert | " \
           "docs/note.md#objectifs |" in text
    assert "C4.a Deux réunions d'étapes différentes — partiel : une réunion de la phase de " \
           "conduite" in text
    assert "C4.b Animation adaptée — à justifier : à justifier dans evidence.toml" in text
    assert "### Bloc 2" in text and "Bloc 1" not in text.split("## Écarts à combler")[1]
    page = html.render(report)
    assert '<tr class="hl">' in page
    assert "Aucun référentiel" in markdown.render(gap.build(None, "P", dt.date(2026, 1, 1)))


def test_status_json_has_every_figure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_textbook(tmp_path)
    assert main(["status", str(root), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    project = data["evm"]["project"]
    assert project["ev"] == 11000.0 and project["spi"] == 0.88 and project["tcpi"] == 1.6
    assert project["eac_method"] == "cpi" and project["eac"] == 17045.45
    assert project["eac_variants"] == {"cpi": 17045.45, "budget_rate": 16500.0,
                                       "cpi_spi": 17665.29}
    by_id = {t["id"]: t for t in data["evm"]["tasks"]}
    assert by_id["S"]["summary"] and by_id["S"]["ac"] == 7000.0 and by_id["C"]["progress"] == 80.0
    assert {v["kind"] for v in data["variances"]} == {"spi", "cpi"}
    assert data["project"]["status_date"] == "2026-01-23"
    assert set(data) >= {"risks", "actions", "indicators", "budget"}


def test_status_human_and_report_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_textbook(tmp_path)
    assert main(["status", str(root)]) == 0
    out = capsys.readouterr().out
    assert "Valeur acquise" in out and "0,88" in out
    target = tmp_path / "copil.html"
    assert main(["report", "copil", str(root), "--format", "html", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["report", "status", str(tmp_path / "absent")]) == 2


def test_meeting_new_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_textbook(tmp_path)
    argv = ["meeting", "new", str(root), "--kind", "copil", "--title", "COPIL 1",
            "--date", "2026-01-26"]
    assert main(argv) == 0
    created = root / "meetings" / "2026-01-26-copil-1.md"
    first = created.read_text(encoding="utf-8")
    assert main(argv) == 1 and created.read_text(encoding="utf-8") == first
    project = load(root)  # the new file loads as a meeting without any diagnostic
    (meeting,) = project.meetings
    assert meeting.kind == "copil" and meeting.date == dt.date(2026, 1, 26)
    assert main(["meeting", "list", str(root)]) == 0
    assert "COPIL 1" in capsys.readouterr().out


def test_example_reports_render() -> None:
    board = Dashboard(load(EXAMPLE), TODAY)
    for kind in ("status", "copil", "rex"):
        assert build(kind, CheckedState.read(EXAMPLE, TODAY)).blocks
    assert board.evm.project.bac > 0


def test_core_imports_no_ui_library() -> None:
    code = ("import sys, cockpit.finance, cockpit.steering.dashboard, cockpit.report.build, "
            "cockpit.report.status, cockpit.report.copil, cockpit.report.rex, "
            "cockpit.report.html, cockpit.check.rules.steering; "
            "bad = [m for m in ('textual', 'rich', 'plotext', 'matplotlib', 'pandas') "
            "if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_copil_milestones_by_their_actual_date_and_the_heat_map_by_risk_ids(tmp_path: Path) -> None:
    from cockpit.check.state import CheckedState
    from cockpit.report.copil import milestone_state
    from cockpit.report.document import Chart
    from cockpit.report.sections import heat_map_blocks

    state = CheckedState.read(EXAMPLE, TODAY)
    board = state.dashboard
    milestones = [t for t in board.schedule.tasks if t.milestone]
    states = {t.id: milestone_state(board, t.id) for t in milestones}
    facts = {t.id: t for t in board.project.tasks}
    for task_id, said in states.items():
        reached = facts[task_id].actual_finish or facts[task_id].actual_start
        if reached is not None and reached <= board.status_date:
            assert said == f"atteint le {reached:%d/%m/%Y}"
        else:
            assert said in ("dépassé", "à venir", "atteint")
    assert any(s.startswith("atteint le ") for s in states.values())
    chart = next(b for b in heat_map_blocks(board) if isinstance(b, Chart))
    ids = {i for row in chart.grid for cell in row for i in cell}
    assert ids and ids <= {r.id for r in board.project.risks}


def test_chart_axes_speak_french() -> None:
    # Ticks of an index axis (SPI from 0,8 to 1,1) keep their decimals, with a comma.
    assert [french.tick(v) for v in (0.8, 0.95, 1.0, 1.1)] == ["0,8", "0,95", "1", "1,1"]
    assert french.tick(12500) == f"12{NNBSP}500" and french.tick(1234.5) == f"1{NNBSP}234,5"
    assert french.tick(0.125, 3) == "0,125" and french.tick(-0.5) == "-0,5"
