"""Where the folder's bytes come from: the disk, or a git revision of it.

A project folder is shared in git and opened by tutors, exam centres and CI: its content is
untrusted. Every read of the disk goes through `read_regular`, which reads only regular files
that stay inside the folder, of a bounded size, and never blocks: a symbolic link that leaves
the folder (to `/proc/self/environ`, to a tutor's home), a dangling link, a named pipe, a
device or a directory where a file is expected is refused with a French `RefusedFile`, an
OSError the loader reports where it stands.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import subprocess
from pathlib import Path, PurePosixPath
from typing import Protocol

# Larger than any project file written by hand (the 5,000-task benchmark folder's biggest
# file is 2 MB): beyond it a file is refused before it is read, memory stays bounded.
MAX_FILE_BYTES = 32 * 1024 * 1024


class RefusedFile(OSError):
    """A path cockpit will not read; `strerror` is French, `kind` says why:
    "outside" (a link leaving the folder), "dangling" (a link to nothing), "special" (a pipe,
    a device, a file where a folder is), "directory" (where a file is expected), "size"."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(errno.EPERM, message)
        self.kind = kind


_FRENCH_ERRNO = {
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.ELOOP: "lien symbolique qui boucle sur lui-même",
    errno.EISDIR: "c'est un dossier, pas un fichier",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.ENAMETOOLONG: "nom de fichier trop long",
    errno.EIO: "erreur d'entrée-sortie du disque",
    errno.ENOSPC: "disque plein",
    errno.EDQUOT: "quota disque dépassé",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.ENOENT: "fichier ou dossier absent",
    errno.EEXIST: "le fichier existe déjà",
    errno.EBUSY: "fichier occupé",
    errno.ETXTBSY: "fichier occupé",
    errno.ENXIO: "périphérique absent",
    errno.EMFILE: "trop de fichiers ouverts",
}


def french_os_error(error: OSError) -> str:
    """What an OSError means, in French (never the system's English)."""
    if isinstance(error, RefusedFile):
        return error.strerror or "fichier refusé"
    return _FRENCH_ERRNO.get(error.errno or 0, f"erreur système n°{error.errno}")


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "un dossier"
    if stat.S_ISFIFO(mode):
        return "un tube nommé (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "un périphérique"
    if stat.S_ISSOCK(mode):
        return "une socket"
    return "un fichier spécial"


def inside(root: Path | str, path: Path | str) -> bool:
    """Whether `path`, its links resolved, stays inside `root` (resolved too)."""
    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def check_inside(root: Path | str, relative: str) -> str:
    """The path of `relative` under `root`; RefusedFile when a link takes it out of the folder
    or leads nowhere. ENOENT (FileNotFoundError) when it does not exist at all."""
    path = os.path.join(root, relative)
    if not inside(root, path):
        target = os.readlink(path) if os.path.islink(path) else "un dossier lié du chemin"
        raise RefusedFile("outside", "lien symbolique qui mène hors du dossier du projet "
                          f"(vers {target}) : cockpit ne le suit pas")
    try:
        os.lstat(path)
    except NotADirectoryError:
        raise FileNotFoundError(errno.ENOENT, "absent", relative) from None
    # FileNotFoundError goes up as it is; PermissionError too (a folder that cannot be
    # searched is not a missing file)
    if not os.path.exists(path):
        try:
            os.stat(path)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise RefusedFile("dangling", "lien symbolique qui boucle sur lui-même") from None
        raise RefusedFile("dangling", "lien symbolique brisé : sa cible n'existe pas")
    return path


def read_regular(root: Path | str, relative: str,
                 limit: int = MAX_FILE_BYTES) -> tuple[bytes, os.stat_result] | None:
    """The bytes and stat of a regular file of the folder; None when it does not exist.

    RefusedFile for what cockpit will not read (see the module), OSError when the system
    refuses (permissions). Opening never blocks (O_NONBLOCK: a FIFO would wait for a writer)
    and the size is checked before anything is read.
    """
    try:
        path = check_inside(root, relative)
    except FileNotFoundError:
        return None
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | \
        getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise RefusedFile("directory", "c'est un dossier, pas un fichier") from None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            kind = "directory" if stat.S_ISDIR(status.st_mode) else "special"
            raise RefusedFile(kind, f"c'est {_kind_of(status.st_mode)}, pas un fichier : "
                              "cockpit ne le lit pas")
        if status.st_size > limit:
            raise RefusedFile("size", f"fichier de {status.st_size / 1e6:.0f} Mo, trop gros pour "
                              f"un fichier de projet (au plus {limit // 1_000_000} Mo) : il "
                              "n'est pas lu")
        chunks = []
        size = 0
        while chunk := os.read(handle, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise RefusedFile("size", "fichier qui grandit pendant sa lecture, au-delà de "
                                  f"{limit // 1_000_000} Mo : il n'est pas lu")
        return b"".join(chunks), status
    finally:
        os.close(handle)


def list_folder(root: Path | str, folder: str, suffix: str) -> list[str]:
    """Relative paths of the entries of `folder` ending with `suffix`, sorted (special files
    included: reading them says what they are). [] when the folder does not exist;
    RefusedFile when it is a file, or a link out of the project."""
    try:
        path = check_inside(root, folder)
    except FileNotFoundError:
        return []
    if not os.path.isdir(path):
        raise RefusedFile("special", f"« {folder} » devrait être un dossier ; c'est un fichier : "
                          "il n'est pas lu")
    names = os.listdir(path)
    return sorted(f"{folder}/{name}" for name in names
                  if name.endswith(suffix) and not name.startswith("."))


class FileSource(Protocol):
    """Read-only access to a project folder by relative POSIX path."""

    def read_bytes(self, relative: str) -> bytes | None:
        """The file's bytes; None when it does not exist. OSError when it cannot be read."""

    def list(self, folder: str, suffix: str) -> list[str]:
        """Relative paths of the files of `folder` ending with `suffix`, sorted. OSError when
        the folder cannot be listed."""


class DiskSource:
    def __init__(self, root: Path) -> None:
        self.root = root

    def read_bytes(self, relative: str) -> bytes | None:
        read = read_regular(self.root, relative)
        return None if read is None else read[0]

    def list(self, folder: str, suffix: str) -> list[str]:
        return list_folder(self.root, folder, suffix)


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
        # Read as the disk is: at most MAX_FILE_BYTES, a larger blob is refused unread.
        with subprocess.Popen(
            ["git", "-C", str(self.root), "show", f"{self.revision}:{self.prefix}{relative}"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        ) as process:
            assert process.stdout is not None
            data = process.stdout.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:
                process.kill()
                raise RefusedFile("size", f"fichier de plus de {MAX_FILE_BYTES // 1_000_000} Mo "
                                  f"à la révision {self.revision}, trop gros pour un fichier "
                                  "de projet : il n'est pas lu")
        return data if process.returncode == 0 else None

    def list(self, folder: str, suffix: str) -> list[str]:
        result = subprocess.run(
            ["git", "-C", str(self.root), "ls-tree", "--name-only", self.revision,
             f"{self.prefix}{folder}/"],
            capture_output=True, text=True,
        )
        names = (PurePosixPath(line).name for line in result.stdout.splitlines())
        return sorted(f"{folder}/{n}" for n in names if n.endswith(suffix))
