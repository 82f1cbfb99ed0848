"""cockpit.toml: the project, its calendar, team, stakeholders, objectives, governance and
[check] ignores."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from cockpit.diagnostics import codes
from cockpit.folder.fields import Fields, suggest
from cockpit.folder.locator import TomlLocator
from cockpit.folder.reading import ZERO, Reading, phase_of
from cockpit.model import (
    CalendarSpec,
    Governance,
    Ignore,
    Objective,
    Phase,
    ProjectInfo,
    ResourceKind,
    Settings,
    Source,
    Stakeholder,
    TeamMember,
)
from cockpit.model.vocabularies import (
    Frequency,
    StakeholderKind,
    values,
)

SETTINGS_FILE = "cockpit.toml"
WEEKDAYS = {
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
    "lun": 0, "mar": 1, "mer": 2, "jeu": 3, "ven": 4, "sam": 5, "dim": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}


def read_settings(r: Reading) -> Settings | None:
    try:
        exists = r.source.read_bytes(SETTINGS_FILE) is not None
    except OSError:
        exists = True
    if not exists:
        r.diagnostics.append(codes.UNREADABLE.at(
            SETTINGS_FILE, 1, "pas de cockpit.toml : ce dossier n'est pas un projet cockpit",
            "Créez le projet avec « cockpit init DOSSIER », ou placez-vous dans le bon dossier."))
        return None
    parsed = r.toml(SETTINGS_FILE)
    if parsed is None:
        return None
    data, locator = parsed
    r.top_level(SETTINGS_FILE, data, locator, (
        "project", "calendar", "team", "stakeholders", "objectives", "governance", "check"))
    project_table = data.get("project")
    if not isinstance(project_table, dict):
        r.diagnostics.append(codes.MISSING_FIELD.at(
            SETTINGS_FILE, 1, "la table [project] manque",
            'Ajoutez [project] avec id, title et start (voir « cockpit init »).'))
        return None
    project = project_info(
        *r.table(SETTINGS_FILE, project_table, locator, "project", "[project]"))
    if project is None:
        return None
    calendar_table = data.get("calendar", {})
    calendar = CalendarSpec()
    if isinstance(calendar_table, dict):
        calendar = calendar_spec(
            *r.table(SETTINGS_FILE, calendar_table, locator, "calendar", "[calendar]"))
    check_table = data.get("check", {})
    ignores: tuple[Ignore, ...] = ()
    if isinstance(check_table, dict):
        for key in check_table:
            if key != "ignore":
                r.diagnostics.append(codes.UNKNOWN_KEY.at(
                    SETTINGS_FILE, locator.key_line("check", 0, key),
                    f"[check] : clé inconnue « {key} »{suggest(key, ('ignore',))}"))
        ignores = r.records(SETTINGS_FILE, check_table, _Nested(locator, "check"),
                               "ignore", "exception [check]", ignore)
    return Settings(
        project=project,
        calendar=calendar,
        team=r.records(SETTINGS_FILE, data, locator, "team", "membre", team_member),
        stakeholders=r.records(SETTINGS_FILE, data, locator, "stakeholders",
                                  "partie prenante", stakeholder),
        objectives=r.records(SETTINGS_FILE, data, locator, "objectives", "objectif",
                                objective),
        governance=r.records(SETTINGS_FILE, data, locator, "governance", "instance",
                                governance),
        ignores=ignores,
    )


def project_info(f: Fields, source: Source) -> ProjectInfo | None:
    start = f.date("start", required=True)
    info = ProjectInfo(
        id=f.text("id", required=True),
        title=f.text("title", required=True),
        start=start or dt.date.min,
        sponsor=f.text("sponsor"),
        company=f.text("company"),
        manager=f.text("manager"),
        deadline=f.date("deadline"),
        status_date=f.date("status_date"),
        phase=phase_of(f.one_of("phase", Phase, default=Phase.CADRAGE.value)) or Phase.CADRAGE,
        currency=f.text("currency", default="EUR"),
        referential=f.text("referential"),
        context=f.text("context"),
        source=source,
    )
    f.finish()
    if start is not None and info.status_date is not None and info.status_date < start:
        f.diagnostics.append(codes.OUT_OF_RANGE.at(
            SETTINGS_FILE, f.line("status_date"),
            f"[project] : la date d'état {info.status_date} précède le début du projet "
            f"({start})", "Une date d'état se situe pendant ou après le projet."))
    return info if start is not None and info.id and info.title else None


def calendar_spec(f: Fields, source: Source) -> CalendarSpec:
    workdays: list[int] = []
    for day in f.texts("workdays"):
        number = WEEKDAYS.get(day.strip().lower())
        if number is None:
            f.diagnostics.append(codes.UNKNOWN_VALUE.at(
                SETTINGS_FILE, f.line("workdays"),
                f"[calendar] : jour inconnu « {day} »{suggest(day.lower(), WEEKDAYS)}",
                "Jours : mon, tue, wed, thu, fri, sat, sun (ou lun … dim)."))
        elif number not in workdays:
            workdays.append(number)
    holidays = f.text("holidays", default="FR")
    if holidays.upper() not in ("FR", "FR-57") and holidays.lower() != "none":
        f.diagnostics.append(codes.UNKNOWN_VALUE.at(
            SETTINGS_FILE, f.line("holidays"),
            f"[calendar] : jours fériés « {holidays} » inconnus ; « FR » est utilisé",
            'Valeurs : "FR" (métropole), "FR-57" (Alsace-Moselle), "none".'))
        holidays = "FR"
    hours = f.number("hours_per_day", low=0.5, high=24)
    if not workdays and isinstance(f.table.get("workdays"), list | str):
        f.diagnostics.append(codes.OUT_OF_RANGE.at(
            SETTINGS_FILE, f.line("workdays"),
            "[calendar] : aucun jour ouvré dans workdays ; lundi à vendredi sont utilisés",
            'Par exemple workdays = ["mon", "tue", "wed", "thu", "fri"].'))
    spec = CalendarSpec(
        workdays=tuple(sorted(workdays)) if workdays or "workdays" not in f.table
        else (0, 1, 2, 3, 4),
        hours_per_day=hours if hours is not None else 7.0,
        holidays=holidays.upper() if holidays.lower() != "none" else "none",
        closures=f.periods("closures", longest=366),
        source=source,
    )
    if not workdays and "workdays" not in f.table:
        spec = CalendarSpec((0, 1, 2, 3, 4), spec.hours_per_day, spec.holidays,
                            spec.closures, source)
    f.finish()
    return spec


def team_member(f: Fields, source: Source) -> TeamMember | None:
    kind = f.one_of("kind", ResourceKind, default=ResourceKind.PERSON.value)
    availability = f.number("availability", low=0, high=1)
    member = TeamMember(
        id=f.text("id", required=True), name=f.text("name", required=True),
        role=f.text("role"),
        kind=ResourceKind(kind) if kind in values(ResourceKind) else ResourceKind.PERSON,
        rate=f.money("rate") or ZERO,
        availability=1.0 if availability is None else availability,
        absences=f.periods("absences"), source=source)
    return member if member.id else None


def stakeholder(f: Fields, source: Source) -> Stakeholder | None:
    record = Stakeholder(
        id=f.text("id", required=True), name=f.text("name", required=True),
        kind=f.one_of("kind", StakeholderKind, default=StakeholderKind.INTERNAL.value),
        interest=f.integer("interest", 1, 3), influence=f.integer("influence", 1, 3),
        expectations=f.text("expectations"), source=source)
    return record if record.id else None


def objective(f: Fields, source: Source) -> Objective | None:
    record = Objective(
        id=f.text("id", required=True), statement=f.text("statement", required=True),
        indicator=f.text("indicator"), deadline=f.date("deadline"), source=source)
    return record if record.id else None


def governance(f: Fields, source: Source) -> Governance | None:
    record = Governance(
        id=f.text("id", required=True), name=f.text("name", required=True),
        members=f.texts("members"),
        frequency=f.one_of("frequency", Frequency),
        source=source)
    return record if record.id else None


def ignore(f: Fields, source: Source) -> Ignore | None:
    code = f.text("code", required=True)
    reason = f.text("reason", required=True)
    record = Ignore(code=code.upper(), reason=reason, file=f.text("file"), source=source)
    return record if code else None


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
