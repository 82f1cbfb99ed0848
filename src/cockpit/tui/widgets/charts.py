"""Charts, one PlotextPlot subclass each: `replot()` clears, plots and refreshes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from textual_plotext import PlotextPlot

DATE_FORMAT = "d/m/Y"


def _dates(days: Sequence[dt.date]) -> list[str]:
    return [d.strftime("%d/%m/%Y") for d in days]


class SCurve(PlotextPlot):
    """Cumulative planned value, earned value and actual cost (the S-curve)."""

    def replot(self, days: Sequence[dt.date], pv: Sequence[float], ev: Sequence[float | None],
               ac: Sequence[float | None], status: dt.date | None, unit: str = "€") -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        plt.date_form(DATE_FORMAT)
        plt.title(f"Courbe en S ({unit})")
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


class TrendChart(PlotextPlot):
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
        self.refresh()
