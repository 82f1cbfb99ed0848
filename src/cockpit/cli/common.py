"""What several subcommands share: a date argument, and the project state or why not."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cockpit.check.state import CheckedState


def parse_date(text: str) -> dt.date:
    """An AAAA-MM-JJ argument, or a French usage error."""
    from cockpit.folder.fields import date_out_of_range

    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date « {text} » illisible (AAAA-MM-JJ)") from None
    problem = date_out_of_range(day)
    if problem is not None:   # the calendar and the finance would overflow Python's dates
        raise argparse.ArgumentTypeError(problem)
    return day


def add_date(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=parse_date, metavar="AAAA-MM-JJ",
                        help="date d'état (défaut : status_date de cockpit.toml, sinon aujourd'hui)")


def read_state(directory: str, today: dt.date, status_date: dt.date | None = None
               ) -> CheckedState | None:
    """The state of the project in `directory`, or None after saying why on stderr."""
    from cockpit.check.state import CheckedState
    from cockpit.state import Unreadable

    try:
        return CheckedState.read(directory, today, status_date=status_date)
    except Unreadable as error:
        print(f"cockpit : {error}", file=sys.stderr)
        return None
