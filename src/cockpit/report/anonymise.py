"""`--anonymise`: the folder's people, and its company, replaced in a report by their role.

Who is a person: each team member of kind `person` (their `name`), the person a team
member of another kind names between parentheses (« Axone Conseil (Laurent Chevalier) »),
and the person a stakeholder's name gives as « Prénom Nom » at its start (« Nathalie
Brunet, directrice technique ») or between parentheses.
Each person gets one label, the same everywhere: the member's role without its parenthesis
(« Technicien de maintenance », numbered when two people share it), the stakeholder's
function (what follows the name), else « Membre de l'équipe » or « Partie prenante ».
Replaced in every text of the report (headings, tables, the passages quoted from minutes
and documents, chart labels, the cover): the full name, « Nom Prénom », « P. Nom », the
first name and the surname alone (a word two people share becomes « une personne »), the
name as a slug in a file name (« claire-martin ») and an id that contains the first name or
the surname (« cmartin »). The optional `company` of cockpit.toml becomes « l'entreprise ».

It works on the `Report`, so Markdown, HTML, Word and PDF carry the same anonymised text.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import Any

from cockpit.model import Project, ResourceKind
from cockpit.model.immutable import immutable
from cockpit.report.document import Report

_WORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+)?"
_AT_START = re.compile(rf"^({_WORD}(?: {_WORD}){{1,2}})(?=\s*(?:,|\(|$))")
_BETWEEN = re.compile(rf"\(({_WORD}(?: {_WORD}){{1,2}})\)")
COMPANY = "l'entreprise"
# Labels of a person without a role: never their id, which often holds their name (cmartin).
MEMBER = "Membre de l'équipe"
HOLDER = "Partie prenante"
SHARED = "une personne"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(text)).strip("-")


def _label(text: str) -> str:
    """A role's first clause, without parenthesis (« Cheffe de projet (candidate CQPM) »,
    « Soudeur qualifié, futur pilote »), capitalised."""
    role = re.split(r"[,;:]", re.sub(r"\s*\([^)]*\)", "", text))[0].strip()
    return role[:1].upper() + role[1:]


# « Prénom Nom, <function> »: what tells a person from a company (« Aérostructures Loire,
# client ») at the start of a stakeholder's name.
FUNCTIONS = ("direct", "respons", "chef", "ingenieu", "technici", "presid", "manag", "consult",
             "gerant", "animat", "pilot", "coordinat", "assistant", "tut", "referent", "charge",
             "adjoint", "controle", "acheteu", "comptable", "juriste", "medecin", "operat",
             "expert", "audit", "representant", "delegue", "secretaire", "drh", "daf", "dg",
             "pdg", "maire", "conseill", "architecte", "formateu", "formatrice", "superviseu")


def _person_in(name: str) -> tuple[str, str] | None:
    """(the person's name, the rest) of a stakeholder's name, or None."""
    start = _AT_START.match(name)
    if start is not None:
        rest = name[start.end():].strip(" ,")
        if _fold(rest).startswith(FUNCTIONS):
            return start.group(1), _label(rest)
    between = _BETWEEN.search(name)
    if between is not None:
        return between.group(1), _label(name.replace(between.group(0), " ").strip(" ,"))
    return None


@immutable
class Person:
    name: str  # « Patrick Lemoine »
    label: str  # what replaces it: « Directeur industriel »
    id: str  # the team or stakeholder id
    record: str  # the record's whole name: « Patrick Lemoine, directeur industriel »


def people(project: Project) -> list[Person]:
    """Each person the folder names, with a label no other person has."""
    found: list[Person] = []
    for member in project.settings.team:
        name = member.name.strip()
        if member.kind is ResourceKind.PERSON and not re.search(r"[,()]", name) and name:
            found.append(Person(name, _label(member.role) or MEMBER, member.id, name))
        elif (between := _BETWEEN.search(name)) is not None:  # « Axone Conseil (L. Chevalier) »
            found.append(Person(between.group(1), _label(member.role) or MEMBER, member.id,
                                name))
    for holder in project.settings.stakeholders:
        if (person := _person_in(holder.name.strip())) is not None:
            found.append(Person(person[0], person[1] or HOLDER, holder.id, holder.name.strip()))
    counts = Counter(p.label for p in found)
    rank: Counter[str] = Counter()
    unique = []
    for p in found:
        if counts[p.label] > 1:
            rank[p.label] += 1
            p = dataclasses.replace(p, label=f"{p.label} {rank[p.label]}")
        unique.append(p)
    return unique


def _alternation(texts: dict[str, str], edge: str, flags: int = 0) -> Callable[[str], str]:
    if not texts:
        return lambda text: text
    table = {(k.lower() if flags & re.I else k): v for k, v in texts.items()}
    choices = "|".join(re.escape(t) for t in sorted(texts, key=len, reverse=True))
    pattern = re.compile(rf"(?<![{edge}])(?:{choices})(?![{edge}])", flags)

    def replace(text: str) -> str:
        return pattern.sub(lambda m: table[m.group(0).lower() if flags & re.I else m.group(0)],
                           text)
    return replace


def anonymiser(project: Project) -> Callable[[str], str]:
    """A function that anonymises one text of a report of this project."""
    names: dict[str, str] = {}
    words: dict[str, str] = {}
    slugs: dict[str, str] = {}
    ids: dict[str, str] = {}
    for person in people(project):
        name, label, ident = person.name, person.label, person.id
        parts = name.split()
        names[person.record] = label
        names[name] = label
        names.setdefault(" ".join(reversed(parts)), label)
        names.setdefault(f"{parts[0][0]}. {' '.join(parts[1:])}", label)
        for word in parts:
            if len(word) >= 3:
                words[word] = label if words.get(word, label) == label else SHARED
        slugs[_slug(name)] = _slug(label)
        slugs.setdefault(_slug(" ".join(reversed(parts))), _slug(label))
        if any(len(w) >= 3 and _slug(w).replace("-", "") in ident.lower() for w in parts):
            ids[ident] = label
    company = project.settings.project.company.strip()
    steps = []
    if company:
        steps.append(_alternation({company: COMPANY}, r"\w", re.I))
        slugs.setdefault(_slug(company), "entreprise")
    steps += [_alternation(names, r"\w-"), _alternation(words, r"\w-"), _alternation(ids, r"\w"),
              _alternation(slugs, r"a-z0-9", re.I)]

    def anonymise(text: str) -> str:
        for step in steps:
            text = step(text)
        return text
    return anonymise


def _walk(value: Any, change: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, tuple):
        return tuple(_walk(v, change) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{
            f.name: _walk(getattr(value, f.name), change) for f in dataclasses.fields(value)
            if f.init})
    return value  # dates, numbers, enums


def anonymise(report: Report, project: Project) -> Report:
    """The report with every person of the folder, and the company, replaced by a label."""
    result: Report = _walk(report, anonymiser(project))
    return result
