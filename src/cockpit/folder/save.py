"""Safe saves: every program edit of the folder goes through `ProjectFiles`.

`ProjectFiles` is a `FileSource` (give it to `load_project`) that remembers, for every
file it reads, a fingerprint of the bytes read (sha256, mtime_ns, size). Each edit
then:

- refuses with a French `ConflictError` when the file changed on disk since it was
  read (or appeared, or disappeared), and writes nothing;
- changes only what it is asked to: TOML edits go through tomlkit, which keeps
  comments, key order and formatting of everything else; a CSV row is appended to
  the journal's bytes; an edit that changes nothing writes nothing;
- writes atomically: a temporary file in the same directory, fsync, `os.replace`;
- returns an `UndoRecord` holding the previous bytes, which `undo()` restores through
  the same conflict check.

Paths are relative to the project folder and must stay inside it.

Several changes to one file are made in one write with `edit_toml` and the
document functions (`set_record_field`, `append_record_to`, ...):

    files.edit_toml("wbs.toml", lambda doc: [set_record_field(doc, "task", t, "duration", d)
                                             for t, d in moves])
"""

from __future__ import annotations

import builtins
import contextlib
import csv
import datetime as dt
import difflib
import hashlib
import io
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from enum import Enum
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import tomlkit
import tomlkit.exceptions
from tomlkit.container import Container
from tomlkit.items import (
    AoT,
    Array,
    Comment,
    Float,
    InlineTable,
    Item,
    SingleKey,
    Table,
    Trivia,
    Whitespace,
)
from tomlkit.toml_document import TOMLDocument

from cockpit.folder.sources import french_os_error, list_folder, read_regular
from cockpit.model.immutable import immutable

BOM = b"\xef\xbb\xbf"
FENCE = "+++"
JOURNAL_COLUMNS: dict[str, tuple[str, ...]] = {
    "costs.csv": ("date", "task", "category", "amount", "reference", "comment"),
    "progress.csv": ("date", "task", "percent", "comment"),
    "measures.csv": ("date", "indicator", "value", "comment"),
}


class SaveError(Exception):
    """An edit that cannot be made; the message is French and nothing was written."""


class ConflictError(SaveError):
    """The file changed on disk since it was read."""


class UnsafePathError(SaveError):
    """The path is absolute or leaves the project folder."""


class RecordNotFoundError(SaveError):
    """No record with that id in that register."""


class FileExistsSaveError(SaveError):
    """A creation that would overwrite an existing file."""


@immutable
class Fingerprint:
    """What a file's bytes were when read: their hash, and the file's mtime and size."""

    sha256: str
    mtime_ns: int
    size: int

    @staticmethod
    def of(data: bytes, stat: os.stat_result) -> Fingerprint:
        return Fingerprint(hashlib.sha256(data).hexdigest(), stat.st_mtime_ns, stat.st_size)


@immutable
class Fingerprints:
    """The fingerprint of every file read; None for a file that did not exist."""

    files: Mapping[str, Fingerprint | None]


@immutable
class UndoRecord:
    """One save: the bytes the file held before (None: it did not exist) and after."""

    relative: str
    previous: bytes | None
    written: bytes | None
    changed: bool = True


_MISSING = object()


