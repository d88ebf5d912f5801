"""fetch_quotes: per-symbol fallback, isolation, history in the same pass, batching, offline."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from tests.support.market_server import MarketServer, unused_local_url

from catalyst_tui.market.finnhub import FinnhubProvider
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.models import FetchError, Quote
from catalyst_tui.market.provider import History, QuoteResult
from catalyst_tui.market.quotes import fetch_quotes
from catalyst_tui.market.stooq import StooqProvider
from catalyst_tui.market.yahoo.provider import YahooProvider


async def test_yahoo_failure_falls_back_to_stooq_with_history(
    market_server: MarketServer, client: MarketClient, yahoo: YahooProvider, stooq: StooqProvider
) -> None:
    market_server.inject("http500", provider="yahoo", symbol="ALAB")
    outcomes = await fetch_quotes(
        client, [yahoo, stooq], ["ALAB", "NVDA"], {"ALAB": None, "NVDA": None}
    )
    alab = outcomes["ALAB"]
    assert alab.quote is not None and alab.quote.source == "stooq"
    assert [(e.provider, e.kind) for e in alab.errors] == [("yahoo", "http")]
    assert len(alab.bars) > 200 and {b.source for b in alab.bars} == {"stooq"}
    nvda = outcomes["NVDA"]
    assert nvda.quote is not None and nvda.quote.source == "yahoo" and not nvda.errors
    assert len(nvda.bars) > 200 and {b.source for b in nvda.bars} == {"yahoo"}
    # NVDA needed one request for quote and bars; ALAB was only asked of Stooq after Yahoo.
    assert len(market_server.requests_for("yahoo", symbol="NVDA")) == 1
    assert [r.symbols for r in market_server.requests_for("stooq")] == [("ALAB",), ("ALAB",)]


async def test_one_symbols_failure_leaves_the_others_untouched(
    market_server: MarketServer, client: MarketClient, yahoo: YahooProvider, stooq: StooqProvider
) -> None:
    market_server.inject("reset", provider="yahoo", symbol="ALAB")
    market_server.inject("unknown", provider="stooq", symbol="ALAB")
    symbols = ["ALAB", "NVDA", "CRDO", "LITE"]
    outcomes = await fetch_quotes(client, [yahoo, stooq], symbols)
    assert outcomes["ALAB"].quote is None
    assert [(e.provider, e.kind) for e in outcomes["ALAB"].errors] == [
        ("yahoo", "network"),
        ("stooq", "unknown_symbol"),
    ]
    for symbol in symbols[1:]:
        quote = outcomes[symbol].quote
        assert quote is not None and quote.source == "yahoo" and not outcomes[symbol].errors


async def test_incremental_history_asks_only_from_the_start_day(
    market_server: MarketServer, client: MarketClient, yahoo: YahooProvider
) -> None:
    start = market_server.last_session() - timedelta(days=10)
    outcomes = await fetch_quotes(client, [yahoo], ["ALAB"], {"ALAB": start})
    bars = outcomes["ALAB"].bars
    assert bars and all(b.day >= start for b in bars)
    assert bars[-1].day == market_server.last_session()
    quote = outcomes["ALAB"].quote
    assert quote is not None and bars[-1].close == quote.price
    (request,) = market_server.requests
    assert "period1" in request.query and "range" not in request.query


async def test_symbols_without_history_start_get_a_quote_only(
    market_server: MarketServer, client: MarketClient, yahoo: YahooProvider, stooq: StooqProvider
) -> None:
    outcomes = await fetch_quotes(client, [yahoo, stooq], ["ALAB"])
    assert outcomes["ALAB"].quote is not None and outcomes["ALAB"].bars == []
    (request,) = market_server.requests
    assert request.query["range"] == ["5d"]


async def test_yahoo_quote_has_previous_close_and_change(
    market_server: MarketServer, client: MarketClient, yahoo: YahooProvider
) -> None:
    quote = (await fetch_quotes(client, [yahoo], ["ALAB"], {"ALAB": None}))["ALAB"].quote
    last = market_server.last_session()
    previous = market_server.close("ALAB", market_server.previous_session(last))
    assert quote is not None
    assert quote.price == market_server.close("ALAB", last)
    assert quote.prev_close == previous and quote.change_pct is not None
    assert abs(quote.change_pct - (quote.price - previous) / previous) < 1e-12


async def test_history_comes_from_a_provider_that_has_not_failed_the_symbol(
    market_server: MarketServer,
    client: MarketClient,
    yahoo: YahooProvider,
    stooq: StooqProvider,
    finnhub: FinnhubProvider,
) -> None:
    market_server.inject("http500", provider="yahoo", symbol="ALAB")
    outcomes = await fetch_quotes(client, [yahoo, finnhub, stooq], ["ALAB"], {"ALAB": None})
    alab = outcomes["ALAB"]
    assert alab.quote is not None and alab.quote.source == "finnhub"
    assert alab.bars and {b.source for b in alab.bars} == {"stooq"}
    assert len(market_server.requests_for("yahoo")) == 3  # not asked again for the history


class _NoBars(YahooProvider):
    """A history source that answers, with no bars (a window its data does not reach)."""

    async def fetch_history(self, client: MarketClient, symbol: str, start: date | None) -> History:
        return History([])


async def test_history_moves_on_past_a_provider_that_answers_no_bars(
    market_server: MarketServer,
    client: MarketClient,
    stooq: StooqProvider,
    finnhub: FinnhubProvider,
) -> None:
    no_bars = _NoBars(market_server.url)
    outcomes = await fetch_quotes(client, [finnhub, no_bars, stooq], ["ALAB"], {"ALAB": None})
    alab = outcomes["ALAB"]
    assert alab.quote is not None and alab.quote.source == "finnhub" and not alab.errors
    assert alab.bars and {b.source for b in alab.bars} == {"stooq"}


async def test_symbols_a_provider_does_not_carry_are_not_sent_to_it(
    market_server: MarketServer, client: MarketClient, yahoo: YahooProvider, stooq: StooqProvider
) -> None:
    market_server.inject("http500", provider="yahoo")
    outcomes = await fetch_quotes(client, [yahoo, stooq], ["^GSPC", "ALAB"])
    assert outcomes["^GSPC"].quote is None
    assert [e.provider for e in outcomes["^GSPC"].errors] == ["yahoo"]
    assert outcomes["ALAB"].quote is not None and outcomes["ALAB"].quote.source == "stooq"
    assert [r.symbols for r in market_server.requests_for("stooq")] == [("ALAB",)]


async def test_symbol_no_provider_carries_gets_an_explanation(
    client: MarketClient, stooq: StooqProvider
) -> None:
    outcome = (await fetch_quotes(client, [stooq], ["BTC-USD"]))["BTC-USD"]
    assert outcome.quote is None
    assert [e.kind for e in outcome.errors] == ["unknown_symbol"]


async def test_stooq_fallback_asks_for_many_symbols_in_one_request(
    market_server: MarketServer, client: MarketClient, stooq: StooqProvider
) -> None:
    symbols = ["ALAB", "NVDA", "CRDO", "LITE", "COHR"]
    outcomes = await fetch_quotes(client, [stooq], symbols)
    assert all(outcomes[s].quote is not None for s in symbols)
    (request,) = market_server.requests
    assert request.raw_query.startswith("s=alab.us+nvda.us+crdo.us+lite.us+cohr.us&")


async def test_stooq_batches_are_at_most_batch_size(
    market_server: MarketServer, client: MarketClient
) -> None:
    symbols = [f"T{i:03d}" for i in range(120)]
    market_server.symbols.update(symbols)
    outcomes = await fetch_quotes(client, [StooqProvider(market_server.url)], symbols)
    assert all(o.quote is not None for o in outcomes.values())
    assert sorted(len(r.symbols) for r in market_server.requests) == [20, 50, 50]  # concurrent


async def test_progress_is_reported_once_per_symbol(
    market_server: MarketServer, client: MarketClient, yahoo: YahooProvider, stooq: StooqProvider
) -> None:
    market_server.inject("http500", provider="yahoo", symbol="ALAB")
    calls: list[tuple[int, int, str]] = []
    symbols = ["ALAB", "NVDA", "CRDO", "NOSUCH"]
    await fetch_quotes(
        client,
        [yahoo, stooq],
        symbols,
        dict.fromkeys(symbols),
        on_progress=lambda done, total, s: calls.append((done, total, s)),
    )
    assert [(done, total) for done, total, _ in calls] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert sorted(s for _, _, s in calls) == sorted(symbols)


async def test_duplicate_symbols_are_fetched_once(
    market_server: MarketServer, client: MarketClient, yahoo: YahooProvider
) -> None:
    outcomes = await fetch_quotes(client, [yahoo], ["ALAB", "ALAB"])
    assert list(outcomes) == ["ALAB"] and len(market_server.requests) == 1


async def test_no_network_at_all_fails_every_symbol_at_once() -> None:
    """Nothing waited for (no backoff, no retry: every sleep the client asks for is recorded)
    and no host tried twice: the first refused contact is the cycle's verdict."""
    nowhere = unused_local_url()
    symbols = [f"S{i:02d}" for i in range(20)]
    providers = [YahooProvider(nowhere), StooqProvider(nowhere)]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    # production timeouts and backoff
    async with MarketClient(trust_env=False, sleep=sleep) as client:
        outcomes = await fetch_quotes(client, providers, symbols, {s: None for s in symbols})
    assert slept == []
    assert all(o.quote is None and o.bars == [] for o in outcomes.values())
    assert all([e.kind for e in o.errors] == ["network", "network"] for o in outcomes.values())
    verdicts = [e.message for o in outcomes.values() for e in o.errors]
    tried = [m for m in verdicts if "not tried again in this refresh" not in m]
    assert len(tried) == 1, tried  # one host (127.0.0.1:port) for both providers


