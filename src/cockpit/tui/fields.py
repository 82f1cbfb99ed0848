"""The fields of every record of FORMAT.md as the forms show them, and how typed text is read.

A `Field` says how a value is typed (a date as 16/10/2026 or 2026-10-16, a duration as
« 5j », an id among the registers…), how it reads back into the value written to the file,
and how the current value is shown. `parse` raises `ValueError` with a French message: the
form shows it under the field and stays open with what was typed.

The registers (`REGISTERS`) list each record's fields in FORMAT.md's key order, so a new
record is written in that order.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

ID_PATTERN = re.compile(r"^[A-Za-z0-9._-]+$")

# -- reading typed text --------------------------------------------------------------


def parse_day(text: str) -> dt.date:
    """`16/10/2026`, `16/10/26`, `2026-10-16`; ValueError (French) otherwise."""
    text = text.strip()
    for form in ("%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise ValueError(f"date illisible « {text} » : écrivez JJ/MM/AAAA (16/10/2026) "
                     "ou AAAA-MM-JJ")


def show_day(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def parse_number(text: str) -> Decimal:
    cleaned = text.strip().replace(" ", "").replace("\u202f", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"nombre illisible « {text} » : par exemple 165 ou 12,5") from None
    if not value.is_finite():
        raise ValueError(f"nombre illisible « {text} »")
    return value


def split_list(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[,;]", text) if p.strip()]


def did_you_mean(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.5)
    if not close:
        lowered = {k.lower(): k for k in known}
        close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.5)
        close = [lowered[c] for c in close]
    return f" ; vouliez-vous dire « {close[0]} » ?" if close else ""


def check_known(word: str, known: Iterable[str], what: str) -> None:
    names = list(known)
    if word not in names:
        raise ValueError(f"{what} « {word} » introuvable dans le projet{did_you_mean(word, names)}")


# -- fields ------------------------------------------------------------------------

Refs = Mapping[str, tuple[str, ...]]  # register name → ids ("tasks", "people", "risks"…)


@dataclass(frozen=True)
class Field:
    """One key of a record: its French label, its kind, its constraints."""

    key: str
    label: str
    kind: str = "text"  # text, date, int, number, percent, positive, choice, id, ids,
    #                     duration, deps, assign, bool, periods, days, lines (a
    #                     TextArea), actionlines
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str = ""  # for id/ids: the register the ids come from
    low: int = 1
    high: int = 5
    attr: str = ""  # the model's attribute when it is not the key
    hint: str = ""
    verify: Callable[[object], None] | None = field(default=None, compare=False)
    """A last check of the value read (ValueError, French), for what the kind cannot say."""

    def placeholder(self) -> str:
        return self.hint or {
            "date": "JJ/MM/AAAA", "duration": "5j, 2s, 3h", "int": f"{self.low} à {self.high}",
            "percent": "0 à 100",
            "ids": "id1, id2", "deps": "cdc, visite FD+2j", "assign": "cmartin:50%, bdupont",
            "positive": "0 ou plus, ex. 12,5",
            "bool": "oui / non", "periods": "03/08/2026-21/08/2026 Fermeture ; …",
            "choice": " | ".join(self.choices[:4]) + (" …" if len(self.choices) > 4 else ""),
            "days": "lun, mar, mer, jeu, ven",
            "lines": "une par ligne",
            "actionlines": "une par ligne : @responsable JJ/MM/AAAA libellé",
        }.get(self.kind, "")

    def completions(self, refs: Refs) -> tuple[str, ...]:
        if self.kind == "choice":
            return self.choices
        if self.kind in ("id", "ids", "deps", "assign"):
            return refs.get(self.ref, ())
        if self.kind == "bool":
            return ("oui", "non")
        return ()

    def parse(self, text: str, refs: Refs) -> object:
        """The value to write (None: remove the key); ValueError with a French message."""
        value = self._read(text, refs)
        if self.verify is not None and value is not None:
            self.verify(value)
        return value

    def _read(self, text: str, refs: Refs) -> object:
        text = text.strip()
        if not text:
            if self.required:
                raise ValueError("obligatoire")
            return None
        kind = self.kind
        if kind == "text":
            return text
        if kind == "date":
            return parse_day(text)
        if kind == "int":
            if not re.fullmatch(r"-?\d+", text) or not self.low <= int(text) <= self.high:
                raise ValueError(f"un entier de {self.low} à {self.high}")
            return int(text)
        if kind == "number":
            return parse_number(text)
        if kind == "percent":
            try:
                percent = parse_number(text.removesuffix("%"))
            except ValueError:
                raise ValueError(f"pourcentage illisible « {text} » : de 0 à 100, par exemple "
                                 "75 ou 12,5") from None
            if not 0 <= percent <= 100:
                raise ValueError(f"pourcentage hors limites « {text} » : de 0 à 100")
            return percent
        if kind == "positive":
            value = parse_number(text)
            if value < 0:
                raise ValueError(f"« {text} » est négatif : un nombre positif ou nul")
            return value
        if kind == "bool":
            lowered = text.lower()
            if lowered in ("oui", "o", "yes", "true", "vrai", "1"):
                return True
            if lowered in ("non", "n", "no", "false", "faux", "0"):
                return None
            raise ValueError("oui ou non")
        if kind == "choice":
            if text not in self.choices:
                folded = {c.lower(): c for c in self.choices}
                if text.lower() in folded:
                    return folded[text.lower()]
                raise ValueError(f"valeur inconnue « {text} »{did_you_mean(text, self.choices)}"
                                 f" (valeurs : {', '.join(self.choices)})")
            return text
        if kind == "id":
            self._check_ids([text], refs)
            return text
        if kind == "ids":
            items = split_list(text)
            self._check_ids(items, refs)
            return items
        if kind == "duration":
            from cockpit.model import NotationError, parse_duration

            try:
                parse_duration(text)
            except NotationError as error:
                raise ValueError(f"durée illisible « {text} » : 5j, 2s ou 3h ({error})") from None
            return text.replace(" ", "")
        if kind in ("deps", "assign"):
            from cockpit.model import NotationError, parse_assignment, parse_dependency

            items = split_list(text) if kind == "assign" else [p.strip() for p in text.split(",")
                                                               if p.strip()]
            for item in items:
                try:
                    parsed = (parse_assignment if kind == "assign" else parse_dependency)(item)
                except NotationError as error:
                    raise ValueError(f"« {item} » illisible : {error}") from None
                target = parsed.resource if kind == "assign" else parsed.task  # type: ignore[union-attr]
                self._check_ids([target], refs)
            return items
        if kind == "lines":
            return tuple(line.strip().lstrip("-").strip() for line in text.splitlines()
                         if line.strip().lstrip("-").strip())
        if kind == "actionlines":
            return tuple(self._action_line(line, refs) for line in text.splitlines()
                         if line.strip())
        if kind == "periods":
            return parse_periods(text)
        if kind == "days":
            return parse_workdays(text)
        raise ValueError(f"type de champ inconnu {kind}")

    def _action_line(self, line: str, refs: Refs) -> tuple[str, dt.date, str]:
        """`@bdupont 10/04/2026 Passer la commande` (dashes between the parts allowed)."""
        match = re.match(r"^\s*[-•]?\s*@?([A-Za-z0-9._-]+)\s*[—–-]?\s*(\S+)\s*[—–-]?\s*(.*)$", line)
        if match is None or not match.group(3).strip():
            raise ValueError(f"ligne d'action illisible « {line.strip()} » : "
                             "@responsable JJ/MM/AAAA libellé")
        who = match.group(1)
        self._check_ids([who], refs)
        return who, parse_day(match.group(2)), match.group(3).strip()

    def _check_ids(self, items: list[str], refs: Refs) -> None:
        known = refs.get(self.ref)
        what = REF_FRENCH.get(self.ref, "identifiant")
        for item in items:
            if known is not None:
                check_known(item, known, what)
            elif not ID_PATTERN.match(item):
                raise ValueError(f"identifiant invalide « {item} » (lettres, chiffres, . _ -)")

    def show(self, value: object) -> str:
        """The value as typed in the form."""
        if value is None or value == "" or value == ():
            return ""
        if isinstance(value, Enum):
            value = value.value
        if isinstance(value, dt.date):
            return show_day(value)
        if self.kind == "bool":
            return "oui" if value else ""
        if self.kind == "periods":
            return show_periods(value)  # type: ignore[arg-type]
        if self.kind == "days":
            return ", ".join(DAY_NAMES[d] for d in value)  # type: ignore[attr-defined]
        if self.kind == "assign":
            return ", ".join(a.resource if a.share == 1 else f"{a.resource}:{a.share * 100:g}%"
                             for a in value)  # type: ignore[attr-defined]
        if isinstance(value, tuple | list):
            return ", ".join(str(v) for v in value)
        if isinstance(value, float):
            return f"{value:g}"
        return str(value)


REF_FRENCH = {"tasks": "tâche", "people": "personne ou instance", "team": "membre de l'équipe",
              "risks": "risque", "actions": "action", "indicators": "indicateur",
              "audience": "destinataire", "criteria": "critère", "options": "option"}
DAY_NAMES = ("lun", "mar", "mer", "jeu", "ven", "sam", "dim")
DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def parse_workdays(text: str) -> list[str]:
    days = []
    for item in split_list(text):
        word = item.lower()[:3]
        if word in DAY_KEYS:
            days.append(word)
        elif word in DAY_NAMES:
            days.append(DAY_KEYS[DAY_NAMES.index(word)])
        else:
            raise ValueError(f"jour inconnu « {item} » (lun, mar, mer, jeu, ven, sam, dim)")
    return days


def parse_periods(text: str) -> list[dict[str, object]]:
    """`03/08/2026-21/08/2026 Fermeture estivale ; 11/05/2026-15/05/2026`."""
    periods: list[dict[str, object]] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        match = re.match(r"^(\S+)\s*(?:-|–|au|à)\s*(\S+)\s*(.*)$", part)
        if match is None:
            raise ValueError(f"période illisible « {part} » : JJ/MM/AAAA-JJ/MM/AAAA libellé")
        start, end = parse_day(match.group(1)), parse_day(match.group(2))
        if end < start:
            raise ValueError(f"période « {part} » : la fin précède le début")
        period: dict[str, object] = {"from": start, "to": end}
        if match.group(3).strip():
            period["label"] = match.group(3).strip()
        periods.append(period)
    return periods


def show_periods(periods: Iterable[Any]) -> str:
    return " ; ".join(f"{show_day(p.start)}-{show_day(p.end)}"
                      + (f" {p.label}" if p.label else "") for p in periods)


# -- the registers -------------------------------------------------------------------


@dataclass(frozen=True)
class Register:
    """Where a kind of record lives and which fields it has, in FORMAT.md's order."""

    name: str  # "risk"
    french: str  # "risque"
    file: str  # "risks.toml"
    array: str  # "risk"
    fields: tuple[Field, ...]
    ids: str = ""  # the refs key listing this register's ids
    prefix: str = ""  # for new ids: R, A, K…
    feminine: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def label_key(self) -> str:
        return self.fields[1].key

    def the(self) -> str:
        """« l'action », « la tâche », « le risque »."""
        if self.french[0] in "aeiouéèêh":
            return f"l'{self.french}"
        return f"{'la' if self.feminine else 'le'} {self.french}"

    def new_title(self) -> str:
        return f"Nouvelle {self.french}" if self.feminine else f"Nouveau {self.french}"

    def values_of(self, record: object) -> dict[str, str]:
        """The record's fields as the form shows them."""
        return {f.key: f.show(getattr(record, f.attr or f.key, None)) for f in self.fields}


