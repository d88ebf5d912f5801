"""A screen pushed new is styled once, as its widgets mount. Textual's push sends the new screen
a ScreenResume that asks it to style its whole tree again (a screen resumed from under another
may have missed a change of theme while it was hidden); for a screen just built that second
pass changes nothing, and it was a tenth of the CPU of opening a ticker. `FreshScreen`, mixed in
before Textual's Screen, lets a screen's first resume skip it; every later one restyles as
Textual decides."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual import events


class FreshScreen:
    """A screen whose first resume, the one its push sends, keeps the styles its widgets got
    as they mounted."""

    _resumed_once = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler (the subclass's handlers come first), which restyles
        # the tree only when the event asks it to.
        if not self._resumed_once:
            self._resumed_once = True
            event.refresh_styles = False
