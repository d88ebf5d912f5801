"""One market refresh in this process: quotes and history, FX rates (jobs/fx.py), then filings
and evidence (jobs/evidence.py), fundamentals and earnings when due; stored. The sources are
built here from the config (market/ never reads the config).

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
import importlib.util
import logging
import os
import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..config import Config
from ..market.earnings import FinnhubEarnings, YahooEarnings, fetch_next_earnings
from ..market.finnhub import FinnhubProvider
from ..market.http.client import MarketClient
from ..market.http.errors import is_refusal
from ..market.models import EarningsDate, FetchError, LastQuote, QuoteOutcome
from ..market.provider import EarningsSource, QuoteProvider
from ..market.quotes import ProgressCallback, fetch_quotes, first_history
from ..market.sec.client import SecEdgar
from ..market.sec.tickers import cik_for
from ..market.stooq import StooqProvider
from ..market.yahoo.provider import YahooProvider
from ..market.yahoo.session import YahooCrumb
from ..store import Store
from .evidence import EvidenceFetches
from .evidence_match import match_evidence
from .fx import refresh_fx

log = logging.getLogger(__name__)

DAILY = dt.timedelta(days=1)
RETRY_FAILED_AFTER = dt.timedelta(hours=1)
CIK_MAP_MAX_AGE = dt.timedelta(days=7)
# Seconds. A quote pass of hundreds of symbols takes seconds; the bound leaves room for a symbol
# that each provider in turn keeps to the end of its request's deadline (market/http/client.py).
QUOTES_DEADLINE = 120.0
REFRESH_DEADLINE = 300.0  # quotes, restated histories, fundamentals and earnings dates
NO_SEC_CONTACT = (
    "fundamentals: no SEC contact set, so no EDGAR request was made; set "
    'providers.sec.user_agent = "Your Name you@example.com" in catalysts.toml'
)


@dataclass
class RefreshReport:
    """What a cycle did: the stored quote of every symbol afterwards, and notes for people."""

    started: dt.datetime
    statuses: list[LastQuote] = field(default_factory=list)
    fresh: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    fundamentals_updated: list[str] = field(default_factory=list)
    earnings_updated: list[str] = field(default_factory=list)
    # When no provider gave a single quote: "offline" (every fetch failed on the network: no
    # connection, no answer in time), "unreachable" (they answered, with errors); else "".
    reach: str = ""

    @property
    def stale(self) -> list[str]:
        return [s.symbol for s in self.statuses if s.symbol not in self.fresh]

    @property
    def all_fresh(self) -> bool:
        return not self.stale


def _finnhub_key(config: Config, env: Mapping[str, str]) -> str:
    """The Finnhub key from the environment variable the config names ('' when unset)."""
    return env.get(config.providers.finnhub.api_key_env, "").strip()


def yahoo_crumb(config: Config, store: Store) -> YahooCrumb:
    """Yahoo's cookie and crumb, kept in the database: every process shares one."""
    yahoo = config.providers.yahoo
    return YahooCrumb(
        yahoo.base_url,
        yahoo.cookie_url,
        load=lambda: store.providers.session("yahoo"),
        save=lambda session: store.providers.save_session("yahoo", session),
    )


def browser_origins(config: Config) -> tuple[str, ...]:
    """The origins (scheme://host[:port]) of the providers `settings.browser_tls` names: their
    requests go through a browser's TLS handshake (market/http/browser_tls.py)."""
    urls: dict[str, tuple[str, ...]] = {
        "yahoo": (config.providers.yahoo.base_url, config.providers.yahoo.cookie_url),
        "stooq": (config.providers.stooq.base_url,),
        "finnhub": (config.providers.finnhub.base_url,),
    }
    out = []
    for name in config.settings.browser_tls:
        for url in urls.get(name, ()):
            parts = urlsplit(url)
            out.append(f"{parts.scheme}://{parts.netloc}")
    return tuple(dict.fromkeys(out))