def next_id(prefix: str, existing: Iterable[str]) -> str:
    """The next free id `prefix<n>` after the highest number already used."""
    used = set(existing)
    pattern = re.compile(rf"^{re.escape(prefix)}(\d+)$")
    highest = max((int(m.group(1)) for i in used if (m := pattern.match(i))), default=0)
    candidate = f"{prefix}{highest + 1}"
    while candidate in used:  # pragma: no cover - defensive
        highest += 1
        candidate = f"{prefix}{highest + 1}"
    return candidate


def copy_id(record_id: str, existing: Iterable[str]) -> str:
    """An id for a duplicate: `A7` → the next `A` number, `cdc` → `cdc-2`."""
    used = set(existing)
    match = re.match(r"^(.*?)(\d+)$", record_id)
    if match and match.group(1):
        return next_id(match.group(1), used)
    n = 2
    while f"{record_id}-{n}" in used:
        n += 1
    return f"{record_id}-{n}"


def _f(key: str, label: str, kind: str = "text", **kw: Any) -> Field:
    return Field(key, label, kind, **kw)


def _id() -> Field:
    return _f("id", "Identifiant", required=True)


def _registers() -> dict[str, Register]:
    from cockpit.model.documents import MEETING_KINDS  # noqa: F401 - loaded with the model
    from cockpit.model.registers import (
        ACTION_STATUSES,
        FREQUENCIES,
        RISK_CATEGORIES,
        RISK_STATUSES,
        RISK_STRATEGIES,
    )

    freq = _f("frequency", "Fréquence", "choice", choices=FREQUENCIES)
    return {r.name: r for r in (
        Register("task", "tâche", "wbs.toml", "task", (
            _id(), _f("name", "Nom", required=True),
            _f("parent", "Tâche parente (récapitulative)", "id", ref="tasks"),
            _f("milestone", "Jalon", "bool"),
            _f("duration", "Durée", "duration"),
            _f("resources", "Ressources", "assign", ref="team"),
            _f("after", "Prédécesseurs", "deps", ref="tasks"),
            _f("deliverable", "Livrable"),
            _f("indicator", "Indicateur", "id", ref="indicators"),
            _f("start_no_earlier_than", "Pas avant le", "date"),
            _f("actual_start", "Début réel", "date"),
            _f("actual_finish", "Fin réelle", "date"),
        ), ids="tasks", feminine=True),
        Register("risk", "risque", "risks.toml", "risk", (
            _id(), _f("title", "Intitulé", required=True),
            _f("category", "Catégorie", "choice", choices=RISK_CATEGORIES),
            _f("cause", "Cause"), _f("consequence", "Conséquence"),
            _f("probability", "Probabilité (1 à 5)", "int"),
            _f("impact", "Impact (1 à 5)", "int"),
            _f("detection", "Détection (AMDEC)", "int"),
            _f("owner", "Responsable", "id", ref="people"),
            _f("strategy", "Stratégie", "choice", choices=RISK_STRATEGIES),
            _f("response", "Réponse"),
            _f("actions", "Actions", "ids", ref="actions"),
            _f("tasks", "Tâches concernées", "ids", ref="tasks"),
            _f("status", "Statut", "choice", choices=RISK_STATUSES),
            _f("identified", "Identifié le", "date"),
            _f("review", "Dernière revue le", "date"),
            _f("next_review", "Prochaine revue le", "date"),
        ), ids="risks", prefix="R"),
        Register("action", "action", "actions.toml", "action", (
            _id(), _f("what", "Action", required=True),
            _f("who", "Responsable", "id", ref="people"),
            _f("due", "Échéance", "date"),
            _f("status", "Statut", "choice", choices=ACTION_STATUSES),
            _f("done", "Faite le", "date"),
            _f("origin", "Origine (réunion, risque, indicateur…)"),
            _f("comment", "Commentaire"),
        ), ids="actions", prefix="A", feminine=True),
        Register("indicator", "indicateur", "indicators.toml", "indicator", (
            _id(), _f("name", "Nom", required=True),
            _f("definition", "Définition"), _f("purpose", "Finalité"),
            _f("formula", "Formule"), _f("unit", "Unité"),
            _f("baseline", "Situation initiale", "number"),
            _f("target", "Cible", "number"),
            _f("direction", "Sens", "choice", choices=("up", "down")),
            freq,
            _f("owner", "Responsable", "id", ref="people"),
            _f("visual", "Visuel", "choice", choices=("courbe", "histogramme", "jauge", "tableau")),
            _f("scope", "Portée", "choice", choices=("project", "process")),
            _f("until", "Dernière mesure prévue le", "date"),
        ), ids="indicators", prefix="K"),
        Register("team", "membre de l'équipe", "cockpit.toml", "team", (
            _id(), _f("name", "Nom", required=True), _f("role", "Rôle"),
            _f("kind", "Type", "choice", choices=("person", "equipment", "material", "service")),
            _f("rate", "Coût par jour", "number"),
            _f("availability", "Disponibilité (0 à 1)", "number"),
            _f("absences", "Absences", "periods"),
        ), ids="people"),
        Register("stakeholder", "partie prenante", "cockpit.toml", "stakeholders", (
            _id(), _f("name", "Nom", required=True),
            _f("kind", "Type", "choice", choices=("internal", "external")),
            _f("interest", "Intérêt (1 à 3)", "int", high=3),
            _f("influence", "Influence (1 à 3)", "int", high=3),
            _f("expectations", "Attentes"),
        ), ids="people", feminine=True),
        Register("objective", "objectif", "cockpit.toml", "objectives", (
            _id(), _f("statement", "Énoncé", required=True),
            _f("indicator", "Indicateur", "id", ref="indicators"),
            _f("deadline", "Échéance", "date"),
        ), ids="objectives", prefix="O"),
        Register("governance", "instance de pilotage", "cockpit.toml", "governance", (
            _id(), _f("name", "Nom", required=True),
            _f("members", "Membres", "ids", ref="people"), freq,
        ), ids="people", feminine=True),
        Register("channel", "canal de communication", "communication.toml", "channel", (
            _id(), _f("information", "Information", required=True),
            _f("purpose", "Finalité"), _f("sender", "Émetteur", "id", ref="people"),
            _f("audience", "Destinataires", "ids", ref="people"),
            _f("cc", "Copie", "ids", ref="people"), freq,
            _f("medium", "Support"), _f("place", "Lieu"),
            _f("validated_by", "Validé par", "id", ref="people"),
        ), ids="channels", prefix="C"),
        Register("requirement", "exigence", "requirements.toml", "requirement", (
            _id(), _f("text", "Exigence", required=True),
            _f("kind", "Type", "choice",
               choices=("fonctionnelle", "non-fonctionnelle", "contrainte")),
            _f("priority", "Priorité", "choice", choices=("must", "should", "could")),
            _f("source", "Source", "id", ref="people", attr="source_of"),
            _f("acceptance", "Critère d'acceptation"),
            _f("status", "Statut", "choice",
               choices=("proposée", "validée", "vérifiée", "rejetée")),
            _f("tasks", "Tâches", "ids", ref="tasks"),
        ), ids="requirements", prefix="EX-", feminine=True),
    )}


