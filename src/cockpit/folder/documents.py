"""decisions/*.toml, meetings/*.md, rex/*.md, docs/*.md and evidence.toml."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any

from cockpit.diagnostics import codes
from cockpit.folder.fields import Fields, number_problem
from cockpit.folder.markdown import (
    date_written,
    heading_kind,
    list_items,
    markdown_hazard,
    parse_action_mention,
    parse_sections,
    split_front_matter,
)
from cockpit.folder.reading import Reading, is_decimal, phase_of
from cockpit.model import (
    Decision,
    DecisionCriterion,
    DecisionOption,
    Document,
    EvidenceClaim,
    Meeting,
    Phase,
    Source,
)
from cockpit.model.vocabularies import (
    MeetingKind,
)

DOCUMENT_KEYS = ("title", "date", "kind", "author", "authors", "version", "status", "phase",
                 "tags", "summary", "validated_by")


def read_decision(r: Reading, relative: str) -> Decision | None:
    parsed = r.toml(relative)
    if parsed is None:
        return None
    data, locator = parsed
    f = Fields(data, relative, lambda k: locator.key_line("", 0, k) if k else 1,
               r.diagnostics, f"matrice {PurePosixPath(relative).name}")
    criteria = r.records(relative, data, locator, "criterion", "critère",
                            criterion)
    options = r.records(relative, data, locator, "option", "option", option)
    decision = Decision(
        path=relative, title=f.text("title", required=True), date=f.date("date"),
        decided=f.text("decided"), validated_by=f.text("validated_by"),
        justification=f.text("justification"), criteria=criteria, options=options,
        source=Source(relative, 1, locator.keys("")))
    f.finish(("criterion", "option"))
    return decision


def _front_matter_doc(r: Reading, relative: str) -> tuple[Fields, Any, Source] | None:
    text = r.text(relative)
    if text is None:
        return None
    front = split_front_matter(text, relative, r.diagnostics)
    if front is None:
        return None
    if (hazard := markdown_hazard(front.body)) is not None:
        r.diagnostics.append(codes.HAZARDOUS_MARKDOWN.at(
            relative, front.body_line + hazard[0], hazard[1]))
    locator = front.locator
    f = Fields(front.data, relative, lambda k: locator.key_line("", 0, k) if k else 1,
               r.diagnostics, PurePosixPath(relative).name)
    return f, front, Source(relative, 1, locator.keys(""))


def read_meeting(r: Reading, relative: str) -> Meeting | None:
    read = _front_matter_doc(r, relative)
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
                    if mention.due is None and (written := date_written(text)):
                        r.diagnostics.append(codes.BAD_DATE.at(
                            relative, line, f"action {mention.action} : échéance « {written} » "
                            "impossible (ce jour n'existe pas)"))
    meeting = Meeting(
        path=relative, title=title, date=date or dt.date.min,
        kind=f.one_of("kind", MeetingKind),
        time=f.text("time"), duration=f.text("duration"), place=f.text("place"),
        phase=phase_of(phase),
        facilitator=f.text("facilitator"), participants=f.texts("participants"),
        excused=f.texts("excused"), objectives=f.texts("objectives"),
        sections=sections, decisions=tuple(decisions), actions=tuple(actions), source=source)
    f.finish()
    if date is None:
        return None
    return meeting


def read_document(r: Reading, relative: str) -> Document | None:
    read = _front_matter_doc(r, relative)
    if read is None:
        return None
    f, front, source = read
    document = Document(
        path=relative, title=f.text("title", required=True), date=f.date("date", required=True),
        kind=f.text("kind", required=True), sections=parse_sections(front.body, front.body_line),
        body=front.body, source=source, body_line=front.body_line)
    f.finish(DOCUMENT_KEYS)
    return document


def read_evidence(r: Reading) -> tuple[EvidenceClaim, ...]:
    parsed = r.toml("evidence.toml")
    if parsed is None:
        return ()
    data, locator = parsed
    claims = []
    for referential, targets in data.items():
        if not isinstance(targets, dict):
            r.diagnostics.append(codes.WRONG_TYPE.at(
                "evidence.toml", locator.key_line("", 0, referential),
                f"« {referential} » doit être une table [\"{referential}\".C1]"))
            continue
        for target, table_path, table in _flatten_claims(targets, (referential,)):
            f, source = r.table("evidence.toml", table, locator, ".".join(table_path),
                                   f"preuve {referential} {target}")
            claims.append(EvidenceClaim(
                referential, target, f.texts("evidence"), f.text("justification"), source))
            f.finish()
    return tuple(claims)


def criterion(f: Fields, source: Source) -> DecisionCriterion | None:
    weight = f.number("weight", low=0)
    return DecisionCriterion(f.text("id", required=True), f.text("name", required=True),
                             1.0 if weight is None else weight)


def option(f: Fields, source: Source) -> DecisionOption | None:
    scores: list[tuple[str, float]] = []
    raw = f.raw("scores") or {}
    if not isinstance(raw, dict) or not all(
            (isinstance(v, int | float) and not isinstance(v, bool) or is_decimal(v))
            and number_problem(Decimal(v) if isinstance(v, int) else v) is None
            for v in raw.values()):
        f.diagnostics.append(codes.WRONG_TYPE.at(
            source.file, f.line("scores"),
            f"{f.what} : « scores » doit être une table critère = note finie, ex. "
            "{ cout = 3 }"))
    else:
        scores = [(k, float(v)) for k, v in raw.items()]
    return DecisionOption(f.text("id", required=True), f.text("name", required=True),
                          f.money("cost"), tuple(scores))


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
