"""`cockpit init`: every file of FORMAT.md, commented, accepted by `cockpit check`, never overwriting.

The folder contract is /work/shared/FORMAT.md; the templates are src/cockpit/templates/
(base/ plus one overlay per référentiel, see docs/templates.md).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from cockpit.check.run import run_check
from cockpit.cli import main
from cockpit.folder.scaffold import available_overlays, date_values, scaffold
from helpers_folder import TODAY

REPO = Path(__file__).resolve().parents[1]

# Every file of FORMAT.md's layout; the four folders must hold at least one document.
FORMAT_FILES = (
    "cockpit.toml", "wbs.toml", "budget.toml", "costs.csv", "progress.csv", "risks.toml",
    "actions.toml", "indicators.toml", "measures.csv", "communication.toml",
    "requirements.toml", "evidence.toml",
)
FORMAT_FOLDERS = {"decisions": ".toml", "meetings": ".md", "rex": ".md", "docs": ".md"}

REFERENTIALS = (
    "cqpm-chef-projet-plm", "cqpm-charge-projets-industriels", "cqpm-integration-productique",
    "ms-manager-ingenierie-numerique", "cqpm-animateur-lean",
)

# What each overlay must add: documents of the kinds its référentiel asks for.
EXPECTED_KINDS = {
    "cqpm-chef-projet-plm": {"cartographie-processus", "cahier-des-charges", "plan-de-delegation",
                             "methodologie", "mco"},
    "cqpm-charge-projets-industriels": {"note-de-cadrage", "planification", "reporting",
                                        "plan-de-communication", "bilan"},
    "cqpm-integration-productique": {"diagnostic", "cahier-des-charges", "analyse-fonctionnelle",
                                     "veille", "plan-de-validation", "plan-de-formation"},
    "ms-manager-ingenierie-numerique": {"diagnostic", "swot", "plan-de-deploiement",
                                        "these-professionnelle"},
    "cqpm-animateur-lean": {"diagnostic", "axes-de-progres", "standard", "plan-de-formation",
                            "indicateurs", "bilan"},
}


def init(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """`cockpit init ARGS`, on TODAY unless the arguments give --today."""
    pinned = [] if "--today" in args else ["--today", TODAY.isoformat()]
    code = main(["init", *args, *pinned])
    return code, capsys.readouterr().out


def all_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def assert_clean(root: Path) -> None:
    result = run_check(root, today=TODAY, gaps=False)
    assert result.project is not None
    found = [f"{d.file}:{d.line}: {d.code} {d.message}" for d in result.diagnostics]
    assert found == [], "\n".join(found)


def kinds(root: Path) -> set[str]:
    found = set()
    for folder in ("docs", "rex"):
        for path in (root / folder).glob("*.md"):
            front = path.read_text(encoding="utf-8").split("+++")[1]
            found.add(tomllib.loads(front)["kind"])
    return found


def test_init_creates_every_file_of_the_format(tmp_path: Path, capsys) -> None:
    target = tmp_path / "ligne-pilote"
    code, out = init(capsys, str(target))
    assert code == 0
    for name in FORMAT_FILES:
        assert (target / name).is_file(), name
        assert f"créé     {name}" in out
    for folder, suffix in FORMAT_FOLDERS.items():
        assert list((target / folder).glob(f"*{suffix}")), folder
    assert "cockpit check" in out


def test_fresh_project_passes_check_without_any_diagnostic(tmp_path: Path, capsys) -> None:
    init(capsys, str(tmp_path / "p"))
    assert_clean(tmp_path / "p")
    assert main(["check", str(tmp_path / "p"), "--today", TODAY.isoformat()]) == 0
    assert "0 erreur, 0 avertissement" in capsys.readouterr().out


def test_base_project_has_an_empty_referential(tmp_path: Path, capsys) -> None:
    init(capsys, str(tmp_path / "p"))
    settings = tomllib.loads((tmp_path / "p" / "cockpit.toml").read_text(encoding="utf-8"))
    assert settings["project"]["referential"] == ""


@pytest.mark.parametrize("referential", REFERENTIALS)
def test_each_referential_overlay(tmp_path: Path, capsys, referential: str) -> None:
    target = tmp_path / "p"
    code, _ = init(capsys, str(target), "--referential", referential)
    assert code == 0
    for name in FORMAT_FILES:
        assert (target / name).is_file(), name
    settings = tomllib.loads((target / "cockpit.toml").read_text(encoding="utf-8"))
    assert settings["project"]["referential"] == referential
    assert EXPECTED_KINDS[referential] <= kinds(target)
    assert referential in (target / "evidence.toml").read_text(encoding="utf-8")
    assert_clean(target)
    assert main(["check", "--no-gaps", str(target), "--today", TODAY.isoformat()]) == 0


def test_overlays_are_exactly_the_shipped_referentials() -> None:
    from cockpit.referentials import known_referential_ids

    assert sorted(available_overlays()) == sorted(REFERENTIALS)
    assert set(known_referential_ids()) == set(REFERENTIALS)


def test_placeholders_are_filled_in_contents_and_names(tmp_path: Path, capsys) -> None:
    target = tmp_path / "Ligne pilote été"
    init(capsys, str(target), "--referential", "cqpm-animateur-lean", "--title", "Mon projet")
    for path in all_files(target):
        assert "{{" not in str(path.relative_to(target)), path
        assert "{{" not in path.read_text(encoding="utf-8"), path
    project = tomllib.loads((target / "cockpit.toml").read_text(encoding="utf-8"))["project"]
    assert project["id"] == "LIGNE-PILOTE-ETE"
    assert project["title"] == "Mon projet"
    (meeting,) = (target / "meetings").glob("*.md")
    assert meeting.name == f"{project['start'].isoformat()}-lancement.md"
    assert project["start"] > TODAY


def test_init_never_overwrites(tmp_path: Path, capsys) -> None:
    target = tmp_path / "p"
    target.mkdir()
    sentinel = "# à moi\n[project]\nid = \"X\"\ntitle = \"Le mien\"\nstart = 2026-01-05\n"
    (target / "cockpit.toml").write_text(sentinel, encoding="utf-8")
    (target / "wbs.toml").write_bytes(b"# mon wbs\n")
    code, out = init(capsys, str(target))
    assert code == 0
    assert (target / "cockpit.toml").read_text(encoding="utf-8") == sentinel
    assert (target / "wbs.toml").read_bytes() == b"# mon wbs\n"
    assert "conservé cockpit.toml" in out
    assert "conservé wbs.toml" in out
    assert "créé     budget.toml" in out


def test_second_init_adds_the_overlay_and_keeps_everything(tmp_path: Path) -> None:
    target = tmp_path / "p"
    today = TODAY
    first = scaffold(target, {"id": "P", "title": "P"}, "", today)
    (meeting,) = (target / "meetings").iterdir()
    before = {p: p.read_bytes() for p in all_files(target)}
    second = scaffold(target, {"id": "P", "title": "P"}, "cqpm-charge-projets-industriels",
                      today + dt.timedelta(days=40))
    assert set(second.kept) == set(first.created)
    assert {p: p.read_bytes() for p in before} == before
    # Dates come from the existing cockpit.toml: no second lancement meeting.
    assert list((target / "meetings").iterdir()) == [meeting]
    assert "docs/reporting.md" in second.created
    assert_clean(target)


def test_unknown_referential_exits_2_in_french(tmp_path: Path, capsys) -> None:
    code, out = init(capsys, str(tmp_path / "p"), "--referential", "cqpm-inconnu")
    assert code == 2
    assert "référentiel « cqpm-inconnu » inconnu" in out
    assert "cqpm-animateur-lean" in out
    assert not (tmp_path / "p").exists()


def test_date_placeholders_skip_weekends_and_french_holidays() -> None:
    # 1 May 2026 is a Friday and a public holiday: the project starts on Monday 4 May.
    values = date_values(dt.date(2026, 5, 1))
    assert values["today"] == "2026-05-01"
    assert values["start"] == "2026-05-04"
    # Ten working days later, skipping 8 May and Ascension (14 May).
    assert values["due"] == "2026-05-20"
    assert values["deadline"] == "2026-08-03"
    assert date_values(dt.date(2026, 5, 16))["start"] == "2026-05-18"  # a Saturday


def test_date_placeholders_reuse_an_existing_project() -> None:
    values = date_values(dt.date(2026, 9, 1), {"start": dt.date(2026, 1, 5),
                                               "deadline": dt.date(2026, 9, 30)})
    assert (values["start"], values["deadline"]) == ("2026-01-05", "2026-09-30")
    assert values["due"] == "2026-01-19"


# Weekdays, a week-end, public holidays (1 May, 14 July, Christmas), year end, 29 February.
DAYS = ("2026-12-04", "2026-12-07", "2026-12-05", "2026-12-06", "2026-05-01", "2026-07-14",
        "2026-12-25", "2026-12-31", "2027-01-01", "2028-02-29")


@pytest.mark.parametrize("referential", ("", *REFERENTIALS))
def test_fresh_project_has_no_diagnostic_whatever_the_day(tmp_path: Path, capsys,
                                                        referential: str) -> None:
    # `cockpit init --today D` then `cockpit check --today D`, as a user does on day D: the
    # sample project starts on the next working day, so nothing is judged late on day one.
    for day in DAYS:
        target = tmp_path / day
        option = ["--referential", referential] if referential else []
        code, _ = init(capsys, str(target), "--today", day, *option)
        assert code == 0
        result = run_check(target, today=dt.date.fromisoformat(day))
        found = [f"{d.file}:{d.line}: {d.code} {d.message}" for d in result.diagnostics]
        assert found == [], f"{day}: " + "\n".join(found)
        start = tomllib.loads((target / "cockpit.toml").read_text(encoding="utf-8"))["project"]["start"]
        assert start > dt.date.fromisoformat(day)


def test_templates_link_at_the_repository_root() -> None:
    link = REPO / "templates"
    assert link.is_symlink()
    assert link.resolve() == (REPO / "src" / "cockpit" / "templates").resolve()


def test_document_skeletons_hold_guidance_only_in_comments() -> None:
    # Template documents must not look like evidence: under each heading there is only
    # guidance in HTML comments, until the candidate writes (see docs/templates.md).
    import re

    root = REPO / "src" / "cockpit" / "templates"
    documents = [p for p in root.glob("*/*/*.md") if p.parent.name in ("docs", "rex")]
    assert len(documents) > 20
    for path in documents:
        body = path.read_text(encoding="utf-8").split("+++", 2)[2]
        visible = re.sub(r"<!--.*?-->", "", body, flags=re.S)
        text = [line for line in visible.splitlines() if line.strip() and not line.startswith("#")]
        assert text == [], f"{path.relative_to(root)}: {text[:2]}"


def test_init_over_an_existing_project_says_how_to_aim_at_the_referential(tmp_path, capsys):
    from cockpit.cli import main

    assert main(["init", str(tmp_path)]) == 0
    settings = (tmp_path / "cockpit.toml").read_bytes()
    capsys.readouterr()
    assert main(["init", str(tmp_path), "--referential", "cqpm-animateur-lean"]) == 0
    out = capsys.readouterr().out
    assert 'referential = "cqpm-animateur-lean"' in out
    assert (tmp_path / "cockpit.toml").read_bytes() == settings
