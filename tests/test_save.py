"""The safe saving API: precise edits, conflicts, atomic writes, paths, undo and the round trip."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cockpit.folder import load_project
from cockpit.folder.save import (
    ConflictError,
    FileExistsSaveError,
    ProjectFiles,
    RecordNotFoundError,
    SaveError,
    UnsafePathError,
    find_record,
    find_table,
    inline_table,
    set_inline_entries,
    set_record_field,
)
from cockpit.folder.scaffold import available_overlays, scaffold
from helpers_folder import ACTIONS, CLEAN, COCKPIT, COSTS, MEETING, TODAY, hashes, make_project

ROOT = Path(__file__).resolve().parent.parent
MEETING_PATH = "meetings/2026-01-12-lancement.md"


def _diff(before: str, after: str) -> list[tuple[str, str]]:
    """The lines that differ, pairwise (same line count expected)."""
    a, b = before.splitlines(), after.splitlines()
    assert len(a) == len(b), (a, b)
    return [(x, y) for x, y in zip(a, b, strict=True) if x != y]


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, ProjectFiles]:
    make_project(tmp_path)
    files = ProjectFiles(tmp_path)
    result = load_project(tmp_path, files)
    assert result.project is not None and not result.diagnostics
    return tmp_path, files


# -- precise TOML edits -------------------------------------------------------------


def test_set_field_changes_one_value_and_keeps_its_comment(tmp_path: Path) -> None:
    text = ACTIONS.replace('status = "en cours"', 'status = "en cours"     # à faire | en cours | fait')
    make_project(tmp_path, {"actions.toml": text})
    files = ProjectFiles(tmp_path)
    load_project(tmp_path, files)
    record = files.set_field("actions.toml", array="action", record_id="A1", key="status", value="fait")
    after = (tmp_path / "actions.toml").read_text("utf-8")
    assert _diff(text, after) == [('status = "en cours"     # à faire | en cours | fait',
                                   'status = "fait"     # à faire | en cours | fait')]
    assert record.changed and record.previous == text.encode()


def test_new_key_is_a_toml_date_in_its_record(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    files.set_field("actions.toml", array="action", record_id="A1", key="done", value=dt.date(2026, 4, 9))
    text = (root / "actions.toml").read_text("utf-8")
    data = tomllib.loads(text)
    assert data["action"][0]["done"] == dt.date(2026, 4, 9)
    assert "done = 2026-04-09\n" in text
    assert text.startswith(ACTIONS.split("\n\n")[0])
    assert data["action"][1] == tomllib.loads(ACTIONS)["action"][1]


@pytest.mark.parametrize(("value", "written", "parsed"), [
    (Decimal("1234.50"), "1234.50", Decimal("1234.50")),
    (Decimal("98000"), "98000", 98000),
    (Decimal("1E+3"), "1000", 1000),
    (0.8, "0.8", Decimal("0.8")),
    (7, "7", 7),
    (True, "true", True),
    (["a", "b"], '["a", "b"]', ["a", "b"]),
    (("cdc FD+2j",), '["cdc FD+2j"]', ["cdc FD+2j"]),
    ({"from": dt.date(2026, 5, 11), "to": dt.date(2026, 5, 15)},
     "{from = 2026-05-11, to = 2026-05-15}", {"from": dt.date(2026, 5, 11), "to": dt.date(2026, 5, 15)}),
    ('Texte "cité" \\ é', '"Texte \\"cité\\" \\\\ é"', 'Texte "cité" \\ é'),
])
def test_values_are_converted(project: tuple[Path, ProjectFiles], value: object, written: str,
                              parsed: object) -> None:
    root, files = project
    files.set_field("risks.toml", array="risk", record_id="R1", key="extra", value=value)
    text = (root / "risks.toml").read_text("utf-8")
    assert f"extra = {written}\n" in text
    assert tomllib.loads(text, parse_float=Decimal)["risk"][0]["extra"] == parsed


def test_multiline_text_round_trips(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    value = 'Ligne 1\nLigne 2 avec """ guillemets'
    files.set_project_field("context", value)
    assert tomllib.loads((root / "cockpit.toml").read_text("utf-8"))["project"]["context"] == value