def quote_providers(
    config: Config, env: Mapping[str, str] = os.environ, crumb: YahooCrumb | None = None
) -> tuple[list[QuoteProvider], list[str]]:
    """The configured quote providers in fallback order, and notes about ones left out.
    Yahoo quotes come in v7 batches with `crumb`, one chart per symbol without."""
    providers: list[QuoteProvider] = []
    notes: list[str] = []
    settings = config.providers
    for name in config.settings.providers:
        if name == "yahoo":
            providers.append(YahooProvider(settings.yahoo.base_url, crumb=crumb))
        elif name == "stooq":
            providers.append(StooqProvider(settings.stooq.base_url))
        elif name == "finnhub":
            if key := _finnhub_key(config, env):
                providers.append(FinnhubProvider(key, settings.finnhub.base_url))
            else:
                notes.append(
                    f"finnhub: skipped, ${settings.finnhub.api_key_env} is not set "
                    "(get a free key at finnhub.io and export it)"
                )
    return providers, notes


def earnings_sources(
    config: Config, env: Mapping[str, str] = os.environ, crumb: YahooCrumb | None = None
) -> list[EarningsSource]:
    settings = config.providers
    sources: list[EarningsSource] = []
    key = _finnhub_key(config, env)
    if key and "finnhub" in config.settings.providers:
        sources.append(FinnhubEarnings(key, settings.finnhub.base_url))
    sources.append(YahooEarnings(settings.yahoo.base_url, settings.yahoo.cookie_url, crumb))
    return sources


async def refresh_in_process(
    config: Config,
    store: Store,
    *,
    now: Callable[[], dt.datetime] | None = None,
    on_progress: ProgressCallback | None = None,
    client: MarketClient | None = None,
    env: Mapping[str, str] = os.environ,
    deadline: float = REFRESH_DEADLINE,
    quotes_deadline: float = QUOTES_DEADLINE,
) -> RefreshReport:
    """Fetch and store quotes (+ history), then fundamentals and earnings where due: within
    `deadline` seconds, of which the quote pass takes at most `quotes_deadline`."""
    clock = now or (lambda: dt.datetime.now(dt.UTC))
    report = RefreshReport(started=clock())
    ends = time.monotonic() + deadline
    symbols = store.views.active_symbols()
    crumb = yahoo_crumb(config, store)
    configured, notes = quote_providers(config, env, crumb)
    report.notes.extend(notes)
    paused = store.providers.paused(clock())
    providers = [p for p in configured if p.name not in paused]
    for name, until in paused.items():
        report.notes.append(f"{name}: paused until {until:%H:%M} UTC after refusing requests")
    owned = client is None
    origins = browser_origins(config)
    if origins and importlib.util.find_spec("curl_cffi") is None:
        report.notes.append(
            "browser_tls: curl_cffi is not installed (pip install 'catalyst-tui[browser]'), "
            "so Python's own TLS handshake is used"
        )
        origins = ()
    client = client or MarketClient(browser_origins=origins)
    asked_before = client.requests.copy()
    outcomes: dict[str, QuoteOutcome] = {}
    try:
        due = store.market.history_due(symbols, clock())
        outcomes = await fetch_quotes(
            client, providers, symbols, due, on_progress, min(quotes_deadline, deadline),
        )  # fmt: skip
        async with _within(ends, deadline, report):
            await _history_after_jumps(store, client, providers, outcomes, clock())
        store.market.save_quotes(outcomes.values(), clock())
        whole = [s for s, start in due.items() if start is None and outcomes[s].bars]
        store.market.mark_backfilled(whole, clock())
        report.fresh = {s for s, o in outcomes.items() if o.quote is not None}
        report.notes.extend(f"{p.name}: {p.fallback}" for p in providers if p.fallback)
        yahoo = next((p for p in providers if isinstance(p, YahooProvider)), None)
        refusing = _refusing(paused, outcomes)
        async with _within(ends, deadline, report):
            await refresh_fx(config, store, client, clock, report.notes, refusing)
            await _restate_split_histories(store, client, providers, set(symbols), report)
            offline = not report.fresh and all(
                e.kind in ("network", "timeout") for o in outcomes.values() for e in o.errors
            )
            if symbols and not report.fresh:
                report.reach = "offline" if offline else "unreachable"
            if symbols and offline:
                report.notes.append("no network: fundamentals and earnings dates not refreshed")
            else:
                daily = _DailyFetches(config, store, client, clock, report)
                # Filings first: a new 8-K with results makes this refresh's fundamentals due.
                evidence = EvidenceFetches(config, store, client, clock, report.notes)
                ciks = await daily.ciks()  # one read (and fetch) for filings and fundamentals
                await evidence.run(symbols, ciks)
                seen = yahoo.earnings_seen if yahoo is not None else {}
                await asyncio.gather(
                    daily.fundamentals(symbols, ciks),
                    daily.earnings(symbols, env, crumb, seen, refusing),
                )
    finally:
        _record_providers(store, clock(), outcomes, client.requests - asked_before)
        if owned:
            await client.aclose()
    match_evidence(store, config, clock())
    report.statuses = list(store.market.last_quotes(symbols).values())
    return report


