"""The keys every screen pushed over the watchlist has (the ticker page, the timeline, the
Performance screen): back and quit first, the screen's own, then a refresh and the keys' help."""

from __future__ import annotations

from textual.binding import Binding, BindingType


def pushed_screen_keys(*own: BindingType) -> list[BindingType]:
    """A pushed screen's BINDINGS: esc back, q quit, its `own` keys, r refresh (hidden), ? keys."""
    return [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("q", "app.quit", "Quit"),
        *own,
        Binding("r", "app.refresh_now", "Refresh", show=False),
        Binding("question_mark", "app.keys", "Keys"),
    ]
