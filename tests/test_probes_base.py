"""A tiny project folder for probe tests: a cockpit.toml plus the files a test gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from cockpit.folder import load_project
from cockpit.referentials.gaps import Status
from cockpit.referentials.probes import PROBES, Facts, Finding, run_probe
from cockpit.state import ProjectState

TODAY = dt.date(2026, 4, 17)
BASE = """\
[project]
id = "T-26"
title = "Projet de test"
start = 2026-01-05
deadline = 2026-09-30
status_date = 2026-04-17
phase = "{phase}"
referential = "{referential}"
{extra}
"""


def folder(root: Path, files: dict[str, str] | None = None, *, phase: str = "conduite",
           referential: str = "cqpm-charge-projets-industriels", extra: str = "") -> Path:
    text = BASE.format(phase=phase, referential=referential, extra=extra)
    files = dict(files or {})
    text += files.pop("cockpit.toml", "")
    (root / "cockpit.toml").write_text(text, encoding="utf-8")
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return root


def facts_of(root: Path) -> Facts:
    """The probes' facts on the folder's state (`today` is the status date of BASE)."""
    loaded = load_project(root)
    assert loaded.project is not None, loaded.diagnostics
    return Facts(ProjectState(loaded.project, TODAY))


def probe(root: Path, name: str, **params: Any) -> Finding:
    return run_probe(name, facts_of(root), params)


def assert_covered(finding: Finding) -> None:
    assert finding.status is Status.COVERED, finding.missing
    assert finding.evidence and not finding.missing


def shown(finding: Finding) -> list[str]:
    return [str(e) for e in finding.evidence]


__all__ = ["PROBES", "assert_covered", "folder", "probe", "shown"]


# ------------------------------------------------------------------ properties
import pytest  # noqa: E402

from cockpit.referentials import list_referentials  # noqa: E402


def _declared() -> list[tuple[str, dict[str, Any]]]:
    """Every (probe, params) the five référentiels declare, once."""
    seen: dict[str, tuple[str, dict[str, Any]]] = {}
    for referential in list_referentials():
        for criterion in referential.criteria:
            for declared in criterion.probes:
                params = dict(declared.params)
                seen[f"{declared.name}{sorted(params.items())!r}"] = (declared.name, params)
    return list(seen.values())


def test_every_declared_probe_exists_and_accepts_its_parameters() -> None:
    for name, params in _declared():
        assert name in PROBES, name
        assert PROBES[name].accepts(params) is None, (name, params)


def test_nothing_is_covered_on_an_empty_project(tmp_path: Path) -> None:
    """A probe never reports covered without evidence: an empty folder evidences nothing."""
    facts = facts_of(folder(tmp_path))
    for name, params in _declared():
        finding = run_probe(name, facts, params)
        assert finding.status is Status.MISSING, (name, params, finding)
        assert finding.missing, (name, params)
        assert not finding.evidence


def test_the_guard_never_lets_covered_pass_without_evidence(tmp_path: Path) -> None:
    from cockpit.referentials.probes.base import probe as register

    @register("test-liar", "sonde de test qui se dit couverte sans preuve")
    def liar(facts: Facts) -> Finding:
        return Finding(Status.COVERED)

    try:
        folder(tmp_path)
        assert probe(tmp_path, "test-liar").status is Status.MISSING
    finally:
        del PROBES["test-liar"]


@pytest.mark.parametrize("name", sorted(PROBES))
def test_every_probe_is_described_in_french(name: str) -> None:
    assert len(PROBES[name].summary) > 20


def test_an_empty_heading_proves_nothing_but_a_written_subsection_does() -> None:
    from cockpit.folder.markdown import parse_sections
    from cockpit.referentials.passages import document_text
    from cockpit.referentials.probes.base import check_sections, find_section

    body = ("## Objectifs\n<!-- guidance only -->\n\n## Analyse\n### Technique\nSoudure validée.\n"
            "## Suite\n")
    sections = parse_sections(body, 1)
    assert find_section(sections, "objectifs") is None
    analyse = find_section(sections, "analyse")
    assert analyse is not None and analyse.title == "Analyse"
    text = document_text("docs/x.md", sections)
    evidence, gaps = check_sections(text, ["objectifs", "analyse", "risques"])
    assert [str(e) for e in evidence] == ["docs/x.md:4"]
    assert evidence[0].heading == "Analyse" and evidence[0].excerpt == "Soudure validée."
    assert [g.split(" introuvable")[0] for g in gaps] == ["« Objectifs »", "« Risques »"]
    assert gaps[0].endswith("(termes cherchés : « objectifs ») : ajoutez un passage qui en "
                            "traite, sous le titre de votre choix")
