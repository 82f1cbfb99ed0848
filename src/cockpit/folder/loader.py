"""Load a project folder into one typed `Project`, with every problem found on the way.

Loading never raises on bad input: each file is read on its own, a broken file
leaves its register empty and says why, and the rest is still read. Validation
across files (references, cycles, consistency) is the check rules' job.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import field
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any, Protocol, TypeVar

from cockpit.diagnostics import codes
from cockpit.diagnostics.diagnostic import Diagnostic
from cockpit.folder.fields import Fields, suggest
from cockpit.folder.journal import Journal
from cockpit.folder.locator import TomlLocator
from cockpit.folder.markdown import (
    heading_kind,
    list_items,
    parse_action_mention,
    parse_sections,
    split_front_matter,
)
from cockpit.folder.sources import DiskSource, FileSource
from cockpit.folder.text import parse_toml, read_text
from cockpit.model import (
    Action,
    Assignment,
    BudgetEnvelope,
    BudgetLine,
    CalendarSpec,
    Channel,
    CostEntry,
    Decision,
    DecisionCriterion,
    DecisionOption,
    Dependency,
    Document,
    Duration,
    EvidenceClaim,
    Governance,
    Ignore,
    Indicator,
    Measure,
    Meeting,
    NotationError,
    Objective,
    Phase,
    ProgressEntry,
    Project,
    ProjectInfo,
    Requirement,
    ResourceKind,
    Risk,
    RiskAssessment,
    Settings,
    Source,
    Stakeholder,
    Task,
    TeamMember,
    parse_assignment,
    parse_dependency,
    parse_duration,
)
from cockpit.model.durations import TASK_ID
from cockpit.model.immutable import immutable
from cockpit.model.vocabularies import (
    ActionStatus,
    Frequency,
    IndicatorScope,
    MeetingKind,
    Priority,
    RequirementKind,
    RequirementStatus,
    RiskCategory,
    RiskStatus,
    RiskStrategy,
    StakeholderKind,
    TargetDirection,
    Visual,
    values,
)

SETTINGS_FILE = "cockpit.toml"
T = TypeVar("T")

WEEKDAYS = {
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
    "lun": 0, "mar": 1, "mer": 2, "jeu": 3, "ven": 4, "sam": 5, "dim": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}
_PHASE_OF = {p.value: p for p in Phase}
DOCUMENT_KEYS = ("title", "date", "kind", "author", "authors", "version", "status", "phase",
                 "tags", "summary", "validated_by")


class Locates(Protocol):
    def table_line(self, table: str, index: int = 0) -> int: ...

    def key_line(self, table: str, index: int, key: str) -> int: ...

    def keys(self, table: str, index: int = 0) -> Mapping[str, int]: ...


@immutable
class LoadResult:
    """The project (None when cockpit.toml is missing or unreadable) and what went wrong."""

    project: Project | None
    diagnostics: tuple[Diagnostic, ...]
    texts: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def fatal(self) -> bool:
        return self.project is None


def load_project(root: Path | str, source: FileSource | None = None) -> LoadResult:
    """Read every file of the folder; never raises on bad input."""
    root = Path(root)
    loader = _Loader(source or DiskSource(root))
    settings = loader.settings()
    if settings is None:
        return LoadResult(None, tuple(loader.diagnostics), loader.texts)
    project = loader.project(root, settings)
    return LoadResult(project, tuple(loader.diagnostics), loader.texts)


class _Loader:
    def __init__(self, source: FileSource) -> None:
        self.source = source
        self.diagnostics: list[Diagnostic] = []
        self.texts: dict[str, str] = {}
        self.present: set[str] = set()

    # -- files -----------------------------------------------------------------

    def text(self, relative: str) -> str | None:
        text = read_text(self.source, relative, self.diagnostics)
        if text is not None:
            self.texts[relative] = text
            self.present.add(relative)
        return text

    def toml(self, relative: str) -> tuple[dict[str, Any], TomlLocator] | None:
        text = self.text(relative)
        if text is None:
            return None
        return parse_toml(text, relative, self.diagnostics)

    def top_level(self, relative: str, data: dict[str, Any], locator: TomlLocator,
                  known: tuple[str, ...]) -> None:
        for key in data:
            if key not in known:
                self.diagnostics.append(codes.UNKNOWN_KEY.at(
                    relative, locator.key_line("", 0, key) if key in locator.keys("")
                    else locator.table_line(key),
                    f"clé inconnue « {key} »{suggest(key, known)}"))

    def table(
        self, relative: str, table: dict[str, Any], locator: Locates, name: str, what: str,
        index: int = 0,
    ) -> tuple[Fields, Source]:
        """The reader of one table (`[name]`, or the index-th `[[name]]`) and its source lines."""

        def where(key: str | None) -> int:
            return locator.key_line(name, index, key) if key else locator.table_line(name, index)

        fields = Fields(table, relative, where, self.diagnostics, what)
        return fields, Source(relative, where(None), locator.keys(name, index))

    def records(
        self, relative: str, data: dict[str, Any], locator: Locates, array: str, label: str,
        build: Callable[[Fields, Source], T | None],
    ) -> tuple[T, ...]:
        raw = data.get(array, [])
        if isinstance(raw, dict):
            raw = [raw]
        if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw):
            self.diagnostics.append(codes.WRONG_TYPE.at(
                relative, locator.table_line(array),
                f"« {array} » doit être une suite de tables [[{array}]]"))
            return ()
        built: list[T] = []
        seen: dict[str, Fields] = {}
        for index, table in enumerate(raw):
            record_id = table.get("id")
            what = f"{label} « {record_id} »" if isinstance(record_id, str) else \
                f"{label} n°{index + 1}"
            fields, source = self.table(relative, table, locator, array, what, index)
            record = build(fields, source)
            fields.finish()
            if record is None:
                continue
            identifier = getattr(record, "id", None)
            if isinstance(identifier, str) and identifier:
                if identifier in seen:
                    self.diagnostics.append(codes.DUPLICATE_ID.at(
                        relative, fields.line("id"),
                        f"{what} : identifiant déjà utilisé ligne {seen[identifier].line('id')}"))
                    continue
                seen[identifier] = fields
            built.append(record)
        return tuple(built)

    # -- cockpit.toml ----------------------------------------------------------

    def settings(self) -> Settings | None:
        try:
            exists = self.source.read_bytes(SETTINGS_FILE) is not None
        except OSError:
            exists = True
        if not exists:
            self.diagnostics.append(codes.UNREADABLE.at(
                SETTINGS_FILE, 1, "pas de cockpit.toml : ce dossier n'est pas un projet cockpit",
                "Créez le projet avec « cockpit init DOSSIER », ou placez-vous dans le bon dossier."))
            return None
        parsed = self.toml(SETTINGS_FILE)
        if parsed is None:
            return None
        data, locator = parsed
        self.top_level(SETTINGS_FILE, data, locator, (
            "project", "calendar", "team", "stakeholders", "objectives", "governance", "check"))
        project_table = data.get("project")
        if not isinstance(project_table, dict):
            self.diagnostics.append(codes.MISSING_FIELD.at(
                SETTINGS_FILE, 1, "la table [project] manque",
                'Ajoutez [project] avec id, title et start (voir « cockpit init »).'))
            return None
        project = self.project_info(
            *self.table(SETTINGS_FILE, project_table, locator, "project", "[project]"))
        if project is None:
            return None
        calendar_table = data.get("calendar", {})
        calendar = CalendarSpec()
        if isinstance(calendar_table, dict):
            calendar = self.calendar(
                *self.table(SETTINGS_FILE, calendar_table, locator, "calendar", "[calendar]"))
        check_table = data.get("check", {})
        ignores: tuple[Ignore, ...] = ()
        if isinstance(check_table, dict):
            for key in check_table:
                if key != "ignore":
                    self.diagnostics.append(codes.UNKNOWN_KEY.at(
                        SETTINGS_FILE, locator.key_line("check", 0, key),
                        f"[check] : clé inconnue « {key} »{suggest(key, ('ignore',))}"))
            ignores = self.records(SETTINGS_FILE, check_table, _Nested(locator, "check"),
                                   "ignore", "exception [check]", self.ignore)
        return Settings(
            project=project,
            calendar=calendar,
            team=self.records(SETTINGS_FILE, data, locator, "team", "membre", self.team_member),
            stakeholders=self.records(SETTINGS_FILE, data, locator, "stakeholders",
                                      "partie prenante", self.stakeholder),
            objectives=self.records(SETTINGS_FILE, data, locator, "objectives", "objectif",
                                    self.objective),
            governance=self.records(SETTINGS_FILE, data, locator, "governance", "instance",
                                    self.governance),
            ignores=ignores,
        )

    def project_info(self, f: Fields, source: Source) -> ProjectInfo | None:
        info = ProjectInfo(
            id=f.text("id", required=True),
            title=f.text("title", required=True),
            start=f.date("start", required=True) or dt.date.min,
            sponsor=f.text("sponsor"),
            company=f.text("company"),
            manager=f.text("manager"),
            deadline=f.date("deadline"),
            status_date=f.date("status_date"),
            phase=_phase(f.one_of("phase", Phase, default=Phase.CADRAGE.value)) or Phase.CADRAGE,
            currency=f.text("currency", default="EUR"),
            referential=f.text("referential"),
            context=f.text("context"),
            source=source,
        )
        f.finish()
        return info if info.start != dt.date.min and info.id and info.title else None

    def calendar(self, f: Fields, source: Source) -> CalendarSpec:
        workdays: list[int] = []
        for day in f.texts("workdays"):
            number = WEEKDAYS.get(day.strip().lower())
            if number is None:
                self.diagnostics.append(codes.UNKNOWN_VALUE.at(
                    SETTINGS_FILE, f.line("workdays"),
                    f"[calendar] : jour inconnu « {day} »{suggest(day.lower(), WEEKDAYS)}",
                    "Jours : mon, tue, wed, thu, fri, sat, sun (ou lun … dim)."))
            elif number not in workdays:
                workdays.append(number)
        holidays = f.text("holidays", default="FR")
        if holidays.upper() not in ("FR", "FR-57") and holidays.lower() != "none":
            self.diagnostics.append(codes.UNKNOWN_VALUE.at(
                SETTINGS_FILE, f.line("holidays"),
                f"[calendar] : jours fériés « {holidays} » inconnus ; « FR » est utilisé",
                'Valeurs : "FR" (métropole), "FR-57" (Alsace-Moselle), "none".'))
            holidays = "FR"
        hours = f.number("hours_per_day", low=0.5, high=24)
        spec = CalendarSpec(
            workdays=tuple(sorted(workdays)) if workdays or "workdays" not in f.table
            else (0, 1, 2, 3, 4),
            hours_per_day=hours if hours is not None else 7.0,
            holidays=holidays.upper() if holidays.lower() != "none" else "none",
            closures=f.periods("closures"),
            source=source,
        )
        if not workdays and "workdays" not in f.table:
            spec = CalendarSpec((0, 1, 2, 3, 4), spec.hours_per_day, spec.holidays,
                                spec.closures, source)
        f.finish()
        return spec

    def team_member(self, f: Fields, source: Source) -> TeamMember | None:
        kind = f.one_of("kind", ResourceKind, default=ResourceKind.PERSON.value)
        availability = f.number("availability", low=0, high=1)
        member = TeamMember(
            id=f.text("id", required=True), name=f.text("name", required=True),
            role=f.text("role"),
            kind=ResourceKind(kind) if kind in values(ResourceKind) else ResourceKind.PERSON,
            rate=f.money("rate") or _ZERO,
            availability=1.0 if availability is None else availability,
            absences=f.periods("absences"), source=source)
        return member if member.id else None

    def stakeholder(self, f: Fields, source: Source) -> Stakeholder | None:
        record = Stakeholder(
            id=f.text("id", required=True), name=f.text("name", required=True),
            kind=f.one_of("kind", StakeholderKind, default=StakeholderKind.INTERNAL.value),
            interest=f.integer("interest", 1, 3), influence=f.integer("influence", 1, 3),
            expectations=f.text("expectations"), source=source)
        return record if record.id else None

    def objective(self, f: Fields, source: Source) -> Objective | None:
        record = Objective(
            id=f.text("id", required=True), statement=f.text("statement", required=True),
            indicator=f.text("indicator"), deadline=f.date("deadline"), source=source)
        return record if record.id else None

    def governance(self, f: Fields, source: Source) -> Governance | None:
        record = Governance(
            id=f.text("id", required=True), name=f.text("name", required=True),
            members=f.texts("members"),
            frequency=f.one_of("frequency", Frequency),
            source=source)
        return record if record.id else None

    def ignore(self, f: Fields, source: Source) -> Ignore | None:
        code = f.text("code", required=True)
        reason = f.text("reason", required=True)
        record = Ignore(code=code.upper(), reason=reason, file=f.text("file"), source=source)
        return record if code else None

    # -- the other files -------------------------------------------------------

    def project(self, root: Path, settings: Settings) -> Project:
        tasks = self.wbs()
        budget, lines = self.budget()
        return Project(
            root=root,
            settings=settings,
            tasks=tasks,
            budget=budget,
            budget_lines=lines,
            costs=self.costs(),
            progress=self.progress(),
            risks=self.register("risks.toml", "risk", "risque", self.risk),
            actions=self.register("actions.toml", "action", "action", self.action),
            indicators=self.register("indicators.toml", "indicator", "indicateur", self.indicator),
            measures=self.measures(),
            channels=self.register("communication.toml", "channel", "canal", self.channel),
            requirements=self.register("requirements.toml", "requirement", "exigence",
                                       self.requirement),
            decisions=self.each("decisions", ".toml", self.decision),
            meetings=self.each("meetings", ".md", self.meeting),
            rex=self.each("rex", ".md", self.document),
            docs=self.each("docs", ".md", self.document),
            evidence=self.evidence(),
            present=frozenset(self.present),
        )

    def each(self, folder: str, suffix: str, read: Callable[[str], T | None]) -> tuple[T, ...]:
        """One record per file of a folder (meetings/, rex/, docs/, decisions/)."""
        return tuple(r for path in self.source.list(folder, suffix) if (r := read(path)) is not None)

    def register(self, relative: str, array: str, label: str,
                 build: Callable[[Fields, Source], T | None]) -> tuple[T, ...]:
        parsed = self.toml(relative)
        if parsed is None:
            return ()
        data, locator = parsed
        self.top_level(relative, data, locator, (array,))
        return self.records(relative, data, locator, array, label, build)

    def wbs(self) -> tuple[Task, ...]:
        parsed = self.toml("wbs.toml")
        if parsed is None:
            return ()
        data, locator = parsed
        self.top_level("wbs.toml", data, locator, ("task",))
        raw = data.get("task")
        # Dependencies name tasks whose ids may contain "-": know every id before reading them.
        known = frozenset(t["id"] for t in raw if isinstance(t, dict) and isinstance(t.get("id"), str)) \
            if isinstance(raw, list) else frozenset()
        return self.records("wbs.toml", data, locator, "task", "tâche",
                            lambda f, s: self.task(f, s, known))

    def task(self, f: Fields, source: Source, known: frozenset[str]) -> Task | None:
        duration: Duration | None = None
        duration_text = f.text("duration")
        if duration_text:
            try:
                duration = parse_duration(duration_text)
                if duration.amount < 0:
                    raise NotationError(f"durée négative « {duration_text} »")
            except NotationError as error:
                self.diagnostics.append(codes.BAD_DURATION.at(
                    source.file, f.line("duration"), f"{f.what} : {error}"))
                duration = None
        resources: list[Assignment] = []
        for text in f.texts("resources"):
            try:
                resources.append(parse_assignment(text))
            except NotationError as error:
                self.diagnostics.append(codes.BAD_DEPENDENCY.at(
                    source.file, f.line("resources"), f"{f.what} : {error}"))
        task_id = f.text("id", required=True)
        if task_id and not TASK_ID.fullmatch(task_id):
            self.diagnostics.append(codes.WRONG_TYPE.at(
                source.file, f.line("id"),
                f"{f.what} : l'identifiant ne peut contenir que lettres, chiffres, . _ et -",
                "Remplacez espaces et accents, par exemple « essais-reception »."))
            return None
        after: list[Dependency] = []
        for text in f.texts("after"):
            try:
                after.append(parse_dependency(text, known))
            except NotationError as error:
                self.diagnostics.append(codes.BAD_DEPENDENCY.at(
                    source.file, f.line("after"), f"{f.what} : {error}"))
        task = Task(
            id=task_id, name=f.text("name", required=True), parent=f.text("parent"),
            milestone=f.boolean("milestone"), duration=duration, resources=tuple(resources),
            after=tuple(after),
            deliverable=f.text("deliverable"), indicator=f.text("indicator"),
            start_no_earlier_than=f.date("start_no_earlier_than"),
            actual_start=f.date("actual_start"), actual_finish=f.date("actual_finish"),
            deadline=f.date("deadline"), source=source)
        return task if task.id else None

    def budget(self) -> tuple[BudgetEnvelope, tuple[BudgetLine, ...]]:
        parsed = self.toml("budget.toml")
        if parsed is None:
            return BudgetEnvelope(), ()
        data, locator = parsed
        self.top_level("budget.toml", data, locator, ("budget", "line"))
        envelope = BudgetEnvelope()
        table = data.get("budget")
        if isinstance(table, dict):
            f, source = self.table("budget.toml", table, locator, "budget", "[budget]")
            envelope = BudgetEnvelope(f.money("envelope"), f.money("contingency") or _ZERO, source)
            f.finish()
        lines = self.records("budget.toml", data, locator, "line", "ligne budgétaire",
                             self.budget_line)
        return envelope, lines

    def budget_line(self, f: Fields, source: Source) -> BudgetLine | None:
        line_id = f.text("id", required=True)
        amount = f.money("amount", required=True)
        record = BudgetLine(
            id=line_id, amount=amount if amount is not None else _ZERO, task=f.text("task"),
            category=f.text("category"), date=f.date("date"),
            label=f.text("label") or f.text("name"), source=source)
        return record if line_id and amount is not None else None

    def costs(self) -> tuple[CostEntry, ...]:
        text = self.text("costs.csv")
        if text is None:
            return ()
        journal = Journal("costs.csv", self.diagnostics)
        entries = []
        for line, (date_text, task, category, amount_text, reference, comment) in journal.rows(
                text, ("date", "task", "category", "amount", "reference", "comment"),
                ("date", "amount")):
            date = journal.date(line, "date", date_text)
            amount = journal.decimal(line, "amount", amount_text)
            if date is not None and amount is not None:
                entries.append(CostEntry(date, task, amount, category, reference, comment, line))
        return tuple(entries)

    def progress(self) -> tuple[ProgressEntry, ...]:
        text = self.text("progress.csv")
        if text is None:
            return ()
        journal = Journal("progress.csv", self.diagnostics)
        entries = []
        for line, (date_text, task_text, percent_text, comment) in journal.rows(
                text, ("date", "task", "percent", "comment"), ("date", "task", "percent")):
            date = journal.date(line, "date", date_text)
            task = journal.required_text(line, "task", task_text)
            percent = journal.decimal(line, "percent", percent_text)
            if date is None or task is None or percent is None:
                continue
            if percent < 0:
                self.diagnostics.append(codes.OUT_OF_RANGE.at(
                    "progress.csv", line, f"avancement négatif ({percent} %)"))
                continue
            entries.append(ProgressEntry(date, task, float(percent), comment, line))
        return tuple(entries)

    def measures(self) -> tuple[Measure, ...]:
        text = self.text("measures.csv")
        if text is None:
            return ()
        journal = Journal("measures.csv", self.diagnostics)
        entries = []
        for line, (date_text, indicator_text, value_text, comment) in journal.rows(
                text, ("date", "indicator", "value", "comment"), ("date", "indicator", "value")):
            date = journal.date(line, "date", date_text)
            indicator = journal.required_text(line, "indicator", indicator_text)
            value = journal.decimal(line, "value", value_text)
            if date is not None and indicator is not None and value is not None:
                entries.append(Measure(date, indicator, float(value), comment, line))
        return tuple(entries)

    def risk(self, f: Fields, source: Source) -> Risk | None:
        record = Risk(
            id=f.text("id", required=True), title=f.text("title", required=True),
            category=f.one_of("category", RiskCategory),
            cause=f.text("cause"), consequence=f.text("consequence"),
            probability=f.integer("probability", 1, 5), impact=f.integer("impact", 1, 5),
            detection=f.integer("detection", 1, 5), owner=f.text("owner"),
            strategy=f.one_of("strategy", RiskStrategy),
            response=f.text("response"), actions=f.texts("actions"), tasks=f.texts("tasks"),
            status=f.one_of("status", RiskStatus, default=RiskStatus.OPEN.value),
            identified=f.date("identified"), review=f.date("review"),
            next_review=f.date("next_review"),
            history=self.assessments(f), source=source)
        return record if record.id else None

    def assessments(self, f: Fields) -> tuple[RiskAssessment, ...]:
        """A risk's earlier assessments, for its trend."""
        found = []
        for item in f.tables("history"):
            date = item.date("date", required=True)
            probability = item.integer("probability", 1, 5)
            impact = item.integer("impact", 1, 5)
            detection = item.integer("detection", 1, 5)
            item.finish()
            if date is not None and probability is not None and impact is not None:
                found.append(RiskAssessment(date, probability, impact, detection))
        return tuple(sorted(found, key=lambda a: a.date))

    def action(self, f: Fields, source: Source) -> Action | None:
        record = Action(
            id=f.text("id", required=True), what=f.text("what", required=True),
            who=f.text("who"), due=f.date("due"),
            status=f.one_of("status", ActionStatus, default=ActionStatus.TODO.value),
            done=f.date("done"), origin=f.text("origin"), comment=f.text("comment"),
            source=source)
        return record if record.id else None

    def indicator(self, f: Fields, source: Source) -> Indicator | None:
        record = Indicator(
            id=f.text("id", required=True), name=f.text("name", required=True),
            definition=f.text("definition"), purpose=f.text("purpose"),
            formula=f.text("formula"), unit=f.text("unit"),
            baseline=f.number("baseline"), target=f.number("target"),
            direction=f.one_of("direction", TargetDirection, default=TargetDirection.UP.value),
            frequency=f.one_of("frequency", Frequency),
            owner=f.text("owner"),
            visual=f.one_of("visual", Visual),
            scope=f.one_of("scope", IndicatorScope, default=IndicatorScope.PROJECT.value),
            until=f.date("until"), source=source)
        return record if record.id else None

    def channel(self, f: Fields, source: Source) -> Channel | None:
        record = Channel(
            id=f.text("id", required=True), information=f.text("information", required=True),
            purpose=f.text("purpose"), sender=f.text("sender"), audience=f.texts("audience"),
            cc=f.texts("cc"),
            frequency=f.one_of("frequency", Frequency),
            medium=f.text("medium"), place=f.text("place"), validated_by=f.text("validated_by"),
            source=source)
        return record if record.id else None

    def requirement(self, f: Fields, source: Source) -> Requirement | None:
        record = Requirement(
            id=f.text("id", required=True), text=f.text("text", required=True),
            kind=f.one_of("kind", RequirementKind),
            priority=f.one_of("priority", Priority),
            source_of=f.text("source"), acceptance=f.text("acceptance"),
            status=f.one_of("status", RequirementStatus),
            tasks=f.texts("tasks"), source=source)
        return record if record.id else None

    def decision(self, relative: str) -> Decision | None:
        parsed = self.toml(relative)
        if parsed is None:
            return None
        data, locator = parsed
        f = Fields(data, relative, lambda k: locator.key_line("", 0, k) if k else 1,
                   self.diagnostics, f"matrice {PurePosixPath(relative).name}")
        criteria = self.records(relative, data, locator, "criterion", "critère",
                                self.criterion)
        options = self.records(relative, data, locator, "option", "option", self.option)
        decision = Decision(
            path=relative, title=f.text("title", required=True), date=f.date("date"),
            decided=f.text("decided"), validated_by=f.text("validated_by"),
            justification=f.text("justification"), criteria=criteria, options=options,
            source=Source(relative, 1, locator.keys("")))
        f.finish(("criterion", "option"))
        return decision

    def criterion(self, f: Fields, source: Source) -> DecisionCriterion | None:
        weight = f.number("weight", low=0)
        return DecisionCriterion(f.text("id", required=True), f.text("name", required=True),
                                 1.0 if weight is None else weight)

    def option(self, f: Fields, source: Source) -> DecisionOption | None:
        scores: list[tuple[str, float]] = []
        raw = f.raw("scores") or {}
        if not isinstance(raw, dict) or not all(
                isinstance(v, int | float) or _is_decimal(v) for v in raw.values()):
            self.diagnostics.append(codes.WRONG_TYPE.at(
                source.file, f.line("scores"),
                f"{f.what} : « scores » doit être une table critère = note, ex. {{ cout = 3 }}"))
        else:
            scores = [(k, float(v)) for k, v in raw.items()]
        return DecisionOption(f.text("id", required=True), f.text("name", required=True),
                              f.money("cost"), tuple(scores))

    def front_matter_doc(self, relative: str) -> tuple[Fields, Any, Source] | None:
        text = self.text(relative)
        if text is None:
            return None
        front = split_front_matter(text, relative, self.diagnostics)
        if front is None:
            return None
        locator = front.locator
        f = Fields(front.data, relative, lambda k: locator.key_line("", 0, k) if k else 1,
                   self.diagnostics, PurePosixPath(relative).name)
        return f, front, Source(relative, 1, locator.keys(""))

    def meeting(self, relative: str) -> Meeting | None:
        read = self.front_matter_doc(relative)
        if read is None:
            return None
        f, front, source = read
        date = f.date("date", required=True)
        title = f.text("title", required=True)
        phase = f.one_of("phase", Phase)
        sections = parse_sections(front.body, front.body_line)
        decisions: list[str] = []
        actions = []
        for section in sections:
            kind = heading_kind(section.title)
            if kind == "decisions":
                decisions.extend(text for text, _ in list_items(section))
            elif kind == "actions":
                for text, line in list_items(section):
                    mention = parse_action_mention(text, line)
                    if mention is not None:
                        actions.append(mention)
        meeting = Meeting(
            path=relative, title=title, date=date or dt.date.min,
            kind=f.one_of("kind", MeetingKind),
            time=f.text("time"), duration=f.text("duration"), place=f.text("place"),
            phase=_phase(phase),
            facilitator=f.text("facilitator"), participants=f.texts("participants"),
            excused=f.texts("excused"), objectives=f.texts("objectives"),
            sections=sections, decisions=tuple(decisions), actions=tuple(actions), source=source)
        f.finish()
        if date is None:
            return None
        return meeting

    def document(self, relative: str) -> Document | None:
        read = self.front_matter_doc(relative)
        if read is None:
            return None
        f, front, source = read
        document = Document(
            path=relative, title=f.text("title", required=True), date=f.date("date", required=True),
            kind=f.text("kind", required=True), sections=parse_sections(front.body, front.body_line),
            body=front.body, source=source, body_line=front.body_line)
        f.finish(DOCUMENT_KEYS)
        return document

    def evidence(self) -> tuple[EvidenceClaim, ...]:
        parsed = self.toml("evidence.toml")
        if parsed is None:
            return ()
        data, locator = parsed
        claims = []
        for referential, targets in data.items():
            if not isinstance(targets, dict):
                self.diagnostics.append(codes.WRONG_TYPE.at(
                    "evidence.toml", locator.key_line("", 0, referential),
                    f"« {referential} » doit être une table [\"{referential}\".C1]"))
                continue
            for target, table_path, table in _flatten_claims(targets, (referential,)):
                f, source = self.table("evidence.toml", table, locator, ".".join(table_path),
                                       f"preuve {referential} {target}")
                claims.append(EvidenceClaim(
                    referential, target, f.texts("evidence"), f.text("justification"), source))
                f.finish()
        return tuple(claims)