class _BrokenTransform(YahooProvider):
    """A provider whose transform has a bug for one symbol."""

    def transform_quotes(self, body: str, symbols: Sequence[str]) -> dict[str, QuoteResult]:
        if symbols[0] == "ALAB":
            raise RuntimeError("bug")
        return super().transform_quotes(body, symbols)


async def test_a_provider_bug_on_one_symbol_does_not_fail_the_others(
    market_server: MarketServer, client: MarketClient
) -> None:
    outcomes = await fetch_quotes(client, [_BrokenTransform(market_server.url)], ["ALAB", "NVDA"])
    assert outcomes["ALAB"].quote is None
    assert isinstance(outcomes["ALAB"].errors[0], FetchError)
    assert isinstance(outcomes["NVDA"].quote, Quote)


def test_stale_start_in_the_future_still_gives_a_valid_window() -> None:
    yahoo = YahooProvider("http://x.invalid")
    url = yahoo.chart_url("ALAB", date.today() + timedelta(days=3))
    query = dict(part.split("=") for part in url.split("?", 1)[1].split("&"))
    assert int(query["period1"]) < int(query["period2"])


async def test_history_starts_may_come_while_the_batches_are_on_their_way(
    market_server: MarketServer, client: MarketClient, stooq: StooqProvider
) -> None:
    """A refresh reads which histories are due while its batches travel: the pass sends the
    batch before the starts are known, and fetches the bars they ask for once they are."""
    import asyncio

    starts: asyncio.Future[dict[str, date | None]] = asyncio.get_running_loop().create_future()
    task = asyncio.ensure_future(fetch_quotes(client, [stooq], ["ALAB", "NVDA"], starts))
    while not market_server.requests_for("stooq"):  # the batch went without the starts
        await asyncio.sleep(0.01)
    assert not starts.done() and not task.done()
    starts.set_result({"ALAB": None})
    outcomes = await task
    assert outcomes["ALAB"].quote is not None and len(outcomes["ALAB"].bars) > 200
    assert outcomes["NVDA"].quote is not None and outcomes["NVDA"].bars == []
