"""A `Report` as one self-contained HTML file: inline CSS, charts as inline SVG, printable.

Every text is escaped with `html.escape`; only the SVG drawn by matplotlib is inlined as is.
"""

from __future__ import annotations

import re
from html import escape as _escape

from cockpit.report.document import Bullets, Chart, Heading, Paragraph, Report, Table

# Control characters (a hostile file's) have no place in HTML: a PDF renderer would draw them as
# missing glyphs and garble the text layer around them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    return _escape(_CONTROL.sub("", text))


CSS = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --warn: #b35900; --ok: #1a7f37; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       max-width: 1100px; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; }
.subtitle { color: var(--muted); margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: 12.5px; }
caption { text-align: left; color: var(--muted); padding-bottom: .3rem; }
th, td { border: 1px solid var(--line); padding: .25rem .45rem; vertical-align: top; }
th { background: #f6f8fa; text-align: left; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.hl td { background: #fff1e5; }
p.warning { border-left: 4px solid var(--warn); padding: .3rem .6rem; background: #fff8f0; }
p.ok { border-left: 4px solid var(--ok); padding: .3rem .6rem; background: #f0fff4; }
figure { margin: .8rem 0; }
figure svg { max-width: 100%; height: auto; }
footer { color: var(--muted); font-size: 11px; margin-top: 2rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  h2 { break-after: avoid; }
  table, figure { break-inside: avoid; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  @page { size: A4; margin: 15mm 12mm; }
}
"""


def table(block: Table) -> str:
    parts = ["<table>"]
    if block.caption:
        parts.append(f"<caption>{escape(block.caption)}</caption>")
    parts.append("<thead><tr>" + "".join(f"<th>{escape(c)}</th>" for c in block.columns)
                 + "</tr></thead><tbody>")
    highlight = set(block.highlight)
    numeric = set(block.numeric)
    for index, row in enumerate(block.rows):
        cls = ' class="hl"' if index in highlight else ""
        cells = "".join(f'<td class="num">{escape(c)}</td>' if i in numeric else
                        f"<td>{escape(c)}</td>" for i, c in enumerate(row))
        parts.append(f"<tr{cls}>{cells}</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


# For paged media (the PDF): a cover, a table of contents with page numbers, « Page n sur N ».
PAGED_CSS = """
@page { size: A4; margin: 18mm 14mm 20mm;
        @bottom-center { content: "Page " counter(page) " sur " counter(pages);
                         font-size: 9px; color: #59636e; } }
@page :first { @bottom-center { content: none; } }
body { margin: 0; max-width: none; font-size: 11px; }
table { font-size: 8.5px; }
th, td { overflow-wrap: break-word; padding: .2rem .3rem; }
section.cover { break-after: page; padding-top: 30mm; }
section.cover h1 { font-size: 2rem; }
section.cover table { width: auto; font-size: 13px; margin-top: 2rem; }
section.cover th { width: 16em; }
nav.toc { break-after: page; }
nav.toc ol { list-style: none; padding-left: 0; }
nav.toc li.level-3 { padding-left: 1.5em; }
nav.toc a { color: inherit; text-decoration: none; }
nav.toc a::after { content: leader(".") target-counter(attr(href), page); }
"""
TOC_MIN_HEADINGS = 5  # a report with at least this many sections gets a table of contents


def _cover(report: Report) -> str:
    rows = "".join(f"<tr><th>{escape(label)}</th><td>{escape(value)}</td></tr>"
                   for label, value in report.cover)
    subtitle = f'<p class="subtitle">{escape(report.subtitle)}</p>' if report.subtitle else ""
    return (f'<section class="cover"><h1>{escape(report.title)}</h1>{subtitle}'
            + (f"<table>{rows}</table>" if rows else "")
            + "<p class=\"subtitle\">Document généré par cockpit à partir des fichiers du "
            "projet.</p></section>")


def _toc(report: Report) -> str:
    headings = [(i, b) for i, b in enumerate(report.blocks) if isinstance(b, Heading)
                and b.level <= 3]
    if sum(1 for _i, h in headings if h.level == 2) < TOC_MIN_HEADINGS:
        return ""
    items = "".join(f'<li class="level-{h.level}"><a href="#s{i}">{escape(h.text)}</a></li>'
                    for i, h in headings)
    return f'<nav class="toc"><h2>Sommaire</h2><ol>{items}</ol></nav>'


def render(report: Report, charts: bool = True, paged: bool = False) -> str:
    """The report as HTML; `paged` adds the cover, the table of contents and page numbers of
    the PDF (WeasyPrint lays them out; a browser ignores the page rules)."""
    if paged:
        body = [_cover(report), _toc(report)]
    else:
        body = [f"<h1>{escape(report.title)}</h1>"]
        if report.subtitle:
            body.append(f'<p class="subtitle">{escape(report.subtitle)}</p>')
    for index, block in enumerate(report.blocks):
        if isinstance(block, Heading):
            level = min(max(block.level, 2), 4)
            anchor = f' id="s{index}"' if paged else ""
            body.append(f"<h{level}{anchor}>{escape(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            cls = f' class="{block.tone}"' if block.tone in ("warning", "ok") else ""
            body.append(f"<p{cls}>{escape(block.text)}</p>")
        elif isinstance(block, Bullets):
            body.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in block.items) + "</ul>")
        elif isinstance(block, Table):
            body.append(table(block))
        elif isinstance(block, Chart) and charts:
            from cockpit.report.charts import svg

            body.append(f'<figure role="img" aria-label="{escape(block.title)}">'
                        f"{svg(block)}</figure>")
    return (
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{escape(report.title)}</title>\n<style>{CSS}{PAGED_CSS if paged else ''}</style>\n"
        "</head>\n<body>\n"
        + "\n".join(body)
        + "\n<footer>Document généré par cockpit à partir des fichiers du projet.</footer>\n"
        "</body>\n</html>\n"
    )
