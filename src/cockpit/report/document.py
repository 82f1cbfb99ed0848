"""A report as a list of blocks, rendered to Markdown or HTML by the renderers.

Builders (status.py, copil.py, rex.py, gap.py, dossier.py) produce a `Report` of plain French
text; renderers (markdown.py, html.py, docx.py, pdf.py) only lay it out. A `Chart` carries its
data; the HTML, Word and PDF renderers draw it with matplotlib, the Markdown renderer leaves it
out (its figures are in the tables).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field

from cockpit.model.immutable import immutable


@immutable
class Heading:
    text: str
    level: int = 2


@immutable
class Paragraph:
    text: str
    tone: str = ""  # "", "warning" or "ok": how the HTML renderer colours it


@immutable
class Bullets:
    items: tuple[str, ...]


@immutable
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[int, ...] = ()  # column indexes aligned right
    caption: str = ""
    highlight: tuple[int, ...] = ()  # row indexes to emphasise (late, critical, over)


@immutable
class GanttBar:
    label: str
    start: dt.date
    finish: dt.date
    critical: bool = False
    milestone: bool = False
    summary: bool = False
    percent: float = 0.0


@immutable
class Series:
    name: str
    dates: tuple[dt.date, ...]
    values: tuple[float, ...]
    style: str = "-"


@immutable
class Chart:
    """kind: gantt | lines | heatmap | bars; `status_date` draws a vertical marker."""

    kind: str
    title: str
    bars: tuple[GanttBar, ...] = ()
    series: tuple[Series, ...] = ()
    grid: tuple[tuple[tuple[str, ...], ...], ...] = ()  # heat map risk ids, grid[p - 1][i - 1]
    labels: tuple[str, ...] = ()  # bar chart categories
    values: tuple[tuple[str, tuple[float, ...]], ...] = ()  # bar chart series
    status_date: dt.date | None = None
    y_label: str = ""
    levels: tuple[tuple[str, float], ...] = ()  # horizontal reference lines (target, envelope)


Block = Heading | Paragraph | Bullets | Table | Chart


@immutable
class Report:
    title: str
    subtitle: str = ""
    blocks: tuple[Block, ...] = field(default=())
    # The project's identity, (label, value) pairs, for the cover page of Word and PDF.
    cover: tuple[tuple[str, str], ...] = field(default=())
