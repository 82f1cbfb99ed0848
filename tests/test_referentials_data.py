"""The shipped référentiels are complete and word for word.

Counts are the ones established by reading the source documents
(/work/shared/seeds, see docs/referentials.md); every title, condition and
criterion text is checked against its source after normalising the PDF
extraction (HTML tags, bullets, footnote markers, line breaks).
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from cockpit.referentials import (
    Criterion,
    Item,
    Phase,
    Referential,
    UnknownCapacity,
    UnknownCriterion,
    UnknownReferential,
    find_capacity,
    find_criterion,
    known_referential_ids,
    list_referentials,
    load_referential,
)

# shared/seeds stands next to the repository (/work/shared beside /work/main), or next to the
# folder that holds a git worktree of it (/work/shared beside /work/wt/NAME).
SEEDS = next((parent / "shared" / "seeds" for parent in Path(__file__).resolve().parents[1:]
              if (parent / "shared" / "seeds").is_dir()),
             Path(__file__).resolve().parents[2] / "shared" / "seeds")

IDS = [
    "cqpm-chef-projet-plm",
    "cqpm-charge-projets-industriels",
    "cqpm-integration-productique",
    "ms-manager-ingenierie-numerique",
    "cqpm-animateur-lean",
]

# id -> (capacities, criteria of the capacities, judgement-only criteria)
COUNTS = {
    "cqpm-chef-projet-plm": (8, 51, 14),
    "cqpm-charge-projets-industriels": (7, 32, 3),
    "cqpm-integration-productique": (6, 43, 4),
    "ms-manager-ingenierie-numerique": (40, 107, 4),
    "cqpm-animateur-lean": (9, 24, 3),
}

# 003: the competences of each block, as listed in the document.
MS_COMPETENCES = {
    "C1": {"1": 3, "2": 4, "3": 3},
    "C2": {"1": 4, "2": 3, "3": 3},
    "C3": {"1": 4, "2": 3, "3": 3},
    "C4": {"1": 3, "2": 3, "3": 4},
}


# ----------------------------------------------------------------- normalisation

_TAG = re.compile(r"<[^>]+>")
_SUP = re.compile(r"<sup>.*?</sup>", re.S)
_SUPERSCRIPTS = re.compile("[\u00b9\u00b2\u00b3\u2070-\u2079]")
_BULLET_LINE = re.compile(r"^(?:[\u2022\u25cb\u25aa\u27a2\uf0b7\uf0ae\u2013*#-]+|o(?= [A-Z]))\s*")


def normalise(text: str) -> str:
    """Flatten PDF/HTML artefacts so that a verbatim text can be found in a seed."""
    text = _SUP.sub("", text)
    text = _TAG.sub("\n", text)
    text = html.unescape(text)
    text = _SUPERSCRIPTS.sub("", text)
    text = text.replace("\u202f", " ").replace("\u00a0", " ")
    text = re.sub(r"(\w)-[ \t]*\n\s*(\w)", r"\1-\2", text)  # hyphen at a line break
    lines = []
    for line in text.splitlines():
        line = line.strip()
        while True:
            stripped = _BULLET_LINE.sub("", line)
            if stripped == line:
                break
            line = stripped
        lines.append(line)
    text = " ".join(lines).replace("*", "")
    return re.sub(r"\s+", " ", text).strip()


@cache
def source(referential: Referential) -> str:
    return normalise((SEEDS / referential.source).read_text(encoding="utf-8"))


def fragments(text: str, src: str, max_fragments: int = 4) -> list[str] | None:
    """Split ``text`` into at most ``max_fragments`` runs of words found in order in ``src``.

    003's columns interleave, so one sentence may be cut by text of another column;
    a verbatim text is then a few consecutive runs of the source. Returns the runs
    or None when the text is not in the source.
    """
    words = normalise(text).split(" ")
    found: list[str] = []
    position = 0
    start = 0
    while start < len(words):
        if len(found) == max_fragments:
            return None
        best_end, best_at = -1, -1
        for end in range(len(words), start, -1):
            piece = " ".join(words[start:end])
            at = src.find(piece, position)
            if at >= 0:
                best_end, best_at = end, at
                break
        if best_end < 0:
            return None
        piece = " ".join(words[start:best_end])
        found.append(piece)
        position = best_at + len(piece)
        start = best_end
    return found


def assert_verbatim(text: str, referential: Referential, what: str) -> None:
    # 003's columns interleave; the CQPMs' texts must be found in one piece
    runs = fragments(text, source(referential), 4 if referential.kind == "MS" else 1)
    assert runs is not None, f"{referential.id} {what}: not found in {referential.source}: {text!r}"
    if len(runs) > 1:
        # an interleaved text: each cut must leave runs of a few words, not single words
        assert all(len(r.split(" ")) >= 2 or r.endswith(".") for r in runs[1:]), (what, runs)


def walk_items(items: tuple[Item, ...]) -> Iterator[Item]:
    for item in items:
        yield item
        yield from walk_items(item.items)


# ----------------------------------------------------------------- fixtures

needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"seed documents not found at {SEEDS} (shared/seeds next to the repo)"
)


@pytest.fixture(params=IDS)
def referential(request: pytest.FixtureRequest) -> Referential:
    return load_referential(request.param)


# ----------------------------------------------------------------- loader


def test_known_ids_are_the_five() -> None:
    assert known_referential_ids() == tuple(sorted(IDS))
    assert [r.id for r in list_referentials()] == sorted(IDS)


def test_unknown_referential_lists_known_ids() -> None:
    with pytest.raises(UnknownReferential) as info:
        load_referential("cqpm-inconnu")
    assert info.value.known == tuple(sorted(IDS))
    assert "cqpm-charge-projets-industriels" in str(info.value)


def test_load_is_cached() -> None:
    assert load_referential(IDS[0]) is load_referential(IDS[0])


def test_find_capacity_and_criterion() -> None:
    cap = find_capacity("cqpm-charge-projets-industriels", "C4")
    assert cap.title == "Animer des réunions de travail liées à un projet"
    assert cap.phase is Phase.CONDUITE
    crit = find_criterion("cqpm-charge-projets-industriels", "C4.3")
    assert crit.parent == "C4"
    assert find_criterion("ms-manager-ingenierie-numerique", "C1.2.3.b").parent == "C1.2.3"
    with pytest.raises(UnknownCapacity):
        find_capacity("cqpm-animateur-lean", "C10")
    with pytest.raises(UnknownCriterion):
        find_criterion("cqpm-animateur-lean", "C1.9")


def test_no_ui_import() -> None:
    code = (
        "import sys, cockpit.referentials as r; r.list_referentials();"
        "bad = [m for m in ('textual', 'rich', 'pandas', 'plotext') if m in sys.modules];"
        "sys.exit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# ----------------------------------------------------------------- structure


def test_counts(referential: Referential) -> None:
    capacities, criteria, judgement = COUNTS[referential.id]
    assert len(referential.capacities) == capacities
    assert len(referential.criteria) == criteria
    assert sum(c.judgement for c in referential.criteria) == judgement


def test_ids_unique_and_derived(referential: Referential) -> None:
    ids = [c.id for c in referential.capacities]
    assert len(set(ids)) == len(ids)
    crit_ids = [c.id for c in referential.all_criteria]
    assert len(set(crit_ids)) == len(crit_ids)
    ms = referential.kind == "MS"
    for cap in referential.capacities:
        for n, crit in enumerate(cap.criteria):
            suffix = "abcdefghijklmnopqrstuvwxyz"[n] if ms else str(n + 1)
            assert crit.id == f"{cap.id}.{suffix}"
            assert crit.parent == cap.id
    if not ms:
        assert ids == [f"C{n}" for n in range(1, len(ids) + 1)]


def test_every_criterion_has_a_facet_and_text(referential: Referential) -> None:
    for crit in referential.all_criteria:
        assert crit.facet in referential.facets
        assert crit.text.strip()
        assert isinstance(crit.judgement, bool)
        assert isinstance(crit.probes, tuple)


def test_every_capacity_has_unit_phase_and_criteria(referential: Referential) -> None:
    for cap in referential.capacities:
        assert isinstance(cap.phase, Phase)
        assert cap.criteria
        if referential.units:
            assert cap.unit is not None and cap.unit in referential.units


def test_ms_competences_complete() -> None:
    ms = load_referential("ms-manager-ingenierie-numerique")
    expected = [
        f"{block}.{act}.{n}"
        for block, acts in MS_COMPETENCES.items()
        for act, count in acts.items()
        for n in range(1, count + 1)
    ]
    assert [c.id for c in ms.capacities] == expected
    assert expected[0] == "C1.1.1" and expected[-1] == "C4.3.4"
    assert [a.id for a in ms.activities] == [f"A{b}.{a}" for b in range(1, 5) for a in range(1, 4)]
    for act in ms.activities:
        assert act.competences == tuple(c.id for c in ms.capacities if c.activity == act.id)
        assert act.competences and all(c.startswith("C" + act.id[1:] + ".") for c in act.competences)
        assert act.tasks and [t.id for t in act.tasks] == [f"T{i}" for i in range(1, len(act.tasks) + 1)]
        for deliverable in act.evaluation.deliverables:
            assert set(deliverable.competences) <= set(act.competences)
        covered = {c for d in act.evaluation.deliverables for c in d.competences}
        assert covered == set(act.competences), act.id
    for unit in ms.units:
        weights = [a.evaluation.weight for a in ms.activities if a.unit is unit]
        assert sum(weights) == 100, unit.id
    thesis = ms.thesis
    assert thesis is not None
    assert (thesis.pages.min, thesis.pages.max) == (50, 60)
    assert (thesis.defence_minutes.min, thesis.defence_minutes.max) == (50, 90)


def test_quantities() -> None:
    c4 = find_capacity("cqpm-charge-projets-industriels", "C4")
    assert c4.quantity is not None and c4.quantity.min == 2 and c4.quantity.distinct == "phase"
    assert all(c.quantity == c4.quantity for c in c4.criteria)
    axes = find_criterion("cqpm-animateur-lean", "C2.2")
    assert axes.quantity is not None and axes.quantity.min == 3


def test_ms_corrected_ids() -> None:
    """003 heads C3.2.3's criteria "C3.3.3." and C3.3.x's "C1.3.x."; see docs/referentials.md."""
    ms = load_referential("ms-manager-ingenierie-numerique")
    assert ms.capacity("C3.2.3").criteria[0].text.startswith("Les niveaux de détail")
    assert ms.capacity("C3.3.1").criteria[0].text.startswith("L’analyse des données")
    assert ms.capacity("C3.3.2").criteria[0].text.startswith("La notice de customisation")
    assert ms.capacity("C1.3.1").criteria[0].text.startswith("Les workflows proposés")
    oral = ms.criterion("A4.1.a")
    assert oral.parent == "A4.1" and oral.judgement and oral.facet == "soutenance_orale"
    assert ms.activity("A2.1").evaluation.deliverables[0].competences == ("C2.1.1",)


def test_phases() -> None:
    assert find_capacity("cqpm-charge-projets-industriels", "C7").phase is Phase.CONCLUSION
    assert find_capacity("cqpm-charge-projets-industriels", "C1").phase is Phase.CADRAGE
    assert find_capacity("cqpm-animateur-lean", "C9").phase is Phase.CONCLUSION


# ----------------------------------------------------------------- verbatim


@needs_seeds
def test_titles_are_verbatim(referential: Referential) -> None:
    assert_verbatim(referential.title, referential, "title")
    for unit in referential.units:
        assert_verbatim(unit.title, referential, f"unit {unit.id}")
        for knowledge in unit.knowledge:
            assert_verbatim(knowledge, referential, f"unit {unit.id} knowledge")
    for cap in referential.capacities:
        assert_verbatim(cap.title, referential, f"{cap.id} title")
        if cap.note:
            assert_verbatim(cap.note, referential, f"{cap.id} note")
        if cap.conditions:
            for line in cap.conditions.splitlines():
                assert_verbatim(line, referential, f"{cap.id} conditions")
        if cap.quantity:
            assert_verbatim(cap.quantity.text, referential, f"{cap.id} quantity")


@needs_seeds
def test_criteria_are_verbatim(referential: Referential) -> None:
    for crit in referential.all_criteria:
        assert_verbatim(crit.text, referential, crit.id)
        for item in walk_items(crit.items):
            assert_verbatim(item.text, referential, f"{crit.id} item")
        if crit.quantity:
            assert_verbatim(crit.quantity.text, referential, f"{crit.id} quantity")


@needs_seeds
def test_ms_extras_are_verbatim() -> None:
    ms = load_referential("ms-manager-ingenierie-numerique")
    for act in ms.activities:
        assert_verbatim(act.title, ms, act.id)
        for task in act.tasks:
            assert_verbatim(task.title, ms, f"{act.id} {task.id}")
        ev = act.evaluation
        assert_verbatim(ev.title, ms, f"{act.id} evaluation")
        assert_verbatim(ev.instructions, ms, f"{act.id} instructions")
        if ev.jury:
            assert_verbatim(ev.jury, ms, f"{act.id} jury")
        for part in ev.parts:
            assert_verbatim(part.title, ms, f"{act.id} part")
        for deliverable in ev.deliverables:
            assert_verbatim(deliverable.text, ms, f"{act.id} deliverable")
    assert ms.thesis is not None
    for sentence in ms.thesis.requirements:
        assert_verbatim(sentence, ms, "thesis")


def test_criteria_helpers() -> None:
    crit = find_criterion("cqpm-charge-projets-industriels", "C5.2")
    assert isinstance(crit, Criterion)
    lines = crit.full_text().splitlines()
    assert lines[0] == crit.text
    assert any(line.startswith("  - ") for line in lines)
