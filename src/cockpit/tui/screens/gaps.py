"""Écarts: the gap report by capacity; open the evidence, see what is missing, and write the
candidate's own evidence (evidence.toml) for the selected criterion."""

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
    from collections.abc import Iterator

    from textual.widgets.tree import TreeNode

    from cockpit.model import EvidenceClaim
    from cockpit.referentials.gaps import Evidence
    from cockpit.tui.state import Snapshot

STATUS_STYLE = {"covered": "green", "partial": "yellow", "missing": "red", "to_justify": "magenta"}


class GapsScreen(ViewScreen):
    VIEW = "gaps"
    TITLE_FR = "Écarts"
    BINDINGS = [
        Binding("enter", "open", "Ouvrir la preuve", id="gaps.open",
                tooltip="Ouvre le fichier qui sert de preuve"),
        Binding("n", "justify", "Justifier", id="gaps.justify",
                tooltip="Crée ou modifie l'entrée d'evidence.toml du critère sélectionné : "
                        "ses preuves (fichier ou fichier#ancre) et sa justification"),
        Binding("delete", "delete", "Supprimer", key_display="suppr", id="gaps.delete",
                tooltip="Supprime l'entrée d'evidence.toml du critère sélectionné (après "
                        "confirmation ; ctrl+z)"),
    ]

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
        kept, _ = self.target()
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
        if kept:
            _move_to(tree, kept)
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


    # -- evidence.toml: the candidate's own evidence --------------------------------------

    def target(self) -> tuple[str, str]:
        """The id and text of the criterion (or capacity) under the cursor, or of the one a
        piece of evidence or a gap belongs to."""
        from cockpit.referentials.gaps import CapacityResult, CriterionResult

        node = self.query_one(Tree).cursor_node
        while node is not None and not isinstance(node.data, CriterionResult | CapacityResult):
            node = node.parent
        if node is None:
            return "", ""
        data = node.data
        return data.id, data.text if isinstance(data, CriterionResult) else data.title

    def claim(self, target: str) -> EvidenceClaim | None:
        snapshot = self.cockpit.snapshot
        if snapshot is None or snapshot.project is None or snapshot.gaps is None:
            return None
        referential = snapshot.gaps.referential_id
        return next((c for c in snapshot.project.evidence
                     if c.referential == referential and c.target == target), None)

    def action_justify(self) -> None:
        from cockpit.tui.dialogs.record_form import RecordForm
        from cockpit.tui.edits import add_evidence, update_evidence
        from cockpit.tui.fields import evidence_fields, refs_of

        snapshot = self.cockpit.snapshot
        target, text = self.target()
        if snapshot is None or snapshot.project is None or snapshot.gaps is None or not target:
            self.notify("Choisissez d'abord un critère (ou une capacité) du référentiel.",
                        severity="warning")
            return
        project, gaps = snapshot.project, snapshot.gaps
        referential = gaps.referential_id
        claim = self.claim(target)
        values = {"id": target, "evidence": "\n".join(claim.evidence) if claim else "",
                  "justification": claim.justification if claim else ""}
        ids = tuple(i for c in gaps.capacities for i in (c.id, *(k.id for k in c.criteria)))
        files = self.cockpit.edit_files()

        def save(result: dict[str, object] | None) -> None:
            if result is None:
                return
            written = {k: list(v) if isinstance(v, tuple) else v for k, v in result.items()}
            if claim is None:
                chosen = str(written.pop("id"))
                self.cockpit.edit(f"Preuves de {chosen}",
                                  add_evidence(referential, chosen, written), files=files)
            elif written:
                self.cockpit.edit(f"Preuves de {target}",
                                  update_evidence(referential, target, written), files=files)
            else:
                self.notify("Aucune valeur modifiée : rien n'est enregistré.", timeout=3)

        self.app.push_screen(RecordForm(
            f"Preuves de {target} — {text}", evidence_fields(project), values,
            {**refs_of(project), "criteria": ids}, new=claim is None,
            taken=tuple(c.target for c in project.evidence if c.referential == referential),
            focus="evidence",
            note="Enregistré dans evidence.toml, commentaires conservés. Une preuve par "
                 "ligne : un fichier du dossier, ou fichier#ancre (le titre d'une section)."),
            save)

    def action_delete(self) -> None:
        from cockpit.tui.edits import delete_evidence

        target, _ = self.target()
        claim = self.claim(target)
        if claim is None:
            self.notify(f"{target or 'Ce nœud'} n'a pas d'entrée dans evidence.toml.",
                        severity="warning")
            return
        self.confirm(f"Supprimer les preuves de {target} ?",
                     "\n".join((*claim.evidence, claim.justification))
                     + f"\nRetiré d'evidence.toml (ligne {claim.source.line}) ; ctrl+z l'y remet.",
                     f"Suppression des preuves de {target}",
                     delete_evidence(claim.referential, target))


def _move_to(tree: Tree[object], target: str) -> None:
    """The cursor back on the capacity or criterion `target` after the tree is rebuilt (its
    capacity opened)."""
    from cockpit.referentials.gaps import CapacityResult, CriterionResult

    def visible(node: TreeNode[object]) -> Iterator[TreeNode[object]]:
        for child in node.children:
            yield child
            if child.is_expanded:
                yield from visible(child)

    for capacity in tree.root.children:
        if any(isinstance(c.data, CriterionResult) and c.data.id == target
               for c in capacity.children):
            capacity.expand()
    line = next((n for n, node in enumerate(visible(tree.root))
                 if isinstance(node.data, CapacityResult | CriterionResult)
                 and node.data.id == target), None)
    if line is not None:
        tree.cursor_line = line


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
