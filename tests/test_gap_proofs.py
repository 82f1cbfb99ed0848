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
