"""Decode a file as UTF-8 and parse TOML, turning every failure into a diagnostic."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import rtoml

from cockpit.diagnostics import codes
from cockpit.diagnostics.diagnostic import Diagnostic
from cockpit.folder.locator import TomlLocator
from cockpit.folder.sources import FileSource, RefusedFile, french_os_error


def refusal(relative: str, error: OSError) -> Diagnostic:
    """The diagnostic of a path that cannot or must not be read."""
    if isinstance(error, RefusedFile):
        rule = {"outside": codes.LINK_REFUSED, "dangling": codes.LINK_REFUSED,
                "size": codes.TOO_LARGE, "directory": codes.UNREADABLE}.get(error.kind,
                                                                           codes.NOT_A_FILE)
        return rule.at(relative, 1, french_os_error(error))
    return codes.UNREADABLE.at(relative, 1, f"impossible de lire le fichier ({french_os_error(error)})")


def read_text(source: FileSource, relative: str, diagnostics: list[Diagnostic]) -> str | None:
    """The file's text, or None when absent or unreadable (a diagnostic says why)."""
    try:
        data = source.read_bytes(relative)
    except OSError as error:
        diagnostics.append(refusal(relative, error))
        return None
    if data is None:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        diagnostics.append(codes.ENCODING.at(
            relative, line,
            f"le fichier n'est pas en UTF-8 (octet 0x{data[error.start]:02x} illisible)",
            col=column,
        ))
        return None


_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")
_FRENCH = (
    ("Invalid date or datetime", "date impossible ou mal écrite (AAAA-MM-JJ)"),
    ("Invalid value", "valeur invalide : un texte doit être entre guillemets"),
    ("Illegal character", "caractère inattendu : un guillemet n'est-il pas fermé ?"),
    ("Cannot overwrite a value", "cette clé est déjà définie plus haut"),
    ("Cannot declare", "cette table est déjà déclarée plus haut"),
    ("Unclosed array", "liste non fermée : il manque un « ] »"),
    ("Unclosed inline table", "table en ligne non fermée : il manque un « } »"),
    ("Unterminated string", "texte non fermé : il manque un guillemet"),
    ("Expected '=' after a key", "il manque « = » après la clé"),
    ("Invalid statement", "ligne incompréhensible"),
    ("Invalid initial character for a key part", "nom de clé invalide"),
    ("Expected newline or end of document after a statement",
     "texte inattendu après la valeur : un texte s'écrit entre guillemets, une seule valeur "
     "par ligne"),
    ("Expected ']' at the end of a table declaration",
     "en-tête de table non fermé : il manque un « ] »"),
    ("Expected ']]' at the end of an array declaration",
     "en-tête [[…]] non fermé : il manque « ]] »"),
    ("Found invalid character", "caractère interdit dans un texte"),
    ("Unescaped", "barre oblique inverse « \\ » seule dans un texte : doublez-la (« \\\\ »)"),
    ("Invalid hex value", "séquence d'échappement « \\u… » invalide"),
    ("Cannot mutate immutable namespace", "cette table est déjà définie en ligne plus haut"),
    ("Unclosed", "texte, liste ou table non fermé"),
)
# A date written the French way (16/10/2026) where TOML wants 2026-10-16.
_FRENCH_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")


def parse_toml(
    text: str, relative: str, diagnostics: list[Diagnostic], line_offset: int = 0
) -> tuple[dict[str, Any], TomlLocator] | None:
    """The TOML document with its locator, or None after a F002/F006 diagnostic.

    rtoml (a compiled TOML 1.0 parser) reads well-formed files several times faster than
    the stdlib; when it refuses a file, tomllib reads it again and its error, whose wording
    and positions the French messages below are written for, is the one reported.
    """
    deep = _DEEP.search(text)
    if deep is not None:
        diagnostics.append(codes.TOML_SYNTAX.at(
            relative, text.count("\n", 0, deep.start()) + 1 + line_offset,
            f"listes ou tables imbriquées sur plus de {DEEPEST} niveaux : le fichier n'est pas lu"))
        return None
    try:
        return rtoml.loads(text), TomlLocator(text, line_offset)
    except rtoml.TomlParsingError:
        pass
    except RecursionError:
        diagnostics.append(_too_deep(relative, line_offset))
        return None
    import tomllib  # only for a file rtoml refuses: its errors have the positions we report

    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except RecursionError:
        diagnostics.append(_too_deep(relative, line_offset))
        return None
    except tomllib.TOMLDecodeError as error:
        detail = str(error)
        position = _POSITION.search(detail)
        line, column = len(text.splitlines()) or 1, 1
        if position and position.group(1):
            line, column = int(position.group(1)), int(position.group(2))
        english = _POSITION.sub("", detail)
        french = next((fr for en, fr in _FRENCH if english.startswith(en)),
                      "syntaxe TOML invalide")
        rule = codes.BAD_DATE if english.startswith("Invalid date") else codes.TOML_SYNTAX
        lines = text.splitlines()
        written = lines[line - 1] if 0 < line <= len(lines) else ""
        if (date := _FRENCH_DATE.search(written.split("#")[0])) is not None:
            day, month, year = date.groups()
            rule, column = codes.BAD_DATE, date.start() + 1
            french = (f"date écrite à la française « {date.group(0)} » : TOML l'écrit "
                      f"{year}-{int(month):02d}-{int(day):02d} (AAAA-MM-JJ, sans guillemets)")
        diagnostics.append(rule.at(relative, line + line_offset, french, col=column))
        return None
    return data, TomlLocator(text, line_offset)


# Nesting no project needs, and that would exhaust the parsers' recursion: that many opening
# brackets or braces on one line, with no closing one or quote between them.
DEEPEST = 64
_DEEP = re.compile(r"(?:[\[{][^\[\]{}\"'\n]*){" + str(DEEPEST + 1) + ",}")


def _too_deep(relative: str, line_offset: int) -> Diagnostic:
    return codes.TOML_SYNTAX.at(
        relative, 1 + line_offset, "listes ou tables imbriquées trop profondément : le fichier "
        "n'est pas lu")
