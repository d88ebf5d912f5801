"""One market refresh in this process: quotes and history, FX rates (jobs/fx.py), then filings
(jobs/evidence.py), the Street's estimates (jobs/estimates.py), fundamentals and earnings when
due (jobs/daily.py), and the evidence documents and news in the time left; stored. The sources
are built from the config by the providers' specs (market/registry.py): market/ never
reads the config.

Quotes come first and are written in one transaction for the whole batch (a crash leaves the
previous refresh or this one, never half). Fundamentals (SEC EDGAR) and next earnings dates are
daily and per symbol: each symbol's facts replace its old ones in their own transaction.

A refresh always ends: each request has its own deadline (market/http/client.py), the quote pass
QUOTES_DEADLINE, and the whole refresh REFRESH_DEADLINE, after which what is still on the way is
left to the next refresh. A symbol's failure, whatever it is, is that symbol's alone.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import time
from collections import ChainMap, Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, MutableMapping
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, NamedTuple, cast

from ..market.http.errors import is_refusal
from ..market.quotes import fetch_quotes, first_history
from ..thesis.vocabulary import RESULTS
from .evidence_match import match_evidence
from .kpi_reading import read_kpis_of
from .reach import Reach, failures_by_provider, offline_note, reach_in
from .refresh_report import NONE_HEARD, RefreshListener, RefreshReport
from .sources import refresh_sources

if TYPE_CHECKING:
    from ..config import Config
    from ..market.http.client import MarketClient
    from ..market.models import EarningsDate, FetchError, QuoteOutcome
    from ..market.provider import QuoteProvider
    from ..market.registry import Sources
    from ..store import Store

log = logging.getLogger(__name__)

# Seconds. A quote pass of hundreds of symbols takes seconds; the bound leaves room for a symbol
# that each provider in turn keeps to the end of its request's deadline (market/http/client.py).
QUOTES_DEADLINE = 120.0
REFRESH_DEADLINE = 300.0  # quotes, restated histories, fundamentals and earnings dates
FILINGS_SHARE = 0.25  # of the time left after the quotes, for listing filings
RELEASES_SHARE = 0.5  # of the time left after the filings, for reading earnings releases


async def refresh_in_process(
    config: Config,
    store: Store,
    *,
    now: Callable[[], dt.datetime] | None = None,
    listener: RefreshListener = NONE_HEARD,
    client: MarketClient | None = None,
    env: Mapping[str, str] = os.environ,
    deadline: float = REFRESH_DEADLINE,
    quotes_deadline: float = QUOTES_DEADLINE,
) -> RefreshReport:
    """Fetch and store quotes (+ history), then fundamentals and earnings where due: within
    `deadline` seconds, of which the quote pass takes at most `quotes_deadline`. `listener`
    hears the quote pass's progress, Reach.OFFLINE or Reach.UNREACHABLE as soon as the quote
    pass ends without a quote, or that it stored a quote (the filings and the Street to come)."""
    clock = now or (lambda: dt.datetime.now(dt.UTC))
    report = RefreshReport(started=clock())
    ends = time.monotonic() + deadline
    symbols = store.views.active_symbols()
    report.symbols = list(symbols)
    sources = refresh_sources(config, store, env, clock)
    report.notes.extend(sources.notes)
    paused = store.providers.paused(clock())
    providers = [p for p in sources.quotes if p.name not in paused]
    for name, until in paused.items():
        report.notes.append(f"{name}: paused until {until:%H:%M} UTC after refusing requests")
    owned = client is None
    if client is None:  # the HTTP stack loads with the first client (jobs/worker/process.py)
        from .client import market_client

        client = market_client(config, report.notes)
    before = _Tally(
        client.requests.copy(),
        client.answered.copy(),
        client.failed.copy(),
        client.refusals.copy(),
    )
    outcomes: dict[str, QuoteOutcome] = {}
    try:
        # the benchmarks the returns are held against: fetched as a ticker is, shown as none
        asked = symbols + store.dividends.benchmarks_to_fetch()
        reads = asyncio.ensure_future(_while_asked(store, asked, clock()))
        try:
            outcomes = await fetch_quotes(
                client,
                providers,
                asked,
                _starts(reads),
                listener.on_progress,
                min(quotes_deadline, deadline),
            )
        finally:
            due, closes = await reads
        report.reach = reach_in(outcomes)
        if report.reach:  # each provider's failure, said once (not once a symbol)
            report.failures = failures_by_provider(outcomes.values())
        if report.reach:
            listener.reach(report.reach)  # said now: what follows is stored data's and skipped
        async with _within(ends, deadline, report):
            await _history_after_jumps(store, client, providers, outcomes, closes, clock())
        store.market.save_quotes(outcomes.values(), clock())
        store.dividends.save([d for o in outcomes.values() for d in o.dividends])
        whole = [s for s, start in due.items() if start is None and outcomes[s].bars]
        store.market.mark_backfilled(whole, clock())
        if not report.reach:  # a quote came: there are prices
            listener.stored()
        active = set(symbols)  # the benchmarks are fetched too, and are no ticker
        report.fresh = {s for s, o in outcomes.items() if o.quote is not None and s in active}
        report.notes.extend(f"{p.name}: {p.fallback}" for p in providers if p.fallback)
        refusing = _refusing(paused, outcomes)
        async with _within(ends, deadline, report):
            if report.reach is Reach.OFFLINE:  # every host asked was out of reach: none more
                report.notes.append(offline_note(s for s, t in config.tickers.items() if t.feeds))
            else:
                from .fx import refresh_rates  # the steps after the quotes: not loaded offline

                fx = [s for s in sources.fx if s.name not in refusing]
                await refresh_rates(fx, store, client, clock, config, report.notes)
                await _restate_split_histories(store, client, providers, set(symbols), report)
                await _daily_and_evidence(
                    store,
                    client,
                    clock,
                    sources,
                    providers,
                    symbols,
                    report,
                    refusing,
                    ends,
                    config,
                )
    finally:
        _record_providers(store, clock(), outcomes, client, before, {p.name for p in providers})
        if owned:
            await client.aclose()
    match_evidence(store, config, clock())
    read_kpis_of(store, clock())
    report.stored = bool(report.fresh) or store.market.any_price(symbols)
    return report


async def _daily_and_evidence(
    store: Store,
    client: MarketClient,
    clock: Callable[[], dt.datetime],
    sources: Sources,
    providers: list[QuoteProvider],
    symbols: list[str],
    report: RefreshReport,
    refusing: set[str],
    ends: float,
    config: Config,
) -> None:
    """Filings, within FILINGS_SHARE of the time left; the earnings releases they hold, within
    RELEASES_SHARE of what is left then; fundamentals and earnings dates where due; then the
    evidence documents and news, in what time is left (`ends`, monotonic): so no flood of
    filings or exhibits starves the daily fetches, and what was read is stored."""
    # Imported here, as the refresh's first step that needs them: a refresh that found no
    # network (every host asked out of reach) never loads them (bench/offline.py).
    from .daily import DailyFetches
    from .estimates import EstimatesFetch
    from .evidence import EvidenceFetches
    from .fetches import registered_fetches
    from .results import ReleaseReading
    from .segments import SegmentsReading

    daily = DailyFetches(store, client, clock, report.notes)
    report.fundamentals_updated = daily.fundamentals_updated
    report.earnings_updated = daily.earnings_updated
    # What one step fetched (by URL) for a later one that reads the same document: each once.
    fetched: dict[str, bytes] = {}
    notify = RESULTS in config.settings.notify
    releases = ReleaseReading(store, client, clock, report.notes, notify, fetched=fetched)
    lines = SegmentsReading(store, client, clock, report.notes, fetched)
    feeds = {s: t.feeds for s, t in config.tickers.items() if t.feeds}
    evidence = EvidenceFetches(
        store,
        client,
        clock,
        report.notes,
        sources.filings,
        sources.news,
        releases,
        feed_source=sources.feeds,
        feeds=feeds,
        fetched=fetched,
    )
    ciks = await daily.ciks(sources.fundamentals)  # one read (and fetch) for both

    def share(of: float) -> float:  # the moment `of` the time left now has passed
        return time.monotonic() + max(0.0, ends - time.monotonic()) * of

    # Filings first (their share counted after the weekly CIK map, which may take its time): a
    # new 8-K with results makes this refresh's fundamentals due.
    evidence.until = share(FILINGS_SHARE)
    await evidence.list_filings(symbols, ciks)
    try:  # the product lines of the reports just listed, in a share of their own
        async with asyncio.timeout(max(0.0, share(FILINGS_SHARE) - time.monotonic())):
            await lines.run(sources.filings, evidence.listed)
    except TimeoutError:
        report.notes.append("product lines left to a later refresh: out of their share of time")
    evidence.until = share(RELEASES_SHARE)
    await evidence.read_releases(symbols, ciks)
    street = EstimatesFetch(store, client, clock, report.notes)

    async def estimates_then_earnings() -> None:  # the estimates' answers carry dates too
        await street.fetch(sources.estimates, symbols, refusing)
        earnings = [s for s in sources.earnings if s.name not in refusing | street.refusing()]
        first = sources.earnings[0].name if sources.earnings else ""  # Finnhub's, when keyed
        # With the dates the quote answers carried (Yahoo's v7 batches), read for those due.
        # (ChainMap writes none of its maps here: typeshed asks mutable ones of it.)
        seen: Mapping[str, EarningsDate | None] = ChainMap(
            street.found_dates(first),
            *[
                cast("MutableMapping[str, EarningsDate | None]", p.earnings_seen)
                for p in reversed(providers)
            ],
        )
        await daily.earnings(earnings, symbols, seen, report.fresh, street.answered())

    await asyncio.gather(
        daily.fundamentals(sources.fundamentals, symbols, ciks),
        estimates_then_earnings(),
        registered_fetches(store, client, clock, sources, symbols, report.notes),
    )
    evidence.until = ends
    await evidence.read(symbols)


async def _while_asked(
    store: Store, symbols: list[str], now: dt.datetime
) -> tuple[dict[str, dt.date | None], dict[str, float]]:
    """What the quote pass and the jump check read from the store (the history due, the last
    closes), read while the pass's first requests are on their way: a few turns of the loop let
    it send them, and 4-7 ms of reading then hides in their round trip."""
    for _ in range(4):
        await asyncio.sleep(0)
    return store.market.history_due(symbols, now), store.market.last_closes(symbols)


async def _starts(
    reads: Awaitable[tuple[dict[str, dt.date | None], dict[str, float]]],
) -> Mapping[str, dt.date | None]:
    return (await reads)[0]


async def _history_after_jumps(
    store: Store,
    client: MarketClient,
    providers: list[QuoteProvider],
    outcomes: Mapping[str, QuoteOutcome],
    stored: Mapping[str, float],
    now: dt.datetime,
) -> None:
    """A quote that is less than half or more than twice the last stored close may be a split
    (the batch does not say): that symbol's history is fetched now, with its events, rather
    than after the close, so the stored bars are never on another basis than the quote."""
    closes = {s: stored[s] for s, o in outcomes.items() if o.quote and not o.bars and s in stored}
    for symbol, close in closes.items():
        quote = outcomes[symbol].quote
        if quote is None or 0.5 <= quote.price / close <= 2.0:
            continue
        start = store.market.history_starts([symbol], now)[symbol]
        errors: list[FetchError] = []
        history = await first_history(client, providers, symbol, start, errors)
        for error in errors:
            log.info("history of %s after a jump in its price: %s", symbol, error)
        if history is not None:
            outcomes[symbol].bars, outcomes[symbol].splits = history.bars, list(history.splits)
            outcomes[symbol].dividends = list(history.dividends)


def _refusing(paused: Mapping[str, object], outcomes: Mapping[str, QuoteOutcome]) -> set[str]:
    """The providers paused, or refusing in this refresh's quote pass: not asked for more (FX
    rates, earnings dates)."""
    return set(paused) | {e.provider for o in outcomes.values() for e in o.errors if is_refusal(e)}


class _Tally(NamedTuple):
    """The client's counts by provider when a refresh began: requests, answers, failures."""

    requests: Counter[str]
    answered: Counter[str]
    failed: Counter[str]
    refusals: Counter[str]


