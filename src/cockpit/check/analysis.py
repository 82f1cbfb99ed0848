"""The gap analysis: every criterion of the project's référentiel, judged from the files.

For each criterion:
- its probes (declared in the référentiel data) run on the indexed project; the
  criterion is covered when every probe is, missing when none found anything;
- a judgement-only criterion is `to_justify` until evidence.toml points to existing
  evidence and explains it (a claim on the criterion or on its capacity);
- any criterion may be covered by the candidate's own mapping: a claim on the
  criterion itself with existing evidence and a justification (the evidence note says so),
  unless it cites a file the probes found lacking what the criterion asks (`lacking`).

Capacity statuses combine their criteria (FORMAT.md); a capacity whose phase is later
than the project's is still reported, flagged `phase_not_reached`.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import PurePosixPath

from cockpit.diagnostics.diagnostic import Diagnostic, Severity
from cockpit.diagnostics.registry import define
from cockpit.folder.paths import inside, resolve
from cockpit.model import EvidenceClaim, Phase, Project
from cockpit.model.immutable import immutable
from cockpit.referentials import (
    Capacity,
    Criterion,
    Referential,
    UnknownReferential,
    known_referential_ids,
    load_referential,
)
from cockpit.referentials.gaps import (
    CapacityResult,
    CriterionResult,
    Evidence,
    GapReport,
    Status,
    combine,
)
from cockpit.referentials.probes import Facts, Finding, run_probe
from cockpit.referentials.probes.base import pointed
from cockpit.referentials.templates import strip_template
from cockpit.state import ProjectState

UNKNOWN_REFERENTIAL = define(
    "G001", Severity.ERROR, "Référentiel inconnu",
    "La clé referential de cockpit.toml doit nommer un des référentiels livrés avec cockpit "
    "(« cockpit referentials » les liste) : sans lui, aucun critère ne peut être vérifié.",
    '[project]\nreferential = "cqpm-charge-projet"   # "cqpm-charge-projets-industriels"',
    "Corrigez l'identifiant du référentiel (« cockpit referentials » les liste).",
)
CLAIM_UNKNOWN_REFERENTIAL = define(
    "G002", Severity.WARNING, "Référentiel inconnu dans evidence.toml",
    "Les tables d'evidence.toml sont nommées par l'identifiant d'un référentiel livré : une "
    "table d'un autre nom n'est jamais lue.",
    '["cqpm-charge-projet".C4]   # ["cqpm-charge-projets-industriels".C4]',
    "Corrigez l'identifiant du référentiel de la table.",
)
CLAIM_UNKNOWN_TARGET = define(
    "G003", Severity.WARNING, "Capacité ou critère inconnu dans evidence.toml",
    "Une preuve d'evidence.toml vise une capacité (C4) ou un critère (C4.2) du référentiel, "
    "tels que « cockpit referentials show ID » les affiche : une autre clé n'est jamais lue.",
    '["cqpm-charge-projets-industriels".C4.9]   # C4 n\'a que 4 critères',
    "Corrigez l'identifiant (« cockpit referentials show ID » les affiche).",
)
CLAIM_UNJUSTIFIED = define(
    "G004", Severity.WARNING, "Preuve sans justification dans evidence.toml",
    "Une preuve ne couvre un critère que si le candidat explique en quoi elle le démontre : "
    "sans justification, le critère reste « à justifier » ou non couvert.",
    '["cqpm-charge-projets-industriels".C4]\nevidence = ["meetings/2026-03-12-copil-2.md"]\n'
    "# justification = \"…\" manque",
    "Ajoutez justification = \"…\" : ce que la preuve montre, en une ou deux phrases.",
)
CLAIM_NO_EVIDENCE = define(
    "G005", Severity.WARNING, "Justification sans preuve dans evidence.toml",
    "Une justification doit pointer des preuves du dossier (fichiers, fichier#ancre) : sans "
    "preuve existante, elle ne couvre rien.",
    '["cqpm-charge-projets-industriels".C4]\njustification = "…"\n# evidence = [...] manque',
    "Ajoutez evidence = [\"meetings/….md\", \"docs/….md#ancre\"].",
)


@immutable
class Claim:
    """A claim of evidence.toml with what of it exists."""

    claim: EvidenceClaim
    evidence: tuple[Evidence, ...]
    broken: tuple[str, ...]

    @property
    def valid(self) -> bool:
        return bool(self.evidence) and bool(self.claim.justification.strip())

    @property
    def line(self) -> int:
        return self.claim.source.line


def _claim(project: Project, claim: EvidenceClaim) -> Claim:
    found: list[Evidence] = []
    broken: list[str] = []
    for reference in claim.evidence:
        path, _, anchor = reference.partition("#")
        if not inside(path) or resolve(project, reference) is not None:
            broken.append(reference)
            continue
        found.append(Evidence(str(PurePosixPath(path.replace("\\", "/"))), anchor=anchor,
                              note=f"preuve citée par le candidat (evidence.toml ligne "
                              f"{claim.source.line})"))
    return Claim(claim, tuple(found), tuple(broken))


def _did_you_mean(word: str, choices: list[str]) -> str:
    """A truncated id first (`cqpm-charge-projet`), then the closest spelling."""
    close = [c for c in choices if len(word) >= 4 and c.startswith(word)] or \
        difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" ; vouliez-vous dire « {close[0]} » ?" if close else ""


def _claims(project: Project, referential: Referential | None
            ) -> tuple[dict[str, Claim], list[Diagnostic]]:
    """The claims about this référentiel by target id, and the G diagnostics of evidence.toml."""
    diagnostics: list[Diagnostic] = []
    known = list(known_referential_ids())
    targets: set[str] = set()
    if referential is not None:
        targets = {c.id for c in referential.capacities} | {k.id for k in referential.all_criteria}
    claims: dict[str, Claim] = {}
    for claim in project.evidence:
        file, line = claim.source.file or "evidence.toml", claim.source.line
        if claim.referential not in known:
            diagnostics.append(CLAIM_UNKNOWN_REFERENTIAL.at(
                file, line, f"référentiel « {claim.referential} » inconnu"
                + _did_you_mean(claim.referential, known)))
            continue
        if referential is None or claim.referential != referential.id:
            continue
        if claim.target not in targets:
            diagnostics.append(CLAIM_UNKNOWN_TARGET.at(
                file, line, f"{referential.id} n'a ni capacité ni critère « {claim.target} »"
                + _did_you_mean(claim.target, sorted(targets))))
            continue
        if not claim.justification.strip():
            diagnostics.append(CLAIM_UNJUSTIFIED.at(
                file, line, f"preuve {claim.target} sans justification"))
        if not claim.evidence:
            diagnostics.append(CLAIM_NO_EVIDENCE.at(
                file, claim.source.line_of("justification"),
                f"justification {claim.target} sans preuve"))
        claims[claim.target] = _claim(project, claim)
    return claims, diagnostics


def _claim_gaps(claim: Claim | None, referential_id: str, target: str) -> list[str]:
    """What the candidate still has to write in evidence.toml."""
    if claim is None:
        return [f"pointez la preuve et justifiez-la dans evidence.toml : "
                f"[\"{referential_id}\".{target}] evidence = [\"fichier#ancre\"], "
                "justification = \"…\""]
    gaps = [f"la preuve « {b} » (evidence.toml ligne {claim.line}) n'existe pas : corrigez le "
            "chemin ou l'ancre" for b in claim.broken]
    if not claim.evidence and not claim.broken:
        gaps.append(f"ajoutez evidence = [\"fichier#ancre\"] à {target} (evidence.toml ligne "
                    f"{claim.line})")
    if not claim.claim.justification.strip():
        gaps.append(f"ajoutez une justification à {target} (evidence.toml ligne {claim.line})")
    return gaps


def _contradicted(claim: Claim | None, finding: Finding) -> list[str]:
    """A claim cannot cover a criterion with a file the probes found lacking what the
    criterion asks of each of its records (an option without a cost where each solution
    must be costed): the file the candidate cites says otherwise."""
    if claim is None or not finding.lacking:
        return []
    cited = {e.file for e in claim.evidence}
    return [f"la preuve « {path} » citée à evidence.toml ligne {claim.line} ne suffit pas : "
            "elle-même ne contient pas ce que le critère demande (voir ci-dessous)"
            for path in finding.lacking if path in cited]


def _merge(findings: list[Finding]) -> Finding:
    if not findings:
        return Finding(Status.MISSING)
    evidence = tuple(dict.fromkeys(e for f in findings for e in f.evidence))
    missing = tuple(dict.fromkeys(m for f in findings for m in f.missing))
    lacking = tuple(dict.fromkeys(x for f in findings for x in f.lacking))
    if all(f.status is Status.COVERED for f in findings):
        status = Status.COVERED
    elif any(f.central_absent for f in findings) or all(
            f.status is Status.MISSING for f in findings):
        status = Status.MISSING
    else:
        status = Status.PARTIAL
    return Finding(status, evidence, missing, any(f.central_absent for f in findings), lacking)


def criterion_result(criterion: Criterion, facts: Facts, referential_id: str,
                     own: Claim | None, capacity_claim: Claim | None) -> CriterionResult:
    def result(status: Status, evidence: tuple[Evidence, ...] = (),
               missing: tuple[str, ...] | list[str] = ()) -> CriterionResult:
        return CriterionResult(criterion.id, criterion.text, criterion.facet, status,
                               evidence, tuple(missing), criterion.judgement)

    def read(claim: Claim | None) -> tuple[Evidence, ...]:
        """The candidate's pointers, read: shown first, with what they point at."""
        return tuple(pointed(facts, e) for e in claim.evidence) if claim is not None else ()

    if criterion.judgement:
        for claim in (own, capacity_claim):
            if claim is not None and claim.valid:
                return result(Status.COVERED, read(claim))
        claim = own or capacity_claim
        target = claim.claim.target if claim is not None else criterion.id
        return result(Status.TO_JUSTIFY, read(claim),
                      _claim_gaps(claim, referential_id, target))
    finding = _merge([run_probe(p.name, facts, dict(p.params)) for p in criterion.probes])
    if finding.status is Status.COVERED:
        return result(Status.COVERED, (*read(own), *finding.evidence))
    contradicted = _contradicted(own, finding)
    if own is not None and own.valid and not contradicted:
        return result(Status.COVERED, (*read(own), *finding.evidence))
    missing = [*contradicted, *finding.missing]
    if not criterion.probes:
        missing = _claim_gaps(own, referential_id, criterion.id)
    elif own is not None:
        missing += _claim_gaps(own, referential_id, criterion.id)
    evidence = read(own) + finding.evidence
    status = finding.status
    if status is Status.MISSING and evidence and not finding.central_absent:
        status = Status.PARTIAL
    return result(status, evidence, missing)


