"""Issue 13: the catalogue of hostile and broken folders (tests/hostile/faults.py), every
command on each, in worker processes (tests/hostile/runner.py).

Each fault must come out clean: every command exits 0, 1 or 2 with a French message (2 only
where FORMAT.md says so: no folder, no readable cockpit.toml), no traceback or internal
error, no secret from outside the folder, no control character, no live formula or HTML,
nothing written in the folder, within the time bound; `cockpit check` names the file at
fault, and what is harmless (CRLF, a link inside the folder) raises no diagnostic.
"""

from __future__ import annotations

import time

import pytest

from hostile.faults import FAULTS
from hostile.runner import run_catalogue


def test_the_catalogue_has_a_hundred_faults_at_least() -> None:
    assert len(FAULTS) >= 100
    assert len({f.name for f in FAULTS}) == len(FAULTS)


@pytest.mark.long
def test_every_fault_of_the_catalogue_is_handled_cleanly() -> None:
    started = time.perf_counter()
    outcomes = run_catalogue()
    elapsed = time.perf_counter() - started
    failures = [f"[{o.kind}] {o.name}: " + " | ".join(o.details)[:600] for o in outcomes if o.kind != "clean"]
    assert not failures, "\n".join(failures)
    assert elapsed < 120, f"the catalogue took {elapsed:.0f} s"
