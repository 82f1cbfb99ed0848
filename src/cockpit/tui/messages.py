"""Messages the workers post to the app (workers never touch widgets)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from cockpit.tui.state import Snapshot


class SnapshotLoaded(Message):
    """The loading worker computed a new snapshot of the folder."""

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot


class FilesChanged(Message):
    """The watcher saw files change on disk that the app did not write."""

    def __init__(self, files: tuple[str, ...]) -> None:
        super().__init__()
        self.files = files


class EditDone(Message):
    """An edit was saved; `undo` is what the core needs to take it back (None: no undo)."""

    def __init__(self, label: str, files: tuple[str, ...], undo: Any) -> None:
        super().__init__()
        self.label = label
        self.files = files
        self.undo = undo


class EditRefused(Message):
    """The core refused an edit (a file changed outside, a bad value); the text is French."""

    def __init__(self, label: str, reason: str) -> None:
        super().__init__()
        self.label = label
        self.reason = reason
