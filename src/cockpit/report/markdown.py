"""A `Report` as Markdown (GitHub flavoured tables).

Texts come from the folder: HTML in them is escaped (a Markdown viewer would render it),
control characters are shown, never written."""

from __future__ import annotations

from cockpit.printable import printable
from cockpit.report.document import Bullets, Chart, Heading, Paragraph, Report, Table


def _text(text: str) -> str:
    return printable(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(text: str) -> str:
    return _text(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def table(block: Table) -> list[str]:
    out = []
    if block.caption:
        out += [f"*{_text(block.caption)}*", ""]
    out.append("| " + " | ".join(_cell(c) for c in block.columns) + " |")
    out.append("|" + "|".join("---:" if i in block.numeric else "---"
                              for i in range(len(block.columns))) + "|")
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
    return out


def render(report: Report) -> str:
    out = [f"# {_text(report.title)}", ""]
    if report.subtitle:
        out += [_text(report.subtitle), ""]
    for block in report.blocks:
        if isinstance(block, Heading):
            out += ["#" * block.level + " " + _text(block.text), ""]
        elif isinstance(block, Paragraph):
            out += [("> " if block.tone == "warning" else "") + _text(block.text), ""]
        elif isinstance(block, Bullets):
            out += [f"- {_text(item)}" for item in block.items] + [""]
        elif isinstance(block, Table):
            out += table(block) + [""]
        elif isinstance(block, Chart):
            continue  # drawn in the HTML version; its figures are in the tables
    return "\n".join(out).rstrip() + "\n"
