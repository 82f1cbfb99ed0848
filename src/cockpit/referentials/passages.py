"""The folder's prose as passages the concept matcher searches: one per heading, per line
of text, list item or table row, with its file line and the heading it sits under.

What is never evidence is left out here, once: HTML comments (the templates' guidance),
lines identical to a line of a shipped template, placeholder lines (« À compléter »,
« TODO », « … »), and table rules. A heading is evidence only when its section (its
subsections included) keeps at least one such passage: a heading with an empty body, or
with guidance only, proves nothing.

Registers have passages too (a risk's title, cause and response, a decision's
justification, an action's wording…): criteria about content may be evidenced there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property

from cockpit.folder.markdown import heading_kind
from cockpit.model import Document, Meeting, Project, Section
from cockpit.model.immutable import immutable
from cockpit.referentials.templates import normal_line, template_prints
from cockpit.referentials.words import contains, stems

EXCERPT = 160
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_FENCE = re.compile(r"^\s*(```|~~~|\+\+\+)")
_PLACEHOLDER = re.compile(
    r"^(?:a completer|a rediger|a definir|a preciser|a venir|a faire|a remplir|todo|tbd|xxx|"
    r"en cours de redaction|non renseigne|\.\.\.|…|\(?vide\)?|-)\b|^[.…\s-]*$")


@immutable
class Passage:
    """A line of the folder that can evidence a concept."""

    file: str
    line: int
    heading: str
    slug: str
    text: str
    words: tuple[str, ...]
    is_heading: bool = False
    table_header: bool = False

    @property
    def excerpt(self) -> str:
        text = " ".join(self.text.split())
        return text if len(text) <= EXCERPT else text[:EXCERPT - 1].rstrip() + "…"


def _clean(line: str) -> str:
    return line.strip().strip("|").strip()


def is_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER.match(normal_line(text)))


class Text:
    """The passages of one file, headings with content flagged."""

    def __init__(self, path: str, passages: list[Passage],
                 headings_with_content: set[tuple[str, int]]):
        self.path = path
        self.passages = passages
        self.headings_with_content = headings_with_content

    def evidential(self) -> Iterable[Passage]:
        """Body passages, and the headings whose section says something."""
        for passage in self.passages:
            if not passage.is_heading or (passage.file, passage.line) in self.headings_with_content:
                yield passage

    @property
    def empty(self) -> bool:
        """Nothing but headings, guidance and template text."""
        return not any(not p.is_heading for p in self.passages)

    def first_body(self, heading: Passage) -> Passage | None:
        """The first text under a heading, a table's header row aside (its excerpt shows
        what the section says)."""
        start = self.passages.index(heading)
        return next((p for p in self.passages[start + 1:]
                     if not p.is_heading and not p.table_header), None)

    @cached_property
    def index(self) -> dict[str, list[int]]:
        """Stem → positions of the evidential passages that hold it (built once)."""
        index: dict[str, list[int]] = {}
        for position, passage in enumerate(self.passages):
            if passage.is_heading and (passage.file, passage.line) not in self.headings_with_content:
                continue
            for word in dict.fromkeys(passage.words):
                index.setdefault(word, []).append(position)
        return index

    def first(self, terms: Sequence[tuple[str, ...]], prefixes: Sequence[str] = (),
              together: Sequence[Sequence[tuple[str, ...]]] = ()) -> Passage | None:
        """The first evidential passage holding one of the terms (or a word that starts
        with one of the prefixes), looked up in the index."""
        best: int | None = None
        index = self.index
        for term in terms:
            for position in index.get(term[0], ()):
                if best is not None and position >= best:
                    break
                if contains(self.passages[position].words, term):
                    best = position
                    break
        for parts in together:
            for position in index.get(parts[0][0], ()):
                if best is not None and position >= best:
                    break
                words = self.passages[position].words
                if all(contains(words, part) for part in parts):
                    best = position
                    break
        for prefix in prefixes:
            for word, positions in index.items():
                if word.startswith(prefix) and (best is None or positions[0] < best):
                    best = positions[0]
        return None if best is None else self.passages[best]


def _lines(body: str, first_line: int) -> Iterable[tuple[int, str]]:
    """Body lines with their file line, comments blanked (their line breaks kept)."""
    body = _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), body)
    fenced = False
    for offset, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield first_line + offset, line


_STARTS_BLOCK = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|\||>)")
_DEFERRED = re.compile(
    r"\b(?:en cours de redaction|a completer|a rediger|a definir|a preciser|"
    r"ser(?:a|ont) (?:precise|defini|redige|complete|formalise|etabli)e?s?|"
    r"rest(?:e|ent) a (?:definir|rediger|faire|preciser|formaliser|etablir)|"
    r"pas encore (?:ete )?(?:defini|redige|formalise|etabli|realise)e?s?|"
    r"n'a jamais ete (?:defini|formalise)e?)\b")


def is_deferred(text: str) -> bool:
    """A passage that says the thing is still to be written (« seront précisés dans la
    charte, en cours de rédaction ») promises evidence, it is none."""
    return bool(_DEFERRED.search(normal_line(text)))


def _blocks(body: str, first_line: int) -> Iterable[tuple[int, list[str], bool]]:
    """Paragraphs, list items and table rows: their first file line, their lines, and
    whether the block is a table's header row (the row above a rule)."""
    current: list[str] = []
    start = 0
    for line, raw in _lines(body, first_line):
        stripped = raw.strip()
        rule = bool(_RULE.match(raw)) and "-" in raw
        new_block = not stripped or bool(_STARTS_BLOCK.match(raw)) or rule
        if current and (new_block or current[0].startswith("|")):
            yield start, current, rule and current[0].startswith("|")
            current = []
        if not stripped or rule:
            continue
        if not current:
            start = line
        current.append(stripped)
    if current:
        yield start, current, False