def test_none_removes_a_key(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    files.set_field("actions.toml", array="action", record_id="A2", key="done", value=None)
    assert "done" not in tomllib.loads((root / "actions.toml").read_text("utf-8"))["action"][1]


def test_same_value_writes_nothing(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    before = hashes(root)
    record = files.set_field("actions.toml", array="action", record_id="A1", key="due",
                             value=dt.date(2026, 4, 10))
    assert not record.changed
    assert hashes(root) == before


def test_unknown_record_is_refused(project: tuple[Path, ProjectFiles]) -> None:
    _, files = project
    with pytest.raises(RecordNotFoundError, match="A99"):
        files.set_field("actions.toml", array="action", record_id="A99", key="status", value="fait")


def test_set_project_field(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    files.set_project_field("status_date", dt.date(2026, 4, 17))
    after = (root / "cockpit.toml").read_text("utf-8")
    assert _diff(COCKPIT, after) == [("status_date = 2026-03-02", "status_date = 2026-04-17")]


def test_append_record_after_the_last_one(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    text = COCKPIT.replace("[[stakeholders]]", "# Les parties prenantes\n[[stakeholders]]")
    (root / "cockpit.toml").write_text(text, "utf-8")
    files.read_bytes("cockpit.toml")
    files.append_record("cockpit.toml", "team", {"id": "agarcia", "name": "Ana García", "rate": Decimal(450),
                                                 "absences": [{"from": dt.date(2026, 6, 1)}]})
    after = (root / "cockpit.toml").read_text("utf-8")
    assert after.startswith(text.split("# Les parties prenantes")[0])
    assert ('[[team]]\nid = "agarcia"\nname = "Ana García"\nrate = 450\n'
            'absences = [{from = 2026-06-01}]\n\n# Les parties prenantes\n[[stakeholders]]') in after
    data = tomllib.loads(after)
    assert [m["id"] for m in data["team"]] == ["cmartin", "bdupont", "agarcia"]
    assert data["stakeholders"] == tomllib.loads(COCKPIT)["stakeholders"]


def test_append_record_at_the_end_of_a_file(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    files.append_record("actions.toml", "action", {"id": "A3", "what": "Former les opérateurs",
                                                   "who": "cmartin", "due": dt.date(2026, 5, 4)})
    after = (root / "actions.toml").read_text("utf-8")
    assert after == ACTIONS + '\n[[action]]\nid = "A3"\nwhat = "Former les opérateurs"\n' \
        'who = "cmartin"\ndue = 2026-05-04\n'
    result = load_project(root)
    assert result.project is not None and [a.id for a in result.project.actions] == ["A1", "A2", "A3"]


def test_append_record_refuses_a_used_id(project: tuple[Path, ProjectFiles]) -> None:
    _, files = project
    with pytest.raises(SaveError, match="A1"):
        files.append_record("actions.toml", "action", {"id": "A1", "what": "doublon"})


def test_append_record_creates_the_file(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    (root / "risks.toml").unlink()
    files2 = ProjectFiles(root)
    load_project(root, files2)
    record = files2.append_record("risks.toml", "risk", {"id": "R1", "title": "Nouveau"})
    assert record.previous is None
    assert (root / "risks.toml").read_text("utf-8") == '[[risk]]\nid = "R1"\ntitle = "Nouveau"\n'


def test_remove_record_keeps_the_others_and_their_comments(tmp_path: Path) -> None:
    text = ACTIONS.replace('[[action]]\nid = "A2"', '# Actions closes\n[[action]]\nid = "A2"') + \
        '\n[[action]]\nid = "A3"\nwhat = "x"\nwho = "cmartin"\ndue = 2026-05-04\n'
    make_project(tmp_path, {"actions.toml": text})
    files = ProjectFiles(tmp_path)
    load_project(tmp_path, files)
    files.remove_record("actions.toml", "action", "A2")
    after = (tmp_path / "actions.toml").read_text("utf-8")
    assert [a["id"] for a in tomllib.loads(after)["action"]] == ["A1", "A3"]
    assert "# Actions closes\n" in after
    with pytest.raises(RecordNotFoundError):
        files.remove_record("actions.toml", "action", "A2")


def test_removing_the_record_just_appended_gives_the_file_back(
        project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    files.append_record("actions.toml", "action", {"id": "A3", "what": "Former"})
    files.remove_record("actions.toml", "action", "A3")
    assert (root / "actions.toml").read_text("utf-8") == ACTIONS


MATRIX = ('title = "Choix"\n\n[[option]]\nid = "a"\nname = "A"\n'
          "scores = { cout = 3, delai = 4.50 }  # notes du COPIL\n")


def test_inline_entries_keep_the_others_their_text_and_spacing(tmp_path: Path) -> None:
    (tmp_path / "choix.toml").write_text(MATRIX, encoding="utf-8")
    files = ProjectFiles(tmp_path)

    def scores(entries: dict[str, object]) -> str:
        files.edit_toml("choix.toml", lambda d: set_inline_entries(
            find_record(d, "option", "a"), "scores", entries))
        return (tmp_path / "choix.toml").read_text("utf-8").splitlines()[-1]

    assert scores({"cout": Decimal(3)}) == "scores = { cout = 3, delai = 4.50 }  # notes du COPIL"
    assert scores({"cout": Decimal(5), "securite": Decimal("2.5")}) == \
        "scores = { cout = 5, delai = 4.50, securite = 2.5 }  # notes du COPIL"
    assert scores({"delai": None, "C1.2": 1}) == \
        'scores = { cout = 5, securite = 2.5, "C1.2" = 1 }  # notes du COPIL'
    assert inline_table({"cout": 4}).as_string() == "{ cout = 4 }"


def test_remove_a_file_and_undo_it(tmp_path: Path) -> None:
    (tmp_path / "choix.toml").write_bytes(MATRIX.encode() + b"\r\n")
    files = ProjectFiles(tmp_path)
    files.read_bytes("choix.toml")
    record = files.remove("choix.toml")
    assert not (tmp_path / "choix.toml").exists()
    files.undo(record)
    assert (tmp_path / "choix.toml").read_bytes() == MATRIX.encode() + b"\r\n"


def test_remove_refuses_a_file_changed_since_read(tmp_path: Path) -> None:
    (tmp_path / "choix.toml").write_text(MATRIX, encoding="utf-8")
    files = ProjectFiles(tmp_path)
    files.read_bytes("choix.toml")
    (tmp_path / "choix.toml").write_text(MATRIX + "# ajouté à la main\n", encoding="utf-8")
    with pytest.raises(ConflictError):
        files.remove("choix.toml")
    assert (tmp_path / "choix.toml").exists()


EVIDENCE = ('# Justifications du candidat\n\n["ms-manager".C1]\nevidence = ["wbs.toml"]\n'
            'justification = "Planning"\n\n["ms-manager".C1.2.3]\njustification = "x"\n')


def test_evidence_tables_appended_edited_and_removed(tmp_path: Path) -> None:
    (tmp_path / "evidence.toml").write_text(EVIDENCE, encoding="utf-8")
    files = ProjectFiles(tmp_path)
    files.read_bytes("evidence.toml")
    files.append_table("evidence.toml", ("ms-manager", "C2.1"),
                       {"evidence": ["docs/a.md#b"], "justification": "Vu"})
    appended = EVIDENCE + '\n["ms-manager"."C2.1"]\nevidence = ["docs/a.md#b"]\n' \
        'justification = "Vu"\n'
    assert (tmp_path / "evidence.toml").read_text("utf-8") == appended
    with pytest.raises(SaveError, match="existe déjà"):
        files.append_table("evidence.toml", ("ms-manager", "C1"), {"justification": "y"})
    # a target written unquoted, with its dots as nested tables, is found too
    files.edit_toml("evidence.toml", lambda d: find_table(d, ("ms-manager", "C1.2.3")).update(
        {"justification": "z"}))
    assert (tmp_path / "evidence.toml").read_text("utf-8") == appended.replace(
        'justification = "x"', 'justification = "z"')
    files.remove_table("evidence.toml", ("ms-manager", "C2.1"))
    files.remove_table("evidence.toml", ("ms-manager", "C1.2.3"))
    assert (tmp_path / "evidence.toml").read_text("utf-8") == EVIDENCE.split(
        '\n\n["ms-manager".C1.2.3]')[0] + "\n"
    with pytest.raises(RecordNotFoundError):
        files.remove_table("evidence.toml", ("ms-manager", "C9"))


def test_append_table_creates_the_file(tmp_path: Path) -> None:
    files = ProjectFiles(tmp_path)
    files.append_table("evidence.toml", ("cqpm", "C4"), {"evidence": ["wbs.toml"]})
    assert (tmp_path / "evidence.toml").read_text("utf-8") == \
        '["cqpm".C4]\nevidence = ["wbs.toml"]\n'


def test_several_changes_in_one_write(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project

    def level(document: Any) -> None:
        set_record_field(document, "task", "cdc", "duration", "10j")
        set_record_field(document, "task", "essais", "start_no_earlier_than", dt.date(2026, 3, 2))

    files.edit_toml("wbs.toml", level)
    tasks = {t["id"]: t for t in tomllib.loads((root / "wbs.toml").read_text("utf-8"))["task"]}
    assert tasks["cdc"]["duration"] == "10j"
    assert tasks["essais"]["start_no_earlier_than"] == dt.date(2026, 3, 2)


def test_front_matter_edit_keeps_the_body(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    files.edit_front_matter(MEETING_PATH, lambda d: d.__setitem__("place", "Salle Méthodes"))
    after = (root / MEETING_PATH).read_text("utf-8")
    assert after.endswith(MEETING.split("+++", 2)[2])
    assert 'place = "Salle Méthodes"\n+++' in after


def test_broken_toml_is_not_edited(tmp_path: Path) -> None:
    make_project(tmp_path, {"actions.toml": ACTIONS.replace('"en cours"', "en cours")})
    files = ProjectFiles(tmp_path)
    load_project(tmp_path, files)
    before = hashes(tmp_path)
    with pytest.raises(SaveError, match="erreur TOML"):
        files.set_field("actions.toml", array="action", record_id="A1", key="status", value="fait")
    assert hashes(tmp_path) == before


# -- journals and documents -----------------------------------------------------------


def test_append_csv_row_in_header_order(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    files.append_csv_row("costs.csv", {"amount": Decimal("350.00"), "date": dt.date(2026, 3, 3),
                                       "task": "cdc", "comment": 'Déplacement, "urgent"'})
    assert (root / "costs.csv").read_text("utf-8") == \
        COSTS + '2026-03-03,cdc,,350.00,,"Déplacement, ""urgent"""\n'
    result = load_project(root)
    assert result.project is not None and not result.diagnostics
    assert result.project.costs[-1].comment == 'Déplacement, "urgent"'


def test_append_csv_row_keeps_crlf_and_adds_a_missing_newline(tmp_path: Path) -> None:
    make_project(tmp_path, {"measures.csv": "date,indicator,value,comment\r\n2026-02-16,K1,180,"})
    files = ProjectFiles(tmp_path)
    files.append_csv_row("measures.csv", {"date": dt.date(2026, 2, 23), "indicator": "K1", "value": 172.5})
    assert (tmp_path / "measures.csv").read_bytes() == \
        b"date,indicator,value,comment\r\n2026-02-16,K1,180,\r\n2026-02-23,K1,172.5,\r\n"


def test_append_csv_row_refuses_an_unknown_column(project: tuple[Path, ProjectFiles]) -> None:
    _, files = project
    with pytest.raises(SaveError, match="montant"):
        files.append_csv_row("costs.csv", {"date": dt.date(2026, 3, 3), "montant": 3})


def test_append_csv_row_creates_the_journal_with_its_header(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    (root / "progress.csv").unlink()
    files.read_bytes("progress.csv")
    files.append_csv_row("progress.csv", {"date": dt.date(2026, 3, 2), "task": "cdc", "percent": 50})
    assert (root / "progress.csv").read_text("utf-8") == "date,task,percent,comment\n2026-03-02,cdc,50,\n"


def test_write_text_creation_never_overwrites(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    record = files.write_text("meetings/2026-03-02-copil-1.md", MEETING, create=True)
    assert record.previous is None and (root / "meetings/2026-03-02-copil-1.md").read_text("utf-8") == MEETING
    before = hashes(root)
    with pytest.raises(FileExistsSaveError, match="existe déjà"):
        files.write_text(MEETING_PATH, "écrasé", create=True)
    with pytest.raises(FileExistsSaveError):
        files.write_text("rex/bilan.md", "écrasé", create=True)
    assert hashes(root) == before


def test_write_text_replaces_a_file_read(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    files.write_text("docs/note-de-cadrage.md", CLEAN["docs/note-de-cadrage.md"] + "\nSuite.\n")
    assert (root / "docs/note-de-cadrage.md").read_text("utf-8").endswith("\nSuite.\n")


def test_write_text_keeps_a_bom(tmp_path: Path) -> None:
    bom = b"\xef\xbb\xbf" + CLEAN["docs/note-de-cadrage.md"].encode()
    make_project(tmp_path, {"docs/note-de-cadrage.md": bom})
    files = ProjectFiles(tmp_path)
    load_project(tmp_path, files)
    text = files.read_text("docs/note-de-cadrage.md")
    assert text is not None
    files.write_text("docs/note-de-cadrage.md", text + "x\n")
    assert (tmp_path / "docs/note-de-cadrage.md").read_bytes().startswith(b"\xef\xbb\xbf+++")


# -- conflicts ------------------------------------------------------------------------


def test_changed_on_disk_is_a_conflict(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    (root / "actions.toml").write_text(ACTIONS + "# édité à la main\n", "utf-8")
    assert files.stale() == ["actions.toml"]
    with pytest.raises(ConflictError, match="modifié sur le disque"):
        files.set_field("actions.toml", array="action", record_id="A1", key="status", value="fait")
    assert (root / "actions.toml").read_text("utf-8").endswith("# édité à la main\n")


def test_deleted_or_created_since_read_is_a_conflict(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    (root / "risks.toml").unlink()
    with pytest.raises(ConflictError, match="supprimé"):
        files.append_record("risks.toml", "risk", {"id": "R2", "title": "x"})
    files.read_bytes("decisions/absent.toml")
    (root / "decisions/absent.toml").write_text('title = "x"\n', "utf-8")
    with pytest.raises(ConflictError, match="créé"):
        files.set_table_field("decisions/absent.toml", "meta", "k", 1)


def test_overwriting_a_file_never_read_is_a_conflict(tmp_path: Path) -> None:
    make_project(tmp_path)
    files = ProjectFiles(tmp_path)
    with pytest.raises(FileExistsSaveError):
        files.write_text("rex/bilan.md", "x", create=True)


def test_touch_without_change_is_not_a_conflict(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    os.utime(root / "actions.toml", ns=(1, 1))
    assert files.stale() == []
    files.set_field("actions.toml", array="action", record_id="A1", key="status", value="fait")


def test_consecutive_saves_need_no_reload(project: tuple[Path, ProjectFiles]) -> None:
    _, files = project
    for status in ("fait", "en cours", "fait"):
        files.set_field("actions.toml", array="action", record_id="A1", key="status", value=status)
    files.append_csv_row("progress.csv", {"date": dt.date(2026, 3, 2), "task": "cdc", "percent": 60})
    files.append_csv_row("progress.csv", {"date": dt.date(2026, 3, 9), "task": "cdc", "percent": 80})
    root, _ = project
    assert 'id = "A1"' in (actions := (root / "actions.toml").read_text("utf-8"))
    assert actions.split('id = "A1"')[1].split("[[action]]")[0].count('status = "fait"') == 1
    assert (root / "progress.csv").read_text("utf-8").endswith("2026-03-02,cdc,60,\n2026-03-09,cdc,80,\n")


# -- atomicity and paths ---------------------------------------------------------------


def test_failed_write_leaves_the_file_and_no_temporary(project: tuple[Path, ProjectFiles],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    root, files = project
    before = hashes(root)

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        files.set_field("actions.toml", array="action", record_id="A1", key="status", value="fait")
    assert hashes(root) == before


def test_file_mode_is_kept(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    (root / "actions.toml").chmod(0o640)
    files.set_field("actions.toml", array="action", record_id="A1", key="status", value="fait")
    assert (root / "actions.toml").stat().st_mode & 0o777 == 0o640
    assert not [p for p in root.rglob("*.tmp")]


@pytest.mark.parametrize("path", ["../x.md", "/etc/passwd", "meetings/../../x.md", "..", "", ".",
                                  "C:\\Windows\\x.md", "docs\\..\\..\\x.md", "a\x00b"])
def test_paths_outside_the_folder_are_refused(tmp_path: Path, path: str) -> None:
    """Nothing is written, in the folder or beside it (the test's own directory: the
    session's would hold every earlier test's files)."""
    files = ProjectFiles(make_project(tmp_path / "projet"))
    before = hashes(tmp_path)
    with pytest.raises(UnsafePathError):
        files.write_text(path, "x", create=True)
    assert hashes(tmp_path) == before


def test_symlink_leaving_the_folder_is_refused(project: tuple[Path, ProjectFiles], tmp_path_factory:
                                               pytest.TempPathFactory) -> None:
    root, files = project
    outside = tmp_path_factory.mktemp("ailleurs")
    (root / "docs" / "lien").symlink_to(outside)
    with pytest.raises(UnsafePathError):
        files.write_text("docs/lien/x.md", "x", create=True)
    assert not list(outside.iterdir())


def test_paths_are_normalised(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    files.write_text("./docs/../docs/nouveau.md", "x\n", create=True)
    assert (root / "docs/nouveau.md").read_text("utf-8") == "x\n"


# -- undo -------------------------------------------------------------------------------


def test_undo_restores_the_previous_bytes(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    before = (root / "actions.toml").read_bytes()
    record = files.set_field("actions.toml", array="action", record_id="A1", key="status", value="fait")
    redo = files.undo(record)
    assert (root / "actions.toml").read_bytes() == before
    files.undo(redo)
    assert 'status = "fait"' in (root / "actions.toml").read_text("utf-8").split("[[action]]")[1]


def test_undo_of_a_creation_removes_the_file(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    record = files.write_text("docs/nouveau.md", "x\n", create=True)
    files.undo(record)
    assert not (root / "docs/nouveau.md").exists()


def test_undo_refuses_to_lose_a_later_change(project: tuple[Path, ProjectFiles]) -> None:
    root, files = project
    record = files.set_field("actions.toml", array="action", record_id="A1", key="status", value="fait")
    (root / "actions.toml").write_text("# réécrit\n", "utf-8")
    with pytest.raises(ConflictError):
        files.undo(record)
    assert (root / "actions.toml").read_text("utf-8") == "# réécrit\n"


# -- the round trip -----------------------------------------------------------------------


def _round_trip(root: Path) -> None:
    """Load through ProjectFiles, save every file unchanged (and every value set to itself)."""
    files = ProjectFiles(root)
    load_project(root, files)
    before = hashes(root)
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        relative = path.relative_to(root).as_posix()
        if path.suffix == ".toml":
            data = tomllib.loads(path.read_text("utf-8-sig"))
            record = files.edit_toml(relative, lambda d, data=data: _set_all(d, data))
        elif path.suffix == ".md" and path.read_text("utf-8-sig").startswith("+++"):
            record = files.edit_front_matter(relative, lambda d: None)
        else:
            text = files.read_text(relative)
            assert text is not None
            record = files.write_text(relative, text)
        assert not record.changed, relative
    assert hashes(root) == before


def _set_all(document: Any, data: dict[str, Any]) -> None:
    for array, records in data.items():
        if isinstance(records, list) and records and all(isinstance(r, dict) and "id" in r for r in records):
            for record in records:
                for key, value in record.items():
                    if not isinstance(value, dict | list) or value:
                        set_record_field(document, array, record["id"], key, value)


def test_round_trip_of_the_clean_folder(tmp_path: Path) -> None:
    _round_trip(make_project(tmp_path))


@pytest.mark.parametrize("overlay", ["", *available_overlays()])
def test_round_trip_of_every_template(tmp_path: Path, overlay: str) -> None:
    scaffold(tmp_path, {"id": "TEST", "title": "Projet d'essai"}, overlay, TODAY)
    _round_trip(tmp_path)


TEMPLATE_FILES = sorted(p for p in (ROOT / "src/cockpit/templates").rglob("*")
                        if p.is_file() and p.suffix in (".toml", ".md", ".csv")
                        and "{{" not in p.read_text("utf-8"))


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=[str(p.relative_to(ROOT)) for p in TEMPLATE_FILES])
def test_round_trip_of_every_raw_template_file(tmp_path: Path, path: Path) -> None:
    """Template files without placeholders are saved unchanged byte for byte (the others are
    covered once rendered, by test_round_trip_of_every_template)."""
    target = tmp_path / path.name
    shutil.copyfile(path, target)
    files = ProjectFiles(tmp_path)
    files.read_bytes(path.name)
    if path.suffix == ".toml":
        record = files.edit_toml(path.name, lambda d: None)
    elif path.suffix == ".md" and path.read_text("utf-8").startswith("+++"):
        record = files.edit_front_matter(path.name, lambda d: None)
    else:
        record = files.write_text(path.name, path.read_text("utf-8"))
    assert not record.changed
    assert target.read_bytes() == path.read_bytes()


EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("*/cockpit.toml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_round_trip_of_every_example(tmp_path: Path, example: Path) -> None:
    shutil.copytree(example, tmp_path / example.name)
    _round_trip(tmp_path / example.name)


# -- properties -----------------------------------------------------------------------------

VALUES = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.integers(-10**12, 10**12),
    st.dates(),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10**9, max_value=10**9),
    st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=8), max_size=4),
    st.booleans(),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(["status", "comment", "due", "nouveau"]), value=VALUES)
def test_any_value_is_written_as_itself_and_nothing_else_moves(tmp_path: Path, key: str,
                                                               value: object) -> None:
    root = tmp_path / "p"
    shutil.rmtree(root, ignore_errors=True)
    make_project(root)
    files = ProjectFiles(root)
    load_project(root, files)
    files.set_field("actions.toml", array="action", record_id="A2", key=key, value=value)
    data = tomllib.loads((root / "actions.toml").read_text("utf-8"), parse_float=Decimal)
    original = tomllib.loads(ACTIONS, parse_float=Decimal)
    assert data["action"][0] == original["action"][0]
    written = data["action"][1][key]
    expected = list(value) if isinstance(value, list) else value
    assert written == expected and type(written) in (type(expected), Decimal, int)
    assert {k: v for k, v in data["action"][1].items() if k != key} == \
        {k: v for k, v in original["action"][1].items() if k != key}


def test_a_record_inserted_after_another_keeps_the_comments_before_the_next(
        tmp_path: Path) -> None:
    from cockpit.folder.save import append_record_to

    text = ('[[task]]\nid = "a"\nname = "A"\n\n# -- lot 2\n[[task]]\nid = "b"\nname = "B"\n')
    (tmp_path / "wbs.toml").write_text(text, encoding="utf-8")
    files = ProjectFiles(tmp_path)
    files.edit_toml("wbs.toml", lambda doc: append_record_to(
        doc, "task", {"id": "a2", "parent": "a", "name": "A2"}, after="a"))
    assert (tmp_path / "wbs.toml").read_text(encoding="utf-8") == (
        '[[task]]\nid = "a"\nname = "A"\n\n[[task]]\nid = "a2"\nparent = "a"\nname = "A2"\n\n'
        '# -- lot 2\n[[task]]\nid = "b"\nname = "B"\n')


def test_edit_text_is_refused_when_the_file_changed_since_it_was_read(tmp_path: Path) -> None:
    from cockpit.folder.save import ConflictError

    (tmp_path / "note.md").write_text("un\n", encoding="utf-8")
    files = ProjectFiles(tmp_path)
    files.read_bytes("note.md")
    (tmp_path / "note.md").write_text("deux\n", encoding="utf-8")
    with pytest.raises(ConflictError):
        files.edit_text("note.md", lambda text: text + "trois\n")
    assert (tmp_path / "note.md").read_text(encoding="utf-8") == "deux\n"



REGISTERS = [
    '[[task]]\nid = "a"\nname = "A"\n\n# -- lot 2\n[[task]]\nid = "b"\nname = "B"\n',
    '[[task]]\nid = "a"\nname = "A"\n[[task]]\nid = "b"\nname = "B"\n',
    '# en-tête\n\n[[task]]\nid = "a"\nname = "A" # c\n# après a\n\n\n# lot\n\n[[task]]\n'
    'id = "b"\n\n[[task]]\nid = "c"\n# fin\n',
    '[[task]]\nid = "a"\nafter = [\n  "x",\n]\n\n[[task]]\nid = "b"\nname = """\nsur\n\n# deux\n'
    '"""\n\n[[task]]\nid = "c"\n',
    'title = 1\n[[task]]\nid = "a"\n\n[[task]]\nid = "b"\n\n[autre]\nk = 1\n',
    '[[task]]\nid = "a"\n\n\n[[task]]\nid = "b"\n\n\n[[task]]\nid = "c"\n\n',
]
# Where tomlkit loses the comments that lead from a removed first record to the next one,
# the line-level removal keeps them.
KEPT = {(0, "a"): '# -- lot 2\n[[task]]\nid = "b"\nname = "B"\n',
        (2, "a"): '# en-tête\n\n# lot\n\n[[task]]\nid = "b"\n\n[[task]]\nid = "c"\n# fin\n'}


def _twice(tmp_path: Path, text: str) -> tuple[ProjectFiles, ProjectFiles]:
    out = []
    for name in ("line", "tomlkit"):
        (tmp_path / name).mkdir(exist_ok=True)
        (tmp_path / name / "wbs.toml").write_text(text, encoding="utf-8")
        out.append(ProjectFiles(tmp_path / name))
    return out[0], out[1]


@pytest.mark.parametrize("number", range(len(REGISTERS)))
def test_insert_and_remove_edit_lines_as_tomlkit_would(tmp_path: Path, number: int,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """On a 5,000-task wbs.toml tomlkit takes about a second to insert or remove a task; the
    line-level edits (tomlkit is not called) write the same bytes, comments and blank lines
    kept, checked against tomlkit's own edit on every record of every sample."""
    from cockpit.folder import save
    from cockpit.folder.save import append_record_to, remove_record_from

    text = REGISTERS[number]
    record = {"id": "n", "name": "Nouvelle", "parent": "a", "duration": "5j"}

    def compare(task_id: str) -> None:
        line, slow = _twice(tmp_path, text)
        with monkeypatch.context() as patch:
            patch.setattr(save, "_parse_toml", lambda *_: pytest.fail("tomlkit called"))
            line.append_record("wbs.toml", "task", record, after=task_id)
        slow.edit_toml("wbs.toml", lambda d: append_record_to(d, "task", record, after=task_id))
        assert line.read_text("wbs.toml") == slow.read_text("wbs.toml"), task_id
        line, slow = _twice(tmp_path, text)
        with monkeypatch.context() as patch:
            patch.setattr(save, "_parse_toml", lambda *_: pytest.fail("tomlkit called"))
            line.remove_record("wbs.toml", "task", task_id)
        slow.edit_toml("wbs.toml", lambda d: remove_record_from(d, "task", task_id))
        assert line.read_text("wbs.toml") == KEPT.get((number, task_id),
                                                      slow.read_text("wbs.toml")), task_id

    for task_id in [t["id"] for t in tomllib.loads(text)["task"]]:
        compare(task_id)
