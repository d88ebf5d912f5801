"""The watchlist's status line (tui/widgets/watchlist/status.py) on the demo's real database:
the rows shown of all, the sort and the filter as typed, and the flags counted by checkpoint."""

from __future__ import annotations

from catalyst_tui.tui.widgets.watchlist.status import status_text


def test_the_status_line_counts_the_rows_shown_the_sort_the_filter_and_the_flags(workspace):
    data = workspace.watchlist()
    shown = [r for r in data.rows if r.group == "optics"]
    assert 0 < len(shown) < len(data.rows)
    line = status_text(data, shown, data.totals("optics"), "symbol", "[red]li").plain
    assert line.startswith(f"{len(shown)}/{len(data.rows)} tickers · by symbol · filter '[red]li'")
    # checkpoints flagged, counted from the store's own rows: not tickers
    store = workspace.store
    flagged = sum(c.flagged for r in data.rows for c in store.views.checkpoints(r.symbol))
    assert flagged > 1
    assert f"⚑ {flagged} flagged (A acknowledges)" in line
