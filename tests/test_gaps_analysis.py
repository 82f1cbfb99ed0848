"""The gap analysis: judgement-only criteria, evidence.toml claims, phases, capacity statuses,
G diagnostics, output and speed."""

from __future__ import annotations

import json
from pathlib import Path

from cockpit.check.output import as_json, human
from cockpit.check.run import run_check
from cockpit.referentials.gaps import CriterionResult, Status
from helpers_folder import TODAY
from test_probes_base import folder

REF = "cqpm-charge-projets-industriels"
MINUTES = """+++
title = "Réunion"
date = {date}
kind = "copil"
phase = "{phase}"
+++

## Ordre du jour
"""


def _criterion(result: object, capacity: str, criterion: str) -> CriterionResult:
    gaps = result.gaps  # type: ignore[attr-defined]
    cap = next(c for c in gaps.capacities if c.id == capacity)
    return next(k for k in cap.criteria if k.id == criterion)


def _capacity(result: object, capacity: str):  # type: ignore[no-untyped-def]
    return next(c for c in result.gaps.capacities if c.id == capacity)  # type: ignore[attr-defined]


def test_judgement_criterion_to_justify_until_claimed(tmp_path: Path) -> None:
    folder(tmp_path, {"meetings/2026-01-06-copil.md": MINUTES.format(date="2026-01-06",
                                                                       phase="cadrage")})
    result = run_check(tmp_path, today=TODAY)
    c42 = _criterion(result, "C4", "C4.2")
    assert c42.status is Status.TO_JUSTIFY and c42.judgement
    assert c42.missing[0].startswith(f'pointez la preuve et justifiez-la dans evidence.toml : '
                                     f'["{REF}".C4.2]')
    (tmp_path / "evidence.toml").write_text(
        f'["{REF}".C4]\nevidence = ["meetings/2026-01-06-copil.md#ordre-du-jour"]\n'
        'justification = "Méthode participative au lancement."\n', encoding="utf-8")
    result = run_check(tmp_path, today=TODAY)
    c42 = _criterion(result, "C4", "C4.2")
    assert c42.status is Status.COVERED
    assert [str(e) for e in c42.evidence] == ["meetings/2026-01-06-copil.md#ordre-du-jour"]
    assert "evidence.toml ligne 1" in c42.evidence[0].note
    # A capacity-level claim covers only judgement-only criteria.
    assert _criterion(result, "C4", "C4.1").status is not Status.COVERED


def test_claim_with_broken_evidence_or_no_justification(tmp_path: Path) -> None:
    folder(tmp_path, {"evidence.toml": f'["{REF}".C4]\nevidence = ["meetings/absent.md"]\n'})
    result = run_check(tmp_path, today=TODAY)
    c42 = _criterion(result, "C4", "C4.2")
    assert c42.status is Status.TO_JUSTIFY
    assert c42.missing == (
        "la preuve « meetings/absent.md » (evidence.toml ligne 1) n'existe pas : corrigez le "
        "chemin ou l'ancre",
        "ajoutez une justification à C4 (evidence.toml ligne 1)")
    assert any(d.code == "G004" for d in result.diagnostics)


def test_candidate_mapping_covers_a_probed_criterion(tmp_path: Path) -> None:
    folder(tmp_path, {"docs/analyse.md": '+++\ntitle = "Analyse"\ndate = 2026-01-10\n'
                                         'kind = "note"\n+++\n\n## Objectifs\n',
                      "evidence.toml": f'["{REF}".C1.2]\nevidence = ["docs/analyse.md#objectifs"]\n'
                                       'justification = "Objectifs mesurables page 2."\n'})
    c12 = _criterion(run_check(tmp_path, today=TODAY), "C1", "C1.2")
    assert c12.status is Status.COVERED
    assert c12.evidence[0].note == "preuve citée par le candidat (evidence.toml ligne 1)"



def test_a_claim_does_not_cover_with_a_file_lacking_what_is_asked(tmp_path: Path) -> None:
    """Lean C3.2 asks that the levers be justified economically (decision_matrix costs):
    citing the very matrix whose options have no cost does not cover it."""
    matrix = ('title = "Choix des leviers"\ndate = 2026-02-01\ndecided = "a"\n'
              'validated_by = "cmartin"\njustification = "Le plus rapide"\n'
              '[[criterion]]\nid = "delai"\nname = "Délai"\nweight = 3\n'
              '[[criterion]]\nid = "risque"\nname = "Risque"\nweight = 2\n'
              '[[option]]\nid = "a"\nname = "Flux tiré"\nscores = { delai = 4, risque = 3 }\n'
              '[[option]]\nid = "b"\nname = "Machine"\nscores = { delai = 2, risque = 4 }\n')
    claim = ('["cqpm-animateur-lean".C3.2]\nevidence = ["decisions/choix-leviers.toml"]\n'
             'justification = "Leviers ratifiés par la direction."\n')
    folder(tmp_path, {"decisions/choix-leviers.toml": matrix, "evidence.toml": claim},
           referential="cqpm-animateur-lean")
    c32 = _criterion(run_check(tmp_path, today=TODAY), "C3", "C3.2")
    assert c32.status is Status.PARTIAL
    assert c32.missing[0] == (
        "la preuve « decisions/choix-leviers.toml » citée à evidence.toml ligne 1 ne suffit "
        "pas : elle-même ne contient pas ce que le critère demande (voir ci-dessous)")
    assert c32.missing[1:] == (
        "chiffrez l'option « a » de decisions/choix-leviers.toml (cost = montant du devis)",
        "chiffrez l'option « b » de decisions/choix-leviers.toml (cost = montant du devis)")
    costed = matrix.replace('name = "Flux tiré"', 'name = "Flux tiré"\ncost = 9000').replace(
        'name = "Machine"', 'name = "Machine"\ncost = 280000')
    (tmp_path / "decisions/choix-leviers.toml").write_text(costed, encoding="utf-8")
    c32 = _criterion(run_check(tmp_path, today=TODAY), "C3", "C3.2")
    assert c32.status is Status.COVERED

