"""Earned value against a worked example whose answers are computed by hand.

The example (a three-task project, Monday–Friday, no holidays, status Friday 23/01/2026):

    A  10 j  r1 500 €/j × 100 %             Jan 05 – Jan 16   BAC  5 000
    S  summary of B and C
    B  10 j  r2 400 €/j × 50 % + L1 3 000 € (no date: spread over B)
                                            Jan 19 – Jan 30   BAC  5 000
    C   5 j  r1 500 €/j × 100 % + L2 2 500 € committed Jan 20
                                            Jan 19 – Jan 23   BAC  5 000

PV at Jan 23: A 5 000 (done) + B 5 000 × 5/10 = 2 500 + C 2 500 + 2 500 = 5 000 → 12 500.
EV: A 100 % → 5 000, B 40 % → 2 000, C 80 % → 4 000 → 11 000 (C's 100 % on Jan 26 is
after the status date). AC: A 3 000 + 2 500, B 2 500, C 4 500 → 12 500 (B's 1 000 on
Jan 27 is after it). Then, from the PMBOK definitions:
SV = CV = −1 500; SPI = CPI = 11 000 / 12 500 = 0.88; EAC = BAC / CPI = 15 000 / 0.88
= 17 045.4545…; AC + (BAC − EV) = 16 500; AC + (BAC − EV)/(CPI × SPI) = 12 500 +
4 000 / 0.7744 = 17 665.2892…; ETC = 4 545.4545…; VAC = −2 045.4545…;
TCPI = 4 000 / 2 500 = 1.6. Summary S: BAC 10 000, PV 7 500, EV 6 000, AC 7 000.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from cockpit.finance import EacMethod, Evm, compute_evm, plan_costs, status_date_of
from cockpit.folder import load_project
from cockpit.model import Project
from cockpit.schedule import WorkCalendar, compute_schedule
from helpers_folder import TODAY

COCKPIT = """\
[project]
id = "TB"
title = "Exemple de manuel"
start = 2026-01-05
deadline = 2026-01-30
status_date = {status}
phase = "conduite"

[calendar]
holidays = "none"

[[team]]
id = "r1"
name = "Ressource un"
rate = 500

[[team]]
id = "r2"
name = "Ressource deux"
rate = 400
"""
WBS = """\
[[task]]
id = "A"
name = "Tâche A"
duration = "10j"
resources = ["r1"]

[[task]]
id = "S"
name = "Lot S"

[[task]]
id = "B"
parent = "S"
name = "Tâche B"
duration = "10j"
resources = ["r2:50%"]
after = ["A"]

[[task]]
id = "C"
parent = "S"
name = "Tâche C"
duration = "5j"
resources = ["r1"]
after = ["A"]
"""
BUDGET = """\
[budget]
envelope = 16000
contingency = 1000

[[line]]
id = "L1"
task = "B"
category = "achats"
amount = 3000

[[line]]
id = "L2"
task = "C"
category = "investissement"
amount = 2500
date = 2026-01-20
"""
PROGRESS = """\
date,task,percent,comment
2026-01-16,A,100,
2026-01-23,B,40,
2026-01-22,C,80,
2026-01-26,C,100,après la date d'état
"""
COSTS = """\
date,task,category,amount,reference,comment
2026-01-09,A,main-d'œuvre,3000,,
2026-01-16,A,main-d'œuvre,2500,,
2026-01-23,B,achats,2500,,
2026-01-22,C,investissement,4500,,
2026-01-27,B,achats,1000,,après la date d'état
"""


def write_textbook(root: Path, status: str = "2026-01-23", *, progress: str = PROGRESS,
                   costs: str = COSTS) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "cockpit.toml").write_text(COCKPIT.format(status=status), encoding="utf-8")
    (root / "wbs.toml").write_text(WBS, encoding="utf-8")
    (root / "budget.toml").write_text(BUDGET, encoding="utf-8")
    (root / "progress.csv").write_text(progress, encoding="utf-8")
    (root / "costs.csv").write_text(costs, encoding="utf-8")
    return root


def load(root: Path) -> Project:
    result = load_project(root)
    assert result.project is not None, result.diagnostics
    return result.project


def evm_of(root: Path, status: dt.date | None = None):  # type: ignore[no-untyped-def]
    """The EVM at `status`, or at the folder's status_date."""
    project = load(root)
    schedule = compute_schedule(project, WorkCalendar.from_settings(project.settings))
    return compute_evm(project, schedule, status or status_date_of(project, TODAY))


