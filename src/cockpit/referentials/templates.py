"""Template content is not evidence: the fingerprints of what `cockpit init` writes.

`cockpit init` fills a new folder with sample records (a task « Analyse de l'existant »,
a risk R1, an objective O1…) and documents whose headings come with guidance and, in the
minutes, sample lines. None of it is the candidate's work. The gap analysis leaves out:
- a record whose register, id and label are those of a template record (a sample task,
  risk, action, objective, stakeholder… kept as shipped);
- a line of a document identical to a line of a template document (after folding case,
  accents and blanks), and the context of cockpit.toml when it is the template's.

The fingerprints are computed from src/cockpit/templates by `compute()` and shipped in
data/template-prints.json (reading 45 template files at every check would cost more than
the whole gap analysis); tests/test_template_prints.py checks that the file is up to date
(`python -m cockpit.referentials.templates` rewrites it).
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeVar

from cockpit.model import Project
from cockpit.model.immutable import immutable

T = TypeVar("T")

PRINTS = Path(__file__).parent / "data" / "template-prints.json"
TEMPLATES = Path(__file__).parent.parent / "templates"
_PLACEHOLDER = re.compile(r"\{\{\s*\w+\s*\}\}")
_SPACES = re.compile(r"\s+")
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_MARKUP = re.compile(r"^[\s>#*+|-]*(?:\d+[.)]\s*)?|[\s|*_`]+$")

# register key in the TOML files → the fields that make a record's label
RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "task": ("name",), "risk": ("title",), "action": ("what",), "indicator": ("name",),
    "channel": ("information", "purpose"), "requirement": ("text",), "line": ("task", "category"),
    "team": ("name", "role"), "stakeholders": ("name", "expectations"), "objectives": ("statement",),
    "governance": ("name", "members", "frequency"), "option": ("name",),
}


@lru_cache(maxsize=32768)
def normal_line(text: str) -> str:
    """A line as compared with the templates: markup, dates, case, accents and blanks
    aside (characters without an ASCII form, such as « — » or « € », are dropped on both
    sides of the comparison)."""
    import unicodedata

    stripped = _MARKUP.sub("", _DATE.sub("", text.strip()))
    folded = unicodedata.normalize("NFD", stripped.lower().replace("’", "'"))
    return _SPACES.sub(" ", folded.encode("ascii", "ignore").decode("ascii")).strip()


def record_print(register: str, record_id: str, *labels: str) -> str:
    return "|".join((register, record_id, *(normal_line(label) for label in labels)))


@immutable
class TemplatePrints:
    lines: frozenset[str]
    records: frozenset[str]
    decisions: frozenset[str]
    contexts: frozenset[str]
    budgets: frozenset[str]


@cache
def template_prints() -> TemplatePrints:
    data = json.loads(PRINTS.read_text(encoding="utf-8"))
    return TemplatePrints(frozenset(data["lines"]), frozenset(data["records"]),
                          frozenset(data["decisions"]), frozenset(data["contexts"]),
                          frozenset(data["budgets"]))


def _amount(value: object) -> str:
    """An amount as the prints write it: 8000, 8000.0 and Decimal("8000") alike."""
    try:
        return f"{float(str(value)):g}"
    except ValueError:
        return str(value)


def strip_template(project: Project) -> Project:
    """The project without what `cockpit init` wrote and the user left as it was: sample
    records (same register, id and label as a template's), the sample measures of those
    indicators, the sample budget, the sample context, decisions whose title is a
    template's. Tasks go only all together: a sample milestone (« Réunion de lancement »)
    kept in the user's own plan is part of that plan."""
    prints = template_prints()
    records = prints.records

    def kept(register: str, items: tuple[T, ...], *fields: str) -> tuple[T, ...]:
        return tuple(r for r in items if record_print(
            register, str(getattr(r, "id")), *(_text(getattr(r, f)) for f in fields))  # noqa: B009
            not in records)

    summaries = project.summary_ids
    leaves = [t for t in project.tasks if t.id not in summaries]
    tasks = project.tasks
    if leaves and all(record_print("task", t.id, t.name) in records for t in leaves):
        tasks = ()  # the sample plan untouched (a sample task kept in the user's own plan stays)
    indicators = kept("indicator", project.indicators, "name")
    dropped = {i.id for i in project.indicators} - {i.id for i in indicators}
    settings = project.settings
    info = settings.project
    if normal_line(info.context) in prints.contexts:
        info = replace(info, context="")
    budget = project.budget
    envelope = f"{_amount(budget.envelope)}|{_amount(budget.contingency)}"
    if budget.envelope is not None and envelope in prints.budgets:
        budget = replace(budget, envelope=None)
    return replace(
        project, tasks=tasks, indicators=indicators, budget=budget,
        measures=tuple(m for m in project.measures if m.indicator not in dropped),
        risks=kept("risk", project.risks, "title"),
        actions=kept("action", project.actions, "what"),
        channels=kept("channel", project.channels, "information", "purpose"),
        requirements=kept("requirement", project.requirements, "text"),
        budget_lines=kept("line", project.budget_lines, "task", "category", "amount"),
        decisions=tuple(d for d in project.decisions
                        if normal_line(d.title) not in prints.decisions),
        settings=replace(
            settings, project=info,
            team=kept("team", settings.team, "name", "role"),
            stakeholders=kept("stakeholders", settings.stakeholders, "name", "expectations"),
            objectives=kept("objectives", settings.objectives, "statement"),
            governance=kept("governance", settings.governance, "name", "members", "frequency")))


def _text(value: object) -> str:
    if isinstance(value, list | tuple):
        return ",".join(str(v) for v in value)
    if hasattr(value, "is_integer") or type(value).__name__ == "Decimal":
        return _amount(value)
    return str(value)


# ------------------------------------------------------------------ computing the prints
def _filled(text: str) -> str:
    """Template text made parseable: date placeholders become a date, others nothing."""
    text = re.sub(r"=\s*\{\{\s*\w+\s*\}\}", "= 2000-01-03", text)
    return _PLACEHOLDER.sub("", text)


def _body(text: str) -> str:
    lines = text.split("\n")
    if lines and lines[0].strip() == "+++":
        closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "+++"), 0)
        return "\n".join(lines[closing + 1:])
    return text


