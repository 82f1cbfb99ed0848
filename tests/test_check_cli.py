"""`cockpit check` and `cockpit rule` from the command line: exit codes, formats, read-only."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cockpit.cli import main
from helpers_folder import ACTIONS, COCKPIT, WBS, hashes, make_project

BROKEN_WBS = WBS.replace('name = "Essais de réception"', "name = Essais de réception")
WARNING_ONLY = ACTIONS.replace('status = "en cours"', 'statut = "en cours"')


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_folder_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path)
    code, out, _ = run(capsys, "check", str(tmp_path))
    assert code == 0
    assert "0 erreur," in out


def test_errors_exit_1_with_location_excerpt_and_hint(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path, {"wbs.toml": BROKEN_WBS})
    code, out, _ = run(capsys, "check", str(tmp_path))
    assert code == 1
    line = BROKEN_WBS.splitlines().index("name = Essais de réception") + 1
    assert f"wbs.toml:{line}:" in out and "F002 erreur" in out
    assert f"{line} | name = Essais de réception" in out
    assert "= à faire :" in out


def test_warnings_pass_unless_fail_on_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path, {"actions.toml": WARNING_ONLY})
    assert run(capsys, "check", str(tmp_path))[0] == 0
    assert run(capsys, "check", str(tmp_path), "--fail-on", "warning")[0] == 1
    assert run(capsys, "check", str(tmp_path), "--fail-on", "error")[0] == 0


def test_no_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(tmp_path / "absent"))
    assert code == 2
    assert "n'est pas un dossier" in out + err


def test_no_cockpit_toml_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path, {"cockpit.toml": None})
    code, out, _ = run(capsys, "check", str(tmp_path))
    assert code == 2
    assert "cockpit.toml" in out


def test_unreadable_cockpit_toml_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path, {"cockpit.toml": COCKPIT.replace('id = "TEST-26"', "id = TEST-26")})
    code, out, _ = run(capsys, "check", str(tmp_path))
    assert code == 2
    assert "F002" in out


@pytest.mark.parametrize("args", [("check", "--format", "xml"), ("check", "--fail-on", "info"),
                                  ("check", "--nope"), ("check", "--jobs", "x")])
def test_bad_command_line_exits_2_in_french(capsys: pytest.CaptureFixture[str],
                                           args: tuple[str, ...]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    assert exit_info.value.code == 2
    assert "erreur de commande" in capsys.readouterr().err


def test_json_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path, {"wbs.toml": BROKEN_WBS, "actions.toml": WARNING_ONLY})
    code, out, _ = run(capsys, "check", str(tmp_path), "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert document["schema_version"] == 1
    assert set(document) >= {"diagnostics", "referential", "capacities", "summary"}
    first = document["diagnostics"][0]
    assert set(first) >= {"code", "severity", "file", "line", "message"}
    assert {d["severity"] for d in document["diagnostics"]} == {"error", "warning"}
    assert all(isinstance(d["line"], int) and d["line"] >= 1 for d in document["diagnostics"])
    summary = document["summary"]
    assert summary["errors"] == sum(d["severity"] == "error" for d in document["diagnostics"])
    assert summary["warnings"] == sum(d["severity"] == "warning" for d in document["diagnostics"])
    assert set(summary["capacities"]) == {"covered", "partial", "missing", "to_justify"}


def test_github_annotations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path, {"wbs.toml": BROKEN_WBS, "actions.toml": WARNING_ONLY})
    _, out, _ = run(capsys, "check", str(tmp_path), "--format", "github")
    lines = out.strip().splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ")) for line in lines)
    assert any("file=" in line and "wbs.toml,line=" in line and "title=F002" in line for line in lines)


def test_sarif_is_valid_2_1_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path, {"wbs.toml": BROKEN_WBS, "actions.toml": WARNING_ONLY})
    _, out, _ = run(capsys, "check", str(tmp_path), "--format", "sarif")
    document = json.loads(out)
    assert document["version"] == "2.1.0"
    run_ = document["runs"][0]
    assert run_["tool"]["driver"]["name"] == "cockpit"
    rule_ids = {r["id"] for r in run_["tool"]["driver"]["rules"]}
    for result in run_["results"]:
        assert result["ruleId"] in rule_ids
        assert result["level"] in ("error", "warning")
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1
        assert result["message"]["text"]


def test_check_is_read_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path, {"wbs.toml": BROKEN_WBS, "actions.toml": WARNING_ONLY})
    before = hashes(tmp_path)
    for fmt in ("human", "json", "github", "sarif"):
        run(capsys, "check", str(tmp_path), "--format", fmt)
    assert hashes(tmp_path) == before


def test_rule_explains_a_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rule", "F009")
    assert code == 0
    assert out.startswith("F009 (erreur) — Durée illisible")
    assert "Exemple" in out and "dix jours" in out
    code, out, _ = run(capsys, "rule", "f009")
    assert code == 0
    code, out, _ = run(capsys, "rule", "Z999")
    assert code == 2 and "inconnu" in out


def test_rule_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rule")
    assert code == 0
    for expected in ("F001", "F016", "R001", "R007", "K001", "K007", "C001", "C002"):
        assert expected in out


def test_internal_error_exits_2_without_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import cockpit.check.run

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boum")

    monkeypatch.setattr(cockpit.check.run, "run_check", explode)
    make_project(tmp_path)
    code, out, err = run(capsys, "check", str(tmp_path))
    assert code == 2
    assert "erreur interne" in err and "Traceback" not in err + out
    with pytest.raises(RuntimeError):
        main(["--debug", "check", str(tmp_path)])


def test_whole_process_exit_codes(tmp_path: Path) -> None:
    make_project(tmp_path / "ok")
    make_project(tmp_path / "ko", {"wbs.toml": BROKEN_WBS})
    command = [sys.executable, "-m", "cockpit", "check"]
    ok = subprocess.run([*command, str(tmp_path / "ok")], capture_output=True, text=True)
    ko = subprocess.run([*command, str(tmp_path / "ko"), "-q"], capture_output=True, text=True)
    missing = subprocess.run([*command, str(tmp_path / "none")], capture_output=True, text=True)
    assert (ok.returncode, ko.returncode, missing.returncode) == (0, 1, 2)
    assert "Traceback" not in ok.stderr + ko.stderr + missing.stderr


def test_gaps_against_the_referential_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    referential = 'referential = "cqpm-charge-projets-industriels"'
    text = COCKPIT.replace('currency = "EUR"', f'currency = "EUR"\n{referential}')
    make_project(tmp_path, {"cockpit.toml": text})
    code, out, _ = run(capsys, "check", str(tmp_path), "--format", "json")
    document = json.loads(out)
    assert document["referential"]["id"] == "cqpm-charge-projets-industriels"
    assert document["capacities"]
    ready = all(c["status"] == "covered" for c in document["capacities"])
    assert code == (0 if ready and not document["summary"]["errors"] else 1)
    assert run(capsys, "check", str(tmp_path), "--no-gaps")[0] == 0


def test_command_line_speaks_french(capsys: pytest.CaptureFixture[str]) -> None:
    from cockpit.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--format", "xml"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage : cockpit check")
    assert "argument --format : choix invalide 'xml'" in err
    # Whether one argument or several, the sentence agrees (no « argument(s) »).
    for args, said in ((["check", "--nope", "--frob"], "cockpit ne connaît pas : --nope --frob"),
                       (["import"], "il manque : FICHIER")):
        with pytest.raises(SystemExit):
            main(args)
        assert f"erreur de commande : {said}\n" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    out = capsys.readouterr().out
    assert "arguments:" in out and "affiche cette aide" in out and "show this help" not in out


@pytest.mark.parametrize("command", [["rule"], ["referentials"], ["schedule", "examples/robot-soudage"],
                                     ["status", "examples/robot-soudage"]])
def test_a_closed_pipe_is_not_an_error(command: list[str]) -> None:
    """`cockpit rule | head -2`: the reader has gone, cockpit stops quietly with status 0."""
    import os
    import subprocess
    import sys

    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first line is written
    try:
        out = subprocess.run([sys.executable, "-m", "cockpit", *command, "--today", "2026-12-04"],
                             stdout=write, stderr=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parents[1], timeout=60)
    finally:
        os.close(write)
    assert out.stderr == ""
    assert out.returncode == 0
