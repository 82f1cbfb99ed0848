"""The WBS as a Line-API ScrollView: a table of rows given once, only visible lines drawn.

A DataTable renders every newly visible row through Rich (a page down on 5,000 tasks
cost ~180 ms of CPU); here a row is a few plain segments, cached by row, horizontal
offset, width and selected column. Moving the cursor redraws the two lines it leaves
and enters. Rows carry text only: what the core computed, formatted by the screen.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
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

HEADER = 1
GAP = 2  # spaces between two columns
MAX_WIDTH = {"name": 60, "resources": 32, "after": 28}
MIN_NAME = 16

CRITICAL = "#e0524f"
ROW_BG = "#2c3e50"
ZEBRA_BG = "#1e2a36"


@immutable
class WbsRow:
    cells: tuple[str, ...]
    summary: bool = False
    critical: bool = False


class WbsTable(RowView, can_focus=True):
    """Code, name, duration, resources… one line per task; a cell cursor."""

    HEADER = HEADER
    DEFAULT_CSS = """
    WbsTable { height: 1fr; background: $surface; }
    """
    BINDINGS = [
        Binding("up,k", "cursor(-1, 0)", "Tâche précédente", show=False, id="wbs.up"),
        Binding("down,j", "cursor(1, 0)", "Tâche suivante", show=False, id="wbs.down"),
        Binding("left,h", "cursor(0, -1)", "Colonne précédente", show=False, id="wbs.left"),
        Binding("right,l", "cursor(0, 1)", "Colonne suivante", show=False, id="wbs.right"),
        Binding("pageup", "page(-1)", "Page précédente", show=False, id="wbs.pageup"),
        Binding("pagedown", "page(1)", "Page suivante", show=False, id="wbs.pagedown"),
        Binding("home", "cursor_to(0)", "Première tâche", show=False, id="wbs.home"),
        Binding("end", "cursor_to(-1)", "Dernière tâche", show=False, id="wbs.end"),
    ]

    cursor_row: reactive[int] = reactive(0, repaint=False, init=False)
    cursor_column: reactive[int] = reactive(0, repaint=False, init=False)

    class Clicked(Message):
        """A cell clicked twice in a row (the screen edits it)."""

        def __init__(self, table: WbsTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> WbsTable:
            return self.table

    def __init__(self, columns: tuple[tuple[str, str], ...], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = columns
        self.rows: list[WbsRow] = []
        self.widths = [cell_len(label) for _, label in columns]
        self.natural = list(self.widths)
        self.offsets: list[int] = []
        self._layout()

    # -- data ---------------------------------------------------------------------

    def set_rows(self, rows: list[WbsRow]) -> None:
        """Replace every row (one pass for the widths); keeps the cursor where it was."""
        self.rows = rows
        widths = [cell_len(label) for _, label in self.columns]
        for row in rows:
            for c, text in enumerate(row.cells):
                if len(text) > widths[c]:  # len ≥ cells for these texts: cheap first test
                    widths[c] = max(widths[c], cell_len(text))
        self.natural = [min(w, MAX_WIDTH.get(key, w))
                        for w, (key, _) in zip(widths, self.columns, strict=True)]
        self._fit()
        self.forget()
        self.cursor_row = min(self.cursor_row, max(0, len(rows) - 1))
        self.virtual_size = Size(self.total_width, len(rows) + HEADER)
        self.refresh()

    def _fit(self) -> None:
        """Narrow the name column (down to MIN_NAME) so that the columns up to the progress
        stay on screen in a small terminal; the others scroll."""
        self.widths = list(self.natural)
        keys = [key for key, _ in self.columns]
        if "name" in keys and "progress" in keys and self.size.width:
            name, last = keys.index("name"), keys.index("progress")
            needed = 1 + sum(w + GAP for w in self.widths[:last + 1])
            spare = self.size.width - needed - 1
            if spare < 0:
                self.widths[name] = max(MIN_NAME, self.widths[name] + spare)
        self._layout()

    def on_resize(self) -> None:
        if self.rows:
            self._fit()
            self.forget()
            self.virtual_size = Size(self.total_width, len(self.rows) + HEADER)
            self.refresh()

    def _layout(self) -> None:
        self.offsets = []
        x = 1
        for width in self.widths:
            self.offsets.append(x)
            x += width + GAP
        self.total_width = x

    def get_row_at(self, index: int) -> tuple[str, ...]:
        return self.rows[index].cells

    @property
    def cursor_key(self) -> str:
        return self.columns[self.cursor_column][0]

    # -- navigation ---------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def cursor_index(self) -> int:
        return self.cursor_row

    def watch_cursor_row(self, old: int, new: int) -> None:
        self.refresh_rows(old, new)

    def watch_cursor_column(self) -> None:
        self.refresh_rows(self.cursor_row)

    def _keep_visible(self) -> None:
        self.keep_row_visible(self.cursor_row)
        start, width = self.offsets[self.cursor_column], self.widths[self.cursor_column]
        view = self.scrollable_content_region.width
        left = int(self.scroll_x)
        if start < left:
            self.scroll_to(x=max(0, start - 1), animate=False)
        elif start + width > left + view:
            self.scroll_to(x=start + width - view + 1, animate=False)

    def action_cursor(self, rows: int, columns: int) -> None:
        self.move_to(self.cursor_row + rows, self.cursor_column + columns)

    def action_page(self, direction: int) -> None:
        self.move_to(self.page_target(direction))

    def action_cursor_to(self, index: int) -> None:
        self.move_to(self.last_or(index))

    def move_to(self, row: int, column: int | None = None) -> None:
        if not self.rows:
            return
        self.cursor_row = max(0, min(len(self.rows) - 1, row))
        if column is not None:
            self.cursor_column = max(0, min(len(self.columns) - 1, column))
        self._keep_visible()

    def on_click(self, event: object) -> None:
        row, x = self.row_at(getattr(event, "y", 0)), getattr(event, "x", 0) + int(self.scroll_x)
        if row is None:
            return
        column = max((c for c, start in enumerate(self.offsets) if start <= x), default=0)
        again = (row, column) == (self.cursor_row, self.cursor_column)
        self.move_to(row, column)
        if again:
            self.post_message(self.Clicked(self))

    # -- drawing ------------------------------------------------------------------

    def row_key(self, index: int) -> tuple[object, ...]:
        return (self.cursor_column if index == self.cursor_row else -1,)

    def draw_header(self, y: int, x: int, width: int) -> Strip:
        labels = tuple(label for _, label in self.columns)
        strip = self._line(labels, Style(bold=True, color="#9aa5b1"), None, -1)
        return strip.crop_extend(x, x + width, Style(bgcolor=None))

    def draw_row(self, index: int, x: int, width: int, key: tuple[object, ...]) -> Strip:
        selected = key[0]
        assert isinstance(selected, int)
        row = self.rows[index]
        style = Style(bold=row.summary, color=CRITICAL if row.critical and not row.summary else None)
        bg = ROW_BG if selected != -1 else ZEBRA_BG if index % 2 else None
        strip = self._line(row.cells, style, bg, selected)
        return strip.crop_extend(x, x + width, Style(bgcolor=None))

    def _line(self, cells: tuple[str, ...], style: Style, bg: str | None, selected: int) -> Strip:
        base = style + Style(bgcolor=bg)
        segments = [Segment(" ", base)]
        for c, text in enumerate(cells):
            cell_style = base + Style(reverse=True) if c == selected else base
            segments.append(Segment(set_cell_size(printable(text), self.widths[c]), cell_style))
            segments.append(Segment(" " * GAP, base))
        return Strip(segments, self.total_width)