class ProjectFiles:
    """Reads a project folder (a `FileSource`) and writes it back safely."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self._seen: dict[str, Fingerprint | None] = {}
        remove_stale_temporaries(self.root)

    # -- reading (FileSource) ---------------------------------------------------

    def read_bytes(self, relative: str) -> bytes | None:
        """The file's bytes (None when absent), remembering their fingerprint."""
        key = safe_relative(relative)
        data, stat = _read(self.root, key)
        self._seen[key] = None if data is None or stat is None else Fingerprint.of(data, stat)
        return data

    def list(self, folder: str, suffix: str) -> builtins.list[str]:
        return list_folder(self.root, safe_relative(folder), suffix)

    def read_text(self, relative: str) -> str | None:
        data = self.read_bytes(relative)
        return None if data is None else _decode(data, relative)

    def snapshot(self) -> Fingerprints:
        return Fingerprints(dict(self._seen))

    def fingerprint(self, relative: str) -> Fingerprint | None:
        return self._seen.get(self.resolve(relative)[0])

    def stale(self) -> builtins.list[str]:
        """The files read that changed on disk since (for a reload)."""
        changed = []
        for key, known in self._seen.items():
            path = self.root / key
            try:
                stat = path.stat()
            except OSError:
                if known is not None:
                    changed.append(key)
                continue
            if known is None:
                changed.append(key)
            elif (stat.st_size, stat.st_mtime_ns) != (known.size, known.mtime_ns):
                try:
                    data, _ = _read(self.root, key)
                except OSError:
                    data = None
                if data is None or hashlib.sha256(data).hexdigest() != known.sha256:
                    changed.append(key)
        return sorted(changed)

    def resolve(self, relative: str) -> tuple[str, Path]:
        """The normalised relative path and the absolute one; UnsafePathError outside the folder."""
        key = safe_relative(relative)
        path = self.root / key
        try:
            inside = path.resolve().is_relative_to(self.root.resolve())
        except (OSError, RuntimeError):
            inside = False
        if not inside:
            raise UnsafePathError(
                f"« {relative} » mène hors du dossier du projet (lien symbolique) : "
                "cockpit n'y écrit pas.")
        return key, path

    # -- TOML -------------------------------------------------------------------

    def edit_toml(self, relative: str, mutate: Callable[[TOMLDocument], object]) -> UndoRecord:
        """Parse the file with tomlkit (empty if absent), apply `mutate`, write what changed."""

        def change(previous: bytes | None) -> bytes:
            bom, text = _split_bom(previous, relative)
            return bom + _edit(text, relative, mutate).encode("utf-8")

        return self._save(relative, change)

    def set_field(self, relative: str, *, array: str, record_id: str, key: str,
                  value: object) -> UndoRecord:
        """Set (or, with None, remove) `key` of the `[[array]]` record whose id is `record_id`."""
        return self.edit_toml(relative, lambda d: set_record_field(d, array, record_id, key, value))

    def set_table_field(self, relative: str, table: str, key: str, value: object) -> UndoRecord:
        """Set (or, with None, remove) `key` of `[table]` (dotted names for nested tables)."""
        return self.edit_toml(relative, lambda d: set_table_field(d, table, key, value))

    def set_project_field(self, key: str, value: object) -> UndoRecord:
        """Set a key of cockpit.toml's `[project]` (status_date, phase, ...)."""
        return self.set_table_field("cockpit.toml", "project", key, value)

    def append_record(self, relative: str, array: str, record: Mapping[str, Any],
                      after: str | None = None) -> UndoRecord:
        """Add a `[[array]]` record after the last one, or after the record whose id is
        `after` (a task inserted at its place); refuses an id already used."""

        def change(previous: bytes | None) -> bytes:
            bom, text = _split_bom(previous, relative)
            fast = (_fast_append(text, array, record) if after is None
                    else _fast_insert(text, array, record, after))
            if fast is None:
                fast = _edit(text, relative,
                             lambda d: append_record_to(d, array, record, after=after))
            return bom + fast.encode("utf-8")

        return self._save(relative, change)

    def set_fields(self, relative: str, array: str, record_id: str,
                   values: Mapping[str, object]) -> UndoRecord:
        """Set (None: remove) several keys of one `[[array]]` record in one write. Each
        changed value replaces its own line (a missing key comes after the record's last
        key); the result is parsed back and compared with what was asked, and tomlkit does
        the edit whenever the line-level one cannot be proved right."""

        def change(previous: bytes | None) -> bytes:
            bom, text = _split_bom(previous, relative)
            fast = _fast_set(text, array, record_id, values)
            if fast is None:
                def mutate(document: TOMLDocument) -> None:
                    for key, value in values.items():
                        set_record_field(document, array, record_id, key, value)

                fast = _edit(text, relative, mutate)
            return bom + fast.encode("utf-8")

        return self._save(relative, change)

    def remove_record(self, relative: str, array: str, record_id: str) -> UndoRecord:
        """Remove the `[[array]]` record; the comments before the next record stay."""

        def change(previous: bytes | None) -> bytes:
            bom, text = _split_bom(previous, relative)
            fast = _fast_remove(text, array, record_id)
            if fast is None:
                fast = _edit(text, relative, lambda d: remove_record_from(d, array, record_id))
            return bom + fast.encode("utf-8")

        return self._save(relative, change)

    def append_table(self, relative: str, keys: Sequence[str],
                     values: Mapping[str, object]) -> UndoRecord:
        """Add the table `[keys]` with `values` at the end of the file (created when absent),
        after a blank line, its first key quoted as FORMAT.md writes evidence.toml
        (`["cqpm-…".C4]`); refuses a table already there."""

        def change(previous: bytes | None) -> bytes:
            bom, text = _split_bom(previous, relative)
            data = _loads(text)
            if data is None:
                _parse_toml(text, relative)  # says where the file is broken
                raise SaveError(f"{relative} ne se relit pas : corrigez-le (« cockpit check »).")
            header = ".".join([to_item(keys[0]).as_string(), *(
                k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else to_item(k).as_string()
                for k in keys[1:])])
            if _table_at(data, keys) is not None:
                raise SaveError(f"la table [{header}] existe déjà dans {relative}.")
            lines = [f"[{header}]"]
            for key, value in values.items():
                line = None if value is None else _key_line(key, value)
                if line is not None:
                    lines.append(line)
            tail = "" if not text or text.endswith("\n\n") else (
                "\n" if text.endswith("\n") else "\n\n")
            new = text + tail + "\n".join(lines) + "\n"
            written = _loads(new)
            if written is None or _table_at(written, keys) != {
                    k: _plain(v) for k, v in values.items() if v is not None}:
                raise SaveError(f"cockpit ne sait pas ajouter [{header}] à {relative} : "
                                "ajoutez-la à la main.")
            return bom + new.encode("utf-8")

        return self._save(relative, change)

    def remove_table(self, relative: str, keys: Sequence[str]) -> UndoRecord:
        """Remove the table `[keys]` (see `find_table`); no blank line is left at the end."""

        def change(previous: bytes | None) -> bytes:
            bom, text = _split_bom(previous, relative)

            def mutate(document: TOMLDocument) -> None:
                parent, key = _table_parent(document, keys)
                del parent[key]

            new = _edit(text, relative, mutate)
            if new.endswith("\n\n") and not text.endswith("\n\n"):
                new = new.rstrip("\n") + "\n"
            return bom + new.encode("utf-8")

        return self._save(relative, change)

    def edit_front_matter(self, relative: str,
                          mutate: Callable[[TOMLDocument], object]) -> UndoRecord:
        """Edit the `+++` TOML front matter of a Markdown document; the body is kept as is."""

        def change(previous: bytes | None) -> bytes:
            if previous is None:
                raise SaveError(f"{relative} n'existe pas : créez-le avec write_text(create=True).")
            bom, text = _split_bom(previous, relative)
            lines = text.splitlines(keepends=True)
            closing = next((i for i in range(1, len(lines)) if lines[i].strip() == FENCE), None)
            if not lines or lines[0].strip() != FENCE or closing is None:
                raise SaveError(f"{relative} n'a pas d'en-tête « +++ … +++ » : corrigez-le d'abord.")
            front = _edit("".join(lines[1:closing]), relative, mutate)
            return bom + "".join([lines[0], front, *lines[closing:]]).encode("utf-8")

        return self._save(relative, change)

    # -- CSV and text -----------------------------------------------------------

    def append_csv_row(self, relative: str, row: Mapping[str, object],
                       columns: Sequence[str] | None = None) -> UndoRecord:
        """Append one row to a journal in its header's order; creates the file with a header."""
        return self.append_csv_rows(relative, [row], columns)

    def append_csv_rows(self, relative: str, rows: Sequence[Mapping[str, object]],
                        columns: Sequence[str] | None = None) -> UndoRecord:
        """Append rows to a journal in one write (see `append_csv_row`)."""

        def change(previous: bytes | None) -> bytes:
            if previous is None:
                header = list(columns or JOURNAL_COLUMNS.get(PurePosixPath(relative).name)
                              or list(rows[0] if rows else []))
                newline = "\n"
                text = _csv_line(header, newline)
                head = b""
            else:
                bom, existing = _split_bom(previous, relative)
                first = existing.splitlines(keepends=True)[0] if existing else ""
                newline = "\r\n" if first.endswith("\r\n") else "\n"
                header = next(csv.reader([first.rstrip("\r\n")]), [])
                if not header:
                    raise SaveError(f"{relative} n'a pas de ligne d'en-tête : corrigez-le d'abord.")
                text = "" if not existing or existing.endswith(("\n", "\r")) else newline
                head = previous
            names = {h.strip().lower(): i for i, h in enumerate(header)}
            for row in rows:
                unknown = [k for k in row if k.strip().lower() not in names]
                if unknown:
                    raise SaveError(f"{relative} n'a pas de colonne {', '.join(unknown)} "
                                    f"(colonnes : {','.join(header)}).")
                cells = [""] * len(header)
                for key, value in row.items():
                    cells[names[key.strip().lower()]] = csv_cell(value)
                text += _csv_line(cells, newline)
            return head + text.encode("utf-8")

        return self._save(relative, change)

    def write_text(self, relative: str, text: str, *, create: bool = False) -> UndoRecord:
        """Write a whole text file. `create=True` refuses to overwrite an existing file; without
        it, only a file read before (or absent) is replaced."""

        def change(previous: bytes | None) -> bytes:
            if create and previous is not None:
                raise FileExistsSaveError(f"{relative} existe déjà : cockpit ne l'écrase pas.")
            bom = BOM if previous is not None and previous.startswith(BOM) \
                and not text.startswith("\ufeff") else b""
            return bom + text.encode("utf-8")

        return self._save(relative, change, blind=create)

    def edit_text(self, relative: str, change: Callable[[str], str]) -> UndoRecord:
        """Rewrite an existing text file with `change(text)`; refused like every edit when the
        file changed on disk since it was read."""

        def apply(previous: bytes | None) -> bytes:
            if previous is None:
                raise SaveError(f"{relative} n'existe pas.")
            bom, text = _split_bom(previous, relative)
            return bom + change(text).encode("utf-8")

        return self._save(relative, apply)

    def remove(self, relative: str) -> UndoRecord:
        """Delete a file of the folder (a meeting, a decision matrix); `undo` writes its
        bytes back. Refused like every edit when the file changed on disk since it was read."""
        key, path = self.resolve(relative)
        current, _ = _read_for_save(self.root, key)
        self._verify(key, current, blind=False)
        if current is None:
            raise SaveError(f"{key} n'existe pas : rien à supprimer.")
        with _locked(Path(os.path.realpath(path)), key):
            now, _ = _read_for_save(self.root, key)
            if now != current:
                raise ConflictError(f"{key} vient d'être modifié par un autre programme ; "
                                    "rien n'a été supprimé.")
            path.unlink()
        self._seen[key] = None
        return UndoRecord(key, current, None)

    # -- undo -------------------------------------------------------------------

    def undo(self, record: UndoRecord) -> UndoRecord:
        """Put back the bytes a save replaced; refuses if the file changed since that save."""
        key, path = self.resolve(record.relative)
        if not record.changed:
            return record
        current, stat = _read_for_save(self.root, key)
        if current != record.written:
            raise ConflictError(
                f"{key} a changé depuis cet enregistrement : l'annulation écraserait ces "
                "modifications ; rien n'a été écrit.")
        if record.previous is None:
            path.unlink()
            self._seen[key] = None
        else:
            self._write(path, key, record.previous, current, stat)
        return UndoRecord(key, current, record.previous)

    # -- the one write path -----------------------------------------------------

    def _save(self, relative: str, change: Callable[[bytes | None], bytes],
              *, blind: bool = False) -> UndoRecord:
        key, path = self.resolve(relative)
        current, stat = _read_for_save(self.root, key)
        self._verify(key, current, blind=blind)
        new = change(current)
        if new == current:
            if current is not None and stat is not None:
                self._seen[key] = Fingerprint.of(current, stat)
            return UndoRecord(key, current, current, changed=False)
        self._write(path, key, new, current, stat)
        return UndoRecord(key, current, new)

    def _verify(self, key: str, current: bytes | None, *, blind: bool) -> None:
        known = self._seen.get(key, _MISSING)
        if known is _MISSING:
            if current is not None and blind:
                return  # the caller's check (creation) decides
            return  # never read: the edit is made on what the disk holds now
        if known is None:
            if current is not None:
                raise ConflictError(
                    f"{key} a été créé sur le disque depuis la lecture du projet : rechargez le "
                    "projet avant d'enregistrer ; rien n'a été écrit.")
            return
        assert isinstance(known, Fingerprint)
        if current is None:
            raise ConflictError(
                f"{key} a été supprimé depuis la lecture du projet : rechargez le projet avant "
                "d'enregistrer ; rien n'a été écrit.")
        if hashlib.sha256(current).hexdigest() != known.sha256:
            raise ConflictError(
                f"{key} a été modifié sur le disque depuis sa lecture (par un autre programme ou "
                "à la main) : rechargez le projet avant d'enregistrer ; rien n'a été écrit.")

    def _write(self, path: Path, key: str, data: bytes, current: bytes | None,
               stat: os.stat_result | None) -> None:
        # A link inside the folder (resolve() refused any other) is saved through: its target
        # is replaced, the link stays.
        target = Path(os.path.realpath(path))

        def unchanged() -> None:
            # The last look, once the new bytes are on disk and just before the rename: the
            # window in which another program's write would be lost is this look and the rename.
            now, _ = _read_for_save(self.root, key)
            if now != current:
                raise ConflictError(f"{key} vient d'être modifié par un autre programme ; "
                                    "rien n'a été écrit.")

        mode = (stat.st_mode & 0o7777) if stat is not None else (0o666 & ~_UMASK)
        with _locked(target, key) as replaced:
            if key in JOURNAL_COLUMNS and current and data.startswith(current):
                # A row added to a journal is appended in place (O_APPEND): a row another
                # program appends at the same moment is kept, where a rename would lose it.
                _append(target, data[len(current):])
            else:
                atomic_write(target, data, mode, before_replace=unchanged)
                if replaced is not None:
                    _keep_late_write(replaced, target, key, current, mode)
        self._seen[key] = Fingerprint.of(data, target.stat())


