"""Bridges to other tools: MS Project XML (MSPDI), iCalendar, XLSX, spreadsheets, .mpp.

Pure core: no UI library, and no format library at import time. Each module imports its
library (xml.etree, icalendar, xlsxwriter, python_calamine, jpype) inside the functions
that use it, so `cockpit check` never pays for them. `today` is never read from the
clock here: callers pass the status date.
"""

from __future__ import annotations


class InteropError(Exception):
    """A file that cannot be read or written; the message is French and nothing was written."""
