"""Écarts: the gap report by capacity; open the evidence, see what is missing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static, Tree

from cockpit.tui.safe import shown
from cockpit.tui.screens.base import ViewScreen

if TYPE_CHECKING:
    from cockpit.referentials.gaps import Evidence
    from cockpit.tui.state import Snapshot

STATUS_STYLE = {"covered": "green", "partial": "yellow", "missing": "red", "to_justify": "magenta"}


class GapsScreen(ViewScreen):
    VIEW = "gaps"
    TITLE_FR = "Écarts"
    BINDINGS = [Binding("enter", "open", "Ouvrir la preuve", id="gaps.open",
                        tooltip="Ouvre le fichier qui sert de preuve")]

    def compose_view(self) -> ComposeResult:
        with Vertical(classes="body"):
            yield Static("", id="gaps-summary", classes="hint")
            tree: Tree[object] = Tree("Référentiel", id="gaps-tree")
            tree.show_root = False
            yield tree
            yield Static("", id="gaps-detail", classes="panel")

    def show(self, snapshot: Snapshot) -> None:
        from cockpit.referentials.gaps import Status

        tree = self.query_one(Tree)
        tree.clear()
        gaps = snapshot.gaps
        summary = self.query_one("#gaps-summary", Static)
        project = snapshot.project
        if gaps is None:
            summary.update(
                "Analyse des écarts indisponible : "
                + ("le module d'analyse du référentiel n'est pas encore livré."
                   if project and project.settings.project.referential
                   else "aucun référentiel choisi ([project] referential dans cockpit.toml)."))
            return
        summary.update(f"[b]{shown(gaps.referential_title)}[/b] — " + ", ".join(
            f"{gaps.count(s)} {s.french}" for s in Status)
            + (" — prêt pour le jury" if gaps.ready else ""))
        for capacity in gaps.capacities:
            style = STATUS_STYLE[capacity.status.value]
            later = " (phase pas encore atteinte)" if capacity.phase_not_reached else ""
            node = tree.root.add(
                f"[{style}]{capacity.status.french:>11}[/] {shown(capacity.id)} "
                f"{shown(capacity.title)}{later}",
                data=capacity, expand=capacity.status is not Status.COVERED)
            for criterion in capacity.criteria:
                cstyle = STATUS_STYLE[criterion.status.value]
                child = node.add(f"[{cstyle}]{criterion.status.french}[/] {shown(criterion.id)} "
                                 f"{shown(criterion.text)}", data=criterion)
                for evidence in criterion.evidence:
                    child.add_leaf(f"📄 {shown(evidence)}", data=evidence)
                for missing in criterion.missing:
                    child.add_leaf(f"[red]manque :[/] {shown(missing)}", data=None)
        tree.focus()

    @on(Tree.NodeHighlighted, "#gaps-tree")
    def _highlighted(self, event: Tree.NodeHighlighted[object]) -> None:
        from cockpit.referentials.gaps import CapacityResult, CriterionResult, Evidence

        data = event.node.data
        detail = self.query_one("#gaps-detail", Static)
        if isinstance(data, CriterionResult):
            text = f"[b]{shown(data.id)}[/b] {shown(data.text)} — {data.status.french}"
            if data.judgement:
                text += " (à l'appréciation du jury : justifiez-le dans evidence.toml)"
            text += "".join(f"\n  preuve : {shown(e.proof)}" for e in data.evidence)
            text += "".join(f"\n  [red]manque :[/] {shown(m)}" for m in data.missing)
            detail.update(text)
        elif isinstance(data, CapacityResult):
            detail.update(f"[b]{shown(data.id)}[/b] {shown(data.title)} — {data.status.french} : "
                          f"{sum(1 for c in data.criteria if c.status.value == 'covered')}/"
                          f"{len(data.criteria)} critères couverts")
        elif isinstance(data, Evidence):
            detail.update(f"{shown(data.proof)} — Entrée pour l'ouvrir")

    @on(Tree.NodeSelected, "#gaps-tree")
    def _selected(self, event: Tree.NodeSelected[object]) -> None:
        from cockpit.referentials.gaps import Evidence

        if isinstance(event.node.data, Evidence):
            self.open_evidence(event.node.data)

    def action_open(self) -> None:
        from cockpit.referentials.gaps import Evidence

        node = self.query_one(Tree).cursor_node
        if node is not None and isinstance(node.data, Evidence):
            self.open_evidence(node.data)

    def open_evidence(self, evidence: Evidence) -> None:
        from cockpit.tui.dialogs.evidence import EvidenceDialog

        snapshot = self.cockpit.snapshot
        text = snapshot.texts.get(evidence.file) if snapshot else None
        if text is None and snapshot is not None:
            text = _read_inside(snapshot.root, evidence.file)
        line = evidence.line
        if evidence.anchor and text is not None and snapshot and snapshot.project:
            line = _anchor_line(snapshot, evidence.file, evidence.anchor) or line
        self.app.push_screen(EvidenceDialog(str(evidence), text, line,
                                            markdown=evidence.file.endswith(".md")))


def _anchor_line(snapshot: Snapshot, file: str, anchor: str) -> int | None:
    project = snapshot.project
    assert project is not None
    for doc in (*project.meetings, *project.rex, *project.docs):
        if doc.path == file:
            return next((s.line for s in doc.sections if s.slug == anchor), None)
    return None


def _read_inside(root: object, file: str) -> str | None:
    """An evidence file's text: only a regular file of the folder, never through a link out
    of it (the same reading as the loader's)."""
    from pathlib import Path

    from cockpit.folder.sources import read_regular

    try:
        read = read_regular(Path(str(root)), file)
    except OSError:
        return None
    return None if read is None else read[0].decode("utf-8", "replace")