def _append(path: Path, tail: bytes) -> None:
    """Append `tail` to an existing file in one write, and fsync."""
    handle = os.open(path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_CLOEXEC", 0))
    try:
        view = memoryview(tail)
        while view:
            view = view[os.write(handle, view):]
        os.fsync(handle)
    finally:
        os.close(handle)


def atomic_write(path: Path, data: bytes, mode: int = 0o644,
                 before_replace: Callable[[], None] | None = None) -> None:
    """Write to a temporary file of the same directory, fsync, then rename over `path`
    (`before_replace()` may still refuse, by raising, just before the rename). The temporary
    file is removed on any failure; one left by a killed process is removed by the next
    `ProjectFiles` of the folder (`remove_stale_temporaries`): the temporary file stays locked
    until it is renamed, so an unlocked one belongs to no running save."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = _locked_temporary(path)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view):]
        os.fsync(handle)
        os.fchmod(handle, mode)
        if before_replace is not None:
            before_replace()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    finally:
        os.close(handle)
    try:
        directory = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(directory)
    finally:
        os.close(directory)


def _locked_temporary(path: Path) -> tuple[int, str]:
    """A new temporary file beside `path`, open and locked. Another process's
    `remove_stale_temporaries` may remove it between its creation and the lock (it is not
    locked yet): then it is made again."""
    while True:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                             suffix=TEMPORARY)
        try:
            _lock(handle)
            if os.fstat(handle).st_nlink > 0:
                return handle, temporary
        except BaseException:  # a signal while waiting: the file is removed, as any failure
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            os.close(handle)
            raise
        os.close(handle)


def safe_relative(relative: str) -> str:
    """`relative` normalised to a POSIX path inside the folder; UnsafePathError otherwise."""
    text = relative.replace("\\", "/")
    if not text.strip() or "\x00" in text or PurePosixPath(text).is_absolute() \
            or PureWindowsPath(relative).drive:
        raise UnsafePathError(
            f"« {relative} » n'est pas un chemin relatif au dossier du projet : cockpit n'écrit "
            "que dans le dossier du projet.")
    parts: list[str] = []
    for part in PurePosixPath(text).parts:
        if part == "..":
            if not parts:
                raise UnsafePathError(
                    f"« {relative} » sort du dossier du projet : cockpit n'écrit que dans le "
                    "dossier du projet.")
            parts.pop()
        elif part != ".":
            parts.append(part)
    if not parts:
        raise UnsafePathError(f"« {relative} » ne désigne pas un fichier du dossier du projet.")
    return "/".join(parts)


# -- TOML document functions (usable inside one edit_toml) ------------------------


def set_record_field(document: Container, array: str, record_id: str, key: str,
                     value: object) -> None:
    """Set `key` of the record of `[[array]]` whose id is `record_id`; None removes the key."""
    _set(find_record(document, array, record_id), key, value)


def set_table_field(document: Container, table: str, key: str, value: object) -> None:
    """Set `key` of `[table]`, creating the table at the end if needed; None removes the key."""
    container: Any = document
    for part in table.split("."):
        found = container.get(part)
        if found is None:
            if value is None:
                return
            found = tomlkit.table()
            container[part] = found
        elif not isinstance(found, Table | InlineTable):
            raise SaveError(f"« {table} » n'est pas une table.")
        container = found
    _set(container, key, value)


def set_key(container: Container | Table, key: str, value: object) -> None:
    """Set (None: remove) `key` of a document or table; an equal value keeps its bytes."""
    _set(container, key, value)


def set_inline_entries(container: Container | Table | InlineTable, key: str,
                       entries: Mapping[str, object]) -> None:
    """Set (None: remove) entries of the inline table `key` (`scores = { cout = 3 }`),
    created when missing: the other entries keep their text and order, new ones come last,
    and the braces keep the table's own spacing."""
    old = container.get(key)
    if old is not None and not isinstance(old, InlineTable):
        raise SaveError(f"« {key} » n'est pas une table en ligne {{ … }} : corrigez-la d'abord.")
    texts: dict[str, str] = {}
    spaced = True
    if isinstance(old, InlineTable):
        spaced = old.as_string().startswith("{ ") or not len(old)
        texts = {k.key: v.as_string() for k, v in old.value.body if k is not None}
    for name, value in entries.items():
        if value is None:
            texts.pop(name, None)
        elif not (isinstance(old, InlineTable) and name in texts and _plain(value) == old[name]):
            texts[name] = to_item(value).as_string()
    pad = " " if spaced and texts else ""
    rendered = "{" + pad + ", ".join(f"{SingleKey(k).as_string()} = {v}"
                                     for k, v in texts.items()) + pad + "}"
    if isinstance(old, InlineTable) and old.as_string() == rendered:
        return
    item = tomlkit.parse(f"x = {rendered}")["x"]
    kept = old.trivia if isinstance(old, InlineTable) else Trivia()  # a comment after it stays
    item.trivia.comment_ws, item.trivia.comment, item.trivia.trail = (
        kept.comment_ws, kept.comment, kept.trail)
    container[key] = item


def inline_table(entries: Mapping[str, object]) -> Item:
    """A new inline table written `{ a = 1, b = 2 }`, as FORMAT.md shows them."""
    document = tomlkit.parse("x = {}\n")
    set_inline_entries(document, "x", entries)
    item = document.item("x")
    assert isinstance(item, InlineTable)
    return item


def find_table(document: Container, keys: Sequence[str]) -> Table:
    """The table `[keys]`: `("cqpm-…", "C4")` for `["cqpm-…".C4]`; a last key with dots is
    also found written unquoted, as nested tables (`["ms-…".C1.2.3]`)."""
    parent, key = _table_parent(document, keys)
    table = parent[key]
    assert isinstance(table, Table)
    return table


def _table_parent(document: Container, keys: Sequence[str]) -> tuple[Any, str]:
    *head, last = keys
    node: Any = document
    for key in head:
        node = node.get(key) if isinstance(node, Container | Table) else None
    for path in ([last], last.split(".")):
        found = node
        for key in path[:-1]:
            found = found.get(key) if isinstance(found, Container | Table) else None
        if isinstance(found, Container | Table) and isinstance(found.get(path[-1]), Table):
            return found, path[-1]
    raise RecordNotFoundError(f"aucune table [{'.'.join(keys)}].")


def _table_at(data: Mapping[str, Any], keys: Sequence[str]) -> Any:
    node: Any = data
    for key in keys:
        node = node.get(key) if isinstance(node, Mapping) else None
    return node


def find_record(document: Container, array: str, record_id: str) -> Table | InlineTable:
    for record in _records(document, array):
        if record.get("id") == record_id:
            return record
    raise RecordNotFoundError(f"aucun enregistrement [[{array}]] d'identifiant « {record_id} ».")


def append_record_to(document: Container, array: str, record: Mapping[str, Any],
                     after: str | None = None) -> None:
    """Append `[[array]]` after its last record (or after the record whose id is `after`),
    with a blank line before it; the comments that stood before the next record stay there."""
    record_id = record.get("id")
    if record_id is not None and any(r.get("id") == record_id for r in _records(document, array)):
        raise SaveError(f"l'identifiant « {record_id} » existe déjà dans [[{array}]].")
    table = tomlkit.table()
    for key, value in record.items():
        if value is not None:
            table.add(key, to_item(value))
    existing = document.get(array)
    if existing is None:
        text = document.as_string()
        table.trivia.indent = "" if not text or text.endswith("\n\n") else (
            "\n" if text.endswith("\n") else "\n\n")
        aot = tomlkit.aot()
        aot.append(table)
        document.append(array, aot)
        return
    if not isinstance(existing, AoT):
        raise SaveError(f"« {array} » n'est pas une suite de tables [[{array}]] : "
                        "cockpit ne sait pas y ajouter un enregistrement.")
    index = len(existing) - 1
    if after is not None:
        index = next((i for i, r in enumerate(existing) if r.get("id") == after), -1)
        if index < 0:
            raise RecordNotFoundError(f"aucun enregistrement [[{array}]] d'identifiant « {after} ».")
    last = existing[index] if len(existing) else None
    if last is not None:
        tail = _detach_tail(last)
        rendered = last.as_string()
        table.trivia.indent = "" if rendered.endswith("\n\n") else (
            "\n" if rendered.endswith("\n") else "\n\n")
        if index < len(existing) - 1 and not tail:
            tail = [Whitespace("\n")]
        for item in tail:
            table.value.append(None, item)
    if len(existing):
        existing.insert(index + 1, table)
    else:
        existing.append(table)


def remove_record_from(document: Container, array: str, record_id: str) -> None:
    """Remove the record; comments that stood before the next record are kept."""
    existing = document.get(array)
    if isinstance(existing, AoT):
        for index, record in enumerate(existing):
            if record.get("id") == record_id:
                tail = _detach_tail(record)
                del existing[index]
                if index > 0:
                    previous = existing[index - 1]
                    if previous.as_string().endswith("\n\n"):
                        # the blank line before the removed record already separates
                        while tail and isinstance(tail[0], Whitespace):
                            tail.pop(0)
                    for item in tail:
                        previous.value.append(None, item)
                    if not tail and index == len(existing) and _ends(document, existing):
                        # the last record of the file: no blank line left at its end
                        body = previous.value.body
                        while body and body[-1][0] is None and isinstance(
                                body[-1][1], Whitespace) and not body[-1][1].as_string().strip():
                            body.pop()
                return
    elif isinstance(existing, Array):
        for index, item in enumerate(existing):
            if isinstance(item, InlineTable) and item.get("id") == record_id:
                del existing[index]
                return
    raise RecordNotFoundError(f"aucun enregistrement [[{array}]] d'identifiant « {record_id} ».")


def _ends(document: Container, item: Item) -> bool:
    """`item` is the last thing of the document."""
    return bool(document.body) and document.body[-1][1] is item


def to_item(value: object) -> Item:
    """A TOML value for a Python one: dates stay dates, Decimal a number written exactly."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, Item):
        return value
    if isinstance(value, bool | int | dt.date | dt.time):
        return tomlkit.item(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise SaveError(f"« {value} » n'est pas un nombre enregistrable.")
        if value == value.to_integral_value() and "." not in str(value):
            return tomlkit.item(int(value))
        text = format(value, "f")
        return Float(float(value), Trivia(), text if "." in text else text + ".0")
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise SaveError(f"« {value} » n'est pas un nombre enregistrable.")
        return tomlkit.item(value)
    if isinstance(value, str):
        # a multi-line string reads back "\r\n" as "\n": a carriage return is written escaped
        return tomlkit.string(value, multiline="\n" in value and "\r" not in value)
    if isinstance(value, Mapping):
        inline = tomlkit.inline_table()
        for key, inner in value.items():
            if inner is not None:
                inline.append(str(key), to_item(inner))
        return inline
    if isinstance(value, list | tuple):
        array = tomlkit.array()
        for inner in value:
            array.append(to_item(inner))
        return array
    raise SaveError(f"valeur de type {type(value).__name__} non enregistrable en TOML.")


def csv_cell(value: object) -> str:
    """A journal cell: ISO dates, decimal point, no exponent."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


# -- line-level edits of big registers ---------------------------------------------
#
# tomlkit parses and renders a 10,000-line register in about a second; these edits touch
# only the lines they change, then prove the result by parsing it (rtoml, compiled) and
# comparing it with the data expected. None: not provable here, tomlkit does the edit.

_HEADER = re.compile(r"^[ \t]*\[")


def _loads(text: str) -> dict[str, Any] | None:
    import rtoml

    try:
        return rtoml.loads(text)
    except Exception:  # noqa: BLE001 - any parse problem: not provable, tomlkit decides
        return None


def _plain(value: object) -> object:
    return to_item(value).unwrap()


def _key_line(key: str, value: object) -> str | None:
    if not re.fullmatch(r"[A-Za-z0-9_-]+", key):
        return None
    rendered = to_item(value).as_string()
    return None if "\n" in rendered else f"{key} = {rendered}"


def _fast_append(text: str, array: str, record: Mapping[str, Any]) -> str | None:
    data = _loads(text)
    if data is None or not isinstance(data.get(array), list) or not data[array]:
        return None
    lines = text.splitlines(keepends=True)
    headers = [line.strip() for line in lines if _HEADER.match(line)]
    if not headers or headers[-1] != f"[[{array}]]" or not lines[-1].endswith("\n"):
        return None
    last = next((line for line in reversed(lines) if line.strip()), "")
    if last.lstrip().startswith("#"):
        return None  # trailing comments belong to what follows: tomlkit moves them
    if any(isinstance(r, dict) and r.get("id") == record.get("id") for r in data[array]):
        raise SaveError(f"l'identifiant « {record.get('id')} » existe déjà dans [[{array}]].")
    body = _record_lines(array, record)
    if body is None:
        return None
    new = text + ("" if text.endswith("\n\n") else "\n") + "".join(body)
    expected = dict(data)
    expected[array] = [*data[array], {k: _plain(v) for k, v in record.items() if v is not None}]
    return new if _loads(new) == expected else None


@immutable
class _Span:
    """Where one `[[array]]` record stands in a register's text: the data read by rtoml,
    the record's index, the text's lines, its header line, the line after its last key or
    comment (`tail`: the blank lines and comments from there belong to what follows, as
    `_detach_tail` says) and the next header (`end`)."""

    data: dict[str, Any]
    records: builtins.list[Any]
    index: int
    lines: builtins.list[str]
    start: int
    tail: int
    end: int


def _span(text: str, array: str, record_id: str) -> _Span | None:
    """None when the lines cannot be matched with the records (tomlkit decides); a missing
    record is refused."""
    data = _loads(text)
    records = data.get(array) if data is not None else None
    if data is None or not isinstance(records, list):
        return None
    index = next((i for i, r in enumerate(records)
                  if isinstance(r, dict) and r.get("id") == record_id), None)
    if index is None:
        raise RecordNotFoundError(f"aucun enregistrement [[{array}]] d'identifiant "
                                  f"« {record_id} ».")
    lines = text.splitlines(keepends=True)
    header = f"[[{array}]]"
    starts = [n for n, line in enumerate(lines) if line.strip() == header]
    if len(starts) != len(records):
        return None
    start = starts[index]
    end = next((n for n in range(start + 1, len(lines)) if _HEADER.match(lines[n])), len(lines))
    last = end
    while last > start + 1 and (not lines[last - 1].strip()
                                or lines[last - 1].lstrip().startswith("#")):
        last -= 1
    tail = next((n for n in range(last, end) if not lines[n].strip()), end)
    return _Span(data, records, index, lines, start, tail, end)


def _record_lines(array: str, record: Mapping[str, Any]) -> builtins.list[str] | None:
    """The header and one line per key of a new record; None when a value needs more than a
    line (tomlkit writes it)."""
    body = [f"[[{array}]]\n"]
    for key, value in record.items():
        if value is None:
            continue
        line = _key_line(key, value)
        if line is None:
            return None
        body.append(line + "\n")
    return body


def _fast_insert(text: str, array: str, record: Mapping[str, Any], after: str) -> str | None:
    """The record right after the record `after`, before the blank lines and comments that
    lead to the next one: the bytes tomlkit's `append_record_to(after=…)` would write."""
    span = _span(text, array, after) if "\r" not in text else None
    if span is None or not span.lines[span.tail - 1].endswith("\n"):
        return None
    if any(isinstance(r, dict) and r.get("id") == record.get("id") for r in span.records):
        raise SaveError(f"l'identifiant « {record.get('id')} » existe déjà dans [[{array}]].")
    body = _record_lines(array, record)
    if body is None:
        return None
    lines = span.lines
    closing = ["\n"] if span.tail == span.end < len(lines) else []
    new = "".join([*lines[:span.tail], "\n", *body, *closing, *lines[span.tail:]])
    expected = dict(span.data)
    expected[array] = [*span.records[:span.index + 1],
                       {k: _plain(v) for k, v in record.items() if v is not None},
                       *span.records[span.index + 1:]]
    return new if _loads(new) == expected else None


def _fast_remove(text: str, array: str, record_id: str) -> str | None:
    """The text without the record's header and keys. The comments after it, which lead to
    the next record, stay (tomlkit drops those of a first record); its blank lines go when
    blank lines already stand before it, as `remove_record_from` does."""
    span = _span(text, array, record_id)
    if span is None:
        return None
    lines = span.lines
    before, rest = lines[:span.start], lines[span.tail:]
    if span.index == 0 or not before[-1].strip():
        while rest and not rest[0].strip():
            rest = rest[1:]
    while not rest and before and not before[-1].strip():
        before = before[:-1]  # the last record of the file: no blank line left at its end
    new = "".join([*before, *rest])
    expected = dict(span.data)
    expected[array] = [*span.records[:span.index], *span.records[span.index + 1:]]
    if not expected[array]:
        return None  # tomlkit decides what an empty register looks like
    return new if _loads(new) == expected else None


def _fast_set(text: str, array: str, record_id: str, values: Mapping[str, object]) -> str | None:
    span = _span(text, array, record_id)
    if span is None:
        return None
    data, records, index, lines = span.data, span.records, span.index, span.lines
    start, end = span.start, span.end
    record = dict(records[index])
    for key, value in values.items():
        pattern = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=")
        found = [n for n in range(start + 1, end) if pattern.match(lines[n])]
        if len(found) > 1:
            return None
        if value is None:
            record.pop(key, None)
            if found:
                del lines[found[0]]
                end -= 1
            continue
        if found and key in record and type(record[key]) is type(_plain(value)) \
                and record[key] == _plain(value):
            continue  # the same value: keep its bytes as written
        line = _key_line(key, value)
        if line is None:
            return None
        record[key] = _plain(value)
        if found:
            old = lines[found[0]]
            newline = old[len(old.rstrip("\r\n")):] or "\n"
            lines[found[0]] = line + newline
        else:
            at = end
            while at > start + 1 and (not lines[at - 1].strip()
                                      or lines[at - 1].lstrip().startswith("#")):
                at -= 1
            if not lines[at - 1].endswith("\n"):
                return None
            lines.insert(at, line + "\n")
            end += 1
    new = "".join(lines)
    expected = dict(data)
    expected[array] = [*records[:index], record, *records[index + 1:]]
    return new if _loads(new) == expected else None


# -- helpers ----------------------------------------------------------------------

try:
    _UMASK = os.umask(0)
    os.umask(_UMASK)
except OSError:  # pragma: no cover
    _UMASK = 0o022


def _read(root: Path, key: str) -> tuple[bytes | None, os.stat_result | None]:
    """Bytes and stat of one file of the folder, None for both when it does not exist;
    OSError (RefusedFile) for a link out of the folder, a pipe, a device, a huge file."""
    try:
        read = read_regular(root, key)
    except NotADirectoryError:
        return None, None
    return (None, None) if read is None else read


def _read_for_save(root: Path, key: str) -> tuple[bytes | None, os.stat_result | None]:
    try:
        return _read(root, key)
    except OSError as error:
        raise SaveError(f"{key} : {french_os_error(error)} ; rien n'a été écrit.") from error


TEMPORARY = ".tmp"
_TEMPORARY_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")
_WALK_BOUND = 20_000


def _lock(handle: int, blocking: bool = True) -> bool:
    """An exclusive advisory lock on an open file; False when another process holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover (Windows: no cleaning of temporary files)
        return False
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def remove_stale_temporaries(root: Path) -> builtins.list[str]:
    """Remove the temporary files that a killed save left (`.NAME.XXXXXXXX.tmp` that no
    running save holds locked) anywhere in the folder: beside a project file, in a folder a
    link inside the project leads to, beside an output (-o) written into it. Links are not
    followed, hidden folders (.git) are skipped, and the walk stops after _WALK_BOUND
    entries, so that a huge folder cannot delay the start. Their relative paths."""
    removed = []
    visited = 0
    folders = [root]
    while folders and visited < _WALK_BOUND:
        directory = folders.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError:
            continue
        visited += len(entries)
        for entry in entries:
            with contextlib.suppress(OSError):
                if entry.is_dir(follow_symlinks=False):
                    if not entry.name.startswith("."):
                        folders.append(Path(entry.path))
                elif _TEMPORARY_NAME.match(entry.name) and _remove_if_unlocked(entry):
                    removed.append(Path(entry.path).relative_to(root).as_posix())
    return sorted(removed)


def _remove_if_unlocked(entry: os.DirEntry[str]) -> bool:
    if not entry.is_file(follow_symlinks=False):
        return False
    handle = os.open(entry.path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    try:
        if not _lock(handle, blocking=False):
            return False
        os.unlink(entry.path)
        return True
    finally:
        os.close(handle)


@contextlib.contextmanager
def _locked(path: Path, key: str) -> Iterator[int | None]:
    """An exclusive advisory lock on the file being replaced, so that two cockpit processes
    (the TUI and a command) never interleave their check and rename. Yields the open file
    (None for a new file, or where there is no flock), which stays readable once replaced."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover (Windows)
        yield None
        return
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        yield None  # a new file: nothing to lock yet
        return
    try:
        for _attempt in range(50):
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                time.sleep(0.02)
        else:
            raise ConflictError(f"{key} est en cours d'enregistrement par un autre programme ; "
                                "rien n'a été écrit.")
        yield handle
    finally:
        os.close(handle)


def _keep_late_write(replaced: int, target: Path, key: str, current: bytes | None,
                     mode: int) -> None:
    """After the rename: what another program wrote to the replaced file between the last
    look and the rename (the window no lock closes: it does not take cockpit's lock) is not
    lost. Lines it appended are appended to the new file; a file it rewrote in place is put
    back, and the save is refused."""
    size = os.fstat(replaced).st_size
    late = os.pread(replaced, size, 0) if size else b""
    if late == current:
        return
    if current is not None and late.startswith(current):
        _append(target, late[len(current):])
        return
    atomic_write(target, late, mode)
    raise ConflictError(f"{key} vient d'être modifié par un autre programme ; ses "
                        "modifications sont gardées, les vôtres n'ont pas été enregistrées.")


def _decode(data: bytes, relative: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SaveError(f"{relative} n'est pas en UTF-8 : cockpit ne le modifie pas.") from error


def _split_bom(data: bytes | None, relative: str) -> tuple[bytes, str]:
    if data is None:
        return b"", ""
    if data.startswith(BOM):
        return BOM, _decode(data[len(BOM):], relative)
    return b"", _decode(data, relative)


def _parse_toml(text: str, relative: str) -> TOMLDocument:
    try:
        return tomlkit.parse(text)
    except tomlkit.exceptions.TOMLKitError as error:
        raise SaveError(f"{relative} contient une erreur TOML ({error}) : corrigez-la "
                        "(« cockpit check ») avant que cockpit ne le modifie.") from error


def _edit(text: str, relative: str, mutate: Callable[[TOMLDocument], object]) -> str:
    """The text after `mutate`; the lines the edit did not touch keep their exact bytes."""
    document = _parse_toml(text, relative)
    baseline = tomlkit.dumps(document)
    mutate(document)
    rendered = tomlkit.dumps(document)
    return rendered if baseline == text else _carry_over(text, baseline, rendered)


def _carry_over(original: str, baseline: str, rendered: str) -> str:
    """tomlkit does not always give back the text it read (`{ from = 2026-05-11 }` loses the
    space before `}`): map its unchanged rendering line by line onto the original, and take
    from the edited rendering only the lines the edit changed."""
    ours = original.splitlines(keepends=True)
    base = baseline.splitlines(keepends=True)
    if len(ours) != len(base):
        return rendered
    edited = rendered.splitlines(keepends=True)
    out: builtins.list[str] = []
    matcher = difflib.SequenceMatcher(None, base, edited, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        out.extend(ours[i1:i2] if tag == "equal" else edited[j1:j2])
    return "".join(out)


def _records(document: Container, array: str) -> Iterable[Table | InlineTable]:
    existing = document.get(array)
    if isinstance(existing, AoT):
        return list(existing)
    if isinstance(existing, Table):
        return [existing]
    if isinstance(existing, Array):
        return [r for r in existing if isinstance(r, InlineTable)]
    return []


def _set(container: Any, key: str, value: object) -> None:
    if value is None:
        if key in container:
            del container[key]
        return
    item = to_item(value)
    old = container.get(key)
    if isinstance(old, Item):
        before, after = old.unwrap(), item.unwrap()
        if type(before) is type(after) and before == after:
            return  # the same value: keep its bytes as written
    container[key] = item


def _detach_tail(table: Table) -> list[Item]:
    """Cut off the comments and blank lines that end a table after a blank line: they belong
    to what follows the table, so they move with it."""
    body = table.value.body
    end = len(body)
    while end > 0 and body[end - 1][0] is None and isinstance(body[end - 1][1],
                                                              Comment | Whitespace):
        end -= 1
    start = next((i for i in range(end, len(body)) if isinstance(body[i][1], Whitespace)), len(body))
    tail = [item for _, item in body[start:]]
    del body[start:]
    return tail


def _csv_line(cells: Sequence[str], newline: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerow(cells)
    return buffer.getvalue()


# -- outputs (-o FILE) ------------------------------------------------------------------

# What the loader reads: an output never replaces one of these.
_PROJECT_FILES = frozenset((
    "cockpit.toml", "wbs.toml", "budget.toml", "costs.csv", "progress.csv", "risks.toml",
    "actions.toml", "indicators.toml", "measures.csv", "communication.toml",
    "requirements.toml", "evidence.toml"))
_PROJECT_FOLDERS = ("meetings", "docs", "rex", "decisions", "baselines")


def write_output(root: Path | None, output: Path | str, data: bytes) -> None:
    """Write a report or an export to `output` atomically; SaveError (French) when the path
    is a file of the project folder `root`, a symbolic link, a folder or a device, or when
    the system refuses (missing folder, permissions, read-only or full disk)."""
    path = Path(output)
    shown = str(output)
    if root is not None:
        real_root = os.path.realpath(root)
        real = os.path.realpath(path)
        if real.startswith(real_root.rstrip(os.sep) + os.sep):
            relative = PurePosixPath(*Path(os.path.relpath(real, real_root)).parts)
            if str(relative) in _PROJECT_FILES or relative.parts[0] in _PROJECT_FOLDERS:
                raise SaveError(f"« {shown} » est un fichier du projet : cockpit ne l'écrase "
                                "pas. Choisissez un autre nom de fichier.")
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise SaveError(f"impossible d'écrire « {shown} » : {french_os_error(error)}.") from error
    if status is not None:
        import stat as stat_module

        if stat_module.S_ISLNK(status.st_mode):
            raise SaveError(f"« {shown} » est un lien symbolique : cockpit ne le suit pas. "
                            "Donnez le chemin d'un fichier ordinaire.")
        if not stat_module.S_ISREG(status.st_mode):
            raise SaveError(f"« {shown} » n'est pas un fichier ordinaire (dossier, "
                            "périphérique...) : rien n'a été écrit.")
    if not path.parent.is_dir():
        raise SaveError(f"impossible d'écrire « {shown} » : le dossier « {path.parent} » "
                        "n'existe pas.")
    mode = (status.st_mode & 0o7777) if status is not None else (0o666 & ~_UMASK)
    try:
        atomic_write(path.absolute(), data, mode)
    except OSError as error:
        raise SaveError(f"impossible d'écrire « {shown} » : {french_os_error(error)} ; rien "
                        "n'a été écrit.") from error