async def _history_after_jumps(
    store: Store,
    client: MarketClient,
    providers: list[QuoteProvider],
    outcomes: Mapping[str, QuoteOutcome],
    now: dt.datetime,
) -> None:
    """A quote that is less than half or more than twice the last stored close may be a split
    (the batch does not say): that symbol's history is fetched now, with its events, rather
    than after the close, so the stored bars are never on another basis than the quote."""
    quoted = [s for s, o in outcomes.items() if o.quote is not None and not o.bars]
    closes = store.market.last_closes(quoted)
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


def _refusing(paused: Mapping[str, object], outcomes: Mapping[str, QuoteOutcome]) -> set[str]:
    """The providers paused, or refusing in this refresh's quote pass: not asked for more (FX
    rates, earnings dates)."""
    return set(paused) | {e.provider for o in outcomes.values() for e in o.errors if is_refusal(e)}


def _record_providers(
    store: Store, now: dt.datetime, outcomes: Mapping[str, QuoteOutcome], asked: Mapping[str, int]
) -> None:
    """Each quote provider's verdict of this refresh, and the requests made to every provider:
    one that refused (http_errors.is_refusal) is paused, with a longer pause each time."""
    succeeded = {o.quote.source for o in outcomes.values() if o.quote is not None}
    failed: dict[str, str] = {}
    refused: dict[str, str] = {}
    for outcome in outcomes.values():
        for error in outcome.errors:
            if not error.provider:
                continue
            failed.setdefault(error.provider, error.message)
            if is_refusal(error):
                refused.setdefault(error.provider, error.message)
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
            report.notes.append(f"{symbol}: price history restated for its split")
        else:
            report.notes.append(f"{symbol}: split found, history not restated yet (next refresh)")