_CACHE: dict[str, Register] = {}


def registers() -> dict[str, Register]:
    if not _CACHE:
        _CACHE.update(_registers())
    return _CACHE


PROJECT_FIELDS = (
    _f("status_date", "Date d'état", "date"),
    _f("phase", "Phase", "choice", choices=("cadrage", "conduite", "conclusion")),
    _f("start", "Début du projet", "date", required=True),
    _f("deadline", "Échéance contractuelle", "date"),
    _f("title", "Titre", required=True),
    _f("sponsor", "Commanditaire"),
    _f("manager", "Chef de projet", "id", ref="team"),
)
CALENDAR_FIELDS = (
    _f("workdays", "Jours travaillés", "days"),
    _f("hours_per_day", "Heures par jour", "number"),
    _f("holidays", "Jours fériés", "choice", choices=("FR", "FR-57", "none")),
    _f("closures", "Fermetures", "periods"),
)


def meeting_fields(new: bool) -> tuple[Field, ...]:
    """The minutes' front matter, their decisions and new action lines."""
    from cockpit.model.documents import MEETING_KINDS

    head = (_f("kind", "Type", "choice", choices=MEETING_KINDS, required=True),
            _f("title", "Titre", required=True),
            _f("date", "Date", "date", required=True)) if new else ()
    return (*head,
            _f("facilitator", "Animateur", "id", ref="people"),
            _f("participants", "Participants", "ids", ref="people"),
            _f("excused", "Excusés", "ids", ref="people"),
            _f("objectives", "Objectifs de la réunion", "lines"),
            _f("decisions", "Décisions", "lines"),
            _f("actions", "Nouvelles actions", "actionlines"))


