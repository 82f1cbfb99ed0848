"""Word and PDF reports, read back as a reader would: python-docx for Word, pypdf for PDF.

Every capacity and every status of the gap report is there, text is text (no markup left
escaped or unescaped), the cover gives the project's identity, pages are numbered."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from cockpit.check.state import CheckedState
from cockpit.cli import main
from cockpit.report.build import build, dress, render
from cockpit.report.document import Bullets, Heading, Paragraph, Report, Table
from helpers_office import docx_text, flat, pdf_text

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "robot-soudage"
TODAY = "2026-12-04"
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|&(lt|gt|amp|quot|#\d+);")


def state() -> CheckedState:
    return CheckedState.read(EXAMPLE, dt.date.fromisoformat(TODAY))


@pytest.fixture(scope="module")
def gap_outputs() -> dict[str, tuple[Report, str]]:
    current = state()
    report = dress(build("gap", current), current)
    out = {}
    for fmt, read in (("docx", docx_text), ("pdf", pdf_text)):
        data = render(report, fmt)
        assert isinstance(data, bytes)
        out[fmt] = (report, read(data))
    return out


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_gap_report_has_every_capacity_and_status(gap_outputs: dict[str, tuple[Report, str]],
                                                  fmt: str) -> None:
    _report, text = gap_outputs[fmt]
    gaps = state().gaps
    assert gaps is not None
    words = flat(text)
    for capacity in gaps.capacities:
        assert capacity.id in words
        assert flat(capacity.title)[:40] in words
        assert capacity.status.french in words
        for criterion in capacity.criteria:
            assert criterion.id in words
    assert "Tableau de correspondance" in words


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_cover_identity_and_page_numbers(gap_outputs: dict[str, tuple[Report, str]],
                                         fmt: str) -> None:
    report, text = gap_outputs[fmt]
    words = flat(text)
    for label, value in report.cover:
        assert label in words and flat(value)[:30] in words
    assert "Robotisation de la cellule de soudage S4" in words and "Claire Martin" in words
    if fmt == "pdf":
        assert re.search(r"Page 2 sur \d+", words) and "Page 1 sur" not in words  # not the cover
    else:  # Word computes the numbers: the footer holds its fields
        footer = Document(io.BytesIO(render(report, "docx"))).sections[0].footer._element.xml
        assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    assert not MARKUP.search(text)


def hostile() -> Report:
    return Report("Rapport <b>&amp;", "sous-titre <i>", (
        *(Heading(f"Section {n} <h1>") for n in range(6)),
        Paragraph("<script>alert(1)</script> & \x0b fin", "warning"),
        Bullets(("a < b", "c > d")),
        Table(("Col <x>", "Montant"), (("a|b", "1 €"), ("<i>", "&lt;")), numeric=(1,),
              highlight=(0,)),
    ), cover=(("Projet", "<projet>"),))


@pytest.mark.parametrize("fmt,read", [("docx", docx_text), ("pdf", pdf_text)])
def test_text_stays_text(fmt: str, read: object) -> None:
    data = render(hostile(), fmt)
    assert isinstance(data, bytes)
    text = read(data)  # type: ignore[operator]
    assert "<script>alert(1)</script> &" in text and "a < b" in text and "&lt;" in text
    assert "<projet>" in text and "Sommaire" in text  # six sections: a table of contents
    assert "&amp;lt;" not in text and "\x0b" not in text


@pytest.mark.parametrize("kind", ["status", "copil", "rex"])
def test_every_kind_in_word_with_its_charts(kind: str) -> None:
    current = state()
    report = dress(build(kind, current), current)
    data = render(report, "docx")
    assert isinstance(data, bytes)
    document = Document(io.BytesIO(data))
    text = docx_text(data)
    for block in report.blocks:
        if isinstance(block, Heading):
            assert block.text in text
    charts = sum(1 for b in report.blocks if type(b).__name__ == "Chart")
    assert len(document.inline_shapes) == charts > 0
    assert any(p.style is not None and p.style.name == "Heading 1" for p in document.paragraphs)


def test_report_command_writes_docx_and_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                            ) -> None:
    for fmt in ("docx", "pdf"):
        out = tmp_path / f"ecarts.{fmt}"
        assert main(["report", "gap", str(EXAMPLE), "--format", fmt, "-o", str(out),
                     "--today", TODAY]) == 0
        assert out.read_bytes()[:4] in (b"PK\x03\x04", b"%PDF")
    assert "Rapport écrit dans" in capsys.readouterr().err


def test_check_imports_no_office_library() -> None:
    """`cockpit check` and the other reports never pay for python-docx or WeasyPrint, nor
    for the process pool of the exam centre's many-folder check."""
    code = ("import sys\nfrom cockpit.cli import main\n"
            f"main(['check', {str(EXAMPLE)!r}, '--today', {TODAY!r}])\n"
            f"main(['report', 'gap', {str(EXAMPLE)!r}, '--format', 'html', '--today', {TODAY!r}])\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'docx', 'weasyprint', 'pypdf', 'lxml', 'pydyf', 'tinycss2', 'multiprocessing', "
            "'concurrent'}), file=sys.stderr)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stderr.strip().splitlines()[-1] == "[]"


def test_word_parts_follow_the_schema_order() -> None:
    """One default language, French; updateFields before compat in the settings (Word
    refuses parts whose elements are duplicated or out of order)."""
    from docx.oxml.ns import qn

    document = Document(io.BytesIO(render(hostile(), "docx")))  # six sections: a TOC
    defaults = document.styles.element.find(qn("w:docDefaults"))
    languages = defaults.findall(f".//{qn('w:lang')}")
    assert [lang.get(qn("w:val")) for lang in languages] == ["fr-FR"]
    names = [child.tag.rsplit("}", 1)[-1] for child in document.settings.element]
    assert names.index("updateFields") < names.index("compat")


def test_word_paragraphs_unwrap_hand_wrapped_text() -> None:
    report = Report("R", "", (Paragraph("ligne un\nligne deux\n\nsecond paragraphe"),))
    texts = [p.text for p in Document(io.BytesIO(render(report, "docx"))).paragraphs]
    assert "ligne un ligne deux" in texts and "second paragraphe" in texts


def four_statuses() -> Report:
    """A gap report with a capacity in each status, and a justification quoted."""
    from cockpit.referentials.gaps import CapacityResult, CriterionResult, Evidence, GapReport, Status
    from cockpit.report import gap

    capacities = tuple(
        CapacityResult(f"C{n}", f"Capacité {status.french}", "", status, (
            CriterionResult(f"C{n}.1", f"Critère {n} <b>&amp;", "", status,
                            (Evidence("docs/note.md", 12, heading="Méthode",
                                      excerpt="Chronométrage de 40 changements"),)
                            if status is Status.COVERED else (),
                            ("apportez un compte rendu",) if status is Status.MISSING else (),
                            judgement=status is Status.TO_JUSTIFY),))
        for n, status in enumerate(Status, start=1))
    return gap.build(GapReport("cqpm-test", "Référentiel d'essai", capacities), "Projet",
                     dt.date(2026, 4, 17))


@pytest.mark.parametrize("fmt,read", [("docx", docx_text), ("pdf", pdf_text)])
def test_every_status_in_word_and_pdf(fmt: str, read: object) -> None:
    data = render(four_statuses(), fmt)
    assert isinstance(data, bytes)
    text = flat(read(data))  # type: ignore[operator]
    for word in ("couvert", "partiel", "manquant", "à justifier"):
        assert word in text
    assert "Chronométrage de 40 changements" in text and "apportez un compte rendu" in text
    assert "Critère 1 <b>&amp;" in text  # the text as written, neither interpreted nor escaped


def test_same_folder_same_bytes() -> None:
    report = four_statuses()
    assert render(report, "docx") == render(report, "docx")
    assert render(report, "pdf") == render(report, "pdf")
