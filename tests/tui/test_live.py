"""The TUI with its scheduler running on the app's loop against the loopback market: the first
refresh fills an empty database, misses arrive as toasts and desktop notifications (private
D-Bus), `r` refreshes with progress while rows update in place, with no network at all the
stored data stays on screen, providers that all answer errors are "unreachable", and a ticker
added in the TUI is fetched at once (one the market does not know says why); without live
updates, `r` says they are off."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from catalyst_tui.config import load_config
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store import Store
from catalyst_tui.tui import app as app_module
from catalyst_tui.tui import format as fmt
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.screens.forms import ConfirmScreen
from catalyst_tui.tui.screens.watchlist import WatchlistScreen
from tests.support.market_server import MarketServer, unused_local_url
from tests.support.processes import gone
from tests.support.toasts import raised

from ..cli.test_thesis_commands import loopback_thesis
from ..support.pilot import make_app, row_keys, screen_as, text_of

pytest_plugins = ["tests.support.fixtures"]

MISSED = {"gross-margin-floor", "operating-margin-floor", "position-weight-cap"}


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")


@pytest.fixture
def market() -> Iterator[MarketServer]:
    with MarketServer(latency=0.05) as server:
        yield server


def open_store(tmp_path: Path, base: str):
    path = tmp_path / "catalysts.toml"
    path.write_text(loopback_thesis(base))
    config = load_config(path)
    store = Store.open(tmp_path / "c.db")
    store.sync.apply(config)
    return config, store


async def wait_for(pilot, condition, timeout: float = 120.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out"
        await pilot.pause(0.05)


def refreshing(app: CatalystApp) -> bool:
    """Whether the app's scheduler runs a refresh now."""
    assert app.scheduler is not None
    return app.scheduler.refreshing


def shown_whole(app: CatalystApp) -> bool:
    """Whether the watchlist shows a refresh whole: a price on every row (a first refresh's
    show once its quote pass is stored) and the header no longer refreshing (the cycle's rows
    read, with the verdicts judged on them)."""
    screen = app.screen
    if not isinstance(screen, WatchlistScreen) or screen.header.refreshing:
        return False
    return all(p != "no data yet" for p in prices(app).values())


def prices(app: CatalystApp) -> dict[str, str]:
    """The watchlist's prices by symbol; none while another screen (a form) is on top."""
    found = app.screen.query("#tickers")
    if not found:
        return {}
    table = found.only_one(DataTable)
    return {key: str(table.get_row_at(i)[1]) for i, key in enumerate(row_keys(table))}


async def test_first_refresh_fills_the_screen_and_misses_arrive_as_toasts_and_on_the_desktop(
    tmp_path, market, notification_recorder
):
    config, store = open_store(tmp_path, market.url)
    app = CatalystApp(Workspace(config, store), live=True, watch_file=False)
    async with app.run_test(size=(120, 36)) as pilot:
        assert all(p == "no data yet" for p in prices(app).values())
        await wait_for(pilot, lambda: shown_whole(app))
        await wait_for(pilot, lambda: len(notification_recorder.notifications()) == 3)
        # The desktop's and the toasts' channels are apart: each is waited for.
        await wait_for(pilot, lambda: any(": missed — " in n.title for n in raised(app)))
        toasts = [n.title + " " + n.message for n in raised(app)]
        assert any("Gross margin" in t and "69.1%" in t for t in toasts)
        misses = [n for n in raised(app) if ": missed — " in n.title]
        assert misses and {n.severity for n in misses} == {"error"}  # a miss is urgent
        assert str(app.screen.query_one("#tickers", DataTable).get_row_at(0)[0]) == "⚑ ALAB"
        await pilot.press("q")
        await pilot.pause()
    store.close()
    summaries = [n["summary"] for n in notification_recorder.notifications()]
    assert all(s.startswith("ALAB") for s in summaries)
    assert {n["urgency"] for n in notification_recorder.notifications()} == {2}  # critical
    with Store.open(tmp_path / "c.db") as check:
        assert {e.checkpoint_id for e in check.views.events() if e.flagged} == MISSED


