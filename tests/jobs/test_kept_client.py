"""One HTTP client, and its connections, across the refreshes of one scheduler: the daemon's (in
this process) and the TUI's (its refresh worker, a child kept between refreshes). Counted by the
loopback market as TCP connections accepted: the second refresh opens none; a config whose
providers changed gets another client; `stop` closes the client and ends the worker."""

from __future__ import annotations

import dataclasses

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.jobs.client import KeptClient
from catalyst_tui.jobs.scheduler import ThesisScheduler
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.models import FetchError
from catalyst_tui.store import Store
from tests.support.market_server import MarketServer, unused_local_url
from tests.support.processes import gone

SYMBOLS = ["ALAB", "CRDO", "LITE", "COHR", "NVDA", "MRVL"]


def config_text(base: str) -> str:
    tickers = "".join(f"[tickers.{s}]\n" for s in SYMBOLS)
    return (
        '[settings]\nproviders = ["yahoo", "stooq"]\nrefresh = "60s"\nrefresh_closed = "30m"\n'
        'timezone = "America/New_York"\nbrowser_tls = []\n'
        f'[providers.stooq]\nbase_url = "{base}"\n[providers.yahoo]\nbase_url = "{base}"\n'
        f'cookie_url = "{base}/fc"\n{tickers}'
    )


@pytest.mark.parametrize("apart", [False, True], ids=["daemon", "tui-worker"])
async def test_two_refreshes_of_one_scheduler_share_its_connections(tmp_path, apart):
    with MarketServer(symbols=SYMBOLS) as market, Store.open(tmp_path / "c.db") as store:
        config = parse_config(config_text(market.url))
        store.sync.apply(config)
        pids: list[int] = []
        scheduler = ThesisScheduler(config, store, [], role="test", refresh_in_child=apart)
        try:
            first = await scheduler.refresh_cycle()
            assert first.refresh is not None and first.refresh.all_fresh, first.refresh
            opened, asked = market.connections, len(market.requests)
            assert opened >= 1
            if apart:
                assert scheduler.kept_worker.proc is not None
                pids.append(scheduler.kept_worker.proc.pid)
            else:
                assert scheduler.kept_client.client is not None
            second = await scheduler.refresh_cycle()
            assert second.refresh is not None and second.refresh.all_fresh, second.refresh
            assert len(market.requests) > asked  # it did ask the market again
            assert market.connections == opened  # on the connections the first one opened
            if apart:
                assert scheduler.kept_worker.proc is not None
                assert scheduler.kept_worker.proc.pid == pids[0]  # the same worker
        finally:
            client = scheduler.kept_client.client
            await scheduler.stop()
        if apart:
            assert gone(pids[0]) and scheduler.kept_worker.proc is None
        else:
            assert client is not None and client.closed
            assert scheduler.kept_client.client is None


async def test_a_config_whose_providers_changed_gets_another_client(tmp_path):
    with (
        MarketServer(symbols=SYMBOLS) as market,
        MarketServer(symbols=SYMBOLS) as moved,
        Store.open(tmp_path / "c.db") as store,
    ):
        config = parse_config(config_text(market.url))
        store.sync.apply(config)
        scheduler = ThesisScheduler(config, store, [], role="test")
        try:
            await scheduler.refresh_cycle()
            first = scheduler.kept_client.client
            scheduler.config = dataclasses.replace(config, tickers={})  # the same providers
            await scheduler.refresh_cycle()
            assert scheduler.kept_client.client is first and first is not None
            scheduler.config = parse_config(config_text(moved.url))  # an edit of the file
            result = await scheduler.refresh_cycle()
            assert result.refresh is not None and result.refresh.all_fresh
            assert moved.requests  # the new URLs were asked
            assert first.closed and scheduler.kept_client.client is not first
        finally:
            await scheduler.stop()


async def test_a_kept_client_asks_again_a_host_found_down_in_the_refresh_before():
    """Within a cycle a host that could not be reached is not asked again; a new cycle (the
    next refresh on a kept client) asks it again, as the network may be back."""
    dead = unused_local_url()
    async with MarketClient(trust_env=False, attempts=1) as client:
        with pytest.raises(FetchError) as first:
            await client.get("stooq", f"{dead}/q")
        with pytest.raises(FetchError, match="not tried again"):
            await client.get("stooq", f"{dead}/q")
        asked = client.requests["stooq"]
        client.new_cycle()
        with pytest.raises(FetchError) as again:
            await client.get("stooq", f"{dead}/q")
        assert "not tried again" not in again.value.message
        assert again.value.message == first.value.message
        assert client.requests["stooq"] == asked + 1  # it was sent


async def test_a_kept_client_is_closed_once_and_built_again_when_asked():
    config = parse_config(config_text(unused_local_url()))
    kept = KeptClient()
    client = await kept.get(config)
    assert await kept.get(config) is client
    await kept.aclose()
    assert client.closed and kept.client is None
    again = await kept.get(config)
    assert again is not client and not again.closed
    await kept.aclose()
