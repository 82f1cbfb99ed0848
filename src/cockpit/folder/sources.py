"""Where the folder's bytes come from: the disk, or a git revision of it."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path, PurePosixPath
from typing import Protocol


class FileSource(Protocol):
    """Read-only access to a project folder by relative POSIX path."""

    def read_bytes(self, relative: str) -> bytes | None:
        """The file's bytes; None when it does not exist. OSError when it cannot be read."""

    def list(self, folder: str, suffix: str) -> list[str]:
        """Relative paths of the files of `folder` ending with `suffix`, sorted."""


class DiskSource:
    def __init__(self, root: Path) -> None:
        self.root = root

    def read_bytes(self, relative: str) -> bytes | None:
        try:
            with open(os.path.join(self.root, relative), "rb") as file:
                return file.read()
        except FileNotFoundError:
            return None

    def list(self, folder: str, suffix: str) -> list[str]:
        try:
            names = os.listdir(os.path.join(self.root, folder))
        except (FileNotFoundError, NotADirectoryError):
            return []
        return sorted(f"{folder}/{name}" for name in names
                      if name.endswith(suffix) and not name.startswith("."))


_REVISION = re.compile(r"^[A-Za-z0-9_./~^@{}-]+$")


class GitSource:
    """The folder as it was at a git revision (`git show REV:path`), never via a shell."""

    def __init__(self, root: Path, revision: str) -> None:
        if not _REVISION.match(revision) or revision.startswith("-"):
            raise ValueError(f"révision git invalide : « {revision} »")
        self.root = root
        self.revision = revision
        prefix = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--show-prefix"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        self.prefix = prefix

    def read_bytes(self, relative: str) -> bytes | None:
        result = subprocess.run(
            ["git", "-C", str(self.root), "show", f"{self.revision}:{self.prefix}{relative}"],
            capture_output=True,
        )
        return result.stdout if result.returncode == 0 else None

    def list(self, folder: str, suffix: str) -> list[str]:
        result = subprocess.run(
            ["git", "-C", str(self.root), "ls-tree", "--name-only", self.revision,
             f"{self.prefix}{folder}/"],
            capture_output=True, text=True,
        )
        names = (PurePosixPath(line).name for line in result.stdout.splitlines())
        return sorted(f"{folder}/{n}" for n in names if n.endswith(suffix))