def capacity_status(criteria: tuple[CriterionResult, ...]) -> Status:
    """FORMAT.md: covered when all are; to_justify when only judgement-only criteria are
    left unjustified; missing when none has any evidence; partial otherwise."""
    left = [c for c in criteria if c.status is not Status.COVERED]
    judgement_only_left = bool(left) and all(
        c.judgement and c.status is Status.TO_JUSTIFY for c in left)
    statuses = [Status.MISSING if c.status is Status.TO_JUSTIFY and not c.evidence
                else c.status for c in criteria]
    return combine(statuses, judgement_only_left)


def infer_phase(project: Project, status: dt.date, finish: dt.date | None) -> tuple[Phase, str]:
    """The phase when cockpit.toml does not say it: conclusion once the planned finish
    is reached; otherwise the phase of the latest minutes on or before the status date;
    otherwise cadrage for the first fifth of the planned span, conduite after. The reason
    is said to the user."""
    info = project.settings.project
    day = f"{status:%d/%m/%Y}"
    if finish is not None and status >= finish:
        return Phase.CONCLUSION, (f"phase déduite : conclusion (date d'état du {day}, fin "
                                  f"planifiée le {finish:%d/%m/%Y})")
    held = [m for m in project.meetings if m.phase is not None and m.date <= status]
    if held:
        last = max(held, key=lambda m: (m.date, m.path))
        assert last.phase is not None
        return last.phase, (f"phase déduite : {last.phase.value} (celle du dernier compte "
                            f"rendu, {last.path}, à la date d'état du {day})")
    end = finish or info.deadline
    if end is not None and end > info.start and status > info.start + (end - info.start) / 5:
        return Phase.CONDUITE, (f"phase déduite : conduite (date d'état du {day}, après le "
                                "premier cinquième du planning)")
    return Phase.CADRAGE, f"phase déduite : cadrage (date d'état du {day}, début du projet)"


