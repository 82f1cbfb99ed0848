"""What every probe shares: the finding it returns, the indexed project it reads, the registry.

A probe is a plain function `probe(facts, **params) -> Finding`, registered once under
a name with `@probe("name", "what it checks, in French")`. The référentiel data names
probes and gives their parameters (`probes = [{ name = "meetings", min = 2 }]`); the
same function serves every référentiel.

Rules every probe follows:
- `covered` only with evidence it can point to (a file and line, or file#anchor);
  `Finding.covered` enforces it: without evidence it is never covered.
- When short, `missing` says precisely what to add and where, in French.
- Records are indexed once per project (`Facts`), never searched in nested loops.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property, lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any, TypeVar

from cockpit.finance.labour import is_labour
from cockpit.folder.fields import fold
from cockpit.folder.markdown import heading_kind, same_anchor
from cockpit.french import count
from cockpit.model import Document, Meeting, Section, Task
from cockpit.model.immutable import immutable
from cockpit.referentials.concepts import concept, kind_terms
from cockpit.referentials.gaps import Evidence, Status
from cockpit.referentials.passages import FolderText, Passage, Text, has_text
from cockpit.referentials.words import contains, stems

if TYPE_CHECKING:
    from cockpit.schedule import Schedule
    from cockpit.schedule.load import Load
    from cockpit.state import ProjectState

MAX_LISTED = 5
T = TypeVar("T")
"""How many individual gaps a finding lists before summarising the rest."""


@immutable
class Finding:
    """What a probe found: a status, the evidence, and what is missing (French, actionable)."""

    status: Status
    evidence: tuple[Evidence, ...] = ()
    missing: tuple[str, ...] = ()
    central_absent: bool = False
    """The criterion's central evidence (a bilan, a standard) is absent: the criterion is
    missing whatever incidental records other probes found."""
    lacking: tuple[str, ...] = ()
    """Files whose records the probe counted and found lacking what the criterion asks of
    each of them (an option without a cost): a candidate's claim pointing at one of these
    files does not cover the criterion, since the file itself says otherwise."""


def verdict(evidence: Iterable[Evidence], missing: Iterable[str], *, found: bool = False) -> Finding:
    """covered when nothing is missing and there is evidence; partial when something was
    found; missing otherwise. Never covered without evidence."""
    ev = tuple(dict.fromkeys(evidence))
    gaps = tuple(dict.fromkeys(missing))
    if ev and not gaps:
        return Finding(Status.COVERED, ev)
    if not ev and not gaps:
        gaps = ("aucune preuve trouvée dans le dossier",)
    return Finding(Status.PARTIAL if ev or found else Status.MISSING, ev, gaps)


def capped(messages: Sequence[str], what: str = "autre", plural: str = "") -> list[str]:
    """The first MAX_LISTED messages, then one line for the rest: « … et 3 autres tâches du
    même type », `what` in the singular (« autre tâche »), `plural` as `french.count`'s."""
    return capped_each(messages, str, what, plural)


def capped_each(items: Sequence[T], describe: Callable[[T], str], what: str = "autre",
                plural: str = "") -> list[str]:
    """`capped` of one message per item, writing only the messages shown (there may be
    thousands of items on a large project)."""
    shown = [describe(item) for item in items[:MAX_LISTED]]
    if len(items) <= MAX_LISTED:
        return shown
    return [*shown, f"… et {count(len(items) - MAX_LISTED, what, plural)} du même type"]


def record(source_file: str, line: int) -> Evidence:
    return Evidence(source_file, line)


def section_matches(section: Section, spec: str) -> bool:
    """`spec` is a concept (alternatives separated by "|", or "@name" of
    lexicon/concepts.toml) or a canonical heading kind of folder/markdown.py (ecarts,
    decisions, actions...), matched on the heading's whole words."""
    return _title_matches(section.title, spec)


@lru_cache(maxsize=4096)
def _title_matches(title: str, spec: str) -> bool:
    """`section_matches` depends on the title only, and titles recur (templates)."""
    kind = heading_kind(title)
    if kind is not None and kind in {fold(a.strip()) for a in spec.split("|")}:
        return True
    return concept(spec).matches(stems(title))


def has_content(sections: Sequence[Section], section: Section) -> bool:
    """A section says something: its own text or a subsection's, guidance comments,
    placeholders (« À compléter ») and template lines aside."""
    start = sections.index(section)
    for other in sections[start:]:
        if other is not section and other.level <= section.level:
            break
        if has_text(other.body):
            return True
    return False


