"""A ticker added with `a` in a live session is asked of the quote providers (the loopback
market, through jobs/symbol_check.py) before it is written: one the market knows is written at
once; one it does not know is said, with the providers' words, and written only when the user
keeps it; `n` goes back to the form with nothing written."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator

import pytest
from textual.widgets import Input, Static

from catalyst_tui.session.workspace import Workspace
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.screens.forms import ConfirmScreen, FormScreen
from tests.support.market_server import MarketServer

from ..test_live import open_store


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")


@pytest.fixture
def market() -> Iterator[MarketServer]:
    with MarketServer() as server:
        yield server


async def wait_for(pilot, condition, timeout: float = 60.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out"
        await pilot.pause(0.05)


def said(app: CatalystApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


async def add(pilot, app: CatalystApp, symbol: str) -> None:
    await pilot.press("a")
    await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
    app.screen.query_one("#field-symbol", Input).value = symbol
    await pilot.pause()
    await pilot.press("ctrl+s")


async def test_a_symbol_is_asked_of_the_providers_before_it_is_written(tmp_path, market):
    config, store = open_store(tmp_path, market.url)
    path = config.path
    assert path is not None
    with contextlib.closing(store):
        app = CatalystApp(Workspace(config, store), live=True, watch_file=False, channels=[])
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: app.scheduler is not None)
            await wait_for(pilot, lambda: not app.scheduler or not app.scheduler.refreshing)
            market.symbols.add("AMD")  # the market knows it; catalyst doesn't yet
            asked = len(market.requests)
            await add(pilot, app, "AMD")
            await wait_for(pilot, lambda: not isinstance(app.screen, FormScreen))
            assert not isinstance(app.screen, ConfirmScreen)
            assert "[tickers.AMD]" in path.read_text()
            assert any("AMD" in r.symbols for r in market.requests[asked:])

            await add(pilot, app, "ZZZZ")  # one no provider knows
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
            screen = app.screen
            assert isinstance(screen, ConfirmScreen)
            assert screen.question == "No quote provider knows ZZZZ: keep it anyway?"
            assert "yahoo: " in screen.detail and "stooq: " in screen.detail
            await pilot.press("n")  # back to the form, nothing written
            await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
            assert "ZZZZ" not in path.read_text()
            assert said(app, "#form-error").startswith("ZZZZ: yahoo: ")
            assert app.screen.query_one("#field-symbol", Input).value == "ZZZZ"
            await pilot.press("ctrl+s")  # asked again, and kept
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
            await pilot.press("y")
            await wait_for(pilot, lambda: not isinstance(app.screen, (FormScreen, ConfirmScreen)))
            assert "[tickers.ZZZZ]" in path.read_text()
            await pilot.press("q")


async def test_without_live_updates_nothing_is_asked(demo):
    from ...support.pilot import make_app

    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await add(pilot, app, "ZZZZ")
        await wait_for(pilot, lambda: not isinstance(app.screen, FormScreen))
        assert not isinstance(app.screen, ConfirmScreen)
        assert config.path is not None and "[tickers.ZZZZ]" in config.path.read_text()
