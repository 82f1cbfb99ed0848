"""A form over the fields of one record: values checked as they are typed, ids completed.

`RecordForm` returns the values to write, keyed by field, in the fields' order: for a new
record every filled field, for an edit only the fields whose text changed (None removes a
key). A refused value keeps the dialog open with what was typed, its message under the
field; Échap closes without writing anything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, Static, TextArea

from cockpit.printable import printable
from cockpit.tui.fields import ID_PATTERN, Field, Refs
from cockpit.tui.safe import shown

Values = dict[str, object]
MULTILINE = ("lines", "actionlines")


class ItemSuggester(Suggester):
    """Completes the last item of a comma-separated list from known words."""

    def __init__(self, words: Sequence[str], *, single: bool) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.words = sorted(words)
        self.single = single

    async def get_suggestion(self, value: str) -> str | None:
        head, _, last = value.rpartition(",") if not self.single else ("", "", value)
        stem = last.lstrip()
        if not stem or " " in stem:
            return None
        lowered = stem.lower()
        for word in self.words:
            if word.lower().startswith(lowered) and word != stem:
                prefix = value[: len(value) - len(stem)]
                return prefix + word
        return None


class RecordForm(ModalScreen[Values | None]):
    """Edit or create one record; see the module docstring."""

    BINDINGS = [
        Binding("escape", "cancel", "Annuler", id="form.cancel",
                tooltip="Ferme sans rien enregistrer"),
        Binding("ctrl+s", "save", "Enregistrer", id="form.save",
                tooltip="Vérifie et enregistre le formulaire"),
    ]

    def __init__(self, title: str, fields: Sequence[Field], values: Mapping[str, str],
                 refs: Refs, *, new: bool = False, taken: Sequence[str] = (),
                 note: str = "", check: Callable[[Values], str] | None = None,
                 focus: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.fields = tuple(fields)
        # Control characters from the file are shown in the fields (a field writes no escape
        # sequence to the terminal); an edited field saves what it shows.
        self.initial = {f.key: printable(values.get(f.key, "")) for f in self.fields}
        self.refs = refs
        self.new = new
        self.taken = frozenset(taken)
        self.note = note
        self.check = check
        self.focus_key = focus

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog form", id="record-form"):
            yield Label(f"[b]{shown(self.title_text)}[/b]", id="form-title")
            for f in self.fields:
                words = f.completions(self.refs)
                with Horizontal(classes="field-row"):
                    yield Label(f.label + (" *" if f.required else ""), classes="field-label")
                    if f.kind in MULTILINE:
                        yield TextArea(self.initial[f.key], id=f"f-{f.key}", classes="lines",
                                       soft_wrap=True, show_line_numbers=False,
                                       placeholder=f.placeholder())
                    else:
                        yield Input(self.initial[f.key], placeholder=f.placeholder(),
                                    id=f"f-{f.key}", disabled=f.key == "id" and not self.new,
                                    suggester=ItemSuggester(words, single=f.kind not in (
                                        "ids", "deps", "assign")) if words else None)
                yield Static("", id=f"e-{f.key}", classes="error field-error")
            yield Static("", id="form-error", classes="error")
            yield Static((self.note + "\n" if self.note else "")
                         + "Entrée ou ctrl+s : enregistrer — Échap : annuler — "
                         "→ : accepter la complétion", classes="hint")
            with Horizontal(classes="buttons"):
                yield Button("Enregistrer", variant="primary", id="save")
                yield Button("Annuler", id="cancel")

    def on_mount(self) -> None:
        for field_ in self.fields:
            self.query_one(f"#e-{field_.key}", Static).display = False
        # the id of a new record comes filled in (A17, R9): the label is typed first
        key = self.focus_key or next(
            (f.key for f in self.fields
             if not (f.key == "id" and (not self.new or self.initial["id"]))), "")
        if key:
            self.query_one(f"#f-{key}").focus()

    # -- checking --------------------------------------------------------------------

    def _problem(self, field_: Field, text: str) -> str:
        try:
            field_.parse(text, self.refs)
        except ValueError as error:
            return str(error)
        if field_.key == "id" and self.new:
            word = text.strip()
            if not ID_PATTERN.match(word):
                return "identifiant invalide : lettres, chiffres, point, tiret, souligné"
            if word in self.taken:
                return f"l'identifiant « {word} » existe déjà"
        return ""

    def _show_problem(self, field_: Field, problem: str) -> None:
        line = self.query_one(f"#e-{field_.key}", Static)
        line.update(f"↳ {shown(problem)}" if problem else "")
        line.display = bool(problem)
        self.query_one(f"#f-{field_.key}").set_class(bool(problem), "-invalid")

    def text_of(self, key: str) -> str:
        widget = self.query_one(f"#f-{key}")
        return widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined,no-any-return]

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _changed(self, event: Input.Changed | TextArea.Changed) -> None:
        widget = event.input if isinstance(event, Input.Changed) else event.text_area
        key = (widget.id or "").removeprefix("f-")
        field_ = next((f for f in self.fields if f.key == key), None)
        if field_ is not None:
            self._show_problem(field_, self._problem(field_, self.text_of(key)))
            self.query_one("#form-error", Static).update("")

    # -- saving ----------------------------------------------------------------------

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        values: Values = {}
        wrong: list[Field] = []
        for f in self.fields:
            text = self.text_of(f.key)
            problem = self._problem(f, text)
            self._show_problem(f, problem)
            if problem:
                wrong.append(f)
                continue
            if self.new:
                value = f.parse(text, self.refs)
                if value is not None:
                    values[f.key] = value
            elif text.strip() != self.initial[f.key].strip():
                values[f.key] = f.parse(text, self.refs)
        summary = self.query_one("#form-error", Static)
        if wrong:
            summary.update("À corriger : " + ", ".join(shown(f.label) for f in wrong)
                           + " — rien n'est enregistré tant que le formulaire est refusé.")
            self.query_one(f"#f-{wrong[0].key}").focus()
            return
        if self.check is not None:
            problem = self.check(values)
            if problem:
                summary.update(shown(problem))
                return
        self.dismiss(values)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