def find_heading(sections: Sequence[Section], spec: str) -> Section | None:
    """The first heading matching `spec`, written or not."""
    return next((s for s in sections if section_matches(s, spec)), None)


def find_section(sections: Sequence[Section], spec: str) -> Section | None:
    """The first section matching `spec` that has content: an empty heading proves nothing."""
    return next((s for s in sections if section_matches(s, spec) and has_content(sections, s)),
                None)


def label_of(spec: str) -> str:
    """The label of a concept spec, for messages."""
    return concept(spec).label


def section_evidence(path: str, section: Section) -> Evidence:
    return Evidence(path, section.line, anchor=section.slug, heading=section.title)


def passage_evidence(text: Text, passage: Passage, note: str = "") -> Evidence:
    """A passage as evidence: its line, its heading, and what it says (for a heading,
    the first line of its section)."""
    shown = text.first_body(passage) if passage.is_heading else passage
    excerpt = (shown or passage).excerpt
    if passage.table_header:  # a column title: show it with the table's first row
        position = text.passages.index(passage)
        row = text.passages[position + 1] if position + 1 < len(text.passages) else None
        if row is not None and not row.is_heading and row.file == passage.file:
            excerpt = Passage(passage.file, passage.line, "", "", f"{passage.text} — {row.text}",
                              ()).excerpt
    return Evidence(passage.file, passage.line, note=note, heading=passage.heading,
                    excerpt=excerpt)


def find_concept(texts: Iterable[Text], spec: str) -> Evidence | None:
    """The first passage of these texts that treats the concept, as evidence."""
    wanted = concept(spec)
    for text in texts:
        if len(text.passages) < 64:  # a short file: a scan costs less than an index
            passage = next((p for p in text.evidential() if wanted.matches(p.words)), None)
        else:
            passage = text.first(wanted.stemmed, wanted.prefixes, wanted.together)
        if passage is not None:
            return passage_evidence(text, passage, wanted.label)
    return None


def pointed(facts: Facts, evidence: Evidence) -> Evidence:
    """An evidence.toml pointer read: the section it names (or the file's first text),
    with its line, heading and what it says, the candidate's note kept."""
    text = facts.text_of_path(evidence.file)
    if text is None:
        return evidence
    start = 0
    if evidence.anchor:
        heading = next((p for p in text.passages if p.is_heading
                        and same_anchor(p.text, evidence.anchor)), None)
        if heading is None:
            return evidence
        start = text.passages.index(heading)
    shown = next((p for p in text.passages[start:] if not p.is_heading
                  and not p.table_header), None)
    if shown is None:
        return evidence
    heading_title = text.passages[start].text if evidence.anchor else shown.heading
    return Evidence(evidence.file, text.passages[start].line if evidence.anchor else shown.line,
                    evidence.anchor, evidence.note, heading_title, shown.excerpt)


def folder_text(facts: Facts) -> Text:
    """Every document and what the minutes report (not their agenda nor their action
    plan), as one indexed text; the registers are searched only where a criterion names
    them (a risk's « captage à la source » is no source of information)."""
    return facts.text.merged("dossier", lambda: [
        *facts.texts_of(facts.documents),
        *(facts.text.meeting_content(m) for m in facts.meetings)])


def looked_for(spec: str, where: str) -> str:
    """What a missing concept message says: the concept, the terms searched, where."""
    wanted = concept(spec)
    return (f"« {wanted.label} » introuvable dans {where} (termes cherchés : "
            f"{wanted.shown_terms()}) : ajoutez un passage qui en traite, sous le titre "
            "de votre choix")


def check_sections(text: Text, specs: Sequence[str]) -> tuple[list[Evidence], list[str]]:
    """The passages of a document that treat each concept, and one gap per concept it
    does not treat (a heading with nothing under it treats nothing)."""
    evidence: list[Evidence] = []
    gaps: list[str] = []
    for spec in specs:
        found = find_concept([text], spec)
        if found is None:
            gaps.append(looked_for(spec, text.path))
        else:
            evidence.append(found)
    return evidence, gaps


_ABBREVIATION = re.compile(r"\(([A-Z][A-Z0-9]{1,7})\)")

