"""docs/tui.md's key tables say every key the watchlist and the ticker screen bind: a binding added
without its line in the table fails here; the ticker page's number keys are its panes'."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from textual.binding import Binding
from textual.screen import Screen

from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.screens.watchlist import WatchlistScreen
from catalyst_tui.tui.widgets.ticker.panes import PANES

DOCS = (Path(__file__).resolve().parents[3] / "docs" / "tui.md").read_text(encoding="utf-8")
NAMES = {
    "slash": "/",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "escape": "esc",
}


def bound(screen: type[Screen[Any]]) -> set[str]:
    keys: set[str] = set()
    for binding in screen.BINDINGS:
        key = binding.key if isinstance(binding, Binding) else binding[0]
        keys.update(NAMES.get(k.strip(), k.strip()) for k in key.split(","))
    return keys


def table_after(marker: str) -> str:
    start = DOCS.index("| key | does |", DOCS.index(marker))
    return DOCS[start : DOCS.index("\n\n", start)]


def said(table: str) -> set[str]:
    """Every key the table names in backticks, a range of numbers spelled out."""
    keys = set(re.findall(r"`([^`\s]+)`", table))
    for first, last in re.findall(r"`(\d)`–`(\d)`", table):
        keys.update(str(n) for n in range(int(first), int(last) + 1))
    return keys


def test_every_watchlist_key_is_in_its_table():
    missing = bound(WatchlistScreen) - said(table_after("## Screens"))
    assert missing == set(), f"docs/tui.md's watchlist keys lack {sorted(missing)}"


def test_every_ticker_page_key_is_in_its_table_and_its_number_keys_are_the_panes():
    table = table_after("Every key below works on every pane")
    missing = bound(TickerScreen) - said(table)
    assert missing == set(), f"docs/tui.md's ticker keys lack {sorted(missing)}"
    assert f"| `1`–`{len(PANES)}` | the panes |" in table