def _record_providers(
    store: Store,
    now: dt.datetime,
    outcomes: Mapping[str, QuoteOutcome],
    client: MarketClient,
    before: _Tally,
    quoting: set[str],
) -> None:
    """Each provider's verdict of this refresh, and the requests made to every provider. A
    quote provider's comes from its quotes (one that refused, http_errors.is_refusal, is paused,
    with a longer pause each time); the others' (SEC, the news feed, FX) from their answers:
    answered, and what failed last."""
    succeeded = {o.quote.source for o in outcomes.values() if o.quote is not None}
    failed: dict[str, str] = {}
    refused: dict[str, str] = {}
    answered = client.answered - before.answered
    for name, count in (client.failed - before.failed).items():
        if name not in quoting and count:
            failed[name] = client.last_failure.get(name, "")
    succeeded |= {name for name, count in answered.items() if name not in quoting and count}
    for outcome in outcomes.values():
        for error in outcome.errors:
            if not error.provider:
                continue
            failed.setdefault(error.provider, error.message)
            if is_refusal(error):
                refused.setdefault(error.provider, error.message)
    for name, count in (client.refusals - before.refusals).items():
        if count:
            refused.setdefault(name, client.last_failure.get(name, ""))
    asked = client.requests - before.requests
    store.providers.record(
        now, succeeded=succeeded, failed=failed, refused=refused, requests=dict(asked)
    )


