"""The text edits of the minutes: the « Décisions » list rewritten item by item, every other
byte kept."""

from __future__ import annotations

import datetime as dt

import pytest

from cockpit.folder.markdown import mention_agreeing
from cockpit.tui.edits import with_decisions
from cockpit.tui.fields import numbered_decisions

MINUTES = ("+++\ntitle = \"COPIL\"\n+++\n\n## Décisions\n\n- D1 — Budget validé.\n"
           "- D2 — Lot formation avancé\n  de deux semaines.\n\n## Actions\n\n- A1 — x\n")


def test_kept_items_keep_their_lines_new_ones_come_at_their_place() -> None:
    after = with_decisions(MINUTES, ("D1 — Budget validé.", "D3 — Recette le 12/05",
                                     "D2 — Lot formation avancé"))
    assert after == MINUTES.replace(
        "- D1 — Budget validé.\n", "- D1 — Budget validé.\n- D3 — Recette le 12/05\n")


def test_an_item_removed_takes_its_continuation_lines() -> None:
    assert with_decisions(MINUTES, ("D1 — Budget validé.",)) == MINUTES.replace(
        "- D2 — Lot formation avancé\n  de deux semaines.\n", "")


@pytest.mark.parametrize("text,expected", [
    ("## Décisions\n\n## Actions\n", "## Décisions\n\n- D1 — Oui\n\n## Actions\n"),
    ("## Relevé de décisions\n", "## Relevé de décisions\n\n- D1 — Oui\n"),
    ("## Avancement\n\n## Actions\n- A1\n",
     "## Avancement\n\n## Décisions\n\n- D1 — Oui\n\n## Actions\n- A1\n"),
    ("## Avancement\r\nRAS\r\n", "## Avancement\r\nRAS\r\n\r\n## Décisions\r\n\r\n- D1 — Oui\r\n"),
], ids=["empty-section", "synonym", "no-section-before-actions", "crlf-at-the-end"])
def test_a_first_decision(text: str, expected: str) -> None:
    assert with_decisions(text, ("D1 — Oui",)) == expected


def test_new_decisions_follow_the_meetings_numbering() -> None:
    assert numbered_decisions(("D9 — a", "D10 — b"), ("D9 — a", "D10 — b", "c", "d")) == (
        "D9 — a", "D10 — b", "D11 — c", "D12 — d")
    assert numbered_decisions(("a",), ("a", "b")) == ("a", "b")


def test_a_loose_list_keeps_its_blank_lines() -> None:
    loose = "## Décisions\n\n- D1 — a\n\n- D2 — b\n\n- D3 — c\n\nNote.\n"
    assert with_decisions(loose, ("D1 — a", "D3 — c")) == loose.replace("- D2 — b\n\n", "")
    assert with_decisions(loose, ("D1 — a", "D2 — b", "D3 — c", "D4 — d")) == loose.replace(
        "- D3 — c\n", "- D3 — c\n- D4 — d\n")


def test_a_file_without_a_last_new_line_keeps_it_so() -> None:
    text = "## Décisions\n\n- D1 — a\n\n## Actions\n- A1"
    assert with_decisions(text, ("D1 — b",)) == text.replace("D1 — a", "D1 — b")


@pytest.mark.parametrize("row,expected", [
    ("- A7 — @bdupont — 2026-04-10 — Passer la commande\n",
     "- A7 — @cmartin — 2026-05-02 — Passer la commande\n"),
    ("* A7 | @bdupont | 10/04/2026 | Passer la commande\r\n",
     "* A7 | @cmartin | 02/05/2026 | Passer la commande\r\n"),
    ("- A7 — Passer la commande\n", "- A7 — Passer la commande\n"),
    ("- A8 — @bdupont — 2026-04-10 — Autre\n", "- A8 — @bdupont — 2026-04-10 — Autre\n"),
], ids=["iso", "french-date", "no-owner-nor-date", "another-action"])
def test_an_action_line_made_to_agree(row: str, expected: str) -> None:
    assert mention_agreeing(row, "A7", "cmartin", dt.date(2026, 5, 2)) == expected