def test_phase_not_reached_is_reported(tmp_path: Path) -> None:
    folder(tmp_path, phase="cadrage")
    result = run_check(tmp_path, today=TODAY)
    assert _capacity(result, "C7").phase_not_reached
    assert not _capacity(result, "C1").phase_not_reached
    assert _capacity(result, "C7").status is Status.MISSING
    assert "(phase à venir)" in human(result)


def test_capacity_statuses_combine_criteria(tmp_path: Path) -> None:
    folder(tmp_path)
    result = run_check(tmp_path, today=TODAY)
    statuses = {c.id: c.status for c in result.gaps.capacities}  # type: ignore[union-attr]
    # An empty folder: no criterion has evidence, judgement ones included.
    assert set(statuses.values()) == {Status.MISSING}
    document = json.loads(as_json(result))
    assert document["summary"]["capacities"]["missing"] == 7
    assert document["capacities"][3]["criteria"][1]["status"] == "to_justify"


def test_quantified_meetings_condition(tmp_path: Path) -> None:
    body = MINUTES + "## Actions\n- A1 — @cm — 2026-01-10 — Faire la commande du robot\n"
    files = {"meetings/2026-01-06-copil.md": body.format(date="2026-01-06", phase="cadrage"),
             "meetings/2026-02-06-copil.md": body.format(date="2026-02-06", phase="cadrage")}
    folder(tmp_path, files)
    c44 = _criterion(run_check(tmp_path, today=TODAY), "C4", "C4.4")
    assert c44.status is Status.PARTIAL
    assert any("à des phases différentes ; 1 aujourd'hui (cadrage)" in m for m in c44.missing)


def test_unknown_referential_is_an_error_listing_the_known(tmp_path: Path) -> None:
    folder(tmp_path, referential="cqpm-charge-projet")
    result = run_check(tmp_path, today=TODAY)
    g001 = next(d for d in result.diagnostics if d.code == "G001")
    assert g001.severity.value == "error"
    assert "vouliez-vous dire « cqpm-charge-projets-industriels » ?" in g001.message
    assert "cqpm-animateur-lean" in g001.message
    assert result.gaps is not None and not result.gaps.capacities


def test_evidence_toml_unknown_ids_warn_with_did_you_mean(tmp_path: Path) -> None:
    folder(tmp_path, {"evidence.toml": '["cqpm-charge-projet".C4]\nevidence = ["cockpit.toml"]\n'
                                       'justification = "x"\n\n'
                                       f'["{REF}".C44]\nevidence = ["cockpit.toml"]\n'
                                       'justification = "x"\n'})
    result = run_check(tmp_path, today=TODAY)
    messages = {d.code: d.message for d in result.diagnostics if d.code.startswith("G")}
    assert "vouliez-vous dire « cqpm-charge-projets-industriels » ?" in messages["G002"]
    assert messages["G003"].startswith(f"{REF} n'a ni capacité ni critère « C44 »")
    assert "vouliez-vous dire" in messages["G003"]


def test_terminal_report_groups_by_unit_and_names_ready_capacities(tmp_path: Path) -> None:
    folder(tmp_path)
    text = human(run_check(tmp_path, today=TODAY))
    assert "── BDC 0028 — La définition d'un projet" in text
    assert "Prêtes pour le jury : aucune capacité" in text


def test_a_five_thousand_task_project_is_analysed(tmp_path: Path) -> None:
    """Speed is measured by bench/bench_check.py; this asserts the analysis completes."""
    team = '\n[[team]]\nid = "p"\nname = "P"\nrole = "r"\n'
    tasks = ['[[task]]\nid = "t0"\nname = "T0"\nmilestone = true\n']
    for i in range(1, 5000):
        parent = f'parent = "lot{i // 100}"\n' if i % 100 else ""
        kind = f'id = "lot{i // 100}"\nname = "Lot"\n' if not i % 100 else (
            f'id = "t{i}"\nname = "T{i}"\nduration = "1j"\nafter = ["t{i - 1 if (i - 1) % 100 else 0}"]\n'
            f'resources = ["p:1%"]\n')
        tasks.append(f"[[task]]\n{kind}{parent if i % 100 else ''}")
    folder(tmp_path, {"cockpit.toml": team, "wbs.toml": "\n".join(tasks)})
    result = run_check(tmp_path, today=TODAY)
    assert result.gaps is not None and result.gaps.capacities
