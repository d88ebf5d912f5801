"""A new kind of fetch is one registration (market/fetch_kinds.py `register`): registered for one
test, served by an existing provider from its own settings (Stooq's daily CSV on the loopback
market), the refresh fetches it for each symbol, the store keeps what it answered and when,
`catalyst status` lists it, and nothing else was declared: no field on `Built` or `Sources`, no
line in Stooq's spec."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.support.market_server import MarketServer

from catalyst_tui.cli.output.status import build_status, status_json, status_lines
from catalyst_tui.config import parse_config
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.market.fetch_kinds import FETCH_KINDS, FetchKindSpec, register, unregister
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.models import FetchKind
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS, Sources
from catalyst_tui.market.spec import Built
from catalyst_tui.market.stooq import StooqProvider, StooqSettings
from catalyst_tui.store import Store

KIND = "volume_5d"  # the mean volume of the last five sessions: a kind no provider serves today
DAYS = 5


class FiveDayVolume:
    """The new kind's source, built from Stooq's settings: its daily CSV, read by Stooq's own
    reader, the last five sessions' volumes averaged."""

    name = "stooq"

    def __init__(self, base_url: str) -> None:
        self.stooq = StooqProvider(base_url)

    async def fetch(self, client: MarketClient, symbol: str, today: dt.date) -> object:
        history = await self.stooq.fetch_history(client, symbol, today - dt.timedelta(days=14))
        return statistics.fmean(bar.volume or 0 for bar in history.bars[-DAYS:])


def keep(store: Any, symbol: str, answer: Any, now: dt.datetime) -> str:
    return f"{answer:.1f}"  # kept as the fetch's detail: the kind needs no table of its own


@pytest.fixture
def registered() -> Iterator[FetchKindSpec]:
    spec = register(
        FetchKindSpec(
            KIND,
            sources={"stooq": lambda settings, _context: FiveDayVolume(settings.base_url)},
            keep=keep,
        )
    )
    yield spec
    unregister(KIND)


def config_of(tmp_path: Path, url: str) -> Any:
    path = tmp_path / "catalysts.toml"
    path.write_text(
        '[settings]\nproviders = ["stooq"]\n'
        f'[providers.stooq]\nbase_url = "{url}"\n'
        '[tickers.ALAB]\n[tickers.ZZZZ]\nname = "not listed anywhere"\n'
    )
    return parse_config(path.read_text(), str(path))


async def test_a_registered_kind_is_fetched_stored_and_listed(tmp_path: Path, registered):
    with MarketServer(symbols=["ALAB"]) as market:
        config = config_of(tmp_path, market.url)
        with Store.open(tmp_path / "c.db") as store:
            store.sync.apply(config)
            client = MarketClient(trust_env=False, rate_limits=RATE_LIMITS, bounds=PROVIDER_BOUNDS)
            try:
                await refresh_in_process(config, store, client=client, env={})
            finally:
                await client.aclose()
            today = market.last_session()
            days = market.trading_days(today - dt.timedelta(days=14), today)[-DAYS:]
            kept = store.market.fetch_states(KIND)
            status = build_status(config, store, dt.datetime.now(dt.UTC))
        asked = [r for r in market.requests if r.path.startswith("/q/d/l/")]

    # By hand: the loopback market's volumes of ALAB's last five sessions, averaged.
    expected = sum(int(market.bar("ALAB", day)["volume"]) for day in days) / DAYS
    assert kept["ALAB"].ok and kept["ALAB"].detail == f"{expected:.1f}"
    assert not kept["ZZZZ"].ok and "stooq has no history" in kept["ZZZZ"].detail
    assert {"ALAB", "ZZZZ"} <= {s for r in asked for s in r.symbols}
    shown = status_json(status)
    assert shown["fetches"][KIND]["symbols"] == 2 and shown["fetches"][KIND]["failed"] == 1
    assert shown["failed_fetches"][KIND]["symbols"] == ["ZZZZ"]
    lines = status_lines(status, dt.datetime.now(dt.UTC))
    assert any(line.startswith("fetched ") and f"{KIND} 2" in line for line in lines)


def test_a_registered_kind_needs_no_field_of_its_own(registered):
    """Its sources are the refresh's by its name; Built and Sources are as they were."""
    assert KIND not in Built._fields and KIND not in Sources._fields
    sources = Sources(more={KIND: (FiveDayVolume("http://127.0.0.1:9"),)})
    assert [s.name for s in sources.of(KIND)] == ["stooq"] and sources.of("other") == ()
    assert StooqSettings().base_url  # the provider's settings are the source's


def test_every_builtin_kind_is_registered_once_and_an_unknown_kind_is_refused(tmp_path: Path):
    assert set(FetchKind) <= set(FETCH_KINDS)
    with pytest.raises(ValueError, match="registered already"):
        register(FetchKindSpec(FetchKind.QUOTES))
    with Store.open(tmp_path / "c.db") as store:
        with pytest.raises(ValueError, match="not registered"):
            store.market.mark_fetched("no_such_kind", "ALAB", dt.datetime.now(dt.UTC))
        # The store reads how often a kind is due from its registration.
        now = dt.datetime(2026, 11, 3, 12, tzinfo=dt.UTC)
        store.market.mark_fetched(FetchKind.CIK_MAP, "", now)
        assert store.market.due(FetchKind.CIK_MAP, [""], now + dt.timedelta(days=6)) == []
        assert store.market.due(FetchKind.CIK_MAP, [""], now + dt.timedelta(days=7)) == [""]
