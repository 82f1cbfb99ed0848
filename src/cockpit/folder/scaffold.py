"""`cockpit init`: a new project folder from the shipped templates, never overwriting a file.

Templates live in the package (`cockpit/templates/base/`, plus an overlay per référentiel
in `cockpit/templates/<referential id>/`); `{{placeholders}}` are filled in.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

BASE = "base"
_PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")


@dataclass(frozen=True, slots=True)
class Scaffold:
    created: tuple[str, ...]
    kept: tuple[str, ...]


def template_root() -> Traversable:
    return resources.files("cockpit") / "templates"


def available_overlays() -> list[str]:
    return sorted(p.name for p in template_root().iterdir() if p.is_dir() and p.name != BASE)


def _walk(folder: Traversable, prefix: str = "") -> dict[str, Traversable]:
    found: dict[str, Traversable] = {}
    for entry in folder.iterdir():
        relative = f"{prefix}{entry.name}"
        if entry.is_dir():
            found.update(_walk(entry, f"{relative}/"))
        elif entry.name != "__init__.py":
            found[relative] = entry
    return found


def scaffold(target: Path, values: dict[str, str], referential: str = "") -> Scaffold:
    """Write every template file that does not exist yet in `target`."""
    files = _walk(template_root() / BASE)
    if referential:
        files.update(_walk(template_root() / referential))
    defaults = {"today": dt.date.today().isoformat(), "referential": referential}
    filled = {**defaults, **values}
    created, kept = [], []
    for relative in sorted(files):
        destination = target / relative
        if destination.exists():
            kept.append(relative)
            continue
        text = files[relative].read_text(encoding="utf-8")
        text = _PLACEHOLDER.sub(lambda m: filled.get(m.group(1), m.group(0)), text)
        destination.parent.mkdir(parents=True, exist_ok=True)
        with destination.open("x", encoding="utf-8", newline="") as handle:
            handle.write(text)
        created.append(relative)
    return Scaffold(tuple(created), tuple(kept))