def analyse_referential(project: Project, referential: Referential, facts: Facts,
                        claims: dict[str, Claim], phase: Phase | None = None,
                        inferred: str = "") -> GapReport:
    phase = phase or project.settings.project.phase
    phase_rank = phase.rank
    order = [p.value for p in type(phase)]
    capacities: list[CapacityResult] = []
    for capacity in referential.capacities:
        criteria = tuple(
            criterion_result(k, facts, referential.id, claims.get(k.id), claims.get(capacity.id))
            for k in capacity.criteria)
        later = order.index(capacity.phase.value) > phase_rank
        capacities.append(CapacityResult(
            capacity.id, capacity.title, _unit_label(capacity), capacity_status(criteria),
            criteria, phase_not_reached=later))
    return GapReport(referential.id, referential.title, tuple(capacities), phase.value,
                     inferred)


def _unit_label(capacity: Capacity) -> str:
    if capacity.unit is None:
        return ""
    return f"{capacity.unit.id} — {capacity.unit.title}"


def analyse(ctx: ProjectState) -> tuple[GapReport, list[Diagnostic]]:
    project = ctx.project
    referential_id = project.settings.project.referential
    try:
        referential = load_referential(referential_id)
    except UnknownReferential as error:
        info = project.settings.project
        diagnostic = UNKNOWN_REFERENTIAL.at(
            info.source.file or "cockpit.toml", info.source.line_of("referential"),
            f"référentiel « {referential_id} » inconnu"
            + _did_you_mean(referential_id, list(error.known))
            + " ; référentiels connus : " + ", ".join(error.known))
        _, found = _claims(project, None)
        return GapReport(referential_id, ""), [diagnostic, *found]
    claims, diagnostics = _claims(project, referential)
    own = strip_template(project)
    if len(own.tasks) == len(project.tasks):
        facts = Facts(ctx)
    else:  # sample tasks left out: the plan is the user's tasks' alone
        facts = Facts(ProjectState(own, ctx.today, ctx.status_date_))
    info = project.settings.project
    phase, inferred = info.phase, ""
    if "phase" not in info.source.keys:
        schedule = ctx.schedule if project.tasks else None
        phase, inferred = infer_phase(project, ctx.status_date,
                                      schedule.finish if schedule is not None else None)
    return analyse_referential(project, referential, facts, claims, phase, inferred), diagnostics
