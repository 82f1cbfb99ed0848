"""`cockpit init`: a new project folder from the shipped templates, never overwriting a file.

Templates live in the package (`cockpit/templates/base/`, plus an overlay per référentiel
in `cockpit/templates/<referential id>/`, whose files replace base files of the same path);
`{{placeholders}}` are filled in file contents and in file names (see docs/templates.md):
id, title, referential, today, and three dates computed on the French calendar so that
the sample project is coherent: start (first working day on or after today), due (ten
working days after start) and deadline (first working day on or after start + 13 weeks).
When the folder already has a cockpit.toml, start and deadline are read from it, so a
second `cockpit init` (to add a référentiel's documents) stays consistent with the first.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from cockpit.model.immutable import immutable

BASE = "base"
_PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")


@immutable
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


def _working_day(day: dt.date) -> bool:
    from cockpit.model.holidays import french_holidays

    return day.weekday() < 5 and day not in french_holidays(day.year, "FR")


def _on_or_after(day: dt.date) -> dt.date:
    while not _working_day(day):
        day += dt.timedelta(days=1)
    return day


def _existing_dates(target: Path) -> dict[str, dt.date]:
    """[project] start and deadline of a cockpit.toml already in `target`, when readable."""
    import tomllib

    try:
        data = tomllib.loads((target / "cockpit.toml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    project = data.get("project")
    if not isinstance(project, dict):
        return {}
    return {key: value for key in ("start", "deadline")
            if isinstance(value := project.get(key), dt.date) and not isinstance(value, dt.datetime)}


def date_values(today: dt.date, existing: dict[str, dt.date] | None = None) -> dict[str, str]:
    """The date placeholders: today, start, due and deadline (ISO), all working days but today.
    The sample project starts on the next working day: nothing is planned yet on the day it
    is created, so its figures are not judged (an SPI of 0 on its first morning)."""
    existing = existing or {}
    start = existing.get("start") or _on_or_after(today + dt.timedelta(days=1))
    due, counted = start, 0
    while counted < 10:
        due += dt.timedelta(days=1)
        counted += _working_day(due)
    deadline = existing.get("deadline") or _on_or_after(start + dt.timedelta(weeks=13))
    return {"today": today.isoformat(), "start": start.isoformat(), "due": due.isoformat(),
            "deadline": deadline.isoformat()}


def fill(text: str, values: dict[str, str]) -> str:
    """Replace each known `{{name}}`; unknown placeholders are left as they are."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def scaffold(target: Path, values: dict[str, str], referential: str,
             today: dt.date) -> Scaffold:
    """Write every template file that does not exist yet in `target`."""
    files = _walk(template_root() / BASE)
    if referential:
        files.update(_walk(template_root() / referential))
    defaults = {**date_values(today, _existing_dates(target)),
                "referential": referential}
    filled = {**defaults, **values}
    created, kept = [], []
    for template in sorted(files):
        relative = fill(template, filled)
        destination = target / relative
        if destination.exists():
            kept.append(relative)
            continue
        text = fill(files[template].read_text(encoding="utf-8"), filled)
        destination.parent.mkdir(parents=True, exist_ok=True)
        with destination.open("x", encoding="utf-8", newline="") as handle:
            handle.write(text)
        created.append(relative)
    return Scaffold(tuple(created), tuple(kept))
