"""Probes on prose documents (docs/, rex/) and decision matrices (decisions/)."""

from __future__ import annotations

from collections.abc import Sequence

from cockpit.folder.fields import fold
from cockpit.model import Document
from cockpit.referentials.gaps import Evidence
from cockpit.referentials.probes.base import (
    Facts,
    Finding,
    check_sections,
    find_section,
    label_of,
    probe,
    verdict,
)


def _mentions(document: Document, spec: str) -> bool:
    body = fold(document.body + "\n" + document.title)
    return any(fold(alt.strip()) in body for alt in spec.split("|") if alt.strip())


def _assess(document: Document, sections: Sequence[str], mentions: Sequence[str]
            ) -> tuple[list[Evidence], list[str]]:
    """The evidence a document gives and what it lacks."""
    evidence, missing = check_sections(document.path, document.sections, sections)
    for spec in mentions:
        if not _mentions(document, spec):
            missing.append(f"{document.path} ne traite pas de « {label_of(spec)} » : "
                           "ajoutez-y un paragraphe qui le nomme")
    if not sections:
        evidence.insert(0, Evidence(document.path, note=document.title))
    return evidence, missing


def _relevant(document: Document, sections: Sequence[str], mentions: Sequence[str]) -> bool:
    """Without a kind, a document counts when it has one of the sections or mentions."""
    return any(find_section(document.sections, spec) for spec in sections) or any(
        _mentions(document, spec) for spec in mentions)


def document_finding(facts: Facts, kinds: Sequence[str], sections: Sequence[str] = (),
                     mentions: Sequence[str] = (), label: str = "", min: int = 1) -> Finding:
    """The best documents of these kinds (any kind when empty), judged on their sections
    and mentions."""
    documents = facts.documents_of(kinds)
    if not kinds:
        documents = [d for d in documents if _relevant(d, sections, mentions)]
    what = label or (f"un document « {kinds[0]} »" if kinds else "un document")
    if not documents:
        expected = ", ".join(f"« {label_of(s)} »" for s in sections)
        topics = ", ".join(f"« {label_of(m)} »" for m in mentions)
        detail = (f" avec les sections {expected}" if expected else "") + (
            f" qui traite de {topics}" if topics else "")
        if not kinds:
            return verdict((), [f"ajoutez {what} dans docs/ : un document{detail}"])
        folder = "rex" if kinds[0] in ("bilan", "rex") else "docs"
        return verdict((), [f"ajoutez {what} : {folder}/{kinds[0]}.md avec kind = "
                            f"\"{kinds[0]}\" dans son en-tête{detail}"])
    assessed = sorted(((_assess(d, sections, mentions), d) for d in documents),
                      key=lambda pair: (len(pair[0][1]), -len(pair[0][0]), pair[1].path))
    complete = [pair for pair in assessed if not pair[0][1]]
    if len(complete) >= min:
        return verdict([e for (ev, _), _ in complete for e in ev], [])
    evidence = [e for (ev, _), _ in assessed for e in ev]
    missing = [m for (_, gaps), _ in assessed[:max(min, 1)] for m in gaps]
    if len(documents) < min:
        missing.append(f"il faut au moins {min} documents de ce type ({len(documents)} trouvé(s))")
    return verdict(evidence, missing, found=True)


@probe("document", "un document d'un type donné (docs/ ou rex/, clé kind) avec les sections "
       "attendues")
def document(facts: Facts, kinds: Sequence[str], sections: Sequence[str] = (),
             mentions: Sequence[str] = (), label: str = "", min: int = 1) -> Finding:
    return document_finding(facts, kinds, sections, mentions, label, min)


@probe("bilan", "un bilan (rex/, kind bilan) qui compare coûts, délais et ressources réels aux "
       "estimations initiales, appuyé sur costs.csv et le budget")
def bilan(facts: Facts, kinds: Sequence[str] = ("bilan",),
          sections: Sequence[str] = ("coûts|coût|budget|économi", "délais|délai|planning",
                                     "ressources|ressource|charge"),
          mentions: Sequence[str] = ()) -> Finding:
    found = document_finding(facts, kinds, sections, mentions, "un bilan du projet")
    evidence = list(found.evidence)
    missing = list(found.missing)
    project = facts.project
    if project.costs:
        evidence.append(Evidence("costs.csv", project.costs[0].source.line or 2,
                                 note=f"{len(project.costs)} coûts réels"))
    else:
        missing.append("costs.csv est vide : saisissez les coûts réels "
                       "(date,task,category,amount,reference,comment) pour comparer au budget")
    if project.budget.envelope is not None or project.budget_lines:
        line = project.budget.source.line if project.budget.envelope is not None \
            else project.budget_lines[0].source.line
        evidence.append(Evidence("budget.toml", line, note="estimation initiale"))
    else:
        missing.append("budget.toml ne donne ni enveloppe ni lignes : l'estimation initiale "
                       "manque pour comparer les coûts réels")
    return verdict(evidence, missing, found=bool(found.evidence))


_FIELD_DECISION = {
    "justification": "la justification du choix (justification)",
    "validated_by": "qui a validé le choix (validated_by)",
    "decided": "l'option retenue (decided)",
}


@probe("decision_matrix", "une matrice de décision (decisions/*.toml) : critères pondérés, "
       "options toutes notées, option retenue, justifiée et validée")
def decision_matrix(facts: Facts, min: int = 1, min_options: int = 2, min_criteria: int = 2,
                    costs: bool = False,
                    fields: Sequence[str] = ("decided", "justification", "validated_by")
                    ) -> Finding:
    decisions = facts.project.decisions
    if not decisions:
        return verdict((), [
            "ajoutez une matrice de décision decisions/<choix>.toml : critères pondérés "
            "([[criterion]] avec weight), au moins deux options notées ([[option]] avec scores), "
            "decided, justification et validated_by"])
    complete: list[Evidence] = []
    evidence: list[Evidence] = []
    missing: list[str] = []
    for decision in decisions:
        gaps: list[str] = []
        where = f"{decision.path}"
        if len(decision.criteria) < min_criteria:
            gaps.append(f"ajoutez des critères pondérés à {where} "
                        f"({len(decision.criteria)} sur {min_criteria} au moins)")
        if len(decision.options) < min_options:
            gaps.append(f"comparez au moins {min_options} options dans {where} "
                        f"({len(decision.options)} trouvée(s))")
        criteria = {c.id for c in decision.criteria}
        for option in decision.options:
            unscored = sorted(criteria - {key for key, _ in option.scores})
            if unscored:
                gaps.append(f"notez l'option « {option.id} » de {where} sur : "
                            + ", ".join(unscored))
            if costs and option.cost is None:
                gaps.append(f"chiffrez l'option « {option.id} » de {where} (cost = montant du devis)")
        for key in fields:
            if not getattr(decision, key, ""):
                gaps.append(f"ajoutez {_FIELD_DECISION.get(key, key)} à {where}")
        if decision.decided and decision.options and decision.decided not in {
                o.id for o in decision.options}:
            gaps.append(f"l'option retenue « {decision.decided} » de {where} n'est pas une "
                        "des options")
        item = Evidence(decision.path, decision.source.line, note=decision.title)
        evidence.append(item)
        if gaps:
            missing.extend(gaps)
        else:
            complete.append(item)
    if len(complete) >= min:
        return verdict(complete, [])
    return verdict(evidence, missing, found=True)
