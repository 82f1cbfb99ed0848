"""A Gantt chart as a Line-API ScrollView: only visible lines are drawn, each one cached.

Rows are given once (`set_rows`); moving the cursor refreshes two lines, scrolling
draws the lines that come into view, and a cache of strips keyed by row, horizontal
offset, width and zoom makes scrolling back free. Nothing here computes dates: rows
carry what the core's schedule says.
"""

from __future__ import annotations

import datetime as dt

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from cockpit.model.immutable import immutable
from cockpit.printable import printable
from cockpit.tui.widgets.row_view import RowView

HEADER = 2
LABEL = 36
# Columns per calendar day for each zoom.
ZOOMS = {"jour": 2.0, "semaine": 4 / 7, "mois": 2 / 7}
ZOOM_ORDER = ("jour", "semaine", "mois")
MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
          "nov.", "déc.")

NORMAL = "#4f8fdc"
CRITICAL = "#e0524f"
SUMMARY = "#b07fd6"
DONE = "#5aa469"
BASELINE = "#8a8a8a"
STATUS = "#e5c07b"


@immutable
class GanttRow:
    id: str
    wbs: str
    name: str
    level: int
    start: dt.date
    finish: dt.date
    milestone: bool = False
    summary: bool = False
    critical: bool = False
    finished: bool = False
    baseline: tuple[dt.date, dt.date] | None = None


