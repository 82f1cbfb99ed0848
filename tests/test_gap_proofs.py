"""Show the proof (issue 12): each covered criterion shows the passage that proves it —
file:line, heading, an excerpt of at most 160 characters — in the terminal, JSON,
Markdown and HTML gap reports; each missing concept says which terms were looked for,
and where."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from cockpit.check.output import as_json, gap_lines
from cockpit.check.run import run_check
from cockpit.referentials.gaps import Status

EXAMPLE = Path(__file__).parents[1] / "examples" / "lean-atelier-peinture"
TODAY = dt.date(2026, 12, 4)


def _result():  # type: ignore[no-untyped-def]
    return run_check(EXAMPLE, today=TODAY)


def test_json_gives_each_proof_with_its_line_heading_and_excerpt() -> None:
    data = json.loads(as_json(_result()))
    proofs = [p for c in data["capacities"] for k in c["criteria"] if k["status"] == "covered"
              for p in k["proofs"]]
    assert proofs and all(set(p) == {"file", "line", "anchor", "heading", "excerpt", "note"}
                          for p in proofs)
    passages = [p for p in proofs if p["excerpt"]]
    assert passages and all(len(p["excerpt"]) <= 160 and p["line"] for p in passages)
    assert any(p["heading"] for p in passages)
    for capacity in data["capacities"]:  # the shape of FORMAT.md is kept
        for criterion in capacity["criteria"]:
            assert len(criterion["evidence"]) == len(criterion["proofs"])


def test_terminal_shows_a_proof_per_covered_criterion() -> None:
    result = _result()
    assert result.gaps is not None
    lines = gap_lines(result.gaps)
    covered = [k.id for c in result.gaps.capacities for k in c.criteria
               if k.status is Status.COVERED]
    for criterion in covered:
        assert any(line.strip().startswith(f"✔ {criterion} preuve : ") for line in lines)
    assert any(" : « " in line for line in lines)


def test_markdown_and_html_reports_show_the_excerpts() -> None:
    from cockpit.report.gap import build

    result = _result()
    report = build(result.gaps, "Peinture", TODAY)
    text = repr(report)
    assert " : « " in text


def test_a_missing_concept_names_its_terms_and_where_it_was_looked_for() -> None:
    result = _result()
    assert result.gaps is not None
    messages = [m for c in result.gaps.capacities for k in c.criteria for m in k.missing]
    assert any("termes cherchés : « " in m or "kind = \"standard\"" in m for m in messages)


def _copy(tmp_path: Path, example: str, edit: dict[str, tuple[str, str]]) -> Path:
    import shutil

    root = tmp_path / example
    shutil.copytree(EXAMPLE.parent / example, root)
    for file, (old, new) in edit.items():
        text = (root / file).read_text(encoding="utf-8")
        assert old in text
        (root / file).write_text(text.replace(old, new), encoding="utf-8")
    return root


def test_without_phase_it_is_inferred_and_said(tmp_path: Path) -> None:
    root = _copy(tmp_path, "robot-soudage", {"cockpit.toml": ('phase = "conduite"\n', "")})
    data = json.loads(as_json(run_check(root, today=TODAY)))
    assert data["phase"]["value"] == "conduite" and data["phase"]["inferred"]
    assert "dernier compte rendu" in data["phase"]["reason"]
    c7 = next(c for c in data["capacities"] if c["id"] == "C7")
    assert c7["phase_not_reached"]  # the bilan's phase has not come yet
    late = _copy(tmp_path / "late", "robot-soudage", {"cockpit.toml": (
        'phase = "conduite"\n', "")})
    text = (late / "cockpit.toml").read_text(encoding="utf-8")
    (late / "cockpit.toml").write_text(text.replace("status_date = 2026-04-17",
                                                    "status_date = 2026-11-30"), encoding="utf-8")
    data = json.loads(as_json(run_check(late, today=TODAY)))
    assert data["phase"]["value"] == "conclusion" and "fin planifiée" in data["phase"]["reason"]
    assert not next(c for c in data["capacities"] if c["id"] == "C7")["phase_not_reached"]


WBS = """
[[task]]
id = "debut"
name = "Diagnostic de la ligne"
duration = "5j"
resources = ["a"]

[[task]]
id = "date"
name = "Essais pendant l'arrêt d'été"
duration = "3j"
resources = ["a"]
start_no_earlier_than = 2026-08-03

[[task]]
id = "oubli"
name = "Rédaction du cahier des charges"
duration = "5j"
resources = ["a"]

[[task]]
id = "fin"
name = "Validation"
milestone = true
after = ["debut", "date", "oubli"]
"""


def test_start_tasks_and_milestones_are_never_asked_for_predecessors(tmp_path: Path) -> None:
    from test_probes_base import folder, probe

    folder(tmp_path, {"wbs.toml": WBS})
    finding = probe(tmp_path, "wbs", require=["after", "resources"])
    assert finding.missing == ("ajoutez ses antériorités (after = [...]) à la tâche « oubli » "
                               "(wbs.toml ligne 15)",)
