"""Random and mutated bytes in every file of the folder: diagnostics, never an exception.

Each example writes one file of the clean folder (helpers_folder) with random bytes or a
mutation of its valid content (bit flips, inserted or deleted bytes, truncation, NUL,
random Unicode, shuffled lines), then loads and checks the whole folder. The edges of
numbers and dates (NaN, infinities, huge values, year 1, 9999-12-31, 99,999,999 days) replace
the numbers, dates and durations of every file kind, and the folder is also reported on.
`COCKPIT_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz_loaders.py` runs a longer campaign.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cockpit.check.run import run_check
from cockpit.folder import load_project
from helpers_folder import CLEAN, TODAY, make_project

EXAMPLES = int(os.environ.get("COCKPIT_FUZZ_EXAMPLES", "100"))
TARGETS = sorted(CLEAN)
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
UNICODE = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)
TOML_BITS = st.sampled_from([
    "[[", "]]", "[", "]", "=", '"', "'''", '"""', "{", "}", ",", "#", "\n", "\r\n", "+++",
    "2026-02-30", "2026-13-01", "1e999", "-0", "inf", "nan", "true", "[[task]]\n", "id = 3\n",
    "after = [1]\n", 'after = "x"\n', "duration = 5\n", "task = {}\n", "x.y.z = 1\n",
    '["a".b]\n', "\ufeff", "\x00", "\t", "é", "🙂", "\u2028", "\\u0000", "%", ";", "..",
    "/etc/passwd", "../x.md", "#anchor", "- A7 — @x — 2026-02-30 — y\n", "## Actions\n",
])


def _mutations(data: bytes) -> st.SearchStrategy[bytes]:
    size = len(data)
    position = st.integers(0, size)
    flip = st.tuples(st.integers(0, max(size - 1, 0)), st.integers(0, 7)).map(
        lambda p: data[:p[0]] + bytes([data[p[0]] ^ (1 << p[1])]) + data[p[0] + 1:] if size else data)
    insert = st.tuples(position, st.binary(min_size=1, max_size=8)).map(
        lambda p: data[:p[0]] + p[1] + data[p[0]:])
    delete = st.tuples(position, st.integers(1, 40)).map(lambda p: data[:p[0]] + data[p[0] + p[1]:])
    truncate = position.map(lambda p: data[:p])
    nul = position.map(lambda p: data[:p] + b"\x00" + data[p:])
    text = st.tuples(position, st.one_of(UNICODE, TOML_BITS)).map(
        lambda p: data[:p[0]] + p[1].encode("utf-8", "surrogatepass") + data[p[0]:])
    lines = data.split(b"\n")
    shuffled = st.permutations(lines).map(lambda ls: b"\n".join(ls))
    duplicated = st.integers(0, len(lines) - 1).map(
        lambda i: b"\n".join(lines[:i + 1] + lines[i:]))
    latin1 = st.just(data.decode("utf-8", "replace").encode("latin-1", "replace"))
    return st.one_of(flip, insert, delete, truncate, nul, text, shuffled, duplicated, latin1)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    target = draw(st.sampled_from(TARGETS))
    data = CLEAN[target].encode("utf-8")
    for _ in range(draw(st.integers(1, 4))):
        data = draw(_mutations(data))
    return target, data


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("fuzz"))


def _survives(root: Path, target: str, data: bytes) -> None:
    path = root / target
    try:
        path.write_bytes(data)
        loaded = load_project(root)
        result = run_check(root, today=TODAY)
        assert all(d.line >= 1 and d.message and d.file for d in result.diagnostics)
        if data != CLEAN[target].encode("utf-8") and loaded.project is None:
            assert loaded.diagnostics, "an unusable folder says why"
    finally:
        path.write_bytes(CLEAN[target].encode("utf-8"))


@FUZZ
@given(case=mutated())
def test_mutated_files_never_raise(folder: Path, case: tuple[str, bytes]) -> None:
    _survives(folder, *case)


@FUZZ
@given(target=st.sampled_from(TARGETS), data=st.binary(max_size=400))
def test_random_bytes_never_raise(folder: Path, target: str, data: bytes) -> None:
    _survives(folder, target, data)


@FUZZ
@given(target=st.sampled_from(TARGETS), text=st.text(max_size=300))
def test_random_unicode_never_raises(folder: Path, target: str, text: str) -> None:
    _survives(folder, target, text.encode("utf-8", "surrogatepass"))


@settings(max_examples=max(EXAMPLES // 3, 20), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(pieces=st.lists(st.tuples(st.sampled_from(TARGETS), st.one_of(TOML_BITS, UNICODE)),
                       min_size=1, max_size=6))
