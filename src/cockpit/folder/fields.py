"""Typed reading of one TOML table, with a diagnostic for every bad or unknown field.

A reader is made per record; each accessor converts one key and remembers it, and
`finish()` warns about the keys nobody asked for (typos, with a "did you mean").
"""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from typing import Any

from cockpit.diagnostics import codes
from cockpit.diagnostics.diagnostic import Diagnostic
from cockpit.diagnostics.registry import Rule
from cockpit.model import Period
from cockpit.model.vocabularies import ALIASES, values

_TYPE_NAMES = {
    str: "du texte", int: "un nombre entier", float: "un nombre", Decimal: "un nombre",
    bool: "un booléen", list: "une liste", dict: "une table", dt.date: "une date",
    dt.datetime: "une date et heure", dt.time: "une heure",
}


# Dates a project can mean: beyond them, date arithmetic (a deadline plus a delay, a
# calendar of working days) would overflow Python's dates, which end at year 9999.
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2199, 12, 31)
# Numbers a project can mean (amounts, rates, measures, weights): beyond, sums and products
# lose their meaning in floating point long before they overflow.
LARGEST = 1e12


def date_out_of_range(day: dt.date) -> str | None:
    """Why a date cannot be used (too early or too late), or None."""
    if FIRST_DATE <= day <= LAST_DATE:
        return None
    return (f"{day.isoformat()} est hors des dates acceptées ({FIRST_DATE.year} à "
            f"{LAST_DATE.year})")


def number_problem(value: float | Decimal) -> str | None:
    """Why a number cannot be used (not a number, infinite, huge), or None."""
    if isinstance(value, Decimal):
        if value.is_nan():
            return "n'est pas un nombre (nan)"
        if value.is_infinite():
            return "est infini"
        if abs(value) > Decimal(LARGEST):
            return f"est démesuré (au-delà de {LARGEST:,.0f})".replace(",", " ")
        return None
    if value != value:
        return "n'est pas un nombre (nan)"
    if value in (float("inf"), float("-inf")):
        return "est infini"
    if abs(value) > LARGEST:
        return f"est démesuré (au-delà de {LARGEST:,.0f})".replace(",", " ")
    return None


def type_name(value: object) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def suggest(word: str, choices: Iterable[str]) -> str:
    """« vouliez-vous dire … ? » for the closest choice, or nothing."""
    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return f" ; vouliez-vous dire « {close[0]} » ?" if close else ""


# Letters that no Unicode decomposition splits: « mise en œuvre » is « mise en oeuvre ».
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