D = Decimal


def close(value: Decimal | None, expected: str) -> bool:
    return value is not None and abs(value - D(expected)) < D("0.0001")


def test_textbook_project(tmp_path: Path) -> None:
    report = evm_of(write_textbook(tmp_path))
    p = report.project
    assert (p.bac, p.pv, p.ev, p.ac) == (D(15000), D(12500), D(11000), D(12500))
    assert (p.sv, p.cv) == (D(-1500), D(-1500))
    assert close(p.spi, "0.88") and close(p.cpi, "0.88")
    assert p.eac_method is EacMethod.CPI
    assert close(p.eac, "17045.4545")
    assert close(p.eac_by(EacMethod.BUDGET_RATE), "16500")
    assert close(p.eac_by(EacMethod.CPI_SPI), "17665.2893")
    assert close(p.etc, "4545.4545") and close(p.vac, "-2045.4545")
    assert close(p.tcpi, "1.6")
    assert close(p.percent_complete, "73.3333")


def test_textbook_tasks_and_summary(tmp_path: Path) -> None:
    report = evm_of(write_textbook(tmp_path))
    a, b, c, s = (report.tasks[k] for k in "ABCS")
    assert (a.bac, a.pv, a.ev, a.ac) == (D(5000), D(5000), D(5000), D(5500))
    assert (b.bac, b.pv, b.ev, b.ac) == (D(5000), D(2500), D(2000), D(2500))
    assert (c.bac, c.pv, c.ev, c.ac) == (D(5000), D(5000), D(4000), D(4500))
    assert (s.bac, s.pv, s.ev, s.ac) == (D(10000), D(7500), D(6000), D(7000))
    assert close(s.spi, "0.8") and close(s.cpi, "0.857142857")


def test_pmbok_figures_directly() -> None:
    # BAC 100 000, PV 50 000, EV 40 000, AC 45 000 (a classic exercise).
    e = Evm(D(100000), D(50000), D(40000), D(45000))
    assert (e.sv, e.cv) == (D(-10000), D(-5000))
    assert close(e.spi, "0.8") and close(e.cpi, "0.888888889")
    assert close(e.eac, "112500") and close(e.etc, "67500") and close(e.vac, "-12500")
    assert close(e.eac_by(EacMethod.BUDGET_RATE), "105000")
    assert close(e.eac_by(EacMethod.CPI_SPI), "129375")  # 45 000 + 60 000 / (0.8 × 8/9)
    assert close(e.tcpi, "1.090909091")


def test_nothing_started(tmp_path: Path) -> None:
    header_p, header_c = PROGRESS.splitlines()[0] + "\n", COSTS.splitlines()[0] + "\n"
    report = evm_of(write_textbook(tmp_path, progress=header_p, costs=header_c))
    p = report.project
    assert (p.pv, p.ev, p.ac) == (D(12500), D(0), D(0))
    assert p.spi == 0 and p.cpi is None
    assert p.eac_method is EacMethod.BUDGET_RATE and p.eac == D(15000)
    assert p.tcpi == 1 and p.eac_by(EacMethod.CPI) is None and p.eac_by(EacMethod.CPI_SPI) is None


def test_everything_finished(tmp_path: Path) -> None:
    progress = "date,task,percent,comment\n2026-01-16,A,100,\n2026-01-30,B,100,\n2026-01-23,C,100,\n"
    costs = "date,task,category,amount,reference,comment\n2026-01-30,A,,5000,,\n2026-01-30,B,,5000,,\n" \
            "2026-01-30,C,,5000,,\n"
    report = evm_of(write_textbook(tmp_path, "2026-02-06", progress=progress, costs=costs))
    p = report.project
    assert p.pv == p.ev == p.ac == p.bac == D(15000)
    assert p.spi == 1 and p.cpi == 1 and p.eac == D(15000) and p.etc == 0 and p.vac == 0
    assert p.tcpi is None  # no budget left to spend: undefined, not a crash


def test_costs_without_progress(tmp_path: Path) -> None:
    report = evm_of(write_textbook(tmp_path, progress="date,task,percent,comment\n"))
    p = report.project
    assert p.ev == 0 and p.ac == D(12500) and p.cpi == 0
    assert p.eac_method is EacMethod.BUDGET_RATE and p.eac == D(27500)  # AC + (BAC − EV)
    assert p.eac_by(EacMethod.CPI) is None
    assert close(p.tcpi, "6")


