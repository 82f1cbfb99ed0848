"""The 5×5 risk matrix: probability up, impact across; each cell counts the active risks."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from cockpit.printable import printable

CELL = 7
# Colour of a cell by its P × I score, the thresholds of the steering core's levels.
COLOURS = ((4, "#3f7f4f"), (9, "#b59a3b"), (14, "#c96b2c"), (25, "#b03a3a"))


def colour(score: int) -> str:
    return next(c for bound, c in COLOURS if score <= bound)


class HeatMap(Static):
    DEFAULT_CSS = """
    HeatMap { width: auto; height: auto; padding: 0 1; }
    """

    def show(self, cells: tuple[tuple[tuple[str, ...], ...], ...], selected: str = "") -> None:
        """`cells[p - 1][i - 1]`: ids of the risks of probability p and impact i."""
        text = Text()
        text.append("Probabilité ↑  Impact →\n", style="bold")
        for p in range(5, 0, -1):
            text.append(f"{p} ")
            for i in range(1, 6):
                ids = cells[p - 1][i - 1] if cells else ()
                label = ",".join(ids) if len(ids) <= 1 else f"{len(ids)} risq."
                mark = selected in ids and selected != ""
                text.append(f"{printable(label[:CELL]):^{CELL}}",
                            style=f"{'bold reverse ' if mark else 'bold '}white on {colour(p * i)}")
            text.append("\n")
        text.append("  " + "".join(f"{i:^{CELL}}" for i in range(1, 6)))
        self.update(text)