@lru_cache(maxsize=4096)
def fold(word: str) -> str:
    """Lower case without accents, ligatures or surrounding blanks, for lenient matching of
    codes, headings and anchors."""
    decomposed = unicodedata.normalize("NFKD", word.strip().lower().translate(LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def ascii_text(text: str) -> str:
    """The text in ASCII letters, for identifiers and file names: « Main d'œuvre » →
    "Main d'oeuvre"; what has no ASCII form is dropped."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LIGATURES))
    return decomposed.encode("ascii", "ignore").decode()


class Fields:
    """Reads the keys of one table of `file`; `where(key)` gives a key's line."""

    def __init__(
        self,
        table: dict[str, Any],
        file: str,
        where: Callable[[str | None], int],
        diagnostics: list[Diagnostic],
        what: str,
    ) -> None:
        self.table = table
        self.file = file
        self.where = where
        self.diagnostics = diagnostics
        self.what = what
        self._seen: set[str] = set()

    def line(self, key: str | None = None) -> int:
        return self.where(key)

    def _emit(self, rule: Rule, key: str | None, message: str, hint: str = "") -> None:
        self.diagnostics.append(rule.at(self.file, self.where(key), f"{self.what} : {message}", hint))

    def _get(self, key: str) -> Any:
        self._seen.add(key)
        return self.table.get(key)

    def _wrong(self, key: str, value: object, expected: str) -> None:
        self._emit(codes.WRONG_TYPE, key,
                   f"« {key} » doit être {expected}, pas {type_name(value)} ({value!r})")

    def raw(self, key: str) -> Any:
        """The untyped value, for tables whose shape the caller checks itself."""
        return self._get(key)

    def text(self, key: str, *, required: bool = False, default: str = "") -> str:
        value = self._get(key)
        if isinstance(value, str):
            if required and not value.strip():
                self._emit(codes.MISSING_FIELD, key, f"le champ obligatoire « {key} » est vide")
            return value
        if value is None:
            if required:
                self._emit(codes.MISSING_FIELD, None, f"le champ obligatoire « {key} » manque")
            return default
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            self._wrong(key, value, "du texte")
            return default
        return str(value)

    def integer(self, key: str, low: int, high: int) -> int | None:
        value = self._get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self._wrong(key, value, f"un nombre entier de {low} à {high}")
            return None
        if not low <= value <= high:
            self._emit(codes.OUT_OF_RANGE, key, f"« {key} » vaut {value}, attendu de {low} à {high}")
            return None
        return value

    def number(
        self, key: str, *, low: float | None = None, high: float | None = None
    ) -> float | None:
        value = self._get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            self._wrong(key, value, "un nombre")
            return None
        if not self._usable(key, value):
            return None
        number = float(value)
        if (low is not None and number < low) or (high is not None and number > high):
            bounds = f"entre {low:g} et {high:g}" if low is not None and high is not None else (
                f"au moins {low:g}" if low is not None else f"au plus {high:g}")
            self._emit(codes.OUT_OF_RANGE, key, f"« {key} » vaut {number:g}, attendu {bounds}")
            return None
        return number

    def money(self, key: str, *, required: bool = False) -> Decimal | None:
        value = self._get(key)
        if value is None:
            if required:
                self._emit(codes.MISSING_FIELD, None, f"le champ obligatoire « {key} » manque")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            self._wrong(key, value, "un montant (nombre sans unité ni espace, ex. 98000)")
            return None
        if not self._usable(key, value):
            return None
        amount = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        if amount < 0:
            self._emit(codes.OUT_OF_RANGE, key, f"« {key} » est négatif ({amount})")
            return None
        return amount

    def _usable(self, key: str, value: int | float | Decimal) -> bool:
        # an integer of any size goes through Decimal: float() could overflow
        problem = number_problem(Decimal(value) if isinstance(value, int) else value)
        if problem is not None:
            self._emit(codes.OUT_OF_RANGE, key, f"« {key} » {problem}",
                       "Écrivez un nombre fini et réaliste, sans nan ni inf.")
            return False
        return True

    def boolean(self, key: str) -> bool:
        value = self._get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self._wrong(key, value, "true ou false")
            return False
        return value

    def date(self, key: str, *, required: bool = False) -> dt.date | None:
        value = self._get(key)
        if value is None:
            if required:
                self._emit(codes.MISSING_FIELD, None, f"le champ obligatoire « {key} » manque")
            return None
        return self._as_date(key, value)

    def _as_date(self, key: str, value: object) -> dt.date | None:
        day = self._read_date(key, value)
        if day is not None and (problem := date_out_of_range(day)) is not None:
            self._emit(codes.BAD_DATE, key, f"« {key} » : {problem}")
            return None
        return day

    def _read_date(self, key: str, value: object) -> dt.date | None:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                self._emit(codes.BAD_DATE, key,
                           f"« {key} » : « {value} » n'est pas une date AAAA-MM-JJ qui existe")
                return None
        self._wrong(key, value, "une date AAAA-MM-JJ")
        return None

    def texts(self, key: str) -> tuple[str, ...]:
        value = self._get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self._wrong(key, value, 'une liste de textes, ex. ["a", "b"]')
            return ()
        return tuple(value)

    def choice(
        self, key: str, choices: Collection[str], *, default: str = "",
        aliases: Mapping[str, str] | None = None,
    ) -> str:
        """A value of a code list; accents and case are forgiven, English aliases accepted."""
        raw = self.text(key, default=default)
        if not raw or raw == default or raw in choices:
            return raw
        canonical = {fold(c): c for c in choices}
        canonical.update({fold(a): c for a, c in (aliases or {}).items()})
        found = canonical.get(fold(raw))
        if found is not None:
            return found
        listed = ", ".join(dict.fromkeys(canonical.values()))
        self.diagnostics.append(codes.UNKNOWN_VALUE.at(
            self.file, self.where(key),
            f"{self.what} : « {raw} » n'est pas une valeur connue de « {key} »"
            f"{suggest(fold(raw), canonical)}",
            f"Valeurs possibles : {listed}.",
        ))
        return raw

    def one_of(self, key: str, vocabulary: type[Enum], *, default: str = "") -> str:
        """A value of a vocabulary (model/vocabularies.py), or an alias of one."""
        return self.choice(key, values(vocabulary), default=default,
                           aliases=ALIASES.get(vocabulary))

    def periods(self, key: str, longest: int | None = None) -> tuple[Period, ...]:
        value = self._get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self._wrong(key, value, "une liste de périodes { from = …, to = … }")
            return ()
        periods = []
        for item in value:
            start = self._as_date(key, item.get("from"))
            end = self._as_date(key, item.get("to", item.get("from")))
            if start is None or end is None:
                continue
            if end < start:
                self._emit(codes.OUT_OF_RANGE, key, f"la période {start} → {end} finit avant de commencer")
                continue
            if longest is not None and (end - start).days + 1 > longest:
                self._emit(codes.OUT_OF_RANGE, key,
                           f"la période {start} → {end} dure {(end - start).days + 1} jours, "
                           f"plus de {longest} : elle est ignorée",
                           "Une fermeture dure au plus un an ; découpez-la, ou revoyez ses dates.")
                continue
            periods.append(Period(start, end, str(item.get("label", ""))))
        return tuple(periods)

    def tables(self, key: str) -> list[Fields]:
        """A list of inline tables (`history = [{ … }, { … }]`), each read with the same checks."""
        value = self._get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self._wrong(key, value, "une liste de tables { … }")
            return []
        return [Fields(item, self.file, lambda _k: self.where(key), self.diagnostics,
                       f"{self.what}, {key} n°{number}")
                for number, item in enumerate(value, start=1)]

    def finish(self, also_known: Iterable[str] = ()) -> None:
        """Warn about every key that no accessor read."""
        known = self._seen | set(also_known)
        for key in self.table:
            if key not in known:
                self.diagnostics.append(codes.UNKNOWN_KEY.at(
                    self.file, self.where(key),
                    f"{self.what} : clé inconnue « {key} »{suggest(key, known)}",
                ))
