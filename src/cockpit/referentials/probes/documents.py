"""Probes on prose documents (docs/, rex/) and decision matrices (decisions/)."""

from __future__ import annotations

from collections.abc import Sequence

from cockpit.model import Document
from cockpit.referentials.gaps import Evidence
from cockpit.referentials.probes.base import (
    Facts,
    Finding,
    check_sections,
    find_concept,
    looked_for,
    probe,
    verdict,
)


def _assess(facts: Facts, document: Document, concepts: Sequence[str]
            ) -> tuple[list[Evidence], list[str]]:
    """The evidence a document gives for each concept, and the concepts it lacks."""
    text = facts.text.document(document)
    evidence, missing = check_sections(text, concepts)
    if not concepts and not text.empty:
        evidence.insert(0, Evidence(document.path, note=document.title))
    elif not concepts:
        missing.append(f"{document.path} n'a que des titres, des commentaires d'aide ou le "
                       "texte du modèle : rédigez-le")
    return evidence, missing


def _elsewhere(facts: Facts, concepts: Sequence[str]) -> tuple[list[Evidence], list[str]]:
    """Each concept searched in every document, the minutes and the registers' text."""
    texts = [*facts.texts_of(facts.documents),
             *(facts.text.meeting(m) for m in facts.meetings), *facts.text.registers]
    evidence: list[Evidence] = []
    missing: list[str] = []
    for spec in concepts:
        found = find_concept(texts, spec)
        if found is None:
            missing.append(looked_for(spec, "le dossier (docs/, rex/, meetings/, "
                                      "registres)"))
        else:
            evidence.append(found)
    return evidence, missing


def document_finding(facts: Facts, kinds: Sequence[str], sections: Sequence[str] = (),
                     mentions: Sequence[str] = (), label: str = "", min: int = 1,
                     central: bool = False) -> Finding:
    """The documents of these kinds (by kind or title), judged on the concepts they treat,
    in their headings or their text. Without such a document, the concepts are looked
    for in the whole folder, unless the document is the central evidence (`central`: a
    bilan), whose absence leaves the criterion missing."""
    concepts = [*sections, *mentions]
    documents = [d for d in facts.documents_of(kinds)
                 if not facts.text.document(d).empty]
    what = label or (f"un document « {kinds[0]} »" if kinds else "un document")
    if not documents:
        folder = "rex" if kinds and kinds[0] in ("bilan", "rex") else "docs"
        asked = (f"ajoutez {what} : {folder}/{kinds[0]}.md avec kind = \"{kinds[0]}\" dans "
                 "son en-tête" if kinds else f"ajoutez {what} dans docs/")
        if central or not concepts:
            return verdict((), [asked])
        evidence, missing = _elsewhere(facts, concepts)
        return verdict(evidence, missing)
    assessed = sorted(((_assess(facts, d, concepts), d) for d in documents),
                      key=lambda pair: (len(pair[0][1]), -len(pair[0][0]), pair[1].path))
    complete = [pair for pair in assessed if not pair[0][1]]
    if len(complete) >= min:
        return verdict([e for (ev, _), _ in complete[:max(min, 1)] for e in ev], [])
    evidence = [e for (ev, _), _ in assessed for e in ev]
    missing = [m for (_, gaps), _ in assessed[:max(min, 1)] for m in gaps]
    if len(documents) < min:
        missing.append(f"il faut au moins {min} documents de ce type ({len(documents)} trouvé(s))")
    return verdict(evidence, missing, found=True)


@probe("document", "un document d'un type donné (docs/ ou rex/, clé kind) avec les sections "
       "attendues")
def document(facts: Facts, kinds: Sequence[str], sections: Sequence[str] = (),
             mentions: Sequence[str] = (), label: str = "", min: int = 1,
             central: bool = False) -> Finding:
    return document_finding(facts, kinds, sections, mentions, label, min, central)


@probe("bilan", "un bilan (rex/, kind bilan) qui compare coûts, délais et ressources réels aux "
       "estimations initiales, appuyé sur costs.csv et le budget")
def bilan(facts: Facts, kinds: Sequence[str] = ("bilan",),
          sections: Sequence[str] = ("@couts", "@delais", "@ressources"),
          mentions: Sequence[str] = ()) -> Finding:
    found = document_finding(facts, kinds, sections, mentions, "un bilan du projet",
                             central=True)
    if not found.evidence:
        return found  # no bilan: the costs journal alone is no assessment
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
