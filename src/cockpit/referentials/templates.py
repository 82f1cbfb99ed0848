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
from functools import cache
from pathlib import Path
from typing import Any

from cockpit.model.immutable import immutable

PRINTS = Path(__file__).parent / "data" / "template-prints.json"
TEMPLATES = Path(__file__).parent.parent / "templates"
_PLACEHOLDER = re.compile(r"\{\{\s*\w+\s*\}\}")
_SPACES = re.compile(r"\s+")
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_MARKUP = re.compile(r"^[\s>#*+|-]*(?:\d+[.)]\s*)?|[\s|*_`]+$")

# register key in the TOML files → the fields that make a record's label
RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "task": ("name",), "risk": ("title",), "action": ("what",), "indicator": ("name",),
    "channel": ("information",), "requirement": ("text",), "line": ("task", "category"),
    "team": ("name", "role"), "stakeholders": ("name",), "objectives": ("statement",),
    "governance": ("name",), "option": ("name",),
}


def normal_line(text: str) -> str:
    """A line as compared with the templates: markup, case, accents and blanks aside."""
    import unicodedata

    stripped = _MARKUP.sub("", _DATE.sub("", text.strip()))
    folded = "".join(c for c in unicodedata.normalize("NFD", stripped.lower())
                     if not unicodedata.combining(c))
    return _SPACES.sub(" ", folded.replace("’", "'")).strip()


def record_print(register: str, record_id: str, *labels: str) -> str:
    return "|".join((register, record_id, *(normal_line(label) for label in labels)))


@immutable
class TemplatePrints:
    lines: frozenset[str]
    records: frozenset[str]
    decisions: frozenset[str]
    contexts: frozenset[str]


@cache
def template_prints() -> TemplatePrints:
    data = json.loads(PRINTS.read_text(encoding="utf-8"))
    return TemplatePrints(frozenset(data["lines"]), frozenset(data["records"]),
                          frozenset(data["decisions"]), frozenset(data["contexts"]))


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


def _toml_records(data: dict[str, Any], prints: set[str], decisions: set[str],
                  contexts: set[str]) -> None:
    for register, fields in RECORD_LABELS.items():
        for table in data.get(register, ()) or ():
            if isinstance(table, dict) and "id" in table:
                prints.add(record_print(register, str(table["id"]),
                                        *(str(table.get(f, "")) for f in fields)))
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
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
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
            _toml_records(data, prints, decisions, contexts)
    return {"lines": sorted(lines), "records": sorted(prints), "decisions": sorted(decisions),
            "contexts": sorted(contexts)}


if __name__ == "__main__":  # pragma: no cover - regenerates the shipped file
    PRINTS.write_text(json.dumps(compute(), ensure_ascii=False, indent=1) + "\n",
                      encoding="utf-8")
