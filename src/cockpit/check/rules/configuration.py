"""The `[check]` configuration (C…): ignores that serve nothing or name no code."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import PurePosixPath

from cockpit.diagnostics.diagnostic import Diagnostic, Severity
from cockpit.diagnostics.registry import define
from cockpit.model import Ignore

UNUSED_IGNORE = define(
    "C001", Severity.WARNING, "Exception [check] inutilisée",
    "Une exception de [check] ne masque plus aucun diagnostic : le problème a été corrigé, "
    "ou le code ou le fichier est mal écrit. Une exception inutile en cache de futures.",
    '[[check.ignore]]\ncode = "F011"\nfile = "wbs.toml"\nreason = "clé maison"   # plus de F011',
    "Supprimez l'exception.",
)
UNKNOWN_CODE = define(
    "C002", Severity.WARNING, "Code inconnu dans une exception [check]",
    "Le code d'une exception de [check] n'est pas un code de cockpit (voir « cockpit rule »).",
    '[[check.ignore]]\ncode = "F11"    # code = "F011"',
    "Corrigez le code (« cockpit rule » les liste tous).",
)
NOT_IGNORABLE = frozenset({"C001", "C002"})


def apply_ignores(diagnostics: list[Diagnostic], ignores: tuple[Ignore, ...],
                  known: Collection[str], enabled: Collection[str]) -> Iterator[Diagnostic]:
    """Drop what `[check]` ignores (with its reason); report the ignores that served nothing
    among those whose code was checked (`enabled`), and those that name no `known` code."""
    used: set[int] = set()
    for diagnostic in diagnostics:
        matching = next((i for i, ignore in enumerate(ignores)
                         if diagnostic.code not in NOT_IGNORABLE and ignore.code == diagnostic.code
                         and (not ignore.file or _same_file(ignore.file, diagnostic.file))), None)
        if matching is None:
            yield diagnostic
        else:
            used.add(matching)
    for index, ignore in enumerate(ignores):
        if ignore.code not in known:
            yield UNKNOWN_CODE.at(ignore.source.file, ignore.source.line_of("code"),
                                  f"code « {ignore.code} » inconnu")
        elif index not in used and ignore.reason and ignore.code in enabled:
            scope = f" pour {ignore.file}" if ignore.file else ""
            yield UNUSED_IGNORE.at(ignore.source.file, ignore.source.line,
                                   f"l'exception {ignore.code}{scope} ne masque aucun diagnostic")


def _same_file(a: str, b: str) -> bool:
    return PurePosixPath(a) == PurePosixPath(b)
