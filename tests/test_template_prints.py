"""Template content is not evidence (issue 12): an untouched `cockpit init` folder covers
no criterion, and the shipped fingerprints of the templates are up to date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cockpit.check.run import run_check
from cockpit.folder.scaffold import scaffold
from cockpit.referentials import known_referential_ids
from cockpit.referentials.gaps import Status
from cockpit.referentials.templates import PRINTS, compute

TODAY = dt.date(2026, 3, 2)


def test_the_shipped_prints_are_those_of_the_templates() -> None:
    """Regenerate with `python -m cockpit.referentials.templates` after editing a template."""
    assert json.loads(PRINTS.read_text(encoding="utf-8")) == compute()


@pytest.mark.parametrize("referential", known_referential_ids())
def test_an_untouched_init_folder_covers_nothing(tmp_path: Path, referential: str) -> None:
    scaffold(tmp_path, {"id": "P", "title": "Projet"}, referential, TODAY)
    result = run_check(tmp_path, today=TODAY)
    assert result.gaps is not None
    covered = [k.id for c in result.gaps.capacities for k in c.criteria
               if k.status is Status.COVERED]
    assert covered == []
    assert not any(c.status is Status.COVERED for c in result.gaps.capacities)


def test_a_sample_record_kept_among_the_users_counts_for_nothing(tmp_path: Path) -> None:
    from cockpit.folder.loader import load_project
    from cockpit.referentials.templates import strip_template

    scaffold(tmp_path, {"id": "P", "title": "Projet"}, "cqpm-charge-projets-industriels", TODAY)
    risks = (tmp_path / "risks.toml").read_text(encoding="utf-8")
    (tmp_path / "risks.toml").write_text(risks + '\n[[risk]]\nid = "R9"\ntitle = "Rupture '
                                         'de stock de brides"\n', encoding="utf-8")
    project = strip_template(load_project(tmp_path).project)
    assert [r.id for r in project.risks] == ["R9"]