async def test_r_refreshes_with_progress_and_rows_update_in_place(tmp_path, market):
    config, store = open_store(tmp_path, market.url)
    app = CatalystApp(Workspace(config, store), live=True, watch_file=False, channels=[])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: shown_whole(app))
        await wait_for(pilot, lambda: not refreshing(app))
        table = app.screen.query_one("#tickers", DataTable)
        table.move_cursor(row=4)
        await pilot.pause()
        before_rows = list(table.rows)
        before = store.views.health().last_refresh
        market.latency = 0.3  # slow enough to watch the progress bar
        await pilot.press("r")
        assert screen_as(app, WatchlistScreen).header.progress_shown
        await pilot.press("r")  # a second r while one runs does not start another
        assert any("already running" in n.message for n in raised(app))
        assert "%" in str(app.screen.query_one("#progress").render())
        await wait_for(
            pilot, lambda: (screen_as(app, WatchlistScreen).header.progress or (0, 0))[0] > 0
        )
        await wait_for(pilot, lambda: not refreshing(app))
        await pilot.pause()
        assert not screen_as(app, WatchlistScreen).header.progress_shown
        assert str(app.screen.query_one("#progress").render()) == ""
        assert store.views.health().last_refresh > before
        assert list(table.rows) == before_rows  # same rows, updated in place
        assert table.cursor_row == 4
        await pilot.press("q")
    store.close()


async def test_quitting_during_a_refresh_kills_its_process(tmp_path, market):
    """The TUI refreshes in a child process: quit while it runs, and the child is gone too."""
    config, store = open_store(tmp_path, market.url)
    app = CatalystApp(Workspace(config, store), live=True, watch_file=False, channels=[])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: shown_whole(app))
        await wait_for(pilot, lambda: not refreshing(app))
        market.latency = 0.5
        await pilot.press("r")
        scheduler = app.scheduler
        assert scheduler is not None
        await wait_for(pilot, lambda: scheduler.worker is not None and scheduler.worker.pid)
        assert scheduler.worker is not None
        pid = scheduler.worker.pid
        await pilot.press("q")
    store.close()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 10
    while not gone(pid):
        assert loop.time() < deadline, f"refresh process {pid} still there after quit"
        await asyncio.sleep(0.05)


async def test_with_no_network_the_stored_data_stays_on_screen(tmp_path, market):
    config, store = open_store(tmp_path, market.url)
    app = CatalystApp(Workspace(config, store), live=True, watch_file=False, channels=[])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: shown_whole(app))
        await wait_for(pilot, lambda: not refreshing(app))
        await pilot.press("q")
    store.close()

    dead = unused_local_url()
    path = tmp_path / "catalysts.toml"
    path.write_text(path.read_text().replace(market.url, dead))
    config = load_config(path)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        app = CatalystApp(Workspace(config, store), live=True, watch_file=False, channels=[])
        async with app.run_test(size=(120, 36)) as pilot:
            shown = prices(app)
            assert all(p != "no data yet" for p in shown.values())  # at once, before any fetch
            await wait_for(
                pilot,
                lambda: any(
                    n.message == "offline: no provider answered; showing stored data"
                    for n in raised(app)
                ),
            )
            # The watchlist is read again in a thread after the cycle: wait for it to show.
            await wait_for(pilot, lambda: all(p.endswith("*") for p in prices(app).values()))
            after = prices(app)
            assert set(after) == set(shown)
            assert all(p.endswith("*") for p in after.values())  # marked stale, kept
            assert "offline: no provider answers" in summary(app)  # said, not only toasted
            assert [p.rstrip("*") for p in after.values()] == [
                p.rstrip("*") for p in shown.values()
            ]
            await pilot.press("q")


def summary(app: CatalystApp) -> str:
    return " ".join(text_of(app, "#summary").split())


