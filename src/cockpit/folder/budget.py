"""budget.toml (envelope and planned lines), costs.csv and progress.csv."""

from __future__ import annotations

from cockpit.diagnostics import codes
from cockpit.folder.fields import Fields
from cockpit.folder.journal import Journal
from cockpit.folder.reading import ZERO, Reading
from cockpit.model import (
    BudgetEnvelope,
    BudgetLine,
    CostEntry,
    ProgressEntry,
    Source,
)


def read_budget(r: Reading) -> tuple[BudgetEnvelope, tuple[BudgetLine, ...]]:
    parsed = r.toml("budget.toml")
    if parsed is None:
        return BudgetEnvelope(), ()
    data, locator = parsed
    r.top_level("budget.toml", data, locator, ("budget", "line"))
    envelope = BudgetEnvelope()
    table = data.get("budget")
    if isinstance(table, dict):
        f, source = r.table("budget.toml", table, locator, "budget", "[budget]")
        envelope = BudgetEnvelope(f.money("envelope"), f.money("contingency") or ZERO, source)
        f.finish()
    lines = r.records("budget.toml", data, locator, "line", "ligne budgétaire",
                         budget_line)
    return envelope, lines


def read_costs(r: Reading) -> tuple[CostEntry, ...]:
    text = r.text("costs.csv")
    if text is None:
        return ()
    journal = Journal("costs.csv", r.diagnostics, r.unreadable)
    entries = []
    for line, (date_text, task, category, amount_text, reference, comment) in journal.rows(
            text, ("date", "task", "category", "amount", "reference", "comment"),
            ("date", "amount")):
        date = journal.date(line, "date", date_text)
        amount = journal.decimal(line, "amount", amount_text)
        if date is not None and amount is not None:
            entries.append(CostEntry(date, task, amount, category, reference, comment, line))
    return tuple(entries)


def read_progress(r: Reading) -> tuple[ProgressEntry, ...]:
    text = r.text("progress.csv")
    if text is None:
        return ()
    journal = Journal("progress.csv", r.diagnostics, r.unreadable)
    entries = []
    for line, (date_text, task_text, percent_text, comment) in journal.rows(
            text, ("date", "task", "percent", "comment"), ("date", "task", "percent")):
        date = journal.date(line, "date", date_text)
        task = journal.required_text(line, "task", task_text)
        percent = journal.decimal(line, "percent", percent_text)
        if date is None or task is None or percent is None:
            continue
        if percent < 0:
            r.diagnostics.append(codes.OUT_OF_RANGE.at(
                "progress.csv", line, f"avancement négatif ({percent} %)"))
            continue
        entries.append(ProgressEntry(date, task, float(percent), comment, line))
    return tuple(entries)


def budget_line(f: Fields, source: Source) -> BudgetLine | None:
    line_id = f.text("id", required=True)
    amount = f.money("amount", required=True)
    record = BudgetLine(
        id=line_id, amount=amount if amount is not None else ZERO, task=f.text("task"),
        category=f.text("category"), date=f.date("date"),
        label=f.text("label") or f.text("name"), source=source)
    return record if line_id and amount is not None else None
