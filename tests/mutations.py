"""Single changes to a project folder, for the mutation tests of the gap analysis."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

Mutation = Callable[[Path], None]


def _read(root: Path, file: str) -> list[str]:
    return (root / file).read_text(encoding="utf-8").split("\n")


def _write(root: Path, file: str, lines: list[str]) -> None:
    (root / file).write_text("\n".join(lines), encoding="utf-8")


def _block(lines: list[str], record_id: str) -> tuple[int, int]:
    """The lines of the TOML table `[[…]]` whose id is `record_id`: [start, end)."""
    at = next(i for i, line in enumerate(lines) if re.match(rf'^id\s*=\s*"{re.escape(record_id)}"', line))
    start = max(i for i in range(at + 1) if lines[i].startswith("[["))
    end = next((i for i in range(at + 1, len(lines)) if lines[i].startswith("[")), len(lines))
    return start, end


def drop_key(file: str, record_id: str, *keys: str) -> Mutation:
    """Remove `key = …` (one line, or a multi-line array) from one record."""

    def apply(root: Path) -> None:
        lines = _read(root, file)
        start, end = _block(lines, record_id)
        kept, skipping = [], False
        for number, line in enumerate(lines):
            if start <= number < end and any(re.match(rf"^{k}\s*=", line) for k in keys):
                skipping = line.rstrip().endswith("[") or (line.count("[") > line.count("]"))
                continue
            if skipping:
                skipping = "]" not in line
                continue
            kept.append(line)
        assert kept != lines, (file, record_id, keys)
        _write(root, file, kept)

    return apply


def set_key(file: str, record_id: str, key: str, value: str) -> Mutation:
    def apply(root: Path) -> None:
        lines = _read(root, file)
        start, end = _block(lines, record_id)
        for number in range(start, end):
            if re.match(rf"^{key}\s*=", lines[number]):
                lines[number] = f"{key} = {value}"
                break
        else:
            lines.insert(end if lines[end - 1].strip() else end - 1, f"{key} = {value}")
        _write(root, file, lines)

    return apply


def drop_record(file: str, record_id: str) -> Mutation:
    def apply(root: Path) -> None:
        lines = _read(root, file)
        start, end = _block(lines, record_id)
        _write(root, file, lines[:start] + lines[end:])

    return apply


def drop_records(file: str, table: str) -> Mutation:
    """Remove every `[[table]]` of a file."""

    def apply(root: Path) -> None:
        lines = _read(root, file)
        kept, inside = [], False
        for line in lines:
            if line.startswith("["):
                inside = line.strip() == f"[[{table}]]"
            if not inside:
                kept.append(line)
        assert kept != lines, (file, table)
        _write(root, file, kept)

    return apply


def delete(file: str) -> Mutation:
    def apply(root: Path) -> None:
        (root / file).unlink()

    return apply


def replace(file: str, old: str, new: str) -> Mutation:
    def apply(root: Path) -> None:
        text = (root / file).read_text(encoding="utf-8")
        assert old in text, (file, old)
        (root / file).write_text(text.replace(old, new), encoding="utf-8")

    return apply


def _section(lines: list[str], heading: str) -> tuple[int, int]:
    """The heading's line and the end of its section: [start, end)."""
    start = next(
        i for i, line in enumerate(lines) if line.startswith("#") and line.lstrip("#").strip() == heading
    )
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("#")), len(lines))
    return start, end


def empty_section(file: str, heading: str) -> Mutation:
    """Keep the heading, replace its text by « À compléter. »."""

    def apply(root: Path) -> None:
        lines = _read(root, file)
        start, end = _section(lines, heading)
        _write(root, file, [*lines[: start + 1], "", "À compléter.", "", *lines[end:]])

    return apply


def drop_section(file: str, heading: str) -> Mutation:
    def apply(root: Path) -> None:
        lines = _read(root, file)
        start, end = _section(lines, heading)
        _write(root, file, lines[:start] + lines[end:])

    return apply


def keep_csv_rows(file: str, keep: Callable[[str], bool]) -> Mutation:
    """Keep the header and the rows `keep` accepts."""

    def apply(root: Path) -> None:
        lines = _read(root, file)
        _write(root, file, [lines[0], *(line for line in lines[1:] if line and keep(line))])

    return apply


def drop_lines(file: str, prefix: str) -> Mutation:
    """Remove every line that starts with `prefix` (a key in every record of a register)."""

    def apply(root: Path) -> None:
        lines = _read(root, file)
        kept = [line for line in lines if not line.startswith(prefix)]
        assert kept != lines, (file, prefix)
        _write(root, file, kept)

    return apply
