"""The living registers: risks.toml, actions.toml, indicators.toml, communication.toml,
requirements.toml (their record schemas), and measures.csv."""

from __future__ import annotations

from cockpit.folder.fields import Fields
from cockpit.folder.journal import Journal
from cockpit.folder.reading import Reading
from cockpit.model import (
    Action,
    Channel,
    Indicator,
    Measure,
    Requirement,
    Risk,
    RiskAssessment,
    Source,
)
from cockpit.model.vocabularies import (
    ActionStatus,
    Frequency,
    IndicatorScope,
    Priority,
    RequirementKind,
    RequirementStatus,
    RiskCategory,
    RiskStatus,
    RiskStrategy,
    TargetDirection,
    Visual,
)


def read_measures(r: Reading) -> tuple[Measure, ...]:
    text = r.text("measures.csv")
    if text is None:
        return ()
    journal = Journal("measures.csv", r.diagnostics, r.unreadable)
    entries = []
    for line, (date_text, indicator_text, value_text, comment) in journal.rows(
            text, ("date", "indicator", "value", "comment"), ("date", "indicator", "value")):
        date = journal.date(line, "date", date_text)
        indicator = journal.required_text(line, "indicator", indicator_text)
        value = journal.decimal(line, "value", value_text)
        if date is not None and indicator is not None and value is not None:
            entries.append(Measure(date, indicator, float(value), comment, line))
    return tuple(entries)


def risk(f: Fields, source: Source) -> Risk | None:
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
        history=assessments(f), source=source)
    return record if record.id else None


def assessments(f: Fields) -> tuple[RiskAssessment, ...]:
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


def action(f: Fields, source: Source) -> Action | None:
    record = Action(
        id=f.text("id", required=True), what=f.text("what", required=True),
        who=f.text("who"), due=f.date("due"),
        status=f.one_of("status", ActionStatus, default=ActionStatus.TODO.value),
        done=f.date("done"), origin=f.text("origin"), comment=f.text("comment"),
        source=source)
    return record if record.id else None


def indicator(f: Fields, source: Source) -> Indicator | None:
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


def channel(f: Fields, source: Source) -> Channel | None:
    record = Channel(
        id=f.text("id", required=True), information=f.text("information", required=True),
        purpose=f.text("purpose"), sender=f.text("sender"), audience=f.texts("audience"),
        cc=f.texts("cc"),
        frequency=f.one_of("frequency", Frequency),
        medium=f.text("medium"), place=f.text("place"), validated_by=f.text("validated_by"),
        source=source)
    return record if record.id else None


def requirement(f: Fields, source: Source) -> Requirement | None:
    record = Requirement(
        id=f.text("id", required=True), text=f.text("text", required=True),
        kind=f.one_of("kind", RequirementKind),
        priority=f.one_of("priority", Priority),
        source_of=f.text("source"), acceptance=f.text("acceptance"),
        status=f.one_of("status", RequirementStatus),
        tasks=f.texts("tasks"), source=source)
    return record if record.id else None
