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


async def test_the_status_line_is_one_line_at_80_columns_its_flags_first(tmp_path):
    """At 80×24, with flags, a checkpoint past due (its reason long) and more, the status line
    stays one line: the count, the flags and what is past due first, the rest cut with …"""
    from catalyst_tui.config import load_config
    from catalyst_tui.jobs.evaluation import evaluate_checkpoints
    from catalyst_tui.session.workspace import Workspace
    from catalyst_tui.store import Store
    from catalyst_tui.tui.app import CatalystApp

    from ....support.demo_data import BUNDLED_CONFIG, DEMO_NOW, seed_demo
    from ....support.pilot import ZONE, lines_on_screen, text_of

    edited = tmp_path / "catalysts.toml"
    text = BUNDLED_CONFIG.read_text()
    edited.write_text(text.replace("due = 2027-03-31", "due = 2026-08-31", 1))
    config = load_config(edited)
    with Store.open(tmp_path / "c.db") as store:
        seed_demo(store, config)
        evaluate_checkpoints(config, store, DEMO_NOW)
        workspace = Workspace(config, store, clock=lambda: DEMO_NOW, zone=ZONE)
        app = CatalystApp(workspace, live=False, watch_file=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            drawn = lines_on_screen(app, "#status-line")
            whole = text_of(app, "#status-line")
    assert len(drawn) == 1, drawn
    (line,) = drawn
    assert line.startswith(" 8/8 tickers · by file order · ⚑ "), line
    assert "flagged (A acknowledges)" in line
    assert line.endswith(" ·…") and len(line) <= 80  # cut between two parts, said with …
    assert "ALAB/fy26-revenue-estimate past due, pending: " in whole  # kept whole for a reader
