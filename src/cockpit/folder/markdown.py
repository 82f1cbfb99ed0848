"""Markdown documents with a TOML front matter between `+++` fences.

The front matter is parsed as TOML; the body is parsed with markdown-it-py into
sections (heading, slug, level, line, text). Minutes also yield their decisions and
the actions they name (`- A7 — @bdupont — 2026-04-10 — texte`).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from cockpit.diagnostics import codes
from cockpit.diagnostics.diagnostic import Diagnostic
from cockpit.folder.fields import fold
from cockpit.folder.locator import TomlLocator
from cockpit.folder.text import parse_toml
from cockpit.model import ActionMention, Section
from cockpit.model.immutable import immutable

if TYPE_CHECKING:
    from markdown_it_pyrs import MarkdownIt

FENCE = "+++"


@immutable
class FrontMatter:
    data: dict[str, Any]
    locator: TomlLocator
    first_line: int
    body: str
    body_line: int


def split_front_matter(
    text: str, relative: str, diagnostics: list[Diagnostic]
) -> FrontMatter | None:
    """The front matter and the body, or None after a F004/F002 diagnostic."""
    # A file saved with Windows line endings reads like any other (line numbers unchanged).
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != FENCE:
        diagnostics.append(codes.FRONT_MATTER.at(
            relative, 1, "le document ne commence pas par un en-tête « +++ »"))
        return None
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == FENCE), None)
    if closing is None:
        diagnostics.append(codes.FRONT_MATTER.at(
            relative, 1, "l'en-tête « +++ » n'est jamais refermé par une seconde ligne « +++ »"))
        return None
    parsed = parse_toml("\n".join(lines[1:closing]), relative, diagnostics, line_offset=1)
    if parsed is None:
        return None
    data, locator = parsed
    return FrontMatter(data, locator, 2, "\n".join(lines[closing + 1:]), closing + 2)


def slugify(title: str) -> str:
    """The anchor of a heading, GitHub style: `## Objectifs opérationnels` → objectifs-opérationnels."""
    kept = re.sub(r"[^\w\- ]", "", title.strip().lower())
    return kept.replace(" ", "-")


def same_anchor(a: str, b: str) -> bool:
    return fold(slugify(a)) == fold(slugify(b))


HEADING_SYNONYMS: dict[str, tuple[str, ...]] = {
    "ordre du jour": ("ordre du jour", "agenda", "programme"),
    "contexte": ("rappel du contexte", "contexte", "objectifs du projet", "rappel des objectifs"),
    "avancement": ("avancement", "etat d'avancement", "point d'avancement", "situation",
                   "ou en est le projet", "suivi du planning"),
    "ecarts": ("ecarts", "analyse des ecarts", "variances", "derives"),
    "decisions": ("decisions", "releve de decisions", "decisions prises", "arbitrages"),
    "actions": ("actions", "plan d'actions", "plan d'action", "actions decidees", "suite a donner"),
    "suspens": ("points en suspens", "questions ouvertes", "points ouverts"),
    "risques": ("risques", "revue des risques", "analyse des risques"),
    "roles": ("roles", "roles et responsabilites", "participants et roles"),
}


@lru_cache(maxsize=4096)
def heading_kind(title: str) -> str | None:
    """The canonical name of a heading matched loosely (case, accents, synonyms)."""
    folded = fold(title).replace("’", "'").strip(" :")
    for kind, synonyms in HEADING_SYNONYMS.items():
        if any(folded.startswith(s) for s in synonyms):
            return kind
    return None


@cache
def _parser() -> MarkdownIt:
    """CommonMark's block rules only: headings are blocks, and inline rules (emphasis,
    links...) would only slow the parse down."""
    from markdown_it_pyrs import MarkdownIt

    return MarkdownIt("zero").enable_many([
        "blockquote", "code", "fence", "heading", "hr", "lheading", "list", "paragraph",
        "reference", "html_block"])


# Guards of the Rust parser, which recurses once per nesting level of quotes and lists (50,000
# `>` overflow its stack and kill the process): a document beyond them is read line by line.
LONGEST_LINE = 10_000
DEEPEST_PREFIX = 1_000
_CONTAINER_PREFIX = re.compile(r"[ \t>*+\-0-9.)]*")


def markdown_hazard(body: str) -> tuple[int, str] | None:
    """(line of the body, French reason) when the body is not given to the Markdown parser:
    a line longer than LONGEST_LINE, or nested deeper than DEEPEST_PREFIX markers."""
    if len(body) <= DEEPEST_PREFIX and len(body) <= LONGEST_LINE:
        return None
    for number, line in enumerate(body.split("\n")):
        if len(line) > LONGEST_LINE:
            return number, (f"ligne de {len(line):,} caractères (au plus {LONGEST_LINE:,}) : le "
                            "document n'est lu que pour ses titres « # »").replace(",", "\u202f")
        if len(line) > DEEPEST_PREFIX and \
                _CONTAINER_PREFIX.match(line).end() > DEEPEST_PREFIX:  # type: ignore[union-attr]
            return number, ("citations ou listes imbriquées sur plus de "
                            f"{DEEPEST_PREFIX} niveaux : le document n'est lu que pour ses "
                            "titres « # »").replace(",", "\u202f")
    return None


_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")


def _plain_headings(body: str) -> list[tuple[str, int, int]]:
    """ATX headings outside code fences, line by line: the reading of a hazardous body."""
    found: list[tuple[str, int, int]] = []
    fence = ""
    for number, line in enumerate(body.split("\n")):
        stripped = line.lstrip(" ")
        if stripped.startswith(("```", "~~~")) and len(line) - len(stripped) < 4:
            marker = stripped[:3]
            fence = "" if fence == marker else fence or marker
            continue
        if fence or len(line) > LONGEST_LINE:
            continue
        match = _ATX.match(line)
        if match:
            found.append(((match.group(2) or "").strip(), len(match.group(1)), number))
    return found


def parse_sections(body: str, first_line: int) -> tuple[Section, ...]:
    """The top-level headings (ATX or setext) with their body text; lines are file lines.

    markdown-it-pyrs (the Rust port of markdown-it) gives each block its byte span, so a
    `#` inside a code fence or a quote is never taken for a heading. A body it could not
    parse safely (markdown_hazard) is read line by line for its `#` headings.
    """
    if markdown_hazard(body) is not None:
        return _sections(body, first_line, _plain_headings(body))
    encoded = body.encode("utf-8")
    headings: list[tuple[str, int, int]] = []
    for node in _parser().tree(body).children:
        if node.name not in ("heading", "lheading") or node.srcmap is None:
            continue
        start, end = node.srcmap
        source = encoded[start:end].decode("utf-8", "replace").strip("\n")
        headings.append((_heading_title(source), int(node.meta["level"]),
                         encoded.count(b"\n", 0, start)))
    return _sections(body, first_line, headings)


_ATX_OPEN = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")


def _heading_title(source: str) -> str:
    """The text of a heading from its source: `## Titre ##` or `Titre` underlined."""
    if _ATX_OPEN.match(source):
        return _ATX_CLOSE.sub("", _ATX_OPEN.sub("", source, count=1)).strip()
    return " ".join(line.strip() for line in source.split("\n")[:-1])


def _sections(body: str, first_line: int,
              headings: list[tuple[str, int, int]]) -> tuple[Section, ...]:
    lines = body.split("\n")
    sections = []
    for number, (title, level, start) in enumerate(headings):
        end = headings[number + 1][2] if number + 1 < len(headings) else len(lines)
        text = "\n".join(lines[start + 1:end]).rstrip()
        sections.append(Section(title, slugify(title), level, start + first_line, text))
    return tuple(sections)


_ITEM = re.compile(r"^\s*[-*+]\s+(.*\S)\s*$")
_ACTION_ID = re.compile(r"^\*{0,2}([A-Za-z][A-Za-z0-9._-]*\d[A-Za-z0-9._-]*)\*{0,2}\b")
_OWNER = re.compile(r"@([A-Za-z0-9._-]+)")
_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
# 11/12/2026, 11.12.2026, 1/2/2026: the French way, read as day, month, year.
_FRENCH_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_SEPARATORS = re.compile(r"\s+[—–-]\s+|\s*\|\s*")


def list_items(section: Section) -> list[tuple[str, int]]:
    """The bullet items of a section with their file lines."""
    items = []
    for offset, line in enumerate(section.body.split("\n")):
        match = _ITEM.match(line)
        if match:
            items.append((match.group(1), section.line + 1 + offset))
    return items


def date_written(item: str) -> str:
    """The text of the first date an action line writes (ISO or French), or ''."""
    found = [m for m in (_DATE.search(item), _FRENCH_DATE.search(item)) if m is not None]
    return min(found, key=lambda m: m.start()).group(0) if found else ""


def mention_date(item: str) -> dt.date | None:
    """The due date of an action line, written 2026-12-11 or 11/12/2026; None when there is
    none or it does not exist (the reader reports it: never dropped without a word)."""
    written = date_written(item)
    if not written:
        return None
    french = _FRENCH_DATE.fullmatch(written)
    try:
        if french:
            day, month, year = map(int, french.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(written)
    except ValueError:
        return None


def mention_agreeing(row: str, action: str, owner: str, due: dt.date | None) -> str:
    """The line of the minutes `row` (a list item naming `action`) with the owner and the due
    date it writes made `owner` and `due`, each written as it was (a French date stays
    French); a part the line does not write, or a line naming another action, is kept."""
    match = _ITEM.match(row)
    mention = parse_action_mention(match.group(1), 0) if match else None
    if mention is None or mention.action != action:
        return row
    if owner and mention.owner and mention.owner != owner:
        row = _OWNER.sub(f"@{owner}", row, count=1)
    written = date_written(row)
    if due is not None and mention.due is not None and mention.due != due and written:
        french = _FRENCH_DATE.fullmatch(written)
        row = row.replace(written, f"{due:%d/%m/%Y}" if french else due.isoformat(), 1)
    return row


def parse_action_mention(item: str, line: int) -> ActionMention | None:
    """`A7 — @bdupont — 2026-04-10 — Passer la commande` → its id, owner, due date, text."""
    match = _ACTION_ID.match(item)
    if match is None:
        return None
    owner = _OWNER.search(item)
    due = mention_date(item)
    parts = [p for p in _SEPARATORS.split(item[match.end():]) if p.strip()]
    text = next(
        (p.strip() for p in reversed(parts) if not _OWNER.fullmatch(p.strip())
         and not _DATE.fullmatch(p.strip()) and not _FRENCH_DATE.fullmatch(p.strip())), "")
    return ActionMention(match.group(1), owner.group(1) if owner else "", due, text, line)