class GanttChart(RowView, can_focus=True):
    """Bars, milestones, critical path, baseline, status date line; zoom day/week/month."""

    HEADER = HEADER
    DEFAULT_CSS = """
    GanttChart { height: 1fr; background: $surface; }
    """
    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Tâche précédente", show=False, id="gantt.up"),
        Binding("down,j", "cursor(1)", "Tâche suivante", show=False, id="gantt.down"),
        Binding("pageup", "page(-1)", "Page précédente", show=False, id="gantt.pageup"),
        Binding("pagedown", "page(1)", "Page suivante", show=False, id="gantt.pagedown"),
        Binding("home", "cursor_to(0)", "Première tâche", show=False, id="gantt.home"),
        Binding("end", "cursor_to(-1)", "Dernière tâche", show=False, id="gantt.end"),
        Binding("left,h", "pan(-8)", "Plus tôt", show=False, id="gantt.left"),
        Binding("right,l", "pan(8)", "Plus tard", show=False, id="gantt.right"),
    ]

    cursor: reactive[int] = reactive(0, repaint=False, init=False)
    zoom: reactive[str] = reactive("semaine", repaint=False, init=False)

    class Moved(Message):
        def __init__(self, row: GanttRow | None) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[GanttRow] = []
        self.origin = dt.date.min  # set with the rows
        self.days = 1
        self.status_date: dt.date | None = None
        self.has_baseline = False

    # -- data ---------------------------------------------------------------------

    def set_rows(self, rows: list[GanttRow], status_date: dt.date) -> None:
        self.rows = rows
        self.status_date = status_date
        self.has_baseline = any(r.baseline for r in rows)
        dates = [r.start for r in rows] + [r.finish for r in rows]
        dates += [d for r in rows if r.baseline for d in r.baseline]
        dates.append(status_date)
        first = min(dates)
        last = max(dates, default=first)
        self.origin = first - dt.timedelta(days=first.weekday() + 7)  # a Monday, a week before
        self.days = (last - self.origin).days + 21
        self.forget()
        self.cursor = min(self.cursor, max(0, len(rows) - 1))
        self._resize()
        self.refresh()

    def _resize(self) -> None:
        self.virtual_size = Size(LABEL + self.col(self.origin + dt.timedelta(days=self.days)),
                                 len(self.rows) + HEADER)

    def col(self, day: dt.date) -> int:
        return int((day - self.origin).days * ZOOMS[self.zoom])

    def watch_zoom(self) -> None:
        self.forget()
        row = self.current
        self._resize()
        if row is not None:
            self.scroll_to(x=max(0, self.col(row.start) - 4), animate=False)
        self.refresh()

    # -- navigation ---------------------------------------------------------------

    @property
    def current(self) -> GanttRow | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def cursor_index(self) -> int:
        return self.cursor

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_rows(old, new)
        self.post_message(self.Moved(self.current))

    def action_cursor(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_to(self.page_target(direction))

    def action_cursor_to(self, index: int) -> None:
        self.move_to(self.last_or(index))

    def action_pan(self, columns: int) -> None:
        self.scroll_to(x=max(0, self.scroll_x + columns), animate=False)

    def move_to(self, index: int) -> None:
        if not self.rows:
            return
        self.cursor = max(0, min(len(self.rows) - 1, index))
        self.keep_row_visible(self.cursor)

    def go_to(self, task_id: str) -> bool:
        """Put the cursor on a task and scroll its bar into view."""
        for index, row in enumerate(self.rows):
            if row.id == task_id:
                self.move_to(index)
                self.scroll_to(x=max(0, self.col(row.start) - 4), animate=False)
                return True
        return False

    def scroll_to_date(self, day: dt.date) -> None:
        width = max(1, self.size.width - LABEL)
        self.scroll_to(x=max(0, self.col(day) - width // 3), animate=False)

    def on_click(self, event: object) -> None:
        row = self.row_at(getattr(event, "y", 0))
        if row is not None:
            self.move_to(row)

    # -- drawing ------------------------------------------------------------------

    def header_key(self, y: int) -> tuple[object, ...]:
        return (self.zoom,)

    def row_key(self, index: int) -> tuple[object, ...]:
        return (self.zoom, index == self.cursor)

    def draw_header(self, y: int, x: int, width: int) -> Strip:
        return self._header(y, x, width)

    def draw_row(self, index: int, x: int, width: int, key: tuple[object, ...]) -> Strip:
        return self._row(index, x, width)

    def _label(self, text: str, style: Style) -> Segment:
        if len(text) > LABEL - 1:
            text = text[: LABEL - 2] + "…"
        return Segment(text.ljust(LABEL), style)

    def _header(self, y: int, x: int, width: int) -> Strip:
        span = max(0, width - LABEL)
        cells = [" "] * span
        scale = ZOOMS[self.zoom]
        day = self.origin + dt.timedelta(days=int(x / scale))
        end = self.origin + dt.timedelta(days=int((x + span) / scale) + 2)
        while day <= end:
            c = self.col(day) - x
            text = ""
            first_visible = c <= 0 < self.col(day + dt.timedelta(1)) - x
            if y == 0 and self.zoom == "mois":
                if (day.month == 1 and day.day == 1) or first_visible:
                    text, c = str(day.year), max(c, 0)
            elif y == 0:
                following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
                if day.day == 1 or (first_visible and self.col(following) - x > 11):
                    text, c = f"{MONTHS[day.month - 1]} {day.year}", max(c, 0)
            elif self.zoom == "jour":
                text = f"{day.day:02d}" if day.weekday() < 5 else "··"
            elif self.zoom == "semaine" and day.weekday() == 0:
                text = f"S{day.isocalendar()[1]:02d}"
            elif self.zoom == "mois" and (day.day == 1 or first_visible):
                text, c = MONTHS[day.month - 1], max(c, 0)
            for k, char in enumerate(text):
                if 0 <= c + k < span:
                    cells[c + k] = char
            day += dt.timedelta(days=1)
        style = Style(bold=y == 0, color="#9aa5b1")
        title = "Tâche" if y == 0 else f"zoom : {self.zoom}"
        return Strip([self._label(" " + title, style), Segment("".join(cells), style)],
                     LABEL + span)

    def _row(self, index: int, x: int, width: int) -> Strip:
        row = self.rows[index]
        span = max(0, width - LABEL)
        selected = index == self.cursor
        base_bg = "#2c3e50" if selected else None
        label_style = Style(bold=row.summary, color=CRITICAL if row.critical and not row.summary
                            else None, reverse=selected, bgcolor=base_bg)
        label = self._label(f"{row.wbs} {'  ' * row.level}{printable(row.name)}", label_style)
        color = DONE if row.finished else SUMMARY if row.summary else \
            CRITICAL if row.critical else NORMAL
        start, stop = self.col(row.start) - x, max(self.col(row.finish + dt.timedelta(1)) - x,
                                                   self.col(row.start) - x + 1)
        b_start = b_stop = -1
        if row.baseline is not None:
            b_start = self.col(row.baseline[0]) - x
            b_stop = max(self.col(row.baseline[1] + dt.timedelta(1)) - x, b_start + 1)
        status = self.col(self.status_date) - x if self.status_date else -1
        segments = [label]
        run_text, run_style = "", Style()
        for c in range(span):
            in_bar = start <= c < stop and not row.milestone
            in_base = b_start <= c < b_stop
            if row.milestone and c == start:
                char, style = "◆", Style(color=color, bold=True, bgcolor=base_bg)
            elif in_bar and (in_base or self.has_baseline):
                char = "▀"
                style = Style(color=color, bgcolor=BASELINE if in_base else base_bg)
            elif in_bar:
                char, style = "█", Style(color=color, bgcolor=base_bg)
            elif in_base:
                char, style = "▄", Style(color=BASELINE, bgcolor=base_bg)
            elif c == status:
                char, style = "│", Style(color=STATUS, bgcolor=base_bg)
            else:
                char, style = " ", Style(bgcolor=base_bg)
            if style == run_style:
                run_text += char
            else:
                if run_text:
                    segments.append(Segment(run_text, run_style))
                run_text, run_style = char, style
        if run_text:
            segments.append(Segment(run_text, run_style))
        return Strip(segments, LABEL + span)