def test_status_date_before_start(tmp_path: Path) -> None:
    report = evm_of(write_textbook(tmp_path, "2025-12-15"))
    p = report.project
    assert (p.pv, p.ev, p.ac) == (0, 0, 0)
    assert p.spi is None and p.cpi is None and p.eac == D(15000)
    assert all(e.spi is None for e in report.tasks.values())


def test_status_date_defaults_to_today_and_can_be_given(tmp_path: Path) -> None:
    report = evm_of(write_textbook(tmp_path), dt.date(2026, 1, 16))
    assert report.status_date == dt.date(2026, 1, 16)
    assert report.project.pv == D(5000) and report.project.ev == D(5000)


def test_a_slipped_task_keeps_its_planned_cost(tmp_path: Path) -> None:
    # A (10 j planned at 500 €/j) really ran from Jan 5 to Jan 21, 13 working days: the slip
    # shows in AC and EAC, never in BAC (FORMAT.md), which stays 15 000.
    root = write_textbook(tmp_path)
    wbs = WBS.replace('resources = ["r1"]\n\n[[task]]\nid = "S"',
                      'resources = ["r1"]\nactual_start = 2026-01-05\nactual_finish = 2026-01-21'
                      '\n\n[[task]]\nid = "S"')
    assert wbs != WBS
    (root / "wbs.toml").write_text(wbs, encoding="utf-8")
    report = evm_of(root)
    assert report.tasks["A"].bac == 5000
    assert report.project.bac == 15000


def test_zero_budget_gives_no_ratio() -> None:
    e = Evm()
    assert e.spi is None and e.cpi is None and e.tcpi is None and e.percent_complete is None
    assert e.eac == 0


def test_planned_spread_prorates_without_residue(tmp_path: Path) -> None:
    project = load(write_textbook(tmp_path))
    schedule = compute_schedule(project)
    budget = plan_costs(project, schedule)
    assert budget.bac == D(15000)
    assert budget.costs["B"].labour == D(2000) and budget.costs["B"].spread_lines == D(3000)
    assert budget.value_at(dt.date(2026, 1, 20)) == D(5000 + 1000 + 1000 + 2500)
    total = sum((amount for _, amount in budget.daily()), D(0))
    assert close(total, "15000")


@pytest.mark.parametrize("status", ["2026-01-23", "2027-01-01", "2025-01-01"])
def test_summary_is_sum_of_children(tmp_path: Path, status: str) -> None:
    report = evm_of(write_textbook(tmp_path, status))
    s, b, c = report.tasks["S"], report.tasks["B"], report.tasks["C"]
    assert s == b + c


def test_started_tasks_without_logged_labour_are_named(tmp_path: Path, capsys) -> None:
    # The textbook logs A's labour as « main-d'œuvre »; B and C (started) log only purchases.
    root = write_textbook(tmp_path)
    assert evm_of(root).unrecorded_labour == ("B", "C")
    from cockpit.check.run import run_check
    from cockpit.cli import main
    from helpers_folder import TODAY

    (found,) = [d for d in run_check(root, today=TODAY, gaps=False).diagnostics if d.code == "B002"]
    assert (found.file, found.line) == ("costs.csv", 1)
    assert "« B », « C »" in found.message and "CPI" in found.message
    for kind in ("status", "copil", "rex"):
        assert main(["report", kind, str(root)]) == 0
        assert "absente de costs.csv" in capsys.readouterr().out, kind
    assert main(["status", str(root), "--format", "json"]) == 0
    import json

    assert json.loads(capsys.readouterr().out)["budget"]["unrecorded_labour"] == ["B", "C"]
    # Logged as « Temps passés » (any labour wording), C is no longer named.
    costs = COSTS + "2026-01-22,C,Temps passés,1500,,\n"
    assert evm_of(write_textbook(tmp_path, costs=costs)).unrecorded_labour == ("B",)


def test_a_service_is_recorded_by_its_invoice(tmp_path: Path) -> None:
    root = write_textbook(tmp_path)
    cockpit = (root / "cockpit.toml").read_text(encoding="utf-8")
    (root / "cockpit.toml").write_text(cockpit.replace('name = "Ressource deux"',
                                                       'name = "Ressource deux"\nkind = "service"'),
                                       encoding="utf-8")
    assert evm_of(root).unrecorded_labour == ("C",)  # B's resource is a service: invoiced