@asynccontextmanager
async def _within(ends: float, deadline: float, report: RefreshReport) -> AsyncIterator[None]:
    """The rest of the refresh, cut at its deadline (monotonic `ends`): what was on the way
    then is due at the next refresh, as it was before (nothing marked fetched)."""
    try:
        async with asyncio.timeout(max(0.0, ends - time.monotonic())):
            yield
    except TimeoutError:
        report.notes.append(
            f"refresh stopped at its deadline ({deadline:g}s): what was still on the way is "
            "fetched at the next refresh"
        )


async def _restate_split_histories(
    store: Store,
    client: MarketClient,
    providers: list[QuoteProvider],
    symbols: set[str],
    report: RefreshReport,
) -> None:
    """After a split, a symbol's stored bars from before it are on the old basis: fetch its whole
    stored span again (the sources serve it restated) and replace it. A failure leaves it to the
    next refresh."""
    pending = {s.symbol for s in store.market.splits_to_restate() if s.symbol in symbols}
    for symbol in sorted(pending):
        start = store.market.first_bar_day(symbol)
        errors: list[FetchError] = []
        history = await first_history(client, providers, symbol, start, errors)
        for error in errors:
            log.info("restating %s after its split: %s", symbol, error)
        if history is not None:
            store.market.replace_history(symbol, history.bars)
            store.dividends.save(history.dividends)  # restated for the split as the bars are
            report.notes.append(f"{symbol}: price history restated for its split")
        else:
            report.notes.append(f"{symbol}: split found, history not restated yet (next refresh)")
