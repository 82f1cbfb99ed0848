"""Risks, actions, meetings, indicators and variances on small hand-written registers."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from cockpit.check.run import run_check
from cockpit.model import Action, ActionMention, Indicator, Measure, Meeting, Objective, Risk
from cockpit.steering import actions, indicators, risks
from cockpit.steering.dashboard import Dashboard
from cockpit.steering.meetings import by_kind, by_phase, meeting_path, render_new_meeting, situation
from cockpit.steering.variances import VarianceKind
from helpers_folder import COCKPIT, INDICATORS, RISKS, TODAY, make_project
from test_finance_evm import load, write_textbook

D = dt.date
STATUS = D(2026, 1, 23)


def test_criticality_levels_heat_map_and_top_risks() -> None:
    registry = [
        Risk("R1", "Retard robot", probability=3, impact=4, owner="a", response="x",
             review=D(2026, 1, 12)),
        Risk("R2", "Panne", probability=2, impact=5, detection=4, owner="a", response="y",
             review=D(2025, 12, 10)),  # G × O × D = 40, last reviewed 44 days ago: overdue
        Risk("R3", "Clos", probability=5, impact=5, status="clos"),
        Risk("R4", "Sans rien", probability=1, impact=2, strategy="accepter"),
    ]
    views = [risks.view(r, STATUS) for r in registry]
    r1, r2, r3, r4 = views
    assert (r1.criticality, r1.scale, r1.level) == (12, 25, risks.Level.HIGH)
    assert (r2.criticality, r2.scale, r2.level) == (40, 125, risks.Level.MODERATE)
    assert r2.review_overdue and not r1.review_overdue
    assert r3.missing == () and not r3.active  # a closed risk asks for nothing
    assert r4.missing == ("owner", "review")  # accepted: no response needed
    assert [r.id for r in risks.top_risks(views)] == ["R1", "R2", "R4"]
    grid = risks.risk_matrix(views)
    assert grid.cells[2][3] == ("R1",) and grid.count(2, 5) == 1 and grid.count(5, 5) == 0


def test_risk_trend_from_history_read_from_risks_toml(tmp_path: Path) -> None:
    from cockpit.folder import load_project

    (tmp_path / "cockpit.toml").write_text(
        '[project]\nid = "P"\ntitle = "P"\nstart = 2026-01-05\n', encoding="utf-8")
    (tmp_path / "risks.toml").write_text(
        '[[risk]]\nid = "R1"\ntitle = "Retard"\nprobability = 3\nimpact = 4\n'
        'history = [{ date = 2026-01-12, probability = 2, impact = 4 },\n'
        '           { date = 2026-01-05, probability = 1, impact = 4, note = "x" }]\n'
        '\n[[risk]]\nid = "R2"\ntitle = "Panne"\nprobability = 2\nimpact = 2\n',
        encoding="utf-8")
    loaded = load_project(tmp_path)
    assert loaded.project is not None
    reassessed, base = loaded.project.risks
    assert [a.date for a in reassessed.history] == [D(2026, 1, 5), D(2026, 1, 12)]
    assert [(d.code, d.line) for d in loaded.diagnostics] == [("F011", 6)]  # note: unknown key
    view = risks.view(reassessed, STATUS)
    assert view.trend is risks.Trend.UP and view.previous == 8
    assert risks.view(base, STATUS).trend is risks.Trend.UNKNOWN


def test_actions_overdue_owner_origin_and_rates(tmp_path: Path) -> None:
    project = load(write_textbook(tmp_path))
    project = dataclasses.replace(
        project,
        risks=(Risk("R1", "Retard"),),
        actions=(
            Action("A1", "Commander", who="r1", due=D(2026, 1, 20), status="en cours",
                   origin="meetings/2026-01-12-copil.md"),
            Action("A2", "Réserver", who="r1", due=D(2026, 1, 15), status="fait",
                   done=D(2026, 1, 14), origin="R1"),
            Action("A3", "Relancer", who="r2", due=D(2026, 2, 1)),
            Action("A4", "Abandonnée", who="r2", due=D(2026, 1, 1), status="abandonné"),
        ),
        meetings=(Meeting("meetings/2026-01-12-copil.md", "COPIL 1", D(2026, 1, 12), kind="copil",
                          actions=(ActionMention("A1", "r1", D(2026, 1, 20)),),
                          decisions=("D1 — Go",)),),
    )
    views = actions.views(project, STATUS)
    late = actions.overdue(views)
    assert [a.id for a in late] == ["A1"] and late[0].days_late == 3
    assert late[0].named_in == ("meetings/2026-01-12-copil.md",)
    assert actions.closure_rate(views) == 1 / 3  # A2 done among A1, A2, A3
    assert actions.on_time_rate(views) == 1.0
    owners = {t.key: t for t in actions.tally(views, "owner")}
    assert (owners["r1"].total, owners["r1"].open, owners["r1"].overdue) == (2, 1, 1)
    assert owners["r2"].abandoned == 1
    origins = {t.key: t.total for t in actions.tally(views, "origin", project)}
    assert origins == {"meeting": 1, "risk": 1, "none": 2}
    assert by_kind(project.meetings) == {"copil": 1} and by_phase(project.meetings) == {"—": 1}


def _indicator_project(tmp_path: Path, scope: str, values: list[tuple[dt.date, float]]):  # type: ignore[no-untyped-def]
    project = load(write_textbook(tmp_path))
    settings = dataclasses.replace(project.settings, objectives=(
        Objective("O1", "Réduire le cycle", indicator="K1", deadline=D(2026, 3, 5)),))
    return dataclasses.replace(
        project, settings=settings,
        indicators=(Indicator("K1", "Cycle", baseline=100, target=60, direction="down",
                              frequency="hebdomadaire", scope=scope),),
        measures=tuple(Measure(d, "K1", v) for d, v in values))


def test_indicator_against_target_trend_and_late_measure(tmp_path: Path) -> None:
    project = _indicator_project(tmp_path, "process", [(D(2026, 1, 9), 98), (D(2026, 1, 14), 95)])
    (view,) = indicators.views(project, STATUS)
    assert view.latest is not None and view.latest.value == 95
    assert view.trend is indicators.Direction.BETTER
    assert view.on_target is False and abs((view.attainment or 0) - 0.125) < 1e-9  # 5 of 40
    assert not view.off_track  # a process KPI before its deadline only must not regress
    assert view.next_due == D(2026, 1, 21) and view.late  # weekly, last on the 14th


def test_no_measure_is_expected_after_until(tmp_path: Path) -> None:
    project = _indicator_project(tmp_path, "process", [(D(2026, 1, 9), 98), (D(2026, 1, 14), 95)])
    (k1,) = project.indicators
    ended = dataclasses.replace(project, indicators=(dataclasses.replace(k1, until=D(2026, 1, 16)),))
    (view,) = indicators.views(ended, STATUS)
    assert view.next_due is None and not view.late  # the series ended on the 16th
    # Until the 21st, the measure of the 21st is still owed.
    owed = dataclasses.replace(project, indicators=(dataclasses.replace(k1, until=D(2026, 1, 21)),))
    (view,) = indicators.views(owed, STATUS)
    assert view.next_due == D(2026, 1, 21) and view.late


def test_indicator_off_target(tmp_path: Path) -> None:
    # Regression beyond 10 % of the way (4): 105 > 100 + 4 on Jan 16 and Jan 21.
    project = _indicator_project(tmp_path, "process", [(D(2026, 1, 9), 99), (D(2026, 1, 16), 105),
                                                       (D(2026, 1, 21), 106)])
    (view,) = indicators.views(project, STATUS)
    assert view.off_track_since is not None and view.off_track_since.date == D(2026, 1, 16)
    # A steering KPI follows its trajectory: halfway (Feb 4) it should be near 80.
    project = _indicator_project(tmp_path, "project", [(D(2026, 2, 4), 90)])
    (view,) = indicators.views(project, D(2026, 2, 5))
    assert view.expected is not None and abs(view.expected - 80) < 1 and view.off_track


def test_review_is_the_last_review_judged_on_the_governance_rhythm(tmp_path: Path) -> None:
    # FORMAT.md's own example: reviewed on 1 April, status date 17 April: not overdue.
    recent = Risk("R1", "Retard", probability=3, impact=4, owner="a", response="x",
                  review=D(2026, 4, 1))
    assert not risks.view(recent, D(2026, 4, 17)).review_overdue
    # 30 days without any governance frequency; 31 days is stale.
    assert not risks.view(recent, D(2026, 5, 1)).review_overdue
    assert risks.view(recent, D(2026, 5, 2)).review_overdue
    # A next review planned and passed is overdue, whatever the last review.
    planned = dataclasses.replace(recent, next_review=D(2026, 4, 10))
    assert risks.view(planned, D(2026, 4, 17)).review_overdue
    # The least frequent governance body sets the rhythm: a quarterly COPIL allows 92 days.
    root = write_textbook(tmp_path)
    text = (root / "cockpit.toml").read_text(encoding="utf-8")
    text += '\n[[governance]]\nid = "copil"\nname = "Comité de pilotage"\nfrequency = "trimestrielle"\n'
    text += '\n[[governance]]\nid = "equipe"\nname = "Point équipe"\nfrequency = "hebdomadaire"\n'
    (root / "cockpit.toml").write_text(text, encoding="utf-8")
    period = risks.review_period(load(root))
    assert (period.days, period.body) == (92, "Comité de pilotage")
    assert not risks.view(recent, D(2026, 6, 30), period).review_overdue
    assert risks.view(recent, D(2026, 7, 3), period).review_overdue


def test_stale_review_message_says_when_and_why(tmp_path: Path) -> None:
    make_project(tmp_path, {"risks.toml": RISKS.replace("review = 2026-", "review = 2025-")})
    (found,) = [d for d in run_check(tmp_path, today=TODAY, gaps=False).diagnostics
                if d.code == "P004"]
    assert "dernière revue le" in found.message and "jours" in found.message
    assert "revue prévue" not in found.message


def test_variances_until_analysed(tmp_path: Path) -> None:
    # The textbook project: SPI = CPI = 0.88 at Jan 23, below 0.9.
    project = load(write_textbook(tmp_path))
    board = Dashboard(project, TODAY)
    kinds = {v.kind: v for v in board.variances}
    assert set(kinds) == {VarianceKind.SPI, VarianceKind.CPI}
    assert all(not v.analysed_by for v in kinds.values())
    analysis = Meeting("meetings/2026-01-23-point.md", "Point", D(2026, 1, 23), kind="point-projet",
                       decisions=("Le CPI dérive sur C : renégocier l'achat.",))
    earlier = Meeting("meetings/2026-01-02-point.md", "Point", D(2026, 1, 2),
                      decisions=("SPI à surveiller",))
    board = Dashboard(dataclasses.replace(project, meetings=(analysis, earlier)), TODAY)
    kinds = {v.kind: v for v in board.variances}
    assert kinds[VarianceKind.CPI].analysed_by == "meetings/2026-01-23-point.md"
    assert kinds[VarianceKind.SPI].analysed_by == ""  # the earlier meeting does not count


def test_deadline_slip_names_the_critical_path(tmp_path: Path) -> None:
    root = write_textbook(tmp_path)
    text = (root / "cockpit.toml").read_text(encoding="utf-8").replace("2026-01-30", "2026-01-28")
    (root / "cockpit.toml").write_text(text, encoding="utf-8")
    board = Dashboard(load(root), TODAY)
    (slip,) = [v for v in board.variances if v.kind is VarianceKind.DEADLINE]
    assert slip.subjects[:2] == ("B", "A") and "2 j ouvrés" in slip.message
    assert slip.file == "cockpit.toml"


def test_new_meeting_agenda_is_prefilled(tmp_path: Path) -> None:
    project = load(write_textbook(tmp_path))
    project = dataclasses.replace(project, actions=(
        Action("A1", "Commander le robot", who="r1", due=D(2026, 1, 20)),))
    board = Dashboard(project, TODAY)
    text = render_new_meeting(project, "copil", "COPIL n°2 : arbitrage", D(2026, 1, 26),
                              situation(board), board.actions)
    assert meeting_path(D(2026, 1, 26), "COPIL n°2 : arbitrage") == \
        "meetings/2026-01-26-copil-n2-arbitrage.md"
    assert text.startswith('+++\ntitle = "COPIL n°2 : arbitrage"\ndate = 2026-01-26\nkind = "copil"')
    for heading in ("## Ordre du jour", "## Rappel du contexte et des objectifs", "## Rôles",
                    "## Avancement", "## Revue du plan d'actions", "## Objectifs de la réunion",
                    "## Décisions", "## Actions", "## Points en suspens"):
        assert heading in text
    assert "A1 — @r1 — 2026-01-20 — Commander le robot (à faire — en retard de 3 j)" in text
    assert "SPI 0,88" in text and "B — Tâche B" in text


def test_until_is_read_from_indicators_toml(tmp_path: Path) -> None:
    # Status date 2026-03-02: K1 measured weekly until the 2nd; a week later it would be late.
    late = {"cockpit.toml": COCKPIT.replace("status_date = 2026-03-02", "status_date = 2026-03-20")}
    make_project(tmp_path, late)
    assert "P005" in {d.code for d in run_check(tmp_path, today=TODAY, gaps=False).diagnostics}
    make_project(tmp_path, {**late, "indicators.toml": INDICATORS + "until = 2026-03-02\n"})
    codes = {d.code for d in run_check(tmp_path, today=TODAY, gaps=False).diagnostics}
    assert "P005" not in codes and "F011" not in codes