@dataclass
class _DailyFetches:
    """Fundamentals and earnings dates: fetched per symbol once a day (a failure after an
    hour), each symbol's result stored in its own transaction."""

    config: Config
    store: Store
    client: MarketClient
    clock: Callable[[], dt.datetime]
    report: RefreshReport

    def due(self, kind: str, symbols: list[str]) -> list[str]:
        return self.store.market.due(
            kind, symbols, self.clock(), every=DAILY, failed_every=RETRY_FAILED_AFTER
        )

    def failed(self, kind: str, symbol: str, error: Exception) -> None:
        """A failure that is no FetchError (a bug, an answer no check foresaw): this symbol's
        alone, tried again after the hour like any failed fetch."""
        log.error("%s %s failed", kind, symbol, exc_info=error)
        detail = f"unexpected failure: {type(error).__name__}: {error}"
        self.store.market.mark_fetched(kind, symbol, self.clock(), ok=False, detail=detail)
        self.report.notes.append(f"{kind} {symbol}: {detail}")

    async def fundamentals(self, symbols: list[str], ciks: Mapping[str, str]) -> None:
        """The due symbols' SEC facts, their CIKs from `ciks` (the map of `ciks()`)."""
        sec = self.config.providers.sec
        if not sec.user_agent:
            self.report.notes.append(NO_SEC_CONTACT)
            return
        due = self.due("fundamentals", symbols)
        if not due or not ciks:
            return
        edgar = SecEdgar(sec.base_url, sec.tickers_url, sec.user_agent)
        market, clock, client = self.store.market, self.clock, self.client

        async def one(symbol: str) -> None:
            cik = cik_for(symbol, ciks)
            if cik is None:  # ETFs, indices, foreign listings: not an error, just no filings
                market.mark_fetched("fundamentals", symbol, clock(), ok=True, detail="no CIK")
                return
            try:
                facts = await edgar.fetch_facts(client, cik)
            except FetchError as error:
                market.mark_fetched("fundamentals", symbol, clock(), ok=False, detail=str(error))
                self.report.notes.append(f"fundamentals {symbol}: {error}")
                return
            except Exception as error:
                self.failed("fundamentals", symbol, error)
                return
            market.save_facts(symbol, facts, clock())
            self.report.fundamentals_updated.append(symbol)

        await asyncio.gather(*(one(symbol) for symbol in due))

    async def ciks(self) -> dict[str, str]:
        """The ticker → CIK map (empty without an SEC contact)."""
        sec = self.config.providers.sec
        if not sec.user_agent:
            return {}
        return await self._cik_map(SecEdgar(sec.base_url, sec.tickers_url, sec.user_agent))

    async def _cik_map(self, edgar: SecEdgar) -> dict[str, str]:
        """The cached ticker → CIK map, fetched again when older than a week."""
        ciks = self.store.market.cik_map()
        if ciks and not self.store.market.due("cik_map", [""], self.clock(), every=CIK_MAP_MAX_AGE):
            return ciks
        try:
            ciks = await edgar.fetch_cik_map(self.client)
        except FetchError as error:
            if not ciks:
                self.report.notes.append(
                    f"fundamentals: the SEC ticker map is unavailable ({error})"
                )
            else:
                log.warning("keeping the cached SEC ticker map: %s", error)
            return ciks
        self.store.market.save_cik_map(ciks, self.clock())
        return ciks

    async def earnings(
        self,
        symbols: list[str],
        env: Mapping[str, str],
        crumb: YahooCrumb,
        seen: Mapping[str, EarningsDate | None],
        paused: set[str],
    ) -> None:
        """Next earnings dates of the symbols due: from the quote batch where it carried them
        (`seen`, no request), the others from the earnings sources not `paused` (or refusing)."""
        due = self.due("earnings", symbols)
        if not due:
            return
        market, clock = self.store.market, self.clock
        for symbol in [s for s in due if seen.get(s) is not None]:
            market.save_earnings(symbol, seen[symbol], clock())
            self.report.earnings_updated.append(symbol)
        due = [s for s in due if seen.get(s) is None]
        if not due:
            return
        sources = [s for s in earnings_sources(self.config, env, crumb) if s.name not in paused]
        if not sources:  # every source is paused: the dates wait, nothing is marked fetched
            return
        today = self.clock().date()

        async def one(symbol: str) -> None:
            try:
                found = await fetch_next_earnings(self.client, sources, symbol, today)
            except FetchError as error:
                if error.kind == "unknown_symbol" and symbol in self.report.fresh:
                    # Quoted a moment ago, so it exists: it only has no earnings calendar.
                    market.save_earnings(symbol, None, clock())
                    return
                market.mark_fetched("earnings", symbol, clock(), ok=False, detail=str(error))
                log.info("earnings %s: %s", symbol, error)
                return
            except Exception as error:
                self.failed("earnings", symbol, error)
                return
            market.save_earnings(symbol, found, clock())
            self.report.earnings_updated.append(symbol)

        await asyncio.gather(*(one(symbol) for symbol in due))