def _body_passages(path: str, heading: str, slug: str, body: str, first_line: int,
                   template: frozenset[str]) -> list[Passage]:
    passages = []
    for line, lines, header in _blocks(body, first_line):
        text = _clean(" ".join(lines))
        normal = normal_line(text)
        if (normal in template or _PLACEHOLDER.match(normal) or len(normal) < 2
                or _DEFERRED.search(normal)
                or all(normal_line(part) in template for part in lines)):
            continue
        passages.append(Passage(path, line, heading, slug, text, stems(text),
                                table_header=header))
    return passages


def has_text(body: str) -> bool:
    """Whether a section body says something: comments, placeholders, table rules and
    template lines aside (no stemming: a quick test)."""
    template = template_prints().lines
    for _, raw in _lines(body, 0):
        text = _clean(raw)
        if not text or _RULE.match(raw):
            continue
        normal = normal_line(text)
        if normal not in template and not _PLACEHOLDER.match(normal) and len(normal) >= 2:
            return True
    return False


def document_text(path: str, sections: Sequence[Section], preamble: str = "",
                  preamble_line: int = 0) -> Text:
    template = template_prints().lines
    passages: list[Passage] = []
    if preamble.strip() and preamble_line:
        passages += _body_passages(path, "", "", preamble, preamble_line, template)
    spans: list[tuple[Passage, int, int]] = []  # heading, level, index of its first body passage
    for section in sections:
        heading = Passage(path, section.line, section.title, section.slug, section.title,
                          stems(section.title), is_heading=True)
        passages.append(heading)
        spans.append((heading, section.level, len(passages)))
        passages += _body_passages(path, section.title, section.slug, section.body,
                                   section.line + 1, template)
    with_content: set[tuple[str, int]] = set()
    for number, (heading, level, first) in enumerate(spans):
        end = len(passages)
        for _later, later_level, later_first in spans[number + 1:]:
            if later_level <= level:
                end = later_first - 1
                break
        if any(not p.is_heading for p in passages[first:end]):
            with_content.add((path, heading.line))
    return Text(path, passages, with_content)


def _preamble(document: Document) -> str:
    if not document.sections:
        return document.body
    lines = document.body.split("\n")
    return "\n".join(lines[:max(0, document.sections[0].line - document.body_line)])


def text_of_document(document: Document) -> Text:
    return document_text(document.path, document.sections, _preamble(document),
                         document.body_line)