class Facts:
    """The project state's records indexed once; its schedule and load, None without tasks."""

    def __init__(self, state: ProjectState) -> None:
        self.state = state
        self.project = state.project
        self.findings: dict[tuple[str, object], Finding] = {}  # run_probe's, by parameters
        self._names_in: dict[str, frozenset[str]] = {}  # names_in, by text

    @property
    def status_date(self) -> dt.date:
        """The date the folder is judged at."""
        return self.state.status_date

    @property
    def schedule(self) -> Schedule | None:
        return self.state.schedule if self.project.tasks else None

    @property
    def load(self) -> Load | None:
        return self.state.load if self.project.tasks else None

    # -------------------------------------------------------------- indexes
    @cached_property
    def tasks(self) -> dict[str, Task]:
        return {t.id: t for t in self.project.tasks}

    @cached_property
    def summaries(self) -> frozenset[str]:
        return self.project.summary_ids

    @cached_property
    def leaves(self) -> tuple[Task, ...]:
        """Tasks and milestones that no task names as parent, in file order."""
        return tuple(t for t in self.project.tasks if t.id not in self.summaries)

    @cached_property
    def start_tasks(self) -> frozenset[str]:
        """Tasks that have no predecessor by nature: the project's first leaf (in file
        order) and every task tied to a date (« pas avant le »): never asked for one."""
        first = self.leaves[:1]
        return frozenset(t.id for t in (*first, *self.leaves)
                         if t in first or t.start_no_earlier_than is not None)

    @cached_property
    def named_by(self) -> dict[tuple[str, ...], list[str]]:
        """How a text names a task, a risk or an indicator without its id (the ids it
        names, by stems): the first two words of its name (« l'interface SAP » for « Interface SAP plus
        complexe que prévu », « sprints 1 et 2 » for « Sprint 1 : modèle de données »), or
        the abbreviation its name gives (« CPI » for « Indice de performance des coûts
        (CPI) »). A name of one word (« Cadrage ») is too common to name anything."""
        named: dict[tuple[str, ...], list[str]] = {}
        records = [*((t.id, t.name) for t in self.project.tasks),
                   *((r.id, r.title) for r in self.project.risks),
                   *((i.id, i.name) for i in self.project.indicators)]
        for record_id, name in records:
            key = stems(" ".join(name.split(maxsplit=4)[:4]))[:2]  # the first words
            keys: list[tuple[str, ...]] = [key] if len(key) == 2 else []
            keys += [k for a in _ABBREVIATION.findall(name) if (k := stems(a))]
            for k in keys:
                named.setdefault(k, []).append(record_id)
        return named

    def names_in(self, text: str) -> frozenset[str]:
        """The ids of the records a text names by their name (`named_by`): its words and
        pairs of words looked up, whatever the number of records; once per text."""
        found = self._names_in.get(text)
        if found is None:
            words = stems(text)
            grams = {(w,) for w in words} | set(pairwise(words))
            named = self.named_by
            found = frozenset(i for gram in grams & named.keys() for i in named[gram])
            self._names_in[text] = found
        return found

    @cached_property
    def bought(self) -> frozenset[str]:
        """Activities a supplier carries out: no resource of the team, but a budget line or
        costs of their own that are not labour (an order, an invoice). They are never asked
        for resources."""
        priced = {line.task for line in self.project.budget_lines
                  if not is_labour(line.category)} | {
            entry.task for entry in self.project.costs if not is_labour(entry.category)}
        return frozenset(t.id for t in self.project.tasks if not t.resources and t.id in priced)

    @cached_property
    def activities(self) -> tuple[Task, ...]:
        """Leaves that are not milestones: the activities that carry work."""
        return tuple(t for t in self.leaves if not t.is_milestone)

    def ancestors(self, task: Task) -> Iterable[Task]:
        seen = {task.id}
        parent = self.tasks.get(task.parent) if task.parent else None
        while parent is not None and parent.id not in seen:
            seen.add(parent.id)
            yield parent
            parent = self.tasks.get(parent.parent) if parent.parent else None

    @cached_property
    def tasks_by_indicator(self) -> dict[str, list[Task]]:
        """The tasks each indicator follows (their `indicator`), in file order."""
        index: dict[str, list[Task]] = {}
        for task in self.project.tasks:
            if task.indicator:
                index.setdefault(task.indicator, []).append(task)
        return index

    @cached_property
    def risks_by_task(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for risk in self.project.risks:
            for task in risk.tasks:
                index.setdefault(task, []).append(risk.id)
        return index

    @cached_property
    def summaries_at_risk(self) -> frozenset[str]:
        """Summary tasks a risk names: the only ancestors through which a task's risks can be
        analysed (every ancestor is a summary)."""
        return self.summaries.intersection(self.risks_by_task)

    @cached_property
    def indicator_ids(self) -> frozenset[str]:
        return frozenset(i.id for i in self.project.indicators)

    @cached_property
    def measures_by_indicator(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for measure in self.project.measures:
            counts[measure.indicator] = counts.get(measure.indicator, 0) + 1
        return counts

    @cached_property
    def progress_tasks(self) -> frozenset[str]:
        return frozenset(p.task for p in self.project.progress)

    @cached_property
    def people(self) -> dict[str, str]:
        """Team, stakeholder and governance ids (one namespace) → team, internal, external,
        governance."""
        settings = self.project.settings
        kinds: dict[str, str] = {m.id: "team" for m in settings.team}
        kinds.update({s.id: (s.kind or "internal") for s in settings.stakeholders})
        kinds.update({g.id: "governance" for g in settings.governance})
        return kinds

    @cached_property
    def documents(self) -> tuple[Document, ...]:
        return (*self.project.docs, *self.project.rex)

    def documents_of(self, kinds: Sequence[str]) -> list[Document]:
        """Documents of these kinds: by their `kind`, or by a title that names the kind
        (« Analyse du procédé de conditionnement » is an analyse-procede); every document
        when `kinds` is empty."""
        if not kinds:
            return list(self.documents)
        wanted = {fold(k) for k in kinds}
        named = [n for k in kinds for n in kind_terms(k)]
        return [d for d in self.documents if fold(d.kind) in wanted or any(
            contains(stems(f"{d.title} {d.kind.replace('-', ' ')}"), n) for n in named)]

    @cached_property
    def text(self) -> FolderText:
        """The folder's prose as passages, built file by file on first use."""
        return FolderText(self.project)

    def texts_of(self, documents: Iterable[Document]) -> list[Text]:
        return [self.text.document(d) for d in documents]

    def text_of_path(self, path: str) -> Text | None:
        """The passages of a document or minutes by path, None for another file."""
        document = next((d for d in self.documents if d.path == path), None)
        if document is not None:
            return self.text.document(document)
        meeting = next((m for m in self.project.meetings if m.path == path), None)
        return self.text.meeting(meeting) if meeting is not None else None

    @cached_property
    def meetings(self) -> tuple[Meeting, ...]:
        return tuple(sorted(self.project.meetings, key=lambda m: (m.date, m.path)))

    @cached_property
    def cockpit_file(self) -> str:
        return self.project.settings.project.source.file or "cockpit.toml"


# ------------------------------------------------------------------ registry
ProbeFunction = Callable[..., Finding]


@immutable
class ProbeSpec:
    name: str
    function: ProbeFunction
    summary: str
    """What the probe checks, in French, for `cockpit referentials show`."""

    def accepts(self, params: dict[str, Any]) -> str | None:
        """Why these parameters do not fit the function, or None."""
        try:
            inspect.signature(self.function).bind(None, **params)
        except TypeError as error:
            return str(error)
        return None


PROBES: dict[str, ProbeSpec] = {}


def probe(name: str, summary: str) -> Callable[[ProbeFunction], ProbeFunction]:
    def register(function: ProbeFunction) -> ProbeFunction:
        if name in PROBES:
            raise ValueError(f"probe {name} registered twice")
        PROBES[name] = ProbeSpec(name, function, summary)
        return function

    return register


def run_probe(name: str, facts: Facts, params: dict[str, Any]) -> Finding:
    """Run a registered probe, once for the same facts and parameters (several criteria
    name the same probe); the evidence guard applies whatever the probe returns."""
    key = (name, _hashable(params))
    finding = facts.findings.get(key)
    if finding is None:
        finding = facts.findings[key] = _guarded(PROBES[name].function(facts, **params))
    return finding


def _guarded(finding: Finding) -> Finding:
    if finding.status is Status.COVERED and not finding.evidence:
        return Finding(Status.MISSING, (), finding.missing or ("aucune preuve trouvée",))
    return finding


def _hashable(value: object) -> object:
    """Parameters as read from TOML (tables, arrays) turned into tuples, to key findings."""
    if isinstance(value, Mapping):
        return tuple(sorted((key, _hashable(item)) for key, item in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_hashable(item) for item in value)
    return value


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count <= 1 else (plural_form or singular + 's')}"