def decision_fields(new: bool) -> tuple[Field, ...]:
    """The heading of a decision matrix (decisions/*.toml), in FORMAT.md's key order; the
    option chosen once the matrix has options."""
    return (_f("title", "Titre", required=True),
            _f("date", "Date", "date"),
            *(() if new else (_f("decided", "Option retenue", "id", ref="options"),)),
            _f("validated_by", "Validée par", "id", ref="people"),
            *(() if new else (_f("justification", "Justification"),)))


CRITERION_FIELDS = (_id(), _f("name", "Critère", required=True),
                    _f("weight", "Poids", "positive", hint="1 par défaut, ex. 3"))


def option_fields(criteria: Iterable[Any]) -> tuple[Field, ...]:
    """An option of a matrix: id, name, cost, then one score per criterion (`score-N`, N the
    criterion's rank, since a criterion id need not be a widget id)."""
    return (_id(), _f("name", "Option", required=True),
            _f("cost", "Coût", "positive"),
            *(_f(f"score-{n}", f"Note {c.id}", "positive",
                 hint=f"{c.name} (poids {c.weight:g})") for n, c in enumerate(criteria)))


def evidence_fields(project: Any) -> tuple[Field, ...]:
    """An entry of evidence.toml: the criterion (or capacity), its pieces of evidence, each a
    file of the folder or `file#anchor`, and the justification."""
    return (_f("id", "Critère ou capacité", "id", ref="criteria", required=True),
            _f("evidence", "Preuves (fichier#ancre)", "lines", verify=pointers_in(project),
               hint="une par ligne : docs/note-de-cadrage.md#objectifs"),
            _f("justification", "Justification"))


