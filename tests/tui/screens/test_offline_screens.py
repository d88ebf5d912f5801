"""The screens whole offline, at 80×24 and 120×36, with Pilot: after a refresh that reached no
provider (every one at 127.0.0.1's discard port, where nothing listens), the ticker page's title
is one line (the quote's failure last, cut with …), its verdict keeps a broken milestone's
reason whole (the coverage gives way first) and the checkpoint table has the page's height; the
watchlist draws every declared column at 120 columns with a KPI guard in the thesis; the first
run's toasts are short and never over the keys' help."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from textual.widgets import DataTable

from catalyst_tui import cli
from catalyst_tui.config import load_config
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store import Store
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.base import NOTICE_SECONDS
from catalyst_tui.tui.screens.forms import KeysScreen
from catalyst_tui.tui.widgets.watchlist.cells import COLUMNS
from tests.support import scenes
from tests.support.pilot import ZONE, lines_on_screen, make_app
from tests.support.toasts import raised

from ...conftest import BUNDLED_CONFIG
from ...support.demo_data import demo_database

NOWHERE = "http://127.0.0.1:9"  # the discard port: nothing answers, nothing leaves the machine
OFFLINE = f"""[settings]
providers = ["yahoo", "stooq"]
[providers.yahoo]
base_url = "{NOWHERE}"
cookie_url = "{NOWHERE}/fc"
[providers.stooq]
base_url = "{NOWHERE}"
[providers.sec]
base_url = "{NOWHERE}"
tickers_url = "{NOWHERE}/files/company_tickers.json"
archives_url = "{NOWHERE}"
user_agent = "Test test@example.com"
[tickers.NVDA]
name = "Nvidia"
[[tickers.NVDA.lots]]
shares = 10
cost = 100
date = 2024-01-05
[[tickers.NVDA.checkpoints]]
id = "rubin"
title = "Rubin ships"
kind = "milestone"
due = 2026-07-31
kill = true
judged = "at due"
""" + "".join(
    f"""[[tickers.NVDA.checkpoints]]
id = "guard-{n}"
title = "Gross margin holds, {n}"
kind = "guard"
when = "gross_margin >= 70%"
"""
    for n in range(12)
)
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
SIZES = [(80, 24), (120, 36)]
IDS = ["80x24", "120x36"]


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A thesis refreshed once with no provider reachable: NVDA unquoted, its milestone
    missed at its due date (its thesis broken), a dozen guards pending."""
    where = tmp_path_factory.mktemp("offline")
    (where / "catalysts.toml").write_text(OFFLINE)
    args = ["--config", str(where / "catalysts.toml"), "--db", str(where / "c.db")]
    assert cli.main([*args, "refresh"]) == 3  # stale: nothing answered
    return where


@pytest.mark.parametrize("size", SIZES, ids=IDS)
async def test_the_ticker_page_offline_keeps_its_table_at_full_height(offline, size):
    config = load_config(offline / "catalysts.toml")
    with Store.open(offline / "c.db") as store:
        app = CatalystApp(
            Workspace(config, store, clock=lambda: NOW, zone=ZONE), live=False, watch_file=False
        )
        async with app.run_test(size=size) as pilot:
            await scenes.watchlist(pilot)
            await pilot.press("enter")
            await scenes.settled(
                pilot,
                lambda: (
                    bool(app.screen.query("#checkpoint-table"))
                    and app.screen.query_one("#checkpoint-table", DataTable).row_count == 13
                ),
                "NVDA's checkpoints",
            )
            screen = app.screen
            title = screen.query_one("#ticker-title")
            verdict = screen.query_one("#ticker-verdict")
            table = screen.query_one("#checkpoint-table", DataTable)
            panes = screen.query_one("#panes")
            (line,) = lines_on_screen(app, "#ticker-title")  # one line, however long the why
            assert "no quote" in line and "⚑ 1 flagged" in line
            reason = "kill criterion missed: Rubin ships"
            assert any(reason in ln for ln in lines_on_screen(app, "#ticker-verdict"))
            if size == (80, 24):  # one line: the reason whole, its day too
                (said,) = lines_on_screen(app, "#ticker-verdict")
                # the day it broke: the refresh's day, which is the test's day or, run across
                # midnight, the next
                assert re.search(rf"{reason}, since \d{{4}}-\d\d-\d\d$", said), said
            # the header takes its lines only; the table the rest of the pane
            assert panes.region.y <= title.region.height + verdict.region.height + 1
            assert table.region.height >= panes.region.height - 5
            assert table.region.height >= 13 if size == (120, 36) else table.region.height >= 15


@pytest.mark.parametrize("size", SIZES, ids=IDS)
async def test_every_declared_column_with_a_kpi_guard_at_120(tmp_path, size):
    """ALAB with a guard on a KPI read from words (its score `✓4✗3·10`): at 120 columns every
    declared column but the shares is drawn, no cell cut short (the shares give way first after
    the due's checkpoint id); at 80 they give way as declared."""
    text = BUNDLED_CONFIG.read_text()
    guard = (
        '[[tickers.ALAB.checkpoints]]\nid = "scorpio-growth"\ntitle = "Scorpio keeps growing"\n'
        'kind = "guard"\nwhen = "growth(Scorpio) >= 10%"\n\n'
    )
    (tmp_path / "thesis.toml").write_text(text.replace("[tickers.CRDO]", guard + "[tickers.CRDO]"))
    config, store = demo_database(tmp_path, tmp_path / "thesis.toml")
    try:
        app = make_app(config, store)
        async with app.run_test(size=size) as pilot:
            await scenes.watchlist(pilot)
            table = app.screen.query_one("#tickers", DataTable)
            await scenes.settled(
                pilot, lambda: table.virtual_size.width <= table.size.width, "the columns fitted"
            )
            shown = [str(c.key.value) for c in table.columns.values() if c.width > 0]
            header = lines_on_screen(app, "#tickers")[0].split()
            if size == (120, 36):
                declared = [(key, label) for key, label in COLUMNS if key != "shares"]
                assert shown == [key for key, _ in declared]
                assert header == " ".join(label for _, label in declared).split()
                alab = next(ln for ln in lines_on_screen(app, "#tickers") if "ALAB" in ln)
                assert "✓4✗3·10" in alab and "…" not in alab and alab.split()[-1] == "▲"
            else:
                assert {"symbol", "price", "thesis", "verdict", "pnl"} <= set(shown)
    finally:
        store.close()


async def test_the_first_runs_toasts_are_short_and_never_over_the_keys_help(tmp_path):
    config, store = demo_database(tmp_path)
    try:
        app = make_app(config, store, notice="catalyst: the bundled example thesis was copied")
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await scenes.watchlist(pilot)
            notices = raised(app)
            assert notices and all(t.timeout <= NOTICE_SECONDS for t in notices)
            app.notify("a toast still up when the help is asked for", timeout=600)
            await scenes.settled(pilot, lambda: bool(app.screen.query("Toast")), "the toast")
            assert all(t.styles.visibility == "visible" for t in app.screen.query("Toast"))
            await pilot.press("question_mark")
            await scenes.settled(
                pilot,
                lambda: isinstance(app.screen, KeysScreen) and bool(app.screen.query("Toast")),
                "the keys, the toast raised there",
            )
            toasts = list(app.screen.query("Toast"))
            assert all(t.styles.visibility == "hidden" for t in toasts)  # the help read whole
    finally:
        store.close()
