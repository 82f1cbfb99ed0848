"""The loader's fast paths give exactly what the reference parsers give, or step aside.

folder/fasttoml.py must equal tomllib (and TomlLocator) wherever it answers, and answer
None wherever tomllib fails; the quick heading scanner of folder/markdown.py must equal
markdown-it wherever it answers.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cockpit.folder.fasttoml import fast_parse
from cockpit.folder.locator import TomlLocator
from cockpit.folder.markdown import _markdown_it_sections, _quick_sections, parse_sections
from helpers_folder import CLEAN

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted([*ROOT.glob("examples/**/*.toml"), *ROOT.glob("src/cockpit/templates/**/*.toml")])
MARKDOWN = sorted([*ROOT.glob("examples/**/*.md"), *ROOT.glob("src/cockpit/templates/**/*.md"),
                   *ROOT.glob("docs/*.md")])


def _same_as_tomllib(text: str) -> None:
    fast = fast_parse(text)
    try:
        expected = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError:
        assert fast is None, text
        return
    if fast is None:
        return
    data, locator = fast
    assert data == expected
    assert {k: type(v) for k, v in data.items()} == {k: type(v) for k, v in expected.items()}
    reference = TomlLocator(text)
    assert locator._tables == reference._tables
    assert locator._keys == reference._keys


@pytest.mark.parametrize("text", [*CLEAN.values()], ids=list(CLEAN))
def test_fast_toml_on_the_sample_folder(text: str) -> None:
    if text.startswith("+++"):
        text = text.split("+++")[1]
    _same_as_tomllib(text)


@pytest.mark.parametrize("path", SAMPLES, ids=[str(p.relative_to(ROOT)) for p in SAMPLES])
def test_fast_toml_on_examples_and_templates(path: Path) -> None:
    _same_as_tomllib(path.read_text("utf-8-sig"))


def test_fast_toml_answers_for_registers() -> None:
    assert fast_parse(CLEAN["wbs.toml"]) is not None
    assert fast_parse(CLEAN["actions.toml"].replace("\n", "\r\n")) is not None


@pytest.mark.parametrize("text", [
    'a = 1\na = 2\n', '[x]\n[x]\n', '[[x]]\n[x]\n', 'x = 1\n[[x]]\n', '[x]\n[[x]]\n', 'a = 2026-02-30\n',
    'a = "x\\"y"\n', 'a = "\x00"\n', 'a = 01\n', 'a = "x" b\n', '[[x]\n', 'a = [1, 2]\n', 'a.b = 1\n',
    'a = """x"""\n', 'a = \'x\'\nb = "é"  # c\r\n', 'a = "x"\r', '"a" = 1\n', 'a = -0\nb = +1.50\n',
    '[ x ]\n[[ y ]]\na = [ "x" , \'y\' , ]\n', 'a = 1 # \x7f\n', 'a = "tab\tok"\n', 'a=true#c\n',
])
def test_fast_toml_edge_cases(text: str) -> None:
    _same_as_tomllib(text)


KEY = st.sampled_from(["id", "name", "a", "b-c", "x_1", "task", "after", "0"])
PIECE = st.one_of(
    st.builds(lambda k, v: f"{k} = {v}", KEY, st.one_of(
        st.text(max_size=10).map(lambda s: '"' + s.replace('"', "").replace("\\", "") + '"'),
        st.integers(-10**6, 10**6).map(str), st.dates().map(str), st.sampled_from(
            ["true", "false", "1.5", "-0.25", '["a", "b"]', "[]", "2026-02-30", "{a = 1}", "1e3"]))),
    st.builds(lambda k: f"[[{k}]]", KEY), st.builds(lambda k: f"[{k}]", KEY),
    st.sampled_from(["", "# commentaire", "   ", "\t# x", "[[task]] # t"]),
    st.text(max_size=8),
)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(lines=st.lists(PIECE, max_size=12), newline=st.sampled_from(["\n", "\r\n"]))
def test_fast_toml_equals_tomllib(lines: list[str], newline: str) -> None:
    _same_as_tomllib(newline.join(lines) + newline)


@pytest.mark.parametrize("path", MARKDOWN, ids=[str(p.relative_to(ROOT)) for p in MARKDOWN])
def test_quick_sections_on_real_documents(path: Path) -> None:
    body = path.read_text("utf-8")
    quick = _quick_sections(body, 3)
    if quick is not None:
        assert quick == _markdown_it_sections(body, 3)


def test_quick_sections_answer_for_minutes() -> None:
    body = CLEAN["meetings/2026-01-12-lancement.md"].split("+++")[2]
    assert _quick_sections(body, 9) is not None
    assert parse_sections(body, 9) == _markdown_it_sections(body, 9)


MD_LINE = st.one_of(
    st.sampled_from(["## Actions", "# Titre", "### Décisions ###", "#NotHeading", "####### seven",
                     "- A1 — @x — 2026-01-01 — y", "", "texte", "   ## indenté", "    # code",
                     "```", "~~~", "---", "===", "> # cité", "- # liste", "1. # liste", "<div>",
                     "## ", "#", "## a #", "## a#", "\t# tab", "* item", "## *gras*", "## `code`",
                     "## a \\#", "  texte", "## Écarts &amp; suites"]),
    st.text(max_size=12),
)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(lines=st.lists(MD_LINE, max_size=12))
def test_quick_sections_equal_markdown_it(lines: list[str]) -> None:
    body = "\n".join(lines)
    quick = _quick_sections(body, 5)
    if quick is not None:
        assert quick == _markdown_it_sections(body, 5)
