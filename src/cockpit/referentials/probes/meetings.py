"""Probes on meeting minutes (meetings/*.md): meetings held, and variances analysed."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cockpit import french
from cockpit.folder.markdown import heading_kind, list_items
from cockpit.model import Meeting, Section
from cockpit.referentials.concepts import concept
from cockpit.referentials.gaps import Evidence, Status
from cockpit.referentials.probes.base import (
    Facts,
    Finding,
    capped,
    check_sections,
    find_concept,
    find_section,
    looked_for,
    probe,
    section_evidence,
    verdict,
)
from cockpit.referentials.templates import normal_line
from cockpit.referentials.words import stems

_DISTINCT = {"phase": "à des phases différentes", "kind": "de natures différentes"}


def _meeting_gaps(facts: Facts, meeting: Meeting, sections: Sequence[str], decisions: bool,
                  actions: bool, objectives: bool, roles: bool
                  ) -> tuple[list[Evidence], list[str]]:
    text = facts.text.meeting(meeting)
    evidence, gaps = check_sections(text, sections)
    if decisions and not meeting.decisions:
        gaps.append(f"consignez les décisions dans {meeting.path} (section « Décisions », "
                    "une ligne « - D1 — … » par décision)")
    if actions and not meeting.actions:
        gaps.append(f"terminez {meeting.path} par son plan d'actions (section « Actions », "
                    "« - A7 — @responsable — AAAA-MM-JJ — libellé »)")
    if objectives and not meeting.objectives and find_concept(
            [text], "@objectifs_reunion") is None:
        gaps.append(f"indiquez les objectifs de la réunion dans {meeting.path} "
                    "(objectives = [...] dans l'en-tête)")
    if roles and not (meeting.facilitator and meeting.participants) and find_concept(
            [text], "@roles") is None:
        gaps.append(f"précisez les rôles dans {meeting.path} : facilitator et participants "
                    "dans l'en-tête, ou une section « Rôles et responsabilités »")
    return evidence, gaps


_KIND_PHASE = {"lancement": "cadrage", "cloture": "conclusion"}


def meeting_phase(facts: Facts, meeting: Meeting) -> str:
    """The meeting's phase: its front matter's, else its kind's (a launch is in cadrage, a
    closing meeting in conclusion), else where its date falls in the project: the first
    fifth cadrage, after the planned finish conclusion, conduite between."""
    if meeting.phase is not None:
        return meeting.phase.value
    if meeting.kind in _KIND_PHASE:
        return _KIND_PHASE[meeting.kind]
    info = facts.project.settings.project
    finish = facts.schedule.finish if facts.schedule is not None else info.deadline
    if finish is None or finish <= info.start:
        return ""
    if meeting.date >= finish:
        return "conclusion"
    return "cadrage" if meeting.date <= info.start + (finish - info.start) / 5 else "conduite"


def _key(facts: Facts, meeting: Meeting, distinct: str) -> str:
    if distinct == "phase":
        return meeting_phase(facts, meeting)
    if distinct == "kind":
        return meeting.kind
    return meeting.path


@probe("meetings", "des réunions préparées et tracées (meetings/*.md) : sections attendues, "
       "décisions, actions ; au moins N, le cas échéant à des phases différentes")
def meetings(facts: Facts, min: int = 1, distinct: str = "", kinds: Sequence[str] = (),
             sections: Sequence[str] = (), decisions: bool = False, actions: bool = False,
             objectives: bool = False, roles: bool = False) -> Finding:
    candidates = [m for m in facts.meetings if not kinds or m.kind in kinds]
    of_kind = f" ({' / '.join(kinds)})" if kinds else ""
    if not candidates:
        return verdict((), [
            f"ajoutez le compte rendu d'au moins {french.count(min, 'réunion')}{of_kind} dans "
            "meetings/AAAA-MM-JJ-sujet.md"
            + (f", {_DISTINCT.get(distinct, '')}" if distinct else "")])
    complete: dict[str, list[Evidence]] = {}
    evidence: list[Evidence] = []
    missing: list[str] = []
    for meeting in candidates:
        found, gaps = _meeting_gaps(facts, meeting, sections, decisions, actions, objectives,
                                    roles)
        phase = meeting_phase(facts, meeting) if distinct == "phase" else (
            meeting.phase.value if meeting.phase else "")
        item = Evidence(meeting.path, note=f"{meeting.kind or 'réunion'} du {meeting.date:%d/%m/%Y}"
                        + (f", {phase}" if phase else "")
                        + (" (phase déduite)" if phase and meeting.phase is None
                           else ""))
        evidence.append(item)
        if gaps:
            missing.extend(gaps)
            continue
        key = _key(facts, meeting, distinct)
        if key:
            complete.setdefault(key, []).extend([item, *found])
    if len(complete) >= min:
        return verdict([e for group in complete.values() for e in group], [])
    short = [f"il faut au moins {french.count(min, 'réunion complète')}{of_kind}"
             + (f" {_DISTINCT.get(distinct, '')}" if distinct else "")
             + f" ; {len(complete)} aujourd'hui"
             + (f" ({', '.join(sorted(complete))})" if distinct and complete else "")]
    if distinct == "phase":
        short.append("indiquez la phase de chaque réunion (phase = \"cadrage\" | \"conduite\" | "
                     "\"conclusion\" dans l'en-tête)"
                     if any(m.phase is None for m in candidates) else
                     "animez et tracez une réunion d'une autre phase du projet")
    return verdict(evidence, [*short, *capped(missing, "autre manque")], found=True)


_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_NOTHING = re.compile(r"^(?:aucun|aucune|neant|ras|rien|sans objet|-)\b")


_LABELS = frozenset(stems("point points bloquant bloquants blocage question questions ouverte "
                          "ouvertes suspens alerte attente"))


def _significant(text: str) -> frozenset[str]:
    """The words that say what a point is about (not that it is a blocking point)."""
    return frozenset(w for w in stems(text) if len(w) >= 4 and not w.isdigit()
                     and w not in _LABELS)


def _followed(item: frozenset[str], later: Sequence[frozenset[str]]) -> bool:
    """An open point is followed when a later passage (a decision, an action, a later
    meeting's text, the action plan) shares half of its significant words, two at least."""
    need = max(2, (len(item) + 1) // 2)
    return any(len(item & other) >= need for other in later)


@probe("open_points", "les points bloquants relevés dans les comptes rendus suivis d'une "
       "action ou d'une décision (le jour même ou plus tard)")
def open_points(facts: Facts) -> Finding:
    """Each blocking point of the minutes (in a « Points en suspens », « Questions
    ouvertes » or « Points bloquants » section, said blocking by its heading or its text)
    must be followed: an action or a decision of the same minutes, a later meeting, or
    the action plan (actions.toml) that takes it up. An open question may stay open."""
    meetings = facts.meetings
    words: list[list[frozenset[str]]] = []
    for meeting in meetings:
        text = facts.text.meeting(meeting)
        words.append([_significant(p.text) for p in text.passages
                      if heading_kind(p.heading) != "suspens"]
                     + [_significant(d) for d in meeting.decisions]
                     + [_significant(a.text) for a in meeting.actions])
    plan = [_significant(f"{a.what} {a.comment}") for a in facts.project.actions]
    blocking = concept("@bloquant")
    evidence: list[Evidence] = []
    left: list[str] = []
    total = 0
    for number, meeting in enumerate(meetings):
        for section in meeting.sections:
            if heading_kind(section.title) != "suspens":
                continue
            for item, line in list_items(section) or [
                    (t, section.line + 1 + i) for i, t in enumerate(section.body.split("\n"))
                    if t.strip() and not t.lstrip().startswith("<!--")]:
                if _NOTHING.match(normal_line(item)) or len(_significant(item)) < 2:
                    continue
                if not (blocking.matches(stems(section.title)) or blocking.matches(stems(item))):
                    continue  # an open question may stay open; a blocking point may not
                total += 1
                later = [w for ws in words[number:] for w in ws] + plan
                if _followed(_significant(item), later):
                    evidence.append(Evidence(meeting.path, line, note="point suivi",
                                             heading=section.title, excerpt=item[:160]))
                else:
                    left.append(f"le point bloquant « {item[:100]} » ({meeting.path} ligne "
                                f"{line}) n'est repris par aucune action, décision ni réunion "
                                "suivante : traitez-le ou dites qu'il est levé")
    if not total:
        return Finding(Status.COVERED, (Evidence(meetings[0].path, note="aucun point "
                                                 "bloquant laissé sans suite"),)
                       if meetings else ())
    missing = capped(left, "autre point")
    if left:
        missing.insert(0, f"{french.count(len(left), 'point bloquant')} sur {total} sans suite")
    return verdict(evidence, missing, found=True)


def _variance_sections(facts: Facts, meeting: Meeting, spec: str) -> list[Section]:
    """The sections of the minutes that analyse variances: titled so (« Écarts »), or
    whose text does, under the author's own heading (« Faits marquants », « Tableau de
    bord »): the concept in a line of the body, not in a heading."""
    found = [s for alternative in spec.split("|")
             if (s := find_section(meeting.sections, alternative))]
    wanted = concept("@ecarts")
    slugs = {p.slug for p in facts.text.meeting_content(meeting).passages
             if not p.is_heading and wanted.matches(p.words)}
    return found + [s for s in meeting.sections if s.slug in slugs and s not in found]


@probe("variances", "des écarts analysés dans les comptes rendus de pilotage : une section "
       "Écarts (ou Avancement) qui nomme les tâches, risques ou indicateurs concernés")
def variances(facts: Facts, min: int = 1,
              kinds: Sequence[str] = ("copil", "codir", "revue", "point-projet"),
              section: str = "ecarts|avancement") -> Finding:
    steering = [m for m in facts.meetings if m.kind in kinds]
    if not steering:
        return verdict((), [f"ajoutez le compte rendu d'une réunion de pilotage "
                            f"({' / '.join(kinds)}) avec une section « Écarts » analysant les "
                            "dérives (tâches, risques, indicateurs)"])
    known = set(facts.tasks) | {r.id for r in facts.project.risks} | set(facts.indicator_ids)
    evidence: list[Evidence] = []
    weak: list[Evidence] = []
    missing: list[str] = []
    for meeting in steering:
        found = _variance_sections(facts, meeting, section)
        if not found:
            missing.append(looked_for("@ecarts", meeting.path).replace(
                "ajoutez un passage qui en traite", "ajoutez un passage qui analyse les "
                "écarts (écart constaté, cause, proposition d'adaptation)"))
            continue
        named = sorted({t for s in found for t in _TOKEN.findall(s.body) if t in known})
        if not named:  # no id: a name (« l'interface SAP »)
            named = sorted({i for s in found for i in facts.names_in(s.body)})
        if named:
            evidence.append(Evidence(meeting.path, anchor=found[0].slug,
                                     note="écarts sur " + ", ".join(named[:6])))
        else:
            weak.append(section_evidence(meeting.path, found[0]))
            missing.append(f"la section « {found[0].title} » de {meeting.path} ne nomme aucune "
                           "tâche, aucun risque ni indicateur : citez-les par leur identifiant "
                           "(ex. « cdc », « R2 », « K1 ») avec l'écart et sa cause")
    if len(evidence) >= min:
        return verdict(evidence, [])
    return verdict([*evidence, *weak], [
        f"il faut au moins {french.count(min, 'compte rendu')} de pilotage analysant des écarts "
        "nommés ; "
        f"{len(evidence)} aujourd'hui", *capped(missing, "autre compte rendu")],
        found=True)