def text_of_meeting(meeting: Meeting) -> Text:
    """The minutes' passages. The action plan says what is still to be done and the
    front matter's objectives what the meeting meant to do: neither evidences anything
    yet (the action and meeting probes judge them)."""
    return document_text(meeting.path, [s for s in meeting.sections
                                        if heading_kind(s.title) != "actions"])


def _record_passages(file: str, record: object, fields: Sequence[str], label: str
                     ) -> list[Passage]:
    source = getattr(record, "source")  # noqa: B009 - every record has one
    # the record's line, not the key's: finding a key's line scans the file (slow on a
    # register of thousands of records)
    out = []
    for key in fields:
        value = getattr(record, key, "")
        if isinstance(value, str) and value.strip():
            out.append(Passage(file, source.line, label, "", value, stems(value)))
    return out


# Project attribute → its file and the text fields that can evidence a concept (not the
# actions: an action says what is still to be done).
REGISTER_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "risks": ("risks.toml", ("title", "cause", "consequence", "response")),
    "requirements": ("requirements.toml", ("text", "acceptance")),
    "indicators": ("indicators.toml", ("name", "definition", "purpose", "formula")),
    # how and where a diffusion is made says how it is adapted to its audience (a
    # « webinaire sous-titré », a « salle accessible »)
    "channels": ("communication.toml", ("information", "purpose", "medium", "place")),
}


class FolderText:
    """Every passage of the folder, built on first use, file by file."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._texts: dict[str, Text] = {}

    def document(self, document: Document) -> Text:
        text = self._texts.get(document.path)
        if text is None:
            text = self._texts[document.path] = text_of_document(document)
        return text

    def meeting(self, meeting: Meeting) -> Text:
        text = self._texts.get(meeting.path)
        if text is None:
            text = self._texts[meeting.path] = text_of_meeting(meeting)
        return text

    def meeting_content(self, meeting: Meeting) -> Text:
        """The minutes without their agenda: what was said, not what was announced (for
        concepts looked for anywhere in the folder)."""
        key = meeting.path + "#contenu"
        text = self._texts.get(key)
        if text is None:
            whole = self.meeting(meeting)
            text = self._texts[key] = Text(meeting.path, [
                p for p in whole.passages if heading_kind(p.heading) != "ordre du jour"],
                whole.headings_with_content)
        return text

    def merged(self, key: str, texts: Callable[[], Iterable[Text]]) -> Text:
        """Several files' passages as one text, indexed once (the whole folder, searched
        for many concepts)."""
        text = self._texts.get(key)
        if text is None:
            parts = list(texts())
            text = self._texts[key] = Text(key, [p for t in parts for p in t.passages],
                                           {h for t in parts for h in t.headings_with_content})
        return text

    @cached_property
    def registers(self) -> list[Text]:
        """The text fields of the registers, decisions and cockpit.toml, as passages."""
        project = self.project
        texts: list[Text] = []
        for name, (file, fields) in REGISTER_FIELDS.items():
            passages = [p for r in getattr(project, name)
                        for p in _record_passages(file, r, fields, f"{r.id}")]
            texts.append(Text(file, passages, set()))
        for decision in project.decisions:
            passages = [Passage(decision.path, decision.source.line, "", "", decision.title,
                                stems(decision.title))]
            passages += _record_passages(decision.path, decision, ("justification",), "")
            passages += [Passage(decision.path, decision.source.line, "critères", "", c.name,
                                 stems(c.name)) for c in decision.criteria]
            passages += [Passage(decision.path, decision.source.line, "options", "", o.name,
                                 stems(o.name)) for o in decision.options]
            texts.append(Text(decision.path, passages, set()))
        info = project.settings.project
        cockpit = info.source.file or "cockpit.toml"
        passages = []
        first = info.source.line_of("context") or info.source.line
        for offset, line in enumerate(info.context.split("\n")):
            if line.strip() and not is_placeholder(line):
                passages.append(Passage(cockpit, first + offset, "contexte", "", line.strip(),
                                        stems(line)))
        for objective in project.settings.objectives:
            passages += _record_passages(cockpit, objective, ("statement",), objective.id)
        for stakeholder in project.settings.stakeholders:
            passages += _record_passages(cockpit, stakeholder, ("expectations",), stakeholder.id)
        texts.append(Text(cockpit, passages, set()))
        return texts

