"""Blind cases: project folders written by people who never saw cockpit's code, with
planted gaps and a ground truth written before the tool was run (tests/blind/<case>/
project and truth.toml, format in the brief of the corpus). Every capacity status of
the truth is asserted, and every planted gap must be reported on its criterion.

Never change a case to fit the tool; change one only for a genuine mistake in it, and
say so in the commit.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from cockpit.check.run import run_check
from cockpit.referentials.gaps import Status

HERE = Path(__file__).parent
CASES = sorted(p.name for p in HERE.iterdir() if (p / "truth.toml").exists())
TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize("case", CASES)
def test_every_capacity_status_is_the_truth(case: str) -> None:
    truth = tomllib.loads((HERE / case / "truth.toml").read_text(encoding="utf-8"))
    result = run_check(HERE / case / "project", today=TODAY)
    assert result.gaps is not None
    got = {c.id: c for c in result.gaps.capacities}
    wrong = {cap: (want, got[cap].status.value if cap in got else "absent")
             for cap, want in truth["capacities"].items()
             if cap not in got or got[cap].status.value != want}
    assert wrong == {}
    for gap in truth.get("gap", []):
        criterion = next(k for k in got[gap["capacity"]].criteria if k.id == gap["criterion"])
        assert criterion.status is not Status.COVERED, gap["planted"]
