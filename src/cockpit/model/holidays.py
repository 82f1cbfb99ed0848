"""French public holidays, metropolitan or Alsace-Moselle: the `holidays` of a calendar.

Pure date arithmetic, below every layer that needs it: the schedule's WorkCalendar and
`cockpit init`, which dates its sample project on working days.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from dateutil.easter import easter


@lru_cache(maxsize=256)
def french_holidays(year: int, zone: str = "FR") -> frozenset[dt.date]:
    """The public holidays of `year`: metropolitan France, or Alsace-Moselle for FR-57."""
    if zone == "none":
        return frozenset()
    easter_sunday = easter(year)
    days = {
        dt.date(year, 1, 1),
        easter_sunday + dt.timedelta(days=1),  # lundi de Pâques
        dt.date(year, 5, 1),
        dt.date(year, 5, 8),
        easter_sunday + dt.timedelta(days=39),  # Ascension
        easter_sunday + dt.timedelta(days=50),  # lundi de Pentecôte
        dt.date(year, 7, 14),
        dt.date(year, 8, 15),
        dt.date(year, 11, 1),
        dt.date(year, 11, 11),
        dt.date(year, 12, 25),
    }
    if zone == "FR-57":
        days.add(easter_sunday - dt.timedelta(days=2))  # Vendredi saint
        days.add(dt.date(year, 12, 26))  # Saint-Étienne
    return frozenset(days)


def holiday_names(year: int, zone: str = "FR") -> dict[dt.date, str]:
    """French names of the holidays of `year`, for exports and displays."""
    if zone == "none":
        return {}
    easter_sunday = easter(year)
    names = {
        dt.date(year, 1, 1): "Jour de l'an",
        easter_sunday + dt.timedelta(days=1): "Lundi de Pâques",
        dt.date(year, 5, 1): "Fête du Travail",
        dt.date(year, 5, 8): "Victoire 1945",
        easter_sunday + dt.timedelta(days=39): "Ascension",
        easter_sunday + dt.timedelta(days=50): "Lundi de Pentecôte",
        dt.date(year, 7, 14): "Fête nationale",
        dt.date(year, 8, 15): "Assomption",
        dt.date(year, 11, 1): "Toussaint",
        dt.date(year, 11, 11): "Armistice 1918",
        dt.date(year, 12, 25): "Noël",
    }
    if zone == "FR-57":
        names[easter_sunday - dt.timedelta(days=2)] = "Vendredi saint"
        names[dt.date(year, 12, 26)] = "Saint-Étienne"
    return names