def _front(text: str) -> dict[str, Any]:
    import tomllib

    lines = text.split("\n")
    if not lines or lines[0].strip() != "+++":
        return {}
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "+++"), 0)
    try:
        return tomllib.loads(_filled("\n".join(lines[1:closing])))
    except tomllib.TOMLDecodeError:
        return {}


def _toml_records(data: dict[str, Any], prints: set[str], decisions: set[str],
                  contexts: set[str], budgets: set[str]) -> None:
    budget = data.get("budget")
    if isinstance(budget, dict) and "envelope" in budget:
        budgets.add(f"{_amount(budget['envelope'])}|{_amount(budget.get('contingency', 0))}")
    for register, fields in RECORD_LABELS.items():
        for table in data.get(register, ()) or ():
            if isinstance(table, dict) and "id" in table:
                prints.add(record_print(register, str(table["id"]),
                                        *(_text(table.get(f, "")) for f in fields)))
    if "title" in data and ("option" in data or "criterion" in data):
        decisions.add(normal_line(str(data["title"])))
    context = data.get("project", {}).get("context") if isinstance(data.get("project"), dict) \
        else None
    if isinstance(context, str) and context.strip():
        contexts.add(normal_line(context))


def compute(root: Path = TEMPLATES) -> dict[str, list[str]]:
    """The fingerprints of every shipped template (base and overlays)."""
    import tomllib

    lines: set[str] = set()
    prints: set[str] = set()
    decisions: set[str] = set()
    contexts: set[str] = set()
    budgets: set[str] = set()
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            front = _front(text)
            for value in front.get("objectives", []) if isinstance(front, dict) else []:
                lines.add(normal_line(str(value)))
            body = re.sub(r"<!--.*?-->", "", _body(text), flags=re.DOTALL)
            for line in body.split("\n"):
                if line.lstrip().startswith("#"):
                    continue  # headings are the user's structure too: judged by their body
                normal = normal_line(_PLACEHOLDER.sub("", line))
                if len(normal) >= 3:
                    lines.add(normal)
        elif path.suffix == ".toml":
            try:
                data = tomllib.loads(_filled(text))
            except tomllib.TOMLDecodeError:
                continue
            _toml_records(data, prints, decisions, contexts, budgets)
    return {"lines": sorted(lines), "records": sorted(prints), "decisions": sorted(decisions),
            "contexts": sorted(contexts), "budgets": sorted(budgets)}


if __name__ == "__main__":  # pragma: no cover - regenerates the shipped file
    PRINTS.write_text(json.dumps(compute(), ensure_ascii=False, indent=1) + "\n",
                      encoding="utf-8")
