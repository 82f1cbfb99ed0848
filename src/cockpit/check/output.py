"""`cockpit check` output: human (French), JSON, GitHub annotations and SARIF."""

from __future__ import annotations

import json
from typing import Any

from cockpit import __version__, french
from cockpit.check.run import CheckResult
from cockpit.check.table import RULES
from cockpit.diagnostics.diagnostic import Diagnostic, Severity
from cockpit.referentials.gaps import GapReport, Status

SCHEMA_VERSION = 1
_MARK = {Status.COVERED: "✔", Status.PARTIAL: "◐", Status.MISSING: "✘", Status.TO_JUSTIFY: "?"}


def excerpt(diagnostic: Diagnostic, lines: list[str]) -> list[str]:
    """The source line with the spot marked, ruff style (`lines`: the file's lines)."""
    if not 1 <= diagnostic.line <= len(lines):
        return []
    source = lines[diagnostic.line - 1]
    width = len(str(diagnostic.line))
    marked = source.rstrip()
    start = min(max(diagnostic.col - 1, 0), len(marked))
    end = diagnostic.end_col - 1 if diagnostic.end_col > diagnostic.col else len(marked)
    return [
        f"{' ' * width} |",
        f"{diagnostic.line} | {source}",
        f"{' ' * width} | {' ' * start}{'^' * max(end - start, 1)}",
    ]


def human(result: CheckResult, *, quiet: bool = False) -> str:
    out: list[str] = []
    lines: dict[str, list[str]] = {}  # each file split once: hundreds of messages may cite it
    for d in result.diagnostics:
        out.append(f"{d.file}:{d.line}:{d.col}: {d.code} {d.severity.french} : {d.message}")
        if not quiet:
            if d.file not in lines:
                lines[d.file] = result.texts.get(d.file, "").splitlines()
            out.extend(excerpt(d, lines[d.file]))
            if d.hint:
                out.append(f"   = à faire : {d.hint}")
            out.append("")
    if result.gaps is not None and not quiet:
        out.extend(gap_lines(result.gaps))
    capacities = None if result.gaps is None else {s.value: result.gaps.count(s) for s in Status}
    out.append(summary_line(result.count(Severity.ERROR), result.count(Severity.WARNING),
                            capacities))
    return "\n".join(out)


def summary_line(errors: int, warnings: int, capacities: dict[str, int] | None) -> str:
    """« 0 erreur, 2 avertissements ; capacités : 5 couvertes, 1 partielle, … »."""
    line = f"{french.count(errors, 'erreur')}, {french.count(warnings, 'avertissement')}"
    if capacities is not None:
        line += (f" ; capacités : {french.count(capacities.get('covered', 0), 'couverte')}, "
                 f"{french.count(capacities.get('partial', 0), 'partielle')}, "
                 f"{french.count(capacities.get('missing', 0), 'manquante')}, "
                 f"{capacities.get('to_justify', 0)} à justifier")
    return line


def gap_lines(report: GapReport) -> list[str]:
    if not report.capacities:  # unknown référentiel: G001 says so
        return []
    out = [f"Référentiel : {report.referential_title} ({report.referential_id})"]
    if report.phase_inferred:
        out.append(f"Phase du projet : {report.phase_inferred} ; précisez-la par phase = "
                   "\"…\" dans [project] de cockpit.toml")
    out.append("")
    unit = None
    for capacity in report.capacities:
        if capacity.unit != unit:
            unit = capacity.unit
            if unit:
                out.append(f"── {unit}")
        later = " (phase à venir)" if capacity.phase_not_reached else ""
        out.append(f"{_MARK[capacity.status]} {capacity.id} {capacity.title} — "
                   f"{capacity.status.french}{later}")
        for criterion in capacity.criteria:
            if criterion.status is Status.COVERED:
                proof = criterion.evidence[0].proof if criterion.evidence else ""
                out.append(f"    {_MARK[criterion.status]} {criterion.id} preuve : {proof}")
                continue
            out.append(f"    {_MARK[criterion.status]} {criterion.id} {criterion.text}")
            for found in criterion.evidence[:2]:
                out.append(f"        trouvé : {found.proof}")
            for missing in criterion.missing:
                out.append(f"        manque : {missing}")
    ready = [c.id for c in report.capacities if c.status is Status.COVERED]
    out.append("")
    out.append("Prêtes pour le jury : " + (", ".join(ready) if ready else "aucune capacité"))
    out.append("")
    return out


def as_json(result: CheckResult) -> str:
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "diagnostics": [
            {"code": d.code, "severity": d.severity.value, "file": d.file, "line": d.line,
             "column": d.col, "end_column": d.end_col or None, "message": d.message,
             "hint": d.hint}
            for d in result.diagnostics
        ],
        "referential": None,
        "capacities": [],
        "summary": {
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "capacities": {s.value: 0 for s in Status},
            "ready_for_board": [],
        },
    }
    if result.gaps is not None:
        g = result.gaps
        document["referential"] = {"id": g.referential_id, "title": g.referential_title}
        document["phase"] = {"value": g.phase, "inferred": bool(g.phase_inferred),
                             "reason": g.phase_inferred}
        document["capacities"] = [
            {"id": c.id, "title": c.title, "unit": c.unit, "status": c.status.value,
             "phase_not_reached": c.phase_not_reached,
             "criteria": [
                 {"id": k.id, "text": k.text, "facet": k.facet, "status": k.status.value,
                  "judgement": k.judgement, "evidence": [str(e) for e in k.evidence],
                  "proofs": [e.as_dict() for e in k.evidence],
                  "missing": list(k.missing)}
                 for k in c.criteria]}
            for c in g.capacities
        ]
        document["summary"]["capacities"] = {s.value: g.count(s) for s in Status}
        document["summary"]["ready_for_board"] = [
            c.id for c in g.capacities if c.status is Status.COVERED]
    return json.dumps(document, ensure_ascii=False, indent=2)


def _escape_github(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github(result: CheckResult) -> str:
    """GitHub Actions workflow commands, one annotation per diagnostic."""
    lines = []
    for d in result.diagnostics:
        level = "error" if d.severity is Severity.ERROR else "warning"
        path = f"{result.root.as_posix().rstrip('/')}/{d.file}" if result.root.as_posix() != "." \
            else d.file
        title = _escape_github(f"{d.code} {RULES[d.code].title}" if d.code in RULES else d.code)
        end = f",endColumn={d.end_col}" if d.end_col else ""
        props = f"file={path},line={d.line},col={d.col}{end},title={title}".replace("::", ": :")
        lines.append(f"::{level} {props}::{_escape_github(d.message)}")
    return "\n".join(lines)


def sarif(result: CheckResult) -> str:
    """SARIF 2.1.0, for code-scanning dashboards."""
    used = sorted({d.code for d in result.diagnostics})
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "cockpit", "version": __version__,
                "rules": [{"id": code, "name": RULES[code].title,
                           "shortDescription": {"text": RULES[code].title},
                           "fullDescription": {"text": RULES[code].explanation},
                           "help": {"text": RULES[code].hint or RULES[code].explanation}}
                          for code in used if code in RULES],
            }},
            "results": [{
                "ruleId": d.code,
                "level": "error" if d.severity is Severity.ERROR else "warning",
                "message": {"text": d.message + (f" — {d.hint}" if d.hint else "")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": d.file},
                    "region": {"startLine": d.line, "startColumn": d.col,
                               **({"endColumn": d.end_col} if d.end_col else {})},
                }}],
            } for d in result.diagnostics],
        }],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


FORMATS = {"json": as_json, "github": github, "sarif": sarif}
