"""French number, money, percent and date formatting, shared by reports, CLI and TUI.

Thousands are separated by a narrow no-break space (U+202F), decimals by a comma, and
the unit follows after a no-break space: `money(Decimal("1234.56"))` is "1 234,56 €".
A missing value (a ratio whose denominator is zero) is "n/d" (non disponible).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

NNBSP = "\u202f"  # espace fine insécable: thousands separator
NBSP = "\u00a0"  # espace insécable: before a unit
NA = "n/d"
CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"}
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")
SHORT_MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                "oct.", "nov.", "déc.")

Number = Decimal | float | int


def number(value: Number | None, decimals: int = 0) -> str:
    """`1234.5` → "1 234,5" with `decimals` digits, rounded half up; None → "n/d"."""
    if value is None:
        return NA
    rounded = _rounded(value, decimals)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0,00"
    sign = "-" if rounded < 0 else ""
    text = f"{abs(rounded):.{decimals}f}"
    whole, _, fraction = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = NNBSP.join(groups)
    return f"{sign}{out},{fraction}" if fraction else f"{sign}{out}"


def _rounded(value: Number, decimals: int) -> Decimal:
    """`value` rounded half up to `decimals` digits, as it is shown."""
    exact = Decimal(str(value)) if not isinstance(value, Decimal) else value
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def tick(value: Number, decimals: int = 2) -> str:
    """A chart's axis tick: « 12 500 », « 0,95 », « 1,5 » (decimal comma, thin space, no
    trailing zero), never « 1 » for 0.95 as a whole-number format would round it."""
    if float(value).is_integer():
        return number(value)
    return number(value, decimals).rstrip("0").rstrip(",")


def money(value: Number | None, currency: str = "EUR", decimals: int = 2) -> str:
    """`Decimal("1234.56")` → "1 234,56 €"; None → "n/d"."""
    if value is None:
        return NA
    return f"{number(value, decimals)}{NBSP}{CURRENCY_SYMBOLS.get(currency, currency)}"


def percent(value: Number | None, decimals: int = 0) -> str:
    """A percentage already in percent: `42.5` → "42,5 %"."""
    return NA if value is None else f"{number(value, decimals)}{NBSP}%"


def share(value: Number | None, decimals: int = 0) -> str:
    """A fraction as a percentage: `0.425` → "42,5 %"."""
    return NA if value is None else percent(Decimal(str(value)) * 100, decimals)


def ratio(value: Number | None, decimals: int = 2) -> str:
    """An index such as SPI or CPI: `0.9` → "0,90"."""
    return number(value, decimals)


def signed(value: Number | None, decimals: int = 0) -> str:
    """A variance with its sign: "+3", "-2", "0"."""
    if value is None:
        return NA
    text = number(value, decimals)
    return text if text.startswith("-") or Decimal(str(value)) == 0 else f"+{text}"


def date(value: dt.date | None) -> str:
    """`2026-04-17` → "17/04/2026" (as `strftime("%d/%m/%Y")`, five times slower)."""
    return NA if value is None else f"{value.day:02d}/{value.month:02d}/{value.year}"


def long_date(value: dt.date | None) -> str:
    """`2026-04-17` → "17 avril 2026"."""
    if value is None:
        return NA
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def month(value: dt.date) -> str:
    """`2026-04-01` → "avril 2026"."""
    return f"{MONTHS[value.month - 1]} {value.year}"


def short_month(value: dt.date) -> str:
    """`2026-04-01` → "avr. 2026"."""
    return f"{SHORT_MONTHS[value.month - 1]} {value.year}"


def days(value: int | float | None) -> str:
    """Working days: "1 j", "12 j"."""
    return NA if value is None else f"{number(value, 0 if float(value).is_integer() else 1)}{NBSP}j"


def count(amount: Number, singular: str, plural: str = "", decimals: int = 0) -> str:
    """« 0 erreur », « 1 erreur », « 2 erreurs », « 1,5 jour », « 1 234 lignes »: French puts
    what is under 2 in the singular, the number as `number` writes it with `decimals`.
    `plural` defaults to each word of `singular` with an s: nouns and the adjectives that
    agree with them, « ligne ajoutée » → « lignes ajoutées » (give it for « tâches de
    pilotage » when a word does not take one, or for an irregular plural)."""
    shown = number(amount, decimals)
    if abs(_rounded(amount, decimals)) < 2:
        return f"{shown} {singular}"
    words = (w if w.endswith(("s", "x", "z")) else w + "s" for w in singular.split())
    return f"{shown} {plural or ' '.join(words)}"
