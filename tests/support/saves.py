"""pilot.pause() waits for the TUI's saves under way.

The TUI makes every save (a mark, an acknowledgement, an edit of catalysts.toml) in a worker
thread of the "saves" group, where it may wait for another process's lock: the loop goes on.
A test that presses ctrl+s and then looks at the file, the database or the screen looks after
that save, as it did when saves ran on the loop. Installed once for the whole suite
(tests/conftest.py imports it); `saves_not_awaited(app)` turns it off, for a test that pauses
while a save waits for a lock it holds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from textual.pilot import Pilot

_pause = Pilot.pause
_OFF = "_saves_not_awaited"


async def _pause_after_saves(self: Pilot[Any], delay: float | None = None) -> None:
    await _pause(self, delay)  # the key handled: the save it started is under way
    app = self.app
    if app.__dict__.get(_OFF):
        return
    saves = [worker for worker in app.workers if worker.group == "saves"]
    if saves:
        await app.workers.wait_for_complete(saves)
        await _pause(self)  # what the save's outcome shows


Pilot.pause = _pause_after_saves  # type: ignore[method-assign]


@contextmanager
def saves_not_awaited(app: Any) -> Iterator[None]:
    """Within it, a pause returns while a save still waits."""
    app.__dict__[_OFF] = True
    try:
        yield
    finally:
        app.__dict__.pop(_OFF, None)
