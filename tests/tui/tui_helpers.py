"""Helpers of the TUI tests (plain functions; fixtures live in conftest.py)."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any

SIZE = (130, 40)


def run_async(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test with asyncio (no pytest-asyncio needed)."""

    @functools.wraps(test)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return wrapper


async def settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until loading, edits and reloads are over and the screen is repainted."""
    for _ in range(10):
        busy = [w for w in app.workers if w.group != "watch"]
        if busy:  # (an empty list would mean every worker, the watcher included)
            await app.workers.wait_for_complete(busy)
        await pilot.pause()
        if all(w.is_finished for w in app.workers if w.group != "watch"):
            await pilot.pause()
            if all(w.is_finished for w in app.workers if w.group != "watch"):
                break
