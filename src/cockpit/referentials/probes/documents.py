"""Probes on prose documents (docs/, rex/) and decision matrices (decisions/)."""

from __future__ import annotations

from collections.abc import Sequence

from cockpit import french
from cockpit.folder.fields import fold
from cockpit.model import Document
from cockpit.referentials.concepts import concept
from cockpit.referentials.gaps import Evidence, Status
from cockpit.referentials.passages import Passage, Text
from cockpit.referentials.probes.base import (
    Facts,
    Finding,
    check_sections,
    find_concept,
    folder_text,
    looked_for,
    passage_evidence,
    probe,
    verdict,
)
from cockpit.referentials.tables import tables, undone
from cockpit.referentials.words import contains, stems


def _assess(facts: Facts, document: Document, concepts: Sequence[str]
            ) -> tuple[list[Evidence], list[str]]:
    """The evidence a document gives for each concept, and the concepts it lacks."""
    text = facts.text.document(document)
    evidence, missing = check_sections(text, concepts)
    if not concepts and not text.empty:
        evidence.insert(0, Evidence(document.path, note=document.title))
    elif not concepts:
        missing.append(f"{document.path} n'a que des titres, des commentaires d'aide ou le "
                       "texte du modèle : écrivez-en le contenu")
    return evidence, missing


def _search(facts: Facts, documents: Sequence[Document], concepts: Sequence[str],
            strict: bool, registers: Sequence[str] = ()) -> tuple[list[Evidence], list[str]]:
    """Each concept in these documents (and these registers) first, then (unless
    `strict`) anywhere in the folder: the author chooses where to write it."""
    primary = [*facts.texts_of(documents),
               *(t for t in facts.text.registers if t.path.startswith(tuple(registers)))]
    evidence: list[Evidence] = []
    missing: list[str] = []
    for spec in concepts:
        found = find_concept(primary, spec)
        if found is None and not strict:
            found = find_concept([folder_text(facts)], spec)
        if found is not None:
            evidence.append(found)
            continue
        named = ", ".join([d.path for d in documents[:3]] + list(registers))
        if strict:
            where = named or "le dossier"
        elif named:
            where = f"{named} ni ailleurs dans le dossier"
        else:
            where = "le dossier (docs/, rex/, meetings/)"
        missing.append(looked_for(spec, where))
    return evidence, missing


def _substitute(facts: Facts, concepts: Sequence[str]) -> tuple[list[Evidence], list[str]]:
    """Without a document of the expected kind, the one document (or minutes) of the
    folder that treats the most of the concepts stands for it: the author named it
    otherwise, but one document must treat them together, not words scattered in ten."""
    best: tuple[list[Evidence], list[str]] | None = None
    for text in [*facts.texts_of(facts.documents),
                 *(facts.text.meeting_content(m) for m in facts.meetings)]:
        evidence, missing = check_sections(text, concepts)
        if best is None or len(evidence) > len(best[0]):
            best = (evidence, missing)
            if not missing:
                break
    if best is None or not best[0]:
        return [], [looked_for(spec, "le dossier (docs/, rex/, meetings/)") for spec in concepts]
    evidence, missing = best
    where = evidence[0].file
    return evidence, [m.replace(f"introuvable dans {where}",
                                f"introuvable dans {where}, le document qui traite le plus du "
                                "sujet") for m in missing]


def _undone_rows(facts: Facts, paths: set[str]) -> list[str]:
    """The rows of these documents' tables whose status column (« Statut », « État »,
    « Transmis »…) says the thing is not done (« non », « ✘ », « à faire », « — »…):
    one message per table, with the count."""
    status = concept("@statut")
    missing: list[str] = []
    for document in facts.documents:
        if document.path not in paths:
            continue
        for table in tables(facts.text.document(document)):
            column = table.column(status)
            if not column:  # none, or the first column: the item's name, not its status
                continue
            left = [values for _, values in table.rows if undone(values[column])]
            if left:
                missing.append(
                    f"{french.count(len(left), 'ligne')} sur {len(table.rows)} du tableau "
                    f"« {table.title[:80]} » ({document.path} ligne {table.header.line}) "
                    f"ne sont pas faites (colonne « {table.columns[column]} ») : "
                    + ", ".join(f"« {v[0][:50]} » ({v[column] or 'vide'})" for v in left[:5])
                    + (" …" if len(left) > 5 else ""))
    return missing


