"""Outputs of `cockpit check DIR…`: human (one line a folder), JSON Lines, CSV, JUnit XML."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from cockpit.check.batch import EXIT_OK, EXIT_UNUSABLE, Record
from cockpit.check.output import summary_line
from cockpit.french import count
from cockpit.referentials.gaps import Status

# A capacity is feminine: « capacité partielle », not the criteria's masculine « partiel ».
FEMININE = {"covered": "couverte", "partial": "partielle", "missing": "manquante",
            "to_justify": "à justifier"}
CSV_COLUMNS = ("folder", "referential", "errors", "warnings", "covered", "partial", "missing",
               "to_justify", "ready_for_board", "exit_status", "error")


def jsonl(records: Sequence[Record]) -> str:
    """One JSON object a line: folder, referential, summary (as `--format json`), error."""
    return "\n".join(json.dumps({
        "folder": r.folder, "referential": r.referential, "summary": r.summary,
        "error": r.error or None, "exit_status": r.exit_status,
    }, ensure_ascii=False) for r in records)


def as_csv(records: Sequence[Record]) -> str:
    """One row a folder, for a spreadsheet (UTF-8, comma, header row)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        s = r.summary or {}
        counts = s.get("capacities", {})
        writer.writerow((
            r.folder, r.referential["id"] if r.referential else "",
            s.get("errors", ""), s.get("warnings", ""),
            *(counts.get(status.value, "") for status in Status),
            " ".join(s.get("ready_for_board", [])), r.exit_status, r.error))
    return out.getvalue().rstrip("\n")


def junit(records: Sequence[Record]) -> str:
    """JUnit XML for a CI dashboard: one test suite a candidate's folder, one test case a
    capacity (failed unless covered) plus one for the folder's errors."""
    suites = ET.Element("testsuites", name="cockpit check")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for r in records:
        suite = ET.SubElement(suites, "testsuite", name=r.folder)
        counts = {"tests": 0, "failures": 0, "errors": 0}
        if r.error:
            case = ET.SubElement(suite, "testcase", classname=r.folder, name="dossier lisible")
            ET.SubElement(case, "error", message=r.error).text = "\n".join(r.errors) or r.error
            counts["tests"] += 1
            counts["errors"] += 1
        else:
            case = ET.SubElement(suite, "testcase", classname=r.folder, name="dossier sans erreur")
            counts["tests"] += 1
            if r.errors:
                ET.SubElement(case, "failure", message=count(len(r.errors), "erreur")).text = \
                    "\n".join(r.errors)
                counts["failures"] += 1
            prefix = f"{r.referential['id']}." if r.referential else ""
            for capacity in r.capacities:
                title = capacity.title if len(capacity.title) <= 80 else capacity.title[:79] + "…"
                case = ET.SubElement(suite, "testcase", classname=r.folder,
                                     name=f"{prefix}{capacity.id} {title}")
                counts["tests"] += 1
                if capacity.status != Status.COVERED.value:
                    french = FEMININE[capacity.status]
                    ET.SubElement(case, "failure", message=f"capacité {french}").text = \
                        "\n".join(capacity.missing)
                    counts["failures"] += 1
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        suites.set(key, str(value))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")


def human(records: Sequence[Record]) -> str:
    """One French line a folder, then the count of folders ready for the board."""
    lines = []
    for r in records:
        if r.error:
            lines.append(f"{r.folder} : illisible — {r.error}")
            continue
        s = r.summary or {}
        capacities = s.get("capacities", {}) if r.referential else None
        lines.append(f"{r.folder} : "
                     + summary_line(s.get("errors", 0), s.get("warnings", 0), capacities))
    ready = sum(1 for r in records if r.exit_status == EXIT_OK)
    unreadable = sum(1 for r in records if r.exit_status == EXIT_UNUSABLE)
    lines.append(f"{count(len(records), 'dossier')} : {ready} sans erreur ni écart, "
                 f"{len(records) - ready - unreadable} avec erreurs ou écarts, "
                 f"{unreadable} illisible{'s' if unreadable > 1 else ''}")
    return "\n".join(lines)


FORMATS = {"human": human, "jsonl": jsonl, "csv": as_csv, "junit": junit}
