"""S-curve and commitment forecast of the textbook example (see test_finance_evm.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

from cockpit.finance import commitments, s_curve
from cockpit.schedule import compute_schedule
from test_finance_evm import load, write_textbook


def test_s_curve_weekly_with_status_date(tmp_path: Path) -> None:
    project = load(write_textbook(tmp_path))
    points = s_curve(project, compute_schedule(project), dt.date(2026, 1, 23))
    table = {p.date: (p.pv, p.ev, p.ac) for p in points}
    assert list(table) == [dt.date(2026, 1, 11), dt.date(2026, 1, 18), dt.date(2026, 1, 23),
                           dt.date(2026, 1, 25), dt.date(2026, 2, 1)]
    assert table[dt.date(2026, 1, 11)] == (D(2500), D(0), D(3000))
    assert table[dt.date(2026, 1, 18)] == (D(5000), D(5000), D(5500))
    assert table[dt.date(2026, 1, 23)] == (D(12500), D(11000), D(12500))
    assert table[dt.date(2026, 1, 25)] == (D(12500), None, None)
    assert table[dt.date(2026, 2, 1)][0] == D(15000)


def test_commitments_month_by_month(tmp_path: Path) -> None:
    project = load(write_textbook(tmp_path))
    months = commitments(project, compute_schedule(project), dt.date(2026, 1, 23))
    assert len(months) == 1
    jan = months[0]
    assert jan.month == dt.date(2026, 1, 1)
    assert abs(jan.planned - D(15000)) < D("0.0001")
    assert jan.actual == D(12500)
    # actual to the status date + B's last five days (5 × 500 €) planned after it
    assert abs(jan.forecast - D(15000)) < D("0.0001")
    assert jan.margin is not None and abs(jan.margin - D(1000)) < D("0.0001")


def test_commitments_across_months(tmp_path: Path) -> None:
    root = write_textbook(tmp_path, "2026-01-09")
    wbs = (root / "wbs.toml").read_text(encoding="utf-8").replace('duration = "10j"\nresources = ["r2',
                                                                    'duration = "20j"\nresources = ["r2')
    (root / "wbs.toml").write_text(wbs, encoding="utf-8")
    project = load(root)
    months = commitments(project, compute_schedule(project), dt.date(2026, 1, 9))
    assert [m.month.month for m in months] == [1, 2]
    # B: 20 days from Jan 19 to Feb 13; labour 200 €/d, L1 3 000 € spread: 350 €/d
    # January holds 10 of B's days: 3 500; February the other 10.
    assert abs(months[1].planned - D(3500)) < D("0.0001")
    assert abs(months[-1].cumulative_planned - D(17000)) < D("0.0001")
    assert months[0].actual == D(3000)