def document_finding(facts: Facts, kinds: Sequence[str], sections: Sequence[str] = (),
                     mentions: Sequence[str] = (), label: str = "", min: int = 1,
                     central: bool = False, strict: bool = False,
                     registers: Sequence[str] = (), each: bool = False) -> Finding:
    """The concepts of a criterion, looked for in the documents of these kinds (by kind
    or title, lexicon/kinds.toml), then anywhere in the folder. `central`: the document
    itself is the evidence (a bilan, a standard): without it the criterion is missing.
    `strict`: the criterion names where it must be written (« dans l'analyse du
    procédé »): the concepts count only there, and in the `registers` named (files such
    as "communication.toml", or "decisions/"). `min` > 1: that many documents of the
    kind, each treating every concept. `each`: the criterion asks it done for each item
    (« les besoins sont systématiquement remontés »): a table of these documents whose
    status column says an item is not done is a gap, counted."""
    concepts = [*sections, *mentions]
    documents = [d for d in facts.documents_of(kinds)
                 if not facts.text.document(d).empty]
    what = label or (f"un document « {kinds[0]} »" if kinds else "un document")
    if not documents and kinds and (central or (strict and not registers) or not concepts):
        folder = "rex" if kinds[0] in ("bilan", "rex") else "docs"
        unwritten = [d.path for d in facts.documents_of(kinds)]
        asked = (f"rédigez {unwritten[0]} ({what}) : il ne contient que les titres et l'aide "
                 "du modèle" if unwritten else
                 f"ajoutez {what} : {folder}/{kinds[0]}.md avec kind = \"{kinds[0]}\" dans "
                 "son en-tête")
        return Finding(Status.MISSING, (), (asked,), central_absent=central)
    if min <= 1:
        if not concepts:
            return verdict([Evidence(d.path, note=d.title) for d in documents[:1]],
                           [] if documents else [f"ajoutez {what} dans docs/"])
        if kinds and not documents and not registers and len(concepts) > 1:
            evidence, missing = _substitute(facts, concepts)
        else:
            evidence, missing = _search(facts, documents, concepts, strict, registers)
        if each:
            missing += _undone_rows(facts, {d.path for d in documents}
                                    | {e.file for e in evidence})
        return verdict(evidence, missing, found=bool(documents))
    assessed = sorted(((_assess(facts, d, concepts), d) for d in documents),
                      key=lambda pair: (len(pair[0][1]), -len(pair[0][0]), pair[1].path))
    complete = [pair for pair in assessed if not pair[0][1]]
    if len(complete) >= min:
        return verdict([e for (ev, _), _ in complete[:min] for e in ev], [])
    evidence = [e for (ev, _), _ in assessed for e in ev]
    missing = [m for (_, gaps), _ in assessed[:min] for m in gaps]
    missing.append(f"il faut au moins {french.count(min, 'document')} de ce type, chacun "
                   f"complet : {len(complete)} sur {french.count(len(documents), 'trouvé')}")
    return verdict(evidence, missing, found=bool(evidence))


@probe("document", "un document d'un type donné (docs/ ou rex/, clé kind) avec les sections "
       "attendues")
def document(facts: Facts, kinds: Sequence[str], sections: Sequence[str] = (),
             mentions: Sequence[str] = (), label: str = "", min: int = 1,
             central: bool = False, strict: bool = False, registers: Sequence[str] = (),
             each: bool = False) -> Finding:
    return document_finding(facts, kinds, sections, mentions, label, min, central, strict,
                            registers, each)


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
    uncosted: list[str] = []
    lacking: list[str] = []
    for decision in decisions:
        gaps: list[str] = []
        where = f"{decision.path}"
        if len(decision.criteria) < min_criteria:
            gaps.append(f"ajoutez des critères pondérés à {where} "
                        f"({len(decision.criteria)} sur {min_criteria} au moins)")
        if len(decision.options) < min_options:
            gaps.append(f"comparez au moins {min_options} options dans {where} "
                        f"({french.count(len(decision.options), 'trouvée')})")
        criteria = {c.id for c in decision.criteria}
        for option in decision.options:
            unscored = sorted(criteria - {key for key, _ in option.scores})
            if unscored:
                gaps.append(f"notez l'option « {option.id} » de {where} sur : "
                            + ", ".join(unscored))
        unpriced = [f"chiffrez l'option « {o.id} » de {where} (cost = montant du devis)"
                    for o in decision.options if costs and o.cost is None]
        gaps.extend(unpriced)
        if unpriced:
            lacking.append(decision.path)
            if len(unpriced) < len(decision.options):
                # some options of this choice are costed, not all: a gap in this matrix
                # whatever the other matrices are
                uncosted.extend(unpriced)
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
    if uncosted:
        # `costs`: the criterion asks the budget of *each* solution; a matrix that costs
        # some of its options and not the others is a gap, even when another matrix is
        # complete (a matrix with no cost at all may choose something else than solutions).
        found = verdict(evidence, missing if len(complete) < min else uncosted, found=True)
    elif len(complete) >= min:
        return verdict(complete, [])
    else:
        found = verdict(evidence, missing, found=True)
    return Finding(found.status, found.evidence, found.missing, lacking=tuple(lacking))


