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
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from enum import Enum
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import tomlkit
import tomlkit.exceptions
from tomlkit.container import Container
from tomlkit.items import AoT, Array, Comment, Float, InlineTable, Item, Table, Trivia, Whitespace
from tomlkit.toml_document import TOMLDocument

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

    # -- reading (FileSource) ---------------------------------------------------

    def read_bytes(self, relative: str) -> bytes | None:
        """The file's bytes (None when absent), remembering their fingerprint."""
        key, path = self.resolve(relative)
        data, stat = _read(path)
        self._seen[key] = None if data is None or stat is None else Fingerprint.of(data, stat)
        return data

    def list(self, folder: str, suffix: str) -> builtins.list[str]:
        key, directory = self.resolve(folder)
        if not directory.is_dir():
            return []
        return sorted(f"{key}/{p.name}" for p in directory.iterdir()
                      if p.name.endswith(suffix) and not p.name.startswith("."))

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
                data, _ = _read(path)
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

    def append_record(self, relative: str, array: str, record: Mapping[str, Any]) -> UndoRecord:
        """Add a `[[array]]` record after the last one; refuses an id already used."""
        return self.edit_toml(relative, lambda d: append_record_to(d, array, record))

    def remove_record(self, relative: str, array: str, record_id: str) -> UndoRecord:
        return self.edit_toml(relative, lambda d: remove_record_from(d, array, record_id))

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

    # -- undo -------------------------------------------------------------------

    def undo(self, record: UndoRecord) -> UndoRecord:
        """Put back the bytes a save replaced; refuses if the file changed since that save."""
        key, path = self.resolve(record.relative)
        if not record.changed:
            return record
        current, stat = _read(path)
        if current != record.written:
            raise ConflictError(
                f"{key} a changé depuis cet enregistrement : l'annulation écraserait ces "
                "modifications ; rien n'a été écrit.")
        if record.previous is None:
            path.unlink()
            self._seen[key] = None
        else:
            self._write(path, key, record.previous, stat)
        return UndoRecord(key, current, record.previous)

    # -- the one write path -----------------------------------------------------

    def _save(self, relative: str, change: Callable[[bytes | None], bytes],
              *, blind: bool = False) -> UndoRecord:
        key, path = self.resolve(relative)
        current, stat = _read(path)
        self._verify(key, current, blind=blind)
        new = change(current)
        if new == current:
            if current is not None and stat is not None:
                self._seen[key] = Fingerprint.of(current, stat)
            return UndoRecord(key, current, current, changed=False)
        self._write(path, key, new, stat)
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

    def _write(self, path: Path, key: str, data: bytes, stat: os.stat_result | None) -> None:
        # Last look just before replacing: a write between the check and now is a conflict.
        try:
            now = path.stat()
        except FileNotFoundError:
            now = None
        if (now is None) != (stat is None) or (
                now is not None and stat is not None
                and (now.st_mtime_ns, now.st_size) != (stat.st_mtime_ns, stat.st_size)):
            raise ConflictError(f"{key} vient d'être modifié par un autre programme ; "
                                "rien n'a été écrit.")
        mode = (stat.st_mode & 0o7777) if stat is not None else (0o666 & ~_UMASK)
        atomic_write(path, data, mode)
        self._seen[key] = Fingerprint.of(data, path.stat())


def atomic_write(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write to a temporary file of the same directory, fsync, then rename over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    try:
        directory = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(directory)
    finally:
        os.close(directory)


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


def find_record(document: Container, array: str, record_id: str) -> Table | InlineTable:
    for record in _records(document, array):
        if record.get("id") == record_id:
            return record
    raise RecordNotFoundError(f"aucun enregistrement [[{array}]] d'identifiant « {record_id} ».")


def append_record_to(document: Container, array: str, record: Mapping[str, Any]) -> None:
    """Append `[[array]]` after its last record, with a blank line before it."""
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
    last = existing[-1] if len(existing) else None
    if last is not None:
        tail = _detach_tail(last)
        rendered = last.as_string()
        table.trivia.indent = "" if rendered.endswith("\n\n") else (
            "\n" if rendered.endswith("\n") else "\n\n")
        for item in tail:
            table.value.append(None, item)
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
                    for item in tail:
                        existing[index - 1].value.append(None, item)
                return
    elif isinstance(existing, Array):
        for index, item in enumerate(existing):
            if isinstance(item, InlineTable) and item.get("id") == record_id:
                del existing[index]
                return
    raise RecordNotFoundError(f"aucun enregistrement [[{array}]] d'identifiant « {record_id} ».")


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


# -- helpers ----------------------------------------------------------------------

try:
    _UMASK = os.umask(0)
    os.umask(_UMASK)
except OSError:  # pragma: no cover
    _UMASK = 0o022


def _read(path: Path) -> tuple[bytes | None, os.stat_result | None]:
    """Bytes and stat of one file, None for both when it does not exist."""
    try:
        with path.open("rb") as stream:
            stat = os.fstat(stream.fileno())
            return stream.read(), stat
    except FileNotFoundError:
        return None, None
    except NotADirectoryError:
        return None, None


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
