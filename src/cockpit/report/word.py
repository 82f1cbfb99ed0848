"""A `Report` as a Word document (.docx), written with python-docx.

A cover page with the project's identity, a table of contents for the longer reports, then
the blocks: headings as Word headings (so that the table of contents and the navigation pane
find them), tables with their header row repeated on each page, charts as PNG images drawn by
matplotlib, « Page n sur N » in the footer. python-docx escapes every text it writes; the
characters that XML cannot hold at all (control characters of a hostile file) are dropped.

The table of contents is a Word field: its entries are written as they stand (without page
numbers) and Word is asked to update the fields when it opens the file, which adds them.
Imported only by `--format docx`: python-docx and matplotlib take a while to import.
"""

from __future__ import annotations

import io
import re
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from cockpit.report.document import Bullets, Chart, Heading, Paragraph, Report, Table

# XML 1.0 has no place for these: python-docx (lxml) would refuse the whole document.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
TOC_MIN_HEADINGS = 5  # a report with at least this many sections gets a table of contents
HIGHLIGHT = "FFF1E5"
HEADER_FILL = "F6F8FA"
MUTED = RGBColor(0x59, 0x63, 0x6E)
WARNING = RGBColor(0xB3, 0x59, 0x00)
OK = RGBColor(0x1A, 0x7F, 0x37)


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _field(paragraph: Any, instruction: str, shown: str) -> None:
    """A simple Word field (PAGE, NUMPAGES) with the text shown until Word updates it."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _fld_char(run: Any, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run._r.append(char)


def _shade(cell: Any, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _french(document: Any) -> None:
    """French spelling and hyphenation for the whole document: the template's default
    language (its one `w:lang`, which a second one would make invalid) becomes French."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    language = run_properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        run_properties.append(language)  # the last child the template's rPr may have
    language.set(qn("w:val"), "fr-FR")
    document.styles["Normal"].font.size = Pt(10)


# w:settings children that come after w:updateFields in the schema's sequence (ECMA-376
# CT_Settings): Word refuses a settings part whose children are out of order.
_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars",
                        "rsids", "mathPr", "attachedSchema", "themeFontLang",
                        "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                        "doNotAutoCompressPictures", "forceUpgrade", "captions",
                        "readModeInkLockDown", "smartTagType", "schemaLibrary",
                        "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
                        "listSeparator")


def _update_fields_on_open(document: Any) -> None:
    """Ask Word to update the fields (the table of contents' page numbers) on opening."""
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    following = next((child for child in settings
                      if child.tag.rsplit("}", 1)[-1] in _AFTER_UPDATE_FIELDS), None)
    if following is None:
        settings.append(update)
    else:
        following.addprevious(update)


def _cover(document: Any, report: Report) -> None:
    document.add_paragraph(clean(report.title), style="Title")
    if report.subtitle:
        subtitle = document.add_paragraph()
        run = subtitle.add_run(clean(report.subtitle))
        run.font.color.rgb = MUTED
        run.font.size = Pt(12)
    if report.cover:
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, value in report.cover:
            cells = table.add_row().cells
            cells[0].text = clean(label)
            cells[0].paragraphs[0].runs[0].bold = True
            cells[1].text = clean(value)
            _shade(cells[0], HEADER_FILL)
        for row in table.rows:
            row.cells[0].width = Cm(5)
            row.cells[1].width = Cm(12)
    note = document.add_paragraph()
    note.add_run("Document généré par cockpit à partir des fichiers du projet.").italic = True


def _toc(document: Any, headings: list[Heading]) -> None:
    """A TOC field whose cached entries are the headings; Word adds the page numbers."""
    document.add_paragraph("Sommaire", style="TOC Heading")
    first = document.add_paragraph()
    begin = first.add_run()
    _fld_char(begin, "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = ' TOC \\o "1-2" \\h \\z \\u '
    begin._r.append(instruction)
    _fld_char(first.add_run(), "separate")
    paragraph = first
    for index, heading in enumerate(headings):
        if index:
            paragraph = document.add_paragraph()
        paragraph.paragraph_format.left_indent = Cm(0.6 * (heading.level - 2))
        paragraph.add_run(clean(heading.text))
    _fld_char(paragraph.add_run(), "end")
    _update_fields_on_open(document)


def _footer(document: Any, report: Report) -> None:
    section = document.sections[0]
    section.different_first_page_header_footer = True  # the cover has no number
    header = section.header.paragraphs[0]
    run = header.add_run(clean(report.title))
    run.font.size = Pt(8)
    run.font.color.rgb = MUTED
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" sur ")
    _field(footer, "NUMPAGES", "1")