async def test_a_first_refresh_says_refreshing_with_its_progress_never_press_r(tmp_path):
    """Nothing stored, the first refresh under way (a slow market): the header says it is
    refreshing and how far it is, and what is stored (nothing yet), not "press r"."""
    with MarketServer(latency=0.4) as slow:
        config, store = open_store(tmp_path, slow.url)
        with contextlib.closing(store):
            app = CatalystApp(Workspace(config, store), live=True, watch_file=False, channels=[])
            async with app.run_test(size=(120, 36)) as pilot:
                await wait_for(pilot, lambda: "refreshing" in summary(app))
                assert "refreshing · nothing stored yet" in summary(app)
                assert "press r" not in summary(app)
                assert "%" in text_of(app, "#progress")  # how far it is, at the right
                # (said from the first frame: the scheduler may not have started yet)
                await wait_for(pilot, lambda: app.scheduler is not None and not refreshing(app))
                await wait_for(pilot, lambda: "refreshing" not in summary(app))
                assert "refreshed" in summary(app)
                await pilot.press("q")


async def test_a_first_refresh_shows_its_prices_while_sec_is_still_asked(tmp_path):
    """Nothing stored, SEC slow to answer (each request held a minute, as a first refresh's
    hundred requests at EDGAR's pace take): the rows show their prices as soon as the quote
    pass is stored, while the refresh is still under way, not "no data yet" until its end."""
    with MarketServer(latency=0.05) as slow_sec:
        slow_sec.inject("timeout", provider="sec", delay=60.0)
        config, store = open_store(tmp_path, slow_sec.url)
        with contextlib.closing(store):
            app = CatalystApp(Workspace(config, store), live=True, watch_file=False, channels=[])
            async with app.run_test(size=(120, 36)) as pilot:
                await wait_for(pilot, lambda: slow_sec.requests_for(provider="sec") != [])
                await wait_for(pilot, lambda: "no data yet" not in prices(app).get("ALAB", ""))
                assert refreshing(app)  # SEC's answers are still awaited
                shown = prices(app)
                for symbol in config.tickers:
                    close = slow_sec.close(symbol, slow_sec.last_session())
                    assert shown[symbol] == fmt.money(close), (symbol, shown[symbol], close)
                await pilot.press("q")


async def test_with_no_network_and_nothing_stored_the_screen_says_offline_not_press_r(tmp_path):
    """A first start with no network: the header says offline and that nothing is stored (not
    "press r"), each row that was asked says so, and a symbol's screen gives the reason."""
    config, store = open_store(tmp_path, unused_local_url())
    with contextlib.closing(store):
        app = CatalystApp(Workspace(config, store), live=True, watch_file=False, channels=[])
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: "offline" in summary(app))
            assert "offline: no provider answers · nothing stored yet" in summary(app)
            assert "press r" not in summary(app)
            # Said as soon as the quote pass knows; the toast comes with the cycle's end.
            await wait_for(
                pilot,
                lambda: any(
                    n.message == "offline: no provider answered; nothing is stored yet"
                    for n in raised(app)
                ),
            )
            await wait_for(pilot, lambda: all(p == "no quote ⏎" for p in prices(app).values()))
            await pilot.press("enter")
            await pilot.pause()
            title = str(app.screen.query_one("#ticker-title", Static).content)
            assert "no quote: " in title and "no data yet" not in title
            await pilot.press("q")


async def test_when_every_provider_answers_with_an_error_the_header_says_unreachable(
    tmp_path, market
):
    """The providers answer, each with an error (HTTP 500 from all of them): not the network's
    fault, so the header says unreachable, not offline, and the toast says nothing is stored."""
    market.inject("http500")  # every provider, every endpoint
    config, store = open_store(tmp_path, market.url)
    with contextlib.closing(store):
        app = CatalystApp(Workspace(config, store), live=True, watch_file=False, channels=[])
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: "no provider answers" in summary(app))
            assert "unreachable: no provider answers · nothing stored yet" in summary(app)
            assert "offline" not in summary(app)
            await wait_for(
                pilot,
                lambda: any(
                    n.message == "unreachable: no provider answered; nothing is stored yet"
                    for n in raised(app)
                ),
            )
            assert market.requests and all(r.status == 500 for r in market.requests)
            await pilot.press("q")