class _Nested:
    """A locator view of a table nested in another (`[check]` → `[[check.ignore]]`)."""

    def __init__(self, locator: TomlLocator, prefix: str) -> None:
        self.locator = locator
        self.prefix = prefix

    def table_line(self, table: str, index: int = 0) -> int:
        return self.locator.table_line(f"{self.prefix}.{table}", index)

    def key_line(self, table: str, index: int, key: str) -> int:
        return self.locator.key_line(f"{self.prefix}.{table}", index, key)

    def keys(self, table: str, index: int = 0) -> Mapping[str, int]:
        return self.locator.keys(f"{self.prefix}.{table}", index)


def _flatten_claims(
    table: dict[str, Any], path: tuple[str, ...]
) -> list[tuple[str, tuple[str, ...], dict[str, Any]]]:
    """`["ref".C1.2.3]` written unquoted nests C1 → 2 → 3; read it as target "C1.2.3"."""
    found = []
    for key, value in table.items():
        if not isinstance(value, dict):
            continue
        if "evidence" in value or "justification" in value or not any(
                isinstance(v, dict) for v in value.values()):
            found.append((".".join((*path[1:], key)), (*path, key), value))
        else:
            found.extend(_flatten_claims(value, (*path, key)))
    return found


_ZERO = Decimal(0)


def _is_decimal(value: object) -> bool:
    return isinstance(value, Decimal) and not isinstance(value, bool)


def _phase(text: str) -> Phase | None:
    return _PHASE_OF.get(text)

