"""A fast path for the plain TOML that registers are made of, with line numbers for free.

Registers are thousands of `[[task]]` tables of `key = "text"`, numbers, dates, booleans
and one-line lists of texts. The stdlib parser reads them at ~40 µs a key; this reader
takes one regular expression per line and fills the `TomlLocator` on the way. It gives
up (returns None) on anything else — escapes, inline tables, multi-line values, dotted
keys, a repeated key or table, a control character, an impossible date — and the caller
then uses tomllib, whose result and error messages stay the reference. Where it does
answer, the result equals `tomllib.loads(text, parse_float=Decimal)` (tested).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from cockpit.folder.locator import TomlLocator

_WS = r"[ \t]*"
_COMMENT = r"(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?"
_KEY = r"[A-Za-z0-9_-]+"
_STRING = r'"[^"\\\x00-\x08\x0a-\x1f\x7f]*"'
_LITERAL = r"'[^'\x00-\x08\x0a-\x1f\x7f]*'"
_ITEM = rf"(?:{_STRING}|{_LITERAL})"
_ARRAY = rf"\[{_WS}(?:{_ITEM}{_WS}(?:,{_WS}{_ITEM}{_WS})*(?:,{_WS})?)?\]"
_LINE = re.compile(
    rf"{_WS}(?:"
    rf"(?P<key>{_KEY}){_WS}={_WS}(?P<value>{_ITEM}|{_ARRAY}|true|false"
    r"|[+-]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?|[0-9]{4}-[0-9]{2}-[0-9]{2})"
    rf"|(?P<open>\[\[?){_WS}(?P<table>{_KEY}){_WS}(?P<close>\]\]?)"
    rf")?{_WS}{_COMMENT}"
)
_ITEMS = re.compile(_ITEM)


def fast_parse(text: str) -> tuple[dict[str, Any], TomlLocator] | None:
    """The document and its locator, or None when the text is not plain enough."""
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return None
        text = text.replace("\r\n", "\n")
    root: dict[str, Any] = {}
    table: dict[str, Any] = root
    table_key: tuple[str, int] = ("", 0)
    tables: dict[tuple[str, int], int] = {}
    keys: dict[tuple[str, int], dict[str, int]] = {}
    current_keys: dict[str, int] = {}
    keys[table_key] = current_keys
    arrays: dict[str, list[dict[str, Any]]] = {}
    plain: set[str] = set()
    match_line = _LINE.fullmatch
    for number, line in enumerate(text.split("\n"), start=1):
        match = match_line(line)
        if match is None:
            return None
        key = match.group("key")
        if key is not None:
            if key in table:
                return None
            value = _value(match.group("value"))
            if value is None:
                return None
            table[key] = value
            current_keys[key] = number
            continue
        name = match.group("table")
        if name is None:
            continue
        if len(match.group("open")) != len(match.group("close")):
            return None
        if len(match.group("open")) == 2:
            if name in plain or (name in root and name not in arrays):
                return None
            records = arrays.setdefault(name, [])
            if not records:
                root[name] = records
            table = {}
            records.append(table)
            table_key = (name, len(records) - 1)
        else:
            if name in root:
                return None
            plain.add(name)
            table = root[name] = {}
            table_key = (name, 0)
        tables[table_key] = number
        current_keys = keys.setdefault(table_key, {})
    return root, TomlLocator.from_positions(tables, {k: v for k, v in keys.items() if v})


def _value(raw: str) -> Any:
    first = raw[0]
    if first == '"' or first == "'":
        return raw[1:-1]
    if first == "[":
        return [item[1:-1] for item in _ITEMS.findall(raw)]
    if raw == "true":
        return True
    if raw == "false":
        return False
    if len(raw) == 10 and raw[4] == "-" and raw[7] == "-":
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            return None
    if "." in raw:
        return Decimal(raw)
    return int(raw)