@pytest.mark.slow
async def test_a_ticker_added_in_the_tui_is_fetched_at_once(tmp_path, market):
    config, store = open_store(tmp_path, market.url)
    with contextlib.closing(store):
        app = CatalystApp(Workspace(config, store), live=True, watch_file=False, channels=[])
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: shown_whole(app))
            await wait_for(pilot, lambda: not refreshing(app))
            market.symbols.add("AMD")  # the market knows it; catalyst doesn't yet
            await pilot.press("a")
            await pilot.pause()
            app.screen.query_one("#field-symbol", Input).value = "AMD"
            await pilot.pause()
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: "AMD" in prices(app))
            await wait_for(pilot, lambda: prices(app)["AMD"] not in ("no data yet", "no quote ⏎"))
            assert prices(app)["AMD"] == fmt.money(market.close("AMD", market.last_session()))
            await wait_for(pilot, lambda: not refreshing(app))
            await pilot.press("a")  # one the market does not know
            await pilot.pause()
            app.screen.query_one("#field-symbol", Input).value = "ZZZZ"
            await pilot.pause()
            await pilot.press("ctrl+s")
            # asked of the providers first (tests/tui/screens/test_ticker_form.py): kept
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
            await pilot.press("y")
            await wait_for(pilot, lambda: prices(app).get("ZZZZ") == "no quote ⏎")
            table = app.screen.query_one("#tickers", DataTable)
            table.move_cursor(row=table.get_row_index("ZZZZ"))
            await pilot.press("enter")
            await pilot.pause()
            title = str(app.screen.query_one("#ticker-title", Static).content)
            unknown = (  # each provider's own word for a symbol it does not know
                "no quote: yahoo ZZZZ: Yahoo knows no such symbol (not in its quote batch); "
                "stooq ZZZZ: stooq has no data for it (N/D)"
            )
            assert title.startswith("ZZZZ") and unknown in title, title
            await pilot.press("q")


async def test_refresh_key_without_live_updates_says_so(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert any("live updates are off" in n.message for n in raised(app))


async def test_a_guards_change_toasts_as_the_ticker_screen_says_it(demo):
    """A transition no notification carries is a toast: a met guard reads "holding" there as on
    the ticker screen, the timeline and `catalyst refresh` (it said "met")."""
    from catalyst_tui.jobs.scheduler import CycleResult
    from catalyst_tui.thesis.evaluate import Evaluation, Reason, Why

    config, store = demo
    app = make_app(config, store)
    guard = Evaluation("ALAB", "gm", "missed", "met", Reason(Why.NOTHING), None, "guard")
    assert "met" not in config.settings.notify  # so it is toasted, not notified
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app._cycle_done(CycleResult(None, [guard]))
        await pilot.pause()
        toasts = [n.message for n in raised(app)]
    assert any(t.startswith("ALAB/gm: missed → holding") for t in toasts), toasts


async def test_a_burst_of_toasts_from_one_refresh_is_one_toast(demo):
    """Five checkpoints changed in one cycle, two of them misses delivered as notifications:
    one toast counts them and points at the timeline (red, for the misses); three or fewer
    are shown each as before."""
    from catalyst_tui.jobs.scheduler import CycleResult
    from catalyst_tui.notify.notification import Notification, Urgency
    from catalyst_tui.thesis.evaluate import Evaluation, Reason, Why

    config, store = demo
    app = make_app(config, store)
    ids = ["a", "b", "c", "d", "e"]
    changed = [
        Evaluation(
            "ALAB",
            i,
            "pending",
            "missed" if i in "ab" else "met",
            Reason(Why.NOTHING),
            None,
            "milestone",
        )
        for i in ids
    ]
    assert "missed" in config.settings.notify and "met" not in config.settings.notify
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        for i in "ab":  # the misses come through the toast channel, during the cycle
            app._toast(Notification(f"ALAB/{i}: missed", "why", Urgency.URGENT))
        app._cycle_done(CycleResult(None, changed))
        await pilot.pause()
        toasts = [(n.message, n.severity) for n in raised(app)]
        assert toasts == [("5 checkpoints changed, 2 missed: t for the timeline", "error")]
        app.clear_notifications()
        before = len(raised(app))
        app._cycle_done(CycleResult(None, changed[2:4]))
        await pilot.pause()
        assert [n.message.split(":")[0] for n in raised(app)[before:]] == ["ALAB/c", "ALAB/d"]


async def test_a_fetch_asked_for_while_a_refresh_runs_follows_it(tmp_path, market):
    """A ticker added (or a contact saved) while a refresh runs asks for a fetch: that refresh
    began on the old config, so another one follows it at its end, not at the next turn."""
    config, store = open_store(tmp_path, market.url)
    app = CatalystApp(Workspace(config, store), live=True, watch_file=False, channels=[])

    def quote_passes() -> int:  # each refresh asks the quotes once (one batch, a few symbols)
        return len(market.requests_for(provider="yahoo", endpoint="quote"))

    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: shown_whole(app))
        await wait_for(pilot, lambda: not refreshing(app))
        before = quote_passes()
        market.latency = 0.3
        app.action_refresh_now()
        await wait_for(pilot, lambda: quote_passes() > before)  # the refresh is under way
        assert refreshing(app)
        app._fetch_now()  # as an added ticker or a saved contact asks
        assert app._fetch_after
        await wait_for(pilot, lambda: quote_passes() >= before + 2)  # the one that follows
        await wait_for(pilot, lambda: not refreshing(app) and not app._fetch_after)
        await pilot.press("q")
    store.close()


