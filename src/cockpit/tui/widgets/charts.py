"""Charts, one PlotextPlot subclass each: `replot()` clears, plots and refreshes."""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterable, Sequence

from textual.app import RenderResult
from textual_plotext import PlotextPlot

from cockpit import french

DATE_FORMAT = "d/m/Y"
TICKS = 7  # plotext's own number of y ticks
MAX_DECIMALS = 6  # finer steps (values apart by float noise): plotext's own ticks


def _dates(days: Sequence[dt.date]) -> list[str]:
    return [d.strftime("%d/%m/%Y") for d in days]


def y_ticks(values: Iterable[float], count: int = TICKS) -> tuple[list[float], list[str]]:
    """At most `count` y ticks (three at least) at a round step (1, 2 or 5 × 10ⁿ) that frame `values`, and
    their labels in French (« 0,95 », « 12 500 »), where plotext would write 0.95 and
    12500.0 at fractions of the range. (matplotlib's MaxNLocator, which the reports use,
    would add a third of a second to the screen's first paint.)"""
    data = [v for v in values if math.isfinite(v)]
    if not data:
        return [], []
    low, high = min(data), max(data)
    if low == high:  # plotext's own margin around a flat series
        low, high = sorted((0.5 * low, 1.5 * low)) if low else (-1.0, 1.0)
    count = max(count, 3)  # three ticks frame any range at a step as wide as the range
    try:
        power = 10.0 ** math.floor(math.log10((high - low) / (count - 1)))
        for step in (n * power * 10**k for k in itertools.count() for n in (1, 2, 5)):
            first, last = math.floor(round(low / step, 9)), math.ceil(round(high / step, 9))
            if last - first < count:
                break
        decimals = max(0, -math.floor(round(math.log10(step), 9)))
        if decimals > MAX_DECIMALS:
            return [], []
        ticks = [n * step for n in range(first, last + 1)]
        return ticks, [french.tick(t, decimals) for t in ticks]
    except ArithmeticError:  # too wide a range for round steps: plotext's own ticks
        return [], []


class FrenchAxisPlot(PlotextPlot):
    """A plot whose y axis is framed by round ticks labelled in French, as many as its
    height shows on distinct rows (chosen when drawn, so a resize keeps them apart)."""

    FRAME_ROWS = 4  # the title, the top and bottom of the frame, the dates below

    y_values: tuple[float, ...] = ()

    def render(self) -> RenderResult:
        ticks, labels = y_ticks(self.y_values, min(TICKS, self.size.height - self.FRAME_ROWS))
        if ticks:
            self.plt.ylim(ticks[0], ticks[-1])
            self.plt.yticks(ticks, labels)
        return super().render()


class SCurve(FrenchAxisPlot):
    """Cumulative planned value, earned value and actual cost (the S-curve)."""

    def replot(self, days: Sequence[dt.date], pv: Sequence[float], ev: Sequence[float | None],
               ac: Sequence[float | None], status: dt.date | None, unit: str = "€") -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        plt.date_form(DATE_FORMAT)
        plt.title(f"Courbe en S ({unit})")
        self.y_values = tuple(v for series in (pv, ev, ac) for v in series if v is not None)
        if days:
            labels = _dates(days)
            plt.plot(labels, list(pv), label="VP (prévu)", marker="braille", color="blue")
            done = [(x, v) for x, v in zip(labels, ev, strict=True) if v is not None]
            if done:
                plt.plot([x for x, _ in done], [v for _, v in done], label="VA (acquis)",
                         marker="braille", color="green")
            spent = [(x, v) for x, v in zip(labels, ac, strict=True) if v is not None]
            if spent:
                plt.plot([x for x, _ in spent], [v for _, v in spent], label="CR (réel)",
                         marker="braille", color="red")
            if status is not None:
                plt.vline(status.strftime("%d/%m/%Y"), color="yellow")
        self.refresh()


class TrendChart(FrenchAxisPlot):
    """An indicator's measures against its target and baseline."""

    def replot(self, name: str, unit: str, days: Sequence[dt.date], values: Sequence[float],
               target: float | None, baseline: float | None) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        plt.date_form(DATE_FORMAT)
        plt.title(f"{name} ({unit})" if unit else name)
        if days:
            plt.plot(_dates(days), list(values), label="mesures", marker="braille", color="cyan")
        if target is not None:
            plt.hline(target, color="green")
        if baseline is not None:
            plt.hline(baseline, color="gray")
        self.y_values = (*values, *(v for v in (target, baseline) if v is not None))
        self.refresh()