def pointers_in(project: Any) -> Callable[[object], None]:
    """Refuses a piece of evidence whose file is not in the folder (did-you-mean over the
    folder's files) or whose anchor is no heading of it (did-you-mean over its headings)."""
    import os

    from cockpit.folder.paths import inside, posix, resolve

    def verify(value: object) -> None:
        for pointer in value:  # type: ignore[attr-defined]
            path, _, anchor = str(pointer).partition("#")
            file = posix(path.replace("\\", "/"))
            if not inside(path):
                raise ValueError(f"« {path} » est hors du dossier du projet : une preuve est un "
                                 "fichier du dossier")
            problem = resolve(project, str(pointer))
            if problem is None:
                continue
            if file in project.present or os.path.isfile(project.root / file):
                slugs = [s.slug for s in project.sections_of(file) or ()]
                raise ValueError(problem + did_you_mean(anchor, slugs))
            raise ValueError(problem + did_you_mean(file, sorted(project.present)))

    return verify


def numbered_decisions(written: Iterable[str], typed: Iterable[str]) -> tuple[str, ...]:
    """The decisions typed, a new one numbered after the meeting's own when they are numbered
    (`D9 — …`, `D10 — …`): the minutes keep their style."""
    old = list(written)
    numbers = [re.match(r"^D(\d+)\b", d) for d in old]
    following = max((int(m.group(1)) for m in numbers if m), default=0) + 1
    numbering = bool(old) and all(numbers)
    out = []
    for decision in typed:
        if numbering and decision not in old and not re.match(r"^D\d+\b", decision):
            decision = f"D{following} — {decision}"
            following += 1
        out.append(decision)
    return tuple(out)


