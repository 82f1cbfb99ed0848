"""REX et documents: bilans, lessons learned and the other documents, rendered as Markdown;
the decision matrices of decisions/, with their criteria and options, created and edited here."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import ContentSwitcher, DataTable, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from cockpit.printable import printable
from cockpit.tui.safe import cells, shown
from cockpit.tui.screens.base import ViewScreen
from cockpit.tui.screens.meetings import body_of

if TYPE_CHECKING:
    from cockpit.model import Decision, DecisionCriterion, DecisionOption, Document
    from cockpit.tui.fields import Field
    from cockpit.tui.state import Snapshot

NOTE = "Enregistré dans {path}, commentaires conservés."


class DocumentsScreen(ViewScreen):
    VIEW = "documents"
    TITLE_FR = "REX et documents"
    BINDINGS = [
        Binding("enter", "edit", "Modifier", key_display="⏎", id="documents.edit", priority=True,
                tooltip="Modifie la décision, le critère ou l'option sous le curseur"),
        Binding("n", "new", "Nouveau", id="documents.new",
                tooltip="Nouvelle décision (depuis la liste), nouveau critère ou nouvelle option "
                        "(depuis leur tableau)"),
        Binding("delete", "delete", "Supprimer", key_display="suppr", id="documents.delete",
                tooltip="Supprime la décision, le critère ou l'option sous le curseur (après "
                        "confirmation ; ctrl+z)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Document | Decision] = []
        self.texts: dict[str, str] = {}
        self.select_path = ""

    def compose_view(self) -> ComposeResult:
        with Horizontal(classes="body split"):
            yield OptionList(id="document-list", classes="side")
            with ContentSwitcher(initial="document-pane", classes="main", id="document-main"):
                with VerticalScroll(id="document-pane"):
                    yield Markdown("", id="document")
                with Vertical(id="decision-pane"):
                    yield Static("", id="decision-head", classes="hint")
                    criteria: DataTable[object] = DataTable(id="criteria", cursor_type="row",
                                                            zebra_stripes=True)
                    criteria.border_title = "Critères"
                    yield criteria
                    options: DataTable[object] = DataTable(id="options", cursor_type="row",
                                                           zebra_stripes=True)
                    options.border_title = "Options"
                    yield options

    def show(self, snapshot: Snapshot) -> None:
        from cockpit import french as fr
        from cockpit.model import Decision

        project = snapshot.project
        assert project is not None
        self.items = [*project.rex, *project.docs, *project.decisions]
        self.texts = snapshot.texts
        options = self.query_one(OptionList)
        highlighted = options.highlighted or 0
        if self.select_path:
            highlighted = next((i for i, d in enumerate(self.items)
                                if d.path == self.select_path), highlighted)
            self.select_path = ""
        options.clear_options()
        options.add_options(Option(
            f"{shown(d.title)}\n  [dim]"
            + ("matrice de décision" if isinstance(d, Decision) else shown(d.kind))
            + f" — {fr.date(d.date)} — {shown(d.path)}[/]", id=d.path) for d in self.items)
        if self.items:
            options.highlighted = min(highlighted, len(self.items) - 1)
            self._show(options.highlighted)
        else:
            self.query_one("#document", Markdown).update(
                "Aucun document dans rex/ ni docs/, aucune décision dans decisions/ : "
                "**n** crée une matrice de décision.")
        if not isinstance(self.focused, DataTable):
            options.focus()

    @on(OptionList.OptionHighlighted, "#document-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option_index)

    def _show(self, index: int | None) -> None:
        from cockpit.model import Decision

        if index is None or not 0 <= index < len(self.items):
            return
        item = self.items[index]
        switcher = self.query_one(ContentSwitcher)
        if isinstance(item, Decision):
            switcher.current = "decision-pane"
            self._show_decision(item)
            return
        switcher.current = "document-pane"
        self.query_one("#document", Markdown).update(
            printable(f"*{item.path}*\n\n" + body_of(self.texts.get(item.path, item.body))))

    def _show_decision(self, decision: Decision) -> None:
        from cockpit import french as fr
        from cockpit.steering.decisions import weighted_score

        snapshot = self.cockpit.snapshot
        currency = snapshot.project.settings.project.currency if snapshot and \
            snapshot.project else "EUR"
        chosen = next((o for o in decision.options if o.id == decision.decided), None)
        head = f"[b]{shown(decision.title)}[/b]\nRetenue : " + (
            f"{shown(chosen.id)} ({shown(chosen.name)})" if chosen else
            shown(decision.decided) or "pas encore décidée")
        if decision.validated_by:
            head += f", validée par {shown(decision.validated_by)}"
        head += f" le {fr.date(decision.date)}" if decision.date else ""
        self.query_one("#decision-head", Static).update(head)
        criteria = self.query_one("#criteria", DataTable)
        row = criteria.cursor_row
        criteria.clear(columns=True)
        criteria.add_columns("Id", "Poids", "Critère")
        criteria.add_rows(cells(c.id, fr.number(c.weight, 1).removesuffix(",0"), c.name)
                          for c in decision.criteria)
        criteria.move_cursor(row=min(row, max(len(decision.criteria) - 1, 0)))
        options = self.query_one("#options", DataTable)
        row = options.cursor_row
        options.clear(columns=True)
        options.add_columns("Id", "Score", "Coût", *(shown(c.id) for c in decision.criteria),
                            "Option")
        for option in decision.options:
            scores = dict(option.scores)
            options.add_row(*cells(
                ("✓ " if option is chosen else "") + option.id,
                fr.number(weighted_score(decision, option), 2),
                fr.money(option.cost, currency, 0) if option.cost is not None else "—",
                *(fr.number(scores[c.id], 1).removesuffix(",0") if c.id in scores else "—"
                  for c in decision.criteria), option.name))
        options.move_cursor(row=min(row, max(len(decision.options) - 1, 0)))

    # -- what is under the cursor ------------------------------------------------------

    def decision(self) -> Decision | None:
        from cockpit.model import Decision

        index = self.query_one(OptionList).highlighted
        item = self.items[index] if index is not None and 0 <= index < len(self.items) else None
        return item if isinstance(item, Decision) else None

    def _row_of(self, table: str, records: tuple[Any, ...]) -> Any:
        widget = self.query_one(f"#{table}", DataTable)
        if self.focused is not widget:
            return None
        row = widget.cursor_row
        return records[row] if 0 <= row < len(records) else None

    def _table(self) -> str:
        focused = self.focused
        return (focused.id or "") if isinstance(focused, DataTable) else ""

    # -- actions -----------------------------------------------------------------------

    def action_edit(self) -> None:
        decision = self.decision()
        if decision is None:
            self.notify("Un document se modifie dans son fichier Markdown ; n crée une "
                        "matrice de décision.", timeout=4)
            return
        table = self._table()
        if table == "criteria":
            criterion = self._row_of("criteria", decision.criteria)
            if criterion is not None:
                self.criterion_form(decision, criterion)
        elif table == "options":
            option = self._row_of("options", decision.options)
            if option is not None:
                self.option_form(decision, option)
        else:
            self.decision_form(decision)

    def action_new(self) -> None:
        decision = self.decision()
        table = self._table()
        if decision is not None and table == "criteria":
            self.criterion_form(decision)
        elif decision is not None and table == "options":
            self.option_form(decision)
        else:
            self.decision_form(None)

    def action_delete(self) -> None:
        from cockpit.tui.edits import delete_criterion, delete_file, delete_option

        decision = self.decision()
        if decision is None:
            return
        table = self._table()
        if table == "criteria":
            criterion = self._row_of("criteria", decision.criteria)
            if criterion is None:
                return
            scored = sum(1 for o in decision.options if criterion.id in dict(o.scores))
            self.confirm(f"Supprimer le critère {criterion.id} ?",
                         f"{criterion.name}\nSes notes sont retirées des options ({scored}) ; "
                         f"ctrl+z remet {decision.path} à l'identique.",
                         f"Suppression du critère {criterion.id}",
                         delete_criterion(decision.path, criterion.id))
        elif table == "options":
            option = self._row_of("options", decision.options)
            if option is None:
                return
            chosen = ("\nC'est l'option retenue : la décision redevient à prendre."
                      if option.id == decision.decided else "")
            self.confirm(f"Supprimer l'option {option.id} ?",
                         f"{option.name}{chosen}\nRetirée de {decision.path} ; ctrl+z l'y remet.",
                         f"Suppression de l'option {option.id}",
                         delete_option(decision.path, option.id))
        else:
            self.confirm(f"Supprimer la décision « {decision.title} » ?",
                         f"Le fichier {decision.path} est supprimé ; ctrl+z le remet à "
                         "l'identique.", f"Suppression de {decision.path}",
                         delete_file(decision.path))

    # -- forms -------------------------------------------------------------------------

    def _form(self, title: str, fields: tuple[Field, ...], values: dict[str, str],
              save: Callable[[dict[str, object]], None], *, new: bool,
              taken: tuple[str, ...] = (), note: str = "", refs: dict[str, Any] | None = None,
              check: Callable[[dict[str, object]], str] | None = None) -> None:
        from cockpit.tui.dialogs.record_form import RecordForm
        from cockpit.tui.fields import refs_of

        snapshot = self.cockpit.snapshot
        if snapshot is None or snapshot.project is None:
            return

        def done(result: dict[str, object] | None) -> None:
            if result is None:
                return
            if not result:
                self.notify("Aucune valeur modifiée : rien n'est enregistré.", timeout=3)
                return
            save(result)

        self.app.push_screen(RecordForm(title, fields, values,
                                        {**refs_of(snapshot.project), **(refs or {})},
                                        new=new, taken=taken, note=note, check=check), done)

    def decision_form(self, decision: Decision | None) -> None:
        """A new matrix (title, date, validator), or the heading of `decision`: the option
        chosen and why."""
        from cockpit.steering.meetings import slug
        from cockpit.tui.edits import create_decision, update_decision
        from cockpit.tui.fields import decision_fields, show_day

        snapshot = self.cockpit.snapshot
        if snapshot is None or snapshot.project is None:
            return
        files = self.cockpit.edit_files()
        if decision is None:
            existing = {d.path for d in snapshot.project.decisions}

            def path_of(values: dict[str, object]) -> str:
                return f"decisions/{slug(str(values['title']))}.toml"

            def create(values: dict[str, object]) -> None:
                path = path_of(values)
                self.select_path = path
                self.cockpit.edit(f"Décision {path}", create_decision(path, values), files=files)

            self._form("Nouvelle décision (matrice multicritère)", decision_fields(new=True),
                       {"date": show_day(snapshot.today)}, create, new=True,
                       note="Crée decisions/<titre>.toml ; ajoutez ensuite critères et "
                            "options depuis leurs tableaux (Tab, puis n).",
                       check=lambda v: f"{path_of(v)} existe déjà : donnez un autre titre."
                       if path_of(v) in existing else "")
            return
        fields = decision_fields(new=False)
        values = {f.key: f.show(getattr(decision, f.key, None)) for f in fields}

        def update(values: dict[str, object]) -> None:
            self.cockpit.edit(f"Décision {decision.path}", update_decision(decision.path, values),
                              files=files)

        self._form(f"Décision {decision.title}", fields, values, update, new=False,
                   refs={"options": tuple(o.id for o in decision.options)},
                   note=NOTE.format(path=decision.path))

    def criterion_form(self, decision: Decision, criterion: DecisionCriterion | None = None
                       ) -> None:
        from cockpit.tui.edits import add_record, update_record
        from cockpit.tui.fields import CRITERION_FIELDS

        files = self.cockpit.edit_files()
        path = decision.path
        if criterion is None:
            def add(values: dict[str, object]) -> None:
                self.cockpit.edit(f"Critère {values['id']}", add_record(path, "criterion", values),
                                  files=files)

            self._form(f"Nouveau critère de « {decision.title} »", CRITERION_FIELDS, {}, add,
                       new=True, taken=tuple(c.id for c in decision.criteria),
                       note=NOTE.format(path=path))
            return
        values = {f.key: f.show(getattr(criterion, f.key)) for f in CRITERION_FIELDS}

        def update(values: dict[str, object]) -> None:
            self.cockpit.edit(f"Critère {criterion.id}",
                              update_record(path, "criterion", criterion.id, values), files=files)

        self._form(f"Critère {criterion.id} de « {decision.title} »", CRITERION_FIELDS, values,
                   update, new=False, note=NOTE.format(path=path))

    def option_form(self, decision: Decision, option: DecisionOption | None = None) -> None:
        """An option: name, cost and one score per criterion."""
        from cockpit.tui.edits import add_option, update_option
        from cockpit.tui.fields import option_fields

        files = self.cockpit.edit_files()
        path = decision.path
        fields = option_fields(decision.criteria)
        criteria = {f"score-{n}": c.id for n, c in enumerate(decision.criteria)}

        def split(values: dict[str, object]) -> tuple[dict[str, object], dict[str, object]]:
            scores = {criteria[k]: values.pop(k) for k in list(values) if k in criteria}
            return values, scores

        if option is None:
            def add(values: dict[str, object]) -> None:
                record, scores = split(values)
                self.cockpit.edit(f"Option {record['id']}", add_option(path, record, scores),
                                  files=files)

            self._form(f"Nouvelle option de « {decision.title} »", fields, {}, add, new=True,
                       taken=tuple(o.id for o in decision.options),
                       note=NOTE.format(path=path) + " Notes : une par critère.")
            return
        scores = dict(option.scores)
        values = {f.key: f.show(scores.get(criteria[f.key]) if f.key in criteria else
                                getattr(option, f.key)) for f in fields}

        def update(values: dict[str, object]) -> None:
            record, scores = split(values)
            self.cockpit.edit(f"Option {option.id}",
                              update_option(path, option.id, record, scores), files=files)

        self._form(f"Option {option.id} de « {decision.title} »", fields, values, update,
                   new=False, note=NOTE.format(path=path))
