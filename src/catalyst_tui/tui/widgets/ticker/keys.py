"""The ticker screen's keys that act on one pane: declared once, so the screen binds them (they
work whatever has the focus) and each pane shows its own in the Footer while it has the focus,
in the same words the `?` keys screen uses."""

from __future__ import annotations

from textual.binding import Binding, BindingType

# (key, the screen's action, what it does, the pane it acts on); the words are the Footer's,
# short enough that a pane's keys fit 80 columns whole with esc, q and ?
# (tests/tui/screens/test_ticker.py)
PANE_KEYS: tuple[tuple[str, str, str, str], ...] = (
    ("m", "mark", "Mark", "checkpoints"),
    ("c", "add_checkpoint", "New checkpoint", "checkpoints"),
    ("e", "edit_checkpoint", "Edit", "checkpoints"),
    ("x", "archive_checkpoint", "Archive", "checkpoints"),
    ("A", "acknowledge", "Ack", "checkpoints"),
    ("l", "add_lot", "Add lot", "position"),
    ("L", "edit_lot", "Edit lot", "position"),
    ("D", "remove_lot", "Remove", "position"),
    ("s", "sell", "Sell", "position"),
    ("S", "remove_sell", "Undo sale", "position"),
    ("left_square_bracket", "range(-1)", "Shorter", "chart"),
    ("right_square_bracket", "range(1)", "Longer", "chart"),
    ("n", "edit_ticker", "Name, group, thesis", "thesis"),
)


def screen_bindings() -> list[BindingType]:
    """The keys as the screen binds them (hidden there: each pane shows its own)."""
    return [Binding(key, action, what, show=False) for key, action, what, _pane in PANE_KEYS]


def pane_bindings(pane: str) -> list[BindingType]:
    """The keys of `pane`, running the screen's actions, shown while the pane has the focus."""
    return [Binding(key, f"screen.{action}", what)
            for key, action, what, of in PANE_KEYS if of == pane]  # fmt: skip