TEXT_WIDTH_CM = 17.0  # A4 less the 2 cm margins


def _widths(block: Table) -> list[Any]:
    """Column widths shared by how much each column has to say (a long text wraps, a short
    code does not): without them, a reader other than Word draws equal columns."""
    need = []
    for index, title in enumerate(block.columns):
        longest = max((len(row[index]) for row in block.rows if index < len(row)), default=0)
        need.append(max(min(longest, 60), len(title), 4) ** 0.75)
    total = sum(need)
    return [Cm(TEXT_WIDTH_CM * n / total) for n in need]


def _table(document: Any, block: Table) -> None:
    if block.caption:
        document.add_paragraph(clean(block.caption), style="Caption")
    table = document.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = _widths(block)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid, which LibreOffice reads; Word reads the cells'
    numeric = set(block.numeric)
    highlight = set(block.highlight)
    header = table.rows[0]
    repeat = OxmlElement("w:tblHeader")  # the header row repeats on each page
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for index, (cell, title) in enumerate(zip(header.cells, block.columns, strict=True)):
        cell.text = clean(title)
        cell.width = widths[index]
        run = cell.paragraphs[0].runs[0]
        run.bold = True
        run.font.size = Pt(8)
        _shade(cell, HEADER_FILL)
        if index in numeric:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for row_index, row in enumerate(block.rows):
        cells = table.add_row().cells
        for index, (cell, value) in enumerate(zip(cells, row, strict=False)):
            cell.width = widths[index]
            paragraph = cell.paragraphs[0]
            paragraph.add_run(clean(value)).font.size = Pt(8)
            if index in numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if row_index in highlight:
                _shade(cell, HIGHLIGHT)
    document.add_paragraph()


def _chart(document: Any, block: Chart) -> None:
    from cockpit.report.charts import png

    document.add_picture(io.BytesIO(png(block)), width=Cm(16))
    document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(clean(block.title), style="Caption")


def _paragraphs(document: Any, block: Paragraph) -> None:
    """A text as Word paragraphs: blank lines separate them, a single line break is a space
    (the text of a TOML or Markdown file is wrapped by hand, as HTML shows it)."""
    for text in re.split(r"\n\s*\n", clean(block.text).strip()) or [""]:
        run = document.add_paragraph().add_run(" ".join(text.split()))
        if block.tone == "warning":
            run.font.color.rgb = WARNING
            run.bold = True
        elif block.tone == "ok":
            run.font.color.rgb = OK


def render(report: Report, charts: bool = True) -> bytes:
    document = Document()
    _french(document)
    properties = document.core_properties
    properties.title = clean(report.title)
    properties.subject = clean(report.subtitle)
    properties.author = "cockpit"
    properties.last_modified_by = "cockpit"
    properties.comments = ""
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)  # A4
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    _footer(document, report)
    _cover(document, report)
    headings = [b for b in report.blocks if isinstance(b, Heading) and b.level <= 3]
    if sum(1 for h in headings if h.level == 2) >= TOC_MIN_HEADINGS:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _toc(document, headings)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for block in report.blocks:
        if isinstance(block, Heading):
            document.add_heading(clean(block.text), min(max(block.level - 1, 1), 3))
        elif isinstance(block, Paragraph):
            _paragraphs(document, block)
        elif isinstance(block, Bullets):
            for item in block.items:
                document.add_paragraph(clean(item), style="List Bullet")
        elif isinstance(block, Table):
            _table(document, block)
        elif isinstance(block, Chart) and charts:
            _chart(document, block)
    out = io.BytesIO()
    document.save(out)
    return _without_clock(out.getvalue())


def _without_clock(package: bytes) -> bytes:
    """The .docx with its zip entries dated 1980-01-01, not the time of saving: the same
    folder, the same --today give the same bytes (python-docx stamps the clock's time)."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            stamped = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
            stamped.compress_type = zipfile.ZIP_DEFLATED
            stamped.external_attr = entry.external_attr
            target.writestr(stamped, source.read(entry))
    return out.getvalue()