def new_actions(lines: Iterable[tuple[str, dt.date, str]], taken: Iterable[str],
                origin: str) -> tuple[tuple[str, ...], tuple[dict[str, object], ...]]:
    """The minutes' action lines and the actions.toml records of new actions, numbered after
    the highest id of the register: the minutes and the register agree."""
    used = list(taken)
    minutes, records = [], []
    for who, due, what in lines:
        action_id = next_id("A", used)
        used.append(action_id)
        minutes.append(f"- {action_id} — @{who} — {due.isoformat()} — {what}")
        records.append({"id": action_id, "what": what, "who": who, "due": due,
                        "status": "à faire", "origin": origin})
    return tuple(minutes), tuple(records)


def refs_of(project: Any) -> dict[str, tuple[str, ...]]:
    """Every register's ids, for completion and did-you-mean."""
    settings = project.settings
    team = tuple(m.id for m in settings.team)
    people = team + tuple(s.id for s in settings.stakeholders) + tuple(
        g.id for g in settings.governance)
    return {
        "tasks": tuple(t.id for t in project.tasks),
        "team": team, "people": people,
        "risks": tuple(r.id for r in project.risks),
        "actions": tuple(a.id for a in project.actions),
        "indicators": tuple(i.id for i in project.indicators),
        "objectives": tuple(o.id for o in settings.objectives),
        "channels": tuple(c.id for c in project.channels),
        "requirements": tuple(r.id for r in project.requirements),
    }


Parser = Callable[[str], object]
