"""Charts of the HTML reports, drawn by matplotlib (Agg, no pyplot) as inline SVG.

Imported only when an HTML report is rendered: matplotlib takes a while to import.
Text stays text in the SVG (`svg.fonttype = none`) and ids are salted so that output is
reproducible; labels and numbers are French.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from cockpit import french  # noqa: E402
from cockpit.report.document import Chart  # noqa: E402

matplotlib.rcParams.update({
    "svg.fonttype": "none", "svg.hashsalt": "cockpit", "font.size": 8,
    "font.family": "sans-serif", "axes.spines.top": False, "axes.spines.right": False,
    # Labels come from the folder: « $x^$ » in a task name is text, never mathtext (which
    # would fail on it, or draw what the name did not say).
    "text.parse_math": False,
})
COLOURS = {"pv": "#4e79a7", "ev": "#59a14f", "ac": "#e15759", "critical": "#e15759",
           "task": "#4e79a7", "summary": "#333333", "done": "#59a14f", "marker": "#f28e2b"}
PALETTE = ("#4e79a7", "#59a14f", "#e15759", "#f28e2b", "#76b7b2", "#b07aa1")
_HEADER = re.compile(r"^.*?(?=<svg)", re.S)


def _french_axis(axis: Any) -> None:
    axis.set_major_formatter(FuncFormatter(lambda v, _p: french.tick(v)))


EPOCH = dt.date(1970, 1, 1)  # matplotlib's default date epoch


def num(day: dt.date) -> float:
    """A date as matplotlib's day number."""
    return float((day - EPOCH).days)


def _date_axis(axis: Any) -> None:
    axis.set_major_locator(MaxNLocator(nbins=8, integer=True))
    axis.set_major_formatter(FuncFormatter(
        lambda v, _p: (EPOCH + dt.timedelta(days=int(v))).strftime("%d/%m/%y")))


def _marker(ax: Any, chart: Chart) -> None:
    if chart.status_date is not None:
        ax.axvline(num(chart.status_date), color=COLOURS["marker"], linestyle="--", linewidth=1,
                   label=f"date d'état ({french.date(chart.status_date)})")


def gantt(chart: Chart) -> Figure:
    bars = chart.bars
    fig = Figure(figsize=(9, max(1.6, 0.24 * len(bars) + 0.9)))
    ax = fig.subplots()
    for row, bar in enumerate(bars):
        start = num(bar.start)
        width = num(bar.finish) + 1 - start
        if bar.milestone:
            ax.plot([num(bar.finish) + 1], [row], marker="D", markersize=6,
                    color=COLOURS["critical"] if bar.critical else COLOURS["summary"])
            continue
        colour = (COLOURS["summary"] if bar.summary else
                  COLOURS["critical"] if bar.critical else COLOURS["task"])
        height = 0.3 if bar.summary else 0.6
        ax.barh(row, width, left=start, height=height, color=colour, alpha=0.85)
        if bar.percent > 0 and not bar.summary:
            ax.barh(row, width * min(bar.percent, 100) / 100, left=start, height=0.2,
                    color=COLOURS["done"])
    ax.set_yticks(range(len(bars)), [b.label for b in bars])
    longest = max((len(b.label) for b in bars), default=10)
    fig.subplots_adjust(left=min(0.5, 0.03 + 0.0068 * longest), right=0.98,
                        top=1 - 0.35 / fig.get_figheight(), bottom=0.45 / fig.get_figheight())
    ax.invert_yaxis()
    _date_axis(ax.xaxis)
    _marker(ax, chart)
    ax.set_title(chart.title)
    ax.grid(axis="x", alpha=0.3)
    return fig


def lines(chart: Chart) -> Figure:
    fig = Figure(figsize=(8, 3.4))
    ax = fig.subplots()
    for index, series in enumerate(chart.series):
        if series.dates:
            ax.plot([num(d) for d in series.dates], series.values, series.style, label=series.name,
                    color=COLOURS.get(series.name.lower(), PALETTE[index % len(PALETTE)]),
                    linewidth=1.6, markersize=3)
    for index, (label, value) in enumerate(chart.levels):
        ax.axhline(value, color=PALETTE[(index + 3) % len(PALETTE)], linestyle=":",
                   linewidth=1.2, label=label)
    _marker(ax, chart)
    _date_axis(ax.xaxis)
    _french_axis(ax.yaxis)
    fig.subplots_adjust(left=0.11, right=0.98, top=0.9, bottom=0.12)
    ax.set_ylabel(chart.y_label)
    ax.set_title(chart.title)
    ax.grid(alpha=0.3)
    ax.legend(loc="best", fontsize=7, frameon=False)
    return fig


def heatmap(chart: Chart) -> Figure:
    from matplotlib.colors import ListedColormap

    fig = Figure(figsize=(4.2, 3.8))
    ax = fig.subplots()
    size = len(chart.grid)
    # Background: criticality P × I by zone; text: the ids of the risks in the cell.
    zones = [[(p + 1) * (i + 1) for i in range(size)] for p in range(size)]
    cmap = ListedColormap(["#c7e9c0", "#fff3b0", "#fdbe85", "#f4a3a3"])
    level = [[0 if z <= 4 else 1 if z <= 9 else 2 if z <= 14 else 3 for z in row] for row in zones]
    ax.imshow(level, cmap=cmap, origin="lower", vmin=0, vmax=3)
    for p in range(size):
        for i in range(size):
            ids = chart.grid[p][i]
            if ids:
                # Three ids a line, at most three lines; beyond, how many more.
                shown = [", ".join(ids[k:k + 3]) for k in range(0, min(len(ids), 9), 3)]
                if len(ids) > 9:
                    shown.append(f"+{len(ids) - 9}")
                ax.text(i, p, "\n".join(shown), ha="center", va="center",
                        fontsize=9 if len(ids) < 3 else 6, fontweight="bold")
    ax.set_xticks(range(size), [str(i + 1) for i in range(size)])
    ax.set_yticks(range(size), [str(p + 1) for p in range(size)])
    fig.subplots_adjust(left=0.14, right=0.98, top=0.9, bottom=0.14)
    ax.set_xlabel("Impact")
    ax.set_ylabel("Probabilité")
    ax.set_title(chart.title)
    return fig


def bars(chart: Chart) -> Figure:
    fig = Figure(figsize=(8, 3.2))
    ax = fig.subplots()
    count = max(1, len(chart.values))
    width = 0.8 / count
    for index, (name, values) in enumerate(chart.values):
        positions = [k + (index - (count - 1) / 2) * width for k in range(len(chart.labels))]
        ax.bar(positions, values, width=width, label=name, color=PALETTE[index % len(PALETTE)])
    ax.set_xticks(range(len(chart.labels)), chart.labels, rotation=45, ha="right")
    fig.subplots_adjust(left=0.09, right=0.98, top=0.9, bottom=0.3)
    _french_axis(ax.yaxis)
    ax.set_ylabel(chart.y_label)
    ax.set_title(chart.title)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="best", fontsize=7, frameon=False)
    return fig


DRAW = {"gantt": gantt, "lines": lines, "heatmap": heatmap, "bars": bars}


def svg(chart: Chart) -> str:
    """The chart as an `<svg>` element (no XML header), ready to inline in HTML."""
    fig = DRAW[chart.kind](chart)  # margins are set by hand: tight_layout draws twice
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    return _HEADER.sub("", buffer.getvalue(), count=1)


def png(chart: Chart, dpi: int = 200) -> bytes:
    """The chart as a PNG image, for Word (which shows no SVG without a PNG beside it)."""
    fig = DRAW[chart.kind](chart)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()
