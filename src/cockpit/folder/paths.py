"""Paths that the folder's files name (an action's origin, a piece of evidence): normalised,
kept inside the folder, and resolved to a file and a heading."""

from __future__ import annotations

import os

from cockpit.folder.markdown import same_anchor
from cockpit.model import Project


def posix(path: str) -> str:
    """`str(PurePosixPath(path))` without making the path object, which the rules would make
    for every action and piece of evidence: no empty or "." part, no trailing "/", a root of
    one "/" (two when written with exactly two), "." for an empty path."""
    relative = path.lstrip("/")
    slashes = len(path) - len(relative)
    root = "" if not slashes else "//" if slashes == 2 else "/"
    return root + "/".join(part for part in relative.split("/") if part and part != ".") or "."


def inside(path: str) -> bool:
    """A relative path that stays inside the project folder."""
    path = path.replace("\\", "/")
    if path.startswith("/") or path[1:3] == ":/":
        return False
    depth = 0
    for part in path.split("/"):
        if part and part != ".":
            depth += -1 if part == ".." else 1
            if depth < 0:
                return False
    return True


def looks_like_path(text: str) -> bool:
    return "/" in text or "\\" in text or text.endswith((".md", ".toml", ".csv"))


def resolve(project: Project, reference: str) -> str | None:
    """Why a `file#anchor` reference does not resolve, or None when it does."""
    path, _, anchor = reference.partition("#")
    path = posix(path.replace("\\", "/"))
    # os.path.isfile: False, never an exception, for a file the system will not show
    if path not in project.present and not os.path.isfile(project.root / path):
        return f"le fichier « {path} » n'existe pas"
    if anchor:
        sections = project.sections_of(path)
        if sections is not None and not any(same_anchor(s.title, anchor) for s in sections):
            return f"« {path} » n'a pas de titre correspondant à l'ancre « #{anchor} »"
    return None
