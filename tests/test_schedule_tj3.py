"""Day-for-day agreement with TaskJuggler 3 on generated projects (skipped without `tj3`).

The generator (tests/tj3/projects.py) draws every dependency type with lags (negative ones
where TaskJuggler can express them), milestones, nested summary tasks and dependencies on
them, start-no-earlier-than constraints, FR / FR-57 / no holidays, closures and unusual
working weeks. `python tests/tj3/compare.py 200` runs a larger sample.
"""

from __future__ import annotations

import random

import pytest

from cockpit.model import Period
from tj3.builders import d, project, task
from tj3.projects import Shape, compare, random_project, tj3_available, to_tjp

needs_tj3 = pytest.mark.skipif(not tj3_available(), reason="tj3 (TaskJuggler) is not installed")


def test_export_maps_every_dependency_type() -> None:
    text = to_tjp(project(
        task("a", "3j"), task("fs", "2j", "a FD+2j"), task("ss", "1j", "a DD+1j"),
        task("ff", "2j", "a FF+1j"), task("sf", "2j", "a DF+3j"), task("neg", "1j", "a-1j"),
        task("lot"), task("x", "1j", parent="lot"),
        closures=(Period(d("2026-08-03"), d("2026-08-21")),),
    ))
    assert "depends t0 { gaplength 2d }" in text
    assert "depends t0 { onstart gaplength 1d }" in text          # SS+1
    assert "depends t0 { onstart gaplength 2d }" in text          # FF+1, d=2: 3+1-2
    assert "depends t0 { onstart gaplength 1d }" in text          # SF+3, d=2
    assert "leaves holiday \"Fermeture\" 2026-08-03 - 2026-08-22" in text  # end exclusive
    assert "task t7 \"X\"" in text and "leaves holiday \"Noël\" 2026-12-25" in text


@needs_tj3
def test_hand_written_project_agrees_with_tj3() -> None:
    plan = project(
        task("kickoff", milestone=True),
        task("spec", "8j", "kickoff"),
        task("lot", None, "spec DD+2j"),
        task("build", "5j", parent="lot"),
        task("doc", "2j", "build FF+1j", parent="lot"),
        task("test", "3j", "lot", start_no_earlier_than=d("2026-06-13")),
        task("go", None, "test", milestone=True),
        start=d("2026-04-30"), closures=(Period(d("2026-05-11"), d("2026-05-12")),),
    )
    assert compare(plan) == []


@needs_tj3
@pytest.mark.parametrize("seed", range(12))
def test_generated_projects_agree_with_tj3(seed: int) -> None:
    rng = random.Random(seed)
    shape = Shape(tasks=rng.randint(8, 40), deps_per_task=rng.choice((0.8, 1.5, 2.5)))
    assert compare(random_project(rng, shape)) == []
