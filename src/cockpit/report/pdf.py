"""A `Report` as PDF: the printable HTML laid out in pages by WeasyPrint.

The HTML is the one of `--format html`, with a cover, a table of contents whose page numbers
WeasyPrint computes (`target-counter`), and « Page n sur N » at the foot of each page. Its
charts are inline SVG, which WeasyPrint draws as vectors. Nothing outside the document is
fetched: the URL fetcher allows `data:` URLs only, so that a file of the folder can never make
the renderer read a local file or the network.
Imported only by `--format pdf`: WeasyPrint takes about a second to import.
"""

from __future__ import annotations

from cockpit.report import html
from cockpit.report.document import Report


def render(report: Report, charts: bool = True) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    page = html.render(report, charts=charts, paged=True)
    document = HTML(string=page, base_url=None,
                    url_fetcher=URLFetcher(allowed_protocols={"data"}))
    pdf: bytes = document.write_pdf()
    return pdf
