"""The Line-API scrolling that the Gantt and the WBS share: rows given once, a header of
fixed lines, only the visible lines drawn, each one cached.

A subclass says how many header lines it has (HEADER), which index the cursor is on
(`cursor_index`), what distinguishes two drawings of a line (`header_key`, `row_key`) and
how to draw one (`draw_header`, `draw_row`). Moving the cursor refreshes the two lines it
leaves and enters; a cache of strips keyed by line, horizontal offset, width and the
subclass's key makes scrolling back free.
"""

from __future__ import annotations

from typing import ClassVar

from textual.cache import LRUCache
from textual.scroll_view import ScrollView
from textual.strip import Strip


class RowView(ScrollView):
    HEADER: ClassVar[int] = 1

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._cache: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        self._version = 0
        self.rendered_lines = 0  # for tests and the benchmark: lines actually drawn

    # -- what a subclass says -----------------------------------------------------

    @property
    def row_count(self) -> int:
        raise NotImplementedError

    @property
    def cursor_index(self) -> int:
        raise NotImplementedError

    def header_key(self, y: int) -> tuple[object, ...]:
        return ()

    def row_key(self, index: int) -> tuple[object, ...]:
        return ()

    def draw_header(self, y: int, x: int, width: int) -> Strip:
        raise NotImplementedError

    def draw_row(self, index: int, x: int, width: int, key: tuple[object, ...]) -> Strip:
        raise NotImplementedError

    # -- shared -------------------------------------------------------------------

    def forget(self) -> None:
        """Every cached line is stale (new rows, new widths, a new zoom)."""
        self._version += 1
        self._cache.clear()

    def refresh_rows(self, *indexes: int) -> None:
        for index in indexes:
            self.refresh_line(index + self.HEADER)

    def keep_row_visible(self, index: int) -> None:
        body = max(1, self.scrollable_content_region.height - self.HEADER)
        top = int(self.scroll_y)
        if index < top:
            self.scroll_to(y=index, animate=False)
        elif index >= top + body:
            self.scroll_to(y=index - body + 1, animate=False)

    def page_target(self, direction: int) -> int:
        return self.cursor_index + direction * max(1, self.size.height - self.HEADER - 1)

    def last_or(self, index: int) -> int:
        return index if index >= 0 else self.row_count - 1

    def row_at(self, y: int) -> int | None:
        """The row under line `y` of the widget, None on the header."""
        return None if y < self.HEADER else int(self.scroll_y) + y - self.HEADER

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        x = int(self.scroll_x)
        if y < self.HEADER:
            key: tuple[object, ...] = ("header", y, x, width, *self.header_key(y), self._version)
            index = -1
        else:
            index = int(self.scroll_y) + y - self.HEADER
            if index >= self.row_count:
                return Strip.blank(width, self.rich_style)
            own = self.row_key(index)
            key = (index, x, width, *own, self._version)
        strip = self._cache.get(key)
        if strip is None:
            self.rendered_lines += 1
            strip = self.draw_header(y, x, width) if index < 0 else \
                self.draw_row(index, x, width, own)
            self._cache[key] = strip
        return strip