async def test_a_ticker_added_by_editing_the_file_is_fetched_at_once(tmp_path, market):
    """As one added with `a`: not at the next scheduled refresh (an hour away here)."""
    config, store = open_store(tmp_path, market.url)
    text = config.path.read_text()
    text = text.replace('refresh = "60s"', 'refresh = "1h"').replace(
        'refresh_closed = "30m"', 'refresh_closed = "1h"'
    )
    path = config.path
    assert path is not None
    path.write_text(text)
    config = load_config(path)
    with contextlib.closing(store):
        app = CatalystApp(Workspace(config, store), live=True, watch_file=True, channels=[])
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: shown_whole(app))
            await wait_for(pilot, lambda: app.scheduler is not None)
            await wait_for(pilot, lambda: not app.scheduler.refreshing)  # type: ignore[union-attr]
            market.symbols.add("AMD")
            path.write_text(text + '\n[tickers.AMD]\nname = "AMD"\ngroup = "compute"\n')
            await wait_for(pilot, lambda: "AMD" in prices(app))
            await wait_for(pilot, lambda: prices(app)["AMD"] not in ("no data yet", "no quote ⏎"))
            assert prices(app)["AMD"] == fmt.money(market.close("AMD", market.last_session()))
            await pilot.press("q")


class FirstFrame(CatalystApp):
    """The app as it is: the header's health line as the first frame drew it, kept."""

    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))
    first_line = first_progress = ""

    def _after_first_paint(self) -> None:
        self.first_line = " ".join(text_of(self, "#summary").split())
        self.first_progress = text_of(self, "#progress")
        super()._after_first_paint()


async def test_the_first_frame_of_a_live_start_says_refreshing_not_press_r(tmp_path):
    """A live start refreshes right after its first paint: that frame already says so, with
    what is stored (nothing yet), never "no data yet: press r" while its own refresh starts."""
    config, store = open_store(tmp_path, unused_local_url())
    with contextlib.closing(store):
        app = FirstFrame(Workspace(config, store), live=True, watch_file=False, channels=[])
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: bool(app.first_line))
            assert "refreshing · nothing stored yet" in app.first_line
            assert "press r" not in app.first_line
            assert "0%" in app.first_progress  # its bar, from the start
            await wait_for(pilot, lambda: app.scheduler is not None and not refreshing(app))
            await wait_for(pilot, lambda: "refreshing" not in summary(app))
            await pilot.press("q")


async def test_without_live_updates_the_first_frame_does_not_say_refreshing(demo):
    config, store = demo
    app = FirstFrame(Workspace(config, store), live=False, watch_file=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: bool(app.first_line))
        assert "refreshing" not in app.first_line and "refreshed" in app.first_line
        assert "%" not in app.first_progress