def test_several_broken_files_at_once(tmp_path: Path, pieces: list[tuple[str, str]]) -> None:
    root = tmp_path / "p"
    shutil.rmtree(root, ignore_errors=True)
    changes: dict[str, str | bytes | None] = {}
    for target, piece in pieces:
        base = changes.get(target, CLEAN[target])
        assert isinstance(base, str)
        middle = len(base) // 2
        changes[target] = base[:middle] + piece + base[middle:]
    make_project(root, changes)
    run_check(root, today=TODAY)


def test_a_file_that_is_a_folder_or_missing_never_raises(tmp_path: Path) -> None:
    for target in TARGETS:
        root = tmp_path / target.replace("/", "_")
        make_project(root, {target: None})
        run_check(root, today=TODAY)
        (root / target).mkdir(parents=True)
        result = run_check(root, today=TODAY)
        assert any(d.code == "F014" and d.file == target for d in result.diagnostics) or \
            target.endswith(".md") or target.startswith("decisions/")


# -- the edges of numbers and dates, in every file kind ----------------------------------------

NUMBER_EDGES = ("nan", "inf", "-inf", "+nan", "1e308", "-1e308", "6.1e9991", "1e-320", "0", "-0",
                "99999999999999999999", "1" + "0" * 400, "0.0000001", "-1")
CSV_NUMBER_EDGES = ("NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1e308", "1" + "0" * 400,
                    "0E-1000000", "sNaN", "1e999999999")
DATE_EDGES = ("0001-01-01", "9999-12-31", "1899-12-31", "1900-01-01", "2199-12-31", "2200-01-01",
              "2024-02-29", "1970-01-01")
DURATION_EDGES = ("99999999j", "10000j", "10001j", "2000s", "240000h", "0j", "-0j", "-99999999j",
                  "0,0001j", "1e9h")
_NUMBER = re.compile(r"(?<=[=,{ ] )-?\d+(?:\.\d+)?(?=\s*(?:$|[,}#\]]))|(?<=,)-?\d+(?:\.\d+)?(?=,|$)",
                     re.M)
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_DURATION = re.compile(r'(?<=")[+-]?\d+[jdswh](?=")|(?<=[+-])\d+[jdswh](?=")')


_STRING = re.compile(r'(?<== )"[^"\n]*"')


def _edges_of(target: str) -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    numbers = CSV_NUMBER_EDGES if target.endswith(".csv") else NUMBER_EDGES
    edges = [(_NUMBER, numbers), (_DATE, DATE_EDGES), (_DURATION, DURATION_EDGES)]
    if not target.endswith(".csv"):     # an edge where a text is expected: a type error
        edges.append((_STRING, NUMBER_EDGES + DATE_EDGES))
    return edges


@st.composite
def edged(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file of the clean folder with one or several of its numbers, dates or durations
    replaced by an edge value."""
    target = draw(st.sampled_from(TARGETS))
    text = CLEAN[target]
    spots = [(m.start(), m.end(), values) for pattern, values in _edges_of(target)
             for m in pattern.finditer(text)]
    assume(spots)
    chosen = sorted(draw(st.lists(st.sampled_from(spots), min_size=1, max_size=3, unique=True)),
                    reverse=True)
    for start, end, values in chosen:
        text = text[:start] + draw(st.sampled_from(values)) + text[end:]
    return target, text.encode("utf-8")


def _reported(root: Path) -> None:
    from cockpit.check.state import CheckedState
    from cockpit.report.build import ReportError, build, dress, render
    from cockpit.state import Unreadable

    try:
        state = CheckedState.read(root, TODAY)
        for kind in ("status", "copil"):
            render(dress(build(kind, state), state), "md")
    except (ReportError, Unreadable):
        pass


@settings(max_examples=max(EXAMPLES // 2, 40), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(case=edged())
def test_edges_of_numbers_and_dates_never_raise(folder: Path, case: tuple[str, bytes]) -> None:
    target, data = case
    try:
        _survives(folder, target, data)
        (folder / target).write_bytes(data)
        _reported(folder)
    finally:
        (folder / target).write_bytes(CLEAN[target].encode("utf-8"))


def test_every_file_kind_has_numbers_or_dates_to_push_to_the_edges() -> None:
    kinds = {target: [p.pattern for p, _ in _edges_of(target) if p.search(CLEAN[target])]
             for target in TARGETS}
    assert all(kinds.values()), [t for t, found in kinds.items() if not found]
