"""The rule table: every code registered explicitly, selection like ruff's, only the enabled
passes run, and each pass emits only the codes it declares."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.check import run as run_module
from cockpit.check.registry import Pass, enabled_passes
from cockpit.check.run import run_check
from cockpit.check.state import CheckedState
from cockpit.check.table import PASSES, RULES
from cockpit.cli import main
from cockpit.diagnostics.diagnostic import Severity
from cockpit.diagnostics.registry import GROUPS, RuleTable, UnknownSelector, define
from helpers_folder import TODAY, make_project
from test_rules_folder import CASES

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_every_group_has_codes_and_every_code_a_group() -> None:
    assert {RULES[code].group for code in RULES} == set(GROUPS)
    # The gap analysis's codes are in the table too, though its module loads lazily.
    assert "G001" in RULES and "C001" in RULES and "F001" in RULES


def test_a_code_defined_twice_is_refused() -> None:
    rule = define("S001", Severity.ERROR, "a", "b")
    with pytest.raises(ValueError, match="S001 defined twice"):
        RuleTable([rule, define("S001", Severity.WARNING, "c", "d")])
    with pytest.raises(ValueError, match="outside the groups"):
        RuleTable([define("Z001", Severity.ERROR, "a", "b")])


def test_selection_by_code_group_and_prefix() -> None:
    every = frozenset(RULES)
    assert RULES.select() == every
    assert RULES.select(["ALL"]) == every
    assert RULES.select(["P"]) == {c for c in RULES if c.startswith("P")}
    assert RULES.select(["S00"]) == {c for c in RULES if c.startswith("S00")}
    assert RULES.select(["s003", "K001"]) == {"S003", "K001"}
    assert RULES.select(ignore=["R", "F"]) == {c for c in RULES if c[0] not in "RF"}
    # The most specific selector wins; at equal length, the ignore.
    assert RULES.select(["S"], ["S003"]) == {c for c in RULES if c[0] == "S"} - {"S003"}
    assert RULES.select(["S003"], ["S"]) == {"S003"}
    assert RULES.select(["S"], ["S"]) == frozenset()
    with pytest.raises(UnknownSelector, match="X9"):
        RULES.select(["X9"])


def test_only_the_passes_of_enabled_codes_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_project(tmp_path)
    ran: list[str] = []

    def record(name: str) -> Pass:
        def validate(state: CheckedState) -> list:  # type: ignore[type-arg]
            ran.append(name)
            return []
        return Pass(validate, (name,))

    monkeypatch.setattr(run_module, "PASSES", (record("S001"), record("K001"), record("P001")))
    run_check(tmp_path, today=TODAY, gaps=False, enabled=RULES.select(["S", "P"]))
    assert ran == ["S001", "P001"]
    assert all("S001" in p.codes for p in enabled_passes(PASSES, frozenset({"S001"})))
    assert 0 < len(list(enabled_passes(PASSES, frozenset({"S001"})))) < len(PASSES)


def test_disabled_codes_are_not_reported_and_ignores_of_them_are_not_unused(tmp_path: Path) -> None:
    make_project(tmp_path, {"progress.csv": "date,task,percent,comment\n2026-02-02,nulle,10,x\n"})
    everything = {d.code for d in run_check(tmp_path, today=TODAY, gaps=False).diagnostics}
    assert "R001" in everything
    only_k = run_check(tmp_path, today=TODAY, gaps=False, enabled=RULES.select(["K"]))
    assert {d.code for d in only_k.diagnostics} <= {c for c in RULES if c[0] == "K"}


def test_the_command_line_selects_and_refuses_unknown_codes(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path, {"progress.csv": "date,task,percent,comment\n2026-02-02,nulle,10,x\n"})
    assert main(["check", str(tmp_path), "--no-gaps", "-q", "--today", "2026-12-04"]) == 1
    assert "R001" in capsys.readouterr().out
    assert main(["check", str(tmp_path), "--no-gaps", "-q", "--ignore", "R,F"]) == 0
    assert "R001" not in capsys.readouterr().out
    assert main(["check", str(tmp_path), "--select", "Q"]) == 2
    assert "« Q » ne désigne aucun code" in capsys.readouterr().err


def _emitted_by_pass(root: Path) -> list[tuple[str, str]]:
    """(pass, code) for each diagnostic a pass emits but does not declare."""
    state = CheckedState.read(root, TODAY)
    return [(p.__name__, d.code) for p in PASSES for d in p(state) if d.code not in p.codes]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.file}-{i}" for i, c in enumerate(CASES)])
def test_each_pass_emits_only_the_codes_it_declares(tmp_path: Path, case) -> None:  # type: ignore[no-untyped-def]
    make_project(tmp_path, case.bad)
    assert _emitted_by_pass(tmp_path) == []


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir()))
def test_each_pass_emits_only_the_codes_it_declares_on_the_examples(example: str) -> None:
    assert _emitted_by_pass(EXAMPLES / example) == []
