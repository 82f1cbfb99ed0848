"""Word, PDF and HTML reports read back as text, as a reader (or a copy-paste) would get it."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

from docx import Document
from pypdf import PdfReader


def docx_text(data: bytes) -> str:
    """Paragraphs, table cells, footers and the author of a .docx."""
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        parts.extend(p.text for p in section.footer.paragraphs)
    parts.append(document.core_properties.author or "")
    return "\n".join(parts)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def text_of(path: Path) -> str:
    """A report file as text: Word and PDF extracted, HTML without its tags and entities."""
    data = path.read_bytes()
    if path.suffix == ".docx":
        return docx_text(data)
    if path.suffix == ".pdf":
        return pdf_text(data)
    if path.suffix == ".html":
        return html.unescape(re.sub(r"<[^>]+>", " ", data.decode("utf-8")))
    return data.decode("utf-8")


def flat(text: str) -> str:
    """Text with its line breaks and hyphenation undone (a PDF wraps long cells)."""
    return re.sub(r"\s+", " ", text.replace("-\n", "-"))