_TEAM_WORDS = ("equipe", "groupe")
_TEAM_COLUMNS = ("equipe", "equipes", "groupe", "groupes", "cellule", "cellules", "chantier",
                 "chantiers")
"""A team table's first column title starts with one of these (« Équipe », « Groupe de
travail »), not merely names a team (« Membre de l'équipe » lists people)."""


def _first_word(text: str) -> list[str]:
    """The first word of a title, its numbering aside, and the rest."""
    return fold(text).lstrip("0123456789.) ").split(" ", 1)


def _team_key(name: str) -> tuple[str, ...]:
    """How a team is named in the text: its first two stems (« Groupe SMED grosses presses »
    is « groupe SMED », « Comité Lean » is itself)."""
    return stems(name)[:2]


def _teams(text: Text) -> tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], Evidence]]:
    """The teams a document sets up, by key, and those whose objective its team table
    gives: the rows of a table whose first column is the team (« Équipe », « Groupe »),
    those with members where the table has a « Membres » column, and the headings that
    name one (« Groupe SMED grosses presses »)."""
    goal = concept("@objectif")
    names: dict[tuple[str, ...], str] = {}
    set_goals: dict[tuple[str, ...], Evidence] = {}
    for table in tables(text):
        if _first_word(table.columns[0])[0] not in _TEAM_COLUMNS:
            continue
        column = table.column(goal)
        members = table.column(concept("membres|composition|équipiers|participants"))
        for row, values in table.rows:
            key = _team_key(values[0])
            if not key or (members is not None and not values[members].strip("-—–? ")):
                continue  # a row without members (« Appui | — ») is no team
            names.setdefault(key, values[0])
            if column is not None and values[column].strip("-—–? "):
                set_goals.setdefault(key, passage_evidence(
                    text, row, f"objectif de l'équipe {values[0]} : {values[column]}"))
    for passage in text.passages:
        first = _first_word(passage.text)
        if passage.is_heading and first[0] in _TEAM_WORDS and len(first) > 1:
            names.setdefault(_team_key(passage.text), passage.text)
    return names, set_goals


def _stated_goal(texts: list[Text], key: tuple[str, ...]) -> tuple[Text, Passage] | None:
    """A passage that names the team and its objective (« objectif » itself: a chart's
    « cible » is no team's objective), or sits under a heading about objectives
    (« Objectifs de chaque groupe » then « Groupe SMED — d'ici … »)."""
    goal = concept("@objectif")
    named = concept("objectif")
    for text in texts:
        for passage in text.passages:
            if (not passage.is_heading and not passage.table_header
                    and contains(passage.words, key)
                    and (named.matches(passage.words) or goal.matches(stems(passage.heading)))):
                return text, passage
    return None


@probe("team_objectives", "des objectifs propres à chaque équipe (un tableau des équipes avec "
       "leur objectif, ou un passage par équipe sous un titre d'objectifs), comptés")
def team_objectives(facts: Facts) -> Finding:
    """« Les objectifs sont formulés pour chacune des équipes »: each team the documents
    set up has its own objective; the project's global objectives are not the teams'."""
    texts = facts.texts_of(facts.documents)
    names: dict[tuple[str, ...], str] = {}
    evidence: dict[tuple[str, ...], Evidence] = {}
    for text in texts:
        found, goals = _teams(text)
        for key, name in found.items():
            names.setdefault(key, name)
        for key, item in goals.items():
            evidence.setdefault(key, item)
    if not names:
        return verdict((), ["aucune équipe identifiée dans les documents : décrivez les équipes "
                            "(un tableau dont la première colonne est « Équipe », ou un titre "
                            "par équipe) et l'objectif de chacune"])
    for key, name in names.items():
        if key not in evidence and (stated := _stated_goal(texts, key)) is not None:
            evidence[key] = passage_evidence(*stated, note=f"objectif de l'équipe {name}")
    lacking = [name for key, name in names.items() if key not in evidence]
    missing = [] if not lacking else [
        f"{french.count(len(lacking), 'équipe')} sur {len(names)} sans objectif propre : "
        + ", ".join(f"« {n} »" for n in lacking[:6]) + (" …" if len(lacking) > 6 else "")
        + " : formulez l'objectif de chacune (une colonne « Objectif » au tableau des équipes, "
        "ou un passage par équipe sous un titre « Objectifs »)"]
    return verdict(list(evidence.values()), missing, found=True)
