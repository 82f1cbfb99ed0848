"""A `Report` as one self-contained HTML file: inline CSS, charts as inline SVG, printable.

Every text is escaped with `html.escape`; only the SVG drawn by matplotlib is inlined as is.
"""

from __future__ import annotations

from html import escape

from cockpit.report.document import Bullets, Chart, Heading, Paragraph, Report, Table

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


def render(report: Report, charts: bool = True) -> str:
    body = [f"<h1>{escape(report.title)}</h1>"]
    if report.subtitle:
        body.append(f'<p class="subtitle">{escape(report.subtitle)}</p>')
    for block in report.blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 2), 4)
            body.append(f"<h{level}>{escape(block.text)}</h{level}>")
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
        f"<title>{escape(report.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n<footer>Document généré par cockpit à partir des fichiers du projet.</footer>\n"
        "</body>\n</html>\n"
    )
